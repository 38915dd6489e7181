/**
 * sytrs — solve A·X = B with the Bunch–Kaufman factors of sytrf (lower)   (LAPACK dsytrs, uplo = 'L';
 *                                                                         2n²·nrhs flops)
 *
 * A = P₀·L₀·P₁·L₁ ··· D ··· L₁ᵀ·P₁ᵀ·L₀ᵀ·P₀ᵀ as sytf2.ts/sytrf.ts store it at `pA` (lda ≥ n) with its
 * pivots at `pIpiv`; B is n×nrhs at `pB` (ldb ≥ n), overwritten by X. Two sweeps (LAPACK dsytrs;
 * Golub & Van Loan 4th ed. §4.4.4):
 *
 *   forward,  k = 0, 1, …:   B ← Pₖ·B;  B[below the block] −= Lₖ·B[block];  B[block] ← Dₖ⁻¹·B[block]
 *   backward, k = …, 1, 0:   B[block] −= Lₖᵀ·B[below the block];  B ← Pₖ·B
 *
 * A 2×2 block is solved as LAPACK does, scaled by its off-diagonal (no overflow); a 1×1 block divides
 * (no reciprocal, which would overflow for a pivot below SAFMIN). The factor must be nonsingular
 * (sytrf returned 0): a zero 1×1 pivot gives ±Inf/NaN here. Level 2 (an axpy or a dot per column of
 * L and of B): for one right-hand side it is O(n²) against sytrf's n³/3. Returns nothing.
 */
import { axpy } from '../blas/axpy';
import { gemv } from '../blas/gemv';
import { swap } from '../blas/swap';

export function sytrs(n: i32, nrhs: i32, pA: usize, lda: i32, pIpiv: usize, pB: usize, ldb: i32): void {
  if (n <= 0 || nrhs <= 0) return;
  const ldA = <usize>lda << 3;
  const ldB = <usize>ldb << 3;
  let k = 0;
  while (k < n) {
    const colk = pA + <usize>k * ldA;
    const rk = <usize>k << 3;
    const p = load<i32>(pIpiv + (<usize>k << 2));
    if (p >= 0) {
      if (p != k) swap(nrhs, pB + rk, ldb, pB + (<usize>p << 3), ldb);
      const d = load<f64>(colk + rk);
      for (let c = 0; c < nrhs; c++) {
        const bc = pB + <usize>c * ldB;
        const bk = load<f64>(bc + rk);
        axpy(n - k - 1, -bk, colk + rk + 8, 1, bc + rk + 8, 1);
        store<f64>(bc + rk, bk / d);
      }
      k += 1;
    } else {
      const q = ~p;
      if (q != k + 1) swap(nrhs, pB + rk + 8, ldb, pB + (<usize>q << 3), ldb);
      const colk1 = colk + ldA;
      const akm1k = load<f64>(colk + rk + 8);
      const akm1 = load<f64>(colk + rk) / akm1k;
      const ak = load<f64>(colk1 + rk + 8) / akm1k;
      const denom = akm1 * ak - 1;
      for (let c = 0; c < nrhs; c++) {
        const bc = pB + <usize>c * ldB;
        const b0 = load<f64>(bc + rk);
        const b1 = load<f64>(bc + rk + 8);
        axpy(n - k - 2, -b0, colk + rk + 16, 1, bc + rk + 16, 1);
        axpy(n - k - 2, -b1, colk1 + rk + 16, 1, bc + rk + 16, 1);
        const bkm1 = b0 / akm1k;
        const bk = b1 / akm1k;
        store<f64>(bc + rk, (ak * bkm1 - bk) / denom);
        store<f64>(bc + rk + 8, (akm1 * bk - bkm1) / denom);
      }
      k += 2;
    }
  }
  k = n - 1;
  while (k >= 0) {
    const colk = pA + <usize>k * ldA;
    const rk = <usize>k << 3;
    const p = load<i32>(pIpiv + (<usize>k << 2));
    // B[k, :] −= L[k+1:n, k]ᵀ·B[k+1:n, :]
    gemv(1, n - k - 1, nrhs, -1, pB + rk + 8, ldb, colk + rk + 8, 1, 1, pB + rk, ldb);
    if (p >= 0) {
      if (p != k) swap(nrhs, pB + rk, ldb, pB + (<usize>p << 3), ldb);
      k -= 1;
    } else {
      // the 2×2 block (k−1, k): its first column too
      gemv(1, n - k - 1, nrhs, -1, pB + rk + 8, ldb, colk - ldA + rk + 8, 1, 1, pB + rk - 8, ldb);
      const q = ~p;
      if (q != k) swap(nrhs, pB + rk, ldb, pB + (<usize>q << 3), ldb);
      k -= 2;
    }
  }
}
