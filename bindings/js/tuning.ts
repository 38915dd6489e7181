/**
 * tuning — every tuning parameter of the kernels in one table (what LAPACK's ilaenv answers, made settable)
 *
 * JS mirror of assembly/tuning.ts (read it for the keys, the defaults and the measurements behind
 * them): the same keys, defaults and normalisation, so that equal settings give the JS kernels the
 * values the wasm kernels get. `tuningSet`, `tuningGet`, `tuningReset` are this module's own state
 * (a Float64Array), separate from each wasm instance's: set every engine when comparing them.
 *
 * The key numbers (`T_*`) and their names for the TypeScript layer (`TUNING_KEYS`, type `Tuning`) are
 * in bindings/core/tuning.ts, the one list of them outside assembly/tuning.ts; the backends'
 * `setTuning` / `getTuning` go through them and the three functions below.
 */
import { MR, NR } from './gemm/blocking.js';
import { T_GEMM_MC, T_GEMM_KC, T_GEMM_NC, T_TRSM_NB, T_GETRF_NB, T_POTRF_NB, T_GEQRF_NB, T_ORGQR_NB, T_ORMQR_NB, T_SYTRD_NB, T_GEBRD_NB, T_GEHRD_NB, T_GEHRD_NX, T_GESVD_QR_RATIO, T_STEQR_BATCH, T_STEQR_MAXIT, T_STERF_MAXIT, T_BDSQR_SWEEPS, T_BDSQR_MAXIT, T_LASQ_MAXIT, T_HQR_MAXIT, T_SYTRF_NB, T_COUNT, T_STEBZ_MAXIT, T_STEIN_MAXIT, T_SYEV_DC_MIN, T_STEDC_SMLSIZ, T_LAED4_MAXIT, T_BRD_PANEL_MIN } from '../core/tuning.js';

// The key numbers live in bindings/core/tuning.ts (shared with the TypeScript layer); re-exported for the kernels.
export { T_GEMM_MC, T_GEMM_KC, T_GEMM_NC, T_TRSM_NB, T_GETRF_NB, T_POTRF_NB, T_GEQRF_NB, T_ORGQR_NB, T_ORMQR_NB, T_SYTRD_NB, T_GEBRD_NB, T_GEHRD_NB, T_GEHRD_NX, T_GESVD_QR_RATIO, T_STEQR_BATCH, T_STEQR_MAXIT, T_STERF_MAXIT, T_BDSQR_SWEEPS, T_BDSQR_MAXIT, T_LASQ_MAXIT, T_HQR_MAXIT, T_SYTRF_NB, T_COUNT, T_STEBZ_MAXIT, T_STEIN_MAXIT, T_SYEV_DC_MIN, T_STEDC_SMLSIZ, T_LAED4_MAXIT, T_BRD_PANEL_MIN };

/** Number of keys. */


/** Largest integer value kept (larger ones, +∞ included, are capped to it). */
const INT_CAP = 1073741824; // 2^30
/** Step 0: a real value. */
const REAL = 0;

/** One row per key, in key order: default, step (0 real; s ≥ 1 integer, rounded up to a multiple of s). */
// prettier-ignore
const ROWS = new Float64Array([
  128, MR, //   T_GEMM_MC
  256, 1, //    T_GEMM_KC
  2048, NR, //  T_GEMM_NC
  64, 1, //     T_TRSM_NB
  64, 1, //     T_GETRF_NB
  32, 1, //     T_POTRF_NB
  32, 1, //     T_GEQRF_NB
  32, 1, //     T_ORGQR_NB
  32, 1, //     T_ORMQR_NB
  32, 1, //     T_SYTRD_NB
  32, 1, //     T_GEBRD_NB
  32, 1, //     T_GEHRD_NB
  64, 1, //     T_GEHRD_NX
  1.75, REAL, // T_GESVD_QR_RATIO
  32, 1, //     T_STEQR_BATCH
  0, 1, //      T_STEQR_MAXIT
  0, 1, //      T_STERF_MAXIT
  32, 1, //     T_BDSQR_SWEEPS
  0, 1, //      T_BDSQR_MAXIT
  0, 1, //      T_LASQ_MAXIT
  0, 1, //      T_HQR_MAXIT
  32, 1, //     T_SYTRF_NB
  // selected eigenpairs
  0, 1, //      T_STEBZ_MAXIT
  0, 1, //      T_STEIN_MAXIT
  // divide and conquer
  64, 1, //     T_SYEV_DC_MIN
  25, 1, //     T_STEDC_SMLSIZ
  0, 1, //      T_LAED4_MAXIT
  // threads
  16384, 1, //  T_BRD_PANEL_MIN
]);

/** The value set per key; 0 = none (the default is in force). */
const SET = new Float64Array(T_COUNT);

/** The value in force for `key` (a valid key). */
export function tune(key: number): number {
  const v = SET[key]!;
  return v !== 0 ? v : ROWS[2 * key]!;
}

/** Sets `key` to `value`, normalised as in assembly/tuning.ts; an unknown key is ignored. */
export function tuningSet(key: number, value: number): void {
  key |= 0; // i32 and f64 arguments, as the wasm export receives them
  value = +value;
  if (key >>> 0 >= T_COUNT) return;
  const step = ROWS[2 * key + 1]!;
  let v = 0;
  if (step === REAL) {
    if (value > 0) v = value;
  } else if (value >= 1) {
    const x = Math.trunc(Math.min(value, INT_CAP));
    v = (((x + step - 1) / step) | 0) * step;
  }
  SET[key] = v;
}

/** The value in force for `key` (its default when none is set); NaN for an unknown key. */
export function tuningGet(key: number): number {
  key |= 0;
  if (key >>> 0 >= T_COUNT) return NaN;
  return tune(key);
}

/** Every key back to its default. */
export function tuningReset(): void {
  SET.fill(0);
}
