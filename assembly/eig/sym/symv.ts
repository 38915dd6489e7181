/**
 * symv — y ← α·A·x, A symmetric, lower triangle stored                (BLAS dsymv, uplo = 'L'; 2n² flops)
 *
 * Only A[i, j] with i ≥ j is read. Column j of the lower triangle contributes to y twice:
 *
 *   y[j+1:n] += A[j+1:n, j]·x[j]          (the stored column: an axpy)
 *   y[j]     += A[j+1:n, j]ᵀ·x[j+1:n]     (the same numbers read as row j of the upper triangle: a dot)
 *   y[j]     += A[j, j]·x[j]
 *
 * so one pass over the stored triangle (n²/2 loads) does both halves: 4 flops per element loaded. This is
 * the level-2 half of the tridiagonal reduction (sytd2, latrd: one symv on the trailing matrix per
 * column, 2/3·n³ of sytrd's 4/3·n³ flops), where A is read from L2/L3: the memory traffic, not the flops,
 * sets the speed, so the kernel streams four columns at a time and reuses every load of y and x four
 * times:
 *
 *   for each group of 4 columns k..k+3:
 *     the 4×4 lower diagonal block, scalar (row r gets columns k..r left to right; the dots get the
 *       rows below each diagonal inside the block, top to bottom)
 *     rows i ≥ k+4, two at a time (one f64x2):   y[i] += A[i,k]·x[k] + … + A[i,k+3]·x[k+3]   (left to right)
 *                                                t_q  += A[i,k+q]·x[i]       (lane 0: rows k+4, k+6, …;
 *                                                                            lane 1: rows k+5, k+7, …)
 *     y[k+q] += t_q(block) + ((lane 0 + lane 1) + odd last row)
 *   the last n mod 4 columns one at a time, sequentially
 *   y ← α·y  (skipped for α = 1)
 *
 * The scalar build keeps the two lanes as two scalars in the same order (ASC_FEATURE_SIMD branch), as
 * does the JS mirror, so all three agree bit for bit.
 *
 * Storage: A at `pA` (n×n, lda ≥ max(1, n), lower triangle read), x at `px` and y at `py`, unit stride,
 * n doubles each; y is not read (β = 0) and must not overlap A or x. No workspace. Returns nothing.
 *
 * Reference: Golub & Van Loan, 4th ed., §1.2.7 (symmetric storage) and §8.3.1 (its use in the
 * tridiagonalisation); reference BLAS dsymv.
 */
