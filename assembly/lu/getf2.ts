/**
 * getf2 — unblocked LU factorisation with partial pivoting: P·A = L·U     (LAPACK dgetf2; ≈ mn² − n³/3 flops)
 *
 * A is m×n column-major at `pA`. On exit L (unit lower trapezoidal, its unit diagonal not stored) is
 * below the diagonal and U on and above it. `ipiv` (i32 at `pIpiv`, min(m, n) entries, 0-based):
 * row i was interchanged with row ipiv[i] ≥ i, in order i = 0, 1, … .
 *
 * Right-looking, column by column (Golub & Van Loan 4th ed. Alg. 3.4.1, gaxpy-free outer-product
 * form): pivot = first max |A[j:m, j]|; swap rows j and pivot across all n columns; divide the
 * column below the diagonal by the pivot (divisions, two per f64x2, not a reciprocal multiply); rank-1
 * update of the trailing block, one axpy per column (unit stride; two columns share a pass over L's
 * column, the same operations per entry). An exactly zero pivot column is left as it is (L's column
 * stays, U[j, j] = 0) and the factorisation continues, as LAPACK does.
 *
 * Returns 0, or j + 1 for the first j with U[j, j] = 0 (the matrix is singular).
 */
import { iamax } from '../blas/iamax';
import { axpy } from '../blas/axpy';

export function getf2(m: i32, n: i32, pA: usize, lda: i32, pIpiv: usize): i32 {
  const ldA = <usize>lda << 3;
  const kmax = min(m, n);
  let info: i32 = 0;
  for (let j = 0; j < kmax; j++) {
    const colj = pA + <usize>j * ldA;
    const p = j + iamax(m - j, colj + (<usize>j << 3), 1);
    store<i32>(pIpiv + (<usize>j << 2), p);
    const piv = load<f64>(colj + (<usize>p << 3));
    if (piv != 0) {
      if (p != j) {
        for (let c = 0; c < n; c++) {
          const col = pA + <usize>c * ldA;
          const a = col + (<usize>j << 3);
          const b = col + (<usize>p << 3);
          const t = load<f64>(a);
          store<f64>(a, load<f64>(b));
          store<f64>(b, t);
        }
      }
      let i = j + 1;
      if (ASC_FEATURE_SIMD) {
        const vp = f64x2.splat(piv);
        for (; i + 1 < m; i += 2) {
          const o = colj + (<usize>i << 3);
          v128.store(o, f64x2.div(v128.load(o), vp));
        }
      }
      for (; i < m; i++) {
        const o = colj + (<usize>i << 3);
        store<f64>(o, load<f64>(o) / piv);
      }
    } else if (info == 0) {
      info = j + 1;
    }
    // A[j+1:m, j+1:n] −= A[j+1:m, j]·A[j, j+1:n]
    if (j + 1 < m) {
      const r = m - j - 1;
      const ol = colj + (<usize>(j + 1) << 3);
      let c = j + 1;
      for (; c + 1 < n; c += 2) {
        const col = pA + <usize>c * ldA;
        const u0 = load<f64>(col + (<usize>j << 3));
        const u1 = load<f64>(col + ldA + (<usize>j << 3));
        if (u0 != 0 && u1 != 0) {
          axpy2(r, -u0, -u1, ol, col + (<usize>(j + 1) << 3), ldA);
        } else {
          if (u0 != 0) axpy(r, -u0, ol, 1, col + (<usize>(j + 1) << 3), 1);
          if (u1 != 0) axpy(r, -u1, ol, 1, col + ldA + (<usize>(j + 1) << 3), 1);
        }
      }
      for (; c < n; c++) {
        const col = pA + <usize>c * ldA;
        const u = load<f64>(col + (<usize>j << 3));
        if (u != 0) axpy(r, -u, ol, 1, col + (<usize>(j + 1) << 3), 1);
      }
    }
  }
  return info;
}

/** y₀ += α₀·x and y₁ += α₁·x (y₁ = y₀ + ldY): two axpys sharing one pass over x, each entry as axpy. */
function axpy2(m: i32, a0: f64, a1: f64, px: usize, py: usize, ldY: usize): void {
  const py1 = py + ldY;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const v0 = f64x2.splat(a0);
    const v1 = f64x2.splat(a1);
    for (; i + 1 < m; i += 2) {
      const o = <usize>i << 3;
      const x = v128.load(px + o);
      v128.store(py + o, f64x2.add(v128.load(py + o), f64x2.mul(v0, x)));
      v128.store(py1 + o, f64x2.add(v128.load(py1 + o), f64x2.mul(v1, x)));
    }
  }
  for (; i < m; i++) {
    const o = <usize>i << 3;
    const x = load<f64>(px + o);
    store<f64>(py + o, load<f64>(py + o) + a0 * x);
    store<f64>(py1 + o, load<f64>(py1 + o) + a1 * x);
  }
}
