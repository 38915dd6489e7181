/**
 * laed3 — eigenvalues and eigenvectors of D + ρ·z·zᵀ after deflation   (≈ 4k² per root for the solver,
 *         ≈ 3k² for the vectors: O(k²) in all, next to the O(n·k²) GEMM of laed1)
 *
 *   D = diag(λ̃₀ < … < λ̃_{k−1}) (the poles left by laed2), ρ > 0, all zⱼ ≠ 0:
 *   D + ρ·z·zᵀ = U·diag(λ₀ < … < λ_{k−1})·Uᵀ,  uⱼ ∝ (D − λⱼ)⁻¹·z
 *
 * 1. Each λⱼ by laed4, which also returns δᵢⱼ = λ̃ᵢ − λⱼ to high relative accuracy (column j of U's
 *    storage holds them for now).
 * 2. Gu & Eisenstat's recomputation of z. The computed λⱼ are the exact eigenvalues of D + ρ·ẑ·ẑᵀ for
 *    a ẑ close to z (Löwner's theorem), given by
 *
 *      ρ·ẑᵢ² = Πⱼ (λⱼ − λ̃ᵢ) / Π_{j≠i} (λ̃ⱼ − λ̃ᵢ) = −δᵢᵢ · Π_{j≠i} δᵢⱼ/(λ̃ᵢ − λ̃ⱼ),   sign(ẑᵢ) = sign(zᵢ).
 *
 *    The vectors built from ẑ, uⱼ = (ẑᵢ/δᵢⱼ)ᵢ / ‖·‖, are then numerically orthogonal however close
 *    the λⱼ are (Gu & Eisenstat 1995, §3), whereas those built from z are not (the loss of
 *    orthogonality of Cuppen's original method). (The constant ρ cancels in the normalisation, so
 *    ρ·ẑ² is used as it stands.)
 * 3. uⱼ = s·(1/‖s‖), sᵢ = ẑᵢ/δᵢⱼ, its rows written in laed2's type-grouped order (row r = pole grp[r]).
 *
 * Storage: dl, w (k doubles at pDl, pW: poles ascending and z); grp (k, integers as doubles); on exit
 * lam (k at pLam) ascending, U (k×k at pU, ld k) with its rows permuted by grp. Work: s (k doubles at
 * pS). Returns 0, or 1 when laed4 did not converge for some root.
 *
 * References: Gu & Eisenstat, "A stable and efficient algorithm for the rank-one modification of the
 * symmetric eigenproblem", SIAM J. Matrix Anal. Appl. 16(1), 1995; Löwner 1934; Demmel, Applied
 * Numerical Linear Algebra, §5.3.3 (Theorem 5.10 and the discussion after it); LAPACK dlaed3.
 */
import { laed4 } from './laed4';
import { ld, st } from '../../util';

export function laed3(k: i32, pDl: usize, pW: usize, rho: f64, pGrp: usize, pLam: usize, pU: usize, pS: usize): i32 {
  if (k == 0) return 0;
  if (k == 1) {
    store<f64>(pLam, ld(pDl, 0) + rho * ld(pW, 0) * ld(pW, 0));
    store<f64>(pU, 1);
    return 0;
  }
  const ldU = <usize>k << 3;
  // 1. the roots and the δ's
  for (let j = 0; j < k; j++) {
    if (laed4(k, j, pDl, pW, pU + <usize>j * ldU, rho, pLam + (<usize>j << 3)) != 0) return 1;
  }
  // 2. ẑ (into s): −δᵢᵢ·Π_{j≠i} δᵢⱼ/(λ̃ᵢ − λ̃ⱼ), column by column
  for (let i = 0; i < k; i++) st(pS, i, ld(pU + <usize>i * ldU, i));
  for (let j = 0; j < k; j++) {
    const c = pU + <usize>j * ldU;
    const dj = ld(pDl, j);
    for (let i = 0; i < j; i++) st(pS, i, ld(pS, i) * (ld(c, i) / (ld(pDl, i) - dj)));
    for (let i = j + 1; i < k; i++) st(pS, i, ld(pS, i) * (ld(c, i) / (ld(pDl, i) - dj)));
  }
  for (let i = 0; i < k; i++) {
    const r = Math.sqrt(-ld(pS, i));
    st(pS, i, ld(pW, i) >= 0 ? r : -r);
  }
  // 3. the vectors: column j ← (ẑᵢ/δᵢⱼ)ᵢ normalised, rows in grp order (ẑ moves into w: no longer needed)
  for (let i = 0; i < k; i++) st(pW, i, ld(pS, i));
  for (let j = 0; j < k; j++) {
    const c = pU + <usize>j * ldU;
    let smax: f64 = 0;
    for (let i = 0; i < k; i++) {
      const v = ld(pW, i) / ld(c, i);
      st(pS, i, v);
      smax = max(smax, Math.abs(v));
    }
    // ‖s‖ = smax·‖s/smax‖ (no overflow), then s·(1/‖s‖): multiplications, not k divisions
    const inv = 1.0 / smax;
    let ss: f64 = 0;
    for (let i = 0; i < k; i++) {
      const v = ld(pS, i) * inv;
      ss += v * v;
    }
    const rn = 1.0 / (smax * Math.sqrt(ss));
    for (let r = 0; r < k; r++) st(c, r, ld(pS, <i32>ld(pGrp, r)) * rn);
  }
  return 0;
}
