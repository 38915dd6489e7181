/**
 * sytd2 — Householder tridiagonalisation of a symmetric matrix, unblocked     (4/3·n³ flops)
 *
 *   A = Q·T·Qᵀ,   T symmetric tridiagonal (diagonal d, off-diagonal e),   Q = H₀·H₁ ⋯ H_{n−2}
 *
 * Step i (i = 0 … n−2) with the trailing matrix already reduced to
 *
 *        i   i+1
 *   [ d₀ e₀             ]
 *   [ e₀ ⋱  ⋱           ]
 *   [    ⋱  a   bᵀ      ]  i          a = A[i,i],  b = A[i+1:n, i],  A22 = A[i+1:n, i+1:n]
 *   [       b   A22     ]  i+1
 *
 * a reflector H = I − τ·v·vᵀ of order n−i−1 (larfg, v[0] = 1) maps b to e_i·e₁, and the similarity
 * A22 ← H·A22·H is done as a symmetric rank-2 update (Golub & Van Loan §8.3.1):
 *
 *   p = τ·A22·v                  (symv)
 *   w = p − (τ/2)·(pᵀv)·v
 *   A22 ← A22 − v·wᵀ − w·vᵀ      (syr2; only the lower triangle is kept)
 *
 * Flops: the symv and the syr2 cost 2m² each for m = n−i−1, Σ 4m² ≈ 4/3·n³ (half of it in symv).
 *
 * Storage: on entry the lower triangle of A (n×n at `pA`, lda ≥ max(1, n)); the strict upper triangle is
 * not read or written. On exit d (n doubles at `pD`) and e (n−1 at `pE`) hold T; A[i,i] = dᵢ and
 * A[i+1,i] = eᵢ; vᵢ[1:] is stored in A[i+2:n, i] (vᵢ[0] = 1 not stored); τᵢ at `pTau` (n−1 doubles).
 * τᵢ = 0 means Hᵢ = I (the column was already reduced). Q is formed by orgtr.ts.
 * Workspace: `pw`, sytd2Scratch(n) doubles: the vector p/w (n, rounded up to even), then symv's
 * (symvScratch(n − 1)). Returns nothing (cannot fail on finite input).
 *
 * References: Golub & Van Loan, Matrix Computations, 4th ed., §8.3.1 (Householder tridiagonalisation,
 * Algorithm 8.3.1); LAPACK dsytd2 (uplo = 'L').
 */
import { larfg } from '../../qr/larfg';
import { dot } from '../../blas/dot';
import { axpy } from '../../blas/axpy';
import { symv, symvScratch } from './symv';
import { even } from '../../util';
import { syr2 } from './syr2';

/** Doubles of workspace `sytd2` needs. */
export function sytd2Scratch(n: i32): i32 {
  return n <= 0 ? 0 : even(n) + symvScratch(n - 1);
}

export function sytd2(n: i32, pA: usize, lda: i32, pD: usize, pE: usize, pTau: usize, pw: usize): void {
  if (n <= 0) return;
  const ldA = <usize>lda << 3;
  const pS = pw + (<usize>even(n) << 3); // symv's workspace
  for (let i = 0; i < n - 1; i++) {
    const m = n - i - 1;
    const aii = pA + <usize>i * ldA + (<usize>i << 3);
    const v = aii + 8; // A[i+1, i]
    const a22 = aii + ldA + 8; // A[i+1, i+1]
    // H·b = eᵢ·e₁
    const tau = larfg(m, v, v + (m > 1 ? 8 : 0), 1);
    const ei = load<f64>(v);
    if (tau != 0) {
      store<f64>(v, 1);
      symv(m, tau, a22, lda, v, pw, pS); // p = τ·A22·v
      const alpha = -0.5 * tau * dot(m, pw, 1, v, 1);
      axpy(m, alpha, v, 1, pw, 1); // w = p − (τ/2)(pᵀv)·v
      syr2(m, -1, v, pw, a22, lda); // A22 −= v·wᵀ + w·vᵀ
      store<f64>(v, ei);
    }
    store<f64>(pD + (<usize>i << 3), load<f64>(aii));
    store<f64>(pE + (<usize>i << 3), ei);
    store<f64>(pTau + (<usize>i << 3), tau);
  }
  store<f64>(pD + (<usize>(n - 1) << 3), load<f64>(pA + <usize>(n - 1) * ldA + (<usize>(n - 1) << 3)));
}
