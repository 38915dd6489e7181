/**
 * matrixPower, multiDot, kron and cross on both backends bit for bit, inputs guarded, no leaks
 * (setupLapackSuite), against numpy's outputs (test/scipy/gen_rref_misc.py → rref_misc.json):
 *
 *   kron, cross    equal to numpy bit for bit (one product, or a product and a difference, per entry, in
 *                  numpy's order)
 *   matrixPower    max|P − P_np| / (|k|·n·ε·max(B)) ≤ 30 with B = |A|^|k| (entrywise absolute values
 *                  multiplied: the error bound of a product chain), and for k < 0 B = |A⁻¹|^|k|·κ₁(A) (the
 *                  inverse's error, amplified by the powers); k = 0 is I exactly; Fibonacci exactly
 *   multiDot       max|P − P_np| / (Σ inner dims·ε·max(|A₀|·|A₁|·…)) ≤ 30, including vector first/last
 *                  operands (Float64Array result; a number when both are vectors) and an empty inner dim
 *   errors         shapes, types, k not a safe integer, singular A with k < 0, fewer than 2 operands,
 *                  vector operands in the middle, cross of non-3-vectors; empty shapes as numpy
 */
import { describe, it, expect } from 'vitest';
import { matrixPower, multiDot, kron, cross, Matrix } from '../../../bindings/index.js';
import { onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { cond1, dense, eye, inverse, mul, type Dense } from '../../util/dense.js';
import { expectRatio } from '../../util/ratios.js';
import { expectError, expectLinAlgError } from '../../util/errors.js';
import { EPS, expectBitwise } from '../../util/tolerance.js';
import { isRefMatrix, loadCases, num, rows, vec, type RefCase, type RefMatrix, type RefNumber } from '../../util/scipy.js';
import data from '../../scipy/rref_misc.json' with { type: 'json' };

setupLapackSuite('api/products');

const cases = loadCases(data);
const named = (prefix: string): RefCase[] => cases.filter((c) => c.name.startsWith(prefix));

/** A reference matrix as Dense (its shape kept when it is empty). */
function refDense(v: RefMatrix): Dense {
  return dense(v.rows, v.cols, Float64Array.from(v.data, num));
}

/** A reference value as Dense (a vector as a 1×n row, or n×1 when `column`). */
function asDense(v: unknown, column = false): Dense {
  if (isRefMatrix(v)) return refDense(v);
  const x = vec(v);
  return column ? dense(x.length, 1, x) : dense(1, x.length, x);
}

/** The operand as the API takes it: a Matrix for a matrix, a Float64Array for a vector. */
function operand(v: unknown): Dense | Float64Array {
  return isRefMatrix(v) ? refDense(v) : vec(v);
}

const absD = (A: Dense): Dense => dense(A.m, A.n, A.a.map(Math.abs));
const maxAbs = (x: ArrayLike<number>): number => Array.from(x).reduce((s, v) => Math.max(s, Math.abs(v)), 0);
const maxDiff = (x: ArrayLike<number>, y: ArrayLike<number>): number => {
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i]! - y[i]!));
  return d;
};

