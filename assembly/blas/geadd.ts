/**
 * geadd — C ← α·A + β·B, element-wise on m×n column-major matrices    (mn to 3mn flops)
 *
 * A at `pA` (leading dimension lda), B at `pB` (ldb), C at `pC` (ldc); C may alias A or B exactly
 * (same pointer and leading dimension). Every term is computed as written (no shortcut for α or β
 * equal to 0 or 1), so NaN and Inf propagate as IEEE says; `A − B` is geadd(1, A, −1, B). (Scaling
 * is not geadd(α, A, 0, A): 0·Inf would turn Inf into NaN; it is a copy and `scal`.)
 */
export function geadd(
  m: i32, n: i32, alpha: f64, pA: usize, lda: i32, beta: f64, pB: usize, ldb: i32, pC: usize, ldc: i32,
): void {
  if (m <= 0 || n <= 0) return;
  for (let j = 0; j < n; j++) {
    const a = pA + ((<usize>j * <usize>lda) << 3);
    const b = pB + ((<usize>j * <usize>ldb) << 3);
    const c = pC + ((<usize>j * <usize>ldc) << 3);
    let i = 0;
    if (ASC_FEATURE_SIMD) {
      const va = f64x2.splat(alpha);
      const vb = f64x2.splat(beta);
      for (; i + 1 < m; i += 2) {
        const o = <usize>i << 3;
        v128.store(c + o, f64x2.add(f64x2.mul(va, v128.load(a + o)), f64x2.mul(vb, v128.load(b + o))));
      }
    }
    for (; i < m; i++) {
      const o = <usize>i << 3;
      store<f64>(c + o, alpha * load<f64>(a + o) + beta * load<f64>(b + o));
    }
  }
}
