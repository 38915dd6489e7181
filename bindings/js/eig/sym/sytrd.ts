/**
 * sytrd — Householder tridiagonalisation of a symmetric matrix, blocked       (4/3·n³ flops:
 *                                                                             ≈ half symv, half GEMM)
 *
 * JS mirror of assembly/eig/sym/sytrd.ts (read it for the partition and the block size). While more
 * than nb columns remain: latrd on A[i:n, i:n] (columns i…i+nb−1, W), syr2k A22 ← A22 − V2·W2ᵀ − W2·V2ᵀ,
 * eⱼ back on the subdiagonal and dⱼ from the diagonal; then sytd2 on the rest.
 *
 * Storage: as sytd2 (A[i, j] = a[offA + i + j·lda], d, e, τ). Workspace: w[offW…], `sytrdScratch(n)`
 * doubles. The block size is the tuning key T_SYTRD_NB (default 32), read from this module's own tuning
 * table (../../tuning.js), separate from each wasm instance's. Same operation order as the wasm kernel, so
 * the results agree bit for bit.
 *
 * References: Golub & Van Loan, 4th ed., §8.3.1; LAPACK dsytrd (uplo = 'L').
 */
import { latrd, latrdScratch } from './latrd.js';
import { syr2k, syr2kScratch } from './syr2k.js';
import { sytd2, sytd2Scratch } from './sytd2.js';
import { even } from '../../util.js';
import { tune, T_SYTRD_NB } from '../../tuning.js';

/** Doubles of workspace `sytrd` needs, with T_SYTRD_NB and the GEMM blocking in force. */
export function sytrdScratch(n: number): number {
  if (n <= 0) return 0;
  const nb = tune(T_SYTRD_NB);
  if (n <= nb) return sytd2Scratch(n);
  // W, then the larger of latrd's symv panels and syr2k's; sytd2 on the last < nb columns uses the start
  return Math.max(even(n * nb) + Math.max(latrdScratch(n), syr2kScratch(n - nb, nb)), sytd2Scratch(nb));
}

export function sytrd(
  n: number, a: Float64Array, offA: number, lda: number, d: Float64Array, offD: number,
  e: Float64Array, offE: number, tau: Float64Array, offTau: number, w: Float64Array, offW: number,
): void {
  if (n <= 0) return;
  const nb = tune(T_SYTRD_NB);
  let i = 0;
  if (n > nb) {
    const oW = offW;
    const oG = offW + even(n * nb);
    for (; n - i > nb; i += nb) {
      const m = n - i;
      const aii = offA + i * lda + i;
      // 1. panel: columns i…i+nb−1, W (m×nb, ldw = m)
      latrd(m, nb, a, aii, lda, e, offE + i, tau, offTau + i, w, oW, m, w, oG);
      // 2. A22 ← A22 − V2·W2ᵀ − W2·V2ᵀ
      syr2k(m - nb, nb, -1, a, aii + nb, lda, w, oW + nb, m, 1, a, aii + nb + nb * lda, lda, w, oG);
      // 3. eⱼ back on the subdiagonal, dⱼ from the diagonal
      for (let j = i; j < i + nb; j++) {
        const ajj = offA + j * lda + j;
        a[ajj + 1] = e[offE + j]!;
        d[offD + j] = a[ajj]!;
      }
    }
  }
  // the last columns, unblocked
  sytd2(n - i, a, offA + i * lda + i, lda, d, offD + i, e, offE + i, tau, offTau + i, w, offW);
}
