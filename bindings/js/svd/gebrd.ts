/**
 * gebrd — blocked Golub–Kahan bidiagonalisation: A = Q·B·Pᵀ  (m ≥ n)          (4mn² − 4n³/3 flops)
 *
 * JS mirror of assembly/svd/gebrd.ts (read it for the partition diagram). For each panel of nb
 * columns and rows: labrd (→ X, Y, V), then A22 −= U₂·Y₂ᵀ and A22 −= X₂·V₂ᵀ (two gemm calls); the
 * last ≤ nb columns go through gebd2. m < n returns −1.
 *
 * Storage: as gebd2. Workspace w[offW…], `gebrdScratch(m, n)` doubles (X, Y, V, then gebd2's, gemm's or
 * labrd's scratch), same layout as the wasm kernel. The block size is the tuning key T_GEBRD_NB (default 32), read
 * from this module's own tuning table (../tuning.js). Same operation order as the wasm kernel, so the bits
 * agree.
 *
 * References: Dongarra, Sorensen & Hammarling 1989; Golub & Van Loan, 4th ed., §5.4.8; LAPACK dgebrd.
 */
import { gebd2 } from './gebd2.js';
import { labrd, labrdScratch } from './labrd.js';
import { gemm, gemmScratch } from '../gemm/gemm.js';
import { even } from '../util.js';
import { tune, T_GEBRD_NB } from '../tuning.js';

/** Doubles of workspace `gebrd` needs for an m×n matrix (m ≥ n), with the block size and GEMM blocking in force. */
export function gebrdScratch(m: number, n: number): number {
  if (m <= 0 || n <= 0) return 0;
  const nb = Math.min(tune(T_GEBRD_NB), n);
  const g = gemmScratch(m - nb, n - nb, nb);
  return even(m * nb) + 2 * even(n * nb) + Math.max(Math.max(m, n), g, labrdScratch(m, n));
}

export function gebrd(
  m: number, n: number, a: Float64Array, offA: number, lda: number, d: Float64Array, offD: number,
  e: Float64Array, offE: number, tauq: Float64Array, offTauq: number, taup: Float64Array, offTaup: number,
  w: Float64Array, offW: number,
): number {
  if (m < n) return -1;
  if (n <= 0) return 0;
  const nb = Math.min(tune(T_GEBRD_NB), n);
  const ldx = m;
  const ldy = n;
  const oX = offW;
  const oY = oX + even(m * nb);
  const oV = oY + even(n * nb);
  const oW = oV + even(n * nb);
  const ldv = n;
  let i = 0;
  while (n - i > nb) {
    const aii = offA + i + i * lda;
    labrd(m - i, n - i, nb, a, aii, lda, d, offD + i, e, offE + i, tauq, offTauq + i, taup, offTaup + i, w, oX, ldx, w, oY, ldy, w, oV, ldv, w, oW);
    const a22 = aii + nb + nb * lda;
    // A22 −= U₂·Y₂ᵀ
    gemm(0, 1, m - i - nb, n - i - nb, nb, -1.0, a, aii + nb, lda, w, oY + nb, ldy, 1.0, a, a22, lda, w, oW);
    // A22 −= X₂·V₂ᵀ
    gemm(0, 1, m - i - nb, n - i - nb, nb, -1.0, w, oX + nb, ldx, w, oV + nb, ldv, 1.0, a, a22, lda, w, oW);
    i += nb;
  }
  gebd2(m - i, n - i, a, offA + i + i * lda, lda, d, offD + i, e, offE + i, tauq, offTauq + i, taup, offTaup + i, w, oW);
  return 0;
}
