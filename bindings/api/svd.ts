/**
 * The singular value decomposition A = U·Σ·Vᵀ: svd and svdvals. (What is built on it — pinv,
 * matrixRank, cond, the spectral and nuclear norms, nullSpace, orth, subspaces, lowRank, pca — is in
 * bindings/derived/.)
 *
 * Kernel: Golub–Kahan–Reinsch (LAPACK dgesvd's algorithm): scale into a safe range, QR first when
 * m ≫ n, blocked Householder bidiagonalisation (gebrd), implicit-shift QR sweeps on the bidiagonal
 * with zero-shift sweeps and Demmel–Kahan convergence tests (bdsqr), the sweeps' rotations applied to
 * U and V in cache-blocked SIMD batches. Backward stable: ‖A − UΣVᵀ‖ ≤ p(m, n)·eps·‖A‖, U and V
 * orthonormal to p·eps; each σᵢ within p·eps·‖A‖₂ of the exact one.
 *
 * Conventions: s descending, ≥ 0; U m×k, Vt k×n (k = min(m, n)) by default, U m×m and Vt n×n with
 * `fullMatrices`; each right singular vector (row of Vt) is signed so that its entry of largest
 * magnitude (the first on ties) is positive, and the matching column of U with it. Non-convergence
 * (an iteration cap of 6·n² inner steps) is LinAlgError 'no-convergence' — never a hang.
 */
import * as lapack from '../core/lapack.js';
import { LinAlgError } from '../core/errors.js';
import { scoped } from '../core/scope.js';
import { optionsOf } from '../core/validate.js';
import { checkFiniteOption, maxAbs, requireFinite, type FiniteOption } from './checks.js';
import { copyOf, fresh, withMatrix, type MatrixLike } from './convert.js';
import { Matrix } from './matrix.js';
import { disposableResult, type DisposableResult } from '../core/tidy.js';
import { smallSvd } from './small.js';

/**
 * Options of {@link svd}: full or reduced factors, or singular values only.
 *
 * @example
 * ```ts
 * const { U, s, Vt } = svd(A, { fullMatrices: true }); // U m×m, Vt n×n
 * ```
 */
export interface SvdOptions extends FiniteOption {
  /** U m×m and Vt n×n (default false: U m×k, Vt k×n, k = min(m, n)). */
  fullMatrices?: boolean;
  /** Compute U and Vt (default true); false returns only s. */
  computeUV?: boolean;
}

/**
 * The result of {@link svd}: A = U·diag(s)·Vt.
 *
 * @example
 * ```ts
 * const { U, s, Vt } = svd(A);
 * ```
 */
export interface SvdResult extends DisposableResult {
  /** Left singular vectors as columns (absent when computeUV is false). */
  U?: Matrix;
  /** Singular values, descending. */
  s: Float64Array;
  /** Right singular vectors as rows (absent when computeUV is false). */
  Vt?: Matrix;
}

/** @internal U, s and V (not Vᵀ) of A; U/V null for values only. Disposable as a whole. */
export class RawSvd {
  constructor(
    readonly U: Matrix | null,
    readonly s: Float64Array,
    readonly V: Matrix | null,
  ) {}
  dispose(): void {
    this.U?.dispose();
    this.V?.dispose();
  }
}

/** @internal Runs the gesvd kernel on a copy of A. */
export function rawSvd(fn: string, A: Matrix, job: lapack.SvdJob, options: FiniteOption): RawSvd {
  if (checkFiniteOption(options)) requireFinite(fn, A);
  const m = A.rows;
  const n = A.cols;
  const k = Math.min(m, n);
  const s = new Float64Array(k);
  return scoped((sc) => {
    const W = sc.track(copyOf(A));
    const full = job === lapack.SvdJob.Full;
    const U = job !== lapack.SvdJob.Values ? sc.track(Matrix._alloc(m, full ? m : k)) : null;
    const V = job !== lapack.SvdJob.Values ? sc.track(Matrix._alloc(n, full ? n : k)) : null;
    const info = lapack.gesvd(job, W._v(), s, U?._v() ?? null, V?._v() ?? null);
    if (info > 0) {
      throw info === k && !Number.isFinite(maxAbs(A))
        ? new LinAlgError('not-finite', `${fn}: A contains NaN or Inf`)
        : new LinAlgError('no-convergence', `${fn}: the bidiagonal QR iteration did not converge (${info} superdiagonal(s) left)`, info);
    }
    if (U !== null) sc.keep(U);
    if (V !== null) sc.keep(V);
    return new RawSvd(U, s, V);
  });
}

/**
 * The singular value decomposition A = U·diag(s)·Vt (numpy.linalg.svd's shapes and defaults: U m×k,
 * s of k values descending, Vt k×n, k = min(m, n)).
 *
 * @example
 * ```ts
 * const r = svd([[3, 0], [0, -4]]);
 * r.s;          // Float64Array [4, 3]
 * r.dispose();  // frees U and Vt
 * ```
 */
export function svd(A: MatrixLike, opts?: SvdOptions | null): SvdResult {
  if (opts == null) {
    const r = smallSvd(A);
    if (r !== undefined) return r;
  }
  const options = optionsOf('svd', opts);
  return withMatrix('svd', 'A', A, (A) => {
    if (options.computeUV === false) return disposableResult({ s: rawSvd('svd', A, lapack.SvdJob.Values, options).s });
    return scoped((sc) => {
      const r = rawSvd('svd', A, options.fullMatrices === true ? lapack.SvdJob.Full : lapack.SvdJob.Thin, options);
      const U = sc.track(r.U!);
      const V = sc.track(r.V!);
      const Vt = fresh(V.cols, V.rows, (C) => lapack.getrans(V._v(), C._v()));
      return disposableResult({ U: sc.keep(U), s: r.s, Vt });
    });
  });
}

/**
 * Singular values only, descending (faster: no vectors).
 *
 * @example
 * ```ts
 * svdvals([[3, 0], [0, -4]]); // Float64Array [4, 3]
 * ```
 */
export function svdvals(A: MatrixLike, options?: FiniteOption | null): Float64Array {
  const o = optionsOf('svdvals', options);
  return withMatrix('svdvals', 'A', A, (A) => rawSvd('svdvals', A, lapack.SvdJob.Values, o).s);
}
