/**
 * The pseudo-inverse of a symmetric matrix from its eigendecomposition (scipy.linalg.pinvh).
 */
import { LinAlgError } from '../core/errors.js';
import { EPS } from '../core/machine.js';
import { scoped } from '../core/scope.js';
import { optionsOf, tolerance } from '../core/validate.js';
import { checkFiniteOption, requireFinite, requireSquare, type FiniteOption } from '../api/checks.js';
import { withMatrix, type MatrixLike } from '../api/convert.js';
import { selectColumns } from '../api/construct.js';
import type { Matrix } from '../api/matrix.js';
import { eigh } from '../api/eigh.js';
import { scaledGram } from './gram.js';

/**
 * Options of {@link pinvh}: scipy's cut-off, atol + rtol·max|λ|.
 *
 * @example
 * ```ts
 * pinvh(S, { rtol: 1e-10 });
 * ```
 */
export interface PinvhOptions extends FiniteOption {
  /** Absolute part of the cut-off (default 0). */
  atol?: number;
  /** Relative part of the cut-off, times max|λ| (default n·eps). */
  rtol?: number;
}

/**
 * The Moore–Penrose pseudo-inverse of a symmetric matrix (lower triangle read) from its
 * eigendecomposition, as scipy.linalg.pinvh: A⁺ = U·diag(1/λ)·Uᵀ over the eigenvalues with
 * |λ| > atol + rtol·max|λ| (defaults atol = 0, rtol = n·eps). Cheaper than {@link pinv}'s SVD, and
 * exactly symmetric.
 *
 * @example
 * ```ts
 * pinvh([[1, 1], [1, 1]]).toArray(); // ≈ [[0.25, 0.25], [0.25, 0.25]]
 * pinvh([[2, 0], [0, 1e-20]]).toArray(); // [[0.5, 0], [0, 0]]: 1e−20 is below the cut-off
 * ```
 */
export function pinvh(A: MatrixLike, opts?: PinvhOptions | null): Matrix {
  const options = optionsOf('pinvh', opts);
  const atol = tolerance('pinvh', 'atol', options.atol) ?? 0;
  const rt = tolerance('pinvh', 'rtol', options.rtol);
  return withMatrix('pinvh', 'A', A, (A) => {
    requireSquare('pinvh', A);
    if (checkFiniteOption(options)) requireFinite('pinvh', A);
    const n = A.rows;
    const rtol = rt ?? n * EPS;
    return scoped((sc) => {
      let r: ReturnType<typeof eigh>;
      try {
        r = sc.track(eigh(A, { checkFinite: false }));
      } catch (e) {
        if (e instanceof LinAlgError) throw new LinAlgError(e.code, `pinvh: ${e.message.replace(/^eigh: /, '')}`, e.info);
        throw e;
      }
      const { values, vectors } = r;
      let big = 0;
      for (const v of values) big = Math.max(big, Math.abs(v));
      const cut = atol + big * rtol;
      const keep: number[] = [];
      for (let j = 0; j < n; j++) if (Math.abs(values[j]!) > cut) keep.push(j);
      const Uk = sc.track(selectColumns(vectors, keep));
      const inv = Float64Array.from(keep, (j) => 1 / values[j]!);
      return scaledGram(Uk, inv);
    });
  });
}
