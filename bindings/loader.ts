/**
 * Loading the WebAssembly module and choosing a backend.
 *
 * The binary is located with a literal `new URL('../build/…', import.meta.url)` — the form Node, Vite
 * and webpack 5 all understand without plugins (from `bindings/*.ts` in the repository and from
 * `dist/*.js` in the package alike, since `build/` sits beside both). In Node the file is read through
 * `process.getBuiltinModule('node:fs')` (Node ≥ 20.16), so no `node:` import is reachable from the
 * browser entry (an import of one breaks webpack even in a branch never taken); browsers fetch and
 * compile streaming. A user can relocate the binary or hand in bytes or a compiled Module.
 *
 * Three builds of the same source, picked by `WebAssembly.validate` on tiny probe modules:
 *   relaxed  SIMD + relaxed SIMD: the GEMM micro-kernel (so every level-3 routine built on it) uses
 *            fused multiply-adds (`f64x2.relaxed_madd`) — where the engine validates the relaxed probe
 *            and `init({ fma: false })` does not opt out. Not bit-identical to the JS backend: an
 *            engine may fuse (one rounding) or not (two), so results differ in the last bits.
 *   simd     128-bit SIMD, multiply then add: the JS backend's bits (the i8x16.popcnt probe of
 *            wasm-feature-detect).
 *   scalar   no SIMD at all.
 * A module that uses an unsupported instruction does not compile at all, hence separate binaries.
 *
 * We use plain `WebAssembly.instantiate` and a generated typed wrapper (bindings/wasm/exports.ts, written
 * by assembly/abi.mjs from the AssemblyScript sources)
 * rather than AssemblyScript's generated ESM bindings (top-level await: breaks `require()` and
 * esbuild) or `@assemblyscript/loader` (deprecated upstream, and it wraps managed objects we never
 * pass: every export takes numbers and byte addresses).
 */
import { WasmHeap, SCRATCH_BASE } from './core/memory.js';
import type { WasmExports } from './wasm/exports.js';
import { WasmBackend } from './wasm/backend.js';
import { JsBackend } from './js/backend.js';
import { installBackends, setBackend } from './core/backend.js';
import type { BackendName } from './core/store.js';
import { describe, optionsOf } from './core/validate.js';
import { ThreadPool, platformCores, sharedMemory, threadsUnavailable } from './threads.js';

/**
 * Where {@link init} gets the WebAssembly module: a `URL`, a string (an absolute URL, or a path
 * relative to the page in browsers and to the working directory in Node), the bytes of a `.wasm` file
 * (an `ArrayBuffer` or a view of one: a typed array, a `DataView`, a Node `Buffer`), or a compiled
 * `WebAssembly.Module`.
 *
 * Spelled without the DOM lib's `WebAssembly` and `BufferSource` types, so that a consumer whose
 * `lib` has no DOM (Node-only, `lib: ["es2022"]`) can compile against these declarations.
 *
 * @example
 * ```ts
 * await init({ wasm: new URL('/assets/wasm-linalg.simd.wasm', location.href) });
 * await init({ wasm: readFileSync('wasm-linalg.simd.wasm') }); // bytes, in Node
 * ```
 */
export type WasmSource = string | GlobalURL | ArrayBuffer | ArrayBufferView | WasmModule;

/**
 * A compiled `WebAssembly.Module`. The standard `WebAssembly.Module` type has no members, so any
 * object matches it; this alias says the same without needing the DOM lib. {@link init} checks at
 * run time that what it gets is a real one.
 *
 * @example
 * ```ts
 * const module: WasmModule = await WebAssembly.compile(bytes);
 * await init({ wasm: module });
 * ```
 */
export type WasmModule = object;

/**
 * An instance of the global `URL` class where the consumer's environment declares one (the DOM lib,
 * or `@types/node`), else `never`: a URL can then be passed as a string.
 *
 * @example
 * ```ts
 * const where: GlobalURL = new URL('https://example.com/wasm-linalg.simd.wasm');
 * await init({ wasm: where });
 * ```
 */
