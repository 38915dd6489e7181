/**
 * Orthonormal bases from the SVD: nullSpace, orth (the column space), and subspaces — the four
 * fundamental subspaces of A (Strang's table) with the rank.
 */
import * as lapack from '../core/lapack.js';
import { scoped } from '../core/scope.js';
import { optionsOf, tolerance } from '../core/validate.js';
import type { FiniteOption } from '../api/checks.js';
import { columns, withMatrix, type MatrixLike } from '../api/convert.js';
import type { Matrix } from '../api/matrix.js';
import { rawSvd } from '../api/svd.js';
import { relativeRank } from './rank.js';
import { disposableResult, type DisposableResult } from '../core/tidy.js';

/**
 * An orthonormal basis of the null space of A, as columns (n×(n − r), r the numerical rank), from the
 * full SVD (scipy's null_space).
 *
 * @example
 * ```ts
 * nullSpace([[1, 1]]).toArray(); // ≈ [[0.7071], [-0.7071]]
 * ```
 */
export function nullSpace(A: MatrixLike, opts?: ({ rtol?: number } & FiniteOption) | null): Matrix {
  const options = optionsOf('nullSpace', opts);
  const rtol = tolerance('nullSpace', 'rtol', options.rtol);
  return withMatrix('nullSpace', 'A', A, (A) =>
    scoped((sc) => {
      const { s, V } = sc.track(rawSvd('nullSpace', A, lapack.SvdJob.Full, options));
      const r = relativeRank(A, s, rtol);
      return columns(V!, r, A.cols);
    }),
  );
}

/**
 * An orthonormal basis of the column space (range) of A, as columns (m×r), from the SVD (scipy's orth).
 *
 * @example
 * ```ts
 * orth([[1, 2], [2, 4]]).shape; // [2, 1]: rank 1
 * ```
 */
export function orth(A: MatrixLike, opts?: ({ rtol?: number } & FiniteOption) | null): Matrix {
  const options = optionsOf('orth', opts);
  const rtol = tolerance('orth', 'rtol', options.rtol);
  return withMatrix('orth', 'A', A, (A) =>
    scoped((sc) => {
      const { U, s } = sc.track(rawSvd('orth', A, lapack.SvdJob.Thin, options));
      const r = relativeRank(A, s, rtol);
      return columns(U!, 0, r);
    }),
  );
}

/**
 * The four fundamental subspaces of A from {@link subspaces}, as orthonormal bases (columns).
 *
 * @example
 * ```ts
 * const { rank, columnSpace, nullSpace } = subspaces(A);
 * ```
 */
export interface Subspaces extends DisposableResult {
  /** Numerical rank r. */
  rank: number;
  /** Column space C(A) ⊂ ℝᵐ: m×r orthonormal basis (first r left singular vectors). */
  columnSpace: Matrix;
  /** Null space N(A) ⊂ ℝⁿ: n×(n − r) (last n − r right singular vectors). */
  nullSpace: Matrix;
  /** Row space C(Aᵀ) ⊂ ℝⁿ: n×r (first r right singular vectors). */
  rowSpace: Matrix;
  /** Left null space N(Aᵀ) ⊂ ℝᵐ: m×(m − r) (last m − r left singular vectors). */
  leftNullSpace: Matrix;
}

/**
 * The four fundamental subspaces of A (Strang's table) as orthonormal bases, with the rank, from one
 * full SVD: C(A) ⊥ N(Aᵀ) in ℝᵐ, C(Aᵀ) ⊥ N(A) in ℝⁿ, dim C(A) = dim C(Aᵀ) = r.
 *
 * @example
 * ```ts
 * const S = subspaces([[1, 2], [2, 4], [3, 6]]);
 * S.rank;                // 1
 * S.leftNullSpace.shape; // [3, 2]
 * S.dispose();           // frees the four bases
 * ```
 */
export function subspaces(A: MatrixLike, opts?: ({ rtol?: number } & FiniteOption) | null): Subspaces {
  const options = optionsOf('subspaces', opts);
  const rtol = tolerance('subspaces', 'rtol', options.rtol);
  return withMatrix('subspaces', 'A', A, (A) =>
    scoped((sc) => {
      const { U, s, V } = sc.track(rawSvd('subspaces', A, lapack.SvdJob.Full, options));
      const r = relativeRank(A, s, rtol);
      const columnSpace = sc.track(columns(U!, 0, r));
      const nullSpace = sc.track(columns(V!, r, A.cols));
      const rowSpace = sc.track(columns(V!, 0, r));
      const leftNullSpace = sc.track(columns(U!, r, A.rows));
      return disposableResult({
        rank: r,
        columnSpace: sc.keep(columnSpace),
        nullSpace: sc.keep(nullSpace),
        rowSpace: sc.keep(rowSpace),
        leftNullSpace: sc.keep(leftNullSpace),
      });
    }),
  );
}
