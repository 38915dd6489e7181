/**
 * Element-wise operations and broadcasting on both backends: every result bit-identical between the
 * WASM and the JS backend (onBoth) and equal, entry by entry, to its formula applied to the broadcast
 * operands; numpy's shapes for row / column / flat-vector / scalar operands and for both operands
 * stretched at once; numpy's NaN answers (sqrt(−1), log(0), pow edge cases); typed errors naming the
 * function and both shapes; inputs never modified (guarded); 3×3 and 20×20 (both sides of the
 * 64-entry small-matrix threshold) and empty shapes.
 */
import { describe, it, expect } from 'vitest';
import {
  Matrix, add, sub, hadamard, mul, div, addScalar, subScalar, pow, abs, sqrt, exp, log, clip, map,
} from '../../../bindings/index.js';
import { setupApiSuite, onBoth, onBackend, guarded, BACKENDS } from '../../util/api.js';
import { expectError } from '../../util/errors.js';
import { expectBitwise } from '../../util/tolerance.js';
import { dense, type Dense } from '../../util/dense.js';
import { Rng } from '../../util/generate.js';

setupApiSuite('elementwise');

function randDense(seed: number, m: number, n: number): Dense {
  const rng = new Rng(seed);
  return dense(m, n, Float64Array.from({ length: m * n }, () => Math.round((rng.normal() * 8) * 4) / 4 + 0.125 * ((rng.u32() % 3) - 1)));
}
const M = (D: Dense): Matrix => Matrix.fromArray(D.a, D.m, D.n);

/** The broadcast of two row-major operands through op (the reference). */
function broadcastRef(A: Dense, B: Dense, op: (x: number, y: number) => number): Dense {
  const r = A.m === B.m || B.m === 1 ? A.m : B.m;
  const c = A.n === B.n || B.n === 1 ? A.n : B.n;
  const out = dense(r, c);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const x = A.a[(A.m === 1 ? 0 : i) * A.n + (A.n === 1 ? 0 : j)]!;
      const y = B.a[(B.m === 1 ? 0 : i) * B.n + (B.n === 1 ? 0 : j)]!;
      out.a[i * c + j] = op(x, y);
    }
  }
  return out;
}

const OPS: [string, (A: Matrix, B: Matrix | number | Float64Array) => Matrix, (x: number, y: number) => number][] = [
  ['add', (A, B) => add(A, B), (x, y) => x + y],
  ['sub', (A, B) => sub(A, B), (x, y) => x - y],
  ['hadamard', (A, B) => hadamard(A, B), (x, y) => x * y],
  ['mul', (A, B) => mul(A, B), (x, y) => x * y],
  ['div', (A, B) => div(A, B), (x, y) => x / y],
  ['pow', (A, B) => pow(A, B), (x, y) => (x === 1 ? 1 : Math.pow(x, y))],
];

