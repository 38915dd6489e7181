/**
 * LAPACK's test matrix types at the API level (after TESTING/LIN's dlatb4 + dlatms: "zero, identity,
 * diagonal, triangular, random, ill-conditioned, scaled near overflow and underflow, zero columns,
 * graded"), seeded and built in plain JS so they are the same on every backend and blocking:
 *
 *   zero            all zeros (exactly singular: every column is zero)
 *   identity        I (m×n: ones on the main diagonal)
 *   diagonal        ±10^u, u uniform in [−3, 3], on the diagonal
 *   upper / lower   standard normal trapezoid, diagonal ±[1, 2)
 *   random          standard normal
 *   cond 1e7/1e14   U·diag(σ)·Vᵀ with U, V random orthogonal (Householder QR of a seeded randn) and
 *                   σᵢ = cond^(−i/(k−1)) geometric from 1 down to 1/cond
 *   near overflow   random·(1e292/‖random‖₁)          ‖A‖₁ ≈ 1e292
 *   near underflow  random·(1e-292/‖random‖₁)         ‖A‖₁ ≈ 1e-292
 *   zero columns    random with columns ⌊n/2⌋ and n − 1 set to 0 (exactly singular / rank deficient)
 *   graded          D₁·R·D₂, R random, D₁ = diag(10^(−5i/m)), D₂ = diag(10^(−5j/n))
 *
 * and the symmetric positive definite ones for Cholesky (V·Λ·Vᵀ with known eigenvalues, so log det
 * has a reference independent of the library).
 */
import { Rng } from './generate.js';
import { dense, eye, mul, norm1, orthogonalOf, scaled, tr, type Dense } from './dense.js';

export { Rng };

export const TYPE_NAMES = [
  'zero', 'identity', 'diagonal', 'upper', 'lower', 'random', 'cond 1e7', 'cond 1e14',
  'near overflow', 'near underflow', 'zero columns', 'graded',
] as const;
export type TypeName = (typeof TYPE_NAMES)[number];

export interface TestMatrix {
  name: TypeName;
  A: Dense;
  /** Columns that are exactly zero, ascending. */
  zeroCols: number[];
  /** κ₂(A) when the construction fixes it (identity, diagonal, cond 1e7 / 1e14). */
  cond?: number;
}

export function randn(rng: Rng, m: number, n: number): Dense {
  return dense(m, n, Float64Array.from({ length: m * n }, () => rng.normal()));
}

/** A random m×m orthogonal matrix: the Q of a Householder QR of a seeded standard normal matrix. */
export function randomOrthogonal(rng: Rng, m: number): Dense {
  return m === 0 ? dense(0, 0) : orthogonalOf(randn(rng, m, m));
}

/** σ geometric from 1 down to 1/cond, k values. */
export function geometric(k: number, cond: number): Float64Array {
  return Float64Array.from({ length: k }, (_, i) => (k === 1 ? 1 : cond ** (-i / (k - 1))));
}

/**
 * U·diag(σ)·Vᵀ (m×n) with U (m×m) and V (n×n) random orthogonal; σ has r ≤ min(m, n) entries, so the
 * result has rank r (up to the rounding of the product). U and V are returned whole: their columns
 * past r span the null spaces of Aᵀ and A.
 */
export function svdMatrix(rng: Rng, m: number, n: number, sigma: Float64Array): { A: Dense; U: Dense; V: Dense } {
  const U = randomOrthogonal(rng, m);
  const V = randomOrthogonal(rng, n);
  const r = sigma.length;
  const A = dense(m, n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < r; p++) s += U.a[i * m + p]! * sigma[p]! * V.a[j * n + p]!;
      A.a[i * n + j] = s;
    }
  }
  return { A, U, V };
}

function trapezoid(rng: Rng, m: number, n: number, upper: boolean): Dense {
  const A = dense(m, n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) A.a[i * n + j] = (rng.u32() & 1 ? -1 : 1) * (1 + rng.uniform());
      else if (upper ? i < j : i > j) A.a[i * n + j] = rng.normal();
    }
  }
  return A;
}

