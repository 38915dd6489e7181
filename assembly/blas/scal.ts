/**
 * scal — x ← αx                                          (BLAS dscal; n flops)
 *
 * x at `px`, stride `incx` (> 0). Multiplies even when α = 0, so NaN and Inf in x propagate (IEEE).
 */
export function scal(n: i32, alpha: f64, px: usize, incx: i32): void {
  if (n <= 0) return;
  if (incx == 1) {
    let i = 0;
    if (ASC_FEATURE_SIMD) {
      const a = f64x2.splat(alpha);
      for (; i + 1 < n; i += 2) {
        const o = <usize>i << 3;
        v128.store(px + o, f64x2.mul(a, v128.load(px + o)));
      }
    }
    for (; i < n; i++) {
      const o = <usize>i << 3;
      store<f64>(px + o, alpha * load<f64>(px + o));
    }
    return;
  }
  const sx = <usize>incx << 3;
  for (let i = 0; i < n; i++) {
    store<f64>(px, alpha * load<f64>(px));
    px += sx;
  }
}
