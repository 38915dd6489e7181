/**
 * The reduced row echelon form and the special solutions of A·x = 0 — the course's route to the four
 * subspaces (G. Strang, Introduction to Linear Algebra, 5th ed., §3.2–3.3): Gauss–Jordan elimination
 * with partial pivoting, as MATLAB's `rref`.
 *
 * Kernel: rref (assembly/lu/rref.ts, its JS mirror beside it). Column by column (j = 0 … n − 1) with
 * the next pivot row r: the entry of largest magnitude in column j on or below row r (the first on
 * ties) is the candidate pivot. If it is ≤ tol, the column is free and its entries from row r down are
 * set to exactly 0; otherwise that row is swapped into row r, divided by the pivot (the pivot becomes
 * exactly 1), and multiples of it are subtracted from every other row (the rest of column j becomes
 * exactly 0). Because the pivot is the column maximum the multipliers are ≤ 1 in magnitude, so
 * elimination cannot overflow on scaled data beyond partial pivoting's element growth. Cost ≈ m·n·r
 * flops (r = rank).
 *
 * Default tolerance: tol = max(m, n)·eps·‖A‖∞, MATLAB rref's rule. It is the rule numpy's matrix_rank
 * uses with ‖A‖∞ in place of σ₀ = ‖A‖₂ (cheaper, no SVD): σ₀/√m ≤ ‖A‖∞ ≤ √n·σ₀, so the two thresholds
 * are within √(max(m, n)) of each other and both scale with A (rref(c·A) has the pivots of rref(A)).
 * A pivot below it is of the size of the rounding errors the elimination itself makes (≈ growth·eps·‖A‖).
 * Unlike the SVD, elimination is not rank-revealing in the worst case (Kahan's matrix); matrixRank is
 * the reliable rank, rref the textbook form.
 *
 * Special solutions (Strang §3.2): one per free column f, with 1 in position f, 0 in the other free
 * positions and −R[i, f] in the position of the i-th pivot column: A·N = 0 up to rounding, and the
 * columns of N are a basis of the null space (not orthonormal: see nullSpace for that).
 */
import { NormKind } from '../core/backend.js';
import * as lapack from '../core/lapack.js';
import { EPS } from '../core/machine.js';
import { optionsOf, tolerance } from '../core/validate.js';
import { requireFinite } from '../api/checks.js';
import { copyInto, fresh, withMatrix, type MatrixLike } from '../api/convert.js';
import { scoped } from '../core/scope.js';
import type { Matrix } from '../api/matrix.js';
import { disposableResult, type DisposableResult } from '../core/tidy.js';

/**
 * Options of {@link rref} and {@link specialSolutions}.
 *
 * @example
 * ```ts
 * rref(A, { tol: 1e-10 }); // entries ≤ 1e-10 in magnitude count as zero
 * ```
 */
export interface RrefOptions {
  /** Absolute threshold: a candidate pivot ≤ tol in magnitude is zero (default max(m, n)·eps·‖A‖∞). */
  tol?: number;
}

/**
 * The result of {@link rref}: R = rref(A) and the pivot columns.
 *
 * @example
 * ```ts
 * const { R, pivots } = rref([[1, 2], [2, 4]]); // pivots Int32Array [0]
 * ```
 */
export interface RrefResult extends DisposableResult {
  /** The reduced row echelon form (m×n): pivots exactly 1, the rest of each pivot column exactly 0. */
  R: Matrix;
  /** The pivot columns, ascending (their number is the rank found by elimination). */
  pivots: Int32Array;
}

/** rref of a checked Matrix into a fresh copy R (on the current backend), with the pivot columns. */
function rrefOf(fn: string, A: Matrix, tolOpt: number | undefined): { R: Matrix; pivots: Int32Array } {
  requireFinite(fn, A);
  const m = A.rows;
  const n = A.cols;
  const tol = tolOpt ?? (m === 0 || n === 0 ? 0 : Math.max(m, n) * EPS * lapack.lange(NormKind.Inf, A._v()));
  const piv = new Int32Array(Math.max(1, Math.min(m, n)));
  let r = 0;
  const R = fresh(m, n, (C) => {
    copyInto(A, C);
    r = lapack.rref(C._v(), tol, piv);
  });
  return { R, pivots: piv.slice(0, r) };
}

/**
 * The reduced row echelon form of A by Gauss–Jordan elimination with partial pivoting (MATLAB's
 * `rref`; sympy's `Matrix.rref` in floating point), with the pivot columns. NaN/Inf are rejected
 * (LinAlgError 'not-finite'). Empty shapes give an empty R of the same shape and no pivots.
 *
 * @example
 * ```ts
 * const { R, pivots } = rref([[1, 2, 2, 2], [2, 4, 6, 8], [3, 6, 8, 10]]);
 * R.toArray(); // ≈ [[1, 2, 0, -2], [0, 0, 1, 2], [0, 0, 0, 0]] (to rounding)
 * pivots;      // Int32Array [0, 2]
 * ```
 */
export function rref(A: MatrixLike, opts?: RrefOptions | null): RrefResult {
  const options = optionsOf('rref', opts);
  const tol = tolerance('rref', 'tol', options.tol);
  return withMatrix('rref', 'A', A, (A) => {
    const { R, pivots } = rrefOf('rref', A, tol);
    return disposableResult({ R, pivots });
  });
}

/**
 * The special solutions of A·x = 0 (Strang): an n×(n − r) matrix N with one column per free column f
 * of rref(A) — 1 in position f, 0 in the other free positions, −R[i, f] in the position of the i-th
 * pivot column — so A·N ≈ 0 and the columns are a basis of the null space (see {@link nullSpace} for
 * an orthonormal one). Tolerance as {@link rref}'s.
 *
 * @example
 * ```ts
 * specialSolutions([[1, 2, 2, 2], [2, 4, 6, 8], [3, 6, 8, 10]]).toArray();
 * // ≈ [[-2, 2], [1, 0], [0, -2], [0, 1]] (to rounding)
 * ```
 */
export function specialSolutions(A: MatrixLike, opts?: RrefOptions | null): Matrix {
  const options = optionsOf('specialSolutions', opts);
  const tol = tolerance('specialSolutions', 'tol', options.tol);
  return withMatrix('specialSolutions', 'A', A, (A) => {
    const n = A.cols;
    return scoped((sc) => {
      const { R, pivots } = rrefOf('specialSolutions', A, tol);
      sc.track(R);
      const isPivot = new Uint8Array(n);
      for (const p of pivots) isPivot[p] = 1;
      const free: number[] = [];
      for (let j = 0; j < n; j++) if (isPivot[j] === 0) free.push(j);
      return fresh(n, free.length, (N) => {
        const s = N._store();
        const a = s.array();
        const rs = R._store(); // after N's allocation, which may grow (and detach) the wasm memory
        const ra = rs.array();
        for (let c = 0; c < free.length; c++) {
          const o = s.offset + c * N._ld;
          const f = free[c]!;
          const ro = rs.offset + f * R._ld; // column f of R
          a.fill(0, o, o + n);
          a[o + f] = 1;
          for (let i = 0; i < pivots.length; i++) a[o + pivots[i]!] = 0 - ra[ro + i]!; // 0 − 0 = +0: no −0 entries
        }
      });
    });
  });
}
