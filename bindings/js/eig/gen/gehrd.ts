/**
 * gehrd — Householder reduction to upper Hessenberg form, blocked               (10/3·n³ flops for ilo = 0,
 *                                                                               ihi = n−1: ≈ 80 % GEMM)
 *
 * JS mirror of assembly/eig/gen/gehrd.ts (read it for the partition diagram, the block size and the
 * crossover). While more than NX reflectors remain (ihi − 1 − i > NX), panel width ib = min(NB, ihi−1−i):
 * lahr2 on columns i … i+ib−1; A[0:ihi+1, i+ib:ihi+1] −= Y·V̂[ib−1:, :]ᵀ and
 * A[0:i+1, i+1:i+ib] −= Y[0:i+1, 0:ib−1]·V̂[0:ib−1, 0:ib−1]ᵀ (gemm); larfb applies Hᵀ to
 * A[i+1:ihi+1, i+ib:n]. gehd2's loop finishes the rest; NB ≤ 1 runs gehd2 alone.
 *
 * Storage: as gehd2 (A[i, j] = a[offA + i + j·lda], τ at tau[offTau…], n − 1 entries). Workspace:
 * w[offW…], `gehrdScratch(n)` doubles. NB and NX are the tuning keys T_GEHRD_NB and T_GEHRD_NX, read
 * from this module's own tuning table (../../tuning.js), separate from each wasm instance's. Same
 * operation order as the wasm kernel, so the results agree bit for bit. Returns 0.
 *
 * References: Quintana-Ortí & van de Geijn, ACM TOMS 32(2), 2006; LAPACK dgehrd, dlahr2.
 */
import { gehd2Steps } from './gehd2.js';
import { lahr2 } from './lahr2.js';
import { larfb, larfbScratch } from '../../qr/larfb.js';
import { gemm, gemmScratch } from '../../gemm/gemm.js';
import { even } from '../../util.js';
import { tune, T_GEHRD_NB, T_GEHRD_NX } from '../../tuning.js';

/** Doubles of workspace `gehrd` needs for any ilo, ihi, with the block size, NX and GEMM blocking in force. */
export function gehrdScratch(n: number): number {
  if (n <= 1) return 0;
  const nb = Math.min(tune(T_GEHRD_NB), n);
  if (nb <= 1 || n - 2 <= tune(T_GEHRD_NX)) return n; // gehd2 only
  const panel = even(n * nb) + even(nb) + gemmScratch(n, nb, n);
  const right = even(n * nb) + gemmScratch(n, n, nb);
  return even(nb * nb) + even(n * nb) + Math.max(panel, right, larfbScratch(n, n, nb));
}

export function gehrd(
  n: number, ilo: number, ihi: number, a: Float64Array, offA: number, lda: number, tau: Float64Array, offTau: number,
  w: Float64Array, offW: number,
): number {
  if (n <= 1) return 0;
  for (let i = 0; i < n - 1; i++) tau[offTau + i] = 0;
  const nb = Math.min(tune(T_GEHRD_NB), n);
  const nx = tune(T_GEHRD_NX);
  let i = ilo;
  if (nb > 1) {
    const oT = offW;
    const oY = oT + even(nb * nb);
    const oL = oY + even(n * nb); // lahr2's workspace, V̂ at its start; later larfb's
    const oG = oL + even(n * nb); // gemm's, past V̂
    for (; ihi - 1 - i > nx; ) {
      const ib = Math.min(nb, ihi - 1 - i);
      const nr = ihi - i;
      // 1. panel
      lahr2(ihi + 1, i + 1, ib, a, offA + i * lda, lda, tau, offTau + i, w, oT, nb, w, oY, n, w, oL);
      // 2. right update
      gemm(0, 1, ihi + 1, ihi - i - ib + 1, ib, -1, w, oY, n, w, oL + ib - 1, nr, 1, a, offA + (i + ib) * lda, lda, w, oG);
      gemm(0, 1, i + 1, ib - 1, ib - 1, -1, w, oY, n, w, oL, nr, 1, a, offA + (i + 1) * lda, lda, w, oG);
      // 3. left update
      const oV = offA + i + 1 + i * lda;
      larfb(1, nr, n - i - ib, ib, a, oV, lda, w, oT, nb, a, oV + ib * lda, lda, w, oL);
      i += ib;
    }
  }
  gehd2Steps(n, i, ihi, a, offA, lda, tau, offTau, w, offW);
  return 0;
}
