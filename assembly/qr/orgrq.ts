/**
 * orgrq — form the m×n Q of an RQ factorisation (orthonormal rows), blocked    (4mnk − 2(m + n)k² + 4k³/3 flops)
 *
 * The same result as orgr2 (read its header for the math and the storage): the last m rows of
 * Q = H₀·H₁ ⋯ H_{k−1}, 0 ≤ k ≤ m ≤ n, but the reflectors are applied nb at a time as block reflectors
 * (larftb + larfbr, i.e. GEMM). The blocks run forwards, as orgr2's reflectors do; the first, ragged
 * block (k − kk reflectors, kk = ⌊(k−1)/nb⌋·nb) is formed by orgr2 together with the unit rows above it:
 *
 *   A[0:m−kk, n−kk:n] ← 0;  orgr2 on A[0:m−kk, 0:n−kk] with the first k − kk reflectors
 *   for each block i = k − kk, k − kk + nb, … (ib = nb reflectors, first row ii = m − k + i,
 *   columns c = n − k + i + ib):
 *
 *                  c
 *   [ Q formed | 0 ]             1. larftb: T from V = A[ii:ii+ib, 0:c] and τ[i:i+ib]
 *   [ V        | R ]  ii         2. larfbr: A[0:ii, 0:c] ← A[0:ii, 0:c]·Hᵀ
 *   [ …            ]  ii+ib      3. orgr2 on the block rows: V → the block's rows of Q, in place
 *                                4. A[ii:ii+ib, c:n] ← 0
 *
 * Steps 1–2 read V before step 3 overwrites it. The rows above the block are zero right of column c
 * (they were formed from earlier reflectors only), so Hᵀ only has to touch columns 0 … c−1. Every call
 * with k > nb runs the blocked loop (no unblocked crossover), so tests with nb = 1, 2, 3, 5 cover it.
 *
 * Storage: as orgr2 — on entry vᵢ in row m − k + i of A (m×n at `pA`, lda ≥ max(1, m)), τ at `pTau`
 * (k doubles); on exit Q[n−m:n, :] in A.
 *
 * Workspace: `pw`, 16-byte aligned, `orgrqScratch(m, n, k)` doubles — T (nb×nb, rounded even), then the
 * larger of orgr2's m doubles and larfbrScratch(m, n, nb). Returns nothing.
 *
 * Block size: the tuning key T_ORGQR_NB (default 32), shared with orgqr — the same larfb work mirrored.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.6–5.1.7 (block representation); LAPACK dorgrq.
 */
import { orgr2 } from './orgr2';
import { larftb } from './larftb';
import { larfbr, larfbrScratch } from './larfbr';
import { even } from '../util';
import { tuneI, T_ORGQR_NB } from '../tuning';

/** Doubles of workspace `orgrq` needs, with T_ORGQR_NB and the GEMM blocking in force. */
export function orgrqScratch(m: i32, n: i32, k: i32): i32 {
  if (m <= 0) return 0;
  const nb = max(1, min(tuneI(T_ORGQR_NB), k));
  return even(nb * nb) + max(m, larfbrScratch(m, n, nb));
}

export function orgrq(m: i32, n: i32, k: i32, pA: usize, lda: i32, pTau: usize, pw: usize): void {
  if (m <= 0) return;
  const ldA = <usize>lda << 3;
  const nb = max(1, min(tuneI(T_ORGQR_NB), k));
  const kk = k > 0 ? ((k - 1) / nb) * nb : 0;
  const pT = pw;
  const pW = pw + (<usize>even(nb * nb) << 3);
  // A[0:m−kk, n−kk:n] ← 0, then the first block and the unit rows
  for (let j = n - kk; j < n; j++) {
    const col = pA + <usize>j * ldA;
    for (let l = 0; l < m - kk; l++) store<f64>(col + (<usize>l << 3), 0);
  }
  orgr2(m - kk, n - kk, k - kk, pA, lda, pTau, pW);
  for (let i = k - kk; i < k; i += nb) {
    const ib = min(nb, k - i);
    const ii = m - k + i;
    const c = n - k + i + ib;
    const block = pA + (<usize>ii << 3);
    const tau = pTau + (<usize>i << 3);
    if (ii > 0) {
      // H = H_{i+ib−1} ⋯ H_i = I − Vᵀ·T·V;   A[0:ii, 0:c] ← A[0:ii, 0:c]·Hᵀ
      larftb(c, ib, block, lda, tau, pT, ib);
      larfbr(1, ii, c, ib, block, lda, pT, ib, pA, lda, pW);
    }
    // V → the block's rows of Q
    orgr2(ib, c, ib, block, lda, tau, pW);
    // A[ii:ii+ib, c:n] ← 0
    for (let j = c; j < n; j++) {
      const col = block + <usize>j * ldA;
      for (let l = 0; l < ib; l++) store<f64>(col + (<usize>l << 3), 0);
    }
  }
}
