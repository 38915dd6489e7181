/**
 * randomizedSvd and pca(X, { method: 'randomized' }) on both backends bit for bit, inputs guarded, no
 * leaks (setupLapackSuite), under the default blocking and one tiny odd one (so the sketches go
 * through the blocked QR and GEMM paths):
 *
 *   accuracy    on A = U·diag(σ)·Vᵀ with σᵢ = 0.7^i (geometric decay): ‖A − U_k·S_k·V_kᵀ‖₂ ≤ 1.1·σ_k
 *               (σ_k = the (k+1)-th singular value, 0-based; issue 13's test), the 2-norm of the
 *               residual formed here in working precision and measured by one-sided Jacobi (no library
 *               SVD); the k values s against the known σ in units of max(m, n)·ε·σ₀ (svalRatio ≤ 30)
 *   factors     ‖UᵀU − I‖₁/(m·ε), ‖VtVtᵀ − I‖₁/(n·ε) below 30; s descending ≥ 0; Vt's rows signed as
 *               svd's (largest entry positive)
 *   full rank   k = min(m, n) on the SVD test types (zero, identity, clustered, graded, rank deficient,
 *               scaled near overflow / underflow, …): the sketch spans the whole range, so
 *               ‖A − U·S·Vt‖₁/(‖A‖₁·max(m, n)·ε) ≤ 30 (residRatio, scaled exactly) and orthonormal factors
 *   seeds       the same seed gives the same bits (twice, and on both backends); another seed another
 *               sketch, equally accurate; the default is seed 0
 *   options     oversample / powerIterations change the result and stay accurate; ℓ is clipped at min(m, n)
 *   validation  k > min(m, n), k ≤ 0, non-integer k, non-number k; bad oversample / powerIterations /
 *               seed; options not an object; NaN/Inf → 'not-finite'; empty shapes (no valid k) → RangeError
 *   pca         'randomized' against 'full': same components (same sign convention) and variances within
 *               the gap bound on data with decaying variances; ratios against the full total variance;
 *               scores = X_c·componentsᵀ; validation of method and k
 */
