/**
 * lasq — singular values of a bidiagonal matrix by the dqds algorithm     (values only; O(n²), no sqrt
 *                                                                         in the inner loop)
 *
 *   B = diag(d) + superdiag(e)  (n×n, either signs)   →   σ₀ ≥ σ₁ ≥ … ≥ σₙ₋₁ ≥ 0,
 *
 * every σ to high relative accuracy (a few ulps times a modest multiple of n) as long as no quantity of
 * the qd array underflows: singular values below about σ₀·2^-510 can come out as 0 (dqds works on
 * squares; LAPACK's dlasq1 likewise promises accuracy only "in the absence of underflow"). gesvd
 * therefore hands bidiagonals with such a wide range to bdsqr instead.
 *
 * The math (Fernando & Parlett 1994; Parlett & Marques 2000). σᵢ² are the eigenvalues of BᵀB, whose
 * factors are represented by the qd array q_i = d_i², e_i = e_i² (no square roots from here on).
 * One dqds step (dqds.ts) with shift τ maps the qd array of T to that of T − τ·I, a step of the LR
 * algorithm done in "differential" form whose only subtraction is the shift; it succeeds iff all its
 * d's stay ≥ 0, i.e. iff τ ≤ λ_min (current). The accumulated shift σ = Στ is kept apart, so each
 * eigenvalue is found as λ = σ + (something ≥ 0): no cancellation anywhere. With τ → λ_min the last
 * e of the block converges to 0 (quadratically or better); then
 *
 *   deflation (one):  e_{n0−1} ≤ tol²·(σ + q_{n0})   →   λ = σ + q_{n0},    n0 ← n0 − 1
 *   deflation (two):  e_{n0−2} ≤ tol²·σ               →   the 2×2 [q_{n0−1}, e_{n0−1}, q_{n0}] solved
 *                                                         in closed form (eig2), n0 ← n0 − 2
 *
 * with tol = 100·eps (LAPACK dlasq2's TOL; eps = EPS = 2^-52, dlamch('P') as dlasq2 uses it). A block
 * of one or two is solved directly. An e that becomes exactly 0 inside the block (an underflow, or a
 * zero singular value: a zero q is carried to the bottom by two zero-shift steps) splits it; the upper
 * part keeps its own σ (sig[] below).
 *
 * Shift strategy (our simplification of LAPACK dlasq4, same notation: dmin = min d of the last step,
 * dn, dn1, dn2 = its last three d's, dmin1, dmin2 = min d without the last one / two):
 *   · first step of a block, and after a flip: τ = 0;
 *   · dmin ≤ 0 (a zero eigenvalue, already exact): τ = 0;
 *   · no deflation last time, dmin = dn and dmin1 = dn1: a 2×2 / Gershgorin-type lower bound on λ_min
 *     from b1 = √(q_{n0}·e_{n0−1}), b2 = √(q_{n0−1}·e_{n0−2}), a2 = q_{n0−1} + e_{n0−1} and the gaps to
 *     dmin2 (dlasq4 cases 2, 3);
 *   · dmin = dn otherwise: the Rayleigh-quotient residual bound dn·(1 − √a)/(1 + a), a ≈ 1.05·Σ of the
 *     e/q ratio products up the block (dlasq4 case 4), else dmin/4;
 *   · no information (the minimum is not at the bottom): τ = g·dmin with g = 1/4 growing by a third of
 *     the remaining distance to 1 on each repeat (dlasq4 case 6);
 *   · one value deflated: dmin1/2 if dmin1 = dn1, else dmin1/4; two: dmin2/4; more: 0.
 * A failed step (dmin < 0) is retried with τ + dmin (slightly reduced) when only the last d went
 * negative, else with τ/4; after three failures τ = 0, which always succeeds (all d ≥ 0 in exact and
 * in floating-point arithmetic). Flip: when a block starts or shrinks and 1.5·q_{i0} < q_{n0}, the block
 * is reversed (same eigenvalues: it is the qd array of J·Bᵀ·J), since dqds converges at the bottom and
 * wants the large entries on top.
 *
 * Scaling (as dlasq1): |d|, |e| are multiplied by a power of two (exact) that puts the largest of them
 * in [2^483, 2^484): the q's are then ≤ 2^968, their sums cannot overflow, and the smallest possible
 * singular values keep their squares above the underflow threshold as far as possible. σ is scaled back
 * at the end.
 *
 * Flops: about 7 per index per step, of which 2 divisions (the step is latency-bound on the chain
 * through d); typically 2–4 steps per eigenvalue over a block of average length n/2, ≈ 10·n² in all.
 *
 * Storage: d (n) at `pd`, overwritten by σ in decreasing order; e (n − 1) at `pe`, read only (signs of
 * d and e are irrelevant). Workspace: `pw`, `lasqScratch(n)` doubles: the interleaved qd arrays z (4n:
 * [q, e, q̂, ê] per index, dqds ping-pongs between the two pairs) and sig (n: the accumulated shift of a
 * block that split off, stored at its bottom index).
 *
 * Returns 0 on success. n if d or e contains NaN or ±Inf (d is then filled with NaN). Otherwise the
 * number of values not converged within the cap on dqds steps (30·n in total; the tuning key
 * T_LASQ_MAXIT, tuning.ts, replaces it): those are indices 0 … k − 1 of d, set to NaN, the converged
 * ones are left unsorted after them. Never loops without bound.
 *
 * References: Fernando & Parlett, "Accurate singular values and differential qd algorithms", Numer.
 * Math. 67 (1994); Parlett & Marques, "An implementation of the dqds algorithm (positive case)", LAA
 * 309 (2000); LAPACK dlasq1 (scaling), dlasq2/dlasq3 (deflation, flips, failure handling), dlasq4
 * (shift cases).
 */
