/**
 * The browser benchmark: `npm run bench:browser` (= npm run build, then `tsx bench/browser/run.ts`).
 *
 *   tsx bench/browser/run.ts [--quick] [--only gemm,syrk] [--sizes 64,256] [--max-time 0.75]
 *                            [--engine chromium] [--browser /usr/bin/chromium] [--out bench/results/browser-<engine>]
 *
 * Runs the Node benchmark's suites (bench/cases) in headless Chromium through the BUILT package:
 * bench/browser/page.ts is bundled with esbuild (ml-matrix and Benchmark.js inside it), its import of
 * the library mapped to `/dist/index.js`; a local HTTP server on 127.0.0.1 serves the page, the bundle,
 * `dist/` and `build/*.wasm` (application/wasm, and COOP/COEP headers so the page is cross-origin isolated
 * and performance.now() ticks in 5 µs rather than 100 µs); Playwright drives /usr/bin/chromium, the page
 * returns the suites' results, and this process writes `<out>.md`, `<out>.json` and `<out>-<suite>.svg`
 * with the report and chart code of the Node benchmark. Columns: WASM, JS, ml-matrix (and plain JS in
 * the small suite); no numpy (none in a browser). Firefox is not supported here: Playwright's Firefox
 * needs its own patched build, which cannot be downloaded on this machine (shared/NOTES.md).
 */
import os from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Plugin } from 'esbuild';
import { chromium } from 'playwright';
import { suites } from '../cases/index.js';
import { FULL_TIMING, QUICK_TIMING } from '../timing.js';
import { selection, UsageError } from '../options.js';
import { git, loadProbe, otherLoad } from '../host.js';
import { writeReport, type Report } from '../report.js';
import { writeCharts } from '../charts.js';
import type { PageRequest, PageResult } from './page.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ENGINES = ['chromium'] as const;
/** Flags beyond Playwright's own headless set: no GPU, no QUIC, nothing phoning home (this machine has no network). */
const CHROMIUM_ARGS = ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const USAGE = `usage: npm run bench:browser -- [options]
  --quick              fewer sizes and shorter sampling
  --only <names>       comma-separated suites: ${suites.map((s) => s.name).join(', ')}
  --sizes <list>       comma-separated square sizes for the square suites
  --max-time <s>       Benchmark.js maxTime per measurement (default ${FULL_TIMING.maxTime}, quick ${QUICK_TIMING.maxTime})
  --rounds <n>         measure each case's columns in turn n times, samples pooled (default ${FULL_TIMING.rounds}, quick ${QUICK_TIMING.rounds})
  --engine <name>      ${ENGINES.join(', ')} (default chromium)
  --browser <path>     the browser's executable (default /usr/bin/chromium)
  --out <path>         output path without extension (default bench/results/browser-<engine>)
  --help`;


function parse() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        only: { type: 'string' },
        sizes: { type: 'string' },
        'max-time': { type: 'string' },
    rounds: { type: 'string' },
        engine: { type: 'string', default: 'chromium' },
        browser: { type: 'string', default: '/usr/bin/chromium' },
        out: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!(ENGINES as readonly string[]).includes(values.engine)) throw new UsageError(`--engine: ${values.engine} is not supported; supported: ${ENGINES.join(', ')}`);
  const { only, sizes, timing } = selection(values);
  return {
    request: { quick: values.quick, only, sizes, timing } satisfies PageRequest,
    engine: values.engine,
    browser: values.browser,
    out: values.out ?? join(root, 'bench', 'results', `browser-${values.engine}`),
  };
}

function log(s: string): void {
  process.stderr.write(s + '\n');
}

/**
 * The page script as one ES module: bench/cases and their peers bundled, the library left as an import
 * of the built package (`/dist/index.js`). Any other import of bindings/ would bypass the package: an error.
 */
