/**
 * larf — apply an elementary reflector from the left: C ← H·C,  H = I − τ·v·vᵀ     (4mn flops)
 *
 * JS mirror of assembly/qr/larf.ts. C is m×n, C[i, j] = c[offC + i + j·ldc]; v has m entries with
 * v₀ = 1 implicit (v[offV] is NOT read), vᵢ = v[offV + i·incv] (incv > 0).
 *
 *   w ← C[1:m, :]ᵀ·v[1:m] + C[0, :]ᵀ      (gemv with Aᵀ)
 *   C ← C − τ·v·wᵀ                        (one axpy per column)
 *
 * Workspace: w[offW…], n doubles. τ = 0 returns at once. Same operation order as the wasm kernel.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.4; LAPACK dlarf.
 */
import { gemv } from '../blas/gemv.js';
import { axpy } from '../blas/axpy.js';

export function larf(
  m: number, n: number, v: Float64Array, offV: number, incv: number, tau: number,
  c: Float64Array, offC: number, ldc: number, w: Float64Array, offW: number,
): void {
  if (tau === 0 || m <= 0 || n <= 0) return;
  const offV1 = offV + incv;
  // w ← C[1:m, :]ᵀ·v[1:m]  (m = 1: w ← 0), then w ← w + C[0, :]ᵀ
  gemv(1, m - 1, n, 1.0, c, offC + 1, ldc, v, offV1, incv, 0, w, offW, 1);
  for (let j = 0; j < n; j++) w[offW + j] = w[offW + j]! + c[offC + j * ldc]!;
  // C ← C − τ·v·wᵀ, column by column: C[:, j] += (−τ·wⱼ)·v
  for (let j = 0; j < n; j++) {
    const t = -tau * w[offW + j]!;
    const cj = offC + j * ldc;
    c[cj] = c[cj]! + t;
    axpy(m - 1, t, v, offV1, incv, c, cj + 1, 1);
  }
}
