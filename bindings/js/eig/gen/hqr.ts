/**
 * hqr — Francis implicit double-shift QR iteration on a Hessenberg matrix
 *
 * JS mirror of assembly/eig/gen/hqr.ts (read it for the algorithm, the deflation test and the storage).
 * H[i, j] = h[offH + i + j·ldh], Z[i, j] = z[offZ + i + j·ldz]; wr, wi at offWr, offWi; workspace
 * w[offW…], 3 doubles. Same operation order as the wasm kernel (its SIMD column updates are lane-wise
 * the scalar loops below; its fused pass for two bulge steps gives each entry the steps in this
 * step-by-step order). Returns 0 or the number of unconverged rows/columns from the top.
 *
 * References: Golub & Van Loan, 4th ed., §7.5; LAPACK dlahqr; Ahues & Tisseur, LAWN 122, 1997.
 */
import { larfg, lapy2 } from '../../qr/larfg.js';
import { lanv2, lanv2Out } from './lanv2.js';
import { SAFMIN, ULP, SAFMIN_OVER_UNIT_ROUNDOFF } from '../../../core/machine.js';
import { tune, T_HQR_MAXIT } from '../../tuning.js';

const KEXSH = 10;

const NORM3_LO = 2 ** -1000;
const NORM3_HI = 2 ** 1000;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer); // [low, high] 32-bit words on a little-endian host (as wasm)

/** sqrt(a² + b² + c²), scaled by the power of two of the largest entry (see the wasm twin). */
function norm3(a: number, b: number, c: number): number {
  const w = Math.max(Math.abs(a), Math.abs(b), Math.abs(c));
  if (!(w >= NORM3_LO && w <= NORM3_HI)) return lapy2(a, lapy2(b, c));
  bits[0] = w;
  const e = (words[1]! >>> 20) & 0x7ff;
  words[0] = 0;
  words[1] = (2046 - e) << 20;
  const s = bits[0]!;
  words[1] = e << 20;
  const back = bits[0]!;
  const as = a * s;
  const bs = b * s;
  const cs = c * s;
  return Math.sqrt(as * as + bs * bs + cs * cs) * back;
}

/** larfg for the bulge's 2- or 3-vector at w[o…] (see the wasm twin). */
function larfgSmall(nr: number, w: Float64Array, o: number): number {
  const alpha = w[o]!;
  const x1 = w[o + 1]!;
  const x2 = nr === 3 ? w[o + 2]! : 0;
  if (x1 === 0 && x2 === 0) return 0;
  const r = norm3(alpha, x1, x2);
  const beta = alpha >= 0 ? -r : r;
  if (!(Math.abs(beta) >= SAFMIN_OVER_UNIT_ROUNDOFF)) return larfg(nr, w, o, w, o + 1, 1);
  const sc = 1.0 / (alpha - beta);
  w[o] = beta;
  w[o + 1] = x1 * sc;
  if (nr === 3) w[o + 2] = x2 * sc;
  return (beta - alpha) / beta;
}

/** Iterations allowed per eigenvalue: 30·max(10, window) as in LAPACK dlahqr (unless T_HQR_MAXIT is set). */
export const HQR_MAXIT_FACTOR = 30;

function refl3Cols(m: number, x: Float64Array, p: number, ld: number, v1: number, v2: number, t1: number, t2: number, t3: number): void {
  const p1 = p + ld;
  const p2 = p1 + ld;
  for (let r = 0; r < m; r++) {
    const x0 = x[p + r]!;
    const x1 = x[p1 + r]!;
    const x2 = x[p2 + r]!;
    const s = x0 + v1 * x1 + v2 * x2;
    x[p + r] = x0 - s * t1;
    x[p1 + r] = x1 - s * t2;
    x[p2 + r] = x2 - s * t3;
  }
}

function refl2Cols(m: number, x: Float64Array, p: number, ld: number, v1: number, t1: number, t2: number): void {
  const p1 = p + ld;
  for (let r = 0; r < m; r++) {
    const x0 = x[p + r]!;
    const x1 = x[p1 + r]!;
    const s = x0 + v1 * x1;
    x[p + r] = x0 - s * t1;
    x[p1 + r] = x1 - s * t2;
  }
}

function rotCols(m: number, x: Float64Array, p: number, ld: number, c: number, s: number): void {
  const q = p + ld;
  for (let r = 0; r < m; r++) {
    const a = x[p + r]!;
    const b = x[q + r]!;
    x[p + r] = c * a + s * b;
    x[q + r] = c * b - s * a;
  }
}

function rotRows(m: number, x: Float64Array, p: number, ld: number, c: number, s: number): void {
  for (let j = 0; j < m; j++) {
    const o = p + j * ld;
    const a = x[o]!;
    const b = x[o + 1]!;
    x[o] = c * a + s * b;
    x[o + 1] = c * b - s * a;
  }
}

