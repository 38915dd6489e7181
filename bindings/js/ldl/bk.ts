/**
 * bk — the Bunch–Kaufman pivot choice, shared by the unblocked (sytf2.ts) and blocked (lasyf.ts) LDLᵀ
 *
 * JS mirror of assembly/ldl/bk.ts (read it for the rule, α and the references).
 */
import { iamax } from '../blas/iamax.js';

/** α = (1 + √17)/8. */
export const BK_ALPHA = 0.6403882032022076;

/** After |a_kk| < α·λ and σ is known: 0 = 1×1 pivot a_kk, 1 = 1×1 pivot a_rr (swap), 2 = 2×2 pivot. */
export function bkChoice(absakk: number, colmax: number, rowmax: number, absarr: number): number {
  if (absakk >= BK_ALPHA * colmax * (colmax / rowmax)) return 0;
  if (absarr >= BK_ALPHA * rowmax) return 1;
  return 2;
}

/**
 * imax: the row of λ = max |x_i| over i = k+1..n−1 of the column at x[offX…] (k itself when k is the
 * last row). Of equal maxima, the first (tie = 0) or the last (tie = 1): see assembly/ldl/bk.ts.
 */
export function bkImax(tie: number, n: number, k: number, x: Float64Array, offX: number): number {
  if (k + 1 >= n) return k;
  const o = offX + k + 1;
  return k + 1 + (tie ? iamaxLast(n - k - 1, x, o) : iamax(n - k - 1, x, o, 1));
}

/** The last index i of max |x_i| over n ≥ 1 contiguous entries (NaN never wins, as in iamax). */
function iamaxLast(n: number, x: Float64Array, offX: number): number {
  let best = 0;
  let bestAbs = Math.abs(x[offX]!);
  for (let i = 1; i < n; i++) {
    const a = Math.abs(x[offX + i]!);
    if (a >= bestAbs) {
      bestAbs = a;
      best = i;
    }
  }
  return best;
}

/**
 * σ = max |a_rj| over the active row/column r = imax: `len1` entries left of the diagonal at x[off1…]
 * (stride `inc1`), then `len2` entries below it at x[off2…] (unit stride).
 */
export function bkRowmax(len1: number, x: Float64Array, off1: number, inc1: number, len2: number, off2: number): number {
  let r = Math.abs(x[off1 + iamax(len1, x, off1, inc1) * inc1]!);
  if (len2 > 0) r = Math.max(r, Math.abs(x[off2 + iamax(len2, x, off2, 1)]!));
  return r;
}

/** Records the pivot of step k: kp for a 1×1 block, ~kp at k and k+1 for a 2×2 block. */
export function bkStorePivot(ipiv: Int32Array, offIpiv: number, k: number, kp: number, kstep: number): void {
  if (kstep === 1) {
    ipiv[offIpiv + k] = kp;
  } else {
    ipiv[offIpiv + k] = ~kp;
    ipiv[offIpiv + k + 1] = ~kp;
  }
}
