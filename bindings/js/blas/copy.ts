/**
 * copy — y ← x                                            (BLAS dcopy; no flops)
 *
 * JS mirror of assembly/blas/copy.ts. x is `x[offX + i·incx]`, y is `y[offY + i·incy]` (strides > 0),
 * n entries.
 */
export function copy(n: number, x: Float64Array, offX: number, incx: number, y: Float64Array, offY: number, incy: number): void {
  for (let i = 0, ix = offX, iy = offY; i < n; i++, ix += incx, iy += incy) y[iy] = x[ix]!;
}
