/**
 * laln2 — solve a 1×1 or 2×2 shifted system (B − λ·I)·x = s·b, λ = wr + i·wi, with scaling     (≤ 60 flops)
 *
 * The diagonal-block solve of trevc's back-substitution. B is the na×na (na = 1 or 2) real block at
 * `pB` (ldb), b = (b1r + i·b1i, b2r + i·b2i) (the second entry only for na = 2). Real systems are the
 * case wi = 0, b·i = 0 (the arithmetic is complex throughout; the imaginary parts stay exactly 0).
 *
 *   na = 1: x = s·b / (B − λ), with |B − λ| raised to smin if smaller (the eigenvalue is (nearly)
 *           repeated: a perturbation of size smin ≈ ε·|λ| gives a finite, accurate-enough vector).
 *   na = 2: Gaussian elimination with complete pivoting on the four complex entries; a pivot below
 *           smin is replaced by smin (the whole block by smin·I if even the largest entry is).
 *
 * s ∈ (0, 1] is chosen so that x cannot overflow: s = 1/‖b‖ when ‖b‖ > BIGNUM·|pivot| with |pivot| < 1,
 * and x is scaled down once more if ‖x‖·(largest entry of the matrix) would exceed BIGNUM. Norms are
 * |re| + |im| (cheap, within √2 of the modulus), as in LAPACK.
 *
 * Outputs in module globals (read right after the call): `laln2X1r`, `laln2X1i`, `laln2X2r`, `laln2X2i`,
 * `laln2Scale` (s), `laln2Xnorm` (max of |re| + |im| over x). Nothing is stored to memory.
 *
 * References: Golub & Van Loan, 4th ed., §3.4.8 (complete pivoting), §7.6.4 (eigenvectors of T);
 * LAPACK dlaln2 (ltrans = false, ca = 1, D = I); Smith's complex division (CACM 5, 1962).
 */
import { SAFMAX } from '../../machine';

// BIGNUM = SAFMAX = 1/SAFMIN = 2^1022. LAPACK's dlaln2 has SMLNUM = 2·dlamch('S'), BIGNUM = 1/SMLNUM
// = 2^1021, half of this; 2^1022 is the value this kernel has always used, kept so that no result
// changes (the two choices differ only when an estimate of ‖x‖ lies in (2^1021, 2^1022]).
// @ts-ignore: decorator
@inline const BIGNUM: f64 = SAFMAX;

export let laln2X1r: f64 = 0;
export let laln2X1i: f64 = 0;
export let laln2X2r: f64 = 0;
export let laln2X2i: f64 = 0;
export let laln2Scale: f64 = 1;
export let laln2Xnorm: f64 = 0;

let divR: f64 = 0;
let divI: f64 = 0;

