/**
 * getrf2 — recursive LU factorisation with partial pivoting: P·A = L·U   (LAPACK dgetrf2; Toledo, "Locality
 *          of reference in LU decomposition with partial pivoting", SIAM J. Matrix Anal. Appl. 18(4), 1997)
 *
 * Same storage, pivots and return value as getf2.ts. Used for the panels of the blocked getrf.ts:
 * the columns are split in halves and the halves recursed on, so almost every flop is a TRSM or a
 * GEMM instead of the rank-1 updates of getf2 — the panel stops being the bottleneck:
 *
 *        n1    n2                 1. [A11; A21] ← recursive LU of the left n1 columns (pivots ipiv[0:n1])
 *   ┌  A11 │ A12  ┐  n1           2. apply those swaps to [A12; A22]
 *   │ ─────┼───── │               3. A12 ← L11⁻¹·A12                     (trsm, unit lower)
 *   └  A21 │ A22  ┘  m−n1         4. A22 ← A22 − A21·A12                 (gemm)
 *                                 5. A22 ← recursive LU (pivots ipiv[n1:], shifted by n1)
 *                                 6. apply the step-5 swaps to A21
 *
 * Recursion stops at LEAF columns, where getf2's rank-1 updates are cheaper than a packed GEMM.
 * Workspace: `getrf2Scratch(m, n)` doubles at `pw`.
 */
import { getf2 } from './getf2';
import { laswp } from './laswp';
import { trsm, trsmScratch } from '../trsm/trsm';
import { gemm, gemmScratch } from '../gemm/gemm';

/** Panels of at most this many columns are factored by getf2 directly. */
// @ts-ignore: decorator
@inline const LEAF: i32 = 8;

export function getrf2Scratch(m: i32, n: i32): i32 {
  return max(gemmScratch(m, n, n), trsmScratch(n, n));
}

export function getrf2(m: i32, n: i32, pA: usize, lda: i32, pIpiv: usize, pw: usize): i32 {
  const kmin = min(m, n);
  if (kmin <= 0) return 0;
  if (n <= LEAF || m <= 1) return getf2(m, n, pA, lda, pIpiv);
  const ldA = <usize>lda << 3;
  const n1 = kmin >> 1;
  const n2 = n - n1;
  let info = getrf2(m, n1, pA, lda, pIpiv, pw);
  const pA12 = pA + <usize>n1 * ldA;
  laswp(n2, pA12, lda, 0, n1, pIpiv, 0);
  trsm(0, 0, 0, 1, n1, n2, 1, pA, lda, pA12, lda, pw);
  const pA22 = pA12 + (<usize>n1 << 3);
  gemm(0, 0, m - n1, n2, n1, -1, pA + (<usize>n1 << 3), lda, pA12, lda, 1, pA22, lda, pw);
  const pIp2 = pIpiv + (<usize>n1 << 2);
  const info2 = getrf2(m - n1, n2, pA22, lda, pIp2, pw);
  if (info == 0 && info2 > 0) info = info2 + n1;
  for (let i = n1; i < kmin; i++) {
    const o = pIpiv + (<usize>i << 2);
    store<i32>(o, load<i32>(o) + n1);
  }
  laswp(n1, pA, lda, n1, kmin, pIpiv, 0);
  return info;
}
