/**
 * lasq — singular values of a bidiagonal matrix by the dqds algorithm     (values only; O(n²), no sqrt
 *                                                                         in the inner loop)
 *
 * JS mirror of assembly/svd/lasq.ts (read it for the math, the deflation criteria, the shift strategy
 * and the scaling): q_i = d_i², e_i = e_i², dqds steps (dqds.ts) with shifts below λ_min, accumulated
 * shift kept apart, deflation at the bottom, σ = √λ scaled back and sorted decreasing.
 *
 * Storage: d (n) at (d, offD) overwritten by σ, decreasing; e (n − 1) at (e, offE) read only;
 * workspace (w, offW), lasqScratch(n) doubles. Returns 0; n for NaN/Inf input (d = NaN); else the
 * number of values not converged within the step cap (30·n, or the tuning key T_LASQ_MAXIT). Same
 * operations as the wasm kernel, so the bits agree.
 *
 * References: Fernando & Parlett, Numer. Math. 67 (1994); Parlett & Marques, LAA 309 (2000); LAPACK
 * dlasq1–dlasq4.
 */
import { dqds, dqdsDmin1, dqdsDmin2, dqdsDn, dqdsDn1, dqdsDn2, dqdsEmin } from './dqds.js';
import { las2, las2Max } from './las2.js';
import { EPS, OVERFLOW_THRESHOLD } from '../../core/machine.js';
import { tune, T_LASQ_MAXIT } from '../tuning.js';

const TOL2 = (100.0 * EPS) * (100.0 * EPS); // dlasq2's TOL² = (100·eps)², eps = dlamch('P') = 2^-52
const SCALE_LO = 2.497398840252794e145; // 2^483
const SCALE_HI = 4.994797680505588e145; // 2^484
const TINY = 3.8725919148493183e-121; // 2^-400: below this, pre-scale by 2^600
const PRE = 4.149515568880993e180; // 2^600
const PRE_INV = 2.409919865102884e-181; // 2^-600

/** Doubles of workspace `lasq` needs. */
export function lasqScratch(n: number): number {
  return n <= 0 ? 0 : (5 * n + 1) & ~1;
}

/** Larger eigenvalue from the last `eig2` call. */
let eig2Max = 0;

/**
 * Eigenvalues of the 2×2 qd array [qa, e, qb] (trace qa + qb + e, determinant qa·qb), both ≥ 0:
 * λmax = q1 + (e + s) with q1 = max(qa, qb), q2 = min, t = ((q1 − q2) + e)/2,
 * s = q2·e / (t + √(t² + q2·e)); λmin = q2·(q1/λmax). Sums of nonnegative terms only.
 */
function eig2(qa: number, e: number, qb: number): number {
  const q1 = qa >= qb ? qa : qb;
  const q2 = qa >= qb ? qb : qa;
  if (e === 0) {
    eig2Max = q1;
    return q2;
  }
  const t = 0.5 * ((q1 - q2) + e);
  const r = q2 * (e / t);
  let s: number;
  if (r <= t) s = q2 * (e / (t * (1.0 + Math.sqrt(1.0 + r / t))));
  else s = q2 * (e / (t + Math.sqrt(t) * Math.sqrt(t + r)));
  const big = q1 + (s + e);
  eig2Max = big;
  return q2 * (q1 / big);
}

