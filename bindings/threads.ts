/**
 * Threads: the worker pool of the threaded wasm builds (issue 12).
 *
 * One shared `WebAssembly.Memory` and one compiled module; the calling thread's instance (the library's)
 * and T−1 worker instances (bindings/worker.js: Node `worker_threads`, module Web Workers in browsers)
 * all run on it. The kernels split themselves (assembly/thread/pool.ts and jobs.ts): a GEMM, TRSM or
 * `lasr` large enough writes a job into a control block in the shared memory, takes its own share of
 * the chunks, and then waits in {@link ThreadPool.wait} — the module's `env.poolWait` import, here —
 * for the chunks the workers claimed. Every API call stays synchronous.
 *
 * Waiting. `Atomics.wait` where the thread may block (Node's main thread, any worker); a spin on
 * `Atomics.load` on a browser's main thread, where waiting throws (detected once, at start).
 *
 * Faults. The calling thread is blocked inside its call, so a worker's 'error'/'exit' events cannot be
 * seen then; everything is decided in the shared memory instead. A worker whose kernel throws sets the
 * control block's ERROR (bindings/worker.js) and the wait fails at once. A worker that dies holding a
 * chunk never finishes it: the wait fails when DONE has not moved for max(2 s, 50 × the longest chunk
 * the caller ran itself in that job, a chunk's multiply-adds at 0.2 GFLOP/s) — generous, because a live
 * worker on a loaded machine may be descheduled for a while and a false alarm fails the call. Either way
 * the others are stopped (no more claims), their running chunks awaited (bounded), every worker
 * terminated, the pool set to one thread, and an `Error` thrown from the call; later calls run on one
 * thread ({@link threadsInfo} says why). Events seen between calls (a worker that exited or failed on
 * its own) shut the pool down the same way.
 *
 * The control block lives below the heap (the bytes between the scratch region's end and HEAP_BASE,
 * which nothing else uses; bindings/core/memory.ts): a fresh slot per pool, so a pool started after another never shares words
 * with a worker of the old one that is still being terminated. Each instantiation re-copies the module's
 * data segments, which zeroes the tuning table (assembly/tuning.ts): the tuning in force is read before
 * the workers start and set again after.
 */
import type { WasmExports } from './wasm/exports.js';
import { getTuningOf, setTuningOn } from './core/tuning.js';
import { wasmKernels } from './wasm/kernels.js';
import { SCRATCH_END } from './core/memory.js';

/**
 * The kernels' workspace sizes depend on the thread count (gemmScratch is one workspace per thread):
 * moves `tuningEpoch` (an empty tuning change), so sizes cached per tuning (api/small.ts) are recomputed.
 */
function workspaceChanged(ex: WasmExports): void {
  setTuningOn(wasmKernels(ex), {});
}

/** The pool's exports (assembly/thread/pool.ts); not kernels, so not in the generated WasmExports. */
interface PoolExports {
  poolSetup(ctrl: number, lanes: number, minWork: number): void;
  poolBytes(): number;
  poolQuit(): void;
  dataEnd(): number;
}

// Control block layout (assembly/thread/pool.ts).
const GEN = 0;
const DONE = 8;
const ERROR = 12;
const DIE = 20;
const SPIN_US = 28;
const BUSY = 64;
const MSG = 1024;
const MAX_LANES = 64;
/** Control block slots: [SLOT_BASE, SLOT_BASE + SLOTS·2048) below the heap (HEAP_BASE = 65536), above the scratch region. */
const SLOT_BASE = SCRATCH_END;
const SLOTS = 16;
/** No progress for this long (ms) at least, before a worker holding a chunk is declared dead. */
const DEAD_MIN_MS = 2000;
/**
 * A chunk is given at least its multiply-adds at this rate (0.2 GFLOP/s, ~100× below what one thread
 * does) before its worker counts as dead: the caller may have run no chunk itself to compare with.
 */
const SLOWEST_MADDS_PER_MS = 1e5;
/**
 * Microseconds a thread spins before it sleeps (ThreadPool.setSpin): a worker between jobs, the caller
 * waiting for the workers' last chunks. Waking a sleeping thread costs tens of µs here; the blocked
 * factorisations post jobs a panel apart. Measured (2 threads ÷ 1, n = 256, SIMD threaded build, AMD
 * EPYC family 25, two alternating runs of each setting in one session): spin 0 → 200 µs took Cholesky
 * from 1.03–1.17× to 1.31–1.38×, eigh from 0.74–0.96× to 1.22–1.30×, LU from 0.64–0.91× to 1.36–1.40×.
 */
