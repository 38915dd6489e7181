/**
 * bdsqr — SVD of an upper bidiagonal matrix by implicit QR sweeps       (O(n²) on B; with vectors
 *                                                   ≈ 5·(nru + nrv)·n² more: 6 flops per row per rotation,
 *                                                   ≈ 0.85·n² rotations per side on random matrices)
 *
 * JS mirror of assembly/svd/bdsqr.ts (read it for the math, the accuracy argument and the deferred
 * rotations). B = diag(d) + superdiag(e) = Ub·Σ·Vbᵀ; U ← U·Ub (nru×n), V ← V·Vb (nrv×n); σ sorted
 * decreasing and ≥ 0 on exit. Zero-shift sweeps when a shift would destroy the relative accuracy of
 * small σ (Demmel & Kahan 1990), relative convergence tests, bulge chased from the larger end;
 * rotations recorded for K sweeps and applied to U and V in cache-blocked batches
 * (blas/lasr.ts).
 * Iteration cap MAXITR·n² (or the tuning key T_BDSQR_MAXIT): then returns the count of nonzero e.
 * Thresholds use UNIT_ROUNDOFF = 2^-53 (dbdsqr's EPS = dlamch('E')) and SAFMIN (its UNFL), machine.ts.
 *
 * Storage: d = d[offD…] (n), e = e[offE…] (n − 1), V[i, j] = v[offV + i + j·ldv] (nrv×n), U likewise
 * (nru×n); nrv = 0 / nru = 0 means not wanted. Workspace w[offW…], `bdsqrScratch(n, nrv, nru)` doubles,
 * laid out as the wasm kernel's (sweep descriptors as doubles, then the (c, s) columns for U and V).
 * K (T_BDSQR_SWEEPS) and the cap are read from this module's own tuning table (../tuning.js). Same
 * operation order as the wasm kernel, so the bits agree.
 *
 * References: Golub & Van Loan, 4th ed., §8.6.2; Demmel & Kahan, SIAM J. Sci. Stat. Comput. 11(5),
 * 1990; Van Zee, van de Geijn & Quintana-Ortí, ACM TOMS 40(3), 2014; LAPACK dbdsqr.
 */
import { lartg, lartgC, lartgS } from '../blas/lartg.js';
import { las2 } from './las2.js';
import { lasv2, lasv2Max, lasv2Cr, lasv2Sr, lasv2Cl, lasv2Sl } from './lasv2.js';
import { lasr } from '../blas/lasr.js';
import { UNIT_ROUNDOFF, SAFMIN } from '../../core/machine.js';
import { sign1 } from '../util.js';
import { tune, T_BDSQR_SWEEPS, T_BDSQR_MAXIT } from '../tuning.js';

export const BDSQR_TOLMUL = 98.70149282610822; // UNIT_ROUNDOFF^(-1/8) = 2^(53/8), dbdsqr's TOLMUL
export const BDSQR_MAXITR = 6;

/** Doubles of workspace `bdsqr` needs (with T_BDSQR_SWEEPS in force). */
export function bdsqrScratch(n: number, nrv: number, nru: number): number {
  if (n <= 1 || (nrv <= 0 && nru <= 0)) return 0;
  const k = tune(T_BDSQR_SWEEPS);
  return 4 * k + 4 * k * n;
}

export function bdsqr(
  n: number, nrv: number, nru: number, d: Float64Array, offD: number, e: Float64Array, offE: number,
  v: Float64Array, offV: number, ldv: number, u: Float64Array, offU: number, ldu: number,
  w: Float64Array, offW: number,
): number {
  if (n <= 0) return 0;
  if (nrv < 0) nrv = 0;
  if (nru < 0) nru = 0;
  if (n > 1) {
    const info = iterate(n, nrv, nru, d, offD, e, offE, v, offV, ldv, u, offU, ldu, w, offW);
    if (info > 0) return info;
  }
  // σᵢ = |dᵢ|: negate column i of V where dᵢ < 0
  for (let i = 0; i < n; i++) {
    const di = d[offD + i]!;
    if (di < 0) {
      const c = offV + i * ldv;
      for (let r = 0; r < nrv; r++) v[c + r] = -v[c + r]!;
    }
    d[offD + i] = Math.abs(di);
  }
  // sort into decreasing order (selection sort: at most n − 1 column swaps)
  for (let i = 0; i < n - 1; i++) {
    let jmax = i;
    let dmax = d[offD + i]!;
    for (let j = i + 1; j < n; j++) {
      const dj = d[offD + j]!;
      if (dj > dmax) {
        dmax = dj;
        jmax = j;
      }
    }
    if (jmax !== i) {
      d[offD + jmax] = d[offD + i]!;
      d[offD + i] = dmax;
      swapColumns(nrv, v, offV + i * ldv, offV + jmax * ldv);
      swapColumns(nru, u, offU + i * ldu, offU + jmax * ldu);
    }
  }
  return 0;
}

