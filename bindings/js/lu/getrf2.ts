/**
 * getrf2 — recursive LU factorisation with partial pivoting: P·A = L·U   (LAPACK dgetrf2; Toledo, SIAM J.
 *          Matrix Anal. Appl. 18(4), 1997)
 *
 * JS mirror of assembly/lu/getrf2.ts; A[i, j] = a[offA + i + j·lda] is m×n, ipiv at ipiv[offIpiv…].
 * Same storage, pivots and return value as getf2.ts. The columns are split at n1 = min(m, n)/2:
 * recursive LU of the left n1 columns; their swaps applied to [A12; A22]; A12 ← L11⁻¹·A12 (trsm, unit
 * lower); A22 ← A22 − A21·A12 (gemm); recursive LU of A22 (pivots shifted by n1); its swaps applied
 * to A21. Panels of at most LEAF columns (or m ≤ 1) go to getf2. Same order as the wasm kernel, so
 * results agree bit for bit. Workspace: `getrf2Scratch(m, n)` doubles at w[offW…].
 */
import { getf2 } from './getf2.js';
import { laswp } from './laswp.js';
import { trsm, trsmScratch } from '../trsm/trsm.js';
import { gemm, gemmScratch } from '../gemm/gemm.js';

/** Panels of at most this many columns are factored by getf2 directly. */
const LEAF = 8;

export function getrf2Scratch(m: number, n: number): number {
  return Math.max(gemmScratch(m, n, n), trsmScratch(n, n));
}

export function getrf2(
  m: number, n: number, a: Float64Array, offA: number, lda: number, ipiv: Int32Array, offIpiv: number,
  w: Float64Array, offW: number,
): number {
  const kmin = Math.min(m, n);
  if (kmin <= 0) return 0;
  if (n <= LEAF || m <= 1) return getf2(m, n, a, offA, lda, ipiv, offIpiv);
  const n1 = kmin >> 1;
  const n2 = n - n1;
  let info = getrf2(m, n1, a, offA, lda, ipiv, offIpiv, w, offW);
  const offA12 = offA + n1 * lda;
  laswp(n2, a, offA12, lda, 0, n1, ipiv, offIpiv, 0);
  trsm(0, 0, 0, 1, n1, n2, 1, a, offA, lda, a, offA12, lda, w, offW);
  const offA22 = offA12 + n1;
  gemm(0, 0, m - n1, n2, n1, -1, a, offA + n1, lda, a, offA12, lda, 1, a, offA22, lda, w, offW);
  const offIp2 = offIpiv + n1;
  const info2 = getrf2(m - n1, n2, a, offA22, lda, ipiv, offIp2, w, offW);
  if (info === 0 && info2 > 0) info = info2 + n1;
  for (let i = n1; i < kmin; i++) ipiv[offIpiv + i] = ipiv[offIpiv + i]! + n1;
  laswp(n1, a, offA, lda, n1, kmin, ipiv, offIpiv, 0);
  return info;
}
