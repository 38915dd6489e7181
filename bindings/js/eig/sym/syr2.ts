/**
 * syr2 — symmetric rank-2 update, lower triangle:  A ← A + α·(x·yᵀ + y·xᵀ)    (BLAS dsyr2, uplo = 'L'; 2n² flops)
 *
 * JS mirror of assembly/eig/sym/syr2.ts: A[j:n, j] ← (A[j:n, j] + x[j:n]·(α·y[j])) + y[j:n]·(α·x[j]),
 * x term first, column by column; the strict upper triangle is not touched.
 *
 * Storage: x[offX…], y[offY…] (unit stride, n each), A[i, j] = a[offA + i + j·lda]. Same operation
 * order as the wasm kernel, so the results agree bit for bit.
 *
 * Reference: reference BLAS dsyr2; Golub & Van Loan, 4th ed., §8.3.1.
 */
export function syr2(
  n: number, alpha: number, x: Float64Array, offX: number, y: Float64Array, offY: number,
  a: Float64Array, offA: number, lda: number,
): void {
  if (n <= 0 || alpha === 0) return;
  for (let j = 0; j < n; j++) {
    const ty = alpha * y[offY + j]!; // multiplies x
    const tx = alpha * x[offX + j]!; // multiplies y
    const cj = offA + j * lda;
    for (let i = j; i < n; i++) a[cj + i] = a[cj + i]! + x[offX + i]! * ty + y[offY + i]! * tx;
  }
}
