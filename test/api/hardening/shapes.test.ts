/**
 * Degenerate shapes: each dimension of a matrix is at most 2^28 (as is the number of entries, the
 * documented limit of one matrix), refused up front with a RangeError naming the function; and an
 * empty matrix (a zero dimension) costs O(1) whatever its other dimension, because every loop over it
 * ends at once — constructors, accessors, toString, the operations and decompositions whose results
 * are empty too.
 *
 * Regressions: Matrix.randn(2^31 − 1, 0) took 3–10 s, Matrix.zeros(0, 2^31 − 1).toFloat64Array() 5–11 s,
 * and Matrix.zeros(2^31 − 1, 0).toArray() killed the process (out of JS heap).
 *
 * Timings here are generous bounds on work that is O(1) (each call takes well under a millisecond);
 * the unfixed calls took seconds.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import {
  Matrix, add, sub, hadamard, scale, transpose, clone, matmul, gram, norm, trace, diag, svd, svdvals, qr, lu, pinv, matrixRank, orth,
  lowRank, pca, memoryStats,
} from '../../../bindings/index.js';
import { setupApi, onBackend, BACKENDS } from '../../util/api.js';
import { disposeAll, expectThrows } from './util.js';

beforeAll(setupApi);

const LIMIT = 2 ** 28;
const FAST_MS = 1000;

/** Runs f, returning its result or error and the time it took. */
function timed(f: () => unknown): { ms: number; result: unknown; error: unknown } {
  const t = performance.now();
  try {
    const result = f();
    return { ms: performance.now() - t, result, error: null };
  } catch (error) {
    return { ms: performance.now() - t, result: undefined, error };
  }
}

