/**
 * potf2 — unblocked Cholesky factorisation A = L·Lᵀ (lower)              (LAPACK dpotf2; n³/3 flops)
 *
 * JS mirror of assembly/cholesky/potf2.ts (read it for the order of work); A[i, j] = a[offA + i + j·lda]
 * is n×n symmetric positive definite; only the lower triangle (diagonal included) is read, and it is
 * overwritten by L. The strict upper triangle is not touched.
 *
 * Left-looking: a[j:, j] += Σₖ (−ℓⱼₖ)·ℓ[j:, k] (k ascending, ℓⱼₖ = 0 skipped); ℓⱼⱼ = sqrt(aⱼⱼ);
 * ℓ[j+1:, j] = a[j+1:, j] / ℓⱼⱼ — every entry through the same operations in the same order as the wasm
 * kernel (and as the right-looking axpy form), so the bits agree.
 *
 * Returns 0, or j + 1 when the leading minor of order j + 1 is not positive definite (aⱼⱼ ≤ 0 or NaN
 * after the updates); columns j+1… are then left untouched.
 */
export function potf2(n: number, a: Float64Array, offA: number, lda: number): number {
  for (let j = 0; j < n; j++) {
    const colj = offA + j * lda;
    const end = colj + n;
    for (let k = 0, ck = offA; k < j; k++, ck += lda) {
      const lk = a[ck + j]!;
      if (lk !== 0) {
        const al = -lk;
        const d = ck - colj;
        for (let i = colj + j; i < end; i++) a[i] = a[i]! + al * a[i + d]!;
      }
    }
    const djj = a[colj + j]!;
    if (!(djj > 0)) return j + 1;
    const l = Math.sqrt(djj);
    a[colj + j] = l;
    for (let i = colj + j + 1; i < end; i++) a[i] = a[i]! / l;
  }
  return 0;
}
