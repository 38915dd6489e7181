/**
 * The Moore–Penrose pseudo-inverse A⁺ = V·Σ⁺·Uᵀ from the thin SVD.
 */
import * as lapack from '../core/lapack.js';
import { scoped } from '../core/scope.js';
import { optionsOf, tolerance } from '../core/validate.js';
import type { FiniteOption } from '../api/checks.js';
import { fresh, withMatrix, zeros, type MatrixLike } from '../api/convert.js';
import { Matrix } from '../api/matrix.js';
import { rawSvd } from '../api/svd.js';
import { relativeRank } from './rank.js';

/**
 * The Moore–Penrose pseudo-inverse A⁺ = V·Σ⁺·Uᵀ (n×m): singular values ≤ rtol·σ₀ are treated as zero
 * (default rtol = max(m, n)·eps).
 *
 * @example
 * ```ts
 * pinv([[1, 0], [0, 0]]).toArray(); // [[1, 0], [0, 0]]
 * pinv([[1], [1]]).toArray();       // ≈ [[0.5, 0.5]]
 * ```
 */
export function pinv(A: MatrixLike, opts?: ({ rtol?: number } & FiniteOption) | null): Matrix {
  const options = optionsOf('pinv', opts);
  const rt = tolerance('pinv', 'rtol', options.rtol);
  return withMatrix('pinv', 'A', A, (A) => {
    return scoped((sc) => {
      const { U, s, V } = sc.track(rawSvd('pinv', A, lapack.SvdJob.Thin, options));
      const r = relativeRank(A, s, rt);
      if (r === 0) return zeros(A.cols, A.rows);
      // V[:, 0:r]·diag(1/σ)  then  ·U[:, 0:r]ᵀ
      const Vs = Matrix._view(V!, 0, 0, A.cols, r);
      const Us = Matrix._view(U!, 0, 0, A.rows, r);
      const vs = Vs._store();
      const va = vs.array();
      for (let j = 0; j < r; j++) {
        const inv = 1 / s[j]!;
        const o = vs.offset + j * Vs._ld;
        for (let i = 0; i < A.cols; i++) va[o + i] = va[o + i]! * inv;
      }
      return fresh(A.cols, A.rows, (C) => lapack.gemm(Vs._v(), Us._v(), C._v(), { transB: true }));
    });
  });
}
