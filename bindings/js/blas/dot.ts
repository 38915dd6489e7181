/**
 * dot — x·y = Σ xᵢ yᵢ                                  (BLAS ddot; 2n flops)
 *
 * JS mirror of assembly/blas/dot.ts. x is `x[offX + i·incx]` (incx > 0, offX an element offset), y
 * likewise. Unit strides keep the two lane accumulators of the SIMD kernel (even and odd indices) as two
 * scalars summed as (s0 + s1) + tail, so this agrees bit for bit with both wasm builds.
 */
export function dot(n: number, x: Float64Array, offX: number, incx: number, y: Float64Array, offY: number, incy: number): number {
  if (n <= 0) return 0;
  if (incx === 1 && incy === 1) {
    let i = 0;
    let s0 = 0;
    let s1 = 0;
    for (; i + 1 < n; i += 2) {
      s0 += x[offX + i]! * y[offY + i]!;
      s1 += x[offX + i + 1]! * y[offY + i + 1]!;
    }
    let s = s0 + s1;
    if (i < n) s += x[offX + i]! * y[offY + i]!;
    return s;
  }
  let s = 0;
  let ix = offX;
  let iy = offY;
  for (let i = 0; i < n; i++) {
    s += x[ix]! * y[iy]!;
    ix += incx;
    iy += incy;
  }
  return s;
}
