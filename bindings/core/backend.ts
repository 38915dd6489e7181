/**
 * Backends and their selection.
 *
 * A backend is storage plus the kernels: `WasmBackend` (bindings/wasm/backend.ts) allocates in the
 * module's linear memory and runs its exports, `JsBackend` (bindings/js/backend.ts) allocates
 * Float64Arrays and runs the TypeScript mirrors. Both expose the same generated `Kernels` (the one
 * kernel ABI, bindings/core/kernels.ts, written by assembly/abi.mjs), so everything above this floor
 * is written once for both. Matrices made under one backend stay usable after `setBackend` switches
 * to the other: the JS kernels read wasm storage in place (through the heap view); for the wasm
 * kernels, the call layer (bindings/core/scope.ts) copies JS-stored operands in for the call.
 */
import type { Kernels } from './kernels.js';
import type { BackendName, I32Store, Store } from './store.js';
import type { Tuning } from './tuning.js';

/** Matrix norms understood by `lange`: max-abs, one, infinity, Frobenius. */
export const NormKind = { MaxAbs: 0, One: 1, Inf: 2, Fro: 3 } as const;
export type NormKind = (typeof NormKind)[keyof typeof NormKind];

export interface Backend {
  readonly name: BackendName;
  /** Every kernel, as bindings/core/kernels.ts types them. */
  readonly kernels: Kernels;
  /** Storage for `n` float64s (n ≥ 1), contents unspecified; the caller frees it. */
  f64(n: number): Store;
  /** Storage for `n` int32s (n ≥ 1), contents unspecified; the caller frees it. */
  i32(n: number): I32Store;
  /**
   * `n` float64s outside the allocator (the wasm heap's scratch region, bindings/core/memory.ts) for
   * the operands of one synchronous kernel call: contents unspecified, nothing to free, valid until the
   * next scratch() call; null when the backend has none (js) or n does not fit.
   */
  scratch(n: number): Store | null;
  /**
   * Tuning of the kernels: block sizes, crossovers, iteration caps (keys: TUNING_KEYS,
   * bindings/core/tuning.ts). null restores every default; tests shrink the block sizes so small
   * matrices take the blocked paths.
   */
  setTuning(t: Partial<Tuning> | null): void;
  /** Every tuning value in force. */
  getTuning(): Tuning;
}

let jsBackend: Backend | null = null;
let wasmBackend: Backend | null = null;
let current: Backend | null = null;

/** Called by `init()`. */
export function installBackends(js: Backend | null, wasm: Backend | null): void {
  if (js !== null) jsBackend = js;
  if (wasm !== null) wasmBackend = wasm;
}

/**
 * Selects the backend that new matrices and every operation use from now on. Matrices made under the
 * other backend stay usable.
 *
 * @example
 * ```ts
 * await init();
 * setBackend('js');   // the plain-JS kernels: the same bits as the wasm ones
 * setBackend('wasm');
 * ```
 */
export function setBackend(name: BackendName): void {
  if (name === 'wasm') {
    if (wasmBackend === null) {
      throw new Error(
        jsBackend === null
          ? 'wasm-linalg: call `await init()` before setBackend()'
          : "wasm-linalg: the WASM backend is not loaded; call `await init({ backend: 'wasm' })`",
      );
    }
    current = wasmBackend;
  } else if (name === 'js') {
    if (jsBackend === null) throw new Error('wasm-linalg: call `await init()` before setBackend()');
    current = jsBackend;
  } else {
    throw new TypeError(`setBackend: expected 'wasm' or 'js', got ${String(name)}`);
  }
}

/**
 * The name of the selected backend.
 *
 * @example
 * ```ts
 * await init();
 * getBackend(); // 'wasm' (or 'js' where there is no WebAssembly)
 * ```
 */
export function getBackend(): BackendName {
  return backend().name;
}

/** The selected backend; throws a clear error before `init()`. */
export function backend(): Backend {
  if (current === null) {
    throw new Error('wasm-linalg: not initialised — call `await init()` (once) before using the library');
  }
  return current;
}

/** The backend with this name, if loaded (tests use it to compare the two). */
export function backendNamed(name: BackendName): Backend | null {
  return name === 'wasm' ? wasmBackend : jsBackend;
}

/**
 * Sets the kernels' tuning (block sizes, crossovers, iteration caps; see `Tuning`) on every loaded
 * backend alike, so that both keep computing the same bits. null restores every default. An unknown
 * key or a non-number is a TypeError, a non-finite value a RangeError; then nothing is changed.
 *
 * @example
 * ```ts
 * setTuning({ getrfNB: 16, gemmKC: 128 }); // smaller LU panels and GEMM depth
 * setTuning(null);                         // back to the defaults
 * ```
 */
export function setTuning(t: Partial<Tuning> | null): void {
  const targets = [jsBackend, wasmBackend].filter((b): b is Backend => b !== null);
  if (targets.length === 0) throw new Error('wasm-linalg: call `await init()` before setTuning()');
  for (const b of targets) b.setTuning(t);
}

/**
 * Every tuning value in force (of the selected backend; {@link setTuning} keeps the backends equal).
 *
 * @example
 * ```ts
 * console.log(getTuning().gemmKC);
 * ```
 */
export function getTuning(): Tuning {
  return backend().getTuning();
}
