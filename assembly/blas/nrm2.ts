/**
 * nrm2 — ‖x‖₂ = sqrt(Σ xᵢ²) without overflow or harmful underflow   (BLAS dnrm2; 2n flops)
 *
 * Two passes instead of the one-pass scaled sum of squares of reference BLAS (Hammarling's
 * scale/ssq update, LAPACK dlassq) or Blue's three accumulators (Blue, ACM TOMS 4(1), 1978; LAPACK
 * 3.10 dnrm2, Anderson 2017): pass 1 finds amax = max|xᵢ|; pass 2 sums squares of x·s, where s is an
 * exact power of two chosen from amax so that no square overflows and the largest does not underflow:
 *
 *   amax > 2^480          s = 2^-600   (x·s ≤ 2^424, Σ ≤ n·2^848)
 *   amax < 2^-480         s = 2^600    (x·s ≥ amax·2^600 unless amax = 0)
 *   otherwise             s = 1        (squares ≤ 2^960, Σ ≤ n·2^960 < 2^1024 for n < 2^63)
 *
 * Squares that underflow in pass 2 are smaller than amax²·2^-1000 relative, so they cannot change the
 * result. Scaling by a power of two is exact, so the result is as accurate as the unscaled sum. Both
 * passes are SIMD over unit strides. NaN anywhere gives NaN; ±Inf without NaN gives Inf.
 */

// @ts-ignore: decorator
@inline const BIG: f64 = 3.1217485503159922e144; // 2^480
// @ts-ignore: decorator
@inline const SMALL: f64 = 3.2033329522929615e-145; // 2^-480
// @ts-ignore: decorator
@inline const SCALE_DOWN: f64 = 2.4099198651028841e-181; // 2^-600
// @ts-ignore: decorator
@inline const SCALE_UP: f64 = 4.1495155688809929e180; // 2^600

export function nrm2(n: i32, px: usize, incx: i32): f64 {
  if (n <= 0) return 0;
  const amax = iamaxValue(n, px, incx);
  let s: f64 = 1;
  if (amax > BIG) s = SCALE_DOWN;
  else if (amax < SMALL) s = SCALE_UP;
  return Math.sqrt(sumsq(n, px, incx, s)) / s;
}

/** max |xᵢ| (NaN entries are skipped here; pass 2 propagates them). */
function iamaxValue(n: i32, px: usize, incx: i32): f64 {
  let m0: f64 = 0;
  let m1: f64 = 0;
  let i = 0;
  if (incx == 1) {
    if (ASC_FEATURE_SIMD) {
      let m = f64x2.splat(0);
      for (; i + 1 < n; i += 2) m = f64x2.pmax(m, f64x2.abs(v128.load(px + (<usize>i << 3))));
      m0 = f64x2.extract_lane(m, 0);
      m1 = f64x2.extract_lane(m, 1);
    }
    for (; i < n; i++) {
      const a = Math.abs(load<f64>(px + (<usize>i << 3)));
      if (a > m0) m0 = a;
    }
    return m0 > m1 ? m0 : m1;
  }
  const sx = <usize>incx << 3;
  for (; i < n; i++) {
    const a = Math.abs(load<f64>(px));
    if (a > m0) m0 = a;
    px += sx;
  }
  return m0;
}

/** Σ (s·xᵢ)² with two lane accumulators (even, odd), reduced as (lane0 + lane1) + tail. */
function sumsq(n: i32, px: usize, incx: i32, s: f64): f64 {
  let i = 0;
  if (incx == 1) {
    let s0: f64 = 0;
    let s1: f64 = 0;
    if (ASC_FEATURE_SIMD) {
      const sv = f64x2.splat(s);
      let acc = f64x2.splat(0);
      for (; i + 1 < n; i += 2) {
        const v = f64x2.mul(sv, v128.load(px + (<usize>i << 3)));
        acc = f64x2.add(acc, f64x2.mul(v, v));
      }
      s0 = f64x2.extract_lane(acc, 0);
      s1 = f64x2.extract_lane(acc, 1);
    } else {
      for (; i + 1 < n; i += 2) {
        const a = s * load<f64>(px + (<usize>i << 3));
        const b = s * load<f64>(px + (<usize>i << 3), 8);
        s0 += a * a;
        s1 += b * b;
      }
    }
    let t = s0 + s1;
    if (i < n) {
      const a = s * load<f64>(px + (<usize>i << 3));
      t += a * a;
    }
    return t;
  }
  let t: f64 = 0;
  const sx = <usize>incx << 3;
  for (; i < n; i++) {
    const a = s * load<f64>(px);
    t += a * a;
    px += sx;
  }
  return t;
}
