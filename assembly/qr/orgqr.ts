/**
 * orgqr — form Q explicitly from k reflectors, blocked                  (4mnk − 2(m + n)k² + 4k³/3 flops)
 *
 * The same result as org2r (read its header for the math, the thin/complete-Q uses and the storage):
 * Q[:, 0:n] = H₀·H₁ ⋯ Hₖ₋₁·I[:, 0:n], 0 ≤ k ≤ n ≤ m, but the reflectors are applied nb at a time as
 * block reflectors H = I − V·T·Vᵀ (larft + larfb, i.e. GEMM), walking the blocks backwards:
 *
 *   columns k…n−1 ← e_k…e_{n−1}
 *   for each block i = ⌊(k−1)/nb⌋·nb, …, nb, 0 (width ib = min(nb, k − i)):
 *
 *            i     i+ib
 *   [   *  |  *    |  0   ]            1. larft: T from V = A[i:m, i:i+ib] and τ[i:i+ib]
 *   [   *  | V1    | Q12  ]  i         2. larfb: [Q12; Q22] ← H·[Q12; Q22]  (Q12 is 0 on entry)
 *   [   *  | V2    | Q22  ]  i+ib      3. org2r on the block columns: [V1; V2] → [Q11; Q21] in place
 *                                      4. Q[0:i, i:i+ib] ← 0
 *
 * Steps 1–2 read V before step 3 overwrites it. Columns right of the block already hold the product
 * of the later reflectors applied to I, zero above row i + ib, so H only has to touch rows i…m−1.
 * Every call runs the blocked loop (no unblocked crossover), so tests with nb = 1, 2, 3, 5 cover it.
 *
 * Storage: as org2r — on entry vᵢ below the diagonal of column i < k of A (m×n at `pA`, lda ≥ max(1, m)),
 * τ at `pTau` (k doubles); on exit Q[:, 0:n] in A.
 *
 * Workspace: `pw`, 16-byte aligned, `orgqrScratch(m, n, k)` doubles — T (nb×nb, rounded even), then the
 * larger of org2r's n doubles and larfbScratch(m, n, nb); it depends on T_ORGQR_NB and the GEMM blocking in
 * force. Returns nothing.
 *
 * Block size NB = 32, the tuning key T_ORGQR_NB (tuning.ts; tests use 1, 2, 3, 5). orgqr does the same
 * larfb work as geqrf (mirror image), and the same measurement applies: see geqrf.ts.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.6–5.1.7 (backward accumulation, block representation);
 * LAPACK dorgqr.
 */
import { org2r, unitColumns } from './org2r';
import { larft } from './larft';
import { larfb, larfbScratch } from './larfb';
import { even } from '../util';
import { tuneI, T_ORGQR_NB } from '../tuning';

/** Doubles of workspace `orgqr` needs, with T_ORGQR_NB and the GEMM blocking in force. */
export function orgqrScratch(m: i32, n: i32, k: i32): i32 {
  if (n <= 0) return 0;
  const nb = max(1, min(tuneI(T_ORGQR_NB), k));
  return even(nb * nb) + max(n, larfbScratch(m, n, nb));
}

export function orgqr(m: i32, n: i32, k: i32, pA: usize, lda: i32, pTau: usize, pw: usize): void {
  if (n <= 0) return;
  const ldA = <usize>lda << 3;
  unitColumns(m, n, k, pA, lda); // columns k…n−1 ← e_k…e_{n−1}
  if (k <= 0) return;
  const nb = min(tuneI(T_ORGQR_NB), k);
  const pT = pw;
  const pW = pw + (<usize>even(nb * nb) << 3);
  for (let i = ((k - 1) / nb) * nb; i >= 0; i -= nb) {
    const ib = min(nb, k - i);
    const aii = pA + (<usize>i << 3) + <usize>i * ldA;
    const tau = pTau + (<usize>i << 3);
    if (i + ib < n) {
      // H = H_i ⋯ H_{i+ib−1} = I − V·T·Vᵀ;   [Q12; Q22] ← H·[Q12; Q22]
      larft(m - i, ib, aii, lda, tau, pT, ib);
      larfb(0, m - i, n - i - ib, ib, aii, lda, pT, ib, aii + <usize>ib * ldA, lda, pW);
    }
    // [V1; V2] → [Q11; Q21]
    org2r(m - i, ib, ib, aii, lda, tau, pW);
    // Q[0:i, i:i+ib] ← 0
    for (let j = i; j < i + ib; j++) {
      const c = pA + <usize>j * ldA;
      for (let l = 0; l < i; l++) store<f64>(c + (<usize>l << 3), 0);
    }
  }
}
