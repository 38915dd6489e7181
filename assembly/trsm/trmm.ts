/**
 * trmm — blocked triangular matrix product, lower triangle, in place     (BLAS dtrmm, uplo = 'L',
 *                                                                       diag = 'N', α = 1; m²n or mn² flops)
 *
 *   side = 0 (left):   B ← op(L)·B,  L m×m, B m×n
 *   side = 1 (right):  B ← B·op(L),  L n×n, B m×n
 *
 * L is lower triangular with a non-unit diagonal (only the lower triangle is read); op(L) = L (trans = 0)
 * or Lᵀ (trans = 1). This is the multiply twin of trsm.ts for the cases the generalised eigenproblem
 * needs: the type-2/3 reduction to standard form (sygst: A₁₀ ← A₁₀·L₀₀, A₁₀ ← L₁₁ᵀ·A₁₀) and the type-3
 * back-transformation X = L·Y.
 *
 * Blocked by NB rows (left) or columns (right), NB = T_TRSM_NB (tuning.ts: trmm does trsm's blocking with a
 * product in place of a solve, so it shares its key). Each diagonal block is multiplied in place by the
 * unblocked loops below (axpy/dot/scal forms, unit stride in L), the rest through the packed GEMM. The
 * sweep runs in the direction that reads only blocks of B not yet overwritten. For the left side, L not
 * transposed (row blocks from the bottom):
 *
 *   ┌B0┐     ┌ L00  0  ┐ ┌B0┐      B1 ← L11·B1             (unblocked, ib rows)
 *   └B1┘  ←  └ L10 L11 ┘ └B1┘      B1 ← B1 + L10·B0        (gemm; B0 still the old one)   then recurse on B0
 *
 * Lᵀ from the left runs from the top (B0 ← L00ᵀ·B0 + L10ᵀ·B1), B·L over column blocks from the left
 * (B0 ← B0·L00 + B1·L10), B·Lᵀ from the right (B1 ← B1·L11ᵀ + B0·L10ᵀ).
 *
 * Storage: L at `pA` (lda ≥ max(1, rows of L)), B at `pB` (ldb ≥ max(1, m)), column-major; L's strict
 * upper triangle is never read. Workspace: `pw`, 16-byte aligned, `trmmScratch(m, n)` doubles (the GEMM's
 * packing space). Returns nothing.
 *
 * Reference: reference BLAS dtrmm; Golub & Van Loan, 4th ed., §3.1 (triangular products) and §1.5 (block
 * algorithms).
 */
import { axpy } from '../blas/axpy';
import { dot } from '../blas/dot';
import { scal } from '../blas/scal';
import { gemm, gemmScratch } from '../gemm/gemm';
import { tuneI, T_TRSM_NB } from '../tuning';

/** Doubles of workspace `trmm` needs for an m×n B (either side), with the blocking in force. */
export function trmmScratch(m: i32, n: i32): i32 {
  return gemmScratch(m, n, max(m, n));
}

/** The unblocked product on the diagonal block: B (m×n) ← op(L)·B or B·op(L), L lower. */
function trmm2(side: i32, trans: i32, m: i32, n: i32, pA: usize, ldA: usize, pB: usize, ldB: usize): void {
  if (side == 0) {
    for (let c = 0; c < n; c++) {
      const b = pB + <usize>c * ldB;
      if (!trans) {
        // (L·b)ᵢ = Σ_{k≤i} lᵢₖ·bₖ: bottom up, b[k+1:] += bₖ·L[k+1:, k], then bₖ ← lₖₖ·bₖ
        for (let k = m - 1; k >= 0; k--) {
          const bk = b + (<usize>k << 3);
          const t = load<f64>(bk);
          const lk = pA + <usize>k * ldA + (<usize>k << 3);
          axpy(m - k - 1, t, lk + 8, 1, bk + 8, 1);
          store<f64>(bk, load<f64>(lk) * t);
        }
      } else {
        // (Lᵀ·b)ᵢ = lᵢᵢ·bᵢ + L[i+1:, i]·b[i+1:]: top down, reading only the old b[i+1:]
        for (let i = 0; i < m; i++) {
          const bi = b + (<usize>i << 3);
          const li = pA + <usize>i * ldA + (<usize>i << 3);
          store<f64>(bi, load<f64>(li) * load<f64>(bi) + dot(m - i - 1, li + 8, 1, bi + 8, 1));
        }
      }
    }
    return;
  }
  if (!trans) {
    // (B·L)[:, j] = lⱼⱼ·B[:, j] + Σ_{k>j} lₖⱼ·B[:, k]: left to right, reading only old columns k > j
    for (let j = 0; j < n; j++) {
      const bj = pB + <usize>j * ldB;
      const lj = pA + <usize>j * ldA;
      scal(m, load<f64>(lj + (<usize>j << 3)), bj, 1);
      for (let k = j + 1; k < n; k++) axpy(m, load<f64>(lj + (<usize>k << 3)), pB + <usize>k * ldB, 1, bj, 1);
    }
  } else {
    // (B·Lᵀ)[:, j] = lⱼⱼ·B[:, j] + Σ_{k<j} lⱼₖ·B[:, k]: right to left, reading only old columns k < j
    for (let j = n - 1; j >= 0; j--) {
      const bj = pB + <usize>j * ldB;
      scal(m, load<f64>(pA + <usize>j * ldA + (<usize>j << 3)), bj, 1);
      for (let k = 0; k < j; k++) axpy(m, load<f64>(pA + <usize>k * ldA + (<usize>j << 3)), pB + <usize>k * ldB, 1, bj, 1);
    }
  }
}

