/**
 * The three kernel implementations the kernel suites run side by side:
 *
 *   wasm-simd    the library's own module (loaded by `init()`), its exports and heap taken from the
 *                WASM backend object (`backendNamed('wasm')`)
 *   wasm-scalar  the scalar build (build/wasm-linalg.scalar.wasm), instantiated here on its own memory
 *                with the library's allocator (bindings/memory.ts)
 *   js           the plain-JS mirrors (bindings/js/index.ts)
 *
 * The wasm kernels take byte addresses; the JS mirrors take (Float64Array, element offset) pairs.
 */
import { init } from '../../bindings/index.js';
import { backendNamed } from '../../bindings/core/backend.js';
import type { WasmBackend } from '../../bindings/wasm/backend.js';
import { WasmHeap, HEAP_BASE } from '../../bindings/core/memory.js';
import type { WasmExports } from '../../bindings/wasm/exports.js';
import * as jsKernels from '../../bindings/js/index.js';

export type EngineName = 'wasm-simd' | 'wasm-scalar' | 'js';

export interface WasmEngine {
  readonly name: 'wasm-simd' | 'wasm-scalar';
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
  if (exports.dataEnd() > HEAP_BASE) throw new Error('static data overlaps the heap');
  return { module, exports, heap: new WasmHeap(memory) };
}

let engines: Engine[] | null = null;

/** Loads the library (WASM backend) and the scalar build; call in beforeAll. */
export async function setupEngines(): Promise<Engine[]> {
  if (engines !== null) return engines;
  await init();
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

export interface BlockingSpec {
  mc: number;
  kc: number;
  nc: number;
}

/**
 * The blockings every level-3 suite runs under: the default (null) and tiny odd ones, so that small
 * matrices go through every blocked loop and its edges (the Eigen trick of shrinking the caches).
 */
export const BLOCKINGS: readonly (BlockingSpec | null)[] = [null, { mc: 8, kc: 5, nc: 12 }, { mc: 4, kc: 1, nc: 4 }];

export function blockingName(b: BlockingSpec | null): string {
  return b === null ? 'default blocking' : `blocking mc=${b.mc} kc=${b.kc} nc=${b.nc}`;
}

function setBlockingOn(e: Engine, b: BlockingSpec | null): void {
  const [mc, kc, nc] = b === null ? [0, 0, 0] : [b.mc, b.kc, b.nc];
  if (e.kind === 'wasm') e.exports.gemmSetBlocking(mc, kc, nc);
  else e.kernels.gemmSetBlocking(mc, kc, nc);
}

/** The blocking in force on an engine, as [mc, kc, nc]. */
export function blockingOf(e: Engine): [number, number, number] {
  return e.kind === 'wasm'
    ? [e.exports.gemmBlockingMC(), e.exports.gemmBlockingKC(), e.exports.gemmBlockingNC()]
    : [e.kernels.gemmBlockingMC(), e.kernels.gemmBlockingKC(), e.kernels.gemmBlockingNC()];
}

/** Runs f with the blocking set on every engine (the library's JS backend shares the `js` state), then restores the default. */
export function withBlocking<T>(b: BlockingSpec | null, f: () => T): T {
  for (const e of allEngines()) setBlockingOn(e, b);
  try {
    return f();
  } finally {
    for (const e of allEngines()) setBlockingOn(e, null);
  }
}

/** Calls an exported setter (e.g. 'trsmSetBlock') with the same arguments on every engine. */
export function setOnAll(setter: string, ...args: number[]): void {
  for (const e of allEngines()) {
    const fns = (e.kind === 'wasm' ? e.exports : e.kernels) as unknown as Record<string, (...a: number[]) => unknown>;
    const f = fns[setter];
    if (typeof f !== 'function') throw new Error(`${e.name} has no '${setter}'`);
    f(...args);
  }
}

/**
 * Runs f with a block-size setter (trsmSetBlock, getrfSetBlock, potrfSetBlock) set to nb on every
 * engine (null: the default), then restores the default (0).
 */
export function withBlock<T>(setter: string, nb: number | null, f: () => T): T {
  setOnAll(setter, nb ?? 0);
  try {
    return f();
  } finally {
    setOnAll(setter, 0);
  }
}

/** The value an engine's scratch-size function returns (equal on all engines; checked by the blocking suite). */
export function scratch(name: string, ...args: number[]): number {
  const e = allEngines()[0]!;
  const fns = (e.kind === 'wasm' ? e.exports : e.kernels) as unknown as Record<string, (...a: number[]) => number>;
  return fns[name]!(...args);
}
