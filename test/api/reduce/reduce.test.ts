/**
 * Reductions on both backends: sum, mean, variance, std, min, max, argmin, argmax and norm along an
 * axis — values against hand-computed and closed-form answers, numpy's axis meaning and flat indices,
 * ties and NaN as numpy, empty shapes (0 for sums, a RangeError for the others), accuracy (std of
 * [1e9 + 1, 1e9 + 2, 1e9 + 3]) and scaling (1e200 and 1e-200 entries), wasm and js bit for bit, inputs
 * never modified, 3×3 and 20×20 (both sides of the 64-entry threshold), padded storage (ld > rows).
 */
import { describe, it, expect } from 'vitest';
import {
  Matrix, sum, mean, variance, std, min, max, argmin, argmax, norm,
} from '../../../bindings/index.js';
import { setupApiSuite, onBoth, onBackend, guarded, BACKENDS } from '../../util/api.js';
import { expectError } from '../../util/errors.js';
import { EPS, expectBitwise } from '../../util/tolerance.js';
import { dense, type Dense } from '../../util/dense.js';
import { Rng } from '../../util/generate.js';

setupApiSuite('reduce');

function randDense(seed: number, m: number, n: number): Dense {
  const rng = new Rng(seed);
  return dense(m, n, Float64Array.from({ length: m * n }, () => rng.normal()));
}
/** The lines of a row-major Dense for an axis: all entries, each column (0) or each row (1). */
function linesOf(A: Dense, axis?: 0 | 1): number[][] {
  const at = (i: number, j: number): number => A.a[i * A.n + j]!;
  if (axis === undefined) return [Array.from(A.a)];
  if (axis === 0) return Array.from({ length: A.n }, (_, j) => Array.from({ length: A.m }, (_, i) => at(i, j)));
  return Array.from({ length: A.m }, (_, i) => Array.from({ length: A.n }, (_, j) => at(i, j)));
}
/** A reference in long double-ish: exact-ish sums through sorting by magnitude is enough for normal data at these sizes. */
function refMean(x: number[]): number {
  return x.reduce((s, v) => s + v, 0) / x.length;
}
function refVar(x: number[], ddof: number): number {
  const mu = refMean(x);
  return x.reduce((s, v) => s + (v - mu) ** 2, 0) / (x.length - ddof);
}
/** |got − want| ≤ units·ε·scale entry by entry (scale: |want|, or the given magnitudes, e.g. Σ|x| for a sum). */
function close(label: string, got: ArrayLike<number>, want: number[], units = 8, scale?: number[]): void {
  expect(got.length, label).toBe(want.length);
  for (let k = 0; k < want.length; k++) {
    const w = want[k]!;
    const g = got[k]!;
    if (Number.isNaN(w)) expect(g, `${label}[${k}]`).toBeNaN();
    else expect(Math.abs(g - w), `${label}[${k}]: ${g} vs ${w}`).toBeLessThanOrEqual(units * EPS * (scale?.[k] ?? Math.max(Math.abs(w), 1e-300)));
  }
}
const absSum = (x: number[]): number => x.reduce((s, v) => s + Math.abs(v), 0);