export type GlobalURL = typeof globalThis extends {
  /** The global `URL` class, where the environment declares one. */
  URL: {
    /** Its instances' type. */
    prototype: infer U;
  };
}
  ? U
  : never;

/**
 * Options of {@link init}.
 *
 * @example
 * ```ts
 * await init({ backend: 'js' });  // the plain-JS backend only: no WebAssembly loaded
 * await init({ simd: false });    // the scalar build, even where SIMD is supported
 * ```
 */
export interface InitOptions {
  /** Backend to select after loading (default 'wasm', or 'js' where WebAssembly is absent). */
  backend?: BackendName;
  /**
   * Where to get the module: a URL, a string (an absolute URL, or a path relative to the page in
   * browsers and to the working directory in Node), bytes, or a compiled Module.
   */
  wasm?: WasmSource;
  /**
   * Force a SIMD build (true; which one is then up to `fma`) or the scalar build (false); default: a
   * SIMD build when the engine supports SIMD.
   */
  simd?: boolean;
  /**
   * The relaxed-SIMD build, whose GEMM micro-kernel uses fused multiply-adds (faster on ARM and most
   * Intel cores; not bit-identical to the JS backend): `false` opts out (the SIMD build's results equal
   * the JS backend's bit for bit), `true` forces it; default: where the engine validates relaxed SIMD
   * ({@link relaxedSimdSupported}) and `simd` is not `false`.
   */
  fma?: boolean;
  /**
   * Threads the level-3 kernels (and through them the factorisations) may run on: `'auto'` (the
   * default: the cores the platform reports, at most {@link MAX_AUTO_THREADS}), a number ≥ 1, or 1 for
   * none. More than one needs the SIMD builds, `SharedArrayBuffer` and — in a browser page — cross-origin
   * isolation (the headers `Cross-Origin-Opener-Policy: same-origin` and
   * `Cross-Origin-Embedder-Policy: require-corp`); where that is missing the library runs on one thread
   * and {@link InitResult.threadsNote} says why. Results are bit for bit the same for every count. On a
   * later call, resizes the pool of the module already loaded (given explicitly only).
   */
  threads?: number | 'auto';
}

/**
 * The most threads `threads: 'auto'` starts (more cores than this are left to the application).
 *
 * @example
 * ```ts
 * const { threads } = await init(); // ≤ MAX_AUTO_THREADS
 * ```
 */
export const MAX_AUTO_THREADS = 8;

/**
 * How many threads the wasm kernels run on, and why fewer than asked ({@link threadsInfo}; also part
 * of {@link InitResult}).
 *
 * @example
 * ```ts
 * const info: ThreadsInfo = threadsInfo();
 * if (info.threadsNote !== null) console.warn(info.threadsNote);
 * ```
 */
export interface ThreadsInfo {
  /** Threads the wasm kernels run on (1: no worker threads). */
  threads: number;
  /**
   * Why fewer threads run than were asked for (no SharedArrayBuffer, a page that is not cross-origin
   * isolated, a worker that failed, …), or null.
   */
  threadsNote: string | null;
}

/**
 * What {@link init} loaded and selected.
 *
 * @example
 * ```ts
 * const { backend, wasm } = await init();
 * console.log(backend, wasm); // 'wasm' 'simd' on an engine with WebAssembly SIMD
 * ```
 */
export interface InitResult extends ThreadsInfo {
  /** The backend selected. */
  backend: BackendName;
  /**
   * Which binary was loaded: 'relaxed' (SIMD with fused multiply-adds), 'simd', 'scalar', 'custom'
   * (the `wasm` option), or null when only the JS backend is available.
   */
  wasm: 'relaxed' | 'simd' | 'scalar' | 'custom' | null;
}

const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

