/**
 * The thread pool's life: init({ threads }) and InitResult, resizing, shutdown(), and faults — a worker
 * whose kernel throws, and one that dies holding a chunk, each surface as an Error from the call (never
 * a hang), after which the library keeps computing the same bits on one thread and init({ threads })
 * starts a new pool. The fault hooks make the caller leave every chunk to the workers, so the faulty
 * worker surely claims one.
 *
 * Where threads cannot run (a page that is not cross-origin isolated, no SharedArrayBuffer), the
 * threaded tests skip and the fallback test checks that init says why.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { init, Matrix, matmul, setBackend, setTuning, getTuning, shutdown, threadsInfo, MAX_AUTO_THREADS } from '../../../bindings/index.js';
import { threadPool } from '../../../bindings/loader.js';
import { threadsUnavailable } from '../../../bindings/threads.js';
import { expectBitwise } from '../../util/tolerance.js';
import { threadsRequired } from '../../util/engines.js';

let available = false;

beforeAll(async () => {
  const r = await init({ fma: false, threads: 2 });
  available = r.threads === 2;
  if (threadsRequired()) expect(r, 'threads must run in this project').toMatchObject({ threads: 2, threadsNote: null });
});

afterAll(async () => {
  threadPool()?.setMinWork(0);
  await init({ threads: 'auto' });
});

function itThreads(name: string, f: () => Promise<void>): void {
  it(name, async (ctx) => {
    if (!available) return ctx.skip();
    await f();
  });
}

/** A·B on the JS backend and on the wasm backend now: the same bits. */
function checkProduct(label: string): void {
  const A = Matrix.randn(40, 30, { seed: 1 });
  const B = Matrix.randn(30, 50, { seed: 2 });
  try {
    setBackend('js');
    const want = matmul(A, B);
    setBackend('wasm');
    const got = matmul(A, B);
    expectBitwise(label, got.toFloat64Array(), want.toFloat64Array());
    want.dispose();
    got.dispose();
  } finally {
    setBackend('wasm');
    A.dispose();
    B.dispose();
  }
}

describe('init({ threads })', () => {
  it('rejects what is not an integer ≥ 1 or auto', async () => {
    for (const bad of [0, -1, 1.5, NaN, 'two', '2', null, true]) {
      await expect(init({ threads: bad as never }), String(bad)).rejects.toThrow(TypeError);
    }
    await expect(init({ threads: 0 })).rejects.toThrow(/^init: threads must be 'auto' or an integer ≥ 1, got /);
  });

  it('reports the threads running, and why fewer where threads are impossible', async () => {
    const r = await init({});
    const why = threadsUnavailable();
    if (why === null) {
      expect(r.threads).toBeGreaterThanOrEqual(1);
      expect(r.threads).toBeLessThanOrEqual(MAX_AUTO_THREADS);
    } else {
      expect(r).toMatchObject({ threads: 1 });
      expect(threadsInfo().threadsNote).toBe(why);
    }
    expect(threadsInfo().threads).toBe(r.threads);
  });

  itThreads('resizes the pool: 1, 3, 2 threads, results the same bits', async () => {
    for (const n of [1, 3, 2]) {
      const r = await init({ threads: n });
      expect(r).toMatchObject({ backend: 'wasm', wasm: 'simd', threads: n, threadsNote: null });
      threadPool()!.setMinWork(1);
      checkProduct(`${n} threads`);
    }
  });

  itThreads('the tuning in force survives starting workers (each instantiation re-copies the zeroed tuning table)', async () => {
    await init({ threads: 1 });
    setTuning({ getrfNB: 7, gemmKC: 33 });
    await init({ threads: 3 });
    expect(getTuning()).toMatchObject({ getrfNB: 7, gemmKC: 33 });
    setTuning(null);
  });

  itThreads('shutdown() ends the workers; the library continues on one thread; init({ threads }) restarts them', async () => {
    await shutdown();
    expect(threadsInfo()).toEqual({ threads: 1, threadsNote: null });
    checkProduct('after shutdown');
    await shutdown(); // twice is fine
    expect((await init({ threads: 2 })).threads).toBe(2);
    checkProduct('restarted');
  });
});

/**
 * With 2 threads, the next job's chunks all go to worker 1, which faults as `code` says (1: dies
 * holding one; −1: its kernel traps): A·B must throw `message`; then one thread, the same bits, and
 * init({ threads: 2 }) starts a working pool again.
 */
async function faultyProduct(code: number, message: RegExp): Promise<void> {
  await init({ threads: 2 });
  const pool = threadPool()!;
  pool.setMinWork(1);
  const A = Matrix.randn(40, 30, { seed: 1 });
  const B = Matrix.randn(30, 50, { seed: 2 });
  pool.faultAtNextChunk(code);
  expect(() => matmul(A, B)).toThrow(message);
  expect(threadsInfo().threads).toBe(1);
  expect(threadsInfo().threadsNote).toMatch(/the library continues on one thread/);
  A.dispose();
  B.dispose();
  checkProduct('after the fault');
  expect((await init({ threads: 2 })).threads).toBe(2);
  checkProduct('restarted');
}

describe('faults in a worker', () => {
  itThreads('a worker whose kernel throws: an Error from the call, then one thread, then a restart', () =>
    // The trap's text is the engine's: 'unreachable' (V8), 'unreachable executed' (Firefox), 'Unreachable code …' (JSC).
    faultyProduct(-1, /^wasm-linalg: a parallel kernel failed: worker 1 threw: RuntimeError: unreachable/i),
  );

  itThreads('a worker that dies holding a chunk: an Error after a bounded wait, never a hang', () =>
    faultyProduct(1, /^wasm-linalg: a parallel kernel failed: a worker stopped responding/),
  );
});
