/**
 * Bad input: every rejected call throws RangeError (bad shapes, sizes, indices) or TypeError (bad
 * types) whose message names the function and the shapes or values involved — and touches nothing:
 * inputs keep their values and linear memory holds exactly the blocks it held before.
 */
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import {
  Matrix, add, sub, hadamard, matmul, matvec, dot, outer, scale, transpose, gram, norm, clone, trace, diag, memoryStats,
} from '../../../bindings/index.js';
import { setupApi, onBackend, BACKENDS } from '../../util/api.js';

beforeAll(setupApi);

let held: Matrix[] = [];
afterEach(() => {
  for (const m of held) m.dispose();
  held = [];
});

/** Asserts `f` throws `type` with a message matching every pattern, and changes no input and no memory. */
function rejects(f: () => unknown, type: typeof RangeError | typeof TypeError, patterns: (string | RegExp)[], inputs: Matrix[] = []): void {
  const before = inputs.map((m) => m.toFloat64Array());
  const mem = memoryStats();
  let err: unknown = null;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err, 'expected a throw').toBeInstanceOf(type);
  const msg = (err as Error).message;
  for (const p of patterns) expect(msg).toMatch(p);
  inputs.forEach((m, i) => expect(Array.from(m.toFloat64Array()), `input ${i} unchanged`).toEqual(Array.from(before[i]!)));
  const after = memoryStats();
  expect(after.blocksInUse, 'no block leaked or freed').toBe(mem.blocksInUse);
  expect(after.bytesInUse).toBe(mem.bytesInUse);
}

