/**
 * pool — the thread pool of the threaded builds: one control block in the shared memory, T−1 worker
 * instances of this module waiting on it, and the calling thread splitting a kernel into chunks that it
 * and the workers claim.
 *
 * Only the threaded builds (`--enable threads`, shared imported memory: wasm-linalg.threads.wasm and
 * wasm-linalg.relaxed-threads.wasm) compile the body of this file; in the others `ASC_FEATURE_THREADS`
 * is false, `lanes()` is 1, every kernel runs its serial code and the exports below do nothing.
 *
 * Who does what:
 *   the TS layer (bindings/threads.ts)   allocates the control block (POOL_BYTES, 16-byte aligned) from
 *                                        its heap, starts the workers, calls `poolSetup(ctrl, T)` on the
 *                                        main instance once they are ready, and provides the imports
 *                                        `env.poolWait` (wait for the workers' chunks, or throw) and
 *                                        `env.poolNow` (a clock, milliseconds)
 *   a worker (bindings/worker.js)        instantiates this module on the same memory and calls
 *                                        `workerLoop(ctrl, id)`, id = 1 … T−1: it sleeps on GEN
 *                                        (memory.atomic.wait32), claims chunks of each job and runs them
 *   the calling thread (id 0)            a kernel big enough to pay (par.ts) writes a job — its kind and
 *                                        parameters — and opens it; claims chunks like the workers; then
 *                                        waits in `poolWait` for the chunks the workers took
 *
 * Claiming. TICKET packs (tag, nch, idx) = (job generation mod 2^12, number of chunks, next chunk) in one
 * i32; a thread claims chunk idx by compare-exchange of idx → idx + 1, and only while the tag is its job's
 * and idx < nch. A job's parameters are written only after every chunk of the previous job was claimed
 * and finished, so whoever wins a claim read the parameters of that job (a worker that woke late and read
 * the next job's half-written parameters finds the ticket exhausted or re-tagged and claims nothing).
 * Chunks are independent (disjoint parts of the output, each computed exactly as one thread computes it),
 * so which thread runs which chunk never changes a bit of the result: par.ts splits only dimensions that
 * do not take part in any sum.
 *
 * Faults. A worker that throws (its JS wrapper catches the trap) calls `workerFault`: ERROR = its id, and
 * the caller's `poolWait` sees it at once. A worker that dies mid-chunk never finishes it: `poolWait`
 * gives up after a bounded time without progress. Either way `poolWait` stops the others (ERROR ≠ 0: no
 * more claims), waits for their running chunks, and throws; the TS layer then continues on one thread.
 * BUSY[id] is 1 while worker id is inside a job (so the caller knows who is still writing).
 *
 * Per-instance state: each instance has its own globals (CTRL, LANES, IN_JOB), so only the main
 * instance ever splits (a worker's LANES stays 1, and the caller sets IN_JOB while it runs its own
 * chunks: no nested jobs). Everything shared is in the control block. The module's static data
 * (tuning.ts) is re-copied by every instantiation; see the header there.
 *
 * References: the work-claiming "ticket" is the shared-counter self-scheduling of Polychronopoulos &
 * Kuck (IEEE TC 36(12), 1987) with a generation tag against stale claims (the ABA guard of Treiber's
 * stack); futex-style sleeping on a generation counter as in Drepper, "Futexes Are Tricky" (2011).
 */

import { runChunk } from './jobs';
import { even } from '../util';

