/**
 * init({ fma: false }) opts out of the relaxed-SIMD build: the SIMD build loads and its results equal
 * the JS backend's bit for bit. Which build init() picks by default, per engine: relaxed wherever
 * relaxed SIMD validates (Node ≥ 22, Chromium, Firefox; Node 20 only with
 * --experimental-wasm-relaxed-simd), else SIMD (test/core/loader/init.test.ts loads that default).
 */
import { describe, it, expect } from 'vitest';
import { init, Matrix, setBackend, gram, matmul, relaxedSimdSupported, simdSupported } from '../../../bindings/index.js';
import { onBackend } from '../../util/api.js';
import { expectBitwise } from '../../util/tolerance.js';
import { expectRejection } from '../../util/errors.js';

interface NodeProcess {
  versions?: { node?: string };
  execArgv?: string[];
  env?: Record<string, string | undefined>;
}
const proc = (globalThis as { process?: NodeProcess }).process;
const nodeMajor = proc?.versions?.node !== undefined && typeof (globalThis as { window?: unknown }).window === 'undefined'
  ? Number(proc.versions.node.split('.')[0])
  : null;
const FLAG = '--experimental-wasm-relaxed-simd';
const nodeFlag = (proc?.execArgv ?? []).includes(FLAG) || (proc?.env?.NODE_OPTIONS ?? '').split(/\s+/).includes(FLAG);
const chromium = typeof navigator === 'object' && /Chrome\//.test(navigator.userAgent);

describe('relaxed SIMD detection', () => {
  it('the engines that ship relaxed SIMD on validate the probe: Node ≥ 22, Chromium; Node 20 only with the flag', () => {
    if (nodeMajor !== null && nodeMajor >= 22) expect(relaxedSimdSupported(), `Node ${nodeMajor}`).toBe(true);
    if (nodeMajor === 20) expect(relaxedSimdSupported(), `Node 20, flag ${nodeFlag ? 'set' : 'not set'}`).toBe(nodeFlag);
    if (chromium) expect(relaxedSimdSupported(), navigator.userAgent).toBe(true);
    if (relaxedSimdSupported()) expect(simdSupported()).toBe(true);
  });
});

describe('init({ fma: false })', () => {
  it('rejects a non-boolean fma, and fma: true with simd: false, before loading anything', async () => {
    await expectRejection(TypeError, 'init({ fma: 1 })', init({ fma: 1 as never }), /fma must be a boolean/);
    await expectRejection(TypeError, 'init({ fma: true, simd: false })', init({ fma: true, simd: false }), /simd: false/);
  });

  it('loads the SIMD build, bit for bit the JS backend', async () => {
    expect(await init({ fma: false })).toMatchObject({ backend: 'wasm', wasm: simdSupported() ? 'simd' : 'scalar' });
    setBackend('wasm');
    using A = Matrix.randn(41, 37, { seed: 1 });
    using B = Matrix.randn(37, 23, { seed: 2 });
    using C = matmul(A, B);
    using G = gram(A);
    const Cj = onBackend('js', () => matmul(A, B));
    const Gj = onBackend('js', () => gram(A));
    expectBitwise('matmul SIMD vs js', C.toFloat64Array(), Cj.toFloat64Array());
    expectBitwise('gram SIMD vs js', G.toFloat64Array(), Gj.toFloat64Array());
    Cj.dispose();
    Gj.dispose();
  });
});
