/**
 * center, cov and corrcoef on both backends (numpy's semantics: rowvar true by default, ddof 1 for cov),
 * and the predicates isSquare, isSymmetric, equals and allclose: hand-computed answers, a reference
 * covariance on random 3×3 and 20×20 data, scaled data (1e200), empty shapes, typed errors naming the
 * function and the shapes, inputs never modified.
 */
import { describe, it, expect } from 'vitest';
import { Matrix, center, cov, corrcoef, isSquare, isSymmetric, equals, allclose } from '../../../bindings/index.js';
import { setupApiSuite, onBoth, onBackend, guarded, BACKENDS } from '../../util/api.js';
import { expectError } from '../../util/errors.js';
import { EPS } from '../../util/tolerance.js';
import { dense, type Dense } from '../../util/dense.js';
import { Rng } from '../../util/generate.js';

setupApiSuite('stats');

function randDense(seed: number, m: number, n: number, s = 1): Dense {
  const rng = new Rng(seed);
  return dense(m, n, Float64Array.from({ length: m * n }, () => (rng.normal() + 3) * s));
}
/** numpy.cov(X, rowvar=False, ddof) of a row-major m×n (columns are variables), naive two-pass. */
function covRef(X: Dense, ddof: number): number[] {
  const { m, n, a } = X;
  const mu = Array.from({ length: n }, (_, j) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += a[i * n + j]!;
    return s / m;
  });
  const out: number[] = [];
  for (let p = 0; p < n; p++) {
    for (let q = 0; q < n; q++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += (a[i * n + p]! - mu[p]!) * (a[i * n + q]! - mu[q]!);
      out.push(s / (m - ddof));
    }
  }
  return out;
}
function transposeDense(X: Dense): Dense {
  const T = dense(X.n, X.m);
  for (let i = 0; i < X.m; i++) for (let j = 0; j < X.n; j++) T.a[j * X.m + i] = X.a[i * X.n + j]!;
  return T;
}
function close(label: string, got: ArrayLike<number>, want: number[], tol: number): void {
  expect(got.length, label).toBe(want.length);
  for (let k = 0; k < want.length; k++) expect(Math.abs(got[k]! - want[k]!), `${label}[${k}]: ${got[k]} vs ${want[k]}`).toBeLessThanOrEqual(tol);
}

describe('center', () => {
  it('subtracts column means by default, row means with axis 1; free function and method', () => {
    const X = dense(2, 2, Float64Array.of(1, 10, 3, 30));
    expect(Array.from(onBoth('center', () => guarded('c', [X], [], ([M]) => center(M!))))).toEqual([-1, -10, 1, 10]);
    expect(Array.from(onBoth('center 1', () => guarded('c', [X], [], ([M]) => M!.center({ axis: 1 }))))).toEqual([-4.5, 4.5, -13.5, 13.5]);
    expect(Array.from(onBoth('center -1', () => center([[1, 3]], { axis: -1 })))).toEqual([-1, 1]);
  });
  it.each([[3, 3], [20, 20]])('%i×%i: the centred columns sum to ~0 and equal X − mean, wasm and js bit for bit', (m, n) => {
    const X = randDense(m + n, m, n);
    const C = onBoth('center', () => guarded('c', [X], [], ([M]) => center(M!)));
    for (let j = 0; j < n; j++) {
      let s = 0;
      let mu = 0;
      for (let i = 0; i < m; i++) mu += X.a[i * n + j]!;
      mu /= m;
      for (let i = 0; i < m; i++) {
        s += C[i * n + j]!;
        expect(Math.abs(C[i * n + j]! - (X.a[i * n + j]! - mu))).toBeLessThanOrEqual(8 * EPS * 10);
      }
      expect(Math.abs(s)).toBeLessThanOrEqual(m * 8 * EPS * 10);
    }
  });
  it('empty X: an empty result of the same shape', () => {
    for (const [m, n] of [[0, 0], [0, 3], [3, 0]] as const) {
      using C = center(Matrix.zeros(m, n));
      expect(C.shape).toEqual([m, n]);
    }
  });
});

