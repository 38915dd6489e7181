/**
 * gebd2 — unblocked Golub–Kahan bidiagonalisation: A = Q·B·Pᵀ  (m ≥ n)       (4mn² − 4n³/3 flops)
 *
 * Alternating Householder reflectors from the left and the right reduce A (m×n, m ≥ n) to upper
 * bidiagonal form:
 *
 *   Hₙ₋₁ ⋯ H₁·H₀ · A · G₀·G₁ ⋯ Gₙ₋₃  =  B = [ d₀ e₀           ]      Q = H₀·H₁ ⋯ Hₙ₋₁   (m×m)
 *                                           [    d₁ e₁        ]      P = G₀·G₁ ⋯ Gₙ₋₃   (n×n)
 *                                           [       ⋱  ⋱      ]
 *                                           [          dₙ₋₁   ]      (zero rows n…m−1 below)
 *
 *   step i:  Hᵢ = I − τqᵢ·uᵢ·uᵢᵀ zeroes A[i+1:m, i] (column i below the diagonal)     → dᵢ
 *            Gᵢ = I − τpᵢ·vᵢ·vᵢᵀ zeroes A[i, i+2:n] (row i right of the superdiagonal)  → eᵢ
 *
 *        i  i+1
 *   [ d  e  0  0 ]
 *   [    α  r  r ]  i       1. [α; x] = A[i:m, i] → [dᵢ; 0] (larfg); A[i:m, i+1:n] ← Hᵢ·A[i:m, i+1:n]
 *   [    x  C  C ]          2. [ρ, r] = A[i, i+1:n] → [eᵢ, 0] (larfg, stride lda);
 *   [    x  C  C ]             A[i+1:m, i+1:n] ← A[i+1:m, i+1:n]·Gᵢ
 *
 * Since each reflector acts only on the rows/columns the earlier ones left alone, B's singular values
 * are A's (Golub & Kahan 1965). uᵢ has uᵢ[0:i] = 0, uᵢ[i] = 1 and vᵢ has vᵢ[0:i+1] = 0, vᵢ[i+1] = 1.
 *
 * m < n is not handled here: gesvd bidiagonalises Aᵀ instead (an explicit transpose, O(mn) moves),
 * so every routine of this directory sees only the upper bidiagonal case. Called with m < n, gebd2
 * returns −1 and touches nothing (LAPACK's negative-info convention for a bad argument).
 *
 * Applying Gᵢ from the right, C ← C·(I − τ·v·vᵀ) = C − (τ·C·v)·vᵀ, is a gemv (w = C·v, with v read
 * along a row of A, stride lda) and a rank-1 update, written out here (larf.ts applies from the left).
 *
 * Storage: on entry A (m×n) at `pA`, lda ≥ max(1, m). On exit d and e on the diagonal and
 * superdiagonal of A and in `pd` (n doubles), `pe` (n − 1 doubles); uᵢ[i+1:m] below the diagonal in
 * column i, vᵢ[i+2:n] right of the superdiagonal in row i; τqᵢ at pTauq[i] (n doubles), τpᵢ at
 * pTaup[i] (n doubles, τpₙ₋₁ = 0, like LAPACK dgebrd's layout). Workspace: `pw`, max(m, n) doubles.
 * Returns 0 (−1 if m < n).
 *
 * References: Golub & Kahan, "Calculating the singular values and pseudo-inverse of a matrix",
 * SIAM J. Numer. Anal. 2(2), 1965; Golub & Van Loan, 4th ed., §5.4.8 (Algorithm 5.4.2, Householder
 * bidiagonalisation); LAPACK dgebd2.
 */
import { larfg } from '../qr/larfg';
import { larf } from '../qr/larf';
import { gemv } from '../blas/gemv';
import { axpy } from '../blas/axpy';

export function gebd2(
  m: i32, n: i32, pA: usize, lda: i32, pd: usize, pe: usize, pTauq: usize, pTaup: usize, pw: usize,
): i32 {
  if (m < n) return -1;
  const ldA = <usize>lda << 3;
  for (let i = 0; i < n; i++) {
    const aii = pA + (<usize>i << 3) + <usize>i * ldA;
    // Hᵢ: A[i:m, i] → [dᵢ; 0]
    const tq = larfg(m - i, aii, aii + 8, 1);
    store<f64>(pTauq + (<usize>i << 3), tq);
    store<f64>(pd + (<usize>i << 3), load<f64>(aii));
    if (i + 1 < n) {
      // A[i:m, i+1:n] ← Hᵢ·A[i:m, i+1:n]
      larf(m - i, n - i - 1, aii, 1, tq, aii + ldA, lda, pw);
      // Gᵢ: A[i, i+1:n] → [eᵢ, 0]
      const aij = aii + ldA; // A[i, i+1]
      const tp = larfg(n - i - 1, aij, aij + ldA, lda);
      store<f64>(pTaup + (<usize>i << 3), tp);
      store<f64>(pe + (<usize>i << 3), load<f64>(aij));
      // A[i+1:m, i+1:n] ← A[i+1:m, i+1:n]·Gᵢ
      larfRight(m - i - 1, n - i - 1, aij, lda, tp, aij + 8, lda, pw);
    } else {
      store<f64>(pTaup + (<usize>i << 3), 0);
    }
  }
  return 0;
}

/**
 * C ← C·(I − τ·v·vᵀ), C m×n at `pC`; v has n entries with v₀ = 1 implicit (the storage at `pv` is not
 * read), v₁… at pv + j·incv. w ← C·v = C[:, 0] + C[:, 1:n]·v[1:n] (m doubles at pw), then
 * C[:, j] −= (τ·vⱼ)·w.
 */
function larfRight(m: i32, n: i32, pv: usize, incv: i32, tau: f64, pC: usize, ldc: i32, pw: usize): void {
  if (tau == 0 || m <= 0 || n <= 0) return;
  const ldC = <usize>ldc << 3;
  const sv = <usize>incv << 3;
  // w ← C[:, 1:n]·v[1:n] + C[:, 0]
  gemv(0, m, n - 1, 1.0, pC + ldC, ldc, pv + sv, incv, 0, pw, 1);
  for (let i = 0; i < m; i++) {
    const o = <usize>i << 3;
    store<f64>(pw + o, load<f64>(pw + o) + load<f64>(pC + o));
  }
  // C[:, 0] −= τ·w;  C[:, j] −= (τ·vⱼ)·w
  axpy(m, -tau, pw, 1, pC, 1);
  for (let j = 1; j < n; j++) axpy(m, -tau * load<f64>(pv + <usize>j * sv), pw, 1, pC + <usize>j * ldC, 1);
}