export function lasq(
  n: number, d: Float64Array, offD: number, e: Float64Array, offE: number, w: Float64Array, offW: number,
): number {
  if (n <= 0) return 0;
  let big = 0;
  let bad = false;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(d[offD + i]!);
    if (!(a <= OVERFLOW_THRESHOLD)) bad = true;
    else if (a > big) big = a;
  }
  for (let i = 0; i < n - 1; i++) {
    const a = Math.abs(e[offE + i]!);
    if (!(a <= OVERFLOW_THRESHOLD)) bad = true;
    else if (a > big) big = a;
  }
  if (bad) {
    for (let i = 0; i < n; i++) d[offD + i] = NaN;
    return n;
  }
  if (n === 1) {
    d[offD + 0] = Math.abs(d[offD + 0]!);
    return 0;
  }
  if (big === 0) {
    for (let i = 0; i < n; i++) d[offD + i] = 0;
    return 0;
  }
  // power-of-two scaling: largest entry into [2^483, 2^484)
  const pre = big < TINY ? PRE : 1.0;
  const bp = big * pre;
  let s = 1;
  while (bp * s < SCALE_LO) s *= 2;
  while (bp * s >= SCALE_HI) s *= 0.5;
  const rs = 1.0 / s;
  const rpre = pre === 1.0 ? 1.0 : PRE_INV;
  if (n === 2) {
    // closed form (las2 covers the whole range, only subnormal input is lifted by 2^600 first; the
    // 2^484 scaling would push a σmin near the underflow threshold below it)
    const smin = las2(d[offD]! * pre, e[offE]! * pre, d[offD + 1]! * pre);
    d[offD] = las2Max * rpre;
    d[offD + 1] = smin * rpre;
    return 0;
  }
  const z = w;
  const offZ = offW;
  const oSig = offW + 4 * n;
  for (let i = 0; i < n; i++) {
    const x = (Math.abs(d[offD + i]!) * pre) * s;
    const y = i < n - 1 ? (Math.abs(e[offE + i]!) * pre) * s : 0.0;
    z[offZ + 4 * i] = x * x;
    z[offZ + 4 * i + 1] = y * y;
    z[offZ + 4 * i + 2] = 0;
    z[offZ + 4 * i + 3] = 0;
    z[oSig + i] = 0;
  }

  const maxitSet = tune(T_LASQ_MAXIT);
  const maxit = maxitSet > 0 ? maxitSet : 30 * n;
  let steps = 0;
  let n0 = n - 1;
  let failed = false;
  while (n0 >= 0 && !failed) {
    // the block [i0, n0]: resting data in the slot pair 0, e = 0 above i0
    let i0 = n0;
    while (i0 > 0 && z[offZ + 4 * (i0 - 1) + 1]! !== 0) i0--;
    let sigma = z[oSig + n0]!;
    let pp = 0;
    let fresh = true;
    let dmin = 0;
    let dmin1 = 0;
    let dmin2 = 0;
    let dn = 0;
    let dn1 = 0;
    let dn2 = 0;
    let g = 0;
    let case6 = false;
    while (true) {
      // deflate at the bottom
      const n0in = n0;
      while (n0 >= i0) {
        if (n0 === i0) {
          d[offD + n0] = z[offZ + 4 * n0 + pp]! + sigma;
          n0--;
          continue;
        }
        const qn = z[offZ + 4 * n0 + pp]!;
        if (z[offZ + 4 * (n0 - 1) + pp + 1]! <= TOL2 * (sigma + qn)) {
          d[offD + n0] = qn + sigma;
          n0--;
          continue;
        }
        if (n0 === i0 + 1 || z[offZ + 4 * (n0 - 2) + pp + 1]! <= TOL2 * sigma) {
          const lo = eig2(z[offZ + 4 * (n0 - 1) + pp]!, z[offZ + 4 * (n0 - 1) + pp + 1]!, qn);
          d[offD + n0 - 1] = eig2Max + sigma;
          d[offD + n0] = lo + sigma;
          n0 -= 2;
          continue;
        }
        break;
      }
      if (n0 < i0) break;
      const ndefl = n0in - n0;
      if ((fresh || ndefl > 0) && 1.5 * z[offZ + 4 * i0 + pp]! < z[offZ + 4 * n0 + pp]!) {
        flip(z, offZ, i0, n0, pp);
        fresh = true;
      }
      // the shift
      let tau = 0;
      if (!fresh) {
        if (ndefl === 0) {
          if (dmin <= 0) {
            tau = 0;
            case6 = false;
          } else if (dmin === dn) {
            tau = bottomShift(z, offZ, i0, n0, pp, dmin, dmin1, dmin2, dn, dn1);
            case6 = false;
          } else {
            g = case6 ? g + (1.0 - g) / 3.0 : 0.25;
            case6 = true;
            tau = g * dmin;
          }
        } else if (ndefl === 1) {
          tau = dmin1 === dn1 && dmin2 === dn2 ? afterDeflation(z, offZ, i0, n0, pp, dmin1, dmin2) : dmin1 === dn1 ? 0.5 * dmin1 : 0.25 * dmin1;
          case6 = false;
        } else if (ndefl === 2) {
          tau = 0.25 * dmin2;
          case6 = false;
        }
        if (!(tau > 0)) tau = 0;
      }
      // the step, retried with smaller shifts until it succeeds
      let nfail = 0;
      while (true) {
        if (steps >= maxit) {
          failed = true;
          break;
        }
        steps++;
        dmin = dqds(z, offZ, i0, n0, pp, tau);
        if (dmin >= 0) break;
        nfail++;
        if (nfail >= 3) {
          tau = 0;
        } else if (dqdsDmin1 > 0 && tau + dmin > 0) {
          tau = (tau + dmin) * (1.0 - 2.0 * EPS);
        } else {
          tau = 0.25 * tau;
        }
      }
      if (failed) break;
      pp = 2 - pp;
      sigma += tau;
      dmin1 = dqdsDmin1;
      dmin2 = dqdsDmin2;
      dn = dqdsDn;
      dn1 = dqdsDn1;
      dn2 = dqdsDn2;
      fresh = false;
      if (dqdsEmin === 0) {
        // split at every ê = 0 above the bottom 2×2 (a zero there is a deflation, next): the parts
        // above keep σ and go back to the resting slots
        let top = -1;
        for (let k = n0 - 3; k >= i0; k--) {
          if (z[offZ + 4 * k + pp + 1]! === 0) {
            z[oSig + k] = sigma;
            if (top < 0) top = k;
          }
        }
        if (top >= 0) {
          if (pp !== 0) {
            for (let k = i0; k <= top; k++) {
              z[offZ + 4 * k] = z[offZ + 4 * k + pp]!;
              z[offZ + 4 * k + 1] = z[offZ + 4 * k + pp + 1]!;
            }
          }
          i0 = top + 1;
          fresh = true;
        }
      }
    }
  }

  if (failed) {
    for (let i = 0; i <= n0; i++) d[offD + i] = NaN;
    for (let i = n0 + 1; i < n; i++) d[offD + i] = (Math.sqrt(d[offD + i]!) * rs) * rpre;
    return n0 + 1;
  }
  for (let i = 0; i < n; i++) d[offD + i] = (Math.sqrt(d[offD + i]!) * rs) * rpre;
  // insertion sort, decreasing (the values come out nearly ordered block by block)
  for (let i = 1; i < n; i++) {
    const x = d[offD + i]!;
    let j = i - 1;
    while (j >= 0 && d[offD + j]! < x) {
      d[offD + j + 1] = d[offD + j]!;
      j--;
    }
    d[offD + j + 1] = x;
  }
  return 0;
}

