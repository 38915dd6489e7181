/**
 * gerqf — blocked Householder RQ: A = R·Q                         (2nm² − 2m³/3 flops for m ≤ n)
 *
 * JS mirror of assembly/qr/gerqf.ts (read it for the blocking and the storage): blocks of nb reflectors
 * from the bottom row up; per block gerq2 on the panel, larftb, larfbr on the rows above.
 *
 * Workspace: w[offW…], `gerqfScratch(m, n)` doubles, the wasm kernel's layout. Same operation order, so
 * the bits agree. Block size: T_GEQRF_NB (shared with geqrf).
 *
 * References: Golub & Van Loan, 4th ed., §5.2.3; LAPACK dgerqf.
 */
import { gerq2 } from './gerq2.js';
import { larftb } from './larftb.js';
import { larfbr, larfbrScratch } from './larfbr.js';
import { even } from '../util.js';
import { tune, T_GEQRF_NB } from '../tuning.js';

/** Doubles of workspace `gerqf` needs for an m×n matrix, with T_GEQRF_NB and the GEMM blocking in force. */
export function gerqfScratch(m: number, n: number): number {
  const k = Math.min(m, n);
  if (k <= 0) return 0;
  const nb = Math.max(1, Math.min(tune(T_GEQRF_NB), k));
  return even(nb * nb) + Math.max(m, larfbrScratch(m, n, nb));
}

export function gerqf(
  m: number, n: number, a: Float64Array, offA: number, lda: number,
  tau: Float64Array, offTau: number, w: Float64Array, offW: number,
): void {
  const k = Math.min(m, n);
  if (k <= 0) return;
  const nb = Math.max(1, Math.min(tune(T_GEQRF_NB), k));
  const oT = offW;
  const oW = offW + even(nb * nb);
  for (let hi = k; hi > 0; hi -= nb) {
    const ib = Math.min(nb, hi);
    const i = hi - ib;
    const r = m - k + i;
    const c = n - k + i + ib;
    const panel = offA + r;
    // A[r:r+ib, 0:c] = R·Q₁: panel factorisation, V as rows left of R
    gerq2(ib, c, a, panel, lda, tau, offTau + i, w, oW);
    if (r > 0) {
      // H = H_{i+ib−1} ⋯ H_i = I − Vᵀ·T·V;   A[0:r, 0:c] ← A[0:r, 0:c]·H
      larftb(c, ib, a, panel, lda, tau, offTau + i, w, oT, ib);
      larfbr(0, r, c, ib, a, panel, lda, w, oT, ib, a, offA, lda, w, oW);
    }
  }
}
