/**
 * Vector arguments: every function that takes a vector accepts the same set — number[] and every
 * non-BigInt numeric typed array (Int8 … Float64, converted to float64) — through one predicate
 * (api/convert.ts `isVectorLike`, core/validate.ts `toVector`), with the result bit for bit that of
 * the Float64Array holding the same numbers; and every message names the function called.
 *
 * Regression: matvec and outer accepted Int32Array/Float32Array while dot, norm, solve, diag and
 * Matrix.diagonal rejected them — `dot(Int32Array, …)` saying "matmul: A must be a Matrix".
 */
import { describe, it, expect, beforeAll } from 'vitest';
import {
  Matrix, matvec, dot, outer, diag, norm, solve, luFactor, choSolve, choFactor, solveTriangular, lstsq, numericGradient, memoryStats,
} from '../../../bindings/index.js';
import { setupApi, onBackend, BACKENDS, flat } from '../../util/api.js';
import { expectBitwise } from '../../util/tolerance.js';
import { disposeAll, expectThrows } from './util.js';

beforeAll(setupApi);

const F16 = (globalThis as { Float16Array?: new (a: ArrayLike<number>) => ArrayLike<number> }).Float16Array;
const KINDS: [string, (v: number[]) => ArrayLike<number>][] = [
  ['number[]', (v) => v.slice()],
  ['Float64Array', (v) => Float64Array.from(v)],
  ['Float32Array', (v) => Float32Array.from(v)],
  ['Int32Array', (v) => Int32Array.from(v)],
  ['Uint32Array', (v) => Uint32Array.from(v)],
  ['Int16Array', (v) => Int16Array.from(v)],
  ['Uint16Array', (v) => Uint16Array.from(v)],
  ['Int8Array', (v) => Int8Array.from(v)],
  ['Uint8Array', (v) => Uint8Array.from(v)],
  ['Uint8ClampedArray', (v) => Uint8ClampedArray.from(v)],
  ...(F16 !== undefined ? [['Float16Array', (v: number[]) => new F16(v)] as [string, (v: number[]) => ArrayLike<number>]] : []),
];

const A = [[4, 1, 2], [1, 5, 3], [2, 3, 6]]; // SPD
const U = [[2, 1, 1], [0, 3, 1], [0, 0, 4]]; // upper triangular
const W = [[1, 2, 3], [4, 5, 6], [7, 8, 10], [1, 0, 1]];

/** Each function taking a vector: its name and a call with the vector `v` (3 entries; 4 where noted). */
const calls: [fn: string, call: (v: never, v4: never) => unknown][] = [
  ['matvec', (v) => matvec(A, v)],
  ['matvec', (v) => {
    using M = Matrix.from(A);
    return M.matvec(v);
  }],
  ['dot', (v) => dot(v, [1, 2, 3])],
  ['dot', (v) => dot([1, 2, 3], v)],
  ['dot', (v) => dot(A, v)],
  ['dot', (v) => {
    using M = Matrix.from(A);
    return M.dot(v);
  }],
  ['outer', (v) => outer(v, [1, 2])],
  ['outer', (v) => outer([1, 2], v)],
  ['diag', (v) => diag(v)],
  ['Matrix.diagonal', (v) => Matrix.diagonal(v)],
  ['norm', (v) => norm(v)],
  ['norm', (v) => norm(v, 1)],
  ['norm', (v) => norm(v, Infinity)],
  ['solve', (v) => solve(A, v)],
  ['solve', (v) => {
    using F = luFactor(A);
    return F.solve(v, { transpose: true });
  }],
  ['choSolve', (v) => choSolve(A, v)],
  ['solve', (v) => {
    using C = choFactor(A);
    return C.solve(v);
  }],
  ['solveTriangular', (v) => solveTriangular(U, v)],
  ['lstsq', (_, v4) => lstsq(W, v4).x],
  ['lstsq', (_, v4) => lstsq(W, [1, 2, 3, 4], { weights: v4 }).x],
  ['numericGradient', (v) => numericGradient((x) => x[0]! * x[1]! + x[2]!, v)],
  ['Matrix.fromArray', (v) => Matrix.fromArray(v, 1, 3)],
  ['Matrix.from', (v) => Matrix.from([v, v] as never)],
];

function numbersOf(r: unknown): Float64Array {
  if (typeof r === 'number') return Float64Array.of(r);
  if (r instanceof Matrix) return flat(r);
  return r as Float64Array;
}

describe.each(BACKENDS)('vector arguments on the %s backend', (be) => {
  it('number[] and every numeric typed array give the Float64Array result, bit for bit', () => {
    onBackend(be, () => {
      const before = memoryStats().blocksInUse;
      const v = [1, 2, 3];
      const v4 = [1, 2, 2, 1];
      for (const [fn, call] of calls) {
        const ref = call(Float64Array.from(v) as never, Float64Array.from(v4) as never);
        const want = numbersOf(ref).slice();
        disposeAll(ref);
        for (const [kind, make] of KINDS) {
          let r: unknown;
          try {
            r = call(make(v) as never, make(v4) as never);
          } catch (e) {
            throw new Error(`${fn}(${kind}): ${String(e)}`);
          }
          expectBitwise(`${fn}(${kind})`, numbersOf(r), want);
          disposeAll(r);
        }
      }
      expect(memoryStats().blocksInUse).toBe(before);
    });
  });

  it('bad vectors (DataView, strings, objects, non-numeric entries): TypeError naming the function called', () => {
    onBackend(be, () => {
      const before = memoryStats().blocksInUse;
      for (const [fn, call] of calls) {
        for (const bad of [new DataView(new ArrayBuffer(24)), [1, 'x', 3], [1, null, 3], [1, 2n, 3], { length: 3 }]) {
          const label = `${fn}(${Object.prototype.toString.call(bad)})`;
          expectThrows(label, () => call(bad as never, (Array.isArray(bad) ? [...bad, 1] : bad) as never), TypeError, fn);
        }
      }
      // The examples of the report: dot names dot, not matvec/matmul.
      expectThrows('dot(Int32Array, string)', () => dot(Int32Array.of(1, 2), 'ab' as never), TypeError, 'dot');
      expectThrows('dot(string, vector)', () => dot('ab' as never, Int32Array.of(1, 2)), TypeError, 'dot');
      expectThrows('dot(vector, matrix)', () => dot(Int32Array.of(1, 2), [[1, 2]] as never), TypeError, 'dot');
      expectThrows('dot lengths', () => dot(Int32Array.of(1, 2), Float32Array.of(1)), RangeError, 'dot');
      expectThrows('Matrix.diagonal(matrix)', () => Matrix.diagonal([[1, 2], [3, 4]] as never), TypeError, 'Matrix.diagonal');
      expect(memoryStats().blocksInUse).toBe(before);
    });
  });
});