/**
 * True when the engine validates a module that uses 128-bit SIMD.
 *
 * @example
 * if (!simdSupported()) console.warn('no wasm SIMD: the scalar build will be used');
 */
export function simdSupported(): boolean {
  return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
}

/** One function returning f64x2.relaxed_madd(i8x16.splat(0), i8x16.splat(0), i8x16.splat(0)). */
const RELAXED_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 19, 1, 17, 0, 65, 0, 253, 15, 65, 0, 253, 15,
  65, 0, 253, 15, 253, 135, 2, 11,
]);

/**
 * True when the engine validates a module that uses relaxed SIMD (`f64x2.relaxed_madd`): Node ≥ 22,
 * Chromium, Firefox; Node 20 only with `--experimental-wasm-relaxed-simd`. `init()` then loads the
 * relaxed build unless told `fma: false`.
 *
 * @example
 * const { wasm } = await init();
 * console.log(relaxedSimdSupported(), wasm); // true 'relaxed' on Node 22
 */
export function relaxedSimdSupported(): boolean {
  return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE) && WebAssembly.validate(RELAXED_PROBE);
}

interface Loaded {
  exports: WasmExports;
  heap: WasmHeap;
  kind: InitResult['wasm'];
  /** The worker pool of a threaded build, or null (a serial build). */
  pool: ThreadPool | null;
  /** Why the serial build was loaded although threads were asked for, or null. */
  serialNote: string | null;
}

let loaded: Loaded | null = null;
/** The load in flight: concurrent init() calls share it (one module, one heap); cleared when it settles. */
let loading: Promise<Loaded> | null = null;
let jsBackend: JsBackend | null = null;
let wasmBackend: WasmBackend | null = null;

interface NodeProcess {
  versions?: { node?: string };
  getBuiltinModule?: (id: string) => unknown;
}

function nodeProcess(): NodeProcess | undefined {
  const p = (globalThis as { process?: NodeProcess }).process;
  return p?.versions?.node !== undefined ? p : undefined;
}

async function fetchModule(url: URL): Promise<WebAssembly.Module> {
  const proc = nodeProcess();
  if (url.protocol === 'file:') {
    if (proc?.getBuiltinModule === undefined) {
      throw new Error(`wasm-linalg: cannot read ${url.href}: file URLs need Node ≥ 20.16`);
    }
    const fs = proc.getBuiltinModule('node:fs') as { readFileSync(p: URL): Uint8Array };
    return WebAssembly.compile(fs.readFileSync(url) as BufferSource);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`wasm-linalg: fetching ${url.href} failed: HTTP ${response.status}`);
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(response.clone());
    } catch (e) {
      // Served without `application/wasm`: fall back to compiling the bytes.
      if (!(e instanceof TypeError)) throw e;
    }
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

async function compileSource(src: WasmSource): Promise<WebAssembly.Module> {
  if (src instanceof WebAssembly.Module) return src;
  if (src instanceof URL) return fetchModule(src);
  if (typeof src === 'string') {
    // An absolute URL as is; otherwise a path relative to the page (browsers) or the working directory (Node).
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src)) return fetchModule(new URL(src));
    const proc = nodeProcess();
    const location = (globalThis as { location?: { href: string } }).location;
    if (location === undefined && proc?.getBuiltinModule !== undefined) {
      const url = proc.getBuiltinModule('node:url') as { pathToFileURL(p: string): URL };
      const path = proc.getBuiltinModule('node:path') as { resolve(p: string): string };
      return fetchModule(url.pathToFileURL(path.resolve(src)));
    }
    return fetchModule(new URL(src, location?.href ?? import.meta.url));
  }
  return WebAssembly.compile(src as BufferSource);
}

