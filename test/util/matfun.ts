/**
 * Test matrices and residuals for the matrix-function suites (test/api/expm, sqrtm, logm): plain
 * row-major Dense data (test/util/dense.ts) built from a seeded Rng, with known spectra.
 *
 *   fro(A)                    ‖A‖_F, scaled (no overflow on 1e292 data)
 *   toDense(M)                a Matrix result as Dense
 *   withSpectrum(rng, n, …)   Q·B·Qᵀ for a random orthogonal Q and a quasi-triangular B holding the
 *                             wanted eigenvalues (real ones on the diagonal, complex pairs a ± ib as
 *                             2×2 blocks [[a, −b], [b, a]]) and `upper`-scaled noise above them
 *   ROOT_TYPES / rootMatrix   the matrix types of the sqrtm/logm suites (eigenvalues off the closed
 *                             negative real axis): LAPACK's types where they apply (identity,
 *                             diagonal, random, ill-conditioned, clustered, graded, scaled near
 *                             over/underflow) and the ones the methods care about (2×2 complex-pair
 *                             blocks, a Jordan block, near singular)
 *   scipyRows / expectScipy   the cases of test/scipy/matfun.json for one function, and the
 *                             comparison of a result with scipy's (scaled by the condition number)
 */
import { Rng } from './generate.js';
import { dense, eye, fromRows, mul, ratio, tr, type Dense } from './dense.js';
import { onBoth } from './api.js';
import { expectRatio } from './ratios.js';
import { loadCases, mat, rows, type RefCase } from './scipy.js';
import { EPS } from './tolerance.js';
import { randomOrthogonal } from './lapack-types.js';
import type { Matrix } from '../../bindings/index.js';

export function fro(A: Dense): number {
  let scale = 0;
  for (const x of A.a) scale = Math.max(scale, Math.abs(x));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (const x of A.a) s += (x / scale) ** 2;
  return scale * Math.sqrt(s);
}

export function toDense(M: Matrix): Dense {
  return dense(M.rows, M.cols, M.toFloat64Array());
}

export function diffFro(A: Dense, B: Dense): number {
  return fro(dense(A.m, A.n, A.a.map((x, i) => x - B.a[i]!)));
}

/** Q·B·Qᵀ: real eigenvalues `real`, complex pairs `pairs` ([a, b] → a ± ib), noise of size `upper` above the blocks. */
export function withSpectrum(rng: Rng, real: readonly number[], pairs: readonly [number, number][], upper: number): Dense {
  const n = real.length + 2 * pairs.length;
  const B = dense(n, n);
  let i = 0;
  for (const [a, b] of pairs) {
    B.a[i * n + i] = a;
    B.a[i * n + i + 1] = -b;
    B.a[(i + 1) * n + i] = b;
    B.a[(i + 1) * n + i + 1] = a;
    i += 2;
  }
  for (const x of real) {
    B.a[i * n + i] = x;
    i++;
  }
  for (let r = 0; r < n; r++) for (let c = r + 2; c < n; c++) B.a[r * n + c] = upper * rng.normal();
  for (let r = 0; r + 1 < n; r++) if (B.a[(r + 1) * n + r] === 0) B.a[r * n + r + 1] = upper * rng.normal();
  const Q = randomOrthogonal(rng, n);
  return mul(mul(Q, B), tr(Q));
}

export const ROOT_TYPES = ['identity', 'diagonal', 'random', 'pairs', 'jordan', 'clustered', 'ill-conditioned', 'near singular', 'graded', 'near overflow', 'near underflow'] as const;
export type RootType = (typeof ROOT_TYPES)[number];

/** An n×n matrix of the type with every eigenvalue off the closed negative real axis. */
export function rootMatrix(type: RootType, n: number, seed: number): Dense {
  const rng = new Rng(seed);
  const uni = (lo: number, hi: number): number => lo + (hi - lo) * rng.uniform();
  const reals = (k: number, f: (i: number) => number): number[] => Array.from({ length: k }, (_, i) => f(i));
  const pairs = (k: number, lo: number, hi: number, blo: number, bhi: number): [number, number][] => Array.from({ length: k }, () => [uni(lo, hi), uni(blo, bhi)]);
  const half = Math.floor(n / 2);
  switch (type) {
    case 'identity':
      return eye(n);
    case 'diagonal': {
      const D = dense(n, n);
      for (let i = 0; i < n; i++) D.a[i * n + i] = 10 ** uni(-3, 3);
      return D;
    }
    case 'random':
      return withSpectrum(rng, reals(n, () => uni(0.5, 4)), [], 0.5);
    case 'pairs':
      return withSpectrum(rng, reals(n - 2 * half, () => uni(0.5, 2)), pairs(half, -1.5, 2, 0.3, 2), 0.5);
    case 'jordan': {
      const D = dense(n, n);
      for (let i = 0; i < n; i++) {
        D.a[i * n + i] = 2;
        if (i + 1 < n) D.a[i * n + i + 1] = 1;
      }
      return D;
    }
    case 'clustered':
      return withSpectrum(rng, reals(n, () => 1 + 1e-10 * rng.uniform()), [], 0.1);
    case 'ill-conditioned':
      return withSpectrum(rng, reals(n, (i) => 10 ** (-6 * i / Math.max(1, n - 1))), [], 0);
    case 'near singular':
      return withSpectrum(rng, reals(n, (i) => (i === 0 ? 1e-12 : uni(0.5, 2))), [], 0);
    case 'graded': {
      const A = withSpectrum(rng, reals(n - 2 * half, () => uni(0.5, 2)), pairs(half, 0.5, 2, 0.3, 1), 0.3);
      const d = reals(n, (i) => 10 ** (-4 * i / Math.max(1, n)));
      return dense(n, n, A.a.map((x, k) => (x * d[Math.floor(k / n)]!) / d[k % n]!));
    }
    case 'near overflow':
    case 'near underflow': {
      const A = withSpectrum(rng, reals(n - 2 * half, () => uni(0.5, 2)), pairs(half, 0.5, 2, 0.3, 1), 0.3);
      const c = type === 'near overflow' ? 1e292 : 1e-292;
      return dense(n, n, A.a.map((x) => x * c));
    }
  }
}

/** The cases of test/scipy/matfun.json for one function, as rows for `it.each` (name first). */
export function scipyRows(file: unknown, fn: 'expm' | 'sqrtm' | 'logm'): (readonly [string, RefCase])[] {
  return loadCases(file)
    .filter((c) => c.meta?.fn === fn)
    .map((c) => [c.name, c] as const);
}

/**
 * f(A) on both backends (bit for bit) against scipy's output: the relative Frobenius difference over
 * n·ε·κ, κ = max(1, the relative condition number of the function at A that the generator computed
 * from the Fréchet derivative, meta.kappa) — two backward-stable computations differ by about κ·ε.
 */
export function expectScipy(fn: string, c: RefCase, f: (A: Matrix) => Matrix): void {
  const A = mat(c.inputs.A);
  try {
    const n = A.rows;
    const X = dense(n, n, onBoth(`${fn} ${c.name}`, () => f(A)));
    const ref = fromRows(rows(c.outputs.X));
    const kappa = Math.max(1, Number(c.meta?.kappa ?? 1));
    expectRatio(`${fn} vs scipy ${c.name} n=${n}`, ratio(diffFro(X, ref), Math.max(fro(ref), Number.MIN_VALUE), n, EPS, kappa));
  } finally {
    A.dispose();
  }
}
