/**
 * Seeded test matrices, after the matrix types of LAPACK's test generators (dlatms/dlatmr in
 * TESTING/MATGEN): each kind stresses a different part of a kernel or of the error bound.
 *
 *   zero      all zeros                    (β-only paths; 0·x must stay 0)
 *   ones      all ones
 *   integer   integers in [−8, 8]          (every product and partial sum is exact: results must be too)
 *   uniform   uniform in [−1, 1)
 *   normal    standard normal
 *   wide      ±u·2^e, e uniform in [−30, 30]   (wide exponent range: the error bound is |A||B|, not ‖A‖‖B‖)
 *   graded    uniform scaled by 10^(−6·i/m) along rows and 10^(−6·j/n) along columns
 *   cancel    alternating ±(2^20 + u) and small u: heavy cancellation, |AB| ≪ |A||B|
 *   sparse    80 % zeros, the rest uniform
 *
 * Storage is column-major with a leading dimension; padding rows (ld > rows) and the gaps of strided
 * vectors hold NaN by default, so a kernel that reads them produces NaN and one that writes them is
 * caught by the harness.
 */
import { Rng } from '../../bindings/core/random.js';

export { Rng };

export const MATRIX_KINDS = ['zero', 'ones', 'integer', 'uniform', 'normal', 'wide', 'graded', 'cancel', 'sparse'] as const;
export type MatrixKind = (typeof MATRIX_KINDS)[number];

/** Entry (i, j) of an m×n matrix of the given kind. */
export function entry(rng: Rng, kind: MatrixKind, i: number, j: number, m: number, n: number): number {
  switch (kind) {
    case 'zero':
      return 0;
    case 'ones':
      return 1;
    case 'integer':
      return (rng.u32() % 17) - 8;
    case 'uniform':
      return 2 * rng.uniform() - 1;
    case 'normal':
      return rng.normal();
    case 'wide': {
      const e = (rng.u32() % 61) - 30;
      return (rng.u32() & 1 ? -1 : 1) * (0.5 + rng.uniform()) * 2 ** e;
    }
    case 'graded':
      return (2 * rng.uniform() - 1) * 10 ** ((-6 * i) / Math.max(1, m)) * 10 ** ((-6 * j) / Math.max(1, n));
    case 'cancel':
      return (i + j) % 2 === 0 ? ((i + 2 * j) % 4 === 0 ? 1 : -1) * (2 ** 20 + rng.uniform()) : rng.uniform();
    case 'sparse':
      return rng.uniform() < 0.8 ? 0 : 2 * rng.uniform() - 1;
  }
}

/** An m×n column-major matrix with leading dimension ld ≥ m; entries (i ≥ m) of each column hold `pad`. */
export function matrix(rng: Rng, kind: MatrixKind, m: number, n: number, ld: number = Math.max(1, m), pad = NaN): Float64Array {
  if (ld < Math.max(1, m)) throw new Error(`matrix: ld ${ld} < rows ${m}`);
  const a = new Float64Array(Math.max(1, ld * n)).fill(pad);
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) a[i + j * ld] = entry(rng, kind, i, j, m, n);
  return a;
}

/** A length-n vector with stride inc (> 0); the gaps hold `pad`. */
export function vector(rng: Rng, kind: MatrixKind, n: number, inc = 1, pad = NaN): Float64Array {
  const x = new Float64Array(Math.max(1, (n - 1) * inc + 1)).fill(pad);
  for (let i = 0; i < n; i++) x[i * inc] = entry(rng, kind, i, 0, n, 1);
  return x;
}

/** Row-major nested rows of an m×n matrix of the given kind (for the public API). */
export function rows(rng: Rng, kind: MatrixKind, m: number, n: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m; i++) {
    const r: number[] = [];
    for (let j = 0; j < n; j++) r.push(entry(rng, kind, i, j, m, n));
    out.push(r);
  }
  return out;
}

/** Column-major copy (ld = m) of nested rows. */
export function colMajor(a: readonly (readonly number[])[], m: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[i + j * m] = a[i]![j]!;
  return out;
}

/** Row-major Float64Array (as Matrix.toFloat64Array returns) → column-major, ld = m. */
export function rowToCol(a: Float64Array, m: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[i + j * m] = a[i * n + j]!;
  return out;
}
