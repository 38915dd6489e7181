/**
 * init({ wasm }) with a user-supplied source. A failed load leaves the library unloaded (a later
 * init can still succeed); a missing file names its URL; bytes are then accepted as 'custom'.
 */
import { describe, it, expect } from 'vitest';
import { init, Matrix, memoryStats, getBackend } from '../../../bindings/index.js';
import { readBytes, SIMD_WASM_URL, isNode } from '../../util/engines.js';
import { expectRejection } from '../../util/errors.js';

describe('user-supplied module sources', () => {
  it('garbage bytes reject with a CompileError and load nothing', async () => {
    await expect(init({ wasm: new Uint8Array([0, 97, 115, 109, 9, 9]) })).rejects.toThrow(WebAssembly.CompileError);
    expect(memoryStats().heapBytes).toBe(0);
  });

  it('a missing file rejects naming it', async () => {
    const missing = new URL('../../../build/no-such-file.wasm', import.meta.url);
    await expectRejection(Error, 'init of a missing file', init({ wasm: missing }), /no-such-file\.wasm/);
    expect(memoryStats().heapBytes).toBe(0);
  });

  it('a path string resolves (against the working directory in Node, the page in the browser)', async () => {
    // Only checks that the path form is accepted and loads; the library stays 'custom' afterwards.
    const src = isNode ? 'build/wasm-linalg.simd.wasm' : '/build/wasm-linalg.simd.wasm';
    const r = await init({ wasm: src });
    expect(r).toMatchObject({ backend: 'wasm', wasm: 'custom' });
    expect(getBackend()).toBe('wasm');
    using A = Matrix.eye(3);
    expect(A.trace()).toBe(3);
  });

  it('bytes of the real module are accepted (already loaded: init reports the first source)', async () => {
    const bytes = await readBytes(SIMD_WASM_URL);
    const r = await init({ wasm: bytes });
    expect(r.wasm).toBe('custom');
  });
});