export const DEFAULT_SPIN_US = 200;
/** How long a worker may take to start (instantiate and report ready), ms. */
const START_MS = 15000;

interface AnyWorker {
  postMessage(m: unknown): void;
  terminate(): unknown;
}

interface NodeProcess {
  versions?: { node?: string };
  getBuiltinModule?: (id: string) => unknown;
}

interface NodeWorker extends AnyWorker {
  on(ev: string, f: (x: unknown) => void): void;
  off(ev: string, f: (x: unknown) => void): void;
  unref(): void;
}

function nodeProcess(): NodeProcess | undefined {
  const p = (globalThis as { process?: NodeProcess }).process;
  return p?.versions?.node !== undefined ? p : undefined;
}

function now(): number {
  return performance.now();
}

/** True when this thread may block in `Atomics.wait` (false on a browser's main thread). */
function canBlock(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The cores the platform reports (`navigator.hardwareConcurrency`, or Node's
 * `os.availableParallelism()`), at least 1.
 */
export function platformCores(): number {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  if (typeof nav?.hardwareConcurrency === 'number' && nav.hardwareConcurrency >= 1) return nav.hardwareConcurrency;
  const os = nodeProcess()?.getBuiltinModule?.('node:os') as { availableParallelism?: () => number; cpus(): unknown[] } | undefined;
  if (os !== undefined) return os.availableParallelism?.() ?? os.cpus().length;
  return 1;
}

/**
 * Why threads cannot run here, or null when they can: no SharedArrayBuffer, a page that is not
 * cross-origin isolated, no Worker.
 */
export function threadsUnavailable(): string | null {
  // First: a browser hides SharedArrayBuffer from a page that is not isolated, and that is the fix to name.
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  if (isolated === false) {
    return (
      'the page is not cross-origin isolated (serve it with the headers Cross-Origin-Opener-Policy: same-origin ' +
      'and Cross-Origin-Embedder-Policy: require-corp)'
    );
  }
  if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object') {
    return 'this engine has no SharedArrayBuffer';
  }
  const proc = nodeProcess();
  if (proc !== undefined) {
    if (proc.getBuiltinModule?.('node:worker_threads') === undefined) return 'node:worker_threads is not available';
  } else if (typeof (globalThis as { Worker?: unknown }).Worker !== 'function') {
    return 'this context cannot start Web Workers';
  }
  return null;
}

/** The shared memory of a threaded build (maximum: what wasm32 addresses, else 1 GiB), or why not. */
export function sharedMemory(): WebAssembly.Memory | string {
  for (const maximum of [65536, 16384]) {
    try {
      return new WebAssembly.Memory({ initial: 2, maximum, shared: true } as WebAssembly.MemoryDescriptor);
    } catch (e) {
      if (maximum === 16384) return `the engine refused a shared WebAssembly.Memory (${String(e)})`;
    }
  }
  return 'unreachable';
}

let slotCounter = 0;

/**
 * The pool over one threaded module: start, resize, shut down, wait for a job, fail over to one thread.
 * One per loaded threaded module; its `imports()` go into the main instance's `env`.
 */
export class ThreadPool {
  private exports: (WasmExports & PoolExports) | null = null;
  private workers: AnyWorker[] = [];
  private ctrl = 0;
  private lanes = 1;
  private blocking = true;
  private minWork = 0;
  private spinUs = DEFAULT_SPIN_US;
  /** Why the pool runs fewer threads than asked (or was stopped), or null. */
  note: string | null = null;

  constructor(
    readonly module: WebAssembly.Module,
    readonly memory: WebAssembly.Memory,
  ) {}

  /** The `env` imports of the main instance: the job wait and the clock. */
  imports(): { poolWait: (ctrl: number, nch: number, chunkMs: number, chunkWork: number) => void; poolNow: () => number } {
    return { poolWait: (ctrl, nch, chunkMs, chunkWork) => this.wait(ctrl, nch, chunkMs, chunkWork), poolNow: now };
  }

  /** Binds the main instance (after instantiation). */
  attach(exports: WasmExports): void {
    this.exports = exports as WasmExports & PoolExports;
    if (this.exports.dataEnd() > SLOT_BASE) throw new Error('wasm-linalg: the module static data overlaps the thread pool block');
  }

  /** Threads running (the caller included). */
  get threads(): number {
    return this.lanes;
  }

