/**
 * gees — real Schur decomposition A = Z·T·Zᵀ                                        (≈ 25n³ flops; GVL §7.5.6)
 *
 * Z orthogonal, T upper quasi-triangular in standardised form (1×1 blocks for real eigenvalues,
 * 2×2 blocks [a b; c a] with b·c < 0 for complex pairs a ± i·sqrt(−b·c)).
 *
 *   gehrd   A = Q·H·Qᵀ;   orghr   Z ← Q;   hqr   H = Z₁·T·Z₁ᵀ, Z ← Q·Z₁
 *
 * No balancing: scaling by D would make the similarity non-orthogonal (A = (DZ)·T·(DZ)⁻¹), and LAPACK's
 * dgees only permutes; here not even that, so Z is exactly the product of the orthogonal transformations
 * applied. Eigenvalues in wr, wi in the order of T's diagonal (pairs adjacent, positive imaginary part
 * first).
 *
 * Storage: A n×n at `pA` (lda ≥ max(1, n)); on exit T (entries below the first subdiagonal set to 0).
 * Z n×n at `pZ` (ldz ≥ max(1, n)), written. wr, wi: n doubles each.
 *
 * Workspace: `pw`, 16-byte aligned, `geesScratch(n)` doubles.
 *
 * Returns 0, or k > 0 if the QR iteration did not converge (rows/columns 0 … k−1 unconverged; A and Z
 * then hold the partial reduction, still with A₀ = Z·A·Zᵀ; wr/wi valid at k … n−1).
 *
 * References: Golub & Van Loan, 4th ed., §7.4–7.5; LAPACK dgees (sort = 'N'), dgehrd, dorghr, dlahqr.
 */
import { gehrd, gehrdScratch } from './gehrd';
import { orghr, orghrScratch } from './orghr';
import { hqr } from './hqr';
import { clearBelowSubdiagonal } from './geev';
import { even } from '../../util';

/** Doubles of workspace `gees` needs. */
export function geesScratch(n: i32): i32 {
  if (n <= 0) return 0;
  return even(n) + max(max(orghrScratch(n), gehrdScratch(n)), max(even(n), 4));
}

export function gees(n: i32, pA: usize, lda: i32, pWr: usize, pWi: usize, pZ: usize, ldz: i32, pw: usize): i32 {
  if (n <= 0) return 0;
  const ldA = <usize>lda << 3;
  const ldZ = <usize>ldz << 3;
  const pTau = pw;
  const pWk = pw + (<usize>even(n) << 3);
  gehrd(n, 0, n - 1, pA, lda, pTau, pWk);
  for (let j = 0; j < n; j++) memory.copy(pZ + <usize>j * ldZ, pA + <usize>j * ldA, <usize>n << 3);
  orghr(n, 0, n - 1, pZ, ldz, pTau, pWk);
  const info = hqr(1, 1, n, 0, n - 1, pA, lda, pWr, pWi, 0, n - 1, pZ, ldz, pWk);
  clearBelowSubdiagonal(n, pA, lda);
  return info;
}
