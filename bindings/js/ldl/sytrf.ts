/**
 * sytrf — blocked Bunch–Kaufman factorisation P·A·Pᵀ = L·D·Lᵀ (lower)    (LAPACK dsytrf, uplo = 'L';
 *                                                                         n³/3 flops)
 *
 * JS mirror of assembly/ldl/sytrf.ts (read it for the blocking, storage and workspace); A[i, j] =
 * a[offA + i + j·lda], ipiv at ipiv[offIpiv…], workspace `sytrfScratch(n)` doubles at w[offW…]. Same
 * order as the wasm kernel, so the results agree bit for bit. NB is the tuning key T_SYTRF_NB, read from
 * this module's own tuning table (../tuning.js).
 *
 * Returns 0, or k + 1 for the first zero (or NaN) 1×1 pivot D[k, k].
 */
import { sytf2 } from './sytf2.js';
import { lasyf } from './lasyf.js';
import { gemmScratch } from '../gemm/gemm.js';
import { tune, T_SYTRF_NB } from '../tuning.js';

/** Doubles of workspace `sytrf` needs for this size with the blocking in force. */
export function sytrfScratch(n: number): number {
  const nb = tune(T_SYTRF_NB);
  if (nb <= 1 || nb >= n) return 1;
  const w = n * nb;
  return w + (w & 1) + gemmScratch(n, nb, nb);
}

export function sytrf(tie: number, n: number, a: Float64Array, offA: number, lda: number, ipiv: Int32Array, offIpiv: number, w: Float64Array, offW: number): number {
  const nb = tune(T_SYTRF_NB);
  if (nb <= 1 || nb >= n) return sytf2(tie, n, a, offA, lda, ipiv, offIpiv);
  const ww = n * nb;
  const offG = offW + ww + (ww & 1);
  let k = 0;
  while (k < n) {
    const offAkk = offA + k + k * lda;
    const offIk = offIpiv + k;
    let kb: number;
    if (n - k > nb) {
      kb = lasyf(tie, n - k, nb, a, offAkk, lda, ipiv, offIk, w, offW, n - k, w, offG);
    } else {
      sytf2(tie, n - k, a, offAkk, lda, ipiv, offIk);
      kb = n - k;
    }
    // Panel-relative pivots → rows of A (~p shifts the same way: ~(p + k) = ~p − k).
    for (let j = 0; j < kb; j++) {
      const p = ipiv[offIk + j]!;
      ipiv[offIk + j] = p >= 0 ? p + k : p - k;
    }
    k += kb;
  }
  // The first zero or NaN 1×1 pivot, as sytf2 reports it.
  for (let j = 0; j < n; j++) {
    if (ipiv[offIpiv + j]! < 0) {
      j++;
      continue;
    }
    const d = a[offA + j + j * lda]!;
    if (d === 0 || Number.isNaN(d)) return j + 1;
  }
  return 0;
}
