/**
 * gehrd — Householder reduction to upper Hessenberg form, blocked               (10/3·n³ flops for ilo = 0,
 *                                                                               ihi = n−1: ≈ 80 % GEMM)
 *
 *   Qᵀ·A·Q = H,   Q = H_ilo·H_{ilo+1} ⋯ H_{ihi−2}
 *
 * Same result as gehd2 (read its header for the reflectors, the ilo … ihi window and the storage) up to
 * rounding, so orghr forms Q from it unchanged. The reflectors of nb consecutive columns are gathered by
 * the panel (lahr2.ts) into H = I − V·T·Vᵀ with Y = A·V·T, and the rest of the matrix is updated once
 * per panel through the packed GEMM:
 *
 *          i   i+ib         ihi   n
 *   [ A00 | A01 |  A02       | A03 ]             1. lahr2 on columns i … i+ib−1 (rows 0 … ihi):
 *   [ A10 | A11 |  A12       | A13 ]  i+1           V (in A), T, Y; the panel itself is finished
 *   [     | A21 |  A22       | A23 ]  i+ib       2. right:  A[0:ihi+1, i+ib:ihi+1] −= Y·V[i+ib:ihi+1, :]ᵀ
 *   [     |     |            |     ]  ihi                   A[0:i+1, i+1:i+ib]   −= Y[0:i+1, :]·V[i+1:i+ib, :]ᵀ
 *   [     |     |            | A33 ]                       (gemm; V̂ explicit, from lahr2's workspace)
 *                                                 3. left:   A[i+1:ihi+1, i+ib:n] ← Hᵀ·(…)    (larfb)
 *
 * (rows/columns in V's numbering: V's row r is row/column i+1+r of A). Step 2's first product is the
 * right update of every column right of the panel inside the window (rows 0 … ihi: below ihi A is zero
 * there); its second is the part of the panel's own columns lahr2 left alone (rows 0 … i). Columns past
 * ihi only see the left update, rows past ihi nothing.
 *
 * The panel loop runs while more than NX reflectors remain to be formed (ihi − 1 − i > NX), with
 * ib = min(NB, ihi − 1 − i); gehd2's loop finishes the last ones (all of them for small windows).
 * NB ≤ 1 runs gehd2 alone — the unblocked reference.
 *
 * Storage and result: exactly as gehd2 (A n×n at `pA`, lda ≥ max(1, n); τ at `pTau`, n − 1 doubles,
 * τᵢ = 0 outside ilo … ihi−2). Returns 0.
 *
 * Workspace: `pw`, 16-byte aligned, `gehrdScratch(n)` doubles: T (nb×nb), Y (n×nb), then lahr2's
 * workspace (V̂ first), the gemm packing space of step 2 after V̂, larfb's workspace — or gehd2's n
 * doubles when no panel can run. It depends on T_GEHRD_NB, T_GEHRD_NX and the GEMM blocking in force.
 *
 * Where the time goes (n = 512, the defaults; SIMD build, Node 20, the 2-core AMD EPYC (Zen 5, 1 MiB L2
 * per core) this repo is benchmarked on; ms): lahr2 8.9 — mostly its one gemv per column over the
 * trailing matrix (A·vⱼ, ≈ 2/3·n³ flops, 21 % of the total, at ≈ 17 GFLOP/s: no blocking removes it) —
 * the right update 5.4 and larfb 7.7 (130 and 185 Mflop: ≈ 24 GFLOP/s, the speed of the GEMM itself),
 * the gehd2 tail < 0.5.
 * In all 22.6 against gehd2's 37.7 (3 passes of level-2 work per column): 60 %; at n = 256, 3.1 against
 * 4.7 (65 %: the panel's share grows as n shrinks). (Measured later, after axpy began taking four
 * entries per pass, gehd2 itself got faster: 23.4 against 31.7 at n = 512, 3.2 against 4.0 at 256.)
 *
 * Block size NB = 32 and crossover NX = 64 (the tuning keys T_GEHRD_NB, T_GEHRD_NX, tuning.ts),
 * measured the same way (median of 7, ms, leading dimension n + 8):
 *
 *   nb (NX = 64)        16     32     48     64               NX (nb = 32)    32    64   128   192
 *   n = 256            3.0    3.1    3.3    3.5               n = 256       3.25  3.32  3.52  4.01
 *   n = 512           23.1   22.6   23.4   24.4               n = 512       23.1  23.4  23.7  24.4
 *
 * (runs differ by ±5 % on this shared machine: nb = 16 … 48 are level). Larger nb moves flops into the
 * panel's small gemvs with V and Y (≈ 10·n·nb flops per column); smaller nb makes the GEMMs thinner.
 * Below the crossover: gehrd / gehd2 = 0.24 / 0.28 at n = 96, 0.50 / 0.64 at 128, equal (0.09) at 64 —
 * so the first panel runs from n = 67 (LAPACK's ilaenv says NX = 128).
 *
 * References: G. Quintana-Ortí & R. van de Geijn, "Improving the performance of reduction to Hessenberg
 * form", ACM TOMS 32(2), 2006; LAPACK dgehrd, dlahr2; Golub & Van Loan, 4th ed., §7.4.3 and §5.2.3.
 */
