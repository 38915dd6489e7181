/**
 * orgr2 — form the m×n Q of an RQ factorisation (orthonormal rows), unblocked   (4mnk − 2(m + n)k² + 4k³/3 flops)
 *
 * gerq2/gerqf leave k reflectors Hᵢ = I − τᵢ·vᵢ·vᵢᵀ of order n, vᵢ stored as row m − k + i of A (unit
 * entry at column n − k + i, zeros right of it). This forms the LAST m rows of their product
 *
 *   Q = H₀·H₁ ⋯ H_{k−1}   (n×n),      Q[n−m:n, :] = [0 I]·Q,     0 ≤ k ≤ m ≤ n,
 *
 * in place of A (m×n). m = n gives the full Q; m = k the k×n Q with A = R·Q for a wide A. Rows
 * 0 … m−k−1 start as the unit rows e_{n−m+l} (no reflector touches them from the left); then for
 * i = 0 … k−1 the row ii = m − k + i is built from vᵢ — the last row of Hᵢ restricted to columns
 * 0 … n−k+i is −τᵢ·vᵢ with 1 − τᵢ on the unit entry — after the rows above it have been multiplied by Hᵢ
 * from the right (larfr). Step i leaves in rows 0 … ii the rows n − m … n − k + i of H₀·H₁ ⋯ Hᵢ (the
 * earlier reflectors do not touch row n − k + i, so that row of the product is the last row of Hᵢ);
 * LAPACK dorgr2's order, first reflector to last.
 *
 * Storage: on entry vᵢ in row m − k + i of A (m×n at `pA`, lda ≥ max(1, m)), τ at `pTau` (k doubles);
 * on exit Q[n−m:n, :] in A.
 *
 * Workspace: `pw`, m doubles (larfr's w). Returns nothing. This is the panel of orgrq and the
 * reference it is tested against.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.6 (forming Q); LAPACK dorgr2.
 */
import { larfr } from './larfr';
import { scal } from '../blas/scal';

export function orgr2(m: i32, n: i32, k: i32, pA: usize, lda: i32, pTau: usize, pw: usize): void {
  if (m <= 0) return;
  const ldA = <usize>lda << 3;
  // rows 0 … m−k−1 ← e_{n−m+l}ᵀ
  for (let l = 0; l < m - k; l++) {
    const row = pA + (<usize>l << 3);
    for (let j = 0; j < n; j++) store<f64>(row + <usize>j * ldA, 0);
    store<f64>(row + <usize>(n - m + l) * ldA, 1);
  }
  for (let i = 0; i < k; i++) {
    const ii = m - k + i;
    const c = n - k + i; // vᵢ's unit column
    const row = pA + (<usize>ii << 3);
    const tau = load<f64>(pTau + (<usize>i << 3));
    // A[0:ii, 0:c+1] ← A[0:ii, 0:c+1]·Hᵢ
    larfr(ii, c + 1, row, lda, tau, pA, lda, pw);
    // row ii ← last row of Hᵢ: −τᵢ·vᵢ, 1 − τᵢ at the unit entry, zeros right of it
    scal(c, -tau, row, lda);
    store<f64>(row + <usize>c * ldA, 1 - tau);
    for (let j = c + 1; j < n; j++) store<f64>(row + <usize>j * ldA, 0);
  }
}
