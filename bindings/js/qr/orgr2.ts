/**
 * orgr2 — form the m×n Q of an RQ factorisation (orthonormal rows), unblocked   (4mnk − 2(m + n)k² + 4k³/3 flops)
 *
 * JS mirror of assembly/qr/orgr2.ts (read it for the math and the storage): the last m rows of
 * Q = H₀ ⋯ H_{k−1}, 0 ≤ k ≤ m ≤ n, in place of the reflectors (row m − k + i holds vᵢ).
 *
 * Workspace: w[offW…], m doubles. Same operation order as the wasm kernel, so the bits agree.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.6; LAPACK dorgr2.
 */
import { larfr } from './larfr.js';
import { scal } from '../blas/scal.js';

export function orgr2(
  m: number, n: number, k: number, a: Float64Array, offA: number, lda: number,
  tau: Float64Array, offTau: number, w: Float64Array, offW: number,
): void {
  if (m <= 0) return;
  // rows 0 … m−k−1 ← e_{n−m+l}ᵀ
  for (let l = 0; l < m - k; l++) {
    const row = offA + l;
    for (let j = 0; j < n; j++) a[row + j * lda] = 0;
    a[row + (n - m + l) * lda] = 1;
  }
  for (let i = 0; i < k; i++) {
    const ii = m - k + i;
    const c = n - k + i; // vᵢ's unit column
    const row = offA + ii;
    const t = tau[offTau + i]!;
    // A[0:ii, 0:c+1] ← A[0:ii, 0:c+1]·Hᵢ
    larfr(ii, c + 1, a, row, lda, t, a, offA, lda, w, offW);
    // row ii ← last row of Hᵢ: −τᵢ·vᵢ, 1 − τᵢ at the unit entry, zeros right of it
    scal(c, -t, a, row, lda);
    a[row + c * lda] = 1 - t;
    for (let j = c + 1; j < n; j++) a[row + j * lda] = 0;
  }
}