// Control block layout (bytes from ctrl).
// @ts-ignore: decorator
@inline export const GEN: usize = 0;
// @ts-ignore: decorator
@inline export const TICKET: usize = 4;
// @ts-ignore: decorator
@inline export const DONE: usize = 8;
// @ts-ignore: decorator
@inline export const ERROR: usize = 12;
// @ts-ignore: decorator
@inline export const KIND: usize = 16;
// @ts-ignore: decorator
@inline export const DIE: usize = 20; // test hook, see workerLoop
// @ts-ignore: decorator
@inline export const NCH: usize = 24;
/** Microseconds a thread spins on GEN / DONE before it sleeps (written by the TS layer). */
// @ts-ignore: decorator
@inline export const SPIN_US: usize = 28;
/** BUSY[id] at BUSY + 4·id, id < MAX_LANES. */
// @ts-ignore: decorator
@inline export const BUSY: usize = 64;
// @ts-ignore: decorator
@inline export const MAX_LANES: i32 = 64;
/** Job parameters: 24 i32 slots at PI, 4 f64 slots at PF. */
// @ts-ignore: decorator
@inline export const PI: usize = 512;
// @ts-ignore: decorator
@inline export const PF: usize = 640;
/** The fault message a worker's wrapper writes (UTF-16, up to 511 units, 0-terminated). */
// @ts-ignore: decorator
@inline export const MSG: usize = 1024;
/** Bytes of the control block. */
// @ts-ignore: decorator
@inline export const POOL_BYTES: i32 = 2048;

// Job kinds.
// @ts-ignore: decorator
@inline export const K_QUIT: i32 = -1;
// @ts-ignore: decorator
@inline export const K_GEMM: i32 = 1;
// @ts-ignore: decorator
@inline export const K_TRSM: i32 = 2;
// @ts-ignore: decorator
@inline export const K_LASR: i32 = 3;
// @ts-ignore: decorator
@inline export const K_SYRK: i32 = 4;
// @ts-ignore: decorator
@inline export const K_SYMV: i32 = 5;
// @ts-ignore: decorator
@inline export const K_BRD: i32 = 6;
// @ts-ignore: decorator
@inline export const K_LASWP: i32 = 7;

// @ts-ignore: decorator
@inline const TAG_BITS: i32 = 12;
// @ts-ignore: decorator
@inline export const MAX_CHUNKS: i32 = 1023;

// @ts-ignore: decorator
@external('env', 'poolWait')
/**
 * Waits until DONE = nch (the workers' chunks finished), or throws (a worker failed or stopped);
 * chunkMs: the longest chunk the caller ran itself, chunkWork: multiply-adds in one chunk (for the
 * patience with a worker that seems stuck).
 */
declare function poolWait(ctrl: usize, nch: i32, chunkMs: f64, chunkWork: f64): void;
// @ts-ignore: decorator
@external('env', 'poolNow')
/** Milliseconds (performance.now()). */
declare function poolNow(): f64;

let CTRL: usize = 0;
let LANES: i32 = 1;
let IN_JOB: bool = false;
/**
 * Smallest GEMM, SYRK or TRSM job (multiply-adds) worth splitting by default (see poolSetup): 32³.
 * Measured (2 threads, workers spinning between jobs; SIMD build, AMD EPYC family 25, quiet): a GEMM split
 * in two is 1.17× faster at n = 24 (14k multiply-adds), 1.24–1.48× at 32, 1.7–1.95× from 48 on, and 0.70×
 * at n = 16; Cholesky with every update split is 1.17× faster at n = 128 and 1.42× at 256, where 128³
 * kept it serial. A cold worker costs the caller nothing but the wake-up call: the caller claims the
 * chunks the worker has not taken yet.
 */
// @ts-ignore: decorator
@inline const MIN_WORK_DEFAULT: f64 = 32768;
/**
 * Smallest lasr job (rotations × rows × 3) worth splitting by default: rotating strips of rows costs
 * more than it saves at n = 256 (the SVD with every rotation batch split: 0.80–0.90× at n = 64–256)
 * and pays from 512 on (a full batch there is ≈ 25·10⁶).
 */
// @ts-ignore: decorator
@inline const MIN_WORK_LASR_DEFAULT: f64 = 16777216;
/** The splitting thresholds in force; poolSetup sets them. */
let MIN_WORK: f64 = MIN_WORK_DEFAULT;
let MIN_WORK_LASR: f64 = MIN_WORK_LASR_DEFAULT;