import { dqds, dqdsDmin1, dqdsDmin2, dqdsDn, dqdsDn1, dqdsDn2, dqdsEmin } from './dqds';
import { las2, las2Max } from './las2';
import { EPS, OVERFLOW_THRESHOLD } from '../machine';
import { ld, st } from '../util';
import { tuneI, T_LASQ_MAXIT } from '../tuning';

// @ts-ignore: decorator
@inline const TOL2: f64 = (100.0 * EPS) * (100.0 * EPS); // dlasq2's TOL² = (100·eps)², eps = dlamch('P') = 2^-52
// @ts-ignore: decorator
@inline const SCALE_LO: f64 = 2.497398840252794e145; // 2^483
// @ts-ignore: decorator
@inline const SCALE_HI: f64 = 4.994797680505588e145; // 2^484
// @ts-ignore: decorator
@inline const TINY: f64 = 3.8725919148493183e-121; // 2^-400: below this, pre-scale by 2^600
// @ts-ignore: decorator
@inline const PRE: f64 = 4.149515568880993e180; // 2^600
// @ts-ignore: decorator
@inline const PRE_INV: f64 = 2.409919865102884e-181; // 2^-600

/** Doubles of workspace `lasq` needs. */
export function lasqScratch(n: i32): i32 {
  return n <= 0 ? 0 : (5 * n + 1) & ~1;
}

/** Larger eigenvalue from the last `eig2` call. */
let eig2Max: f64 = 0;

/**
 * Eigenvalues of the 2×2 qd array [qa, e, qb] (trace qa + qb + e, determinant qa·qb), both ≥ 0:
 * λmax = q1 + (e + s) with q1 = max(qa, qb), q2 = min, t = ((q1 − q2) + e)/2,
 * s = q2·e / (t + √(t² + q2·e)); λmin = q2·(q1/λmax). Sums of nonnegative terms only.
 */
function eig2(qa: f64, e: f64, qb: f64): f64 {
  const q1 = qa >= qb ? qa : qb;
  const q2 = qa >= qb ? qb : qa;
  if (e == 0) {
    eig2Max = q1;
    return q2;
  }
  const t = 0.5 * ((q1 - q2) + e);
  const r = q2 * (e / t);
  let s: f64;
  if (r <= t) s = q2 * (e / (t * (1.0 + Math.sqrt(1.0 + r / t))));
  else s = q2 * (e / (t + Math.sqrt(t) * Math.sqrt(t + r)));
  const big = q1 + (s + e);
  eig2Max = big;
  return q2 * (q1 / big);
}

