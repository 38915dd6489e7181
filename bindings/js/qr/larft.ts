/**
 * larft — the triangular factor T of a block reflector (forward, columnwise)       (≈ mk² + k³/3 flops)
 *
 * JS mirror of assembly/qr/larft.ts (read it for the induction). H₀·H₁ ⋯ Hₖ₋₁ = I − V·T·Vᵀ with
 *
 *   T = [ T₋  z ; 0  τᵢ ],    z = −τᵢ·T₋·(V₋ᵀ·vᵢ)
 *
 * V (m×k, V[i, j] = v[offV + i + j·ldv]) is unit lower trapezoidal; only its strict lower part is read.
 * τᵢ = tau[offTau + i]; requires k ≤ m. On exit T[i, j] = t[offT + i + j·ldt] (ldt ≥ k) is upper
 * triangular with its strict lower triangle set to 0. No workspace. Same operation order as the wasm
 * kernel, so the results agree bit for bit.
 *
 * References: Schreiber & Van Loan, SIAM J. Sci. Stat. Comput. 10(1), 1989; Golub & Van Loan, 4th ed.,
 * §5.1.7; LAPACK dlarft (direct = 'F', storev = 'C').
 */
import { gemv } from '../blas/gemv.js';

export function larft(
  m: number, k: number, v: Float64Array, offV: number, ldv: number,
  tau: Float64Array, offTau: number, t: Float64Array, offT: number, ldt: number,
): void {
  for (let i = 0; i < k; i++) {
    const ti = tau[offTau + i]!;
    const c = offT + i * ldt; // column i of T
    if (ti === 0) {
      for (let j = 0; j < i; j++) t[c + j] = 0;
    } else if (i > 0) {
      // z ← −τᵢ·V[i+1:m, 0:i]ᵀ·V[i+1:m, i]        (m − i − 1 = 0: z ← 0)
      const vi1 = offV + i + 1;
      gemv(1, m - i - 1, i, -ti, v, vi1, ldv, v, vi1 + i * ldv, 1, 0, t, c, 1);
      // z ← z − τᵢ·V[i, 0:i]ᵀ                     (the implicit vᵢ[i] = 1)
      const vrow = offV + i;
      for (let j = 0; j < i; j++) t[c + j] = t[c + j]! + -ti * v[vrow + j * ldv]!;
      // z ← T[0:i, 0:i]·z   (upper triangular, in place)
      for (let j = 0; j < i; j++) {
        const r = offT + j; // row j of T
        let s = t[r + j * ldt]! * t[c + j]!;
        for (let l = j + 1; l < i; l++) s += t[r + l * ldt]! * t[c + l]!;
        t[c + j] = s;
      }
    }
    t[c + i] = ti;
    for (let j = i + 1; j < k; j++) t[c + j] = 0;
  }
}