function swapColumns(m: number, x: Float64Array, ox: number, oy: number): void {
  for (let r = 0; r < m; r++) {
    const t = x[ox + r]!;
    x[ox + r] = x[oy + r]!;
    x[oy + r] = t;
  }
}

/** The QR iteration proper; returns 0 when B is diagonal, else the count of nonzero e (cap hit). */
function iterate(
  n: number, nrv: number, nru: number, d: Float64Array, oD: number, e: Float64Array, oE: number,
  v: Float64Array, offV: number, ldv: number, u: Float64Array, offU: number, ldu: number,
  w: Float64Array, offW: number,
): number {
  const vec = nrv > 0 || nru > 0;
  // deferred rotations: lasr records (lo, hi, dir, off = q·n), then (c, s) for U and for V, K columns of n
  const K = tune(T_BDSQR_SWEEPS);
  const oSeq = offW;
  const oUc = oSeq + 4 * K;
  const oUs = oUc + K * n;
  const oVc = oUs + K * n;
  const oVs = oVc + K * n;
  let nseq = 0;

  const tol = BDSQR_TOLMUL * UNIT_ROUNDOFF;
  // σmin estimate (Demmel–Kahan recurrence) → absolute threshold
  let sminoa = Math.abs(d[oD]!);
  if (sminoa !== 0) {
    let mu = sminoa;
    for (let i = 1; i < n; i++) {
      mu = Math.abs(d[oD + i]!) * (mu / (mu + Math.abs(e[oE + i - 1]!)));
      if (mu < sminoa) sminoa = mu;
      if (sminoa === 0) break;
    }
  }
  sminoa = sminoa / Math.sqrt(n);
  const fn = n;
  const thresh = Math.max(tol * sminoa, BDSQR_MAXITR * (fn * (fn * SAFMIN)));
  const maxitSet = tune(T_BDSQR_MAXIT);
  const maxit = maxitSet > 0 ? maxitSet : BDSQR_MAXITR * fn * fn;
  let iter = 0;
  let oldll = -1;
  let oldm = -1;
  let idir = 0;
  let m = n - 1;
  let failed = false;

  while (m > 0) {
    if (iter >= maxit) {
      failed = true;
      break;
    }
    // active block [ll, m]: scan up from m for a negligible off-diagonal
    let smax = Math.abs(d[oD + m]!);
    let ll = 0;
    for (let l = m - 1; l >= 0; l--) {
      const abss = Math.abs(d[oD + l]!);
      const abse = Math.abs(e[oE + l]!);
      if (abse <= thresh) {
        e[oE + l] = 0;
        ll = l + 1;
        break;
      }
      smax = Math.max(smax, Math.max(abss, abse));
    }
    if (ll === m) {
      // dₘ is isolated: converged
      m--;
      continue;
    }
    if (ll === m - 1) {
      // 2×2 block: solve it directly
      const smin = lasv2(d[oD + m - 1]!, e[oE + m - 1]!, d[oD + m]!);
      d[oD + m - 1] = lasv2Max;
      e[oE + m - 1] = 0;
      d[oD + m] = smin;
      if (vec) {
        const o = nseq * n + (m - 1);
        w[oVc + o] = lasv2Cr;
        w[oVs + o] = lasv2Sr;
        w[oUc + o] = lasv2Cl;
        w[oUs + o] = lasv2Sl;
        nseq = record(nseq, K, m - 1, m, 0, w, oSeq, oUc, oUs, oVc, oVs, n, nrv, nru, v, offV, ldv, u, offU, ldu);
      }
      m -= 2;
      continue;
    }
    // a new block (not a shrunk version of the last one): choose the chase direction
    if (ll > oldm || m < oldll) idir = Math.abs(d[oD + ll]!) >= Math.abs(d[oD + m]!) ? 1 : 2;

    // convergence tests, relative to the running σmin bound μ
    let sminl = 0;
    let deflated = false;
    if (idir === 1) {
      if (Math.abs(e[oE + m - 1]!) <= tol * Math.abs(d[oD + m]!)) {
        e[oE + m - 1] = 0;
        continue;
      }
      let mu = Math.abs(d[oD + ll]!);
      sminl = mu;
      for (let l = ll; l < m; l++) {
        const el = Math.abs(e[oE + l]!);
        if (el <= tol * mu) {
          e[oE + l] = 0;
          deflated = true;
          break;
        }
        mu = Math.abs(d[oD + l + 1]!) * (mu / (mu + el));
        if (mu < sminl) sminl = mu;
      }
    } else {
      if (Math.abs(e[oE + ll]!) <= tol * Math.abs(d[oD + ll]!)) {
        e[oE + ll] = 0;
        continue;
      }
      let mu = Math.abs(d[oD + m]!);
      sminl = mu;
      for (let l = m - 1; l >= ll; l--) {
        const el = Math.abs(e[oE + l]!);
        if (el <= tol * mu) {
          e[oE + l] = 0;
          deflated = true;
          break;
        }
        mu = Math.abs(d[oD + l]!) * (mu / (mu + el));
        if (mu < sminl) sminl = mu;
      }
    }
    if (deflated) continue;
    oldll = ll;
    oldm = m;

    // shift: zero if it would destroy the relative accuracy of the smallest σ, else the smaller
    // singular value of the 2×2 block at the end the bulge is chased toward
    let shift = 0;
    if (fn * tol * (sminl / smax) > Math.max(UNIT_ROUNDOFF, 0.01 * tol)) {
      let sll: number;
      if (idir === 1) {
        sll = Math.abs(d[oD + ll]!);
        shift = las2(d[oD + m - 1]!, e[oE + m - 1]!, d[oD + m]!);
      } else {
        sll = Math.abs(d[oD + m]!);
        shift = las2(d[oD + ll]!, e[oE + ll]!, d[oD + ll + 1]!);
      }
      if (sll > 0) {
        const q = shift / sll;
        if (q * q < UNIT_ROUNDOFF) shift = 0;
      }
    }
    iter += m - ll;

    const oc = nseq * n;
    const uc = oUc + oc;
    const us = oUs + oc;
    const vc = oVc + oc;
    const vs = oVs + oc;
    if (shift === 0) {
      if (idir === 1) {
        // zero-shift sweep, top to bottom (Demmel–Kahan): no subtraction anywhere
        let cs = 1;
        let sn = 0;
        let oldcs = 1;
        let oldsn = 0;
        for (let i = ll; i < m; i++) {
          const r = lartg(d[oD + i]! * cs, e[oE + i]!);
          cs = lartgC;
          sn = lartgS;
          if (i > ll) e[oE + i - 1] = oldsn * r;
          const di = lartg(oldcs * r, d[oD + i + 1]! * sn);
          oldcs = lartgC;
          oldsn = lartgS;
          d[oD + i] = di;
          if (vec) {
            w[vc + i] = cs;
            w[vs + i] = sn;
            w[uc + i] = oldcs;
            w[us + i] = oldsn;
          }
        }
        const h = d[oD + m]! * cs;
        d[oD + m] = h * oldcs;
        e[oE + m - 1] = h * oldsn;
        if (Math.abs(e[oE + m - 1]!) <= thresh) e[oE + m - 1] = 0;
      } else {
        // zero-shift sweep, bottom to top
        let cs = 1;
        let sn = 0;
        let oldcs = 1;
        let oldsn = 0;
        for (let i = m; i > ll; i--) {
          const r = lartg(d[oD + i]! * cs, e[oE + i - 1]!);
          cs = lartgC;
          sn = lartgS;
          if (i < m) e[oE + i] = oldsn * r;
          const di = lartg(oldcs * r, d[oD + i - 1]! * sn);
          oldcs = lartgC;
          oldsn = lartgS;
          d[oD + i] = di;
          if (vec) {
            w[uc + i - 1] = cs;
            w[us + i - 1] = -sn;
            w[vc + i - 1] = oldcs;
            w[vs + i - 1] = -oldsn;
          }
        }
        const h = d[oD + ll]! * cs;
        d[oD + ll] = h * oldcs;
        e[oE + ll] = h * oldsn;
        if (Math.abs(e[oE + ll]!) <= thresh) e[oE + ll] = 0;
      }
    } else {
      if (idir === 1) {
        // shifted sweep, top to bottom: R₀ from the first column of BᵀB − σ²I, scaled by 1/d_ll
        const dll = d[oD + ll]!;
        let f = (Math.abs(dll) - shift) * (sign1(dll) + shift / dll);
        let g = e[oE + ll]!;
        for (let i = ll; i < m; i++) {
          // right rotation on columns (i, i+1): zero B[i−1, i+1] (or start the chase)
          const r = lartg(f, g);
          const cosr = lartgC;
          const sinr = lartgS;
          if (i > ll) e[oE + i - 1] = r;
          const di = d[oD + i]!;
          const ei = e[oE + i]!;
          const di1 = d[oD + i + 1]!;
          f = cosr * di + sinr * ei;
          const e1 = cosr * ei - sinr * di;
          g = sinr * di1;
          const d1 = cosr * di1;
          // left rotation on rows (i, i+1): zero the bulge B[i+1, i]
          const r2 = lartg(f, g);
          const cosl = lartgC;
          const sinl = lartgS;
          d[oD + i] = r2;
          f = cosl * e1 + sinl * d1;
          d[oD + i + 1] = cosl * d1 - sinl * e1;
          if (i < m - 1) {
            const ei1 = e[oE + i + 1]!;
            g = sinl * ei1;
            e[oE + i + 1] = cosl * ei1;
          }
          e[oE + i] = e1;
          if (vec) {
            w[vc + i] = cosr;
            w[vs + i] = sinr;
            w[uc + i] = cosl;
            w[us + i] = sinl;
          }
        }
        e[oE + m - 1] = f;
        if (Math.abs(f) <= thresh) e[oE + m - 1] = 0;
      } else {
        // shifted sweep, bottom to top (the same on the reversed matrix)
        const dm = d[oD + m]!;
        let f = (Math.abs(dm) - shift) * (sign1(dm) + shift / dm);
        let g = e[oE + m - 1]!;
        for (let i = m; i > ll; i--) {
          // left rotation on rows (i−1, i)
          const r = lartg(f, g);
          const cosr = lartgC;
          const sinr = lartgS;
          if (i < m) e[oE + i] = r;
          const di = d[oD + i]!;
          const ei = e[oE + i - 1]!;
          const di1 = d[oD + i - 1]!;
          f = cosr * di + sinr * ei;
          const e1 = cosr * ei - sinr * di;
          g = sinr * di1;
          const d1 = cosr * di1;
          // right rotation on columns (i−1, i): zero the bulge B[i, i−1]
          const r2 = lartg(f, g);
          const cosl = lartgC;
          const sinl = lartgS;
          d[oD + i] = r2;
          f = cosl * e1 + sinl * d1;
          d[oD + i - 1] = cosl * d1 - sinl * e1;
          if (i > ll + 1) {
            const ei2 = e[oE + i - 2]!;
            g = sinl * ei2;
            e[oE + i - 2] = cosl * ei2;
          }
          e[oE + i - 1] = e1;
          if (vec) {
            w[uc + i - 1] = cosr;
            w[us + i - 1] = -sinr;
            w[vc + i - 1] = cosl;
            w[vs + i - 1] = -sinl;
          }
        }
        e[oE + ll] = f;
        if (Math.abs(f) <= thresh) e[oE + ll] = 0;
      }
    }
    if (vec) nseq = record(nseq, K, ll, m, idir === 1 ? 0 : 1, w, oSeq, oUc, oUs, oVc, oVs, n, nrv, nru, v, offV, ldv, u, offU, ldu);
  }
  if (vec && nseq > 0) flush(nseq, w, oSeq, oUc, oUs, oVc, oVs, n, nrv, nru, v, offV, ldv, u, offU, ldu);
  if (!failed) return 0;
  let count = 0;
  for (let i = 0; i < n - 1; i++) if (e[oE + i] !== 0) count++;
  return count;
}