export function lasq(n: i32, pd: usize, pe: usize, pw: usize): i32 {
  if (n <= 0) return 0;
  let big: f64 = 0;
  let bad = false;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(ld(pd, i));
    if (!(a <= OVERFLOW_THRESHOLD)) bad = true;
    else if (a > big) big = a;
  }
  for (let i = 0; i < n - 1; i++) {
    const a = Math.abs(ld(pe, i));
    if (!(a <= OVERFLOW_THRESHOLD)) bad = true;
    else if (a > big) big = a;
  }
  if (bad) {
    for (let i = 0; i < n; i++) st(pd, i, NaN);
    return n;
  }
  if (n == 1) {
    st(pd, 0, Math.abs(ld(pd, 0)));
    return 0;
  }
  if (big == 0) {
    for (let i = 0; i < n; i++) st(pd, i, 0);
    return 0;
  }
  // power-of-two scaling: largest entry into [2^483, 2^484)
  const pre: f64 = big < TINY ? PRE : 1.0;
  const bp = big * pre;
  let s: f64 = 1;
  while (bp * s < SCALE_LO) s *= 2;
  while (bp * s >= SCALE_HI) s *= 0.5;
  const rs = 1.0 / s;
  const rpre: f64 = pre == 1.0 ? 1.0 : PRE_INV;
  if (n == 2) {
    // closed form (las2 covers the whole range, only subnormal input is lifted by 2^600 first; the
    // 2^484 scaling would push a σmin near the underflow threshold below it)
    const smin = las2(ld(pd, 0) * pre, ld(pe, 0) * pre, ld(pd, 1) * pre);
    st(pd, 0, las2Max * rpre);
    st(pd, 1, smin * rpre);
    return 0;
  }
  const pz = pw;
  const psig = pw + (<usize>(4 * n) << 3);
  for (let i = 0; i < n; i++) {
    const x = (Math.abs(ld(pd, i)) * pre) * s;
    const y = i < n - 1 ? (Math.abs(ld(pe, i)) * pre) * s : 0.0;
    st(pz, 4 * i, x * x);
    st(pz, 4 * i + 1, y * y);
    st(pz, 4 * i + 2, 0);
    st(pz, 4 * i + 3, 0);
    st(psig, i, 0);
  }

  const maxitSet = tuneI(T_LASQ_MAXIT);
  const maxit: i32 = maxitSet > 0 ? maxitSet : 30 * n;
  let steps = 0;
  let n0 = n - 1;
  let failed = false;
  while (n0 >= 0 && !failed) {
    // the block [i0, n0]: resting data in the slot pair 0, e = 0 above i0
    let i0 = n0;
    while (i0 > 0 && ld(pz, 4 * (i0 - 1) + 1) != 0) i0--;
    let sigma = ld(psig, n0);
    let pp = 0;
    let fresh = true;
    let dmin: f64 = 0;
    let dmin1: f64 = 0;
    let dmin2: f64 = 0;
    let dn: f64 = 0;
    let dn1: f64 = 0;
    let dn2: f64 = 0;
    let g: f64 = 0;
    let case6 = false;
    while (true) {
      // deflate at the bottom
      const n0in = n0;
      while (n0 >= i0) {
        if (n0 == i0) {
          st(pd, n0, ld(pz, 4 * n0 + pp) + sigma);
          n0--;
          continue;
        }
        const qn = ld(pz, 4 * n0 + pp);
        if (ld(pz, 4 * (n0 - 1) + pp + 1) <= TOL2 * (sigma + qn)) {
          st(pd, n0, qn + sigma);
          n0--;
          continue;
        }
        if (n0 == i0 + 1 || ld(pz, 4 * (n0 - 2) + pp + 1) <= TOL2 * sigma) {
          const lo = eig2(ld(pz, 4 * (n0 - 1) + pp), ld(pz, 4 * (n0 - 1) + pp + 1), qn);
          st(pd, n0 - 1, eig2Max + sigma);
          st(pd, n0, lo + sigma);
          n0 -= 2;
          continue;
        }
        break;
      }
      if (n0 < i0) break;
      const ndefl = n0in - n0;
      if ((fresh || ndefl > 0) && 1.5 * ld(pz, 4 * i0 + pp) < ld(pz, 4 * n0 + pp)) {
        flip(pz, i0, n0, pp);
        fresh = true;
      }
      // the shift
      let tau: f64 = 0;
      if (!fresh) {
        if (ndefl == 0) {
          if (dmin <= 0) {
            tau = 0;
            case6 = false;
          } else if (dmin == dn) {
            tau = bottomShift(pz, i0, n0, pp, dmin, dmin1, dmin2, dn, dn1);
            case6 = false;
          } else {
            g = case6 ? g + (1.0 - g) / 3.0 : 0.25;
            case6 = true;
            tau = g * dmin;
          }
        } else if (ndefl == 1) {
          tau = dmin1 == dn1 && dmin2 == dn2 ? afterDeflation(pz, i0, n0, pp, dmin1, dmin2) : dmin1 == dn1 ? 0.5 * dmin1 : 0.25 * dmin1;
          case6 = false;
        } else if (ndefl == 2) {
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
        dmin = dqds(pz, i0, n0, pp, tau);
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
      if (dqdsEmin == 0) {
        // split at every ê = 0 above the bottom 2×2 (a zero there is a deflation, next): the parts
        // above keep σ and go back to the resting slots
        let top = -1;
        for (let k = n0 - 3; k >= i0; k--) {
          if (ld(pz, 4 * k + pp + 1) == 0) {
            st(psig, k, sigma);
            if (top < 0) top = k;
          }
        }
        if (top >= 0) {
          if (pp != 0) {
            for (let k = i0; k <= top; k++) {
              st(pz, 4 * k, ld(pz, 4 * k + pp));
              st(pz, 4 * k + 1, ld(pz, 4 * k + pp + 1));
            }
          }
          i0 = top + 1;
          fresh = true;
        }
      }
    }
  }

  if (failed) {
    for (let i = 0; i <= n0; i++) st(pd, i, NaN);
    for (let i = n0 + 1; i < n; i++) st(pd, i, (Math.sqrt(ld(pd, i)) * rs) * rpre);
    return n0 + 1;
  }
  for (let i = 0; i < n; i++) st(pd, i, (Math.sqrt(ld(pd, i)) * rs) * rpre);
  // insertion sort, decreasing (the values come out nearly ordered block by block)
  for (let i = 1; i < n; i++) {
    const x = ld(pd, i);
    let j = i - 1;
    while (j >= 0 && ld(pd, j) < x) {
      st(pd, j + 1, ld(pd, j));
      j--;
    }
    st(pd, j + 1, x);
  }
  return 0;
}

/** Reverses the block [i0, n0] of the qd array at slot pp (q over i0…n0, e over i0…n0−1). */
function flip(pz: usize, i0: i32, n0: i32, pp: i32): void {
  for (let i = i0, j = n0; i < j; i++, j--) {
    const a = ld(pz, 4 * i + pp);
    st(pz, 4 * i + pp, ld(pz, 4 * j + pp));
    st(pz, 4 * j + pp, a);
  }
  for (let i = i0, j = n0 - 1; i < j; i++, j--) {
    const a = ld(pz, 4 * i + pp + 1);
    st(pz, 4 * i + pp + 1, ld(pz, 4 * j + pp + 1));
    st(pz, 4 * j + pp + 1, a);
  }
}

/** Shift when the last step's minimum d was at the bottom (dlasq4 cases 2–4); < λ_min in most cases. */
function bottomShift(pz: usize, i0: i32, n0: i32, pp: i32, dmin: f64, dmin1: f64, dmin2: f64, dn: f64, dn1: f64): f64 {
  const qn = ld(pz, 4 * n0 + pp);
  const en1 = ld(pz, 4 * (n0 - 1) + pp + 1);
  const qn1 = ld(pz, 4 * (n0 - 1) + pp);
  const en2 = ld(pz, 4 * (n0 - 2) + pp + 1);
  if (dmin1 == dn1) {
    const b1 = Math.sqrt(qn) * Math.sqrt(en1);
    const b2 = Math.sqrt(qn1) * Math.sqrt(en2);
    const a2 = qn1 + en1;
    const gap2 = dmin2 - a2 - 0.25 * dmin2;
    let gap1: f64;
    if (gap2 > 0 && gap2 > b2) gap1 = a2 - dn - (b2 / gap2) * b2;
    else gap1 = a2 - dn - (b1 + b2);
    if (gap1 > 0 && gap1 > b1) {
      const t = dn - (b1 / gap1) * b1;
      return t > 0.5 * dmin ? t : 0.5 * dmin;
    }
    let t: f64 = 0;
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
    if (b2 == 0) break;
    const b1 = b2;
    const ek = ld(pz, 4 * k + pp + 1);
    const qk = ld(pz, 4 * k + pp);
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
function afterDeflation(pz: usize, i0: i32, n0: i32, pp: i32, dmin1: f64, dmin2: f64): f64 {
  let s = dmin1 / 3.0;
  const en1 = ld(pz, 4 * (n0 - 1) + pp + 1);
  const qn1 = ld(pz, 4 * (n0 - 1) + pp);
  if (en1 > qn1) return s;
  let b1 = en1 / qn1;
  let b2 = b1;
  if (b2 != 0) {
    for (let k = n0 - 2; k >= i0; k--) {
      const a = b1;
      const ek = ld(pz, 4 * k + pp + 1);
      const qk = ld(pz, 4 * k + pp);
      if (ek > qk) return s;
      b1 = b1 * (ek / qk);
      b2 += b1;
      if (100.0 * (b1 > a ? b1 : a) < b2) break;
    }
  }
  b2 = Math.sqrt(1.05 * b2);
  const a2 = dmin1 / (1.0 + b2 * b2);
  const gap2 = 0.5 * dmin2 - a2;
  let t: f64;
  if (gap2 > 0 && gap2 > b2 * a2) t = a2 * (1.0 - 1.01 * a2 * (b2 / gap2) * b2);
  else t = a2 * (1.0 - 1.01 * b2);
  return t > s ? t : s;
}
