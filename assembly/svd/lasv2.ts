/**
 * lasv2 — SVD of a 2×2 upper triangular matrix                             (≈ 40 flops + 4 sqrt)
 *
 *   [  cl  sl ] [ f  g ] [ cr  −sr ]   [ σmax   0   ]
 *   [ −sl  cl ] [ 0  h ] [ sr   cr ] = [  0    σmin ],      |σmax| ≥ |σmin|.
 *
 * σmax and σmin carry signs (their product is f·h, the determinant); bdsqr makes them non-negative
 * at the end. The singular values are computed as in las2.ts (σmax from S + D, σmin as |f·h|/σmax,
 * accurate relative to itself); this routine adds the two rotations, which must be accurate in the
 * sense that the computed rotations diagonalise a matrix within a few ulps of B *entrywise* (Demmel &
 * Kahan 1990, §4 and their Theorem), so that bdsqr keeps high relative accuracy.
 *
 * Normalisation |f| ≥ |h|. If |h| > |f|, work with B' = [h g; 0 f] instead: B' = J·Bᵀ·J with
 * J = [0 1; 1 0], so B's left rotation is B''s right one and vice versa, each with cosine and sine
 * exchanged. The sign fix at the end restores the exact identity above in all cases.
 *
 * With F = f, H = h (|F| ≥ |H|), G = g:
 *
 *   G = 0        already diagonal: σmax = F, σmin = H, both rotations the identity.
 *   |G| ≫ |F|   (|F|/|G| < eps): σmax = |G|, σmin = |F|·|H|/|G|; rotations cr = F/G, sr = 1,
 *                cl = 1, sl = H/G — exact to working precision, their norm is 1 + O(eps²). eps is
 *                the unit roundoff UNIT_ROUNDOFF = 2^-53 (machine.ts), dlamch('E') as in dlasv2.
 *   otherwise    (all quantities O(1) after dividing by |F|):
 *
 *     l = (|F| − |H|)/|F| ∈ [0, 1],  m = G/F,  t = 2 − l,
 *     s = sqrt(t² + m²) = S/|F|,     r = sqrt(l² + m²) = D/|F|,   a = (s + r)/2 = σmax/|F|,
 *     σmax = |F|·a,   σmin = |H|/a,
 *
 *   and the right rotation has tan θr = τ/2 where τ solves the eigenvector equation of BᵀB; the
 *   cancellation-free form is
 *
 *     τ = (m/(s + t) + m/(r + l))·(1 + a)                  (m² > 0)
 *     τ = G/(sign(F)·(|F| − |H|)) + m/t                    (m² underflows, l > 0)
 *     τ = 2·sign(F)·sign(G)                                 (m² underflows, l = 0: |F| = |H|)
 *
 *     cr = 2/sqrt(τ² + 4),  sr = τ/sqrt(τ² + 4),  cl = (cr + sr·m)/a,  sl = (H/F)·sr/a.
 *
 *   l uses d = |F| − |H| and l = 1 when d = |F| (copes with infinite F or H).
 *
 * Signs: with the dominant entry p ∈ {f, g, h} (the largest in magnitude, f on ties with h), the sign
 * of σmax is sign(p) times the signs of the two rotation entries that multiply p in the (1,1) entry
 * of the product (cr·cl for f, sr·cl for g, sr·sl for h), and sign(σmin) = sign(σmax)·sign(f)·sign(h).
 *
 * Outputs: σmin is returned; σmax, cr, sr, cl, sl are left in the module globals `lasv2Max`,
 * `lasv2Cr`, `lasv2Sr`, `lasv2Cl`, `lasv2Sl`. No memory is touched.
 *
 * References: Demmel & Kahan, "Accurate singular values of bidiagonal matrices", SIAM J. Sci. Stat.
 * Comput. 11(5), 1990, §4 and Appendix; LAPACK dlasv2.
 */
import { UNIT_ROUNDOFF } from '../machine';
import { sign1 } from '../util';

export let lasv2Max: f64 = 0;
export let lasv2Cr: f64 = 1;
export let lasv2Sr: f64 = 0;
export let lasv2Cl: f64 = 1;
export let lasv2Sl: f64 = 0;

export function lasv2(f: f64, g: f64, h: f64): f64 {
  let ft = f;
  let fa = Math.abs(f);
  let ht = h;
  let ha = Math.abs(h);
  // which entry dominates: 1 = f, 2 = g, 3 = h
  let pmax = 1;
  const swap = ha > fa;
  if (swap) {
    pmax = 3;
    let tmp = ft;
    ft = ht;
    ht = tmp;
    tmp = fa;
    fa = ha;
    ha = tmp;
  }
  const gt = g;
  const ga = Math.abs(g);
  let smax: f64, smin: f64;
  let clt: f64, slt: f64, crt: f64, srt: f64;
  if (ga == 0) {
    smin = ht;
    smax = ft;
    clt = 1;
    crt = 1;
    slt = 0;
    srt = 0;
  } else {
    let general = true;
    smin = 0;
    smax = 0;
    clt = 1;
    crt = 1;
    slt = 0;
    srt = 0;
    if (ga > fa) {
      pmax = 2;
      if (fa / ga < UNIT_ROUNDOFF) {
        // g dominates so much that B is within eps of [0 g; 0 0] + small: closed forms
        general = false;
        smax = ga;
        smin = ha > 1 ? fa / (ga / ha) : (fa / ga) * ha;
        clt = 1;
        slt = ht / gt;
        srt = 1;
        crt = ft / gt;
      }
    }
    if (general) {
      const d = fa - ha;
      let l = d == fa ? 1.0 : d / fa;
      const m = gt / ft;
      let t = 2.0 - l;
      const mm = m * m;
      const tt = t * t;
      const s = Math.sqrt(tt + mm);
      const r = l == 0 ? Math.abs(m) : Math.sqrt(l * l + mm);
      const a = 0.5 * (s + r);
      smin = ha / a;
      smax = fa * a;
      if (mm == 0) {
        if (l == 0) t = 2.0 * sign1(ft) * sign1(gt);
        else t = gt / (ft >= 0 ? d : -d) + m / t;
      } else {
        t = (m / (s + t) + m / (r + l)) * (1.0 + a);
      }
      l = Math.sqrt(t * t + 4.0);
      crt = 2.0 / l;
      srt = t / l;
      clt = (crt + srt * m) / a;
      slt = ((ht / ft) * srt) / a;
    }
  }
  let csl: f64, snl: f64, csr: f64, snr: f64;
  if (swap) {
    csl = srt;
    snl = crt;
    csr = slt;
    snr = clt;
  } else {
    csl = clt;
    snl = slt;
    csr = crt;
    snr = srt;
  }
  let tsign: f64;
  if (pmax == 1) tsign = sign1(csr) * sign1(csl) * sign1(f);
  else if (pmax == 2) tsign = sign1(snr) * sign1(csl) * sign1(g);
  else tsign = sign1(snr) * sign1(snl) * sign1(h);
  smax = tsign >= 0 ? Math.abs(smax) : -Math.abs(smax);
  const ms = tsign * sign1(f) * sign1(h);
  smin = ms >= 0 ? Math.abs(smin) : -Math.abs(smin);
  lasv2Max = smax;
  lasv2Cr = csr;
  lasv2Sr = snr;
  lasv2Cl = csl;
  lasv2Sl = snl;
  return smin;
}
