/**
 * trmm — blocked triangular matrix product, lower triangle, in place     (BLAS dtrmm, uplo = 'L',
 *                                                                       diag = 'N', α = 1; m²n or mn² flops)
 *
 *   side = 0 (left):   B ← op(L)·B,  L m×m, B m×n
 *   side = 1 (right):  B ← B·op(L),  L n×n, B m×n
 *
 * JS mirror of assembly/trsm/trmm.ts (read it for the partition and the sweep directions): the same
 * blocks (NB = T_TRSM_NB from this module's tuning table), the same unblocked loops on the diagonal
 * blocks and the same GEMM updates, so the results agree bit for bit.
 *
 * Storage: L[i, j] = a[offA + i + j·lda] (lower triangle read), B[i, j] = b[offB + i + j·ldb].
 * Workspace: w[offW…], `trmmScratch(m, n)` doubles.
 *
 * Reference: reference BLAS dtrmm.
 */
import { axpy } from '../blas/axpy.js';
import { dot } from '../blas/dot.js';
import { scal } from '../blas/scal.js';
import { gemm, gemmScratch } from '../gemm/gemm.js';
import { tune, T_TRSM_NB } from '../tuning.js';

/** Doubles of workspace `trmm` needs for an m×n B (either side), with the blocking in force. */
export function trmmScratch(m: number, n: number): number {
  return gemmScratch(m, n, Math.max(m, n));
}

/** The unblocked product on the diagonal block: B (m×n) ← op(L)·B or B·op(L), L lower. */
function trmm2(side: number, trans: number, m: number, n: number, a: Float64Array, offA: number, lda: number, b: Float64Array, offB: number, ldb: number): void {
  if (side === 0) {
    for (let c = 0; c < n; c++) {
      const bc = offB + c * ldb;
      if (!trans) {
        for (let k = m - 1; k >= 0; k--) {
          const t = b[bc + k]!;
          const lk = offA + k * lda + k;
          axpy(m - k - 1, t, a, lk + 1, 1, b, bc + k + 1, 1);
          b[bc + k] = a[lk]! * t;
        }
      } else {
        for (let i = 0; i < m; i++) {
          const li = offA + i * lda + i;
          b[bc + i] = a[li]! * b[bc + i]! + dot(m - i - 1, a, li + 1, 1, b, bc + i + 1, 1);
        }
      }
    }
    return;
  }
  if (!trans) {
    for (let j = 0; j < n; j++) {
      const bj = offB + j * ldb;
      const lj = offA + j * lda;
      scal(m, a[lj + j]!, b, bj, 1);
      for (let k = j + 1; k < n; k++) axpy(m, a[lj + k]!, b, offB + k * ldb, 1, b, bj, 1);
    }
  } else {
    for (let j = n - 1; j >= 0; j--) {
      const bj = offB + j * ldb;
      scal(m, a[offA + j * lda + j]!, b, bj, 1);
      for (let k = 0; k < j; k++) axpy(m, a[offA + k * lda + j]!, b, offB + k * ldb, 1, b, bj, 1);
    }
  }
}

export function trmm(
  side: number, trans: number, m: number, n: number, a: Float64Array, offA: number, lda: number,
  b: Float64Array, offB: number, ldb: number, w: Float64Array, offW: number,
): void {
  if (m <= 0 || n <= 0) return;
  const nb = Math.max(1, tune(T_TRSM_NB));
  if (side === 0) {
    if (!trans) {
      for (let i1 = m; i1 > 0; i1 -= nb) {
        const i0 = Math.max(0, i1 - nb);
        trmm2(0, 0, i1 - i0, n, a, offA + i0 + i0 * lda, lda, b, offB + i0, ldb);
        // B[i0:i1, :] += L[i0:i1, 0:i0]·B[0:i0, :]
        if (i0 > 0) gemm(0, 0, i1 - i0, n, i0, 1, a, offA + i0, lda, b, offB, ldb, 1, b, offB + i0, ldb, w, offW);
      }
    } else {
      for (let i0 = 0; i0 < m; i0 += nb) {
        const i1 = Math.min(m, i0 + nb);
        trmm2(0, 1, i1 - i0, n, a, offA + i0 + i0 * lda, lda, b, offB + i0, ldb);
        // B[i0:i1, :] += L[i1:m, i0:i1]ᵀ·B[i1:m, :]
        if (i1 < m) gemm(1, 0, i1 - i0, n, m - i1, 1, a, offA + i1 + i0 * lda, lda, b, offB + i1, ldb, 1, b, offB + i0, ldb, w, offW);
      }
    }
    return;
  }
  if (!trans) {
    for (let j0 = 0; j0 < n; j0 += nb) {
      const j1 = Math.min(n, j0 + nb);
      trmm2(1, 0, m, j1 - j0, a, offA + j0 + j0 * lda, lda, b, offB + j0 * ldb, ldb);
      // B[:, j0:j1] += B[:, j1:n]·L[j1:n, j0:j1]
      if (j1 < n) gemm(0, 0, m, j1 - j0, n - j1, 1, b, offB + j1 * ldb, ldb, a, offA + j1 + j0 * lda, lda, 1, b, offB + j0 * ldb, ldb, w, offW);
    }
  } else {
    for (let j1 = n; j1 > 0; j1 -= nb) {
      const j0 = Math.max(0, j1 - nb);
      trmm2(1, 1, m, j1 - j0, a, offA + j0 + j0 * lda, lda, b, offB + j0 * ldb, ldb);
      // B[:, j0:j1] += B[:, 0:j0]·L[j0:j1, 0:j0]ᵀ
      if (j0 > 0) gemm(0, 1, m, j1 - j0, j0, 1, b, offB, ldb, a, offA + j0, lda, 1, b, offB + j0 * ldb, ldb, w, offW);
    }
  }
}
