/**
 * gemvt — y ← α·Aᵀ·x, four columns per pass                              (2mn flops)
 *
 * JS mirror of assembly/eig/sym/gemvt.ts. Each yⱼ = 0 + α·(A[:, j]·x) with the dot evaluated exactly as
 * blas/dot (two partial sums over even and odd rows, then (s0 + s1) + odd last row), so the result equals
 * gemv(1, m, n, α, A, lda, x, 1, 0, y, 1) bit for bit; the wasm kernel only reorganises the loop.
 *
 * Storage: A[i, j] = a[offA + i + j·lda] (m×n), x[offX…] (m), y[offY…] (n; not read), unit strides.
 *
 * Reference: reference BLAS dgemv (trans = 'T').
 */
import { dot } from '../../blas/dot.js';

export function gemvt(
  m: number, n: number, alpha: number, a: Float64Array, offA: number, lda: number,
  x: Float64Array, offX: number, y: Float64Array, offY: number,
): void {
  for (let j = 0; j < n; j++) y[offY + j] = 0 + alpha * dot(m, a, offA + j * lda, 1, x, offX, 1);
}
