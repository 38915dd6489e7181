/**
 * trsm2 — unblocked triangular solve with many right-hand sides      (BLAS dtrsm, level-2 form; m²n or mn² flops)
 *
 *   side = 0 (left):   op(A)·X = B,  A m×m,  B m×n
 *   side = 1 (right):  X·op(A) = B,  A n×n,  B m×n
 *
 * JS mirror of assembly/trsm/trsm2.ts; A[i, j] = a[offA + i + j·lda], B[i, j] = b[offB + i + j·ldb].
 * A is triangular: lower (uplo = 0) or upper (uplo = 1); op(A) = A (trans = 0) or Aᵀ (trans = 1);
 * diag = 1 means unit diagonal (A's diagonal is not read). Only that triangle of A is read. B is
 * overwritten by X. No scaling by α here (the blocked trsm.ts scales first).
 *
 * Same variants and operation order as the wasm kernel (axpy / dot mirrors, divisions rather than
 * reciprocal multiplications), so the results agree bit for bit. The SIMD build's f64x2.div in divCol
 * is correctly rounded per lane, so the scalar division here gives the same bits.
 */
import { axpy } from '../blas/axpy.js';
import { dot } from '../blas/dot.js';

export function trsm2(
  side: number, uplo: number, trans: number, diag: number, m: number, n: number,
  a: Float64Array, offA: number, lda: number, b: Float64Array, offB: number, ldb: number,
): void {
  if (m <= 0 || n <= 0) return;
  const unit = diag !== 0;
  if (side === 0) {
    for (let c = 0; c < n; c++) {
      const bc = offB + c * ldb;
      if (!trans) {
        if (uplo === 0) {
          for (let j = 0; j < m; j++) {
            const bj = bc + j;
            let x = b[bj]!;
            if (!unit) {
              x /= a[offA + j * lda + j]!;
              b[bj] = x;
            }
            if (x !== 0) axpy(m - j - 1, -x, a, offA + j * lda + j + 1, 1, b, bj + 1, 1);
          }
        } else {
          for (let j = m - 1; j >= 0; j--) {
            const bj = bc + j;
            let x = b[bj]!;
            if (!unit) {
              x /= a[offA + j * lda + j]!;
              b[bj] = x;
            }
            if (x !== 0) axpy(j, -x, a, offA + j * lda, 1, b, bc, 1);
          }
        }
      } else {
        if (uplo === 0) {
          for (let i = m - 1; i >= 0; i--) {
            const col = offA + i * lda;
            const bi = bc + i;
            let x = b[bi]! - dot(m - i - 1, a, col + i + 1, 1, b, bi + 1, 1);
            if (!unit) x /= a[col + i]!;
            b[bi] = x;
          }
        } else {
          for (let i = 0; i < m; i++) {
            const col = offA + i * lda;
            const bi = bc + i;
            let x = b[bi]! - dot(i, a, col, 1, b, bc, 1);
            if (!unit) x /= a[col + i]!;
            b[bi] = x;
          }
        }
      }
    }
    return;
  }
  // Right side: X·E = B, E = op(A) (n×n). E[k, j] = A[k, j] (no transpose) or A[j, k] (transpose).
  const eUpper = (uplo === 1) !== (trans !== 0);
  if (eUpper) {
    for (let j = 0; j < n; j++) {
      const bj = offB + j * ldb;
      for (let k = 0; k < j; k++) {
        const e = a[trans ? offA + k * lda + j : offA + j * lda + k]!;
        if (e !== 0) axpy(m, -e, b, offB + k * ldb, 1, b, bj, 1);
      }
      if (!unit) divCol(m, b, bj, a[offA + j * lda + j]!);
    }
  } else {
    for (let j = n - 1; j >= 0; j--) {
      const bj = offB + j * ldb;
      for (let k = j + 1; k < n; k++) {
        const e = a[trans ? offA + k * lda + j : offA + j * lda + k]!;
        if (e !== 0) axpy(m, -e, b, offB + k * ldb, 1, b, bj, 1);
      }
      if (!unit) divCol(m, b, bj, a[offA + j * lda + j]!);
    }
  }
}

/** x[offX : offX+m] ← x / d. */
function divCol(m: number, x: Float64Array, offX: number, d: number): void {
  const end = offX + m;
  for (let i = offX; i < end; i++) x[i] = x[i]! / d;
}
