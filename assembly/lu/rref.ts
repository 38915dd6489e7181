/**
 * rref — reduced row echelon form by Gauss–Jordan elimination with partial pivoting   (≈ m·n·r flops)
 *
 * The textbook algorithm (G. Strang, Introduction to Linear Algebra, 5th ed., §3.2; Golub & Van Loan,
 * Matrix Computations, 4th ed., §3.2 for Gaussian elimination with partial pivoting; as MATLAB's
 * `rref`), in place on the m×n column-major A at `pA` (leading dimension lda). With r the next pivot
 * row, for each column j = 0, 1, … while r < m:
 *   - p = the row in r…m−1 of the largest |A[p, j]| (the first on ties);
 *   - if |A[p, j]| ≤ tol (or NaN): column j is free; A[r…m−1, j] ← 0;
 *   - else swap rows p and r (columns j…n−1: to the left both rows are zero), divide row r by the
 *     pivot (A[r, j] ← 1 exactly), subtract A[i, j]·(row r) from every other row i (A[i, j] ← 0
 *     exactly), record pivots[r] = j, r ← r + 1.
 * Because the pivot is the column maximum, |A[i, j]/A[r, j]| ≤ 1 and the update of row i adds at most
 * |A[r, c]| — no overflow on scaled data beyond the element growth of partial pivoting.
 *
 * The update runs column by column (column c ← column c − A[r, c]·column j, rows ≠ r), two rows per
 * v128 lane pair; every entry gets one multiply and one subtract, so the JS mirror's scalar loop gives
 * the same bits.
 *
 * Output: A overwritten by its reduced row echelon form; the first r entries of the i32 array at
 * `pPiv` the pivot columns, ascending. Returns r (the rank found by elimination). No workspace.
 */
export function rref(m: i32, n: i32, pA: usize, lda: i32, tol: f64, pPiv: usize): i32 {
  if (m <= 0 || n <= 0) return 0;
  const ldA = <usize>lda << 3;
  let r = 0;
  for (let j = 0; j < n && r < m; j++) {
    const cj = pA + <usize>j * ldA;
    let p = r;
    let best = Math.abs(load<f64>(cj + (<usize>r << 3)));
    for (let i = r + 1; i < m; i++) {
      const x = Math.abs(load<f64>(cj + (<usize>i << 3)));
      if (x > best) {
        best = x;
        p = i;
      }
    }
    if (!(best > tol)) {
      for (let i = r; i < m; i++) store<f64>(cj + (<usize>i << 3), 0);
      continue;
    }
    if (p != r) {
      for (let c = j; c < n; c++) {
        const col = pA + <usize>c * ldA;
        const a = col + (<usize>r << 3);
        const b = col + (<usize>p << 3);
        const t = load<f64>(a);
        store<f64>(a, load<f64>(b));
        store<f64>(b, t);
      }
    }
    const d = load<f64>(cj + (<usize>r << 3));
    for (let c = j + 1; c < n; c++) {
      const col = pA + <usize>c * ldA;
      const a = col + (<usize>r << 3);
      const t = load<f64>(a) / d;
      store<f64>(a, t);
      update(col, cj, 0, r, t);
      update(col, cj, r + 1, m, t);
    }
    for (let i = 0; i < m; i++) store<f64>(cj + (<usize>i << 3), 0);
    store<f64>(cj + (<usize>r << 3), 1);
    store<i32>(pPiv + (<usize>r << 2), j);
    r++;
  }
  return r;
}

/** col[i] ← col[i] − x[i]·t for i in [i0, i1), two rows per v128 in the SIMD build. */
// @ts-ignore: decorator
@inline function update(col: usize, x: usize, i0: i32, i1: i32, t: f64): void {
  let i = i0;
  if (ASC_FEATURE_SIMD) {
    const tv = f64x2.splat(t);
    for (; i + 1 < i1; i += 2) {
      const o = <usize>i << 3;
      v128.store(col + o, f64x2.sub(v128.load(col + o), f64x2.mul(v128.load(x + o), tv)));
    }
  }
  for (; i < i1; i++) {
    const o = <usize>i << 3;
    store<f64>(col + o, load<f64>(col + o) - load<f64>(x + o) * t);
  }
}
