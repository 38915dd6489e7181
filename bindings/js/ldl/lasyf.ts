/**
 * lasyf — one panel of the blocked Bunch–Kaufman factorisation (lower)   (LAPACK dlasyf, uplo = 'L')
 *
 * JS mirror of assembly/ldl/lasyf.ts (read it for the partition, the storage and the workspace);
 * A[i, j] = a[offA + i + j·lda], W[i, j] = w[offW + i + j·ldw], gemm workspace at g[offG…]. Same
 * operation order as the wasm kernel, so the results agree bit for bit. Returns kb.
 */
import { gemv } from '../blas/gemv.js';
import { scal } from '../blas/scal.js';
import { swap } from '../blas/swap.js';
import { copy } from '../blas/copy.js';
import { gemm } from '../gemm/gemm.js';
import { SAFMIN } from '../../core/machine.js';
import { BK_ALPHA, bkChoice, bkImax, bkRowmax, bkStorePivot } from './bk.js';

export function lasyf(
  tie: number, n: number, nb: number, a: Float64Array, offA: number, lda: number, ipiv: Int32Array, offIpiv: number,
  w: Float64Array, offW: number, ldw: number, g: Float64Array, offG: number,
): number {
  let k = 0;
  while (k < n && (k < nb - 1 || nb >= n)) {
    const colk = offA + k * lda;
    const wk = offW + k * ldw;
    const wk1 = wk + ldw;
    // W[k:n, k] ← A[k:n, k] − A[k:n, 0:k]·W[k, 0:k]ᵀ
    copy(n - k, a, colk + k, 1, w, wk + k, 1);
    gemv(0, n - k, k, -1, a, offA + k, lda, w, offW + k, ldw, 1, w, wk + k, 1);
    let kstep = 1;
    let kp = k;
    const absakk = Math.abs(w[wk + k]!);
    const imax = bkImax(tie, n, k, w, wk);
    const colmax = imax > k ? Math.abs(w[wk + imax]!) : 0;
    if (Math.max(absakk, colmax) === 0 || Number.isNaN(absakk)) {
      // A zero (or NaN) column: D[k, k] is singular; store the column as it is.
      copy(n - k, w, wk + k, 1, a, colk + k, 1);
    } else {
      if (absakk < BK_ALPHA * colmax) {
        // W[k:n, k+1] ← column imax of the active part (row imax left of the diagonal, column below), updated
        const colI = offA + imax * lda;
        copy(imax - k, a, offA + imax + k * lda, lda, w, wk1 + k, 1);
        copy(n - imax, a, colI + imax, 1, w, wk1 + imax, 1);
        gemv(0, n - k, k, -1, a, offA + k, lda, w, offW + imax, ldw, 1, w, wk1 + k, 1);
        const rowmax = bkRowmax(imax - k, w, wk1 + k, 1, n - imax - 1, wk1 + imax + 1);
        const c = bkChoice(absakk, colmax, rowmax, Math.abs(w[wk1 + imax]!));
        if (c !== 0) kp = imax;
        if (c === 1) copy(n - k, w, wk1 + k, 1, w, wk + k, 1); // the pivot column is W[:, k+1]
        if (c === 2) kstep = 2;
      }
      const kk = k + kstep - 1;
      if (kp !== kk) {
        // Column kk of A (not updated) moves to column kp; then rows kk ↔ kp in the panel so far.
        const colKK = offA + kk * lda;
        const colKP = offA + kp * lda;
        a[colKP + kp] = a[colKK + kk]!;
        copy(kp - kk - 1, a, colKK + kk + 1, 1, a, offA + kp + (kk + 1) * lda, lda);
        if (kp + 1 < n) copy(n - kp - 1, a, colKK + kp + 1, 1, a, colKP + kp + 1, 1);
        swap(kk, a, offA + kk, lda, a, offA + kp, lda);
        swap(kk + 1, w, offW + kk, ldw, w, offW + kp, ldw);
      }
      if (kstep === 1) {
        // ℓ = W[k+1:n, k] / d into A; W keeps L·D for the update
        copy(n - k, w, wk + k, 1, a, colk + k, 1);
        if (k + 1 < n) {
          const d = a[colk + k]!;
          const pl = colk + k + 1;
          if (Math.abs(d) >= SAFMIN) {
            scal(n - k - 1, 1 / d, a, pl, 1);
          } else {
            for (let i = 0; i < n - k - 1; i++) a[pl + i] = a[pl + i]! / d;
          }
        }
      } else {
        const colk1 = colk + lda;
        if (k + 2 < n) {
          // [ℓ_k ℓ_k+1] = W[j, k:k+2]·D⁻¹ row by row, D⁻¹ scaled by its off-diagonal as in sytf2.ts
          let d21 = w[wk + k + 1]!;
          const d11 = w[wk1 + k + 1]! / d21;
          const d22 = w[wk + k]! / d21;
          const t = 1 / (d11 * d22 - 1);
          d21 = t / d21;
          for (let j = k + 2; j < n; j++) {
            const wjk = w[wk + j]!;
            const wjk1 = w[wk1 + j]!;
            a[colk + j] = d21 * (d11 * wjk - wjk1);
            a[colk1 + j] = d21 * (d22 * wjk1 - wjk);
          }
        }
        a[colk + k] = w[wk + k]!;
        a[colk + k + 1] = w[wk + k + 1]!;
        a[colk1 + k + 1] = w[wk1 + k + 1]!;
      }
    }
    bkStorePivot(ipiv, offIpiv, k, kp, kstep);
    k += kstep;
  }
  const kb = k;
  // A22 ← A22 − L21·W21ᵀ, lower triangle, in block columns of width nb.
  for (let j = kb; j < n; j += nb) {
    const jb = Math.min(nb, n - j);
    for (let jj = j; jj < j + jb; jj++) {
      gemv(0, j + jb - jj, kb, -1, a, offA + jj, lda, w, offW + jj, ldw, 1, a, offA + jj + jj * lda, 1);
    }
    if (j + jb < n) {
      gemm(0, 1, n - j - jb, jb, kb, -1, a, offA + j + jb, lda, w, offW + j, ldw, 1, a, offA + j + jb + j * lda, lda, g, offG);
    }
  }
  // Undo the panel's interchanges in its own earlier columns (sytf2's storage of L).
  let j = kb - 1;
  while (j > 0) {
    const jj = j;
    let jp = ipiv[offIpiv + j]!;
    if (jp < 0) {
      jp = ~jp;
      j--;
    }
    // j is the block's first column; columns 0..j−1 precede it
    if (jp !== jj && j >= 1) swap(j, a, offA + jp, lda, a, offA + jj, lda);
    j--;
  }
  return kb;
}
