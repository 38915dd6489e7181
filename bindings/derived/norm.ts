/**
 * Norms. For a matrix: 'fro' (default), 1 (max column sum), Infinity (max row sum) through `lange`;
 * 2 (spectral: σ₀) and 'nuc' (nuclear: Σσᵢ) through the SVD. For a vector: 2 (default), 1, Infinity.
 * All scaled: no overflow on 1e200 entries, no underflow on 1e-200. NaN and Inf propagate (IEEE).
 */
import { NormKind } from '../core/backend.js';
import * as lapack from '../core/lapack.js';
import { toVector, type VectorLike } from '../core/validate.js';
import { maxAbs } from '../api/checks.js';
import { isVectorLike, vectorMatrix, withMatrix, type MatrixLike } from '../api/convert.js';
import type { Matrix } from '../api/matrix.js';
import { rawSvd } from '../api/svd.js';

/**
 * Matrix norms: `'fro'` (Frobenius), 1 (max column sum), Infinity (max row sum), 2 (largest singular
 * value), `'nuc'` (sum of singular values).
 *
 * @example
 * ```ts
 * const ord: MatrixNorm = 'nuc';
 * norm([[3, 0], [0, 4]], ord); // 7
 * ```
 */
export type MatrixNorm = 'fro' | 1 | typeof Infinity | 2 | 'nuc';
/**
 * Vector norms: 2 (Euclidean), 1 (sum of absolute values), Infinity (largest absolute value).
 *
 * @example
 * ```ts
 * const ord: VectorNorm = Infinity;
 * norm([3, -4], ord); // 4
 * ```
 */
export type VectorNorm = 1 | 2 | typeof Infinity;

/**
 * The norm of a vector: `ord` 2 (default), 1 or Infinity. Scaled: no overflow on 1e200 entries, no
 * underflow on 1e-200; NaN and Inf propagate.
 *
 * @example
 * ```ts
 * norm([3, 4]);          // 5
 * norm([3, -4], 1);      // 7
 * ```
 */
export function norm(x: VectorLike, ord?: VectorNorm): number;
/**
 * The norm of a matrix: `ord` `'fro'` (default), 1, Infinity, 2 or `'nuc'` (the last two through the
 * SVD). Scaled as the vector norms; NaN and Inf propagate.
 *
 * @example
 * ```ts
 * norm([[1, 2], [3, 4]], 1);  // 6: the largest column sum
 * norm([[3, 0], [0, 4]], 2);  // 4: the largest singular value
 * ```
 */
export function norm(A: MatrixLike, ord?: MatrixNorm): number;
export function norm(x: VectorLike | MatrixLike, ord?: MatrixNorm | VectorNorm): number {
  if (isVectorLike(x)) {
    const v = toVector('norm', 'x', x);
    const o = ord ?? 2;
    if (o === 2) return lapack.nrm2(v);
    if (o === 1) return lapack.lange(NormKind.One, vectorMatrix(v)._v());
    if (o === Infinity) return lapack.lange(NormKind.MaxAbs, vectorMatrix(v)._v());
    throw new RangeError(`norm: unsupported vector norm ord=${String(ord)} (use 1, 2 or Infinity)`);
  }
  return withMatrix('norm', 'A', x, (A) => {
    const o = ord ?? 'fro';
    if (o === 'fro') return lapack.lange(NormKind.Fro, A._v());
    if (o === 1) return lapack.lange(NormKind.One, A._v());
    if (o === Infinity) return lapack.lange(NormKind.Inf, A._v());
    if (o === 2 || o === 'nuc') return spectralNorm(A, o === 'nuc');
    throw new RangeError(`norm: unsupported matrix norm ord=${String(ord)} (use 'fro', 1, Infinity, 2 or 'nuc')`);
  });
}

/** ‖A‖₂ = σ₀ and ‖A‖_* = Σσᵢ; NaN/Inf in A give NaN/Inf (as the other norms) instead of failing in the SVD. */
function spectralNorm(A: Matrix, nuclear: boolean): number {
  const amax = maxAbs(A);
  if (!Number.isFinite(amax)) return amax;
  const s = rawSvd('norm', A, lapack.SvdJob.Values, { checkFinite: false }).s;
  if (!nuclear) return s[0] ?? 0;
  let t = 0;
  for (let i = s.length - 1; i >= 0; i--) t += s[i]!; // smallest first
  return t;
}
