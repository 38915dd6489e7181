/**
 * The condition number κ(A): σ_max/σ_min from the SVD (p = 2), or ‖A‖·‖A⁻¹‖ through LU (p = 1, ∞, 'fro').
 */
import { NormKind } from '../core/backend.js';
import { shapeStr } from '../core/errors.js';
import * as lapack from '../core/lapack.js';
import { scoped } from '../core/scope.js';
import { optionsOf } from '../core/validate.js';
import type { FiniteOption } from '../api/checks.js';
import { withMatrix, type MatrixLike } from '../api/convert.js';
import { factor } from '../api/lu.js';
import { rawSvd } from '../api/svd.js';

/**
 * Condition number: p = 2 (default) σ_max/σ_min from the SVD (Infinity for a singular or
 * rank-deficient matrix; any shape); p = 1, Infinity, 'fro' ‖A‖·‖A⁻¹‖ for square A (Infinity when
 * A is exactly singular).
 *
 * @example
 * ```ts
 * cond([[1, 0], [0, 1e-8]]);    // 1e8
 * cond([[1, 2], [3, 4]], 1);    // ‖A‖₁·‖A⁻¹‖₁ = 6·3.5 ≈ 21
 * ```
 */
export function cond(A: MatrixLike, p: 2 | 1 | typeof Infinity | 'fro' = 2, opts?: FiniteOption | null): number {
  const options = optionsOf('cond', opts);
  return withMatrix('cond', 'A', A, (A) => {
    if (p === 2) {
      const s = rawSvd('cond', A, lapack.SvdJob.Values, options).s;
      if (s.length === 0) throw new RangeError(`cond: A is ${shapeStr(A.rows, A.cols)} (empty)`);
      const smin = s[s.length - 1]!;
      return smin === 0 ? Infinity : s[0]! / smin;
    }
    if (p !== 1 && p !== Infinity && p !== 'fro') throw new RangeError(`cond: unsupported p=${String(p)} (use 2, 1, Infinity or 'fro')`);
    if (A.rows !== A.cols) throw new RangeError(`cond: p=${String(p)} needs a square matrix, got ${shapeStr(A.rows, A.cols)}`);
    const kind = p === 1 ? NormKind.One : p === Infinity ? NormKind.Inf : NormKind.Fro;
    return scoped((s) => {
      const F = s.track(factor('cond', A, options));
      if (F.singular) return Infinity;
      const Ai = s.track(F.inv());
      return lapack.lange(kind, A._v()) * lapack.lange(kind, Ai._v());
    });
  });
}