import { describe, it, expect } from 'vitest';
import { randomizedSvd, pca, Matrix, type RandomizedSvdOptions } from '../../../bindings/index.js';
import { onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { dense, mul, norm1, sub, tr, type Dense } from '../../util/dense.js';
import { pcaSamples as samples, svdMatrix } from '../../util/lapack-types.js';
import { expectRatio } from '../../util/ratios.js';
import { expectError, expectLinAlgError } from '../../util/errors.js';
import { withTuning, TUNINGS } from '../../util/engines.js';
import { expectBitwise } from '../../util/tolerance.js';
import { EPS, jacobiSvals, orthColsRatio, orthRowsRatio, residRatio, signConventionHolds, svalRatio, notSorted } from '../../util/svd-reference.js';
import { Rng, svdTestMatrices } from '../../util/svd-types.js';

setupLapackSuite('api/rsvd');

const BCS = [TUNINGS[0]!, TUNINGS[1]!]; // default, and GEMM 8×5×12 with panels of 3

/** A (m×n) = U·diag(σ)·Vᵀ with σᵢ = decay^i. */
function decaying(m: number, n: number, decay: number, seed: number): { A: Dense; sigma: Float64Array } {
  const sigma = Float64Array.from({ length: Math.min(m, n) }, (_, i) => decay ** i);
  return { A: svdMatrix(new Rng(seed), m, n, sigma).A, sigma };
}

interface Plain {
  U: Dense;
  s: Float64Array;
  Vt: Dense;
}

function rsvd(label: string, A: Dense, k: number, o?: RandomizedSvdOptions): Plain {
  return onBoth(label, () => guarded(label, [A], [], ([M]) => ({ ...randomizedSvd(M!, k, o) })));
}

/** U_k·diag(s)·Vt_k. */
function product({ U, s, Vt }: Plain): Dense {
  const US = dense(U.m, U.n, U.a.map((v, t) => v * s[t % U.n]!));
  return mul(US, Vt);
}

describe('randomizedSvd: accuracy on a decaying spectrum', () => {
  for (const [m, n, k] of [[200, 120, 10], [120, 200, 10], [150, 150, 25], [60, 40, 3]] as const) {
    it(`${m}×${n}, k = ${k}: ‖A − U·S·Vt‖₂ ≤ 1.1·σ_k, s ≈ σ, orthonormal factors`, () => {
      const { A, sigma } = decaying(m, n, 0.7, m + 3 * n + k);
      for (const bc of BCS) {
        withTuning(bc.tuning, () => {
          const label = `rsvd ${m}×${n} k=${k} ${bc.name}`;
          const r = rsvd(label, A, k);
          expect(r.U.m).toBe(m);
          expect(r.U.n).toBe(k);
          expect(r.Vt.m).toBe(k);
          expect(r.Vt.n).toBe(n);
          expect(r.s.length).toBe(k);
          expect(notSorted(r.s), `${label}: s descending`).toBe(-1);
          expect(signConventionHolds(r.Vt), `${label}: sign convention`).toBe(-1);
          const err2 = jacobiSvals(sub(A, product(r)))[0]!;
          expect(err2, `${label}: ‖A − U·S·Vt‖₂ = ${err2} vs σ_k = ${sigma[k]}`).toBeLessThanOrEqual(1.1 * sigma[k]!);
          expectRatio(`${label}: s vs σ`, svalRatio(r.s, sigma.subarray(0, k), m, n), 'rsvd s vs σ');
          expectRatio(`${label}: ‖UᵀU − I‖`, orthColsRatio(r.U), 'rsvd U orthonormal');
          expectRatio(`${label}: ‖VtVtᵀ − I‖`, orthRowsRatio(r.Vt), 'rsvd Vt orthonormal');
        });
      }
    });
  }

  it('issue 13: 300×160, σᵢ = 2^(−i/2), k = 20 with the defaults: error within 1.1·σ₂₀', () => {
    const sigma = Float64Array.from({ length: 160 }, (_, i) => 2 ** (-i / 2));
    const { A } = svdMatrix(new Rng(13), 300, 160, sigma);
    const r = rsvd('rsvd 300×160 k=20', A, 20);
    const err2 = jacobiSvals(sub(A, product(r)))[0]!;
    expect(err2).toBeLessThanOrEqual(1.1 * sigma[20]!);
  });

  it('oversample and powerIterations: other sketches, still accurate; ℓ clipped at min(m, n)', () => {
    const { A, sigma } = decaying(80, 50, 0.6, 5);
    const base = rsvd('rsvd defaults', A, 5);
    for (const o of [{ oversample: 0, powerIterations: 10 }, { oversample: 3, powerIterations: 2 }, { oversample: 1000 }, { powerIterations: 0, oversample: 30 }]) {
      const label = `rsvd ${JSON.stringify(o)}`;
      const r = rsvd(label, A, 5, o);
      const err2 = jacobiSvals(sub(A, product(r)))[0]!;
      expect(err2, label).toBeLessThanOrEqual(1.1 * sigma[5]!);
      if (o.oversample !== 1000) expect(Array.from(r.s), `${label}: a different sketch`).not.toEqual(Array.from(base.s));
    }
  });
});

describe('randomizedSvd: k = min(m, n) on the SVD test types (the sketch spans the range)', () => {
  for (const [m, n] of [[1, 1], [9, 5], [5, 9], [17, 17], [33, 7]] as const) {
    it(`${m}×${n}`, () => {
      for (const T of svdTestMatrices(m, n, 31)) {
        if (T.name === 'subnormal') continue; // σ of subnormal data carry no relative accuracy
        for (const bc of BCS) {
          withTuning(bc.tuning, () => {
            const label = `rsvd ${T.name} ${m}×${n} ${bc.name}`;
            const k = Math.min(m, n);
            const r = rsvd(label, T.A, k);
            expectRatio(`${label}: ‖A − U·S·Vt‖`, residRatio(T.A, r.U, r.s, r.Vt), 'rsvd full-rank residual');
            expectRatio(`${label}: ‖UᵀU − I‖`, orthColsRatio(r.U), 'rsvd U orthonormal');
            expectRatio(`${label}: ‖VtVtᵀ − I‖`, orthRowsRatio(r.Vt), 'rsvd Vt orthonormal');
            if (T.known) expectRatio(`${label}: s vs σ`, svalRatio(r.s, T.sigma, m, n), 'rsvd full-rank s vs σ');
          });
        }
      }
    });
  }
});

describe('randomizedSvd: seeds', () => {
  it('the same seed gives the same bits; the default is seed 0; another seed another sketch', () => {
    const { A } = decaying(70, 40, 0.8, 9);
    const a = rsvd('seed 7 (1)', A, 6, { seed: 7 });
    const b = rsvd('seed 7 (2)', A, 6, { seed: 7 });
    expectBitwise('seed 7 twice: U', a.U.a, b.U.a);
    expectBitwise('seed 7 twice: s', a.s, b.s);
    expectBitwise('seed 7 twice: Vt', a.Vt.a, b.Vt.a);
    const d = rsvd('default seed', A, 6);
    const z = rsvd('seed 0', A, 6, { seed: 0 });
    expectBitwise('default = seed 0', d.s, z.s);
    expectBitwise('default = seed 0: U', d.U.a, z.U.a);
    const c = rsvd('seed 8', A, 6, { seed: 8 });
    expect(Array.from(c.s)).not.toEqual(Array.from(a.s));
  });
});

describe('randomizedSvd: validation and empty shapes', () => {
  it('k outside [1, min(m, n)], non-integer, not a number', () => {
    const A = Matrix.randn(6, 4, { seed: 1 });
    try {
      expectError(RangeError, 'k > min', () => randomizedSvd(A, 5), /randomizedSvd: k must be an integer in \[1, 4\] for a 6×4/);
      expectError(RangeError, 'k = 0', () => randomizedSvd(A, 0), /randomizedSvd: k/);
      expectError(RangeError, 'k < 0', () => randomizedSvd(A, -1), /randomizedSvd: k/);
      expectError(RangeError, 'k = 1.5', () => randomizedSvd(A, 1.5), /randomizedSvd: k/);
      expectError(RangeError, 'k = NaN', () => randomizedSvd(A, NaN), /randomizedSvd: k/);
      expectError(TypeError, 'k a string', () => randomizedSvd(A, '2' as unknown as number), /randomizedSvd: k must be a number/);
    } finally {
      A.dispose();
    }
  });

  it('bad options', () => {
    const A = [[1, 2], [3, 4], [5, 6]];
    expectError(RangeError, 'oversample −1', () => randomizedSvd(A, 1, { oversample: -1 }), /randomizedSvd: oversample must be an integer ≥ 0/);
    expectError(RangeError, 'oversample 1.5', () => randomizedSvd(A, 1, { oversample: 1.5 }), /oversample/);
    expectError(TypeError, 'oversample string', () => randomizedSvd(A, 1, { oversample: '3' as unknown as number }), /oversample must be a number/);
    expectError(RangeError, 'powerIterations −2', () => randomizedSvd(A, 1, { powerIterations: -2 }), /powerIterations/);
    expectError(RangeError, 'powerIterations Infinity', () => randomizedSvd(A, 1, { powerIterations: Infinity }), /powerIterations/);
    expectError(RangeError, 'seed 0.5', () => randomizedSvd(A, 1, { seed: 0.5 }), /randomizedSvd: seed must be an integer/);
    expectError(TypeError, 'seed string', () => randomizedSvd(A, 1, { seed: 's' as unknown as number }), /seed must be a number/);
    expectError(TypeError, 'options array', () => randomizedSvd(A, 1, [] as unknown as RandomizedSvdOptions), /randomizedSvd: options must be an object/);
    expectError(TypeError, 'A a string', () => randomizedSvd('A' as unknown as Matrix, 1), /randomizedSvd: A must be a Matrix/);
  });

  it('NaN / Inf → LinAlgError not-finite (before any work)', () => {
    expectLinAlgError('NaN', () => randomizedSvd([[1, NaN], [0, 1]], 1), 'not-finite');
    expectLinAlgError('Inf', () => randomizedSvd([[1, Infinity], [0, 1]], 1), 'not-finite');
  });

  it('empty shapes: no k is valid (k ≥ 1 > min(m, n) = 0)', () => {
    for (const [m, n] of [[0, 0], [0, 5], [5, 0]] as const) {
      const A = Matrix.zeros(m, n);
      try {
        expectError(RangeError, `${m}×${n}`, () => randomizedSvd(A, 1), new RegExp(`k must be an integer in \\[1, 0\\] for a ${m}×${n}`));
      } finally {
        A.dispose();
      }
    }
  });
});

// ---- pca ---------------------------------------------------------------------------------------------------

describe("pca(X, { method: 'randomized' })", () => {
  it('agrees with the full PCA on decaying variances: components, variances, ratios, scores', () => {
    for (const [m, n, k] of [[300, 40, 5], [60, 30, 3]] as const) {
      const X = samples(m, n, m + n);
      for (const bc of BCS) {
        withTuning(bc.tuning, () => {
          const label = `pca randomized ${m}×${n} k=${k} ${bc.name}`;
          const r = onBoth(label, () => guarded(label, [X], [], ([M]) => ({ ...pca(M!, { k, method: 'randomized' }) })));
          const f = onBoth(`${label} (full)`, () => guarded(`${label} (full)`, [X], [], ([M]) => ({ ...pca(M!, { k }) })));
          expect(r.components.m).toBe(k);
          expect(r.components.n).toBe(n);
          expect(r.scores.m).toBe(m);
          expect(r.scores.n).toBe(k);
          expect(r.singularValues.length).toBe(k);
          expectBitwise(`${label}: mean`, r.mean, f.mean);
          const s0 = f.singularValues[0]!;
          // Components: same sign convention, so compared directly; the gap between consecutive σ is
          // a factor 2, so the angle error bound ε·‖X_c‖/gap is a few ε·max(m, n).
          const dC = norm1(sub(r.components, f.components));
          expectRatio(`${label}: components`, dC / (k * Math.max(m, n) * EPS), 'pca randomized components');
          for (let i = 0; i < k; i++) {
            const dv = Math.abs(r.explainedVariance[i]! - f.explainedVariance[i]!);
            expectRatio(`${label}: variance ${i}`, dv / (f.explainedVariance[0]! * Math.max(m, n) * EPS), 'pca randomized variance');
            const dr = Math.abs(r.explainedVarianceRatio[i]! - f.explainedVarianceRatio[i]!);
            expectRatio(`${label}: ratio ${i}`, dr / (Math.max(m, n) * EPS), 'pca randomized ratio');
            expectRatio(`${label}: σ ${i}`, Math.abs(r.singularValues[i]! - f.singularValues[i]!) / (s0 * Math.max(m, n) * EPS), 'pca randomized σ');
          }
          // scores = X_c·componentsᵀ
          const Xc = dense(m, n, X.a.map((v, t) => v - r.mean[t % n]!));
          const S = mul(Xc, tr(r.components));
          expectRatio(`${label}: scores`, norm1(sub(S, r.scores)) / (norm1(Xc) * n * EPS), 'pca randomized scores');
          expect(signConventionHolds(r.components)).toBe(-1);
        });
      }
    }
  });

  it('validation: method, k required and ≥ 1, options passed on', () => {
    const X = [[1, 2, 3], [4, 5, 7], [7, 8, 8], [1, 0, 1]];
    expectError(RangeError, 'bad method', () => pca(X, { k: 1, method: 'lanczos' as 'full' }), /pca: method must be 'full' or 'randomized'/);
    expectError(TypeError, 'no k', () => pca(X, { method: 'randomized' }), /pca: method 'randomized' needs k/);
    expectError(RangeError, 'k = 0', () => pca(X, { k: 0, method: 'randomized' }), /pca: k must be an integer in \[1, 3\]/);
    expectError(RangeError, 'k = 4', () => pca(X, { k: 4, method: 'randomized' }), /pca: k must be an integer in \[0, 3\]/);
    expectError(RangeError, 'oversample', () => pca(X, { k: 1, method: 'randomized', oversample: -1 }), /pca: oversample/);
    const a = onBoth('pca seed 3', () => ({ ...pca(X, { k: 2, method: 'randomized', seed: 3, powerIterations: 1 }) }));
    expect(a.components.m).toBe(2);
  });
});
