/**
 * sytd2 — Householder tridiagonalisation of a symmetric matrix, unblocked     (4/3·n³ flops)
 *
 * JS mirror of assembly/eig/sym/sytd2.ts (read it for the math). A = Q·T·Qᵀ; step i: larfg on
 * A[i+1:n, i] → vᵢ, τᵢ, eᵢ; p = τ·A22·v (symv); w = p − (τ/2)(pᵀv)·v; A22 ← A22 − v·wᵀ − w·vᵀ (syr2).
 *
 * Storage: lower triangle of A (A[i, j] = a[offA + i + j·lda]); on exit d[offD…] (n), e[offE…] (n−1),
 * τ[offTau…] (n−1), A[i,i] = dᵢ, A[i+1,i] = eᵢ, vᵢ[1:] in A[i+2:n, i]. Workspace w[offW…],
 * sytd2Scratch(n) doubles: p/w (n, rounded up to even), then symv's (symvScratch(n − 1)).
 * Same operation order as the wasm kernel, so the results agree bit for bit.
 *
 * References: Golub & Van Loan, 4th ed., §8.3.1; LAPACK dsytd2 (uplo = 'L').
 */
import { larfg } from '../../qr/larfg.js';
import { dot } from '../../blas/dot.js';
import { axpy } from '../../blas/axpy.js';
import { symv, symvScratch } from './symv.js';
import { even } from '../../util.js';
import { syr2 } from './syr2.js';

/** Doubles of workspace `sytd2` needs. */
export function sytd2Scratch(n: number): number {
  return n <= 0 ? 0 : even(n) + symvScratch(n - 1);
}

export function sytd2(
  n: number, a: Float64Array, offA: number, lda: number, d: Float64Array, offD: number,
  e: Float64Array, offE: number, tau: Float64Array, offTau: number, w: Float64Array, offW: number,
): void {
  if (n <= 0) return;
  const offS = offW + even(n); // symv's workspace
  for (let i = 0; i < n - 1; i++) {
    const m = n - i - 1;
    const aii = offA + i * lda + i;
    const v = aii + 1; // A[i+1, i]
    const a22 = aii + lda + 1; // A[i+1, i+1]
    // H·b = eᵢ·e₁
    const t = larfg(m, a, v, a, v + (m > 1 ? 1 : 0), 1);
    const ei = a[v]!;
    if (t !== 0) {
      a[v] = 1;
      symv(m, t, a, a22, lda, a, v, w, offW, w, offS); // p = τ·A22·v
      const alpha = -0.5 * t * dot(m, w, offW, 1, a, v, 1);
      axpy(m, alpha, a, v, 1, w, offW, 1); // w = p − (τ/2)(pᵀv)·v
      syr2(m, -1, a, v, w, offW, a, a22, lda); // A22 −= v·wᵀ + w·vᵀ
      a[v] = ei;
    }
    d[offD + i] = a[aii]!;
    e[offE + i] = ei;
    tau[offTau + i] = t;
  }
  d[offD + n - 1] = a[offA + (n - 1) * lda + n - 1]!;
}
