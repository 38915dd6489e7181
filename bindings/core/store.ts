/**
 * Where numbers live, and how a kernel operand is named.
 *
 * A matrix is column-major: entry (i, j) is `array()[offset + i + j·ld]`. Column-major inside is
 * LAPACK's order: the algorithms this library follows (Householder vectors, pivoted panels, Givens
 * sweeps over columns) walk columns, so their hot loops get unit stride, and the code can follow
 * Golub & Van Loan and LAPACK index for index. The public API is row-major (like nested JS arrays
 * and numpy); the transposition happens once at the boundary (`Matrix.from`, `toArray`, …), O(mn)
 * against the O(n³) work of what sits between.
 *
 * A Store is also the operand a kernel takes (`F64Ref`, `I32Ref` in bindings/core/kernels.ts): the
 * wasm backend passes its byte address `ptr`, the JS backend its `array()` and element `offset`.
 *
 * - `WasmStore`: a block of the WebAssembly linear memory; `ptr` is its byte address. `array()` is
 *   the heap's current Float64Array view — re-read it after anything that may allocate.
 * - `JsStore`: an ordinary Float64Array on the JS heap (the JS backend's storage), `ptr` = −1.
 * - `WasmI32Store` / `JsI32Store`: the same for integer buffers (pivots).
 */
import type { WasmHeap } from './memory.js';

/**
 * A backend: `'wasm'` (the WebAssembly kernels, matrices in linear memory) or `'js'` (the plain-JS
 * mirrors of the same kernels, matrices in Float64Arrays; the same results bit for bit).
 *
 * @example
 * ```ts
 * const name: BackendName = getBackend();
 * ```
 */
export type BackendName = 'wasm' | 'js';

/** A float64 kernel operand: element `offset` of `array()`, or byte address `ptr` in linear memory (−1 if none). */
export interface F64Ref {
  array(): Float64Array;
  readonly offset: number;
  readonly ptr: number;
}

/** An int32 kernel operand (pivot vectors), as {@link F64Ref}. */
export interface I32Ref {
  array(): Int32Array;
  readonly offset: number;
  readonly ptr: number;
}

export interface Store extends F64Ref {
  readonly kind: BackendName;
  /** The same storage from element `elements` on (a view: never frees). */
  at(elements: number): Store;
  /** Releases the storage (idempotence is the owner's job; a view frees nothing). */
  free(): void;
}

export interface I32Store extends I32Ref {
  readonly kind: BackendName;
  free(): void;
}

export class WasmStore implements Store {
  readonly kind = 'wasm' as const;
  readonly offset: number;
  /**
   * @param owned false for a view into another block (sub-blocks handed to kernels); a view never
   *   frees and is never registered with the FinalizationRegistry.
   */
  constructor(
    readonly heap: WasmHeap,
    readonly ptr: number,
    readonly owned = true,
  ) {
    this.offset = ptr / 8;
  }
  array(): Float64Array {
    return this.heap.f64;
  }
  at(elements: number): Store {
    return new WasmStore(this.heap, this.ptr + elements * 8, false);
  }
  free(): void {
    if (this.owned) this.heap.free(this.ptr);
  }
}

export class JsStore implements Store {
  readonly kind = 'js' as const;
  readonly ptr = -1;
  constructor(
    readonly data: Float64Array,
    readonly offset = 0,
  ) {}
  array(): Float64Array {
    return this.data;
  }
  at(elements: number): Store {
    return new JsStore(this.data, this.offset + elements);
  }
  free(): void {
    // Garbage-collected.
  }
}

/**
 * Storage for small matrices on the JS heap without a typed-array allocation each: a Float64Array
 * of 128 bytes or more gets its own off-heap backing store in V8, which costs 0.3–0.6 µs to create —
 * more than a 4×4 product — and even a view of a shared buffer costs a typed-array object. Small
 * blocks are instead ranges of a shared 8 KiB chunk (one Float64Array; the store is the chunk and an
 * offset), bump-allocated; the garbage collector frees a chunk once no store of it is left (so a
 * long-lived small matrix keeps at most its 8 KiB chunk alive). Contents start at zero (chunks are
 * never reused).
 */
const CHUNK = 1024; // doubles
let chunk = new Float64Array(CHUNK);
let chunkUsed = 0;

/** A JS store of `n` zeroed doubles (n ≤ CHUNK) carved from the current chunk. */
export function smallStore(n: number): JsStore {
  const size = (n + 1) & ~1; // keep blocks 16-byte aligned
  if (chunkUsed + size > CHUNK) {
    chunk = new Float64Array(CHUNK);
    chunkUsed = 0;
  }
  const s = new JsStore(chunk, chunkUsed);
  chunkUsed += size;
  return s;
}

export class WasmI32Store implements I32Store {
  readonly kind = 'wasm' as const;
  readonly offset: number;
  constructor(
    readonly heap: WasmHeap,
    readonly ptr: number,
  ) {
    this.offset = ptr / 4;
  }
  array(): Int32Array {
    return this.heap.i32;
  }
  free(): void {
    this.heap.free(this.ptr);
  }
}

export class JsI32Store implements I32Store {
  readonly kind = 'js' as const;
  readonly ptr = -1;
  readonly offset = 0;
  constructor(readonly data: Int32Array) {}
  array(): Int32Array {
    return this.data;
  }
  free(): void {
    // Garbage-collected.
  }
}

/**
 * A plain view of a column-major matrix: what the kernel-call layer (bindings/core/lapack.ts) takes.
 * Entry (i, j) is `store.array()[store.offset + i + j·ld]`.
 */
export interface View {
  readonly store: Store;
  readonly rows: number;
  readonly cols: number;
  readonly ld: number;
}
