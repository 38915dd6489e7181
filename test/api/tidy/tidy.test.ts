/**
 * tidy / keep and whole-result disposal: every matrix made inside a tidy callback is disposed when it
 * returns, except what it returns (matrices, in arrays and plain objects) and what keep() holds;
 * nested tidies hand their results up; a throw disposes everything made inside; a Promise is
 * refused. Result objects of the decompositions free all their matrices with one dispose(). Out of
 * memory, the RangeError says what is live and points to dispose()/tidy().
 */
import { describe, it, expect, beforeAll } from 'vitest';
import {
  Matrix, tidy, keep, memoryStats, setBackend, svd, eigh, qr, lu, eig, schur, pca, lstsq, subspaces, lowRank,
} from '../../../bindings/index.js';
import { backendNamed } from '../../../bindings/core/backend.js';
import type { WasmBackend } from '../../../bindings/wasm/backend.js';
import { setupApi, BACKENDS } from '../../util/api.js';
import { DISPOSE_KEY } from '../../util/engines.js';

beforeAll(setupApi);

const blocks = (): number => memoryStats().blocksInUse;

describe.each(BACKENDS)('tidy on the %s backend', (b) => {
  beforeAll(() => setBackend(b));

  it('disposes every matrix made inside except the one returned', () => {
    const base = blocks();
    const A = Matrix.random(9, 9, { seed: 1 }); // > 64 entries: linear memory on the wasm backend
    const made: Matrix[] = [];
    const R = tidy(() => {
      const B = A.matmul(A);
      const C = B.add(A);
      made.push(B, C);
      return C.scale(2);
    });
    expect(made.every((M) => M.disposed)).toBe(true);
    expect(A.disposed).toBe(false); // made before the tidy
    expect(R.disposed).toBe(false);
    expect(blocks()).toBe(base + (b === 'wasm' ? 2 : 0));
    expect(R.get(0, 0)).toBeCloseTo(2 * (A.matmul(A).get(0, 0) + A.get(0, 0)), 12);
    R.dispose();
    A.dispose();
  });

  it('keeps matrices returned inside arrays and plain objects, and what keep() holds', () => {
    const base = blocks();
    let kept: Matrix | null = null;
    let dropped: Matrix | null = null;
    const out = tidy(() => {
      const X = Matrix.eye(3);
      kept = keep(Matrix.ones(2, 2));
      dropped = Matrix.zeros(2, 2);
      return { list: [X, X.transpose()], nested: { Y: X.scale(3) }, n: 1 };
    });
    expect(dropped!.disposed).toBe(true);
    expect(kept!.disposed).toBe(false);
    expect(out.list.every((M) => !M.disposed) && !out.nested.Y.disposed).toBe(true);
    for (const M of [...out.list, out.nested.Y, kept!]) M.dispose();
    expect(blocks()).toBe(base);
  });

  it('nested: what the inner tidy returns belongs to the outer one', () => {
    const base = blocks();
    let inner: Matrix | null = null;
    const outerResult = tidy(() => {
      inner = tidy(() => Matrix.ones(3, 3).scale(2));
      expect(inner.disposed).toBe(false);
      return inner.trace();
    });
    expect(outerResult).toBe(6);
    expect(inner!.disposed).toBe(true);
    expect(blocks()).toBe(base);
  });

  it('a throw disposes everything made inside and propagates', () => {
    const base = blocks();
    let inside: Matrix | null = null;
    expect(() =>
      tidy(() => {
        inside = Matrix.ones(5, 5);
        throw new SyntaxError('boom');
      }),
    ).toThrow(SyntaxError);
    expect(inside!.disposed).toBe(true);
    expect(blocks()).toBe(base);
  });

  it('refuses a Promise and a non-function', () => {
    const base = blocks();
    expect(() => tidy((async () => Matrix.ones(1, 1)) as unknown as () => Matrix)).toThrow(TypeError);
    expect(() => tidy(42 as unknown as () => void)).toThrow(TypeError);
    expect(() => keep(3 as unknown as Matrix)).toThrow(TypeError);
    expect(blocks()).toBe(base);
  });

  it('a loop of 10⁵ A.add(B).scale(2) on 256×256 stays at a bounded heap', () => {
    const A = Matrix.random(256, 256, { seed: 2 });
    const B = Matrix.random(256, 256, { seed: 3 });
    const base = blocks();
    const heap0 = memoryStats().heapBytes;
    let t = 0;
    const N = b === 'wasm' ? 100_000 : 2_000; // the JS backend's Float64Arrays are the GC's; fewer rounds keep the run short
    for (let i = 0; i < N; i++) t += tidy(() => A.add(B).scale(2).get(0, 0));
    expect(t).toBeCloseTo(N * 2 * (A.get(0, 0) + B.get(0, 0)), 3);
    expect(blocks()).toBe(base);
    expect(memoryStats().heapBytes).toBeLessThanOrEqual(Math.max(heap0, 16 * 2 ** 20));
    A.dispose();
    B.dispose();
  }, 120_000);
});

describe.each(BACKENDS)('results disposable as a whole on the %s backend', (b) => {
  beforeAll(() => setBackend(b));

  it('svd, eigh, qr, lu, eig, schur, pca, lstsq, subspaces, lowRank: one dispose() frees every matrix', () => {
    const A = Matrix.random(9, 9, { seed: 4 });
    const S = A.gram();
    const base = blocks();
    const results = [
      svd(A), svd(A, { fullMatrices: true }), svd(A, { computeUV: false }), eigh(S), qr(A), qr(A, { mode: 'r' }),
      qr(A, { pivoting: true }), lu(A), eig(A), schur(A), pca(A, { k: 2 }), lstsq(A, A), lstsq(A, [1, 2, 3, 4, 5, 6, 7, 8, 9]),
      subspaces(A), lowRank(A, 2),
    ];
    if (b === 'wasm') expect(blocks()).toBeGreaterThan(base);
    for (const r of results) {
      expect(Object.keys(r)).not.toContain('dispose'); // non-enumerable: spreads and toEqual see only the data
      r.dispose();
      r.dispose(); // idempotent
    }
    expect(blocks()).toBe(base);
    const r = svd(A);
    r[DISPOSE_KEY]();
    expect(r.U!.disposed && r.Vt!.disposed).toBe(true);
    {
      using q = qr(A);
      expect(q.Q!.disposed).toBe(false);
    }
    expect(blocks()).toBe(base);
    S.dispose();
    A.dispose();
  });

  it('results made inside tidy and returned survive whole', () => {
    const A = Matrix.random(9, 9, { seed: 5 });
    const base = blocks();
    const r = tidy(() => svd(A.scale(2)));
    expect(r.U!.disposed || r.Vt!.disposed).toBe(false);
    r.dispose();
    expect(blocks()).toBe(base);
    A.dispose();
  });
});

describe('out of memory', () => {
  beforeAll(() => setBackend('wasm'));

  it('the RangeError says what is live and points to dispose() and tidy()', () => {
    const heap = (backendNamed('wasm') as WasmBackend).heap;
    const grow = heap.memory.grow.bind(heap.memory);
    heap.memory.grow = () => {
      throw new RangeError('refused');
    };
    try {
      const live = blocks();
      let err: unknown = null;
      try {
        Matrix.zeros(8192, 8192);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(RangeError);
      const msg = (err as Error).message;
      expect(msg).toContain(`${live} blocks live`);
      expect(msg).toMatch(/MiB/);
      expect(msg).toMatch(/dispose\(\)/);
      expect(msg).toMatch(/tidy\(/);
    } finally {
      heap.memory.grow = grow;
    }
  });
});
