/**
 * orgbr — form Q or P of a bidiagonalisation from its reflectors
 *
 * JS mirror of assembly/svd/orgbr.ts (read it for the math). Writes W (m×n, W[i, j] = q[offQ + i + j·ldq]):
 *
 *   vect = 0:  W = Q[:, 0:n] = (H₀ ⋯ Hₖ₋₁)[:, 0:n], uᵢ below the diagonal of A's column i; k ≤ n ≤ m.
 *              The strict lower part of A's first k columns is copied to W, then orgqr.
 *   vect = 1:  W = P[:, 0:n] (P = G₀ ⋯ Gₖ₋₁ of order m), vᵢ right of the superdiagonal in A's row i;
 *              k ≤ n − 1, n ≤ m. P = diag(1, P̃); vᵢ moved from row i of A to column 1 + i of W, then
 *              orgqr on W[1:m, 1:n]. P itself, not Pᵀ.
 *
 * A and τ are read only. Workspace w[offW…], `orgbrScratch(vect, m, n, k)` doubles. Returns 0 (−1 for
 * inconsistent sizes). Same operation order as the wasm kernel, so the bits agree.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.6, §5.4.8; LAPACK dorgbr.
 */
import { orgqr, orgqrScratch } from '../qr/orgqr.js';

export function orgbrScratch(vect: number, m: number, n: number, k: number): number {
  if (vect === 0) return orgqrScratch(m, n, k);
  return orgqrScratch(m - 1, n - 1, k);
}

export function orgbr(
  vect: number, m: number, n: number, k: number, a: Float64Array, offA: number, lda: number,
  tau: Float64Array, offTau: number, q: Float64Array, offQ: number, ldq: number, w: Float64Array, offW: number,
): number {
  if (n <= 0) return 0;
  if (vect === 0) {
    if (k < 0 || k > n || n > m) return -1;
    // W[:, 0:k] ← strict lower part of A[:, 0:k] (the diagonal and above are ignored by orgqr)
    for (let j = 0; j < k; j++) {
      const src = offA + j * lda;
      const dst = offQ + j * ldq;
      for (let i = j + 1; i < m; i++) q[dst + i] = a[src + i]!;
    }
    orgqr(m, n, k, q, offQ, ldq, tau, offTau, w, offW);
    return 0;
  }
  if (k < 0 || k > n - 1 || n > m) return -1;
  // first row and column of P are e₀
  q[offQ] = 1.0;
  for (let i = 1; i < m; i++) q[offQ + i] = 0;
  for (let j = 1; j < n; j++) q[offQ + j * ldq] = 0;
  // W[1 + r, 1 + i] ← A[i, 1 + r] for r > i (vᵢ from row i of A into column 1 + i of W)
  for (let i = 0; i < k; i++) {
    const dst = offQ + (1 + i) * ldq;
    const src = offA + i;
    for (let r = i + 1; r < m - 1; r++) q[dst + 1 + r] = a[src + (1 + r) * lda]!;
  }
  if (n > 1) orgqr(m - 1, n - 1, k, q, offQ + 1 + ldq, ldq, tau, offTau, w, offW);
  return 0;
}
