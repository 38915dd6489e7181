/**
 * logm — the principal logarithm by inverse scaling and squaring on the real Schur form (Al-Mohy &
 * Higham 2012; Al-Mohy, Higham & Relton 2013's real version).
 *
 * Test ratios:
 * - expm(logm(A)) ≈ A: ‖e^X − A‖_F/(‖A‖_F·n·ε·max(1, ‖X‖_F)) < 30 — the logarithm is computed with a
 *   small backward error (e^X = A + ΔA, ‖ΔA‖ ≲ c·n·ε·‖A‖), and evaluating e^X adds an error of
 *   order ε·‖X‖·‖e^X‖ (the exponential's condition number is at most about ‖X‖), hence the factor;
 * - logm(expm(B)) ≈ B for B whose eigenvalues have imaginary parts in (−π, π) (small norms): the same
 *   argument the other way, ‖X − B‖_F/(‖B‖_F·n·ε·κ) with κ = max(1, ‖B‖_F)·cond bound — B's norm is
 *   kept ≤ 1.5 so the logarithm of e^B is well conditioned;
 * - against scipy (test/scipy/matfun.json): ‖X − X_scipy‖_F/(‖X_scipy‖_F·n·ε·κ_log), κ_log the
 *   relative condition number of log at A computed by the generator from the Fréchet derivative.
 * On the root matrix types of test/util/matfun.ts at n ∈ SIZES under every tuning of TUNINGS, both
 * backends bit for bit, inputs untouched, closed forms, the errors, no leak on the error paths.
 */
import { describe, it, expect } from 'vitest';
import { Matrix, expm, logm } from '../../../bindings/index.js';
import { guarded, onBoth, setupLapackSuite, SIZES } from '../../util/api.js';
import { TUNINGS, withTuning } from '../../util/engines.js';
import { expectRatio } from '../../util/ratios.js';
import { expectError, expectLinAlgError } from '../../util/errors.js';
import { dense, ratio, type Dense } from '../../util/dense.js';
import { ROOT_TYPES, diffFro, expectScipy, fro, rootMatrix, scipyRows, toDense, withSpectrum } from '../../util/matfun.js';
import { Rng } from '../../util/generate.js';
import { EPS } from '../../util/tolerance.js';
import data from '../../scipy/matfun.json' with { type: 'json' };

setupLapackSuite('api/logm');

function dispose<T>(M: Matrix, f: (M: Matrix) => T): T {
  try {
    return f(M);
  } finally {
    M.dispose();
  }
}

/** expm of a Dense matrix, as Dense. */
function expOf(X: Dense): Dense {
  return dispose(Matrix.fromArray(X.a, X.m, X.n), (M) => dispose(expm(M), toDense));
}

describe.each(TUNINGS)('expm(logm(A)) ≈ A on the matrix types — $name', (tc) => {
  // Scaled near overflow/underflow the logarithm is fine but e^X is not representable back: those
  // two types are checked below through log(c·A) = log(A) + ln(c)·I.
  const types = ROOT_TYPES.filter((t) => t !== 'near overflow' && t !== 'near underflow');
  it.each(types)('%s', (type) => {
    withTuning(tc.tuning, () => {
      for (const n of SIZES) {
        const A = rootMatrix(type, n, 77 * n + type.length);
        const label = `logm ${type} n=${n}`;
        const Xa = onBoth(label, () => guarded(label, [A], [], ([M]) => logm(M!)));
        const X = dense(n, n, Xa);
        const E = expOf(X);
        expectRatio(`logm ‖e^X−A‖/(‖A‖nε·max(1,‖X‖)) ${type} n=${n}`, ratio(diffFro(E, A), fro(A), n, EPS, Math.max(1, fro(X))));
      }
    });
  });
});

describe('logm of scaled matrices', () => {
  it.each(['near overflow', 'near underflow'] as const)('%s: log(c·A) = log(A) + ln(c)·I', (type) => {
    for (const n of SIZES) {
      const A = rootMatrix(type, n, 5 * n);
      const c = type === 'near overflow' ? 1e-292 : 1e292;
      const B = dense(n, n, A.a.map((x) => x * c)); // eigenvalues of order 1
      const XA = dense(n, n, onBoth(`logm ${type} n=${n}`, () => guarded('scaled', [A], [], ([M]) => logm(M!))));
      const XB = dispose(Matrix.fromArray(B.a, n, n), (M) => dispose(logm(M), toDense));
      const lc = Math.log(c);
      const shifted = dense(n, n, XA.a.map((x, k) => x + (k % (n + 1) === 0 ? lc : 0)));
      expectRatio(`logm scaled ${type} n=${n}`, ratio(diffFro(shifted, XB), Math.max(1, fro(XB)), n, EPS, Math.abs(lc)));
    }
  });
});

