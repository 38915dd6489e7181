/**
 * Where a matrix's numbers live.
 *
 * A matrix is column-major: entry (i, j) is `array()[offset + i + j·ld]`. Column-major inside is
 * LAPACK's order: the algorithms this library follows (Householder vectors, pivoted panels, Givens
 * sweeps over columns) walk columns, so their hot loops get unit stride, and the code can follow
 * Golub & Van Loan and LAPACK index for index. The public API is row-major (like nested JS arrays
 * and numpy); the transposition happens once at the boundary (`Matrix.from`, `toArray`, …), O(mn)
 * against the O(n³) work of what sits between.
 *
 * - `WasmStore`: a block of the WebAssembly linear memory; `ptr` is its byte address. `array()` is
 *   the heap's current Float64Array view — re-read it after anything that may allocate.
 * - `JsStore`: an ordinary Float64Array on the JS heap (the JS backend's matrices).
 */
import type { WasmHeap } from './memory.js';

export type BackendName = 'wasm' | 'js';

export interface Store {
  readonly kind: BackendName;
  /** The array holding the data; for wasm, the heap view, valid until the next allocation. */
  array(): Float64Array;
  /** Element offset of entry (0, 0) within `array()`. */
  readonly offset: number;
  /** Byte address in linear memory (wasm), or -1 (js). */
  readonly ptr: number;
  /** Releases the storage (idempotence is the Matrix's job). */
  free(): void;
}

export class WasmStore implements Store {
  readonly kind = 'wasm' as const;
  readonly offset: number;
  /**
   * @param owned false for a view into another matrix's block (internal use: sub-blocks handed to
   *   kernels); a view never frees and is never registered with the FinalizationRegistry.
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
  free(): void {
    if (this.owned) this.heap.free(this.ptr);
  }
}

export class JsStore implements Store {
  readonly kind = 'js' as const;
  readonly offset = 0;
  readonly ptr = -1;
  constructor(readonly data: Float64Array) {}
  array(): Float64Array {
    return this.data;
  }
  free(): void {
    // Garbage-collected.
  }
}
