/**
 * The JS backend: storage is an ordinary Float64Array, kernels are the TypeScript mirrors
 * (bindings/js/**, one file per assembly/** file) called on (array, offset) pairs through the
 * generated adapter (bindings/js/kernels.ts). They read wasm-stored operands in place too, through the
 * heap view; nothing here allocates in linear memory, so such views stay valid for the call.
 */
import type { Backend } from '../core/backend.js';
import { getTuningOf, setTuningOn, type Tuning } from '../core/tuning.js';
import { JsI32Store, JsStore, type I32Store, type Store } from '../core/store.js';
import { jsKernels } from './kernels.js';

export class JsBackend implements Backend {
  readonly name = 'js' as const;
  readonly kernels = jsKernels;

  f64(n: number): Store {
    return new JsStore(new Float64Array(Math.max(1, n)));
  }

  i32(n: number): I32Store {
    return new JsI32Store(new Int32Array(Math.max(1, n)));
  }

  scratch(_n: number): Store | null {
    return null; // a Float64Array of the right size is what f64() gives
  }

  setTuning(t: Partial<Tuning> | null): void {
    setTuningOn(this.kernels, t);
  }

  getTuning(): Tuning {
    return getTuningOf(this.kernels);
  }
}
