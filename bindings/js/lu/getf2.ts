/**
 * getf2 — unblocked LU factorisation with partial pivoting: P·A = L·U     (LAPACK dgetf2; ≈ mn² − n³/3 flops)
 *
 * JS mirror of assembly/lu/getf2.ts; A[i, j] = a[offA + i + j·lda] is m×n. On exit L (unit lower
 * trapezoidal, its unit diagonal not stored) is below the diagonal and U on and above it. ipiv
 * (min(m, n) entries at ipiv[offIpiv…], 0-based): row i was interchanged with row ipiv[i] ≥ i, in
 * order i = 0, 1, … .
 *
 * Right-looking, column by column: pivot = first max |A[j:m, j]|; swap rows j and pivot across all n
 * columns; divide the column below the diagonal by the pivot; rank-1 update of the trailing block,
 * one axpy per column. An exactly zero pivot column is left as it is and the factorisation continues.
 *
 * Returns 0, or j + 1 for the first j with U[j, j] = 0 (the matrix is singular).
 */
import { iamax } from '../blas/iamax.js';
import { axpy } from '../blas/axpy.js';

export function getf2(
  m: number, n: number, a: Float64Array, offA: number, lda: number, ipiv: Int32Array, offIpiv: number,
): number {
  const kmax = Math.min(m, n);
  let info = 0;
  for (let j = 0; j < kmax; j++) {
    const colj = offA + j * lda;
    const p = j + iamax(m - j, a, colj + j, 1);
    ipiv[offIpiv + j] = p;
    const piv = a[colj + p]!;
    if (piv !== 0) {
      if (p !== j) {
        for (let c = 0; c < n; c++) {
          const col = offA + c * lda;
          const t = a[col + j]!;
          a[col + j] = a[col + p]!;
          a[col + p] = t;
        }
      }
      for (let i = colj + j + 1, end = colj + m; i < end; i++) a[i] = a[i]! / piv;
    } else if (info === 0) {
      info = j + 1;
    }
    // A[j+1:m, j+1:n] −= A[j+1:m, j]·A[j, j+1:n]
    if (j + 1 < m) {
      for (let c = j + 1; c < n; c++) {
        const col = offA + c * lda;
        const u = a[col + j]!;
        if (u !== 0) axpy(m - j - 1, -u, a, colj + j + 1, 1, a, col + j + 1, 1);
      }
    }
  }
  return info;
}
