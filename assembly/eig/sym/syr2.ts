/**
 * syr2 — symmetric rank-2 update, lower triangle:  A ← A + α·(x·yᵀ + y·xᵀ)    (BLAS dsyr2, uplo = 'L'; 2n² flops)
 *
 * Column j of the lower triangle, rows j…n−1:
 *
 *   A[j:n, j] ← (A[j:n, j] + x[j:n]·(α·y[j])) + y[j:n]·(α·x[j])
 *
 * (each element: the x term added first, then the y term — the same order in the SIMD lanes, the scalar
 * build and the JS mirror, so the three agree bit for bit). The strict upper triangle is not touched.
 * This is the trailing update of the unblocked tridiagonalisation sytd2 (α = −1, x = v, y = w).
 *
 * Storage: x at `px`, y at `py`, unit stride, n doubles each; A at `pA` (lda ≥ max(1, n)). No
 * workspace. Returns nothing.
 *
 * Reference: reference BLAS dsyr2; Golub & Van Loan, 4th ed., §8.3.1.
 */
export function syr2(n: i32, alpha: f64, px: usize, py: usize, pA: usize, lda: i32): void {
  if (n <= 0 || alpha == 0) return;
  const ldA = <usize>lda << 3;
  for (let j = 0; j < n; j++) {
    const o = <usize>j << 3;
    const ty = alpha * load<f64>(py + o); // multiplies x
    const tx = alpha * load<f64>(px + o); // multiplies y
    const cj = pA + <usize>j * ldA;
    let i = j;
    if (ASC_FEATURE_SIMD) {
      const TY = f64x2.splat(ty);
      const TX = f64x2.splat(tx);
      for (; i + 1 < n; i += 2) {
        const r = <usize>i << 3;
        let a = v128.load(cj + r);
        a = f64x2.add(a, f64x2.mul(v128.load(px + r), TY));
        a = f64x2.add(a, f64x2.mul(v128.load(py + r), TX));
        v128.store(cj + r, a);
      }
    }
    for (; i < n; i++) {
      const r = <usize>i << 3;
      store<f64>(cj + r, load<f64>(cj + r) + load<f64>(px + r) * ty + load<f64>(py + r) * tx);
    }
  }
}
