/**
 * tuning — every tuning parameter of the kernels in one table (what LAPACK's ilaenv answers, made settable)
 *
 * Block sizes, crossovers and iteration caps. Each key below is a small integer; the table row of a
 * key holds its default (with the measurement behind it, one line) and its normalisation. Kernels read
 * a value through `tune(key)` / `tuneI(key)` (inlined: a load from a constant address) at the start of
 * a call (syrk: of each recursion step), never inside a loop. A `*Scratch` function and its kernel read
 * the same value, so a value must not change between asking for the workspace and the call using it.
 *
 * Exports (replacing the per-kernel setters `gemmSetBlocking`, `trsmSetBlock`, …, `hqrSetMaxIter`):
 *
 *   tuningSet(key, value)   sets one value, normalised like this:
 *                             integer keys (step ≥ 1): value truncated towards zero, capped at 2^30
 *                               (+∞ included), rounded up to a multiple of the step (gemm MC to MR,
 *                               NC to NR); below 1 (≤ 0, 0.5, NaN) the default is restored;
 *                             real keys (step 0): a value > 0 is kept as it is (+∞ included);
 *                               ≤ 0 or NaN restores the default.
 *                           An unknown key is ignored.
 *   tuningGet(key)          the value in force (the default when none is set); NaN for an unknown key.
 *   tuningReset()           every key back to its default.
 *
 * The iteration caps default to 0, which every kernel reads as "its own formula of the size" (30·n
 * sweeps, 6·n² inner steps, …); a value ≥ 1 is an absolute cap that replaces the formula (tests use 1
 * to provoke a failure quickly).
 *
 * Storage: two static blocks in linear memory (memory.data). ROWS is read-only: per key the default
 * and the step (16 bytes a row). SET holds the value set per key, 0 = none (every normalised value is
 * ≥ 1 or > 0, never 0), so `tune` is SET's value if nonzero, else ROWS's default; tuningReset zeroes
 * SET. Nothing is kept in module globals.
 *
 * A threaded build (several instances of this module on one shared memory) must know: both blocks are
 * in the shared memory, so every instance sees the one table, and a tuningSet through any instance is
 * in force for all of them — do not call it while a kernel runs on another thread (a kernel split
 * across threads must see one value in all its parts: read it once, on the thread that splits, and
 * pass it on). Each instance re-copies its active data segments when it is instantiated, and both
 * blocks are such segments (asc 0.28 emits SET as a segment of zeros): ROWS is harmless (never
 * written), but SET is zeroed, i.e. every key goes back to its default, whenever an instance starts.
 * So a threaded build must instantiate its workers first and set the tuning after (or set it again).
 * (Had the table been module globals instead, each instance would have its own copy and a threaded
 * build would have to repeat every tuningSet on every instance.)
 *
 * The keys, with their defaults and the measurements behind them, are the table ROWS below; the
 * measurements themselves are in the headers of the kernels named there.
 */
import { MR, NR } from './gemm/blocking';

// Keys: bindings/js/tuning.ts has the same numbers (TUNING_KEYS gives them their TypeScript names).
// @ts-ignore: decorator
@inline export const T_GEMM_MC: i32 = 0;
// @ts-ignore: decorator
@inline export const T_GEMM_KC: i32 = 1;
// @ts-ignore: decorator
@inline export const T_GEMM_NC: i32 = 2;
// @ts-ignore: decorator
@inline export const T_TRSM_NB: i32 = 3;
// @ts-ignore: decorator
@inline export const T_GETRF_NB: i32 = 4;
// @ts-ignore: decorator
@inline export const T_POTRF_NB: i32 = 5;
// @ts-ignore: decorator
@inline export const T_GEQRF_NB: i32 = 6;
// @ts-ignore: decorator
@inline export const T_ORGQR_NB: i32 = 7;
// @ts-ignore: decorator
@inline export const T_ORMQR_NB: i32 = 8;
// @ts-ignore: decorator
@inline export const T_SYTRD_NB: i32 = 9;
// @ts-ignore: decorator
@inline export const T_GEBRD_NB: i32 = 10;
// @ts-ignore: decorator
@inline export const T_GEHRD_NB: i32 = 11;
// @ts-ignore: decorator
@inline export const T_GEHRD_NX: i32 = 12;
// @ts-ignore: decorator
@inline export const T_GESVD_QR_RATIO: i32 = 13;
// @ts-ignore: decorator
@inline export const T_STEQR_BATCH: i32 = 14;
// @ts-ignore: decorator
@inline export const T_STEQR_MAXIT: i32 = 15;
// @ts-ignore: decorator
@inline export const T_STERF_MAXIT: i32 = 16;
// @ts-ignore: decorator
@inline export const T_BDSQR_SWEEPS: i32 = 17;
// @ts-ignore: decorator
@inline export const T_BDSQR_MAXIT: i32 = 18;
// @ts-ignore: decorator
@inline export const T_LASQ_MAXIT: i32 = 19;
// @ts-ignore: decorator
@inline export const T_HQR_MAXIT: i32 = 20;
// symmetric-indefinite LDLᵀ (ldl/)
// @ts-ignore: decorator
@inline export const T_SYTRF_NB: i32 = 21;
// selected eigenpairs (stebz, stein)
// @ts-ignore: decorator
@inline export const T_STEBZ_MAXIT: i32 = 22;
// @ts-ignore: decorator
@inline export const T_STEIN_MAXIT: i32 = 23;
// divide and conquer (stedc)
// @ts-ignore: decorator
@inline export const T_SYEV_DC_MIN: i32 = 24;
// @ts-ignore: decorator
@inline export const T_STEDC_SMLSIZ: i32 = 25;
// @ts-ignore: decorator
@inline export const T_LAED4_MAXIT: i32 = 26;
// threads
// @ts-ignore: decorator
@inline export const T_BRD_PANEL_MIN: i32 = 27;
/** Number of keys. */
// @ts-ignore: decorator
@inline export const T_COUNT: i32 = 28;

