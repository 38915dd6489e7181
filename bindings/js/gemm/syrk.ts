/**
 * syrk — symmetric rank-k update, one triangle of C:       (BLAS dsyrk; n²k flops)
 *
 *   trans = 0:  C ← α·A·Aᵀ + β·C,   A is n×k (lda ≥ n)
 *   trans = 1:  C ← α·Aᵀ·A + β·C,   A is k×n (lda ≥ k)
 *
 * JS mirror of assembly/gemm/syrk.ts (read it for the recursion and the leaf size); A[i, j] =
 * a[offA + i + j·lda], C[i, j] = c[offC + i + j·ldc]. Only the lower (uplo = 0) or upper (uplo = 1)
 * triangle of C is read and written. β = 0 means C is not read.
 *
 * Workspace: `syrkScratch(n, k)` doubles at w[offW…].
 */
import { gemm, gemmScratch } from './gemm.js';
import { tune, T_GEMM_MC } from '../tuning.js';

function leaf(): number {
  return Math.min(32, tune(T_GEMM_MC));
}

export function syrkScratch(n: number, k: number): number {
  const nb = Math.min(n, leaf());
  return gemmScratch(n, n, k) + nb * nb + 2; // +2: the wasm build aligns the tile to 16 bytes
}

export function syrk(
  uplo: number, trans: number, n: number, k: number, alpha: number,
  a: Float64Array, offA: number, lda: number, beta: number, c: Float64Array, offC: number, ldc: number,
  w: Float64Array, offW: number,
): void {
  if (n <= 0) return;
  // Tile T after gemm's workspace, at an even element count like the wasm build's 16-byte alignment.
  const gs = gemmScratch(n, n, k);
  const offT = offW + gs + (gs & 1);
  rec(uplo, trans, n, k, alpha, a, offA, lda, beta, c, offC, ldc, w, offW, offT);
}

function rec(
  uplo: number, trans: number, n: number, k: number, alpha: number,
  a: Float64Array, offA: number, lda: number, beta: number, c: Float64Array, offC: number, ldc: number,
  w: Float64Array, offW: number, offT: number,
): void {
  if (n <= leaf()) {
    gemm(trans, trans ^ 1, n, n, k, alpha, a, offA, lda, a, offA, lda, 0, w, offT, n, w, offW);
    for (let j = 0; j < n; j++) {
      const cj = offC + j * ldc;
      const tj = offT + j * n;
      const i0 = uplo ? 0 : j;
      const i1 = uplo ? j + 1 : n;
      for (let i = i0; i < i1; i++) {
        const t = w[tj + i]!;
        c[cj + i] = beta === 0 ? t : t + beta * c[cj + i]!;
      }
    }
    return;
  }
  const n1 = n >> 1;
  const n2 = n - n1;
  const offA2 = trans ? offA + n1 * lda : offA + n1;
  rec(uplo, trans, n1, k, alpha, a, offA, lda, beta, c, offC, ldc, w, offW, offT);
  if (uplo === 0) {
    gemm(trans, trans ^ 1, n2, n1, k, alpha, a, offA2, lda, a, offA, lda, beta, c, offC + n1, ldc, w, offW);
  } else {
    gemm(trans, trans ^ 1, n1, n2, k, alpha, a, offA, lda, a, offA2, lda, beta, c, offC + n1 * ldc, ldc, w, offW);
  }
  rec(uplo, trans, n2, k, alpha, a, offA2, lda, beta, c, offC + n1 + n1 * ldc, ldc, w, offW, offT);
}
