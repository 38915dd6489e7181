/** GEMM, float64, C = A·B through `A.matmul(B)`: square sizes (suite 'gemm') and tall/wide shapes ('gemm-shapes'). */
import { libColumn, mlColumn, randomMl, dim } from './common.js';
import { NUMPY_AVX512, NUMPY_ENV, type Case, type Column, type Ratio, type Suite } from './types.js';

/** Flops of C (m×n) = A (m×k) · B (k×n): one multiply and one add per term. */
export function gemmFlops(m: number, k: number, n: number): number {
  return 2 * m * k * n;
}

export const GEMM_SIZES = [64, 96, 128, 192, 256, 384, 512, 768, 1024];
export const GEMM_SIZES_QUICK = [64, 128, 256, 512];

function gemmCase(m: number, k: number, n: number, id: string, label: string): Case {
  return {
    id,
    label,
    dims: { m, k, n },
    flops: gemmFlops(m, k, n),
    numpy: { op: 'gemm', m, k, n },
  };
}

const SEED_A = 1;
const SEED_B = 2;

function gemmColumns(): Column[] {
  const lib = (id: 'wasm' | 'js', label: string) =>
    libColumn(id, label, (c, mk) => {
      const A = mk(dim(c, 'm'), dim(c, 'k'), SEED_A);
      const B = mk(dim(c, 'k'), dim(c, 'n'), SEED_B);
      return { inputs: [A, B], op: () => A.matmul(B) };
    });
  return [
    lib('wasm', 'WASM'),
    lib('js', 'JS'),
    mlColumn((c) => {
      const A = randomMl(dim(c, 'm'), dim(c, 'k'), SEED_A);
      const B = randomMl(dim(c, 'k'), dim(c, 'n'), SEED_B);
      return () => A.mmul(B);
    }),
  ];
}

const gemmRatios: Ratio[] = [
  { label: 'WASM/numpy (env)', num: 'wasm', den: NUMPY_ENV },
  { label: 'WASM/numpy AVX-512', num: 'wasm', den: NUMPY_AVX512 },
  { label: 'WASM/JS', num: 'wasm', den: 'js' },
  { label: 'WASM/ml-matrix', num: 'wasm', den: 'ml-matrix' },
];

export const gemm: Suite = {
  name: 'gemm',
  title: 'GEMM float64, C = A·B, square n×n',
  description:
    'A.matmul(B) through the public API (ml-matrix: A.mmul(B); numpy: a @ b). Flops 2n³. ' +
    'Timed calls include allocating the result and disposing it.',
  cases: (o) =>
    (o.sizes ?? (o.quick ? GEMM_SIZES_QUICK : GEMM_SIZES)).map((n) => gemmCase(n, n, n, `n=${n}`, String(n))),
  columns: gemmColumns(),
  ratios: gemmRatios,
};

export const gemmShapes: Suite = {
  name: 'gemm-shapes',
  title: 'GEMM float64, tall/wide shapes, C (m×n) = A (m×k) · B (k×n)',
  description:
    'Rank-k updates (small k, large C) and inner products of long panels (large k, small C). ' +
    'Flops 2mkn. Timed calls include allocating the result and disposing it.',
  cases: (o) => {
    const shapes: [number, number, number][] = o.quick
      ? [[1024, 64, 1024], [64, 1024, 64]]
      : [[2048, 64, 2048], [64, 2048, 64], [1024, 256, 1024]];
    return shapes.map(([m, k, n]) => gemmCase(m, k, n, `${m}x${k}*${k}x${n}`, `${m}×${k} · ${k}×${n}`));
  },
  columns: gemmColumns(),
  ratios: gemmRatios,
};
