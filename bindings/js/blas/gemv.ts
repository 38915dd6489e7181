/**
 * gemv — y ← α·op(A)·x + β·y,  op(A) = A or Aᵀ                (BLAS dgemv; 2mn flops)
 *
 * JS mirror of assembly/blas/gemv.ts. A is m×n column-major, A[i, j] = a[offA + i + j·lda],
 * lda ≥ max(1, m). x and y have strides incx, incy (> 0); x has n entries and y m entries for op = A,
 * the other way round for Aᵀ. β = 0 means y is not read (BLAS convention).
 *
 *   op = A  (trans = 0): column sweep  y += A[:, j]·(α xⱼ)   — four columns at a time when incy = 1
 *   op = Aᵀ (trans = 1): yⱼ += α·(A[:, j]·x)                 — a dot per column
 *
 * Same operation order as the wasm kernels, so the results agree bit for bit.
 */
import { dot } from './dot.js';
import { axpy } from './axpy.js';
import { scal } from './scal.js';

export function gemv(
  trans: number, m: number, n: number, alpha: number,
  a: Float64Array, offA: number, lda: number, x: Float64Array, offX: number, incx: number,
  beta: number, y: Float64Array, offY: number, incy: number,
): void {
  const leny = trans ? n : m;
  const lenx = trans ? m : n;
  if (leny <= 0) return;
  // y ← β·y
  if (beta === 0) {
    for (let i = 0, iy = offY; i < leny; i++, iy += incy) y[iy] = 0;
  } else if (beta !== 1) {
    scal(leny, beta, y, offY, incy);
  }
  if (lenx <= 0 || alpha === 0) return;
  if (!trans) {
    if (incy === 1) {
      let j = 0;
      for (; j + 3 < n; j += 4) {
        const x0 = alpha * x[offX + j * incx]!;
        const x1 = alpha * x[offX + (j + 1) * incx]!;
        const x2 = alpha * x[offX + (j + 2) * incx]!;
        const x3 = alpha * x[offX + (j + 3) * incx]!;
        axpy4(m, a, offA + j * lda, lda, x0, x1, x2, x3, y, offY);
      }
      for (; j < n; j++) axpy(m, alpha * x[offX + j * incx]!, a, offA + j * lda, 1, y, offY, 1);
    } else {
      for (let j = 0; j < n; j++) axpy(m, alpha * x[offX + j * incx]!, a, offA + j * lda, 1, y, offY, incy);
    }
  } else {
    for (let j = 0; j < n; j++) {
      const o = offY + j * incy;
      y[o] = y[o]! + alpha * dot(m, a, offA + j * lda, 1, x, offX, incx);
    }
  }
}

/** y[0:m] += c0·x0 + c1·x1 + c2·x2 + c3·x3, columns c_k = c0 + k·lda; added left to right. */
function axpy4(
  m: number, a: Float64Array, c0: number, lda: number,
  x0: number, x1: number, x2: number, x3: number, y: Float64Array, offY: number,
): void {
  const d1 = lda;
  const d2 = 2 * lda;
  const d3 = 3 * lda;
  const dy = offY - c0;
  const end = c0 + m;
  for (let i = c0; i < end; i++) {
    let t = y[i + dy]!;
    t += a[i]! * x0;
    t += a[i + d1]! * x1;
    t += a[i + d2]! * x2;
    t += a[i + d3]! * x3;
    y[i + dy] = t;
  }
}
