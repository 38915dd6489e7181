/**
 * Small matrices, time per call: matmul, matvec, inv, solve (vector right-hand side), det, cholesky,
 * eigh (values and vectors of a symmetric matrix) and svd (U, s, Vᵀ) at n = 2, 3, 4, 6, 8, 12, 16, 32 —
 * the sizes of geometry, per-sample ML maths, covariance of a few features, Kalman filters, where the
 * cost of a call (argument checks, allocation of the result, workspace, the wasm boundary) matters as
 * much as the arithmetic.
 *
 * Each call goes through the public API on pre-built inputs and includes the result's allocation and
 * its disposal. Columns: this library on the WASM and the JS backend, ml-matrix, a hand-written plain-JS
 * reference for matmul / matvec / solve (row-major Float64Array, a new output per call, Gaussian
 * elimination with partial pivoting on a copy for solve), and numpy per call (the same operation on
 * ndarrays; its own per-call overhead included, as a user of numpy would see it).
 *
 * Flops (for the GFLOP/s column, small anyway): matmul 2n³, matvec 2n², inv 2n³, solve 2n³/3 + 2n²,
 * det 2n³/3, cholesky n³/3, eigh ≈ 9n³, svd ≈ 22n³ (Golub & Van Loan's operation counts).
 */
import {
  Matrix,
  cholesky,
  det,
  eigh,
  inv,
  solve,
  svd,
} from '../../bindings/index.js';
import {
  CholeskyDecomposition,
  EigenvalueDecomposition,
  Matrix as MlMatrix,
  SingularValueDecomposition,
  determinant,
  inverse,
  solve as mlSolve,
} from 'ml-matrix';
import { dim, libColumn, mlColumn, noop, randomMl, type MakeMatrix } from './common.js';
import type { Case, Column, NumpySpec, Suite, SuiteOptions, Workload } from './types.js';

export const SMALL_SIZES = [2, 3, 4, 6, 8, 12, 16, 32];
export const SMALL_SIZES_QUICK = [2, 4, 8, 16];

const OPS = ['matmul', 'matvec', 'inv', 'solve', 'det', 'cholesky', 'eigh', 'svd'] as const;
type Op = (typeof OPS)[number];

const FLOPS: Record<Op, (n: number) => number> = {
  matmul: (n) => 2 * n ** 3,
  matvec: (n) => 2 * n * n,
  inv: (n) => 2 * n ** 3,
  solve: (n) => (2 * n ** 3) / 3 + 2 * n * n,
  det: (n) => (2 * n ** 3) / 3,
  cholesky: (n) => n ** 3 / 3,
  eigh: (n) => 9 * n ** 3,
  svd: (n) => 22 * n ** 3,
};

/** numpy peer op and its arguments (bench/peers/numpy.py). */
const NUMPY: Record<Op, (n: number) => NumpySpec> = {
  matmul: (n) => ({ op: 'gemm', m: n, k: n, n }),
  matvec: (n) => ({ op: 'matvec', n }),
  inv: (n) => ({ op: 'inv', n }),
  solve: (n) => ({ op: 'solve', n }),
  det: (n) => ({ op: 'det', n }),
  cholesky: (n) => ({ op: 'cholesky', n }),
  eigh: (n) => ({ op: 'eigh', n }),
  svd: (n) => ({ op: 'svd', n }),
};

const SEED = 21;

function opOf(c: Case): Op {
  return c.id.split(' ')[0] as Op;
}

function rhs(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
}

/** AᵀA + n·I (SPD) or (A + Aᵀ)/2 (symmetric) on the column's backend. */
function input(op: Op, mk: MakeMatrix, n: number): Matrix {
  const A = mk(n, n, SEED);
  if (op !== 'cholesky' && op !== 'eigh') return A;
  const out = op === 'cholesky' ? A.gram() : A.add(A.transpose()).scale(0.5);
  if (op === 'cholesky') for (let i = 0; i < n; i++) out.set(i, i, out.get(i, i) + n);
  A.dispose();
  return out;
}

const lib = (c: Case, mk: MakeMatrix): { inputs: Matrix[]; op: () => Disposable } => {
  const op = opOf(c);
  const n = dim(c, 'n');
  const A = input(op, mk, n);
  const b = rhs(n);
  const run: Record<Op, () => Disposable> = {
    matmul: () => A.matmul(A),
    matvec: () => (A.matvec(b), noop),
    inv: () => inv(A),
    solve: () => (solve(A, b), noop),
    det: () => (det(A), noop),
    cholesky: () => cholesky(A),
    eigh: () => eigh(A),
    svd: () => svd(A),
  };
  return { inputs: [A], op: run[op] };
};

