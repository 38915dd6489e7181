/**
 * expm — scaling and squaring with Padé approximants (Al-Mohy & Higham 2009, Algorithm 5.1).
 *
 * Test ratios (relative Frobenius error over n·ε and the condition of the problem):
 * - closed forms: rotations e^[[0, −θ], [θ, 0]] (inside larger block-diagonal matrices too, so the
 *   general path runs), nilpotent matrices (the finite series Σ N^k/k!), A = V·diag(λ)·V⁻¹ with
 *   known V (orthogonal, and I + u·vᵀ with its explicit inverse), the Al-Mohy–Higham example
 *   [[1, b], [0, −1]] that overscaling ruins (b up to 1e8, in a 3×3 so the general path runs), large
 *   norms that need many squarings, entries scaled to 1e-300: ‖X − E‖_F/(‖E‖_F·n·ε·κ), κ a bound on
 *   the relative condition number (max(1, ‖A‖) for a normal A; the closed form's own for others);
 * - scipy's outputs (test/scipy/matfun.json) with κ = scipy.linalg.expm_cond(A) from the generator;
 * - both backends bit for bit, inputs untouched, under every tuning of TUNINGS; errors; no leak.
 */
import { describe, it, expect } from 'vitest';
import { Matrix, expm } from '../../../bindings/index.js';
import { guarded, onBoth, setupLapackSuite, SIZES } from '../../util/api.js';
import { TUNINGS, withTuning } from '../../util/engines.js';
import { expectRatio } from '../../util/ratios.js';
import { expectError, expectLinAlgError } from '../../util/errors.js';
import { dense, eye, fromRows, mul, ratio, tr, type Dense } from '../../util/dense.js';
import { diffFro, expectScipy, fro, scipyRows } from '../../util/matfun.js';
import { randomOrthogonal } from '../../util/lapack-types.js';
import { Rng } from '../../util/generate.js';
import { EPS } from '../../util/tolerance.js';
import data from '../../scipy/matfun.json' with { type: 'json' };

setupLapackSuite('api/expm');

function run(label: string, A: Dense): Dense {
  return dense(A.m, A.n, onBoth(label, () => guarded(label, [A], [], ([M]) => expm(M!))));
}

function check(label: string, A: Dense, E: Dense, kappa: number): void {
  const X = run(label, A);
  expectRatio(label, ratio(diffFro(X, E), fro(E), Math.max(1, A.m), EPS, Math.max(1, kappa)));
}

/** Block-diagonal matrix of 2×2 rotation generators θₖ·[[0, −1], [1, 0]] and its exponential. */
function rotations(thetas: readonly number[], Q: Dense | null): [Dense, Dense] {
  const n = 2 * thetas.length;
  const A = dense(n, n);
  const E = dense(n, n);
  thetas.forEach((t, k) => {
    const i = 2 * k;
    A.a[i * n + i + 1] = -t;
    A.a[(i + 1) * n + i] = t;
    E.a[i * n + i] = Math.cos(t);
    E.a[i * n + i + 1] = -Math.sin(t);
    E.a[(i + 1) * n + i] = Math.sin(t);
    E.a[(i + 1) * n + i + 1] = Math.cos(t);
  });
  if (Q === null) return [A, E];
  return [mul(mul(Q, A), tr(Q)), mul(mul(Q, E), tr(Q))];
}