/** The m×n matrix of one LAPACK type (seeded). */
export function lapackMatrix(name: TypeName, m: number, n: number, seed: number): TestMatrix {
  const rng = new Rng(seed);
  const k = Math.min(m, n);
  const zeroCols: number[] = [];
  switch (name) {
    case 'zero':
      return { name, A: dense(m, n), zeroCols: Array.from({ length: n }, (_, j) => j) };
    case 'identity':
      return { name, A: eye(m, n), zeroCols: Array.from({ length: Math.max(0, n - m) }, (_, j) => m + j), cond: 1 };
    case 'diagonal': {
      const A = dense(m, n);
      let lo = Infinity;
      let hi = 0;
      for (let i = 0; i < k; i++) {
        const d = (rng.u32() & 1 ? -1 : 1) * 10 ** (6 * rng.uniform() - 3);
        A.a[i * n + i] = d;
        lo = Math.min(lo, Math.abs(d));
        hi = Math.max(hi, Math.abs(d));
      }
      for (let j = m; j < n; j++) zeroCols.push(j);
      return { name, A, zeroCols, cond: k === 0 ? 1 : hi / lo };
    }
    case 'upper':
    case 'lower': {
      const A = trapezoid(rng, m, n, name === 'upper');
      if (name === 'lower') for (let j = m; j < n; j++) zeroCols.push(j);
      return { name, A, zeroCols };
    }
    case 'random':
      return { name, A: randn(rng, m, n), zeroCols };
    case 'cond 1e7':
    case 'cond 1e14': {
      const cond = name === 'cond 1e7' ? 1e7 : 1e14;
      return { name, A: svdMatrix(rng, m, n, geometric(k, cond)).A, zeroCols, cond };
    }
    case 'near overflow':
    case 'near underflow': {
      const R = randn(rng, m, n);
      const target = name === 'near overflow' ? 1e292 : 1e-292;
      const nr = norm1(R);
      return { name, A: nr === 0 ? R : scaled(R, target / nr), zeroCols };
    }
    case 'zero columns': {
      const A = randn(rng, m, n);
      for (const j of new Set([n >> 1, n - 1])) {
        if (j < 0) continue;
        for (let i = 0; i < m; i++) A.a[i * n + j] = 0;
        zeroCols.push(j);
      }
      zeroCols.sort((a, b) => a - b);
      return { name, A, zeroCols };
    }
    case 'graded': {
      const A = randn(rng, m, n);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          A.a[i * n + j] = A.a[i * n + j]! * 10 ** ((-5 * i) / Math.max(1, m)) * 10 ** ((-5 * j) / Math.max(1, n));
        }
      }
      return { name, A, zeroCols };
    }
  }
}

/** Every type at m×n; seeds derived from `seed`. */
export function lapackMatrices(m: number, n: number, seed: number): TestMatrix[] {
  return TYPE_NAMES.map((t, i) => lapackMatrix(t, m, n, seed * 101 + i * 7919 + m * 31 + n));
}

// ---- symmetric positive definite ------------------------------------------------------------

export const SPD_NAMES = [
  'identity', 'diagonal', 'random', 'cond 1e7', 'cond 1e14', 'near overflow', 'near underflow', 'graded',
] as const;
export type SpdName = (typeof SPD_NAMES)[number];

export interface SpdMatrix {
  name: SpdName;
  /** Symmetric (bit for bit) positive definite. */
  A: Dense;
  /** log det A from the construction (not from the library). */
  logdet: number;
  /** κ₂ of the matrix the Cholesky error depends on (for graded D·S·D that is κ(S): scaling-invariant). */
  kappa: number;
  /** Σ |log λᵢ| — the size of the sum behind log det, for its rounding allowance. */
  logScale: number;
}

/** V·diag(λ)·Vᵀ, lower triangle computed and mirrored so the result is exactly symmetric. */
export function symmetricFromEigen(V: Dense, lambda: Float64Array): Dense {
  const n = V.m;
  const A = dense(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let p = 0; p < n; p++) s += V.a[i * n + p]! * lambda[p]! * V.a[j * n + p]!;
      A.a[i * n + j] = s;
      A.a[j * n + i] = s;
    }
  }
  return A;
}

