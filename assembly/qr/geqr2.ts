/**
 * geqr2 — unblocked Householder QR: A = Q·R                      (2mn² − 2n³/3 flops for m ≥ n)
 *
 * A is m×n. For i = 0 … k−1 (k = min(m, n)) a reflector Hᵢ = I − τᵢ·vᵢ·vᵢᵀ is generated (larfg)
 * that zeroes A[i+1:m, i], and applied (larf) to the trailing columns A[i:m, i+1:n]:
 *
 *   Hₖ₋₁ ⋯ H₁·H₀·A = R,      Q = H₀·H₁ ⋯ Hₖ₋₁   (m×m orthogonal; its first k columns span A's range)
 *
 *        i
 *   [ R00  r01  R02 ]        column i:  [α; x] = A[i:m, i]  →  [β; 0],   β = R[i, i]
 *   [  0   α    a12 ]  i     rows i…m−1 of columns i+1…n−1:  A[i:m, i+1:n] ← Hᵢ·A[i:m, i+1:n]
 *   [  0   x    A22 ]
 *
 * vᵢ has vᵢ[0:i] = 0, vᵢ[i] = 1 (not stored) and vᵢ[i+1:m] stored in A[i+1:m, i].
 *
 * Storage: on entry A at `pA` (lda ≥ max(1, m)). On exit R is in the upper triangle (upper
 * trapezoid if m < n), the vᵢ below the diagonal, τᵢ at pTau[i] for i < min(m, n) (LAPACK's
 * layout, so orgqr/org2r and larft/larfb read it directly). |τᵢ| ∈ {0} ∪ [1, 2]; τᵢ = 0 means Hᵢ = I
 * (the column was already zero below the diagonal).
 *
 * Workspace: `pw`, n doubles (larf's w). Returns nothing (QR of a finite matrix cannot fail).
 * This is the panel factorisation of geqrf and the reference it is tested against.
 *
 * References: Golub & Van Loan, 4th ed., §5.2.2 (Algorithm 5.2.1, Householder QR); LAPACK dgeqr2.
 */
import { larfg } from './larfg';
import { larf } from './larf';

export function geqr2(m: i32, n: i32, pA: usize, lda: i32, pTau: usize, pw: usize): void {
  const k = min(m, n);
  const ldA = <usize>lda << 3;
  for (let i = 0; i < k; i++) {
    const aii = pA + (<usize>i << 3) + <usize>i * ldA;
    // Hᵢ: [α; x] = A[i:m, i] → [β; 0]
    const tau = larfg(m - i, aii, aii + 8, 1);
    store<f64>(pTau + (<usize>i << 3), tau);
    // A[i:m, i+1:n] ← Hᵢ·A[i:m, i+1:n]
    if (i + 1 < n) larf(m - i, n - i - 1, aii, 1, tau, aii + ldA, lda, pw);
  }
}