describe('broadcasting', () => {
  // [A shape, B shape]: equal, row, column, scalar-shaped, both stretched, empty.
  const CASES: [number, number, number, number][] = [
    [3, 3, 3, 3], [3, 3, 1, 3], [3, 3, 3, 1], [3, 3, 1, 1], [20, 20, 20, 20], [20, 20, 1, 20], [20, 20, 20, 1],
    [20, 20, 1, 1], [3, 1, 1, 4], [1, 4, 3, 1], [1, 1, 20, 20], [1, 20, 20, 1], [0, 3, 1, 3], [0, 3, 0, 3], [3, 0, 3, 1],
    [2, 0, 1, 1], [7, 13, 7, 13], [13, 7, 1, 7],
  ];
  it.each(OPS)('%s: every broadcast shape against the formula, wasm and js bit for bit', (name, f, op) => {
    let seed = 1;
    for (const [m, n, p, q] of CASES) {
      const A = randDense(seed++, m, n);
      const B = randDense(seed++, p, q);
      const want = broadcastRef(A, B, op);
      const label = `${name} ${m}×${n} with ${p}×${q}`;
      const got = onBoth(label, () => guarded(label, [A, B], [], ([Am, Bm]) => f(Am!, Bm!)));
      expect(got.length, label).toBe(want.a.length);
      expectBitwise(label, got, want.a);
    }
  });

  it('a flat vector broadcasts as a row (numpy 1-D), a number as a scalar; the methods agree', () => {
    const A = randDense(50, 20, 20);
    const v = Float64Array.from({ length: 20 }, (_, j) => j - 7.5);
    const row = dense(1, 20, v.slice());
    for (const [name, f, op] of OPS) {
      const want = broadcastRef(A, row, op);
      expectBitwise(`${name} flat Float64Array`, onBoth(name, () => guarded(name, [A], [v], ([Am], [x]) => f(Am!, x!))), want.a);
      expectBitwise(`${name} flat number[]`, onBoth(name, () => guarded(name, [A], [], ([Am]) => f(Am!, Array.from(v) as never))), want.a);
      const s = dense(1, 1, Float64Array.of(2.5));
      expectBitwise(`${name} scalar`, onBoth(name, () => guarded(name, [A], [], ([Am]) => f(Am!, 2.5))), broadcastRef(A, s, op).a);
    }
    const col = [[1], [2], [3]];
    expect(onBoth('A.add col', () => Matrix.from([[1, 2], [3, 4], [5, 6]]).add(col)).slice()).toEqual(Float64Array.of(2, 3, 5, 6, 8, 9));
    expect(Array.from(onBoth('A.sub row', () => Matrix.from([[1, 2], [3, 4]]).sub([1, 2])))).toEqual([0, 0, 2, 2]);
    expect(Array.from(onBoth('A.hadamard 3', () => Matrix.from([[1, 2]]).hadamard(3)))).toEqual([3, 6]);
    expect(Array.from(onBoth('A.mul col', () => Matrix.from([[1, 2], [3, 4]]).mul([[10], [100]])))).toEqual([10, 20, 300, 400]);
    expect(Array.from(onBoth('A.div', () => Matrix.from([[1, 2], [3, 4]]).div([[1, 2]])))).toEqual([1, 1, 3, 2]);
    expect(Array.from(onBoth('A.pow', () => Matrix.from([[2, 3]]).pow(2)))).toEqual([4, 9]);
  });

  it('both operands stretched: a 3×1 column plus a 1×4 row is the 3×4 outer sum', () => {
    const got = onBoth('outer sum', () => add([[0], [10], [20]], [[1, 2, 3, 4]]));
    expect(Array.from(got)).toEqual([1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24]);
    using R = add(Matrix.from([[1, 2, 3]]), Matrix.from([[1], [2]]));
    expect(R.shape).toEqual([2, 3]);
  });

  it('equal shapes keep the kernel path: add/sub/hadamard equal the plain formula bit for bit (Inf, NaN, −0 included)', () => {
    const a = [Infinity, -0, NaN, 1e308, -1e-310, 3];
    const b = [-Infinity, 0, 1, 1e308, 1e-310, -0];
    const A = dense(2, 3, Float64Array.from(a));
    const B = dense(2, 3, Float64Array.from(b));
    expectBitwise('add', onBoth('add', () => add(M(A), M(B))), a.map((x, i) => x + b[i]!));
    expectBitwise('sub', onBoth('sub', () => sub(M(A), M(B))), a.map((x, i) => x - b[i]!));
    expectBitwise('hadamard', onBoth('hadamard', () => hadamard(M(A), M(B))), a.map((x, i) => x * b[i]!));
    expectBitwise('div', onBoth('div', () => div(M(A), M(B))), a.map((x, i) => x / b[i]!));
  });

  it.each(BACKENDS)('shapes that do not broadcast are a RangeError naming the function and both shapes (%s)', (be) => {
    onBackend(be, () => {
      const A = dense(2, 3, Float64Array.of(1, 2, 3, 4, 5, 6));
      using tall = Matrix.zeros(2 ** 20, 1);
      const wide = new Float64Array(2 ** 20);
      for (const [fn, f] of [['add', add], ['sub', sub], ['hadamard', hadamard], ['mul', mul], ['div', div], ['pow', pow]] as const) {
        guarded(fn, [A, dense(3, 2)], [], ([Am, Bm]) => expectError(RangeError, fn, () => f(Am!, Bm!), new RegExp(`^${fn}: .*2×3.*3×2`)));
        guarded(fn, [A], [], ([Am]) => expectError(RangeError, fn, () => f(Am!, [1, 2]), new RegExp(`^${fn}: .*2×3.*1×2`)));
        guarded(fn, [A], [], ([Am]) => expectError(RangeError, fn, () => f(Am!, [[1], [2], [3]]), /3×1/));
        guarded(fn, [A], [], ([Am]) => expectError(RangeError, fn, () => f(Am!, []), /1×0/));
        guarded(fn, [A], [], ([Am]) => expectError(TypeError, fn, () => f(Am!, 'x' as never), new RegExp(`^${fn}: B must be`)));
        guarded(fn, [A], [], ([Am]) => expectError(TypeError, fn, () => f(Am!, null as never), new RegExp(`^${fn}:`)));
        guarded(fn, [A], [], ([Am]) => expectError(TypeError, fn, () => f(Am!, new BigInt64Array(3) as never), new RegExp(`^${fn}:`)));
        expectError(TypeError, fn, () => f(3 as never, Matrix.ones(1, 1)), new RegExp(`^${fn}: A must be`));
        // An outer broadcast past the limits of one matrix (2^40 entries): refused before allocating.
        expectError(RangeError, fn, () => f(tall, wide), new RegExp(`^${fn}: a 1048576×1048576 matrix is too large`));
      }
    });
  });
});

