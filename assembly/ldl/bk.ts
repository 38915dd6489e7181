/**
 * bk — the Bunch–Kaufman pivot choice, shared by the unblocked (sytf2.ts) and blocked (lasyf.ts) LDLᵀ
 *
 * At step k of A = L·D·Lᵀ (lower), with the active column a = A[k:n, k] (updated):
 *   λ = colmax = max_{i>k} |a_ik|, attained at row r = imax;
 *   σ = rowmax = max_{j≠r} |a_rj| over row/column r of the active part (σ ≥ λ, since a_rk counts).
 *
 *   |a_kk| ≥ α·λ          → 1×1 pivot a_kk, no interchange                 (checked first: no σ needed)
 *   |a_kk|·σ ≥ α·λ²        → 1×1 pivot a_kk, no interchange
 *   |a_rr| ≥ α·σ          → 1×1 pivot a_rr, interchange k ↔ r
 *   otherwise             → 2×2 pivot [a_kk a_rk; a_rk a_rr], interchange k+1 ↔ r
 *
 * with α = (1 + √17)/8 ≈ 0.6404, the value that minimises the bound on element growth per step
 * (growth ≤ (1 + 1/α)² ≈ 2.57² for two steps), so the factorisation is normwise backward stable in
 * practice; a 2×2 pivot has |det| ≥ (1 − α²)·λ² > 0. The second test is written α·λ·(λ/σ) as in
 * LAPACK, which cannot overflow.
 *
 * References: J. R. Bunch and L. Kaufman, "Some stable methods for calculating inertia and solving
 * symmetric linear systems", Math. Comp. 31 (1977) 163–179; Golub & Van Loan, 4th ed., §4.4.4
 * (Algorithm 4.4.4 is the rook variant; this is the original partial pivoting of their eq. 4.4.12);
 * LAPACK dsytf2 / dlasyf.
 */
import { iamax } from '../blas/iamax';

/** α = (1 + √17)/8. */
// @ts-ignore: decorator
@inline export const BK_ALPHA: f64 = 0.6403882032022076;

/** After |a_kk| < α·λ and σ is known: 0 = 1×1 pivot a_kk, 1 = 1×1 pivot a_rr (swap), 2 = 2×2 pivot. */
// @ts-ignore: decorator
@inline export function bkChoice(absakk: f64, colmax: f64, rowmax: f64, absarr: f64): i32 {
  if (absakk >= BK_ALPHA * colmax * (colmax / rowmax)) return 0;
  if (absarr >= BK_ALPHA * rowmax) return 1;
  return 2;
}

/**
 * imax: the row of λ = max |x_i| over i = k+1..n−1 of the column at `px` (k itself when k is the last
 * row). Of equal maxima, the first (tie = 0: LAPACK's idamax, as its lower factorisation sees them)
 * or the last (tie = 1: what LAPACK's upper factorisation picks, seen through the reversal J·A·J that
 * turns the upper triangle into the lower one).
 */
// @ts-ignore: decorator
@inline export function bkImax(tie: i32, n: i32, k: i32, px: usize): i32 {
  if (k + 1 >= n) return k;
  const p = px + (<usize>(k + 1) << 3);
  return k + 1 + (tie ? iamaxLast(n - k - 1, p) : iamax(n - k - 1, p, 1));
}

/** The last index i of max |x_i| over n ≥ 1 contiguous entries (NaN never wins, as in iamax). */
function iamaxLast(n: i32, px: usize): i32 {
  let best: i32 = 0;
  let bestAbs = Math.abs(load<f64>(px));
  for (let i = 1; i < n; i++) {
    const a = Math.abs(load<f64>(px + (<usize>i << 3)));
    if (a >= bestAbs) {
      bestAbs = a;
      best = i;
    }
  }
  return best;
}

/**
 * σ = max |a_rj| over the active row/column r = imax: `len1` entries left of the diagonal at `p1`
 * (stride `inc1`), then `len2` entries below it at `p2` (unit stride).
 */
// @ts-ignore: decorator
@inline export function bkRowmax(len1: i32, p1: usize, inc1: i32, len2: i32, p2: usize): f64 {
  let r = Math.abs(load<f64>(p1 + <usize>(iamax(len1, p1, inc1) * inc1) * 8));
  if (len2 > 0) r = max(r, Math.abs(load<f64>(p2 + (<usize>iamax(len2, p2, 1) << 3))));
  return r;
}

/** Records the pivot of step k: kp for a 1×1 block, ~kp at k and k+1 for a 2×2 block. */
// @ts-ignore: decorator
@inline export function bkStorePivot(pIpiv: usize, k: i32, kp: i32, kstep: i32): void {
  if (kstep == 1) {
    store<i32>(pIpiv + (<usize>k << 2), kp);
  } else {
    store<i32>(pIpiv + (<usize>k << 2), ~kp);
    store<i32>(pIpiv + (<usize>(k + 1) << 2), ~kp);
  }
}
