/**
 * orgbr — form Q or P of a bidiagonalisation from its reflectors           (vect = 0: as orgqr,
 *                                                                          4mnk − 2(m + n)k² + 4k³/3 flops)
 *
 * gebrd leaves A = Q·B·Pᵀ as reflectors (gebd2.ts): Q = H₀ ⋯ Hₖ₋₁ with uᵢ in the columns of A below
 * the diagonal, P = G₀ ⋯ Gₖ₋₁ with vᵢ in the rows of A right of the superdiagonal. This routine writes
 * the first n columns of one of them, explicitly, to a separate matrix W (m×n at `pQ`, ldq ≥ m):
 *
 *   vect = 0:  W = Q[:, 0:n],  Q = H₀ ⋯ Hₖ₋₁ (m×m),  k ≤ n ≤ m.
 *              uᵢ is stored exactly as geqrf stores its reflectors (unit at A[i, i], rest below), so
 *              this is orgqr after copying the strict lower part of A's first k columns to W. n = k
 *              gives the thin Q of gesvd, n = m the complete one.
 *
 *   vect = 1:  W = P[:, 0:n],  P = G₀ ⋯ Gₖ₋₁ (m×m — here m is the number of columns of the
 *              bidiagonalised matrix), k ≤ n − 1, n ≤ m.
 *              Gᵢ acts on indices i+1…m−1 only, so P = diag(1, P̃) with P̃ = G̃₀ ⋯ G̃ₖ₋₁ of order m − 1,
 *              and G̃ᵢ's vector has its unit at index i and the rest at i+1…m−2: P̃ is an orgqr
 *              problem on the transpose of A's rows, shifted by one:
 *
 *                W[0, 0] = 1,  W[1:m, 0] = 0,  W[0, 1:n] = 0,
 *                W[1 + r, 1 + i] = A[i, 1 + r]   (r > i, i < k)   — vᵢ moved from row i to a column
 *                W[1:m, 1:n] ← orgqr(m − 1, n − 1, k)
 *
 *              This is P itself, not Pᵀ: gesvd keeps V (not Vᵀ) so that bdsqr's rotations act on
 *              contiguous columns (blas/lasr.ts).
 *
 * Storage: A at `pA` (lda) and τ at `pTau` (k doubles, τq or τp) are read only. W at `pQ` (ldq ≥ m) is
 * overwritten; for vect = 0 it may be A itself (pQ = pA, ldq = lda: Q is formed in place).
 * Workspace: `pw`, 16-byte aligned, `orgbrScratch(vect, m, n, k)` doubles (orgqr's, with
 * T_ORGQR_NB and the GEMM blocking in force). Returns 0 (−1 if the sizes are inconsistent; nothing touched).
 *
 * References: Golub & Van Loan, 4th ed., §5.1.6 (backward accumulation), §5.4.8; LAPACK dorgbr
 * (which overwrites A in place and forms Pᵀ instead).
 */
import { orgqr, orgqrScratch } from '../qr/orgqr';

export function orgbrScratch(vect: i32, m: i32, n: i32, k: i32): i32 {
  if (vect == 0) return orgqrScratch(m, n, k);
  return orgqrScratch(m - 1, n - 1, k);
}

export function orgbr(
  vect: i32, m: i32, n: i32, k: i32, pA: usize, lda: i32, pTau: usize, pQ: usize, ldq: i32, pw: usize,
): i32 {
  if (n <= 0) return 0;
  const ldA = <usize>lda << 3;
  const ldQ = <usize>ldq << 3;
  if (vect == 0) {
    if (k < 0 || k > n || n > m) return -1;
    // W[:, 0:k] ← strict lower part of A[:, 0:k] (the diagonal and above are ignored by orgqr)
    for (let j = 0; j < k; j++) {
      const src = pA + <usize>j * ldA;
      const dst = pQ + <usize>j * ldQ;
      for (let i = j + 1; i < m; i++) store<f64>(dst + (<usize>i << 3), load<f64>(src + (<usize>i << 3)));
    }
    orgqr(m, n, k, pQ, ldq, pTau, pw);
    return 0;
  }
  if (k < 0 || k > n - 1 || n > m) return -1;
  // first row and column of P are e₀
  store<f64>(pQ, 1.0);
  for (let i = 1; i < m; i++) store<f64>(pQ + (<usize>i << 3), 0);
  for (let j = 1; j < n; j++) store<f64>(pQ + <usize>j * ldQ, 0);
  // W[1 + r, 1 + i] ← A[i, 1 + r] for r > i (vᵢ from row i of A into column 1 + i of W)
  for (let i = 0; i < k; i++) {
    const dst = pQ + <usize>(1 + i) * ldQ;
    const src = pA + (<usize>i << 3);
    for (let r = i + 1; r < m - 1; r++) store<f64>(dst + (<usize>(1 + r) << 3), load<f64>(src + <usize>(1 + r) * ldA));
  }
  if (n > 1) orgqr(m - 1, n - 1, k, pQ + 8 + ldQ, ldq, pTau, pw);
  return 0;
}
