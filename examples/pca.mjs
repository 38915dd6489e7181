// PCA of a 1000×50 data set: 5 latent factors mixed into 50 features, plus noise.
// numpy version: numpy/pca.py. Run: npm run build && node examples/pca.mjs
import { init, cov, tidy } from 'wasm-linalg';
import { randn } from './data.mjs';

await init();
// tidy frees every temporary matrix made inside once the callback returns, except what it returns.
export const { components, ratio, scores } = tidy(() => {
  const X = randn(1000, 5, 1).matmul(randn(5, 50, 2)).add(randn(1000, 50, 3).scale(0.1));
  const { values, vectors } = cov(X, { rowvar: false }).eigh(); // eigenvalues ascending
  const components = vectors.selectColumns([-1, -2, -3, -4, -5]);
  const ratio = values.slice(-5).reverse().map((v) => v / values.reduce((a, b) => a + b));
  return { components, ratio, scores: X.center().matmul(components) };
});
console.log(ratio);
