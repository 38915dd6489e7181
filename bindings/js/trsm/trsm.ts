/**
 * trsm — blocked triangular solve with many right-hand sides         (BLAS dtrsm; m²n or mn² flops)
 *
 *   side = 0 (left):   op(A)·X = α·B,  A m×m, B m×n
 *   side = 1 (right):  X·op(A) = α·B,  A n×n, B m×n
 *
 * JS mirror of assembly/trsm/trsm.ts. Arguments as in trsm2.ts (uplo 0 lower / 1 upper, trans,
 * diag 1 = unit); B is overwritten by X. Workspace: `trsmScratch(m, n)` doubles at w[offW…] for the
 * GEMM updates.
 *
 * Blocked by NB rows (left) or columns (right): each diagonal block is solved by trsm2 and the rest of
 * B is updated through the packed GEMM (op(A)'s off-diagonal block passed as the stored block of A with
 * the transpose flag). Same blocks and operation order as the wasm kernel, so results agree bit for bit.
 *
 * NB is the tuning key T_TRSM_NB, read from the JS tuning table (../tuning.js), separate from each wasm
 * instance's: set both backends when comparing them.
 */
import { trsm2 } from './trsm2.js';
import { scal } from '../blas/scal.js';
import { gemm, gemmScratch } from '../gemm/gemm.js';
import { tune, T_TRSM_NB } from '../tuning.js';

/** Doubles of workspace `trsm` needs for these sizes with the blocking in force. */
export function trsmScratch(m: number, n: number): number {
  return gemmScratch(m, n, tune(T_TRSM_NB));
}

export function trsm(
  side: number, uplo: number, trans: number, diag: number, m: number, n: number, alpha: number,
  a: Float64Array, offA: number, lda: number, b: Float64Array, offB: number, ldb: number,
  w: Float64Array, offW: number,
): void {
  if (m <= 0 || n <= 0) return;
  if (alpha === 0) {
    // BLAS convention: X = 0 without reading B (so NaN in B does not survive).
    for (let c = 0; c < n; c++) b.fill(0, offB + c * ldb, offB + c * ldb + m);
    return;
  }
  if (alpha !== 1) for (let c = 0; c < n; c++) scal(m, alpha, b, offB + c * ldb, 1);
  const nb = tune(T_TRSM_NB);
  // op(A) is lower (forward sweep for the left side) when A is lower and not transposed, or upper and transposed.
  const opLower = (uplo === 0) !== (trans !== 0);
  if (side === 0) {
    if (opLower) {
      for (let i0 = 0; i0 < m; i0 += nb) {
        const ib = Math.min(nb, m - i0);
        const i1 = i0 + ib;
        trsm2(0, uplo, trans, diag, ib, n, a, offA + i0 + i0 * lda, lda, b, offB + i0, ldb);
        if (i1 < m) {
          // B[i1:m, :] −= op(A)[i1:m, i0:i1]·X[i0:i1, :]; op(A)[i1:, i0:] is A[i1:, i0:] or (A[i0:, i1:])ᵀ.
          const blk = trans ? offA + i0 + i1 * lda : offA + i1 + i0 * lda;
          gemm(trans, 0, m - i1, n, ib, -1, a, blk, lda, b, offB + i0, ldb, 1, b, offB + i1, ldb, w, offW);
        }
      }
    } else {
      for (let i1 = m; i1 > 0; i1 -= nb) {
        const i0 = Math.max(0, i1 - nb);
        const ib = i1 - i0;
        trsm2(0, uplo, trans, diag, ib, n, a, offA + i0 + i0 * lda, lda, b, offB + i0, ldb);
        if (i0 > 0) {
          // B[0:i0, :] −= op(A)[0:i0, i0:i1]·X[i0:i1, :]; op(A)[:i0, i0:] is A[:i0, i0:] or (A[i0:, :i0])ᵀ.
          const blk = trans ? offA + i0 : offA + i0 * lda;
          gemm(trans, 0, i0, n, ib, -1, a, blk, lda, b, offB + i0, ldb, 1, b, offB, ldb, w, offW);
        }
      }
    }
    return;
  }
  // Right side: X·E = B with E = op(A); E upper ⇔ op(A) not lower → forward over column blocks.
  if (!opLower) {
    for (let j0 = 0; j0 < n; j0 += nb) {
      const jb = Math.min(nb, n - j0);
      const j1 = j0 + jb;
      trsm2(1, uplo, trans, diag, m, jb, a, offA + j0 + j0 * lda, lda, b, offB + j0 * ldb, ldb);
      if (j1 < n) {
        // B[:, j1:n] −= X[:, j0:j1]·E[j0:j1, j1:n]; E[j0:, j1:] is A[j0:, j1:] or (A[j1:, j0:])ᵀ.
        const blk = trans ? offA + j1 + j0 * lda : offA + j0 + j1 * lda;
        gemm(0, trans, m, n - j1, jb, -1, b, offB + j0 * ldb, ldb, a, blk, lda, 1, b, offB + j1 * ldb, ldb, w, offW);
      }
    }
  } else {
    for (let j1 = n; j1 > 0; j1 -= nb) {
      const j0 = Math.max(0, j1 - nb);
      const jb = j1 - j0;
      trsm2(1, uplo, trans, diag, m, jb, a, offA + j0 + j0 * lda, lda, b, offB + j0 * ldb, ldb);
      if (j0 > 0) {
        // B[:, 0:j0] −= X[:, j0:j1]·E[j0:j1, 0:j0]; E[j0:, :j0] is A[j0:, :j0] or (A[:j0, j0:])ᵀ.
        const blk = trans ? offA + j0 * lda : offA + j0;
        gemm(0, trans, m, j0, jb, -1, b, offB + j0 * ldb, ldb, a, blk, lda, 1, b, offB, ldb, w, offW);
      }
    }
  }
}
