/**
 * dot — Σ xᵢyᵢ on every engine: bit for bit across engines (the SIMD build's two lane accumulators
 * are mirrored by two scalars), within (n + 1)·ε·Σ|xᵢ||yᵢ| of the Dot2 reference, exact on integers.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines } from '../../util/engines.js';
import { runKernel } from '../../util/harness.js';
import { Rng, vector, MATRIX_KINDS } from '../../util/generate.js';
import { dotRef } from '../../util/reference.js';
import { expectScaledScalar } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

function dotAll(n: number, x: Float64Array, incx: number, y: Float64Array, incy: number, skew = 0): number {
  return runKernel(`dot n=${n} incx=${incx} incy=${incy} skew=${skew}`, 'dot', (c) => [n, c.in(x, skew), incx, c.in(y, 1 - skew), incy]).ret!;
}

describe('dot', () => {
  it('lengths 0…17, 100, 1001; unit and non-unit strides; every matrix kind; odd offsets', () => {
    let seed = 1;
    for (const n of [0, 1, 2, 3, 4, 5, 7, 8, 16, 17, 100, 1001]) {
      for (const [incx, incy] of [[1, 1], [2, 1], [1, 3], [2, 2]] as const) {
        for (const kind of MATRIX_KINDS) {
          const rng = new Rng(seed++);
          const x = vector(rng, kind, n, incx);
          const y = vector(rng, kind, n, incy);
          const got = dotAll(n, x, incx, y, incy, seed % 2);
          const ref = dotRef(n, x, 0, incx, y, 0, incy);
          if (kind === 'integer') expect(got, `dot ${kind} n=${n}`).toBe(ref.value);
          expectScaledScalar(`dot ${kind} n=${n} incx=${incx} incy=${incy}`, got, ref.value, ref.bound, n + 1);
        }
      }
    }
  });

  it('n ≤ 0 returns 0 and reads nothing', () => {
    const nan = new Float64Array(4).fill(NaN);
    expect(dotAll(0, nan, 1, nan, 1)).toBe(0);
    expect(dotAll(-3, nan, 1, nan, 1)).toBe(0);
  });

  it('cancellation is judged against Σ|xᵢ||yᵢ|, not |xᵀy|', () => {
    const x = Float64Array.of(1e16, 1, -1e16, 3);
    const y = Float64Array.of(1, 1, 1, 1);
    const ref = dotRef(4, x, 0, 1, y, 0, 1);
    expect(ref.value).toBe(4); // Dot2 recovers the exact sum
    expectScaledScalar('dot cancel', dotAll(4, x, 1, y, 1), ref.value, ref.bound, 5);
  });

  it('NaN and Inf propagate per IEEE', () => {
    const cases: [number[], number[], number][] = [
      [[1, NaN, 3], [1, 1, 1], NaN],
      [[1, 2, 3, 4, NaN], [1, 1, 1, 1, 1], NaN], // in the scalar tail after the lane loop
      [[Infinity, 1], [1, 1], Infinity],
      [[Infinity, 1], [0, 1], NaN], // ∞·0
      [[Infinity, -Infinity], [1, 1], NaN], // ∞ − ∞ across the two lanes
      [[Infinity, 2, -Infinity], [1, 1, 1], NaN], // ∞ − ∞ between lane sum and tail
      [[1e308, 1e308], [10, 10], Infinity], // overflow
    ];
    for (const [xs, ys, want] of cases) {
      for (const inc of [1, 2]) {
        const x = new Float64Array(xs.length * inc).fill(NaN);
        const y = new Float64Array(ys.length * inc).fill(NaN);
        xs.forEach((v, i) => (x[i * inc] = v));
        ys.forEach((v, i) => (y[i * inc] = v));
        expect(dotAll(xs.length, x, inc, y, inc), `dot ${xs} · ${ys} inc=${inc}`).toBe(want);
      }
    }
  });
});
