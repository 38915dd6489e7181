/**
 * Selected eigenpairs: the top k = 10 eigenpairs of a symmetric n×n matrix (the covariance use case:
 * PCA's leading components) by eigh(A, { subsetByIndex: [n − 10, n − 1] }) — blocked tridiagonalisation,
 * bisection, inverse iteration and the back-transformation of the 10 vectors only — against our full
 * eigh(A) (all n pairs, the QL/QR path) and scipy.linalg.eigh(A, subset_by_index=[n − 10, n − 1])
 * (LAPACK dsyevr, MRRR, single thread). Target (issue 13): ≥ 4× faster than the full eigh at n = 1000.
 * Each timed call includes the routine's copy of the input and the results' allocation and disposal.
 *
 * Nominal flops 4n³/3 (the tridiagonalisation, which dominates for k ≪ n), for GFLOP/s across sizes.
 */
import { eigh, type Matrix } from '../../bindings/index.js';
import { dim, disposeAll, libColumn, randomMatrix } from './common.js';
import { NUMPY_AVX512, NUMPY_ENV, type Case, type Column, type Suite, type SuiteOptions, type Workload } from './types.js';

const SEED = 21;
const K = 10;
const SIZES = [256, 512, 1000];
const SIZES_QUICK = [256, 512];

/** A symmetric matrix (A + Aᵀ)/2 from a seeded uniform A, on the wasm backend. */
function symmetric(n: number): Matrix {
  using A = randomMatrix('wasm', n, n, SEED);
  using At = A.transpose();
  using S = A.add(At);
  return S.scale(0.5);
}

/** Our full eigh (every pair) on the same input: the column the subset is measured against. */
const fullColumn: Column = {
  id: 'wasm-full',
  label: 'WASM full eigh',
  setup(c: Case): Workload {
    const S = symmetric(dim(c, 'n'));
    return {
      run: () => eigh(S, { checkFinite: false }).vectors.dispose(),
      dispose: () => S.dispose(),
    };
  },
};

export const eighSubsetSuite: Suite = {
  name: 'eigh-subset',
  title: `Top ${K} eigenpairs of a symmetric n×n matrix (subsetByIndex)`,
  description:
    `eigh(A, { subsetByIndex: [n − ${K}, n − 1] }) (sytrd + bisection + inverse iteration + ormtr on ${K} vectors) ` +
    'against our full eigh(A) and scipy.linalg.eigh(A, subset_by_index=…) (dsyevr). Nominal flops 4n³/3.',
  cases: (o: SuiteOptions) =>
    (o.sizes ?? (o.quick ? SIZES_QUICK : SIZES)).map((n) => ({
      id: `n=${n}`,
      label: `${n} (top ${K})`,
      dims: { n, k: K },
      flops: (4 * n ** 3) / 3,
      numpy: { op: 'eigh-subset', n, k: K },
    })),
  columns: [
    libColumn('wasm', 'WASM subset', (c) => {
      const n = dim(c, 'n');
      const S = symmetric(n);
      const sel = { subsetByIndex: [Math.max(0, n - K), n - 1], checkFinite: false };
      return { inputs: [S], op: () => disposeAll(eigh(S, sel).vectors) };
    }),
    fullColumn,
  ],
  ratios: [
    { label: 'subset/full eigh', num: 'wasm', den: 'wasm-full' },
    { label: 'WASM/scipy (env)', num: 'wasm', den: NUMPY_ENV },
    { label: 'WASM/scipy AVX-512', num: 'wasm', den: NUMPY_AVX512 },
  ],
};
