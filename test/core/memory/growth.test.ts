/**
 * Memory growth in the middle of a computation. Growing a non-shared WebAssembly.Memory detaches
 * every JS view of it (length 0, writes dropped, reads undefined — silently), so any view cached
 * across an allocation would corrupt results. These tests make growth happen (a) between creating
 * matrices and using them and (b) inside a single call, between the allocation of its result or
 * workspace or temporary copies and the kernel — counted by a spy on Memory.grow — and check every
 * result against the same computation done without growth, bit for bit, on both backends.
 */
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { Matrix, matmul, add, gram, transpose, matvec, norm, solve, setBackend, memoryStats } from '../../../bindings/index.js';
import { backendNamed } from '../../../bindings/core/backend.js';
import type { WasmBackend } from '../../../bindings/wasm/backend.js';
import { setupApi, onBackend } from '../../util/api.js';
import { expectBitwise } from '../../util/tolerance.js';

beforeAll(setupApi);
afterEach(() => setBackend('wasm'));

function heap() {
  return (backendNamed('wasm') as WasmBackend).heap;
}

/**
 * Allocates filler blocks until no free block is left and exactly `slack` bytes (a multiple of 16)
 * remain before the end of the memory, without growing it. Reads the allocator's private free list
 * and bump pointer: a white-box test.
 */
function fillHeap(slack: number): number[] {
  const h = heap();
  const priv = h as unknown as { top: number; freeByStart: Map<number, number> };
  const fillers: number[] = [];
  // Every free block first (largest first: each request then takes a whole block), then the tail.
  for (let guard = 0; priv.freeByStart.size > 0 && guard < 10000; guard++) {
    fillers.push(h.alloc(Math.max(...priv.freeByStart.values())));
  }
  const tail = (): number => h.stats().heapBytes - priv.top;
  for (let guard = 0; tail() > slack && guard < 1000; guard++) fillers.push(h.alloc(tail() - slack));
  expect(tail()).toBe(slack);
  return fillers;
}

/**
 * Counts Memory.grow calls made while f runs, and records how many bytes the heap had in use at the
 * first one: more than before the call means the growth came after one of the call's own
 * allocations, i.e. in the middle of the computation.
 */
function countGrows<T>(f: () => T): { value: T; grows: number; midCall: boolean } {
  const h = heap();
  const mem = h.memory;
  const original = mem.grow;
  const inUseBefore = h.stats().bytesInUse;
  let grows = 0;
  let inUseAtFirst = -1;
  mem.grow = function (delta: number): number {
    if (grows++ === 0) inUseAtFirst = h.stats().bytesInUse;
    return original.call(mem, delta);
  };
  try {
    return { value: f(), grows, midCall: inUseAtFirst > inUseBefore };
  } finally {
    // Remove the own property: the prototype method shows through again.
    delete (mem as { grow?: unknown }).grow;
  }
}

/** Runs f with the heap filled so that only `slack` bytes are left: f's first allocation fits, the next grows. */
function growMidCall<T>(label: string, slack: number, f: () => T): T {
  const fillers = fillHeap(slack);
  try {
    const r = countGrows(f);
    expect(r.grows, `${label}: the memory grew`).toBeGreaterThanOrEqual(1);
    expect(r.midCall, `${label}: the growth came after an allocation of the same call`).toBe(true);
    return r.value;
  } finally {
    for (const p of fillers) heap().free(p);
  }
}

