/**
 * The matrix types of the eigh suites (eigh.test.ts, subset.test.ts): zero, identity, diagonal with
 * repeated values, the spectra of test/util/eig-reference.ts (clustered, repeated ±1, geometric and
 * arithmetic to κ = 1/ε, rank deficient, …), graded D·S·D, scaled near overflow and underflow,
 * Wilkinson and glued Wilkinson — each with its reference eigenvalues, ascending.
 */
import type { Dense } from '../../util/dense.js';
import { Rng, SPECTRA, gluedWilkinson, jacobi, spectrum, sturm, triDense, wilkinson, withSpectrum, type SpectrumKind } from '../../util/eig-reference.js';
import { pow2 } from '../../util/reference.js';

// ---- matrix types -----------------------------------------------------------------------------------

export const TYPES = [
  'zero', 'identity', 'diagonal', ...SPECTRA, 'graded', 'near overflow', 'near underflow', 'wilkinson', 'glued wilkinson',
] as const;
export type TypeName = (typeof TYPES)[number];

export interface Case {
  name: TypeName;
  /** n×n, exactly symmetric (row- and column-major alike). */
  A: Float64Array;
  /** The reference eigenvalues, ascending. */
  ref: Float64Array;
}

export function makeCase(name: TypeName, n: number, seed: number): Case {
  const rng = new Rng(seed);
  const sorted = (x: Float64Array): Float64Array => x.slice().sort();
  switch (name) {
    case 'zero':
      return { name, A: new Float64Array(n * n), ref: new Float64Array(n) };
    case 'identity': {
      const A = new Float64Array(n * n);
      for (let i = 0; i < n; i++) A[i * n + i] = 1;
      return { name, A, ref: new Float64Array(n).fill(1) };
    }
    case 'diagonal': {
      // ±10^u, u ∈ [−3, 3], with repeated values
      const d = Float64Array.from({ length: n }, () => (rng.u32() & 1 ? -1 : 1) * 10 ** (6 * rng.uniform() - 3));
      for (let i = 3; i < n; i += 4) d[i] = d[i - 2]!;
      const A = new Float64Array(n * n);
      for (let i = 0; i < n; i++) A[i * n + i] = d[i]!;
      return { name, A, ref: sorted(d) };
    }
    case 'graded': {
      const g = Float64Array.from({ length: n }, (_, i) => 10 ** ((-6 * i) / Math.max(1, n)));
      const A = new Float64Array(n * n);
      for (let j = 0; j < n; j++) for (let i = j; i < n; i++) A[i + j * n] = A[j + i * n] = rng.normal() * g[i]! * g[j]!;
      return { name, A, ref: jacobi(A, n) };
    }
    case 'near overflow':
    case 'near underflow': {
      // ‖A‖₂ = 2^1023 (the largest power of two; 2·‖A‖ overflows) or 2^-1000 (entries ≈ 1e-302)
      const s = pow2(name === 'near overflow' ? 1023 : -1000);
      const lam = spectrum(rng, 'uniform', n);
      const A = withSpectrum(rng, lam).map((v) => v * s);
      return { name, A, ref: sorted(lam.map((v) => v * s)) };
    }
    case 'wilkinson':
    case 'glued wilkinson': {
      const t = name === 'wilkinson' ? wilkinson(n) : gluedWilkinson(n);
      return { name, A: triDense(t), ref: sturm(t) };
    }
    default: {
      const lam = spectrum(rng, name as SpectrumKind, n);
      return { name, A: withSpectrum(rng, lam), ref: sorted(lam) };
    }
  }
}

/** Column-major copy of a row-major n×n Dense (Z's columns are the eigenvectors). */
export function colMajor(Z: Dense): Float64Array {
  const n = Z.n;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i + j * n] = Z.a[i * n + j]!;
  return out;
}