  /**
   * Runs `n` threads (the caller and n − 1 workers): stops the current workers, starts new ones. Fewer
   * start when some fail; {@link note} says why.
   */
  async resize(n: number): Promise<void> {
    const ex = this.exports!;
    await this.stop(null);
    n = Math.min(Math.max(1, Math.floor(n)), MAX_LANES);
    if (n <= 1) return;
    const why = threadsUnavailable();
    if (why !== null) {
      this.note = why;
      return;
    }
    this.blocking = canBlock();
    const ctrl = SLOT_BASE + (slotCounter++ % SLOTS) * ex.poolBytes();
    new Uint8Array(this.memory.buffer, ctrl, ex.poolBytes()).fill(0);
    Atomics.store(new Int32Array(this.memory.buffer), (ctrl + SPIN_US) >> 2, this.spinUs);
    const kernels = wasmKernels(ex);
    const tuning = getTuningOf(kernels); // worker instantiation re-zeroes the tuning table
    const started = await Promise.all(Array.from({ length: n - 1 }, (_, i) => this.spawn(ctrl, i + 1)));
    setTuningOn(kernels, tuning, 'init');
    const ok = started.filter((w): w is AnyWorker => typeof w !== 'string');
    const failed = started.filter((w): w is string => typeof w === 'string');
    if (failed.length > 0) {
      // Worker ids must be 1 … lanes−1 without gaps: keep none of a partial start but say why.
      for (const w of ok) void w.terminate();
      this.note = `a worker failed to start (${failed[0]})`;
      return;
    }
    this.workers = ok;
    this.ctrl = ctrl;
    this.lanes = n;
    this.note = null;
    ex.poolSetup(ctrl, n, this.minWork);
    workspaceChanged(ex);
  }

