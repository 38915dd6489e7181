/**
 * lasyf — one panel of the blocked Bunch–Kaufman factorisation (lower)   (LAPACK dlasyf, uplo = 'L')
 *
 * Factors the leading kb columns of the n×n symmetric A at `pA` (lower triangle read and written; the
 * strict upper triangle is not touched), kb = nb − 1 or nb (a 2×2 pivot may not straddle the panel
 * edge), and updates the trailing lower triangle A[kb:n, kb:n]. Called by sytrf.ts with n > nb.
 *
 * Left-looking inside the panel (Golub & Van Loan 4th ed. §4.4.4 with the blocking of §4.2.9; LAPACK
 * dlasyf): step k brings column k up to date from the panel's finished columns,
 *
 *   W[k:n, k] ← A[k:n, k] − L[k:n, 0:k]·W[k, 0:k]ᵀ            (gemv; W = L·D, n×nb at `pW`, ld `ldw`)
 *
 * (and column imax the same way into W[:, k+1] when the pivot search needs it), chooses the pivot by
 * the rule of bk.ts, interchanges rows kk ↔ kp in the panel's columns of A and W so far (so that the
 * trailing update below sees one row order), and stores D and L's column(s) in A. Then, at the end,
 *
 *        0      kb        n
 *   kb [ L11 │  D'/A22      ]      A22 ← A22 − L21·W21ᵀ   (= L21·D·L21ᵀ, lower triangle only):
 *    n [ L21 │              ]      block columns of width nb, the diagonal block by a gemv per column,
 *                                  the rectangle below it by gemm (the O(n²·nb) level-3 part)
 *
 * and the panel's interchanges are undone in its own earlier columns, which restores the storage of
 * sytf2.ts (column k of L in the row order after interchange k, not permuted by later ones).
 *
 * `tie` as in sytf2.ts. ipiv (i32 at `pIpiv`, kb entries) is relative to this panel, encoded as in sytf2.ts. A zero or NaN
 * 1×1 pivot is left in D (sytrf.ts reports it). Workspace: W (n×nb at `pW`, ldw ≥ n) and, at `pw`
 * (16-byte aligned), `gemmScratch(n, nb, nb)` doubles. Returns kb.
 */
import { gemv } from '../blas/gemv';
import { scal } from '../blas/scal';
import { swap } from '../blas/swap';
import { copy } from '../blas/copy';
import { gemm } from '../gemm/gemm';
import { SAFMIN } from '../machine';
import { BK_ALPHA, bkChoice, bkImax, bkRowmax, bkStorePivot } from './bk';

