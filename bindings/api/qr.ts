/**
 * Householder QR: A = Q·R, and QR with column pivoting A·P = Q·R for rank-revealing use.
 *
 * Kernels: blocked compact-WY geqrf (panel geqr2, larft, larfb through the GEMM) and orgqr to form Q;
 * geqp3 (Businger–Golub column pivoting with LAPACK 3.x's safe norm downdating) for `pivoting: true`.
 * Backward stable: ‖A − QR‖ ≤ c·max(m, n)·eps·‖A‖ and ‖QᵀQ − I‖ ≤ c·m·eps.
 *
 * Shapes (k = min(m, n)), as numpy.linalg.qr:
 *   mode 'reduced' (default):  Q m×k with orthonormal columns, R k×n upper trapezoidal
 *   mode 'complete':           Q m×m orthogonal, R m×n
 *   mode 'r':                  R only (k×n)
 * With `pivoting`, `perm` gives the column order: column j of A·P is column perm[j] of A, and
 * |R[0,0]| ≥ |R[1,1]| ≥ … .
 */
import * as lapack from '../core/lapack.js';
import { scoped } from '../core/scope.js';
import { optionsOf } from '../core/validate.js';
import { checkFiniteOption, requireFinite, type FiniteOption } from './checks.js';
import { clonePadded, withMatrix, zeros, type MatrixLike } from './convert.js';
import { Matrix } from './matrix.js';
import { disposableResult, type DisposableResult } from '../core/tidy.js';

/**
 * Options of {@link qr}: the shapes returned (numpy's modes) and column pivoting.
 *
 * @example
 * ```ts
 * const { R } = qr(A, { mode: 'r' });
 * ```
 */
export interface QROptions extends FiniteOption {
  /**
   * `'reduced'` (default): Q m×k with orthonormal columns and R k×n (k = min(m, n));
   * `'complete'`: Q m×m orthogonal and R m×n; `'r'`: R only (k×n).
   */
  mode?: 'reduced' | 'complete' | 'r';
  /** Column pivoting (rank-revealing QR). */
  pivoting?: boolean;
}

/**
 * The factors of {@link qr}: A = Q·R, or A·P = Q·R with pivoting.
 *
 * @example
 * ```ts
 * const { Q, R } = qr(A); // A = Q·R
 * ```
 */
export interface QRResult extends DisposableResult {
  /** Q, with orthonormal columns (absent for mode 'r'). */
  Q?: Matrix;
  /** R, upper triangular (trapezoidal when A is wide or the mode is 'complete'). */
  R: Matrix;
  /** With `pivoting`: column j of A·P is column perm[j] of A. */
  perm?: Int32Array;
}

/** @internal A factored QR: reflectors and R packed in F (m×n), τ (k×1), and the pivots if any. */
export class PackedQR {
  constructor(
    readonly F: Matrix,
    readonly tau: Matrix,
    readonly perm: Int32Array | null,
  ) {}
  dispose(): void {
    this.F.dispose();
    this.tau.dispose();
  }
}

/** @internal Runs geqrf or geqp3 on a copy of A. */
export function packedQR(A: Matrix, pivoting: boolean): PackedQR {
  return scoped((s) => {
    const F = s.track(clonePadded(A));
    const tau = s.track(zeros(Math.min(A.rows, A.cols), 1));
    let perm: Int32Array | null = null;
    if (pivoting) {
      perm = new Int32Array(A.cols);
      lapack.geqp3(F._v(), perm, tau._v());
    } else {
      lapack.geqrf(F._v(), tau._v());
    }
    return new PackedQR(s.keep(F), s.keep(tau), perm);
  });
}

/** @internal The r×n (or rows×n) upper trapezoid of F as a new matrix, zeros below the diagonal. */
export function upperOf(F: Matrix, rows: number): Matrix {
  const R = Matrix._alloc(rows, F.cols);
  if (rows === 0 || F.cols === 0) return R;
  const f = F._store();
  const fa = f.array();
  const r = R._store();
  const ra = r.array();
  // column j: F's rows 0…min(j, F.rows − 1), zeros below. A subarray object per column cost ≈ 9 µs a
  // call at n = 64 (5 % of qr), so: copyWithin when F and R share one buffer (both in linear memory),
  // else set(subarray) only for long columns; short runs by element loops. (An element loop with a
  // bounds test per entry took 7 ns an entry at n = 1024, 3 % of a threaded qr.)
  const same = fa === ra;
  for (let j = 0; j < F.cols; j++) {
    const top = Math.min(j + 1, F.rows, rows);
    const o = r.offset + j * R._ld;
    const src = f.offset + j * F._ld;
    if (same && top >= 16) ra.copyWithin(o, src, src + top);
    else if (top >= 64) ra.set(fa.subarray(src, src + top), o);
    else for (let i = 0; i < top; i++) ra[o + i] = fa[src + i]!;
    if (rows - top >= 16) ra.fill(0, o + top, o + rows);
    else for (let i = top; i < rows; i++) ra[o + i] = 0;
  }
  return R;
}

/** @internal Q's first `cols` columns (cols ≤ m; cols = m gives the complete Q) from k reflectors. */
export function formQ(p: PackedQR, cols: number, k: number): Matrix {
  const { F, tau } = p;
  return scoped((s) => {
    const Q = s.track(Matrix._alloc(F.rows, cols));
    const f = F._store();
    const q = Q._store();
    const kk = Math.min(k, cols);
    for (let j = 0; j < kk; j++) {
      const o = f.offset + j * F._ld;
      q.array().set(f.array().subarray(o, o + F.rows), q.offset + j * Q._ld);
    }
    lapack.orgqr(Q._v(), kk, tau._v());
    return s.keep(Q);
  });
}

/**
 * The Householder QR factorisation A = Q·R (numpy.linalg.qr's shapes, see {@link QROptions.mode}),
 * or with `pivoting` the rank-revealing A·P = Q·R: column j of A·P is column `perm[j]` of A, and
 * |R₀₀| ≥ |R₁₁| ≥ … . Backward stable (blocked compact-WY Householder, as LAPACK's geqrf/geqp3).
 *
 * @example
 * ```ts
 * const { Q, R } = qr(Matrix.random(5, 3, { seed: 1 })); // Q 5×3, R 3×3
 * const { R: R2, perm } = qr(A, { pivoting: true, mode: 'r' });
 * ```
 */
export function qr(A: MatrixLike, opts?: QROptions | null): QRResult {
  const options = optionsOf('qr', opts);
  const mode = options.mode ?? 'reduced';
  if (mode !== 'reduced' && mode !== 'complete' && mode !== 'r') {
    throw new RangeError(`qr: mode must be 'reduced', 'complete' or 'r', got ${String(mode)}`);
  }
  return withMatrix('qr', 'A', A, (A) => {
    if (checkFiniteOption(options)) requireFinite('qr', A);
    const m = A.rows;
    const k = Math.min(m, A.cols);
    return scoped((s) => {
      const p = s.track(packedQR(A, options.pivoting === true));
      const R = s.track(upperOf(p.F, mode === 'complete' ? m : k));
      const out = disposableResult<Omit<QRResult, keyof DisposableResult>>({ R });
      if (p.perm !== null) out.perm = p.perm;
      if (mode !== 'r') out.Q = formQ(p, mode === 'complete' ? m : k, k);
      s.keep(R);
      return out as QRResult;
    });
  });
}
