/**
 * sytrs2 — solve A·X = B with the Bunch–Kaufman factors of sytrf through TRSM (lower)
 *                                                      (LAPACK dsytrs2 with dsyconv, uplo = 'L'; 2n²·nrhs flops)
 *
 * JS mirror of assembly/ldl/sytrs2.ts (read it for the conversion, the five steps and the workspace);
 * A[i, j] = a[offA + i + j·lda] (changed during the call, restored exactly), B[i, j] = b[offB + i + j·ldb]
 * (overwritten by X), ipiv at ipiv[offIpiv…], workspace `sytrs2Scratch(n, nrhs)` doubles at w[offW…].
 * Same operation order as the wasm kernel, so the results agree bit for bit.
 */
import { swap } from '../blas/swap.js';
import { trsm, trsmScratch } from '../trsm/trsm.js';

/** Doubles of workspace `sytrs2` needs for this size with the blocking in force. */
export function sytrs2Scratch(n: number, nrhs: number): number {
  return n + (n & 1) + trsmScratch(n, nrhs);
}

export function sytrs2(
  n: number, nrhs: number, a: Float64Array, offA: number, lda: number, ipiv: Int32Array, offIpiv: number,
  b: Float64Array, offB: number, ldb: number, w: Float64Array, offW: number,
): void {
  if (n <= 0 || nrhs <= 0) return;
  const offE = offW;
  const offT = offW + n + (n & 1);
  // Convert: interchanges onto the earlier columns, first block first; 2×2 off-diagonals to E.
  for (let k = 0; k < n; k++) {
    const p = ipiv[offIpiv + k]!;
    const r = p < 0 ? k + 1 : k; // the row interchanged
    const q = p < 0 ? ~p : p;
    if (q !== r) swap(k, a, offA + r, lda, a, offA + q, lda);
    if (p < 0) {
      const o = offA + k * lda + k + 1;
      w[offE + k] = a[o]!;
      a[o] = 0;
      k++;
    }
  }
  for (let c = 0; c < nrhs; c++) permute(n, ipiv, offIpiv, b, offB + c * ldb, false); // B ← P·B
  trsm(0, 0, 0, 1, n, nrhs, 1, a, offA, lda, b, offB, ldb, w, offT); //                      L⁻¹
  for (let c = 0; c < nrhs; c++) { //                                                        D⁻¹, column by column
    const ob = offB + c * ldb;
    for (let k = 0; k < n; k++) {
      const d = a[offA + k * lda + k]!;
      if (ipiv[offIpiv + k]! >= 0) {
        b[ob + k] = b[ob + k]! / d;
      } else {
        const akm1k = w[offE + k]!;
        const akm1 = d / akm1k;
        const ak = a[offA + (k + 1) * lda + k + 1]! / akm1k;
        const denom = akm1 * ak - 1;
        const bkm1 = b[ob + k]! / akm1k;
        const bk = b[ob + k + 1]! / akm1k;
        b[ob + k] = (ak * bkm1 - bk) / denom;
        b[ob + k + 1] = (akm1 * bk - bkm1) / denom;
        k++;
      }
    }
  }
  trsm(0, 0, 1, 1, n, nrhs, 1, a, offA, lda, b, offB, ldb, w, offT); //                      L⁻ᵀ
  for (let c = 0; c < nrhs; c++) permute(n, ipiv, offIpiv, b, offB + c * ldb, true); //  B ← Pᵀ·B
  // Undo, last block first: the off-diagonals back from E, the interchanges off the earlier columns.
  for (let k = n - 1; k >= 0; k--) {
    const p = ipiv[offIpiv + k]!;
    const c0 = p < 0 ? k - 1 : k; // the block's first column
    const q = p < 0 ? ~p : p;
    if (p < 0) a[offA + c0 * lda + k] = w[offE + c0]!;
    if (q !== k) swap(c0, a, offA + k, lda, a, offA + q, lda);
    k = c0;
  }
}

/** The interchanges of the pivots on one column x: first block first (P·x), or last first (Pᵀ·x). */
function permute(n: number, ipiv: Int32Array, offIpiv: number, x: Float64Array, offX: number, back: boolean): void {
  for (let t = 0; t < n; t++) {
    const k = back ? n - 1 - t : t;
    const p = ipiv[offIpiv + k]!;
    // A 2×2 block (~q at both its rows) interchanges its second row: k + 1 when met at its first
    // row going forward, k when met at its second row going back.
    const r = p >= 0 ? k : back ? k : k + 1;
    const q = p >= 0 ? p : ~p;
    if (p < 0) t++;
    if (q !== r) {
      const v = x[offX + r]!;
      x[offX + r] = x[offX + q]!;
      x[offX + q] = v;
    }
  }
}
