/**
 * SVD test matrices (LAPACK TESTING/EIG dchkbd / ddrvbd's types, seeded, plain JS), each with the
 * singular values the computed ones are measured against:
 *
 *   zero              A = 0                                          σ = 0 (exact)
 *   identity          I (m×n)                                        σ = 1 (exact)
 *   diagonal          ±10^u on the diagonal, u ∈ [−3, 3], unsorted   σ = sorted |dᵢ| (exact)
 *   clustered         U·diag(1, ε, …, ε)·Vᵀ                          known
 *   clustered at 1    U·diag(1, …, 1, ε)·Vᵀ                          known
 *   geometric         σᵢ = κ^(−i/(k−1)), κ = 1/ε                     known
 *   arithmetic        σᵢ = 1 − (i/(k−1))·(1 − ε)  (κ = 1/ε)          known
 *   rank deficient    σ geometric (κ = 10³) on ⌈k/2⌉ values, then 0  known, rank ⌈k/2⌉
 *   random            standard normal                                one-sided Jacobi
 *   graded            D₁·R·D₂, D₁ = diag(10^(−5i/m)), D₂ = diag(10^(−5j/n))    one-sided Jacobi
 *   near overflow     U·diag(σ)·Vᵀ, σ geometric (κ = 10⁸) times 10²⁹²         known
 *   near underflow    the same times 10⁻²⁹²                                   known
 *   subnormal         uniform entries times 10⁻³¹⁰ (every entry subnormal)    one-sided Jacobi
 *
 * U and V are random orthogonal (Householder QR of a seeded Gaussian, test/util/lapack-types.ts), so A is
 * U·Σ·Vᵀ up to the rounding of the product (≈ k·ε·σ₀ per entry): the singular values of the stored A
 * are within a small multiple of max(m, n)·ε·σ₀ of the known σ, which is what the ratios allow.
 */
import { dense, eye, type Dense } from './dense.js';
import { geometric, randn, Rng, svdMatrix } from './lapack-types.js';
import { EPS, jacobiSvals } from './svd-reference.js';

export { Rng };

export const SVD_TYPES = [
  'zero', 'identity', 'diagonal', 'clustered', 'clustered at 1', 'geometric', 'arithmetic', 'rank deficient',
  'random', 'graded', 'near overflow', 'near underflow', 'subnormal',
] as const;
export type SvdType = (typeof SVD_TYPES)[number];

export interface SvdTestMatrix {
  name: SvdType;
  A: Dense;
  /** Reference singular values, descending (k = min(m, n) of them). */
  sigma: Float64Array;
  /** Whether `sigma` comes from the construction (else from one-sided Jacobi). */
  known: boolean;
  /** The rank when the construction fixes it (exact zeros in σ). */
  rank?: number;
}

/** The spectrum of a type with a known spectrum (k values, descending). */
export function spectrumOf(name: SvdType, k: number): Float64Array | null {
  const one = (f: (i: number) => number) => Float64Array.from({ length: k }, (_, i) => f(i));
  switch (name) {
    case 'clustered':
      return one((i) => (i === 0 ? 1 : EPS));
    case 'clustered at 1':
      return one((i) => (i === k - 1 && k > 1 ? EPS : 1));
    case 'geometric':
      return geometric(k, 1 / EPS);
    case 'arithmetic':
      return one((i) => (k === 1 ? 1 : 1 - (i / (k - 1)) * (1 - EPS)));
    case 'rank deficient': {
      const r = Math.ceil(k / 2);
      const g = geometric(r, 1e3);
      return one((i) => (i < r ? g[i]! : 0));
    }
    case 'near overflow':
      return geometric(k, 1e8).map((s) => s * 1e292);
    case 'near underflow':
      return geometric(k, 1e8).map((s) => s * 1e-292);
    default:
      return null;
  }
}

/** The m×n matrix of a type, seeded. */
export function svdTestMatrix(name: SvdType, m: number, n: number, seed: number): SvdTestMatrix {
  const rng = new Rng(seed);
  const k = Math.min(m, n);
  const known = spectrumOf(name, k);
  if (known !== null) {
    const sigma = known;
    const { A } = svdMatrix(rng, m, n, sigma);
    const rank = name === 'rank deficient' ? Math.ceil(k / 2) : undefined;
    return { name, A, sigma, known: true, rank };
  }
  switch (name) {
    case 'zero':
      return { name, A: dense(m, n), sigma: new Float64Array(k), known: true, rank: 0 };
    case 'identity':
      return { name, A: eye(m, n), sigma: new Float64Array(k).fill(1), known: true, rank: k };
    case 'diagonal': {
      const A = dense(m, n);
      const d = Float64Array.from({ length: k }, () => (rng.u32() & 1 ? -1 : 1) * 10 ** (6 * rng.uniform() - 3));
      for (let i = 0; i < k; i++) A.a[i * n + i] = d[i]!;
      return { name, A, sigma: d.map(Math.abs).sort().reverse(), known: true, rank: k };
    }
    case 'random': {
      const A = randn(rng, m, n);
      return { name, A, sigma: jacobiSvals(A), known: false };
    }
    case 'graded': {
      const A = randn(rng, m, n);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) A.a[i * n + j] = A.a[i * n + j]! * 10 ** ((-5 * i) / Math.max(1, m)) * 10 ** ((-5 * j) / Math.max(1, n));
      }
      return { name, A, sigma: jacobiSvals(A), known: false };
    }
    case 'subnormal': {
      const A = dense(m, n, Float64Array.from({ length: m * n }, () => (2 * rng.uniform() - 1) * 1e-310));
      return { name, A, sigma: jacobiSvals(A), known: false };
    }
    default:
      throw new Error(`svdTestMatrix: ${name}`);
  }
}

/** Every type at m×n. */
export function svdTestMatrices(m: number, n: number, seed: number): SvdTestMatrix[] {
  return SVD_TYPES.map((t, i) => svdTestMatrix(t, m, n, seed * 7919 + i * 104729 + m * 31 + n));
}

/** Column-major copy of a row-major Dense with leading dimension ld ≥ m; padding rows hold `pad`. */
export function colMajor(A: Dense, ld: number = Math.max(1, A.m), pad = NaN): Float64Array {
  const out = new Float64Array(Math.max(1, ld * A.n)).fill(pad);
  for (let j = 0; j < A.n; j++) for (let i = 0; i < A.m; i++) out[i + j * ld] = A.a[i * A.n + j]!;
  return out;
}

/** Row-major Dense (rows×cols) from a column-major buffer with leading dimension ld. */
export function fromColMajor(x: Float64Array, rows: number, cols: number, ld: number): Dense {
  const D = dense(rows, cols);
  for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) D.a[i * cols + j] = x[i + j * ld]!;
  return D;
}

/** Vᵀ (cols×rows) as a row-major Dense from V stored column-major (rows×cols, ld): row r of Vᵀ is column r of V. */
export function transposeFromColMajor(x: Float64Array, rows: number, cols: number, ld: number): Dense {
  const D = dense(cols, rows);
  for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) D.a[j * rows + i] = x[i + j * ld]!;
  return D;
}
