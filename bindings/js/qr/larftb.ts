/**
 * larftb — the triangular factor T of a block reflector (backward, rowwise)     (≈ nk² + k³/3 flops)
 *
 * JS mirror of assembly/qr/larftb.ts (read it for the math): H = H_{k−1} ⋯ H₀ = I − Vᵀ·T·V with the
 * reflectors as the rows of V (k×n, V[i, j] = v[offV + i + j·ldv], unit entry of row i at column
 * n − k + i, not read) and T k×k lower triangular (T[i, j] = t[offT + i + j·ldt]; strict upper
 * triangle set to 0).
 *
 * Same operation order as the wasm kernel, so the bits agree.
 *
 * References: Schreiber & Van Loan 1989; Golub & Van Loan, 4th ed., §5.1.7; LAPACK dlarft
 * (direct = 'B', storev = 'R').
 */
import { gemv } from '../blas/gemv.js';

export function larftb(
  n: number, k: number, v: Float64Array, offV: number, ldv: number,
  tau: Float64Array, offTau: number, t: Float64Array, offT: number, ldt: number,
): void {
  for (let i = k - 1; i >= 0; i--) {
    const ti = tau[offTau + i]!;
    const col = offT + i * ldt; // column i of T
    for (let j = 0; j < i; j++) t[col + j] = 0;
    if (ti === 0) {
      for (let j = i + 1; j < k; j++) t[col + j] = 0;
    } else if (i < k - 1) {
      const c = n - k + i; // vᵢ's unit column
      const z = col + i + 1;
      // z ← −τᵢ·V[i+1:k, 0:c]·V[i, 0:c]ᵀ          (c = 0: z ← 0)
      gemv(0, k - i - 1, c, -ti, v, offV + i + 1, ldv, v, offV + i, ldv, 0, t, z, 1);
      // z ← z − τᵢ·V[i+1:k, c]                     (the implicit vᵢ[c] = 1)
      const vc = offV + c * ldv + i + 1;
      for (let j = 0; j < k - i - 1; j++) t[z + j] = t[z + j]! + -ti * v[vc + j]!;
      // z ← T[i+1:k, i+1:k]·z   (lower triangular, in place, bottom row first)
      for (let j = k - 1; j > i; j--) {
        const r = offT + j; // row j of T
        let s = t[r + j * ldt]! * t[col + j]!;
        for (let l = j - 1; l > i; l--) s += t[r + l * ldt]! * t[col + l]!;
        t[col + j] = s;
      }
    }
    t[col + i] = ti;
  }
}
