/**
 * init() called concurrently: the calls share one load of the module (one in-flight promise), so the
 * backend and memoryStats() watch the same heap; a failed load does not poison later calls.
 *
 * Regression: `await Promise.all([init(), init()])` instantiated the module twice — the WASM backend
 * allocated in the first instance's heap while memoryStats() reported the second one (always empty).
 *
 * Each test loads a fresh copy of the library (vi.resetModules + dynamic import), so it starts with
 * nothing loaded. Where the runner cannot reset modules (Vitest's browser mode), only the first test
 * starts fresh; the others skip themselves.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';

type Lib = typeof import('../../../bindings/index.js');

/** A copy of the library with nothing loaded, or null where modules cannot be reset. */
async function freshLibrary(): Promise<Lib | null> {
  vi.resetModules();
  const L = await import('../../../bindings/index.js');
  return L.memoryStats().heapBytes === 0 && notInitialised(L) ? L : null;
}

function notInitialised(L: Lib): boolean {
  try {
    L.getBackend();
    return false;
  } catch {
    return true;
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('concurrent init()', () => {
  it('Promise.all([init(), init()]) loads the module once; memoryStats() sees what the backend allocates', async (ctx) => {
    const L = await freshLibrary();
    if (L === null) return ctx.skip();
    const instantiate = vi.spyOn(WebAssembly, 'instantiate');
    const [a, b] = await Promise.all([L.init(), L.init()]);
    expect(instantiate).toHaveBeenCalledTimes(1);
    expect(a).toEqual(b);
    expect(L.getBackend()).toBe('wasm');
    const before = L.memoryStats().blocksInUse;
    const M = L.Matrix.zeros(9, 9); // > 64 entries: linear memory
    expect(L.memoryStats().blocksInUse).toBe(before + 1);
    M.dispose();
    expect(L.memoryStats().blocksInUse).toBe(before);
    // A later call reuses the loaded module.
    await L.init();
    expect(instantiate).toHaveBeenCalledTimes(1);
  });

  it('concurrent calls asking for different backends: one load', async (ctx) => {
    const L = await freshLibrary();
    if (L === null) return ctx.skip();
    const instantiate = vi.spyOn(WebAssembly, 'instantiate');
    const results = await Promise.all([L.init(), L.init({ backend: 'js' }), L.init({ backend: 'wasm' })]);
    expect(instantiate).toHaveBeenCalledTimes(1);
    const kind = L.relaxedSimdSupported() ? 'relaxed' : L.simdSupported() ? 'simd' : 'scalar';
    // The 'js' call needs no module and returns before the load finishes.
    expect(results.map((r) => [r.backend, r.wasm])).toEqual([['wasm', kind], ['js', null], ['wasm', kind]]);
    L.setBackend('wasm');
    using M = L.Matrix.ones(9, 9); // > 64 entries: linear memory
    expect(L.memoryStats().blocksInUse).toBe(1);
  });

  it('a failed load rejects every caller that shared it, and does not poison later calls', async (ctx) => {
    const L = await freshLibrary();
    if (L === null) return ctx.skip();
    const bad = new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]); // wasm magic, bad version
    const settled = await Promise.allSettled([L.init({ wasm: bad }), L.init({ wasm: bad })]);
    for (const s of settled) {
      expect(s.status).toBe('rejected');
      expect((s as PromiseRejectedResult).reason).toBeInstanceOf(WebAssembly.CompileError);
    }
    expect(() => L.getBackend()).toThrow(Error); // nothing installed
    const instantiate = vi.spyOn(WebAssembly, 'instantiate');
    const [r1, r2] = await Promise.all([L.init(), L.init()]);
    expect(instantiate).toHaveBeenCalledTimes(1);
    expect(r1.backend).toBe('wasm');
    expect(r2.wasm).not.toBeNull();
    using M = L.Matrix.eye(9); // > 64 entries: linear memory
    expect(L.memoryStats().blocksInUse).toBe(1);
  });
});
