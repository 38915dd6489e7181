/**
 * The Matrix API's operations on both backends: every result equal bit for bit between the WASM and
 * the JS backend, and checked against the reference — GEMM-like results within the scaled bound
 * 2·(k + 2)·ε·|A||B|, element-wise ones exactly. Shapes 0, 1, odd, tall, wide, block edges.
 * Inputs are Matrix objects and plain nested arrays.
 */
import { describe, it, expect } from 'vitest';
import {
  Matrix, add, sub, scale, hadamard, matmul, matvec, dot, outer, trace, diag, transpose, gram, clone, norm,
} from '../../../bindings/index.js';
import { setupApiSuite, onBoth } from '../../util/api.js';
import { withTuning } from '../../util/engines.js';
import { Rng, rows, colMajor, rowToCol, MATRIX_KINDS, type MatrixKind } from '../../util/generate.js';
import { gemmRef, gemvRef, dotRef } from '../../util/reference.js';
import { expectScaled, expectBitwise, expectScaledScalar } from '../../util/tolerance.js';

setupApiSuite('matrix ops');

const SHAPES: [number, number, number][] = [
  [0, 0, 0], [0, 3, 2], [3, 0, 2], [3, 2, 0], [1, 1, 1], [1, 5, 1], [5, 1, 1], [2, 3, 4], [7, 5, 3],
  [17, 13, 9], [64, 1, 64], [1, 64, 64], [129, 4, 257], [4, 129, 3], [33, 35, 37],
];

/** A Matrix of any shape (nested arrays cannot express 0×n) from nested rows. */
function M(a: number[][], m: number, n: number): Matrix {
  return Matrix.fromArray(Float64Array.from(a.flat()), m, n);
}

function mats(seed: number, kind: MatrixKind, m: number, k: number, n: number): { A: number[][]; B: number[][] } {
  const rng = new Rng(seed);
  return { A: rows(rng, kind, m, k), B: rows(rng, kind, k, n) };
}

describe('matmul', () => {
  it('against the Dot2 reference, wasm and js bit for bit, Matrix and number[][] operands', () => {
    let seed = 1;
    for (const [m, k, n] of SHAPES) {
      const kind = MATRIX_KINDS[seed % MATRIX_KINDS.length]!;
      const { A, B } = mats(seed++, kind, m, k, n);
      const label = `matmul ${m}×${k} · ${k}×${n} ${kind}`;
      const got = onBoth(label, () => {
        using Am = M(A, m, k);
        using Bm = M(B, k, n);
        return Am.matmul(Bm);
      });
      if (m > 0 && k > 0) {
        // Nested rows cannot express 0×n; where they can, they must give the same bits.
        expectBitwise(`${label}: arrays`, onBoth(`${label} (arrays)`, () => matmul(A, B)), got);
        expectBitwise(`${label}: Matrix · arrays`, onBoth(`${label} (Matrix · arrays)`, () => {
          using Am = M(A, m, k);
          return Am.matmul(B);
        }), got);
      }
      const ref = gemmRef(false, false, m, n, k, 1, { data: colMajor(A, m, k), off: 0, ld: Math.max(1, m) },
        { data: colMajor(B, k, n), off: 0, ld: Math.max(1, k) }, 0, { data: new Float64Array(1), off: 0, ld: 1 });
      expectScaled(label, rowToCol(got, m, n), ref.value, ref.bound, 2 * (k + 2));
    }
  });

  it('with tiny odd blocking set through the Backend objects, still within the bound of the reference', () => {
    const { A, B } = mats(5, 'normal', 19, 23, 17);
    withTuning({ gemmMC: 8, gemmKC: 5, gemmNC: 12 }, () => {
      const got = onBoth('matmul blocked', () => matmul(A, B));
      const ref = gemmRef(false, false, 19, 17, 23, 1, { data: colMajor(A, 19, 23), off: 0, ld: 19 },
        { data: colMajor(B, 23, 17), off: 0, ld: 23 }, 0, { data: new Float64Array(1), off: 0, ld: 1 });
      expectScaled('matmul blocked', rowToCol(got, 19, 17), ref.value, ref.bound, 2 * 25);
    });
  });

  it('an exact integer product: [[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]]', () => {
    expect(Array.from(onBoth('2×2', () => matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])))).toEqual([19, 22, 43, 50]);
  });

  it('A.dot(B) is matmul for a Matrix or nested rows, matvec for a vector', () => {
    using A = Matrix.from([[1, 2], [3, 4]]);
    using B = Matrix.from([[1, 0], [0, 1]]);
    using C = A.dot(B);
    expect(C.toArray()).toEqual([[1, 2], [3, 4]]);
    using D = A.dot([[0, 1], [1, 0]]);
    expect(D.toArray()).toEqual([[2, 1], [4, 3]]);
    expect(Array.from(A.dot([1, 1]))).toEqual([3, 7]);
    expect(Array.from(A.dot(Float64Array.of(1, -1)))).toEqual([-1, -1]);
  });
});

