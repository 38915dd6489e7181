/**
 * Threads in the benchmark (issue 12): the GEMM-bound suites get a 2-thread WASM column next to the
 * 1-thread one, and numpy columns with OPENBLAS_NUM_THREADS=2 next to numpy's 1-thread ones (the
 * environment's kernels and the CPU's own, as for one thread).
 *
 * The library is loaded with a pool of 2 threads (when the machine has them); the 'wasm' column runs
 * with the kernels on one thread (`ThreadPool.useLanes(1)`: the workers stay, the kernels do not
 * split) and the 'wasm-2t' column with both — switched in each column's setup, before its timing.
 */
import type { Suite, Column, Ratio } from './cases/types.js';
import { NUMPY_AVX512, NUMPY_ENV } from './cases/types.js';
import { threadPool } from '../bindings/loader.js';
import { NUMPY_COLUMNS } from './peers/numpy.js';

/**
 * The suites whose time is mostly GEMM, SYRK, TRSM or lasr (the kernels that split); every other
 * suite is pinned to one thread (its columns compare with numpy single-threaded).
 */
export const THREADED_SUITES = new Set(['gemm', 'syrk', 'lu', 'cholesky', 'qr', 'eigh', 'svd', 'eigh-general', 'matfun']);

export const WASM_2T = 'wasm-2t';
export const NUMPY_ENV_2T = 'numpy-env-2t';
export const NUMPY_AVX512_2T = 'numpy-avx512-2t';

/** The numpy columns with 2 OpenBLAS threads (run for the threaded suites only). */
export const NUMPY_2T_COLUMNS: typeof NUMPY_COLUMNS = NUMPY_COLUMNS.map((c) => ({
  id: c.id === NUMPY_ENV ? NUMPY_ENV_2T : NUMPY_AVX512_2T,
  label: `${c.label} 2T`,
  env: (base) => ({ ...c.env(base), OPENBLAS_NUM_THREADS: '2', OMP_NUM_THREADS: '2' }),
}));

/** A column whose kernels split over `lanes` threads of the pool. */
function onLanes(col: Column, lanes: number, id = col.id, label = col.label): Column {
  return {
    id,
    label,
    setup: (c) => {
      threadPool()?.useLanes(lanes);
      return col.setup(c);
    },
  };
}

/**
 * The suite with a 'wasm-2t' column after 'wasm' (which is pinned to one thread) and the scaling ratios,
 * when it is GEMM-bound and the pool runs 2 threads or more; the suite unchanged otherwise.
 */
export function withThreadColumns(s: Suite, poolThreads: number): Suite {
  if (poolThreads < 2) return s;
  // every other suite's columns run on one thread: the pool's lanes are whatever the last column set
  if (!THREADED_SUITES.has(s.name)) return { ...s, columns: s.columns.map((c) => onLanes(c, 1)) };
  const columns: Column[] = [];
  for (const col of s.columns) {
    if (col.id === 'wasm') columns.push(onLanes(col, 1), onLanes(col, 2, WASM_2T, 'WASM 2T'));
    else columns.push(col);
  }
  const ratios: Ratio[] = [
    ...s.ratios,
    { label: 'WASM 2T/WASM', num: WASM_2T, den: 'wasm' },
    { label: 'numpy (env) 2T/1T', num: NUMPY_ENV_2T, den: NUMPY_ENV },
    { label: 'WASM 2T/numpy (env) 2T', num: WASM_2T, den: NUMPY_ENV_2T },
    { label: 'WASM 2T/numpy AVX-512 2T', num: WASM_2T, den: NUMPY_AVX512_2T },
    { label: 'numpy AVX-512 2T/1T', num: NUMPY_AVX512_2T, den: NUMPY_AVX512 },
  ];
  return { ...s, columns, ratios };
}