describe.each(TUNINGS)('expm closed forms — $name', (tc) => {
  it('rotations (2×2 and block-diagonal, rotated by a random orthogonal Q)', () => {
    withTuning(tc.tuning, () => {
      for (const theta of [1e-8, 0.3, Math.PI / 2, 3, 30]) {
        const [A, E] = rotations([theta], null);
        check(`expm rotation θ=${theta} n=2`, A, E, theta);
      }
      for (const n of [4, 16, 34]) {
        const rng = new Rng(n);
        const thetas = Array.from({ length: n / 2 }, () => 6 * rng.uniform() - 3);
        const [A, E] = rotations(thetas, randomOrthogonal(rng, n));
        check(`expm rotations Q·R·Qᵀ n=${n}`, A, E, Math.max(...thetas.map(Math.abs)));
      }
    });
  });

  it('nilpotent: the finite series', () => {
    withTuning(tc.tuning, () => {
      for (const n of SIZES) {
        const rng = new Rng(3 * n);
        const N = dense(n, n);
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) N.a[i * n + j] = rng.uniform() - 0.5;
        // E = Σ N^k/k!, in long enough precision for the ratio (terms decay fast for these entries).
        let E = eye(n);
        let P = eye(n);
        for (let k = 1; k < n; k++) {
          P = dense(n, n, mul(P, N).a.map((x) => x / k));
          E = dense(n, n, E.a.map((x, t) => x + P.a[t]!));
        }
        check(`expm nilpotent n=${n}`, N, E, fro(N));
      }
    });
  });

  it('diagonalisable with known eigenvectors', () => {
    withTuning(tc.tuning, () => {
      for (const n of SIZES) {
        const rng = new Rng(11 * n);
        const lambda = Array.from({ length: n }, () => 4 * rng.uniform() - 2);
        const expD = (f: (x: number) => number): Dense => {
          const D = dense(n, n);
          lambda.forEach((x, i) => (D.a[i * n + i] = f(x)));
          return D;
        };
        // Orthogonal V: symmetric A.
        const V = randomOrthogonal(rng, n);
        check(`expm V·Λ·Vᵀ n=${n}`, mul(mul(V, expD((x) => x)), tr(V)), mul(mul(V, expD(Math.exp)), tr(V)), 2);
        // V = I + u·vᵀ, V⁻¹ = I − u·vᵀ/(1 + vᵀu): a non-normal A.
        const u = Array.from({ length: n }, () => rng.uniform() - 0.5);
        const v = Array.from({ length: n }, () => rng.uniform() - 0.5);
        const vu = v.reduce((s, x, i) => s + x * u[i]!, 0);
        const W = dense(n, n);
        const Wi = dense(n, n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            W.a[i * n + j] = (i === j ? 1 : 0) + u[i]! * v[j]!;
            Wi.a[i * n + j] = (i === j ? 1 : 0) - (u[i]! * v[j]!) / (1 + vu);
          }
        }
        const kappaV = fro(W) * fro(Wi);
        check(`expm W·Λ·W⁻¹ n=${n}`, mul(mul(W, expD((x) => x)), Wi), mul(mul(W, expD(Math.exp)), Wi), 2 * kappaV);
      }
    });
  });
});

