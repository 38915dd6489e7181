/**
 * The orthogonal projector onto the column space of A, from a pivoted QR (rank-aware).
 */
import * as lapack from '../core/lapack.js';
import { EPS } from '../core/machine.js';
import { scoped } from '../core/scope.js';
import { optionsOf, tolerance } from '../core/validate.js';
import { checkFiniteOption, isFinite, notFinite, requireFinite, type FiniteOption } from '../api/checks.js';
import { fresh, withMatrix, zeros, type MatrixLike } from '../api/convert.js';
import { numericalRank } from '../api/lstsq.js';
import type { Matrix } from '../api/matrix.js';
import { formQ, packedQR } from '../api/qr.js';

/**
 * The orthogonal projector P = Q_r·Q_rᵀ (m×m) onto the column space of A, from a pivoted QR; r is the
 * numerical rank (threshold as in lstsq). P·b is the least-squares fit A·x of b.
 *
 * @example
 * ```ts
 * const P = projection([[1], [1]]); // onto the line spanned by (1, 1)
 * P.matvec([1, 0]);                 // ≈ Float64Array [0.5, 0.5]
 * ```
 */
export function projection(A: MatrixLike, opts?: ({ rcond?: number } & FiniteOption) | null): Matrix {
  const options = optionsOf('projection', opts);
  const rc = tolerance('projection', 'rcond', options.rcond);
  return withMatrix('projection', 'A', A, (A) => {
    const check = checkFiniteOption(options);
    if (check) requireFinite('projection', A);
    const m = A.rows;
    const k = Math.min(m, A.cols);
    const rcond = rc ?? EPS * Math.max(m, A.cols);
    return scoped((s) => {
      const p = s.track(packedQR(A, true));
      const rank = numericalRank(p.F, k, rcond);
      let P: Matrix;
      if (rank === 0) {
        P = s.track(zeros(m, m));
      } else {
        const Q = s.track(formQ(p, rank, rank));
        P = s.track(fresh(m, m, (P) => lapack.gemm(Q._v(), Q._v(), P._v(), { transB: true })));
      }
      // Unchecked: the rank cut-off can drop a column holding NaN/Inf; a finite P needs a finite A.
      if (!check && isFinite(P) && !isFinite(A)) throw notFinite('projection', 'A');
      return s.keep(P);
    });
  });
}
