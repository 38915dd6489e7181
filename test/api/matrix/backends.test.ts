/**
 * Backend selection and mixed storage: matrices made under one backend stay usable after switching
 * to the other (the JS backend reads wasm storage in place; the WASM backend copies JS operands in
 * for the call), and the results equal those of an all-one-backend computation bit for bit. With the
 * relaxed-SIMD build (the `*-relaxed` projects; not bit-identical to the JS backend) the storage still
 * may not matter: results are compared bit for bit per selected backend.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { Matrix, add, matmul, matvec, gram, norm, hadamard, transpose, setBackend, getBackend, memoryStats } from '../../../bindings/index.js';
import { setupApi, onBackend } from '../../util/api.js';
import { buildUnderTest } from '../../util/engines.js';
import { expectBitwise } from '../../util/tolerance.js';
import { expectError } from '../../util/errors.js';

beforeAll(setupApi);

describe('backend selection', () => {
  it('setBackend / getBackend; new matrices live on the selected backend, small ones (≤ 64 entries) on the JS heap', () => {
    setBackend('js');
    expect(getBackend()).toBe('js');
    using J = Matrix.zeros(9, 9);
    expect(J.backend).toBe('js');
    setBackend('wasm');
    expect(getBackend()).toBe('wasm');
    using W = Matrix.zeros(9, 9);
    expect(W.backend).toBe('wasm');
    const blocks = memoryStats().blocksInUse;
    using S = Matrix.zeros(8, 8);
    using V = Matrix.zeros(1, 64);
    expect([S.backend, V.backend]).toEqual(['js', 'js']);
    expect(memoryStats().blocksInUse).toBe(blocks); // no linear memory for them
    using T = Matrix.zeros(1, 65);
    expect(T.backend).toBe('wasm');
  });

  it('an unknown backend name is a TypeError naming it', () => {
    expectError(TypeError, "setBackend('gpu')", () => setBackend('gpu' as never), /gpu/);
    expect(getBackend()).toBe('wasm');
  });
});

describe('mixed storage', () => {
  const ops: [string, (A: Matrix, B: Matrix) => Matrix | Float64Array | number][] = [
    ['matmul', (A, B) => matmul(A, B)],
    ['add', (A, B) => add(A, B)],
    ['hadamard', (A, B) => hadamard(A, B)],
    ['gram', (A) => gram(A)],
    ['transpose', (A) => transpose(A)],
    ['matvec', (A) => matvec(A, A.row(0))],
    ['norm', (A) => norm(A, 1)],
  ];
  const flat = (r: Matrix | Float64Array | number): Float64Array =>
    r instanceof Matrix ? r.toFloat64Array() : typeof r === 'number' ? Float64Array.of(r) : r;

  it('every operation gives the same bits whatever the operands’ storage and the selected backend', () => {
    const n = 13;
    const Aw = onBackend('wasm', () => Matrix.randn(n, n, { seed: 1 }));
    const Bw = onBackend('wasm', () => Matrix.randn(n, n, { seed: 2 }));
    const Aj = onBackend('js', () => Matrix.randn(n, n, { seed: 1 }));
    const Bj = onBackend('js', () => Matrix.randn(n, n, { seed: 2 }));
    const base = memoryStats();
    for (const [name, op] of ops) {
      const results: Float64Array[] = [];
      for (const sel of ['wasm', 'js'] as const) {
        for (const [A, B] of [[Aw, Bw], [Aj, Bj], [Aw, Bj], [Aj, Bw]] as const) {
          const r = onBackend(sel, () => op(A, B));
          if (r instanceof Matrix) expect(r.backend, `${name} result lives on the selected backend`).toBe(sel);
          results.push(flat(r).slice());
          if (r instanceof Matrix) r.dispose();
        }
      }
      if (buildUnderTest() === 'relaxed') {
        for (const r of results.slice(1, 4)) expectBitwise(`${name} mixed, wasm selected`, r, results[0]!);
        for (const r of results.slice(5)) expectBitwise(`${name} mixed, js selected`, r, results[4]!);
      } else for (const r of results.slice(1)) expectBitwise(`${name} mixed`, r, results[0]!);
    }
    // Temporaries the WASM backend copied JS operands into are all freed.
    expect(memoryStats()).toMatchObject({ blocksInUse: base.blocksInUse, bytesInUse: base.bytesInUse });
    for (const M of [Aw, Bw, Aj, Bj]) M.dispose();
  });
});