export function symv(n: i32, alpha: f64, pA: usize, lda: i32, px: usize, py: usize): void {
  if (n <= 0) return;
  for (let i = 0; i < n; i++) store<f64>(py + (<usize>i << 3), 0);
  const ldA = <usize>lda << 3;
  let k = 0;
  for (; k + 3 < n; k += 4) {
    const o = <usize>k << 3;
    const c0 = pA + <usize>k * ldA; // column k (row 0)
    const c1 = c0 + ldA;
    const c2 = c1 + ldA;
    const c3 = c2 + ldA;
    const x0 = load<f64>(px + o);
    const x1 = load<f64>(px + o, 8);
    const x2 = load<f64>(px + o, 16);
    const x3 = load<f64>(px + o, 24);
    // 4×4 lower diagonal block: rows k..k+3
    const a10 = load<f64>(c0 + o, 8);
    const a20 = load<f64>(c0 + o, 16);
    const a30 = load<f64>(c0 + o, 24);
    const a21 = load<f64>(c1 + o, 16);
    const a31 = load<f64>(c1 + o, 24);
    const a32 = load<f64>(c2 + o, 24);
    store<f64>(py + o, load<f64>(py + o) + load<f64>(c0 + o) * x0);
    store<f64>(py + o, load<f64>(py + o, 8) + a10 * x0 + load<f64>(c1 + o, 8) * x1, 8);
    store<f64>(py + o, load<f64>(py + o, 16) + a20 * x0 + a21 * x1 + load<f64>(c2 + o, 16) * x2, 16);
    store<f64>(py + o, load<f64>(py + o, 24) + a30 * x0 + a31 * x1 + a32 * x2 + load<f64>(c3 + o, 24) * x3, 24);
    const t0 = a10 * x1 + a20 * x2 + a30 * x3;
    const t1 = a21 * x2 + a31 * x3;
    const t2 = a32 * x3;
    // rows k+4 … n−1
    let i = k + 4;
    let s00: f64 = 0, s01: f64 = 0, s10: f64 = 0, s11: f64 = 0;
    let s20: f64 = 0, s21: f64 = 0, s30: f64 = 0, s31: f64 = 0;
    if (ASC_FEATURE_SIMD) {
      const X0 = f64x2.splat(x0);
      const X1 = f64x2.splat(x1);
      const X2 = f64x2.splat(x2);
      const X3 = f64x2.splat(x3);
      let T0 = f64x2.splat(0);
      let T1 = f64x2.splat(0);
      let T2 = f64x2.splat(0);
      let T3 = f64x2.splat(0);
      for (; i + 1 < n; i += 2) {
        const r = <usize>i << 3;
        const a0 = v128.load(c0 + r);
        const a1 = v128.load(c1 + r);
        const a2 = v128.load(c2 + r);
        const a3 = v128.load(c3 + r);
        const xv = v128.load(px + r);
        let y = v128.load(py + r);
        y = f64x2.add(y, f64x2.mul(a0, X0));
        y = f64x2.add(y, f64x2.mul(a1, X1));
        y = f64x2.add(y, f64x2.mul(a2, X2));
        y = f64x2.add(y, f64x2.mul(a3, X3));
        v128.store(py + r, y);
        T0 = f64x2.add(T0, f64x2.mul(a0, xv));
        T1 = f64x2.add(T1, f64x2.mul(a1, xv));
        T2 = f64x2.add(T2, f64x2.mul(a2, xv));
        T3 = f64x2.add(T3, f64x2.mul(a3, xv));
      }
      s00 = f64x2.extract_lane(T0, 0); s01 = f64x2.extract_lane(T0, 1);
      s10 = f64x2.extract_lane(T1, 0); s11 = f64x2.extract_lane(T1, 1);
      s20 = f64x2.extract_lane(T2, 0); s21 = f64x2.extract_lane(T2, 1);
      s30 = f64x2.extract_lane(T3, 0); s31 = f64x2.extract_lane(T3, 1);
    } else {
      for (; i + 1 < n; i += 2) {
        const r = <usize>i << 3;
        const a0 = load<f64>(c0 + r), b0 = load<f64>(c0 + r, 8);
        const a1 = load<f64>(c1 + r), b1 = load<f64>(c1 + r, 8);
        const a2 = load<f64>(c2 + r), b2 = load<f64>(c2 + r, 8);
        const a3 = load<f64>(c3 + r), b3 = load<f64>(c3 + r, 8);
        const xa = load<f64>(px + r), xb = load<f64>(px + r, 8);
        store<f64>(py + r, load<f64>(py + r) + a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3);
        store<f64>(py + r, load<f64>(py + r, 8) + b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3, 8);
        s00 += a0 * xa; s01 += b0 * xb;
        s10 += a1 * xa; s11 += b1 * xb;
        s20 += a2 * xa; s21 += b2 * xb;
        s30 += a3 * xa; s31 += b3 * xb;
      }
    }
    let u0 = s00 + s01;
    let u1 = s10 + s11;
    let u2 = s20 + s21;
    let u3 = s30 + s31;
    if (i < n) {
      // odd last row
      const r = <usize>i << 3;
      const a0 = load<f64>(c0 + r), a1 = load<f64>(c1 + r), a2 = load<f64>(c2 + r), a3 = load<f64>(c3 + r);
      const xi = load<f64>(px + r);
      store<f64>(py + r, load<f64>(py + r) + a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3);
      u0 += a0 * xi;
      u1 += a1 * xi;
      u2 += a2 * xi;
      u3 += a3 * xi;
    }
    store<f64>(py + o, load<f64>(py + o) + (t0 + u0));
    store<f64>(py + o, load<f64>(py + o, 8) + (t1 + u1), 8);
    store<f64>(py + o, load<f64>(py + o, 16) + (t2 + u2), 16);
    store<f64>(py + o, load<f64>(py + o, 24) + u3, 24);
  }
  // the last n mod 4 columns
  for (; k < n; k++) {
    const ck = pA + <usize>k * ldA;
    const o = <usize>k << 3;
    const xk = load<f64>(px + o);
    store<f64>(py + o, load<f64>(py + o) + load<f64>(ck + o) * xk);
    let t: f64 = 0;
    for (let i = k + 1; i < n; i++) {
      const r = <usize>i << 3;
      const a = load<f64>(ck + r);
      store<f64>(py + r, load<f64>(py + r) + a * xk);
      t += a * load<f64>(px + r);
    }
    store<f64>(py + o, load<f64>(py + o) + t);
  }
  if (alpha != 1) {
    for (let i = 0; i < n; i++) {
      const r = <usize>i << 3;
      store<f64>(py + r, alpha * load<f64>(py + r));
    }
  }
}
