/**
 * getrans — B ← Aᵀ out of place. Pure data movement: exact on every engine. Shapes straddle the
 * 8×8 tile; both leading dimensions padded (NaN in A's padding must not be copied, B's padding
 * must not be written).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines } from '../../util/engines.js';
import { runKernel, matW, extract } from '../../util/harness.js';
import { Rng, matrix } from '../../util/generate.js';
import { expectBitwise } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

describe('getrans', () => {
  it('B = Aᵀ exactly, for shapes around the 8×8 tile and padded leading dimensions', () => {
    let seed = 1;
    const sizes = [0, 1, 2, 7, 8, 9, 16, 17, 31];
    for (const m of sizes) {
      for (const n of sizes) {
        const rng = new Rng(seed++);
        const lda = Math.max(1, m) + (seed % 4);
        const ldb = Math.max(1, n) + ((seed >> 1) % 3);
        const A = matrix(rng, 'wide', m, n, lda);
        A[0] = -0; // signed zero survives the copy
        const skew = seed % 2;
        const r = runKernel(`getrans ${m}×${n} lda=${lda} ldb=${ldb}`, 'getrans', (c) => [
          m, n, c.in(A, skew), lda, c.out(new Float64Array(Math.max(1, ldb * m)).fill(NaN), matW(n, m, ldb), 1 - skew), ldb,
        ]);
        const want = new Float64Array(n * m);
        for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) want[j + i * n] = A[i + j * lda]!;
        expectBitwise(`getrans ${m}×${n}`, extract(r.bufs[1]!, n, m, ldb), want);
      }
    }
  });

  it('copies NaN, Inf and −0 unchanged', () => {
    const A = Float64Array.of(NaN, Infinity, -0, -Infinity);
    const r = runKernel('getrans ieee', 'getrans', (c) => [2, 2, c.in(A), 2, c.out(new Float64Array(4), matW(2, 2, 2)), 2]);
    expectBitwise('getrans ieee', r.bufs[1]!, Float64Array.of(NaN, -0, Infinity, -Infinity));
    expect(Object.is(r.bufs[1]![1], -0)).toBe(true);
  });
});
