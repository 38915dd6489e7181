/**
 * The three kernel implementations the kernel suites run side by side:
 *
 *   wasm-simd    the library's own module (loaded by `init()`), its exports and heap taken from the
 *                WASM backend object (`backendNamed('wasm')`)
 *   wasm-scalar  the scalar build (build/wasm-linalg.scalar.wasm), instantiated here on its own memory
 *                with the library's allocator (bindings/core/memory.ts)
 *   js           the plain-JS mirrors (bindings/js/index.ts)
 *
 * The wasm kernels take byte addresses; the JS mirrors take (Float64Array, element offset) pairs.
 *
 * The relaxed-SIMD build (build/wasm-linalg.relaxed.wasm: fused multiply-adds in the GEMM micro-kernel)
 * is not one of them: it is not bit-identical to the JS mirrors by nature. `init({ fma: false })` keeps
 * it out of the library here; the `*-relaxed` vitest projects (test/vitest.config.ts) test it instead —
 * the API suites with the library on that build ({@link buildUnderTest}), and test/kernels/relaxed/ on
 * {@link relaxedEngine} — by scaled ratios that hold whether the engine fuses or not.
 */
import { inject } from 'vitest';
import { init, relaxedSimdSupported } from '../../bindings/index.js';
import { backendNamed } from '../../bindings/core/backend.js';
import type { WasmBackend } from '../../bindings/wasm/backend.js';
import { WasmHeap, SCRATCH_BASE } from '../../bindings/core/memory.js';
import type { WasmExports } from '../../bindings/wasm/exports.js';
import * as jsKernels from '../../bindings/js/index.js';
import { getTuningOf, setTuningOn, type Tuning } from '../../bindings/core/tuning.js';

export type EngineName = 'wasm-simd' | 'wasm-scalar' | 'wasm-relaxed' | 'js';

export interface WasmEngine {
  readonly name: 'wasm-simd' | 'wasm-scalar' | 'wasm-relaxed';
  readonly kind: 'wasm';
  readonly exports: WasmExports;
  readonly heap: WasmHeap;
}
export interface JsEngine {
  readonly name: 'js';
  readonly kind: 'js';
  readonly kernels: typeof jsKernels;
}
export type Engine = WasmEngine | JsEngine;

interface NodeProcess {
  versions?: { node?: string };
  getBuiltinModule?: (id: string) => unknown;
}

/** True under Node (the `node` project), false in the browser. */
export const isNode: boolean =
  (globalThis as { process?: NodeProcess }).process?.versions?.node !== undefined &&
  typeof (globalThis as { window?: unknown }).window === 'undefined';

/**
 * The key the library's `[Symbol.dispose]()` methods live under: the engine's `Symbol.dispose`, or
 * `Symbol.for('Symbol.dispose')` where the engine lacks it (JavaScriptCore without
 * JSC_useExplicitResourceManagement; bindings/core/dispose.ts). Computed here independently of the library.
 */
export const DISPOSE_KEY: typeof Symbol.dispose = ((Symbol as { dispose?: symbol }).dispose ??
  Symbol.for('Symbol.dispose')) as typeof Symbol.dispose;

