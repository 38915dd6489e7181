/**
 * Lifetimes of one call: a Scope owns what a routine allocates — kernel workspace, temporary copies,
 * intermediate matrices — and frees all of it when the routine returns or throws, so that a function
 * reads as its mathematics and no path leaks (the pattern of a stack frame; compare `DisposableStack`).
 *
 *   return scoped((s) => {
 *     const w = s.f64(k.potrfScratch(n));          // freed at the end
 *     const T = s.track(Matrix._alloc(n, n));      // disposed at the end …
 *     return s.keep(R);                            // … unless kept (returned to the caller)
 *   });
 *
 * It is also where an operand of the other backend is made usable (`s.in`/`s.out`): the JS kernels
 * read wasm storage in place, but a JS-stored operand of a wasm kernel is copied into linear memory
 * for the call and, for an output, copied back when the scope closes normally.
 */
import { backend, type Backend } from './backend.js';
import type { F64Ref, I32Ref, I32Store, Store, View } from './store.js';
import { JsI32Store, JsStore } from './store.js';

interface Owned {
  dispose(): void;
}

export class Scope {
  readonly be: Backend;
  #free: (Store | I32Store | Owned)[] = [];
  #copyBack: (() => void)[] = [];

  constructor(be: Backend = backend()) {
    this.be = be;
  }

  /** `n` float64s of workspace (contents unspecified; `fill` to set them). */
  f64(n: number, fill?: number): Store {
    const s = this.be.f64(n);
    this.#free.push(s);
    if (fill !== undefined) s.array().fill(fill, s.offset, s.offset + Math.max(1, n));
    return s;
  }

  /** `n` int32s, zero-filled. */
  i32(n: number): I32Store {
    const s = this.be.i32(n);
    this.#free.push(s);
    s.array().fill(0, s.offset, s.offset + Math.max(1, n));
    return s;
  }

  /** Disposes `x` when the scope closes (unless {@link keep} takes it back). */
  track<T extends Owned>(x: T): T {
    this.#free.push(x);
    return x;
  }

  /** Takes `x` out of the scope: it outlives it (the value a routine returns). */
  keep<T extends Owned>(x: T): T {
    const i = this.#free.lastIndexOf(x);
    if (i >= 0) this.#free.splice(i, 1);
    return x;
  }

  /** A kernel input: the view itself when its storage suits this backend, else a copy for the call. */
  in(v: View): View {
    if (this.be.name === 'js' || v.store.kind === 'wasm') return v;
    return this.copyIn(v);
  }

  /** A kernel output (or in-out): as {@link in}, and a copy is written back when the scope closes. */
  out(v: View): View {
    if (this.be.name === 'js' || v.store.kind === 'wasm') return v;
    const t = this.copyIn(v);
    this.#copyBack.push(() => copyColumns(t, v));
    return t;
  }

  /** A vector as a kernel operand: in place on the JS backend, copied in (and back with `out`) on wasm. */
  vec(x: Float64Array, out = false): F64Ref {
    if (this.be.name === 'js') return new JsStore(x);
    const s = this.f64(x.length);
    s.array().set(x, s.offset);
    if (out) this.#copyBack.push(() => x.set(s.array().subarray(s.offset, s.offset + x.length)));
    return s;
  }

  /** An int32 vector as a kernel operand, as {@link vec}. */
  ivec(x: Int32Array, out = false): I32Ref {
    if (this.be.name === 'js') return new JsI32Store(x);
    const s = this.be.i32(x.length);
    this.#free.push(s);
    s.array().set(x, s.offset);
    if (out) this.#copyBack.push(() => x.set(s.array().subarray(s.offset, s.offset + x.length)));
    return s;
  }

  /** Writes outputs back (when `ok`), then frees everything still owned, newest first. */
  close(ok: boolean): void {
    const copies = this.#copyBack;
    const owned = this.#free;
    this.#copyBack = [];
    this.#free = [];
    try {
      if (ok) for (const c of copies) c();
    } finally {
      for (let i = owned.length - 1; i >= 0; i--) {
        const x = owned[i]!;
        if ('dispose' in x) x.dispose();
        else x.free();
      }
    }
  }

  private copyIn(v: View): View {
    const ld = Math.max(1, v.rows);
    const t: View = { store: this.f64(ld * v.cols), rows: v.rows, cols: v.cols, ld };
    copyColumns(v, t);
    return t;
  }
}

/** Runs `f` in a fresh scope and closes it, whatever happens. */
export function scoped<T>(f: (s: Scope) => T): T {
  const s = new Scope();
  let ok = false;
  try {
    const r = f(s);
    ok = true;
    return r;
  } finally {
    s.close(ok);
  }
}

/** Copies a view's entries into another of the same shape, column by column. */
export function copyColumns(src: View, dst: View): void {
  if (src.rows === 0 || src.cols === 0) return;
  const a = src.store.array();
  const b = dst.store.array();
  const so = src.store.offset;
  const d = dst.store.offset;
  if (src.ld === src.rows && dst.ld === dst.rows) {
    b.set(a.subarray(so, so + src.rows * src.cols), d);
    return;
  }
  if (a === b) {
    // One buffer (both in linear memory): copyWithin makes no subarray object per column.
    for (let j = 0; j < src.cols; j++) {
      const o = so + j * src.ld;
      b.copyWithin(d + j * dst.ld, o, o + src.rows);
    }
    return;
  }
  for (let j = 0; j < src.cols; j++) {
    const o = so + j * src.ld;
    b.set(a.subarray(o, o + src.rows), d + j * dst.ld);
  }
}
