/**
 * The generalised symmetric-definite eigenproblem — `eigh(A, B, { type })` and `eigvalsh(A, B, …)`,
 * scipy.linalg.eigh(a, b, type=…)'s meaning:
 *
 *   type 1:  A·x = λ·B·x        type 2:  A·B·x = λ·x        type 3:  B·A·x = λ·x
 *
 * with A symmetric and B symmetric positive definite (lower triangles read, as the standard eigh).
 * LAPACK dsygv's method (Golub & Van Loan, 4th ed., §8.7.2):
 *
 *   1. B = L·Lᵀ (potrf; B not positive definite → LinAlgError 'not-positive-definite' naming B);
 *   2. the standard problem C·y = λ·y with C = L⁻¹·A·L⁻ᵀ (type 1) or Lᵀ·A·L (types 2, 3) (sygst, blocked);
 *   3. C = Y·Λ·Yᵀ by the standard symmetric solver of eigh.ts (passed in, so that what it can do — all
 *      pairs today, selected ones later — the generalised form gets too);
 *   4. back-transformation: X = L⁻ᵀ·Y (types 1, 2: trsm) or X = L·Y (type 3: trmm); each column then
 *      signed so that its entry of largest magnitude is positive, as eigh's.
 *
 * The vectors are B-orthonormal: Xᵀ·B·X = I for types 1 and 2, Xᵀ·B⁻¹·X = I for type 3 (LAPACK's and
 * scipy's normalisation), and A·X = B·X·Λ (1), A·B·X = X·Λ (2), B·A·X = X·Λ (3). Accuracy: backward
 * stable in the standard problem; the reduction costs a factor of order κ(B) in the small eigenvalues
 * of type 1 when B is ill-conditioned (Golub & Van Loan §8.7.2; no method based on the Cholesky factor
 * avoids it).
 */
import * as lapack from '../core/lapack.js';
import { LinAlgError, shapeStr } from '../core/errors.js';
import { scoped } from '../core/scope.js';
import { describe } from '../core/validate.js';
import { checkFiniteOption, notFinite, requireFinite, requireSquare, type FiniteOption } from './checks.js';
import { lowerFinite } from './cholesky.js';
import { copyOf, withMatrix, type MatrixLike } from './convert.js';
import { Matrix } from './matrix.js';

/**
 * The `type` option of {@link eigh} and {@link eigvalsh} with a second matrix B: which generalised
 * problem to solve — 1: A·x = λ·B·x (the default), 2: A·B·x = λ·x, 3: B·A·x = λ·x (scipy's `type`).
 *
 * @example
 * ```ts
 * eigh(A, B, { type: 2 }); // A·B·x = λ·x
 * ```
 */
export interface EighTypeOption {
  /** 1: A·x = λ·B·x (default), 2: A·B·x = λ·x, 3: B·A·x = λ·x. Ignored without B. */
  type?: 1 | 2 | 3;
}

/**
 * The standard solver the generalised problem runs on its reduced matrix C (a working copy it owns):
 * the eigenvalues, and the eigenvectors as columns of Z (C itself, overwritten, or a new matrix whose
 * ownership passes to the caller) when vectors were asked for. `inputs` are the user's A and B, for
 * the solver to tell a failure caused by NaN/Inf in them (checkFinite off) from a genuine one.
 *
 * @internal
 */
export type StandardSolver = (C: Matrix, inputs: readonly Matrix[]) => { values: Float64Array; Z: Matrix };

/**
 * Splits eigh's and eigvalsh's arguments `(A, B?, options?)` / `(A, options?)`: a Matrix or an array
 * in second place is B; null/undefined there means no B, with the options third; anything else there
 * is the options, and then nothing may follow (TypeError naming B otherwise).
 *
 * @internal
 */
export function eighArgs(fn: string, second: unknown, third: unknown): { B: MatrixLike | undefined; options: unknown } {
  if (second instanceof Matrix || Array.isArray(second)) return { B: second as MatrixLike, options: third };
  if (second == null) return { B: undefined, options: third };
  if (third !== undefined) {
    throw new TypeError(`${fn}: B must be a Matrix or an array of rows (number[][]) when options follow it, got ${describe(second)}`);
  }
  return { B: undefined, options: second };
}

/** The validated `type` option (1 when absent). @internal */
export function eighType(fn: string, o: EighTypeOption): 1 | 2 | 3 {
  const t: unknown = o.type;
  if (t === undefined) return 1;
  if (typeof t !== 'number') throw new TypeError(`${fn}: type must be 1, 2 or 3, got ${describe(t)}`);
  if (t !== 1 && t !== 2 && t !== 3) throw new RangeError(`${fn}: type must be 1, 2 or 3, got ${t}`);
  return t;
}

/** Negates each column of Z whose entry of largest magnitude (the first on ties) is negative. */
function signColumns(Z: Matrix): void {
  const s = Z._store();
  const a = s.array();
  for (let j = 0; j < Z.cols; j++) {
    const o = s.offset + j * Z._ld;
    let imax = 0;
    let amax = -1;
    for (let i = 0; i < Z.rows; i++) {
      const v = Math.abs(a[o + i]!);
      if (v > amax) {
        amax = v;
        imax = i;
      }
    }
    if (a[o + imax]! < 0) for (let i = 0; i < Z.rows; i++) a[o + i] = -a[o + i]!;
  }
}

/**
 * The generalised problem on matrix arguments: validation, the Cholesky factor of B, the reduction,
 * `solve` on the reduced matrix, and (vectors) the back-transformation. Returns the values and, with
 * `vectors`, the B-orthonormal eigenvectors (owned by the caller).
 *
 * @internal
 */
export function generalEigh(
  fn: string, A: MatrixLike, B: MatrixLike, vectors: boolean, options: FiniteOption & EighTypeOption, solve: StandardSolver,
): { values: Float64Array; Z: Matrix | null } {
  const itype = eighType(fn, options);
  return withMatrix(fn, 'A', A, (A) => withMatrix(fn, 'B', B, (B) => {
    requireSquare(fn, A);
    if (B.rows !== A.rows || B.cols !== A.cols) {
      throw new RangeError(`${fn}: B must be square of A's order (A is ${shapeStr(A.rows, A.cols)}), got ${shapeStr(B.rows, B.cols)}`);
    }
    const check = checkFiniteOption(options);
    if (check) {
      requireFinite(fn, A);
      requireFinite(fn, B, 'B');
    }
    return scoped((s) => {
      const L = s.track(copyOf(B));
      const info = lapack.potrf(L._v());
      if (info > 0) {
        if (!check && !lowerFinite(B)) throw notFinite(fn, 'the lower triangle of B');
        throw new LinAlgError(
          'not-positive-definite',
          `${fn}: B is not positive definite: its leading minor of order ${info} is not positive (row/column ${info - 1}); no eigenvalues were computed`,
          info,
        );
      }
      const C = s.track(copyOf(A));
      lapack.sygst(itype, C._v(), L._v());
      const { values, Z } = solve(C, [A, B]);
      if (Z !== C) s.track(Z);
      if (!vectors) return { values, Z: null };
      if (itype === 3) lapack.trmm(L._v(), Z._v());
      else lapack.trsm(L._v(), Z._v(), { lower: true, trans: true });
      signColumns(Z);
      return { values, Z: s.keep(Z) };
    });
  }));
}
