/**
 * laswp — apply a sequence of row interchanges to the columns of a matrix          (LAPACK dlaswp)
 *
 * JS mirror of assembly/lu/laswp.ts; A[i, j] = a[offA + i + j·lda], ipiv[i] = ipiv[offIpiv + i].
 * For i = k1, …, k2−1 (forward; 0-based, half-open) swap rows i and ipiv[i] in each of the `n`
 * columns of A (ipiv[i] ≥ i, as getf2/getrf produce). `reverse = 1` applies them in the opposite
 * order (k2−1 down to k1), which undoes the forward sequence — used to apply Pᵀ.
 */
export function laswp(
  n: number, a: Float64Array, offA: number, lda: number, k1: number, k2: number,
  ipiv: Int32Array, offIpiv: number, reverse: number,
): void {
  if (n <= 0 || k2 <= k1) return;
  for (let c = 0; c < n; c++) {
    const col = offA + c * lda;
    if (!reverse) {
      for (let i = k1; i < k2; i++) swapRows(a, col, i, ipiv[offIpiv + i]!);
    } else {
      for (let i = k2 - 1; i >= k1; i--) swapRows(a, col, i, ipiv[offIpiv + i]!);
    }
  }
}

function swapRows(a: Float64Array, col: number, i: number, p: number): void {
  if (p !== i) {
    const t = a[col + i]!;
    a[col + i] = a[col + p]!;
    a[col + p] = t;
  }
}
