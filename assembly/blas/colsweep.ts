/**
 * colSweep — y ← (y + Σₖ (−eₖ)·xₖ) [/ d]: one column finished against `count` finished ones, the column in
 * registers                                                             (2·m·count flops)
 *
 *   y = py[0…m−1];  for k = 0 … count−1 in order, when eₖ ≠ 0:  y ← y + (−eₖ)·xₖ   (eₖ at pe + k·se,
 *   xₖ = px + k·sx [0…m−1]);  then, when div, y ← y / d.
 *
 * Per entry these are exactly the operations of the axpy sweep (one axpy y ← y + α·x per k with
 * α = −eₖ, a zero multiplier skipped, then a division), in its order, so a caller that replaces such a
 * sweep keeps its bits; but y stays in registers — 8 rows at a time in four v128 accumulators, then
 * pairs, then one — while the xₖ stream past, instead of an axpy call reading and writing y per k.
 * The left-looking Cholesky column (cholesky/potf2.ts) and the forward right-side triangular solve
 * (trsm/trsm2.ts) are this loop. An internal helper of those kernels (not exported; their JS mirrors
 * keep the axpy form, which has the same bits).
 */
// @ts-ignore: decorator
@inline export function colSweep(m: i32, count: i32, pe: usize, se: usize, px: usize, sx: usize, py: usize, div: bool, d: f64): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const dv = f64x2.splat(d);
    for (; i + 7 < m; i += 8) {
      const o = <usize>i << 3;
      let y0 = v128.load(py + o);
      let y1 = v128.load(py + o, 16);
      let y2 = v128.load(py + o, 32);
      let y3 = v128.load(py + o, 48);
      let e = pe;
      let x = px + o;
      for (let k = 0; k < count; k++, e += se, x += sx) {
        const ek = load<f64>(e);
        if (ek != 0) {
          const a = f64x2.splat(-ek);
          y0 = f64x2.add(y0, f64x2.mul(a, v128.load(x)));
          y1 = f64x2.add(y1, f64x2.mul(a, v128.load(x, 16)));
          y2 = f64x2.add(y2, f64x2.mul(a, v128.load(x, 32)));
          y3 = f64x2.add(y3, f64x2.mul(a, v128.load(x, 48)));
        }
      }
      if (div) {
        y0 = f64x2.div(y0, dv);
        y1 = f64x2.div(y1, dv);
        y2 = f64x2.div(y2, dv);
        y3 = f64x2.div(y3, dv);
      }
      v128.store(py + o, y0);
      v128.store(py + o, y1, 16);
      v128.store(py + o, y2, 32);
      v128.store(py + o, y3, 48);
    }
    for (; i + 1 < m; i += 2) {
      const o = <usize>i << 3;
      let y = v128.load(py + o);
      let e = pe;
      let x = px + o;
      for (let k = 0; k < count; k++, e += se, x += sx) {
        const ek = load<f64>(e);
        if (ek != 0) y = f64x2.add(y, f64x2.mul(f64x2.splat(-ek), v128.load(x)));
      }
      v128.store(py + o, div ? f64x2.div(y, dv) : y);
    }
  }
  for (; i < m; i++) {
    const o = <usize>i << 3;
    let y = load<f64>(py + o);
    let e = pe;
    let x = px + o;
    for (let k = 0; k < count; k++, e += se, x += sx) {
      const ek = load<f64>(e);
      if (ek != 0) y = y + -ek * load<f64>(x);
    }
    store<f64>(py + o, div ? y / d : y);
  }
}
