/**
 * gerq2 — unblocked Householder RQ: A = R·Q                       (2nm² − 2m³/3 flops for m ≤ n)
 *
 * JS mirror of assembly/qr/gerq2.ts (read it for the math and the storage): for i = k−1 … 0, row
 * r = m − k + i and column c = n − k + i, larfg annihilates A[r, 0:c] against A[r, c] (τᵢ into
 * tau[offTau + i]) and larfr applies the reflector to A[0:r, 0:c+1] from the right.
 *
 * Workspace: w[offW…], m doubles. Same operation order as the wasm kernel, so the bits agree.
 *
 * References: Golub & Van Loan, 4th ed., §5.2.2; LAPACK dgerq2.
 */
import { larfg } from './larfg.js';
import { larfr } from './larfr.js';

export function gerq2(
  m: number, n: number, a: Float64Array, offA: number, lda: number,
  tau: Float64Array, offTau: number, w: Float64Array, offW: number,
): void {
  const k = Math.min(m, n);
  for (let i = k - 1; i >= 0; i--) {
    const r = m - k + i;
    const c = n - k + i;
    const row = offA + r; // A[r, 0]
    // Hᵢ: [xᵀ α] = A[r, 0:c+1] → [0ᵀ β]
    const t = larfg(c + 1, a, row + c * lda, a, row, lda);
    tau[offTau + i] = t;
    // A[0:r, 0:c+1] ← A[0:r, 0:c+1]·Hᵢ
    larfr(r, c + 1, a, row, lda, t, a, offA, lda, w, offW);
  }
}
