/**
 * subspaceAngles — on constructed subspaces with known principal angles (from π/2 down to 1e−10 and
 * exactly 0), mixed by random well-conditioned and rank-deficient column transformations, both backends
 * bit for bit: every angle within 64·m·ε absolutely, and the small ones (≤ 1e−4) to 1e−5 relatively —
 * what the sine formula buys (arccos would give 0 below ≈ 1e−8). Exact cases: orthogonal and equal
 * axes give π/2 and 0 exactly. Empty shapes and errors.
 */
import { describe, it, expect } from 'vitest';
import { subspaceAngles, Matrix } from '../../../bindings/index.js';
import { onBackend, BACKENDS, onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { dense, mul, type Dense } from '../../util/dense.js';
import { randn, randomOrthogonal, Rng } from '../../util/lapack-types.js';
import { EPS } from '../../util/tolerance.js';
import { expectLinAlgError, expectError } from '../../util/errors.js';

setupLapackSuite('api/subspaceAngles');

/** Bases of span A = span(q₀ … q_{p−1}) and span B with angles θᵢ: bᵢ = cos θᵢ·qᵢ + sin θᵢ·q_{p+i}, mixed. */
function pair(seed: number, m: number, p: number, theta: number[], extraB = 0): { A: Dense; B: Dense } {
  const rng = new Rng(seed);
  const Q = randomOrthogonal(rng, m);
  const q = theta.length + extraB;
  const A0 = dense(m, p);
  const B0 = dense(m, q);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < p; j++) A0.a[i * p + j] = Q.a[i * m + j]!;
    for (let j = 0; j < theta.length; j++) B0.a[i * q + j] = Math.cos(theta[j]!) * Q.a[i * m + j]! + Math.sin(theta[j]!) * Q.a[i * m + p + j]!;
    for (let j = 0; j < extraB; j++) B0.a[i * q + theta.length + j] = Q.a[i * m + p + theta.length + j]!; // ⊥ A
  }
  // mix the columns by well-conditioned random matrices (I + small noise)
  const mix = (k: number): Dense => {
    const G = randn(rng, k, k);
    for (let t = 0; t < k * k; t++) G.a[t] = 0.2 * G.a[t]! + (t % (k + 1) === 0 ? 1 : 0);
    return G;
  };
  return { A: mul(A0, mix(p)), B: mul(B0, mix(q)) };
}

function run(label: string, A: Dense, B: Dense): Float64Array {
  return onBoth(label, () => guarded(label, [A, B], [], ([M, N]) => subspaceAngles(M!, N!)));
}

describe('subspaceAngles on constructed subspaces', () => {
  const cases: { m: number; p: number; theta: number[]; extraB?: number }[] = [
    { m: 6, p: 2, theta: [1.4, 1e-9] },                       // scipy 1.17 returns [1.4, 0] here
    { m: 9, p: 3, theta: [1e-10, 1e-7, 0.3] },
    { m: 12, p: 4, theta: [Math.PI / 2, 1e-10, 0.7, 1e-3] },
    { m: 17, p: 5, theta: [0.1, 0.2, 0.3, 1.2, 1e-6], extraB: 2 },
    { m: 40, p: 8, theta: [1e-10, 1e-10, 2e-10, 0.5, 1, 1.5, 0.785, 1e-5] },
    { m: 5, p: 1, theta: [0.5] },
  ];
  it.each(cases)('m $m, p $p: angles within 64·m·ε, small ones to 1e−5 relative; wasm ≡ js', ({ m, p, theta, extraB }) => {
    const { A, B } = pair(m * 13 + p, m, p, theta, extraB ?? 0);
    // the extra columns of B are orthogonal to A: they add dimensions to span B, not angles
    const want = [...theta].sort((a, b) => b - a);
    for (const [X, Y, name] of [[A, B, 'A, B'], [B, A, 'B, A']] as const) {
      const got = run(`${m}×${p} ${name}`, X, Y);
      expect(got.length, name).toBe(want.length);
      for (let i = 0; i < want.length; i++) {
        expect(Math.abs(got[i]! - want[i]!), `${name} θ${i} = ${got[i]} vs ${want[i]}`).toBeLessThanOrEqual(64 * m * EPS);
        if (want[i]! <= 1e-4) expect(Math.abs(got[i]! - want[i]!) / want[i]!, `${name} θ${i} relative`).toBeLessThan(1e-5);
        if (i > 0) expect(got[i]!, 'descending').toBeLessThanOrEqual(got[i - 1]!);
      }
    }
  });
  it('rank-deficient A: the numerical rank counts (a repeated column adds no angle)', () => {
    const { A, B } = pair(5, 8, 2, [0.4, 1e-8]);
    const A3 = dense(8, 3);
    for (let i = 0; i < 8; i++) A3.a.set([A.a[i * 2]!, A.a[i * 2 + 1]!, 2 * A.a[i * 2]!], i * 3);
    const got = run('rank 2 of 3', A3, B);
    expect(got.length).toBe(2);
    expect(Math.abs(got[1]! - 1e-8) / 1e-8).toBeLessThan(1e-5);
  });
  it('exact: axes give π/2 and 0 exactly, e₁ vs e₁ + e₂ gives π/4 to 2 ulps', () => {
    const r = run('axes', dense(3, 2, Float64Array.of(1, 0, 0, 1, 0, 0)), dense(3, 2, Float64Array.of(1, 0, 0, 0, 0, 1)));
    expect(Array.from(r)).toEqual([Math.PI / 2, 0]);
    const q = run('π/4', dense(2, 1, Float64Array.of(1, 0)), dense(2, 1, Float64Array.of(1, 1)));
    expect(Math.abs(q[0]! - Math.PI / 4)).toBeLessThanOrEqual(2 * EPS);
  });
  it('empty: no angles', () => {
    for (const [m, p, q] of [[0, 2, 3], [3, 0, 2], [3, 2, 0]] as const) {
      expect(run(`${m} ${p} ${q}`, dense(m, p), dense(m, q)).length).toBe(0);
    }
    expect(run('zero A', dense(4, 2), dense(4, 2, Float64Array.of(1, 0, 0, 1, 0, 0, 0, 0))).length).toBe(0);
  });
  it('bad input: row counts differ; NaN; not a matrix', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        expectError(RangeError, 'rows', () => subspaceAngles([[1], [2]], [[1, 2]]), /^subspaceAngles: A and B must have the same number of rows, got 2×1 and 1×2/);
        expectLinAlgError('nan', () => subspaceAngles([[1], [2]], [[1], [NaN]]), 'not-finite', undefined, /^subspaceAngles: B contains NaN/);
        expectError(TypeError, 'A', () => subspaceAngles(1 as never, [[1]]), /^subspaceAngles: A/);
        const M = Matrix.from([[1]]);
        M.dispose();
        expectError(ReferenceError, 'disposed', () => subspaceAngles([[1]], M), /^subspaceAngles: B is a disposed/);
      });
    }
  });
});
