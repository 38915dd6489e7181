/**
 * getrans — B ← Aᵀ, out-of-place transpose of an m×n column-major matrix   (0 flops, 2mn moves)
 *
 * A at `pA` (lda ≥ m), B (n×m) at `pB` (ldb ≥ n); A and B must not overlap. Walks 8×8 tiles so that
 * both the reads down A's columns and the writes down B's columns stay within a few cache lines.
 */
// @ts-ignore: decorator
@inline const TILE: i32 = 8;

export function getrans(m: i32, n: i32, pA: usize, lda: i32, pB: usize, ldb: i32): void {
  const sa = <usize>lda << 3;
  const sb = <usize>ldb << 3;
  for (let j0 = 0; j0 < n; j0 += TILE) {
    const j1 = min(j0 + TILE, n);
    for (let i0 = 0; i0 < m; i0 += TILE) {
      const i1 = min(i0 + TILE, m);
      for (let j = j0; j < j1; j++) {
        const a = pA + <usize>j * sa;
        const b = pB + (<usize>j << 3);
        for (let i = i0; i < i1; i++) {
          store<f64>(b + <usize>i * sb, load<f64>(a + (<usize>i << 3)));
        }
      }
    }
  }
}