describe('kron and cross: numpy bit for bit', () => {
  for (const c of named('kron ')) {
    it(c.name, () => {
      const a = operand(c.inputs.A);
      const b = operand(c.inputs.B);
      const want = c.outputs.K;
      const mats = [a, b].filter((x): x is Dense => !(x instanceof Float64Array));
      const got = onBoth(c.name, () =>
        guarded(c.name, mats, [], (Ms) => {
          let t = 0;
          const arg = (x: Dense | Float64Array): Matrix | Float64Array => (x instanceof Float64Array ? x : Ms[t++]!);
          const A = arg(a);
          const B = arg(b);
          return kron(A, B);
        }),
      );
      const ref = isRefMatrix(want) ? Float64Array.from(want.data as RefNumber[], num) : vec(want);
      expectBitwise(`${c.name}: vs numpy`, got, ref);
      if (isRefMatrix(want)) {
        const [X, Y] = mats.map((D) => Matrix.fromArray(D.a, D.m, D.n));
        const K = kron(a instanceof Float64Array ? a : X!, b instanceof Float64Array ? b : mats.length === 2 ? Y! : X!) as Matrix;
        expect(K.shape).toEqual([want.rows, want.cols]);
        for (const M of [K, X, Y]) M?.dispose();
      }
    });
  }

  it('cross: the numpy cases bit for bit, any VectorLike', () => {
    for (const c of named('cross ')) {
      const x = vec(c.inputs.x);
      const y = vec(c.inputs.y);
      const got = onBoth(c.name, () => cross(x, y));
      expectBitwise(`${c.name}: vs numpy`, got, vec(c.outputs.c));
      expectBitwise(`${c.name}: x unchanged`, x, vec(c.inputs.x));
    }
    expectBitwise('Int32Array / number[]', cross(new Int32Array([1, 2, 3]), [4, 5, 6]), [-3, 6, -3]);
    expectBitwise('Float32Array', cross(new Float32Array([0, 0, 1]), new Uint8Array([1, 0, 0])), [0, 1, 0]);
  });

  it('errors and empty shapes', () => {
    expectError(RangeError, 'cross 2-vectors', () => cross([1, 2], [3, 4]), /cross: x and y must be 3-vectors, got lengths 2 and 2/);
    expectError(RangeError, 'cross 3 and 4', () => cross([1, 2, 3], [3, 4, 5, 6]), /lengths 3 and 4/);
    expectError(TypeError, 'cross matrix', () => cross([[1, 2, 3]] as unknown as number[], [1, 2, 3]), /cross: x\[0\] must be a number/);
    expectError(TypeError, 'cross bigint', () => cross(new BigInt64Array(3) as unknown as number[], [1, 2, 3]), /cross: x is a BigInt64Array/);
    expectError(TypeError, 'kron string', () => kron('A' as unknown as Matrix, [[1]]), /kron: A must be a Matrix/);
    expectError(RangeError, 'kron too large', () => kron(Matrix.zeros(0, 1 << 15), Matrix.zeros(0, 1 << 14)), /kron: cols must be an integer in \[0, 2\^28\]/);
    const e = onBoth('kron 0×3 ⊗ 2×2', () => kron(Matrix.zeros(0, 3), [[1, 2], [3, 4]]));
    expect(e.length).toBe(0);
    const K = kron(Matrix.zeros(0, 3), [[1, 2], [3, 4]]) as Matrix;
    expect(K.shape).toEqual([0, 6]);
    K.dispose();
    expect(kron([] as number[], [1, 2]).length).toBe(0);
  });
});

describe('matrixPower: numpy matrix_power', () => {
  for (const c of named('matrix_power ')) {
    it(c.name, () => {
      const A = asDense(c.inputs.A);
      const k = c.inputs.k as number;
      const n = A.m;
      const want = asDense(c.outputs.P);
      const got = onBoth(c.name, () => guarded(c.name, [A], [], ([M]) => matrixPower(M!, k)));
      if (k === 0) return expectBitwise(`${c.name}: identity`, got, eye(n).a);
      if (c.name.includes('fibonacci')) return expectBitwise(`${c.name}: exact`, got, want.a);
      const base = k > 0 ? absD(A) : absD(inverse(A));
      let B = base;
      for (let i = 1; i < Math.abs(k); i++) B = mul(B, base);
      const scale = maxAbs(B.a) * (k < 0 ? cond1(A) : 1);
      expectRatio(`${c.name}: vs numpy`, maxDiff(got, want.a) / (Math.abs(k) * n * EPS * scale), 'matrixPower vs numpy');
    });
  }

  it('singular A with k < 0, non-square, bad k, empty', () => {
    expectLinAlgError('singular', () => matrixPower([[1, 2], [2, 4]], -1), 'singular', undefined, /matrixPower: A \(2×2\) is singular/);
    expectLinAlgError('NaN k < 0', () => matrixPower([[1, NaN], [0, 1]], -2), 'not-finite', undefined, /^matrixPower: A contains NaN or Inf \(a negative power needs A⁻¹\)$/);
    expectError(RangeError, 'non-square', () => matrixPower([[1, 2, 3]], 2), /matrixPower: A must be square, got 1×3/);
    expectError(RangeError, 'k = 1.5', () => matrixPower([[1]], 1.5), /matrixPower: k must be a \(safe\) integer, got 1.5/);
    expectError(RangeError, 'k = 2^53', () => matrixPower([[1]], 2 ** 53), /safe/);
    expectError(RangeError, 'k = Infinity', () => matrixPower([[1]], Infinity), /safe/);
    expectError(TypeError, 'k string', () => matrixPower([[1]], '2' as unknown as number), /matrixPower: k must be a number/);
    for (const k of [-3, 0, 1, 5]) {
      const P = onBoth(`0×0 k=${k}`, () => matrixPower(Matrix.zeros(0, 0), k));
      expect(P.length).toBe(0);
    }
    // NaN propagates for k > 0, as matmul
    const P = matrixPower([[1, NaN], [0, 1]], 2);
    expect(Number.isNaN(P.get(0, 1))).toBe(true);
    P.dispose();
    // a large k: 2^40 of a 2×2 rotation-free matrix stays finite (repeated squaring, ≈ 80 products)
    const Q = onBoth('k = 2^40 + 1', () => matrixPower([[1, 0], [0, 1]], 2 ** 40 + 1));
    expectBitwise('I^(2^40+1)', Q, [1, 0, 0, 1]);
  });
});

