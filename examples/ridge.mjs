// Ridge regression by Cholesky: w = (XᵀX + λI)⁻¹Xᵀy, two triangular solves.
// numpy version: numpy/ridge.py. Run: npm run build && node examples/ridge.mjs
import { init, linspace, tidy, Matrix } from 'wasm-linalg';
import { randn } from './data.mjs';

await init();
export const w = tidy(() => {
  const X = randn(200, 10, 4);
  const y = X.matmul(Matrix.columnVector(linspace(-1, 1, 10))).add(randn(200, 1, 5).scale(0.1));
  const L = X.gram().add(Matrix.eye(10).scale(0.1)).cholesky(); // gram() = XᵀX
  return L.solveTriangular(L.solveTriangular(X.transpose().matmul(y), { lower: true }), { lower: true, transpose: true });
});
console.log(w.column(0));
