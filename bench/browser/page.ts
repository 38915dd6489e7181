/**
 * The browser benchmark's page script, bundled by bench/browser/run.ts with esbuild. It runs the Node
 * benchmark's own suites (bench/cases, bench/runner.ts, bench/timing.ts) in the page; the bundler maps
 * `bindings/index.js` to the built package's `/dist/index.js`, which the page imports as served, and
 * which loads `/build/*.wasm` itself — so what is measured is what a user's page gets from the package.
 *
 * The driver calls `window.runBench(request)` and receives the suites' results; every measured cell
 * is also reported through `window.benchLog(line)` (a function the driver exposes) as it finishes.
 */
import './prelude.js'; // first: Benchmark.js reads the globals it sets when it loads
import { getTuning, init, type Tuning } from '../../bindings/index.js';
import { suites } from '../cases/index.js';
import type { SuiteOptions } from '../cases/types.js';
import { progressLine, runSuite } from '../runner.js';
import type { SuiteResult } from '../results.js';
import type { TimingOptions } from '../timing.js';

/** What the driver asks for. */
export interface PageRequest {
  quick: boolean;
  /** Suite names to run, or null for all. */
  only: string[] | null;
  sizes: number[] | null;
  timing: TimingOptions;
}

/** What the page hands back. */
export interface PageResult {
  wasm: { build: string | null; tuning: Tuning | null };
  userAgent: string;
  crossOriginIsolated: boolean;
  suites: SuiteResult[];
}

declare global {
  interface Window {
    runBench(req: PageRequest): Promise<PageResult>;
    benchLog?: (line: string) => Promise<void>;
  }
}

function log(line: string): void {
  void window.benchLog?.(line);
}

window.runBench = async (req: PageRequest): Promise<PageResult> => {
  const loaded = await init();
  const wasm = { build: loaded.wasm, tuning: loaded.wasm !== null ? getTuning() : null };
  log(`page: wasm build ${loaded.wasm ?? 'none'}, cross-origin isolated: ${crossOriginIsolated}`);
  const o: SuiteOptions = { quick: req.quick, sizes: req.sizes };
  const results: SuiteResult[] = [];
  for (const s of suites) {
    if (req.only !== null && !req.only.includes(s.name)) continue;
    log(s.title);
    results.push(await runSuite(s, o, req.timing, { onCell: (...a) => log(progressLine(...a)) }));
  }
  return { wasm, userAgent: navigator.userAgent, crossOriginIsolated, suites: results };
};