/** Threads a kernel may split over right now: 1 in the serial builds, in a worker, and inside a job. */
// @ts-ignore: decorator
@inline export function lanes(): i32 {
  if (!ASC_FEATURE_THREADS) return 1;
  return IN_JOB ? 1 : LANES;
}

/**
 * Doubles of workspace for a kernel that may split over the pool, given one thread's `serial` doubles:
 * one even-sized (16-byte aligned) slice per thread when it may split, else `serial` (gemm, syrk).
 */
export function perThread(serial: i32): i32 {
  const t = lanes();
  return t > 1 ? t * even(serial) : serial;
}

/** True when a job of `work` multiply-adds is worth splitting (and splitting is possible at all). */
// @ts-ignore: decorator
@inline export function worthSplitting(work: f64): bool {
  return lanes() > 1 && work >= MIN_WORK;
}

/** The same for a lasr job of `work` = 3 × rotations × rows. */
// @ts-ignore: decorator
@inline export function worthSplittingLasr(work: f64): bool {
  return lanes() > 1 && work >= MIN_WORK_LASR;
}

/**
 * Main instance: the pool is `lanes` threads over the control block at `ctrl` (lanes ≤ 1: no pool, every
 * kernel serial); `minWork` > 0 replaces both splitting thresholds (tests use 1 to split tiny problems),
 * 0 restores the defaults.
 */
export function poolSetup(ctrl: usize, lanes: i32, minWork: f64): void {
  if (!ASC_FEATURE_THREADS) return;
  CTRL = ctrl;
  LANES = ctrl == 0 ? 1 : max(1, min(lanes, MAX_LANES));
  MIN_WORK = minWork > 0 ? minWork : MIN_WORK_DEFAULT;
  MIN_WORK_LASR = minWork > 0 ? minWork : MIN_WORK_LASR_DEFAULT;
}

/** Bytes of the control block the TS layer reserves (0 in the serial builds: no pool). */
export function poolBytes(): i32 {
  return ASC_FEATURE_THREADS ? POOL_BYTES : 0;
}

/** i32 job parameter slot i. */
// @ts-ignore: decorator
@inline export function pi(i: i32): i32 {
  return load<i32>(CTRL + PI + (<usize>i << 2));
}
// @ts-ignore: decorator
@inline export function setPi(i: i32, v: i32): void {
  store<i32>(CTRL + PI + (<usize>i << 2), v);
}
// @ts-ignore: decorator
@inline export function pf(i: i32): f64 {
  return load<f64>(CTRL + PF + (<usize>i << 3));
}
// @ts-ignore: decorator
@inline export function setPf(i: i32, v: f64): void {
  store<f64>(CTRL + PF + (<usize>i << 3), v);
}

/**
 * Caller (main instance): runs the job whose parameters are in the control block as `nch` chunks over
 * the pool, taking its own share; returns when every chunk is done, or throws (through poolWait).
 */
export function runJob(kind: i32, nch: i32, chunkWork: f64): void {
  if (!ASC_FEATURE_THREADS) return;
  const c = CTRL;
  store<i32>(c + KIND, kind);
  store<i32>(c + NCH, nch);
  atomic.store<i32>(c + DONE, 0);
  const g = atomic.load<i32>(c + GEN) + 1;
  atomic.store<i32>(c + TICKET, ((g & ((1 << TAG_BITS) - 1)) << 20) | (nch << 10));
  atomic.store<i32>(c + GEN, g);
  atomic.notify(c + GEN, LANES - 1);
  IN_JOB = true;
  let chunkMs: f64 = 0;
  // The fault tests' hook (DIE ≠ 0) leaves every chunk to the workers.
  while (atomic.load<i32>(c + DIE) == 0) {
    const t0 = poolNow();
    const idx = claim(c, g);
    if (idx < 0) break;
    runChunk(kind, idx, 0);
    chunkMs = max(chunkMs, poolNow() - t0);
    atomic.add<i32>(c + DONE, 1);
  }
  IN_JOB = false;
  if (atomic.load<i32>(c + DONE) < nch) poolWait(c, nch, chunkMs, chunkWork);
}