describe('values and axes', () => {
  const A = dense(2, 3, Float64Array.of(1, 5, 3, 4, 2, 6)); // [[1, 5, 3], [4, 2, 6]]
  it('hand-computed answers on [[1, 5, 3], [4, 2, 6]] for every reduction and axis, free functions and methods', () => {
    const run = (label: string, f: (M: Matrix) => number | Float64Array): number[] =>
      Array.from(onBoth(label, () => guarded(label, [A], [], ([M]) => f(M!))));
    expect(run('sum', (M) => sum(M))).toEqual([21]);
    expect(run('sum 0', (M) => M.sum({ axis: 0 }))).toEqual([5, 7, 9]);
    expect(run('sum 1', (M) => sum(M, { axis: 1 }))).toEqual([9, 12]);
    expect(run('sum -1', (M) => sum(M, { axis: -1 }))).toEqual([9, 12]);
    expect(run('sum -2', (M) => sum(M, { axis: -2 }))).toEqual([5, 7, 9]);
    expect(run('sum null', (M) => sum(M, { axis: null }))).toEqual([21]);
    expect(run('mean', (M) => M.mean())).toEqual([3.5]);
    expect(run('mean 0', (M) => mean(M, { axis: 0 }))).toEqual([2.5, 3.5, 4.5]);
    expect(run('mean 1', (M) => mean(M, { axis: 1 }))).toEqual([3, 4]);
    expect(run('variance', (M) => variance(M))).toEqual([17.5 / 6]);
    expect(run('variance ddof 1', (M) => M.variance({ ddof: 1 }))).toEqual([3.5]);
    expect(run('variance 0', (M) => variance(M, { axis: 0 }))).toEqual([2.25, 2.25, 2.25]);
    expect(run('variance 1 ddof 1', (M) => variance(M, { axis: 1, ddof: 1 }))).toEqual([4, 4]);
    expect(run('std 1 ddof 1', (M) => M.std({ axis: 1, ddof: 1 }))).toEqual([2, 2]);
    expect(run('std 0', (M) => std(M, { axis: 0 }))).toEqual([1.5, 1.5, 1.5]);
    expect(run('min', (M) => min(M))).toEqual([1]);
    expect(run('min 0', (M) => M.min({ axis: 0 }))).toEqual([1, 2, 3]);
    expect(run('max 1', (M) => max(M, { axis: 1 }))).toEqual([5, 6]);
    expect(run('max', (M) => M.max())).toEqual([6]);
    expect(run('argmin', (M) => argmin(M))).toEqual([0]);
    expect(run('argmax', (M) => M.argmax())).toEqual([5]);
    expect(run('argmax 0', (M) => argmax(M, { axis: 0 }))).toEqual([1, 0, 1]);
    expect(run('argmin 1', (M) => M.argmin({ axis: 1 }))).toEqual([0, 1]);
    close('norm 0', run('norm 0', (M) => norm(M, 2, { axis: 0 })), [Math.sqrt(17), Math.sqrt(29), Math.sqrt(45)], 2);
    expect(run('norm 1 ord 1', (M) => M.norm(1, { axis: 1 }))).toEqual([9, 12]);
    expect(run('norm 1 ord Inf', (M) => norm(M, Infinity, { axis: 1 }))).toEqual([5, 6]);
    close('norm default ord', run('norm default ord', (M) => norm(M, null, { axis: 1 })), [Math.sqrt(35), Math.sqrt(56)], 2);
    expect(run('norm no axis is still the matrix norm', (M) => M.norm())).toEqual([Math.sqrt(91)]);
  });

  it('argmin/argmax: the flat index is row-major, the first of ties wins, the first NaN wins (numpy)', () => {
    const T = dense(2, 3, Float64Array.of(2, 7, 7, 7, 0, 0)); // ties in both orders of traversal
    expect(onBoth('argmax ties', () => guarded('t', [T], [], ([M]) => argmax(M!)))[0]).toBe(1);
    expect(onBoth('argmin ties', () => guarded('t', [T], [], ([M]) => argmin(M!)))[0]).toBe(4);
    expect(Array.from(onBoth('argmax ties 0', () => guarded('t', [T], [], ([M]) => argmax(M!, { axis: 0 }))))).toEqual([1, 0, 0]);
    expect(Array.from(onBoth('argmin ties 1', () => guarded('t', [T], [], ([M]) => argmin(M!, { axis: 1 }))))).toEqual([0, 1]);
    const N = dense(2, 3, Float64Array.of(1, 9, NaN, NaN, -5, 3)); // NaN at flat 2 and 3: column-major meets 3 first
    expect(onBoth('argmax NaN', () => guarded('n', [N], [], ([M]) => argmax(M!)))[0]).toBe(2);
    expect(onBoth('argmin NaN', () => guarded('n', [N], [], ([M]) => argmin(M!)))[0]).toBe(2);
    expect(Array.from(onBoth('argmin NaN 0', () => guarded('n', [N], [], ([M]) => argmin(M!, { axis: 0 }))))).toEqual([1, 1, 0]);
    expect(onBoth('min NaN', () => min([[1, NaN], [-Infinity, 2]]))[0]).toBeNaN();
    expect(Array.from(onBoth('max NaN 0', () => max([[1, NaN], [3, 2]], { axis: 0 })))).toEqual([3, NaN]);
    expect(onBoth('min -Inf', () => min([[1, 2], [-Infinity, 2]]))[0]).toBe(-Infinity);
    expect(onBoth('argmin -Inf', () => argmin([[1, 2], [-Infinity, 2]]))[0]).toBe(2);
    expect(onBoth('argmax all -Inf', () => argmax([[-Infinity, -Infinity]]))[0]).toBe(0);
  });

  it.each([[3, 3], [20, 20], [7, 13], [65, 1], [1, 65]])('random %i×%i against the reference on every axis, wasm and js bit for bit', (m, n) => {
    const A = randDense(m * 100 + n, m, n);
    for (const axis of [undefined, 0, 1] as const) {
      const lines = linesOf(A, axis);
      const o = axis === undefined ? undefined : { axis };
      const label = `${m}×${n} axis ${String(axis)}`;
      const get = (name: string, f: (M: Matrix) => number | Float64Array): Float64Array => onBoth(`${name} ${label}`, () => guarded(name, [A], [], ([M]) => f(M!)));
      close(`sum ${label}`, get('sum', (M) => sum(M, o)), lines.map((x) => x.reduce((s, v) => s + v, 0)), 2 * Math.max(m, n), lines.map(absSum));
      close(`mean ${label}`, get('mean', (M) => mean(M, o)), lines.map(refMean), 2 * Math.max(m, n), lines.map((x) => absSum(x) / x.length));
      const ddof = lines.every((x) => x.length > 1) ? 1 : 0;
      close(`variance ${label}`, get('variance', (M) => variance(M, { ...o, ddof })), lines.map((x) => refVar(x, ddof)), 4 * Math.max(m, n));
      close(`std ${label}`, get('std', (M) => std(M, o)), lines.map((x) => Math.sqrt(refVar(x, 0))), 4 * Math.max(m, n));
      expect(Array.from(get('min', (M) => min(M, o))), `min ${label}`).toEqual(lines.map((x) => Math.min(...x)));
      expect(Array.from(get('max', (M) => max(M, o))), `max ${label}`).toEqual(lines.map((x) => Math.max(...x)));
      if (axis !== undefined) {
        expect(Array.from(get('argmin', (M) => argmin(M, o))), `argmin ${label}`).toEqual(lines.map((x) => x.indexOf(Math.min(...x))));
        expect(Array.from(get('argmax', (M) => argmax(M, o))), `argmax ${label}`).toEqual(lines.map((x) => x.indexOf(Math.max(...x))));
        close(`norm ${label}`, get('norm', (M) => norm(M, 2, { axis })), lines.map((x) => Math.hypot(...x)), 4 * Math.max(m, n));
        close(`norm1 ${label}`, get('norm1', (M) => norm(M, 1, { axis })), lines.map((x) => x.reduce((s, v) => s + Math.abs(v), 0)), 2 * Math.max(m, n));
      } else {
        const flat = Array.from(A.a);
        expect(get('argmin', (M) => argmin(M))[0], `argmin ${label}`).toBe(flat.indexOf(Math.min(...flat)));
        expect(get('argmax', (M) => argmax(M))[0], `argmax ${label}`).toBe(flat.indexOf(Math.max(...flat)));
      }
    }
  });

  it('a matrix in strided storage (ld > rows: a block view of a larger matrix) reduces as its entries say', () => {
    const A = randDense(77, 70, 70);
    for (const be of BACKENDS) {
      onBackend(be, () => {
        using Big = Matrix.fromArray(A.a, 70, 70);
        const V = Matrix._view(Big, 3, 2, 64, 65); // ld 70
        expect(V._ld).toBe(70);
        using Vc = V.clone(); // the same entries, ld 64
        expect(Vc._ld).toBe(64);
        expectBitwise('sum', [sum(V)], [sum(Vc)]);
        expectBitwise('sum 1', sum(V, { axis: 1 }), sum(Vc, { axis: 1 }));
        expectBitwise('mean 0', mean(V, { axis: 0 }), mean(Vc, { axis: 0 }));
        expectBitwise('std', [std(V)], [std(Vc)]);
        expectBitwise('std 0', std(V, { axis: 0 }), std(Vc, { axis: 0 }));
        expectBitwise('variance 1', variance(V, { axis: 1 }), variance(Vc, { axis: 1 }));
        expectBitwise('argmax', [argmax(V)], [argmax(Vc)]);
        expectBitwise('min 1', min(V, { axis: 1 }), min(Vc, { axis: 1 }));
        expectBitwise('norm 0', norm(V, 2, { axis: 0 }), norm(Vc, 2, { axis: 0 }));
        expectBitwise('norm 1', norm(V, 1, { axis: 1 }), norm(Vc, 1, { axis: 1 }));
      });
    }
  });
});

