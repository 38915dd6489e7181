/**
 * The polar decomposition A = U·P (scipy.linalg.polar) and the orthogonal Procrustes problem
 * (scipy.linalg.orthogonal_procrustes), both from one SVD.
 *
 * Polar (Higham, "Functions of Matrices", SIAM 2008, §8.1; Golub & Van Loan, 4th ed., §9.4.3): with the
 * thin SVD A = W·Σ·Vᵀ, U = W·Vᵀ (m×n, orthonormal columns for m ≥ n, orthonormal rows for m < n) and
 *   side 'right':  A = U·P,  P = V·Σ·Vᵀ  (n×n)
 *   side 'left':   A = P·U,  P = W·Σ·Wᵀ  (m×m)
 * P is symmetric positive semidefinite (made exactly symmetric; its eigenvalues are the σᵢ ≥ 0).
 *
 * Procrustes (Schönemann 1966; Golub & Van Loan, 4th ed., §6.4.1): the orthogonal R minimising
 * ‖A·R − B‖_F is R = U·Vᵀ from the SVD Aᵀ·B = U·Σ·Vᵀ, and `scale` = Σσᵢ = trace(Rᵀ·Aᵀ·B), scipy's.
 */
import * as lapack from '../core/lapack.js';
import { shapeStr } from '../core/errors.js';
import { scoped } from '../core/scope.js';
import { optionsOf } from '../core/validate.js';
import { checkFiniteOption, maxAbs, requireFinite, type FiniteOption } from '../api/checks.js';
import { copyOf, withMatrix, zeros, type MatrixLike } from '../api/convert.js';
import type { Matrix } from '../api/matrix.js';
import { rawSvd } from '../api/svd.js';
import { disposableResult, type DisposableResult } from '../core/tidy.js';
import { scaledGram } from './gram.js';

/**
 * Options of {@link polar}.
 *
 * @example
 * ```ts
 * const { U, P } = polar(A, { side: 'left' }); // A = P·U
 * ```
 */
export interface PolarOptions extends FiniteOption {
  /** `'right'` (default): A = U·P with P n×n; `'left'`: A = P·U with P m×m. */
  side?: 'right' | 'left';
}

/**
 * The factors of {@link polar}.
 *
 * @example
 * ```ts
 * const { U, P } = polar(A);
 * ```
 */
export interface PolarResult extends DisposableResult {
  /** m×n with orthonormal columns (m ≥ n) or rows (m < n). */
  U: Matrix;
  /** Symmetric positive semidefinite: n×n for side 'right', m×m for 'left'. */
  P: Matrix;
}

/** Product U·Vᵀ (m×n) of the thin SVD's factors: the orthogonal polar factor. */
function polarFactor(U: Matrix, V: Matrix): Matrix {
  return scoped((sc) => {
    const C = sc.track(zeros(U.rows, V.rows));
    if (U.cols > 0) lapack.gemm(U._v(), V._v(), C._v(), { transB: true });
    return sc.keep(C);
  });
}

/**
 * The polar decomposition A = U·P (side 'right', default) or A = P·U (side 'left') from the SVD, as
 * scipy.linalg.polar: U with orthonormal columns (or rows, for a wide A), P symmetric positive
 * semidefinite.
 *
 * @example
 * ```ts
 * const { U, P } = polar([[2, 0], [0, -3]]);
 * U.toArray(); // [[1, 0], [0, -1]]
 * P.toArray(); // [[2, 0], [0, 3]]
 * ```
 */
export function polar(A: MatrixLike, opts?: PolarOptions | null): PolarResult {
  const options = optionsOf('polar', opts);
  const side = options.side ?? 'right';
  if (side !== 'right' && side !== 'left') throw new RangeError(`polar: side must be 'right' or 'left', got ${String(side)}`);
  return withMatrix('polar', 'A', A, (A) =>
    scoped((sc) => {
      const { U, s, V } = sc.track(rawSvd('polar', A, lapack.SvdJob.Thin, options));
      const Uo = sc.track(polarFactor(U!, V!));
      const P = side === 'right' ? scaledGram(V!, s) : scaledGram(U!, s);
      sc.keep(Uo);
      return disposableResult({ U: Uo, P });
    }),
  );
}

/**
 * The result of {@link orthogonalProcrustes}.
 *
 * @example
 * ```ts
 * const { R, scale } = orthogonalProcrustes(A, B);
 * ```
 */
export interface ProcrustesResult extends DisposableResult {
  /** The orthogonal n×n matrix minimising ‖A·R − B‖_F. */
  R: Matrix;
  /** The sum of the singular values of Aᵀ·B (scipy's `scale`). */
  scale: number;
}

/**
 * The orthogonal Procrustes problem (scipy.linalg.orthogonal_procrustes): the orthogonal R (n×n) that
 * maps A closest to B, minimising ‖A·R − B‖_F, for A and B of the same shape m×n; R = U·Vᵀ from the SVD
 * of Aᵀ·B, and `scale` the sum of its singular values.
 *
 * @example
 * ```ts
 * const A = [[1, 0], [0, 1], [1, 1]];
 * const B = [[0, 1], [-1, 0], [-1, 1]];   // A rotated by 90°
 * orthogonalProcrustes(A, B).R.toArray(); // ≈ [[0, 1], [-1, 0]]
 * ```
 */
export function orthogonalProcrustes(A: MatrixLike, B: MatrixLike, opts?: FiniteOption | null): ProcrustesResult {
  const options = optionsOf('orthogonalProcrustes', opts);
  return withMatrix('orthogonalProcrustes', 'A', A, (A) =>
    withMatrix('orthogonalProcrustes', 'B', B, (B) => {
      if (A.rows !== B.rows || A.cols !== B.cols) {
        throw new RangeError(`orthogonalProcrustes: A and B must have the same shape, got ${shapeStr(A.rows, A.cols)} and ${shapeStr(B.rows, B.cols)}`);
      }
      if (checkFiniteOption(options)) {
        requireFinite('orthogonalProcrustes', A);
        requireFinite('orthogonalProcrustes', B, 'B');
      }
      const n = A.cols;
      return scoped((sc) => {
        // A and B scaled by powers of two (exact) to a largest entry in [1/2, 1), so that Aᵀ·B cannot
        // overflow on entries near 1e200; R does not change, `scale` is scaled back at the end.
        const ea = binade(maxAbs(A));
        const eb = binade(maxAbs(B));
        const As = sc.track(copyOf(A));
        const Bs = sc.track(copyOf(B));
        lapack.scal(2 ** -ea, As._v());
        lapack.scal(2 ** -eb, Bs._v());
        const M = sc.track(zeros(n, n));
        if (A.rows > 0) lapack.gemm(As._v(), Bs._v(), M._v(), { transA: true });
        const { U, s, V } = sc.track(rawSvd('orthogonalProcrustes', M, lapack.SvdJob.Thin, { checkFinite: checkFiniteOption(options) }));
        let scale = 0;
        for (const v of s) scale += v;
        return disposableResult({ R: polarFactor(U!, V!), scale: scale * 2 ** ea * 2 ** eb });
      });
    }),
  );
}

/** e with x·2^−e in [1/2, 1) for a finite x > 0; 0 otherwise (no scaling). */
function binade(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 0;
  let e = Math.ceil(Math.log2(x));
  if (x * 2 ** -e >= 1) e++;
  if (x * 2 ** -e < 0.5) e--;
  return Math.max(-1020, Math.min(1020, e));
}