export function trmm(side: i32, trans: i32, m: i32, n: i32, pA: usize, lda: i32, pB: usize, ldb: i32, pw: usize): void {
  if (m <= 0 || n <= 0) return;
  const ldA = <usize>lda << 3;
  const ldB = <usize>ldb << 3;
  const nb = max(1, tuneI(T_TRSM_NB));
  if (side == 0) {
    if (!trans) {
      for (let i1 = m; i1 > 0; i1 -= nb) {
        const i0 = max(0, i1 - nb);
        const pBi = pB + (<usize>i0 << 3);
        trmm2(0, 0, i1 - i0, n, pA + (<usize>i0 << 3) + <usize>i0 * ldA, ldA, pBi, ldB);
        // B[i0:i1, :] += L[i0:i1, 0:i0]·B[0:i0, :]
        if (i0 > 0) gemm(0, 0, i1 - i0, n, i0, 1, pA + (<usize>i0 << 3), lda, pB, ldb, 1, pBi, ldb, pw);
      }
    } else {
      for (let i0 = 0; i0 < m; i0 += nb) {
        const i1 = min(m, i0 + nb);
        const pBi = pB + (<usize>i0 << 3);
        trmm2(0, 1, i1 - i0, n, pA + (<usize>i0 << 3) + <usize>i0 * ldA, ldA, pBi, ldB);
        // B[i0:i1, :] += L[i1:m, i0:i1]ᵀ·B[i1:m, :]
        if (i1 < m) gemm(1, 0, i1 - i0, n, m - i1, 1, pA + (<usize>i1 << 3) + <usize>i0 * ldA, lda, pB + (<usize>i1 << 3), ldb, 1, pBi, ldb, pw);
      }
    }
    return;
  }
  if (!trans) {
    for (let j0 = 0; j0 < n; j0 += nb) {
      const j1 = min(n, j0 + nb);
      const pBj = pB + <usize>j0 * ldB;
      trmm2(1, 0, m, j1 - j0, pA + (<usize>j0 << 3) + <usize>j0 * ldA, ldA, pBj, ldB);
      // B[:, j0:j1] += B[:, j1:n]·L[j1:n, j0:j1]
      if (j1 < n) gemm(0, 0, m, j1 - j0, n - j1, 1, pB + <usize>j1 * ldB, ldb, pA + (<usize>j1 << 3) + <usize>j0 * ldA, lda, 1, pBj, ldb, pw);
    }
  } else {
    for (let j1 = n; j1 > 0; j1 -= nb) {
      const j0 = max(0, j1 - nb);
      const pBj = pB + <usize>j0 * ldB;
      trmm2(1, 1, m, j1 - j0, pA + (<usize>j0 << 3) + <usize>j0 * ldA, ldA, pBj, ldB);
      // B[:, j0:j1] += B[:, 0:j0]·L[j0:j1, 0:j0]ᵀ
      if (j0 > 0) gemm(0, 1, m, j1 - j0, j0, 1, pB, ldb, pA + (<usize>j0 << 3), lda, 1, pBj, ldb, pw);
    }
  }
}
