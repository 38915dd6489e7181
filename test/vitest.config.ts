/**
 * Two projects run the same suites: `node` (Node's V8) and `chromium` (headless Chromium through
 * Playwright, the system browser at /usr/bin/chromium). `npm test` runs them one after the other.
 * There the library runs on the SIMD build (`init({ fma: false })`), bit for bit against the JS backend.
 *
 * Two more, `node-relaxed` and `chromium-relaxed`, run the relaxed-SIMD build (fused multiply-adds, not
 * bit-identical to the JS backend): the API suites with the library on that build (`provide`
 * wasmBuild: 'relaxed', read by test/util/engines.ts; onBoth then compares shapes, and the suites'
 * scaled ratios and exact properties must hold whether the engine fuses or not) and test/kernels/relaxed/.
 * Node 20 validates relaxed SIMD only with --experimental-wasm-relaxed-simd, which Node ≥ 22 rejects
 * as a bad option: the flag is added where the engine running this config needs it.
 *
 * Suites that only make sense in one environment (the ≥ 2 GiB pointer test, which needs a 2.1 GiB
 * memory) skip themselves at runtime, so both projects include the same files.
 *
 * The loader finds the .wasm with `new URL('../build/…', import.meta.url)`: in Node that is a file
 * URL read from disk, in the browser a URL on vite's dev server, which serves the repository root
 * (build/ included) without extra `server.fs` settings.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';

const include = ['test/**/*.test.ts'];
const exclude = ['test/smoke/**', 'node_modules/**', 'test/kernels/relaxed/**'];
/** The relaxed projects: the public API's suites and the relaxed build's kernel suite. */
const relaxedInclude = ['test/api/**/*.test.ts', 'test/kernels/relaxed/**/*.test.ts'];
const relaxedExclude = ['test/smoke/**', 'node_modules/**'];

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

export default defineConfig({
  // The repository root (this file lives in test/): test paths and the dev server's files are relative to it.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    projects: [
      {
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
      {
        test: {
          name: 'chromium',
          include,
          exclude,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: chromiumProvider(),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
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
      {
        test: {
          name: 'chromium-relaxed',
          include: relaxedInclude,
          exclude: relaxedExclude,
          provide: { wasmBuild: 'relaxed' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: chromiumProvider(),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
