/**
 * syr2k — symmetric rank-2k update, lower triangle, through the packed GEMM     (BLAS dsyr2k, uplo = 'L',
 *                                                                              trans = 'N'; 2n²k flops)
 *
 *   C ← α·(A·Bᵀ + B·Aᵀ) + β·C,     A, B n×k,  C n×n (lower triangle read and written)
 *
 * JS mirror of assembly/eig/sym/syr2k.ts (read it for the partition). A·Bᵀ + B·Aᵀ = X·Yᵀ with X = [A B],
 * Y = [B A], both in one copy Z = [A B A] in the workspace: one gemm of depth 2k per block. Block columns
 * of width MC; the diagonal block in column tiles of width nd = min(MC, SYR2K_NBD), each tile's nd×nd
 * diagonal part formed whole in T and merged into the lower triangle (C ← T + β·C), the rest of the
 * tile's columns inside the block and the block below by gemm straight into C.
 *
 * Storage: M[i, j] = m[offM + i + j·ldm] for A, B, C. β = 0 means C is not read. Workspace: w[offW…],
 * `syr2kScratch(n, k)` doubles. Same operation order as the wasm kernel, so the results agree bit for bit.
 *
 * Reference: reference BLAS dsyr2k.
 */
import { gemm, gemmScratch } from '../../gemm/gemm.js';
import { even } from '../../util.js';
import { tune, T_GEMM_MC } from '../../tuning.js';

/** Width of the diagonal tiles (assembly/eig/sym/syr2k.ts: measured there). */
export const SYR2K_NBD = 32;

/** Doubles of workspace `syr2k` needs, with the GEMM blocking in force. */
export function syr2kScratch(n: number, k: number): number {
  if (n <= 0) return 0;
  const nb = Math.max(1, Math.min(n, tune(T_GEMM_MC)));
  const nd = Math.min(nb, SYR2K_NBD);
  return even(3 * n * k) + even(Math.max(gemmScratch(n, nb, 2 * k), gemmScratch(nd, nd, 2 * k))) + nd * nd;
}

export function syr2k(
  n: number, k: number, alpha: number, a: Float64Array, offA: number, lda: number,
  b: Float64Array, offB: number, ldb: number, beta: number, c: Float64Array, offC: number, ldc: number,
  w: Float64Array, offW: number,
): void {
  if (n <= 0) return;
  const nb = Math.min(n, tune(T_GEMM_MC));
  const nd = Math.min(nb, SYR2K_NBD);
  // Z = [A B A] (n×3k, ld n): X = Z[:, 0:2k] = [A B], Y = Z[:, k:3k] = [B A], X·Yᵀ = A·Bᵀ + B·Aᵀ
  const offX = offW;
  const offY = offX + k * n;
  for (let j = 0; j < k; j++) {
    const aj = offA + j * lda;
    const bj = offB + j * ldb;
    const z0 = offX + j * n;
    const z1 = offY + j * n;
    const z2 = z1 + k * n;
    for (let i = 0; i < n; i++) {
      const av = a[aj + i]!;
      w[z0 + i] = av;
      w[z1 + i] = b[bj + i]!;
      w[z2 + i] = av;
    }
  }
  const k2 = 2 * k;
  const offG = offW + even(3 * n * k);
  const g = Math.max(gemmScratch(n, nb, k2), gemmScratch(nd, nd, k2));
  const offT = offG + even(g);
  for (let j0 = 0; j0 < n; j0 += nb) {
    const jb = Math.min(nb, n - j0);
    const j1 = j0 + jb;
    // the diagonal block in tiles of nd columns: the nd×nd diagonal part through T, the rest straight into C
    for (let s0 = j0; s0 < j1; s0 += nd) {
      const sb = Math.min(nd, j1 - s0);
      gemm(0, 1, sb, sb, k2, alpha, w, offX + s0, n, w, offY + s0, n, 0, w, offT, sb, w, offG);
      for (let j = 0; j < sb; j++) {
        const cj = offC + (s0 + j) * ldc + s0;
        const tj = offT + j * sb;
        for (let i = j; i < sb; i++) {
          const t = w[tj + i]!;
          c[cj + i] = beta === 0 ? t : t + beta * c[cj + i]!;
        }
      }
      const s1 = s0 + sb;
      if (s1 < j1) gemm(0, 1, j1 - s1, sb, k2, alpha, w, offX + s1, n, w, offY + s0, n, beta, c, offC + s0 * ldc + s1, ldc, w, offG);
    }
    if (j1 < n) {
      // C2J ← α·X[j1:n]·Y[J]ᵀ + β·C2J
      gemm(0, 1, n - j1, jb, k2, alpha, w, offX + j1, n, w, offY + j0, n, beta, c, offC + j0 * ldc + j1, ldc, w, offG);
    }
  }
}
