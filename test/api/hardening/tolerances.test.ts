/**
 * Tolerance options are validated by one rule (core/validate.ts `tolerance`): absent (undefined) means
 * the default; otherwise a number (TypeError otherwise) that is not NaN and not negative (RangeError),
 * the message naming the function and the option. +Infinity is a meaningful threshold (every singular
 * value / pivot counts as zero: rank 0), so it is accepted where the option is a threshold; a step
 * (numericGradient's eps) must be positive and finite.
 *
 * Regressions: matrixRank(A, { tol: NaN }) gave 0, { tol: -1 } full rank; nullSpace(A, { rtol: NaN })
 * a 2×2 basis for a nonsingular A; orth(S, { rtol: -1 }) and projection(S, { rcond: -1 }) the identity.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import {
  lstsq, pinv, matrixRank, nullSpace, orth, subspaces, projection, numericGradient, Matrix,
} from '../../../bindings/index.js';
import { setupApi, onBackend, BACKENDS } from '../../util/api.js';
import { disposeAll, expectThrows, heapUse } from './util.js';

beforeAll(setupApi);

const A = [[1, 2], [3, 4]]; // nonsingular
const S = [[1, 2], [2, 4]]; // rank 1

/** Every function with a threshold option: its name, the option's name, and a call with that option value. */
const thresholds: [fn: string, opt: string, call: (v: unknown) => unknown][] = [
  ['lstsq', 'rcond', (v) => lstsq(S, [1, 2], { rcond: v as number })],
  ['pinv', 'rtol', (v) => pinv(S, { rtol: v as number })],
  ['matrixRank', 'tol', (v) => matrixRank(A, { tol: v as number })],
  ['nullSpace', 'rtol', (v) => nullSpace(A, { rtol: v as number })],
  ['orth', 'rtol', (v) => orth(S, { rtol: v as number })],
  ['subspaces', 'rtol', (v) => subspaces(S, { rtol: v as number })],
  ['projection', 'rcond', (v) => projection(S, { rcond: v as number })],
];

describe.each(BACKENDS)('tolerance options on the %s backend', (b) => {
  it('the reported regressions now throw RangeError naming the function and the option', () => {
    onBackend(b, () => {
      expectThrows('matrixRank tol NaN', () => matrixRank(A, { tol: NaN }), RangeError, 'matrixRank', /tol/);
      expectThrows('matrixRank tol -1', () => matrixRank(S, { tol: -1 }), RangeError, 'matrixRank', /tol/);
      expectThrows('nullSpace rtol NaN', () => nullSpace(A, { rtol: NaN }), RangeError, 'nullSpace', /rtol/);
      expectThrows('orth rtol -1', () => orth(S, { rtol: -1 }), RangeError, 'orth', /rtol/);
      expectThrows('projection rcond -1', () => projection(S, { rcond: -1 }), RangeError, 'projection', /rcond/);
    });
  });

  it('NaN, negative and -Infinity: RangeError; non-numbers: TypeError; nothing allocated', () => {
    onBackend(b, () => {
      for (const [fn, opt, call] of thresholds) {
        const before = heapUse();
        for (const v of [NaN, -1, -1e-300, -Infinity]) {
          expectThrows(`${fn} ${opt}=${v}`, () => call(v), RangeError, fn, new RegExp(opt));
        }
        for (const v of ['1e-3', null, {}, [], true, 1n]) {
          expectThrows(`${fn} ${opt}=${String(v)}`, () => call(v), TypeError, fn, new RegExp(opt));
        }
        expect(heapUse(), `${fn}: nothing leaked`).toEqual(before);
      }
    });
  });

  it('0, a positive value, +Infinity and undefined are accepted (+Infinity: every value counts as zero)', () => {
    onBackend(b, () => {
      for (const [fn, , call] of thresholds) {
        for (const v of [0, 1e-3, Infinity, undefined]) disposeAll(call(v));
        void fn;
      }
      expect(matrixRank(A, { tol: Infinity })).toBe(0);
      expect(matrixRank(A, { tol: 0 })).toBe(2);
      expect(matrixRank(S)).toBe(1);
      using N = nullSpace(A, { rtol: Infinity });
      expect(N.shape).toEqual([2, 2]);
      const r = lstsq(S, [1, 2], { rcond: Infinity });
      expect([r.rank, ...r.x]).toEqual([0, 0, 0]);
      using P = projection(S, { rcond: Infinity });
      expect(P.toArray()).toEqual([[0, 0], [0, 0]]);
    });
  });

  it("numericGradient's eps: a positive finite number", () => {
    onBackend(b, () => {
      const f = (x: Float64Array): number => x[0]! * x[0]!;
      for (const v of [NaN, -1, 0, Infinity, -Infinity]) {
        expectThrows(`eps=${v}`, () => numericGradient(f, [1], { eps: v }), RangeError, 'numericGradient', /eps/);
      }
      for (const v of ['1e-6', null, {}]) {
        expectThrows(`eps=${String(v)}`, () => numericGradient(f, [1], { eps: v as never }), TypeError, 'numericGradient', /eps/);
      }
      expect(numericGradient(f, [1], { eps: 1e-6 })[0]).toBeCloseTo(2, 6);
      expect(numericGradient(f, [1], { eps: undefined })[0]).toBeCloseTo(2, 6);
    });
  });

  it('the option is checked before A is converted or factorised (a bad A is not reached)', () => {
    onBackend(b, () => {
      using D = Matrix.zeros(2, 2);
      D.dispose();
      // With a bad tolerance and a disposed A, the tolerance is what is reported: the check comes first.
      expectThrows('pinv', () => pinv(D, { rtol: NaN }), RangeError, 'pinv', /rtol/);
      expectThrows('matrixRank', () => matrixRank(D, { tol: -1 }), RangeError, 'matrixRank', /tol/);
      expectThrows('projection', () => projection(D, { rcond: NaN }), RangeError, 'projection', /rcond/);
    });
  });
});