/** (a + i·b)/(c + i·d) by Smith's method → divR, divI. */
function cdiv(a: f64, b: f64, c: f64, d: f64): void {
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
  na: i32, smin: f64, pB: usize, ldb: i32, wr: f64, wi: f64, b1r: f64, b1i: f64, b2r: f64, b2i: f64,
): void {
  let scale: f64 = 1;
  if (na == 1) {
    let cr = load<f64>(pB) - wr;
    let ci = -wi;
    if (Math.abs(cr) + Math.abs(ci) < smin) {
      cr = smin;
      ci = 0;
    }
    const cn = Math.abs(cr) + Math.abs(ci);
    const bn = Math.abs(b1r) + Math.abs(b1i);
    if (cn < 1 && bn > 1 && bn > BIGNUM * cn) scale = 1.0 / bn;
    cdiv(scale * b1r, scale * b1i, cr, ci);
    laln2X1r = divR;
    laln2X1i = divI;
    laln2X2r = 0;
    laln2X2i = 0;
    laln2Scale = scale;
    laln2Xnorm = Math.abs(divR) + Math.abs(divI);
    return;
  }
  const ldB = <usize>ldb << 3;
  // m[r + 2c] = (B − λI)[r, c]
  const m0r = load<f64>(pB) - wr;
  const m1r = load<f64>(pB, 8);
  const m2r = load<f64>(pB + ldB);
  const m3r = load<f64>(pB + ldB, 8) - wr;
  const dgi = -wi;
  // complete pivoting: the entry of largest |re| + |im|
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
    // the block is (nearly) λ·I: use smin·I
    const bn = max(Math.abs(b1r) + Math.abs(b1i), Math.abs(b2r) + Math.abs(b2i));
    if (smin < 1 && bn > 1 && bn > BIGNUM * smin) scale = 1.0 / bn;
    const t = scale / smin;
    laln2X1r = b1r * t;
    laln2X1i = b1i * t;
    laln2X2r = b2r * t;
    laln2X2i = b2i * t;
    laln2Scale = scale;
    laln2Xnorm = max(Math.abs(laln2X1r) + Math.abs(laln2X1i), Math.abs(laln2X2r) + Math.abs(laln2X2i));
    return;
  }
  const pr = piv & 1; // pivot row
  const pc = piv >> 1; // pivot column
  // entries by (row, column) relative to the pivot: p = (pr, pc), q = (pr, oc), u = (or, pc), v = (or, oc)
  const pRe = piv == 0 ? m0r : piv == 1 ? m1r : piv == 2 ? m2r : m3r;
  const pIm = pr == pc ? dgi : 0;
  const qIdx = pr + 2 * (1 - pc);
  const uIdx = (1 - pr) + 2 * pc;
  const vIdx = (1 - pr) + 2 * (1 - pc);
  const qRe = qIdx == 0 ? m0r : qIdx == 1 ? m1r : qIdx == 2 ? m2r : m3r;
  const qIm = pr == 1 - pc ? dgi : 0;
  const uRe = uIdx == 0 ? m0r : uIdx == 1 ? m1r : uIdx == 2 ? m2r : m3r;
  const uIm = 1 - pr == pc ? dgi : 0;
  const vRe = vIdx == 0 ? m0r : vIdx == 1 ? m1r : vIdx == 2 ? m2r : m3r;
  const vIm = 1 - pr == 1 - pc ? dgi : 0;
  // l = u / p;  s22 = v − l·q
  cdiv(uRe, uIm, pRe, pIm);
  const lr = divR;
  const li = divI;
  let sr = vRe - (lr * qRe - li * qIm);
  let si = vIm - (lr * qIm + li * qRe);
  if (Math.abs(sr) + Math.abs(si) < smin) {
    sr = smin;
    si = 0;
  }
  // right-hand side in pivot order: bp = b[pr], bo = b[1 − pr] − l·bp
  const bpr = pr == 0 ? b1r : b2r;
  const bpi = pr == 0 ? b1i : b2i;
  const bor0 = pr == 0 ? b2r : b1r;
  const boi0 = pr == 0 ? b2i : b1i;
  const bor = bor0 - (lr * bpr - li * bpi);
  const boi = boi0 - (lr * bpi + li * bpr);
  const bbnd = max(Math.abs(bpr) + Math.abs(bpi), Math.abs(bor) + Math.abs(boi));
  const sn = Math.abs(sr) + Math.abs(si);
  if (sn < 1 && bbnd > 1 && bbnd > BIGNUM * sn) scale = 1.0 / bbnd;
  // x[oc] = s·bo / s22;  x[pc] = (s·bp − q·x[oc]) / p
  cdiv(scale * bor, scale * boi, sr, si);
  const xor = divR;
  const xoi = divI;
  cdiv(scale * bpr - (qRe * xor - qIm * xoi), scale * bpi - (qRe * xoi + qIm * xor), pRe, pIm);
  let xpr = divR;
  let xpi = divI;
  let x1r = pc == 0 ? xpr : xor;
  let x1i = pc == 0 ? xpi : xoi;
  let x2r = pc == 0 ? xor : xpr;
  let x2i = pc == 0 ? xoi : xpi;
  let xn = max(Math.abs(x1r) + Math.abs(x1i), Math.abs(x2r) + Math.abs(x2i));
  if (xn > 1 && cmax > 1 && xn > BIGNUM / cmax) {
    const t = 1.0 / xn;
    x1r *= t; x1i *= t; x2r *= t; x2i *= t;
    scale *= t;
    xn *= t;
  }
  laln2X1r = x1r;
  laln2X1i = x1i;
  laln2X2r = x2r;
  laln2X2i = x2i;
  laln2Scale = scale;
  laln2Xnorm = xn;
}
