/**
 * iamax — the first index i (0-based) of max |xᵢ|                           (BLAS idamax; n compares)
 *
 * JS mirror of assembly/blas/iamax.ts. x is `x[offX + i·incx]` (incx > 0). Returns −1 for n ≤ 0.
 * NaN entries never win a comparison (a NaN at position 0 makes the result 0). Used for partial
 * pivoting in LU (lu/getf2.ts).
 */
export function iamax(n: number, x: Float64Array, offX: number, incx: number): number {
  if (n <= 0) return -1;
  let best = 0;
  let bestAbs = Math.abs(x[offX]!);
  let ix = offX + incx;
  for (let i = 1; i < n; i++) {
    const a = Math.abs(x[ix]!);
    if (a > bestAbs) {
      bestAbs = a;
      best = i;
    }
    ix += incx;
  }
  return best;
}
