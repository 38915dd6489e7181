import { init, Matrix, inv, eigh, setBackend } from '../../bindings/index.js';
await init();
const be = process.argv[2] as 'wasm' | 'js';
const what = process.argv[3];
setBackend(be);
const A = Matrix.random(4, 4, { seed: 1 });
const S = A.gram();
const t0 = performance.now();
let n = 0;
while (performance.now() - t0 < 3000) {
  for (let i = 0; i < 1000; i++) (what === 'inv' ? inv(A) : eigh(S)).dispose();
  n += 1000;
}
console.log(what, be, ((performance.now() - t0) * 1e6 / n).toFixed(0), 'ns/call');
