/**
 * symmetrize — A[i, j] ← A[j, i] for i < j (lower triangle mirrored into the upper one). Pure data
 * movement: exact on every engine. Shapes straddle the 8×8 tile; the lower triangle, the diagonal
 * and the padding must not be written (only the strict upper triangle is writable).
 */
import { describe, it, beforeAll } from 'vitest';
import { setupEngines } from '../../util/engines.js';
import { runKernel, extract } from '../../util/harness.js';
import { Rng, matrix } from '../../util/generate.js';
import { expectBitwise } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

describe('symmetrize', () => {
  it('mirrors the strict lower triangle exactly, touching nothing else', () => {
    let seed = 1;
    for (const n of [0, 1, 2, 7, 8, 9, 16, 17, 33]) {
      const rng = new Rng(seed++);
      const lda = Math.max(1, n) + (seed % 3);
      const A = matrix(rng, 'wide', n, n, lda);
      const upper = (i: number): boolean => i % lda < n && Math.floor(i / lda) < n && i % lda < Math.floor(i / lda);
      const r = runKernel(`symmetrize n=${n} lda=${lda}`, 'symmetrize', (c) => [n, c.out(A, upper, seed % 2), lda]);
      const want = new Float64Array(n * n);
      for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) want[i + j * n] = i >= j ? A[i + j * lda]! : A[j + i * lda]!;
      expectBitwise(`symmetrize n=${n}`, extract(r.bufs[0]!, n, n, lda), want);
    }
  });
});
