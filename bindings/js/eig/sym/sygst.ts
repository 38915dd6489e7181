/**
 * sygst — reduce a symmetric-definite generalised eigenproblem to standard form, blocked
 *                                                              (LAPACK dsygst, uplo = 'L'; ≈ n³ flops)
 *
 *   itype = 1: A ← L⁻¹·A·L⁻ᵀ;   itype = 2, 3: A ← Lᵀ·A·L      (B = L·Lᵀ from potrf, lower triangles)
 *
 * JS mirror of assembly/eig/sym/sygst.ts (read it for the partition diagrams): the same blocks (NB =
 * T_POTRF_NB from this module's tuning table), the same workspace layout and the same kernel calls in the
 * same order, so the results agree bit for bit.
 *
 * Storage: A[i, j] = a[offA + i + j·lda] (lower triangle read and overwritten), L[i, j] = b[offB + i +
 * j·ldb] (lower triangle read). Workspace: w[offW…], `sygstScratch(n)` doubles.
 *
 * Reference: LAPACK dsygst; Golub & Van Loan, 4th ed., §8.7.2.
 */
import { sygs2 } from './sygs2.js';
import { syr2k, syr2kScratch } from './syr2k.js';
import { gemm, gemmScratch } from '../../gemm/gemm.js';
import { trsm, trsmScratch } from '../../trsm/trsm.js';
import { trmm } from '../../trsm/trmm.js';
import { even } from '../../util.js';
import { tune, T_POTRF_NB } from '../../tuning.js';

/** Doubles of workspace `sygst` needs (0 when it runs unblocked), with the tuning in force. */
export function sygstScratch(n: number): number {
  const nb = tune(T_POTRF_NB);
  if (nb <= 1 || nb >= n) return 0;
  return even(nb * nb) + 2 * even(n * nb) + Math.max(gemmScratch(n, n, n), syr2kScratch(n, nb), trsmScratch(n, nb));
}

/** S (kb×kb, ld kb) ← the full symmetric matrix whose lower triangle is at a[offA…]. */
function full(kb: number, a: Float64Array, offA: number, lda: number, s: Float64Array, offS: number): void {
  for (let j = 0; j < kb; j++) {
    for (let i = j; i < kb; i++) {
      const v = a[offA + j * lda + i]!;
      s[offS + i + j * kb] = v;
      s[offS + j + i * kb] = v;
    }
  }
}

/** T (c×r, ld c) ← Xᵀ for the r×c block X at x[offX…]. */
function transpose(r: number, c: number, x: Float64Array, offX: number, ldx: number, t: Float64Array, offT: number): void {
  for (let j = 0; j < c; j++) {
    for (let i = 0; i < r; i++) t[offT + j + i * c] = x[offX + j * ldx + i]!;
  }
}

export function sygst(
  itype: number, n: number, a: Float64Array, offA: number, lda: number, b: Float64Array, offB: number, ldb: number,
  w: Float64Array, offW: number,
): void {
  if (n <= 0) return;
  const nb = tune(T_POTRF_NB);
  if (nb <= 1 || nb >= n) {
    sygs2(itype, n, a, offA, lda, b, offB, ldb);
    return;
  }
  const offS = offW;
  const offP = offS + even(nb * nb);
  const offQ = offP + even(n * nb);
  const offG = offQ + even(n * nb);
  for (let k0 = 0; k0 < n; k0 += nb) {
    const kb = Math.min(nb, n - k0);
    const k1 = k0 + kb;
    const a11 = offA + k0 * lda + k0;
    const l11 = offB + k0 * ldb + k0;
    if (itype === 1) {
      sygs2(1, kb, a, a11, lda, b, l11, ldb);
      if (k1 < n) {
        const m2 = n - k1;
        const a21 = offA + k0 * lda + k1;
        const l21 = offB + k0 * ldb + k1;
        const a22 = offA + k1 * lda + k1;
        const l22 = offB + k1 * ldb + k1;
        trsm(1, 0, 1, 0, m2, kb, 1, b, l11, ldb, a, a21, lda, w, offG);
        full(kb, a, a11, lda, w, offS);
        gemm(0, 0, m2, kb, kb, -0.5, b, l21, ldb, w, offS, kb, 1, a, a21, lda, w, offG);
        syr2k(m2, kb, -1, a, a21, lda, b, l21, ldb, 1, a, a22, lda, w, offG);
        gemm(0, 0, m2, kb, kb, -0.5, b, l21, ldb, w, offS, kb, 1, a, a21, lda, w, offG);
        trsm(0, 0, 0, 0, m2, kb, 1, b, l22, ldb, a, a21, lda, w, offG);
      }
    } else {
      if (k0 > 0) {
        const a10 = offA + k0;
        const l10 = offB + k0;
        trmm(1, 0, kb, k0, b, offB, ldb, a, a10, lda, w, offG);
        full(kb, a, a11, lda, w, offS);
        gemm(0, 0, kb, k0, kb, 0.5, w, offS, kb, b, l10, ldb, 1, a, a10, lda, w, offG);
        transpose(kb, k0, a, a10, lda, w, offP);
        transpose(kb, k0, b, l10, ldb, w, offQ);
        syr2k(k0, kb, 1, w, offP, k0, w, offQ, k0, 1, a, offA, lda, w, offG);
        gemm(0, 0, kb, k0, kb, 0.5, w, offS, kb, b, l10, ldb, 1, a, a10, lda, w, offG);
        trmm(0, 1, kb, k0, b, l11, ldb, a, a10, lda, w, offG);
      }
      sygs2(itype, kb, a, a11, lda, b, l11, ldb);
    }
  }
}
