/**
 * copy — y ← x                                            (BLAS dcopy; no flops)
 *
 * x at `px`, stride `incx` (> 0); y at `py`, stride `incy` (> 0); n entries. Used by the blocked
 * Bunch–Kaufman panel (ldl/lasyf.ts) to copy a row of the stored lower triangle into a column.
 */
export function copy(n: i32, px: usize, incx: i32, py: usize, incy: i32): void {
  const sx = <usize>incx << 3;
  const sy = <usize>incy << 3;
  for (let i = 0; i < n; i++) {
    store<f64>(py, load<f64>(px));
    px += sx;
    py += sy;
  }
}