import { gehd2Steps } from './gehd2';
import { lahr2 } from './lahr2';
import { larfb, larfbScratch } from '../../qr/larfb';
import { gemm, gemmScratch } from '../../gemm/gemm';
import { even } from '../../util';
import { tuneI, T_GEHRD_NB, T_GEHRD_NX } from '../../tuning';

/** Doubles of workspace `gehrd` needs for any ilo, ihi, with the block size, NX and GEMM blocking in force. */
export function gehrdScratch(n: i32): i32 {
  if (n <= 1) return 0;
  const nb = min(tuneI(T_GEHRD_NB), n);
  if (nb <= 1 || n - 2 <= tuneI(T_GEHRD_NX)) return n; // gehd2 only
  // past T and Y: lahr2 (bounded over k ≤ n, ib ≤ nb), step 2's gemm past V̂, larfb
  const panel = even(n * nb) + even(nb) + gemmScratch(n, nb, n);
  const right = even(n * nb) + gemmScratch(n, n, nb);
  return even(nb * nb) + even(n * nb) + max(max(panel, right), larfbScratch(n, n, nb));
}

export function gehrd(n: i32, ilo: i32, ihi: i32, pA: usize, lda: i32, pTau: usize, pw: usize): i32 {
  if (n <= 1) return 0;
  for (let i = 0; i < n - 1; i++) store<f64>(pTau + (<usize>i << 3), 0);
  const nb = min(tuneI(T_GEHRD_NB), n);
  const nx = tuneI(T_GEHRD_NX);
  const ldA = <usize>lda << 3;
  let i = ilo;
  if (nb > 1) {
    const pT = pw;
    const pY = pT + (<usize>even(nb * nb) << 3);
    const pL = pY + (<usize>even(n * nb) << 3); // lahr2's workspace, V̂ at its start; later larfb's
    const pG = pL + (<usize>even(n * nb) << 3); // gemm's, past V̂
    for (; ihi - 1 - i > nx; ) {
      const ib = min(nb, ihi - 1 - i);
      const nr = ihi - i; // rows i+1 … ihi of V
      // 1. panel: columns i … i+ib−1, rows 0 … ihi
      lahr2(ihi + 1, i + 1, ib, pA + <usize>i * ldA, lda, pTau + (<usize>i << 3), pT, nb, pY, n, pL);
      // 2. A[0:ihi+1, i+ib:ihi+1] −= Y·V̂[ib−1:nr, :]ᵀ;   A[0:i+1, i+1:i+ib] −= Y[0:i+1, 0:ib−1]·V̂[0:ib−1, 0:ib−1]ᵀ
      gemm(0, 1, ihi + 1, ihi - i - ib + 1, ib, -1, pY, n, pL + (<usize>(ib - 1) << 3), nr, 1,
        pA + <usize>(i + ib) * ldA, lda, pG);
      gemm(0, 1, i + 1, ib - 1, ib - 1, -1, pY, n, pL, nr, 1, pA + <usize>(i + 1) * ldA, lda, pG);
      // 3. A[i+1:ihi+1, i+ib:n] ← Hᵀ·A[i+1:ihi+1, i+ib:n]
      const pV = pA + (<usize>(i + 1) << 3) + <usize>i * ldA;
      larfb(1, nr, n - i - ib, ib, pV, lda, pT, nb, pV + <usize>ib * ldA, lda, pL);
      i += ib;
    }
  }
  gehd2Steps(n, i, ihi, pA, lda, pTau, pw);
  return 0;
}
