/**
 * Principal angles between two subspaces (scipy.linalg.subspace_angles), accurate for small angles.
 *
 * Algorithm (Knyazev & Argentati, "Principal angles between subspaces in an A-based scalar product",
 * SIAM J. Sci. Comput. 23(6), 2002, Algorithm 3.1 — scipy's): orthonormal bases Q_A, Q_B of the column
 * spaces (from the SVD, the numerical rank cut as `orth`); the cosines σᵢ are the singular values of
 * Q_Aᵀ·Q_B (Björck & Golub 1973). arccos loses all accuracy as σ → 1 (an angle of 1e−9 has cos = 1 to
 * 17 digits), so the small angles come from their sines instead: the singular values μᵢ of
 * Q_B − Q_A·(Q_Aᵀ·Q_B) (the part of Q_B outside span A; the other way round when B's basis is wider),
 * θᵢ = arcsin(μᵢ) where cos²θᵢ ≥ 1/2 and arccos(σ) otherwise.
 *
 * One difference from scipy 1.17: scipy decides sine or cosine for the i-th angle (descending) from the
 * i-th cosine in DESCENDING order — that is, the cosine of a different angle — so a pair such as
 * {1.4, 1e−9} comes back as [1.4, 0]. Here each angle is tested against its own cosine, as the
 * algorithm intends; the two agree whenever the choice coincides.
 */
import * as lapack from '../core/lapack.js';
import { shapeStr } from '../core/errors.js';
import { scoped, type Scope } from '../core/scope.js';
import { optionsOf } from '../core/validate.js';
import { checkFiniteOption, requireFinite, type FiniteOption } from '../api/checks.js';
import { columns, copyOf, withMatrix, zeros, type MatrixLike } from '../api/convert.js';
import type { Matrix } from '../api/matrix.js';
import { rawSvd } from '../api/svd.js';
import { relativeRank } from './rank.js';

/** An orthonormal basis of C(A) (m×r): the first r left singular vectors, r the numerical rank. */
function basis(sc: Scope, A: Matrix): Matrix {
  const { U, s } = sc.track(rawSvd('subspaceAngles', A, lapack.SvdJob.Thin, { checkFinite: false }));
  return sc.track(columns(U!, 0, relativeRank(A, s, undefined)));
}

/**
 * The principal angles (radians, descending) between the column spaces of A (m×p) and B (m×q), as
 * scipy.linalg.subspace_angles: min(rank A, rank B) angles in [0, π/2]; accurate for small angles (sines
 * where the cosines approach 1).
 *
 * @example
 * ```ts
 * subspaceAngles([[1], [0]], [[1], [1]]);         // ≈ Float64Array [0.785398…] (π/4)
 * subspaceAngles([[1, 0], [0, 1], [0, 0]], [[0], [0], [1]]); // [π/2]
 * ```
 */
export function subspaceAngles(A: MatrixLike, B: MatrixLike, opts?: FiniteOption | null): Float64Array {
  const options = optionsOf('subspaceAngles', opts);
  return withMatrix('subspaceAngles', 'A', A, (A) =>
    withMatrix('subspaceAngles', 'B', B, (B) => {
      if (A.rows !== B.rows) {
        throw new RangeError(`subspaceAngles: A and B must have the same number of rows, got ${shapeStr(A.rows, A.cols)} and ${shapeStr(B.rows, B.cols)}`);
      }
      if (checkFiniteOption(options)) {
        requireFinite('subspaceAngles', A);
        requireFinite('subspaceAngles', B, 'B');
      }
      return scoped((sc) => {
        const QA = basis(sc, A);
        const QB = basis(sc, B);
        const m = A.rows;
        const C = sc.track(zeros(QA.cols, QB.cols));
        if (m > 0) lapack.gemm(QA._v(), QB._v(), C._v(), { transA: true });
        const sigma = rawSvd('subspaceAngles', C, lapack.SvdJob.Values, { checkFinite: false }).s; // cosines, descending
        const k = sigma.length;
        const theta = new Float64Array(k);
        if (k === 0) return theta;
        let mu: Float64Array | null = null;
        if (sigma[0]! * sigma[0]! >= 0.5) {
          // sines: the singular values of the part of the narrower basis outside the other's span
          const wide = QA.cols >= QB.cols;
          const D = sc.track(copyOf(wide ? QB : QA));
          lapack.gemm(wide ? QA._v() : QB._v(), C._v(), D._v(), { transB: !wide, alpha: -1, beta: 1 });
          mu = rawSvd('subspaceAngles', D, lapack.SvdJob.Values, { checkFinite: false }).s; // sines, descending
        }
        for (let i = 0; i < k; i++) {
          const c = sigma[k - 1 - i]!; // the cosine of the i-th largest angle
          theta[i] = mu !== null && c * c >= 0.5 ? Math.asin(clip(mu[i]!)) : Math.acos(clip(c));
        }
        return theta;
      });
    }),
  );
}

function clip(x: number): number {
  return Math.min(1, Math.max(-1, x));
}
