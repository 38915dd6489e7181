/**
 * Matrix.toJSON / Matrix.fromJSON: `{ rows, cols, data }` with `data` row-major; lossless — finite
 * numbers as JSON numbers (subnormals and the extremes included), NaN, ±Infinity and −0 as the
 * strings 'NaN', 'Infinity', '-Infinity', '-0' — so JSON.stringify → fromJSON gives back the same
 * bits. fromJSON validates everything (typed errors naming Matrix.fromJSON).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { Matrix, type MatrixJSON } from '../../../bindings/index.js';
import { setupApi, onBoth, onBackend, BACKENDS } from '../../util/api.js';
import { expectBitwise } from '../../util/tolerance.js';
import { expectError } from '../../util/errors.js';

beforeAll(setupApi);

const SPECIAL = [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, Number.MAX_VALUE, -Number.MAX_VALUE, Number.EPSILON, 0.1, 1 / 3, -1e-300, 1e300];

describe('toJSON', () => {
  it('row-major data, shape, and JSON.stringify writes it', () => {
    const A = Matrix.from([[1, 2, 3], [4, 5, 6]]);
    expect(A.toJSON()).toEqual({ rows: 2, cols: 3, data: [1, 2, 3, 4, 5, 6] });
    expect(JSON.stringify(A)).toBe('{"rows":2,"cols":3,"data":[1,2,3,4,5,6]}');
    expect(JSON.stringify({ A })).toBe('{"A":{"rows":2,"cols":3,"data":[1,2,3,4,5,6]}}');
  });

  it('NaN, ±Infinity and −0 become strings; everything else stays a number', () => {
    const A = Matrix.from([[NaN, Infinity], [-Infinity, -0], [0, 5e-324]]);
    expect(A.toJSON().data).toEqual(['NaN', 'Infinity', '-Infinity', '-0', 0, 5e-324]);
    expect(JSON.stringify(A)).toBe('{"rows":3,"cols":2,"data":["NaN","Infinity","-Infinity","-0",0,5e-324]}');
  });

  it('empty shapes', () => {
    expect(Matrix.zeros(0, 3).toJSON()).toEqual({ rows: 0, cols: 3, data: [] });
    expect(Matrix.zeros(4, 0).toJSON()).toEqual({ rows: 4, cols: 0, data: [] });
    expect(Matrix.fromJSON('{"rows":4,"cols":0,"data":[]}').shape).toEqual([4, 0]);
  });

  it('a disposed matrix: ReferenceError naming Matrix.toJSON', () => {
    const A = Matrix.eye(2);
    A.dispose();
    expectError(ReferenceError, 'toJSON', () => JSON.stringify(A), /^Matrix\.toJSON: the matrix was disposed/);
  });
});

describe.each(BACKENDS)('round trip on the %s backend', (b) => {
  it('JSON.stringify → fromJSON gives back the same bits (specials, subnormals, extremes, random)', () => {
    onBackend(b, () => {
      const values = new Float64Array(12 * 11);
      values.set(SPECIAL);
      const r = Matrix.randn(12, 11, { seed: 5 }).toFloat64Array();
      for (let k = SPECIAL.length; k < values.length; k++) values[k] = r[k]! * 10 ** ((k % 40) - 20);
      const A = Matrix.fromArray(values, 12, 11);
      const text = JSON.stringify(A);
      const B = Matrix.fromJSON(text);
      const C = Matrix.fromJSON(JSON.parse(text) as MatrixJSON);
      const D = Matrix.fromJSON(A.toJSON());
      expect(B.shape).toEqual([12, 11]);
      for (const M of [B, C, D]) expectBitwise('round trip', M.toFloat64Array(), values);
      [A, B, C, D].forEach((M) => M.dispose());
    });
  });
});

describe('fromJSON', () => {
  it('is the same on both backends (and stored where the backend puts it)', () => {
    const json: MatrixJSON = { rows: 9, cols: 9, data: Array.from({ length: 81 }, (_, k) => (k % 7 === 0 ? '-0' : k - 40)) };
    const out = onBoth('fromJSON', () => Matrix.fromJSON(json));
    expect(Object.is(out[0], -0)).toBe(true);
    expect(out[1]).toBe(-39);
  });

  it('bad input: typed errors naming Matrix.fromJSON', () => {
    const bad = (label: string, Type: typeof TypeError | typeof RangeError, input: unknown, msg: RegExp): void => {
      expectError(Type, label, () => Matrix.fromJSON(input as MatrixJSON), msg);
    };
    bad('not JSON', TypeError, '{rows: 1', /^Matrix\.fromJSON: the text is not valid JSON/);
    bad('JSON of a number', TypeError, '3', /^Matrix\.fromJSON: expected an object \{ rows, cols, data \}.*got number/);
    bad('null', TypeError, null, /^Matrix\.fromJSON: expected an object.*got null/);
    bad('an array', TypeError, [[1, 2]], /^Matrix\.fromJSON: expected an object.*got an array/);
    bad('rows missing', TypeError, { cols: 1, data: [1] }, /^Matrix\.fromJSON: rows must be a number/);
    bad('rows a string', TypeError, { rows: '1', cols: 1, data: [1] }, /^Matrix\.fromJSON: rows must be a number/);
    bad('rows negative', RangeError, { rows: -1, cols: 1, data: [] }, /^Matrix\.fromJSON: rows must be an integer/);
    bad('cols fractional', RangeError, { rows: 1, cols: 1.5, data: [1] }, /^Matrix\.fromJSON: cols must be an integer/);
    bad('too large', RangeError, { rows: 2 ** 20, cols: 2 ** 20, data: [] }, /^Matrix\.fromJSON: a 1048576×1048576 matrix is too large/);
    bad('data missing', TypeError, { rows: 1, cols: 1 }, /^Matrix\.fromJSON: data must be an array.*got undefined/);
    bad('data a typed array', TypeError, { rows: 1, cols: 1, data: Float64Array.of(1) }, /^Matrix\.fromJSON: data must be an array.*Float64Array/);
    bad('data nested', RangeError, { rows: 2, cols: 2, data: [[1, 2], [3, 4]] }, /^Matrix\.fromJSON: data has 2 entries but a 2×2 matrix needs 4$/);
    bad('data nested, right length', TypeError, { rows: 1, cols: 2, data: [[1], [2]] }, /^Matrix\.fromJSON: data\[0\] .*got an array$/);
    bad('data too short', RangeError, { rows: 2, cols: 3, data: [1, 2, 3, 4, 5] }, /^Matrix\.fromJSON: data has 5 entries but a 2×3 matrix needs 6$/);
    bad('data too long', RangeError, { rows: 1, cols: 1, data: [1, 2] }, /^Matrix\.fromJSON: data has 2 entries but a 1×1 matrix needs 1$/);
    bad('a null entry', TypeError, { rows: 1, cols: 2, data: [1, null] }, /^Matrix\.fromJSON: data\[1\] must be a number or one of 'NaN'.*got null \(null is what JSON\.stringify writes for NaN/);
    bad('an unknown string', TypeError, { rows: 1, cols: 1, data: ['nan'] }, /^Matrix\.fromJSON: data\[0\] .*got 'nan'$/);
    bad('a numeric string', TypeError, { rows: 1, cols: 1, data: ['1'] }, /^Matrix\.fromJSON: data\[0\] .*got '1'$/);
    bad('a boolean', TypeError, { rows: 1, cols: 1, data: [true] }, /^Matrix\.fromJSON: data\[0\] .*got boolean$/);
    bad('a JSON null entry', TypeError, JSON.stringify({ rows: 1, cols: 1, data: [NaN] }), /^Matrix\.fromJSON: data\[0\] .*null/);
  });

  it('inherited keys do not count as specials', () => {
    expectError(TypeError, 'toString', () => Matrix.fromJSON({ rows: 1, cols: 1, data: ['toString' as never] }), /data\[0\]/);
  });
});
