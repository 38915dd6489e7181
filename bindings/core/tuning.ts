/**
 * The tuning table's keys for the TypeScript layer, and `setTuning`/`getTuning` over any backend.
 *
 * The table itself — defaults, normalisation, the values in force — is assembly/tuning.ts in the wasm
 * module and its mirror bindings/js/tuning.ts for the JS kernels; both are reached through the three
 * kernels every module exports (`tuningSet`, `tuningGet`, `tuningReset`). This file names the keys
 * (the `T_*` numbers are the same in assembly/tuning.ts, which test/kernels/tuning.test.ts checks) and applies
 * a typed object to a backend. No list of setters is kept anywhere.
 */
import type { Kernels } from './kernels.js';

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
// symmetric-indefinite LDLᵀ
export const T_SYTRF_NB = 21;
// selected eigenpairs
export const T_STEBZ_MAXIT = 22;
export const T_STEIN_MAXIT = 23;
// divide and conquer
export const T_SYEV_DC_MIN = 24;
export const T_STEDC_SMLSIZ = 25;
export const T_LAED4_MAXIT = 26;
// threads
export const T_BRD_PANEL_MIN = 27;
/** Number of keys. */
export const T_COUNT = 28;

/**
 * Every tuning value by name: what {@link getTuning} returns and, in part, what {@link setTuning}
 * takes. GEMM blocking, the block sizes of the blocked routines, crossovers, rotation batches and
 * iteration caps (`…MaxIter`: 0, the default, is each kernel's own formula of the size; a value ≥ 1
 * replaces it). Block sizes change speed, and the rounding of results by a few ulps, never their
 * accuracy; the default of each, and the measurement behind it, is in assembly/tuning.ts.
 *
 * @example
 * ```ts
 * const t: Tuning = getTuning();
 * setTuning({ potrfNB: t.potrfNB * 2 });
 * ```
 */
export interface Tuning {
  /** GEMM: rows of the packed A block (rounded up to a multiple of MR: 4; 6 in the relaxed-SIMD build). */
  gemmMC: number;
  /** GEMM: depth of a rank-KC update. */
  gemmKC: number;
  /** GEMM: columns of the packed B block (rounded up to a multiple of NR: 4; 3 in the relaxed-SIMD build). */
  gemmNC: number;
  /** Block size of the blocked triangular solve. */
  trsmNB: number;
  /** LU panel width (1: getf2 alone). */
  getrfNB: number;
  /** Cholesky block size (1: potf2 alone). */
  potrfNB: number;
  /** QR (and RQ, gerqf): reflectors per block. */
  geqrfNB: number;
  /** Forming Q (of QR, orgqr, and of RQ, orgrq): reflectors per block. */
  orgqrNB: number;
  /** Applying Q: reflectors per block. */
  ormqrNB: number;
  /** Tridiagonalisation (symmetric eigen): panel width. */
  sytrdNB: number;
  /** Bidiagonalisation (SVD): panel width. */
  gebrdNB: number;
  /** Hessenberg reduction (general eigen): panel width (1: gehd2 alone). */
  gehrdNB: number;
  /** Hessenberg reduction: panels run while more than NX reflectors remain (the crossover to gehd2). */
  gehrdNX: number;
  /** SVD: QR first when the long side is ≥ ratio × the short side (a real number > 0). */
  gesvdQrRatio: number;
  /** Symmetric tridiagonal QR: rotations buffered, in units of n, before they are applied. */
  steqrBatch: number;
  /** Symmetric tridiagonal QR with vectors: total sweeps allowed (0: 30·n). */
  steqrMaxIter: number;
  /** Symmetric tridiagonal QR, values only: total sweeps allowed (0: 30·n). */
  sterfMaxIter: number;
  /** Bidiagonal QR: sweeps whose rotations are applied together. */
  bdsqrSweeps: number;
  /** Bidiagonal QR: total inner steps allowed (0: 6·n²). */
  bdsqrMaxIter: number;
  /** dqds (singular values only): total steps allowed (0: 30·n). */
  lasqMaxIter: number;
  /** Hessenberg QR: iterations allowed per eigenvalue (0: 30·max(10, window)). */
  hqrMaxIter: number;
  /** Symmetric-indefinite LDLᵀ (Bunch–Kaufman): panel width (1: sytf2 alone). */
  sytrfNB: number;
  // selected eigenpairs
  /** Tridiagonal bisection (eigh with a subset): steps allowed per eigenvalue (0: log₂(‖T‖/pivmin) + 8). */
  stebzMaxIter: number;
  /** Tridiagonal inverse iteration (eigh with a subset): iterations allowed per eigenvector (0: 5). */
  steinMaxIter: number;
  /** eigh with vectors: divide and conquer (stedc) from this order on, the QL/QR iteration (steqr) below. */
  syevDcMin: number;
  /** Divide and conquer: the largest piece solved by the QL/QR iteration (at least 2 is used). */
  stedcSmlsiz: number;
  /** Divide and conquer: iterations allowed per root of a secular equation (0: 64). */
  laed4MaxIter: number;
  // threads
  /**
   * SVD bidiagonalisation: from a trailing block of this many entries (rows × columns) on, its
   * level-2 pass is cut into 4 column panels that split over the threads (the same panels, hence the
   * same result, for every thread count); below, one unsplit pass.
   */
  brdPanelMin: number;
}