describe('matvec and dot', () => {
  it('matvec against the reference on both backends, Float64Array and number[] vectors', () => {
    let seed = 100;
    for (const [m, n] of [[0, 0], [0, 3], [3, 0], [1, 1], [5, 7], [7, 5], [33, 4], [4, 33], [130, 9]] as const) {
      const rng = new Rng(seed++);
      const A = rows(rng, 'normal', m, n);
      const x = Array.from({ length: n }, () => rng.normal());
      const got = onBoth(`matvec ${m}×${n}`, () => {
        using Am = M(A, m, n);
        return Am.matvec(Float64Array.from(x));
      });
      if (m > 0) expectBitwise('matvec number[][] and number[]', onBoth(`matvec ${m}×${n} arrays`, () => matvec(A, x)), got);
      const ref = gemvRef(false, m, n, 1, { data: colMajor(A, m, n), off: 0, ld: Math.max(1, m) }, Float64Array.from(x), 0, 1, 0, new Float64Array(m), 0, 1);
      expectScaled(`matvec ${m}×${n}`, got, ref.value, ref.bound, 2 * (n + 2));
    }
  });

  it('dot of two vectors against Dot2; dot(A, x) is matvec; dot(A, B) is matmul', () => {
    for (const n of [0, 1, 2, 3, 10, 101]) {
      const rng = new Rng(n);
      const x = Array.from({ length: n }, () => rng.normal());
      const y = Array.from({ length: n }, () => rng.normal());
      const got = onBoth(`dot n=${n}`, () => dot(x, y))[0]!;
      const ref = dotRef(n, Float64Array.from(x), 0, 1, Float64Array.from(y), 0, 1);
      expectScaledScalar(`dot n=${n}`, got, ref.value, ref.bound, n + 1);
    }
    expect(Array.from(onBoth('dot(A, x)', () => dot([[1, 2], [3, 4]], [1, 1])))).toEqual([3, 7]);
    expect(Array.from(onBoth('dot(A, B)', () => dot([[1, 2], [3, 4]], [[1], [1]])))).toEqual([3, 7]);
  });

  it('outer(x, y)ᵢⱼ = xᵢ·yⱼ exactly', () => {
    const rng = new Rng(3);
    for (const [m, n] of [[0, 0], [0, 2], [2, 0], [1, 1], [5, 3], [3, 9]] as const) {
      const x = Array.from({ length: m }, () => rng.normal());
      const y = Float64Array.from({ length: n }, () => rng.normal());
      const got = onBoth(`outer ${m}×${n}`, () => outer(x, y));
      const want = new Float64Array(m * n);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) want[i * n + j] = x[i]! * y[j]!;
      expectBitwise(`outer ${m}×${n}`, got, want);
    }
  });
});

