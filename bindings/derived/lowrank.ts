/**
 * The Eckart–Young–Mirsky best rank-k approximation, from the thin SVD.
 */
import * as lapack from '../core/lapack.js';
import { scoped } from '../core/scope.js';
import { describe, optionsOf } from '../core/validate.js';
import type { FiniteOption } from '../api/checks.js';
import { fresh, withMatrix, zeros, type MatrixLike } from '../api/convert.js';
import { Matrix } from '../api/matrix.js';
import { rawSvd } from '../api/svd.js';
import { disposableResult, type DisposableResult } from '../core/tidy.js';

/**
 * The result of {@link lowRank}: the approximation, its errors and the singular values.
 *
 * @example
 * ```ts
 * const { approx, error2, errorFro } = lowRank(A, 2);
 * ```
 */
export interface LowRankResult extends DisposableResult {
  /** The best rank-k approximation A_k = U_k·Σ_k·V_kᵀ. */
  approx: Matrix;
  /** ‖A − A_k‖_F = sqrt(σ_k² + σ_{k+1}² + …) (Eckart–Young). */
  errorFro: number;
  /** ‖A − A_k‖₂ = σ_k (0 when k ≥ rank). */
  error2: number;
  /** All singular values of A. */
  s: Float64Array;
}

/**
 * The best rank-k approximation of A in both the 2- and the Frobenius norm (Eckart–Young–Mirsky),
 * from the thin SVD, with its errors.
 *
 * @example
 * ```ts
 * const r = lowRank(Matrix.random(100, 80, { seed: 1 }), 10);
 * console.log(r.error2 === r.s[10]); // true: the 2-norm error is σ₁₀
 * r.dispose();
 * ```
 */
export function lowRank(A: MatrixLike, k: number, opts?: FiniteOption | null): LowRankResult {
  const options = optionsOf('lowRank', opts);
  if (typeof k !== 'number') throw new TypeError(`lowRank: k must be a number, got ${describe(k)}`);
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`lowRank: k must be an integer ≥ 0, got ${k}`);
  return withMatrix('lowRank', 'A', A, (A) =>
    scoped((sc) => {
      const { U, s, V } = sc.track(rawSvd('lowRank', A, lapack.SvdJob.Thin, options));
      const kk = Math.min(k, s.length);
      const Uk = Matrix._view(U!, 0, 0, A.rows, kk);
      const Vk = Matrix._view(V!, 0, 0, A.cols, kk);
      const u = Uk._store();
      const ua = u.array();
      for (let j = 0; j < kk; j++) {
        const o = u.offset + j * Uk._ld;
        for (let i = 0; i < A.rows; i++) ua[o + i] = ua[o + i]! * s[j]!;
      }
      const approx = sc.track(
        kk === 0 ? zeros(A.rows, A.cols) : fresh(A.rows, A.cols, (C) => lapack.gemm(Uk._v(), Vk._v(), C._v(), { transB: true })),
      );
      const tail = s.subarray(kk);
      const errorFro = lapack.nrm2(tail.slice());
      return disposableResult({ approx: sc.keep(approx), errorFro, error2: tail[0] ?? 0, s });
    }),
  );
}