function mlInput(op: Op, n: number): MlMatrix {
  const A = randomMl(n, n, SEED);
  if (op === 'cholesky') {
    const S = A.transpose().mmul(A);
    for (let i = 0; i < n; i++) S.set(i, i, S.get(i, i) + n);
    return S;
  }
  if (op === 'eigh') return A.add(A.transpose()).mul(0.5);
  return A;
}

const ml = (c: Case): (() => unknown) => {
  const op = opOf(c);
  const n = dim(c, 'n');
  const A = mlInput(op, n);
  const b = MlMatrix.columnVector(Array.from(rhs(n)));
  const bv = Array.from(rhs(n));
  const run: Record<Op, () => unknown> = {
    matmul: () => A.mmul(A),
    matvec: () => A.mmul(MlMatrix.columnVector(bv)),
    inv: () => inverse(A),
    solve: () => mlSolve(A, b),
    det: () => determinant(A),
    cholesky: () => new CholeskyDecomposition(A).lowerTriangularMatrix,
    eigh: () => new EigenvalueDecomposition(A, { assumeSymmetric: true }),
    svd: () => new SingularValueDecomposition(A),
  };
  return run[op];
};

// ---- the plain-JS reference: what a user would write by hand --------------------------------------

/** C = A·B, all n×n row-major. */
function plainMatmul(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k]!;
      for (let j = 0; j < n; j++) c[i * n + j]! += aik * b[k * n + j]!;
    }
  }
  return c;
}

function plainMatvec(a: Float64Array, x: Float64Array, n: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j]! * x[j]!;
    y[i] = s;
  }
  return y;
}

/** x with A·x = b: Gaussian elimination with partial pivoting on copies. */
function plainSolve(a0: Float64Array, b0: Float64Array, n: number): Float64Array {
  const a = a0.slice();
  const x = b0.slice();
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(a[i * n + k]!) > Math.abs(a[p * n + k]!)) p = i;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = a[k * n + j]!;
        a[k * n + j] = a[p * n + j]!;
        a[p * n + j] = t;
      }
      const t = x[k]!;
      x[k] = x[p]!;
      x[p] = t;
    }
    const d = a[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const l = a[i * n + k]! / d;
      for (let j = k + 1; j < n; j++) a[i * n + j]! -= l * a[k * n + j]!;
      x[i]! -= l * x[k]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let j = i + 1; j < n; j++) s -= a[i * n + j]! * x[j]!;
    x[i] = s / a[i * n + i]!;
  }
  return x;
}

const plain: Column = {
  id: 'plain',
  label: 'plain JS',
  setup(c: Case): Workload | null {
    const op = opOf(c);
    if (op !== 'matmul' && op !== 'matvec' && op !== 'solve') return null;
    const n = dim(c, 'n');
    const A = randomMl(n, n, SEED);
    const a = Float64Array.from(A.to1DArray());
    const b = rhs(n);
    let sink: Float64Array | null = null;
    const f = op === 'matmul' ? () => plainMatmul(a, a, n) : op === 'matvec' ? () => plainMatvec(a, b, n) : () => plainSolve(a, b, n);
    return {
      run: () => {
        sink = f();
      },
      dispose: () => {
        sink = null;
        void sink;
      },
    };
  },
};

export const smallSuite: Suite = {
  name: 'small',
  title: 'Small matrices (time per call)',
  description:
    'matmul, matvec, inv, solve (vector b), det, cholesky, eigh and svd of n×n inputs, one call through the public API including the result (ms per call; GFLOP/s from 2n³, 2n², 2n³, 2n³/3 + 2n², 2n³/3, n³/3, 9n³, 22n³).',
  cases: (o: SuiteOptions) => {
    const sizes = o.quick ? SMALL_SIZES_QUICK : SMALL_SIZES;
    return OPS.flatMap((op) =>
      sizes.map((n) => ({ id: `${op} n=${n}`, label: `${op} ${n}`, dims: { n }, flops: FLOPS[op](n), numpy: NUMPY[op](n) })),
    );
  },
  columns: [libColumn('wasm', 'WASM', lib), libColumn('js', 'JS', lib), mlColumn(ml), plain],
  ratios: [
    { label: 'WASM/ml-matrix', num: 'wasm', den: 'ml-matrix' },
    { label: 'WASM/plain JS', num: 'wasm', den: 'plain' },
    { label: 'WASM/numpy (env)', num: 'wasm', den: 'numpy-env' },
    { label: 'WASM/JS', num: 'wasm', den: 'js' },
  ],
};