/**
 * The name of one tuning value, a key of {@link Tuning}.
 *
 * @example
 * ```ts
 * const key: TuningKey = 'getrfNB';
 * console.log(getTuning()[key]);
 * ```
 */
export type TuningKey = keyof Tuning;

/**
 * The key numbers by name (the names `Backend.setTuning` takes). Typed on {@link Tuning}, so a key
 * missing here or one that Tuning lacks does not compile.
 */
export const TUNING_KEYS: { readonly [K in TuningKey]: number } = {
  gemmMC: T_GEMM_MC,
  gemmKC: T_GEMM_KC,
  gemmNC: T_GEMM_NC,
  trsmNB: T_TRSM_NB,
  getrfNB: T_GETRF_NB,
  potrfNB: T_POTRF_NB,
  geqrfNB: T_GEQRF_NB,
  orgqrNB: T_ORGQR_NB,
  ormqrNB: T_ORMQR_NB,
  sytrdNB: T_SYTRD_NB,
  gebrdNB: T_GEBRD_NB,
  gehrdNB: T_GEHRD_NB,
  gehrdNX: T_GEHRD_NX,
  gesvdQrRatio: T_GESVD_QR_RATIO,
  steqrBatch: T_STEQR_BATCH,
  steqrMaxIter: T_STEQR_MAXIT,
  sterfMaxIter: T_STERF_MAXIT,
  bdsqrSweeps: T_BDSQR_SWEEPS,
  bdsqrMaxIter: T_BDSQR_MAXIT,
  lasqMaxIter: T_LASQ_MAXIT,
  hqrMaxIter: T_HQR_MAXIT,
  sytrfNB: T_SYTRF_NB,
  // selected eigenpairs
  stebzMaxIter: T_STEBZ_MAXIT,
  steinMaxIter: T_STEIN_MAXIT,
  // divide and conquer
  syevDcMin: T_SYEV_DC_MIN,
  stedcSmlsiz: T_STEDC_SMLSIZ,
  laed4MaxIter: T_LAED4_MAXIT,
  // threads
  brdPanelMin: T_BRD_PANEL_MIN,
};

const NAMES = Object.keys(TUNING_KEYS) as TuningKey[];

/**
 * Counts the calls of {@link setTuningOn}: what remembers a workspace size computed under one tuning
 * (bindings/api/small.ts) recomputes it when this has moved.
 */
export let tuningEpoch = 0;

/**
 * Applies `t` to one backend's kernels: null restores every default; otherwise each key given is set
 * (normalised by the kernels: integer keys truncated, values < 1 restore the default, …) and the keys
 * not given keep their values. All of `t` is checked before anything is set: an unknown key or a value
 * that is not a number throws a TypeError, a non-finite value a RangeError.
 */
export function setTuningOn(k: Pick<Kernels, 'tuningSet' | 'tuningReset'>, t: Partial<Tuning> | null, fn = 'setTuning'): void {
  tuningEpoch++;
  if (t === null) {
    k.tuningReset();
    return;
  }
  if (typeof t !== 'object') throw new TypeError(`${fn}: expected an object or null, got ${typeof t}`);
  const set: [number, number][] = [];
  for (const [name, v] of Object.entries(t) as [string, unknown][]) {
    if (!Object.prototype.hasOwnProperty.call(TUNING_KEYS, name)) {
      throw new TypeError(`${fn}: unknown key '${name}' (known: ${NAMES.join(', ')})`);
    }
    if (v === undefined) continue;
    if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must be a number, got ${typeof v}`);
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name} must be finite, got ${v}`);
    set.push([TUNING_KEYS[name as TuningKey], v]);
  }
  for (const [key, v] of set) k.tuningSet(key, v);
}

/** Every value in force in one backend's kernels (defaults included). */
export function getTuningOf(k: Pick<Kernels, 'tuningGet'>): Tuning {
  const out = {} as Tuning;
  for (const name of NAMES) out[name] = k.tuningGet(TUNING_KEYS[name]);
  return out;
}
