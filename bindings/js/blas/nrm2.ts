/**
 * nrm2 — ‖x‖₂ = sqrt(Σ xᵢ²) without overflow or harmful underflow   (BLAS dnrm2; 2n flops)
 *
 * JS mirror of assembly/blas/nrm2.ts. x is `x[offX + i·incx]` (incx > 0). Two passes: pass 1 finds
 * amax = max|xᵢ| (NaN skipped); pass 2 sums squares of x·s, s an exact power of two chosen from amax:
 *
 *   amax > 2^480          s = 2^-600
 *   amax < 2^-480         s = 2^600
 *   otherwise             s = 1
 *
 * and returns sqrt(Σ)/s. Scaling by a power of two is exact. NaN anywhere gives NaN; ±Inf without NaN
 * gives Inf. Unit strides keep the two lane accumulators (even, odd) of the SIMD build, reduced as
 * (s0 + s1) + tail, so the result agrees bit for bit with both wasm builds.
 */
const BIG = 3.1217485503159922e144; // 2^480
const SMALL = 3.2033329522929615e-145; // 2^-480
const SCALE_DOWN = 2.4099198651028841e-181; // 2^-600
const SCALE_UP = 4.1495155688809929e180; // 2^600

export function nrm2(n: number, x: Float64Array, offX: number, incx: number): number {
  if (n <= 0) return 0;
  const amax = iamaxValue(n, x, offX, incx);
  let s = 1;
  if (amax > BIG) s = SCALE_DOWN;
  else if (amax < SMALL) s = SCALE_UP;
  return Math.sqrt(sumsq(n, x, offX, incx, s)) / s;
}

/** max |xᵢ| (NaN entries are skipped here; pass 2 propagates them). A selection, so lane order is moot. */
function iamaxValue(n: number, x: Float64Array, offX: number, incx: number): number {
  let m0 = 0;
  let ix = offX;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(x[ix]!);
    if (a > m0) m0 = a;
    ix += incx;
  }
  return m0;
}

/** Σ (s·xᵢ)² with two accumulators (even, odd) on unit stride, reduced as (s0 + s1) + tail. */
function sumsq(n: number, x: Float64Array, offX: number, incx: number, s: number): number {
  if (incx === 1) {
    let i = 0;
    let s0 = 0;
    let s1 = 0;
    for (; i + 1 < n; i += 2) {
      const a = s * x[offX + i]!;
      const b = s * x[offX + i + 1]!;
      s0 += a * a;
      s1 += b * b;
    }
    let t = s0 + s1;
    if (i < n) {
      const a = s * x[offX + i]!;
      t += a * a;
    }
    return t;
  }
  let t = 0;
  let ix = offX;
  for (let i = 0; i < n; i++) {
    const a = s * x[ix]!;
    t += a * a;
    ix += incx;
  }
  return t;
}
