/**
 * sytrs — solve A·X = B with the Bunch–Kaufman factors of sytrf (lower)   (LAPACK dsytrs, uplo = 'L';
 *                                                                         2n²·nrhs flops)
 *
 * JS mirror of assembly/ldl/sytrs.ts (read it for the two sweeps); A[i, j] = a[offA + i + j·lda],
 * B[i, j] = b[offB + i + j·ldb] (overwritten by X), ipiv at ipiv[offIpiv…]. Same operation order as
 * the wasm kernel, so the results agree bit for bit.
 */
import { axpy } from '../blas/axpy.js';
import { gemv } from '../blas/gemv.js';
import { swap } from '../blas/swap.js';

export function sytrs(
  n: number, nrhs: number, a: Float64Array, offA: number, lda: number, ipiv: Int32Array, offIpiv: number,
  b: Float64Array, offB: number, ldb: number,
): void {
  if (n <= 0 || nrhs <= 0) return;
  let k = 0;
  while (k < n) {
    const colk = offA + k * lda;
    const p = ipiv[offIpiv + k]!;
    if (p >= 0) {
      if (p !== k) swap(nrhs, b, offB + k, ldb, b, offB + p, ldb);
      const d = a[colk + k]!;
      for (let c = 0; c < nrhs; c++) {
        const bc = offB + c * ldb;
        const bk = b[bc + k]!;
        axpy(n - k - 1, -bk, a, colk + k + 1, 1, b, bc + k + 1, 1);
        b[bc + k] = bk / d;
      }
      k += 1;
    } else {
      const q = ~p;
      if (q !== k + 1) swap(nrhs, b, offB + k + 1, ldb, b, offB + q, ldb);
      const colk1 = colk + lda;
      const akm1k = a[colk + k + 1]!;
      const akm1 = a[colk + k]! / akm1k;
      const ak = a[colk1 + k + 1]! / akm1k;
      const denom = akm1 * ak - 1;
      for (let c = 0; c < nrhs; c++) {
        const bc = offB + c * ldb;
        const b0 = b[bc + k]!;
        const b1 = b[bc + k + 1]!;
        axpy(n - k - 2, -b0, a, colk + k + 2, 1, b, bc + k + 2, 1);
        axpy(n - k - 2, -b1, a, colk1 + k + 2, 1, b, bc + k + 2, 1);
        const bkm1 = b0 / akm1k;
        const bk = b1 / akm1k;
        b[bc + k] = (ak * bkm1 - bk) / denom;
        b[bc + k + 1] = (akm1 * bk - bkm1) / denom;
      }
      k += 2;
    }
  }
  k = n - 1;
  while (k >= 0) {
    const colk = offA + k * lda;
    const p = ipiv[offIpiv + k]!;
    // B[k, :] −= L[k+1:n, k]ᵀ·B[k+1:n, :]
    gemv(1, n - k - 1, nrhs, -1, b, offB + k + 1, ldb, a, colk + k + 1, 1, 1, b, offB + k, ldb);
    if (p >= 0) {
      if (p !== k) swap(nrhs, b, offB + k, ldb, b, offB + p, ldb);
      k -= 1;
    } else {
      // the 2×2 block (k−1, k): its first column too
      gemv(1, n - k - 1, nrhs, -1, b, offB + k + 1, ldb, a, colk - lda + k + 1, 1, 1, b, offB + k - 1, ldb);
      const q = ~p;
      if (q !== k) swap(nrhs, b, offB + k, ldb, b, offB + q, ldb);
      k -= 2;
    }
  }
}
