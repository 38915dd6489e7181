/**
 * The key of the library's `[Symbol.dispose]()` methods, chosen once when the library loads.
 *
 * Where the engine has `Symbol.dispose` (Node ≥ 20, Chromium, Firefox) it is that symbol. Where it
 * does not — JavaScriptCore, i.e. Safari, defines it only behind a flag — it is
 * `Symbol.for('Symbol.dispose')`: the key under which down-levelled `using` looks for the method when
 * the engine lacks the symbol (esbuild's `__using`, Babel's and oxc's `usingCtx`), and the value
 * core-js's polyfill gives `Symbol.dispose`. (TypeScript's own `using` helper throws without the global
 * symbol; an application that polyfills it with `Symbol.dispose ??= Symbol.for('Symbol.dispose')`
 * matches this key.) A class member written `[Symbol.dispose]()` would evaluate the missing symbol
 * when the class is defined and name the method "undefined".
 *
 * The library reads the global symbol but never defines or changes it (a global polyfill is the
 * application's call, and a side-effect-only import would be dropped by bundlers under the package's
 * `"sideEffects": false`). Nothing in the library needs the symbol: `dispose()` works in every engine.
 *
 * @example
 *   class Owner {
 *     dispose(): void {}
 *     [DISPOSE](): void { this.dispose(); } // typed as [Symbol.dispose]: `using x = new Owner()` type-checks
 *   }
 *
 * Kept in the type declarations (not marked internal): the shipped `.d.ts` declares the methods as
 * `[DISPOSE](): void`, which needs this declaration (typed `typeof Symbol.dispose`, so those methods
 * implement `Disposable`). The module is not reachable through the package's `exports`.
 */
export const DISPOSE: typeof Symbol.dispose = ((Symbol as { dispose?: symbol }).dispose ??
  Symbol.for('Symbol.dispose')) as typeof Symbol.dispose;