/** Largest integer value kept (larger ones, +∞ included, are capped to it). */
// @ts-ignore: decorator
@inline const INT_CAP: f64 = 1073741824; // 2^30
/** Step 0: a real value. */
// @ts-ignore: decorator
@inline const REAL: f64 = 0;

/** GEMM's MC and NC defaults: 128 and 2048, rounded up to multiples of the tile (132 and 2049 for the relaxed build's 6×3). */
// @ts-ignore: decorator
@inline const MC_DEFAULT_I: i32 = ((<i32>128 + MR - 1) / MR) * MR;
// @ts-ignore: decorator
@inline const NC_DEFAULT_I: i32 = ((<i32>2048 + NR - 1) / NR) * NR;
// @ts-ignore: decorator
@inline const MC_DEFAULT: f64 = <f64>MC_DEFAULT_I;
// @ts-ignore: decorator
@inline const NC_DEFAULT: f64 = <f64>NC_DEFAULT_I;

/**
 * One row per key, in key order: default, step (0 real; s ≥ 1 integer, rounded up to a multiple of s).
 * Timings: SIMD build, Node 20, the 2-core AMD EPYC (Zen 5) this repo is benchmarked on unless noted.
 */
const ROWS: usize = memory.data<f64>([
  MC_DEFAULT, MR, // T_GEMM_MC        MC·KC·8 B = 256 KiB: packed Ã in half of Zen 1's 512 KiB L2; MC 64–480 within ±5 %
  256, 1, //    T_GEMM_KC        a B̃ micro-panel (KC·NR·8 B = 8 KiB) stays in L1 (32 KiB) beside Ã's; 128–512 within ±5 %
  NC_DEFAULT, NR, // T_GEMM_NC        KC·NC·8 B = 4 MiB: packed B̃ in the 8 MiB L3 of a Zen 1 CCX; NC 512–4096 within ±5 %
  64, 1, //     T_TRSM_NB        not swept: diagonal blocks by trsm2, the rest in the GEMM (trsm/trsm.ts)
  64, 1, //     T_GETRF_NB       not swept; LAPACK's ilaenv default for dgetrf (lu/getrf.ts)
  32, 1, //     T_POTRF_NB       nb 16–64 swept (2026-12-07, Zen 5): 32 beats ilaenv's 64 at every n = 64–1024 (11 % at 64–128, 8 % at 256, 2 % at 512–1024); 48 wins at 64 and 1024, loses at 128–512 (cholesky/potrf.ts)
  32, 1, //     T_GEQRF_NB       geqrf + orgqr: best or within 2 % of it at n = 512, 1024 (nb 8–96; qr/geqrf.ts)
  32, 1, //     T_ORGQR_NB       the same larfb work as geqrf, mirrored: geqrf's measurement (qr/orgqr.ts)
  32, 1, //     T_ORMQR_NB       the same larfb work as geqrf: its block size, not swept on its own (qr/ormqr.ts)
  32, 1, //     T_SYTRD_NB       n = 512: 10.8 ms, 24–48 within 3 %, 8 and 96 14 % slower (eig/sym/sytrd.ts)
  32, 1, //     T_GEBRD_NB       gesvd values, n = 512 and 1024: flat between 16 and 32 (svd/gebrd.ts)
  32, 1, //     T_GEHRD_NB       n = 256 and 512: nb 16–48 level within the ±5 % noise (eig/gen/gehrd.ts)
  64, 1, //     T_GEHRD_NX       gehrd = gehd2 at n = 64, faster from ≈ 90; NX 32–128 within 3 % at n = 512 (gehrd.ts)
  1.75, REAL, // T_GESVD_QR_RATIO QR first when m ≥ ratio·n: the paths break even near 1.75 at n = 256 (gesvd.ts)
  32, 1, //     T_STEQR_BATCH    rotations buffered, per n: flat 8–64 at n = 512; 32 keeps 256 KiB in L2 (steqr.ts)
  0, 1, //      T_STEQR_MAXIT    0 = 30·n sweeps in total, LAPACK's MAXIT (eig/sym/steqr.ts)
  0, 1, //      T_STERF_MAXIT    0 = 30·n sweeps in total, as steqr (eig/sym/sterf.ts)
  32, 1, //     T_BDSQR_SWEEPS   sweeps per rotation batch: n = 2048 4.1–4.3 s with 32, 11.6–14.7 s with 1 (bdsqr.ts)
  0, 1, //      T_BDSQR_MAXIT    0 = MAXITR·n² = 6·n² inner steps in total, LAPACK's maxit (svd/bdsqr.ts)
  0, 1, //      T_LASQ_MAXIT     0 = 30·n dqds steps in total (svd/lasq.ts)
  0, 1, //      T_HQR_MAXIT      0 = 30·max(10, window) iterations per eigenvalue, as dlahqr (eig/gen/hqr.ts)
  32, 1, //     T_SYTRF_NB       not swept (loaded machine): 32 as potrf/sytrd; n = 512 solve ≈ 0.8× scipy dsysv there (ldl/sytrf.ts)
  // selected eigenpairs
  0, 1, //      T_STEBZ_MAXIT    0 = log₂((‖T‖ + pivmin)/pivmin) + 8 bisection steps per eigenvalue, dstebz's bound widened (eig/sym/stebz.ts)
  0, 1, //      T_STEIN_MAXIT    0 = dstein's MAXITS = 5 inverse iterations per eigenvector (eig/sym/stein.ts)
  // divide and conquer
  64, 1, //     T_SYEV_DC_MIN    eigh with vectors, 1 thread, loaded machine: D&C = steqr path at n = 40–64 (±10 %), 0.81–0.91× its time at 72–96 (eig/sym/syev.ts)
  25, 1, //     T_STEDC_SMLSIZ   largest piece stedc hands to steqr: LAPACK's ilaenv value; 12–64 tried at n = 128–512, within the (loaded) noise (eig/sym/laed0.ts)
  0, 1, //      T_LAED4_MAXIT    0 = 64 iterations per secular root (eig/sym/laed4.ts)
  // threads
  16384, 1, //  T_BRD_PANEL_MIN  128² entries = 2·128² multiply-adds, the pool's own 32³ gate; gebrd on 2 threads flat within the (loaded) noise for 8192–32768 at n = 192–384, 1-thread cost of the panels ≤ 3 % (svd/labrd.ts)
], 16);

