/**
 * syr2k — symmetric rank-2k update, lower triangle, through the packed GEMM     (BLAS dsyr2k, uplo = 'L',
 *                                                                              trans = 'N'; 2n²k flops)
 *
 *   C ← α·(A·Bᵀ + B·Aᵀ) + β·C,     A, B n×k,  C n×n (lower triangle read and written)
 *
 * JS mirror of assembly/eig/sym/syr2k.ts (read it for the partition). Block columns of width MC: the
 * diagonal block formed whole in a tile T by two gemm calls and merged into the lower triangle
 * (C ← T + β·C), the block below by two gemm calls (the second with β' = 1).
 *
 * Storage: X[i, j] = x[offX + i + j·ldx] for A, B, C. β = 0 means C is not read. Workspace: w[offW…],
 * `syr2kScratch(n, k)` doubles. Same operation order as the wasm kernel, so the results agree bit for bit.
 *
 * Reference: reference BLAS dsyr2k.
 */
import { gemm, gemmScratch } from '../../gemm/gemm.js';
import { tune, T_GEMM_MC } from '../../tuning.js';

/** Doubles of workspace `syr2k` needs, with the GEMM blocking in force. */
export function syr2kScratch(n: number, k: number): number {
  const nb = Math.max(1, Math.min(n, tune(T_GEMM_MC)));
  const g = gemmScratch(n, nb, k);
  return g + (g & 1) + nb * nb;
}

export function syr2k(
  n: number, k: number, alpha: number, a: Float64Array, offA: number, lda: number,
  b: Float64Array, offB: number, ldb: number, beta: number, c: Float64Array, offC: number, ldc: number,
  w: Float64Array, offW: number,
): void {
  if (n <= 0) return;
  const nb = Math.min(n, tune(T_GEMM_MC));
  const g = gemmScratch(n, nb, k);
  const offT = offW + g + (g & 1);
  for (let j0 = 0; j0 < n; j0 += nb) {
    const jb = Math.min(nb, n - j0);
    const aJ = offA + j0;
    const bJ = offB + j0;
    // T ← α·A[J]·B[J]ᵀ + α·B[J]·A[J]ᵀ
    gemm(0, 1, jb, jb, k, alpha, a, aJ, lda, b, bJ, ldb, 0, w, offT, jb, w, offW);
    gemm(0, 1, jb, jb, k, alpha, b, bJ, ldb, a, aJ, lda, 1, w, offT, jb, w, offW);
    // CJJ ← lower(T) + β·lower(CJJ)
    for (let j = 0; j < jb; j++) {
      const cj = offC + (j0 + j) * ldc + j0;
      const tj = offT + j * jb;
      for (let i = j; i < jb; i++) {
        const t = w[tj + i]!;
        c[cj + i] = beta === 0 ? t : t + beta * c[cj + i]!;
      }
    }
    const j1 = j0 + jb;
    if (j1 < n) {
      // C2J ← α·A[j1:n]·B[J]ᵀ + β·C2J + α·B[j1:n]·A[J]ᵀ
      const c2 = offC + j0 * ldc + j1;
      gemm(0, 1, n - j1, jb, k, alpha, a, offA + j1, lda, b, bJ, ldb, beta, c, c2, ldc, w, offW);
      gemm(0, 1, n - j1, jb, k, alpha, b, offB + j1, ldb, a, aJ, lda, 1, c, c2, ldc, w, offW);
    }
  }
}
