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
    let c0 = 0;
    if (!trans && uplo === 0) {
      for (; c0 + 3 < n; c0 += 4) fwd4(m, a, offA, lda, b, offB + c0 * ldb, ldb, unit);
    }
    for (let c = c0; c < n; c++) {
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

/**
 * Forward substitution (left, A lower, no transpose) for the four columns of B from offB: two columns
 * of A against four of B per pass, with the sweep's arithmetic and zero-skips (see the wasm twin).
 */
function fwd4(
  m: number, a: Float64Array, offA: number, lda: number, b: Float64Array, offB: number, ldb: number, unit: boolean,
): void {
  const b0 = offB;
  const b1 = b0 + ldb;
  const b2 = b1 + ldb;
  const b3 = b2 + ldb;
  let j = 0;
  for (; j + 1 < m; j += 2) {
    const cj = offA + j * lda;
    const cj1 = cj + lda;
    const j1 = j + 1;
    let x0 = b[b0 + j]!;
    let x1 = b[b1 + j]!;
    let x2 = b[b2 + j]!;
    let x3 = b[b3 + j]!;
    if (!unit) {
      const d = a[cj + j]!;
      x0 /= d;
      x1 /= d;
      x2 /= d;
      x3 /= d;
      b[b0 + j] = x0;
      b[b1 + j] = x1;
      b[b2 + j] = x2;
      b[b3 + j] = x3;
    }
    const a10 = a[cj + j1]!;
    let y0 = b[b0 + j1]!;
    let y1 = b[b1 + j1]!;
    let y2 = b[b2 + j1]!;
    let y3 = b[b3 + j1]!;
    if (x0 !== 0) y0 = y0 + -x0 * a10;
    if (x1 !== 0) y1 = y1 + -x1 * a10;
    if (x2 !== 0) y2 = y2 + -x2 * a10;
    if (x3 !== 0) y3 = y3 + -x3 * a10;
    if (!unit) {
      const d = a[cj1 + j1]!;
      y0 /= d;
      y1 /= d;
      y2 /= d;
      y3 /= d;
    }
    b[b0 + j1] = y0;
    b[b1 + j1] = y1;
    b[b2 + j1] = y2;
    b[b3 + j1] = y3;
    const r = m - j - 2;
    if (r <= 0) continue;
    const o = j + 2;
    if (x0 !== 0 && x1 !== 0 && x2 !== 0 && x3 !== 0 && y0 !== 0 && y1 !== 0 && y2 !== 0 && y3 !== 0) {
      const nx0 = -x0, nx1 = -x1, nx2 = -x2, nx3 = -x3;
      const ny0 = -y0, ny1 = -y1, ny2 = -y2, ny3 = -y3;
      for (let i = o; i < m; i++) {
        const a0 = a[cj + i]!;
        const a1 = a[cj1 + i]!;
        b[b0 + i] = b[b0 + i]! + nx0 * a0 + ny0 * a1;
        b[b1 + i] = b[b1 + i]! + nx1 * a0 + ny1 * a1;
        b[b2 + i] = b[b2 + i]! + nx2 * a0 + ny2 * a1;
        b[b3 + i] = b[b3 + i]! + nx3 * a0 + ny3 * a1;
      }
    } else {
      if (x0 !== 0) axpy(r, -x0, a, cj + o, 1, b, b0 + o, 1);
      if (y0 !== 0) axpy(r, -y0, a, cj1 + o, 1, b, b0 + o, 1);
      if (x1 !== 0) axpy(r, -x1, a, cj + o, 1, b, b1 + o, 1);
      if (y1 !== 0) axpy(r, -y1, a, cj1 + o, 1, b, b1 + o, 1);
      if (x2 !== 0) axpy(r, -x2, a, cj + o, 1, b, b2 + o, 1);
      if (y2 !== 0) axpy(r, -y2, a, cj1 + o, 1, b, b2 + o, 1);
      if (x3 !== 0) axpy(r, -x3, a, cj + o, 1, b, b3 + o, 1);
      if (y3 !== 0) axpy(r, -y3, a, cj1 + o, 1, b, b3 + o, 1);
    }
  }
  if (j < m && !unit) {
    const d = a[offA + j * lda + j]!;
    b[b0 + j] = b[b0 + j]! / d;
    b[b1 + j] = b[b1 + j]! / d;
    b[b2 + j] = b[b2 + j]! / d;
    b[b3 + j] = b[b3 + j]! / d;
  }
}

/** x[offX : offX+m] ← x / d. */
function divCol(m: number, x: Float64Array, offX: number, d: number): void {
  const end = offX + m;
  for (let i = offX; i < end; i++) x[i] = x[i]! / d;
}
