/**
 * Row-major helpers on plain m×n Float64Arrays for the `basics` suites of test/api/ (lu, cholesky,
 * triangular, qr, lstsq): products, transposes and 1-norms in a fixed order for LAPACK-style residual
 * ratios, and the seeded well-conditioned test matrices those suites use. (The LAPACK-type suites
 * beside them use test/util/dense.ts.)
 */
import { Rng, rows } from './generate.js';

/** m×k times k×n. */
export function mul(A: Float64Array, B: Float64Array, m: number, k: number, n: number): Float64Array {
  const C = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) C[i * n + j] = C[i * n + j]! + A[i * k + p]! * B[p * n + j]!;
  return C;
}
/** The n×m transpose of an m×n matrix. */
export function tr(A: Float64Array, m: number, n: number): Float64Array {
  const T = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) T[j * m + i] = A[i * n + j]!;
  return T;
}
/** ‖A‖₁ of an m×n matrix. */
export function n1(A: Float64Array, m: number, n: number): number {
  let r = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += Math.abs(A[i * n + j]!);
    r = Math.max(r, s);
  }
  return r;
}
export const minus = (A: Float64Array, B: Float64Array): Float64Array => A.map((v, i) => v - B[i]!);
export const eye = (n: number): Float64Array => Float64Array.from({ length: n * n }, (_, t) => (t % (n + 1) === 0 ? 1 : 0));
export const flatRows = (a: number[][]): Float64Array => Float64Array.from(a.flat());

/** A well-conditioned-enough random square matrix (normal entries plus n on the diagonal). */
export function square(seed: number, n: number): number[][] {
  const a = rows(new Rng(seed), 'normal', n, n);
  for (let i = 0; i < n; i++) a[i]![i]! += n;
  return a;
}
/** GᵀG + n·I for a seeded normal G: symmetric positive definite. */
export function spd(seed: number, n: number): number[][] {
  const g = flatRows(rows(new Rng(seed), 'normal', n, n));
  const s = mul(tr(g, n, n), g, n, n, n);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out.push(Array.from(s.subarray(i * n, i * n + n), (v, j) => (i === j ? v + n : v)));
  return out;
}

/** The sizes of the basics suites' square cases. */
export const SOLVER_SIZES = [1, 2, 3, 5, 8, 17, 40, 70];
