/**
 * vander, linspace, arange: numpy's values bit for bit. The expected arrays below were printed by
 * numpy 2.4.6 (`repr` of each float, which reads back to the same double) or are exact by hand; the
 * arithmetic they pin down is numpy's own (vander: running products; linspace: i·step + start with the
 * last point set to stop, i/div·delta + start when the step underflows; arange: start, start + step,
 * then start + i·((start + step) − start)). Bad input is a typed error naming the function.
 */
import { describe, it, expect } from 'vitest';
import { Matrix, vander, linspace, arange, setBackend } from '../../../bindings/index.js';
import { setupLapackSuite, onBoth, onBackend, guarded, BACKENDS } from '../../util/api.js';
import { expectError } from '../../util/errors.js';
import { expectBitwise } from '../../util/tolerance.js';

setupLapackSuite('construct/ranges');

describe('vander', () => {
  it('decreasing powers by default, increasing on request, hand-computed', () => {
    expectBitwise('vander([1, 2, 3])', onBoth('vander', () => vander([1, 2, 3])), [1, 1, 1, 4, 2, 1, 9, 3, 1]);
    expectBitwise('increasing, n = 2', onBoth('vander inc', () => vander(Int32Array.of(1, 2, 3), { n: 2, increasing: true })), [1, 1, 1, 2, 1, 3]);
    expectBitwise('n = 4 > length', onBoth('vander n4', () => vander([2, -1], { n: 4 })), [8, 4, 2, 1, -1, 1, -1, 1]);
    // x⁰ = 1 for 0 and NaN (numpy: vander([nan, 0], 3) = [[nan, nan, 1], [0, 0, 1]]).
    expectBitwise('0 and NaN', onBoth('vander nan', () => vander([NaN, 0], { n: 3 })), [NaN, NaN, 1, 0, 0, 1]);
  });

  it("numpy's bits: running products, not Math.pow (5×6 and 5×4, increasing)", () => {
    const x = [0.1, 1.7, -3.3, 0.0, 2.5e-3];
    const want6 = [
      1.0000000000000004e-5, 0.00010000000000000003, 0.0010000000000000002, 0.010000000000000002, 0.1, 1.0,
      14.198569999999997, 8.352099999999998, 4.912999999999999, 2.8899999999999997, 1.7, 1.0,
      -391.35392999999993, 118.59209999999999, -35.937, 10.889999999999999, -3.3, 1.0,
      0.0, 0.0, 0.0, 0.0, 0.0, 1.0,
      9.765625000000002e-14, 3.906250000000001e-11, 1.5625000000000003e-8, 6.25e-6, 0.0025, 1.0,
    ];
    expectBitwise('vander(x, 6)', onBoth('vander 5×6', () => vander(x, { n: 6 })), want6);
    expect(0.1 ** 5, 'Math.pow differs from the running product here').not.toBe(want6[0]);
    const want4 = [
      1.0, 0.1, 0.010000000000000002, 0.0010000000000000002, 1.0, 1.7, 2.8899999999999997, 4.912999999999999,
      1.0, -3.3, 10.889999999999999, -35.937, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0025, 6.25e-6, 1.5625000000000003e-8,
    ];
    expectBitwise('vander(x, 4, increasing)', onBoth('vander 5×4 inc', () => vander(x, { n: 4, increasing: true })), want4);
  });

  it('20×20 (linear memory under wasm) equals its 3×3 corner logic: row i is the powers of x_i', () => {
    const x = Float64Array.from({ length: 20 }, (_, i) => (i - 9.5) / 7);
    const V = onBoth('vander 20', () => guarded('vander 20', [], [x], (_, [v]) => vander(v!)));
    for (let i = 0; i < 20; i++) {
      let p = 1;
      for (let k = 0; k < 20; k++, p *= x[i]!) expect(Object.is(V[i * 20 + 19 - k], p), `(${i}, ${19 - k})`).toBe(true);
    }
  });

  it('empty shapes: vander([]) is 0×0, n = 0 gives m×0, [] with n gives 0×n', () => {
    for (const b of BACKENDS) {
      onBackend(b, () => {
        using A = vander([]);
        using B = vander([1, 2], { n: 0 });
        using C = vander([], { n: 3 });
        using D = vander([1, 2], { n: null });
        expect([A.shape, B.shape, C.shape, D.shape]).toEqual([[0, 0], [2, 0], [0, 3], [2, 2]]);
      });
    }
  });

  it('bad input: typed errors naming the function', () => {
    expectError(TypeError, 'a matrix', () => vander([[1, 2]] as never), /^vander: x must be a vector/);
    expectError(TypeError, 'a Matrix', () => vander(Matrix.eye(2) as never), /^vander: x must be a vector.*Matrix/);
    expectError(TypeError, 'a non-number', () => vander([1, 'a'] as never), /^vander: x\[1\] must be a number/);
    expectError(RangeError, 'n = -1', () => vander([1], { n: -1 }), /^vander: n must be an integer in \[0, 2\^28\], got -1/);
    expectError(RangeError, 'n = 1.5', () => vander([1], { n: 1.5 }), /^vander: n must be an integer/);
    expectError(TypeError, "n = '2'", () => vander([1], { n: '2' as never }), /^vander: n must be a number/);
    expectError(TypeError, 'increasing = 1', () => vander([1], { increasing: 1 as never }), /^vander: increasing must be a boolean, got number/);
    expectError(TypeError, 'options = 3', () => vander([1], 3 as never), /^vander: options must be an object/);
    expectError(RangeError, '2^20 × 2^20', () => vander(new Float64Array(2 ** 20), { n: 2 ** 20 }), /^vander: the result would be 1048576×1048576, past the limits/);
  });
});

