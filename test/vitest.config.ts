/**
 * Two projects run the same suites: `node` (Node's V8) and `chromium` (headless Chromium through
 * Playwright, the system browser at /usr/bin/chromium). `npm test` runs them one after the other.
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
const exclude = ['test/smoke/**', 'node_modules/**'];

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
            provider: playwright({
              launchOptions: {
                executablePath: '/usr/bin/chromium',
                // --expose-gc: gc() for the FinalizationRegistry test (test/api/matrix/dispose.test.ts).
                args: ['--disable-gpu', '--disable-quic', '--js-flags=--expose-gc'],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
