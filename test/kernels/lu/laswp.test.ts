/**
 * laswp — row interchanges ipiv[k1:k2] applied to n columns (forward), or in reverse order (which
 * undoes them). Pure data movement: exact, on every engine; the pivot vector is an int32 buffer
 * between guards like every other operand.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines } from '../../util/engines.js';
import { runKernel, matW, extract } from '../../util/harness.js';
import { Rng, matrix } from '../../util/generate.js';
import { applyPivots } from '../../util/triangular.js';
import { expectBitwise } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

function randomPivots(rng: Rng, m: number, k: number): Int32Array {
  return Int32Array.from({ length: k }, (_, i) => i + (rng.u32() % (m - i)));
}

describe('laswp', () => {
  it('forward swaps equal the sequential row interchanges; reverse undoes them', () => {
    let seed = 1;
    for (const [m, n] of [[1, 1], [2, 3], [5, 4], [9, 1], [17, 6]] as const) {
      for (const [k1, k2] of [[0, Math.min(m, 3)], [1, m], [0, m], [0, 0]] as const) {
        const rng = new Rng(seed++);
        const ld = m + (seed % 3);
        const A = matrix(rng, 'normal', m, n, ld);
        const ipiv = randomPivots(rng, m, m);
        const fwd = runKernel(`laswp ${m}×${n} [${k1},${k2})`, 'laswp', (c) => [n, c.out(A, matW(m, n, ld)), ld, k1, k2, c.ints(ipiv), 0]);
        // The reference: the full sequence applied, minus the part outside [k1, k2).
        const want = applyPivots(A, m, n, ld, Int32Array.from(ipiv, (p, i) => (i >= k1 && i < k2 ? p : i)), m);
        expectBitwise(`laswp forward ${m}×${n} [${k1},${k2})`, extract(fwd.bufs[0]!, m, n, ld), want);
        const back = runKernel(`laswp reverse`, 'laswp', (c) => [n, c.out(fwd.bufs[0]!, matW(m, n, ld)), ld, k1, k2, c.ints(ipiv), 1]);
        expectBitwise(`laswp reverse undoes forward`, back.bufs[0]!, A);
      }
    }
  });

  it('n ≤ 0 or k2 ≤ k1 touches nothing', () => {
    const A = Float64Array.of(1, 2, 3);
    const ipiv = Int32Array.of(2, 2, 2);
    for (const [n, k1, k2] of [[0, 0, 3], [-1, 0, 3], [1, 2, 2], [1, 3, 1]] as const) {
      const r = runKernel('laswp noop', 'laswp', (c) => [n, c.out(A, () => false), 3, k1, k2, c.ints(ipiv), 0]);
      expect(Array.from(r.bufs[0]!)).toEqual([1, 2, 3]);
    }
  });
});
