/**
 * potf2 — unblocked Cholesky factorisation A = L·Lᵀ (lower)              (LAPACK dpotf2; n³/3 flops)
 *
 * A is n×n symmetric positive definite, column-major at `pA`; only the lower triangle (diagonal
 * included) is read, and it is overwritten by L. The strict upper triangle is not touched.
 *
 * Right-looking outer-product form (Golub & Van Loan 4th ed. Alg. 4.2.2): for j = 0, 1, …
 *   ℓⱼⱼ = sqrt(aⱼⱼ);  ℓ[j+1:, j] = a[j+1:, j] / ℓⱼⱼ;  A[j+1:, j+1:] −= ℓ[j+1:, j]·ℓ[j+1:, j]ᵀ (lower part)
 * the last step one axpy per column (unit stride).
 *
 * Returns 0, or j + 1 when the leading minor of order j + 1 is not positive definite (aⱼⱼ ≤ 0 or NaN
 * after the updates); columns j… are then left partly updated, as in LAPACK.
 */
import { axpy } from '../blas/axpy';

export function potf2(n: i32, pA: usize, lda: i32): i32 {
  const ldA = <usize>lda << 3;
  for (let j = 0; j < n; j++) {
    const colj = pA + <usize>j * ldA;
    const d = load<f64>(colj + (<usize>j << 3));
    if (!(d > 0)) return j + 1;
    const l = Math.sqrt(d);
    store<f64>(colj + (<usize>j << 3), l);
    for (let i = j + 1; i < n; i++) {
      const o = colj + (<usize>i << 3);
      store<f64>(o, load<f64>(o) / l);
    }
    for (let c = j + 1; c < n; c++) {
      const lc = load<f64>(colj + (<usize>c << 3));
      if (lc != 0) axpy(n - c, -lc, colj + (<usize>c << 3), 1, pA + <usize>c * ldA + (<usize>c << 3), 1);
    }
  }
  return 0;
}
