/**
 * symmetrize — copy the strict lower triangle of an n×n column-major matrix into the strict upper
 * one (A[i, j] ← A[j, i] for i < j), in 8×8 tiles. JS mirror of assembly/blas/symmetrize.ts.
 */
const TILE = 8;

export function symmetrize(n: number, a: Float64Array, offA: number, lda: number): void {
  for (let j0 = 0; j0 < n; j0 += TILE) {
    const j1 = Math.min(j0 + TILE, n);
    for (let i0 = 0; i0 <= j0; i0 += TILE) {
      const i1 = Math.min(i0 + TILE, n);
      for (let j = j0; j < j1; j++) {
        const dst = offA + j * lda;
        const src = offA + j;
        const iEnd = Math.min(i1, j);
        for (let i = i0; i < iEnd; i++) a[dst + i] = a[src + i * lda]!;
      }
    }
  }
}
