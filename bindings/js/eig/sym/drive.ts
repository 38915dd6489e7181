/**
 * The two steps the symmetric drivers (syev, syevx) share: JS mirror of assembly/eig/sym/drive.ts
 * (read it): `scaleLower` (power-of-two scaling of the lower triangle into [2^-484, 2^484], returns the
 * exponent k) and `signColumns` (each column's entry of largest modulus, first on ties, made positive).
 * Same operation order as the wasm helpers.
 *
 * References: LAPACK dsyev (the scaling).
 */
import { ilog2, scalePow2 } from './pow2.js';
import { iamax } from '../../blas/iamax.js';

const RMIN = 2.002083095183101e-146; // 2^-484
const RMAX = 4.994797680505588e145; // 2^484

export function scaleLower(n: number, a: Float64Array, offA: number, lda: number): number {
  let anrm = 0;
  for (let j = 0; j < n; j++) {
    const c = offA + j * lda;
    for (let i = j; i < n; i++) {
      const v = Math.abs(a[c + i]!);
      if (v > anrm || v !== v) anrm = v;
    }
  }
  let k = 0;
  if (anrm > 0 && anrm < RMIN) k = -484 - ilog2(anrm);
  else if (anrm > RMAX) k = 483 - ilog2(anrm);
  if (k !== 0) for (let j = 0; j < n; j++) scalePow2(n - j, a, offA + j * lda + j, k);
  return k;
}

export function signColumns(n: number, k: number, z: Float64Array, offZ: number, ldz: number): void {
  for (let j = 0; j < k; j++) {
    const c = offZ + j * ldz;
    if (z[c + iamax(n, z, c, 1)]! < 0) for (let i = 0; i < n; i++) z[c + i] = -z[c + i]!;
  }
}
