/**
 * sqrtm — the principal square root through the real Schur form (Higham 1987; blocked trsqrt).
 *
 * The test ratio. Higham 1987 (and "Functions of Matrices" §6.2, Thm 6.2 and (6.8)) shows the real
 * Schur method is backward stable in the residual sense: the computed X satisfies
 * ‖X² − A‖ ≤ c·n·u·‖X‖² — not c·n·u·‖A‖: ‖X‖² can exceed ‖A‖ by the condition of the square root
 * (α(X) = ‖X‖²/‖A‖ ≥ 1, Higham's stability factor), which for a non-normal or nearly singular A is
 * large. So the ratio is
 *     ‖X² − A‖_F / (‖X‖_F²·n·ε) < 30,
 * which is ‖X² − A‖/(‖A‖·n·ε·κ) with κ = α(X), the factor the "κ" stands for.
 *
 * Checked on the ROOT_TYPES (test/util/matfun.ts: identity, diagonal, random, complex-pair 2×2
 * blocks, a Jordan block, clustered, ill-conditioned, near singular, graded, scaled to 1e±292) at
 * n ∈ SIZES under every tuning of TUNINGS (trsmNB 1, 2, 3, 5 and the default 64, so small matrices
 * take the blocked path; blocked and unblocked results are compared too), both backends bit for bit,
 * inputs untouched; closed forms; scipy's outputs (test/scipy/matfun.json); the errors.
 */
import { describe, it, expect } from 'vitest';
import { Matrix, sqrtm } from '../../../bindings/index.js';
import { guarded, onBoth, setupLapackSuite, SIZES } from '../../util/api.js';
import { TUNINGS, withTuning } from '../../util/engines.js';
import { expectRatio } from '../../util/ratios.js';
import { expectError, expectLinAlgError } from '../../util/errors.js';
import { dense, fromRows, mul, ratio, type Dense } from '../../util/dense.js';
import { ROOT_TYPES, diffFro, expectScipy, fro, rootMatrix, scipyRows, toDense } from '../../util/matfun.js';
import { EPS } from '../../util/tolerance.js';
import data from '../../scipy/matfun.json' with { type: 'json' };

setupLapackSuite('api/sqrtm');

function residualRatio(A: Dense, X: Dense): number {
  const n = A.m;
  const nx = fro(X);
  return ratio(diffFro(mul(X, X), A), nx, nx, Math.max(1, n), EPS);
}

function run(label: string, A: Dense): Dense {
  const r = onBoth(label, () => guarded(label, [A], [], ([M]) => sqrtm(M!)));
  return dense(A.m, A.n, r instanceof Float64Array ? r : (r as unknown as Float64Array));
}

describe.each(TUNINGS)('sqrtm on the matrix types — $name', (tc) => {
  it.each(ROOT_TYPES)('%s', (type) => {
    withTuning(tc.tuning, () => {
      for (const n of SIZES) {
        const A = rootMatrix(type, n, 31 * n + type.length);
        const label = `sqrtm ${type} n=${n}`;
        const X = run(label, A);
        expectRatio(`sqrtm ‖X²−A‖/(‖X‖²nε) ${type} n=${n}`, residualRatio(A, X));
      }
    });
  });
});

describe('sqrtm: blocked against unblocked', () => {
  it('trsmNB 3 and 1 agree with the default blocking to working accuracy', () => {
    for (const n of [17, 33, 70]) {
      const A = rootMatrix('pairs', n, 7 + n);
      const root = (): Dense => {
        const M = Matrix.fromArray(A.a, n, n);
        try {
          return toDenseOf(sqrtm(M));
        } finally {
          M.dispose();
        }
      };
      const X0 = root();
      for (const nb of [1, 3]) {
        const X1 = withTuning({ trsmNB: nb }, root);
        expectRatio(`sqrtm blocked vs nb=${nb} n=${n}`, ratio(diffFro(X0, X1), fro(X0), n, EPS));
      }
    }
  });
});

describe('sqrtm: closed forms', () => {
  it('diagonal, Jordan block, rotation, 1×1, 0×0', () => {
    expect(onBoth('diag', () => sqrtm([[4, 0], [0, 9]]))).toEqual(Float64Array.of(2, 0, 0, 3));
    const J = onBoth('jordan', () => sqrtm([[1, 1], [0, 1]]));
    expect(J).toEqual(Float64Array.of(1, 0.5, 0, 1));
    const R = onBoth('rotation', () => sqrtm([[0, -1], [1, 0]]));
    const c = Math.SQRT1_2;
    for (const [k, v] of [c, -c, c, c].entries()) expect(Math.abs(R[k]! - v)).toBeLessThan(4 * EPS);
    expect(onBoth('1x1', () => sqrtm([[2.25]]))).toEqual(Float64Array.of(1.5));
    const E = sqrtm(Matrix.zeros(0, 0));
    expect([E.rows, E.cols]).toEqual([0, 0]);
    E.dispose();
  });

  it('singular matrices that have a square root (as scipy)', () => {
    expect(onBoth('zero', () => sqrtm([[0, 0], [0, 0]]))).toEqual(new Float64Array(4));
    expect(onBoth('diag(0, 1)', () => sqrtm([[0, 0], [0, 1]]))).toEqual(Float64Array.of(0, 0, 0, 1));
    const P = toDenseOf(sqrtm([[1, 1], [0, 0]]));
    expect(residualRatio(fromRows([[1, 1], [0, 0]]), P)).toBeLessThan(30);
  });
});

function toDenseOf(X: Matrix): Dense {
  try {
    return toDense(X);
  } finally {
    X.dispose();
  }
}

describe('sqrtm against scipy.linalg.sqrtm', () => {
  it.each(scipyRows(data, 'sqrtm'))('%s', (_name, c) => expectScipy('sqrtm', c, (A) => sqrtm(A)));
});

describe('sqrtm: errors', () => {
  it('a negative real eigenvalue: no-real-result', () => {
    expectLinAlgError('negative', () => sqrtm([[-1, 0], [0, 1]]), 'no-real-result', undefined, /^sqrtm: .*negative real eigenvalue/);
    expectLinAlgError('negative 3x3', () => sqrtm([[1, 2, 3], [0, -2, 1], [0, 0, 4]]), 'no-real-result');
  });
  it('a singular matrix without a square root: singular', () => {
    expectLinAlgError('nilpotent', () => sqrtm([[0, 1], [0, 0]]), 'singular', undefined, /^sqrtm: /);
  });
  it('shapes, types, NaN', () => {
    expectError(RangeError, 'non-square', () => sqrtm([[1, 2, 3], [4, 5, 6]]), /^sqrtm: .*2×3/);
    expectError(TypeError, 'not a matrix', () => sqrtm(5 as unknown as Matrix), /^sqrtm: /);
    expectLinAlgError('NaN', () => sqrtm([[1, NaN], [0, 1]]), 'not-finite');
    expectLinAlgError('Inf, checkFinite off', () => sqrtm([[1, Infinity], [0, 1]], { checkFinite: false }), 'not-finite');
  });
  it('leaves no block allocated on the error paths (setupLapackSuite checks after each test)', () => {
    const n = 80;
    const A = Matrix.zeros(n, n);
    try {
      A.set(0, 0, -1);
      for (let i = 1; i < n; i++) A.set(i, i, 1);
      expectLinAlgError('negative n=80', () => sqrtm(A), 'no-real-result');
      for (let i = 0; i < n; i++) A.set(i, i, 0);
      A.set(0, 1, 1);
      expectLinAlgError('nilpotent n=80', () => sqrtm(A), 'singular');
    } finally {
      A.dispose();
    }
  });
});
