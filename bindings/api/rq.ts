/**
 * The RQ factorisation A = R·Q (scipy.linalg.rq): R upper trapezoidal, Q with orthonormal rows.
 *
 * Kernels: blocked Householder RQ gerqf (panel gerq2, backward rowwise block reflectors larftb + larfbr
 * through the GEMM) and orgrq to form Q — LAPACK's dgerqf/dorgrq, the mirror image of QR: the
 * reflectors annihilate the rows of A from the bottom up, each to the left of its diagonal entry.
 * Backward stable: ‖A − R·Q‖ ≤ c·max(m, n)·eps·‖A‖, ‖Q·Qᵀ − I‖ ≤ c·n·eps.
 *
 * Shapes (k = min(m, n)), as scipy.linalg.rq:
 *   mode 'full' (default):  R m×n, Q n×n orthogonal
 *   mode 'r':               R only (m×n)
 *   mode 'economic':        R m×k, Q k×n with orthonormal rows
 * R is "upper triangular ending in the last column": R[i, j] = 0 unless j − i ≥ n − m (for a wide A,
 * the last m columns hold an upper triangle and the first n − m columns are zero).
 */
import * as lapack from '../core/lapack.js';
import { scoped } from '../core/scope.js';
import { optionsOf } from '../core/validate.js';
import { checkFiniteOption, requireFinite, type FiniteOption } from './checks.js';
import { clonePadded, copyInto, withMatrix, zeros, type MatrixLike } from './convert.js';
import { Matrix } from './matrix.js';
import { disposableResult, type DisposableResult } from '../core/tidy.js';

/**
 * Options of {@link rq}: the shapes returned (scipy's modes).
 *
 * @example
 * ```ts
 * const { R, Q } = rq(A, { mode: 'economic' });
 * ```
 */
export interface RQOptions extends FiniteOption {
  /** `'full'` (default): R m×n and Q n×n; `'r'`: R only; `'economic'`: R m×k and Q k×n (k = min(m, n)). */
  mode?: 'full' | 'r' | 'economic';
}

/**
 * The factors of {@link rq}: A = R·Q.
 *
 * @example
 * ```ts
 * const { R, Q } = rq(A); // A = R·Q
 * ```
 */
export interface RQResult extends DisposableResult {
  /** R, upper trapezoidal: R[i, j] = 0 unless j − i ≥ (columns of R) − m. */
  R: Matrix;
  /** Q with orthonormal rows (absent for mode 'r'). */
  Q?: Matrix;
}

/**
 * The RQ factorisation A = R·Q (scipy.linalg.rq's modes and shapes, see {@link RQOptions.mode}), by
 * blocked Householder reflections (LAPACK's gerqf/orgrq). R is upper triangular ending in the last
 * column; Q has orthonormal rows.
 *
 * @example
 * ```ts
 * const { R, Q } = rq([[1, 2, 3], [4, 5, 6]]); // R 2×3 (first column zero), Q 3×3
 * const { R: Re, Q: Qe } = rq([[1, 2, 3], [4, 5, 6]], { mode: 'economic' }); // R 2×2, Q 2×3
 * ```
 */
export function rq(A: MatrixLike, opts?: RQOptions | null): RQResult {
  const options = optionsOf('rq', opts);
  const mode = options.mode ?? 'full';
  if (mode !== 'full' && mode !== 'economic' && mode !== 'r') {
    throw new RangeError(`rq: mode must be 'full', 'r' or 'economic', got ${String(mode)}`);
  }
  return withMatrix('rq', 'A', A, (A) => {
    if (checkFiniteOption(options)) requireFinite('rq', A);
    const m = A.rows;
    const n = A.cols;
    const k = Math.min(m, n);
    return scoped((s) => {
      const F = s.track(clonePadded(A));
      const tau = s.track(zeros(k, 1));
      lapack.gerqf(F._v(), tau._v());
      // economic and wide: the m×m triangle in the last m columns; otherwise the m×n trapezoid
      const R = s.track(mode === 'economic' && m <= n ? bandOf(F, m, 0) : bandOf(F, n, n - m));
      const out = disposableResult<Omit<RQResult, keyof DisposableResult>>({ R });
      if (mode !== 'r') {
        // Q's rows: n for 'full' or a tall A, m for 'economic' on a wide one; the reflectors go in its
        // last k rows (reflector i in row rows − k + i, as orgrq reads them).
        const rows = mode === 'economic' && m <= n ? m : n;
        const Q = s.track(Matrix._alloc(rows, n));
        copyInto(Matrix._view(F, m - k, 0, k, n), Matrix._view(Q, rows - k, 0, k, n));
        lapack.orgrq(Q._v(), k, tau._v());
        out.Q = Q;
      }
      s.keep(R);
      if (out.Q !== undefined) s.keep(out.Q);
      return out as RQResult;
    });
  });
}

/**
 * @internal The m×c block of F (m = F.rows) ending in its last column, with the entries below the
 * diagonal j − i = d set to zero: R of the RQ factorisation for d = c − m, H of the Hessenberg
 * reduction for d = −1.
 */
export function bandOf(F: Matrix, c: number, d: number): Matrix {
  const m = F.rows;
  const R = Matrix._alloc(m, c);
  const f = F._store();
  const fa = f.array();
  const r = R._store();
  const ra = r.array();
  const off = F.cols - c;
  for (let j = 0; j < c; j++) {
    for (let i = 0; i < m; i++) ra[r.offset + i + j * R._ld] = j - i >= d ? fa[f.offset + i + (j + off) * F._ld]! : 0;
  }
  return R;
}
