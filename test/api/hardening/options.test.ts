/**
 * Options objects: every function that takes one treats `undefined` and `null` as "no options" (the
 * result is bit for bit the one of `{}`), and rejects anything else that is not a plain object — a
 * number, a string, a boolean, an array, a function — with a TypeError naming the function. One helper
 * does it (core/validate.ts `optionsOf`).
 *
 * Regression: `qr(A, null)` and ~20 others threw "Cannot read properties of null (reading 'mode')"
 * while lu, cholesky and det accepted null. Also here: a BigInt64Array / BigUint64Array where a vector
 * is expected was an engine error ("Cannot convert a BigInt value to a number"); it is a TypeError
 * naming the function.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import {
  Matrix, init, lu, luFactor, solve, det, slogdet, inv, cholesky, choFactor, choSolve, solveTriangular, qr, lstsq, numericGradient,
  eigh, eigvalsh, svd, svdvals, eig, eigvals, schur, projection, pinv, matrixRank, cond, nullSpace, orth, subspaces, lowRank, pca,
  gram, matvec, dot, outer, diag, norm, memoryStats,
} from '../../../bindings/index.js';
import { setupApi, onBackend, BACKENDS, flat } from '../../util/api.js';
import { disposeAll, expectThrows } from './util.js';

beforeAll(setupApi);

const A = [[4, 1, 2], [1, 5, 3], [2, 3, 6]]; // SPD, so every function accepts it
const b = [1, 2, 3];

/** A result as one flat array of numbers (matrices row-major, in key order), for bitwise comparison. */
function flatten(r: unknown): number[] {
  if (r instanceof Matrix) return Array.from(flat(r));
  if (typeof r === 'number') return [r];
  if (ArrayBuffer.isView(r)) return Array.from(r as Float64Array);
  if (r !== null && typeof r === 'object') {
    if ('solve' in r) return flatten((r as { solve(x: number[]): Float64Array }).solve(b));
    return Object.values(r).flatMap(flatten);
  }
  return [];
}

/** Each function with an options object: its name and a call passing `o` as the options. */
const withOptions: [fn: string, call: (o: unknown) => unknown][] = [
  ['Matrix.random', (o) => Matrix.random(2, 2, o as never)],
  ['Matrix.randn', (o) => Matrix.randn(2, 2, o as never)],
  ['gram', (o) => gram(A, o as never)],
  ['gram', (o) => {
    using I = Matrix.eye(2);
    return I.gram(o as never);
  }],
  ['lu', (o) => lu(A, o as never)],
  ['luFactor', (o) => luFactor(A, o as never)],
  ['solve', (o) => solve(A, b, o as never)],
  ['solve', (o) => {
    using F = luFactor(A);
    return F.solve(b, o as never);
  }],
  ['det', (o) => det(A, o as never)],
  ['slogdet', (o) => slogdet(A, o as never)],
  ['inv', (o) => inv(A, o as never)],
  ['cholesky', (o) => cholesky(A, o as never)],
  ['choFactor', (o) => choFactor(A, o as never)],
  ['choSolve', (o) => choSolve(A, b, o as never)],
  ['solve', (o) => {
    using C = choFactor(A);
    return C.solve(b, o as never);
  }],
  ['solveTriangular', (o) => solveTriangular(A, b, o as never)],
  ['qr', (o) => qr(A, o as never)],
  ['lstsq', (o) => lstsq(A, b, o as never)],
  ['numericGradient', (o) => numericGradient((x) => x[0]! * x[1]!, b, o as never)],
  ['eigh', (o) => eigh(A, undefined, o as never)], // an array in second place is B (generalised eigh)
  ['eigvalsh', (o) => eigvalsh(A, undefined, o as never)],
  ['svd', (o) => svd(A, o as never)],
  ['svdvals', (o) => svdvals(A, o as never)],
  ['eig', (o) => eig(A, o as never)],
  ['eigvals', (o) => eigvals(A, o as never)],
  ['schur', (o) => schur(A, o as never)],
  ['projection', (o) => projection(A, o as never)],
  ['pinv', (o) => pinv(A, o as never)],
  ['matrixRank', (o) => matrixRank(A, o as never)],
  ['cond', (o) => cond(A, 2, o as never)],
  ['cond', (o) => cond(A, 1, o as never)],
  ['nullSpace', (o) => nullSpace(A, o as never)],
  ['orth', (o) => orth(A, o as never)],
  ['subspaces', (o) => subspaces(A, o as never)],
  ['lowRank', (o) => lowRank(A, 1, o as never)],
  ['pca', (o) => pca(A, o as never)],
];

