/**
 * Pointers at and above 2 GiB (Node only: the browser may refuse a 2 GiB+ memory, and the point is
 * the address arithmetic, which is the same code). A 2.1 GiB block (never touched, so it costs
 * address space, not RAM) pushes the next allocations past 2^31, where JS passes addresses that are
 * negative as i32 and the kernels must read them as u32; matmul, matvec, dot, gram, transpose,
 * add, norm and a solve then run on matrices there and must equal the JS backend's results bit for
 * bit. Requests that would cross 4 GiB are RangeErrors and leave the heap as it was.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Matrix, matmul, matvec, dot, gram, transpose, add, norm, solve, memoryStats } from '../../../bindings/index.js';
import { backendNamed } from '../../../bindings/core/backend.js';
import type { WasmBackend } from '../../../bindings/wasm/backend.js';
import { setupApi, onBackend } from '../../util/api.js';
import { isNode } from '../../util/engines.js';
import { expectBitwise } from '../../util/tolerance.js';
import { expectError } from '../../util/errors.js';

const GiB = 2 ** 30;

describe.skipIf(!isNode)('addresses above 2 GiB', () => {
  let pad = -1;
  beforeAll(async () => {
    await setupApi();
    const heap = (backendNamed('wasm') as WasmBackend).heap;
    pad = heap.alloc(Math.round(2.1 * GiB));
  });
  afterAll(() => {
    if (pad >= 0) (backendNamed('wasm') as WasmBackend).heap.free(pad);
  });

  it('matrices placed past 2^31 give the same bits as the JS backend', () => {
    const n = 37;
    const A = Matrix.randn(n, n, { seed: 1 });
    const B = Matrix.randn(n, 29, { seed: 2 });
    expect(A._store().ptr).toBeGreaterThanOrEqual(2 ** 31);
    expect(B._store().ptr).toBeGreaterThanOrEqual(2 ** 31);
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const [Aj, Bj] = onBackend('js', () => [Matrix.randn(n, n, { seed: 1 }), Matrix.randn(n, 29, { seed: 2 })]);
    const cases: [string, () => Matrix | Float64Array | number][] = [
      ['matmul', () => matmul(A, B)],
      ['matvec', () => matvec(A, x)],
      ['dot', () => dot(x, x)],
      ['gram', () => gram(B)],
      ['transpose', () => transpose(B)],
      ['add', () => add(A, A)],
      ['norm fro', () => norm(A)],
      ['norm inf', () => norm(A, Infinity)],
      ['solve', () => solve(A, B)],
    ];
    const jsCases: Record<string, () => Matrix | Float64Array | number> = {
      matmul: () => matmul(Aj, Bj), matvec: () => matvec(Aj, x), dot: () => dot(x, x), gram: () => gram(Bj),
      transpose: () => transpose(Bj), add: () => add(Aj, Aj), 'norm fro': () => norm(Aj), 'norm inf': () => norm(Aj, Infinity),
      solve: () => solve(Aj, Bj),
    };
    const flat = (r: Matrix | Float64Array | number): Float64Array =>
      r instanceof Matrix ? r.toFloat64Array() : typeof r === 'number' ? Float64Array.of(r) : r;
    for (const [name, f] of cases) {
      const w = f();
      if (w instanceof Matrix) expect(w._store().ptr, `${name} result address`).toBeGreaterThanOrEqual(2 ** 31);
      const j = onBackend('js', jsCases[name]!);
      expectBitwise(`${name} above 2 GiB`, flat(w), flat(j));
      if (w instanceof Matrix) w.dispose();
    }
    A.dispose();
    B.dispose();
  });

  it('near the 4 GiB end: a matrix in the last gigabyte still computes correctly', () => {
    const heap = (backendNamed('wasm') as WasmBackend).heap;
    let filler = -1;
    try {
      filler = heap.alloc(Math.round(1.7 * GiB)); // the memory is now ≈ 3.8 GiB
    } catch (e) {
      // An engine that caps memory below 4 GiB refuses with a RangeError — never a bogus pointer.
      expect(e).toBeInstanceOf(RangeError);
      return;
    }
    try {
      using A = Matrix.randn(21, 19, { seed: 3 });
      expect(A._store().ptr).toBeGreaterThanOrEqual(3.8 * GiB);
      using C = A.gram();
      using Aj = onBackend('js', () => Matrix.randn(21, 19, { seed: 3 }));
      using Cj = onBackend('js', () => Aj.gram());
      expectBitwise('gram near 4 GiB', C.toFloat64Array(), Cj.toFloat64Array());
    } finally {
      heap.free(filler);
    }
  });

  it('a request that would cross 4 GiB is a RangeError and changes nothing', () => {
    const heap = (backendNamed('wasm') as WasmBackend).heap;
    const before = memoryStats();
    expect(() => heap.alloc(2.1 * GiB)).toThrow(RangeError); // 2.1 + 2.1 > 4
    expect(() => Matrix.zeros(16384, 16383)).toThrow(RangeError); // ≈ 2 GiB more
    expectError(RangeError, 'alloc(4 GiB)', () => heap.alloc(4 * GiB), /4 GiB/);
    const after = memoryStats();
    expect(after.bytesInUse).toBe(before.bytesInUse);
    expect(after.blocksInUse).toBe(before.blocksInUse);
    // And the heap still works.
    using A = Matrix.ones(3, 3);
    expect(A.trace()).toBe(3);
  });

  // Regression test: ops.ts used to leak the result C when the backend call then failed to allocate
  // its workspace, and WasmBackend leaked earlier temporaries when a later allocation in the same
  // call failed. Results are now freed on failure (ops.ts `fresh`) and every call's blocks are
  // released when the call's scope closes (bindings/core/scope.ts).
  it('running out of memory part-way through a call is a RangeError that leaks nothing', () => {
    // Fill the memory up to its 4 GiB end, leaving room for the result of a matmul but not for its
    // workspace: the call allocates C, then fails to allocate the workspace.
    const heap = (backendNamed('wasm') as WasmBackend).heap;
    const priv = heap as unknown as { top: number; freeByStart: Map<number, number> };
    using A = Matrix.randn(64, 64, { seed: 5 });
    using B = Matrix.randn(64, 64, { seed: 6 });
    const fillers: number[] = [];
    try {
      while (priv.freeByStart.size > 0) fillers.push(heap.alloc(Math.max(...priv.freeByStart.values())));
      const slack = 64 * 64 * 8 + 1024; // C fits, the 64 KiB workspace does not
      try {
        fillers.push(heap.alloc(4 * GiB - priv.top - slack));
      } catch (e) {
        expect(e).toBeInstanceOf(RangeError); // an engine that caps memory below 4 GiB
        return;
      }
      const before = memoryStats();
      expect(() => matmul(A, B)).toThrow(RangeError);
      expect(() => A.gram()).toThrow(RangeError);
      const after = memoryStats();
      expect({ bytes: after.bytesInUse, blocks: after.blocksInUse }, 'nothing left allocated by the failed calls').toEqual({
        bytes: before.bytesInUse,
        blocks: before.blocksInUse,
      });
    } finally {
      for (const p of fillers) heap.free(p);
    }
  });
});
