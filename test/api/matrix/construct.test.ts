/**
 * Construction and access: from, fromArray, zeros, ones, full, eye, diagonal, random/randn (seeded,
 * identical on both backends), toArray, toFloat64Array, row, column, get/set, shape, backend.
 * Storage is column-major inside and row-major at the API: these tests pin that boundary down.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { Matrix } from '../../../bindings/index.js';
import { setupApi, onBoth, onBackend, BACKENDS, storedOn } from '../../util/api.js';
import { expectBitwise } from '../../util/tolerance.js';

beforeAll(setupApi);

describe.each(BACKENDS)('construction on the %s backend', (b) => {
  it('from / toArray / toFloat64Array round-trip, row-major at the API', () => {
    onBackend(b, () => {
      const data = [[1, 2, 3], [4, 5, 6]];
      using A = Matrix.from(data);
      expect(A.shape).toEqual([2, 3]);
      expect(A.rows).toBe(2);
      expect(A.cols).toBe(3);
      expect(A.backend).toBe(storedOn(b, A)); // 6 entries: the JS heap on either backend
      expect(A.toArray()).toEqual(data);
      expect(Array.from(A.toFloat64Array())).toEqual([1, 2, 3, 4, 5, 6]);
      expect(Array.from(A.row(1))).toEqual([4, 5, 6]);
      expect(Array.from(A.column(2))).toEqual([3, 6]);
      expect(A.get(1, 0)).toBe(4);
      using F = Matrix.from([Float64Array.of(1, 2), Float64Array.of(3, 4)]);
      expect(F.toArray()).toEqual([[1, 2], [3, 4]]);
    });
  });

  it('fromArray reads row-major data (any ArrayLike) and copies it', () => {
    onBackend(b, () => {
      const src = Float64Array.of(1, 2, 3, 4, 5, 6);
      using A = Matrix.fromArray(src, 3, 2);
      expect(A.toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
      src[0] = 100;
      expect(A.get(0, 0)).toBe(1);
      using B = Matrix.fromArray([7, 8], 1, 2);
      expect(B.toArray()).toEqual([[7, 8]]);
      using E = Matrix.fromArray([], 0, 5);
      expect(E.shape).toEqual([0, 5]);
      expect(E.toArray()).toEqual([]);
    });
  });

  it('zeros, ones, full, eye (square and rectangular), diagonal', () => {
    onBackend(b, () => {
      using Z = Matrix.zeros(2, 3);
      expect(Z.toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
      using O = Matrix.ones(1, 2);
      expect(O.toArray()).toEqual([[1, 1]]);
      using F = Matrix.full(2, 2, -2.5);
      expect(F.toArray()).toEqual([[-2.5, -2.5], [-2.5, -2.5]]);
      using N = Matrix.full(1, 2, NaN);
      expect(N.toArray()[0]!.every(Number.isNaN)).toBe(true);
      using I = Matrix.eye(3);
      expect(I.toArray()).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
      using R = Matrix.eye(2, 4);
      expect(R.toArray()).toEqual([[1, 0, 0, 0], [0, 1, 0, 0]]);
      using T = Matrix.eye(3, 1);
      expect(T.toArray()).toEqual([[1], [0], [0]]);
      using D = Matrix.diagonal([2, 3]);
      expect(D.toArray()).toEqual([[2, 0], [0, 3]]);
    });
  });

  it('empty shapes: 0×0, 0×n, n×0', () => {
    onBackend(b, () => {
      for (const [m, n] of [[0, 0], [0, 4], [4, 0]] as const) {
        using Z = Matrix.zeros(m, n);
        expect(Z.shape).toEqual([m, n]);
        expect(Z.toFloat64Array().length).toBe(0);
        expect(Z.toArray()).toEqual(Array.from({ length: m }, () => []));
      }
      using E = Matrix.from([]);
      expect(E.shape).toEqual([0, 0]);
    });
  });

  it('set writes one entry in place and returns the matrix', () => {
    onBackend(b, () => {
      using A = Matrix.zeros(2, 2);
      expect(A.set(1, 0, 5)).toBe(A);
      expect(A.toArray()).toEqual([[0, 0], [5, 0]]);
      A.set(0, 1, -0);
      expect(Object.is(A.get(0, 1), -0)).toBe(true);
    });
  });
});

describe('random matrices', () => {
  it('the same seed gives the same matrix on both backends; different seeds differ', () => {
    const a = onBoth('random seed 1', () => Matrix.random(7, 5, { seed: 1 }));
    const b = onBoth('random seed 1 again', () => Matrix.random(7, 5, { seed: 1 }));
    expectBitwise('same seed', a, b);
    const c = onBoth('random seed 2', () => Matrix.random(7, 5, { seed: 2 }));
    expect(Array.from(c)).not.toEqual(Array.from(a));
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
    const n = onBoth('randn', () => Matrix.randn(50, 40, { seed: 3 }));
    const mean = n.reduce((s, v) => s + v, 0) / n.length;
    // 2000 standard normals: the mean is within 5 standard errors (5/√2000 ≈ 0.11) of 0.
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n.length));
  });

  it('fills row by row: a k×n prefix of a seeded m×n matrix equals the seeded k×n matrix', () => {
    using A = Matrix.random(6, 4, { seed: 9 });
    using B = Matrix.random(3, 4, { seed: 9 });
    expect(A.toArray().slice(0, 3)).toEqual(B.toArray());
  });
});

describe('toString', () => {
  it('shows the shape, and works after dispose', () => {
    const A = Matrix.from([[1, 2], [3, 4]]);
    expect(A.toString()).toContain('2×2');
    A.dispose();
    expect(A.toString()).toContain('disposed');
  });
});
