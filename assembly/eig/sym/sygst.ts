/**
 * sygst — reduce a symmetric-definite generalised eigenproblem to standard form, blocked
 *                                                              (LAPACK dsygst, uplo = 'L'; ≈ n³ flops)
 *
 * With B = L·Lᵀ already factored (potrf), A (symmetric, lower triangle) is overwritten by
 *
 *   itype = 1 (A·x = λ·B·x):                   C = L⁻¹·A·L⁻ᵀ,   eigenvectors x = L⁻ᵀ·y
 *   itype = 2 (A·B·x = λ·x):                    C = Lᵀ·A·L,      x = L⁻ᵀ·y
 *   itype = 3 (B·A·x = λ·x):                    C = Lᵀ·A·L,      x = L·y
 *
 * where C·y = λ·y is the standard problem with the same eigenvalues (Golub & Van Loan, 4th ed., §8.7.2).
 *
 * Blocked by NB columns (NB = T_POTRF_NB: LAPACK's ilaenv gives dsygst dpotrf's block size, and the two
 * run back to back on the same B; not measured on its own). itype = 1 sweeps from the top left; with the
 * current diagonal block k0:k1 of width kb,
 *
 *        k0   k1                 A11 ← L11⁻¹·A11·L11⁻ᵀ                      (sygs2, unblocked)
 *   [ A11 |     ]  k0            A21 ← A21·L11⁻ᵀ                            (trsm, right, transposed)
 *   [ A21 | A22 ]  k1            A21 ← A21 − ½·L21·A11                      (symm = gemm on A11 made full)
 *                                A22 ← A22 − A21·L21ᵀ − L21·A21ᵀ            (syr2k, lower)
 *                                A21 ← A21 − ½·L21·A11                      (symm)
 *                                A21 ← L22⁻¹·A21                            (trsm, left)   then on to A22
 *
 * itype = 2/3 sweeps the leading (k1×k1) part grown by one block row at a time:
 *
 *   [ A00 |     ]  0             A10 ← A10·L00                              (trmm, right)
 *   [ A10 | A11 ]  k0            A10 ← A10 + ½·A11·L10                      (symm)
 *                                A00 ← A00 + A10ᵀ·L10 + L10ᵀ·A10            (syr2k on transposed copies)
 *                                A10 ← A10 + ½·A11·L10                      (symm)
 *                                A10 ← L11ᵀ·A10                             (trmm, left, transposed)
 *                                A11 ← L11ᵀ·A11·L11                         (sygs2)
 *
 * The symmetric products ("symm") multiply by A11 copied to a full kb×kb matrix S, then go through the
 * packed GEMM; syr2k wants its operands as columns, so the kb×k0 rows A10 and L10 are copied transposed
 * (O(n·NB) data per block, O(n²) in all). All but O(NB/n) of the flops run in the GEMM micro-kernel.
 *
 * Storage: A at `pA` (lda ≥ max(1, n)): lower triangle read and overwritten by C's; the strict upper
 * triangle is never touched. L at `pB` (ldb ≥ max(1, n)), lower triangle read. Workspace: `pw`, 16-byte
 * aligned, `sygstScratch(n)` doubles (depends on the tuning in force). Returns nothing.
 *
 * Reference: LAPACK dsygst; Golub & Van Loan, 4th ed., §8.7.2; the blocking as in cholesky/potrf.ts.
 */
import { sygs2 } from './sygs2';
import { syr2k, syr2kScratch } from './syr2k';
import { gemm, gemmScratch } from '../../gemm/gemm';
import { trsm, trsmScratch } from '../../trsm/trsm';
import { trmm } from '../../trsm/trmm';
import { even } from '../../util';
import { tuneI, T_POTRF_NB } from '../../tuning';

/** Doubles of workspace `sygst` needs (0 when it runs unblocked), with the tuning in force. */
export function sygstScratch(n: i32): i32 {
  const nb = tuneI(T_POTRF_NB);
  if (nb <= 1 || nb >= n) return 0;
  return even(nb * nb) + 2 * even(n * nb) + max(gemmScratch(n, n, n), max(syr2kScratch(n, nb), trsmScratch(n, nb)));
}

