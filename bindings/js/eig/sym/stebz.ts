/**
 * stebz — selected eigenvalues of a symmetric tridiagonal matrix by bisection on Sturm counts
 *
 * JS mirror of assembly/eig/sym/stebz.ts (read it for the count, the splitting, the tolerance, the
 * block assignment and the cap): range 0 all, 1 the eigenvalues in (vl, vu], 2 indices il…iu (0-based).
 *
 * Storage: d at d[offD…] (n), e at e[offE…] (n − 1), read only; W at w[offW…] (room for n), iblock at
 * iblock[offIblock…] (m), isplit at isplit[offIsplit…] (room for n). Workspace: wk[offWk…],
 * `stebzScratch(n)` doubles. Returns m, or −1 when an eigenvalue did not converge within the cap (or T
 * holds NaN/Inf). Same operation order as the wasm kernel, so the results agree bit for bit.
 *
 * References: LAPACK dstebz and dlaebz; Demmel, Applied Numerical Linear Algebra, §5.3.4; Kahan 1966;
 * Demmel, Dhillon & Ren, ETNA 3, 1995.
 */
import { EPS, SAFMIN } from '../../../core/machine.js';
import { even } from '../../util.js';
import { ilog2 } from './pow2.js';
import { tune, T_STEBZ_MAXIT } from '../../tuning.js';

const FUDGE = 2.1;
const BIG = 1.7976931348623157e308;

/** Doubles of workspace `stebz` needs. */
export function stebzScratch(n: number): number {
  return even(Math.max(n, 1));
}

/** N(x): the number of eigenvalues ≤ x. */
function count(n: number, d: Float64Array, offD: number, e2: Float64Array, offE2: number, pivmin: number, x: number): number {
  let c = 0;
  let q = d[offD]! - x;
  if (Math.abs(q) < pivmin) q = -pivmin;
  if (q <= 0) c++;
  for (let i = 1; i < n; i++) {
    q = d[offD + i]! - e2[offE2 + i - 1]! / q - x;
    if (Math.abs(q) < pivmin) q = -pivmin;
    if (q <= 0) c++;
  }
  return c;
}

/** The block of the eigenvalue number r among those in (a, b] (see the wasm kernel). */
function blockOf(
  n: number, d: Float64Array, offD: number, e2: Float64Array, offE2: number, isplit: Int32Array, offIsplit: number,
  pivmin: number, a: number, b: number, r: number,
): number {
  let blk = 0;
  let last = -1;
  let qa = 0;
  let qb = 0;
  let ca = 0;
  let cb = 0;
  let end = isplit[offIsplit]!;
  for (let i = 0; i < n; i++) {
    const di = d[offD + i]!;
    if (i === 0) {
      qa = di - a;
      qb = di - b;
    } else {
      const e = e2[offE2 + i - 1]!;
      qa = di - e / qa - a;
      qb = di - e / qb - b;
    }
    if (Math.abs(qa) < pivmin) qa = -pivmin;
    if (Math.abs(qb) < pivmin) qb = -pivmin;
    if (qa <= 0) ca++;
    if (qb <= 0) cb++;
    if (i === end) {
      const c = cb - ca;
      if (c > 0) {
        if (r < c) return blk;
        r -= c;
        last = blk;
      }
      blk++;
      ca = 0;
      cb = 0;
      if (i < n - 1) end = isplit[offIsplit + blk]!;
    }
  }
  return last >= 0 ? last : 0;
}

