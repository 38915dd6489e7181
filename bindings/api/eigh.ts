/**
 * Symmetric eigendecomposition A = Z·Λ·Zᵀ (the spectral theorem): `eigh` (values and orthonormal
 * vectors) and `eigvalsh` (values only, faster).
 *
 * Kernels: Householder tridiagonalisation (blocked sytrd: latrd panels + SYR2K through the GEMM),
 * then implicit QL/QR sweeps with Wilkinson shifts (steqr, rotations buffered and applied to Z in
 * SIMD panels) or the root-free variant for values only (sterf) — LAPACK dsyev's algorithm.
 * Backward stable: ‖A − ZΛZᵀ‖ ≤ p(n)·eps·‖A‖, ‖ZᵀZ − I‖ ≤ p(n)·eps.
 *
 * Conventions: only the LOWER triangle of A is read (as numpy's eigh with UPLO='L'); eigenvalues
 * ascending; eigenvectors orthonormal, column j for λⱼ, each signed so that its entry of largest
 * magnitude (the first on ties) is positive. Matrices scaled near overflow or underflow are scaled by a
 * power of two internally. An iteration cap (30·n sweeps) turns non-convergence into LinAlgError
 * 'no-convergence' — never a hang.
 */
import * as lapack from '../core/lapack.js';
import { LinAlgError } from '../core/errors.js';
import { scoped } from '../core/scope.js';
import { optionsOf } from '../core/validate.js';
import { checkFiniteOption, maxAbs, requireFinite, requireSquare, type FiniteOption } from './checks.js';
import { copyOf, withMatrix, type MatrixLike } from './convert.js';
import type { Matrix } from './matrix.js';
import { disposableResult, type DisposableResult } from '../core/tidy.js';
import { smallEigh } from './small.js';
import { subsetOf, subsetStandardSolve, type SubsetOptions } from './eigh-subset.js';

/**
 * Options of {@link eigh} and {@link eigvalsh}: `checkFinite`, and at most one of `subsetByIndex` /
 * `subsetByValue` to compute only some of the eigenpairs (scipy's `subset_by_index` / `subset_by_value`).
 *
 * @example
 * ```ts
 * const top = eigh(S, { subsetByIndex: [S.rows - 10, S.rows - 1] }); // the 10 largest pairs
 * ```
 */
export interface EighOptions extends FiniteOption, SubsetOptions {}

/**
 * The result of {@link eigh}: A = Z·Λ·Zᵀ with Λ = diag(values) and Z = vectors.
 *
 * @example
 * ```ts
 * const { values, vectors } = eigh(S);
 * ```
 */
export interface EighResult extends DisposableResult {
  /** Eigenvalues, ascending. */
  values: Float64Array;
  /** Orthonormal eigenvectors as columns (column j for values[j]). */
  vectors: Matrix;
}

function run(fn: string, A: Matrix, vectors: boolean, options: EighOptions): { values: Float64Array; Z: Matrix | null } {
  requireSquare(fn, A);
  const sel = subsetOf(fn, options, A.rows);
  if (checkFiniteOption(options)) requireFinite(fn, A);
  // a selection of every index is the full problem (as dsyevx does: steqr/sterf then)
  if (sel !== null && !(sel.kind === 'index' && sel.il === 0 && sel.iu === A.rows - 1)) {
    const r = subsetStandardSolve(fn, A, sel, vectors);
    if (r !== null) return r; // (null: a range of values that holds them all)
  }
  return scoped((s) => {
    const Z = s.track(copyOf(A));
    const values = new Float64Array(A.rows);
    const info = lapack.syev(Z._v(), values, { vectors });
    if (info > 0) {
      if (!Number.isFinite(maxAbs(A))) {
        throw new LinAlgError('not-finite', `${fn}: A contains NaN or Inf (checked after the iteration failed; checkFinite was off)`);
      }
      throw new LinAlgError(
        'no-convergence',
        `${fn}: the QR iteration did not converge: ${info} off-diagonal element(s) of the tridiagonal form remain`,
        info,
      );
    }
    return { values, Z: s.keep(Z) };
  });
}

/**
 * Eigenvalues (ascending) and orthonormal eigenvectors of a symmetric matrix (lower triangle read;
 * numpy's eigh). Each eigenvector is signed so that its entry of largest magnitude is positive.
 * `subsetByIndex: [lo, hi]` or `subsetByValue: [vl, vu]` compute only the pairs lo…hi (0-based,
 * inclusive) or those with eigenvalue in (vl, vu] — n×k vectors, at a cost that falls with k
 * (bisection and inverse iteration; scipy's `subset_by_index` / `subset_by_value`).
 *
 * @example
 * ```ts
 * const r = eigh([[2, 1], [1, 2]]);
 * r.values;              // Float64Array [1, 3]
 * r.vectors.column(1);   // ≈ [0.7071, 0.7071]
 * r.dispose();
 * const top = eigh(S, { subsetByIndex: [S.rows - 3, S.rows - 1] }); // the 3 largest pairs
 * ```
 */
export function eigh(A: MatrixLike, options?: EighOptions | null): EighResult {
  if (options == null) {
    const r = smallEigh(A);
    if (r !== undefined) return disposableResult(r);
  }
  const o = optionsOf('eigh', options);
  return withMatrix('eigh', 'A', A, (A) => {
    const { values, Z } = run('eigh', A, true, o);
    return disposableResult({ values, vectors: Z! });
  });
}

/**
 * Eigenvalues (ascending) of a symmetric matrix (lower triangle read), without vectors (faster);
 * `subsetByIndex` / `subsetByValue` select some of them, as for {@link eigh}.
 *
 * @example
 * ```ts
 * eigvalsh([[2, 1], [1, 2]]); // Float64Array [1, 3]
 * eigvalsh([[2, 1], [1, 2]], { subsetByValue: [2, 5] }); // Float64Array [3]
 * ```
 */
export function eigvalsh(A: MatrixLike, options?: EighOptions | null): Float64Array {
  const o = optionsOf('eigvalsh', options);
  return withMatrix('eigvalsh', 'A', A, (A) => {
    const { values, Z } = run('eigvalsh', A, false, o);
    Z?.dispose();
    return values;
  });
}
