/** Helpers shared by the suites: seeded inputs and the library-backend / ml-matrix columns. */
import { Matrix, setBackend } from '../../bindings/index.js';
import { Matrix as MlMatrix } from 'ml-matrix';
import { NUMPY_AVX512, NUMPY_ENV, type Case, type Column, type Ratio, type Workload } from './types.js';

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

/**
 * A column running this library on one backend. `make` builds the case's inputs (already on that
 * backend) and returns the operation; the result it returns (a Matrix, a factorisation, or a wrapper
 * around several results) is disposed inside the timed call.
 */
export function libColumn(
  id: LibBackend,
  label: string,
  make: (c: Case, mk: (rows: number, cols: number, seed: number) => Matrix) => { inputs: Matrix[]; op: () => Disposable } | null,
): Column {
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
