/**
 * Plain dense matrices for the LAPACK-style API suites: row-major Float64Arrays with their shape,
 * the few operations the test ratios need (product, transpose, 1-norm, difference), and two small
 * reference solvers that do not touch the library (Householder QR for random orthogonal matrices,
 * Gauss–Jordan inversion for the explicit formulas the suites compare against).
 *
 * Everything here is working-precision arithmetic in a fixed order, as LAPACK's TESTING programs
 * compute their residuals: the rounding of the residual itself is of the size of the denominator of
 * each ratio, so it cannot push a correct result past THRESH.
 */

import { EPS } from './tolerance.js';

/** An m×n matrix, row-major: entry (i, j) is a[i·n + j]. */
export interface Dense {
  readonly m: number;
  readonly n: number;
  readonly a: Float64Array;
}

export function dense(m: number, n: number, a: Float64Array = new Float64Array(m * n)): Dense {
  if (a.length !== m * n) throw new Error(`dense: ${a.length} values for ${m}×${n}`);
  return { m, n, a };
}

export function eye(m: number, n: number = m): Dense {
  const D = dense(m, n);
  for (let i = 0; i < Math.min(m, n); i++) D.a[i * n + i] = 1;
  return D;
}

export function fromRows(r: readonly (readonly number[])[]): Dense {
  const m = r.length;
  const n = m === 0 ? 0 : r[0]!.length;
  return dense(m, n, Float64Array.from(r.flat()));
}

export function toRows(A: Dense): number[][] {
  return Array.from({ length: A.m }, (_, i) => Array.from(A.a.subarray(i * A.n, i * A.n + A.n)));
}

/** A·B. */
export function mul(A: Dense, B: Dense): Dense {
  if (A.n !== B.m) throw new Error(`mul: ${A.m}×${A.n} times ${B.m}×${B.n}`);
  const C = dense(A.m, B.n);
  const { a } = A;
  const b = B.a;
  const c = C.a;
  const n = B.n;
  for (let i = 0; i < A.m; i++) {
    for (let p = 0; p < A.n; p++) {
      const s = a[i * A.n + p]!;
      if (s === 0) continue;
      for (let j = 0; j < n; j++) c[i * n + j] = c[i * n + j]! + s * b[p * n + j]!;
    }
  }
  return C;
}

/** A·x for a vector x. */
export function mulv(A: Dense, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(A.m);
  for (let i = 0; i < A.m; i++) {
    let s = 0;
    for (let j = 0; j < A.n; j++) s += A.a[i * A.n + j]! * x[j]!;
    y[i] = s;
  }
  return y;
}

export function tr(A: Dense): Dense {
  const T = dense(A.n, A.m);
  for (let i = 0; i < A.m; i++) for (let j = 0; j < A.n; j++) T.a[j * A.m + i] = A.a[i * A.n + j]!;
  return T;
}

export function sub(A: Dense, B: Dense): Dense {
  if (A.m !== B.m || A.n !== B.n) throw new Error(`sub: ${A.m}×${A.n} minus ${B.m}×${B.n}`);
  return dense(A.m, A.n, A.a.map((v, t) => v - B.a[t]!));
}

export function scaled(A: Dense, s: number): Dense {
  return dense(A.m, A.n, A.a.map((v) => v * s));
}

/** ‖A‖₁, the largest column sum (LAPACK's dlange('1')). */
export function norm1(A: Dense): number {
  let r = 0;
  for (let j = 0; j < A.n; j++) {
    let s = 0;
    for (let i = 0; i < A.m; i++) s += Math.abs(A.a[i * A.n + j]!);
    if (!(s <= r)) r = s;
  }
  return r;
}

/** ‖x‖₁ of a vector. */
export function vnorm1(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.abs(x[i]!);
  return s;
}

/** ‖x‖₂ of a vector, scaled so that 1e±300 entries neither overflow nor underflow. */
export function vnorm2(x: ArrayLike<number>): number {
  let big = 0;
  for (let i = 0; i < x.length; i++) big = Math.max(big, Math.abs(x[i]!));
  if (big === 0 || !Number.isFinite(big)) return big;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i]! / big) ** 2;
  return big * Math.sqrt(s);
}

export function column(A: Dense, j: number): Float64Array {
  return Float64Array.from({ length: A.m }, (_, i) => A.a[i * A.n + j]!);
}

/** Columns `cols` of A, in that order. */
export function columns(A: Dense, cols: ArrayLike<number>): Dense {
  const C = dense(A.m, cols.length);
  for (let i = 0; i < A.m; i++) for (let j = 0; j < cols.length; j++) C.a[i * cols.length + j] = A.a[i * A.n + cols[j]!]!;
  return C;
}

/** The leading k columns of A. */
export function leadCols(A: Dense, k: number): Dense {
  return columns(A, Array.from({ length: k }, (_, j) => j));
}

/** Rows `rows` of A, in that order. */
export function rowsOf(A: Dense, rows: ArrayLike<number>): Dense {
  const R = dense(rows.length, A.n);
  for (let i = 0; i < rows.length; i++) R.a.set(A.a.subarray(rows[i]! * A.n, rows[i]! * A.n + A.n), i * A.n);
  return R;
}

