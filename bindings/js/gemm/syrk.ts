/**
 * syrk — symmetric rank-k update, one triangle of C:       (BLAS dsyrk; n²k flops)
 *
 *   trans = 0:  C ← α·A·Aᵀ + β·C,   A is n×k (lda ≥ n)
 *   trans = 1:  C ← α·Aᵀ·A + β·C,   A is k×n (lda ≥ k)
 *
 * JS mirror of assembly/gemm/syrk.ts; A[i, j] = a[offA + i + j·lda], C[i, j] = c[offC + i + j·ldc].
 * Only the lower (uplo = 0) or upper (uplo = 1) triangle of C, diagonal included, is read and
 * written; the other strict triangle is left untouched. β = 0 means C is not read.
 *
 * Blocked by column blocks of width nb = MC: each diagonal block is computed whole by gemm into a
 * workspace tile T (β = 0) and only its triangle is merged, C[i, j] ← T[i, j] + β·C[i, j]; the
 * off-diagonal blocks below (lower) or above (upper) go straight through gemm.
 *
 * Workspace: `syrkScratch(n, k)` doubles at w[offW…].
 */
import { MC } from './blocking.js';
import { gemm, gemmScratch } from './gemm.js';

export function syrkScratch(n: number, k: number): number {
  const nb = Math.min(n, MC);
  return gemmScratch(n, nb, k) + nb * nb + 2; // +2: the wasm build aligns the tile to 16 bytes
}

export function syrk(
  uplo: number, trans: number, n: number, k: number, alpha: number,
  a: Float64Array, offA: number, lda: number, beta: number, c: Float64Array, offC: number, ldc: number,
  w: Float64Array, offW: number,
): void {
  if (n <= 0) return;
  const nb = Math.min(n, MC);
  // Tile T after gemm's workspace; rounded to an even element count like the wasm build's 16-byte
  // alignment (placement only, the values do not depend on it).
  const gs = gemmScratch(n, nb, k);
  const offT = offW + gs + (gs & 1);
  const transB = trans ^ 1;
  for (let j0 = 0; j0 < n; j0 += nb) {
    const jb = Math.min(nb, n - j0);
    // Rows j0..j0+jb of op(A): op(A)[r, :] starts at A + r (trans = 0) or A + r·lda (trans = 1).
    const rowsJ = trans ? offA + j0 * lda : offA + j0;
    // Diagonal block into T.
    gemm(trans, transB, jb, jb, k, alpha, a, rowsJ, lda, a, rowsJ, lda, 0, w, offT, jb, w, offW);
    for (let j = 0; j < jb; j++) {
      const cj = offC + (j0 + j) * ldc + j0;
      const tj = offT + j * jb;
      const i0 = uplo ? 0 : j;
      const i1 = uplo ? j + 1 : jb;
      for (let i = i0; i < i1; i++) {
        const t = w[tj + i]!;
        c[cj + i] = beta === 0 ? t : t + beta * c[cj + i]!;
      }
    }
    if (uplo === 0) {
      const j1 = j0 + jb;
      if (j1 < n) {
        const rowsBelow = trans ? offA + j1 * lda : offA + j1;
        gemm(trans, transB, n - j1, jb, k, alpha, a, rowsBelow, lda, a, rowsJ, lda, beta,
          c, offC + j0 * ldc + j1, ldc, w, offW);
      }
    } else if (j0 > 0) {
      gemm(trans, transB, j0, jb, k, alpha, a, offA, lda, a, rowsJ, lda, beta, c, offC + j0 * ldc, ldc, w, offW);
    }
  }
}
