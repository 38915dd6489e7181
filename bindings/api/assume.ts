/**
 * solve(A, B, { assumeA }) — the structure a caller asserts about A picks the solver (scipy.linalg.solve's
 * `assume_a`), each reading only the part of A its structure needs:
 *
 *   'general'             LU with partial pivoting (bindings/api/lu.ts; the default, unchanged)
 *   'symmetric'           Bunch–Kaufman LDLᵀ of the lower triangle (bindings/api/ldl.ts), n³/3 flops
 *   'positive-definite'   Cholesky of the lower triangle (bindings/api/cholesky.ts), n³/3 flops; not
 *                         positive definite → LinAlgError 'not-positive-definite' (never a fallback)
 *   'diagonal'            x = b ./ diag(A), O(n); a zero on the diagonal → LinAlgError 'singular'
 *   'upper-triangular'    back substitution (TRSM) on the upper triangle; a zero diagonal → 'singular'
 *   'lower-triangular'    forward substitution on the lower triangle
 *
 * The assertion is not checked (as in scipy): a non-symmetric A given as 'symmetric' is solved as the
 * symmetric matrix its lower triangle defines. `transpose` solves Aᵀ·X = B, which for the symmetric,
 * positive-definite and diagonal modes is the same system.
 */
import { LinAlgError } from '../core/errors.js';
import { describe, type VectorLike } from '../core/validate.js';
import { checkFiniteOption, checkRhs, notFinite, requireFinite, requireSquare, solveOnCopy, type FiniteOption } from './checks.js';
import { withMatrix, type MatrixLike } from './convert.js';
import type { Matrix } from './matrix.js';
import { factorization as choleskyFactorization } from './cholesky.js';
import { symmetricSolve } from './ldl.js';
import { triangularSolve } from './triangular.js';

/**
 * The structure of A that {@link solve} may assume (scipy's `assume_a`): `'general'` (LU, the
 * default), `'symmetric'` (LDLᵀ, lower triangle read), `'positive-definite'` (Cholesky, lower
 * triangle read), `'diagonal'`, `'upper-triangular'`, `'lower-triangular'`.
 *
 * @example
 * ```ts
 * const mode: AssumeA = 'symmetric';
 * solve(K, b, { assumeA: mode }); // K symmetric indefinite (a KKT matrix, say)
 * ```
 */
export type AssumeA = 'general' | 'symmetric' | 'positive-definite' | 'diagonal' | 'upper-triangular' | 'lower-triangular';

const MODES: readonly AssumeA[] = ['general', 'symmetric', 'positive-definite', 'diagonal', 'upper-triangular', 'lower-triangular'];

/** The `assumeA` option, validated ('general' when absent); a TypeError naming the value otherwise. */
export function assumeAOf(fn: string, o: { assumeA?: unknown }): AssumeA {
  const a = o.assumeA;
  if (a === undefined) return 'general';
  if (typeof a === 'string' && (MODES as readonly string[]).includes(a)) return a as AssumeA;
  const shown = typeof a === 'string' ? `'${a}'` : describe(a);
  throw new TypeError(`${fn}: unknown assumeA ${shown} (known: ${MODES.map((m) => `'${m}'`).join(', ')})`);
}

/** solve for every assumeA but 'general' (which stays in lu.ts); messages name `fn`. */
export function solveAssumed(
  fn: string,
  A: MatrixLike,
  B: MatrixLike | VectorLike,
  assumeA: Exclude<AssumeA, 'general'>,
  options: FiniteOption & { transpose?: boolean },
): Matrix | Float64Array {
  switch (assumeA) {
    case 'symmetric':
      return symmetricSolve(fn, A, B, options);
    case 'upper-triangular':
    case 'lower-triangular':
      // checkRhs first, as the other modes: B's shape is checked before A is looked at.
      return withMatrix(fn, 'A', A, (M) => {
        requireSquare(fn, M);
        checkRhs(fn, B, M.rows);
        return triangularSolve(fn, 'A', M, B, { lower: assumeA === 'lower-triangular', transpose: options.transpose === true, checkFinite: options.checkFinite });
      });
    case 'positive-definite':
      return withMatrix(fn, 'A', A, (M) => {
        requireSquare(fn, M);
        checkRhs(fn, B, M.rows); // before the O(n³) factorisation
        const F = choleskyFactorization(fn, M, options);
        try {
          return F._solve(fn, B, options);
        } finally {
          F.dispose();
        }
      });
    case 'diagonal':
      return withMatrix(fn, 'A', A, (M) => diagonalSolve(fn, M, B, options));
  }
}

/** X = diag(A)⁻¹·B, row i of B divided by aᵢᵢ; a zero aᵢᵢ is LinAlgError 'singular'. */
function diagonalSolve(fn: string, A: Matrix, B: MatrixLike | VectorLike, options: FiniteOption): Matrix | Float64Array {
  requireSquare(fn, A);
  checkRhs(fn, B, A.rows);
  const check = checkFiniteOption(options);
  if (check) requireFinite(fn, A);
  const n = A.rows;
  const s = A._store();
  const a = s.array();
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = a[s.offset + i + i * A._ld]!;
  for (let i = 0; i < n; i++) {
    if (d[i] === 0) throw new LinAlgError('singular', `${fn}: A[${i}, ${i}] = 0: the (diagonal) matrix is singular`, i + 1);
    // Unchecked, an Inf on the diagonal would make x_i = 0 out of non-finite data.
    if (!check && !Number.isFinite(d[i]!)) throw notFinite(fn, 'the diagonal of A');
  }
  return solveOnCopy(fn, B, n, check, (X) => {
    const x = X.store.array();
    const o = X.store.offset;
    for (let j = 0; j < X.cols; j++) for (let i = 0; i < n; i++) x[o + i + j * X.ld] = x[o + i + j * X.ld]! / d[i]!;
  });
}
