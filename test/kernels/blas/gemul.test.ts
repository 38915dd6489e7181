/**
 * gemul — C ← A ∘ B (Hadamard product): one multiply per entry, so every engine equals fl(a·b) bit
 * for bit; padding neither read nor written; C may alias A or B.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines } from '../../util/engines.js';
import { runKernel, matW, extract } from '../../util/harness.js';
import { Rng, matrix, MATRIX_KINDS } from '../../util/generate.js';
import { expectBitwise } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

function formula(m: number, n: number, A: Float64Array, lda: number, B: Float64Array, ldb: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) out[i + j * m] = A[i + j * lda]! * B[i + j * ldb]!;
  return out;
}

describe('gemul', () => {
  it('equals fl(a·b) entry by entry over shapes, leading dimensions and offsets', () => {
    let seed = 1;
    for (const [m, n] of [[0, 0], [0, 2], [2, 0], [1, 1], [1, 5], [5, 1], [2, 2], [3, 4], [8, 3], [17, 6]] as const) {
      for (const pad of [0, 1, 3]) {
        const rng = new Rng(seed++);
        const kind = MATRIX_KINDS[seed % MATRIX_KINDS.length]!;
        const ld = Math.max(1, m) + pad;
        const A = matrix(rng, kind, m, n, ld);
        const B = matrix(rng, 'wide', m, n, ld + 1);
        const C = matrix(rng, 'uniform', m, n, ld);
        const skew = seed % 2;
        const r = runKernel(`gemul ${m}×${n} pad=${pad}`, 'gemul', (c) => [
          m, n, c.in(A, skew), ld, c.in(B, 1 - skew), ld + 1, c.out(C, matW(m, n, ld), skew), ld,
        ]);
        expectBitwise(`gemul ${m}×${n}`, extract(r.bufs[2]!, m, n, ld), formula(m, n, A, ld, B, ld + 1));
      }
    }
  });

  it('C may alias A', () => {
    const rng = new Rng(9);
    const [m, n, ld] = [5, 3, 6];
    const A = matrix(rng, 'normal', m, n, ld);
    const B = matrix(rng, 'normal', m, n, ld);
    const r = runKernel('gemul C=A', 'gemul', (c) => {
      const a = c.out(A, matW(m, n, ld));
      return [m, n, a, ld, c.in(B), ld, a, ld];
    });
    expectBitwise('gemul C=A', extract(r.bufs[0]!, m, n, ld), formula(m, n, A, ld, B, ld));
  });

  it('NaN and Inf propagate (0·Inf = NaN)', () => {
    const A = Float64Array.of(0, NaN, Infinity, -Infinity, 2);
    const B = Float64Array.of(Infinity, 1, 2, -3, 1e308);
    const r = runKernel('gemul ieee', 'gemul', (c) => [5, 1, c.in(A), 5, c.in(B), 5, c.out(new Float64Array(5), matW(5, 1, 5)), 5]);
    expect(Array.from(r.bufs[2]!)).toEqual([NaN, NaN, Infinity, Infinity, Infinity]);
  });
});
