/**
 * gerq2 — unblocked Householder RQ: A = R·Q                       (2nm² − 2m³/3 flops for m ≤ n)
 *
 * A is m×n, k = min(m, n). The reflectors are made from the BOTTOM row up: for i = k−1 … 0, with row
 * r = m − k + i and column c = n − k + i, a reflector Hᵢ = I − τᵢ·vᵢ·vᵢᵀ (larfg) annihilates
 * A[r, 0:c] against A[r, c], and is applied from the right to the rows above, A[0:r, 0:c+1] (larfr):
 *
 *                    c
 *   [ A00   a01  | * ]          row r:  [xᵀ α] = A[r, 0:c+1]  →  [0ᵀ β],  β = R[r, c]
 *   [ xᵀ    α    | * ]  r       rows 0 … r−1: A[0:r, 0:c+1] ← A[0:r, 0:c+1]·Hᵢ
 *   [ 0     0    | R ]
 *
 *   A·H_{k−1}⋯H₁·H₀ = R,      so   A = R·Q,   Q = H₀·H₁ ⋯ H_{k−1}    (n×n orthogonal; Hᵢᵀ = Hᵢ)
 *
 * vᵢ (n entries) is vᵢ[c] = 1 (not stored), vᵢ[c+1:n] = 0, vᵢ[0:c] stored in A[r, 0:c] — LAPACK's
 * layout, so orgr2/orgrq and larftb/larfbr read it directly.
 *
 * Storage: on entry A at `pA` (lda ≥ max(1, m)). On exit R is the upper trapezoid that ends in the last
 * column: for m ≤ n, R (m×m upper triangular) is in A[0:m, n−m:n]; for m > n, the first m − n rows are
 * full and the last n rows hold an n×n upper triangle — entries (i, j) with j − i ≥ n − m. The vᵢ are in
 * the rest of rows m−k … m−1; τᵢ at pTau[i] (k doubles). τᵢ = 0 means Hᵢ = I (the row was already zero
 * left of its diagonal entry).
 *
 * Workspace: `pw`, m doubles (larfr's w). Returns nothing (RQ of a finite matrix cannot fail).
 * This is the panel factorisation of gerqf and the reference it is tested against.
 *
 * References: Golub & Van Loan, 4th ed., §5.2.2 (Householder QR, applied to the reversed transpose);
 * Anderson et al., LAPACK Users' Guide, 3rd ed., §2.4.2.3 (RQ); LAPACK dgerq2.
 */
import { larfg } from './larfg';
import { larfr } from './larfr';

export function gerq2(m: i32, n: i32, pA: usize, lda: i32, pTau: usize, pw: usize): void {
  const k = min(m, n);
  const ldA = <usize>lda << 3;
  for (let i = k - 1; i >= 0; i--) {
    const r = m - k + i;
    const c = n - k + i;
    const row = pA + (<usize>r << 3); // A[r, 0]
    // Hᵢ: [xᵀ α] = A[r, 0:c+1] → [0ᵀ β]
    const tau = larfg(c + 1, row + <usize>c * ldA, row, lda);
    store<f64>(pTau + (<usize>i << 3), tau);
    // A[0:r, 0:c+1] ← A[0:r, 0:c+1]·Hᵢ
    larfr(r, c + 1, row, lda, tau, pA, lda, pw);
  }
}
