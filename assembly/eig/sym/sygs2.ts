/**
 * sygs2 — reduce a symmetric-definite generalised eigenproblem to standard form, unblocked
 *                                                              (LAPACK dsygs2, uplo = 'L'; ≈ n³ flops)
 *
 * With B = L·Lᵀ already factored (potrf), A (symmetric, lower triangle) is overwritten by
 *
 *   itype = 1 (A·x = λ·B·x):              C = L⁻¹·A·L⁻ᵀ     (then y = Lᵀ·x:  C·y = λ·y)
 *   itype = 2 (A·B·x = λ·x), 3 (B·A·x = λ·x):  C = Lᵀ·A·L   (then y = Lᵀ·x, resp. y = L⁻¹·x)
 *
 * Both sweep A one row/column at a time, exploiting the symmetry of the result (Golub & Van Loan §8.7.2;
 * Wilkinson's reduction) so that only the lower triangle is formed. itype = 1, column k from the left
 * (a = A[k+1:, k], b = L[k+1:, k], ℓ = L[k, k]):
 *
 *   αₖₖ ← αₖₖ/ℓ²;  a ← a/ℓ;  a ← a − ½αₖₖ·b;  A₂₂ ← A₂₂ − a·bᵀ − b·aᵀ;  a ← a − ½αₖₖ·b;  a ← L₂₂⁻¹·a
 *
 * (the two half-steps around the rank-2 update are LAPACK's: together they form a ← a − αₖₖ·b with the
 * symmetric update in between, which keeps the update a symmetric rank-2 one). itype = 2/3, row k from the
 * top (a = A[k, 0:k], b = L[k, 0:k] as rows):
 *
 *   a ← a·L₀₀;  a ← a + ½αₖₖ·b;  A₀₀ ← A₀₀ + aᵀ·b + bᵀ·a;  a ← a + ½αₖₖ·b;  a ← ℓ·a;  αₖₖ ← αₖₖ·ℓ²
 *
 * Storage: A at `pA` (lda ≥ max(1, n)): lower triangle read and overwritten by C's; the strict upper
 * triangle is never touched. L at `pB` (ldb ≥ max(1, n)): the Cholesky factor in the lower triangle, only
 * that read. No workspace. Returns nothing (B positive definite is the caller's precondition: potrf
 * reports when it is not).
 *
 * Accuracy: the reduction is as accurate as the triangular solves/products it is made of; for itype = 1
 * the computed C has errors of order eps·‖A‖·κ(L)² (it is L⁻¹AL⁻ᵀ), which is why an ill-conditioned B
 * loses accuracy in the small eigenvalues (Golub & Van Loan §8.7.2, Davies, Higham & Tisseur 2001).
 *
 * Reference: LAPACK dsygs2; Golub & Van Loan, 4th ed., §8.7.2 (the symmetric-definite problem).
 */
import { axpy } from '../../blas/axpy';
import { dot } from '../../blas/dot';
import { scal } from '../../blas/scal';
import { syr2 } from './syr2';
import { trsm2 } from '../../trsm/trsm2';

export function sygs2(itype: i32, n: i32, pA: usize, lda: i32, pB: usize, ldb: i32): void {
  if (n <= 0) return;
  const ldA = <usize>lda << 3;
  const ldB = <usize>ldb << 3;
  if (itype == 1) {
    for (let k = 0; k < n; k++) {
      const pakk = pA + <usize>k * ldA + (<usize>k << 3);
      const pbkk = pB + <usize>k * ldB + (<usize>k << 3);
      const bkk = load<f64>(pbkk);
      const akk = load<f64>(pakk) / (bkk * bkk);
      store<f64>(pakk, akk);
      const m = n - k - 1;
      if (m > 0) {
        const a = pakk + 8;
        const b = pbkk + 8;
        scal(m, 1 / bkk, a, 1);
        const ct = -0.5 * akk;
        axpy(m, ct, b, 1, a, 1);
        syr2(m, -1, a, b, a + ldA, lda);
        axpy(m, ct, b, 1, a, 1);
        trsm2(0, 0, 0, 0, m, 1, b + ldB, ldb, a, max(1, m));
      }
    }
    return;
  }
  for (let k = 0; k < n; k++) {
    const a = pA + (<usize>k << 3); // row k of A: a[j] at a + j·ldA
    const b = pB + (<usize>k << 3); // row k of L
    const pakk = a + <usize>k * ldA;
    const akk = load<f64>(pakk);
    const bkk = load<f64>(b + <usize>k * ldB);
    // a ← a·L₀₀: aᵢ ← lᵢᵢ·aᵢ + L[i+1:k, i]·a[i+1:k], left to right (reads only the old a[i+1:])
    for (let i = 0; i < k; i++) {
      const ai = a + <usize>i * ldA;
      const li = pB + <usize>i * ldB + (<usize>i << 3);
      store<f64>(ai, load<f64>(li) * load<f64>(ai) + dot(k - i - 1, li + 8, 1, ai + ldA, lda));
    }
    const ct = 0.5 * akk;
    axpy(k, ct, b, ldb, a, lda);
    // A₀₀ ← A₀₀ + aᵀ·b + bᵀ·a (lower triangle; a and b are rows: stride lda, ldb)
    for (let j = 0; j < k; j++) {
      const ty = load<f64>(b + <usize>j * ldB); // multiplies a
      const tx = load<f64>(a + <usize>j * ldA); // multiplies b
      const cj = pA + <usize>j * ldA;
      for (let i = j; i < k; i++) {
        const o = cj + (<usize>i << 3);
        store<f64>(o, load<f64>(o) + load<f64>(a + <usize>i * ldA) * ty + load<f64>(b + <usize>i * ldB) * tx);
      }
    }
    axpy(k, ct, b, ldb, a, lda);
    scal(k, bkk, a, lda);
    store<f64>(pakk, akk * (bkk * bkk));
  }
}
