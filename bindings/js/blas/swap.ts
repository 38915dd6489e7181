/**
 * swap — x ↔ y                                            (BLAS dswap; no flops)
 *
 * JS mirror of assembly/blas/swap.ts. x is `x[offX + i·incx]`, y is `y[offY + i·incy]` (strides > 0),
 * n entries each.
 */
export function swap(n: number, x: Float64Array, offX: number, incx: number, y: Float64Array, offY: number, incy: number): void {
  for (let i = 0, ix = offX, iy = offY; i < n; i++, ix += incx, iy += incy) {
    const t = x[ix]!;
    x[ix] = y[iy]!;
    y[iy] = t;
  }
}
