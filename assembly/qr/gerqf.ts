/**
 * gerqf — blocked Householder RQ: A = R·Q                         (2nm² − 2m³/3 flops for m ≤ n;
 *                                                                  2mn² − 2n³/3 for m > n)
 *
 * Same result layout as gerq2 (read its header: R in the trapezoid that ends in the last column, the
 * reflectors vᵢ as rows left of it, τ at pTau), but the reflectors are gathered nb at a time into a
 * block reflector H = H_{i+ib−1}⋯H_i = I − Vᵀ·T·V (backward, rowwise; larftb) so that the update of
 * the rows above the panel is matrix–matrix work (three GEMMs in larfbr) instead of ib rank-1 updates.
 *
 * The reflectors are made from the bottom up, so the blocks are too: reflector indices
 * [i, i+ib) with i = k − nb, k − 2nb, …, the ragged block (ib = k mod nb) last, at the top. One step,
 * with r = m − k + i (the panel's first row) and c = n − k + i + ib (the columns the panel touches):
 *
 *                  c
 *   [ A0        | A0' ]          1. gerq2 on the panel A[r:r+ib, 0:c]   → R, V (rows), τ[i:i+ib]
 *   [ panel     | R   ]  r       2. larftb: T (ib×ib, lower) with H = I − Vᵀ·T·V
 *   [ 0         | R   ]  r+ib    3. larfbr: A[0:r, 0:c] ← A[0:r, 0:c]·H
 *
 * With nb ≥ k this is one gerq2 call (and, for m > n, the rows above the panel get one larfbr update).
 * Every matrix goes through the blocked loop, including the ragged last panel (no unblocked crossover),
 * so tests with nb = 1, 2, 3, 5 cover it.
 *
 * Storage: on entry A (m×n) at `pA`, lda ≥ max(1, m). On exit as gerq2. The blocked and unblocked
 * routines produce the same factorisation up to rounding (the same reflectors in exact arithmetic).
 *
 * Workspace: `pw`, 16-byte aligned, `gerqfScratch(m, n)` doubles — T (nb×nb, rounded even), then the
 * larger of gerq2's m doubles and larfbrScratch(m, n, nb).
 *
 * Block size: the tuning key T_GEQRF_NB (default 32, tuning.ts), shared with geqrf — the work is
 * geqrf's mirrored (the same panel and GEMM shapes transposed), and LAPACK's ilaenv gives both the same
 * NB. Tests set it tiny and odd (nbAll(1, 2, 3, 5)).
 *
 * References: Golub & Van Loan, 4th ed., §5.2.3 (block Householder QR); Schreiber & Van Loan, SIAM J.
 * Sci. Stat. Comput. 10(1), 1989; LAPACK dgerqf.
 */
import { gerq2 } from './gerq2';
import { larftb } from './larftb';
import { larfbr, larfbrScratch } from './larfbr';
import { even } from '../util';
import { tuneI, T_GEQRF_NB } from '../tuning';

/** Doubles of workspace `gerqf` needs for an m×n matrix, with T_GEQRF_NB and the GEMM blocking in force. */
export function gerqfScratch(m: i32, n: i32): i32 {
  const k = min(m, n);
  if (k <= 0) return 0;
  const nb = max(1, min(tuneI(T_GEQRF_NB), k));
  return even(nb * nb) + max(m, larfbrScratch(m, n, nb));
}

export function gerqf(m: i32, n: i32, pA: usize, lda: i32, pTau: usize, pw: usize): void {
  const k = min(m, n);
  if (k <= 0) return;
  const nb = max(1, min(tuneI(T_GEQRF_NB), k));
  const pT = pw;
  const pW = pw + (<usize>even(nb * nb) << 3);
  for (let hi = k; hi > 0; hi -= nb) {
    const ib = min(nb, hi);
    const i = hi - ib;
    const r = m - k + i;
    const c = n - k + i + ib;
    const panel = pA + (<usize>r << 3);
    // A[r:r+ib, 0:c] = R·Q₁: panel factorisation, V as rows left of R
    gerq2(ib, c, panel, lda, pTau + (<usize>i << 3), pW);
    if (r > 0) {
      // H = H_{i+ib−1} ⋯ H_i = I − Vᵀ·T·V;   A[0:r, 0:c] ← A[0:r, 0:c]·H
      larftb(c, ib, panel, lda, pTau + (<usize>i << 3), pT, ib);
      larfbr(0, r, c, ib, panel, lda, pT, ib, pA, lda, pW);
    }
  }
}
