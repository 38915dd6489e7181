import * as k from '../../bindings/js/index.js';
import { init, Matrix, matmul } from '../../bindings/index.js';
await init();
const a = new Float64Array(16).map(() => Math.random());
const c = new Float64Array(16);
const w = new Float64Array(k.gemmScratch(4, 4, 4));
function time(label: string, f: () => void, n = 200000) {
  for (let i = 0; i < 20000; i++) f();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) f();
  console.log(label.padEnd(28), (Number(process.hrtime.bigint() - t0) / n).toFixed(0), 'ns');
}
await new Promise((r) => setTimeout(r, 50));
time('js gemm kernel 4', () => k.gemm(0, 0, 4, 4, 4, 1, a, 0, 4, a, 0, 4, 0, c, 0, 4, w, 0));
const A = Matrix.random(4, 4, { seed: 1 });
time('matmul 4', () => matmul(A, A));
time('new Float64Array(16)', () => new Float64Array(16));
time('Matrix._alloc', () => Matrix._alloc(4, 4));
