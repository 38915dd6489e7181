/**
 * gehd2 — Householder reduction to upper Hessenberg form, unblocked          (10/3·n³ flops for ilo = 0, ihi = n−1)
 *
 * Computes an orthogonal Q with Qᵀ·A·Q = H upper Hessenberg (zero below the first subdiagonal). Q is the
 * product of reflectors Q = H_ilo·H_{ilo+1} ⋯ H_{ihi−2}, where Hᵢ = I − τᵢ·vᵢ·vᵢᵀ has vᵢ[0:i+1] = 0,
 * vᵢ[i+1] = 1 and annihilates A[i+2:ihi+1, i]:
 *
 *   for i = ilo … ihi−2:
 *        i  i+1          ihi
 *     [  *   *  …  *  ]                     (larfg) vᵢ, τᵢ from A[i+1:ihi+1, i]; A[i+1, i] ← β
 *     [  β   *  …  *  ]  i+1                A[0:ihi+1, i+1:ihi+1] ← A·Hᵢ        (from the right)
 *     [  0   *  …  *  ]                     A[i+1:ihi+1, i+1:n]   ← Hᵢ·A        (from the left, larf)
 *     [  0   *  …  *  ]  ihi
 *
 * If gebal left rows/columns outside ilo … ihi already triangular, A is Hessenberg there and only the
 * window is reduced (rows 0 … ihi see the right update, columns i+1 … n−1 the left one).
 *
 * Storage: A n×n at `pA` (lda ≥ max(1, n)); on exit H on and above the first subdiagonal, vᵢ[i+2:ihi+1]
 * below it in column i. τ at `pTau`: n − 1 doubles, τᵢ = 0 for i < ilo and i ≥ ihi − 1 (Hᵢ = I).
 *
 * Workspace: `pw`, n doubles. Returns 0.
 *
 * References: Golub & Van Loan, 4th ed., §7.4.3 (Algorithm 7.4.2); LAPACK dgehd2.
 */
import { larfg } from '../../qr/larfg';
import { larf } from '../../qr/larf';
import { gemv } from '../../blas/gemv';
import { axpy } from '../../blas/axpy';

export function gehd2(n: i32, ilo: i32, ihi: i32, pA: usize, lda: i32, pTau: usize, pw: usize): i32 {
  if (n <= 1) return 0;
  for (let i = 0; i < n - 1; i++) store<f64>(pTau + (<usize>i << 3), 0);
  gehd2Steps(n, ilo, ihi, pA, lda, pTau, pw);
  return 0;
}

/**
 * Steps i = i0 … ihi−2 of the loop above, τ outside them not written: the blocked gehrd.ts reduces
 * the first columns of the window itself and finishes the last ones here.
 */
export function gehd2Steps(n: i32, i0: i32, ihi: i32, pA: usize, lda: i32, pTau: usize, pw: usize): void {
  const ldA = <usize>lda << 3;
  for (let i = i0; i < ihi - 1; i++) {
    const pv = pA + (<usize>(i + 1) << 3) + <usize>i * ldA; // A[i+1, i]
    const nr = ihi - i; // rows i+1 … ihi
    const tau = larfg(nr, pv, pv + 8, 1);
    store<f64>(pTau + (<usize>i << 3), tau);
    larfRight(ihi + 1, nr, pv, tau, pA + <usize>(i + 1) * ldA, lda, pw);
    larf(nr, n - i - 1, pv, 1, tau, pv + ldA, lda, pw);
  }
}

/**
 * C ← C·H, H = I − τ·v·vᵀ, C m×nv at `pC`, v (nv entries, unit stride) with v₀ = 1 implicit (not read):
 *   w ← C[:, 0] + C[:, 1:]·v[1:]      (gemv)
 *   C[:, j] −= (τ·vⱼ)·w               (one axpy per column)
 */
function larfRight(m: i32, nv: i32, pv: usize, tau: f64, pC: usize, ldc: i32, pw: usize): void {
  if (tau == 0 || m <= 0) return;
  const ldC = <usize>ldc << 3;
  gemv(0, m, nv - 1, 1.0, pC + ldC, ldc, pv + 8, 1, 0, pw, 1);
  for (let r = 0; r < m; r++) {
    const o = <usize>r << 3;
    store<f64>(pw + o, load<f64>(pw + o) + load<f64>(pC + o));
  }
  axpy(m, -tau, pw, 1, pC, 1);
  for (let j = 1; j < nv; j++) {
    axpy(m, -tau * load<f64>(pv + (<usize>j << 3)), pw, 1, pC + <usize>j * ldC, 1);
  }
}
