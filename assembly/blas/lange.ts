/**
 * lange — a norm of an m×n column-major matrix A (LAPACK dlange)             (≈ mn flops)
 *
 *   norm = 0  max |aᵢⱼ|                       (not a matrix norm; used for scaling decisions)
 *   norm = 1  ‖A‖₁ = maxⱼ Σᵢ |aᵢⱼ|           (largest column sum)
 *   norm = 2  ‖A‖∞ = maxᵢ Σⱼ |aᵢⱼ|           (largest row sum; needs m doubles of workspace at pw)
 *   norm = 3  ‖A‖_F = sqrt(Σ aᵢⱼ²)           (scaled as in nrm2.ts: no overflow at 1e200, no
 *                                            underflow at 1e-200)
 *
 * NaN anywhere gives NaN (as LAPACK 3.x's disnan checks do); an empty matrix gives 0.
 */

// @ts-ignore: decorator
@inline const BIG: f64 = 3.1217485503159922e144; // 2^480
// @ts-ignore: decorator
@inline const SMALL: f64 = 3.2033329522929615e-145; // 2^-480
// @ts-ignore: decorator
@inline const SCALE_DOWN: f64 = 2.4099198651028841e-181; // 2^-600
// @ts-ignore: decorator
@inline const SCALE_UP: f64 = 4.1495155688809929e180; // 2^600

/** r ← v when v > r or v is NaN (so NaN, once seen, sticks). */
// @ts-ignore: decorator
@inline function maxNaN(r: f64, v: f64): f64 {
  return v > r || v != v ? v : r;
}

/**
 * max |aᵢⱼ| over the m×n block (column stride ld bytes), NaN when an entry is NaN — maxNaN's answer
 * (a maximum does not depend on the order it is taken in). With SIMD, per column: f64x2.pmax (one
 * maxpd; drops NaN) over four independent accumulators, with a separate NaN flag (x ≠ x lanes OR-ed
 * together), so the pass is not one serial chain of maxNaN's compare-and-select through every entry
 * (a quarter of a 64×64 Cholesky's time went to that chain, the finiteness check).
 */
function maxAbs(m: i32, n: i32, pA: usize, ld: usize): f64 {
  let r: f64 = 0;
  for (let j = 0; j < n; j++) {
    const c = pA + <usize>j * ld;
    let i = 0;
    if (ASC_FEATURE_SIMD) {
      if (m >= 8) {
        let m0 = f64x2.splat(0);
        let m1 = m0;
        let m2 = m0;
        let m3 = m0;
        let bad = m0;
        for (; i + 7 < m; i += 8) {
          const o = c + (<usize>i << 3);
          const x0 = v128.load(o);
          const x1 = v128.load(o, 16);
          const x2 = v128.load(o, 32);
          const x3 = v128.load(o, 48);
          m0 = f64x2.pmax(m0, f64x2.abs(x0));
          m1 = f64x2.pmax(m1, f64x2.abs(x1));
          m2 = f64x2.pmax(m2, f64x2.abs(x2));
          m3 = f64x2.pmax(m3, f64x2.abs(x3));
          bad = v128.or(bad, v128.or(v128.or(f64x2.ne(x0, x0), f64x2.ne(x1, x1)), v128.or(f64x2.ne(x2, x2), f64x2.ne(x3, x3))));
        }
        if (v128.any_true(bad)) return NaN;
        const v = f64x2.pmax(f64x2.pmax(m0, m1), f64x2.pmax(m2, m3));
        r = maxNaN(r, f64x2.extract_lane(v, 0));
        r = maxNaN(r, f64x2.extract_lane(v, 1));
      }
    }
    for (; i < m; i++) r = maxNaN(r, Math.abs(load<f64>(c + (<usize>i << 3))));
  }
  return r;
}

export function lange(norm: i32, m: i32, n: i32, pA: usize, lda: i32, pw: usize): f64 {
  if (m <= 0 || n <= 0) return 0;
  const ld = <usize>lda << 3;
  let r: f64 = 0;
  if (norm == 0 || norm == 3) {
    r = maxAbs(m, n, pA, ld);
    if (norm == 0 || r != r) return r;
    let s: f64 = 1;
    if (r > BIG) s = SCALE_DOWN;
    else if (r < SMALL) s = SCALE_UP;
    let t: f64 = 0;
    for (let j = 0; j < n; j++) {
      const c = pA + <usize>j * ld;
      for (let i = 0; i < m; i++) {
        const a = s * load<f64>(c + (<usize>i << 3));
        t += a * a;
      }
    }
    return Math.sqrt(t) / s;
  }
  if (norm == 1) {
    for (let j = 0; j < n; j++) {
      const c = pA + <usize>j * ld;
      let s: f64 = 0;
      for (let i = 0; i < m; i++) s += Math.abs(load<f64>(c + (<usize>i << 3)));
      r = maxNaN(r, s);
    }
    return r;
  }
  if (norm != 2) return NaN; // unknown norm code: touch nothing
  // norm == 2: row sums accumulated column by column (unit stride in A).
  for (let i = 0; i < m; i++) store<f64>(pw + (<usize>i << 3), 0);
  for (let j = 0; j < n; j++) {
    const c = pA + <usize>j * ld;
    for (let i = 0; i < m; i++) {
      const o = <usize>i << 3;
      store<f64>(pw + o, load<f64>(pw + o) + Math.abs(load<f64>(c + o)));
    }
  }
  for (let i = 0; i < m; i++) r = maxNaN(r, load<f64>(pw + (<usize>i << 3)));
  return r;
}