/** Reverses the block [i0, n0] of the qd array at slot pp (q over i0…n0, e over i0…n0−1). */
function flip(z: Float64Array, offZ: number, i0: number, n0: number, pp: number): void {
  for (let i = i0, j = n0; i < j; i++, j--) {
    const a = z[offZ + 4 * i + pp]!;
    z[offZ + 4 * i + pp] = z[offZ + 4 * j + pp]!;
    z[offZ + 4 * j + pp] = a;
  }
  for (let i = i0, j = n0 - 1; i < j; i++, j--) {
    const a = z[offZ + 4 * i + pp + 1]!;
    z[offZ + 4 * i + pp + 1] = z[offZ + 4 * j + pp + 1]!;
    z[offZ + 4 * j + pp + 1] = a;
  }
}

/** Shift when the last step's minimum d was at the bottom (dlasq4 cases 2–4); < λ_min in most cases. */
function bottomShift(
  z: Float64Array, offZ: number, i0: number, n0: number, pp: number,
  dmin: number, dmin1: number, dmin2: number, dn: number, dn1: number,
): number {
  const qn = z[offZ + 4 * n0 + pp]!;
  const en1 = z[offZ + 4 * (n0 - 1) + pp + 1]!;
  const qn1 = z[offZ + 4 * (n0 - 1) + pp]!;
  const en2 = z[offZ + 4 * (n0 - 2) + pp + 1]!;
  if (dmin1 === dn1) {
    const b1 = Math.sqrt(qn) * Math.sqrt(en1);
    const b2 = Math.sqrt(qn1) * Math.sqrt(en2);
    const a2 = qn1 + en1;
    const gap2 = dmin2 - a2 - 0.25 * dmin2;
    let gap1: number;
    if (gap2 > 0 && gap2 > b2) gap1 = a2 - dn - (b2 / gap2) * b2;
    else gap1 = a2 - dn - (b1 + b2);
    if (gap1 > 0 && gap1 > b1) {
      const t = dn - (b1 / gap1) * b1;
      return t > 0.5 * dmin ? t : 0.5 * dmin;
    }
    let t = 0;
    if (dn > b1) t = dn - b1;
    if (a2 > b1 + b2) {
      const u = a2 - (b1 + b2);
      if (u < t) t = u;
    }
    const lo = dmin / 3.0;
    return t > lo ? t : lo;
  }
  // Rayleigh-quotient residual bound from the e/q ratios up the block
  const fallback = 0.25 * dmin;
  if (en1 > qn1) return fallback;
  let b2 = en1 / qn1;
  let a2 = b2;
  for (let k = n0 - 2; k >= i0; k--) {
    if (b2 === 0) break;
    const b1 = b2;
    const ek = z[offZ + 4 * k + pp + 1]!;
    const qk = z[offZ + 4 * k + pp]!;
    if (ek > qk) return fallback;
    b2 = b2 * (ek / qk);
    a2 += b2;
    if (100.0 * (b2 > b1 ? b2 : b1) < a2 || 0.563 < a2) break;
  }
  a2 = 1.05 * a2;
  if (a2 < 0.563) return dn * (1.0 - Math.sqrt(a2)) / (1.0 + a2);
  return fallback;
}

