/**
 * geqrf — blocked Householder QR: A = Q·R                          (2mn² − 2n³/3 flops for m ≥ n;
 *                                                                   2nm² − 2m³/3 for m < n)
 *
 * Same result layout as geqr2 (R on and above the diagonal, the reflectors vᵢ below it, τ at pTau), but
 * the reflectors are gathered nb at a time into a block reflector H = I − V·T·Vᵀ (compact WY) so that the
 * update of the trailing matrix is matrix–matrix work (three GEMMs in larfb) instead of nb rank-1
 * updates. Only the panel (2·m·nb² flops per block column) stays level 2.
 *
 * One step at column i, block width ib = min(nb, k − i), k = min(m, n):
 *
 *            i     i+ib
 *   [ R00 |  R01  |  R02 ]
 *   [  0  | A11   | A12  ]  i          1. geqr2 on the panel [A11; A21]   → R11, V = [V1; V2], τ[i:i+ib]
 *   [  0  | A21   | A22  ]  i+ib       2. larft: T (ib×ib) with H = I − V·T·Vᵀ
 *                                      3. larfb: [A12; A22] ← Hᵀ·[A12; A22]
 *                                                 = [A12; A22] − V·(Tᵀ·(Vᵀ·[A12; A22]))
 *
 * then i += nb. With nb ≥ k and m ≥ n this is one geqr2 call and nothing else (for m < n the columns
 * past k still get a larfb update). Every matrix goes through the blocked
 * loop, including the last short panel (no unblocked crossover), so tests with nb = 1, 2, 3, 5 cover it.
 *
 * Storage: on entry A (m×n) at `pA`, lda ≥ max(1, m). On exit as geqr2: R in the upper trapezoid, vᵢ in
 * A[i+1:m, i], τᵢ at pTau[i] (min(m, n) doubles). The blocked and unblocked routines produce the same
 * factorisation up to rounding (the same reflectors in exact arithmetic).
 *
 * Workspace: `pw`, 16-byte aligned, `geqrfScratch(m, n)` doubles — T (nb×nb, rounded even) and then the
 * larger of geqr2's n doubles and larfbScratch(m, n, nb); it depends on T_GEQRF_NB and the GEMM blocking
 * in force. Returns nothing (QR of a finite matrix cannot fail).
 *
 * Block size NB = 32 (the tuning key T_GEQRF_NB, tuning.ts), measured (geqrf + orgqr, SIMD build,
 * Node 20, the 2-core AMD EPYC with AVX-512 this repo is benchmarked on; median of 15, ms;
 * nb = 8 / 16 / 24 / 32 / 48 / 64 / 96):
 *
 *   n =  256:    2.8 /   2.7 /   2.8 /   3.0 /   3.4 /   3.8 /   4.7
 *   n =  512:   21.8 /  19.4 /  19.5 /  19.8 /  22.9 /  22.9 /  27.0
 *   n = 1024:  164.7 / 150.3 / 141.1 / 140.7 / 143.6 / 150.5 / 162.0
 *
 * Smaller nb makes larfb's GEMMs thin (nb is the inner dimension of C −= V̂·W₂ and the row count of
 * W = V̂ᵀ·C, so packed panels are reused fewer times); larger nb moves flops into the level-2 panel
 * (≈ 2·m·nb² per panel) and larft. 32 is best or within 2 % of it at n = 512 and 1024; at n = 256,
 * nb = 16 is about 10 % faster (0.3 ms). The profile at n = 512: larfb ≈ 83 % of the time at the
 * speed of the GEMM itself, the panel ≈ 12 %, larft ≈ 6 %. Tests set T_GEQRF_NB tiny and odd (1, 2,
 * 3, 5).
 *
 * References: Golub & Van Loan, 4th ed., §5.2.3 (Algorithm 5.2.2, block Householder QR); Schreiber &
 * Van Loan, SIAM J. Sci. Stat. Comput. 10(1), 1989; LAPACK dgeqrf.
 */
import { geqr2 } from './geqr2';
import { larft } from './larft';
import { larfb, larfbScratch } from './larfb';
import { even } from '../util';
import { tuneI, T_GEQRF_NB } from '../tuning';

/** Doubles of workspace `geqrf` needs for an m×n matrix, with T_GEQRF_NB and the GEMM blocking in force. */
export function geqrfScratch(m: i32, n: i32): i32 {
  const k = min(m, n);
  if (k <= 0) return 0;
  const nb = min(tuneI(T_GEQRF_NB), k);
  return even(nb * nb) + max(n, larfbScratch(m, n, nb));
}

export function geqrf(m: i32, n: i32, pA: usize, lda: i32, pTau: usize, pw: usize): void {
  const k = min(m, n);
  if (k <= 0) return;
  const nb = min(tuneI(T_GEQRF_NB), k);
  const ldA = <usize>lda << 3;
  const pT = pw;
  const pW = pw + (<usize>even(nb * nb) << 3);
  for (let i = 0; i < k; i += nb) {
    const ib = min(nb, k - i);
    const aii = pA + (<usize>i << 3) + <usize>i * ldA;
    // [A11; A21] = Q₁·[R11; 0]: panel factorisation, V below the diagonal of the panel
    geqr2(m - i, ib, aii, lda, pTau + (<usize>i << 3), pW);
    if (i + ib < n) {
      // H = H_i ⋯ H_{i+ib−1} = I − V·T·Vᵀ
      larft(m - i, ib, aii, lda, pTau + (<usize>i << 3), pT, ib);
      // [A12; A22] ← Hᵀ·[A12; A22]
      larfb(1, m - i, n - i - ib, ib, aii, lda, pT, ib, aii + <usize>ib * ldA, lda, pW);
    }
  }
}
