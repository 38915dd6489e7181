/**
 * potf2 — unblocked Cholesky factorisation A = L·Lᵀ (lower)              (LAPACK dpotf2; n³/3 flops)
 *
 * A is n×n symmetric positive definite, column-major at `pA`; only the lower triangle (diagonal
 * included) is read, and it is overwritten by L. The strict upper triangle is not touched.
 *
 * Left-looking (column) form, Golub & Van Loan 4th ed. Alg. 4.2.1 / LAPACK dpotf2's order of work: for
 * j = 0, 1, …
 *   a[j:, j] += Σₖ (−ℓⱼₖ)·ℓ[j:, k]  (k = 0 … j−1 in order, terms with ℓⱼₖ = 0 skipped);
 *   ℓⱼⱼ = sqrt(aⱼⱼ);  ℓ[j+1:, j] = a[j+1:, j] / ℓⱼⱼ.
 * Every entry sees exactly the operations of the right-looking outer-product form (Alg. 4.2.2: after
 * step k, A[k+1:, k+1:] −= ℓ[k+1:, k]·ℓ[k+1:, k]ᵀ one axpy per column, skipping a zero multiplier), in
 * the same order — y ← y + (−ℓⱼₖ)·x, k ascending — so the bits are those of that form; but the column
 * being finished stays in registers (8 rows at a time, four v128 accumulators) while the finished
 * columns stream past, instead of one axpy call per column pair reading and writing the trailing
 * matrix: at n = 32 (potrf's diagonal blocks) it takes a fraction of the axpy form's time.
 *
 * Returns 0, or j + 1 when the leading minor of order j + 1 is not positive definite (aⱼⱼ ≤ 0 or NaN
 * after the updates); columns j+1… are then left untouched (LAPACK leaves them partly updated; no
 * caller reads them).
 */

export function potf2(n: i32, pA: usize, lda: i32): i32 {
  const ldA = <usize>lda << 3;
  for (let j = 0; j < n; j++) {
    const colj = pA + <usize>j * ldA;
    const rowj = <usize>j << 3;
    let i = j;
    if (ASC_FEATURE_SIMD) {
      for (; i + 7 < n; i += 8) {
        const py = colj + (<usize>i << 3);
        let y0 = v128.load(py);
        let y1 = v128.load(py, 16);
        let y2 = v128.load(py, 32);
        let y3 = v128.load(py, 48);
        let pk = pA;
        for (let k = 0; k < j; k++, pk += ldA) {
          const lk = load<f64>(pk + rowj);
          if (lk != 0) {
            const a = f64x2.splat(-lk);
            const px = pk + (<usize>i << 3);
            y0 = f64x2.add(y0, f64x2.mul(a, v128.load(px)));
            y1 = f64x2.add(y1, f64x2.mul(a, v128.load(px, 16)));
            y2 = f64x2.add(y2, f64x2.mul(a, v128.load(px, 32)));
            y3 = f64x2.add(y3, f64x2.mul(a, v128.load(px, 48)));
          }
        }
        v128.store(py, y0);
        v128.store(py, y1, 16);
        v128.store(py, y2, 32);
        v128.store(py, y3, 48);
      }
      for (; i + 1 < n; i += 2) {
        const py = colj + (<usize>i << 3);
        let y = v128.load(py);
        let pk = pA;
        for (let k = 0; k < j; k++, pk += ldA) {
          const lk = load<f64>(pk + rowj);
          if (lk != 0) y = f64x2.add(y, f64x2.mul(f64x2.splat(-lk), v128.load(pk + (<usize>i << 3))));
        }
        v128.store(py, y);
      }
    }
    for (; i < n; i++) {
      const py = colj + (<usize>i << 3);
      let y = load<f64>(py);
      let pk = pA;
      for (let k = 0; k < j; k++, pk += ldA) {
        const lk = load<f64>(pk + rowj);
        if (lk != 0) y = y + -lk * load<f64>(pk + (<usize>i << 3));
      }
      store<f64>(py, y);
    }
    const d = load<f64>(colj + rowj);
    if (!(d > 0)) return j + 1;
    const l = Math.sqrt(d);
    store<f64>(colj + rowj, l);
    for (let r = j + 1; r < n; r++) {
      const o = colj + (<usize>r << 3);
      store<f64>(o, load<f64>(o) / l);
    }
  }
  return 0;
}
