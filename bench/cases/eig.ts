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
import { Matrix as LibMatrix, eig, eigvals } from '../../bindings/index.js';
import { EigenvalueDecomposition } from 'ml-matrix';
import { libColumn, mlColumn, randomMl, dim, noop, standardRatios } from './common.js';
import type { Case, Suite, SuiteOptions } from './types.js';

export const EIG_SIZES = [64, 128, 256, 512];
export const EIG_SIZES_QUICK = [64, 128];

export const eigValuesFlops = (n: number): number => 10 * n ** 3;
export const eigVectorsFlops = (n: number): number => 25 * n ** 3;

const SEED = 31;

function sizes(o: SuiteOptions): number[] {
  return o.sizes ?? (o.quick ? EIG_SIZES_QUICK : EIG_SIZES);
}

function suite(
  name: string,
  title: string,
  description: string,
  flops: (n: number) => number,
  op: (A: LibMatrix) => Disposable,
  ml: ((n: number) => () => unknown) | null,
): Suite {
  const lib = (c: Case, mk: (r: number, cols: number, seed: number) => LibMatrix): { inputs: LibMatrix[]; op: () => Disposable } => {
    const A = mk(dim(c, 'n'), dim(c, 'n'), SEED);
    return { inputs: [A], op: () => op(A) };
  };
  return {
    name,
    title,
    description,
    cases: (o) => sizes(o).map((n) => ({ id: `n=${n}`, label: String(n), dims: { n }, flops: flops(n), numpy: { op: name, n } })),
    columns: [
      libColumn('wasm', 'WASM', lib),
      libColumn('js', 'JS', lib),
      ...(ml === null ? [] : [mlColumn((c) => ml(dim(c, 'n')))]),
    ],
    ratios: standardRatios(ml !== null),
  };
}

export const eigSuite = suite(
  'eig',
  'General eigendecomposition with vectors, A·V = V·Λ, n×n nonsymmetric',
  'eig(A) (balancing, Householder Hessenberg reduction, Francis double-shift QR with Z, eigenvectors by ' +
    'back-substitution on T); ml-matrix: new EigenvalueDecomposition(A); numpy: numpy.linalg.eig (dgeev). ' +
    'Nominal flops 25n³ (Golub & Van Loan §7.5.6: T and Z).',
  eigVectorsFlops,
  (A) => {
    const r = eig(A, { checkFinite: false });
    return {
      [Symbol.dispose]() {
        r.vectors.re.dispose();
        r.vectors.im.dispose();
      },
    };
  },
  (n) => {
    const A = randomMl(n, n, SEED);
    return () => new EigenvalueDecomposition(A);
  },
);

export const eigvalsSuite = suite(
  'eigvals',
  'General eigenvalues only, n×n nonsymmetric',
  'eigvals(A) (balancing, Hessenberg reduction, Francis double-shift QR on the active window only); ' +
    'numpy: numpy.linalg.eigvals (dgeev without vectors). Nominal flops 10n³ (Golub & Van Loan §7.5.6: T ' +
    'alone). (ml-matrix has no values-only path.)',
  eigValuesFlops,
  (A) => {
    eigvals(A, { checkFinite: false });
    return noop;
  },
  null,
);
