/**
 * Triangular and factor helpers for the TRSM, LU and Cholesky suites: triangular test matrices with
 * NaN in every entry the kernel must not read, their clean (zero-filled) twins for the reference,
 * and the reconstruction of P, L and U from a packed LU factorisation.
 */
import { Rng } from './generate.js';

/**
 * An n×n triangular matrix (lower: uplo 0, upper: uplo 1), column-major with leading dimension ld,
 * diagonal ±[1, 2), off-diagonal uniform in [−1, 1). `stored` has NaN in the other triangle, in the
 * padding and — when unit — on the diagonal; `clean` has zeros there (ones on a unit diagonal).
 */
export function triangular(rng: Rng, n: number, ld: number, uplo: number, unit: boolean): { stored: Float64Array; clean: Float64Array } {
  const stored = new Float64Array(Math.max(1, ld * n)).fill(NaN);
  const clean = new Float64Array(Math.max(1, ld * n));
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const inTri = uplo === 0 ? i > j : i < j;
      if (i === j) {
        const d = (rng.u32() & 1 ? -1 : 1) * (1 + rng.uniform());
        if (!unit) stored[i + j * ld] = d;
        clean[i + j * ld] = unit ? 1 : d;
      } else if (inTri) {
        const v = 2 * rng.uniform() - 1;
        stored[i + j * ld] = v;
        clean[i + j * ld] = v;
      }
    }
  }
  return { stored, clean };
}

/** Applies LAPACK's sequential row swaps ipiv[0..k) to an m×n column-major matrix (a copy). */
export function applyPivots(A: Float64Array, m: number, n: number, ld: number, ipiv: Int32Array, k: number): Float64Array {
  const P = new Float64Array(Math.max(1, m * n));
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) P[i + j * m] = A[i + j * ld]!;
  for (let i = 0; i < k; i++) {
    const p = ipiv[i]!;
    if (p === i) continue;
    for (let j = 0; j < n; j++) {
      const t = P[i + j * m]!;
      P[i + j * m] = P[p + j * m]!;
      P[p + j * m] = t;
    }
  }
  return P;
}

/** L (m×k, unit lower trapezoidal) and U (k×n, upper trapezoidal) out of a packed m×n LU (ld). */
export function unpackLU(F: Float64Array, m: number, n: number, ld: number): { L: Float64Array; U: Float64Array; k: number } {
  const k = Math.min(m, n);
  const L = new Float64Array(Math.max(1, m * k));
  const U = new Float64Array(Math.max(1, k * n));
  for (let j = 0; j < k; j++) {
    L[j + j * m] = 1;
    for (let i = j + 1; i < m; i++) L[i + j * m] = F[i + j * ld]!;
  }
  for (let j = 0; j < n; j++) for (let i = 0; i <= Math.min(j, k - 1); i++) U[i + j * k] = F[i + j * ld]!;
  return { L, U, k };
}
