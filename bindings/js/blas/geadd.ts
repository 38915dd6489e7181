/**
 * geadd — C ← α·A + β·B, element-wise on m×n column-major matrices    (mn to 3mn flops)
 *
 * JS mirror of assembly/blas/geadd.ts. A[i, j] = a[offA + i + j·lda], B and C likewise; C may alias
 * A or B exactly (same array, offset and leading dimension). Every term is computed as written (no
 * shortcut for α or β equal to 0 or 1), so NaN and Inf propagate as IEEE says; `A − B` is
 * geadd(1, A, −1, B). (Scaling is not geadd(α, A, 0, A): 0·Inf would turn Inf into NaN.)
 */
export function geadd(
  m: number, n: number, alpha: number, a: Float64Array, offA: number, lda: number,
  beta: number, b: Float64Array, offB: number, ldb: number, c: Float64Array, offC: number, ldc: number,
): void {
  if (m <= 0 || n <= 0) return;
  for (let j = 0; j < n; j++) {
    const ca = offA + j * lda;
    const cb = offB + j * ldb - ca;
    const cc = offC + j * ldc - ca;
    const end = ca + m;
    for (let i = ca; i < end; i++) c[i + cc] = alpha * a[i]! + beta * b[i + cb]!;
  }
}
