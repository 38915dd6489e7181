/**
 * sytf2 — unblocked Bunch–Kaufman factorisation P·A·Pᵀ = L·D·Lᵀ (lower)   (LAPACK dsytf2, uplo = 'L';
 *                                                                         n³/3 flops)
 *
 * A is n×n symmetric, column-major at `pA` (lda ≥ n); only the lower triangle (diagonal included) is
 * read, and it is overwritten by D and the multipliers of L; the strict upper triangle is not touched.
 *
 * Right-looking, column by column (Golub & Van Loan 4th ed. §4.4.4; Bunch & Kaufman 1977): at step k
 * choose a 1×1 or 2×2 pivot by the rule of bk.ts, apply the symmetric interchange to the trailing
 * lower triangle A[k:n, k:n] only (earlier columns are not permuted: LAPACK's storage), then
 *
 *   1×1:  ℓ = A[k+1:n, k] / d;         A[k+1:n, k+1:n] −= ℓ·d·ℓᵀ            (lower part; an axpy per column)
 *   2×2:  [ℓ₁ ℓ₂] = A[k+2:n, k:k+2]·D⁻¹; A[k+2:n, k+2:n] −= [ℓ₁ ℓ₂]·D·[ℓ₁ ℓ₂]ᵀ   (two axpys per column)
 *
 * with D⁻¹ of the 2×2 block formed as LAPACK does it (scaled by the off-diagonal d₂₁, no overflow).
 *
 * Storage on exit: D's 1×1 blocks on the diagonal; a 2×2 block at (k, k+1) as A[k, k], A[k+1, k],
 * A[k+1, k+1]; the multipliers of L (unit diagonal not stored) below the blocks. So
 * A = P₀·L₀·P₁·L₁ ··· D ··· L₁ᵀ·P₁ᵀ·L₀ᵀ·P₀ᵀ, Pₖ the interchange of step k, Lₖ its column(s) of L.
 *
 * ipiv (i32 at `pIpiv`, n entries, 0-based):
 *   1×1 block at k:            ipiv[k] = p ≥ k: rows and columns k and p were interchanged;
 *   2×2 block at k, k+1:       ipiv[k] = ipiv[k+1] = ~p = −p − 1 < 0: k+1 and p (≥ k+1) were interchanged.
 *
 * `tie` picks among equal candidates for λ's row: 0 the first (LAPACK's lower dsytf2), 1 the last (how
 * LAPACK's upper dsytf2 chooses, for a caller that factors J·A·J to get the upper form; bk.ts).
 *
 * Returns 0, or k + 1 for the first 1×1 pivot that is exactly zero (or NaN): D is singular. The
 * factorisation is completed regardless (a zero column needs no elimination), as in LAPACK.
 * A 1×1 pivot below SAFMIN divides instead of multiplying by its reciprocal (which would overflow).
 */
import { axpy } from '../blas/axpy';
import { scal } from '../blas/scal';
import { swap } from '../blas/swap';
import { SAFMIN } from '../machine';
import { BK_ALPHA, bkChoice, bkImax, bkRowmax, bkStorePivot } from './bk';

