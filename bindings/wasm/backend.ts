/**
 * The WASM backend: storage is a block of the module's linear memory (allocated by the JS-side
 * allocator, bindings/core/memory.ts), kernels are the module's exports called on byte addresses
 * through the generated adapter (bindings/wasm/kernels.ts).
 */
import type { Backend } from '../core/backend.js';
import { getTuningOf, setTuningOn, type Tuning } from '../core/tuning.js';
import type { Kernels } from '../core/kernels.js';
import type { WasmHeap } from '../core/memory.js';
import { WasmI32Store, WasmStore, type I32Store, type Store } from '../core/store.js';
import type { WasmExports } from './exports.js';
import { wasmKernels } from './kernels.js';

export class WasmBackend implements Backend {
  readonly name = 'wasm' as const;
  readonly kernels: Kernels;

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

  setTuning(t: Partial<Tuning> | null): void {
    setTuningOn(this.kernels, t);
  }

  getTuning(): Tuning {
    return getTuningOf(this.kernels);
  }
}
