/**
 * syrk — symmetric rank-k update, one triangle of C:       (BLAS dsyrk; n²k flops)
 *
 *   trans = 0:  C ← α·A·Aᵀ + β·C,   A is n×k (lda ≥ n)      — e.g. the Gram matrix of the rows
 *   trans = 1:  C ← α·Aᵀ·A + β·C,   A is k×n (lda ≥ k)      — e.g. XᵀX, the Gram matrix of the columns
 *
 * Only the lower (uplo = 0) or upper (uplo = 1) triangle of C, diagonal included, is read and
 * written; the other strict triangle is left untouched. β = 0 means C is not read.
 *
 * Recursive (the recursive level-3 BLAS of Kågström, Ling & Van Loan, ACM TOMS 24(3), 1998; Elmroth,
 * Gustavson, Jonsson & Kågström, SIAM Review 46(1), 2004): split C in halves, n = n1 + n2,
 *
 *   ┌ C11   ·  ┐      C11 ← syrk(op(A)[0:n1])                          (recurse)
 *   └ C21  C22 ┘      C21 ← α·op(A)[n1:n]·op(A)[0:n1]ᵀ + β·C21         (gemm; C12 for the upper case)
 *                     C22 ← syrk(op(A)[n1:n])                          (recurse)
 *
 * so all but the leaves' work runs in large GEMMs. A leaf (n ≤ LEAF) is computed whole by gemm into a
 * workspace tile T (β = 0) and only its triangle merged: C[i, j] ← T[i, j] + β·C[i, j] — the leaves
 * waste n·LEAF·k flops in all (the other triangle of each leaf), a fraction LEAF/n of the total.
 * LEAF = min(32, MC): 32 keeps that waste small; tying it to MC lets tests that shrink the GEMM
 * blocking push small matrices through the recursion.
 *
 * Workspace: `syrkScratch(n, k)` doubles at `pw` (16-byte aligned): one thread's `syrkScratch1(n, k)`
 * (serial GEMM workspace, then the tile), times the threads of the pool in a threaded build.
 *
 * Threaded builds: a large enough update is one job over the pool (thread/jobs.ts, syrkPar) whose chunks
 * are the nodes of this same recursion tree — the GEMM blocks of its upper levels (the largest cut into
 * column pieces) and the whole subtrees below — each run by the serial code here, so every entry of C
 * gets exactly the operations it gets on one thread. One dispatch per update instead of one per GEMM of
 * the recursion (Cholesky calls this once per block column).
 */
import { gemmSerial, gemmScratch1 } from './gemm';
import { tuneI, T_GEMM_MC } from '../tuning';
import { perThread } from '../thread/pool';
import { syrkPar } from '../thread/jobs';

/** The recursion's leaf size (exported for the parallel split, thread/jobs.ts). */
export function syrkLeaf(): i32 {
  return min(32, tuneI(T_GEMM_MC));
}

/** Doubles of workspace `syrk` needs: one thread's (`syrkScratch1`) times the threads it may split over. */
export function syrkScratch(n: i32, k: i32): i32 {
  return perThread(syrkScratch1(n, k));
}

/** Doubles of workspace one thread's serial `syrk` needs for these sizes. */
export function syrkScratch1(n: i32, k: i32): i32 {
  const nb = min(n, syrkLeaf());
  return gemmScratch1(n, n, k) + nb * nb + 2; // +2 keeps the tile 16-byte aligned
}

export function syrk(
  uplo: i32, trans: i32, n: i32, k: i32, alpha: f64,
  pA: usize, lda: i32, beta: f64, pC: usize, ldc: i32, pw: usize,
): void {
  if (n <= 0) return;
  if (ASC_FEATURE_THREADS && syrkPar(uplo, trans, n, k, alpha, pA, lda, beta, pC, ldc, pw)) return;
  syrkSerial(uplo, trans, n, k, alpha, pA, lda, beta, pC, ldc, pw);
}

/** syrk on the calling thread alone (workspace: `syrkScratch1(n, k)` doubles). */
export function syrkSerial(
  uplo: i32, trans: i32, n: i32, k: i32, alpha: f64,
  pA: usize, lda: i32, beta: f64, pC: usize, ldc: i32, pw: usize,
): void {
  if (n <= 0) return;
  let pT = pw + (<usize>gemmScratch1(n, n, k) << 3);
  pT = (pT + 15) & ~(<usize>15);
  rec(uplo, trans, n, k, alpha, pA, lda, beta, pC, ldc, pw, pT);
}

function rec(
  uplo: i32, trans: i32, n: i32, k: i32, alpha: f64,
  pA: usize, lda: i32, beta: f64, pC: usize, ldc: i32, pw: usize, pT: usize,
): void {
  const ldA = <usize>lda << 3;
  const ldC = <usize>ldc << 3;
  if (n <= syrkLeaf()) {
    // op(A)·op(A)ᵀ as a gemm: left factor op(A) = (trans ? Aᵀ : A), right factor its transpose.
    gemmSerial(trans, trans ^ 1, n, n, k, alpha, pA, lda, pA, lda, 0, pT, n, pw);
    for (let j = 0; j < n; j++) {
      const cj = pC + <usize>j * ldC;
      const tj = pT + (<usize>(j * n) << 3);
      const i0 = uplo ? 0 : j;
      const i1 = uplo ? j + 1 : n;
      for (let i = i0; i < i1; i++) {
        const o = <usize>i << 3;
        const t = load<f64>(tj + o);
        store<f64>(cj + o, beta == 0 ? t : t + beta * load<f64>(cj + o));
      }
    }
    return;
  }
  const n1 = n >> 1;
  const n2 = n - n1;
  // Rows n1.. of op(A) start at A + n1 (trans = 0) or A + n1·lda (trans = 1).
  const pA2 = trans ? pA + <usize>n1 * ldA : pA + (<usize>n1 << 3);
  rec(uplo, trans, n1, k, alpha, pA, lda, beta, pC, ldc, pw, pT);
  if (uplo == 0) {
    gemmSerial(trans, trans ^ 1, n2, n1, k, alpha, pA2, lda, pA, lda, beta, pC + (<usize>n1 << 3), ldc, pw);
  } else {
    gemmSerial(trans, trans ^ 1, n1, n2, k, alpha, pA, lda, pA2, lda, beta, pC + <usize>n1 * ldC, ldc, pw);
  }
  rec(uplo, trans, n2, k, alpha, pA2, lda, beta, pC + (<usize>n1 << 3) + <usize>n1 * ldC, ldc, pw, pT);
}
