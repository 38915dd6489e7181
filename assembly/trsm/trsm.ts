/**
 * trsm — blocked triangular solve with many right-hand sides         (BLAS dtrsm; m²n or mn² flops)
 *
 *   side = 0 (left):   op(A)·X = α·B,  A m×m, B m×n
 *   side = 1 (right):  X·op(A) = α·B,  A n×n, B m×n
 *
 * Arguments as in trsm2.ts (uplo 0 lower / 1 upper, trans, diag 1 = unit); B is overwritten by X.
 * Workspace: `trsmScratch(m, n)` doubles at `pw` for the GEMM updates.
 *
 * Blocked by NB rows (left) or columns (right): each diagonal block is solved by trsm2 and the rest of
 * B is updated through the packed GEMM, so all but O(NB/n) of the flops run in the GEMM micro-kernel.
 * For the left side with op(A) lower (forward substitution):
 *
 *   ┌ A11  0  ┐ ┌X1┐   ┌B1┐      X1 ← A11⁻¹·B1            (trsm2, NB rows)
 *   └ A21 A22 ┘ └X2┘ = └B2┘      B2 ← B2 − A21·X1          (gemm)  then recurse on A22
 *
 * op(A) upper runs the same from the bottom; the right side sweeps column blocks of B the same way.
 * op(A)'s off-diagonal block is passed to the GEMM as the stored block of A with the transpose flag.
 * Threaded builds: many right-hand sides are split over the pool in blocks (thread/jobs.ts), each block
 * solved by this serial code — the same bits for every thread count.
 * NB is the tuning key T_TRSM_NB (tuning.ts; default 64; tests set small odd blocks to push small
 * matrices through the blocked code).
 */
import { trsm2 } from './trsm2';
import { scal } from '../blas/scal';
import { gemm, gemmScratch, gemmScratch1 } from '../gemm/gemm';
import { trsmPar } from '../thread/jobs';
import { tuneI, T_TRSM_NB } from '../tuning';

export function trsmScratch(m: i32, n: i32): i32 {
  return gemmScratch(m, n, tuneI(T_TRSM_NB));
}

/** Doubles of workspace one thread's serial trsm needs. */
export function trsmScratch1(m: i32, n: i32): i32 {
  return gemmScratch1(m, n, tuneI(T_TRSM_NB));
}

export function trsm(
  side: i32, uplo: i32, trans: i32, diag: i32, m: i32, n: i32, alpha: f64,
  pA: usize, lda: i32, pB: usize, ldb: i32, pw: usize,
): void {
  if (ASC_FEATURE_THREADS && trsmPar(side, uplo, trans, diag, m, n, alpha, pA, lda, pB, ldb, pw)) return;
  trsmSerial(side, uplo, trans, diag, m, n, alpha, pA, lda, pB, ldb, pw);
}

/** trsm on the calling thread alone (its GEMM updates may still split, outside a job). */
export function trsmSerial(
  side: i32, uplo: i32, trans: i32, diag: i32, m: i32, n: i32, alpha: f64,
  pA: usize, lda: i32, pB: usize, ldb: i32, pw: usize,
): void {
  if (m <= 0 || n <= 0) return;
  const ldA = <usize>lda << 3;
  const ldB = <usize>ldb << 3;
  if (alpha == 0) {
    // BLAS convention: X = 0 without reading B (so NaN in B does not survive).
    for (let c = 0; c < n; c++) memory.fill(pB + <usize>c * ldB, 0, <usize>m << 3);
    return;
  }
  if (alpha != 1) for (let c = 0; c < n; c++) scal(m, alpha, pB + <usize>c * ldB, 1);
  const nb = tuneI(T_TRSM_NB);
  // op(A) is lower (forward sweep for the left side) when A is lower and not transposed, or upper and transposed.
  const opLower = (uplo == 0) != (trans != 0);
  if (side == 0) {
    if (opLower) {
      for (let i0 = 0; i0 < m; i0 += nb) {
        const ib = min(nb, m - i0);
        const i1 = i0 + ib;
        trsm2(0, uplo, trans, diag, ib, n, pA + (<usize>i0 << 3) + <usize>i0 * ldA, lda, pB + (<usize>i0 << 3), ldb);
        if (i1 < m) {
          // B[i1:m, :] −= op(A)[i1:m, i0:i1]·X[i0:i1, :]; op(A)[i1:, i0:] is A[i1:, i0:] or (A[i0:, i1:])ᵀ.
          const pBlk = trans ? pA + (<usize>i0 << 3) + <usize>i1 * ldA : pA + (<usize>i1 << 3) + <usize>i0 * ldA;
          gemm(trans, 0, m - i1, n, ib, -1, pBlk, lda, pB + (<usize>i0 << 3), ldb, 1, pB + (<usize>i1 << 3), ldb, pw);
        }
      }
    } else {
      for (let i1 = m; i1 > 0; i1 -= nb) {
        const i0 = max(0, i1 - nb);
        const ib = i1 - i0;
        trsm2(0, uplo, trans, diag, ib, n, pA + (<usize>i0 << 3) + <usize>i0 * ldA, lda, pB + (<usize>i0 << 3), ldb);
        if (i0 > 0) {
          // B[0:i0, :] −= op(A)[0:i0, i0:i1]·X[i0:i1, :]; op(A)[:i0, i0:] is A[:i0, i0:] or (A[i0:, :i0])ᵀ.
          const pBlk = trans ? pA + (<usize>i0 << 3) : pA + <usize>i0 * ldA;
          gemm(trans, 0, i0, n, ib, -1, pBlk, lda, pB + (<usize>i0 << 3), ldb, 1, pB, ldb, pw);
        }
      }
    }
    return;
  }
  // Right side: X·E = B with E = op(A); E upper ⇔ op(A) not lower → forward over column blocks.
  if (!opLower) {
    for (let j0 = 0; j0 < n; j0 += nb) {
      const jb = min(nb, n - j0);
      const j1 = j0 + jb;
      trsm2(1, uplo, trans, diag, m, jb, pA + (<usize>j0 << 3) + <usize>j0 * ldA, lda, pB + <usize>j0 * ldB, ldb);
      if (j1 < n) {
        // B[:, j1:n] −= X[:, j0:j1]·E[j0:j1, j1:n]; E[j0:, j1:] is A[j0:, j1:] or (A[j1:, j0:])ᵀ.
        const pBlk = trans ? pA + (<usize>j1 << 3) + <usize>j0 * ldA : pA + (<usize>j0 << 3) + <usize>j1 * ldA;
        gemm(0, trans, m, n - j1, jb, -1, pB + <usize>j0 * ldB, ldb, pBlk, lda, 1, pB + <usize>j1 * ldB, ldb, pw);
      }
    }
  } else {
    for (let j1 = n; j1 > 0; j1 -= nb) {
      const j0 = max(0, j1 - nb);
      const jb = j1 - j0;
      trsm2(1, uplo, trans, diag, m, jb, pA + (<usize>j0 << 3) + <usize>j0 * ldA, lda, pB + <usize>j0 * ldB, ldb);
      if (j0 > 0) {
        // B[:, 0:j0] −= X[:, j0:j1]·E[j0:j1, 0:j0]; E[j0:, :j0] is A[j0:, :j0] or (A[:j0, j0:])ᵀ.
        const pBlk = trans ? pA + <usize>j0 * ldA : pA + (<usize>j0 << 3);
        gemm(0, trans, m, j0, jb, -1, pB + <usize>j0 * ldB, ldb, pBlk, lda, 1, pB, ldb, pw);
      }
    }
  }
}