describe.each(BACKENDS)('options objects on the %s backend', (be) => {
  it('undefined and null mean no options: the result of {} bit for bit', () => {
    onBackend(be, () => {
      for (const [fn, call] of withOptions) {
        const seeded = fn.startsWith('Matrix.rand');
        const run = (o: unknown): number[] => {
          const r = call(seeded && o !== null && o !== undefined ? { seed: 5 } : o);
          const v = flatten(r);
          disposeAll(r);
          return v;
        };
        if (seeded) {
          // No options: a random seed — only the shape and that it returns can be compared.
          expect(run(null).length, fn).toBe(4);
          expect(run(undefined).length, fn).toBe(4);
          continue;
        }
        const want = run({});
        expect(run(undefined), `${fn} undefined`).toEqual(want);
        expect(run(null), `${fn} null`).toEqual(want);
      }
    });
  });

  it('a number, string, boolean, array or function as options: TypeError naming the function; no leak', () => {
    onBackend(be, () => {
      const before = memoryStats().blocksInUse;
      for (const [fn, call] of withOptions) {
        for (const bad of [5, 'reduced', true, [], [1], () => ({}), 1n, Symbol('o')]) {
          expectThrows(`${fn}(…, ${String(typeof bad)})`, () => call(bad), TypeError, fn, /options/);
        }
      }
      expect(memoryStats().blocksInUse).toBe(before);
    });
  });

  it('BigInt64Array / BigUint64Array as a vector: TypeError naming the function', () => {
    onBackend(be, () => {
      using M = Matrix.from(A);
      const before = memoryStats().blocksInUse;
      for (const big of [new BigInt64Array(3), BigUint64Array.of(1n, 2n, 3n)]) {
        const v = big as never;
        const cases: [string, () => unknown][] = [
          ['matvec', () => matvec(A, v)], ['matvec', () => M.matvec(v)], ['dot', () => dot(v, b)], ['dot', () => dot(b, v)],
          ['dot', () => dot(A, v)], ['dot', () => M.dot(v)], ['outer', () => outer(v, b)], ['outer', () => outer(b, v)],
          ['diag', () => diag(v)], ['Matrix.diagonal', () => Matrix.diagonal(v)], ['norm', () => norm(v)],
          ['solve', () => solve(A, v)], ['choSolve', () => choSolve(A, v)], ['solveTriangular', () => solveTriangular(A, v)],
          ['lstsq', () => lstsq(A, v)], ['lstsq', () => lstsq(A, b, { weights: v })], ['numericGradient', () => numericGradient(() => 0, v)],
          ['Matrix.fromArray', () => Matrix.fromArray(v, 1, 3)], ['Matrix.from', () => Matrix.from([v])],
        ];
        for (const [fn, f] of cases) expectThrows(`${fn} ${big.constructor.name}`, f, TypeError, fn, /BigInt|bigint|number/);
      }
      expect(memoryStats().blocksInUse).toBe(before);
    });
  });
});

describe('init options', () => {
  it('init(null) and init(undefined) load the defaults; a non-object is a TypeError naming init', async () => {
    await expect(init(null as never)).resolves.toMatchObject({ backend: 'wasm' });
    await expect(init(undefined)).resolves.toMatchObject({ backend: 'wasm' });
    for (const bad of [5, 'wasm', [], true]) {
      const e = await init(bad as never).then(
        () => null,
        (err: unknown) => err,
      );
      expect(e, String(bad)).toBeInstanceOf(TypeError);
      expect((e as Error).message).toMatch(/^init: options/);
    }
  });
});
