/**
 * axpy — y ← αx + y                                     (BLAS daxpy; 2n flops)
 *
 * x at `px`, stride `incx` (> 0); y at `py`, stride `incy` (> 0). Unit strides use f64x2 (mul then add,
 * no FMA, so the result equals the scalar loop bit for bit).
 */
export function axpy(n: i32, alpha: f64, px: usize, incx: i32, py: usize, incy: i32): void {
  if (n <= 0) return;
  if (incx == 1 && incy == 1) {
    let i = 0;
    if (ASC_FEATURE_SIMD) {
      const a = f64x2.splat(alpha);
      for (; i + 3 < n; i += 4) {
        const o = <usize>i << 3;
        const y0 = f64x2.add(v128.load(py + o), f64x2.mul(a, v128.load(px + o)));
        const y1 = f64x2.add(v128.load(py + o, 16), f64x2.mul(a, v128.load(px + o, 16)));
        v128.store(py + o, y0);
        v128.store(py + o, y1, 16);
      }
      for (; i + 1 < n; i += 2) {
        const o = <usize>i << 3;
        v128.store(py + o, f64x2.add(v128.load(py + o), f64x2.mul(a, v128.load(px + o))));
      }
    }
    for (; i < n; i++) {
      const o = <usize>i << 3;
      store<f64>(py + o, load<f64>(py + o) + alpha * load<f64>(px + o));
    }
    return;
  }
  const sx = <usize>incx << 3;
  const sy = <usize>incy << 3;
  for (let i = 0; i < n; i++) {
    store<f64>(py, load<f64>(py) + alpha * load<f64>(px));
    px += sx;
    py += sy;
  }
}
