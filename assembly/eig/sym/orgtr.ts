/**
 * orgtr — form the orthogonal Q of the tridiagonalisation A = Q·T·Qᵀ explicitly   (4/3·n³ flops)
 *
 * sytd2/sytrd (lower) leave Q = H₀·H₁ ⋯ H_{n−2} with Hⱼ = I − τⱼ·vⱼ·vⱼᵀ, vⱼ[0:j+1] = 0, vⱼ[j+1] = 1,
 * vⱼ[j+2:n] in A[j+2:n, j]. None of them touches row or column 0, so
 *
 *   Q = [ 1  0  ]        Q̃ = H̃₀ ⋯ H̃_{n−2}  (order n−1),  H̃ⱼ with its unit at row j of the (n−1)×(n−1)
 *       [ 0  Q̃ ]              block — exactly the layout geqrf/orgqr use.
 *
 * So the reflector tails are shifted one column to the right (column j → column j+1, rows j+2…n−1,
 * walking j downwards so nothing is overwritten before it is moved), row and column 0 are set to e₀, and
 * the existing blocked orgqr (qr/orgqr.ts: larft + larfb through GEMM) forms Q̃ in A[1:n, 1:n]:
 *
 *   before:  [ d₀            ]        after the shift:  [ 1  0   0   0 ]
 *            [ e₀ d₁         ]                          [ 0  *   *   * ]   (* ignored by orgqr)
 *            [ v₀ e₁ d₂      ]                          [ 0  v₀  *   * ]
 *            [ v₀ v₁ e₂ d₃   ]                          [ 0  v₀  v₁  * ]
 *
 * Storage: on entry A (n×n at `pA`, lda ≥ max(1, n)) and τ (n−1 doubles at `pTau`) as sytrd left them;
 * on exit A = Q (n×n, all entries written). Workspace: `pw`, 16-byte aligned, `orgtrScratch(n)`
 * doubles (= orgqrScratch(n−1, n−1, n−1); depends on T_ORGQR_NB and the GEMM blocking). Returns nothing.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.6 (backward accumulation) and §8.3.1; LAPACK dorgtr
 * (uplo = 'L').
 */
import { orgqr, orgqrScratch } from '../../qr/orgqr';

/** Doubles of workspace `orgtr` needs. */
export function orgtrScratch(n: i32): i32 {
  return n <= 1 ? 0 : orgqrScratch(n - 1, n - 1, n - 1);
}

export function orgtr(n: i32, pA: usize, lda: i32, pTau: usize, pw: usize): void {
  if (n <= 0) return;
  const ldA = <usize>lda << 3;
  // column j−1's tail (rows j+1…n−1) → column j; row 0 ← 0
  for (let j = n - 1; j >= 1; j--) {
    const cj = pA + <usize>j * ldA;
    const cp = cj - ldA;
    store<f64>(cj, 0);
    for (let i = j + 1; i < n; i++) store<f64>(cj + (<usize>i << 3), load<f64>(cp + (<usize>i << 3)));
  }
  store<f64>(pA, 1);
  for (let i = 1; i < n; i++) store<f64>(pA + (<usize>i << 3), 0);
  if (n > 1) orgqr(n - 1, n - 1, n - 1, pA + ldA + 8, lda, pTau, pw);
}