/** The value set per key; 0 = none (the default is in force). */
const SET: usize = memory.data(<i32>T_COUNT << 3, 16);

/** The value in force for `key` (a constant at every call site: one load, one select). */
// @ts-ignore: decorator
@inline export function tune(key: i32): f64 {
  const v = load<f64>(SET + (<usize>key << 3));
  return v != 0 ? v : load<f64>(ROWS + (<usize>key << 4));
}

/** `tune` of an integer key. */
// @ts-ignore: decorator
@inline export function tuneI(key: i32): i32 {
  return <i32>tune(key);
}

/** Sets `key` to `value`, normalised (header); values below 1 (integer keys) or ≤ 0 (real) restore the default. */
export function tuningSet(key: i32, value: f64): void {
  if (<u32>key >= <u32>T_COUNT) return;
  const step = load<f64>(ROWS + (<usize>key << 4), 8);
  let v: f64 = 0;
  if (step == REAL) {
    if (value > 0) v = value;
  } else if (value >= 1) {
    const s = <i32>step;
    const x = <i32>Math.min(value, INT_CAP); // in [1, 2^30]: truncates without trapping
    v = <f64>(((x + s - 1) / s) * s);
  }
  store<f64>(SET + (<usize>key << 3), v);
}

/** The value in force for `key` (its default when none is set); NaN for an unknown key. */
export function tuningGet(key: i32): f64 {
  if (<u32>key >= <u32>T_COUNT) return NaN;
  return tune(key);
}

/** Every key back to its default. */
export function tuningReset(): void {
  memory.fill(SET, 0, <usize>T_COUNT << 3);
}
