/**
 * `tidy` and `keep`: memory scopes for user code (tfjs's semantics).
 *
 *   const y = tidy(() => {
 *     const C = A.matmul(B);          // disposed when the callback returns …
 *     return C.add(A).scale(2);       // … except what it returns
 *   });
 *
 * Every matrix made while a `tidy` callback runs (by the library or by the callback) belongs to the
 * innermost tidy; when the callback returns, all of them are disposed except those in its return
 * value (a matrix, or arrays and plain objects holding matrices, searched recursively) and those passed
 * to {@link keep}. What a nested tidy returns moves up to the enclosing one. If the callback throws,
 * everything made inside is disposed and the error propagates. The callback must be synchronous:
 * returning a Promise is a TypeError (an `await` would let other code run inside the scope).
 *
 * The alternative for a single value is `dispose()` (or `using`); results that hold several matrices
 * (`svd`, `eigh`, `qr`, …) have a `dispose()` of their own that frees all of them.
 */

import { DISPOSE } from './dispose.js';

/** Anything with a `dispose()` (matrices, factorisations, results). */
export interface Owned {
  dispose(): void;
}

const stack: Set<Owned>[] = [];
const kept = new WeakSet<Owned>();

/** @internal Called by every owning constructor: the object joins the innermost tidy, if any. */
export function track(x: Owned): void {
  if (stack.length === 0) return; // the common case: no tidy running (and no out-of-bounds read)
  if (!kept.has(x)) stack[stack.length - 1]!.add(x);
}

/** @internal Called by dispose(): the object leaves its tidy (so long loops inside one tidy stay small). */
export function untrack(x: Owned): void {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.delete(x)) return;
}

/**
 * Keeps `x` (a Matrix, a factorisation or a result) out of every enclosing {@link tidy}: it lives
 * until disposed. Returns `x`.
 *
 * @example
 * ```ts
 * let best: Matrix | null = null;
 * tidy(() => {
 *   const C = A.matmul(B);
 *   best = keep(C.scale(2)); // survives the tidy without being returned
 * });
 * ```
 */
export function keep<
  T extends {
    /** Frees what the object holds. */
    dispose(): void;
  },
>(x: T): T {
  if (x === null || typeof x !== 'object' || typeof (x as Partial<Owned>).dispose !== 'function') {
    throw new TypeError('keep: expected a Matrix (or another object with a dispose() method)');
  }
  kept.add(x);
  untrack(x);
  return x;
}

/**
 * Runs `fn` (synchronous), then disposes every matrix made while it ran except those in its return
 * value (a matrix, or arrays and plain objects holding matrices) and those passed to {@link keep}.
 * What a nested tidy returns moves to the enclosing one; if `fn` throws, everything made inside is
 * disposed and the error propagates. A returned Promise is a TypeError.
 *
 * @example
 * ```ts
 * const y = tidy(() => {
 *   const C = A.matmul(B); // disposed when the callback returns …
 *   return C.add(A);       // … except what it returns
 * });
 * ```
 */
export function tidy<T>(fn: () => T): T;
/** The same, with a name for the scope (ignored; tfjs's signature). */
export function tidy<T>(name: string, fn: () => T): T;
export function tidy<T>(a: string | (() => T), b?: () => T): T {
  const fn = typeof a === 'function' ? a : b;
  if (typeof fn !== 'function') throw new TypeError('tidy: expected a function');
  const scope = new Set<Owned>();
  stack.push(scope);
  let result: T;
  try {
    result = fn();
  } catch (e) {
    stack.pop();
    disposeAll(scope);
    throw e;
  }
  stack.pop();
  if (result instanceof Promise || (typeof (result as { then?: unknown })?.then === 'function')) {
    disposeAll(scope);
    throw new TypeError('tidy: the function returned a Promise; tidy takes a synchronous function');
  }
  const survivors = new Set<Owned>();
  collect(result, survivors, 0);
  for (const x of survivors) scope.delete(x);
  disposeAll(scope);
  // What survives belongs to the enclosing tidy now.
  const outer = stack[stack.length - 1];
  if (outer !== undefined) for (const x of survivors) if (!kept.has(x)) outer.add(x);
  return result;
}

function disposeAll(scope: Set<Owned>): void {
  let first: unknown = null;
  for (const x of [...scope]) {
    try {
      x.dispose();
    } catch (e) {
      first ??= e;
    }
  }
  scope.clear();
  if (first !== null) throw first;
}

