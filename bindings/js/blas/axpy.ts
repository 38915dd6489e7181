/**
 * axpy — y ← αx + y                                     (BLAS daxpy; 2n flops)
 *
 * JS mirror of assembly/blas/axpy.ts. x is `x[offX + i·incx]` (incx > 0), y is `y[offY + i·incy]`
 * (incy > 0). Each element is y + α·x (mul then add), as in both wasm builds.
 */
export function axpy(n: number, alpha: number, x: Float64Array, offX: number, incx: number, y: Float64Array, offY: number, incy: number): void {
  if (n <= 0) return;
  if (incx === 1 && incy === 1) {
    const d = offY - offX;
    const end = offX + n;
    for (let i = offX; i < end; i++) y[i + d] = y[i + d]! + alpha * x[i]!;
    return;
  }
  let ix = offX;
  let iy = offY;
  for (let i = 0; i < n; i++) {
    y[iy] = y[iy]! + alpha * x[ix]!;
    ix += incx;
    iy += incy;
  }
}
