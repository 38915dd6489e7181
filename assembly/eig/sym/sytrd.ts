/**
 * sytrd — Householder tridiagonalisation of a symmetric matrix, blocked       (4/3·n³ flops:
 *                                                                             ≈ half symv, half GEMM)
 *
 *   A = Q·T·Qᵀ,   T = tridiag(e, d, e),   Q = H₀·H₁ ⋯ H_{n−2}
 *
 * Same result as sytd2 (read its header for the reflectors and the storage) up to rounding, but the
 * rank-2 updates of nb consecutive columns are collected (latrd.ts) and applied at once as a rank-2nb
 * update through the GEMM (syr2k.ts):
 *
 *          i      i+nb
 *   [ T00 |      |      ]
 *   [     | A11  |      ]  i         1. latrd on A[i:n, i:n]: reduce columns i…i+nb−1 → dⱼ, eⱼ, τⱼ, V, W
 *   [     | A21  | A22  ]  i+nb      2. syr2k:  A22 ← A22 − V2·W2ᵀ − W2·V2ᵀ   (V2, W2 = rows i+nb…n−1)
 *                                    3. A[j+1, j] ← eⱼ (latrd left the explicit 1 of vⱼ there), dⱼ ← A[j,j]
 *
 * while more than nb columns remain (n − i > nb); the last ≤ nb columns go through sytd2 (for n ≤ nb that
 * is all of them). Only the panel stays level 2: its symv (one pass over the trailing triangle per column)
 * is half of the 4/3·n³ flops, plus ≈ 8·n·nb flops per column of small gemv with V and W.
 *
 * Profile at n = 512 (SIMD build, Zen 5, ms): sytrd 10.9 = latrd 5.9 (of which symv 3.9, at ≈ 23 GFLOP/s:
 * the trailing triangle stays in L2/L3) + syr2k 5.0 (≈ 18 GFLOP/s, GEMM with inner dimension nb).
 * LAPACK dsytrd (OpenBLAS, single thread) takes ≈ 8. At n = 1000 (SIMD build, Node 20, AMD EPYC family
 * 25 at 2.45 GHz, 2 vCPUs shared with another engineer's benchmarks): sytrd ≈ 115 ms, of which symv
 * ≈ 46 % (≈ 12 GFLOP/s, the same at n = 128 … 1000: bound by the kernel's instructions, not by memory),
 * the GEMM of syr2k ≈ 42 % (≈ 10 GFLOP/s, its large-GEMM speed there), latrd's gemvs ≈ 10 %; nb = 16 /
 * 24 / 32 / 40 / 48 / 64 → 115 / 116 / 117 / 119 / 121 / 123 ms (within the noise up to 40).
 *
 * Block size NB = 32, the tuning key T_SYTRD_NB (tuning.ts; tests use 1, 2, 3, 5). Measured with
 * `a block-size sweep (the benchmark suite times eigh; the sweep script was not kept)` (n = 512, SIMD, ms): nb = 8 / 16 / 24 / 32 / 48 / 64 / 96 →
 * 12.3 / 11.2 / 10.9 / 10.8 / 11.2 / 11.6 / 12.4. Smaller nb makes syr2k's GEMMs thin (nb is their inner
 * dimension); larger nb moves work into the panel's gemvs with V and W (≈ 2n²·nb flops in all).
 *
 * Storage: as sytd2 — lower triangle of A (n×n at `pA`, lda ≥ max(1, n)) on entry; on exit d at `pD`
 * (n), e at `pE` (n−1), τ at `pTau` (n−1), reflector tails below the subdiagonal. The strict upper
 * triangle is not touched.
 *
 * Workspace: `pw`, 16-byte aligned, `sytrdScratch(n)` doubles: W (n×nb) and after it the larger of
 * latrdScratch(n) (symv's panels) and syr2kScratch(n − nb, nb); sytd2 on the last columns reuses the start
 * (sytd2Scratch(nb)). It depends on T_SYTRD_NB and the GEMM blocking in force. Returns nothing.
 *
 * References: Golub & Van Loan, 4th ed., §8.3.1; Dongarra, Sorensen & Hammarling, J. Comput. Appl.
 * Math. 27, 1989; LAPACK dsytrd (uplo = 'L').
 */
import { latrd, latrdScratch } from './latrd';
import { syr2k, syr2kScratch } from './syr2k';
import { sytd2, sytd2Scratch } from './sytd2';
import { even } from '../../util';
import { tuneI, T_SYTRD_NB } from '../../tuning';

/** Doubles of workspace `sytrd` needs, with T_SYTRD_NB and the GEMM blocking in force. */
export function sytrdScratch(n: i32): i32 {
  if (n <= 0) return 0;
  const nb = tuneI(T_SYTRD_NB);
  if (n <= nb) return sytd2Scratch(n);
  // W, then the larger of latrd's symv panels and syr2k's; sytd2 on the last < nb columns uses the start
  return max(even(n * nb) + max(latrdScratch(n), syr2kScratch(n - nb, nb)), sytd2Scratch(nb));
}

export function sytrd(n: i32, pA: usize, lda: i32, pD: usize, pE: usize, pTau: usize, pw: usize): void {
  if (n <= 0) return;
  const nb = tuneI(T_SYTRD_NB);
  const ldA = <usize>lda << 3;
  let i = 0;
  if (n > nb) {
    const pW = pw;
    const pG = pw + (<usize>even(n * nb) << 3);
    for (; n - i > nb; i += nb) {
      const m = n - i;
      const aii = pA + <usize>i * ldA + (<usize>i << 3);
      // 1. panel: columns i…i+nb−1, W (m×nb, ldw = m)
      latrd(m, nb, aii, lda, pE + (<usize>i << 3), pTau + (<usize>i << 3), pW, m, pG);
      // 2. A22 ← A22 − V2·W2ᵀ − W2·V2ᵀ
      const nbb = <usize>nb << 3;
      syr2k(m - nb, nb, -1, aii + nbb, lda, pW + nbb, m, 1, aii + nbb + <usize>nb * ldA, lda, pG);
      // 3. eⱼ back on the subdiagonal, dⱼ from the diagonal
      for (let j = i; j < i + nb; j++) {
        const ajj = pA + <usize>j * ldA + (<usize>j << 3);
        store<f64>(ajj + 8, load<f64>(pE + (<usize>j << 3)));
        store<f64>(pD + (<usize>j << 3), load<f64>(ajj));
      }
    }
  }
  // the last columns, unblocked
  const aii = pA + <usize>i * ldA + (<usize>i << 3);
  const o = <usize>i << 3;
  sytd2(n - i, aii, lda, pD + o, pE + o, pTau + o, pw);
}
