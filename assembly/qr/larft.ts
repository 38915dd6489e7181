/**
 * larft — the triangular factor T of a block reflector (forward, columnwise)       (≈ mk² + k³/3 flops)
 *
 * k reflectors Hᵢ = I − τᵢ·vᵢ·vᵢᵀ, applied in the order H₀ first, combine into the compact-WY form
 *
 *   H = H₀·H₁ ⋯ Hₖ₋₁ = I − V·T·Vᵀ,     V = [v₀ … vₖ₋₁] (m×k),  T upper triangular (k×k).
 *
 * Induction (Schreiber & Van Loan 1989): with H₀⋯Hᵢ₋₁ = I − V₋·T₋·V₋ᵀ, multiplying by Hᵢ gives
 *
 *   T = [ T₋   z  ]      z = −τᵢ · T₋ · (V₋ᵀ·vᵢ)      (i×1)
 *       [ 0    τᵢ ]
 *
 * V is unit lower trapezoidal: vᵢ[0:i] = 0, vᵢ[i] = 1 (neither stored nor read — the upper triangle of
 * the V storage usually holds R), vᵢ[i+1:m] at V[i+1:m, i]. So V₋ᵀ·vᵢ = V[i, 0:i]ᵀ + V[i+1:m, 0:i]ᵀ·V[i+1:m, i],
 * one gemv (dots down the columns of V), and T₋·(·) is an upper triangular matrix–vector product done in
 * place in column i of T. τᵢ = 0 (Hᵢ = I) gives a zero column z.
 *
 * Storage: V at `pV` (ldv ≥ m), τ at `pTau` (k doubles), both read only; requires k ≤ m. On exit T is at
 * `pT` (ldt ≥ k) with its strict lower triangle set to 0, so it can also be used as a full k×k matrix.
 * Workspace: none. Returns nothing.
 *
 * Flops: the dots cost 2·Σᵢ i·(m − i − 1) ≈ mk² − 2k³/3 and the triangular products ≈ k³/3.
 *
 * References: Schreiber & Van Loan, "A storage-efficient WY representation for products of Householder
 * transformations", SIAM J. Sci. Stat. Comput. 10(1), 1989; Golub & Van Loan, 4th ed., §5.1.7
 * (Algorithm 5.1.2); LAPACK dlarft (direct = 'F', storev = 'C').
 */
import { gemv } from '../blas/gemv';

export function larft(m: i32, k: i32, pV: usize, ldv: i32, pTau: usize, pT: usize, ldt: i32): void {
  const ldV = <usize>ldv << 3;
  const ldT = <usize>ldt << 3;
  for (let i = 0; i < k; i++) {
    const tau = load<f64>(pTau + (<usize>i << 3));
    const ti = pT + <usize>i * ldT; // column i of T
    if (tau == 0) {
      for (let j = 0; j < i; j++) store<f64>(ti + (<usize>j << 3), 0);
    } else if (i > 0) {
      // z ← −τᵢ·V[i+1:m, 0:i]ᵀ·V[i+1:m, i]        (m − i − 1 = 0: z ← 0)
      const vi1 = pV + (<usize>(i + 1) << 3);
      gemv(1, m - i - 1, i, -tau, vi1, ldv, vi1 + <usize>i * ldV, 1, 0, ti, 1);
      // z ← z − τᵢ·V[i, 0:i]ᵀ                     (the implicit vᵢ[i] = 1)
      const vrow = pV + (<usize>i << 3);
      for (let j = 0; j < i; j++) {
        const o = <usize>j << 3;
        store<f64>(ti + o, load<f64>(ti + o) + -tau * load<f64>(vrow + <usize>j * ldV));
      }
      // z ← T[0:i, 0:i]·z   (upper triangular, in place: row j uses only z[j:i], not yet overwritten)
      for (let j = 0; j < i; j++) {
        const tj = pT + (<usize>j << 3); // row j of T
        let s = load<f64>(tj + <usize>j * ldT) * load<f64>(ti + (<usize>j << 3));
        for (let l = j + 1; l < i; l++) s += load<f64>(tj + <usize>l * ldT) * load<f64>(ti + (<usize>l << 3));
        store<f64>(ti + (<usize>j << 3), s);
      }
    }
    store<f64>(ti + (<usize>i << 3), tau);
    for (let j = i + 1; j < k; j++) store<f64>(ti + (<usize>j << 3), 0);
  }
}