export function sytf2(tie: i32, n: i32, pA: usize, lda: i32, pIpiv: usize): i32 {
  const ldA = <usize>lda << 3;
  let info = 0;
  let k = 0;
  while (k < n) {
    const colk = pA + <usize>k * ldA;
    let kstep = 1;
    let kp = k;
    const absakk = Math.abs(load<f64>(colk + (<usize>k << 3)));
    // λ = max |A[k+1:n, k]| at row imax
    const imax = bkImax(tie, n, k, colk);
    const colmax: f64 = imax > k ? Math.abs(load<f64>(colk + (<usize>imax << 3))) : 0;
    if (max(absakk, colmax) == 0 || isNaN(absakk)) {
      // A zero (or NaN) column: D[k, k] is singular; nothing to eliminate.
      if (info == 0) info = k + 1;
    } else {
      if (absakk < BK_ALPHA * colmax) {
        // σ over row imax (columns k..imax−1) and column imax (rows imax+1..n−1)
        const rowI = pA + (<usize>imax << 3);
        const colI = pA + <usize>imax * ldA;
        const rowmax = bkRowmax(imax - k, rowI + <usize>k * ldA, lda, n - imax - 1, colI + (<usize>(imax + 1) << 3));
        const c = bkChoice(absakk, colmax, rowmax, Math.abs(load<f64>(colI + (<usize>imax << 3))));
        if (c != 0) kp = imax;
        if (c == 2) kstep = 2;
      }
      const kk = k + kstep - 1;
      if (kp != kk) {
        // Interchange rows and columns kk and kp of the trailing lower triangle A[k:n, k:n].
        const colKK = pA + <usize>kk * ldA;
        const colKP = pA + <usize>kp * ldA;
        if (kp + 1 < n) swap(n - kp - 1, colKK + (<usize>(kp + 1) << 3), 1, colKP + (<usize>(kp + 1) << 3), 1);
        swap(kp - kk - 1, colKK + (<usize>(kk + 1) << 3), 1, pA + (<usize>kp << 3) + <usize>(kk + 1) * ldA, lda);
        swap(1, colKK + (<usize>kk << 3), 1, colKP + (<usize>kp << 3), 1);
        if (kstep == 2) swap(1, colk + (<usize>(k + 1) << 3), 1, colk + (<usize>kp << 3), 1);
      }
      if (kstep == 1) {
        if (k + 1 < n) {
          const d = load<f64>(colk + (<usize>k << 3));
          const pl = colk + (<usize>(k + 1) << 3);
          if (Math.abs(d) >= SAFMIN) {
            // A22 −= w·(1/d)·wᵀ, then ℓ = w/d
            const r = 1 / d;
            for (let j = k + 1; j < n; j++) {
              const wj = load<f64>(colk + (<usize>j << 3));
              if (wj != 0) axpy(n - j, -r * wj, colk + (<usize>j << 3), 1, pA + <usize>j * ldA + (<usize>j << 3), 1);
            }
            scal(n - k - 1, r, pl, 1);
          } else {
            // ℓ = w/d first, then A22 −= ℓ·d·ℓᵀ (1/d would overflow)
            for (let i = 0; i < n - k - 1; i++) {
              const o = pl + (<usize>i << 3);
              store<f64>(o, load<f64>(o) / d);
            }
            for (let j = k + 1; j < n; j++) {
              const lj = load<f64>(colk + (<usize>j << 3));
              if (lj != 0) axpy(n - j, -d * lj, colk + (<usize>j << 3), 1, pA + <usize>j * ldA + (<usize>j << 3), 1);
            }
          }
        }
      } else if (k + 2 < n) {
        // D = [d11 d21; d21 d22] at (k, k+1); [wk wk1] = A[j, k:k+2]·D⁻¹ row by row, scaled by d21.
        const colk1 = colk + ldA;
        let d21 = load<f64>(colk + (<usize>(k + 1) << 3));
        const d11 = load<f64>(colk1 + (<usize>(k + 1) << 3)) / d21;
        const d22 = load<f64>(colk + (<usize>k << 3)) / d21;
        const t = 1 / (d11 * d22 - 1);
        d21 = t / d21;
        for (let j = k + 2; j < n; j++) {
          const oj = <usize>j << 3;
          const ajk = load<f64>(colk + oj);
          const ajk1 = load<f64>(colk1 + oj);
          const wk = d21 * (d11 * ajk - ajk1);
          const wk1 = d21 * (d22 * ajk1 - ajk);
          const colj = pA + <usize>j * ldA;
          axpy(n - j, -wk, colk + oj, 1, colj + oj, 1);
          axpy(n - j, -wk1, colk1 + oj, 1, colj + oj, 1);
          store<f64>(colk + oj, wk);
          store<f64>(colk1 + oj, wk1);
        }
      }
    }
    bkStorePivot(pIpiv, k, kp, kstep);
    k += kstep;
  }
  return info;
}