describe.each(BACKENDS)('bad input on the %s backend', (b) => {
  function mk(rows: number[][]): Matrix {
    const M = onBackend(b, () => Matrix.from(rows));
    held.push(M);
    return M;
  }

  it('shape mismatches name both shapes', () => {
    onBackend(b, () => {
      const A = mk([[1, 2, 3], [4, 5, 6]]); // 2×3
      const B = mk([[1, 2], [3, 4], [5, 6]]); // 3×2
      const C = mk([[1, 2, 3], [4, 5, 6]]);
      rejects(() => add(A, B), RangeError, [/^add:/, '2×3', '3×2'], [A, B]);
      rejects(() => sub(A, B), RangeError, [/^sub:/, '2×3', '3×2'], [A, B]);
      rejects(() => hadamard(A, B), RangeError, [/^hadamard:/, '2×3', '3×2'], [A, B]);
      rejects(() => A.add([[1, 2]]), RangeError, ['2×3', '1×2'], [A]);
      rejects(() => matmul(A, C), RangeError, [/^matmul:/, '2×3', /inner/], [A, C]);
      rejects(() => A.matmul([[1, 2, 3]]), RangeError, ['2×3', '1×3'], [A]);
      rejects(() => matvec(A, [1, 2]), RangeError, [/^matvec:/, '2×3', /2 entries/], [A]);
      rejects(() => A.matvec(Float64Array.of(1, 2, 3, 4)), RangeError, ['2×3', '4'], [A]);
      rejects(() => dot([1, 2, 3], [1, 2]), RangeError, [/^dot:/, '3', '2']);
      rejects(() => dot([[1, 2], [3, 4]], [1, 2, 3]), RangeError, ['2×2', '3']);
    });
  });

  it('negative, non-integer, NaN, infinite and too-large sizes', () => {
    onBackend(b, () => {
      rejects(() => Matrix.zeros(-1, 2), RangeError, [/^Matrix\.zeros:/, /rows/, '-1']);
      rejects(() => Matrix.zeros(2, 1.5), RangeError, [/cols/, '1.5']);
      rejects(() => Matrix.ones(NaN, 2), RangeError, [/rows/, 'NaN']);
      rejects(() => Matrix.eye(Infinity), RangeError, [/Matrix\.eye/, 'Infinity']);
      rejects(() => Matrix.random(3, -0.5), RangeError, [/Matrix\.random/, '-0.5']);
      rejects(() => Matrix.full(2 ** 31, 1, 0), RangeError, [/rows/]);
      rejects(() => Matrix.zeros(65536, 65536), RangeError, ['65536×65536', /too large/]);
      rejects(() => Matrix.fromArray([1, 2, 3], 2, 2), RangeError, ['2×2', '3 values', /needs 4/]);
      rejects(() => Matrix.fromArray([1, 2], 1, -2), RangeError, ['-2']);
    });
  });

  it('wrong argument types', () => {
    onBackend(b, () => {
      const A = mk([[1, 2], [3, 4]]);
      const bad: unknown[] = ['x', 3, null, undefined, {}, new Map()];
      for (const v of bad) {
        if (typeof v !== 'number') rejects(() => add(A, v as never), TypeError, [/^add: B/], [A]); // a number broadcasts
        rejects(() => matmul(v as never, A), TypeError, [/^matmul: A/], [A]);
        rejects(() => transpose(v as never), TypeError, [/^transpose/]);
      }
      rejects(() => Matrix.zeros('3' as never, 2), TypeError, [/rows must be a number/, 'string']);
      rejects(() => Matrix.full(2, 2, '1' as never), TypeError, [/value must be a number/]);
      rejects(() => scale(A, '2' as never), TypeError, [/^scale: alpha/], [A]);
      rejects(() => A.set(0, 0, null as never), TypeError, [/Matrix\.set/, /value/], [A]);
      rejects(() => A.get('0' as never, 0), TypeError, [/Matrix\.get/], [A]);
      rejects(() => Matrix.fromArray('abcd' as never, 2, 2), TypeError, [/fromArray/]);
      rejects(() => Matrix.fromArray([1, '2', 3, 4] as never, 2, 2), TypeError, [/data\[1\]/]);
      rejects(() => matvec(A, [1, 'x'] as never), TypeError, [/x\[1\]/], [A]);
      rejects(() => matvec(A, 'ab' as never), TypeError, [/matvec: x/], [A]);
      rejects(() => dot([1, 2], [[1], [2]] as never), TypeError, [/^dot:/]);
      rejects(() => outer([1, 2], ['a'] as never), TypeError, [/outer: y\[0\]/]);
    });
  });

  it('ragged and non-numeric nested arrays', () => {
    onBackend(b, () => {
      rejects(() => Matrix.from([[1, 2], [3]]), RangeError, [/ragged/, /row 0 has 2/, /row 1 has 1/]);
      rejects(() => Matrix.from([[1, 2], [3, 4, 5]]), RangeError, [/ragged/]);
      rejects(() => Matrix.from([[1, 'a']] as never), TypeError, [/data\[0\]\[1\]/, 'string']);
      rejects(() => Matrix.from([[1, 2], null] as never), TypeError, [/data\[1\]/]);
      rejects(() => Matrix.from([1, 2] as never), TypeError, [/data\[0\]/]);
      rejects(() => Matrix.from('ab' as never), TypeError, [/Matrix\.from/]);
      const A = mk([[1, 2], [3, 4]]);
      rejects(() => add(A, [[1, 2], [3]]), RangeError, [/^add: B is ragged/], [A]);
      rejects(() => matmul([[1, 2], [3]], A), RangeError, [/^matmul: A is ragged/], [A]);
      rejects(() => hadamard(A, [[1, NaN], [undefined, 2]] as never), TypeError, [/B\[1\]\[0\]/], [A]);
      // A valid nested-array operand converted first, then the other one rejected: the temporary is freed.
      rejects(() => add([[1, 2], [3, 4]], [[1, 2], [3]]), RangeError, [/ragged/]);
      rejects(() => matvec([[1, 2], [3, 4]], [1, null] as never), TypeError, [/x\[1\]/]);
      rejects(() => matmul([[1, 2], [3, 4]], [[1, 2, 3]]), RangeError, ['2×2', '1×3']);
    });
  });

  it('indices out of range', () => {
    onBackend(b, () => {
      const A = mk([[1, 2, 3], [4, 5, 6]]);
      rejects(() => A.get(2, 0), RangeError, [/Matrix\.get: i = 2/, /\[0, 2\)/], [A]);
      rejects(() => A.get(0, 3), RangeError, [/j = 3/, /\[0, 3\)/], [A]);
      rejects(() => A.get(-1, 0), RangeError, [/i = -1/], [A]);
      rejects(() => A.get(0.5, 0), RangeError, [/i = 0.5/], [A]);
      rejects(() => A.set(0, 9, 1), RangeError, [/Matrix\.set: j = 9/], [A]);
      rejects(() => A.row(2), RangeError, [/Matrix\.row/], [A]);
      rejects(() => A.column(-1), RangeError, [/Matrix\.column/], [A]);
    });
  });

  it('unsupported norms', () => {
    onBackend(b, () => {
      const A = mk([[1, 2], [3, 4]]);
      rejects(() => norm(A, 3 as never), RangeError, [/ord=3/], [A]);
      rejects(() => norm(A, -1 as never), RangeError, [/ord=-1/], [A]);
      rejects(() => norm([1, 2], 'fro' as never), RangeError, [/vector norm/]);
    });
  });

  it('valid calls on the same inputs still work afterwards', () => {
    onBackend(b, () => {
      const A = mk([[1, 2], [3, 4]]);
      using C = clone(A);
      expect(trace(C)).toBe(5);
      expect(Array.from(diag(C))).toEqual([1, 4]);
      using G = gram(A);
      expect(G.toArray()).toEqual([[10, 14], [14, 20]]);
    });
  });
});