describe('unary element-wise functions', () => {
  const X = [-4, -1, -0, 0, 0.25, 1, 2, Math.E, Infinity, -Infinity, NaN, 1e-320];
  const UNARY: [string, (A: Matrix) => Matrix, (A: Matrix) => Matrix, (x: number) => number][] = [
    ['abs', (A) => abs(A), (A) => A.abs(), Math.abs],
    ['sqrt', (A) => sqrt(A), (A) => A.sqrt(), Math.sqrt],
    ['exp', (A) => exp(A), (A) => A.exp(), Math.exp],
    ['log', (A) => log(A), (A) => A.log(), Math.log],
  ];
  it.each(UNARY)('%s entry by entry, free function and method, 3×4 and 20×20, wasm and js bit for bit', (name, f, g, ref) => {
    const A = dense(3, 4, Float64Array.from(X));
    expectBitwise(name, onBoth(name, () => guarded(name, [A], [], ([Am]) => f(Am!))), X.map(ref));
    expectBitwise(`${name} method`, onBoth(name, () => guarded(name, [A], [], ([Am]) => g(Am!))), X.map(ref));
    const B = randDense(7, 20, 20);
    expectBitwise(`${name} 20×20`, onBoth(name, () => guarded(name, [B], [], ([Bm]) => f(Bm!))), Array.from(B.a, ref));
    expect(onBoth(`${name} 0×3`, () => f(Matrix.zeros(0, 3))).length).toBe(0);
    using E = f(Matrix.zeros(3, 0));
    expect(E.shape).toEqual([3, 0]);
  });

  it("numpy's answers: sqrt(−1) = NaN, log(0) = −Infinity, log(−1) = NaN, no exception", () => {
    expect(Array.from(onBoth('sqrt', () => sqrt([[-1, 4]])))).toEqual([NaN, 2]);
    expect(Array.from(onBoth('log', () => log([[0, -1, 1]])))).toEqual([-Infinity, NaN, 0]);
  });

  it('pow: numpy (C pow) edge cases — 1^NaN = 1, (−1)^±Inf = 1, (−8)^(1/3) = NaN, 0^−1 = Inf', () => {
    expect(Array.from(onBoth('pow', () => pow([[1, -1, -1, -8, 0, 2, NaN]], [[NaN, Infinity, -Infinity, 1 / 3, -1, 0.5, 0]])))).toEqual([
      1, 1, 1, NaN, Infinity, Math.SQRT2, 1,
    ]);
    expect(Array.from(onBoth('pow scalar', () => pow([[4, 9], [16, 25]], 0.5)))).toEqual([2, 3, 4, 5]);
  });

  it('clip: min(max(a, lo), hi) as numpy, one side open with null, NaN stays NaN, lo > hi gives hi', () => {
    const A = dense(2, 3, Float64Array.of(-2, 0.5, 3, NaN, -Infinity, Infinity));
    expect(Array.from(onBoth('clip', () => guarded('clip', [A], [], ([Am]) => clip(Am!, 0, 1))))).toEqual([0, 0.5, 1, NaN, 0, 1]);
    expect(Array.from(onBoth('clip lo', () => guarded('clip', [A], [], ([Am]) => Am!.clip(0, null))))).toEqual([0, 0.5, 3, NaN, 0, Infinity]);
    expect(Array.from(onBoth('clip hi', () => clip([[-2, 5]], undefined, 1)))).toEqual([-2, 1]);
    expect(Array.from(onBoth('clip lo > hi', () => clip([[-2, 5, 0.5]], 1, 0)))).toEqual([0, 0, 0]);
    expectError(TypeError, 'clip none', () => clip([[1]], null, undefined), /^clip: give at least one/);
    expectError(TypeError, 'clip string', () => clip([[1]], '0' as never, 1), /^clip: lo must be a number/);
    const B = randDense(3, 20, 20);
    expectBitwise('clip 20×20', onBoth('clip 20', () => guarded('clip', [B], [], ([Bm]) => clip(Bm!, -1, 2))), Array.from(B.a, (x) => Math.min(Math.max(x, -1), 2)));
  });

  it('addScalar and subScalar equal the broadcast of a number', () => {
    const B = randDense(9, 20, 20);
    expectBitwise('addScalar', onBoth('addScalar', () => guarded('a', [B], [], ([Bm]) => addScalar(Bm!, 0.1))), Array.from(B.a, (x) => x + 0.1));
    expectBitwise('subScalar', onBoth('subScalar', () => guarded('s', [B], [], ([Bm]) => Bm!.subScalar(0.1))), Array.from(B.a, (x) => x - 0.1));
    expectBitwise('A.addScalar', onBoth('A.addScalar', () => Matrix.from([[1, 2]]).addScalar(-1)), [0, 1]);
    expectError(TypeError, 'addScalar', () => addScalar([[1]], '1' as never), /^addScalar: s must be a number/);
    expectError(TypeError, 'subScalar', () => subScalar([[1]], [1] as never), /^subScalar: s must be a number/);
  });
});

