/**
 * init({ wasm: WebAssembly.Module }) — a module compiled by the caller (e.g. cached, or from a
 * bundler) is instantiated as is.
 */
import { describe, it, expect } from 'vitest';
import { init, Matrix } from '../../../bindings/index.js';
import { readBytes, SIMD_WASM_URL } from '../../util/engines.js';

describe('compiled Module source', () => {
  it('loads and computes', async () => {
    const module = await WebAssembly.compile((await readBytes(SIMD_WASM_URL)) as BufferSource);
    expect(await init({ wasm: module })).toMatchObject({ backend: 'wasm', wasm: 'custom' });
    using A = Matrix.from([[2, 0], [0, 3]]);
    using B = A.matmul(A);
    expect(B.toArray()).toEqual([[4, 0], [0, 9]]);
  });
});