describe('linspace', () => {
  it("numpy's values, bit for bit", () => {
    expectBitwise('0..1, 5', linspace(0, 1, 5), [0, 0.25, 0.5, 0.75, 1]);
    expectBitwise('endpoint false', linspace(0, 1, 5, { endpoint: false }), [0, 0.2, 0.4, 0.6000000000000001, 0.8]);
    expectBitwise('-1.3..2.9, 11', linspace(-1.3, 2.9, 11), [
      -1.3, -0.88, -0.45999999999999996, -0.039999999999999813, 0.3800000000000001, 0.8, 1.2200000000000004, 1.6400000000000003,
      2.0600000000000005, 2.4800000000000004, 2.9,
    ]);
    expectBitwise('7, endpoint false', linspace(0, 1, 7, { endpoint: false }), [
      0, 0.14285714285714285, 0.2857142857142857, 0.42857142857142855, 0.5714285714285714, 0.7142857142857142, 0.8571428571428571,
    ]);
    expectBitwise('decreasing', linspace(1, 0, 4), [1, 0.6666666666666667, 0.33333333333333337, 0]);
    expectBitwise('constant', linspace(2, 2, 3), [2, 2, 2]);
  });

  it('defaults and degenerate counts: 50 points; 1 point is start; 0 points is empty', () => {
    const y = linspace(0, 1);
    expect(y).toBeInstanceOf(Float64Array);
    expect(y.length).toBe(50);
    expectBitwise('first points', y.subarray(0, 4), [0, 0.02040816326530612, 0.04081632653061224, 0.061224489795918366]);
    expect(y[49]).toBe(1);
    expectBitwise('num = 1', linspace(5, -3, 1), [5]);
    expectBitwise('num = 1, endpoint false', linspace(5, -3, 1, { endpoint: false }), [5]);
    expect(linspace(0, 1, 0).length).toBe(0);
    expectBitwise('num = 1 to Inf: 0·Inf is NaN, as numpy', linspace(0, Infinity, 1), [NaN]);
    expectBitwise('explicit undefined num and null options', linspace(0, 1, undefined, null).subarray(0, 2), [0, 0.02040816326530612]);
  });

  it('a denormal range: the step, or i/div·delta when the step underflows to 0 (numpy gh-5437)', () => {
    expectBitwise('1e-320 / 3', linspace(0, 1e-320, 4), [0, 3.335e-321, 6.67e-321, 1e-320]);
    expectBitwise('step underflows', linspace(0, 1.5e-323, 8), [0, 0, 5e-324, 5e-324, 1e-323, 1e-323, 1.5e-323, 1.5e-323]);
    expectBitwise('step underflows, endpoint false', linspace(0, 1.5e-323, 8, { endpoint: false }), [0, 0, 5e-324, 5e-324, 1e-323, 1e-323, 1e-323, 1.5e-323]);
  });

  it('bad input: typed errors naming the function', () => {
    expectError(TypeError, 'start a string', () => linspace('0' as never, 1), /^linspace: start must be a number/);
    expectError(TypeError, 'stop null', () => linspace(0, null as never), /^linspace: stop must be a number/);
    expectError(RangeError, 'num -1', () => linspace(0, 1, -1), /^linspace: num must be an integer in \[0, 2\^28\], got -1/);
    expectError(RangeError, 'num 2.5', () => linspace(0, 1, 2.5), /^linspace: num must be an integer/);
    expectError(RangeError, 'num NaN', () => linspace(0, 1, NaN), /^linspace: num/);
    expectError(TypeError, 'num null', () => linspace(0, 1, null as never), /^linspace: num must be a number/);
    expectError(TypeError, 'endpoint 0', () => linspace(0, 1, 3, { endpoint: 0 as never }), /^linspace: endpoint must be a boolean/);
    expectError(TypeError, 'options true', () => linspace(0, 1, 3, true as never), /^linspace: options must be an object/);
  });
});