describe('memory growth', () => {
  it('matrices made before a growth are intact and usable after it (both backends)', () => {
    const A = Matrix.randn(40, 30, { seed: 1 });
    const B = Matrix.randn(30, 20, { seed: 2 });
    const wantAB = onBackend('js', () => {
      using a = Matrix.randn(40, 30, { seed: 1 });
      using b = Matrix.randn(30, 20, { seed: 2 });
      using c = matmul(a, b);
      return c.toFloat64Array();
    });
    const stale = heap().f64; // a view taken before the growth
    const before = memoryStats().heapBytes;
    // threads (issue 12): a shared memory (the threaded build) does not detach old views; they keep their length.
    const shared = typeof SharedArrayBuffer === 'function' && stale.buffer instanceof SharedArrayBuffer;
    const { value: big, grows } = countGrows(() => Matrix.zeros(2048, 1024)); // 16 MiB
    expect(grows).toBeGreaterThan(0);
    expect(memoryStats().heapBytes).toBeGreaterThan(before);
    expect(stale.length, 'the old view is detached (shared: keeps its old length)').toBe(shared ? before / 8 : 0);

    // WASM backend on the old matrices.
    using C = matmul(A, B);
    expectBitwise('A·B after growth (wasm)', C.toFloat64Array(), wantAB);
    // JS backend reading wasm-resident matrices after growth (through a fresh heap view).
    const Cj = onBackend('js', () => matmul(A, B));
    expect(Cj.backend).toBe('js');
    expectBitwise('A·B after growth (js on wasm storage)', Cj.toFloat64Array(), wantAB);
    expect(A.get(3, 4)).toBe(onBackend('js', () => {
      using a = Matrix.randn(40, 30, { seed: 1 });
      return a.get(3, 4);
    }));
    big.dispose();
    A.dispose();
    B.dispose();
  });

  it('growth inside one call: result, workspace and copies of JS operands allocated as the heap grows', () => {
    // JS-stored operands: under the WASM backend each call allocates C, the workspace and a copy of
    // every operand, each of which may grow the memory and detach the views taken before it.
    const n = 150;
    const [A, B, x] = onBackend('js', () => [Matrix.randn(n, n, { seed: 3 }), Matrix.randn(n, n, { seed: 4 }), Float64Array.from({ length: n }, (_, i) => i - 7)] as const);
    const want = onBackend('js', () => {
      using C = matmul(A, B);
      using G = gram(A);
      using S = add(A, B);
      using T = transpose(B);
      return { C: C.toFloat64Array(), G: G.toFloat64Array(), S: S.toFloat64Array(), T: T.toFloat64Array(), y: matvec(A, x), f: norm(A) };
    });
    // Slack for exactly the first block each call allocates (its result, or the copy of A):
    // the second allocation (workspace, an operand copy) then has to grow the memory.
    const first = n * n * 8;
    const C = growMidCall('matmul', first, () => matmul(A, B)); // C fits; workspace grows
    const G = growMidCall('gram', first, () => gram(A)); // C fits; workspace grows
    const S = growMidCall('add', first, () => add(A, B)); // C fits; copy of A grows
    const T = growMidCall('transpose', first, () => transpose(B)); // C fits; copy of B grows
    const y = growMidCall('matvec', first, () => matvec(A, x)); // copy of A fits; copy of x grows
    const f = growMidCall('norm', n * 8, () => norm(A)); // row-sum workspace fits; copy of A grows
    expectBitwise('matmul', C.toFloat64Array(), want.C);
    expectBitwise('gram', G.toFloat64Array(), want.G);
    expectBitwise('add', S.toFloat64Array(), want.S);
    expectBitwise('transpose', T.toFloat64Array(), want.T);
    expectBitwise('matvec', y, want.y);
    expect(f).toBe(want.f);
    for (const M of [C, G, S, T]) M.dispose();
  });

  it('a solver whose factor and right-hand side copies force growth gives the same bits', () => {
    const n = 120;
    const [A, B] = onBackend('js', () => [Matrix.randn(n, n, { seed: 5 }), Matrix.randn(n, 7, { seed: 6 })] as const);
    const want = onBackend('js', () => {
      using X = solve(A, B);
      return X.toFloat64Array();
    });
    const X = growMidCall('solve', n * n * 8, () => solve(A, B)); // the factor's copy of A fits; the next block grows
    expectBitwise('solve after growth', X.toFloat64Array(), want);
    X.dispose();
  });
});
