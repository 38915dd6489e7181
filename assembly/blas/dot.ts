/**
 * dot — x·y = Σ xᵢ yᵢ                                  (BLAS ddot; 2n flops)
 *
 * Storage: x at `px` with stride `incx` (elements, > 0), y likewise. Unit strides take the SIMD path:
 * two lane accumulators (even and odd indices) summed as (lane0 + lane1) + tail — the JS mirror keeps
 * the same two partial sums in the same order, so both backends agree bit for bit on the non-FMA build.
 */
export function dot(n: i32, px: usize, incx: i32, py: usize, incy: i32): f64 {
  if (n <= 0) return 0;
  if (incx == 1 && incy == 1) {
    let i = 0;
    let s0: f64 = 0;
    let s1: f64 = 0;
    if (ASC_FEATURE_SIMD) {
      let acc = f64x2.splat(0);
      for (; i + 1 < n; i += 2) {
        const o = <usize>i << 3;
        acc = f64x2.add(acc, f64x2.mul(v128.load(px + o), v128.load(py + o)));
      }
      s0 = f64x2.extract_lane(acc, 0);
      s1 = f64x2.extract_lane(acc, 1);
    } else {
      for (; i + 1 < n; i += 2) {
        const o = <usize>i << 3;
        s0 += load<f64>(px + o) * load<f64>(py + o);
        s1 += load<f64>(px + o, 8) * load<f64>(py + o, 8);
      }
    }
    let s = s0 + s1;
    if (i < n) s += load<f64>(px + (<usize>i << 3)) * load<f64>(py + (<usize>i << 3));
    return s;
  }
  let s: f64 = 0;
  const sx = <usize>incx << 3;
  const sy = <usize>incy << 3;
  for (let i = 0; i < n; i++) {
    s += load<f64>(px) * load<f64>(py);
    px += sx;
    py += sy;
  }
  return s;
}
