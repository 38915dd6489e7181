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

/** Matrix norms understood by `lange`: max-abs, one, infinity, Frobenius. */
export const NormKind = { MaxAbs: 0, One: 1, Inf: 2, Fro: 3 } as const;
export type NormKind = (typeof NormKind)[keyof typeof NormKind];

export interface Blocking {
  /** GEMM: rows of the packed A block. */
  mc: number;
  /** GEMM: depth of a rank-kc update. */
  kc: number;
  /** GEMM: columns of the packed B block. */
  nc: number;
  /** Panel / block width of the blocked factorisations and TRSM; 0 = each routine's own default. */
  nb: number;
}

export interface Backend {
  readonly name: BackendName;
  /** Every kernel, as bindings/core/kernels.ts types them. */
  readonly kernels: Kernels;
  /** Storage for `n` float64s (n ≥ 1), contents unspecified; the caller frees it. */
  f64(n: number): Store;
  /** Storage for `n` int32s (n ≥ 1), contents unspecified; the caller frees it. */
  i32(n: number): I32Store;
  /** Cache blocking of the level-3 kernels (tests shrink it so small matrices take the blocked paths). */
  setBlocking(b: Partial<Blocking> | null): void;
  getBlocking(): Blocking;
}

let jsBackend: Backend | null = null;
let wasmBackend: Backend | null = null;
let current: Backend | null = null;

/** Called by `init()`. */
export function installBackends(js: Backend | null, wasm: Backend | null): void {
  if (js !== null) jsBackend = js;
  if (wasm !== null) wasmBackend = wasm;
}

/** Selects the backend that new matrices and every operation use from now on. */
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

/** The name of the selected backend. */
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
 * setBlocking for either backend, over its kernels: GEMM's mc/kc/nc, and `nb` for every blocked
 * factorisation at once (0 or absent: each routine's default).
 */
export function applyBlocking(k: Kernels, b: Partial<Blocking> | null): number {
  k.gemmSetBlocking(b?.mc ?? 0, b?.kc ?? 0, b?.nc ?? 0);
  const nb = b?.nb !== undefined && b.nb > 0 ? b.nb : 0;
  k.trsmSetBlock(nb);
  k.getrfSetBlock(nb);
  k.potrfSetBlock(nb);
  k.geqrfSetBlock(nb);
  k.orgqrSetBlock(nb);
  k.ormqrSetBlock(nb);
  k.sytrdSetBlock(nb);
  k.gebrdSetBlock(nb);
  return nb;
}
