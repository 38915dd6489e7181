// A least-squares fit of a cubic to 50 noisy samples of 1 − 2x + 3x³.
// numpy version: numpy/polyfit.py. Run: npm run build && node examples/polyfit.mjs
import { init, linspace, vander } from 'wasm-linalg';
import { randn } from './data.mjs';

await init();
const x = linspace(0, 1, 50);
const y = randn(50, 1, 6).column(0).map((e, i) => 1 - 2 * x[i] + 3 * x[i] * x[i] * x[i] + 0.05 * e);
export const coef = vander(x, { n: 4 }).lstsq(y).x; // highest power first, as np.polyfit
console.log(coef);
