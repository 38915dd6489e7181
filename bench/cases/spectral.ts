/**
 * Spectral decompositions, square n×n: symmetric eigendecomposition (eigh with vectors, eigvalsh)
 * and the SVD (with U and V, values only). Through the public API; each timed call includes the
 * routine's copy of the input and the results' allocation and disposal.
 *
 * Peers: ml-matrix's EigenvalueDecomposition (assumeSymmetric) and SingularValueDecomposition;
 * numpy (single thread): numpy.linalg.eigh / eigvalsh (LAPACK dsyevd, divide and conquer),
 * numpy.linalg.svd (dgesdd, divide and conquer) with and without vectors; and, in its own table,
 * scipy.linalg.svd(lapack_driver='gesvd') — LAPACK's QR-iteration SVD, the same algorithm as ours.
 *
 * Flops are the nominal counts of the QR-iteration algorithms (Golub & Van Loan 4th ed. §8.3, §8.6):
 * eigh 9n³ (4n³/3 tridiagonalisation + 4n³/3 forming Q + ≈ 6n³ accumulating rotations), eigvalsh
 * 4n³/3; SVD with U, V 21n³ (Golub–Reinsch, square), values only 8n³/3. They make GFLOP/s comparable
 * across sizes; the time ratios are what the targets are about.
 */
import { Matrix as LibMatrix, eigh, eigvalsh, svd } from '../../bindings/index.js';
import { EigenvalueDecomposition, SingularValueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { libColumn, mlColumn, randomMl, dim, disposeAll, noop, standardRatios } from './common.js';
import type { Case, Suite, SuiteOptions } from './types.js';

export const SPECTRAL_SIZES = [128, 256, 512];
export const SPECTRAL_SIZES_QUICK = [128, 256];

const SEED = 21;

function sizes(o: SuiteOptions): number[] {
  return o.sizes ?? (o.quick ? SPECTRAL_SIZES_QUICK : SPECTRAL_SIZES);
}

/** A symmetric matrix (A + Aᵀ)/2 from a seeded uniform A. */
function symmetric(mk: (r: number, c: number, seed: number) => LibMatrix, n: number): LibMatrix {
  using A = mk(n, n, SEED);
  using At = A.transpose();
  using S = A.add(At);
  return S.scale(0.5);
}

function symmetricMl(n: number): MlMatrix {
  const A = randomMl(n, n, SEED);
  return A.add(A.transpose()).mul(0.5);
}

function suite(
  name: string,
  title: string,
  description: string,
  flops: (n: number) => number,
  numpyOp: string,
  lib: (c: Case, mk: (r: number, cols: number, seed: number) => LibMatrix) => { inputs: LibMatrix[]; op: () => Disposable },
  ml: ((n: number) => () => unknown) | null,
  maxN = Infinity,
): Suite {
  return {
    name,
    title,
    description,
    cases: (o) =>
      sizes(o)
        .filter((n) => n <= maxN)
        .map((n) => ({ id: `n=${n}`, label: String(n), dims: { n }, flops: flops(n), numpy: { op: numpyOp, n } })),
    columns: [
      libColumn('wasm', 'WASM', lib),
      libColumn('js', 'JS', lib),
      ...(ml === null ? [] : [mlColumn((c) => ml(dim(c, 'n')))]),
    ],
    ratios: standardRatios(ml !== null),
  };
}


export const eighSuite = suite(
  'eigh',
  'Symmetric eigendecomposition with vectors, A = Z·Λ·Zᵀ, n×n',
  'eigh(A) (blocked Householder tridiagonalisation, implicit QL/QR with batched SIMD rotations); ' +
    'ml-matrix: new EigenvalueDecomposition(A, { assumeSymmetric: true }); numpy: numpy.linalg.eigh (dsyevd). ' +
    'Nominal flops 9n³.',
  (n) => 9 * n ** 3,
  'eigh',
  (c, mk) => {
    const S = symmetric(mk, dim(c, 'n'));
    return { inputs: [S], op: () => disposeAll(eigh(S, { checkFinite: false }).vectors) };
  },
  (n) => {
    const S = symmetricMl(n);
    return () => new EigenvalueDecomposition(S, { assumeSymmetric: true });
  },
);

export const eigvalshSuite = suite(
  'eigvalsh',
  'Symmetric eigenvalues only, n×n',
  'eigvalsh(A) (tridiagonalisation + root-free QR); numpy: numpy.linalg.eigvalsh (dsyevd, values only). ' +
    'Nominal flops 4n³/3. (ml-matrix has no values-only path.)',
  (n) => (4 * n ** 3) / 3,
  'eigvalsh',
  (c, mk) => {
    const S = symmetric(mk, dim(c, 'n'));
    return {
      inputs: [S],
      op: () => {
        eigvalsh(S, { checkFinite: false });
        return noop;
      },
    };
  },
  null,
);

export const svdSuite = suite(
  'svd',
  'SVD with U and V, A = U·Σ·Vᵀ, square n×n',
  'svd(A) (thin; blocked Golub–Kahan bidiagonalisation + implicit-shift QR with batched SIMD rotations); ' +
    'ml-matrix: new SingularValueDecomposition(A); numpy: numpy.linalg.svd (dgesdd, divide and conquer). ' +
    'Nominal flops 21n³.',
  (n) => 21 * n ** 3,
  'svd',
  (c, mk) => {
    const A = mk(dim(c, 'n'), dim(c, 'n'), SEED);
    return {
      inputs: [A],
      op: () => {
        const r = svd(A, { checkFinite: false });
        return disposeAll(r.U, r.Vt);
      },
    };
  },
  (n) => {
    const A = randomMl(n, n, SEED);
    return () => new SingularValueDecomposition(A);
  },
);

export const svdvalsSuite = suite(
  'svdvals',
  'Singular values only, square n×n',
  'svd(A, { computeUV: false }); ml-matrix: new SingularValueDecomposition(A, { computeLeftSingularVectors: ' +
    'false, computeRightSingularVectors: false }); numpy: numpy.linalg.svd(a, compute_uv=False). Nominal flops 8n³/3.',
  (n) => (8 * n ** 3) / 3,
  'svdvals',
  (c, mk) => {
    const A = mk(dim(c, 'n'), dim(c, 'n'), SEED);
    return {
      inputs: [A],
      op: () => {
        svd(A, { computeUV: false, checkFinite: false });
        return noop;
      },
    };
  },
  (n) => {
    const A = randomMl(n, n, SEED);
    return () => new SingularValueDecomposition(A, { computeLeftSingularVectors: false, computeRightSingularVectors: false });
  },
);

export const svdGesvdSuite = suite(
  'svd-gesvd',
  'SVD with U and V against LAPACK’s QR-iteration driver (scipy gesvd), square n×n',
  'The same svd(A) as above; the numpy columns here run scipy.linalg.svd(a, lapack_driver="gesvd") — LAPACK ' +
    'dgesvd, the algorithm ours follows (its rotations are what make it slow). Nominal flops 21n³.',
  (n) => 21 * n ** 3,
  'svd-gesvd',
  (c, mk) => {
    const A = mk(dim(c, 'n'), dim(c, 'n'), SEED);
    return {
      inputs: [A],
      op: () => {
        const r = svd(A, { checkFinite: false });
        return disposeAll(r.U, r.Vt);
      },
    };
  },
  null,
);
