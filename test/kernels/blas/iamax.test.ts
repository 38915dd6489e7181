/**
 * iamax — the first index of max |xᵢ| (0-based), −1 for n ≤ 0; NaN never wins a comparison (so a
 * NaN at index 0 makes the result 0). Every engine returns the same index as the plain loop here.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines } from '../../util/engines.js';
import { runKernel } from '../../util/harness.js';
import { Rng, vector, MATRIX_KINDS } from '../../util/generate.js';

beforeAll(async () => {
  await setupEngines();
});

function iamaxAll(xs: ArrayLike<number>, inc = 1, skew = 0): number {
  const n = xs.length;
  const x = new Float64Array(Math.max(1, (n - 1) * inc + 1)).fill(NaN);
  for (let i = 0; i < n; i++) x[i * inc] = xs[i]!;
  return runKernel(`iamax n=${n} inc=${inc}`, 'iamax', (c) => [n, c.in(x, skew), inc]).ret!;
}

function naive(xs: ArrayLike<number>): number {
  if (xs.length === 0) return -1;
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i]!) > Math.abs(xs[best]!)) best = i;
  return best;
}

describe('iamax', () => {
  it('equals the first-max loop over lengths, strides and kinds', () => {
    let seed = 1;
    for (const n of [1, 2, 3, 4, 7, 16, 33, 100]) {
      for (const kind of MATRIX_KINDS) {
        for (const inc of [1, 2, 5]) {
          const xs = Array.from(vector(new Rng(seed++), kind, n, 1));
          expect(iamaxAll(xs, inc, seed % 2), `${kind} n=${n} inc=${inc}`).toBe(naive(xs));
        }
      }
    }
  });

  it('ties go to the first index; signs do not matter; Inf wins', () => {
    expect(iamaxAll([1, -3, 3, -3])).toBe(1);
    expect(iamaxAll([0, 0, 0])).toBe(0);
    expect(iamaxAll([1, -Infinity, Infinity])).toBe(1);
    expect(iamaxAll([-0, 0])).toBe(0);
  });

  it('n ≤ 0 gives −1 and reads nothing; NaN never wins except at index 0', () => {
    expect(iamaxAll([])).toBe(-1);
    expect(runKernel('iamax n=-2', 'iamax', (c) => [-2, c.in(Float64Array.of(NaN)), 1]).ret).toBe(-1);
    expect(iamaxAll([1, NaN, 3])).toBe(2);
    expect(iamaxAll([NaN, 5, 7])).toBe(0);
    expect(iamaxAll([2, NaN], 3)).toBe(0);
  });
});
