/**
 * Matrix functions (issue 13), square n×n: expm, sqrtm, logm through the public API; each timed call
 * includes the routine's copies of its input and the result's allocation and disposal.
 *
 * Inputs (the same construction for the scipy peer, bench/peers/numpy.py, from numpy's generator):
 *   expm        A = (U − ½)·8/‖U − ½‖₁, U seeded uniform [0, 1): a dense random matrix of 1-norm 8,
 *               so the degree-13 Padé approximant with one or two squarings (the common case);
 *   sqrtm/logm  A = U + n·I: diagonally dominant, every eigenvalue with real part > 1 (Gershgorin),
 *               most of them complex pairs — the real Schur form has many 2×2 blocks — and clustered
 *               about n, so logm takes several square roots (about 5 at n = 256).
 * Peer: scipy.linalg.expm / sqrtm / logm (single thread, as the numpy columns). Targets (issue 13):
 * expm ≤ 1.5× scipy's time; sqrtm and logm ≤ 2× at n = 256 and 512.
 *
 * Flops are nominal, to make GFLOP/s comparable across sizes (the ratios are what matter):
 * expm ≈ (6 + 4/3 + 2)·2n³ (the degree-13 Padé: 6 products, an LU solve, about 2 squarings); sqrtm
 * 25n³ (the real Schur form with Z) + n³/3 (the quasi-triangular root) + 4n³ (Z·U·Zᵀ); logm the same
 * plus about 5 roots and 7 solves (≈ 9n³).
 */
import { Matrix, expm, logm, sqrtm } from '../../bindings/index.js';
import { dim, libColumn, standardRatios, type LibMake, type MakeMatrix } from './common.js';
import type { Suite, SuiteOptions } from './types.js';

export const MATFUN_SIZES = [64, 128, 256, 512];
export const MATFUN_SIZES_QUICK = [64, 128];

const SEED = 43;

function sizes(o: SuiteOptions): number[] {
  return o.sizes ?? (o.quick ? MATFUN_SIZES_QUICK : MATFUN_SIZES);
}

/** (U − ½)·8/‖U − ½‖₁. */
function expmInput(mk: MakeMatrix, n: number): Matrix {
  const U = mk(n, n, SEED);
  try {
    const a = U.toFloat64Array();
    let norm = 0;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.abs(a[i * n + j]! - 0.5);
      norm = Math.max(norm, s);
    }
    return Matrix.fromArray(a.map((x) => ((x - 0.5) * 8) / norm), n, n);
  } finally {
    U.dispose();
  }
}

/** U + n·I. */
function dominantInput(mk: MakeMatrix, n: number): Matrix {
  const U = mk(n, n, SEED);
  try {
    const a = U.toFloat64Array();
    for (let i = 0; i < n; i++) a[i * n + i] = a[i * n + i]! + n;
    return Matrix.fromArray(a, n, n);
  } finally {
    U.dispose();
  }
}

const FNS = [
  { name: 'expm', input: expmInput, flops: 18.7, f: (A: Matrix) => expm(A, { checkFinite: false }) },
  { name: 'sqrtm', input: dominantInput, flops: 29.3, f: (A: Matrix) => sqrtm(A, { checkFinite: false }) },
  { name: 'logm', input: dominantInput, flops: 38, f: (A: Matrix) => logm(A, { checkFinite: false }) },
] as const;

const make: LibMake = (c, mk) => {
  const fn = FNS[dim(c, 'f')]!;
  const A = fn.input(mk, dim(c, 'n'));
  return { inputs: [A], op: () => fn.f(A) };
};

/** One suite, `matfun`: expm, sqrtm, logm at each size (rows "expm 64", …). */
export const matfunSuite: Suite = {
  name: 'matfun',
  title: 'Matrix functions expm, sqrtm, logm, n×n (expm: dense random, ‖A‖₁ = 8; sqrtm/logm: U + n·I)',
  description:
    'expm(A) (Al-Mohy & Higham 2009: Padé 13, scaling and squaring), sqrtm(A) (real Schur form, blocked ' +
    'quasi-triangular root, Z·U·Zᵀ), logm(A) (real Schur form, inverse scaling and squaring, Padé partial ' +
    'fractions); scipy: scipy.linalg.expm / sqrtm / logm. Nominal flops 18.7n³, 29.3n³, 38n³.',
  cases: (o) =>
    FNS.flatMap((fn, f) =>
      sizes(o).map((n) => ({ id: `${fn.name} n=${n}`, label: `${fn.name} ${n}`, dims: { n, f }, flops: fn.flops * n ** 3, numpy: { op: fn.name, n } })),
    ),
  columns: [libColumn('wasm', 'WASM', make), libColumn('js', 'JS', make)],
  ratios: standardRatios(false),
};