describe('multiDot: numpy multi_dot', () => {
  for (const c of named('multi_dot ')) {
    it(c.name, () => {
      const arrs = c.inputs.arrays as unknown[];
      const N = arrs.length;
      const ops = arrs.map(operand);
      const mats = ops.filter((x): x is Dense => !(x instanceof Float64Array));
      const got = onBoth(c.name, () =>
        guarded(c.name, mats, [], (Ms) => {
          let t = 0;
          const out = multiDot(ops.map((x) => (x instanceof Float64Array ? x : Ms[t++]!)));
          return out as Matrix | Float64Array | number;
        }),
      );
      const dims = arrs.map((v, i) => asDense(v, i === N - 1));
      let B = absD(dims[0]!);
      let inner = 0;
      for (let i = 1; i < N; i++) {
        inner += dims[i]!.m;
        B = mul(B, absD(dims[i]!));
      }
      const want = c.outputs.P;
      const ref = typeof want === 'number' ? [want] : isRefMatrix(want) ? Float64Array.from(want.data as RefNumber[], num) : vec(want);
      expect(got.length, `${c.name}: size`).toBe(ref.length);
      const top = maxAbs(B.a);
      expectRatio(`${c.name}: vs numpy`, top === 0 ? maxDiff(got, ref) : maxDiff(got, ref) / (inner * EPS * top), 'multiDot vs numpy');
    });
  }

  it('result kinds: Matrix, Float64Array, number', () => {
    const M = multiDot([[[1, 2], [3, 4]], [[1, 0], [0, 1]], [[2], [1]]]) as Matrix;
    expect(M.toArray()).toEqual([[4], [10]]);
    M.dispose();
    expect(multiDot([[1, 2], [[1, 0], [0, 1]], [3, 4]])).toBe(11);
    expectBitwise('row first', multiDot([new Float32Array([1, 1]), [[1, 2], [3, 4]], [[1, 0], [0, 1]]]) as Float64Array, [4, 6]);
    expectBitwise('column last', multiDot([[[1, 2], [3, 4]], [[1, 0], [0, 1]], [1, 1]]) as Float64Array, [3, 7]);
    expect(multiDot([[] as number[], Matrix.zeros(0, 0), [] as number[]])).toBe(0);
  });

  it('errors', () => {
    expectError(RangeError, 'one operand', () => multiDot([[[1]]]), /multiDot: needs at least 2 operands, got 1/);
    expectError(TypeError, 'not an array', () => multiDot(3 as unknown as number[][][]), /multiDot: arrays must be an array/);
    expectError(TypeError, 'vector in the middle', () => multiDot([[[1, 2]], [1, 2], [[1], [2]]]), /multiDot: arrays\[1\] is a vector; only the first and the last/);
    expectError(RangeError, 'shapes', () => multiDot([[[1, 2]], [[1, 2]], [[1], [2]]]), /multiDot: arrays\[0\] is 1×2 and arrays\[1\] is 1×2 \(2 ≠ 1\)/);
    expectError(TypeError, 'a string', () => multiDot([[[1]], 'B' as unknown as number[][]]), /multiDot: arrays\[1\] must be a Matrix/);
    const D = Matrix.eye(2);
    D.dispose();
    expectError(ReferenceError, 'disposed', () => multiDot([[[1, 2]], D]), /multiDot: arrays\[1\] is a disposed Matrix/);
  });
});
