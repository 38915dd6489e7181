import { init, Matrix, matmul, inv, solve, det, cholesky, eigh, svd, setBackend } from '../../bindings/index.js';
import { Matrix as MLMatrix, inverse, solve as mlsolve } from 'ml-matrix';
await init();
function time(label: string, f: () => void, n = 20000) {
  for (let i = 0; i < 2000; i++) f();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) f();
  const t = Number(process.hrtime.bigint() - t0) / n;
  console.log(label.padEnd(28), t.toFixed(0), 'ns');
}
await new Promise((r) => setTimeout(r, 50));
for (const be of ['wasm', 'js'] as const) {
  setBackend(be);
  for (const n of [4, 16]) {
    const A = Matrix.random(n, n, { seed: 1 });
    const S = A.gram(); for (let i = 0; i < n; i++) S.set(i, i, S.get(i, i) + n);
    const b = new Float64Array(n).fill(1);
    time(`${be} matmul ${n}`, () => matmul(A, A).dispose());
    time(`${be} matvec ${n}`, () => A.matvec(b));
    time(`${be} inv ${n}`, () => inv(A).dispose());
    time(`${be} solve ${n}`, () => solve(A, b));
    time(`${be} det ${n}`, () => det(A));
    time(`${be} cholesky ${n}`, () => cholesky(S).dispose());
    time(`${be} eigh ${n}`, () => eigh(S).dispose(), 5000);
    time(`${be} svd ${n}`, () => svd(A).dispose(), 5000);
  }
}
for (const n of [4, 16]) {
  const A = MLMatrix.rand(n, n);
  const b = MLMatrix.columnVector(new Array(n).fill(1));
  time(`ml matmul ${n}`, () => A.mmul(A));
  time(`ml inv ${n}`, () => inverse(A));
  time(`ml solve ${n}`, () => mlsolve(A, b));
}