async function bundle(): Promise<string> {
  const bindings = join(root, 'bindings') + sep;
  const toDist: Plugin = {
    name: 'library-from-dist',
    setup(b) {
      b.onResolve({ filter: /bindings\// }, (args) => {
        const path = normalize(join(args.resolveDir, args.path));
        if (!path.startsWith(bindings)) return undefined;
        if (path === join(root, 'bindings', 'index.js')) return { path: '/dist/index.js', external: true };
        return { errors: [{ text: `${args.importer} imports ${args.path}: the browser benchmark uses the package's public entry only` }] };
      });
    },
  };
  const out = await build({
    entryPoints: [join(root, 'bench', 'browser', 'page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    // package.json says "sideEffects": false (true of the library); the bench's prelude.ts is all side effect.
    ignoreAnnotations: true,
    plugins: [toDist],
  });
  return out.outputFiles[0]!.text;
}

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>wasm-linalg benchmark</title></head>
<body><p>wasm-linalg benchmark: driven by bench/browser/run.ts</p><script type="module" src="/bench.js"></script></body></html>
`;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

/** Serves the page, the bundle, dist/ and build/*.wasm (nothing else) on 127.0.0.1, cross-origin isolated. */
async function serve(script: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cache-Control': 'no-store' };
    let body: string | Buffer | null = null;
    let type = 'text/plain';
    if (path === '/favicon.ico') {
      res.writeHead(204, headers).end();
      return;
    }
    if (path === '/') [body, type] = [PAGE, 'text/html; charset=utf-8'];
    else if (path === '/bench.js') [body, type] = [script, TYPES['.js']!];
    else if (/^\/(dist\/[\w./-]+\.(js|map)|build\/[\w.-]+\.wasm)$/.test(path) && !path.includes('..')) {
      const file = join(root, path);
      if (existsSync(file)) [body, type] = [readFileSync(file), TYPES[extname(file)]!];
    }
    if (body === null) {
      res.writeHead(404, headers).end(`not found: ${path}`);
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('server: no port');
  return { server, url: `http://127.0.0.1:${addr.port}/` };
}

async function main(): Promise<void> {
  const args = parse();
  for (const f of ['dist/index.js', 'build/wasm-linalg.simd.wasm']) {
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run \`npm run build\` first (npm run bench:browser does)`);
  }
  if (!existsSync(args.browser)) throw new Error(`${args.browser} not found (apt-get install -y chromium, or --browser <path>)`);
  const t0 = performance.now();
  const load0 = os.loadavg();
  const cpus = os.cpus();
  const before = loadProbe();
  await new Promise((r) => setTimeout(r, 500));
  const busy = otherLoad(before);
  const notes: string[] = [];
  if (busy > 0.25) {
    const msg = `${(busy * 100).toFixed(0)} % of the CPU (${cpus.length} cores) was busy with other work just before the run: figures may be low`;
    notes.push(msg);
    log(`warning: ${msg}`);
  }

  const script = await bundle();
  const { server, url } = await serve(script);
  const browser = await chromium.launch({ executablePath: args.browser, args: CHROMIUM_ARGS });
  let result: PageResult;
  let version: string;
  try {
    version = browser.version();
    log(`wasm-linalg browser bench (${args.request.quick ? 'quick' : 'full'}): ${args.engine} ${version}, ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores`);
    const page = await browser.newPage();
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') log(`page ${m.type()}: ${m.text()}`);
    });
    await page.exposeFunction('benchLog', (line: string) => log(line));
    await page.goto(url);
    await page.waitForFunction(() => typeof window.runBench === 'function');
    result = await page.evaluate((req) => window.runBench(req), args.request);
  } finally {
    await browser.close();
    server.close();
  }
  if (!result.crossOriginIsolated) notes.push('the page was not cross-origin isolated: performance.now() had 100 µs steps');
  if (result.wasm.build !== 'simd') notes.push(`the ${result.wasm.build ?? 'missing'} wasm build was loaded, not the SIMD one`);

  const report: Report = {
    meta: {
      date: new Date().toISOString(),
      mode: args.request.quick ? 'quick' : 'full',
      argv: process.argv.slice(2),
      durationS: (performance.now() - t0) / 1e3,
      machine: {
        cpu: cpus[0]?.model ?? 'unknown',
        cores: cpus.length,
        memGiB: os.totalmem() / 2 ** 30,
        os: `${os.type()} ${os.release()} ${os.arch()}`,
        loadavgStart: load0,
        busyAtStartPct: Math.round(busy * 100),
        busyDuringPct: null,
        loadavgEnd: os.loadavg(),
      },
      node: { version: process.version, v8: process.versions.v8 },
      engine: { name: args.engine, version, userAgent: result.userAgent, crossOriginIsolated: result.crossOriginIsolated, args: CHROMIUM_ARGS },
      wasm: result.wasm,
      git: git(),
      timing: args.request.timing,
      numpy: {},
    },
    notes,
    suites: result.suites,
  };
  const files = writeReport(report, args.out);
  log(`done in ${report.meta.durationS.toFixed(0)} s: ${files.md}, ${files.json}`);
  const charts = await writeCharts(report, args.out);
  log(`charts: ${charts.length} SVG files, ${args.out}-<suite>.svg`);
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) console.error(`${e.message}\n${USAGE}`);
  else console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