/**
 * Shift after one value deflated, when the last step's minima sat at the bottom (dlasq4 cases 7, 8):
 * a lower bound on λ_min from dmin1 and the e/q ratio products up the block, at least dmin1/3.
 */
function afterDeflation(z: Float64Array, offZ: number, i0: number, n0: number, pp: number, dmin1: number, dmin2: number): number {
  let s = dmin1 / 3.0;
  const en1 = z[offZ + 4 * (n0 - 1) + pp + 1]!;
  const qn1 = z[offZ + 4 * (n0 - 1) + pp]!;
  if (en1 > qn1) return s;
  let b1 = en1 / qn1;
  let b2 = b1;
  if (b2 !== 0) {
    for (let k = n0 - 2; k >= i0; k--) {
      const a = b1;
      const ek = z[offZ + 4 * k + pp + 1]!;
      const qk = z[offZ + 4 * k + pp]!;
      if (ek > qk) return s;
      b1 = b1 * (ek / qk);
      b2 += b1;
      if (100.0 * (b1 > a ? b1 : a) < b2) break;
    }
  }
  b2 = Math.sqrt(1.05 * b2);
  const a2 = dmin1 / (1.0 + b2 * b2);
  const gap2 = 0.5 * dmin2 - a2;
  let t: number;
  if (gap2 > 0 && gap2 > b2 * a2) t = a2 * (1.0 - 1.01 * a2 * (b2 / gap2) * b2);
  else t = a2 * (1.0 - 1.01 * b2);
  return t > s ? t : s;
}
