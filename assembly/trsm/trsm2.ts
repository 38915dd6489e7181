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
import { colSweep } from '../blas/colsweep';

export function trsm2(
  side: i32, uplo: i32, trans: i32, diag: i32, m: i32, n: i32,
  pA: usize, lda: i32, pB: usize, ldb: i32,
): void {
  if (m <= 0 || n <= 0) return;
  const ldA = <usize>lda << 3;
  const ldB = <usize>ldb << 3;
  const unit = diag != 0;
  if (side == 0) {
    let c0 = 0;
    if (!trans && uplo == 0) {
      // forward substitution, four right-hand sides and two columns of A per pass (fwd4)
      for (; c0 + 3 < n; c0 += 4) fwd4(m, pA, ldA, pB + <usize>c0 * ldB, ldB, unit);
    }
    for (let c = c0; c < n; c++) {
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
    rightForward(m, n, pA, ldA, trans != 0, pB, ldB, unit);
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

/**
 * Forward substitution (left, A lower, no transpose) for the four columns of B at `pB`. The same
 * arithmetic as the column sweep above, element by element and in the same order — bᵢ ← bᵢ + (−xⱼ)·aᵢⱼ
 * for j = 0, 1, … with the update skipped when xⱼ = 0 — but two columns j, j+1 of A meet four columns
 * of B in one pass over the rows, so A and B are read and B written half as often (as in the GEMM
 * micro-kernel). Rows j+2… take the fused pass only when all eight xⱼ, xⱼ₊₁ are non-zero; otherwise the
 * per-column axpys, which skip the zero ones exactly as the sweep does.
 */
function fwd4(m: i32, pA: usize, ldA: usize, pB: usize, ldB: usize, unit: bool): void {
  const b0 = pB;
  const b1 = b0 + ldB;
  const b2 = b1 + ldB;
  const b3 = b2 + ldB;
  let j = 0;
  for (; j + 1 < m; j += 2) {
    const cj = pA + <usize>j * ldA;
    const cj1 = cj + ldA;
    const oj = <usize>j << 3;
    const oj1 = oj + 8;
    let x0 = load<f64>(b0 + oj);
    let x1 = load<f64>(b1 + oj);
    let x2 = load<f64>(b2 + oj);
    let x3 = load<f64>(b3 + oj);
    if (!unit) {
      const d = load<f64>(cj + oj);
      x0 /= d;
      x1 /= d;
      x2 /= d;
      x3 /= d;
      store<f64>(b0 + oj, x0);
      store<f64>(b1 + oj, x1);
      store<f64>(b2 + oj, x2);
      store<f64>(b3 + oj, x3);
    }
    // row j+1 (only column j of A reaches it)
    const a10 = load<f64>(cj + oj1);
    let y0 = load<f64>(b0 + oj1);
    let y1 = load<f64>(b1 + oj1);
    let y2 = load<f64>(b2 + oj1);
    let y3 = load<f64>(b3 + oj1);
    if (x0 != 0) y0 = y0 + -x0 * a10;
    if (x1 != 0) y1 = y1 + -x1 * a10;
    if (x2 != 0) y2 = y2 + -x2 * a10;
    if (x3 != 0) y3 = y3 + -x3 * a10;
    if (!unit) {
      const d = load<f64>(cj1 + oj1);
      y0 /= d;
      y1 /= d;
      y2 /= d;
      y3 /= d;
    }
    store<f64>(b0 + oj1, y0);
    store<f64>(b1 + oj1, y1);
    store<f64>(b2 + oj1, y2);
    store<f64>(b3 + oj1, y3);
    const r = m - j - 2;
    if (r <= 0) continue;
    const o = oj1 + 8;
    if (x0 != 0 && x1 != 0 && x2 != 0 && x3 != 0 && y0 != 0 && y1 != 0 && y2 != 0 && y3 != 0) {
      let i = 0;
      const nx0 = -x0, nx1 = -x1, nx2 = -x2, nx3 = -x3;
      const ny0 = -y0, ny1 = -y1, ny2 = -y2, ny3 = -y3;
      if (ASC_FEATURE_SIMD) {
        const vx0 = f64x2.splat(nx0), vx1 = f64x2.splat(nx1), vx2 = f64x2.splat(nx2), vx3 = f64x2.splat(nx3);
        const vy0 = f64x2.splat(ny0), vy1 = f64x2.splat(ny1), vy2 = f64x2.splat(ny2), vy3 = f64x2.splat(ny3);
        for (; i + 1 < r; i += 2) {
          const q = o + (<usize>i << 3);
          const a0 = v128.load(cj + q);
          const a1 = v128.load(cj1 + q);
          v128.store(b0 + q, f64x2.add(f64x2.add(v128.load(b0 + q), f64x2.mul(vx0, a0)), f64x2.mul(vy0, a1)));
          v128.store(b1 + q, f64x2.add(f64x2.add(v128.load(b1 + q), f64x2.mul(vx1, a0)), f64x2.mul(vy1, a1)));
          v128.store(b2 + q, f64x2.add(f64x2.add(v128.load(b2 + q), f64x2.mul(vx2, a0)), f64x2.mul(vy2, a1)));
          v128.store(b3 + q, f64x2.add(f64x2.add(v128.load(b3 + q), f64x2.mul(vx3, a0)), f64x2.mul(vy3, a1)));
        }
      }
      for (; i < r; i++) {
        const q = o + (<usize>i << 3);
        const a0 = load<f64>(cj + q);
        const a1 = load<f64>(cj1 + q);
        store<f64>(b0 + q, load<f64>(b0 + q) + nx0 * a0 + ny0 * a1);
        store<f64>(b1 + q, load<f64>(b1 + q) + nx1 * a0 + ny1 * a1);
        store<f64>(b2 + q, load<f64>(b2 + q) + nx2 * a0 + ny2 * a1);
        store<f64>(b3 + q, load<f64>(b3 + q) + nx3 * a0 + ny3 * a1);
      }
    } else {
      if (x0 != 0) axpy(r, -x0, cj + o, 1, b0 + o, 1);
      if (y0 != 0) axpy(r, -y0, cj1 + o, 1, b0 + o, 1);
      if (x1 != 0) axpy(r, -x1, cj + o, 1, b1 + o, 1);
      if (y1 != 0) axpy(r, -y1, cj1 + o, 1, b1 + o, 1);
      if (x2 != 0) axpy(r, -x2, cj + o, 1, b2 + o, 1);
      if (y2 != 0) axpy(r, -y2, cj1 + o, 1, b2 + o, 1);
      if (x3 != 0) axpy(r, -x3, cj + o, 1, b3 + o, 1);
      if (y3 != 0) axpy(r, -y3, cj1 + o, 1, b3 + o, 1);
    }
  }
  if (j < m && !unit) {
    // last row: nothing below it
    const oj = <usize>j << 3;
    const d = load<f64>(pA + <usize>j * ldA + oj);
    store<f64>(b0 + oj, load<f64>(b0 + oj) / d);
    store<f64>(b1 + oj, load<f64>(b1 + oj) / d);
    store<f64>(b2 + oj, load<f64>(b2 + oj) / d);
    store<f64>(b3 + oj, load<f64>(b3 + oj) / d);
  }
}

/** x[0:m] ← x / d. */
/**
 * Right side, E = op(A) upper (forward): X[:, j] = (B[:, j] + Σₖ (−E[k, j])·X[:, k]) / E[j, j], k = 0 … j−1
 * in order with the zero E[k, j] skipped — per entry the operations of the column sweep (one axpy per
 * k, then divCol), in its order, so the same bits; but column j's rows stay in registers (colSweep)
 * while the finished columns stream past, instead of an axpy call reading and writing B[:, j] per k.
 * (potrf's panel solve L21 ← A21·L11⁻ᵀ is this case.)
 */
function rightForward(m: i32, n: i32, pA: usize, ldA: usize, trans: bool, pB: usize, ldB: usize, unit: bool): void {
  for (let j = 0; j < n; j++) {
    // E[k, j] = A[k, j] (no transpose: column j of A) or A[j, k] (transpose: row j of A)
    const pE = trans ? pA + (<usize>j << 3) : pA + <usize>j * ldA;
    const d = unit ? 1.0 : load<f64>(pA + <usize>j * ldA + (<usize>j << 3));
    colSweep(m, j, pE, trans ? ldA : 8, pB, ldB, pB + <usize>j * ldB, !unit, d);
  }
}

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
