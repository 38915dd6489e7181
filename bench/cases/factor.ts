/**
 * Factorisations and solvers (square n×n unless stated): LU with partial pivoting, Cholesky, Householder
 * QR with Q formed, solve(A, b), and least squares. Each through the public API; the timed call
 * includes the factorisation's copies of the input, the result's allocation and its disposal.
 *
 * Peers: ml-matrix's LuDecomposition / CholeskyDecomposition / QrDecomposition (+ orthogonalMatrix) /
 * solve; numpy / scipy (single thread): scipy.linalg.lu_factor (dgetrf), numpy.linalg.cholesky
 * (dpotrf), numpy.linalg.qr (dgeqrf + dorgqr), numpy.linalg.solve (dgesv), numpy.linalg.lstsq (dgelsd).
 *
 * Flop counts (LAPACK Working Note 41, the standard counts): getrf 2n³/3, potrf n³/3, geqrf + orgqr
 * 4n³/3 + 4n³/3 (square), gesv 2n³/3 + 2n², least squares on m×n by QR 2mn² − 2n³/3 + 4mn.
 */
import {
  Matrix as LibMatrix,
  choFactor,
  luFactor,
  lstsq,
  qr,
  solve,
} from '../../bindings/index.js';
import {
  CholeskyDecomposition,
  LuDecomposition,
  Matrix as MlMatrix,
  QrDecomposition,
  solve as mlSolve,
} from 'ml-matrix';
import {
  libColumn,
  mlColumn,
  randomMl,
  dim,
  disposeAll,
  noop,
  seededSquare,
  seededSquareMl,
  squareInput,
  squareInputMl,
  squareSuite,
  standardRatios,
  type MakeMatrix,
} from './common.js';
import type { Suite, SuiteOptions } from './types.js';

export const FACTOR_SIZES = [64, 128, 256, 512, 1024];
export const FACTOR_SIZES_QUICK = [64, 128, 256];

export const luFlops = (n: number): number => (2 * n ** 3) / 3;
export const cholFlops = (n: number): number => n ** 3 / 3;
export const qrFlops = (n: number): number => (8 * n ** 3) / 3;
export const solveFlops = (n: number): number => (2 * n ** 3) / 3 + 2 * n * n;
export const lstsqFlops = (m: number, n: number): number => 2 * m * n * n - (2 * n ** 3) / 3 + 4 * m * n;

const SEED = 11;

function sizes(o: SuiteOptions): number[] {
  return o.sizes ?? (o.quick ? FACTOR_SIZES_QUICK : FACTOR_SIZES);
}

/** A well-conditioned SPD matrix AᵀA + n·I from a seeded uniform A, on the current backend. */
function spd(mk: MakeMatrix, n: number): LibMatrix {
  const A = mk(n, n, SEED);
  try {
    const S = A.gram();
    for (let i = 0; i < n; i++) S.set(i, i, S.get(i, i) + n);
    return S;
  } finally {
    A.dispose();
  }
}

function spdMl(n: number): MlMatrix {
  const A = randomMl(n, n, SEED);
  const S = A.transpose().mmul(A);
  for (let i = 0; i < n; i++) S.set(i, i, S.get(i, i) + n);
  return S;
}

const square = seededSquare(SEED);
const squareMl = seededSquareMl(SEED);

export const lu = squareSuite({
  name: 'lu',
  title: 'LU with partial pivoting, P·A = L·U, square n×n',
  description:
    'luFactor(A) (blocked right-looking getrf with a recursive panel); ml-matrix: new LuDecomposition(A); ' +
    'numpy column: scipy.linalg.lu_factor (dgetrf). Flops 2n³/3.',
  sizes,
  flops: luFlops,
  lib: squareInput(square, (A) => luFactor(A, { checkFinite: false })),
  ml: squareInputMl(squareMl, (A) => new LuDecomposition(A)),
});