async function instantiate(module: WebAssembly.Module, pool: ThreadPool | null = null): Promise<{ exports: WasmExports; heap: WasmHeap }> {
  // Imported memory, created here so that the threaded build can share it with its workers (threads.ts).
  const memory = pool?.memory ?? new WebAssembly.Memory({ initial: 2 });
  const instance = await WebAssembly.instantiate(module, {
    env: {
      ...pool?.imports(),
      memory,
      abort: (_msg: number, _file: number, line: number, col: number) => {
        throw new Error(`wasm-linalg: kernel aborted at ${line}:${col}`);
      },
    },
  });
  const exports = instance.exports as unknown as WasmExports;
  if (exports.dataEnd() > SCRATCH_BASE) {
    throw new Error(`wasm-linalg: module static data (${exports.dataEnd()} bytes) overlaps the scratch region and the heap`);
  }
  return { exports, heap: new WasmHeap(memory) };
}

/** The thread count `threads` asks for (validated by init). */
function threadsWanted(t: InitOptions['threads']): number {
  return t === undefined || t === 'auto' ? Math.max(1, Math.min(platformCores(), MAX_AUTO_THREADS)) : t;
}

async function load(options: InitOptions): Promise<Loaded> {
  let module: WebAssembly.Module;
  let kind: InitResult['wasm'];
  const wanted = threadsWanted(options.threads);
  const relaxed = options.simd !== false && (options.fma ?? ((options.simd ?? simdSupported()) && relaxedSimdSupported()));
  const simd = relaxed || (options.simd ?? simdSupported());
  // Threads: the threaded twin of the relaxed or SIMD build, on a shared memory.
  let serialNote: string | null = null;
  if (wanted > 1) {
    serialNote =
      options.wasm !== undefined
        ? 'a module given through the `wasm` option runs on one thread'
        : !simd
          ? 'the scalar build has no threads'
          : threadsUnavailable();
  }
  if (wanted > 1 && serialNote === null) {
    const memory = sharedMemory();
    if (typeof memory === 'string') {
      serialNote = memory;
    } else {
      module = relaxed
        ? await fetchModule(new URL('../build/wasm-linalg.relaxed-threads.wasm', import.meta.url))
        : await fetchModule(new URL('../build/wasm-linalg.threads.wasm', import.meta.url));
      const pool = new ThreadPool(module, memory);
      const { exports, heap } = await instantiate(module, pool);
      pool.attach(exports);
      await pool.resize(wanted);
      return { exports, heap, kind: relaxed ? 'relaxed' : 'simd', pool, serialNote: null };
    }
  }
  if (options.wasm !== undefined) {
    module = await compileSource(options.wasm);
    kind = 'custom';
  } else if (relaxed) {
    module = await fetchModule(new URL('../build/wasm-linalg.relaxed.wasm', import.meta.url));
    kind = 'relaxed';
  } else if (simd) {
    module = await fetchModule(new URL('../build/wasm-linalg.simd.wasm', import.meta.url));
    kind = 'simd';
  } else {
    module = await fetchModule(new URL('../build/wasm-linalg.scalar.wasm', import.meta.url));
    kind = 'scalar';
  }
  const { exports, heap } = await instantiate(module);
  return { exports, heap, kind, pool: null, serialNote };
}

/**
 * Loads the WebAssembly module (unless `backend: 'js'` is asked for) and selects the backend.
 * Safe to call more than once: later calls switch the backend and load the module if needed;
 * concurrent calls share one load. Must be awaited before anything else is used.
 *
 * @example
 * ```ts
 * import { init, Matrix } from 'wasm-linalg';
 *
 * await init();                                         // SIMD build where supported, else scalar
 * await init({ wasm: '/static/wasm-linalg.simd.wasm' }); // or: the module from elsewhere
 * const A = Matrix.eye(3);
 * ```
 */
