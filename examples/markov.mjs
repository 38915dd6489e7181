// The stationary distribution of a Markov chain: πP = π, Σπ = 1 (the eigenvector of Pᵀ for 1).
// numpy version: numpy/markov.py. Run: npm run build && node examples/markov.mjs
import { init, Matrix } from 'wasm-linalg';
import { rand } from './data.mjs';

await init();
const R = rand(6, 6, 9);
const P = R.div(Matrix.columnVector(R.sum({ axis: 1 }))); // rows sum to 1
const { real, vectors } = P.transpose().eig();
const v = vectors.column(real.indexOf(Math.max(...real))).re;
export const pi = v.map((x) => x / v.reduce((a, b) => a + b));
console.log(pi);
