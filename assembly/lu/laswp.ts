/**
 * laswp — apply a sequence of row interchanges to the columns of a matrix          (LAPACK dlaswp)
 *
 * For i = k1, …, k2−1 (forward; 0-based, half-open) swap rows i and ipiv[i] in each of the `n`
 * columns of A at `pA` (leading dimension lda). `ipiv` is an i32 array at `pIpiv` indexed
 * by row (ipiv[i] ≥ i, as getf2/getrf produce). `reverse = 1` applies them in the opposite order
 * (k2−1 down to k1), which undoes the forward sequence — used to apply Pᵀ.
 *
 * Column by column, so each swap touches two entries of one contiguous column at a time. The columns
 * are independent and a swap is exact, so threaded builds split them into blocks over the pool
 * (thread/jobs.ts) with the same result.
 */
import { laswpPar } from '../thread/jobs';

export function laswp(n: i32, pA: usize, lda: i32, k1: i32, k2: i32, pIpiv: usize, reverse: i32): void {
  if (ASC_FEATURE_THREADS && laswpPar(n, pA, lda, k1, k2, pIpiv, reverse)) return;
  laswpSerial(n, pA, lda, k1, k2, pIpiv, reverse);
}

/** laswp on the calling thread alone. */
export function laswpSerial(n: i32, pA: usize, lda: i32, k1: i32, k2: i32, pIpiv: usize, reverse: i32): void {
  if (n <= 0 || k2 <= k1) return;
  const ldA = <usize>lda << 3;
  for (let c = 0; c < n; c++) {
    const col = pA + <usize>c * ldA;
    if (!reverse) {
      for (let i = k1; i < k2; i++) swapRows(col, i, load<i32>(pIpiv + (<usize>i << 2)));
    } else {
      for (let i = k2 - 1; i >= k1; i--) swapRows(col, i, load<i32>(pIpiv + (<usize>i << 2)));
    }
  }
}

// @ts-ignore: decorator
@inline function swapRows(col: usize, i: i32, p: i32): void {
  if (p != i) {
    const a = col + (<usize>i << 3);
    const b = col + (<usize>p << 3);
    const t = load<f64>(a);
    store<f64>(a, load<f64>(b));
    store<f64>(b, t);
  }
}
