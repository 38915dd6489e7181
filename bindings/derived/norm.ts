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
import { axisOf, lineNorms, type Axis, type NormAxisOptions } from '../api/reduce.js';

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
 * The norm of a vector or a matrix, or with `{ axis }` the vector norms of a matrix's columns or rows
 * (numpy's `np.linalg.norm(A, ord, axis)`).
 *
 * - vector x: ord 2 (default), 1 or Infinity;
 * - matrix A: 'fro' (default), 1 (max column sum), Infinity (max row sum), 2 (σ₀), 'nuc' (Σσᵢ);
 * - matrix A with `{ axis: 0 }` (one norm per column) or `{ axis: 1 }` (one per row): a Float64Array
 *   of vector norms, ord 2 (default), 1 or Infinity; an empty column or row has norm 0.
 *
 * All scaled: no overflow on 1e200 entries, no underflow on 1e-200. NaN and Inf propagate (IEEE).
 * @example
 * norm([3, 4]); // 5
 * norm([[1, 2], [3, 4]], 1); // 6
 * norm([[3, 1], [4, 1]], 2, { axis: 0 }); // Float64Array [5, 1.4142135623730951]
 */
export function norm(x: VectorLike, ord?: VectorNorm | null): number;
export function norm(A: MatrixLike, ord: VectorNorm | null | undefined, options: NormAxisOptions): Float64Array;
export function norm(A: MatrixLike, ord?: MatrixNorm | null, options?: { axis?: null } | null): number;
export function norm(x: VectorLike | MatrixLike, ord?: MatrixNorm | VectorNorm | null, options?: { axis?: Axis | null } | null): number | Float64Array {
  const axis = axisOf('norm', options);
  if (axis !== undefined) {
    if (isVectorLike(x)) throw new TypeError('norm: an axis needs a matrix (an array of rows or a Matrix), x is a vector: drop the axis');
    const o = ord ?? 2;
    if (o !== 1 && o !== 2 && o !== Infinity) {
      throw new RangeError(`norm: unsupported vector norm ord=${String(ord)} along axis ${axis} (use 1, 2 or Infinity)`);
    }
    return withMatrix('norm', 'A', x, (A) => lineNorms('norm', A, axis, o));
  }
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