export function lasyf(tie: i32, n: i32, nb: i32, pA: usize, lda: i32, pIpiv: usize, pW: usize, ldw: i32, pw: usize): i32 {
  const ldA = <usize>lda << 3;
  const ldW = <usize>ldw << 3;
  let k = 0;
  while (k < n && (k < nb - 1 || nb >= n)) {
    const colk = pA + <usize>k * ldA;
    const wk = pW + <usize>k * ldW;
    const wk1 = wk + ldW;
    const rk = <usize>k << 3;
    // W[k:n, k] ← A[k:n, k] − A[k:n, 0:k]·W[k, 0:k]ᵀ
    copy(n - k, colk + rk, 1, wk + rk, 1);
    gemv(0, n - k, k, -1, pA + rk, lda, pW + rk, ldw, 1, wk + rk, 1);
    let kstep = 1;
    let kp = k;
    const absakk = Math.abs(load<f64>(wk + rk));
    const imax = bkImax(tie, n, k, wk);
    const colmax: f64 = imax > k ? Math.abs(load<f64>(wk + (<usize>imax << 3))) : 0;
    if (max(absakk, colmax) == 0 || isNaN(absakk)) {
      // A zero (or NaN) column: D[k, k] is singular; store the column as it is.
      copy(n - k, wk + rk, 1, colk + rk, 1);
    } else {
      if (absakk < BK_ALPHA * colmax) {
        // W[k:n, k+1] ← column imax of the active part (row imax left of the diagonal, column below), updated
        const ri = <usize>imax << 3;
        const colI = pA + <usize>imax * ldA;
        copy(imax - k, pA + ri + <usize>k * ldA, lda, wk1 + rk, 1);
        copy(n - imax, colI + ri, 1, wk1 + ri, 1);
        gemv(0, n - k, k, -1, pA + rk, lda, pW + ri, ldw, 1, wk1 + rk, 1);
        const rowmax = bkRowmax(imax - k, wk1 + rk, 1, n - imax - 1, wk1 + ri + 8);
        const c = bkChoice(absakk, colmax, rowmax, Math.abs(load<f64>(wk1 + ri)));
        if (c != 0) kp = imax;
        if (c == 1) copy(n - k, wk1 + rk, 1, wk + rk, 1); // the pivot column is W[:, k+1]
        if (c == 2) kstep = 2;
      }
      const kk = k + kstep - 1;
      if (kp != kk) {
        // Column kk of A (not updated) moves to column kp; then rows kk ↔ kp in the panel so far.
        const colKK = pA + <usize>kk * ldA;
        const colKP = pA + <usize>kp * ldA;
        const rkk = <usize>kk << 3;
        const rkp = <usize>kp << 3;
        store<f64>(colKP + rkp, load<f64>(colKK + rkk));
        copy(kp - kk - 1, colKK + rkk + 8, 1, pA + rkp + <usize>(kk + 1) * ldA, lda);
        if (kp + 1 < n) copy(n - kp - 1, colKK + rkp + 8, 1, colKP + rkp + 8, 1);
        swap(kk, pA + rkk, lda, pA + rkp, lda);
        swap(kk + 1, pW + rkk, ldw, pW + rkp, ldw);
      }
      if (kstep == 1) {
        // ℓ = W[k+1:n, k] / d into A; W keeps L·D for the update
        copy(n - k, wk + rk, 1, colk + rk, 1);
        if (k + 1 < n) {
          const d = load<f64>(colk + rk);
          const pl = colk + rk + 8;
          if (Math.abs(d) >= SAFMIN) {
            scal(n - k - 1, 1 / d, pl, 1);
          } else {
            for (let i = 0; i < n - k - 1; i++) {
              const o = pl + (<usize>i << 3);
              store<f64>(o, load<f64>(o) / d);
            }
          }
        }
      } else {
        const colk1 = colk + ldA;
        if (k + 2 < n) {
          // [ℓ_k ℓ_k+1] = W[j, k:k+2]·D⁻¹ row by row, D⁻¹ scaled by its off-diagonal as in sytf2.ts
          let d21 = load<f64>(wk + rk + 8);
          const d11 = load<f64>(wk1 + rk + 8) / d21;
          const d22 = load<f64>(wk + rk) / d21;
          const t = 1 / (d11 * d22 - 1);
          d21 = t / d21;
          for (let j = k + 2; j < n; j++) {
            const oj = <usize>j << 3;
            const wjk = load<f64>(wk + oj);
            const wjk1 = load<f64>(wk1 + oj);
            store<f64>(colk + oj, d21 * (d11 * wjk - wjk1));
            store<f64>(colk1 + oj, d21 * (d22 * wjk1 - wjk));
          }
        }
        store<f64>(colk + rk, load<f64>(wk + rk));
        store<f64>(colk + rk + 8, load<f64>(wk + rk + 8));
        store<f64>(colk1 + rk + 8, load<f64>(wk1 + rk + 8));
      }
    }
    bkStorePivot(pIpiv, k, kp, kstep);
    k += kstep;
  }
  const kb = k;
  // A22 ← A22 − L21·W21ᵀ, lower triangle, in block columns of width nb.
  for (let j = kb; j < n; j += nb) {
    const jb = min(nb, n - j);
    for (let jj = j; jj < j + jb; jj++) {
      const r = <usize>jj << 3;
      gemv(0, j + jb - jj, kb, -1, pA + r, lda, pW + r, ldw, 1, pA + r + <usize>jj * ldA, 1);
    }
    if (j + jb < n) {
      const r = <usize>(j + jb) << 3;
      gemm(0, 1, n - j - jb, jb, kb, -1, pA + r, lda, pW + (<usize>j << 3), ldw, 1, pA + r + <usize>j * ldA, lda, pw);
    }
  }
  // Undo the panel's interchanges in its own earlier columns (sytf2's storage of L).
  let j = kb - 1;
  while (j > 0) {
    const jj = j;
    let jp = load<i32>(pIpiv + (<usize>j << 2));
    if (jp < 0) {
      jp = ~jp;
      j--;
    }
    // j is the block's first column; columns 0..j−1 precede it
    if (jp != jj && j >= 1) swap(j, pA + (<usize>jp << 3), lda, pA + (<usize>jj << 3), lda);
    j--;
  }
  return kb;
}