describe('accuracy and scaling', () => {
  it('std of [1e9 + 1, 1e9 + 2, 1e9 + 3] is √(2/3) to an ulp (the naive one-pass formula gives 0 or garbage)', () => {
    const s = onBoth('std 1e9', () => std([[1e9 + 1, 1e9 + 2, 1e9 + 3]]))[0]!;
    expect(Math.abs(s - Math.sqrt(2 / 3))).toBeLessThanOrEqual(2 * EPS);
    expect(onBoth('variance 1e9 ddof 1', () => variance([[1e9 + 1], [1e9 + 2], [1e9 + 3]], { ddof: 1 }))[0]).toBe(1);
    const big = Array.from({ length: 20 }, (_, i) => 1e15 + (i % 2)); // mean 1e15 + 0.5, std 0.5
    expect(onBoth('std 1e15', () => std([big]))[0]).toBe(0.5);
  });

  it('entries near 1e200 and 1e-200: variance, std, mean and axis norms neither overflow nor underflow', () => {
    for (const s of [1e200, 1e-200, 1e300, 1e-300]) {
      const x = [[1 * s, 2 * s], [3 * s, 4 * s]];
      const label = `scale ${s}`;
      close(`${label} std`, onBoth(label, () => std(x)), [Math.sqrt(1.25) * s], 4);
      close(`${label} std axis 0`, onBoth(label, () => std(x, { axis: 0 })), [s, s], 4);
      close(`${label} mean`, onBoth(label, () => mean(x)), [2.5 * s], 4);
      close(`${label} norm 0`, onBoth(label, () => norm(x, 2, { axis: 0 })), [Math.sqrt(10) * s, Math.sqrt(20) * s], 4);
      close(`${label} norm 1`, onBoth(label, () => norm(x, 2, { axis: 1 })), [Math.sqrt(5) * s, 5 * s], 4);
    }
    close('variance 1e150', onBoth('var 1e150', () => variance([[1e150, 3e150]])), [1e300], 4);
    // The mean of [1e308, 1e308] is representable though the sum is not.
    expect(onBoth('mean 1e308', () => mean([[1e308, 1e308, 1.5e308]]))[0]).toBeCloseTo(1.1666666666666667e308, -300);
    expect(Number.isFinite(onBoth('mean max', () => mean([[Number.MAX_VALUE, Number.MAX_VALUE]]))[0])).toBe(true);
    // std of ±1e308 is 1e308 (the variance 1e616 is not representable: Infinity, as IEEE says).
    close('std ±1e308', onBoth('std ±1e308', () => std([[1e308, -1e308]])), [1e308], 4);
    expect(onBoth('var ±1e308', () => variance([[1e308, -1e308]]))[0]).toBe(Infinity);
    expect(onBoth('sum overflow', () => sum([[1e308, 1e308]]))[0]).toBe(Infinity);
    expect(onBoth('norm subnormal', () => norm([[5e-324], [5e-324]], 2, { axis: 0 }))[0]).toBeGreaterThan(0);
  });

  it('compensated sums: [1e16, 1, −1e16, 1] sums to 2, and Inf/NaN entries give IEEE answers', () => {
    expect(onBoth('sum cancel', () => sum([[1e16, 1, -1e16, 1]]))[0]).toBe(2);
    expect(onBoth('sum inf', () => sum([[Infinity, 1]]))[0]).toBe(Infinity);
    expect(onBoth('sum inf-inf', () => sum([[Infinity, -Infinity]]))[0]).toBeNaN();
    expect(onBoth('mean inf', () => mean([[Infinity, 1]]))[0]).toBe(Infinity);
    expect(onBoth('std inf', () => std([[Infinity, 1]]))[0]).toBeNaN();
    expect(onBoth('std nan', () => std([[NaN, 1]]))[0]).toBeNaN();
    expect(Array.from(onBoth('norm nan', () => norm([[NaN, Infinity], [Infinity, 1]], 2, { axis: 0 })))).toEqual([NaN, Infinity]);
    expect(onBoth('std const', () => std([[3, 3, 3]]))[0]).toBe(0);
  });
});

