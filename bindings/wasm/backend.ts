/**
 * The WASM backend: storage is a block of the module's linear memory (allocated by the JS-side
 * allocator, bindings/core/memory.ts), kernels are the module's exports called on byte addresses
 * through the generated adapter (bindings/wasm/kernels.ts).
 */
import type { Backend } from '../core/backend.js';
import { getTuningOf, setTuningOn, type Tuning } from '../core/tuning.js';
import type { Kernels } from '../core/kernels.js';
import { SCRATCH_BASE, SCRATCH_END, type WasmHeap } from '../core/memory.js';
import { WasmI32Store, WasmStore, type I32Store, type Store } from '../core/store.js';
import type { WasmExports } from './exports.js';
import { wasmKernels } from './kernels.js';

export class WasmBackend implements Backend {
  readonly name = 'wasm' as const;
  readonly kernels: Kernels;
  /** The scratch region as a Store (a view: free() does nothing). */
  private readonly scratchStore: Store;

  constructor(
    readonly exports: WasmExports,
    readonly heap: WasmHeap,
  ) {
    this.kernels = wasmKernels(exports);
    this.scratchStore = new WasmStore(heap, SCRATCH_BASE, false);
  }

  f64(n: number): Store {
    return new WasmStore(this.heap, this.heap.alloc(Math.max(1, n) * 8));
  }

  i32(n: number): I32Store {
    return new WasmI32Store(this.heap, this.heap.alloc(Math.max(1, n) * 4));
  }

  scratch(n: number): Store | null {
    return n * 8 <= SCRATCH_END - SCRATCH_BASE ? this.scratchStore : null;
  }

  setTuning(t: Partial<Tuning> | null): void {
    setTuningOn(this.kernels, t);
  }

  getTuning(): Tuning {
    return getTuningOf(this.kernels);
  }
}
