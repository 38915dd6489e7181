/**
 * orgqr — form Q explicitly from k reflectors, blocked                  (4mnk − 2(m + n)k² + 4k³/3 flops)
 *
 * JS mirror of assembly/qr/orgqr.ts (read it for the partition diagram). The org2r result, with the
 * blocks of nb reflectors applied backwards as block reflectors: columns k…n−1 ← e_k…e_{n−1}; for each
 * block i = ⌊(k−1)/nb⌋·nb, …, 0: larft + larfb (H, not transposed) on A[i:m, i+ib:n], org2r on the
 * block columns, Q[0:i, i:i+ib] ← 0.
 *
 * Storage: as org2r. Workspace: w[offW…], `orgqrScratch(m, n, k)` doubles; depends on the block size and
 * the GEMM blocking in force. Same operation order as the wasm kernel.
 *
 * The block size is the tuning key T_ORGQR_NB (default 32), read from this module's own tuning table
 * (../tuning.js), separate from each wasm instance's.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.6–5.1.7; LAPACK dorgqr.
 */
import { org2r, unitColumns } from './org2r.js';
import { larft } from './larft.js';
import { larfb, larfbScratch } from './larfb.js';
import { even } from '../util.js';
import { tune, T_ORGQR_NB } from '../tuning.js';

/** Doubles of workspace `orgqr` needs, with T_ORGQR_NB and the GEMM blocking in force. */
export function orgqrScratch(m: number, n: number, k: number): number {
  if (n <= 0) return 0;
  const nb = Math.max(1, Math.min(tune(T_ORGQR_NB), k));
  return even(nb * nb) + Math.max(n, larfbScratch(m, n, nb));
}

export function orgqr(
  m: number, n: number, k: number, a: Float64Array, offA: number, lda: number,
  tau: Float64Array, offTau: number, w: Float64Array, offW: number,
): void {
  if (n <= 0) return;
  unitColumns(m, n, k, a, offA, lda); // columns k…n−1 ← e_k…e_{n−1}
  if (k <= 0) return;
  const nb = Math.min(tune(T_ORGQR_NB), k);
  const oT = offW;
  const oW = offW + even(nb * nb);
  for (let i = (((k - 1) / nb) | 0) * nb; i >= 0; i -= nb) {
    const ib = Math.min(nb, k - i);
    const aii = offA + i + i * lda;
    if (i + ib < n) {
      // H = H_i ⋯ H_{i+ib−1} = I − V·T·Vᵀ;   [Q12; Q22] ← H·[Q12; Q22]
      larft(m - i, ib, a, aii, lda, tau, offTau + i, w, oT, ib);
      larfb(0, m - i, n - i - ib, ib, a, aii, lda, w, oT, ib, a, aii + ib * lda, lda, w, oW);
    }
    // [V1; V2] → [Q11; Q21]
    org2r(m - i, ib, ib, a, aii, lda, tau, offTau + i, w, oW);
    // Q[0:i, i:i+ib] ← 0
    for (let j = i; j < i + ib; j++) {
      const c = offA + j * lda;
      for (let l = 0; l < i; l++) a[c + l] = 0;
    }
  }
}
