/**
 * syr2k — symmetric rank-2k update, lower triangle, through the packed GEMM     (BLAS dsyr2k, uplo = 'L',
 *                                                                              trans = 'N'; 2n²k flops)
 *
 *   C ← α·(A·Bᵀ + B·Aᵀ) + β·C,     A, B n×k,  C n×n (lower triangle read and written)
 *
 * A·Bᵀ + B·Aᵀ = X·Yᵀ with X = [A B] and Y = [B A] (n×2k): one product of depth 2k instead of two of
 * depth k, so C is read and written once and the GEMM's inner dimension doubles (in the
 * tridiagonalisation k = nb = 32 is small). Both live in one copy Z = [A B A] (n×3k, ld n, in the
 * workspace): X = Z[:, 0:2k], Y = Z[:, k:3k]. Only the lower triangle is formed. It is cut into block
 * columns of width nbc = the GEMM's MC (tuning.ts: T_GEMM_MC), and the diagonal block of each into
 * column tiles of width nd = min(nbc, SYR2K_NBD):
 *
 *        j0  s0 s1   j1                block column J = [j0, j1), tile S = [s0, s1) inside it:
 *   [ C00 |         |   ]                T   ← α·X[S]·Y[S]ᵀ                        (nd×nd tile)
 *   [ C10 | CSS     |   ]  s0            CSS ← lower(T) + β·lower(CSS)             (merge)
 *   [ C10 | CS'S ⋱  |   ]  s1            C[s1:j1, S] ← α·X[s1:j1]·Y[S]ᵀ + β·C[s1:j1, S]
 *   [ C20 | C2J     |   ]  j1            C2J ← α·X[j1:n]·Y[J]ᵀ + β·C2J            (the rest of the block column)
 *
 * Each nd×nd tile is formed whole (its strict upper half is wasted, ≈ n·nd·k flops in all, against
 * n·nbc·k with one tile per block column) so that no second micro-kernel is needed. When 2k ≤ KC (one
 * pass of the GEMM over the depth) an entry's bits do not depend on nbc or nd: it is α·(its depth-2k sum
 * in the GEMM's order), then + β·c, whether it goes through T or straight into C. In the
 * tridiagonalisation (sytrd.ts) this is the level-3 half: A22 ← A22 − V·Wᵀ − W·Vᵀ with α = −1, β = 1,
 * A = V, B = W.
 *
 * SYR2K_NBD = 32, measured in sytrd at n = 1000 (SIMD build, Node 20, AMD EPYC family 25, 2 vCPUs
 * shared with another engineer's benchmarks; median of 15 alternating calls, ms): two depth-k products
 * per block with one 128-wide tile (before) 133, one depth-2k product with nd = 16 / 32 / 64: 120 / 118 /
 * 125. nd = 16 makes the tiles' GEMMs too small to pay for their calls.
 *
 * Storage: A at `pA` (lda ≥ n), B at `pB` (ldb ≥ n), C at `pC` (ldc ≥ n), column-major; the strict
 * upper triangle of C is not touched. β = 0 means C is not read. Workspace: `pw`, 16-byte aligned,
 * `syr2kScratch(n, k)` doubles (Z, gemm's packing space and the nd×nd tile); it depends on the GEMM
 * blocking in force. Returns nothing.
 *
 * Reference: reference BLAS dsyr2k; Golub & Van Loan, 4th ed., §1.5 (block algorithms) and §8.3.1;
 * the blocking as in gemm/syrk.ts.
 */
import { gemm, gemmScratch } from '../../gemm/gemm';
import { even } from '../../util';
import { tuneI, T_GEMM_MC } from '../../tuning';

/** Width of the diagonal tiles (see the header). */
// @ts-ignore: decorator
@inline export const SYR2K_NBD: i32 = 32;

/** Doubles of workspace `syr2k` needs, with the GEMM blocking in force. */
export function syr2kScratch(n: i32, k: i32): i32 {
  if (n <= 0) return 0;
  const nb = max(1, min(n, tuneI(T_GEMM_MC)));
  const nd = min(nb, SYR2K_NBD);
  return even(3 * n * k) + even(max(gemmScratch(n, nb, 2 * k), gemmScratch(nd, nd, 2 * k))) + nd * nd;
}

export function syr2k(
  n: i32, k: i32, alpha: f64, pA: usize, lda: i32, pB: usize, ldb: i32,
  beta: f64, pC: usize, ldc: i32, pw: usize,
): void {
  if (n <= 0) return;
  const nb = min(n, tuneI(T_GEMM_MC));
  const nd = min(nb, SYR2K_NBD);
  const ldC = <usize>ldc << 3;
  const ldA = <usize>lda << 3;
  const ldB = <usize>ldb << 3;
  const ldZ = <usize>n << 3;
  // Z = [A B A] (n×3k, ld n): X = Z[:, 0:2k] = [A B], Y = Z[:, k:3k] = [B A], X·Yᵀ = A·Bᵀ + B·Aᵀ
  const pX = pw;
  const pY = pX + <usize>k * ldZ;
  for (let j = 0; j < k; j++) {
    const a = pA + <usize>j * ldA;
    const b = pB + <usize>j * ldB;
    const z0 = pX + <usize>j * ldZ;
    const z1 = pY + <usize>j * ldZ;
    const z2 = z1 + <usize>k * ldZ;
    for (let i = 0; i < n; i++) {
      const o = <usize>i << 3;
      const av = load<f64>(a + o);
      store<f64>(z0 + o, av);
      store<f64>(z1 + o, load<f64>(b + o));
      store<f64>(z2 + o, av);
    }
  }
  const k2 = 2 * k;
  const pG = pw + (<usize>even(3 * n * k) << 3);
  const g = max(gemmScratch(n, nb, k2), gemmScratch(nd, nd, k2));
  const pT = pG + (<usize>even(g) << 3);
  for (let j0 = 0; j0 < n; j0 += nb) {
    const jb = min(nb, n - j0);
    const j1 = j0 + jb;
    // the diagonal block CJJ in tiles of nd columns: a tile's nd×nd diagonal part through T, the rest of
    // its columns inside the block straight into C
    for (let s0 = j0; s0 < j1; s0 += nd) {
      const sb = min(nd, j1 - s0);
      const xS = pX + (<usize>s0 << 3);
      const yS = pY + (<usize>s0 << 3);
      gemm(0, 1, sb, sb, k2, alpha, xS, n, yS, n, 0, pT, sb, pG);
      for (let j = 0; j < sb; j++) {
        const cj = pC + <usize>(s0 + j) * ldC + (<usize>s0 << 3);
        const tj = pT + (<usize>(j * sb) << 3);
        for (let i = j; i < sb; i++) {
          const o = <usize>i << 3;
          const t = load<f64>(tj + o);
          store<f64>(cj + o, beta == 0 ? t : t + beta * load<f64>(cj + o));
        }
      }
      const s1 = s0 + sb;
      if (s1 < j1) {
        gemm(0, 1, j1 - s1, sb, k2, alpha, pX + (<usize>s1 << 3), n, yS, n, beta, pC + <usize>s0 * ldC + (<usize>s1 << 3), ldc, pG);
      }
    }
    if (j1 < n) {
      // C2J ← α·X[j1:n]·Y[J]ᵀ + β·C2J
      gemm(0, 1, n - j1, jb, k2, alpha, pX + (<usize>j1 << 3), n, pY + (<usize>j0 << 3), n, beta, pC + <usize>j0 * ldC + (<usize>j1 << 3), ldc, pG);
    }
  }
}
