/**
 * The benchmark driver: `npm run bench` (= asbuild, then `tsx bench/run.ts`).
 *
 *   tsx bench/run.ts [--quick] [--only gemm,syrk] [--sizes 64,256] [--no-numpy] [--python python3]
 *                    [--max-time 0.75] [--build simd|relaxed|scalar] [--out bench/results/latest]
 *
 * The WASM column runs the build init() picks (relaxed where the engine has relaxed SIMD, else SIMD)
 * unless --build names one. SIMD vs relaxed: run twice into two --out files, e.g.
 *   npm run bench -- --only gemm --build simd --out bench/results/gemm-simd
 *   npm run bench -- --only gemm --build relaxed --out bench/results/gemm-relaxed
 * (Node 20: `node --experimental-wasm-relaxed-simd --import tsx bench/run.ts --build relaxed …`; the
 * flag is not allowed in NODE_OPTIONS.) The loaded build is in the header of both reports.
 *
 * Runs every selected suite (bench/cases/index.ts) case by case and column by column in this process,
 * then the numpy columns in python3 children (bench/peers/numpy.ts), one at a time; prints a line per
 * finished measurement; writes <out>.md and <out>.json (default bench/results/latest.*, overwritten),
 * then one SVG chart per suite, <out>-<suite>.svg (bench/charts.ts).
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { init, relaxedSimdSupported } from '../bindings/index.js';
import { backendNamed } from '../bindings/core/backend.js';
import { suites } from './cases/index.js';
import type { SuiteOptions } from './cases/types.js';
import { FULL_TIMING, QUICK_TIMING, type TimingOptions } from './timing.js';
import { selection, UsageError } from './options.js';
import { progressLine, runSuite, type LoadMeter } from './runner.js';
import { git, loadProbe, otherLoad } from './host.js';
import { NUMPY_COLUMNS, runNumpyColumn, type NumpyJob } from './peers/numpy.js';
import { NUMPY_2T_COLUMNS, THREADED_SUITES, withThreadColumns } from './threads.js';
import { writeCharts } from './charts.js';
import { writeReport, type Cell, type Meta, type Report, type SuiteResult } from './report.js';

const FULL = FULL_TIMING;
const QUICK = QUICK_TIMING;

const USAGE = `usage: tsx bench/run.ts [options]
  --quick              fewer sizes and shorter sampling (~20 s)
  --only <names>       comma-separated suites: ${suites.map((s) => s.name).join(', ')}
  --sizes <list>       comma-separated square sizes for the square suites (gemm, syrk)
  --no-numpy           skip the numpy columns
  --python <cmd>       python interpreter for the numpy peer (default: python3, or $BENCH_PYTHON)
  --max-time <s>       Benchmark.js maxTime per measurement (default ${FULL.maxTime}, quick ${QUICK.maxTime})
  --rounds <n>         measure each case's columns in turn n times, samples pooled (default ${FULL_TIMING.rounds}, quick ${QUICK_TIMING.rounds})
  --build <name>       the wasm build: simd, relaxed (fused multiply-adds) or scalar; default: init()'s choice
  --out <path>         output path without extension (default bench/results/latest)
  --help`;


function parse() {
  const options = {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    sizes: { type: 'string' },
    'no-numpy': { type: 'boolean', default: false },
    python: { type: 'string' },
    'max-time': { type: 'string' },
    rounds: { type: 'string' },
    build: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  } as const;
  let parsed;
  try {
    parsed = parseArgs({ options, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const { only, sizes, timing } = selection(values);
  const build = values.build ?? null;
  if (build !== null && build !== 'simd' && build !== 'relaxed' && build !== 'scalar') {
    throw new UsageError(`--build: expected simd, relaxed or scalar, got ${build}`);
  }
  if (build === 'relaxed' && !relaxedSimdSupported()) {
    throw new UsageError(`--build relaxed: Node ${process.version} has no relaxed SIMD (Node 20: run node --experimental-wasm-relaxed-simd --import tsx bench/run.ts …)`);
  }
  return {
    build,
    quick: values.quick,
    only,
    sizes,
    numpy: !values['no-numpy'],
    python: values.python ?? process.env['BENCH_PYTHON'] ?? 'python3',
    timing,
    out: values.out ?? fileURLToPath(new URL('./results/latest', import.meta.url)),
  };
}

function log(s: string): void {
  process.stderr.write(s + '\n');
}

/** The runner's per-cell load meter: other processes' share of the CPU over one measurement. */
const nodeLoad: LoadMeter<ReturnType<typeof loadProbe>> = { start: loadProbe, share: otherLoad };

function progress(suite: string, caseId: string, col: string, cell: Cell, flops: number): void {
  log(progressLine(suite, caseId, col, cell, flops));
}

