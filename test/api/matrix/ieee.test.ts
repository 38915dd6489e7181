/**
 * NaN and Inf through the public API propagate as IEEE arithmetic says (no shortcuts that would
 * hide them, no checks that would throw), identically on both backends.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { Matrix, add, sub, scale, hadamard, matmul, matvec, dot, transpose, gram, trace, norm, outer } from '../../../bindings/index.js';
import { setupApi, onBoth } from '../../util/api.js';

beforeAll(setupApi);

const nanAt = (xs: Float64Array): boolean[] => Array.from(xs, Number.isNaN);

describe('IEEE propagation', () => {
  it('element-wise: NaN stays NaN, Inf − Inf = NaN, 0·Inf = NaN, overflow to Inf', () => {
    const A = [[NaN, Infinity], [1, -0]];
    const B = [[1, Infinity], [1e308, 0]];
    expect(nanAt(onBoth('add', () => add(A, B)))).toEqual([true, false, false, false]);
    expect(Array.from(onBoth('sub', () => sub(A, B)))).toEqual([NaN, NaN, 1 - 1e308, -0]);
    expect(Object.is(onBoth('sub', () => sub(A, B))[3], -0)).toBe(true);
    expect(Array.from(onBoth('hadamard', () => hadamard(A, [[1, 0], [2, 3]])))).toEqual([NaN, NaN, 2, -0]);
    expect(Array.from(onBoth('scale 0', () => scale(A, 0)))).toEqual([NaN, NaN, 0, -0]);
    expect(Array.from(onBoth('scale ∞', () => scale([[1e308, -2]], 10)))).toEqual([Infinity, -20]);
    expect(Array.from(onBoth('transpose', () => transpose(A)))).toEqual([NaN, 1, Infinity, -0]);
  });

  it('matmul: a NaN fills its row of AB (0·NaN = NaN); Inf gives ±Inf or NaN as the terms say', () => {
    const A = [[1, 2, 3], [4, NaN, 6], [7, 8, 9]];
    const I = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
    expect(nanAt(onBoth('matmul NaN', () => matmul(A, I)))).toEqual([false, false, false, true, true, true, false, false, false]);
    expect(Array.from(onBoth('Inf', () => matmul([[Infinity, 1]], [[1], [1]])))).toEqual([Infinity]);
    expect(Array.from(onBoth('Inf − Inf', () => matmul([[Infinity, -Infinity]], [[1], [1]])))).toEqual([NaN]);
    expect(Array.from(onBoth('0·Inf', () => matmul([[0]], [[Infinity]])))).toEqual([NaN]);
    expect(Array.from(onBoth('overflow', () => matmul([[1e200]], [[1e200]])))).toEqual([Infinity]);
    // A larger product through the packed, blocked path (edge tiles included).
    const big = Array.from({ length: 9 }, (_, i) => Array.from({ length: 7 }, (_, j) => (i === 5 && j === 2 ? NaN : 1)));
    const ones = Array.from({ length: 7 }, () => Array.from({ length: 6 }, () => 1));
    const r = onBoth('matmul 9×7·7×6 NaN', () => matmul(big, ones));
    for (let i = 0; i < 9; i++) for (let j = 0; j < 6; j++) expect(Number.isNaN(r[i * 6 + j]!), `(${i},${j})`).toBe(i === 5);
  });

  it('matvec, dot, outer, gram, trace, norm', () => {
    expect(nanAt(onBoth('matvec', () => matvec([[1, NaN], [2, 3]], [1, 1])))).toEqual([true, false]);
    expect(Array.from(onBoth('matvec Inf', () => matvec([[1, 2], [3, 4]], [Infinity, 0])))).toEqual([Infinity, Infinity]);
    expect(onBoth('dot NaN', () => dot([1, NaN, 3], [1, 1, 1]))[0]).toBeNaN();
    expect(onBoth('dot Inf', () => dot([Infinity, 1], [2, 3]))[0]).toBe(Infinity);
    // 0·(−1) lands as +0: GEMM accumulates from +0 (as reference BLAS does), and +0 + −0 = +0.
    expect(Array.from(onBoth('outer', () => outer([Infinity, 0, NaN], [1, -1])))).toEqual([Infinity, -Infinity, 0, 0, NaN, NaN]);
    const G = onBoth('gram', () => gram([[Infinity, 1], [0, 1]]));
    expect(G[0]).toBe(Infinity);
    expect(G[1]).toBe(Infinity);
    expect(G[2]).toBe(Infinity);
    expect(G[3]).toBe(2);
    expect(onBoth('trace', () => trace([[NaN, 1], [1, 1]]))[0]).toBeNaN();
    for (const ord of ['fro', 1, Infinity] as const) {
      expect(onBoth(`norm ${ord} NaN`, () => norm([[1, 2], [NaN, 4]], ord))[0]).toBeNaN();
      expect(onBoth(`norm ${ord} Inf`, () => norm([[1, 2], [-Infinity, 4]], ord))[0]).toBe(Infinity);
    }
    for (const ord of [1, 2, Infinity] as const) {
      expect(onBoth(`vector norm ${ord} NaN`, () => norm([1, NaN, 2], ord))[0]).toBeNaN();
      expect(onBoth(`vector norm ${ord} Inf`, () => norm([1, -Infinity], ord))[0]).toBe(Infinity);
    }
  });

  it('NaN set through set() is kept and propagates', () => {
    const r = onBoth('set NaN', () => {
      using A = Matrix.ones(3, 3);
      A.set(1, 1, NaN);
      using B = A.matmul(A);
      return B.transpose();
    });
    // Row 1 and column 1 of A·A contain the NaN.
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(Number.isNaN(r[i * 3 + j]!)).toBe(i === 1 || j === 1);
  });
});
