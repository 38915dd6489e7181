/**
 * syrk — symmetric rank-k update, one triangle of C:       (BLAS dsyrk; n²k flops)
 *
 *   trans = 0:  C ← α·A·Aᵀ + β·C,   A is n×k (lda ≥ n)      — e.g. the Gram matrix of the rows
 *   trans = 1:  C ← α·Aᵀ·A + β·C,   A is k×n (lda ≥ k)      — e.g. XᵀX, the Gram matrix of the columns
 *
 * Only the lower (uplo = 0) or upper (uplo = 1) triangle of C, diagonal included, is read and
 * written; the other strict triangle is left untouched. β = 0 means C is not read.
 *
 * Blocked by column blocks of width nb = MC (blocking.ts) so that all but the diagonal blocks go
 * through the packed GEMM — about half the flops of the full product:
 *
 *   lower, block column J = [j0, j0+nb):     upper, block column J:
 *     C[J, J]       (diagonal) → edge tile      C[0:j0, J] ← α·op(A)[0:j0]·op(A)[J]ᵀ + β·C  (gemm)
 *     C[j1:n, J]  ← α·op(A)[j1:n]·op(A)[J]ᵀ     C[J, J]    (diagonal) → tile
 *                   + β·C[j1:n, J]  (gemm)
 *
 * A diagonal block is computed whole by gemm into a workspace tile T (β = 0) and only its triangle
 * is merged: C[i, j] ← T[i, j] + β·C[i, j].
 *
 * Workspace: `syrkScratch(n, k)` doubles at `pw` (16-byte aligned).
 */
import { MC } from './blocking';
import { gemm, gemmScratch } from './gemm';

export function syrkScratch(n: i32, k: i32): i32 {
  const nb = min(n, MC);
  return gemmScratch(n, nb, k) + nb * nb + 2; // +2 keeps the tile 16-byte aligned
}

export function syrk(
  uplo: i32, trans: i32, n: i32, k: i32, alpha: f64,
  pA: usize, lda: i32, beta: f64, pC: usize, ldc: i32, pw: usize,
): void {
  if (n <= 0) return;
  const nb = min(n, MC);
  const ldC = <usize>ldc << 3;
  const ldA = <usize>lda << 3;
  let pT = pw + (<usize>gemmScratch(n, nb, k) << 3);
  pT = (pT + 15) & ~(<usize>15);
  for (let j0 = 0; j0 < n; j0 += nb) {
    const jb = min(nb, n - j0);
    // Rows j0..j0+jb of op(A): op(A)[r, :] starts at A + r (trans = 0) or A + r·lda (trans = 1).
    const rowsJ = trans ? pA + <usize>j0 * ldA : pA + (<usize>j0 << 3);
    // op(A)[rows]·op(A)[J]ᵀ as a gemm: left factor op(A)[rows] = (trans ? Aᵀ : A), right = (trans ? A : Aᵀ).
    // Diagonal block into T.
    gemm(trans, trans ^ 1, jb, jb, k, alpha, rowsJ, lda, rowsJ, lda, 0, pT, jb, pw);
    for (let j = 0; j < jb; j++) {
      const cj = pC + <usize>(j0 + j) * ldC + (<usize>j0 << 3);
      const tj = pT + (<usize>(j * jb) << 3);
      const i0 = uplo ? 0 : j;
      const i1 = uplo ? j + 1 : jb;
      for (let i = i0; i < i1; i++) {
        const o = <usize>i << 3;
        const t = load<f64>(tj + o);
        store<f64>(cj + o, beta == 0 ? t : t + beta * load<f64>(cj + o));
      }
    }
    if (uplo == 0) {
      const j1 = j0 + jb;
      if (j1 < n) {
        const rowsBelow = trans ? pA + <usize>j1 * ldA : pA + (<usize>j1 << 3);
        gemm(trans, trans ^ 1, n - j1, jb, k, alpha, rowsBelow, lda, rowsJ, lda, beta,
          pC + <usize>j0 * ldC + (<usize>j1 << 3), ldc, pw);
      }
    } else if (j0 > 0) {
      gemm(trans, trans ^ 1, j0, jb, k, alpha, pA, lda, rowsJ, lda, beta, pC + <usize>j0 * ldC, ldc, pw);
    }
  }
}