describe('logm(expm(B)) ≈ B', () => {
  it('random B with ‖B‖ ≤ 1.5 (imaginary parts of the eigenvalues well inside (−π, π))', () => {
    for (const n of [2, 7, 16, 33, 70]) {
      const rng = new Rng(900 + n);
      const half = Math.floor(n / 2);
      const real = Array.from({ length: n - 2 * half }, () => rng.uniform() - 0.5);
      const pairs = Array.from({ length: half }, (): [number, number] => [rng.uniform() - 0.5, rng.uniform()]);
      const B = withSpectrum(rng, real, pairs, 0.2);
      const E = expOf(B);
      const X = dispose(Matrix.fromArray(E.a, n, n), (M) => dispose(logm(M), toDense));
      expectRatio(`logm(expm(B)) n=${n}`, ratio(diffFro(X, B), fro(B), n, EPS, 10));
    }
  });
});

describe('logm: closed forms', () => {
  it('diagonal, Jordan block, rotation, 1×1, 0×0', () => {
    const D = onBoth('diag', () => logm([[Math.E, 0], [0, 1]]));
    expect(Math.abs(D[0]! - 1)).toBeLessThan(2 * EPS);
    expect([D[1], D[2], D[3]]).toEqual([0, 0, 0]);
    expect(onBoth('jordan', () => logm([[1, 1], [0, 1]]))).toEqual(Float64Array.of(0, 1, 0, 0));
    for (const theta of [0.3, 1, 3]) {
      const R = onBoth(`rotation ${theta}`, () => logm([[Math.cos(theta), -Math.sin(theta)], [Math.sin(theta), Math.cos(theta)]]));
      const want = [0, -theta, theta, 0];
      for (let k = 0; k < 4; k++) expect(Math.abs(R[k]! - want[k]!)).toBeLessThan(8 * EPS * Math.max(1, theta));
    }
    expect(onBoth('1x1', () => logm([[1]]))).toEqual(Float64Array.of(0));
    const E = logm(Matrix.zeros(0, 0));
    expect([E.rows, E.cols]).toEqual([0, 0]);
    E.dispose();
  });
});

describe('logm against scipy.linalg.logm', () => {
  it.each(scipyRows(data, 'logm'))('%s', (_name, c) => expectScipy('logm', c, (A) => logm(A)));
});

describe('logm: errors', () => {
  it('a negative real eigenvalue: no-real-result', () => {
    expectLinAlgError('negative', () => logm([[-1, 0], [0, 1]]), 'no-real-result', undefined, /^logm: .*negative real eigenvalue/);
  });
  it('a singular matrix: singular', () => {
    expectLinAlgError('zero eigenvalue', () => logm([[0, 1], [0, 1]]), 'singular', undefined, /^logm: .*singular/);
    expectLinAlgError('zero', () => logm([[0]]), 'singular');
  });
  it('shapes, types, NaN', () => {
    expectError(RangeError, 'non-square', () => logm([[1, 2, 3], [4, 5, 6]]), /^logm: .*2×3/);
    expectError(TypeError, 'not a matrix', () => logm('A' as unknown as Matrix), /^logm: /);
    expectLinAlgError('NaN', () => logm([[1, NaN], [0, 1]]), 'not-finite');
    expectLinAlgError('Inf, checkFinite off', () => logm([[1, Infinity], [0, 1]], { checkFinite: false }), 'not-finite');
  });
  it('leaves no block allocated on the error paths', () => {
    const n = 80;
    const A = Matrix.eye(n);
    try {
      A.set(3, 3, -2);
      expectLinAlgError('negative n=80', () => logm(A), 'no-real-result');
      A.set(3, 3, 0);
      expectLinAlgError('singular n=80', () => logm(A), 'singular');
    } finally {
      A.dispose();
    }
  });
});
