/**
 * stein — eigenvectors of a symmetric tridiagonal matrix for given eigenvalues, by inverse iteration
 *
 * JS mirror of assembly/eig/sym/stein.ts (read it for the shift perturbation, the factorisation, the
 * iteration, the reorthogonalisation of clusters, the start vectors and the normalisation).
 *
 * Storage: d at d[offD…] (n), e at e[offE…] (n − 1), W at w[offW…] (m), iblock and isplit as stebz
 * left them, read only; Z[i, j] = z[offZ + i + j·ldz] (n×m), every entry written. Workspace:
 * wk[offWk…], `steinScratch(n)` doubles. Returns 0 or the number of vectors that did not converge within
 * the cap. Same operation order as the wasm kernel (and the same xorshift32 stream, in uint32
 * arithmetic), so the results agree bit for bit.
 *
 * References: LAPACK dstein, dlagtf, dlagts; Golub & Van Loan, 4th ed., §8.2.2; Parlett, The Symmetric
 * Eigenvalue Problem, §4-3; Ipsen, SIAM Review 39, 1997; Marsaglia, J. Stat. Softw. 8(14), 2003.
 */
import { EPS } from '../../../core/machine.js';
import { even } from '../../util.js';
import { tune, T_STEIN_MAXIT } from '../../tuning.js';
import { iamax } from '../../blas/iamax.js';

const BIG = 3.273390607896142e150; // 2^500
const SMALL = 3.054936363499605e-151; // 2^-500
const EXTRA = 2;
const SEED = 0x9e3779b9;

/** Doubles of workspace `stein` needs. */
export function steinScratch(n: number): number {
  return 8 * even(Math.max(n, 1));
}

/** x[off:off+k] ← uniform (−1, 1) from the xorshift32 stream at `seed`; returns the new state. */
function draw(k: number, x: Float64Array, off: number, seed: number): number {
  for (let i = 0; i < k; i++) {
    seed = (seed ^ (seed << 13)) >>> 0;
    seed = (seed ^ (seed >>> 17)) >>> 0;
    seed = (seed ^ (seed << 5)) >>> 0;
    x[off + i] = seed * 4.656612873077393e-10 - 1; // seed·2^-31 − 1
  }
  return seed;
}

