/**
 * A second thread of the user's own (a Node worker that loads the library too) gets its own instance,
 * memory and pool, and does not interfere with this thread's: both compute at the same time, each on
 * its threaded build, and both get the JS backend's bits. Node only (the worker runs the TypeScript
 * sources through tsx); the browser has the same structure (a module Worker loading the package).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { init, Matrix, matmul, lu, setBackend } from '../../../bindings/index.js';
import { threadPool } from '../../../bindings/loader.js';
import { isNode } from '../../util/engines.js';
import { expectBitwise } from '../../util/tolerance.js';

interface WorkerLike {
  once(ev: string, f: (x: unknown) => void): void;
  postMessage(m: unknown): void;
  terminate(): Promise<number>;
}

let available = false;
beforeAll(async () => {
  available = (await init({ fma: false, threads: 2 })).threads === 2 && isNode;
});

describe("a user's own worker thread", () => {
  it('loads its own copy of the library, threaded, and computes alongside this thread: the same bits as the JS backend', async (ctx) => {
    if (!available) return ctx.skip();
    const { Worker } = process.getBuiltinModule('node:worker_threads') as { Worker: new (u: URL, o: object) => WorkerLike };
    const w = new Worker(new URL('./user-worker-boot.mjs', import.meta.url), {});
    const A = Matrix.randn(150, 150, { seed: 11 });
    const B = Matrix.randn(150, 120, { seed: 12 });
    setBackend('js');
    const wantC = matmul(A, B);
    const wantU = lu(A);
    setBackend('wasm');
    const reply = new Promise<{ init: { threads: number }; C: Float64Array; U: Float64Array }>((resolve, reject) => {
      w.once('message', (m) => resolve(m as never));
      w.once('error', reject);
    });
    w.postMessage({ threads: 2 });
    threadPool()!.setMinWork(1); // this thread splits everything while the worker runs
    for (let i = 0; i < 20; i++) {
      const C = matmul(A, B);
      expectBitwise(`this thread, round ${i}`, C.toFloat64Array(), wantC.toFloat64Array());
      C.dispose();
      await new Promise((r) => setTimeout(r, 0));
    }
    const got = await reply;
    threadPool()!.setMinWork(0);
    expect(got.init.threads).toBe(2);
    expectBitwise('the user worker: A·B', got.C, wantC.toFloat64Array());
    expectBitwise('the user worker: U of LU', got.U, wantU.U.toFloat64Array());
    await w.terminate();
    for (const M of [A, B, wantC]) M.dispose();
    wantU.dispose();
  });
});
