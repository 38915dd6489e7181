/**
 * symmetrize — copy the strict lower triangle of an n×n column-major matrix into the strict upper
 * one: A[i, j] ← A[j, i] for i < j                                   (0 flops, n² moves)
 *
 * A at `pA`, lda ≥ n. Used after syrk (which writes one triangle) to give a full symmetric matrix.
 * Walks 8×8 tiles, as getrans.ts does, so that the strided reads along rows of the lower triangle
 * stay within a few cache lines instead of missing once per element.
 */
// @ts-ignore: decorator
@inline const TILE: i32 = 8;

export function symmetrize(n: i32, pA: usize, lda: i32): void {
  const ld = <usize>lda << 3;
  for (let j0 = 0; j0 < n; j0 += TILE) {
    const j1 = min(j0 + TILE, n);
    for (let i0 = 0; i0 <= j0; i0 += TILE) {
      const i1 = min(i0 + TILE, n);
      for (let j = j0; j < j1; j++) {
        const dst = pA + <usize>j * ld; //          column j: A[i, j]
        const src = pA + (<usize>j << 3); //        row j:    A[j, i] = src + i·ld
        const iEnd = min(i1, j);
        for (let i = i0; i < iEnd; i++) store<f64>(dst + (<usize>i << 3), load<f64>(src + <usize>i * ld));
      }
    }
  }
}
