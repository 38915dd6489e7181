/**
 * orgrq — form the m×n Q of an RQ factorisation (orthonormal rows), blocked    (4mnk − 2(m + n)k² + 4k³/3 flops)
 *
 * JS mirror of assembly/qr/orgrq.ts (read it for the blocking): the first, ragged block and the unit
 * rows by orgr2, then blocks of nb reflectors forwards: larftb, larfbr (Hᵀ) on the rows above, orgr2 on
 * the block's rows.
 *
 * Workspace: w[offW…], `orgrqScratch(m, n, k)` doubles, the wasm kernel's layout. Same operation order,
 * so the bits agree. Block size: T_ORGQR_NB (shared with orgqr).
 *
 * References: Golub & Van Loan, 4th ed., §5.1.6–5.1.7; LAPACK dorgrq.
 */
import { orgr2 } from './orgr2.js';
import { larftb } from './larftb.js';
import { larfbr, larfbrScratch } from './larfbr.js';
import { even } from '../util.js';
import { tune, T_ORGQR_NB } from '../tuning.js';

/** Doubles of workspace `orgrq` needs, with T_ORGQR_NB and the GEMM blocking in force. */
export function orgrqScratch(m: number, n: number, k: number): number {
  if (m <= 0) return 0;
  const nb = Math.max(1, Math.min(tune(T_ORGQR_NB), k));
  return even(nb * nb) + Math.max(m, larfbrScratch(m, n, nb));
}

export function orgrq(
  m: number, n: number, k: number, a: Float64Array, offA: number, lda: number,
  tau: Float64Array, offTau: number, w: Float64Array, offW: number,
): void {
  if (m <= 0) return;
  const nb = Math.max(1, Math.min(tune(T_ORGQR_NB), k));
  const kk = k > 0 ? Math.floor((k - 1) / nb) * nb : 0;
  const oT = offW;
  const oW = offW + even(nb * nb);
  // A[0:m−kk, n−kk:n] ← 0, then the first block and the unit rows
  for (let j = n - kk; j < n; j++) {
    const col = offA + j * lda;
    for (let l = 0; l < m - kk; l++) a[col + l] = 0;
  }
  orgr2(m - kk, n - kk, k - kk, a, offA, lda, tau, offTau, w, oW);
  for (let i = k - kk; i < k; i += nb) {
    const ib = Math.min(nb, k - i);
    const ii = m - k + i;
    const c = n - k + i + ib;
    const block = offA + ii;
    if (ii > 0) {
      // H = H_{i+ib−1} ⋯ H_i = I − Vᵀ·T·V;   A[0:ii, 0:c] ← A[0:ii, 0:c]·Hᵀ
      larftb(c, ib, a, block, lda, tau, offTau + i, w, oT, ib);
      larfbr(1, ii, c, ib, a, block, lda, w, oT, ib, a, offA, lda, w, oW);
    }
    // V → the block's rows of Q
    orgr2(ib, c, ib, a, block, lda, tau, offTau + i, w, oW);
    // A[ii:ii+ib, c:n] ← 0
    for (let j = c; j < n; j++) {
      const col = block + j * lda;
      for (let l = 0; l < ib; l++) a[col + l] = 0;
    }
  }
}
