/**
 * The benchmark registry's types. A suite (one per operation: gemm, syrk, …) lists its cases (sizes
 * or shapes) and its columns (implementations). In-process columns build their inputs in `setup`
 * and return a workload whose `run()` is one operation through the public API; the numpy columns
 * are filled by bench/peers/numpy.py from each case's `numpy` spec.
 *
 * To add an operation (LU, QR, SVD …): write bench/cases/<op>.ts exporting a Suite, add it to
 * bench/cases/index.ts, and (for a numpy column) add a builder for its `numpy.op` in
 * bench/peers/numpy.py. Flop counts live next to each suite as plain functions.
 */

/** One operation's inputs, ready to time. `run()` = one operation, including its result's allocation and dispose. */
export interface Workload {
  run(): void;
  /** Frees the inputs. */
  dispose(): void;
}

export interface Case {
  /** Unique within the suite, e.g. 'n=256' or '2048x64*64x2048'. */
  id: string;
  /** Row label in the tables. */
  label: string;
  /** Dimensions (m, k, n …), as the suite defines them. */
  dims: Record<string, number>;
  /** Floating-point operations of one run (for GFLOP/s). */
  flops: number;
  /** What the numpy peer should time, or absent for no numpy column. */
  numpy?: NumpySpec;
}

/** A case for bench/peers/numpy.py: `op` selects a builder there; the other fields are its arguments. */
export interface NumpySpec {
  op: string;
  [arg: string]: number | string;
}

export interface Column {
  /** Key in the JSON results, e.g. 'wasm'. */
  id: string;
  /** Header in the tables, e.g. 'WASM'. */
  label: string;
  /** Builds the inputs of one case, or returns null when this column does not run this case. */
  setup(c: Case): Workload | null;
}

/** A ratio column: speed of `num` over speed of `den` (= time of den / time of num). */
export interface Ratio {
  label: string;
  num: string;
  den: string;
}

export interface SuiteOptions {
  quick: boolean;
  /** Square sizes from `--sizes`, overriding the suite's defaults where it has square cases. */
  sizes: number[] | null;
}

export interface Suite {
  name: string;
  title: string;
  /** One or two sentences for the report: what is timed, flop formula. */
  description: string;
  cases(o: SuiteOptions): Case[];
  /** In-process columns, in table order (numpy columns are appended by the driver). */
  columns: Column[];
  /** Ratios shown in the table; column ids may name numpy columns ('numpy-env', 'numpy-avx512'). */
  ratios: Ratio[];
}

/** Column ids of the numpy peer runs (see bench/peers/numpy.ts). */
export const NUMPY_ENV = 'numpy-env';
export const NUMPY_AVX512 = 'numpy-avx512';
