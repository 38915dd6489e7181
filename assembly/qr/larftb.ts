/**
 * larftb — the triangular factor T of a block reflector (backward, rowwise)     (≈ nk² + k³/3 flops)
 *
 * The twin of larft.ts for RQ (gerqf, orgrq): k reflectors Hᵢ = I − τᵢ·vᵢ·vᵢᵀ stored as the ROWS of a
 * k×n matrix V, combined in the BACKWARD order
 *
 *   H = H_{k−1} ⋯ H₁·H₀ = I − Vᵀ·T·V,      T lower triangular (k×k).
 *
 * Induction (Schreiber & Van Loan 1989, run from the last reflector down): with
 * H_{k−1}⋯H_{i+1} = I − V₊ᵀ·T₊·V₊ (V₊ = rows i+1 … k−1), multiplying by Hᵢ on the right gives
 *
 *   T = [ τᵢ  0  ]      z = −τᵢ · T₊ · (V₊·vᵢ)      ((k−i−1)×1)
 *       [ z   T₊ ]
 *
 * Row i of V is vᵢ with vᵢ[n−k+i] = 1 (not stored — in gerqf that storage holds R), vᵢ[n−k+i+1:n] = 0
 * (not read), vᵢ[0:n−k+i] stored in V[i, 0:n−k+i]. So for j > i, v_j·vᵢ = V[j, 0:n−k+i]·V[i, 0:n−k+i]
 * + V[j, n−k+i]: one gemv (axpys down the columns of V) plus one column of V. T₊·z is a lower triangular
 * matrix–vector product done in place in column i of T (row j uses z[i+1 … j], so rows go upwards).
 * τᵢ = 0 (Hᵢ = I) gives a zero z.
 *
 * Storage: V at `pV` (ldv ≥ k; the k×n row block of A in gerqf), τ at `pTau` (k doubles), both read
 * only; requires k ≤ n. On exit T is at `pT` (ldt ≥ k) with its strict upper triangle set to 0.
 * Workspace: none. Returns nothing.
 *
 * References: Schreiber & Van Loan, "A storage-efficient WY representation for products of Householder
 * transformations", SIAM J. Sci. Stat. Comput. 10(1), 1989; Golub & Van Loan, 4th ed., §5.1.7;
 * LAPACK dlarft (direct = 'B', storev = 'R').
 */
import { gemv } from '../blas/gemv';

export function larftb(n: i32, k: i32, pV: usize, ldv: i32, pTau: usize, pT: usize, ldt: i32): void {
  const ldV = <usize>ldv << 3;
  const ldT = <usize>ldt << 3;
  for (let i = k - 1; i >= 0; i--) {
    const tau = load<f64>(pTau + (<usize>i << 3));
    const ti = pT + <usize>i * ldT; // column i of T
    for (let j = 0; j < i; j++) store<f64>(ti + (<usize>j << 3), 0);
    if (tau == 0) {
      for (let j = i + 1; j < k; j++) store<f64>(ti + (<usize>j << 3), 0);
    } else if (i < k - 1) {
      const c = n - k + i; // vᵢ's unit column
      const z = ti + (<usize>(i + 1) << 3);
      // z ← −τᵢ·V[i+1:k, 0:c]·V[i, 0:c]ᵀ          (c = 0: z ← 0)
      gemv(0, k - i - 1, c, -tau, pV + (<usize>(i + 1) << 3), ldv, pV + (<usize>i << 3), ldv, 0, z, 1);
      // z ← z − τᵢ·V[i+1:k, c]                     (the implicit vᵢ[c] = 1)
      const vc = pV + <usize>c * ldV + (<usize>(i + 1) << 3);
      for (let j = 0; j < k - i - 1; j++) {
        const o = <usize>j << 3;
        store<f64>(z + o, load<f64>(z + o) + -tau * load<f64>(vc + o));
      }
      // z ← T[i+1:k, i+1:k]·z   (lower triangular, in place, bottom row first)
      for (let j = k - 1; j > i; j--) {
        const tj = pT + (<usize>j << 3); // row j of T
        let s = load<f64>(tj + <usize>j * ldT) * load<f64>(ti + (<usize>j << 3));
        for (let l = j - 1; l > i; l--) s += load<f64>(tj + <usize>l * ldT) * load<f64>(ti + (<usize>l << 3));
        store<f64>(ti + (<usize>j << 3), s);
      }
    }
    store<f64>(ti + (<usize>i << 3), tau);
  }
}
