/**
 * larfr — apply an elementary reflector from the right, unit entry LAST: C ← C·H     (4mn flops)
 *
 *   H = I − τ·v·vᵀ,   v = [v₀ … v_{n−2}, 1]   (n entries; Hᵀ = H, so this is also C ← C·Hᵀ)
 *
 * This is the reflector of the RQ factorisation (gerq2.ts): larfg annihilates a ROW to the left of its
 * last entry, so the implicit 1 sits at the end of v, and the reflector multiplies the rows above it
 * from the right. (larf.ts is the left-side, unit-first twin used by QR.)
 *
 *   w ← C·v = C[:, 0:n−1]·v[0:n−1] + C[:, n−1]      (gemv without transpose: an axpy per column)
 *   C ← C − τ·w·vᵀ                                  (column j gets (−τ·vⱼ)·w, the last column −τ·w)
 *
 * C is m×n column-major at `pC` (ldc ≥ max(1, m)). v₀ … v_{n−2} are at pv + j·incv (incv > 0; in gerq2
 * and orgr2 incv = lda: v is a row of A); the storage of v_{n−1} is NOT read (it holds R's diagonal
 * entry in gerq2). τ = 0 (H = I) returns at once.
 *
 * Workspace: `pw`, m doubles (w). Returns nothing.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.4 (applying Householder matrices); LAPACK dlarf
 * (side = 'R') as dgerq2 and dorgr2 call it, with v's unit entry last.
 */
import { gemv } from '../blas/gemv';
import { axpy } from '../blas/axpy';

export function larfr(m: i32, n: i32, pv: usize, incv: i32, tau: f64, pC: usize, ldc: i32, pw: usize): void {
  if (tau == 0 || m <= 0 || n <= 0) return;
  const ldC = <usize>ldc << 3;
  const sv = <usize>incv << 3;
  // w ← C[:, 0:n−1]·v[0:n−1]  (n = 1: w ← 0), then w ← w + C[:, n−1]
  gemv(0, m, n - 1, 1.0, pC, ldc, pv, incv, 0, pw, 1);
  const cl = pC + <usize>(n - 1) * ldC;
  for (let i = 0; i < m; i++) {
    const o = <usize>i << 3;
    store<f64>(pw + o, load<f64>(pw + o) + load<f64>(cl + o));
  }
  // C[:, j] += (−τ·vⱼ)·w for j < n − 1, C[:, n−1] += −τ·w
  for (let j = 0; j < n - 1; j++) axpy(m, -tau * load<f64>(pv + <usize>j * sv), pw, 1, pC + <usize>j * ldC, 1);
  axpy(m, -tau, pw, 1, cl, 1);
}