describe('empty shapes', () => {
  it('sums and norms of nothing are 0; reductions along an axis with no lines are empty arrays (numpy)', () => {
    for (const [m, n] of [[0, 0], [0, 3], [3, 0]] as const) {
      expect(onBoth(`sum ${m}×${n}`, () => sum(Matrix.zeros(m, n)))[0]).toBe(0);
      const s0 = onBoth(`sum ${m}×${n} 0`, () => sum(Matrix.zeros(m, n), { axis: 0 }));
      expect(Array.from(s0)).toEqual(new Array(n).fill(0));
      const n1 = onBoth(`norm ${m}×${n} 1`, () => norm(Matrix.zeros(m, n), 2, { axis: 1 }));
      expect(Array.from(n1)).toEqual(new Array(m).fill(0));
    }
    expect(onBoth('mean 3×0 axis 0', () => mean(Matrix.zeros(3, 0), { axis: 0 })).length).toBe(0);
    expect(onBoth('min 0×3 axis 1', () => min(Matrix.zeros(0, 3), { axis: 1 })).length).toBe(0);
    expect(onBoth('std 0×3 axis 1', () => std(Matrix.zeros(0, 3), { axis: 1 })).length).toBe(0);
  });

  it.each(BACKENDS)('mean, variance, std, min, max, argmin and argmax of an empty reduction are a RangeError naming the function and the shape (%s)', (be) => {
    onBackend(be, () => {
      const fns = { mean, variance, std, min, max, argmin, argmax } as Record<string, (A: Matrix, o?: object) => unknown>;
      for (const [name, f] of Object.entries(fns)) {
        expectError(RangeError, `${name} 0×0`, () => f(Matrix.zeros(0, 0)), new RegExp(`^${name}: A is 0×0`));
        expectError(RangeError, `${name} 0×3 axis 0`, () => f(Matrix.zeros(0, 3), { axis: 0 }), new RegExp(`^${name}: A is 0×3: the columns have no entries`));
        expectError(RangeError, `${name} 3×0 axis 1`, () => f(Matrix.zeros(3, 0), { axis: 1 }), new RegExp(`^${name}: A is 3×0: the rows`));
      }
    });
  });
});