describe('expm: the hard cases', () => {
  it('Al-Mohy & Higham: [[1, b], [0, −1]] (overscaling without the ℓ correction), in a 3×3', () => {
    for (const b of [1e2, 1e4, 1e8]) {
      const A = fromRows([[1, b, 0], [0, -1, 0], [0, 0, 0.5]]);
      const E = fromRows([[Math.E, (b * (Math.E - 1 / Math.E)) / 2, 0], [0, 1 / Math.E, 0], [0, 0, Math.exp(0.5)]]);
      const X = run(`expm [[1, ${b}], [0, −1]]`, A);
      // Entrywise relative accuracy: the (1, 2) entry is the one overscaling destroys.
      for (let k = 0; k < 9; k++) {
        const err = Math.abs(X.a[k]! - E.a[k]!);
        expectRatio(`expm Al-Mohy-Higham b=${b} entry ${k}`, E.a[k] === 0 ? (err === 0 ? 0 : Infinity) : ratio(err, Math.abs(E.a[k]!), 3, EPS), 'expm Al-Mohy-Higham');
      }
    }
  });

  it('upper triangular: the diagonal and superdiagonal recomputed exactly around the squarings', () => {
    for (const n of [3, 7, 17]) {
      const rng = new Rng(40 + n);
      const A = dense(n, n);
      for (let i = 0; i < n; i++) for (let j = i; j < n; j++) A.a[i * n + j] = i === j ? 6 * rng.uniform() - 3 : 30 * (rng.uniform() - 0.5);
      const X = run(`expm triangular n=${n}`, A);
      for (let i = 0; i < n; i++) {
        expect(X.a[i * n + i]).toBe(Math.exp(A.a[i * n + i]!));
        if (i + 1 < n) {
          const a = A.a[i * n + i]!;
          const b = A.a[(i + 1) * n + i + 1]!;
          const want = (A.a[i * n + i + 1]! * (Math.exp(b) - Math.exp(a))) / (b - a);
          expect(Math.abs(X.a[i * n + i + 1]! - want)).toBeLessThanOrEqual(1e-12 * Math.abs(want));
        }
        for (let j = 0; j < i; j++) expect(X.a[i * n + j]).toBe(0);
      }
    }
  });

  // n = 400 takes the 1-norm estimator path for d₈ and d₁₀ (ESTIMATE_FROM in expm.ts).
  it('large norms: many squarings (symmetric, exact from the eigendecomposition)', () => {
    for (const [n, spread] of [[5, 50], [16, 300], [33, 700], [400, 20]] as const) {
      const rng = new Rng(n + spread);
      const V = randomOrthogonal(rng, n);
      const lambda = Array.from({ length: n }, (_, i) => spread * (i / Math.max(1, n - 1)) - spread);
      const D = dense(n, n);
      const ED = dense(n, n);
      lambda.forEach((x, i) => {
        D.a[i * n + i] = x;
        ED.a[i * n + i] = Math.exp(x);
      });
      check(`expm large norm ‖A‖≈${spread} n=${n}`, mul(mul(V, D), tr(V)), mul(mul(V, ED), tr(V)), spread);
    }
  });

  it('entries scaled to 1e-300: I + A (A² underflows)', () => {
    const rng = new Rng(5);
    const n = 7;
    const A = dense(n, n, Float64Array.from({ length: n * n }, () => 1e-300 * (rng.uniform() - 0.5)));
    const X = run('expm 1e-300', A);
    const E = dense(n, n, A.a.map((x, k) => (k % (n + 1) === 0 ? 1 : x)));
    for (let k = 0; k < n * n; k++) expect(Math.abs(X.a[k]! - E.a[k]!)).toBeLessThanOrEqual(4 * EPS * Math.abs(E.a[k]!));
  });

  it('special structures: 1×1, diagonal, 2×2 upper triangular (exact), 0×0', () => {
    expect(onBoth('1x1', () => expm([[1]]))).toEqual(Float64Array.of(Math.E));
    expect(onBoth('diag', () => expm([[1, 0], [0, -2]]))).toEqual(Float64Array.of(Math.E, 0, 0, Math.exp(-2)));
    const T = onBoth('upper 2x2', () => expm([[1, 1], [0, 1]]));
    expect(T).toEqual(Float64Array.of(Math.E, Math.E, 0, Math.E));
    const T2 = onBoth('upper 2x2 distinct', () => expm([[1, 3], [0, 1 + 1e-12]]));
    expect(Math.abs(T2[1]! - 3 * Math.E) / (3 * Math.E)).toBeLessThan(1e-11);
    const Z = expm(Matrix.zeros(0, 0));
    expect([Z.rows, Z.cols]).toEqual([0, 0]);
    Z.dispose();
  });
});

describe('expm against scipy.linalg.expm', () => {
  it.each(scipyRows(data, 'expm'))('%s', (_name, c) => expectScipy('expm', c, (A) => expm(A)));
});

describe('expm: errors', () => {
  it('overflow', () => {
    expectLinAlgError('1x1', () => expm([[1000]]), 'overflow', undefined, /^expm: /);
    const n = 20;
    const A = Matrix.eye(n);
    try {
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A.set(i, j, (i === j ? 800 : 0) + 0.01 * ((i * 7 + j * 3) % 5));
      expectLinAlgError('20x20', () => expm(A), 'overflow');
    } finally {
      A.dispose();
    }
  });
  it('shapes, types, NaN', () => {
    expectError(RangeError, 'non-square', () => expm([[1, 2, 3], [4, 5, 6]]), /^expm: .*2×3/);
    expectError(TypeError, 'not a matrix', () => expm(null as unknown as Matrix), /^expm: /);
    expectLinAlgError('NaN', () => expm([[1, NaN], [0, 1]]), 'not-finite');
    expectLinAlgError('Inf, checkFinite off', () => expm([[1, 2], [Infinity, 1]], { checkFinite: false }), 'not-finite');
  });
});

describe('Matrix methods', () => {
  it('A.expm(), A.sqrtm(), A.logm()', () => {
    const A = Matrix.from([[2, 1], [0, 2]]);
    try {
      const E = A.expm();
      const S = A.sqrtm();
      const L = A.logm();
      expect(E.get(0, 0)).toBeCloseTo(Math.exp(2), 12);
      expect(S.get(0, 1)).toBeCloseTo(1 / (2 * Math.SQRT2), 14);
      expect(L.get(0, 1)).toBeCloseTo(0.5, 14);
      E.dispose();
      S.dispose();
      L.dispose();
    } finally {
      A.dispose();
    }
  });
});
