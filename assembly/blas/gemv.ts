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
 * Four columns are processed together so each load of y (or x) is reused four times (axpy4, dot4).
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
      let j = 0;
      for (; j + 3 < n; j += 4) dot4(m, pA + <usize>j * ldA, ldA, px, alpha, py + <usize>(j * incy) * 8, <usize>incy << 3);
      for (; j < n; j++) {
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

/**
 * y_k += α·(column k of A)·x for four consecutive columns c0 + k·ldA (k = 0…3), x of unit stride,
 * y_k at py + k·sy. One dot per column has a single chain of dependent adds per lane and runs at the
 * latency of f64x2.add; four columns side by side give four independent chains and use each load of x
 * four times. Each dot is evaluated exactly as dot.ts does (lane 0 sums even rows, lane 1 odd rows,
 * then (lane 0 + lane 1) + the odd last row), so the result equals four calls of dot bit for bit —
 * which is why the JS mirror can keep the plain per-column loop.
 */
function dot4(m: i32, c0: usize, ldA: usize, px: usize, alpha: f64, py: usize, sy: usize): void {
  const c1 = c0 + ldA;
  const c2 = c1 + ldA;
  const c3 = c2 + ldA;
  let i = 0;
  let s00: f64 = 0, s01: f64 = 0, s10: f64 = 0, s11: f64 = 0;
  let s20: f64 = 0, s21: f64 = 0, s30: f64 = 0, s31: f64 = 0;
  if (ASC_FEATURE_SIMD) {
    let T0 = f64x2.splat(0);
    let T1 = f64x2.splat(0);
    let T2 = f64x2.splat(0);
    let T3 = f64x2.splat(0);
    for (; i + 1 < m; i += 2) {
      const r = <usize>i << 3;
      const xv = v128.load(px + r);
      T0 = f64x2.add(T0, f64x2.mul(v128.load(c0 + r), xv));
      T1 = f64x2.add(T1, f64x2.mul(v128.load(c1 + r), xv));
      T2 = f64x2.add(T2, f64x2.mul(v128.load(c2 + r), xv));
      T3 = f64x2.add(T3, f64x2.mul(v128.load(c3 + r), xv));
    }
    s00 = f64x2.extract_lane(T0, 0); s01 = f64x2.extract_lane(T0, 1);
    s10 = f64x2.extract_lane(T1, 0); s11 = f64x2.extract_lane(T1, 1);
    s20 = f64x2.extract_lane(T2, 0); s21 = f64x2.extract_lane(T2, 1);
    s30 = f64x2.extract_lane(T3, 0); s31 = f64x2.extract_lane(T3, 1);
  } else {
    for (; i + 1 < m; i += 2) {
      const r = <usize>i << 3;
      const xa = load<f64>(px + r);
      const xb = load<f64>(px + r, 8);
      s00 += load<f64>(c0 + r) * xa; s01 += load<f64>(c0 + r, 8) * xb;
      s10 += load<f64>(c1 + r) * xa; s11 += load<f64>(c1 + r, 8) * xb;
      s20 += load<f64>(c2 + r) * xa; s21 += load<f64>(c2 + r, 8) * xb;
      s30 += load<f64>(c3 + r) * xa; s31 += load<f64>(c3 + r, 8) * xb;
    }
  }
  let u0 = s00 + s01;
  let u1 = s10 + s11;
  let u2 = s20 + s21;
  let u3 = s30 + s31;
  if (i < m) {
    const r = <usize>i << 3;
    const xi = load<f64>(px + r);
    u0 += load<f64>(c0 + r) * xi;
    u1 += load<f64>(c1 + r) * xi;
    u2 += load<f64>(c2 + r) * xi;
    u3 += load<f64>(c3 + r) * xi;
  }
  store<f64>(py, load<f64>(py) + alpha * u0);
  store<f64>(py + sy, load<f64>(py + sy) + alpha * u1);
  store<f64>(py + 2 * sy, load<f64>(py + 2 * sy) + alpha * u2);
  store<f64>(py + 3 * sy, load<f64>(py + 3 * sy) + alpha * u3);
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
