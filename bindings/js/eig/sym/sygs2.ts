/**
 * sygs2 — reduce a symmetric-definite generalised eigenproblem to standard form, unblocked
 *                                                              (LAPACK dsygs2, uplo = 'L'; ≈ n³ flops)
 *
 *   itype = 1: A ← L⁻¹·A·L⁻ᵀ;   itype = 2, 3: A ← Lᵀ·A·L      (B = L·Lᵀ from potrf, lower triangles)
 *
 * JS mirror of assembly/eig/sym/sygs2.ts (read it for the column and row sweeps): the same BLAS-1/2
 * calls and loops in the same order, so the results agree bit for bit.
 *
 * Storage: A[i, j] = a[offA + i + j·lda] (lower triangle read and overwritten), L[i, j] = b[offB + i +
 * j·ldb] (lower triangle read). No workspace.
 *
 * Reference: LAPACK dsygs2; Golub & Van Loan, 4th ed., §8.7.2.
 */
import { axpy } from '../../blas/axpy.js';
import { dot } from '../../blas/dot.js';
import { scal } from '../../blas/scal.js';
import { syr2 } from './syr2.js';
import { trsm2 } from '../../trsm/trsm2.js';

export function sygs2(itype: number, n: number, a: Float64Array, offA: number, lda: number, b: Float64Array, offB: number, ldb: number): void {
  if (n <= 0) return;
  if (itype === 1) {
    for (let k = 0; k < n; k++) {
      const akkAt = offA + k * lda + k;
      const bkkAt = offB + k * ldb + k;
      const bkk = b[bkkAt]!;
      const akk = a[akkAt]! / (bkk * bkk);
      a[akkAt] = akk;
      const m = n - k - 1;
      if (m > 0) {
        scal(m, 1 / bkk, a, akkAt + 1, 1);
        const ct = -0.5 * akk;
        axpy(m, ct, b, bkkAt + 1, 1, a, akkAt + 1, 1);
        syr2(m, -1, a, akkAt + 1, b, bkkAt + 1, a, akkAt + 1 + lda, lda);
        axpy(m, ct, b, bkkAt + 1, 1, a, akkAt + 1, 1);
        trsm2(0, 0, 0, 0, m, 1, b, bkkAt + 1 + ldb, ldb, a, akkAt + 1, Math.max(1, m));
      }
    }
    return;
  }
  for (let k = 0; k < n; k++) {
    const ar = offA + k; // row k of A: a[ar + j·lda]
    const br = offB + k; // row k of L
    const akkAt = ar + k * lda;
    const akk = a[akkAt]!;
    const bkk = b[br + k * ldb]!;
    // a ← a·L₀₀, left to right
    for (let i = 0; i < k; i++) {
      const ai = ar + i * lda;
      const li = offB + i * ldb + i;
      a[ai] = b[li]! * a[ai]! + dot(k - i - 1, b, li + 1, 1, a, ai + lda, lda);
    }
    const ct = 0.5 * akk;
    axpy(k, ct, b, br, ldb, a, ar, lda);
    // A₀₀ ← A₀₀ + aᵀ·b + bᵀ·a (lower triangle)
    for (let j = 0; j < k; j++) {
      const ty = b[br + j * ldb]!; // multiplies a
      const tx = a[ar + j * lda]!; // multiplies b
      const cj = offA + j * lda;
      for (let i = j; i < k; i++) a[cj + i] = a[cj + i]! + a[ar + i * lda]! * ty + b[br + i * ldb]! * tx;
    }
    axpy(k, ct, b, br, ldb, a, ar, lda);
    scal(k, bkk, a, ar, lda);
    a[akkAt] = akk * (bkk * bkk);
  }
}