describe('arange', () => {
  it("numpy's values, bit for bit: one, two and three arguments, negative steps", () => {
    expectBitwise('arange(5)', arange(5), [0, 1, 2, 3, 4]);
    expectBitwise('arange(2, 5)', arange(2, 5), [2, 3, 4]);
    expectBitwise('arange(0.5, 3)', arange(0.5, 3), [0.5, 1.5, 2.5]);
    expectBitwise('arange(0, 1, 0.1)', arange(0, 1, 0.1), [0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9]);
    expectBitwise('arange(1, 0, -0.3)', arange(1, 0, -0.3), [1, 0.7, 0.3999999999999999, 0.09999999999999987]);
    expectBitwise('arange(0.1, 0.75, 0.2)', arange(0.1, 0.75, 0.2), [0.1, 0.30000000000000004, 0.5000000000000001, 0.7000000000000001]);
    expectBitwise('arange(10, 0, -3)', arange(10, 0, -3), [10, 7, 4, 1]);
    expectBitwise('arange(1e16, 1e16 + 4)', arange(1e16, 1e16 + 4, 1), [1e16, 1e16, 1e16, 1e16]); // numpy's too: the step is lost
    expectBitwise('arange(5, undefined, 2)', arange(5, undefined as never, 2), [0, 2, 4]); // numpy: arange(5, None, 2)
  });

  it('empty ranges, and quotients that underflow (numpy: one value for +0, none for −0)', () => {
    expect(arange(5, 2).length).toBe(0);
    expect(arange(-2.5).length).toBe(0);
    expect(arange(1, 1, 0.5).length).toBe(0);
    expect(arange(0, 5, -1).length).toBe(0);
    expectBitwise('arange(0, 10, Infinity)', arange(0, 10, Infinity), [0]);
    expect(arange(0, -10, Infinity).length).toBe(0);
    expectBitwise('arange(0, 1e-300, 1e300)', arange(0, 1e-300, 1e300), [0]);
    expect(arange(0, -1e-300, 1e300).length).toBe(0);
    expect(arange(0)).toBeInstanceOf(Float64Array);
  });

  it('bad input: step 0, no computable length, too long, non-numbers — typed errors naming the function', () => {
    expectError(RangeError, 'step 0', () => arange(0, 1, 0), /^arange: step must not be 0/);
    expectError(RangeError, 'step -0', () => arange(0, 1, -0), /^arange: step must not be 0/);
    expectError(RangeError, 'NaN', () => arange(NaN), /^arange: cannot compute the length/);
    expectError(RangeError, 'NaN step', () => arange(0, 1, NaN), /^arange: cannot compute the length/);
    expectError(RangeError, 'Inf', () => arange(0, Infinity), /^arange: .*over 2\^28/);
    expectError(RangeError, '2^29 values', () => arange(2 ** 29), /^arange: .*536870912 values, over 2\^28/);
    expectError(TypeError, 'a string', () => arange('3' as never), /^arange: stop must be a number/);
    expectError(TypeError, 'start a string', () => arange('0' as never, 3), /^arange: start must be a number/);
    expectError(TypeError, 'stop null', () => arange(0, null as never), /^arange: stop must be a number/);
    expectError(TypeError, 'step a bigint', () => arange(0, 3, 1n as never), /^arange: step must be a number/);
    setBackend('wasm');
  });
});
