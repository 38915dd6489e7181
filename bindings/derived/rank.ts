/**
 * Numerical rank from the singular values: matrixRank, and the thresholds the other SVD-based
 * functions (pinv, nullSpace, orth, subspaces) share.
 */
import { EPS } from '../core/machine.js';
import type { FiniteOption } from '../api/checks.js';
import { withMatrix, type MatrixLike } from '../api/convert.js';
import type { Matrix } from '../api/matrix.js';
import { rawSvd } from '../api/svd.js';
import { SvdJob } from '../core/lapack.js';
import { optionsOf, tolerance } from '../core/validate.js';

/** Default relative threshold for "zero" singular values: max(m, n)·eps (numpy's matrix_rank, pinv). */
export function defaultRtol(A: Matrix): number {
  return Math.max(A.rows, A.cols) * EPS;
}

/** The number of σᵢ > cutoff (s descending). */
export function rankOf(s: Float64Array, cutoff: number): number {
  let r = 0;
  while (r < s.length && s[r]! > cutoff) r++;
  return r;
}

/**
 * The rank relative to σ₀: the number of σᵢ > rtol·σ₀, rtol defaulting to max(m, n)·eps (numpy's
 * pinv and scipy's null_space/orth rule).
 */
export function relativeRank(A: Matrix, s: Float64Array, rtol: number | undefined): number {
  return rankOf(s, (rtol ?? defaultRtol(A)) * (s[0] ?? 0));
}

/**
 * Numerical rank: the number of singular values σᵢ > tol (default tol = σ₀·max(m, n)·eps, as numpy's
 * matrix_rank).
 *
 * @example
 * ```ts
 * matrixRank([[1, 2], [2, 4]]);            // 1
 * matrixRank(A, { tol: 1e-8 });            // an absolute threshold
 * ```
 */
export function matrixRank(A: MatrixLike, opts?: ({ tol?: number } & FiniteOption) | null): number {
  const options = optionsOf('matrixRank', opts);
  const t = tolerance('matrixRank', 'tol', options.tol);
  return withMatrix('matrixRank', 'A', A, (A) => {
    const s = rawSvd('matrixRank', A, SvdJob.Values, options).s;
    const tol = t ?? (s[0] ?? 0) * defaultRtol(A);
    return rankOf(s, tol);
  });
}
