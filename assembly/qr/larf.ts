/**
 * larf — apply an elementary reflector from the left: C ← H·C,  H = I − τ·v·vᵀ     (4mn flops)
 *
 * C is m×n column-major at `pC` (ldc ≥ m); v has m entries with v₀ = 1 implicit: the storage at
 * `pv` is NOT read (in geqr2/org2r/geqp3 it holds β, the diagonal of R), v₁…v_{m−1} are at
 * pv + i·incv (incv > 0). Since H is symmetric this is also C ← Hᵀ·C.
 *
 *   w  ← Cᵀ·v   = C[1:m, :]ᵀ·v[1:m] + C[0, :]ᵀ        (gemv with Aᵀ: one dot per column of C)
 *   C  ← C − τ·v·wᵀ                                    (rank-1 update: one axpy per column of C)
 *
 * Treating v₀ = 1 implicitly avoids LAPACK's trick of temporarily storing 1 on the diagonal, so the
 * input is never modified outside C. τ = 0 (H = I) returns at once.
 *
 * Workspace: `pw`, n doubles (w). Returns nothing.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.4 (applying Householder matrices); LAPACK dlarf.
 */
import { gemv } from '../blas/gemv';
import { axpy } from '../blas/axpy';

export function larf(m: i32, n: i32, pv: usize, incv: i32, tau: f64, pC: usize, ldc: i32, pw: usize): void {
  if (tau == 0 || m <= 0 || n <= 0) return;
  const ldC = <usize>ldc << 3;
  const pv1 = pv + (<usize>incv << 3);
  // w ← C[1:m, :]ᵀ·v[1:m]  (m = 1: w ← 0), then w ← w + C[0, :]ᵀ
  gemv(1, m - 1, n, 1.0, pC + 8, ldc, pv1, incv, 0, pw, 1);
  for (let j = 0; j < n; j++) {
    const o = <usize>j << 3;
    store<f64>(pw + o, load<f64>(pw + o) + load<f64>(pC + <usize>j * ldC));
  }
  // C ← C − τ·v·wᵀ, column by column: C[:, j] += (−τ·wⱼ)·v
  for (let j = 0; j < n; j++) {
    const t = -tau * load<f64>(pw + (<usize>j << 3));
    const c = pC + <usize>j * ldC;
    store<f64>(c, load<f64>(c) + t);
    axpy(m - 1, t, pv1, incv, c + 8, 1);
  }
}
