/**
 * getrf — blocked LU factorisation with partial pivoting: P·A = L·U      (LAPACK dgetrf; ≈ mn² − n³/3 flops)
 *
 * JS mirror of assembly/lu/getrf.ts. Storage on exit and ipiv exactly as getf2.ts. Workspace:
 * `getrfScratch(m, n)` doubles at w[offW…]. NB ≤ 1 runs getf2 alone (the unblocked reference);
 * NB ≥ min(m, n) runs getrf2 on the whole matrix. Returns 0, or j + 1 for the first zero pivot
 * U[j, j] (factorisation still completed).
 *
 * Right-looking blocked algorithm (LAPACK dgetrf), panel width NB: getrf2 (recursive) on the panel
 * A[j0:m, j0:j1]; its row swaps applied left (0:j0) and right (j1:n) of it; U12 ← L11⁻¹·A12 (trsm,
 * unit lower); A22 ← A22 − L21·U12 (gemm). Same order as the wasm kernel, so results agree bit for bit.
 *
 * NB is the tuning key T_GETRF_NB, read from this module's own tuning table (../tuning.js), separate from
 * each wasm instance's.
 */
import { getf2 } from './getf2.js';
import { getrf2, getrf2Scratch } from './getrf2.js';
import { laswp } from './laswp.js';
import { trsm, trsmScratch } from '../trsm/trsm.js';
import { gemm, gemmScratch } from '../gemm/gemm.js';
import { tune, T_GETRF_NB } from '../tuning.js';

/** Doubles of workspace `getrf` needs for these sizes with the blocking in force. */
export function getrfScratch(m: number, n: number): number {
  const nb = tune(T_GETRF_NB);
  return Math.max(Math.max(gemmScratch(m, n, nb), trsmScratch(nb, n)), getrf2Scratch(m, nb));
}

export function getrf(
  m: number, n: number, a: Float64Array, offA: number, lda: number, ipiv: Int32Array, offIpiv: number,
  w: Float64Array, offW: number,
): number {
  const kmax = Math.min(m, n);
  if (kmax <= 0) return 0;
  const nb = tune(T_GETRF_NB);
  if (nb <= 1) return getf2(m, n, a, offA, lda, ipiv, offIpiv);
  if (nb >= kmax) return getrf2(m, n, a, offA, lda, ipiv, offIpiv, w, offW);
  let info = 0;
  for (let j0 = 0; j0 < kmax; j0 += nb) {
    const jb = Math.min(nb, kmax - j0);
    const j1 = j0 + jb;
    const offA11 = offA + j0 + j0 * lda;
    // 1. Panel.
    const offIp = offIpiv + j0;
    const iinfo = getrf2(m - j0, jb, a, offA11, lda, ipiv, offIp, w, offW);
    if (info === 0 && iinfo > 0) info = iinfo + j0;
    for (let i = 0; i < jb; i++) ipiv[offIp + i] = ipiv[offIp + i]! + j0; // panel-relative → global row
    // 2. Row swaps to the left and right of the panel.
    laswp(j0, a, offA, lda, j0, j1, ipiv, offIpiv, 0);
    if (j1 < n) {
      laswp(n - j1, a, offA + j1 * lda, lda, j0, j1, ipiv, offIpiv, 0);
      // 3. U12 ← L11⁻¹·A12
      const offA12 = offA + j0 + j1 * lda;
      trsm(0, 0, 0, 1, jb, n - j1, 1, a, offA11, lda, a, offA12, lda, w, offW);
      // 4. A22 ← A22 − L21·U12
      if (j1 < m) {
        gemm(0, 0, m - j1, n - j1, jb, -1, a, offA11 + jb, lda, a, offA12, lda, 1,
          a, offA + j1 + j1 * lda, lda, w, offW);
      }
    }
  }
  return info;
}
