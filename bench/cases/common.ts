/** Helpers shared by the suites: seeded inputs and the library-backend / ml-matrix columns. */
import { Matrix, setBackend } from '../../bindings/index.js';
import { Matrix as MlMatrix } from 'ml-matrix';
import { NUMPY_AVX512, NUMPY_ENV, type Case, type Column, type Ratio, type Suite, type SuiteOptions, type Workload } from './types.js';

export type LibBackend = 'wasm' | 'js';

/** A seeded uniform [0, 1) matrix on the given backend of this library. */
export function randomMatrix(backend: LibBackend, rows: number, cols: number, seed: number): Matrix {
  setBackend(backend);
  return Matrix.random(rows, cols, { seed });
}

/** The same entries as randomMatrix(…, seed), as an ml-matrix Matrix. */
export function randomMl(rows: number, cols: number, seed: number): MlMatrix {
  const M = randomMatrix('js', rows, cols, seed);
  try {
    return new MlMatrix(M.toArray());
  } finally {
    M.dispose();
  }
}

/** Builds a seeded uniform rows×cols matrix on the backend of the column that calls it. */
export type MakeMatrix = (rows: number, cols: number, seed: number) => Matrix;

/** A library column's case: its inputs (already on the column's backend) and the timed operation, or null to skip. */
export type LibMake = (c: Case, mk: MakeMatrix) => { inputs: Matrix[]; op: () => Disposable } | null;

/**
 * A column running this library on one backend. `make` builds the case's inputs (already on that
 * backend) and returns the operation; the result it returns (a Matrix, a factorisation, or a wrapper
 * around several results) is disposed inside the timed call.
 */
export function libColumn(id: LibBackend, label: string, make: LibMake): Column {
  return {
    id,
    label,
    setup(c: Case): Workload | null {
      const built = make(c, (r, k, seed) => randomMatrix(id, r, k, seed));
      if (built === null) return null;
      setBackend(id); // the backend every op of this workload runs on
      const { inputs, op } = built;
      return {
        run: () => op()[Symbol.dispose](),
        dispose: () => {
          for (const M of inputs) M.dispose();
        },
      };
    },
  };
}

/** An ml-matrix column: `make` returns the operation (its result is left to the garbage collector). */
export function mlColumn(make: (c: Case) => (() => unknown) | null): Column {
  return {
    id: 'ml-matrix',
    label: 'ml-matrix',
    setup(c: Case): Workload | null {
      const op = make(c);
      if (op === null) return null;
      let sink: unknown = null;
      return {
        run: () => {
          sink = op();
        },
        dispose: () => {
          sink = null;
          void sink;
        },
      };
    },
  };
}

export function dim(c: Case, name: string): number {
  const v = c.dims[name];
  if (v === undefined) throw new Error(`bench case ${c.id}: no dimension '${name}'`);
  return v;
}

/** The ratio columns every suite shows: WASM against numpy (both builds), the JS backend and, when it has a column, ml-matrix. */
export function standardRatios(withMl = true): Ratio[] {
  return [
    { label: 'WASM/numpy (env)', num: 'wasm', den: NUMPY_ENV },
    { label: 'WASM/numpy AVX-512', num: 'wasm', den: NUMPY_AVX512 },
    { label: 'WASM/JS', num: 'wasm', den: 'js' },
    ...(withMl ? [{ label: 'WASM/ml-matrix', num: 'wasm', den: 'ml-matrix' }] : []),
  ];
}

/** A result with nothing to free (numbers, Float64Arrays). */
export const noop: Disposable = { [Symbol.dispose]() {} };

/** Frees several result matrices at once. */
export const disposeAll = (...ms: ({ dispose(): void } | undefined)[]): Disposable => ({
  [Symbol.dispose]() {
    for (const M of ms) M?.dispose();
  },
});

/** The seeded uniform n×n input most suites time (`seed` per suite). */
export const seededSquare =
  (seed: number) =>
  (mk: MakeMatrix, n: number): Matrix =>
    mk(n, n, seed);

/** seededSquare's matrix as an ml-matrix Matrix. */
export const seededSquareMl =
  (seed: number) =>
  (n: number): MlMatrix =>
    randomMl(n, n, seed);

/** A library column's case on one n×n input: `input` builds it on the column's backend, `op(A)` is timed. */
export function squareInput(input: (mk: MakeMatrix, n: number) => Matrix, op: (A: Matrix) => Disposable): LibMake {
  return (c, mk) => {
    const A = input(mk, dim(c, 'n'));
    return { inputs: [A], op: () => op(A) };
  };
}

/** The ml-matrix side of squareInput: `input(n)` built once per case, `op(A)` timed. */
export function squareInputMl(input: (n: number) => MlMatrix, op: (A: MlMatrix) => unknown): (n: number) => () => unknown {
  return (n) => {
    const A = input(n);
    return () => op(A);
  };
}

/**
 * A suite over square n×n cases (sizes from `sizes(o)`; the numpy peer's op is the suite's name):
 * WASM and JS columns from `lib`, an ml-matrix column from `ml` unless it is null, the standard ratios.
 */
export function squareSuite(spec: {
  name: string;
  title: string;
  description: string;
  sizes: (o: SuiteOptions) => number[];
  flops: (n: number) => number;
  lib: LibMake;
  ml: ((n: number) => () => unknown) | null;
}): Suite {
  const { name, flops, lib, ml } = spec;
  return {
    name,
    title: spec.title,
    description: spec.description,
    cases: (o) => spec.sizes(o).map((n) => ({ id: `n=${n}`, label: String(n), dims: { n }, flops: flops(n), numpy: { op: name, n } })),
    columns: [
      libColumn('wasm', 'WASM', lib),
      libColumn('js', 'JS', lib),
      ...(ml === null ? [] : [mlColumn((c) => ml(dim(c, 'n')))]),
    ],
    ratios: standardRatios(ml !== null),
  };
}
