/**
 * latrd — reduce the first nb columns of a symmetric matrix to tridiagonal form, and return W
 *         for the deferred rank-2k update of the rest                         (≈ 2n²·nb level-2 flops)
 *
 * The panel step of the blocked tridiagonalisation (sytrd.ts). Column j of the panel is reduced exactly
 * as in sytd2 (reflector Hⱼ = I − τⱼ·vⱼ·vⱼᵀ), but the trailing matrix is not updated: after j steps the
 * true trailing matrix is
 *
 *   Â = A − V·Wᵀ − W·Vᵀ,     V = [v₀ … v_{j−1}],  W = [w₀ … w_{j−1}]  (n×j)
 *
 * (the accumulated sytd2 rank-2 updates), so every use of Â is rewritten in terms of the untouched A:
 *
 *   1. bring column j up to date:   Â[j:n, j] = A[j:n, j] − V[j:n,:]·W[j,:]ᵀ − W[j:n,:]·V[j,:]ᵀ   (2 gemv)
 *   2. reflector for Â[j+1:n, j]:   larfg → vⱼ, τⱼ, eⱼ
 *   3. pⱼ = τⱼ·Â22·vⱼ = τⱼ·(A22·vⱼ − V·(Wᵀvⱼ) − W·(Vᵀvⱼ))                     (symv + 4 gemv)
 *   4. wⱼ = pⱼ − (τⱼ/2)·(pⱼᵀvⱼ)·vⱼ
 *
 * with A22 = A[j+1:n, j+1:n] and V, W restricted to rows j+1…n−1. Then Â = A − V·Wᵀ − W·Vᵀ with nb
 * columns in V and W is applied by sytrd as one syr2k (GEMM) on A[nb:n, nb:n].
 *
 *         0    nb
 *   [  A00 |    ]          columns 0…nb−1 reduced here: dⱼ (= A[j,j] after step 1), eⱼ, τⱼ, vⱼ
 *   [  A10 | A11]  nb      A11 untouched; sytrd: A11 ← A11 − V1·W1ᵀ − W1·V1ᵀ  (V1, W1 = rows nb…n−1)
 *
 * Storage: A (n×n at `pA`, lda ≥ n, lower triangle; requires nb < n). On exit, for j < nb: A[j,j] = dⱼ
 * (updated diagonal), A[j+1, j] = 1 (the explicit unit of vⱼ, so V can be read straight from A by the
 * GEMM; sytrd puts eⱼ back afterwards), vⱼ[1:] in A[j+2:n, j], eⱼ at `pE` (nb doubles), τⱼ at `pTau`
 * (nb doubles); A[nb:n, nb:n] is not modified. W (n×nb at `pW`, ldw ≥ n): wⱼ in W[j+1:n, j]; the entries
 * W[0:j+1, j] above it are used as scratch (the vector Wᵀvⱼ / Vᵀvⱼ) and hold garbage on exit.
 * Workspace: `pWork`, latrdScratch(n) = symvScratch(n − 1) doubles (symv's panels). Returns nothing.
 *
 * References: Golub & Van Loan, 4th ed., §8.3.1 (and §5.2.3 for the idea of deferred block updates);
 * Dongarra, Sorensen & Hammarling, "Block reduction of matrices to condensed forms for eigenvalue
 * computations", J. Comput. Appl. Math. 27, 1989; LAPACK dlatrd (uplo = 'L').
 */
import { larfg } from '../../qr/larfg';
import { gemv } from '../../blas/gemv';
import { dot } from '../../blas/dot';
import { axpy } from '../../blas/axpy';
import { scal } from '../../blas/scal';
import { symv, symvScratch } from './symv';

/** Doubles of workspace `latrd` needs (its symv of order n − 1 and below). */
export function latrdScratch(n: i32): i32 {
  return symvScratch(n - 1);
}

export function latrd(n: i32, nb: i32, pA: usize, lda: i32, pE: usize, pTau: usize, pW: usize, ldw: i32, pWork: usize): void {
  const ldA = <usize>lda << 3;
  const ldW = <usize>ldw << 3;
  for (let j = 0; j < nb; j++) {
    const o = <usize>j << 3;
    const ajj = pA + <usize>j * ldA + o; // A[j, j]
    const aj0 = pA + o; // A[j, 0] (row j of V)
    const wj0 = pW + o; // W[j, 0] (row j of W)
    if (j > 0) {
      // 1. Â[j:n, j] = A[j:n, j] − V[j:n, 0:j]·W[j, 0:j]ᵀ − W[j:n, 0:j]·V[j, 0:j]ᵀ
      gemv(0, n - j, j, -1, aj0, lda, wj0, ldw, 1, ajj, 1);
      gemv(0, n - j, j, -1, wj0, ldw, aj0, lda, 1, ajj, 1);
    }
    // 2. Hⱼ·Â[j+1:n, j] = eⱼ·e₁
    const m = n - j - 1;
    const v = ajj + 8; // A[j+1, j]
    const tau = larfg(m, v, v + (m > 1 ? 8 : 0), 1);
    store<f64>(pE + o, load<f64>(v));
    store<f64>(pTau + o, tau);
    store<f64>(v, 1);
    // 3. pⱼ = A22·vⱼ − V·(Wᵀvⱼ) − W·(Vᵀvⱼ)   (rows j+1…n−1; the scratch vector sits in W[0:j, j])
    const wj = pW + <usize>j * ldW; // column j of W
    const wp = wj + o + 8; // W[j+1, j]
    symv(m, 1, ajj + ldA + 8, lda, v, wp, pWork);
    if (j > 0) {
      const v1 = pA + o + 8; // A[j+1, 0]
      const w1 = pW + o + 8; // W[j+1, 0]
      gemv(1, m, j, 1, w1, ldw, v, 1, 0, wj, 1); // t = W[j+1:n, 0:j]ᵀ·v
      gemv(0, m, j, -1, v1, lda, wj, 1, 1, wp, 1); // p −= V·t
      gemv(1, m, j, 1, v1, lda, v, 1, 0, wj, 1); // t = V[j+1:n, 0:j]ᵀ·v
      gemv(0, m, j, -1, w1, ldw, wj, 1, 1, wp, 1); // p −= W·t
    }
    scal(m, tau, wp, 1);
    // 4. wⱼ = pⱼ − (τⱼ/2)(pⱼᵀvⱼ)·vⱼ
    const alpha = -0.5 * tau * dot(m, wp, 1, v, 1);
    axpy(m, alpha, v, 1, wp, 1);
  }
}
