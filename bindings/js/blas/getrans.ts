/**
 * getrans — B ← Aᵀ, out-of-place transpose of an m×n column-major matrix   (0 flops, 2mn moves)
 *
 * JS mirror of assembly/blas/getrans.ts. A[i, j] = a[offA + i + j·lda] (lda ≥ m), B (n×m) at
 * b[offB + j + i·ldb] (ldb ≥ n); A and B must not overlap. Walks 8×8 tiles so that both the reads
 * down A's columns and the writes down B's columns stay within a few cache lines.
 */
const TILE = 8;

export function getrans(m: number, n: number, a: Float64Array, offA: number, lda: number, b: Float64Array, offB: number, ldb: number): void {
  for (let j0 = 0; j0 < n; j0 += TILE) {
    const j1 = Math.min(j0 + TILE, n);
    for (let i0 = 0; i0 < m; i0 += TILE) {
      const i1 = Math.min(i0 + TILE, m);
      for (let j = j0; j < j1; j++) {
        const ca = offA + j * lda;
        let ib = offB + j + i0 * ldb;
        for (let i = i0; i < i1; i++) {
          b[ib] = a[ca + i]!;
          ib += ldb;
        }
      }
    }
  }
}
