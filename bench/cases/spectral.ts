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
import {
  randomMl,
  disposeAll,
  noop,
  seededSquare,
  seededSquareMl,
  squareInput,
  squareInputMl,
  squareSuite,
  type MakeMatrix,
} from './common.js';
import type { SuiteOptions } from './types.js';

export const SPECTRAL_SIZES = [64, 128, 256, 512];
export const SPECTRAL_SIZES_QUICK = [64, 128, 256];

const SEED = 21;

function sizes(o: SuiteOptions): number[] {
  return o.sizes ?? (o.quick ? SPECTRAL_SIZES_QUICK : SPECTRAL_SIZES);
}

/** A symmetric matrix (A + Aᵀ)/2 from a seeded uniform A. */
function symmetric(mk: MakeMatrix, n: number): LibMatrix {
  using A = mk(n, n, SEED);
  using At = A.transpose();
  using S = A.add(At);
  return S.scale(0.5);
}

function symmetricMl(n: number): MlMatrix {
  const A = randomMl(n, n, SEED);
  return A.add(A.transpose()).mul(0.5);
}

const square = seededSquare(SEED);
const squareMl = seededSquareMl(SEED);

/** svd(A) with U and V, both freed inside the timed call. */
function svdUV(A: LibMatrix): Disposable {
  const r = svd(A, { checkFinite: false });
  return disposeAll(r.U, r.Vt);
}

export const eighSuite = squareSuite({
  name: 'eigh',
  title: 'Symmetric eigendecomposition with vectors, A = Z·Λ·Zᵀ, n×n',
  description:
    'eigh(A) (blocked Householder tridiagonalisation, divide and conquer from n = 64, implicit QL/QR with batched SIMD rotations below); ' +
    'ml-matrix: new EigenvalueDecomposition(A, { assumeSymmetric: true }); numpy: numpy.linalg.eigh (dsyevd). ' +
    'Nominal flops 9n³.',
  sizes,
  flops: (n) => 9 * n ** 3,
  lib: squareInput(symmetric, (S) => disposeAll(eigh(S, { checkFinite: false }).vectors)),
  ml: squareInputMl(symmetricMl, (S) => new EigenvalueDecomposition(S, { assumeSymmetric: true })),
});

export const eigvalshSuite = squareSuite({
  name: 'eigvalsh',
  title: 'Symmetric eigenvalues only, n×n',
  description:
    'eigvalsh(A) (tridiagonalisation + root-free QR); numpy: numpy.linalg.eigvalsh (dsyevd, values only). ' +
    'Nominal flops 4n³/3. (ml-matrix has no values-only path.)',
  sizes,
  flops: (n) => (4 * n ** 3) / 3,
  lib: squareInput(symmetric, (S) => {
    eigvalsh(S, { checkFinite: false });
    return noop;
  }),
  ml: null,
});

export const svdSuite = squareSuite({
  name: 'svd',
  title: 'SVD with U and V, A = U·Σ·Vᵀ, square n×n',
  description:
    'svd(A) (thin; blocked Golub–Kahan bidiagonalisation + implicit-shift QR with batched SIMD rotations); ' +
    'ml-matrix: new SingularValueDecomposition(A); numpy: numpy.linalg.svd (dgesdd, divide and conquer). ' +
    'Nominal flops 21n³.',
  sizes,
  flops: (n) => 21 * n ** 3,
  lib: squareInput(square, svdUV),
  ml: squareInputMl(squareMl, (A) => new SingularValueDecomposition(A)),
});

export const svdvalsSuite = squareSuite({
  name: 'svdvals',
  title: 'Singular values only, square n×n',
  description:
    'svd(A, { computeUV: false }); ml-matrix: new SingularValueDecomposition(A, { computeLeftSingularVectors: ' +
    'false, computeRightSingularVectors: false }); numpy: numpy.linalg.svd(a, compute_uv=False). Nominal flops 8n³/3.',
  sizes,
  flops: (n) => (8 * n ** 3) / 3,
  lib: squareInput(square, (A) => {
    svd(A, { computeUV: false, checkFinite: false });
    return noop;
  }),
  ml: squareInputMl(
    squareMl,
    (A) => new SingularValueDecomposition(A, { computeLeftSingularVectors: false, computeRightSingularVectors: false }),
  ),
});

export const svdGesvdSuite = squareSuite({
  name: 'svd-gesvd',
  title: 'SVD with U and V against LAPACK’s QR-iteration driver (scipy gesvd), square n×n',
  description:
    'The same svd(A) as above; the numpy columns here run scipy.linalg.svd(a, lapack_driver="gesvd") — LAPACK ' +
    'dgesvd, the algorithm ours follows (its rotations are what make it slow). Nominal flops 21n³.',
  sizes,
  flops: (n) => 21 * n ** 3,
  lib: squareInput(square, svdUV),
  ml: null,
});
