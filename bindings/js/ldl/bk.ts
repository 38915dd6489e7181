/**
 * bk — the Bunch–Kaufman pivot choice, shared by the unblocked (sytf2.ts) and blocked (lasyf.ts) LDLᵀ
 *
 * JS mirror of assembly/ldl/bk.ts (read it for the rule, α and the references).
 */

/** α = (1 + √17)/8. */
export const BK_ALPHA = 0.6403882032022076;

/** After |a_kk| < α·λ and σ is known: 0 = 1×1 pivot a_kk, 1 = 1×1 pivot a_rr (swap), 2 = 2×2 pivot. */
export function bkChoice(absakk: number, colmax: number, rowmax: number, absarr: number): number {
  if (absakk >= BK_ALPHA * colmax * (colmax / rowmax)) return 0;
  if (absarr >= BK_ALPHA * rowmax) return 1;
  return 2;
}