describe('element-wise operations are exact', () => {
  const shapes = [[0, 0], [0, 4], [4, 0], [1, 1], [2, 3], [7, 5], [16, 1], [1, 16], [31, 33]] as const;
  it('add, sub, hadamard, scale equal their formula entry by entry', () => {
    let seed = 7;
    for (const [m, n] of shapes) {
      const rng = new Rng(seed++);
      const A = rows(rng, 'wide', m, n);
      const B = rows(rng, 'normal', m, n);
      const a = A.flat();
      const b = B.flat();
      const onMatrices = <T>(f: (A: Matrix, B: Matrix) => T): T => {
        using Am = M(A, m, n);
        using Bm = M(B, m, n);
        return f(Am, Bm);
      };
      expectBitwise(`add ${m}×${n}`, onBoth('add', () => onMatrices(add)), Float64Array.from(a, (v, i) => v + b[i]!));
      expectBitwise(`sub ${m}×${n}`, onBoth('sub', () => onMatrices(sub)), Float64Array.from(a, (v, i) => v - b[i]!));
      expectBitwise(`hadamard ${m}×${n}`, onBoth('hadamard', () => onMatrices(hadamard)), Float64Array.from(a, (v, i) => v * b[i]!));
      if (m > 0) expectBitwise(`add arrays ${m}×${n}`, onBoth('add arrays', () => add(A, B)), Float64Array.from(a, (v, i) => v + b[i]!));
      for (const alpha of [0, -1, 0.1, 3e5]) {
        expectBitwise(`scale ${m}×${n} by ${alpha}`, onBoth('scale', () => onMatrices((X) => scale(X, alpha))), Float64Array.from(a, (v) => alpha * v));
      }
      if (m === 0) continue;
      const viaMethods = onBoth('methods', () => {
        using Am = Matrix.from(A);
        using S = Am.add(B);
        using D = S.sub(B);
        using H = D.hadamard(B);
        return H.scale(2);
      });
      expectBitwise('methods chain', viaMethods, Float64Array.from(a, (v, i) => 2 * (((v + b[i]!) - b[i]!) * b[i]!)));
    }
  });

  it('transpose, clone, trace and diag are exact', () => {
    let seed = 9;
    for (const [m, n] of shapes) {
      const rng = new Rng(seed++);
      const A = rows(rng, 'normal', m, n);
      const t = onBoth(`transpose ${m}×${n}`, () => {
        using Am = M(A, m, n);
        return transpose(Am);
      });
      expect(t.length).toBe(m * n);
      const want = new Float64Array(m * n);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) want[j * m + i] = A[i]![j]!;
      expectBitwise(`transpose ${m}×${n}`, t, want);
      expectBitwise(`clone ${m}×${n}`, onBoth('clone', () => clone(A)), Float64Array.from(A.flat()));
      let tr = 0;
      for (let i = 0; i < Math.min(m, n); i++) tr += A[i]![i]!;
      expect(onBoth('trace', () => trace(A))[0]).toBe(tr);
      const d = Float64Array.from({ length: Math.min(m, n) }, (_, i) => A[i]![i]!);
      expectBitwise('diag', onBoth('diag', () => diag(A)), d);
    }
  });

  it('diag(vector) builds the diagonal matrix; Matrix.diagonal is the same', () => {
    expect(Array.from(onBoth('diag(v)', () => diag([1, 2, 3])))).toEqual([1, 0, 0, 0, 2, 0, 0, 0, 3]);
    expect(Array.from(onBoth('Matrix.diagonal', () => Matrix.diagonal(Float64Array.of(4, 5))))).toEqual([4, 0, 0, 5]);
    expect(Array.from(onBoth('diag([])', () => diag([])))).toEqual([]);
  });

  it('a clone is independent of its source', () => {
    using A = Matrix.from([[1, 2], [3, 4]]);
    using B = A.clone();
    B.set(0, 0, 99);
    expect(A.get(0, 0)).toBe(1);
    expect(B.get(0, 0)).toBe(99);
  });
});

describe('gram', () => {
  it('AᵀA and AAᵀ within the bound of the reference, exactly symmetric, both backends bit for bit', () => {
    let seed = 20;
    for (const [m, n] of [[0, 0], [0, 3], [3, 0], [1, 1], [5, 3], [3, 5], [40, 7], [7, 130], [131, 9]] as const) {
      const rng = new Rng(seed++);
      const A = rows(rng, MATRIX_KINDS[seed % MATRIX_KINDS.length]!, m, n);
      const Acm = { data: colMajor(A, m, n), off: 0, ld: Math.max(1, m) };
      const zero = { data: new Float64Array(1), off: 0, ld: 1 };
      for (const rowsOpt of [false, true]) {
        const s = rowsOpt ? m : n;
        const k = rowsOpt ? n : m;
        const G = onBoth(`gram ${m}×${n} rows=${rowsOpt}`, () => {
          using Am = M(A, m, n);
          return gram(Am, { rows: rowsOpt });
        });
        expect(G.length).toBe(s * s);
        for (let i = 0; i < s; i++) for (let j = 0; j < i; j++) expect(G[i * s + j], `G(${i},${j}) = G(${j},${i})`).toBe(G[j * s + i]);
        const ref = gemmRef(!rowsOpt, rowsOpt, s, s, k, 1, Acm, Acm, 0, zero);
        expectScaled(`gram ${m}×${n} rows=${rowsOpt}`, rowToCol(G, s, s), ref.value, ref.bound, 2 * (k + 2));
      }
    }
  });

  it('A.gram() is AᵀA by default', () => {
    using A = Matrix.from([[1, 2], [3, 4], [5, 6]]);
    using G = A.gram();
    expect(G.toArray()).toEqual([[35, 44], [44, 56]]);
    using H = A.gram({ rows: true });
    expect(H.toArray()).toEqual([[5, 11, 17], [11, 25, 39], [17, 39, 61]]);
  });
});

describe('norm', () => {
  it('matrix norms: fro, 1, Infinity on both backends; vector norms 1, 2, Infinity', () => {
    const A = [[1, -2], [-3, 4]];
    expect(onBoth('fro', () => norm(A))[0]).toBe(Math.sqrt(30));
    expect(onBoth('one', () => norm(A, 1))[0]).toBe(6);
    expect(onBoth('inf', () => norm(A, Infinity))[0]).toBe(7);
    expect(onBoth('v2', () => norm([3, -4]))[0]).toBe(5);
    expect(onBoth('v1', () => norm(Float64Array.of(3, -4), 1))[0]).toBe(7);
    expect(onBoth('vinf', () => norm([3, -4], Infinity))[0]).toBe(4);
    using M = Matrix.from(A);
    expect(M.norm()).toBe(Math.sqrt(30));
    expect(M.norm(1)).toBe(6);
  });
});
