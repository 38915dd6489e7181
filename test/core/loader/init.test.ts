/**
 * The loader, from a fresh module state (vitest isolates each test file): before init() every entry
 * point fails with an error that says to call init(); init({ backend: 'js' }) works without loading
 * the module; init() then loads the relaxed-SIMD build where the engine validates relaxed SIMD, else
 * the SIMD build (found through new URL('../build/…', import.meta.url) both in Node and under the
 * browser's dev server) and is idempotent. Other sources: test/core/loader/.
 */
import { describe, it, expect } from 'vitest';
import {
  init, Matrix, matmul, add, norm, dot, getBackend, setBackend, memoryStats, simdSupported, relaxedSimdSupported, solve,
} from '../../../bindings/index.js';

/** The build init() picks by capability: relaxed where its probe validates, else SIMD, else scalar. */
const DEFAULT_BUILD = relaxedSimdSupported() ? 'relaxed' : simdSupported() ? 'simd' : 'scalar';
import { expectError, expectRejection } from '../../util/errors.js';

describe('before init()', () => {
  it('every operation throws an Error telling the caller to call init()', () => {
    const calls: [string, () => unknown][] = [
      ['Matrix.zeros', () => Matrix.zeros(2, 2)],
      ['Matrix.from', () => Matrix.from([[1]])],
      ['Matrix.random', () => Matrix.random(2, 2, { seed: 1 })],
      ['matmul', () => matmul([[1]], [[1]])],
      ['add', () => add([[1]], [[1]])],
      ['norm', () => norm([[1]])],
      ['dot', () => dot([1], [1])],
      ['solve', () => solve([[1]], [1])],
      ['getBackend', () => getBackend()],
      ['setBackend', () => setBackend('wasm')],
    ];
    for (const [name, f] of calls) {
      expectError(Error, name, f, /init\(\)/);
    }
  });

  it('memoryStats() is all zeros; simdSupported() answers', () => {
    expect(memoryStats()).toEqual({ bytesInUse: 0, blocksInUse: 0, heapBytes: 0, peakBytes: 0 });
    expect(typeof simdSupported()).toBe('boolean');
    expect(simdSupported()).toBe(true); // Node 20 and Chromium both have wasm SIMD
  });
});

describe('init()', () => {
  it("init({ backend: 'js' }) needs no module; the WASM backend is then not available", async () => {
    const r = await init({ backend: 'js' });
    expect(r).toMatchObject({ backend: 'js', wasm: null });
    expect(getBackend()).toBe('js');
    using A = Matrix.from([[1, 2], [3, 4]]);
    expect(A.backend).toBe('js');
    using C = A.matmul(A);
    expect(C.toArray()).toEqual([[7, 10], [15, 22]]);
    expect(memoryStats().heapBytes).toBe(0);
    expectError(Error, "setBackend('wasm') without the module", () => setBackend('wasm'), /not loaded/);
  });

  it('init() loads the relaxed build where relaxed SIMD validates, else the SIMD build, and selects it; matrices made before stay usable', async () => {
    using J = Matrix.fromArray(Array.from({ length: 81 }, (_, i) => i), 9, 9); // JS backend, made before the module loads
    const r = await init();
    expect(r).toMatchObject({ backend: 'wasm', wasm: DEFAULT_BUILD });
    expect(getBackend()).toBe('wasm');
    expect(memoryStats().heapBytes).toBeGreaterThan(0);
    using W = Matrix.eye(9); // 81 entries: linear memory (64 or fewer live on the JS heap)
    expect([J.backend, W.backend]).toEqual(['js', 'wasm']);
    using C = matmul(J, W);
    expect(C.toArray()).toEqual(J.toArray());
  });

  it('is idempotent and switches backends without reloading', async () => {
    const stats = memoryStats();
    expect(await init()).toMatchObject({ backend: 'wasm', wasm: DEFAULT_BUILD });
    expect(await init({ backend: 'js' })).toMatchObject({ backend: 'js', wasm: DEFAULT_BUILD });
    expect(getBackend()).toBe('js');
    expect(await init({ backend: 'wasm', simd: false })).toMatchObject({ backend: 'wasm', wasm: DEFAULT_BUILD }); // already loaded
    expect(await init({ fma: false })).toMatchObject({ backend: 'wasm', wasm: DEFAULT_BUILD }); // already loaded
    expect(memoryStats().heapBytes).toBe(stats.heapBytes);
  });

  it('rejects an unknown backend with a TypeError naming it', async () => {
    await expectRejection(TypeError, "init({ backend: 'gpu' })", init({ backend: 'gpu' as never }), /gpu/);
    expect(getBackend()).toBe('wasm');
  });
});
