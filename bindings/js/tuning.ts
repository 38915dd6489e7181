/**
 * tuning — every tuning parameter of the kernels in one table (what LAPACK's ilaenv answers, made settable)
 *
 * JS mirror of assembly/tuning.ts (read it for the keys, the defaults and the measurements behind
 * them): the same keys, defaults and normalisation, so that equal settings give the JS kernels the
 * values the wasm kernels get. `tuningSet`, `tuningGet`, `tuningReset` are this module's own state
 * (a Float64Array), separate from each wasm instance's: set every engine when comparing them.
 *
 * For the TypeScript layer: `TUNING_KEYS` names every key (the one list of them outside the two
 * tables), `Tuning` is the record of all values; the backends' `setTuning` / `getTuning` go through
 * them and the three functions, and nothing else lists the keys.
 */
import { MR, NR } from './gemm/blocking.js';

export const T_GEMM_MC = 0;
export const T_GEMM_KC = 1;
export const T_GEMM_NC = 2;
export const T_TRSM_NB = 3;
export const T_GETRF_NB = 4;
export const T_POTRF_NB = 5;
export const T_GEQRF_NB = 6;
export const T_ORGQR_NB = 7;
export const T_ORMQR_NB = 8;
export const T_SYTRD_NB = 9;
export const T_GEBRD_NB = 10;
export const T_GEHRD_NB = 11;
export const T_GEHRD_NX = 12;
export const T_GESVD_QR_RATIO = 13;
export const T_STEQR_BATCH = 14;
export const T_STEQR_MAXIT = 15;
export const T_STERF_MAXIT = 16;
export const T_BDSQR_SWEEPS = 17;
export const T_BDSQR_MAXIT = 18;
export const T_LASQ_MAXIT = 19;
export const T_HQR_MAXIT = 20;
/** Number of keys. */
export const T_COUNT = 21;

/**
 * The keys by name (the names `Backend.setTuning` takes). Iteration caps (`…MaxIter`) default to 0:
 * each kernel's own formula of the size; a value ≥ 1 replaces it.
 */
export const TUNING_KEYS = {
  /** GEMM: rows of the packed A block (rounded up to a multiple of MR = 4). */
  gemmMC: T_GEMM_MC,
  /** GEMM: depth of a rank-KC update. */
  gemmKC: T_GEMM_KC,
  /** GEMM: columns of the packed B block (rounded up to a multiple of NR = 4). */
  gemmNC: T_GEMM_NC,
  /** Block size of the blocked triangular solve. */
  trsmNB: T_TRSM_NB,
  /** LU panel width (1: getf2 alone). */
  getrfNB: T_GETRF_NB,
  /** Cholesky block size (1: potf2 alone). */
  potrfNB: T_POTRF_NB,
  /** QR: reflectors per block. */
  geqrfNB: T_GEQRF_NB,
  /** Forming Q: reflectors per block. */
  orgqrNB: T_ORGQR_NB,
  /** Applying Q: reflectors per block. */
  ormqrNB: T_ORMQR_NB,
  /** Tridiagonalisation (symmetric eigen): panel width. */
  sytrdNB: T_SYTRD_NB,
  /** Bidiagonalisation (SVD): panel width. */
  gebrdNB: T_GEBRD_NB,
  /** Hessenberg reduction (general eigen): panel width (1: gehd2 alone). */
  gehrdNB: T_GEHRD_NB,
  /** Hessenberg reduction: panels run while more than NX reflectors remain (the crossover to gehd2). */
  gehrdNX: T_GEHRD_NX,
  /** SVD: QR first when the long side is ≥ ratio × the short side (a real number > 0). */
  gesvdQrRatio: T_GESVD_QR_RATIO,
  /** Symmetric tridiagonal QR: rotations buffered, in units of n, before they are applied. */
  steqrBatch: T_STEQR_BATCH,
  /** Symmetric tridiagonal QR with vectors: total sweeps allowed (0: 30·n). */
  steqrMaxIter: T_STEQR_MAXIT,
  /** Symmetric tridiagonal QR, values only: total sweeps allowed (0: 30·n). */
  sterfMaxIter: T_STERF_MAXIT,
  /** Bidiagonal QR: sweeps whose rotations are applied together. */
  bdsqrSweeps: T_BDSQR_SWEEPS,
  /** Bidiagonal QR: total inner steps allowed (0: 6·n²). */
  bdsqrMaxIter: T_BDSQR_MAXIT,
  /** dqds (singular values only): total steps allowed (0: 30·n). */
  lasqMaxIter: T_LASQ_MAXIT,
  /** Hessenberg QR: iterations allowed per eigenvalue (0: 30·max(10, window)). */
  hqrMaxIter: T_HQR_MAXIT,
} as const;

export type TuningKey = keyof typeof TUNING_KEYS;
/** Every tuning value by name. */
export type Tuning = { [K in TuningKey]: number };

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
  64, 1, //     T_POTRF_NB
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
