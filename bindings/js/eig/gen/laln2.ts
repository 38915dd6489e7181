/**
 * laln2 — solve a 1×1 or 2×2 shifted system (B − λ·I)·x = s·b, λ = wr + i·wi, with scaling
 *
 * JS mirror of assembly/eig/gen/laln2.ts (read it for the method). B[i, j] = b[offB + i + j·ldb].
 * Outputs in the module-level object `laln2Out` (x1r, x1i, x2r, x2i, scale, xnorm).
 *
 * References: Golub & Van Loan, 4th ed., §3.4.8, §7.6.4; LAPACK dlaln2; Smith, CACM 5, 1962.
 */
import { SAFMAX } from '../../../core/machine.js';

const BIGNUM = SAFMAX; // 2^1022 = 1/SAFMIN (dlaln2's own is 1/(2·SAFMIN); see the wasm kernel)

export const laln2Out = { x1r: 0, x1i: 0, x2r: 0, x2i: 0, scale: 1, xnorm: 0 };

let divR = 0;
let divI = 0;

function cdiv(a: number, b: number, c: number, d: number): void {
  if (Math.abs(d) <= Math.abs(c)) {
    const e = d / c;
    const f = c + d * e;
    divR = (a + b * e) / f;
    divI = (b - a * e) / f;
  } else {
    const e = c / d;
    const f = d + c * e;
    divR = (b + a * e) / f;
    divI = (b * e - a) / f;
  }
}

export function laln2(
  na: number, smin: number, bm: Float64Array, offB: number, ldb: number, wr: number, wi: number,
  b1r: number, b1i: number, b2r: number, b2i: number,
): void {
  const o = laln2Out;
  let scale = 1;
  if (na === 1) {
    let cr = bm[offB]! - wr;
    let ci = -wi;
    if (Math.abs(cr) + Math.abs(ci) < smin) {
      cr = smin;
      ci = 0;
    }
    const cn = Math.abs(cr) + Math.abs(ci);
    const bn = Math.abs(b1r) + Math.abs(b1i);
    if (cn < 1 && bn > 1 && bn > BIGNUM * cn) scale = 1.0 / bn;
    cdiv(scale * b1r, scale * b1i, cr, ci);
    o.x1r = divR;
    o.x1i = divI;
    o.x2r = 0;
    o.x2i = 0;
    o.scale = scale;
    o.xnorm = Math.abs(divR) + Math.abs(divI);
    return;
  }
  const m0r = bm[offB]! - wr;
  const m1r = bm[offB + 1]!;
  const m2r = bm[offB + ldb]!;
  const m3r = bm[offB + ldb + 1]! - wr;
  const dgi = -wi;
  const a0 = Math.abs(m0r) + Math.abs(dgi);
  const a1 = Math.abs(m1r);
  const a2 = Math.abs(m2r);
  const a3 = Math.abs(m3r) + Math.abs(dgi);
  let piv = 0;
  let cmax = a0;
  if (a1 > cmax) { cmax = a1; piv = 1; }
  if (a2 > cmax) { cmax = a2; piv = 2; }
  if (a3 > cmax) { cmax = a3; piv = 3; }
  if (cmax < smin) {
    const bn = Math.max(Math.abs(b1r) + Math.abs(b1i), Math.abs(b2r) + Math.abs(b2i));
    if (smin < 1 && bn > 1 && bn > BIGNUM * smin) scale = 1.0 / bn;
    const t = scale / smin;
    o.x1r = b1r * t;
    o.x1i = b1i * t;
    o.x2r = b2r * t;
    o.x2i = b2i * t;
    o.scale = scale;
    o.xnorm = Math.max(Math.abs(o.x1r) + Math.abs(o.x1i), Math.abs(o.x2r) + Math.abs(o.x2i));
    return;
  }
  const m = (i: number): number => (i === 0 ? m0r : i === 1 ? m1r : i === 2 ? m2r : m3r);
  const pr = piv & 1;
  const pc = piv >> 1;
  const pRe = m(piv);
  const pIm = pr === pc ? dgi : 0;
  const qRe = m(pr + 2 * (1 - pc));
  const qIm = pr === 1 - pc ? dgi : 0;
  const uRe = m(1 - pr + 2 * pc);
  const uIm = 1 - pr === pc ? dgi : 0;
  const vRe = m(1 - pr + 2 * (1 - pc));
  const vIm = 1 - pr === 1 - pc ? dgi : 0;
  cdiv(uRe, uIm, pRe, pIm);
  const lr = divR;
  const li = divI;
  let sr = vRe - (lr * qRe - li * qIm);
  let si = vIm - (lr * qIm + li * qRe);
  if (Math.abs(sr) + Math.abs(si) < smin) {
    sr = smin;
    si = 0;
  }
  const bpr = pr === 0 ? b1r : b2r;
  const bpi = pr === 0 ? b1i : b2i;
  const bor0 = pr === 0 ? b2r : b1r;
  const boi0 = pr === 0 ? b2i : b1i;
  const bor = bor0 - (lr * bpr - li * bpi);
  const boi = boi0 - (lr * bpi + li * bpr);
  const bbnd = Math.max(Math.abs(bpr) + Math.abs(bpi), Math.abs(bor) + Math.abs(boi));
  const sn = Math.abs(sr) + Math.abs(si);
  if (sn < 1 && bbnd > 1 && bbnd > BIGNUM * sn) scale = 1.0 / bbnd;
  cdiv(scale * bor, scale * boi, sr, si);
  const xor = divR;
  const xoi = divI;
  cdiv(scale * bpr - (qRe * xor - qIm * xoi), scale * bpi - (qRe * xoi + qIm * xor), pRe, pIm);
  const xpr = divR;
  const xpi = divI;
  let x1r = pc === 0 ? xpr : xor;
  let x1i = pc === 0 ? xpi : xoi;
  let x2r = pc === 0 ? xor : xpr;
  let x2i = pc === 0 ? xoi : xpi;
  let xn = Math.max(Math.abs(x1r) + Math.abs(x1i), Math.abs(x2r) + Math.abs(x2i));
  if (xn > 1 && cmax > 1 && xn > BIGNUM / cmax) {
    const t = 1.0 / xn;
    x1r *= t; x1i *= t; x2r *= t; x2i *= t;
    scale *= t;
    xn *= t;
  }
  o.x1r = x1r;
  o.x1i = x1i;
  o.x2r = x2r;
  o.x2i = x2i;
  o.scale = scale;
  o.xnorm = xn;
}
