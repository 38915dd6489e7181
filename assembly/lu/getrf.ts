/**
 * getrf — blocked LU factorisation with partial pivoting: P·A = L·U      (LAPACK dgetrf; ≈ mn² − n³/3 flops,
 *                                                                        2n³/3 for square)
 * Storage on exit and `ipiv` exactly as getf2.ts (which it equals in exact arithmetic; the order of
 * the updates differs, so the rounding does too). Workspace: `getrfScratch(m, n)` doubles at `pw`.
 * NB ≤ 1 runs getf2 alone (the unblocked reference); NB ≥ min(m, n) runs getrf2 on the whole matrix.
 * Returns 0, or j + 1 for the first zero pivot U[j, j] (factorisation still completed).
 *
 * Right-looking blocked algorithm (Golub & Van Loan 4th ed. §3.4.7; LAPACK dgetrf), panel width NB:
 *
 *        j0   j1                         1. getrf2 (recursive) on the panel A[j0:m, j0:j1] → L11, L21, U11, ipiv
 *   ┌ A00 │ A01 │ A02 ┐                  2. apply the panel's row swaps to the columns left (0:j0)
 *   │ ────┼─────┼──── │ j0                  and right (j1:n) of it
 *   │ A10 │ A11 │ A12 │                  3. U12 ← L11⁻¹·A12            (trsm, unit lower)
 *   │ ────┼─────┼──── │ j1               4. A22 ← A22 − L21·U12         (gemm: the O(n³) part)
 *   └ A20 │ A21 │ A22 ┘
 *
 * NB is the tuning key T_GETRF_NB (tuning.ts; default 64).
 */
import { getf2 } from './getf2';
import { getrf2, getrf2Scratch } from './getrf2';
import { laswp } from './laswp';
import { trsm, trsmScratch } from '../trsm/trsm';
import { gemm, gemmScratch } from '../gemm/gemm';
import { tuneI, T_GETRF_NB } from '../tuning';

export function getrfScratch(m: i32, n: i32): i32 {
  const nb = tuneI(T_GETRF_NB);
  return max(max(gemmScratch(m, n, nb), trsmScratch(nb, n)), getrf2Scratch(m, nb));
}

export function getrf(m: i32, n: i32, pA: usize, lda: i32, pIpiv: usize, pw: usize): i32 {
  const kmax = min(m, n);
  if (kmax <= 0) return 0;
  const nb = tuneI(T_GETRF_NB);
  if (nb <= 1) return getf2(m, n, pA, lda, pIpiv);
  if (nb >= kmax) return getrf2(m, n, pA, lda, pIpiv, pw);
  const ldA = <usize>lda << 3;
  let info: i32 = 0;
  for (let j0 = 0; j0 < kmax; j0 += nb) {
    const jb = min(nb, kmax - j0);
    const j1 = j0 + jb;
    const pA11 = pA + (<usize>j0 << 3) + <usize>j0 * ldA;
    // 1. Panel.
    const pIp = pIpiv + (<usize>j0 << 2);
    const iinfo = getrf2(m - j0, jb, pA11, lda, pIp, pw);
    if (info == 0 && iinfo > 0) info = iinfo + j0;
    for (let i = 0; i < jb; i++) {
      const o = pIp + (<usize>i << 2);
      store<i32>(o, load<i32>(o) + j0); // panel-relative → global row index
    }
    // 2. Row swaps to the left and right of the panel.
    laswp(j0, pA, lda, j0, j1, pIpiv, 0);
    if (j1 < n) {
      laswp(n - j1, pA + <usize>j1 * ldA, lda, j0, j1, pIpiv, 0);
      // 3. U12 ← L11⁻¹·A12
      const pA12 = pA + (<usize>j0 << 3) + <usize>j1 * ldA;
      trsm(0, 0, 0, 1, jb, n - j1, 1, pA11, lda, pA12, lda, pw);
      // 4. A22 ← A22 − L21·U12
      if (j1 < m) {
        gemm(0, 0, m - j1, n - j1, jb, -1, pA11 + (<usize>jb << 3), lda, pA12, lda, 1,
          pA + (<usize>j1 << 3) + <usize>j1 * ldA, lda, pw);
      }
    }
  }
  return info;
}
