/**
 * axpy — y ← αx + y. Each entry is one multiply and one add in a fixed order, so every engine must
 * equal the formula fl(yᵢ + fl(α·xᵢ)) evaluated here, bit for bit (no FMA anywhere). There is no
 * α = 0 shortcut: 0·Inf gives NaN, as written.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines } from '../../util/engines.js';
import { runKernel, vecW, extractVec } from '../../util/harness.js';
import { Rng, vector, MATRIX_KINDS } from '../../util/generate.js';
import { expectBitwise } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

function axpyAll(n: number, alpha: number, x: Float64Array, incx: number, y: Float64Array, incy: number, skew = 0): Float64Array {
  const r = runKernel(`axpy n=${n} α=${alpha} incx=${incx} incy=${incy}`, 'axpy', (c) => [
    n, alpha, c.in(x, skew), incx, c.out(y, vecW(n, incy), 1 - skew), incy,
  ]);
  return extractVec(r.bufs[1]!, Math.max(0, n), incy);
}

describe('axpy', () => {
  it('equals fl(y + fl(αx)) entry by entry: lengths, strides, α, kinds, offsets', () => {
    let seed = 1;
    for (const n of [0, 1, 2, 3, 4, 5, 8, 17, 100]) {
      for (const [incx, incy] of [[1, 1], [1, 2], [3, 1], [2, 2]] as const) {
        for (const alpha of [0, 1, -1, 0.1, -3.5e7]) {
          const kind = MATRIX_KINDS[seed % MATRIX_KINDS.length]!;
          const rng = new Rng(seed++);
          const x = vector(rng, kind, n, incx);
          const y = vector(rng, 'normal', n, incy);
          const want = new Float64Array(n);
          for (let i = 0; i < n; i++) want[i] = y[i * incy]! + alpha * x[i * incx]!;
          expectBitwise(`axpy n=${n} α=${alpha} ${kind}`, axpyAll(n, alpha, x, incx, y, incy, seed % 2), want);
        }
      }
    }
  });

  it('n ≤ 0 writes nothing', () => {
    const y = Float64Array.of(1, 2, 3);
    axpyAll(-1, 2, Float64Array.of(1, 1, 1), 1, y, 1); // the harness checks nothing was written
    expect(Array.from(axpyAll(0, 2, Float64Array.of(1), 1, y, 1))).toEqual([]);
  });

  it('NaN and Inf propagate; α = 0 still multiplies (0·Inf = NaN)', () => {
    const x = Float64Array.of(NaN, Infinity, 1, -Infinity, 5);
    const y = Float64Array.of(1, 1, Infinity, Infinity, NaN);
    expectBitwise('axpy α=2', axpyAll(5, 2, x, 1, y, 1), Float64Array.of(NaN, Infinity, Infinity, NaN, NaN));
    expectBitwise('axpy α=0', axpyAll(5, 0, x, 1, y, 1), Float64Array.of(NaN, NaN, Infinity, NaN, NaN));
  });
});
