/**
 * Vectors vs matrices. matmul takes a 1-D operand with numpy's meaning: A·x (a Float64Array, as
 * matvec), x·B (the Float64Array xᵀB) and x·y (their inner product, a number, as dot); A.matmul(x)
 * likewise. Matrix.from of a flat array of numbers is a TypeError pointing to
 * Matrix.columnVector / Matrix.rowVector.
 */
import { describe, it, expect } from 'vitest';
import { Matrix, dot, matmul, matvec, transpose } from '../../../bindings/index.js';
import { onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { dense } from '../../util/dense.js';
import { expectBitwise } from '../../util/tolerance.js';
import { expectError } from '../../util/errors.js';

setupLapackSuite('api/methods/vectors');

describe('matmul with a vector operand (numpy’s meaning)', () => {
  it('A·x is a Float64Array, the bits of matvec, on both backends (typed arrays too)', () => {
    const x = Float64Array.from({ length: 11 }, (_, i) => Math.cos(i));
    for (const [m, n] of [[2, 2], [13, 11], [40, 11]] as const) {
      const y = onBoth(`matmul ${m}×${n}`, () => {
        const A = Matrix.randn(m, n, { seed: m });
        try {
          return matmul(A, x.subarray(0, n));
        } finally {
          A.dispose();
        }
      });
      const z = onBoth(`matvec ${m}×${n}`, () => {
        const A = Matrix.randn(m, n, { seed: m });
        try {
          return matvec(A, x.subarray(0, n));
        } finally {
          A.dispose();
        }
      });
      expectBitwise('matmul = matvec', y, z);
    }
    expect(Array.from(matmul([[1, 2], [3, 4]], [1, 1]))).toEqual([3, 7]);
    expect(Array.from(matmul([[1, 2], [3, 4]], Int32Array.of(1, 1)))).toEqual([3, 7]);
    expect(Array.from(Matrix.from([[1, 2], [3, 4]]).matmul([1, 1]))).toEqual([3, 7]);
  });

  it('x·B is the Float64Array xᵀB (exact on integers; = matvec(Bᵀ, x) to rounding), on both backends', () => {
    expect(Array.from(matmul([1, 1], [[1, 2], [3, 4]]))).toEqual([4, 6]);
    const x = Float64Array.from({ length: 17 }, (_, i) => i - 8);
    const y = onBoth('x·B', () => {
      const B = Matrix.randn(17, 12, { seed: 3 });
      try {
        return matmul(x, B);
      } finally {
        B.dispose();
      }
    });
    const B = Matrix.randn(17, 12, { seed: 3 });
    const Bt = transpose(B);
    const ref = matvec(Bt, x);
    const scale = B.toArray().reduce((s, row) => s + row.reduce((t, v) => t + Math.abs(v), 0), 0) * 8;
    y.forEach((v, j) => expect(Math.abs(v - ref[j]!)).toBeLessThanOrEqual(17 * 2 ** -52 * scale));
    B.dispose();
    Bt.dispose();
  });

  it('x·y of two vectors is the inner product (a number, as dot)', () => {
    expect(matmul([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(matmul(Float64Array.of(0.1, 0.2), [0.3, 0.4])).toBe(dot([0.1, 0.2], [0.3, 0.4]));
    expect(matmul([], [])).toBe(0);
  });

  it('empty shapes: an m×0 matrix times [] is m zeros; [] times a 0×n matrix is n zeros', () => {
    const y = matmul(Matrix.zeros(3, 0), [] as number[]); // (a bare [] literal types as a matrix: see matmul's doc)
    expect(y).toBeInstanceOf(Float64Array);
    expect(Array.from(y)).toEqual([0, 0, 0]);
    expect(Array.from(matmul([] as number[], Matrix.zeros(0, 4)))).toEqual([0, 0, 0, 0]);
    expect(matmul(Matrix.zeros(0, 2), [1, 2]).length).toBe(0);
  });

  it('wrong lengths: RangeError naming matmul and the shapes; inputs untouched', () => {
    guarded('A·x', [dense(2, 3, Float64Array.of(1, 2, 3, 4, 5, 6))], [Float64Array.of(1, 1)], ([A], [x]) => {
      expectError(RangeError, 'A·x', () => matmul(A!, x!), /^matmul: A is 2×3 but x has 2 entries \(needs 3\)$/);
      expectError(RangeError, 'A.matmul(x)', () => A!.matmul(x!), /^matmul: A is 2×3 but x has 2 entries \(needs 3\)$/);
      expectError(RangeError, 'x·B', () => matmul(x!.subarray(0, 1), A!), /^matmul: x has 1 entries but B is 2×3 \(needs 2\)$/);
    });
    expectError(RangeError, 'x·y', () => matmul([1, 2], [1, 2, 3]), /^matmul: vector lengths differ: 2 and 3$/);
  });

  it('bad vectors: TypeError naming matmul', () => {
    expectError(TypeError, 'bigint', () => matmul([[1]], BigInt64Array.of(1n) as never), /^matmul: x is a BigInt64Array/);
    expectError(TypeError, 'string entry', () => matmul([[1, 2]], [1, '2'] as never), /^matmul: x\[1\] must be a number/);
    expectError(TypeError, 'not a matrix', () => matmul([1, 2], 'B' as never), /^matmul: B must be a Matrix or an array of rows/);
  });

  it('matrix·matrix is unchanged (a Matrix)', () => {
    const C = matmul([[1, 2], [3, 4]], [[1], [1]]);
    expect(C).toBeInstanceOf(Matrix);
    expect(C.toArray()).toEqual([[3], [7]]);
  });
});

describe('Matrix.from of a vector', () => {
  it('is a TypeError pointing to Matrix.columnVector / Matrix.rowVector', () => {
    expectError(TypeError, 'flat array', () => Matrix.from([1, 2, 3] as never), /^Matrix\.from: data\[0\] is a number: a vector.*Matrix\.columnVector\(v\).*Matrix\.rowVector\(v\)/);
    expectError(TypeError, 'typed array', () => Matrix.from(Float64Array.of(1, 2) as never), /^Matrix\.from: data is a Float64Array: a vector.*Matrix\.columnVector/);
    // Still fine: nested rows, typed-array rows, no rows.
    expect(Matrix.from([[1, 2, 3]]).shape).toEqual([1, 3]);
    expect(Matrix.from([Float64Array.of(1), Float64Array.of(2)]).shape).toEqual([2, 1]);
    expect(Matrix.from([]).shape).toEqual([0, 0]);
  });
});