/** Owned objects in a returned value: itself, or inside arrays and plain objects (depth-limited). */
function collect(v: unknown, out: Set<Owned>, depth: number): void {
  if (v === null || typeof v !== 'object' || depth > 8) return;
  if (typeof (v as Partial<Owned>).dispose === 'function') out.add(v as Owned);
  if (ArrayBuffer.isView(v)) return;
  if (Array.isArray(v)) {
    for (const x of v) collect(x, out, depth + 1);
    return;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto === Object.prototype || proto === null || typeof (v as Partial<Owned>).dispose === 'function') {
    for (const k of Object.keys(v)) collect((v as Record<string, unknown>)[k], out, depth + 1);
  }
}

/** dispose() of a result object: every owned value in it, nested arrays and plain objects included. */
function disposeResult(this: object): void {
  for (const k of Object.keys(this)) disposeIn((this as Record<string, unknown>)[k], 1);
}

/** Disposes the owned values in v (as {@link collect} finds them; a value met twice is disposed twice, which dispose() allows). */
function disposeIn(v: unknown, depth: number): void {
  if (v === null || typeof v !== 'object' || depth > 8 || ArrayBuffer.isView(v)) return;
  if (typeof (v as Partial<Owned>).dispose === 'function') {
    (v as Owned).dispose();
    return;
  }
  if (Array.isArray(v)) {
    for (const x of v) disposeIn(x, depth + 1);
    return;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto === Object.prototype || proto === null) for (const k of Object.keys(v)) disposeIn((v as Record<string, unknown>)[k], depth + 1);
}

/**
 * The prototype of result objects: `dispose()` and `[Symbol.dispose]()` (keyed by core/dispose.ts's
 * DISPOSE where the engine lacks the symbol), both non-enumerable (a result's own keys are its
 * fields only).
 */
const resultProto: object = Object.create(Object.prototype, {
  dispose: { value: disposeResult, enumerable: false, configurable: true, writable: true },
  [DISPOSE]: { value: disposeResult, enumerable: false, configurable: true, writable: true },
});

/**
 * A result object with `dispose()` and `[Symbol.dispose]()` that dispose every owned value in it,
 * nested objects included: the fields of `result` on an object whose prototype carries the two
 * methods (one shared prototype, not two properties defined on every result: that cost more than a
 * 2×2 eigendecomposition).
 */
export function disposableResult<T extends object>(result: T): T & DisposableResult {
  return Object.assign(Object.create(resultProto) as object, result) as T & DisposableResult;
}

/**
 * @internal The base of result classes built on hot paths (bindings/api/small.ts): the same
 * `dispose()` and `[Symbol.dispose]()` as {@link disposableResult}'s objects (non-enumerable, every
 * owned value in the own fields), with the fields set by the subclass's constructor — a fixed shape,
 * without disposableResult's copy into a fresh object (a sixth of a 2×2 svd's time). A subclass may
 * override `dispose()` with the disposal of its own fields (no scan of the keys); `[Symbol.dispose]()` calls it.
 */
export class ResultObject {
  /** Disposes every owned value in the result (as disposableResult's objects do). */
  dispose(): void {
    disposeResult.call(this);
  }

  /** The same as `dispose()`. */
  [DISPOSE](): void {
    this.dispose();
  }
}

/**
 * A result object holding matrices: `dispose()` (or `using`) frees all of them at once.
 *
 * @example
 * ```ts
 * const r = svd(A);          // an SvdResult, which extends DisposableResult
 * console.log(r.s[0]);
 * r.dispose();               // frees r.U and r.Vt together
 * ```
 */
export interface DisposableResult {
  /** Disposes every matrix in the result. Safe to call twice. */
  dispose(): void;
  /** The same as `dispose()`, for `using` declarations. */
  [Symbol.dispose](): void;
}

// The shipped .d.ts must compile for a consumer whose lib lacks ESNext.Disposable (`lib: ["es2022"]`
// without @types/node): `Matrix implements Disposable` and the `[Symbol.dispose]` members name these
// two globals. They are declared here exactly as TypeScript's lib.esnext.disposable.d.ts and
// @types/node's compatibility/disposable.d.ts declare them, so they merge with either (a property
// redeclared in a merged interface keeps one `unique symbol`). Types only: at run time the library
// never reads Symbol.dispose unless the engine has it (Safari has not: see disposableResult above).
declare global {
  interface SymbolConstructor {
    /** The well-known symbol that keys the method a `using` declaration calls at the end of its scope. */
    readonly dispose: unique symbol;
  }
  /** An object that `using` can dispose of: it has a `[Symbol.dispose]()` method. */
  interface Disposable {
    [Symbol.dispose](): void;
  }
}
