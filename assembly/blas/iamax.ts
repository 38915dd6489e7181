/**
 * iamax — the first index i (0-based) of max |xᵢ|                           (BLAS idamax; n compares)
 *
 * x at `px` with stride `incx` (> 0). Returns −1 for n ≤ 0. NaN entries never win a comparison (a
 * NaN at position 0 makes the result 0, since nothing compares greater than it); callers that care
 * about NaN reject it up front. Used for partial pivoting in LU (lu/getf2.ts).
 */
export function iamax(n: i32, px: usize, incx: i32): i32 {
  if (n <= 0) return -1;
  const sx = <usize>incx << 3;
  let best: i32 = 0;
  let bestAbs = Math.abs(load<f64>(px));
  let p = px + sx;
  for (let i = 1; i < n; i++) {
    const a = Math.abs(load<f64>(p));
    if (a > bestAbs) {
      bestAbs = a;
      best = i;
    }
    p += sx;
  }
  return best;
}
