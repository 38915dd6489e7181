/**
 * swap — x ↔ y                                            (BLAS dswap; no flops)
 *
 * x at `px`, stride `incx` (> 0); y at `py`, stride `incy` (> 0); n entries each. Used by the
 * symmetric interchanges of Bunch–Kaufman (ldl/sytf2.ts, ldl/lasyf.ts), which swap a row segment with
 * a column segment (stride lda against stride 1).
 */
export function swap(n: i32, px: usize, incx: i32, py: usize, incy: i32): void {
  const sx = <usize>incx << 3;
  const sy = <usize>incy << 3;
  for (let i = 0; i < n; i++) {
    const t = load<f64>(px);
    store<f64>(px, load<f64>(py));
    store<f64>(py, t);
    px += sx;
    py += sy;
  }
}