export const cholesky = squareSuite({
  name: 'cholesky',
  title: 'Cholesky, A = L·Lᵀ, symmetric positive definite n×n',
  description:
    'choFactor(A) (blocked right-looking potrf: TRSM + SYRK updates); ml-matrix: new CholeskyDecomposition(A); ' +
    'numpy: numpy.linalg.cholesky (dpotrf). Flops n³/3.',
  sizes,
  flops: cholFlops,
  lib: squareInput(spd, (S) => choFactor(S, { checkFinite: false })),
  ml: squareInputMl(spdMl, (S) => new CholeskyDecomposition(S)),
});

export const qrSuite = squareSuite({
  name: 'qr',
  title: 'Householder QR with Q formed, A = Q·R, square n×n',
  description:
    'qr(A) in reduced mode, Q and R both formed (blocked compact-WY geqrf + orgqr); ml-matrix: ' +
    'new QrDecomposition(A) then .orthogonalMatrix and .upperTriangularMatrix; numpy: numpy.linalg.qr ' +
    '(dgeqrf + dorgqr). Flops 8n³/3.',
  sizes,
  flops: qrFlops,
  lib: squareInput(square, (A) => {
    const r = qr(A, { checkFinite: false });
    return disposeAll(r.Q, r.R);
  }),
  ml: squareInputMl(squareMl, (A) => {
    const d = new QrDecomposition(A);
    return [d.orthogonalMatrix, d.upperTriangularMatrix];
  }),
});

export const solveSuite = squareSuite({
  name: 'solve',
  title: 'solve(A, b): LU with partial pivoting and two triangular solves, square n×n, one right-hand side',
  description:
    'solve(A, b) with b a vector; ml-matrix: solve(A, b) (LU); numpy: numpy.linalg.solve (dgesv). Flops 2n³/3 + 2n².',
  sizes,
  flops: solveFlops,
  lib: (c, mk) => {
    const n = dim(c, 'n');
    const A = mk(n, n, SEED);
    const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    return {
      inputs: [A],
      op: () => {
        solve(A, b, { checkFinite: false });
        return noop;
      },
    };
  },
  ml: (n) => {
    const A = randomMl(n, n, SEED);
    const b = MlMatrix.columnVector(Array.from({ length: n }, (_, i) => Math.sin(i + 1)));
    return () => mlSolve(A, b);
  },
});

/** Least squares on a tall 2n×n problem. */
export const lstsqSuite: Suite = {
  name: 'lstsq',
  title: 'Least squares min ‖A·x − b‖, A tall 2n×n, one right-hand side',
  description:
    'lstsq(A, b): QR with column pivoting (rank-revealing, unblocked level-2 geqp3 today) then Qᵀb and a ' +
    'triangular solve; ml-matrix: solve(A, b) (its QR least squares, no rank handling); numpy: ' +
    'numpy.linalg.lstsq (dgelsd, SVD-based — a different, costlier algorithm). Flops of the QR method ' +
    '2mn² − 2n³/3 + 4mn.',
  cases: (o) =>
    sizes(o)
      .filter((n) => n <= 512)
      .map((n) => ({
        id: `${2 * n}x${n}`,
        label: `${2 * n}×${n}`,
        dims: { m: 2 * n, n },
        flops: lstsqFlops(2 * n, n),
        numpy: { op: 'lstsq', m: 2 * n, n },
      })),
  columns: [
    ...(['wasm', 'js'] as const).map((id) =>
      libColumn(id, id === 'wasm' ? 'WASM' : 'JS', (c, mk) => {
        const m = dim(c, 'm');
        const A = mk(m, dim(c, 'n'), SEED);
        const b = Float64Array.from({ length: m }, (_, i) => Math.cos(i + 1));
        return {
          inputs: [A],
          op: () => {
            lstsq(A, b, { checkFinite: false });
            return noop;
          },
        };
      }),
    ),
    mlColumn((c) => {
      const m = dim(c, 'm');
      const A = randomMl(m, dim(c, 'n'), SEED);
      const b = MlMatrix.columnVector(Array.from({ length: m }, (_, i) => Math.cos(i + 1)));
      return () => mlSolve(A, b);
    }),
  ],
  ratios: standardRatios(),
};