  /** Starts worker `id` and resolves when it is ready (or with why it is not). */
  private spawn(ctrl: number, id: number): Promise<AnyWorker | string> {
    const proc = nodeProcess();
    const msg = { module: this.module, memory: this.memory, ctrl, id };
    return new Promise((resolve) => {
      let settled = false;
      let w: AnyWorker;
      const timer = setTimeout(() => settle(`worker ${id} did not start within ${START_MS / 1000} s`), START_MS);
      const settle = (r: AnyWorker | string): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (typeof r === 'string') {
          if (w !== undefined) void w.terminate();
        } else {
          // Ready: a Node worker no longer keeps the process alive (a script that never calls shutdown()
          // still exits). Not before: init() is awaiting it.
          (r as Partial<NodeWorker>).unref?.();
        }
        resolve(r);
      };
      const onMessage = (d: unknown): void => {
        const m = d as { ready?: number; failed?: number; error?: string };
        if (m.ready === id) settle(w);
        else if (m.failed === id) settle(m.error ?? 'instantiation failed');
      };
      try {
        if (proc !== undefined) {
          const { Worker } = proc.getBuiltinModule!('node:worker_threads') as { Worker: new (u: URL) => NodeWorker };
          const nw = new Worker(new URL('./worker.js', import.meta.url));
          w = nw;
          nw.on('message', onMessage);
          nw.on('error', (e) => this.lost(nw, `worker ${id} failed: ${String(e)}`, settle));
          nw.on('exit', () => this.lost(nw, `worker ${id} exited`, settle));
          (timer as { unref?: () => void }).unref?.();
        } else {
          const bw = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
          w = bw;
          bw.onmessage = (ev) => onMessage(ev.data);
          bw.onerror = (ev) => {
            ev.preventDefault?.();
            this.lost(bw, `worker ${id} failed: ${ev.message ?? 'error'}`, settle);
          };
        }
        w.postMessage(msg);
      } catch (e) {
        settle(`cannot start a worker: ${String(e)}`);
      }
    });
  }

  /** A worker failed or exited outside a call: before it was ready, or while the pool runs. */
  private lost(w: AnyWorker, why: string, settle: (r: string) => void): void {
    settle(why);
    if (this.workers.includes(w)) void this.stop(`${why}; running on one thread`);
  }

  /**
   * Ends the workers (they leave their loop; then terminated) and runs on one thread. `note` (null for a
   * requested shutdown) records why.
   */
  async stop(note: string | null): Promise<void> {
    const ws = this.workers;
    this.workers = [];
    if (this.lanes > 1) this.exports!.poolQuit();
    this.lanes = 1;
    if (this.exports !== null) {
      this.exports.poolSetup(0, 1, 0);
      workspaceChanged(this.exports);
    }
    this.note = note;
    await Promise.all(ws.map((w) => w.terminate()));
  }

  /** Tests: the splitting threshold in multiply-adds (0: the module's default); kept across resizes. */
  setMinWork(work: number): void {
    this.minWork = work;
    this.exports!.poolSetup(this.ctrl, this.lanes, work);
  }

  /**
   * Benchmarks: microseconds a thread spins before it sleeps — a worker waiting for the next job, the
   * caller waiting for the workers' chunks (default {@link DEFAULT_SPIN_US}); kept across resizes.
   */
  setSpin(us: number): void {
    this.spinUs = Math.max(0, Math.min(1e6, Math.round(us)));
    if (this.lanes > 1) Atomics.store(new Int32Array(this.memory.buffer), (this.ctrl + SPIN_US) >> 2, this.spinUs);
  }

  /**
   * Benchmarks: let the kernels split over only the first `n` threads of the running pool (synchronous;
   * the workers stay). `n` ≥ the pool's size restores all of them.
   */
  useLanes(n: number): void {
    if (this.lanes > 1) {
      this.exports!.poolSetup(this.ctrl, Math.max(1, Math.min(n, this.lanes)), this.minWork);
      workspaceChanged(this.exports!);
    }
  }

  /** Tests: the number of jobs the current pool has run (its generation counter). */
  jobs(): number {
    return this.lanes > 1 ? Atomics.load(new Int32Array(this.memory.buffer), (this.ctrl + GEN) >> 2) : 0;
  }

  /**
   * Tests: at the next job the caller claims no chunk, and worker `id` ends itself holding the first it
   * claims (`-id`: its kernel traps there instead); 0 clears.
   */
  faultAtNextChunk(id: number): void {
    Atomics.store(new Int32Array(this.memory.buffer), (this.ctrl + DIE) >> 2, id);
  }

  /**
   * The module's `env.poolWait`: waits until the job's `nch` chunks are done; on a fault stops the pool
   * and throws (see the file header).
   */
  private wait(ctrl: number, nch: number, chunkMs: number, chunkWork: number): void {
    const i32 = new Int32Array(this.memory.buffer);
    const done = (ctrl + DONE) >> 2;
    const limit = Math.max(DEAD_MIN_MS, 50 * chunkMs || 0, chunkWork / SLOWEST_MADDS_PER_MS || 0);
    let last = -1;
    let lastT = now();
    // Spin first (the workers' last chunks usually end within microseconds of the caller's), then sleep.
    const spinUntil = lastT + this.spinUs * 1e-3;
    while (Atomics.load(i32, done) < nch && Atomics.load(i32, (ctrl + ERROR) >> 2) === 0 && now() < spinUntil) {
      for (let s = 0; s < 64 && Atomics.load(i32, done) < nch; s++);
    }
    for (;;) {
      const d = Atomics.load(i32, done);
      if (d >= nch) return;
      const err = Atomics.load(i32, (ctrl + ERROR) >> 2);
      if (err !== 0) this.fail(ctrl, i32, `worker ${err} threw: ${this.message(ctrl)}`);
      const t = now();
      if (d !== last) {
        last = d;
        lastT = t;
      } else if (t - lastT > limit) {
        this.fail(ctrl, i32, `a worker stopped responding (no progress for ${Math.round(t - lastT)} ms)`);
      }
      if (this.blocking) Atomics.wait(i32, done, d, 20);
      else for (let s = 0; s < 256 && Atomics.load(i32, done) === d; s++);
    }
  }

  /** The fault message a worker wrote. */
  private message(ctrl: number): string {
    const u16 = new Uint16Array(this.memory.buffer, ctrl + MSG, 512);
    let s = '';
    for (let i = 0; i < 511 && u16[i] !== 0; i++) s += String.fromCharCode(u16[i]!);
    return s.split('\n')[0] ?? s;
  }

  /** Stops claims, waits (bounded) for the running chunks, shuts the pool down, throws. */
  private fail(ctrl: number, i32: Int32Array, why: string): never {
    if (Atomics.load(i32, (ctrl + ERROR) >> 2) === 0) Atomics.store(i32, (ctrl + ERROR) >> 2, -1);
    const until = now() + DEAD_MIN_MS;
    const busy = (): number[] => {
      const ids: number[] = [];
      for (let id = 1; id < this.lanes; id++) if (Atomics.load(i32, ((ctrl + BUSY) >> 2) + id) !== 0) ids.push(id);
      return ids;
    };
    while (busy().length > 0 && now() < until) {
      if (this.blocking) Atomics.wait(i32, (ctrl + GEN) >> 2, Atomics.load(i32, (ctrl + GEN) >> 2), 5);
    }
    const note = `${why}; the library continues on one thread`;
    void this.stop(note);
    throw new Error(`wasm-linalg: a parallel kernel failed: ${note}`);
  }
}
