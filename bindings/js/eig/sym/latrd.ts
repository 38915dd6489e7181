/**
 * latrd — reduce the first nb columns of a symmetric matrix to tridiagonal form, and return W
 *         for the deferred rank-2k update of the rest                         (≈ 2n²·nb level-2 flops)
 *
 * JS mirror of assembly/eig/sym/latrd.ts (read it for the math and the partition). For each panel
 * column j: bring A[j:n, j] up to date with the previous V, W (two gemv), larfg → vⱼ, τⱼ, eⱼ (A[j+1, j]
 * set to 1), pⱼ = A22·vⱼ − V·(Wᵀvⱼ) − W·(Vᵀvⱼ) (symv, gemv), scaled by τⱼ, then
 * wⱼ = pⱼ − (τⱼ/2)(pⱼᵀvⱼ)·vⱼ.
 *
 * Storage: A[i, j] = a[offA + i + j·lda] (n×n, lower; nb < n), e[offE…], τ[offTau…] (nb each),
 * W[i, j] = w[offW + i + j·ldw] (n×nb; W[0:j+1, j] scratch); workspace work[offWork…], latrdScratch(n)
 * doubles (symv's panels). Same operation order as the wasm kernel.
 *
 * References: Golub & Van Loan, 4th ed., §8.3.1; Dongarra, Sorensen & Hammarling, J. Comput. Appl. Math.
 * 27, 1989; LAPACK dlatrd (uplo = 'L').
 */
import { larfg } from '../../qr/larfg.js';
import { gemv } from '../../blas/gemv.js';
import { dot } from '../../blas/dot.js';
import { axpy } from '../../blas/axpy.js';
import { scal } from '../../blas/scal.js';
import { symv, symvScratch } from './symv.js';

/** Doubles of workspace `latrd` needs (its symv of order n − 1 and below). */
export function latrdScratch(n: number): number {
  return symvScratch(n - 1);
}

export function latrd(
  n: number, nb: number, a: Float64Array, offA: number, lda: number, e: Float64Array, offE: number,
  tau: Float64Array, offTau: number, w: Float64Array, offW: number, ldw: number,
  work: Float64Array, offWork: number,
): void {
  for (let j = 0; j < nb; j++) {
    const ajj = offA + j * lda + j; // A[j, j]
    const aj0 = offA + j; // A[j, 0] (row j of V)
    const wj0 = offW + j; // W[j, 0] (row j of W)
    if (j > 0) {
      // 1. Â[j:n, j] = A[j:n, j] − V[j:n, 0:j]·W[j, 0:j]ᵀ − W[j:n, 0:j]·V[j, 0:j]ᵀ
      gemv(0, n - j, j, -1, a, aj0, lda, w, wj0, ldw, 1, a, ajj, 1);
      gemv(0, n - j, j, -1, w, wj0, ldw, a, aj0, lda, 1, a, ajj, 1);
    }
    // 2. Hⱼ·Â[j+1:n, j] = eⱼ·e₁
    const m = n - j - 1;
    const v = ajj + 1; // A[j+1, j]
    const t = larfg(m, a, v, a, v + (m > 1 ? 1 : 0), 1);
    e[offE + j] = a[v]!;
    tau[offTau + j] = t;
    a[v] = 1;
    // 3. pⱼ = A22·vⱼ − V·(Wᵀvⱼ) − W·(Vᵀvⱼ)   (rows j+1…n−1; the scratch vector sits in W[0:j, j])
    const wj = offW + j * ldw; // column j of W
    const wp = wj + j + 1; // W[j+1, j]
    symv(m, 1, a, ajj + lda + 1, lda, a, v, w, wp, work, offWork);
    if (j > 0) {
      const v1 = offA + j + 1; // A[j+1, 0]
      const w1 = offW + j + 1; // W[j+1, 0]
      gemv(1, m, j, 1, w, w1, ldw, a, v, 1, 0, w, wj, 1); // t = W[j+1:n, 0:j]ᵀ·v
      gemv(0, m, j, -1, a, v1, lda, w, wj, 1, 1, w, wp, 1); // p −= V·t
      gemv(1, m, j, 1, a, v1, lda, a, v, 1, 0, w, wj, 1); // t = V[j+1:n, 0:j]ᵀ·v
      gemv(0, m, j, -1, w, w1, ldw, w, wj, 1, 1, w, wp, 1); // p −= W·t
    }
    scal(m, t, w, wp, 1);
    // 4. wⱼ = pⱼ − (τⱼ/2)(pⱼᵀvⱼ)·vⱼ
    const alpha = -0.5 * t * dot(m, w, wp, 1, a, v, 1);
    axpy(m, alpha, a, v, 1, w, wp, 1);
  }
}
