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
