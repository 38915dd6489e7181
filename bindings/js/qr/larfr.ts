/**
 * larfr — apply an elementary reflector from the right, unit entry LAST: C ← C·H     (4mn flops)
 *
 * JS mirror of assembly/qr/larfr.ts (read it for the math): H = I − τ·v·vᵀ, v = [v₀ … v_{n−2}, 1] with
 * v_j at v[offV + j·incv] (the storage of the last entry not read); C m×n (C[i, j] = c[offC + i + j·ldc]).
 * w ← C[:, 0:n−1]·v[0:n−1] + C[:, n−1], then C[:, j] += (−τ·vⱼ)·w and C[:, n−1] += −τ·w.
 *
 * Workspace: w[offW…], m doubles. Same operation order as the wasm kernel, so the bits agree.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.4; LAPACK dlarf (side = 'R').
 */
import { gemv } from '../blas/gemv.js';
import { axpy } from '../blas/axpy.js';

export function larfr(
  m: number, n: number, v: Float64Array, offV: number, incv: number, tau: number,
  c: Float64Array, offC: number, ldc: number, w: Float64Array, offW: number,
): void {
  if (tau === 0 || m <= 0 || n <= 0) return;
  // w ← C[:, 0:n−1]·v[0:n−1]  (n = 1: w ← 0), then w ← w + C[:, n−1]
  gemv(0, m, n - 1, 1.0, c, offC, ldc, v, offV, incv, 0, w, offW, 1);
  const cl = offC + (n - 1) * ldc;
  for (let i = 0; i < m; i++) w[offW + i] = w[offW + i]! + c[cl + i]!;
  // C[:, j] += (−τ·vⱼ)·w for j < n − 1, C[:, n−1] += −τ·w
  for (let j = 0; j < n - 1; j++) axpy(m, -tau * v[offV + j * incv]!, w, offW, 1, c, offC + j * ldc, 1);
  axpy(m, -tau, w, offW, 1, c, cl, 1);
}
