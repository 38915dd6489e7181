/**
 * orgtr — form the orthogonal Q of the tridiagonalisation A = Q·T·Qᵀ explicitly   (4/3·n³ flops)
 *
 * JS mirror of assembly/eig/sym/orgtr.ts (read it for the picture). Q = diag(1, Q̃): the reflector tails
 * are shifted one column to the right (walking downwards), row and column 0 set to e₀, and orgqr forms
 * Q̃ in A[1:n, 1:n] from the n−1 reflectors.
 *
 * Storage: A[i, j] = a[offA + i + j·lda] (n×n) and τ[offTau…] (n−1) as sytrd left them; on exit A = Q.
 * Workspace: w[offW…], `orgtrScratch(n)` doubles. Same operation order as the wasm kernel.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.6 and §8.3.1; LAPACK dorgtr (uplo = 'L').
 */
import { orgqr, orgqrScratch } from '../../qr/orgqr.js';

/** Doubles of workspace `orgtr` needs. */
export function orgtrScratch(n: number): number {
  return n <= 1 ? 0 : orgqrScratch(n - 1, n - 1, n - 1);
}

export function orgtr(
  n: number, a: Float64Array, offA: number, lda: number, tau: Float64Array, offTau: number,
  w: Float64Array, offW: number,
): void {
  if (n <= 0) return;
  // column j−1's tail (rows j+1…n−1) → column j; row 0 ← 0
  for (let j = n - 1; j >= 1; j--) {
    const cj = offA + j * lda;
    const cp = cj - lda;
    a[cj] = 0;
    for (let i = j + 1; i < n; i++) a[cj + i] = a[cp + i]!;
  }
  a[offA] = 1;
  for (let i = 1; i < n; i++) a[offA + i] = 0;
  if (n > 1) orgqr(n - 1, n - 1, n - 1, a, offA + lda + 1, lda, tau, offTau, w, offW);
}