describe('bad input', () => {
  it.each(BACKENDS)('bad axis, ddof, ord and operands: typed errors naming the function, inputs unchanged (%s)', (be) => {
    onBackend(be, () => {
      const A = randDense(5, 20, 20);
      guarded('bad', [A], [], ([M]) => {
        for (const [name, f] of Object.entries({ sum, mean, variance, std, min, max, argmin, argmax }) as [string, (A: Matrix, o?: unknown) => unknown][]) {
          expectError(RangeError, `${name} axis 2`, () => f(M!, { axis: 2 }), new RegExp(`^${name}: axis must be 0 or 1.*got 2`));
          expectError(RangeError, `${name} axis 0.5`, () => f(M!, { axis: 0.5 }), new RegExp(`^${name}: axis`));
          expectError(TypeError, `${name} axis '0'`, () => f(M!, { axis: '0' }), new RegExp(`^${name}: axis must be 0 or 1.*string`));
          expectError(TypeError, `${name} options 0`, () => f(M!, 0), new RegExp(`^${name}: options must be an object`));
          expectError(TypeError, `${name} A string`, () => f('x' as never), new RegExp(`^${name}: A must be`));
          expectError(TypeError, `${name} A vector`, () => f([1, 2] as never), new RegExp(`^${name}: A\\[0\\] must be`));
        }
        for (const name of ['variance', 'std'] as const) {
          const f = name === 'std' ? std : variance;
          expectError(RangeError, `${name} ddof -1`, () => f(M!, { ddof: -1 }), new RegExp(`^${name}: ddof must be a finite number ≥ 0, got -1`));
          expectError(RangeError, `${name} ddof NaN`, () => f(M!, { ddof: NaN }), /ddof/);
          expectError(TypeError, `${name} ddof '1'`, () => f(M!, { ddof: '1' as never }), /ddof must be a number/);
          expectError(RangeError, `${name} ddof 20 on 20 rows`, () => f(M!, { axis: 0, ddof: 20 }), new RegExp(`^${name}: ddof = 20 leaves no degrees of freedom: A is 20×20`));
          expectError(RangeError, `${name} ddof 1 on one entry`, () => f([[5]], { ddof: 1 }), /1 entry/);
        }
        expectError(RangeError, 'norm ord fro with axis', () => norm(M!, 'fro' as never, { axis: 0 }), /^norm: unsupported vector norm ord=fro along axis 0/);
        expectError(RangeError, 'norm axis 3', () => norm(M!, 2, { axis: 3 as never }), /^norm: axis/);
        expectError(TypeError, 'norm vector axis', () => norm([1, 2] as never, 2, { axis: 0 }), /^norm: an axis needs a matrix/);
      });
    });
  });
});
