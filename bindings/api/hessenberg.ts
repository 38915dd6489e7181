/**
 * Reduction to upper Hessenberg form A = Q·H·Qᵀ (scipy.linalg.hessenberg).
 *
 * Kernels: blocked Householder reduction gehrd (lahr2 panels, the trailing updates through the GEMM;
 * Quintana-Ortí & van de Geijn 2006) and orghr to form Q — the first stage of the nonsymmetric
 * eigensolver (eig, schur). Backward stable: ‖A − Q·H·Qᵀ‖ ≤ c·n·eps·‖A‖, ‖QᵀQ − I‖ ≤ c·n·eps
 * (Golub & Van Loan, 4th ed., §7.4.3). Like scipy (which calls gebal without permuting or scaling),
 * no balancing: H is similar to A by an orthogonal Q only.
 *
 * Conventions: H has exact zeros below its first subdiagonal; matrices of order ≤ 2 are already
 * Hessenberg and come back unchanged (H = A, Q = I), as scipy's.
 */
import * as lapack from '../core/lapack.js';
import { scoped } from '../core/scope.js';
import { optionsOf } from '../core/validate.js';
import { checkFiniteOption, requireFinite, requireSquare, type FiniteOption } from './checks.js';
import { clonePadded, copyOf, withMatrix, zeros, type MatrixLike } from './convert.js';
import { Matrix } from './matrix.js';
import { bandOf } from './rq.js';
import { disposableResult, type DisposableResult } from '../core/tidy.js';

/**
 * Options of {@link hessenberg}.
 *
 * @example
 * ```ts
 * const { H, Q } = hessenberg(A, { calcQ: true });
 * ```
 */
export interface HessenbergOptions extends FiniteOption {
  /** Also form the orthogonal Q with A = Q·H·Qᵀ (default false, as scipy's `calc_q`). */
  calcQ?: boolean;
}

/**
 * The result of {@link hessenberg}: H, and Q when `calcQ` was set (A = Q·H·Qᵀ).
 *
 * @example
 * ```ts
 * const { H } = hessenberg(A);
 * ```
 */
export interface HessenbergResult extends DisposableResult {
  /** Upper Hessenberg (exact zeros below the first subdiagonal), similar to A. */
  H: Matrix;
  /** The orthogonal Q (only with `calcQ: true`). */
  Q?: Matrix;
}

/**
 * The result of {@link hessenberg} with `calcQ: true`: H and Q, A = Q·H·Qᵀ.
 *
 * @example
 * ```ts
 * const { H, Q } = hessenberg(A, { calcQ: true });
 * ```
 */
export interface HessenbergResultWithQ extends HessenbergResult {
  /** The orthogonal Q with A = Q·H·Qᵀ. */
  Q: Matrix;
}

/**
 * The upper Hessenberg form H = Qᵀ·A·Q of a square matrix (scipy.linalg.hessenberg), by blocked
 * Householder reflections; with `{ calcQ: true }` also the orthogonal Q, so that A = Q·H·Qᵀ. The
 * result is always an object — `{ H }`, or `{ H, Q }` with calcQ — to dispose as a whole.
 *
 * @example
 * ```ts
 * const { H, Q } = hessenberg([[1, 2, 3], [4, 5, 6], [7, 8, 10]], { calcQ: true });
 * H.get(2, 0); // 0: zero below the subdiagonal
 * ```
 */
export function hessenberg(A: MatrixLike, options: HessenbergOptions & { calcQ: true }): HessenbergResultWithQ;
/**
 * The upper Hessenberg form H = Qᵀ·A·Q (without Q unless `calcQ` is set).
 *
 * @example
 * ```ts
 * const { H } = hessenberg(A);
 * ```
 */
export function hessenberg(A: MatrixLike, options?: HessenbergOptions | null): HessenbergResult;
export function hessenberg(A: MatrixLike, opts?: HessenbergOptions | null): HessenbergResult {
  const options = optionsOf('hessenberg', opts);
  const calcQ = options.calcQ === true;
  return withMatrix('hessenberg', 'A', A, (A) => {
    requireSquare('hessenberg', A);
    if (checkFiniteOption(options)) requireFinite('hessenberg', A);
    const n = A.rows;
    return scoped((s) => {
      if (n <= 2) {
        const H = s.track(copyOf(A));
        const out = disposableResult<Omit<HessenbergResult, keyof DisposableResult>>({ H });
        if (calcQ) out.Q = Matrix.eye(n);
        s.keep(H);
        return out as HessenbergResult;
      }
      const F = s.track(clonePadded(A));
      const tau = s.track(zeros(n - 1, 1));
      lapack.gehrd(F._v(), tau._v());
      const H = s.track(bandOf(F, n, -1)); // exact zeros below the subdiagonal
      const out = disposableResult<Omit<HessenbergResult, keyof DisposableResult>>({ H });
      if (calcQ) {
        lapack.orghr(F._v(), tau._v());
        out.Q = copyOf(F);
      }
      s.keep(H);
      return out as HessenbergResult;
    });
  });
}

