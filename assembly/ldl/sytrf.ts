/**
 * sytrf — blocked Bunch–Kaufman factorisation P·A·Pᵀ = L·D·Lᵀ (lower)    (LAPACK dsytrf, uplo = 'L';
 *                                                                         n³/3 flops)
 *
 * A is n×n symmetric at `pA` (lda ≥ n); only the lower triangle is read and overwritten by D and L in
 * the storage of sytf2.ts (the strict upper triangle is not touched); ipiv (i32 at `pIpiv`, n entries)
 * as there. The blocking (LAPACK dsytrf; Golub & Van Loan 4th ed. §4.4.4, §4.2.9):
 *
 *   k = 0                                    while more than NB columns remain:
 *   ┌ L11 │      ┐                             lasyf factors the next kb = NB−1 or NB columns (W = L·D
 *   │ L21 │ A22  │  ← A22 − L21·D·L21ᵀ          beside them) and updates A22 through gemm;
 *   └─────┴──────┘                           then sytf2 finishes the last ≤ NB columns.
 *
 * A panel's ipiv is relative to it; here it is shifted to A's rows. NB is the tuning key T_SYTRF_NB
 * (tuning.ts); NB ≤ 1 or NB ≥ n is sytf2 alone.
 *
 * `tie` as in sytf2.ts (0: LAPACK's lower dsytrf; 1: its upper one, for a factorisation of J·A·J).
 * Workspace: `sytrfScratch(n)` doubles at `pw` (16-byte aligned): W (n×NB) then gemm's.
 * Returns 0, or k + 1 for the first zero (or NaN) 1×1 pivot D[k, k]: D is singular (the factorisation
 * is completed regardless, as in LAPACK).
 */
import { sytf2 } from './sytf2';
import { lasyf } from './lasyf';
import { gemmScratch } from '../gemm/gemm';
import { tuneI, T_SYTRF_NB } from '../tuning';

/** Doubles of workspace `sytrf` needs for this size with the blocking in force. */
export function sytrfScratch(n: i32): i32 {
  const nb = tuneI(T_SYTRF_NB);
  if (nb <= 1 || nb >= n) return 1;
  const w = n * nb;
  return w + (w & 1) + gemmScratch(n, nb, nb);
}

export function sytrf(tie: i32, n: i32, pA: usize, lda: i32, pIpiv: usize, pw: usize): i32 {
  const nb = tuneI(T_SYTRF_NB);
  if (nb <= 1 || nb >= n) return sytf2(tie, n, pA, lda, pIpiv);
  const ldA = <usize>lda << 3;
  const w = n * nb;
  const pG = pw + (<usize>(w + (w & 1)) << 3);
  let k = 0;
  while (k < n) {
    const pAkk = pA + (<usize>k << 3) + <usize>k * ldA;
    const pIk = pIpiv + (<usize>k << 2);
    let kb: i32;
    if (n - k > nb) {
      kb = lasyf(tie, n - k, nb, pAkk, lda, pIk, pw, n - k, pG);
    } else {
      sytf2(tie, n - k, pAkk, lda, pIk);
      kb = n - k;
    }
    // Panel-relative pivots → rows of A (~p shifts the same way: ~(p + k) = ~p − k).
    for (let j = 0; j < kb; j++) {
      const o = pIk + (<usize>j << 2);
      const p = load<i32>(o);
      store<i32>(o, p >= 0 ? p + k : p - k);
    }
    k += kb;
  }
  // The first zero or NaN 1×1 pivot, as sytf2 reports it.
  for (let j = 0; j < n; j++) {
    if (load<i32>(pIpiv + (<usize>j << 2)) < 0) {
      j++;
      continue;
    }
    const d = load<f64>(pA + (<usize>j << 3) + <usize>j * ldA);
    if (d == 0 || isNaN(d)) return j + 1;
  }
  return 0;
}
