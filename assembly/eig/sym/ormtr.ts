/**
 * ormtr — apply the orthogonal Q of the tridiagonalisation A = Q·T·Qᵀ to a matrix: C ← Q·C   (≈ 2n²·k
 *         flops for C n×k, + ≈ n²·nb for the block reflectors' T factors)
 *
 * sytd2/sytrd (lower) leave Q = H₀·H₁ ⋯ H_{n−2}, Hⱼ = I − τⱼ·vⱼ·vⱼᵀ with vⱼ[0:j+1] = 0, vⱼ[j+1] = 1 and
 * vⱼ[j+2:n] in A[j+2:n, j]. Row and column 0 are untouched by every Hⱼ, so Q = diag(1, Q̃), and in the
 * (n−1)×(n−1) block that starts at A[1, 0] the reflectors sit exactly as geqrf leaves them (column j,
 * unit at its row j, the tail below): C[1:n, :] ← Q̃·C[1:n, :] is qr/ormqr.ts with trans = 0 on that
 * block (blocked: larft + larfb through the GEMM, last block first). Row 0 of C is unchanged. Unlike
 * orgtr nothing is moved: the subdiagonal A[j+1, j] (which holds eⱼ) is the unit entry's slot, never
 * read. This is the back-transformation of k selected eigenvectors of T (syevx): 2n²·k flops instead
 * of forming Q (4/3·n³) and multiplying (2n²·k).
 *
 * Storage: A (n×n at `pA`, lda ≥ max(1, n)) and τ (n−1 at `pTau`) as sytrd left them, read only (the
 * upper triangle and the diagonal are never read). C (n×k at `pC`, ldc ≥ max(1, n)), overwritten by
 * Q·C. Workspace: `pw`, 16-byte aligned, `ormtrScratch(n, k)` doubles (= ormqrScratch(n−1, k, n−1);
 * depends on T_ORMQR_NB and the GEMM blocking). Returns nothing.
 *
 * References: LAPACK dormtr (side = 'L', uplo = 'L', trans = 'N'); Golub & Van Loan, 4th ed., §5.1.6,
 * §5.1.7 and §8.3.1.
 */
import { ormqr, ormqrScratch } from '../../qr/ormqr';

/** Doubles of workspace `ormtr` needs for C n×k. */
export function ormtrScratch(n: i32, k: i32): i32 {
  return n <= 1 || k <= 0 ? 0 : ormqrScratch(n - 1, k, n - 1);
}

export function ormtr(n: i32, k: i32, pA: usize, lda: i32, pTau: usize, pC: usize, ldc: i32, pw: usize): void {
  if (n <= 1 || k <= 0) return;
  ormqr(0, n - 1, k, n - 1, pA + 8, lda, pTau, pC + 8, ldc, pw);
}