/**
 * num / (d₁·d₂·…) as a test ratio, dividing one factor at a time so that 1e±292 data neither
 * overflows nor underflows the denominator; a zero denominator gives 0 for num = 0 (an exact result on
 * a zero matrix) and ∞ otherwise.
 */
export function ratio(num: number, ...dens: number[]): number {
  if (dens.some((d) => d === 0)) return num === 0 ? 0 : Infinity;
  let r = num;
  for (const d of dens) r /= d;
  return r;
}

/** LAPACK dget02, the worst column: ‖B − A·X‖₁ per column over ‖A‖₁·‖x‖₁·n·ε. */
export function solveRatio(A: Dense, X: Dense, B: Dense): number {
  const R = sub(B, mul(A, X));
  const an = norm1(A);
  let worst = 0;
  for (let j = 0; j < X.n; j++) worst = Math.max(worst, ratio(vnorm1(column(R, j)), an, vnorm1(column(X, j)), Math.max(1, A.n), EPS));
  return worst;
}

/**
 * The m×m orthogonal factor of the Householder QR of A (m×n, m ≥ 1), signs fixed so diag(R) ≥ 0 —
 * with A standard normal this is a Haar-distributed random orthogonal matrix (Stewart 1980).
 */
export function orthogonalOf(A: Dense): Dense {
  const m = A.m;
  const W = Float64Array.from(A.a); // reduced in place; row-major m×n
  const n = A.n;
  const vs: Float64Array[] = [];
  const signs: number[] = [];
  for (let k = 0; k < Math.min(m - 1, n); k++) {
    let s = 0;
    for (let i = k; i < m; i++) s += W[i * n + k]! ** 2;
    const alpha = W[k * n + k]!;
    const nrm = Math.sqrt(s);
    const beta = alpha >= 0 ? -nrm : nrm;
    const v = new Float64Array(m);
    v[k] = alpha - beta;
    for (let i = k + 1; i < m; i++) v[i] = W[i * n + k]!;
    let vv = 0;
    for (let i = k; i < m; i++) vv += v[i]! ** 2;
    if (vv === 0) {
      vs.push(v);
      signs.push(1);
      continue;
    }
    for (let j = k; j < n; j++) {
      let d = 0;
      for (let i = k; i < m; i++) d += v[i]! * W[i * n + j]!;
      const f = (2 * d) / vv;
      for (let i = k; i < m; i++) W[i * n + j] = W[i * n + j]! - f * v[i]!;
    }
    vs.push(v);
    signs.push(beta < 0 ? -1 : 1);
  }
  // Q = H₀·H₁·…, applied to I from the right-most reflector; then the sign fix Q·diag(sign(Rₖₖ)).
  const Q = eye(m);
  for (let k = vs.length - 1; k >= 0; k--) {
    const v = vs[k]!;
    let vv = 0;
    for (let i = k; i < m; i++) vv += v[i]! ** 2;
    if (vv === 0) continue;
    for (let j = 0; j < m; j++) {
      let d = 0;
      for (let i = k; i < m; i++) d += v[i]! * Q.a[i * m + j]!;
      const f = (2 * d) / vv;
      for (let i = k; i < m; i++) Q.a[i * m + j] = Q.a[i * m + j]! - f * v[i]!;
    }
  }
  for (let k = 0; k < signs.length; k++) {
    if (signs[k]! < 0) for (let i = 0; i < m; i++) Q.a[i * m + k] = -Q.a[i * m + k]!;
  }
  return Q;
}

/** A⁻¹ by Gauss–Jordan elimination with partial pivoting (reference only; throws when singular). */
export function inverse(A: Dense): Dense {
  const n = A.n;
  if (A.m !== n) throw new Error('inverse: not square');
  const W = Float64Array.from(A.a);
  const X = eye(n).a;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(W[i * n + k]!) > Math.abs(W[p * n + k]!)) p = i;
    if (W[p * n + k] === 0) throw new Error('inverse: singular');
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        [W[k * n + j], W[p * n + j]] = [W[p * n + j]!, W[k * n + j]!];
        [X[k * n + j], X[p * n + j]] = [X[p * n + j]!, X[k * n + j]!];
      }
    }
    const d = W[k * n + k]!;
    for (let j = 0; j < n; j++) {
      W[k * n + j] = W[k * n + j]! / d;
      X[k * n + j] = X[k * n + j]! / d;
    }
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const f = W[i * n + k]!;
      if (f === 0) continue;
      for (let j = 0; j < n; j++) {
        W[i * n + j] = W[i * n + j]! - f * W[k * n + j]!;
        X[i * n + j] = X[i * n + j]! - f * X[k * n + j]!;
      }
    }
  }
  return dense(n, n, X);
}

/** κ₁(A) = ‖A‖₁·‖A⁻¹‖₁ (reference inverse). */
export function cond1(A: Dense): number {
  return norm1(A) * norm1(inverse(A));
}
