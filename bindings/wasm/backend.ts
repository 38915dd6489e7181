/**
 * The WASM backend: storage is a block of the module's linear memory (allocated by the JS-side
 * allocator, bindings/core/memory.ts), kernels are the module's exports called on byte addresses
 * through the generated adapter (bindings/wasm/kernels.ts).
 */
import { applyBlocking, type Backend, type Blocking } from '../core/backend.js';
import type { Kernels } from '../core/kernels.js';
import type { WasmHeap } from '../core/memory.js';
import { WasmI32Store, WasmStore, type I32Store, type Store } from '../core/store.js';
import type { WasmExports } from './exports.js';
import { wasmKernels } from './kernels.js';

export class WasmBackend implements Backend {
  readonly name = 'wasm' as const;
  readonly kernels: Kernels;
  /** Block size of the factorisations as last set (0 = each routine's default). */
  private nb = 0;

  constructor(
    readonly exports: WasmExports,
    readonly heap: WasmHeap,
  ) {
    this.kernels = wasmKernels(exports);
  }

  f64(n: number): Store {
    return new WasmStore(this.heap, this.heap.alloc(Math.max(1, n) * 8));
  }

  i32(n: number): I32Store {
    return new WasmI32Store(this.heap, this.heap.alloc(Math.max(1, n) * 4));
  }

  setBlocking(b: Partial<Blocking> | null): void {
    this.nb = applyBlocking(this.kernels, b);
  }

  getBlocking(): Blocking {
    const e = this.exports;
    return { mc: e.gemmBlockingMC(), kc: e.gemmBlockingKC(), nc: e.gemmBlockingNC(), nb: this.nb };
  }
}