describe('map', () => {
  it('calls fn(value, i, j) in row-major order and returns a new matrix; 3×3 and 20×20', () => {
    const calls: string[] = [];
    const got = onBoth('map', () => {
      calls.length = 0;
      return map([[1, 2], [3, 4]], (v, i, j) => {
        calls.push(`${i},${j}`);
        return v * 10 + i + j;
      });
    });
    expect(Array.from(got)).toEqual([10, 21, 31, 42]);
    expect(calls).toEqual(['0,0', '0,1', '1,0', '1,1']);
    const B = randDense(11, 20, 20);
    expectBitwise('map 20×20', onBoth('map 20', () => guarded('map', [B], [], ([Bm]) => Bm!.map((v, i, j) => v * i - j))), Array.from(B.a, (v, k) => v * Math.floor(k / 20) - (k % 20)));
    using E = map(Matrix.zeros(0, 4), () => 1);
    expect(E.shape).toEqual([0, 4]);
  });

  it.each(BACKENDS)('a bad fn, a non-number result or a throwing fn: typed error or the fn error, nothing leaked (%s)', (be) => {
    onBackend(be, () => {
      const B = randDense(12, 20, 20);
      guarded('map', [B], [], ([Bm]) => {
        expectError(TypeError, 'map fn', () => map(Bm!, 5 as never), /^map: fn must be a function/);
        expectError(TypeError, 'map result', () => Bm!.map((v, i) => (i === 3 ? ('x' as never) : v)), /^map: fn returned string at \(3, 0\) of a 20×20 A/);
        expectError(RangeError, 'map throws', () => Bm!.map(() => {
          throw new RangeError('mine');
        }), /^mine$/);
      });
    });
  });

  it('fn may allocate matrices (the wasm heap may grow) without corrupting the result', () => {
    const B = randDense(13, 20, 20);
    const got = onBoth('map allocating', () =>
      guarded('map', [B], [], ([Bm]) =>
        Bm!.map((v) => {
          using T = Matrix.zeros(300, 300); // 720 KB each: the heap grows on the way
          return v + T.get(0, 0);
        }),
      ),
    );
    expectBitwise('map allocating', got, B.a);
  });
});
