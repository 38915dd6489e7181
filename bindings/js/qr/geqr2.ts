/**
 * geqr2 — unblocked Householder QR: A = Q·R                      (2mn² − 2n³/3 flops for m ≥ n)
 *
 * JS mirror of assembly/qr/geqr2.ts (read it for the math and the partition diagram). For
 * i = 0 … min(m, n) − 1: Hᵢ from A[i:m, i] (larfg), then A[i:m, i+1:n] ← Hᵢ·A[i:m, i+1:n] (larf).
 *
 * Storage: A[i, j] = a[offA + i + j·lda]. On exit R in the upper trapezoid, vᵢ in A[i+1:m, i] (vᵢ[i] = 1
 * not stored), τᵢ = tau[offTau + i] for i < min(m, n). Workspace: w[offW…], n doubles.
 *
 * References: Golub & Van Loan, 4th ed., §5.2.2 (Algorithm 5.2.1); LAPACK dgeqr2.
 */
import { larfg } from './larfg.js';
import { larf } from './larf.js';

export function geqr2(
  m: number, n: number, a: Float64Array, offA: number, lda: number,
  tau: Float64Array, offTau: number, w: Float64Array, offW: number,
): void {
  const k = Math.min(m, n);
  for (let i = 0; i < k; i++) {
    const aii = offA + i + i * lda;
    // Hᵢ: [α; x] = A[i:m, i] → [β; 0]
    const t = larfg(m - i, a, aii, a, aii + 1, 1);
    tau[offTau + i] = t;
    // A[i:m, i+1:n] ← Hᵢ·A[i:m, i+1:n]
    if (i + 1 < n) larf(m - i, n - i - 1, a, aii, 1, t, a, aii + lda, lda, w, offW);
  }
}