/** S (kb×kb, ld kb) ← the full symmetric matrix whose lower triangle is at pA. */
function full(kb: i32, pA: usize, ldA: usize, pS: usize): void {
  for (let j = 0; j < kb; j++) {
    for (let i = j; i < kb; i++) {
      const v = load<f64>(pA + <usize>j * ldA + (<usize>i << 3));
      store<f64>(pS + (<usize>(i + j * kb) << 3), v);
      store<f64>(pS + (<usize>(j + i * kb) << 3), v);
    }
  }
}

/** T (c×r, ld c) ← Xᵀ for the r×c block X at pX. */
function transpose(r: i32, c: i32, pX: usize, ldX: usize, pT: usize): void {
  for (let j = 0; j < c; j++) {
    for (let i = 0; i < r; i++) store<f64>(pT + (<usize>(j + i * c) << 3), load<f64>(pX + <usize>j * ldX + (<usize>i << 3)));
  }
}

export function sygst(itype: i32, n: i32, pA: usize, lda: i32, pB: usize, ldb: i32, pw: usize): void {
  if (n <= 0) return;
  const nb = tuneI(T_POTRF_NB);
  if (nb <= 1 || nb >= n) {
    sygs2(itype, n, pA, lda, pB, ldb);
    return;
  }
  const ldA = <usize>lda << 3;
  const ldB = <usize>ldb << 3;
  const pS = pw;
  const pP = pS + (<usize>even(nb * nb) << 3);
  const pQ = pP + (<usize>even(n * nb) << 3);
  const pG = pQ + (<usize>even(n * nb) << 3);
  for (let k0 = 0; k0 < n; k0 += nb) {
    const kb = min(nb, n - k0);
    const k1 = k0 + kb;
    const a11 = pA + <usize>k0 * ldA + (<usize>k0 << 3);
    const l11 = pB + <usize>k0 * ldB + (<usize>k0 << 3);
    if (itype == 1) {
      sygs2(1, kb, a11, lda, l11, ldb);
      if (k1 < n) {
        const m2 = n - k1;
        const a21 = pA + <usize>k0 * ldA + (<usize>k1 << 3);
        const l21 = pB + <usize>k0 * ldB + (<usize>k1 << 3);
        const a22 = pA + <usize>k1 * ldA + (<usize>k1 << 3);
        const l22 = pB + <usize>k1 * ldB + (<usize>k1 << 3);
        trsm(1, 0, 1, 0, m2, kb, 1, l11, ldb, a21, lda, pG);
        full(kb, a11, ldA, pS);
        gemm(0, 0, m2, kb, kb, -0.5, l21, ldb, pS, kb, 1, a21, lda, pG);
        syr2k(m2, kb, -1, a21, lda, l21, ldb, 1, a22, lda, pG);
        gemm(0, 0, m2, kb, kb, -0.5, l21, ldb, pS, kb, 1, a21, lda, pG);
        trsm(0, 0, 0, 0, m2, kb, 1, l22, ldb, a21, lda, pG);
      }
    } else {
      if (k0 > 0) {
        const a10 = pA + (<usize>k0 << 3);
        const l10 = pB + (<usize>k0 << 3);
        trmm(1, 0, kb, k0, pB, ldb, a10, lda, pG);
        full(kb, a11, ldA, pS);
        gemm(0, 0, kb, k0, kb, 0.5, pS, kb, l10, ldb, 1, a10, lda, pG);
        transpose(kb, k0, a10, ldA, pP);
        transpose(kb, k0, l10, ldB, pQ);
        syr2k(k0, kb, 1, pP, k0, pQ, k0, 1, pA, lda, pG);
        gemm(0, 0, kb, k0, kb, 0.5, pS, kb, l10, ldb, 1, a10, lda, pG);
        trmm(0, 1, kb, k0, l11, ldb, a10, lda, pG);
      }
      sygs2(itype, kb, a11, lda, l11, ldb);
    }
  }
}