export function hqr(
  wantt: number, wantz: number, n: number, ilo: number, ihi: number, h: Float64Array, offH: number, ldh: number,
  wr: Float64Array, offWr: number, wi: Float64Array, offWi: number, iloz: number, ihiz: number,
  z: Float64Array, offZ: number, ldz: number, w: Float64Array, offW: number,
): number {
  if (n <= 0) return 0;
  const H = (i: number, j: number): number => offH + i + j * ldh;
  if (ilo === ihi) {
    wr[offWr + ilo] = h[H(ilo, ilo)]!;
    wi[offWi + ilo] = 0;
    return 0;
  }
  for (let j = ilo; j <= ihi - 3; j++) {
    h[H(j + 2, j)] = 0;
    h[H(j + 3, j)] = 0;
  }
  if (ilo <= ihi - 2) h[H(ihi, ihi - 2)] = 0;
  const nh = ihi - ilo + 1;
  const nz = ihiz - iloz + 1;
  const smlnum = SAFMIN * (nh / ULP);
  let i1 = 0;
  let i2 = n - 1;
  const itSet = tune(T_HQR_MAXIT);
  const itmax = itSet > 0 ? itSet : HQR_MAXIT_FACTOR * Math.max(10, nh);
  let kdefl = 0;
  let i = ihi;
  while (i >= ilo) {
    let l = ilo;
    let converged = false;
    for (let its = 0; its <= itmax; its++) {
      let k = i;
      for (; k > l; k--) {
        const hkk1 = Math.abs(h[H(k, k - 1)]!);
        if (hkk1 <= smlnum) break;
        const hk1k1 = h[H(k - 1, k - 1)]!;
        const hkk = h[H(k, k)]!;
        let tst = Math.abs(hk1k1) + Math.abs(hkk);
        if (tst === 0) {
          if (k - 2 >= ilo) tst += Math.abs(h[H(k - 1, k - 2)]!);
          if (k + 1 <= ihi) tst += Math.abs(h[H(k + 1, k)]!);
        }
        if (hkk1 <= ULP * tst) {
          const hk1k = Math.abs(h[H(k - 1, k)]!);
          const ab = Math.max(hkk1, hk1k);
          const ba = Math.min(hkk1, hk1k);
          const dif = Math.abs(hk1k1 - hkk);
          const aa = Math.max(Math.abs(hkk), dif);
          const bb = Math.min(Math.abs(hkk), dif);
          const s = aa + ab;
          if (ba * (ab / s) <= Math.max(smlnum, ULP * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > ilo) h[H(l, l - 1)] = 0;
      if (l >= i - 1) {
        converged = true;
        break;
      }
      kdefl++;
      if (!wantt) {
        i1 = l;
        i2 = i;
      }
      let h11: number, h12: number, h21: number, h22: number;
      if (kdefl % (2 * KEXSH) === 0) {
        const s = Math.abs(h[H(i, i - 1)]!) + Math.abs(h[H(i - 1, i - 2)]!);
        h11 = 0.75 * s + h[H(i, i)]!;
        h12 = -0.4375 * s;
        h21 = s;
        h22 = h11;
      } else if (kdefl % KEXSH === 0) {
        const s = Math.abs(h[H(l + 1, l)]!) + Math.abs(h[H(l + 2, l + 1)]!);
        h11 = 0.75 * s + h[H(l, l)]!;
        h12 = -0.4375 * s;
        h21 = s;
        h22 = h11;
      } else {
        h11 = h[H(i - 1, i - 1)]!;
        h21 = h[H(i, i - 1)]!;
        h12 = h[H(i - 1, i)]!;
        h22 = h[H(i, i)]!;
      }
      let rt1r = 0, rt1i = 0, rt2r = 0, rt2i = 0;
      const s0 = Math.abs(h11) + Math.abs(h12) + Math.abs(h21) + Math.abs(h22);
      if (s0 !== 0) {
        h11 /= s0;
        h21 /= s0;
        h12 /= s0;
        h22 /= s0;
        const tr = (h11 + h22) * 0.5;
        const det = (h11 - tr) * (h22 - tr) - h12 * h21;
        const rtdisc = Math.sqrt(Math.abs(det));
        if (det >= 0) {
          rt1r = tr * s0;
          rt2r = rt1r;
          rt1i = rtdisc * s0;
          rt2i = -rt1i;
        } else {
          rt1r = tr + rtdisc;
          rt2r = tr - rtdisc;
          if (Math.abs(rt1r - h22) <= Math.abs(rt2r - h22)) {
            rt1r *= s0;
            rt2r = rt1r;
          } else {
            rt2r *= s0;
            rt1r = rt2r;
          }
        }
      }
      let m = i - 2;
      let v0 = 0, v1 = 0, v2 = 0;
      for (; ; m--) {
        const hmm = h[H(m, m)]!;
        const hm1m1 = h[H(m + 1, m + 1)]!;
        let h21s = h[H(m + 1, m)]!;
        const s = Math.abs(hmm - rt2r) + Math.abs(rt2i) + Math.abs(h21s);
        h21s = h21s / s;
        v0 = h21s * h[H(m, m + 1)]! + (hmm - rt1r) * ((hmm - rt2r) / s) - rt1i * (rt2i / s);
        v1 = h21s * (hmm + hm1m1 - rt1r - rt2r);
        v2 = h21s * h[H(m + 2, m + 1)]!;
        const sv = Math.abs(v0) + Math.abs(v1) + Math.abs(v2);
        v0 /= sv;
        v1 /= sv;
        v2 /= sv;
        if (m === l) break;
        const h00 = Math.abs(h[H(m, m - 1)]!) * (Math.abs(v1) + Math.abs(v2));
        const h01 = Math.abs(v0) * (Math.abs(h[H(m - 1, m - 1)]!) + Math.abs(hmm) + Math.abs(hm1m1));
        if (h00 <= ULP * h01) break;
      }
      for (let kk = m; kk <= i - 1; kk++) {
        const nr = Math.min(3, i - kk + 1);
        if (kk > m) {
          v0 = h[H(kk, kk - 1)]!;
          v1 = h[H(kk + 1, kk - 1)]!;
          v2 = nr === 3 ? h[H(kk + 2, kk - 1)]! : 0;
        }
        w[offW] = v0;
        w[offW + 1] = v1;
        w[offW + 2] = v2;
        const t1 = larfgSmall(nr, w, offW);
        v0 = w[offW]!;
        v1 = w[offW + 1]!;
        v2 = w[offW + 2]!;
        if (kk > m) {
          h[H(kk, kk - 1)] = v0;
          h[H(kk + 1, kk - 1)] = 0;
          if (kk < i - 1) h[H(kk + 2, kk - 1)] = 0;
        } else if (m > l) {
          const p = H(kk, kk - 1);
          h[p] = h[p]! * (1 - t1);
        }
        const t2 = t1 * v1;
        if (nr === 3) {
          const t3 = t1 * v2;
          for (let j = kk; j <= i2; j++) {
            const p = H(kk, j);
            const x0 = h[p]!;
            const x1 = h[p + 1]!;
            const x2 = h[p + 2]!;
            const s = x0 + v1 * x1 + v2 * x2;
            h[p] = x0 - s * t1;
            h[p + 1] = x1 - s * t2;
            h[p + 2] = x2 - s * t3;
          }
          refl3Cols(Math.min(kk + 3, i) - i1 + 1, h, H(i1, kk), ldh, v1, v2, t1, t2, t3);
          if (wantz) refl3Cols(nz, z, offZ + iloz + kk * ldz, ldz, v1, v2, t1, t2, t3);
        } else if (nr === 2) {
          for (let j = kk; j <= i2; j++) {
            const p = H(kk, j);
            const x0 = h[p]!;
            const x1 = h[p + 1]!;
            const s = x0 + v1 * x1;
            h[p] = x0 - s * t1;
            h[p + 1] = x1 - s * t2;
          }
          refl2Cols(i - i1 + 1, h, H(i1, kk), ldh, v1, t1, t2);
          if (wantz) refl2Cols(nz, z, offZ + iloz + kk * ldz, ldz, v1, t1, t2);
        }
      }
    }
    if (!converged) return i + 1;
    if (l === i) {
      wr[offWr + i] = h[H(i, i)]!;
      wi[offWi + i] = 0;
    } else {
      lanv2(h[H(i - 1, i - 1)]!, h[H(i - 1, i)]!, h[H(i, i - 1)]!, h[H(i, i)]!);
      const o = lanv2Out;
      h[H(i - 1, i - 1)] = o.a;
      h[H(i - 1, i)] = o.b;
      h[H(i, i - 1)] = o.c;
      h[H(i, i)] = o.d;
      wr[offWr + i - 1] = o.rt1r;
      wi[offWi + i - 1] = o.rt1i;
      wr[offWr + i] = o.rt2r;
      wi[offWi + i] = o.rt2i;
      const cs = o.cs;
      const sn = o.sn;
      if (wantt) {
        if (i2 > i) rotRows(i2 - i, h, H(i - 1, i + 1), ldh, cs, sn);
        rotCols(i - 1 - i1, h, H(i1, i - 1), ldh, cs, sn);
      }
      if (wantz) rotCols(nz, z, offZ + iloz + (i - 1) * ldz, ldz, cs, sn);
    }
    kdefl = 0;
    i = l - 1;
  }
  return 0;
}