export function stein(
  n: number, d: Float64Array, offD: number, e: Float64Array, offE: number, m: number, w: Float64Array, offW: number,
  iblock: Int32Array, offIblock: number, isplit: Int32Array, offIsplit: number, z: Float64Array, offZ: number,
  ldz: number, wk: Float64Array, offWk: number,
): number {
  if (n <= 0 || m <= 0) return 0;
  const nn = even(n);
  const u0 = offWk;
  const u1 = u0 + nn;
  const u2 = u1 + nn;
  const l = u2 + nn;
  const p = l + nn;
  const x = p + nn;
  const xjmO = x + nn;
  const gpO = xjmO + nn;
  let maxits = 5;
  const set = tune(T_STEIN_MAXIT);
  if (set >= 1) maxits = set;
  let nblk = 0;
  for (;;) {
    wk[gpO + nblk] = -1;
    if (isplit[offIsplit + nblk]! >= n - 1) break;
    nblk++;
  }
  let seed = SEED;
  let info = 0;
  for (let j = 0; j < m; j++) {
    const b = iblock[offIblock + j]!;
    const b1 = b === 0 ? 0 : isplit[offIsplit + b - 1]! + 1;
    const bn = isplit[offIsplit + b]!;
    const bs = bn - b1 + 1;
    const zj = offZ + j * ldz;
    for (let i = 0; i < n; i++) z[zj + i] = 0;
    if (bs === 1) {
      z[zj + b1] = 1;
      continue;
    }
    const pd = offD + b1;
    const pe = offE + b1;
    let onenrm = Math.abs(d[pd]!) + Math.abs(e[pe]!);
    onenrm = Math.max(onenrm, Math.abs(d[pd + bs - 1]!) + Math.abs(e[pe + bs - 2]!));
    for (let i = 1; i < bs - 1; i++) {
      onenrm = Math.max(onenrm, Math.abs(d[pd + i]!) + Math.abs(e[pe + i - 1]!) + Math.abs(e[pe + i]!));
    }
    const ortol = 1e-3 * onenrm;
    const dtpcrt = Math.sqrt(0.1 / bs);
    let xj = w[offW + j]!;
    let gp = wk[gpO + b]!;
    if (gp < 0) {
      gp = j;
    } else {
      const xjm = wk[xjmO + b]!;
      const pertol = 10 * Math.abs(EPS * xj);
      if (xj - xjm < pertol) xj = xjm + pertol;
      if (Math.abs(xj - xjm) > ortol) gp = j;
    }
    wk[gpO + b] = gp;
    wk[xjmO + b] = xj;
    for (let k = 0; k < bs; k++) wk[u0 + k] = d[pd + k]! - xj;
    for (let k = 0; k < bs - 1; k++) wk[u1 + k] = e[pe + k]!;
    for (let k = 0; k < bs - 1; k++) {
      const sub = e[pe + k]!;
      const piv = wk[u0 + k]!;
      if (Math.abs(piv) >= Math.abs(sub)) {
        const mult = piv === 0 ? 0 : sub / piv;
        wk[p + k] = 0;
        wk[l + k] = mult;
        wk[u0 + k + 1] = wk[u0 + k + 1]! - mult * wk[u1 + k]!;
        wk[u2 + k] = 0;
      } else {
        const mult = piv / sub;
        wk[p + k] = 1;
        wk[l + k] = mult;
        const t = wk[u0 + k + 1]!;
        wk[u0 + k] = sub;
        wk[u0 + k + 1] = wk[u1 + k]! - mult * t;
        wk[u1 + k] = t;
        if (k < bs - 2) {
          const f = wk[u1 + k + 1]!;
          wk[u2 + k] = f;
          wk[u1 + k + 1] = -mult * f;
        } else {
          wk[u2 + k] = 0;
        }
      }
    }
    wk[u2 + bs - 1] = 0;
    wk[u1 + bs - 1] = 0;
    let umax = 0;
    for (let k = 0; k < bs; k++) {
      umax = Math.max(umax, Math.max(Math.abs(wk[u0 + k]!), Math.max(Math.abs(wk[u1 + k]!), Math.abs(wk[u2 + k]!))));
    }
    let tol = EPS * umax;
    if (tol === 0) tol = EPS;
    const unn = Math.abs(wk[u0 + bs - 1]!);
    seed = draw(bs, wk, x, seed);
    let its = 0;
    let nrmchk = 0;
    let conv = false;
    for (;;) {
      if (its >= maxits) break;
      its++;
      const xm = Math.abs(wk[x + iamax(bs, wk, x, 1)]!);
      if (xm === 0) {
        seed = draw(bs, wk, x, seed);
        continue;
      }
      const scl = (bs * onenrm * Math.max(EPS, unn)) / xm;
      for (let i = 0; i < bs; i++) wk[x + i] = wk[x + i]! * scl;
      for (let k = 0; k < bs - 1; k++) {
        if (wk[p + k] !== 0) {
          const t = wk[x + k]!;
          wk[x + k] = wk[x + k + 1]!;
          wk[x + k + 1] = t;
        }
        wk[x + k + 1] = wk[x + k + 1]! - wk[l + k]! * wk[x + k]!;
      }
      for (let k = bs - 1; k >= 0; k--) {
        let t = wk[x + k]!;
        if (k + 1 < bs) t -= wk[u1 + k]! * wk[x + k + 1]!;
        if (k + 2 < bs) t -= wk[u2 + k]! * wk[x + k + 2]!;
        let u = wk[u0 + k]!;
        if (Math.abs(u) < tol) u = u >= 0 ? tol : -tol;
        while (Math.abs(t) > Math.abs(u) * BIG && Math.abs(t) < Infinity) {
          for (let i = 0; i < bs; i++) wk[x + i] = wk[x + i]! * SMALL;
          t *= SMALL;
        }
        wk[x + k] = t / u;
      }
      for (let pass = 0; pass < 2; pass++) {
        for (let i = gp; i < j; i++) {
          if (iblock[offIblock + i] !== b) continue;
          const zi = offZ + i * ldz + b1;
          let dot = 0;
          for (let r = 0; r < bs; r++) dot += wk[x + r]! * z[zi + r]!;
          for (let r = 0; r < bs; r++) wk[x + r] = wk[x + r]! - dot * z[zi + r]!;
        }
      }
      const nrm = Math.abs(wk[x + iamax(bs, wk, x, 1)]!);
      if (nrm < dtpcrt) continue;
      nrmchk++;
      if (nrmchk >= EXTRA + 1) {
        conv = true;
        break;
      }
    }
    const jmax = iamax(bs, wk, x, 1);
    const xmax = Math.abs(wk[x + jmax]!);
    let ssq = 0;
    for (let i = 0; i < bs; i++) {
      const t = wk[x + i]! / xmax;
      ssq += t * t;
    }
    let scl = 1 / (xmax * Math.sqrt(ssq));
    if (wk[x + jmax]! < 0) scl = -scl;
    const zb = zj + b1;
    for (let i = 0; i < bs; i++) z[zb + i] = wk[x + i]! * scl;
    if (!conv) {
      const lam = w[offW + j]!;
      let res = 0;
      for (let i = 0; i < bs; i++) {
        let t = (d[pd + i]! - lam) * z[zb + i]!;
        if (i > 0) t += e[pe + i - 1]! * z[zb + i - 1]!;
        if (i < bs - 1) t += e[pe + i]! * z[zb + i + 1]!;
        res = Math.max(res, Math.abs(t));
      }
      if (!(res <= bs * EPS * onenrm)) info++;
    }
  }
  return info;
}
