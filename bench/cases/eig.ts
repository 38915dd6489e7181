/**
 * The general (nonsymmetric) eigenproblem, square n×n: eig (eigenvalues and right eigenvectors) and
 * eigvals (values only), on a seeded uniform [0, 1) matrix — nonsymmetric, so about half its eigenvalues
 * come in complex pairs. Through the public API; each timed call includes the routine's copy of the
 * input, the balancing, and the results' allocation and disposal.
 *
 * Peers: ml-matrix's EigenvalueDecomposition (a port of JAMA: orthes + hqr2, always with vectors — it has
 * no values-only path, so only the 'eig' table has its column); numpy (single thread):
 * numpy.linalg.eig / numpy.linalg.eigvals (LAPACK dgeev: blocked Hessenberg reduction, and for n > 75
 * the multishift QR with aggressive early deflation, dhseqr/dlaqr0 — ours is the double-shift dlahqr).
 *
 * Flops are Golub & Van Loan's nominal counts for the Francis QR algorithm (4th ed., §7.5.6): 10n³ for
 * the eigenvalues (Hessenberg reduction + the real Schur form T) and 25n³ with vectors (T and the Schur
 * vectors Z; the back-substitution for the eigenvectors and V = Z·X are not counted). They make
 * GFLOP/s comparable across sizes; the time ratios are what matter.
 *
 * Single-call times measured when this suite was written (n = 512, Node, no other load): WASM eig
 * ≈ 1.1 s, JS eig ≈ 1.5–1.9 s, ml-matrix ≈ 2.6 s — all under the 3 s above which a column would skip
 * the case (return null from its setup), so every column runs every size.
 */
import { eig, eigvals } from '../../bindings/index.js';
import { EigenvalueDecomposition } from 'ml-matrix';
import { disposeAll, noop, seededSquare, seededSquareMl, squareInput, squareInputMl, squareSuite } from './common.js';
import type { SuiteOptions } from './types.js';

export const EIG_SIZES = [64, 128, 256, 512];
export const EIG_SIZES_QUICK = [64, 128];

export const eigValuesFlops = (n: number): number => 10 * n ** 3;
export const eigVectorsFlops = (n: number): number => 25 * n ** 3;

const SEED = 31;

function sizes(o: SuiteOptions): number[] {
  return o.sizes ?? (o.quick ? EIG_SIZES_QUICK : EIG_SIZES);
}

const square = seededSquare(SEED);

export const eigSuite = squareSuite({
  name: 'eig',
  title: 'General eigendecomposition with vectors, A·V = V·Λ, n×n nonsymmetric',
  description:
    'eig(A) (balancing, Householder Hessenberg reduction, Francis double-shift QR with Z, eigenvectors by ' +
    'back-substitution on T); ml-matrix: new EigenvalueDecomposition(A); numpy: numpy.linalg.eig (dgeev). ' +
    'Nominal flops 25n³ (Golub & Van Loan §7.5.6: T and Z).',
  sizes,
  flops: eigVectorsFlops,
  lib: squareInput(square, (A) => {
    const r = eig(A, { checkFinite: false });
    return disposeAll(r.vectors.re, r.vectors.im);
  }),
  ml: squareInputMl(seededSquareMl(SEED), (A) => new EigenvalueDecomposition(A)),
});

export const eigvalsSuite = squareSuite({
  name: 'eigvals',
  title: 'General eigenvalues only, n×n nonsymmetric',
  description:
    'eigvals(A) (balancing, Hessenberg reduction, Francis double-shift QR on the active window only); ' +
    'numpy: numpy.linalg.eigvals (dgeev without vectors). Nominal flops 10n³ (Golub & Van Loan §7.5.6: T ' +
    'alone). (ml-matrix has no values-only path.)',
  sizes,
  flops: eigValuesFlops,
  lib: squareInput(square, (A) => {
    eigvals(A, { checkFinite: false });
    return noop;
  }),
  ml: null,
});
