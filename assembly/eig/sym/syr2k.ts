/**
 * syr2k — symmetric rank-2k update, lower triangle, through the packed GEMM     (BLAS dsyr2k, uplo = 'L',
 *                                                                              trans = 'N'; 2n²k flops)
 *
 *   C ← α·(A·Bᵀ + B·Aᵀ) + β·C,     A, B n×k,  C n×n (lower triangle read and written)
 *
 * A·Bᵀ + B·Aᵀ is symmetric, so only the lower triangle is formed. It is cut into block columns of width
 * nbc = the GEMM's MC (tuning.ts: T_GEMM_MC), and every block goes through gemm (gemm/gemm.ts) as two
 * products — the second accumulating onto the first (β' = 1):
 *
 *        j0   j1                      block column J = [j0, j1):
 *   [ C00 |     |   ]                   T      ← α·A[J]·B[J]ᵀ,  T ← T + α·B[J]·A[J]ᵀ     (nbc×nbc tile)
 *   [ C10 | CJJ |   ]  j0               CJJ    ← lower(T) + β·lower(CJJ)                  (merge)
 *   [ C20 | C2J |   ]  j1               C2J    ← α·A[j1:n]·B[J]ᵀ + β·C2J,  C2J ← C2J + α·B[j1:n]·A[J]ᵀ
 *
 * The diagonal tile is formed whole (its strict upper half is wasted, ≈ n·nbc·k flops in all) so that no
 * second micro-kernel is needed. In the tridiagonalisation (sytrd.ts) this is the level-3 half:
 * A22 ← A22 − V·Wᵀ − W·Vᵀ with α = −1, β = 1, A = V, B = W.
 *
 * Storage: A at `pA` (lda ≥ n), B at `pB` (ldb ≥ n), C at `pC` (ldc ≥ n), column-major; the strict
 * upper triangle of C is not touched. β = 0 means C is not read. Workspace: `pw`, 16-byte aligned,
 * `syr2kScratch(n, k)` doubles (gemm's packing space plus the nbc×nbc tile); it depends on the GEMM
 * blocking in force. Returns nothing.
 *
 * Reference: reference BLAS dsyr2k; Golub & Van Loan, 4th ed., §1.5 (block algorithms) and §8.3.1;
 * the blocking as in gemm/syrk.ts.
 */
import { gemm, gemmScratch } from '../../gemm/gemm';
import { tuneI, T_GEMM_MC } from '../../tuning';

/** Doubles of workspace `syr2k` needs, with the GEMM blocking in force. */
export function syr2kScratch(n: i32, k: i32): i32 {
  const nb = max(1, min(n, tuneI(T_GEMM_MC)));
  const g = gemmScratch(n, nb, k);
  return g + (g & 1) + nb * nb;
}

export function syr2k(
  n: i32, k: i32, alpha: f64, pA: usize, lda: i32, pB: usize, ldb: i32,
  beta: f64, pC: usize, ldc: i32, pw: usize,
): void {
  if (n <= 0) return;
  const nb = min(n, tuneI(T_GEMM_MC));
  const ldC = <usize>ldc << 3;
  const g = gemmScratch(n, nb, k);
  const pT = pw + (<usize>(g + (g & 1)) << 3);
  for (let j0 = 0; j0 < n; j0 += nb) {
    const jb = min(nb, n - j0);
    const aJ = pA + (<usize>j0 << 3);
    const bJ = pB + (<usize>j0 << 3);
    // T ← α·A[J]·B[J]ᵀ + α·B[J]·A[J]ᵀ
    gemm(0, 1, jb, jb, k, alpha, aJ, lda, bJ, ldb, 0, pT, jb, pw);
    gemm(0, 1, jb, jb, k, alpha, bJ, ldb, aJ, lda, 1, pT, jb, pw);
    // CJJ ← lower(T) + β·lower(CJJ)
    for (let j = 0; j < jb; j++) {
      const cj = pC + <usize>(j0 + j) * ldC + (<usize>j0 << 3);
      const tj = pT + (<usize>(j * jb) << 3);
      for (let i = j; i < jb; i++) {
        const o = <usize>i << 3;
        const t = load<f64>(tj + o);
        store<f64>(cj + o, beta == 0 ? t : t + beta * load<f64>(cj + o));
      }
    }
    const j1 = j0 + jb;
    if (j1 < n) {
      // C2J ← α·A[j1:n]·B[J]ᵀ + β·C2J + α·B[j1:n]·A[J]ᵀ
      const c2 = pC + <usize>j0 * ldC + (<usize>j1 << 3);
      gemm(0, 1, n - j1, jb, k, alpha, pA + (<usize>j1 << 3), lda, bJ, ldb, beta, c2, ldc, pw);
      gemm(0, 1, n - j1, jb, k, alpha, pB + (<usize>j1 << 3), ldb, aJ, lda, 1, c2, ldc, pw);
    }
  }
}
