/**
 * labrd — bidiagonalise the first nb rows and columns, deferring the trailing update
 *
 * JS mirror of assembly/svd/labrd.ts (read it for the derivation). Makes the nb reflector pairs of
 * gebd2 on A (m×n, m ≥ n ≥ nb) while leaving the trailing block untouched, and returns X (m×nb) and
 * Y (n×nb) with "nb steps" = A − U·Yᵀ − X·Vᵀ; uᵢ, vᵢ stored as in gebd2 with A[i, i] and A[i, i+1] set
 * to 1 (gebrd restores dᵢ, eᵢ after its GEMMs).
 *
 * Storage: A[i, j] = a[offA + i + j·lda]; d, e, τq, τp (nb each) at their offsets; X[i, j] =
 * x[offX + i + j·ldx], Y likewise. Workspace: none. Same operation order as the wasm kernel, so the
 * bits agree.
 *
 * References: Dongarra, Sorensen & Hammarling, J. Comput. Appl. Math. 27, 1989; LAPACK dlabrd.
 */
import { larfg } from '../qr/larfg.js';
import { gemv } from '../blas/gemv.js';
import { scal } from '../blas/scal.js';

export function labrd(
  m: number, n: number, nb: number, a: Float64Array, offA: number, lda: number,
  d: Float64Array, offD: number, e: Float64Array, offE: number,
  tauq: Float64Array, offTauq: number, taup: Float64Array, offTaup: number,
  x: Float64Array, offX: number, ldx: number, y: Float64Array, offY: number, ldy: number,
): void {
  if (m <= 0 || n <= 0) return;
  for (let i = 0; i < nb; i++) {
    const aii = offA + i + i * lda; // A[i, i]
    const ai0 = offA + i; // A[i, 0]
    const a0i = offA + i * lda; // A[0, i]
    // column i:  A[i:m, i] −= A[i:m, 0:i]·Y[i, 0:i]ᵀ + X[i:m, 0:i]·A[0:i, i]
    gemv(0, m - i, i, -1.0, a, ai0, lda, y, offY + i, ldy, 1.0, a, aii, 1);
    gemv(0, m - i, i, -1.0, x, offX + i, ldx, a, a0i, 1, 1.0, a, aii, 1);
    // Hᵢ
    const tq = larfg(m - i, a, aii, a, aii + 1, 1);
    tauq[offTauq + i] = tq;
    d[offD + i] = a[aii]!;
    if (i + 1 >= n) {
      taup[offTaup + i] = 0;
      continue;
    }
    a[aii] = 1.0;
    const aij = aii + lda; // A[i, i+1]
    const a0j = a0i + lda; // A[0, i+1]
    const yi = offY + i * ldy; // column i of Y
    const yi1 = yi + i + 1; // Y[i+1, i]
    const y10 = offY + i + 1; // Y[i+1, 0]
    // yᵢ[i+1:n] = τq·(A[i:m, i+1:n]ᵀuᵢ − Y[i+1:n, 0:i]·(A[i:m, 0:i]ᵀuᵢ) − A[0:i, i+1:n]ᵀ·(X[i:m, 0:i]ᵀuᵢ))
    gemv(1, m - i, n - i - 1, 1.0, a, aij, lda, a, aii, 1, 0, y, yi1, 1);
    gemv(1, m - i, i, 1.0, a, ai0, lda, a, aii, 1, 0, y, yi, 1);
    gemv(0, n - i - 1, i, -1.0, y, y10, ldy, y, yi, 1, 1.0, y, yi1, 1);
    gemv(1, m - i, i, 1.0, x, offX + i, ldx, a, aii, 1, 0, y, yi, 1);
    gemv(1, i, n - i - 1, -1.0, a, a0j, lda, y, yi, 1, 1.0, y, yi1, 1);
    scal(n - i - 1, tq, y, yi1, 1);
    // row i:  A[i, i+1:n] −= Y[i+1:n, 0:i+1]·A[i, 0:i+1]ᵀ + A[0:i, i+1:n]ᵀ·X[i, 0:i]ᵀ
    gemv(0, n - i - 1, i + 1, -1.0, y, y10, ldy, a, ai0, lda, 1.0, a, aij, lda);
    gemv(1, i, n - i - 1, -1.0, a, a0j, lda, x, offX + i, ldx, 1.0, a, aij, lda);
    // Gᵢ
    const tp = larfg(n - i - 1, a, aij, a, aij + lda, lda);
    taup[offTaup + i] = tp;
    e[offE + i] = a[aij]!;
    a[aij] = 1.0;
    const xi = offX + i * ldx; // column i of X
    const xi1 = xi + i + 1; // X[i+1, i]
    // xᵢ[i+1:m] = τp·(A[i+1:m, i+1:n]vᵢ − A[i+1:m, 0:i+1]·(Y[i+1:n, 0:i+1]ᵀvᵢ) − X[i+1:m, 0:i]·(A[0:i, i+1:n]vᵢ))
    gemv(0, m - i - 1, n - i - 1, 1.0, a, aij + 1, lda, a, aij, lda, 0, x, xi1, 1);
    gemv(1, n - i - 1, i + 1, 1.0, y, y10, ldy, a, aij, lda, 0, x, xi, 1);
    gemv(0, m - i - 1, i + 1, -1.0, a, ai0 + 1, lda, x, xi, 1, 1.0, x, xi1, 1);
    gemv(0, i, n - i - 1, 1.0, a, a0j, lda, a, aij, lda, 0, x, xi, 1);
    gemv(0, m - i - 1, i, -1.0, x, offX + i + 1, ldx, x, xi, 1, 1.0, x, xi1, 1);
    scal(m - i - 1, tp, x, xi1, 1);
  }
}
