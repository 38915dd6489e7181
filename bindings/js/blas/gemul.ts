/**
 * gemul — C ← A ∘ B, the element-wise (Hadamard) product of m×n column-major matrices   (mn flops)
 *
 * JS mirror of assembly/blas/gemul.ts. A[i, j] = a[offA + i + j·lda], B and C likewise; C may alias
 * A or B exactly.
 */
export function gemul(
  m: number, n: number, a: Float64Array, offA: number, lda: number,
  b: Float64Array, offB: number, ldb: number, c: Float64Array, offC: number, ldc: number,
): void {
  if (m <= 0 || n <= 0) return;
  for (let j = 0; j < n; j++) {
    const ca = offA + j * lda;
    const cb = offB + j * ldb - ca;
    const cc = offC + j * ldc - ca;
    const end = ca + m;
    for (let i = ca; i < end; i++) c[i + cc] = a[i]! * b[i + cb]!;
  }
}
