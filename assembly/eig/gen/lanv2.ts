/**
 * lanv2 — Schur factorisation of a real 2×2 matrix in standardised form              (≈ 40 flops, 3 sqrt)
 *
 * Computes a rotation (c, s), c² + s² = 1, with
 *
 *   [ a  b ]   [ c  −s ] [ aa  bb ] [  c  s ]
 *   [ c  d ] = [ s   c ] [ cc  dd ] [ −s  c ]
 *
 * where either cc = 0 (real eigenvalues aa, dd; the upper triangular case), or aa = dd and bb·cc < 0
 * (complex pair aa ± i·sqrt(|bb|)·sqrt(|cc|)). This is the standardised form of the 2×2 diagonal blocks
 * of a real Schur form.
 *
 * Method (Bai & Demmel): with p = (a − d)/2 and bcmax, bcmis the larger and signed smaller of b, c,
 * z = p² + b·c decides. z ≥ 4ε (scaled; ε = EPS = 2^-52, dlamch('P') as in dlanv2): real eigenvalues,
 * the rotation zeroes c directly, with z = p + sign(p)·sqrt(z) chosen to avoid cancellation. Otherwise
 * one rotation first equalises the diagonal (angle from σ = b + c and a − d, rescaled by powers of 2
 * near over/underflow), and if b and c then have the same sign the eigenvalues are real after all and
 * a second rotation triangularises.
 *
 * Outputs in module globals (read right after the call): the new entries `lanv2A`, `lanv2B`, `lanv2C`,
 * `lanv2D`; eigenvalues (`lanv2Rt1r`, `lanv2Rt1i`), (`lanv2Rt2r`, `lanv2Rt2i`) with rt1i ≥ 0 for a pair;
 * the rotation `lanv2Cs`, `lanv2Sn`. Nothing is stored to memory.
 *
 * References: Golub & Van Loan, 4th ed., §7.4.1 and §7.5.6 (standardised 2×2 blocks);
 * Bai & Demmel, "On swapping diagonal blocks in real Schur form", LAA 186, 1993; LAPACK dlanv2.
 */
import { lapy2 } from '../../qr/larfg';
import { EPS } from '../../machine';
import { sign1 } from '../../util';

// @ts-ignore: decorator
@inline const SAFMN2: f64 = 1.0010415475915505e-146; // 2^-485 = 2^⌊log₂(SAFMIN_OVER_EPS)/2⌋ (dlanv2's SAFMN2)
// @ts-ignore: decorator
@inline const SAFMX2: f64 = 9.989595361011175e145; // 2^485
// @ts-ignore: decorator
@inline const MULTPL: f64 = 4;

export let lanv2A: f64 = 0;
export let lanv2B: f64 = 0;
export let lanv2C: f64 = 0;
export let lanv2D: f64 = 0;
export let lanv2Rt1r: f64 = 0;
export let lanv2Rt1i: f64 = 0;
export let lanv2Rt2r: f64 = 0;
export let lanv2Rt2i: f64 = 0;
export let lanv2Cs: f64 = 1;
export let lanv2Sn: f64 = 0;

export function lanv2(a: f64, b: f64, c: f64, d: f64): void {
  let cs: f64 = 1;
  let sn: f64 = 0;
  if (c == 0) {
    // already upper triangular
  } else if (b == 0) {
    // swap rows and columns
    cs = 0;
    sn = 1;
    const t = d;
    d = a;
    a = t;
    b = -c;
    c = 0;
  } else if (a - d == 0 && sign1(b) != sign1(c)) {
    // already standardised complex block
  } else {
    const temp = a - d;
    let p = 0.5 * temp;
    const bcmax = max(Math.abs(b), Math.abs(c));
    const bcmis = min(Math.abs(b), Math.abs(c)) * sign1(b) * sign1(c);
    let scale = max(Math.abs(p), bcmax);
    let z = (p / scale) * p + (bcmax / scale) * bcmis;
    if (z >= MULTPL * EPS) {
      // real eigenvalues: compute a and d directly
      const r = Math.sqrt(scale) * Math.sqrt(z);
      z = p + (p >= 0 ? r : -r);
      a = d + z;
      d = d - (bcmax / z) * bcmis;
      const tau = lapy2(c, z);
      cs = z / tau;
      sn = c / tau;
      b = b - c;
      c = 0;
    } else {
      // complex or nearly equal real eigenvalues: make the diagonal equal
      let sigma = b + c;
      let t2 = temp;
      for (let count = 0; count < 20; count++) {
        scale = max(Math.abs(t2), Math.abs(sigma));
        if (scale >= SAFMX2) {
          sigma *= SAFMN2;
          t2 *= SAFMN2;
        } else if (scale <= SAFMN2) {
          if (scale == 0) break;
          sigma *= SAFMX2;
          t2 *= SAFMX2;
        } else break;
      }
      p = 0.5 * t2;
      let tau = lapy2(sigma, t2);
      cs = Math.sqrt(0.5 * (1 + Math.abs(sigma) / tau));
      sn = -(p / (tau * cs)) * sign1(sigma);
      // [aa bb; cc dd] = [a b; c d]·[cs −sn; sn cs]
      const aa = a * cs + b * sn;
      const bb = -a * sn + b * cs;
      const cc = c * cs + d * sn;
      const dd = -c * sn + d * cs;
      // [a b; c d] = [cs sn; −sn cs]·[aa bb; cc dd]
      a = aa * cs + cc * sn;
      b = bb * cs + dd * sn;
      c = -aa * sn + cc * cs;
      d = -bb * sn + dd * cs;
      const mid = 0.5 * (a + d);
      a = mid;
      d = mid;
      if (c != 0) {
        if (b != 0) {
          if (sign1(b) == sign1(c)) {
            // real eigenvalues after all: reduce to upper triangular
            const sab = Math.sqrt(Math.abs(b));
            const sac = Math.sqrt(Math.abs(c));
            p = c >= 0 ? sab * sac : -(sab * sac);
            tau = 1.0 / Math.sqrt(Math.abs(b + c));
            a = mid + p;
            d = mid - p;
            b = b - c;
            c = 0;
            const cs1 = sab * tau;
            const sn1 = sac * tau;
            const t = cs * cs1 - sn * sn1;
            sn = cs * sn1 + sn * cs1;
            cs = t;
          }
        } else {
          b = -c;
          c = 0;
          const t = cs;
          cs = -sn;
          sn = t;
        }
      }
    }
  }
  lanv2A = a;
  lanv2B = b;
  lanv2C = c;
  lanv2D = d;
  lanv2Rt1r = a;
  lanv2Rt2r = d;
  if (c == 0) {
    lanv2Rt1i = 0;
    lanv2Rt2i = 0;
  } else {
    lanv2Rt1i = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
    lanv2Rt2i = -lanv2Rt1i;
  }
  lanv2Cs = cs;
  lanv2Sn = sn;
}