const sumLog = (x: ArrayLike<number>): number => Array.from(x).reduce((s, v) => s + Math.log(v), 0);
const sumAbsLog = (x: ArrayLike<number>): number => Array.from(x).reduce((s, v) => s + Math.abs(Math.log(v)), 0);

export function spdMatrix(name: SpdName, n: number, seed: number): SpdMatrix {
  const rng = new Rng(seed);
  const fromEigen = (lambda: Float64Array, kappa: number): SpdMatrix => ({
    name, A: symmetricFromEigen(randomOrthogonal(rng, n), lambda), logdet: sumLog(lambda), kappa, logScale: sumAbsLog(lambda),
  });
  const uniformEigen = (): Float64Array => Float64Array.from({ length: n }, () => 1 + 9 * rng.uniform());
  switch (name) {
    case 'identity':
      return { name, A: eye(n), logdet: 0, kappa: 1, logScale: 0 };
    case 'diagonal': {
      const d = Float64Array.from({ length: n }, () => 10 ** (6 * rng.uniform() - 3));
      const A = dense(n, n);
      for (let i = 0; i < n; i++) A.a[i * n + i] = d[i]!;
      return { name, A, logdet: sumLog(d), kappa: 1, logScale: sumAbsLog(d) };
    }
    case 'random':
      return fromEigen(uniformEigen(), 10);
    case 'cond 1e7':
      return fromEigen(geometric(n, 1e7), 1e7);
    case 'cond 1e14':
      return fromEigen(geometric(n, 1e14), 1e14);
    case 'near overflow':
    case 'near underflow': {
      const lambda = uniformEigen();
      const S = symmetricFromEigen(randomOrthogonal(rng, n), lambda);
      const c = (name === 'near overflow' ? 1e292 : 1e-292) / Math.max(norm1(S), Number.MIN_VALUE);
      const cl = lambda.map((v) => v * c);
      return { name, A: scaled(S, c), logdet: sumLog(cl), kappa: 10, logScale: sumAbsLog(cl) };
    }
    case 'graded': {
      const lambda = uniformEigen();
      const S = symmetricFromEigen(randomOrthogonal(rng, n), lambda);
      const d = Float64Array.from({ length: n }, (_, i) => 10 ** ((-5 * i) / Math.max(1, n)));
      const A = dense(n, n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A.a[i * n + j] = d[i]! * S.a[i * n + j]! * d[j]!;
      return { name, A, logdet: sumLog(lambda) + 2 * sumLog(d), kappa: 10, logScale: sumAbsLog(lambda) + 2 * sumAbsLog(d) };
    }
  }
}

export function spdMatrices(n: number, seed: number): SpdMatrix[] {
  return SPD_NAMES.map((t, i) => spdMatrix(t, n, seed * 131 + i * 7907 + n));
}

/** An exactly representable SPD matrix A = L₀·L₀ᵀ (small integers; its Cholesky runs without rounding). */
export function integerSpd(rng: Rng, n: number): { A: Dense; L0: Dense } {
  const L0 = dense(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) L0.a[i * n + j] = (rng.u32() % 5) - 2;
    L0.a[i * n + i] = 1 + (rng.u32() & 1);
  }
  const A = mul(L0, tr(L0));
  return { A, L0 };
}

/**
 * PCA test data X (m×n) with well separated column variances: Z·diag(2^(−l))·Qᵀ, Z standard normal,
 * Q random orthogonal, plus an offset 10·(j + 1) per column (so centring matters).
 */
export function pcaSamples(m: number, n: number, seed: number): Dense {
  const rng = new Rng(seed);
  const Z = randn(rng, m, n);
  const { V: Q } = svdMatrix(rng, n, n, new Float64Array(0)); // as the suites drew it first
  const X = dense(m, n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let l = 0; l < n; l++) s += Z.a[i * n + l]! * 2 ** (-l) * Q.a[j * n + l]!;
      X.a[i * n + j] = s + 10 * (j + 1);
    }
  }
  return X;
}
