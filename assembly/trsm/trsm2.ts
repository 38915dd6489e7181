/**
 * trsm2 — unblocked triangular solve with many right-hand sides      (BLAS dtrsm, level-2 form; m²n or mn² flops)
 *
 *   side = 0 (left):   op(A)·X = B,  A m×m,  B m×n
 *   side = 1 (right):  X·op(A) = B,  A n×n,  B m×n
 *
 * A is triangular: lower (uplo = 0) or upper (uplo = 1); op(A) = A (trans = 0) or Aᵀ (trans = 1);
 * diag = 1 means unit diagonal (A's diagonal is not read). Only that triangle of A is read. B is
 * overwritten by X. No scaling by α here (the blocked trsm.ts scales first). Column-major, byte
 * addresses, leading dimensions in elements.
 *
 * Every variant keeps unit stride in A (Golub & Van Loan 4th ed. §3.1, column- vs row-oriented):
 *   left, op(A) lower (A lower, no transpose):  forward,  column sweep  b[j+1:] −= xⱼ·A[j+1:, j]   (axpy)
 *   left, op(A) upper (A upper, no transpose):  backward, column sweep  b[:j]   −= xⱼ·A[:j, j]     (axpy)
 *   left, op(A) = Aᵀ, A lower (upper system):    backward, xᵢ = (bᵢ − A[i+1:, i]·x[i+1:]) / aᵢᵢ   (dot)
 *   left, op(A) = Aᵀ, A upper (lower system):    forward,  xᵢ = (bᵢ − A[:i, i]·x[:i]) / aᵢᵢ       (dot)
 *   right: X·E = B with E = op(A); column j of X is (B[:, j] − Σₖ X[:, k]·E[k, j]) / E[j, j], over k < j
 *          when E is upper (forward), k > j when E is lower (backward) — axpys over columns of B.
 * Divisions (not reciprocal multiplications) keep each solve as accurate as the textbook one.
 */
import { axpy } from '../blas/axpy';
import { dot } from '../blas/dot';

export function trsm2(
  side: i32, uplo: i32, trans: i32, diag: i32, m: i32, n: i32,
  pA: usize, lda: i32, pB: usize, ldb: i32,
): void {
  if (m <= 0 || n <= 0) return;
  const ldA = <usize>lda << 3;
  const ldB = <usize>ldb << 3;
  const unit = diag != 0;
  if (side == 0) {
    for (let c = 0; c < n; c++) {
      const b = pB + <usize>c * ldB;
      if (!trans) {
        if (uplo == 0) {
          for (let j = 0; j < m; j++) {
            const bj = b + (<usize>j << 3);
            let x = load<f64>(bj);
            if (!unit) {
              x /= load<f64>(pA + <usize>j * ldA + (<usize>j << 3));
              store<f64>(bj, x);
            }
            if (x != 0) axpy(m - j - 1, -x, pA + <usize>j * ldA + (<usize>(j + 1) << 3), 1, bj + 8, 1);
          }
        } else {
          for (let j = m - 1; j >= 0; j--) {
            const bj = b + (<usize>j << 3);
            let x = load<f64>(bj);
            if (!unit) {
              x /= load<f64>(pA + <usize>j * ldA + (<usize>j << 3));
              store<f64>(bj, x);
            }
            if (x != 0) axpy(j, -x, pA + <usize>j * ldA, 1, b, 1);
          }
        }
      } else {
        if (uplo == 0) {
          for (let i = m - 1; i >= 0; i--) {
            const col = pA + <usize>i * ldA;
            const bi = b + (<usize>i << 3);
            let x = load<f64>(bi) - dot(m - i - 1, col + (<usize>(i + 1) << 3), 1, bi + 8, 1);
            if (!unit) x /= load<f64>(col + (<usize>i << 3));
            store<f64>(bi, x);
          }
        } else {
          for (let i = 0; i < m; i++) {
            const col = pA + <usize>i * ldA;
            const bi = b + (<usize>i << 3);
            let x = load<f64>(bi) - dot(i, col, 1, b, 1);
            if (!unit) x /= load<f64>(col + (<usize>i << 3));
            store<f64>(bi, x);
          }
        }
      }
    }
    return;
  }
  // Right side: X·E = B, E = op(A) (n×n). E[k, j] = A[k, j] (no transpose) or A[j, k] (transpose).
  const eUpper = (uplo == 1) != (trans != 0);
  if (eUpper) {
    for (let j = 0; j < n; j++) {
      const bj = pB + <usize>j * ldB;
      for (let k = 0; k < j; k++) {
        const e = load<f64>(trans ? pA + <usize>k * ldA + (<usize>j << 3) : pA + <usize>j * ldA + (<usize>k << 3));
        if (e != 0) axpy(m, -e, pB + <usize>k * ldB, 1, bj, 1);
      }
      if (!unit) divCol(m, bj, load<f64>(pA + <usize>j * ldA + (<usize>j << 3)));
    }
  } else {
    for (let j = n - 1; j >= 0; j--) {
      const bj = pB + <usize>j * ldB;
      for (let k = j + 1; k < n; k++) {
        const e = load<f64>(trans ? pA + <usize>k * ldA + (<usize>j << 3) : pA + <usize>j * ldA + (<usize>k << 3));
        if (e != 0) axpy(m, -e, pB + <usize>k * ldB, 1, bj, 1);
      }
      if (!unit) divCol(m, bj, load<f64>(pA + <usize>j * ldA + (<usize>j << 3)));
    }
  }
}

/** x[0:m] ← x / d. */
function divCol(m: i32, px: usize, d: f64): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const v = f64x2.splat(d);
    for (; i + 1 < m; i += 2) {
      const o = <usize>i << 3;
      v128.store(px + o, f64x2.div(v128.load(px + o), v));
    }
  }
  for (; i < m; i++) {
    const o = <usize>i << 3;
    store<f64>(px + o, load<f64>(px + o) / d);
  }
}