describe('cov and corrcoef', () => {
  it("numpy's defaults: rows are variables, ddof 1; rowvar false for samples in rows", () => {
    expect(Array.from(onBoth('cov', () => cov([[1, 2, 3], [2, 4, 6]])))).toEqual([1, 2, 2, 4]);
    expect(Array.from(onBoth('cov rowvar false', () => cov([[1, 2], [2, 4], [3, 6]], { rowvar: false })))).toEqual([1, 2, 2, 4]);
    expect(Array.from(onBoth('cov ddof 0', () => cov([[1, 2, 3]], { ddof: 0 })))).toEqual([2 / 3]);
    // The default is NOT the machine-learning layout: a 3×2 data set gives a 3×3 covariance of its rows.
    using C = cov([[1, 2], [2, 4], [3, 6]]);
    expect(C.shape).toEqual([3, 3]);
    expect(Array.from(onBoth('corrcoef', () => corrcoef([[1, 2, 3], [3, 2, 1]])))).toEqual([1, -1, -1, 1]);
    expect(Array.from(onBoth('corrcoef rowvar false', () => corrcoef([[1, 3], [2, 2], [3, 1]], { rowvar: false })))).toEqual([1, -1, -1, 1]);
  });

  it.each([[3, 3], [20, 20], [30, 4]])('random %i×%i against the two-pass reference, rowvar true and false agree, symmetric', (m, n) => {
    const X = randDense(m * 7 + n, m, n);
    const want = covRef(X, 1);
    const scale = Math.max(...want.map(Math.abs));
    const got = onBoth('cov', () => guarded('cov', [X], [], ([M]) => cov(M!, { rowvar: false })));
    close('cov', got, want, 8 * m * EPS * scale);
    const gotT = onBoth('cov rowvar', () => guarded('cov', [transposeDense(X)], [], ([M]) => cov(M!)));
    close('cov rowvar', gotT, want, 8 * m * EPS * scale);
    for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) expect(got[p * n + q]).toBe(got[q * n + p]);
    const R = onBoth('corrcoef', () => guarded('r', [X], [], ([M]) => corrcoef(M!, { rowvar: false })));
    const r = want.map((c, k) => c / Math.sqrt(want[Math.floor(k / n) * (n + 1)]!) / Math.sqrt(want[(k % n) * (n + 1)]!));
    close('corrcoef', R, r, 32 * m * EPS);
    for (const v of R) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });

  it('corrcoef of data near 1e200 (covariance 1e400 overflows) equals that of the unscaled data; cov overflows to Inf as IEEE says', () => {
    const X = randDense(5, 10, 3);
    const Y = dense(10, 3, X.a.map((v) => v * 1e200));
    const r1 = onBoth('corrcoef', () => corrcoef(Matrix.fromArray(X.a, 10, 3), { rowvar: false }));
    const r2 = onBoth('corrcoef 1e200', () => guarded('r', [Y], [], ([M]) => corrcoef(M!, { rowvar: false })));
    close('corrcoef 1e200', r2, Array.from(r1), 64 * EPS);
    const tiny = dense(10, 3, X.a.map((v) => v * 1e-200));
    close('corrcoef 1e-200', onBoth('corrcoef 1e-200', () => corrcoef(Matrix.fromArray(tiny.a, 10, 3), { rowvar: false })), Array.from(r1), 64 * EPS);
  });

  it('a constant variable gives NaN in its row and column (numpy: 0/0)', () => {
    const R = Array.from(onBoth('corrcoef const', () => corrcoef([[1, 2, 3], [5, 5, 5]])));
    expect(R[0]).toBe(1);
    expect(R.slice(1).every(Number.isNaN)).toBe(true);
  });

  it('empty shapes: no variables give 0×0; no observations (or N ≤ ddof) are a RangeError naming the function and shape', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        using C0 = cov(Matrix.zeros(0, 5));
        expect(C0.shape).toEqual([0, 0]);
        using R0 = corrcoef(Matrix.zeros(5, 0), { rowvar: false });
        expect(R0.shape).toEqual([0, 0]);
        expectError(RangeError, 'cov no observations', () => cov(Matrix.zeros(3, 0)), /^cov: X is 3×0 with rowvar = true: 0 observations/);
        expectError(RangeError, 'cov 1 observation', () => cov([[1], [2]]), /^cov: X is 2×1 .* 1 observation of each variable, ddof = 1/);
        expectError(RangeError, 'cov ddof 3', () => cov([[1, 2, 3]], { ddof: 3 }), /^cov: .*ddof = 3/);
        expectError(RangeError, 'corrcoef 1 obs', () => corrcoef([[1, 2]], { rowvar: false }), /^corrcoef: X is 1×2 with rowvar = false/);
      });
    }
  });

  it.each(BACKENDS)('bad options and operands: typed errors naming the function (%s)', (be) => {
    onBackend(be, () => {
      const X = randDense(3, 20, 20);
      guarded('bad', [X], [], ([M]) => {
        expectError(TypeError, 'cov rowvar', () => cov(M!, { rowvar: 'no' as never }), /^cov: rowvar must be a boolean, got string/);
        expectError(TypeError, 'corrcoef rowvar', () => corrcoef(M!, { rowvar: 0 as never }), /^corrcoef: rowvar must be a boolean/);
        expectError(RangeError, 'cov ddof', () => cov(M!, { ddof: -1 }), /^cov: ddof must be/);
        expectError(TypeError, 'cov options', () => cov(M!, 3 as never), /^cov: options must be an object/);
        expectError(RangeError, 'center axis', () => center(M!, { axis: 2 as never }), /^center: axis/);
        expectError(TypeError, 'center X', () => center('X' as never), /^center: X must be/);
        expectError(TypeError, 'cov X', () => cov([1, 2, 3] as never), /^cov: X\[0\] must be/);
      });
    });
  });
});

