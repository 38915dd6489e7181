// A user's own worker thread that loads the library too (test/core/threads/user-worker.test.ts): its
// own module instance, memory and thread pool. Computes A·B and an LU of the matrices the test sends
// and posts the bits back.
import { parentPort } from 'node:worker_threads';
import { init, Matrix, matmul, lu } from '../../../bindings/index.js';

parentPort!.once('message', async (msg: { threads: number }) => {
  const r = await init({ fma: false, threads: msg.threads });
  const A = Matrix.randn(150, 150, { seed: 11 });
  const B = Matrix.randn(150, 120, { seed: 12 });
  const C = matmul(A, B);
  const f = lu(A);
  parentPort!.postMessage({ init: r, C: C.toFloat64Array(), U: f.U.toFloat64Array() });
});