async function main(): Promise<void> {
  const args = parse();
  const t0 = performance.now();
  const load0 = os.loadavg();
  const cpus = os.cpus();
  const cores = cpus.length;
  // threads (issue 12): a pool of 2 threads for the 2-thread columns (bench/threads.ts).
  const loaded = await init({ threads: 2, ...(args.build === null ? {} : { simd: args.build !== 'scalar', fma: args.build === 'relaxed' }) });
  const wasmBackend = backendNamed('wasm');
  log(`wasm-linalg bench (${args.quick ? 'quick' : 'full'}): ${cpus[0]?.model ?? 'unknown CPU'}, ${cores} cores, Node ${process.version}, wasm build: ${loaded.wasm ?? 'none'}, ${loaded.threads} thread(s)${loaded.threadsNote !== null ? ` (${loaded.threadsNote})` : ''}`);
  const notes: string[] = [];
  const before = loadProbe();
  await new Promise((r) => setTimeout(r, 500));
  const busy = otherLoad(before);
  if (busy > 0.25) {
    const msg = `${(busy * 100).toFixed(0)} % of the CPU (${cores} cores) was busy with other work just before the run: figures may be low`;
    notes.push(msg);
    log(`warning: ${msg}`);
  }
  const during = loadProbe();
  if (loaded.wasm !== 'simd' && loaded.wasm !== 'relaxed') notes.push(`the ${loaded.wasm ?? 'missing'} wasm build was loaded, not a SIMD one`);
  if (loaded.wasm === 'relaxed') notes.push('the WASM column ran the relaxed-SIMD build (fused multiply-adds in the GEMM micro-kernel)');

  if (loaded.threads >= 2) {
    notes.push(
      'threads (bench/threads.ts): the WASM column runs the kernels on one thread, WASM 2T on two (one pool of 2); ' +
        'numpy 2T runs with OPENBLAS_NUM_THREADS=2 — for the GEMM-bound suites (gemm, syrk, lu, cholesky, qr, eigh, svd)',
    );
  }
  const o: SuiteOptions = { quick: args.quick, sizes: args.sizes };
  const selected = suites.filter((s) => args.only === null || args.only.includes(s.name)).map((s) => withThreadColumns(s, loaded.threads));
  const numpyCols = args.numpy ? NUMPY_COLUMNS : [];
  const results: SuiteResult[] = [];
  for (const s of selected) {
    log(`${s.title}`);
    const r = await runSuite(s, o, args.timing, { load: nodeLoad, onCell: progress });
    for (const nc of numpyCols) r.columns.push({ id: nc.id, label: nc.label });
    if (args.numpy && loaded.threads >= 2 && THREADED_SUITES.has(s.name)) for (const nc of NUMPY_2T_COLUMNS) r.columns.push({ id: nc.id, label: nc.label });
    results.push(r);
  }

  const busyDuring = otherLoad(during);
  if (busyDuring > 0.15) {
    const msg = `other processes used ${(busyDuring * 100).toFixed(0)} % of the CPU (${cores} cores) during the Node measurements: figures may be low or noisy`;
    notes.push(msg);
    log(`warning: ${msg}`);
  }

  // numpy columns: one python3 child per column, run after (never beside) the Node measurements.
  const numpyMeta: Meta['numpy'] = {};
  if (!args.numpy) notes.push('numpy columns skipped (--no-numpy)');
  const jobs: NumpyJob[] = [];
  for (const s of selected) {
    for (const c of s.cases(o)) if (c.numpy) jobs.push({ key: `${s.name}/${c.id}`, flops: c.flops, spec: c.numpy });
  }
  if (numpyCols.length > 0 && jobs.length > 0) log('numpy (python3, OPENBLAS_NUM_THREADS=1)');
  const jobs2t = loaded.threads >= 2 ? jobs.filter((j) => THREADED_SUITES.has(j.key.split('/')[0]!)) : [];
  const columnJobs: [(typeof NUMPY_COLUMNS)[number], NumpyJob[]][] = [
    ...(jobs.length > 0 ? numpyCols : []).map((nc): [(typeof NUMPY_COLUMNS)[number], NumpyJob[]] => [nc, jobs]),
    ...(args.numpy && jobs2t.length > 0 ? NUMPY_2T_COLUMNS : []).map((nc): [(typeof NUMPY_COLUMNS)[number], NumpyJob[]] => [nc, jobs2t]),
  ];
  for (const [nc, ncJobs] of columnJobs) {
    const run = await runNumpyColumn(nc, ncJobs, args.timing, args.python);
    numpyMeta[nc.id] = { label: nc.label, ok: run.ok, ...(run.note !== undefined ? { note: run.note } : {}), ...(run.info ? { info: run.info } : {}) };
    if (!run.ok) {
      const msg = `${nc.label} column skipped: ${run.note ?? 'unknown reason'}`;
      notes.push(msg);
      log(`  ${msg}`);
      continue;
    }
    if (run.info) log(`  ${nc.label}: OpenBLAS core ${String(run.info['corename'] ?? '?')}`);
    for (const r of results) {
      for (const c of r.cases) {
        const cell = run.results[`${r.name}/${c.id}`];
        if (cell !== undefined) c.results[nc.id] = cell;
      }
    }
  }

  const report: Report = {
    meta: {
      date: new Date().toISOString(),
      mode: args.quick ? 'quick' : 'full',
      argv: process.argv.slice(2),
      durationS: (performance.now() - t0) / 1e3,
      machine: {
        cpu: cpus[0]?.model ?? 'unknown',
        cores,
        memGiB: os.totalmem() / 2 ** 30,
        os: `${os.type()} ${os.release()} ${os.arch()}`,
        loadavgStart: load0,
        busyAtStartPct: Math.round(busy * 100),
        busyDuringPct: Math.round(busyDuring * 100),
        loadavgEnd: os.loadavg(),
      },
      node: { version: process.version, v8: process.versions.v8 },
      wasm: { build: loaded.wasm, tuning: wasmBackend ? wasmBackend.getTuning() : null },
      git: git(),
      timing: args.timing,
      numpy: numpyMeta,
    },
    notes,
    suites: results,
  };
  const files = writeReport(report, args.out);
  log(`done in ${report.meta.durationS.toFixed(0)} s: ${files.md}, ${files.json}`);
  // The charts come last and cannot lose the run: `npm run bench:charts -- <json>` redraws them.
  try {
    const charts = await writeCharts(report, args.out);
    log(`charts: ${charts.length} SVG files, ${args.out}-<suite>.svg`);
  } catch (e) {
    log(`charts not written (${e instanceof Error ? e.message : String(e)}); retry with npm run bench:charts -- ${files.json}`);
  }
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) console.error(`${e.message}\n${USAGE}`);
  else console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
