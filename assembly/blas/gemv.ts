/**
 * gemv — y ← α·op(A)·x + β·y,  op(A) = A or Aᵀ                (BLAS dgemv; 2mn flops)
 *
 * A is m×n column-major at `pA` with leading dimension `lda` ≥ max(1, m). x and y have strides
 * `incx`, `incy` (> 0); x has n entries and y m entries for op = A, the other way round for Aᵀ.
 * β = 0 means y is not read (BLAS convention), so garbage or NaN in y does not leak into the result.
 *
 *   op = A  (trans = 0): column sweep  y += A[:, j]·(α xⱼ)   — an axpy per column, contiguous in A
 *   op = Aᵀ (trans = 1): row of Aᵀ     yⱼ += α·A[:, j]·x      — a dot per column, contiguous in A
 *
 * Four columns are processed together so each load of y (or x) is reused four times.
 */
import { dot } from './dot';
import { axpy } from './axpy';
import { scal } from './scal';

export function gemv(
  trans: i32, m: i32, n: i32, alpha: f64,
  pA: usize, lda: i32, px: usize, incx: i32,
  beta: f64, py: usize, incy: i32,
): void {
  const leny = trans ? n : m;
  const lenx = trans ? m : n;
  if (leny <= 0) return;
  // y ← β·y
  if (beta == 0) {
    const sy = <usize>incy << 3;
    for (let i = 0; i < leny; i++) store<f64>(py + <usize>i * sy, 0);
  } else if (beta != 1) {
    scal(leny, beta, py, incy);
  }
  if (lenx <= 0 || alpha == 0) return;
  const ldA = <usize>lda << 3;
  if (!trans) {
    if (incy == 1) {
      let j = 0;
      for (; j + 3 < n; j += 4) {
        const c0 = pA + <usize>j * ldA;
        const x0 = alpha * load<f64>(px + <usize>(j * incx) * 8);
        const x1 = alpha * load<f64>(px + <usize>((j + 1) * incx) * 8);
        const x2 = alpha * load<f64>(px + <usize>((j + 2) * incx) * 8);
        const x3 = alpha * load<f64>(px + <usize>((j + 3) * incx) * 8);
        axpy4(m, c0, ldA, x0, x1, x2, x3, py);
      }
      for (; j < n; j++) axpy(m, alpha * load<f64>(px + <usize>(j * incx) * 8), pA + <usize>j * ldA, 1, py, 1);
    } else {
      for (let j = 0; j < n; j++) axpy(m, alpha * load<f64>(px + <usize>(j * incx) * 8), pA + <usize>j * ldA, 1, py, incy);
    }
  } else {
    if (incx == 1) {
      for (let j = 0; j < n; j++) {
        const o = py + <usize>(j * incy) * 8;
        store<f64>(o, load<f64>(o) + alpha * dot(m, pA + <usize>j * ldA, 1, px, 1));
      }
    } else {
      for (let j = 0; j < n; j++) {
        const o = py + <usize>(j * incy) * 8;
        store<f64>(o, load<f64>(o) + alpha * dot(m, pA + <usize>j * ldA, 1, px, incx));
      }
    }
  }
}

/** y[0:m] += c0·x0 + c1·x1 + c2·x2 + c3·x3, columns c_k = c0 + k·ldA; added left to right. */
function axpy4(m: i32, c0: usize, ldA: usize, x0: f64, x1: f64, x2: f64, x3: f64, py: usize): void {
  const c1 = c0 + ldA;
  const c2 = c1 + ldA;
  const c3 = c2 + ldA;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const v0 = f64x2.splat(x0);
    const v1 = f64x2.splat(x1);
    const v2 = f64x2.splat(x2);
    const v3 = f64x2.splat(x3);
    for (; i + 1 < m; i += 2) {
      const o = <usize>i << 3;
      let y = v128.load(py + o);
      y = f64x2.add(y, f64x2.mul(v128.load(c0 + o), v0));
      y = f64x2.add(y, f64x2.mul(v128.load(c1 + o), v1));
      y = f64x2.add(y, f64x2.mul(v128.load(c2 + o), v2));
      y = f64x2.add(y, f64x2.mul(v128.load(c3 + o), v3));
      v128.store(py + o, y);
    }
  }
  for (; i < m; i++) {
    const o = <usize>i << 3;
    let y = load<f64>(py + o);
    y += load<f64>(c0 + o) * x0;
    y += load<f64>(c1 + o) * x1;
    y += load<f64>(c2 + o) * x2;
    y += load<f64>(c3 + o) * x3;
    store<f64>(py + o, y);
  }
}
