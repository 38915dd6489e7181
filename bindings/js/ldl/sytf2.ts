/**
 * sytf2 — unblocked Bunch–Kaufman factorisation P·A·Pᵀ = L·D·Lᵀ (lower)   (LAPACK dsytf2, uplo = 'L';
 *                                                                         n³/3 flops)
 *
 * JS mirror of assembly/ldl/sytf2.ts (read it for the algorithm, the storage of D and L and the ipiv
 * encoding); A[i, j] = a[offA + i + j·lda], ipiv at ipiv[offIpiv…]. Only the lower triangle is read and
 * written. Same operation order as the wasm kernel, so the results agree bit for bit.
 *
 * `tie`: 0 the first of equal candidates for λ's row, 1 the last (assembly/ldl/sytf2.ts).
 *
 * Returns 0, or k + 1 for the first 1×1 pivot that is exactly zero (or NaN): D is singular.
 */
import { axpy } from '../blas/axpy.js';
import { scal } from '../blas/scal.js';
import { swap } from '../blas/swap.js';
import { SAFMIN } from '../../core/machine.js';
import { BK_ALPHA, bkChoice, bkImax, bkRowmax, bkStorePivot } from './bk.js';

export function sytf2(tie: number, n: number, a: Float64Array, offA: number, lda: number, ipiv: Int32Array, offIpiv: number): number {
  let info = 0;
  let k = 0;
  while (k < n) {
    const colk = offA + k * lda;
    let kstep = 1;
    let kp = k;
    const absakk = Math.abs(a[colk + k]!);
    // λ = max |A[k+1:n, k]| at row imax
    const imax = bkImax(tie, n, k, a, colk);
    const colmax = imax > k ? Math.abs(a[colk + imax]!) : 0;
    if (Math.max(absakk, colmax) === 0 || Number.isNaN(absakk)) {
      // A zero (or NaN) column: D[k, k] is singular; nothing to eliminate.
      if (info === 0) info = k + 1;
    } else {
      if (absakk < BK_ALPHA * colmax) {
        // σ over row imax (columns k..imax−1) and column imax (rows imax+1..n−1)
        const rowI = offA + imax;
        const colI = offA + imax * lda;
        const rowmax = bkRowmax(imax - k, a, rowI + k * lda, lda, n - imax - 1, colI + imax + 1);
        const c = bkChoice(absakk, colmax, rowmax, Math.abs(a[colI + imax]!));
        if (c !== 0) kp = imax;
        if (c === 2) kstep = 2;
      }
      const kk = k + kstep - 1;
      if (kp !== kk) {
        // Interchange rows and columns kk and kp of the trailing lower triangle A[k:n, k:n].
        const colKK = offA + kk * lda;
        const colKP = offA + kp * lda;
        if (kp + 1 < n) swap(n - kp - 1, a, colKK + kp + 1, 1, a, colKP + kp + 1, 1);
        swap(kp - kk - 1, a, colKK + kk + 1, 1, a, offA + kp + (kk + 1) * lda, lda);
        swap(1, a, colKK + kk, 1, a, colKP + kp, 1);
        if (kstep === 2) swap(1, a, colk + k + 1, 1, a, colk + kp, 1);
      }
      if (kstep === 1) {
        if (k + 1 < n) {
          const d = a[colk + k]!;
          const pl = colk + k + 1;
          if (Math.abs(d) >= SAFMIN) {
            // A22 −= w·(1/d)·wᵀ, then ℓ = w/d
            const r = 1 / d;
            for (let j = k + 1; j < n; j++) {
              const wj = a[colk + j]!;
              if (wj !== 0) axpy(n - j, -r * wj, a, colk + j, 1, a, offA + j * lda + j, 1);
            }
            scal(n - k - 1, r, a, pl, 1);
          } else {
            // ℓ = w/d first, then A22 −= ℓ·d·ℓᵀ (1/d would overflow)
            for (let i = 0; i < n - k - 1; i++) a[pl + i] = a[pl + i]! / d;
            for (let j = k + 1; j < n; j++) {
              const lj = a[colk + j]!;
              if (lj !== 0) axpy(n - j, -d * lj, a, colk + j, 1, a, offA + j * lda + j, 1);
            }
          }
        }
      } else if (k + 2 < n) {
        // D = [d11 d21; d21 d22] at (k, k+1); [wk wk1] = A[j, k:k+2]·D⁻¹ row by row, scaled by d21.
        const colk1 = colk + lda;
        let d21 = a[colk + k + 1]!;
        const d11 = a[colk1 + k + 1]! / d21;
        const d22 = a[colk + k]! / d21;
        const t = 1 / (d11 * d22 - 1);
        d21 = t / d21;
        for (let j = k + 2; j < n; j++) {
          const ajk = a[colk + j]!;
          const ajk1 = a[colk1 + j]!;
          const wk = d21 * (d11 * ajk - ajk1);
          const wk1 = d21 * (d22 * ajk1 - ajk);
          const colj = offA + j * lda;
          axpy(n - j, -wk, a, colk + j, 1, a, colj + j, 1);
          axpy(n - j, -wk1, a, colk1 + j, 1, a, colj + j, 1);
          a[colk + j] = wk;
          a[colk1 + j] = wk1;
        }
      }
    }
    bkStorePivot(ipiv, offIpiv, k, kp, kstep);
    k += kstep;
  }
  return info;
}
