/**
 * stebz — selected eigenvalues of a symmetric tridiagonal matrix by bisection on Sturm counts
 *
 * JS mirror of assembly/eig/sym/stebz.ts (read it for the count, the splitting, the steps, the
 * tolerance and the cap): range 0 all, 1 the eigenvalues in (vl, vu], 2 indices il…iu (0-based).
 *
 * Storage: d at d[offD…] (n), e at e[offE…] (n − 1), read only; W at w[offW…] (room for n), iblock at
 * iblock[offIblock…] (room for n), isplit at isplit[offIsplit…] (room for n). Workspace: wk[offWk…],
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
  return even(Math.max(n, 1)) + 2;
}

/** N(x) over k ≥ 1 rows: d at d[od…], e² at e2[oe…]. */
function count(k: number, d: Float64Array, od: number, e2: Float64Array, oe: number, pivmin: number, x: number): number {
  let c = 0;
  let q = d[od]! - x;
  if (Math.abs(q) < pivmin) q = -pivmin;
  if (q <= 0) c++;
  for (let i = 1; i < k; i++) {
    q = d[od + i]! - e2[oe + i - 1]! / q - x;
    if (Math.abs(q) < pivmin) q = -pivmin;
    if (q <= 0) c++;
  }
  return c;
}

/** Bisection for eigenvalue j from (a, b]: the final interval into ab[oab], ab[oab + 1]; 1 when capped. */
function bisect(
  k: number, d: Float64Array, od: number, e2: Float64Array, oe: number, pivmin: number, j: number, a: number, b: number,
  atol: number, itmax: number, ab: Float64Array, oab: number,
): number {
  let failed = 0;
  let it = 0;
  for (;;) {
    const tol = Math.max(atol, Math.max(pivmin, 2 * EPS * Math.max(Math.abs(a), Math.abs(b))));
    if (b - a < tol) break;
    if (it >= itmax) {
      failed = 1;
      break;
    }
    const mid = 0.5 * (a + b);
    if (mid <= a || mid >= b) break;
    if (count(k, d, od, e2, oe, pivmin, mid) > j) b = mid;
    else a = mid;
    it++;
  }
  ab[oab] = a;
  ab[oab + 1] = b;
  return failed;
}

function capOf(tnorm: number, pivmin: number): number {
  const set = tune(T_STEBZ_MAXIT);
  return set >= 1 ? set : ilog2(tnorm + pivmin) - ilog2(pivmin) + 8;
}

export function stebz(
  range: number, n: number, vl: number, vu: number, il: number, iu: number, d: Float64Array, offD: number,
  e: Float64Array, offE: number, w: Float64Array, offW: number, iblock: Int32Array, offIblock: number,
  isplit: Int32Array, offIsplit: number, wk: Float64Array, offWk: number,
): number {
  if (n <= 0) return 0;
  const e2 = wk;
  const o2 = offWk;
  const oab = offWk + even(n);
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
  let tnorm = Math.max(Math.abs(gl), Math.abs(gu));
  gl = gl - FUDGE * tnorm * EPS * n - FUDGE * 2 * pivmin;
  gu = gu + FUDGE * tnorm * EPS * n + FUDGE * 2 * pivmin;
  let wl = gl;
  let wu = gu;
  let nwl = 0;
  if (range === 1) {
    wl = vl;
    wu = vu;
    if (!(wl < wu)) return 0;
  } else if (range === 2) {
    const atol = EPS * Math.max(Math.abs(gl), Math.abs(gu));
    const itmax = capOf(tnorm, pivmin);
    if (bisect(n, d, offD, e2, o2, pivmin, il, gl, gu, atol, itmax, wk, oab)) return -1;
    wl = wk[oab]!;
    if (bisect(n, d, offD, e2, o2, pivmin, iu, gl, gu, atol, itmax, wk, oab)) return -1;
    wu = wk[oab + 1]!;
    nwl = count(n, d, offD, e2, o2, pivmin, wl);
  }
  let m = 0;
  let failed = 0;
  let b1 = 0;
  for (let blk = 0; blk < nblk; blk++) {
    const bn = isplit[offIsplit + blk]!;
    const bs = bn - b1 + 1;
    const pd = offD + b1;
    const pe2 = o2 + b1;
    if (bs === 1) {
      if (count(1, d, pd, e2, pe2, pivmin, wu) - count(1, d, pd, e2, pe2, pivmin, wl) > 0) {
        w[offW + m] = d[pd]!;
        iblock[offIblock + m] = blk;
        m++;
      }
    } else {
      let bl = d[pd]!;
      let bu = bl;
      for (let i = b1; i <= bn; i++) {
        let r = 0;
        if (i > b1) r += Math.abs(e[offE + i - 1]!);
        if (i < bn) r += Math.abs(e[offE + i]!);
        const di = d[offD + i]!;
        if (di - r < bl) bl = di - r;
        if (di + r > bu) bu = di + r;
      }
      tnorm = Math.max(Math.abs(bl), Math.abs(bu));
      bl = bl - FUDGE * tnorm * EPS * bs - FUDGE * 2 * pivmin;
      bu = bu + FUDGE * tnorm * EPS * bs + FUDGE * 2 * pivmin;
      const atol = EPS * Math.max(Math.abs(bl), Math.abs(bu));
      const itmax = capOf(tnorm, pivmin);
      let a = bl;
      let b = bu;
      let jlo = 0;
      let jhi = bs;
      if (wl > bl) {
        a = wl;
        jlo = wl >= bu ? bs : count(bs, d, pd, e2, pe2, pivmin, wl);
      }
      if (wu < bu) {
        b = wu;
        jhi = wu <= bl ? 0 : count(bs, d, pd, e2, pe2, pivmin, wu);
      }
      for (let j = jlo; j < jhi; j++) {
        failed |= bisect(bs, d, pd, e2, pe2, pivmin, j, a, b, atol, itmax, wk, oab);
        a = wk[oab]!;
        w[offW + m] = 0.5 * (a + wk[oab + 1]!);
        iblock[offIblock + m] = blk;
        m++;
      }
    }
    b1 = bn + 1;
  }
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
  if (range === 2) {
    const drop = Math.max(0, il - nwl);
    const want = iu - il + 1;
    if (m - drop < want) return -1;
    for (let j = 0; j < want; j++) {
      w[offW + j] = w[offW + j + drop]!;
      iblock[offIblock + j] = iblock[offIblock + j + drop]!;
    }
    m = want;
  }
  return failed ? -1 : m;
}
