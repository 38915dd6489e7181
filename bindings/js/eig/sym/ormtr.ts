/**
 * ormtr — apply the orthogonal Q of the tridiagonalisation A = Q·T·Qᵀ to a matrix: C ← Q·C
 *
 * JS mirror of assembly/eig/sym/ormtr.ts (read it for why this is ormqr on the block at A[1, 0]):
 * Q = diag(1, Q̃), C[1:n, :] ← Q̃·C[1:n, :] by ormqr (trans = 0) with the n−1 reflectors sytrd left.
 *
 * Storage: A[i, j] = a[offA + i + j·lda] and τ[offTau…] as sytrd left them, read only; C[i, j] =
 * c[offC + i + j·ldc] (n×k), overwritten. Workspace: w[offW…], `ormtrScratch(n, k)` doubles. Same
 * operation order as the wasm kernel.
 *
 * References: LAPACK dormtr (side = 'L', uplo = 'L', trans = 'N'); Golub & Van Loan, 4th ed., §5.1.7.
 */
import { ormqr, ormqrScratch } from '../../qr/ormqr.js';

/** Doubles of workspace `ormtr` needs for C n×k. */
export function ormtrScratch(n: number, k: number): number {
  return n <= 1 || k <= 0 ? 0 : ormqrScratch(n - 1, k, n - 1);
}

export function ormtr(
  n: number, k: number, a: Float64Array, offA: number, lda: number, tau: Float64Array, offTau: number,
  c: Float64Array, offC: number, ldc: number, w: Float64Array, offW: number,
): void {
  if (n <= 1 || k <= 0) return;
  ormqr(0, n - 1, k, n - 1, a, offA + 1, lda, tau, offTau, c, offC + 1, ldc, w, offW);
}
