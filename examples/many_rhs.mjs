// Many right-hand sides: one 100×100 system, 500 right-hand sides, one factorisation.
// numpy version: numpy/many_rhs.py. Run: npm run build && node examples/many_rhs.mjs
import { init, tidy, Matrix } from 'wasm-linalg';
import { randn } from './data.mjs';

await init();
const A = randn(100, 100, 7).add(Matrix.eye(100).scale(30));
const B = randn(100, 500, 8);
export const X = A.solve(B); // one LU of A, then every column of B
console.log(tidy(() => A.matmul(X).sub(B).abs().max()));
