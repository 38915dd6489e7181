/**
 * potf2 — unblocked Cholesky factorisation A = L·Lᵀ (lower)              (LAPACK dpotf2; n³/3 flops)
 *
 * JS mirror of assembly/cholesky/potf2.ts; A[i, j] = a[offA + i + j·lda] is n×n symmetric positive
 * definite; only the lower triangle (diagonal included) is read, and it is overwritten by L. The
 * strict upper triangle is not touched.
 *
 * Right-looking outer-product form: ℓⱼⱼ = sqrt(aⱼⱼ); ℓ[j+1:, j] = a[j+1:, j] / ℓⱼⱼ;
 * A[j+1:, j+1:] −= ℓ[j+1:, j]·ℓ[j+1:, j]ᵀ (lower part, one axpy per column).
 *
 * Returns 0, or j + 1 when the leading minor of order j + 1 is not positive definite (aⱼⱼ ≤ 0 or NaN
 * after the updates); columns j… are then left partly updated, as in LAPACK.
 */
import { axpy } from '../blas/axpy.js';

export function potf2(n: number, a: Float64Array, offA: number, lda: number): number {
  for (let j = 0; j < n; j++) {
    const colj = offA + j * lda;
    const d = a[colj + j]!;
    if (!(d > 0)) return j + 1;
    const l = Math.sqrt(d);
    a[colj + j] = l;
    for (let i = colj + j + 1, end = colj + n; i < end; i++) a[i] = a[i]! / l;
    for (let c = j + 1; c < n; c++) {
      const lc = a[colj + c]!;
      if (lc !== 0) axpy(n - c, -lc, a, colj + c, 1, a, offA + c * lda + c, 1);
    }
  }
  return 0;
}
