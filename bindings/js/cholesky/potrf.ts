/**
 * potrf — blocked Cholesky factorisation A = L·Lᵀ (lower)               (LAPACK dpotrf; n³/3 flops)
 *
 * JS mirror of assembly/cholesky/potrf.ts. Storage, triangle read and return value as potf2.ts.
 * Workspace: `potrfScratch(n)` doubles at w[offW…].
 *
 * Right-looking blocked algorithm (LAPACK dpotrf, lower), block NB: L11 ← chol(A11) (potf2);
 * L21 ← A21·L11⁻ᵀ (trsm, right, lower, transposed); A22 ← A22 − L21·L21ᵀ (syrk, lower); then recurse
 * on A22. Same order as the wasm kernel, so results agree bit for bit.
 *
 * NB is the tuning key T_POTRF_NB, read from this module's own tuning table (../tuning.js), separate from
 * each wasm instance's.
 */
import { potf2 } from './potf2.js';
import { trsm, trsmScratch } from '../trsm/trsm.js';
import { syrk, syrkScratch } from '../gemm/syrk.js';
import { tune, T_POTRF_NB } from '../tuning.js';

/** Doubles of workspace `potrf` needs for this size with the blocking in force. */
export function potrfScratch(n: number): number {
  const nb = tune(T_POTRF_NB);
  return Math.max(trsmScratch(n, nb), syrkScratch(n, nb));
}

export function potrf(n: number, a: Float64Array, offA: number, lda: number, w: Float64Array, offW: number): number {
  if (n <= 0) return 0;
  const nb = tune(T_POTRF_NB);
  if (nb <= 1 || nb >= n) return potf2(n, a, offA, lda);
  for (let j0 = 0; j0 < n; j0 += nb) {
    const jb = Math.min(nb, n - j0);
    const j1 = j0 + jb;
    const offA11 = offA + j0 + j0 * lda;
    const info = potf2(jb, a, offA11, lda);
    if (info > 0) return info + j0;
    if (j1 < n) {
      const offA21 = offA11 + jb;
      trsm(1, 0, 1, 0, n - j1, jb, 1, a, offA11, lda, a, offA21, lda, w, offW);
      syrk(0, 0, n - j1, jb, -1, a, offA21, lda, 1, a, offA + j1 + j1 * lda, lda, w, offW);
    }
  }
  return 0;
}
