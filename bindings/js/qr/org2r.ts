/**
 * org2r — form Q explicitly from k reflectors, unblocked                (4mnk − 2(m + n)k² + 4k³/3 flops)
 *
 * JS mirror of assembly/qr/org2r.ts (read it for the math). Q[:, 0:n] = H₀ ⋯ Hₖ₋₁·I[:, 0:n],
 * 0 ≤ k ≤ n ≤ m, by backward accumulation: columns k…n−1 ← e_k…e_{n−1}; for i = k−1 … 0:
 * Q[i:m, i+1:n] ← Hᵢ·Q[i:m, i+1:n] (larf), Q[i:m, i] ← [1 − τᵢ; −τᵢ·vᵢ[i+1:m]], Q[0:i, i] ← 0.
 *
 * Storage: A[i, j] = a[offA + i + j·lda]; on entry vᵢ below the diagonal of column i < k, τᵢ =
 * tau[offTau + i]; on exit Q[:, 0:n]. Workspace: w[offW…], n doubles.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.6; LAPACK dorg2r.
 */
import { larf } from './larf.js';
import { scal } from '../blas/scal.js';

/** Columns k…n−1 of the m×n A ← e_k…e_{n−1}, the columns of Q without a reflector (also orgqr's). */
export function unitColumns(m: number, n: number, k: number, a: Float64Array, offA: number, lda: number): void {
  for (let j = k; j < n; j++) {
    const c = offA + j * lda;
    for (let l = 0; l < m; l++) a[c + l] = 0;
    a[c + j] = 1;
  }
}

export function org2r(
  m: number, n: number, k: number, a: Float64Array, offA: number, lda: number,
  tau: Float64Array, offTau: number, w: Float64Array, offW: number,
): void {
  if (n <= 0) return;
  unitColumns(m, n, k, a, offA, lda);
  for (let i = k - 1; i >= 0; i--) {
    const aii = offA + i + i * lda;
    const t = tau[offTau + i]!;
    // Q[i:m, i+1:n] ← Hᵢ·Q[i:m, i+1:n]
    if (i + 1 < n) larf(m - i, n - i - 1, a, aii, 1, t, a, aii + lda, lda, w, offW);
    // Q[i:m, i] ← Hᵢ·e_i
    scal(m - i - 1, -t, a, aii + 1, 1);
    a[aii] = 1.0 - t;
    // Q[0:i, i] ← 0
    const c = offA + i * lda;
    for (let l = 0; l < i; l++) a[c + l] = 0;
  }
}
