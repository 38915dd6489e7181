/**
 * trsqrt — the principal square root of an upper quasi-triangular matrix, U² = T     (blocked; ≈ n³/3 flops, in GEMM)
 *
 * JS mirror of assembly/matfun/trsqrt.ts (method, references, blocking by T_TRSM_NB, failure and
 * return value there). T[i, j] = t[offT + i + j·ldt]; workspace trsqrtScratch(n) doubles at
 * w[offW…]. Same operations in the same order, so results agree bit for bit.
 */
import { gemm, gemmScratch } from '../gemm/gemm.js';
import { trsyl, trsylScratch } from './trsyl.js';
import { tune, T_TRSM_NB } from '../tuning.js';
import { even } from '../util.js';

/** Doubles of workspace `trsqrt` needs for order n with the blocking in force. */
export function trsqrtScratch(n: number): number {
  const nb = Math.max(tune(T_TRSM_NB), 1) + 1;
  return even(n + 1) + even(trsylScratch()) + gemmScratch(nb, nb, n);
}

export function trsqrt(n: number, t: Float64Array, offT: number, ldt: number, w: Float64Array, offW: number): number {
  if (n <= 0) return 0;
  const nb = Math.max(tune(T_TRSM_NB), 1);
  const oBnd = offW;
  const oSyl = offW + even(n + 1);
  const oG = oSyl + even(trsylScratch());
  let nblk = 0;
  let j0 = 0;
  w[oBnd] = 0;
  while (j0 < n) {
    let j1 = Math.min(j0 + nb, n);
    if (j1 < n && t[offT + (j1 - 1) * ldt + j1] !== 0) j1++;
    nblk++;
    w[oBnd + nblk] = j1;
    j0 = j1;
  }
  for (let bj = 0; bj < nblk; bj++) {
    const c0 = w[oBnd + bj]!;
    const c1 = w[oBnd + bj + 1]!;
    let c = c0;
    while (c < c1) {
      const pc = offT + c * ldt + c;
      if (c + 1 < c1 && t[pc + 1] !== 0) {
        sqrt2(t, pc, ldt);
        if (c > c0) {
          const info = trsyl(c - c0, 2, t, offT + c0 * ldt + c0, ldt, t, pc, ldt, t, offT + c * ldt + c0, ldt, w, oSyl);
          if (info !== 0) return c + info;
        }
        c += 2;
      } else {
        t[pc] = Math.sqrt(t[pc]!);
        if (c > c0) {
          const info = trsyl(c - c0, 1, t, offT + c0 * ldt + c0, ldt, t, pc, ldt, t, offT + c * ldt + c0, ldt, w, oSyl);
          if (info !== 0) return c + info;
        }
        c += 1;
      }
    }
    for (let bi = bj - 1; bi >= 0; bi--) {
      const r0 = w[oBnd + bi]!;
      const r1 = w[oBnd + bi + 1]!;
      const pIJ = offT + c0 * ldt + r0;
      if (r1 < c0) {
        gemm(0, 0, r1 - r0, c1 - c0, c0 - r1, -1, t, offT + r1 * ldt + r0, ldt, t, offT + c0 * ldt + r1, ldt, 1, t, pIJ, ldt, w, oG);
      }
      const info = trsyl(r1 - r0, c1 - c0, t, offT + r0 * ldt + r0, ldt, t, offT + c0 * ldt + c0, ldt, t, pIJ, ldt, w, oSyl);
      if (info !== 0) return c0 + info;
    }
  }
  return 0;
}

/** The principal square root of the 2×2 block at t[p…] (complex eigenvalues), in place: see the kernel. */
function sqrt2(t: Float64Array, p: number, ld: number): void {
  const a = t[p]!;
  const c = t[p + 1]!;
  const b = t[p + ld]!;
  const d = t[p + ld + 1]!;
  const theta = 0.5 * a + 0.5 * d;
  const h = 0.5 * a - 0.5 * d;
  const mu = h === 0 ? Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c)) : Math.sqrt(-(h * h + b * c));
  // |θ + iμ| scaled by hand: Math.hypot differs between AssemblyScript's and the JS engines' libm.
  const ax = Math.abs(theta);
  const big = ax > mu ? ax : mu;
  const q = ax > mu ? mu / ax : ax / mu;
  const r = big * Math.sqrt(1 + q * q);
  const alpha = theta >= 0 ? Math.sqrt(0.5 * (theta + r)) : mu / Math.sqrt(2 * (r - theta));
  const g = 0.5 / alpha;
  t[p] = alpha + h * g;
  t[p + 1] = c * g;
  t[p + ld] = b * g;
  t[p + ld + 1] = alpha - h * g;
}
