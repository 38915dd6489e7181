/**
 * scal — x ← αx. One multiply per entry: every engine must equal fl(α·xᵢ) bit for bit. It multiplies
 * even when α = 0, so NaN and Inf in x become NaN (IEEE), and −0 comes out where the sign says.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines } from '../../util/engines.js';
import { runKernel, vecW, extractVec } from '../../util/harness.js';
import { Rng, vector, MATRIX_KINDS } from '../../util/generate.js';
import { expectBitwise } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

function scalAll(n: number, alpha: number, x: Float64Array, inc: number, skew = 0): Float64Array {
  const r = runKernel(`scal n=${n} α=${alpha} inc=${inc}`, 'scal', (c) => [n, alpha, c.out(x, vecW(n, inc), skew), inc]);
  return extractVec(r.bufs[0]!, Math.max(0, n), inc);
}

describe('scal', () => {
  it('equals fl(α·x) entry by entry', () => {
    let seed = 1;
    for (const n of [0, 1, 2, 3, 5, 8, 33, 100]) {
      for (const inc of [1, 2, 5]) {
        for (const alpha of [0, 1, -1, 2 ** -600, 1e300, 0.3]) {
          const rng = new Rng(seed++);
          const x = vector(rng, MATRIX_KINDS[seed % MATRIX_KINDS.length]!, n, inc);
          const want = extractVec(x, n, inc).map((v) => alpha * v);
          expectBitwise(`scal n=${n} inc=${inc} α=${alpha}`, scalAll(n, alpha, x, inc, seed % 2), want);
        }
      }
    }
  });

  it('n ≤ 0 writes nothing', () => {
    scalAll(0, 2, Float64Array.of(1, 2), 1);
    scalAll(-4, 2, Float64Array.of(1, 2), 1);
  });

  it('α = 0 turns NaN and ±Inf into NaN; signs of zero follow IEEE', () => {
    const x = Float64Array.of(NaN, Infinity, -Infinity, 1, -1, 0);
    expectBitwise('scal α=0', scalAll(6, 0, x, 1), Float64Array.of(NaN, NaN, NaN, 0, -0, 0));
    expectBitwise('scal α=-0', scalAll(6, -0, x, 1), Float64Array.of(NaN, NaN, NaN, -0, 0, -0));
    expect(Array.from(scalAll(2, 1e300, Float64Array.of(1e300, -1e300), 1))).toEqual([Infinity, -Infinity]);
  });
});