/** Claims the next chunk of job generation g: its index, or −1 when none is left (or the pool failed). */
function claim(c: usize, g: i32): i32 {
  const tag = g & ((1 << TAG_BITS) - 1);
  while (true) {
    const t = atomic.load<i32>(c + TICKET);
    const idx = t & 1023;
    if (<i32>(<u32>t >>> 20) != tag || idx >= ((t >>> 10) & 1023) || atomic.load<i32>(c + ERROR) != 0) return -1;
    if (atomic.cmpxchg<i32>(c + TICKET, t, t + 1) == t) return idx;
  }
}

/**
 * Worker instance: serves jobs until the pool quits (returns 0). Test hooks (DIE ≠ 0; the caller then
 * claims no chunk, so the workers must): DIE = id returns 2 holding a claimed chunk (the wrapper ends
 * the thread, like a crashed worker); DIE = −id traps there (like a kernel that throws).
 */
export function workerLoop(ctrl: usize, id: i32): i32 {
  if (!ASC_FEATURE_THREADS) return 0;
  CTRL = ctrl;
  LANES = 1;
  // The block is fresh (zeroed) for each pool, and a job may be posted before this worker gets here
  // (it reported ready first): start from generation 0, not from what GEN holds now.
  let seen = 0;
  while (true) {
    let g = atomic.load<i32>(ctrl + GEN);
    // Spin first, for SPIN_US: the factorisations issue jobs a panel apart (tens to hundreds of µs), and
    // a thread woken from memory.atomic.wait32 starts tens of µs late — longer than many jobs' chunks.
    if (g == seen) {
      const until = poolNow() + <f64>atomic.load<i32>(ctrl + SPIN_US) * 1e-3;
      for (let s = 1; g == seen; s++) {
        g = atomic.load<i32>(ctrl + GEN);
        if ((s & 255) == 0 && poolNow() > until) break;
      }
    }
    while (g == seen) {
      memory.atomic.wait32(ctrl + GEN, seen, -1);
      g = atomic.load<i32>(ctrl + GEN);
    }
    seen = g;
    const kind = load<i32>(ctrl + KIND);
    if (kind == K_QUIT) return 0;
    atomic.store<i32>(ctrl + BUSY + (<usize>id << 2), 1);
    while (true) {
      const idx = claim(ctrl, g);
      if (idx < 0) break;
      const die = atomic.load<i32>(ctrl + DIE);
      if (die == id) return 2;
      if (die == -id) unreachable();
      runChunk(load<i32>(ctrl + KIND), idx, id);
      if (atomic.add<i32>(ctrl + DONE, 1) + 1 >= load<i32>(ctrl + NCH)) atomic.notify(ctrl + DONE);
    }
    atomic.store<i32>(ctrl + BUSY + (<usize>id << 2), 0);
  }
}

/** Worker instance: its job threw (called by the wrapper): ERROR = id, BUSY cleared, the caller woken. */
export function workerFault(ctrl: usize, id: i32): void {
  if (!ASC_FEATURE_THREADS) return;
  atomic.store<i32>(ctrl + ERROR, id);
  atomic.store<i32>(ctrl + BUSY + (<usize>id << 2), 0);
  atomic.notify(ctrl + DONE);
}

/** Main instance: ends the workers (they return 0 from workerLoop); the pool is then one thread. */
export function poolQuit(): void {
  if (!ASC_FEATURE_THREADS) return;
  if (CTRL == 0) return;
  const c = CTRL;
  store<i32>(c + KIND, K_QUIT);
  atomic.store<i32>(c + TICKET, 0);
  atomic.store<i32>(c + GEN, atomic.load<i32>(c + GEN) + 1);
  atomic.notify(c + GEN);
  LANES = 1;
}
