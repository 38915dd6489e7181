/**
 * The JS backend: storage is an ordinary Float64Array, kernels are the TypeScript mirrors
 * (bindings/js/**, one file per assembly/** file) called on (array, offset) pairs through the
 * generated adapter (bindings/js/kernels.ts). They read wasm-stored operands in place too, through the
 * heap view; nothing here allocates in linear memory, so such views stay valid for the call.
 */
import { applyBlocking, type Backend, type Blocking } from '../core/backend.js';
import { JsI32Store, JsStore, type I32Store, type Store } from '../core/store.js';
import { jsKernels } from './kernels.js';

export class JsBackend implements Backend {
  readonly name = 'js' as const;
  readonly kernels = jsKernels;
  /** Block size of the factorisations as last set (0 = each routine's default). */
  private nb = 0;

  f64(n: number): Store {
    return new JsStore(new Float64Array(Math.max(1, n)));
  }

  i32(n: number): I32Store {
    return new JsI32Store(new Int32Array(Math.max(1, n)));
  }

  setBlocking(b: Partial<Blocking> | null): void {
    this.nb = applyBlocking(this.kernels, b);
  }

  getBlocking(): Blocking {
    const k = this.kernels;
    return { mc: k.gemmBlockingMC(), kc: k.gemmBlockingKC(), nc: k.gemmBlockingNC(), nb: this.nb };
  }
}
