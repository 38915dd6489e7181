/**
 * rref — reduced row echelon form by Gauss–Jordan elimination with partial pivoting   (≈ m·n·r flops)
 *
 * JS mirror of assembly/lu/rref.ts; A[i, j] = a[offA + i + j·lda], pivots[r] = piv[offPiv + r]. For
 * each column j while r < m: the first row p ≥ r of the largest |A[p, j]|; |A[p, j]| ≤ tol (or NaN)
 * → column j free, A[r…m−1, j] ← 0; else swap rows p and r (columns j…n−1), divide row r by the pivot,
 * subtract A[i, j]·(row r) from every other row (column by column), A[·, j] ← e_r, pivots[r] = j.
 * One multiply and one subtract per updated entry, as the two SIMD lanes do. Returns the rank r.
 */
export function rref(
  m: number, n: number, a: Float64Array, offA: number, lda: number, tol: number, piv: Int32Array, offPiv: number,
): number {
  if (m <= 0 || n <= 0) return 0;
  let r = 0;
  for (let j = 0; j < n && r < m; j++) {
    const cj = offA + j * lda;
    let p = r;
    let best = Math.abs(a[cj + r]!);
    for (let i = r + 1; i < m; i++) {
      const x = Math.abs(a[cj + i]!);
      if (x > best) {
        best = x;
        p = i;
      }
    }
    if (!(best > tol)) {
      for (let i = r; i < m; i++) a[cj + i] = 0;
      continue;
    }
    if (p !== r) {
      for (let c = j; c < n; c++) {
        const col = offA + c * lda;
        const t = a[col + r]!;
        a[col + r] = a[col + p]!;
        a[col + p] = t;
      }
    }
    const d = a[cj + r]!;
    for (let c = j + 1; c < n; c++) {
      const col = offA + c * lda;
      const t = a[col + r]! / d;
      a[col + r] = t;
      for (let i = 0; i < r; i++) a[col + i] = a[col + i]! - a[cj + i]! * t;
      for (let i = r + 1; i < m; i++) a[col + i] = a[col + i]! - a[cj + i]! * t;
    }
    for (let i = 0; i < m; i++) a[cj + i] = 0;
    a[cj + r] = 1;
    piv[offPiv + r] = j;
    r++;
  }
  return r;
}