/** Closes sweep `nseq` (rotations at lo…hi−1, already stored) and applies the batch when it is full. */
function record(
  nseq: number, K: number, lo: number, hi: number, dir: number, w: Float64Array, oSeq: number,
  oUc: number, oUs: number, oVc: number, oVs: number, n: number, nrv: number, nru: number,
  v: Float64Array, offV: number, ldv: number, u: Float64Array, offU: number, ldu: number,
): number {
  const o = oSeq + nseq * 4;
  w[o] = lo;
  w[o + 1] = hi;
  w[o + 2] = dir;
  w[o + 3] = nseq * n; // (c, s) of sweep nseq: column nseq of n slots, indexed by position
  nseq++;
  if (nseq < K) return nseq;
  flush(nseq, w, oSeq, oUc, oUs, oVc, oVs, n, nrv, nru, v, offV, ldv, u, offU, ldu);
  return 0;
}

/** U ← U·(recorded left rotations), V ← V·(recorded right rotations). */
function flush(
  nseq: number, w: Float64Array, oSeq: number, oUc: number, oUs: number, oVc: number, oVs: number,
  n: number, nrv: number, nru: number, v: Float64Array, offV: number, ldv: number,
  u: Float64Array, offU: number, ldu: number,
): void {
  lasr(nru, nseq, w, oSeq, w, oUc, w, oUs, u, offU, ldu);
  lasr(nrv, nseq, w, oSeq, w, oVc, w, oVs, v, offV, ldv);
}
