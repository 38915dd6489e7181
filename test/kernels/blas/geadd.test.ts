/**
 * geadd — C ← α·A + β·B on m×n column-major matrices with their own leading dimensions. Each entry
 * is fl(fl(α·a) + fl(β·b)) (no shortcut for α or β equal to 0 or 1), so every engine must equal that
 * formula bit for bit; NaN padding in A and B must not be read, padding in C not written. C may
 * alias A or B exactly.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines } from '../../util/engines.js';
import { runKernel, matW, extract } from '../../util/harness.js';
import { Rng, matrix, MATRIX_KINDS } from '../../util/generate.js';
import { expectBitwise } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

function formula(m: number, n: number, alpha: number, A: Float64Array, lda: number, beta: number, B: Float64Array, ldb: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) out[i + j * m] = alpha * A[i + j * lda]! + beta * B[i + j * ldb]!;
  return out;
}

describe('geadd', () => {
  it('equals fl(αa + βb) entry by entry over shapes, leading dimensions, α, β and offsets', () => {
    let seed = 1;
    for (const [m, n] of [[0, 0], [0, 3], [3, 0], [1, 1], [2, 3], [3, 2], [5, 7], [16, 4], [17, 9]] as const) {
      for (const [alpha, beta] of [[1, 1], [1, -1], [0, 2], [-0.5, 0], [3, 1e-3]] as const) {
        const rng = new Rng(seed++);
        const kind = MATRIX_KINDS[seed % MATRIX_KINDS.length]!;
        const [lda, ldb, ldc] = [Math.max(1, m) + (seed % 3), Math.max(1, m) + 3, Math.max(1, m) + ((seed + 1) % 2)];
        const A = matrix(rng, kind, m, n, lda);
        const B = matrix(rng, 'normal', m, n, ldb);
        const C = matrix(rng, 'uniform', m, n, ldc);
        const skew = seed % 2;
        const r = runKernel(`geadd ${m}×${n} α=${alpha} β=${beta}`, 'geadd', (c) => [
          m, n, alpha, c.in(A, skew), lda, beta, c.in(B, 1 - skew), ldb, c.out(C, matW(m, n, ldc), skew), ldc,
        ]);
        expectBitwise(`geadd ${m}×${n} α=${alpha} β=${beta}`, extract(r.bufs[2]!, m, n, ldc), formula(m, n, alpha, A, lda, beta, B, ldb));
      }
    }
  });

  it('C may alias A or B (same buffer and leading dimension)', () => {
    const rng = new Rng(3);
    const [m, n, ld] = [7, 5, 9];
    const A = matrix(rng, 'normal', m, n, ld);
    const B = matrix(rng, 'normal', m, n, ld);
    const intoA = runKernel('geadd C=A', 'geadd', (c) => {
      const a = c.out(A, matW(m, n, ld));
      return [m, n, 2, a, ld, -1, c.in(B), ld, a, ld];
    });
    expectBitwise('geadd C=A', extract(intoA.bufs[0]!, m, n, ld), formula(m, n, 2, A, ld, -1, B, ld));
    const intoB = runKernel('geadd C=B', 'geadd', (c) => {
      const b = c.out(B, matW(m, n, ld));
      return [m, n, 2, c.in(A), ld, -1, b, ld, b, ld];
    });
    expectBitwise('geadd C=B', extract(intoB.bufs[0]!, m, n, ld), formula(m, n, 2, A, ld, -1, B, ld));
  });

  it('NaN and Inf propagate; α = 0 still multiplies (0·Inf = NaN); Inf − Inf = NaN', () => {
    const A = Float64Array.of(Infinity, NaN, 1, Infinity);
    const B = Float64Array.of(Infinity, 1, -Infinity, 1);
    const r = runKernel('geadd ieee', 'geadd', (c) => [4, 1, 1, c.in(A), 4, -1, c.in(B), 4, c.out(new Float64Array(4), matW(4, 1, 4)), 4]);
    expect(Array.from(r.bufs[2]!)).toEqual([NaN, NaN, Infinity, Infinity]);
    const z = runKernel('geadd α=0', 'geadd', (c) => [4, 1, 0, c.in(A), 4, 1, c.in(B), 4, c.out(new Float64Array(4), matW(4, 1, 4)), 4]);
    expect(Array.from(z.bufs[2]!)).toEqual([NaN, NaN, -Infinity, NaN]);
  });
});