export async function init(opts?: InitOptions | null): Promise<InitResult> {
  const options = optionsOf('init', opts);
  const want = options.backend ?? (typeof WebAssembly === 'object' ? 'wasm' : 'js');
  if (want !== 'wasm' && want !== 'js') {
    throw new TypeError(`init: backend must be 'wasm' or 'js', got ${String(want)}`);
  }
  // Checked even when the module is loaded already (and the option is then unused).
  const src: unknown = options.wasm;
  const wasmOk =
    src === undefined ||
    typeof src === 'string' ||
    src instanceof URL ||
    src instanceof ArrayBuffer ||
    ArrayBuffer.isView(src) ||
    (typeof WebAssembly === 'object' && src instanceof WebAssembly.Module);
  if (!wasmOk) {
    throw new TypeError(`init: wasm must be a URL, a string, bytes or a WebAssembly.Module, got ${describe(src)}`);
  }
  if (options.simd !== undefined && typeof options.simd !== 'boolean') {
    throw new TypeError(`init: simd must be a boolean, got ${describe(options.simd)}`);
  }
  if (options.fma !== undefined && typeof options.fma !== 'boolean') {
    throw new TypeError(`init: fma must be a boolean, got ${describe(options.fma)}`);
  }
  if (options.fma === true && options.simd === false) {
    throw new TypeError('init: fma: true needs the SIMD build, got simd: false');
  }
  const th: unknown = options.threads;
  if (th !== undefined && th !== 'auto' && !(typeof th === 'number' && Number.isInteger(th) && th >= 1)) {
    throw new TypeError(`init: threads must be 'auto' or an integer ≥ 1, got ${describe(th)}`);
  }
  const loadedBefore = loaded !== null;
  if (want === 'wasm' && loaded === null) {
    if (typeof WebAssembly !== 'object') throw new Error('wasm-linalg: WebAssembly is not available here');
    // One load at a time: a call made while another is loading waits for that load (its `wasm`/`simd`/`fma`
    // options then have no effect, as for a module already loaded). A failed load is forgotten, so a
    // later call tries again.
    const p = (loading ??= load(options));
    try {
      loaded ??= await p;
    } finally {
      if (loading === p) loading = null;
    }
  }
  // A later call with `threads` resizes the pool of the module already loaded.
  if (loadedBefore && loaded !== null && options.threads !== undefined) {
    const n = threadsWanted(options.threads);
    if (loaded.pool !== null) {
      if (n !== loaded.pool.threads || (n > 1 && loaded.pool.note !== null)) await loaded.pool.resize(n);
    } else {
      loaded.serialNote = n > 1 ? 'the single-threaded build was loaded by an earlier init()' : null;
    }
  }
  installBackends(jsBackend ??= new JsBackend(), loaded ? (wasmBackend ??= new WasmBackend(loaded.exports, loaded.heap)) : null);
  setBackend(want);
  return { backend: want, wasm: loaded?.kind ?? null, ...threadsInfo() };
}

/**
 * How many threads the wasm kernels run on now, and if fewer than asked, why (also after a worker
 * failed during a call: the library then continues on one thread).
 *
 * @example
 * ```ts
 * await init({ threads: 4 });
 * const { threads, threadsNote } = threadsInfo(); // 4, null — or 1 and the reason
 * ```
 */
export function threadsInfo(): ThreadsInfo {
  if (loaded === null) return { threads: 1, threadsNote: null };
  if (loaded.pool === null) return { threads: 1, threadsNote: loaded.serialNote };
  return { threads: loaded.pool.threads, threadsNote: loaded.pool.note };
}

/**
 * Ends the worker threads; the library keeps working on one thread (`init({ threads })` starts them
 * again). Not needed for a Node script to exit: the workers do not keep it alive.
 *
 * @example
 * ```ts
 * await init({ threads: 2 });
 * // … heavy work …
 * await shutdown();
 * ```
 */
export async function shutdown(): Promise<void> {
  await loaded?.pool?.stop(null);
}

/** The thread pool of the loaded module, or null (tests). @internal */
export function threadPool(): ThreadPool | null {
  return loaded?.pool ?? null;
}

/** The loaded module's heap (for memoryStats), or null. */
export function wasmHeap(): WasmHeap | null {
  return loaded?.heap ?? null;
}

