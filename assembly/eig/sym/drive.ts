/**
 * The two steps the symmetric drivers (syev, syevx) share, each defined once:
 *
 *   scaleLower(n, pA, lda)        if max|A| over the lower triangle lies outside [2^-484, 2^484] (≈ dsyev's
 *                                 [√(safmin/eps), √(safmax·eps)]), multiplies the lower triangle by the
 *                                 power of two 2^k that brings it inside (exact) and returns k (0: no
 *                                 scaling; the caller undoes it on the eigenvalues with 2^-k)
 *   signColumns(n, k, pZ, ldz)    negates each of the k columns of Z (n rows) whose entry of largest
 *                                 modulus (the first such entry on ties) is negative: the sign convention
 *                                 that makes eigenvectors deterministic and identical on every backend
 *
 * References: LAPACK dsyev (the scaling); the sign convention is the library's (README, eigh).
 */
import { ilog2, scalePow2 } from './pow2';
import { iamax } from '../../blas/iamax';

// @ts-ignore: decorator
@inline const RMIN: f64 = 2.002083095183101e-146; // 2^-484
// @ts-ignore: decorator
@inline const RMAX: f64 = 4.994797680505588e145; // 2^484

export function scaleLower(n: i32, pA: usize, lda: i32): i32 {
  const ldA = <usize>lda << 3;
  let anrm: f64 = 0;
  for (let j = 0; j < n; j++) {
    const c = pA + <usize>j * ldA;
    for (let i = j; i < n; i++) {
      const a = Math.abs(load<f64>(c + (<usize>i << 3)));
      if (a > anrm || a != a) anrm = a;
    }
  }
  let k = 0;
  if (anrm > 0 && anrm < RMIN) k = -484 - ilog2(anrm);
  else if (anrm > RMAX) k = 483 - ilog2(anrm);
  if (k != 0) {
    for (let j = 0; j < n; j++) scalePow2(n - j, pA + <usize>j * ldA + (<usize>j << 3), k);
  }
  return k;
}

export function signColumns(n: i32, k: i32, pZ: usize, ldz: i32): void {
  const ldZ = <usize>ldz << 3;
  for (let j = 0; j < k; j++) {
    const c = pZ + <usize>j * ldZ;
    if (load<f64>(c + (<usize>iamax(n, c, 1) << 3)) < 0) {
      for (let i = 0; i < n; i++) {
        const o = c + (<usize>i << 3);
        store<f64>(o, -load<f64>(o));
      }
    }
  }
}