export function stebz(
  range: number, n: number, vl: number, vu: number, il: number, iu: number, d: Float64Array, offD: number,
  e: Float64Array, offE: number, w: Float64Array, offW: number, iblock: Int32Array, offIblock: number,
  isplit: Int32Array, offIsplit: number, wk: Float64Array, offWk: number,
): number {
  if (n <= 0) return 0;
  const e2 = wk;
  const o2 = offWk;
  let pivmin = 1;
  let nblk = 0;
  for (let i = 0; i < n - 1; i++) {
    const ei = e[offE + i]!;
    const t = ei * ei;
    const dd = Math.abs(d[offD + i]! * d[offD + i + 1]!);
    if (dd * (EPS * EPS) + SAFMIN > t) {
      e2[o2 + i] = 0;
      isplit[offIsplit + nblk] = i;
      nblk++;
    } else {
      e2[o2 + i] = t;
      if (t > pivmin) pivmin = t;
    }
  }
  isplit[offIsplit + nblk] = n - 1;
  nblk++;
  pivmin *= SAFMIN;
  let gl = d[offD]!;
  let gu = gl;
  for (let i = 0; i < n; i++) {
    let r = 0;
    if (i > 0) r += Math.abs(e[offE + i - 1]!);
    if (i < n - 1) r += Math.abs(e[offE + i]!);
    const di = d[offD + i]!;
    if (!(Math.abs(di) + r <= BIG)) return -1;
    if (di - r < gl) gl = di - r;
    if (di + r > gu) gu = di + r;
  }
  const tnorm = Math.max(Math.abs(gl), Math.abs(gu));
  gl = gl - FUDGE * tnorm * EPS * n - FUDGE * 2 * pivmin;
  gu = gu + FUDGE * tnorm * EPS * n + FUDGE * 2 * pivmin;
  const atol = EPS * tnorm;
  const rtol = 2 * EPS;
  let itmax = ilog2(tnorm + pivmin) - ilog2(pivmin) + 3;
  const set = tune(T_STEBZ_MAXIT);
  if (set >= 1) itmax = set;
  let lo = 0;
  let hi = n;
  let a0 = gl;
  let b0 = gu;
  if (range === 2) {
    lo = il;
    hi = iu + 1;
  } else if (range === 1) {
    if (vl > gl) {
      a0 = vl;
      lo = vl >= gu ? n : count(n, d, offD, e2, o2, pivmin, vl);
    }
    if (vu < gu) {
      b0 = vu;
      hi = vu <= gl ? 0 : count(n, d, offD, e2, o2, pivmin, vu);
    }
    if (hi < lo) hi = lo;
  }
  let failed = 0;
  let a = a0;
  let ub = b0;
  for (let k = lo; k < hi; k++) {
    let b = ub;
    if (b <= a) b = b0;
    ub = b0;
    let it = 0;
    for (;;) {
      const tol = Math.max(atol, Math.max(pivmin, rtol * Math.max(Math.abs(a), Math.abs(b))));
      if (b - a < tol) break;
      if (it >= itmax) {
        failed++;
        break;
      }
      const mid = 0.5 * (a + b);
      if (mid <= a || mid >= b) break;
      const c = count(n, d, offD, e2, o2, pivmin, mid);
      if (c > k) {
        b = mid;
        if (c > k + 1 && mid < ub) ub = mid;
      } else {
        a = mid;
      }
      it++;
    }
    const j = k - lo;
    w[offW + j] = 0.5 * (a + b);
    let blk = 0;
    if (nblk > 1) {
      const na = a > gl ? count(n, d, offD, e2, o2, pivmin, a) : 0;
      blk = blockOf(n, d, offD, e2, o2, isplit, offIsplit, pivmin, a, b, k - na);
    }
    iblock[offIblock + j] = blk;
    const b1 = blk === 0 ? 0 : isplit[offIsplit + blk - 1]! + 1;
    if (b1 === isplit[offIsplit + blk]) w[offW + j] = d[offD + b1]!;
  }
  const m = hi - lo;
  for (let j = 1; j < m; j++) {
    const x = w[offW + j]!;
    const bj = iblock[offIblock + j]!;
    let i = j - 1;
    while (i >= 0 && w[offW + i]! > x) {
      w[offW + i + 1] = w[offW + i]!;
      iblock[offIblock + i + 1] = iblock[offIblock + i]!;
      i--;
    }
    w[offW + i + 1] = x;
    iblock[offIblock + i + 1] = bj;
  }
  return failed > 0 ? -1 : m;
}
