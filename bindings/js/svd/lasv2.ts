/**
 * lasv2 — SVD of a 2×2 upper triangular matrix                             (≈ 40 flops + 4 sqrt)
 *
 * JS mirror of assembly/svd/lasv2.ts (read it for the math):
 *
 *   [cl sl; −sl cl]·[f g; 0 h]·[cr −sr; sr cr] = diag(σmax, σmin),   |σmax| ≥ |σmin|, signed.
 *
 * Outputs: σmin is returned; σmax, cr, sr, cl, sl are left in the live exports `lasv2Max`, `lasv2Cr`,
 * `lasv2Sr`, `lasv2Cl`, `lasv2Sl`. Same operations as the wasm kernel, so the bits agree.
 *
 * References: Demmel & Kahan, SIAM J. Sci. Stat. Comput. 11(5), 1990; LAPACK dlasv2.
 */
import { UNIT_ROUNDOFF } from '../../core/machine.js';
import { sign1 } from '../util.js';

export let lasv2Max = 0;
export let lasv2Cr = 1;
export let lasv2Sr = 0;
export let lasv2Cl = 1;
export let lasv2Sl = 0;

export function lasv2(f: number, g: number, h: number): number {
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
  let smax: number, smin: number;
  let clt: number, slt: number, crt: number, srt: number;
  if (ga === 0) {
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
      let l = d === fa ? 1.0 : d / fa;
      const m = gt / ft;
      let t = 2.0 - l;
      const mm = m * m;
      const tt = t * t;
      const s = Math.sqrt(tt + mm);
      const r = l === 0 ? Math.abs(m) : Math.sqrt(l * l + mm);
      const a = 0.5 * (s + r);
      smin = ha / a;
      smax = fa * a;
      if (mm === 0) {
        if (l === 0) t = 2.0 * sign1(ft) * sign1(gt);
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
  let csl: number, snl: number, csr: number, snr: number;
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
  let tsign: number;
  if (pmax === 1) tsign = sign1(csr) * sign1(csl) * sign1(f);
  else if (pmax === 2) tsign = sign1(snr) * sign1(csl) * sign1(g);
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