describe('predicates', () => {
  it('isSquare, isSymmetric (exact by default, tol scaled by max |aᵢⱼ|), equals (exact, same shape)', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        expect(isSquare([[1, 2], [3, 4]])).toBe(true);
        expect(Matrix.zeros(2, 3).isSquare()).toBe(false);
        expect(isSquare(Matrix.zeros(0, 0))).toBe(true);
        expect(isSymmetric([[2, 1], [1, 3]])).toBe(true);
        expect(isSymmetric([[2, 1], [1 + 1e-15, 3]])).toBe(false);
        expect(isSymmetric([[2, 1], [1 + 1e-15, 3]], { tol: 1e-12 })).toBe(true);
        expect(isSymmetric([[2e10, 1e10], [1e10 + 1e-3, 3]], { tol: 1e-12 })).toBe(true); // scaled: 1e-3 ≤ 1e-12·2e10
        expect(isSymmetric([[2, 1], [1 + 1e-3, 3]], { tol: 1e-12 })).toBe(false);
        expect(isSymmetric([[1, 2, 3]])).toBe(false);
        expect(isSymmetric(Matrix.zeros(0, 0))).toBe(true);
        expect(isSymmetric([[NaN, 1], [1, 2]])).toBe(true); // the diagonal is not compared
        expect(isSymmetric([[0, NaN], [NaN, 2]])).toBe(false);
        expect(isSymmetric([[0, Infinity], [Infinity, 2]])).toBe(true);
        expect(equals([[1, 2]], [[1, 2]])).toBe(true);
        expect(equals([[1, 2]], [[1], [2]])).toBe(false);
        expect(equals([[0]], [[-0]])).toBe(true);
        expect(equals([[NaN]], [[NaN]])).toBe(false);
        expect(Matrix.zeros(0, 3).equals(Matrix.zeros(0, 3))).toBe(true);
        expect(Matrix.zeros(0, 3).equals(Matrix.zeros(3, 0))).toBe(false);
      });
    }
  });

  it('isSymmetric and equals on 20×20 matrices (linear memory under wasm), inputs unchanged', () => {
    const S = randDense(4, 20, 20);
    for (let i = 0; i < 20; i++) for (let j = 0; j < i; j++) S.a[i * 20 + j] = S.a[j * 20 + i]!;
    for (const be of BACKENDS) {
      onBackend(be, () => {
        guarded('sym', [S, S], [], ([A, B]) => {
          expect(A!.isSymmetric()).toBe(true);
          expect(A!.equals(B!)).toBe(true);
        });
        const T = dense(20, 20, S.a.slice());
        T.a[19 * 20] = T.a[19 * 20]! * (1 + 4 * EPS);
        guarded('sym', [S, T], [], ([A, B]) => {
          expect(B!.isSymmetric()).toBe(false);
          expect(B!.isSymmetric({ tol: 1e-14 })).toBe(true);
          expect(A!.equals(B!)).toBe(false);
          expect(allclose(A!, B!)).toBe(true);
          expect(allclose(A!, B!, { rtol: 0, atol: 0 })).toBe(false);
        });
      });
    }
  });

  it("allclose: numpy's |a − b| ≤ atol + rtol·|b| with broadcasting, infinities equal only to themselves, NaN never", () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        expect(allclose([[1, 2]], [[1 + 1e-9, 2]])).toBe(true);
        expect(allclose([[1, 2]], [[1.1, 2]])).toBe(false);
        expect(allclose([[1, 2]], [[1.1, 2]], { rtol: 0.1 })).toBe(true);
        expect(allclose([[0]], [[1e-9]])).toBe(true); // atol 1e-8
        expect(allclose([[0]], [[1e-9]], { atol: 0 })).toBe(false);
        expect(allclose([[1, 1], [1, 1]], 1)).toBe(true);
        expect(allclose([[1, 2], [1, 2]], [1, 2])).toBe(true);
        expect(allclose([[1, 1], [2, 2]], [[1], [2]])).toBe(true);
        expect(allclose([[Infinity, -Infinity]], [[Infinity, -Infinity]])).toBe(true);
        expect(allclose([[Infinity]], [[-Infinity]])).toBe(false);
        expect(allclose([[1]], [[Infinity]])).toBe(false);
        expect(allclose([[NaN]], [[NaN]])).toBe(false);
        expect(allclose(Matrix.zeros(0, 3), [1, 2, 3])).toBe(true);
        expectError(RangeError, 'allclose shapes', () => allclose([[1, 2, 3]], [[1, 2]]), /^allclose: shapes 1×3 \(A\) and 1×2 \(B\)/);
        expectError(RangeError, 'allclose rtol', () => allclose([[1]], [[1]], { rtol: -1 }), /^allclose: rtol/);
        expectError(TypeError, 'allclose atol', () => allclose([[1]], [[1]], { atol: '0' as never }), /^allclose: atol/);
        expectError(RangeError, 'isSymmetric tol', () => isSymmetric([[1]], { tol: NaN }), /^isSymmetric: tol/);
        expectError(TypeError, 'equals B', () => equals([[1]], 5 as never), /^equals: B must be/);
        expectError(TypeError, 'isSquare A', () => isSquare(null as never), /^isSquare: A must be/);
      });
    }
  });
});
