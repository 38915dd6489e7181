/**
 * scal — x ← αx                                          (BLAS dscal; n flops)
 *
 * JS mirror of assembly/blas/scal.ts. x is `x[offX + i·incx]` (incx > 0). Multiplies even when α = 0,
 * so NaN and Inf in x propagate (IEEE).
 */
export function scal(n: number, alpha: number, x: Float64Array, offX: number, incx: number): void {
  if (n <= 0) return;
  if (incx === 1) {
    const end = offX + n;
    for (let i = offX; i < end; i++) x[i] = alpha * x[i]!;
    return;
  }
  let ix = offX;
  for (let i = 0; i < n; i++) {
    x[ix] = alpha * x[ix]!;
    ix += incx;
  }
}
