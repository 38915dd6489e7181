/**
 * Randomized truncated SVD against the full SVD (issue 13's target: randomizedSvd with k = 20 on a
 * 4000×1000 matrix at least 8× faster than our full thin SVD with vectors of the same matrix).
 *
 * Columns: randomizedSvd(A, 20) with the defaults (oversample 10, 7 power iterations: scikit-learn's
 * n_iter='auto' for k < 0.1·min(m, n)) on each backend; svd(A) (thin, with U and Vt) on the WASM
 * backend; numpy: the same algorithm written with numpy (bench/peers/numpy.py `randomized_svd`:
 * Gaussian sketch, QR between the power iterations, SVD of the small factor; OpenBLAS single thread).
 * Flops are the randomized algorithm's nominal (2q + 2)·2mnℓ products (ℓ = k + 10, q = 7), so the
 * full SVD's GFLOP/s column is not meaningful; the ratio columns are what the target is about.
 */
import { randomizedSvd, svd } from '../../bindings/index.js';
import { dim, disposeAll, libColumn, type LibMake } from './common.js';
import { NUMPY_AVX512, NUMPY_ENV, type Case, type Suite, type SuiteOptions } from './types.js';

const SEED = 31;
const K = 20;
const Q = 7;

const SHAPES: [number, number][] = [[2000, 500], [4000, 1000]];
const SHAPES_QUICK: [number, number][] = [[1000, 250], [2000, 500]];

function cases(o: SuiteOptions): Case[] {
  return (o.quick ? SHAPES_QUICK : SHAPES).map(([m, n]) => ({
    id: `${m}x${n}`,
    label: `${m}×${n}, k=${K}`,
    dims: { m, n },
    flops: (2 * Q + 2) * 2 * m * n * (K + 10),
    numpy: { op: 'randomized_svd', m, n, k: K, q: Q },
  }));
}

const rsvdOp: LibMake = (c, mk) => {
  const A = mk(dim(c, 'm'), dim(c, 'n'), SEED);
  return {
    inputs: [A],
    op: () => {
      const r = randomizedSvd(A, K, { checkFinite: false });
      return disposeAll(r.U, r.Vt);
    },
  };
};

const svdOp: LibMake = (c, mk) => {
  const A = mk(dim(c, 'm'), dim(c, 'n'), SEED);
  return {
    inputs: [A],
    op: () => {
      const r = svd(A, { checkFinite: false });
      return disposeAll(r.U, r.Vt);
    },
  };
};

export const randomizedSvdSuite: Suite = {
  name: 'randomized-svd',
  title: `Randomized SVD, k = ${K}, against the full thin SVD, tall m×n`,
  description:
    `randomizedSvd(A, ${K}) (Halko–Martinsson–Tropp Alg. 4.4 + 5.1: Gaussian sketch of ${K} + 10 columns, ${Q} power ` +
    'iterations with QR re-orthonormalisation, thin SVD of the n×ℓ projection) against svd(A) (thin, with vectors) ' +
    'of the same matrix; numpy: the same randomized algorithm written in numpy. Nominal flops (2q + 2)·2mnℓ.',
  cases,
  columns: [
    libColumn('wasm', 'rSVD WASM', rsvdOp),
    libColumn('js', 'rSVD JS', rsvdOp),
    { ...libColumn('wasm', 'full SVD WASM', svdOp), id: 'svd-wasm' },
  ],
  ratios: [
    { label: 'rSVD/full SVD (WASM)', num: 'wasm', den: 'svd-wasm' },
    { label: 'WASM/numpy (env)', num: 'wasm', den: NUMPY_ENV },
    { label: 'WASM/numpy AVX-512', num: 'wasm', den: NUMPY_AVX512 },
    { label: 'WASM/JS', num: 'wasm', den: 'js' },
  ],
};
