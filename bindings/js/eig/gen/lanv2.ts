/**
 * lanv2 — Schur factorisation of a real 2×2 matrix in standardised form
 *
 * JS mirror of assembly/eig/gen/lanv2.ts (read it for the math). Outputs are returned in the
 * module-level object `lanv2Out` (the wasm kernel's globals), read right after the call.
 *
 * References: Golub & Van Loan, 4th ed., §7.4.1; Bai & Demmel, LAA 186, 1993; LAPACK dlanv2.
 */
import { lapy2 } from '../../qr/larfg.js';
import { EPS } from '../../../core/machine.js';
import { sign1 } from '../../util.js';

const SAFMN2 = 1.0010415475915505e-146; // 2^-485 = 2^⌊log₂(SAFMIN_OVER_EPS)/2⌋ (dlanv2's SAFMN2)
const SAFMX2 = 9.989595361011175e145; // 2^485
const MULTPL = 4;

export const lanv2Out = { a: 0, b: 0, c: 0, d: 0, rt1r: 0, rt1i: 0, rt2r: 0, rt2i: 0, cs: 1, sn: 0 };

export function lanv2(a: number, b: number, c: number, d: number): void {
  let cs = 1;
  let sn = 0;
  if (c === 0) {
    // already upper triangular
  } else if (b === 0) {
    cs = 0;
    sn = 1;
    const t = d;
    d = a;
    a = t;
    b = -c;
    c = 0;
  } else if (a - d === 0 && sign1(b) !== sign1(c)) {
    // already standardised
  } else {
    const temp = a - d;
    let p = 0.5 * temp;
    const bcmax = Math.max(Math.abs(b), Math.abs(c));
    const bcmis = Math.min(Math.abs(b), Math.abs(c)) * sign1(b) * sign1(c);
    let scale = Math.max(Math.abs(p), bcmax);
    let z = (p / scale) * p + (bcmax / scale) * bcmis;
    if (z >= MULTPL * EPS) {
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
      let sigma = b + c;
      let t2 = temp;
      for (let count = 0; count < 20; count++) {
        scale = Math.max(Math.abs(t2), Math.abs(sigma));
        if (scale >= SAFMX2) {
          sigma *= SAFMN2;
          t2 *= SAFMN2;
        } else if (scale <= SAFMN2) {
          if (scale === 0) break;
          sigma *= SAFMX2;
          t2 *= SAFMX2;
        } else break;
      }
      p = 0.5 * t2;
      let tau = lapy2(sigma, t2);
      cs = Math.sqrt(0.5 * (1 + Math.abs(sigma) / tau));
      sn = -(p / (tau * cs)) * sign1(sigma);
      const aa = a * cs + b * sn;
      const bb = -a * sn + b * cs;
      const cc = c * cs + d * sn;
      const dd = -c * sn + d * cs;
      a = aa * cs + cc * sn;
      b = bb * cs + dd * sn;
      c = -aa * sn + cc * cs;
      d = -bb * sn + dd * cs;
      const mid = 0.5 * (a + d);
      a = mid;
      d = mid;
      if (c !== 0) {
        if (b !== 0) {
          if (sign1(b) === sign1(c)) {
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
  const o = lanv2Out;
  o.a = a;
  o.b = b;
  o.c = c;
  o.d = d;
  o.rt1r = a;
  o.rt2r = d;
  if (c === 0) {
    o.rt1i = 0;
    o.rt2i = 0;
  } else {
    o.rt1i = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
    o.rt2i = -o.rt1i;
  }
  o.cs = cs;
  o.sn = sn;
}
