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

export function lange(norm: i32, m: i32, n: i32, pA: usize, lda: i32, pw: usize): f64 {
  if (m <= 0 || n <= 0) return 0;
  const ld = <usize>lda << 3;
  let r: f64 = 0;
  if (norm == 0 || norm == 3) {
    for (let j = 0; j < n; j++) {
      const c = pA + <usize>j * ld;
      for (let i = 0; i < m; i++) r = maxNaN(r, Math.abs(load<f64>(c + (<usize>i << 3))));
    }
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