/** Bytes of a file given as a URL: read from disk in Node, fetched from the dev server in the browser. */
export async function readBytes(url: URL): Promise<Uint8Array> {
  if (url.protocol === 'file:') {
    const proc = (globalThis as { process?: NodeProcess }).process;
    const fs = proc!.getBuiltinModule!('node:fs') as { readFileSync(p: URL): Uint8Array };
    return fs.readFileSync(url);
  }
  const r = await fetch(url);
  if (!r.ok) throw new Error(`fetch ${url.href}: HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

export const SIMD_WASM_URL = new URL('../../build/wasm-linalg.simd.wasm', import.meta.url);
export const SCALAR_WASM_URL = new URL('../../build/wasm-linalg.scalar.wasm', import.meta.url);
export const RELAXED_WASM_URL = new URL('../../build/wasm-linalg.relaxed.wasm', import.meta.url);

declare module 'vitest' {
  interface ProvidedContext {
    /** Set by the `*-relaxed` projects of test/vitest.config.ts. */
    wasmBuild?: 'simd' | 'relaxed';
    /** Set by the `webkit-threads` project: the thread pool must start (no skipping). */
    threadsRequired?: boolean;
  }
}

/**
 * True in a project where threads must run (`webkit-threads`): the thread suites then fail, rather than
 * skip, when init could not start the pool.
 */
export function threadsRequired(): boolean {
  return inject('threadsRequired') === true;
}

/**
 * The wasm build the API suites run the library on: 'simd' (bit for bit against the JS backend: the
 * `node` and `chromium` projects) or 'relaxed' (the `node-relaxed` and `chromium-relaxed` projects:
 * onBoth then checks shapes only and the suites' scaled ratios carry the accuracy).
 */
export function buildUnderTest(): 'simd' | 'relaxed' {
  return inject('wasmBuild') ?? 'simd';
}

/**
 * Loads the library on the build under test ({@link buildUnderTest}): `init({ fma: false })`, or the
 * relaxed build, which must then be the one loaded (the relaxed projects turn relaxed SIMD on where
 * the engine needs a flag).
 */
export async function initBuildUnderTest(): Promise<void> {
  if (buildUnderTest() === 'relaxed') {
    if (!relaxedSimdSupported()) throw new Error('the relaxed projects need an engine with relaxed SIMD');
    const r = await init({ fma: true });
    if (r.wasm !== 'relaxed') throw new Error(`init({ fma: true }) loaded the ${String(r.wasm)} build`);
  } else {
    const r = await init({ fma: false });
    if (r.wasm === 'relaxed') throw new Error('the relaxed build is loaded: it is not bit-identical to the JS mirrors');
  }
}

/** The relaxed-SIMD build on its own memory (test/kernels/relaxed/), or null where the engine lacks relaxed SIMD. */
export async function relaxedEngine(): Promise<WasmEngine | null> {
  if (!relaxedSimdSupported()) return null;
  relaxed ??= instantiate(RELAXED_WASM_URL).then((r) => {
    relaxedLoaded = { name: 'wasm-relaxed', kind: 'wasm', exports: r.exports, heap: r.heap };
    return relaxedLoaded;
  });
  return relaxed;
}
let relaxed: Promise<WasmEngine> | null = null;
let relaxedLoaded: WasmEngine | null = null;

/** A fresh instance of a module on its own imported memory, with the library's allocator over it. */
export async function instantiate(url: URL): Promise<{ module: WebAssembly.Module; exports: WasmExports; heap: WasmHeap }> {
  const module = await WebAssembly.compile((await readBytes(url)) as BufferSource);
  const memory = new WebAssembly.Memory({ initial: 2 });
  const instance = await WebAssembly.instantiate(module, {
    env: {
      memory,
      abort: () => {
        throw new Error('kernel abort');
      },
    },
  });
  const exports = instance.exports as unknown as WasmExports;
  if (exports.dataEnd() > SCRATCH_BASE) throw new Error('static data overlaps the scratch region and the heap');
  return { module, exports, heap: new WasmHeap(memory) };
}

let engines: Engine[] | null = null;

/** Loads the library (WASM backend) and the scalar build; call in beforeAll. */
export async function setupEngines(): Promise<Engine[]> {
  if (engines !== null) return engines;
  // One thread: the serial SIMD build, whose workspace sizes equal the JS mirrors' (a threaded build's
  // GEMM-based kernels take one workspace per thread). The threaded build's kernels are tested against
  // the same mirrors in test/kernels/threads/.
  const r = await init({ fma: false, threads: 1 });
  if (r.wasm !== 'simd') throw new Error(`the kernel suites need the SIMD build as the library's module, got ${String(r.wasm)}`);
  const wb = backendNamed('wasm') as WasmBackend | null;
  if (wb === null) throw new Error('WASM backend did not load');
  const scalar = await instantiate(SCALAR_WASM_URL);
  engines = [
    { name: 'wasm-simd', kind: 'wasm', exports: wb.exports, heap: wb.heap },
    { name: 'wasm-scalar', kind: 'wasm', exports: scalar.exports, heap: scalar.heap },
    { name: 'js', kind: 'js', kernels: jsKernels },
  ];
  return engines;
}

export function allEngines(): Engine[] {
  if (engines === null) throw new Error('call setupEngines() in beforeAll first');
  return engines;
}

// ---- tuning ------------------------------------------------------------------------------------

/** GEMM's cache blocking, as a partial tuning. */
export type GemmTuning = Pick<Partial<Tuning>, 'gemmMC' | 'gemmKC' | 'gemmNC'>;

/**
 * A tuning a suite runs under, with its label:
 *
 *   describe.each(TUNINGS)('… — $name', (tc) => { … withTuning(tc.tuning, () => …) … })
 */
export interface TuningCase<T extends Partial<Tuning> = Partial<Tuning>> {
  readonly name: string;
  readonly tuning: T;
}

/** A short label for a partial tuning ('default tuning' for {}). */
export function tuningName(t: Partial<Tuning>): string {
  const set = Object.entries(t).filter(([, v]) => v !== undefined);
  return set.length === 0 ? 'default tuning' : set.map(([k, v]) => `${k}=${v}`).join(' ');
}

/**
 * The GEMM blockings every level-3 kernel suite runs under, named by {@link tuningName}: the default
 * and tiny odd ones, so that small matrices go through every blocked loop and its edges (the Eigen
 * trick of shrinking the caches).
 */
export const GEMM_TUNINGS: readonly TuningCase<GemmTuning>[] = (
  [{}, { gemmMC: 8, gemmKC: 5, gemmNC: 12 }, { gemmMC: 4, gemmKC: 1, gemmNC: 4 }] as GemmTuning[]
).map((tuning) => ({ name: tuningName(tuning), tuning }));

/**
 * Every factorisation block size at once (TRSM, LU, Cholesky, QR, forming and applying Q, the
 * tridiagonal and bidiagonal reductions, the symmetric-indefinite LDLᵀ; not gehrd's).
 */
export function nbAll(nb: number): Partial<Tuning> {
  return { trsmNB: nb, getrfNB: nb, potrfNB: nb, geqrfNB: nb, orgqrNB: nb, ormqrNB: nb, sytrdNB: nb, gebrdNB: nb, sytrfNB: nb };
}

/**
 * The tunings the LAPACK-style API suites run under (test/api/): the default blocking, and GEMM
 * blocks of 8×5×12 (or 4×3×4) with factorisation / TRSM panels of 3, 1 (the unblocked routines), 2
 * and 5 columns (nbAll): with n ∈ {1, 2, 7, 16, 17, 33} every panel loop runs its full blocks and its
 * ragged last block.
 */
export const TUNINGS: readonly TuningCase[] = [
  { name: 'default blocking', tuning: {} },
  { name: 'mc 8 kc 5 nc 12 nb 3', tuning: { gemmMC: 8, gemmKC: 5, gemmNC: 12, ...nbAll(3) } },
  { name: 'mc 8 kc 5 nc 12 nb 1', tuning: { gemmMC: 8, gemmKC: 5, gemmNC: 12, ...nbAll(1) } },
  { name: 'mc 4 kc 3 nc 4 nb 2', tuning: { gemmMC: 4, gemmKC: 3, gemmNC: 4, ...nbAll(2) } },
  { name: 'mc 8 kc 5 nc 12 nb 5', tuning: { gemmMC: 8, gemmKC: 5, gemmNC: 12, ...nbAll(5) } },
];

interface TuningTarget {
  readonly name: string;
  /**
   * The relaxed build's 6×3 GEMM tile rounds gemmMC and gemmNC to multiples of 6 and 3 (the others' 4×4
   * tile: of 4), so those two keys may differ between it and the others.
   */
  readonly tile6x3: boolean;
  set(t: Partial<Tuning> | null): void;
  get(): Tuning;
}

/**
 * Everything that holds a tuning table: the library's two backends (through `setTuning`, as a user
 * would: the WASM backend's module is the wasm-simd engine, the JS backend's kernels are the js
 * engine) and the wasm-scalar instance when setupEngines() has loaded it.
 */
function tuningTargets(): TuningTarget[] {
  const out: TuningTarget[] = [];
  for (const name of ['wasm', 'js'] as const) {
    const be = backendNamed(name);
    const tile6x3 = name === 'wasm' && buildUnderTest() === 'relaxed';
    if (be !== null) out.push({ name: `${name} backend`, tile6x3, set: (t) => be.setTuning(t), get: () => be.getTuning() });
  }
  if (out.length === 0) throw new Error('no backend loaded: call setupEngines() or setupApi() in beforeAll first');
  for (const e of engines ?? []) {
    if (e.name === 'wasm-scalar') out.push({ name: e.name, tile6x3: false, set: (t) => setTuningOn(e.exports, t), get: () => getTuningOf(e.exports) });
  }
  const r = relaxedLoaded;
  if (r !== null) out.push({ name: r.name, tile6x3: true, set: (t) => setTuningOn(r.exports, t), get: () => getTuningOf(r.exports) });
  return out;
}

/** The tuning in force on one engine. */
export function tuningOf(e: Engine): Tuning {
  return getTuningOf(e.kind === 'wasm' ? e.exports : e.kernels);
}

/** Every engine back to the default tuning (the suites' hooks). */
export function resetTuning(): void {
  for (const x of tuningTargets()) x.set(null);
}

/**
 * The one way tests change the tuning: sets `t` on every engine (the keys not in `t` keep their
 * values, so calls nest), checks that all engines then report the same table, runs f and restores
 * what was in force before — at the top level, the defaults.
 */
export function withTuning<T>(t: Partial<Tuning>, f: () => T): T {
  const targets = tuningTargets();
  const saved = targets.map((x) => x.get());
  try {
    for (const x of targets) x.set(t);
    const now = targets.map((x) => JSON.stringify(x.get()));
    const anyTile = targets.map((x) => JSON.stringify({ ...x.get(), gemmMC: 0, gemmNC: 0 }));
    for (let i = 1; i < targets.length; i++) {
      const [a, b] = targets[i]!.tile6x3 === targets[0]!.tile6x3 ? [now[i], now[0]] : [anyTile[i], anyTile[0]];
      if (a !== b) throw new Error(`withTuning: ${targets[i]!.name} reports ${now[i]}, ${targets[0]!.name} ${now[0]}`);
    }
    return f();
  } finally {
    targets.forEach((x, i) => {
      x.set(null);
      x.set(saved[i]!);
    });
  }
}

/** The value an engine's scratch-size function returns (equal on all engines; checked by the blocking suite). */
export function scratch(name: string, ...args: number[]): number {
  const e = allEngines()[0]!;
  const fns = (e.kind === 'wasm' ? e.exports : e.kernels) as unknown as Record<string, (...a: number[]) => number>;
  return fns[name]!(...args);
}
