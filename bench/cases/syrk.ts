/** SYRK through `gram(A)` = AᵀA (A is n×n here; the result is symmetric, both triangles filled). */
import { libColumn, mlColumn, randomMl, dim } from './common.js';
import { NUMPY_AVX512, NUMPY_ENV, type Case, type Suite } from './types.js';

/** Flops of AᵀA for A (k×n): the n(n+1)/2 distinct entries, 2k flops each ≈ n²k. */
export function syrkFlops(n: number, k: number): number {
  return n * (n + 1) * k;
}

export const SYRK_SIZES = [128, 256, 512, 1024];
export const SYRK_SIZES_QUICK = [128, 256];

function syrkCase(k: number, n: number): Case {
  return {
    id: k === n ? `n=${n}` : `${k}x${n}`,
    label: k === n ? String(n) : `${k}×${n}`,
    dims: { k, n },
    flops: syrkFlops(n, k),
    numpy: { op: 'syrk', k, n },
  };
}

const lib = (id: 'wasm' | 'js', label: string) =>
  libColumn(id, label, (c, mk) => {
    const A = mk(dim(c, 'k'), dim(c, 'n'), 3);
    return { inputs: [A], op: () => A.gram() };
  });

export const syrk: Suite = {
  name: 'syrk',
  title: 'SYRK float64, C = AᵀA (gram), square n×n',
  description:
    'A.gram() through the public API (SYRK on the lower triangle, then mirrored); ml-matrix: A.gram(); ' +
    'numpy: a.T @ a (numpy calls BLAS syrk for this pattern). Flops n²(n+1) ≈ n³. ' +
    'Timed calls include allocating the result and disposing it.',
  cases: (o) => (o.sizes ?? (o.quick ? SYRK_SIZES_QUICK : SYRK_SIZES)).map((n) => syrkCase(n, n)),
  columns: [
    lib('wasm', 'WASM'),
    lib('js', 'JS'),
    mlColumn((c) => {
      const A = randomMl(dim(c, 'k'), dim(c, 'n'), 3);
      return () => A.gram();
    }),
  ],
  ratios: [
    { label: 'WASM/numpy (env)', num: 'wasm', den: NUMPY_ENV },
    { label: 'WASM/numpy AVX-512', num: 'wasm', den: NUMPY_AVX512 },
    { label: 'WASM/JS', num: 'wasm', den: 'js' },
    { label: 'WASM/ml-matrix', num: 'wasm', den: 'ml-matrix' },
  ],
};
