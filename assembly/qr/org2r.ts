/**
 * org2r — form Q explicitly from k reflectors, unblocked                (4mnk − 2(m + n)k² + 4k³/3 flops)
 *
 * Q = H₀·H₁ ⋯ Hₖ₋₁ is m×m orthogonal; this forms its first n columns, Q[:, 0:n] = H₀ ⋯ Hₖ₋₁·I[:, 0:n],
 * with 0 ≤ k ≤ n ≤ m. Typical uses after geqrf on an m×n' matrix (k = min(m, n') reflectors):
 *
 *   thin Q      n = k:  the m×k matrix with orthonormal columns spanning range(A) (for m ≥ n')
 *   complete Q  n = m:  the full m×m Q; columns k…m−1 have no reflector of their own (k < n) and start
 *                       as the unit vectors e_k…e_{m−1}.
 *
 * Backward accumulation (Golub & Van Loan §5.1.6): start from the n columns of I and apply Hₖ₋₁ first.
 * Hᵢ acts only on rows i…m−1, and columns 0…i−1 of the partial product are still e₀…e_{i−1} while Hᵢ is
 * applied, so each step touches only the trailing block and forms column i in place of vᵢ:
 *
 *   Q[i:m, i+1:n] ← Hᵢ·Q[i:m, i+1:n]                      (larf)
 *   Q[i:m, i]     ← Hᵢ·e_i = [1 − τᵢ; −τᵢ·vᵢ[i+1:m]]
 *   Q[0:i, i]     ← 0
 *
 * Storage: on entry column i < k of A (m×n at `pA`, lda ≥ max(1, m)) holds vᵢ below the diagonal as
 * geqr2/geqrf leave it (what is on and above the diagonal is ignored; columns k…n−1 are ignored), τ at
 * `pTau` (k doubles). On exit A holds Q[:, 0:n].
 *
 * Workspace: `pw`, n doubles (larf's w). Returns nothing.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.6 (backward accumulation); LAPACK dorg2r.
 */
import { larf } from './larf';
import { scal } from '../blas/scal';

/** Columns k…n−1 of the m×n A ← e_k…e_{n−1}, the columns of Q without a reflector (also orgqr's). */
export function unitColumns(m: i32, n: i32, k: i32, pA: usize, lda: i32): void {
  const ldA = <usize>lda << 3;
  for (let j = k; j < n; j++) {
    const c = pA + <usize>j * ldA;
    for (let l = 0; l < m; l++) store<f64>(c + (<usize>l << 3), 0);
    store<f64>(c + (<usize>j << 3), 1);
  }
}

export function org2r(m: i32, n: i32, k: i32, pA: usize, lda: i32, pTau: usize, pw: usize): void {
  if (n <= 0) return;
  const ldA = <usize>lda << 3;
  unitColumns(m, n, k, pA, lda);
  for (let i = k - 1; i >= 0; i--) {
    const aii = pA + (<usize>i << 3) + <usize>i * ldA;
    const tau = load<f64>(pTau + (<usize>i << 3));
    // Q[i:m, i+1:n] ← Hᵢ·Q[i:m, i+1:n]
    if (i + 1 < n) larf(m - i, n - i - 1, aii, 1, tau, aii + ldA, lda, pw);
    // Q[i:m, i] ← Hᵢ·e_i
    scal(m - i - 1, -tau, aii + 8, 1);
    store<f64>(aii, 1.0 - tau);
    // Q[0:i, i] ← 0
    const c = pA + <usize>i * ldA;
    for (let l = 0; l < i; l++) store<f64>(c + (<usize>l << 3), 0);
  }
}