describe.each(BACKENDS)('degenerate shapes on the %s backend', (be) => {
  it('the reported calls are refused up front, at once (RangeError naming the function)', () => {
    onBackend(be, () => {
      const calls: [string, () => unknown][] = [
        ['Matrix.randn', () => Matrix.randn(2 ** 31 - 1, 0)],
        ['Matrix.zeros', () => Matrix.zeros(0, 2 ** 31 - 1).toFloat64Array()],
        ['Matrix.zeros', () => Matrix.zeros(2 ** 31 - 1, 0).toArray()],
      ];
      for (const [fn, f] of calls) {
        const r = timed(f);
        disposeAll(r.result);
        expect(r.ms, `${fn}: ${r.ms.toFixed(0)} ms`).toBeLessThan(FAST_MS);
        expect(r.error, fn).toBeInstanceOf(RangeError);
        expect((r.error as Error).message).toMatch(new RegExp(`^${fn.replace('.', '\\.')}: .*2\\^28`));
      }
    });
  });

  it('each dimension ≤ 2^28: one more is refused by every constructor, with either dimension', () => {
    onBackend(be, () => {
      const before = memoryStats().blocksInUse;
      for (const [r, c] of [[LIMIT + 1, 0], [0, LIMIT + 1], [LIMIT + 1, 1], [2 ** 31 - 1, 0], [0, 2 ** 31 - 1]] as const) {
        const label = `${r}×${c}`;
        expectThrows(`zeros ${label}`, () => Matrix.zeros(r, c), RangeError, 'Matrix.zeros');
        expectThrows(`ones ${label}`, () => Matrix.ones(r, c), RangeError, 'Matrix.ones');
        expectThrows(`full ${label}`, () => Matrix.full(r, c, 1), RangeError, 'Matrix.full');
        expectThrows(`eye ${label}`, () => Matrix.eye(r, c), RangeError, 'Matrix.eye');
        expectThrows(`random ${label}`, () => Matrix.random(r, c), RangeError, 'Matrix.random');
        expectThrows(`randn ${label}`, () => Matrix.randn(r, c, { seed: 1 }), RangeError, 'Matrix.randn');
        expectThrows(`fromArray ${label}`, () => Matrix.fromArray([], r, c), RangeError, 'Matrix.fromArray');
      }
      // A result past the limit is refused too, before any work.
      const Z = Matrix.zeros(LIMIT, 0);
      const g = timed(() => gram(Z, { rows: true })); // 2^28×2^28
      Z.dispose();
      expect(g.error).toBeInstanceOf(RangeError);
      expect(g.ms).toBeLessThan(FAST_MS);
      expect(memoryStats().blocksInUse).toBe(before);
    });
  });

  it('2^28×0 and 0×2^28: constructors, accessors, toString, operations and decompositions in O(1)', () => {
    onBackend(be, () => {
      const before = memoryStats();
      for (const [m, n] of [[LIMIT, 0], [0, LIMIT]] as const) {
        const tall = m > 0;
        const A = Matrix.zeros(m, n);
        const At = Matrix.zeros(n, m);
        const cases: [string, () => unknown, (r: unknown) => void][] = [
          ['zeros', () => Matrix.zeros(m, n), (r) => expect((r as Matrix).shape).toEqual([m, n])],
          ['ones', () => Matrix.ones(m, n), (r) => expect((r as Matrix).shape).toEqual([m, n])],
          ['full', () => Matrix.full(m, n, 3), (r) => expect((r as Matrix).shape).toEqual([m, n])],
          ['eye', () => Matrix.eye(m, n), (r) => expect((r as Matrix).shape).toEqual([m, n])],
          ['random', () => Matrix.random(m, n, { seed: 1 }), (r) => expect((r as Matrix).shape).toEqual([m, n])],
          ['randn', () => Matrix.randn(m, n, { seed: 1 }), (r) => expect((r as Matrix).shape).toEqual([m, n])],
          ['fromArray', () => Matrix.fromArray(new Float64Array(0), m, n), (r) => expect((r as Matrix).shape).toEqual([m, n])],
          ['toFloat64Array', () => A.toFloat64Array(), (r) => expect((r as Float64Array).length).toBe(0)],
          ['toString', () => A.toString(), (r) => expect(r as string).toMatch(new RegExp(`^Matrix ${m}×${n} \\((js|wasm)\\)\\n\\[\\]$`))],
          ['clone', () => clone(A), (r) => expect((r as Matrix).shape).toEqual([m, n])],
          ['transpose', () => transpose(A), (r) => expect((r as Matrix).shape).toEqual([n, m])],
          ['scale', () => scale(A, 2), (r) => expect((r as Matrix).shape).toEqual([m, n])],
          ['add', () => add(A, A), (r) => expect((r as Matrix).shape).toEqual([m, n])],
          ['sub', () => sub(A, A), (r) => expect((r as Matrix).shape).toEqual([m, n])],
          ['hadamard', () => hadamard(A, A), (r) => expect((r as Matrix).shape).toEqual([m, n])],
          ['norm fro', () => norm(A), (r) => expect(r).toBe(0)],
          ['norm 1', () => norm(A, 1), (r) => expect(r).toBe(0)],
          ['norm Infinity', () => norm(A, Infinity), (r) => expect(r).toBe(0)],
          ['norm 2', () => norm(A, 2), (r) => expect(r).toBe(0)],
          ['norm nuc', () => norm(A, 'nuc'), (r) => expect(r).toBe(0)],
          ['trace', () => trace(A), (r) => expect(r).toBe(0)],
          ['diag', () => diag(A), (r) => expect((r as Float64Array).length).toBe(0)],
          ['gram', () => gram(A, { rows: !tall }), (r) => expect((r as Matrix).shape).toEqual([0, 0])],
          ['matmul', () => (tall ? matmul(At, A) : matmul(A, At)), (r) => expect((r as Matrix).shape).toEqual([0, 0])],
          ['svd', () => svd(A), (r) => expect((r as { s: Float64Array }).s.length).toBe(0)],
          ['svdvals', () => svdvals(A), (r) => expect((r as Float64Array).length).toBe(0)],
          ['qr r', () => qr(A, { mode: 'r' }), (r) => expect((r as { R: Matrix }).R.shape).toEqual([0, n])],
          ['qr reduced', () => qr(A), (r) => expect((r as { Q: Matrix }).Q.shape).toEqual([m, 0])],
          ['pinv', () => pinv(A), (r) => expect((r as Matrix).shape).toEqual([n, m])],
          ['matrixRank', () => matrixRank(A), (r) => expect(r).toBe(0)],
        ];
        if (tall) {
          // Results whose size is O(1) only for the tall shape (for the wide one they have n entries).
          // (nullSpace and subspaces compute the full SVD, whose U or V is m×m or n×n: past the limit.)
          cases.push(
            ['orth', () => orth(A), (r) => expect((r as Matrix).shape).toEqual([m, 0])],
            ['lowRank', () => lowRank(A, 1), (r) => expect((r as { approx: Matrix }).approx.shape).toEqual([m, 0])],
            ['pca', () => pca(A), (r) => expect((r as { scores: Matrix }).scores.shape).toEqual([m, 0])],
          );
        } else {
          cases.push(
            ['lu', () => lu(A), (r) => expect((r as { U: Matrix }).U.shape).toEqual([0, n])],
          );
        }
        for (const [name, f, check] of cases) {
          const r = timed(f);
          if (r.error !== null) throw r.error;
          check(r.result);
          disposeAll(r.result);
          expect(r.ms, `${name} ${m}×${n}: ${r.ms.toFixed(0)} ms`).toBeLessThan(FAST_MS);
        }
        A.dispose();
        At.dispose();
      }
      expect(memoryStats().blocksInUse).toBe(before.blocksInUse);
    });
  });
});
