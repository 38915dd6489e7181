/**
 * init({ simd: false }) loads the scalar build; its results equal the JS backend's bit for bit (the
 * scalar kernels and the JS mirrors perform the same operations in the same order).
 */
import { describe, it, expect } from 'vitest';
import { init, Matrix, setBackend, gram, matmul, norm } from '../../../bindings/index.js';
import { onBackend } from '../../util/api.js';
import { expectBitwise } from '../../util/tolerance.js';

describe('scalar build', () => {
  it('loads on request and matches the JS backend bit for bit', async () => {
    expect(await init({ simd: false })).toMatchObject({ backend: 'wasm', wasm: 'scalar' });
    setBackend('wasm');
    using A = Matrix.randn(41, 37, { seed: 1 });
    using B = Matrix.randn(37, 23, { seed: 2 });
    using C = matmul(A, B);
    using G = gram(A);
    const Cj = onBackend('js', () => matmul(A, B));
    const Gj = onBackend('js', () => gram(A));
    expectBitwise('matmul scalar vs js', C.toFloat64Array(), Cj.toFloat64Array());
    expectBitwise('gram scalar vs js', G.toFloat64Array(), Gj.toFloat64Array());
    expect(norm(A)).toBe(onBackend('js', () => norm(A)));
  });
});
