/**
 * Four projects run the same suites: `node` (Node's V8; the Node version is whichever binary runs
 * vitest), `chromium` (headless Chromium through Playwright, the system browser at /usr/bin/chromium),
 * `firefox` (headless Firefox ESR over WebDriver BiDi) and `webkit` (WebKitGTK's MiniBrowser, Safari's
 * engine, on an Xvfb display); the last two through the providers of test/browser/providers.ts.
 * test/engines.mjs runs them one after the other and skips, loudly, a browser that is not installed.
 *
 * Two more, `node-relaxed` and `chromium-relaxed`, run the relaxed-SIMD build (fused multiply-adds, not
 * bit-identical to the JS backend): the API suites with the library on that build (`provide`
 * wasmBuild: 'relaxed', read by test/util/engines.ts; onBoth then compares shapes, and the suites'
 * scaled ratios and exact properties must hold whether the engine fuses or not) and test/kernels/relaxed/.
 * Node 20 validates relaxed SIMD only with --experimental-wasm-relaxed-simd, which Node ≥ 22 rejects
 * as a bad option: the flag is added where the engine running this config needs it. Everywhere else
 * the library runs on the SIMD build (`init({ fma: false })`), bit for bit against the JS backend.
 *
 * Suites that need something an engine may lack skip themselves by capability, so every project
 * includes the same files: the ≥ 2 GiB pointer test needs Node's fs and a 2.1 GiB memory (isNode),
 * the FinalizationRegistry tests need gc() (exposed in Node and Chromium only), the concurrent-init
 * tests need vi.resetModules to reload the library (Node only).
 *
 * The loader finds the .wasm with `new URL('../build/…', import.meta.url)`: in Node that is a file
 * URL read from disk, in the browser a URL on vite's dev server, which serves the repository root
 * (build/ included) without extra `server.fs` settings.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { firefox, webkit, webkitThreads } from './browser/providers.js';

const include = ['test/**/*.test.ts'];
const exclude = ['test/smoke/**', 'node_modules/**', 'test/kernels/relaxed/**'];
/** The examples are Node scripts (node:fs, process); they run in the node project only. */
const browserExclude = [...exclude, 'test/examples/**'];
/** The relaxed projects: the public API's suites and the relaxed build's kernel suite. */
const relaxedInclude = ['test/api/**/*.test.ts', 'test/kernels/relaxed/**/*.test.ts'];
const relaxedExclude = ['test/smoke/**', 'node_modules/**'];
/** The thread-pool suites (the `webkit-threads` project). */
const threadsInclude = ['test/kernels/threads/**/*.test.ts', 'test/core/threads/**/*.test.ts'];

/** f64x2.relaxed_madd of three splats (the loader's probe, bindings/loader.ts). */
const RELAXED_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 19, 1, 17, 0, 65, 0, 253, 15, 65, 0, 253, 15,
  65, 0, 253, 15, 253, 135, 2, 11,
]);
const relaxedFlag = WebAssembly.validate(RELAXED_PROBE) ? [] : ['--experimental-wasm-relaxed-simd'];
const chromiumProvider = () =>
  playwright({
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // --expose-gc: gc() for the FinalizationRegistry test (test/api/matrix/dispose.test.ts).
      args: ['--disable-gpu', '--disable-quic', '--js-flags=--expose-gc'],
    },
  });

/** The two headers that make a page cross-origin isolated (`crossOriginIsolated`, SharedArrayBuffer). */
const ISOLATION_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/**
 * A browser project: the suites (by default those of the node project but the examples) in
 * `browser` through `provider`, headless unless said otherwise.
 */
function inBrowser(
  browser: 'chromium' | 'firefox' | 'webkit',
  provider: ReturnType<typeof chromiumProvider> | ReturnType<typeof firefox> | ReturnType<typeof webkit>,
  o: { name?: string; include?: string[]; exclude?: string[]; provide?: Record<string, string | boolean>; headless?: boolean } = {},
) {
  return {
    // threads (issue 12): the test page is cross-origin isolated, so SharedArrayBuffer exists and the
    // library runs its threaded build there (a page without these headers falls back to one thread).
    server: { headers: ISOLATION_HEADERS },
    test: {
      name: o.name ?? browser,
      include: o.include ?? include,
      exclude: o.exclude ?? browserExclude,
      ...(o.provide !== undefined ? { provide: o.provide } : {}),
      testTimeout: 60_000,
      hookTimeout: 60_000,
      browser: {
        enabled: true,
        headless: o.headless ?? true,
        screenshotFailures: false,
        provider,
        instances: [{ browser }],
      },
    },
  };
}

export default defineConfig({
  // The repository root (this file lives in test/): test paths and the dev server's files are relative to it.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    projects: [
      {
        // The examples (examples/*.mjs, test/examples/) import the package by its name, as a user
        // would: here that is the source.
        resolve: { alias: { 'wasm-linalg': fileURLToPath(new URL('../bindings/index.ts', import.meta.url)) } },
        test: {
          name: 'node',
          environment: 'node',
          include,
          exclude,
          // gc() for the FinalizationRegistry test (test/api/matrix/dispose.test.ts).
          execArgv: ['--expose-gc'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      inBrowser('chromium', chromiumProvider()),
      {
        test: {
          name: 'node-relaxed',
          environment: 'node',
          include: relaxedInclude,
          exclude: relaxedExclude,
          provide: { wasmBuild: 'relaxed' },
          execArgv: ['--expose-gc', ...relaxedFlag],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      inBrowser('chromium', chromiumProvider(), { name: 'chromium-relaxed', include: relaxedInclude, exclude: relaxedExclude, provide: { wasmBuild: 'relaxed' } }),
      inBrowser('firefox', firefox()),
      {
        // JavaScriptCore 2.50 does not parse `using` (nor define Symbol.dispose) unless
        // JSC_useExplicitResourceManagement=true, which is deliberately not set: the test files are
        // lowered to ES2022 instead (oxc's `using` helper falls back to Symbol.for('Symbol.dispose'),
        // the key the library uses there), and the library itself must run as shipped.
        ...inBrowser('webkit', webkit(), { headless: false }), // MiniBrowser has no headless mode; it runs on its own Xvfb display
        oxc: { target: 'es2022' },
      },
      {
        // The thread-pool suites on JavaScriptCore with SharedArrayBuffer on (see webkitThreads): threads
        // must start there (threadsRequired), so a fallback to one thread fails instead of skipping.
        ...inBrowser('webkit', webkitThreads(), { name: 'webkit-threads', include: threadsInclude, provide: { threadsRequired: true }, headless: false }),
        oxc: { target: 'es2022' },
      },
    ],
  },
});
