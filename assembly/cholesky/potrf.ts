/**
 * potrf — blocked Cholesky factorisation A = L·Lᵀ (lower)               (LAPACK dpotrf; n³/3 flops)
 *
 * Storage, triangle read and return value as potf2.ts. Workspace: `potrfScratch(n)` doubles at `pw`.
 *
 * Right-looking blocked algorithm (Golub & Van Loan 4th ed. §4.2.9; LAPACK dpotrf, lower), block NB:
 *
 *   ┌ A11   ·  ┐   ┌ L11   0  ┐ ┌ L11ᵀ L21ᵀ ┐     1. L11 ← chol(A11)              (potf2)
 *   └ A21  A22 ┘ = └ L21  L22 ┘ └  0   L22ᵀ ┘     2. L21 ← A21·L11⁻ᵀ              (trsm, right, lower, transposed)
 *                                                 3. A22 ← A22 − L21·L21ᵀ (lower)  (syrk: the O(n³) part)
 *                                                 then recurse on A22.
 *
 * NB is the tuning key T_POTRF_NB (tuning.ts; default 64).
 */
import { potf2 } from './potf2';
import { trsm, trsmScratch } from '../trsm/trsm';
import { syrk, syrkScratch } from '../gemm/syrk';
import { tuneI, T_POTRF_NB } from '../tuning';

export function potrfScratch(n: i32): i32 {
  const nb = tuneI(T_POTRF_NB);
  return max(trsmScratch(n, nb), syrkScratch(n, nb));
}

export function potrf(n: i32, pA: usize, lda: i32, pw: usize): i32 {
  if (n <= 0) return 0;
  const nb = tuneI(T_POTRF_NB);
  if (nb <= 1 || nb >= n) return potf2(n, pA, lda);
  const ldA = <usize>lda << 3;
  for (let j0 = 0; j0 < n; j0 += nb) {
    const jb = min(nb, n - j0);
    const j1 = j0 + jb;
    const pA11 = pA + (<usize>j0 << 3) + <usize>j0 * ldA;
    const info = potf2(jb, pA11, lda);
    if (info > 0) return info + j0;
    if (j1 < n) {
      const pA21 = pA11 + (<usize>jb << 3);
      trsm(1, 0, 1, 0, n - j1, jb, 1, pA11, lda, pA21, lda, pw);
      syrk(0, 0, n - j1, jb, -1, pA21, lda, 1, pA + (<usize>j1 << 3) + <usize>j1 * ldA, lda, pw);
    }
  }
  return 0;
}
