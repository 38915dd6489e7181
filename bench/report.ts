/** The benchmark's results as JSON (bench/results/<name>.json) and markdown (bench/results/<name>.md). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Ratio } from './cases/types.js';
import { gflops, isMeasured, NOISY_PCT, type CaseResult, type Report, type SuiteResult } from './results.js';

export { gflops, isMeasured, NOISY_PCT } from './results.js';
export type { Cell, CaseResult, EngineInfo, Meta, Report, SuiteResult } from './results.js';

function fmtMs(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  if (ms >= 0.1) return ms.toFixed(3);
  return ms.toFixed(4);
}

function fmtGf(g: number): string {
  return g >= 10 ? g.toFixed(1) : g.toFixed(2);
}

function fmtRatio(r: number): string {
  return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`;
}

/** Speed ratio num/den (= time den / time num), or null when either is missing. */
export function ratio(c: CaseResult, r: Ratio): number | null {
  const a = c.results[r.num];
  const b = c.results[r.den];
  return isMeasured(a) && isMeasured(b) ? b.medianMs / a.medianMs : null;
}

function noisy(m: { otherLoadPct?: number }): string {
  return m.otherLoadPct !== undefined && m.otherLoadPct > NOISY_PCT ? ' †' : '';
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(header: string[], rows: string[][], rightFrom = 1): string {
  const align = header.map((_, i) => (i < rightFrom ? '---' : '---:'));
  return [row(header), row(align), ...rows.map(row)].join('\n');
}

/** Columns that have at least one measurement in this suite (others are omitted from the tables). */
function presentColumns(s: SuiteResult): { id: string; label: string }[] {
  return s.columns.filter((col) => s.cases.some((c) => isMeasured(c.results[col.id])));
}

export function suiteMarkdown(s: SuiteResult): string {
  const cols = presentColumns(s);
  const ratios = s.ratios.filter((r) => s.cases.some((c) => ratio(c, r) !== null));
  const sizeHeader = s.cases.every((c) => /^\d+$/.test(c.label)) ? 'n' : 'shape';
  const out: string[] = [`### ${s.title}`, '', s.description, ''];

  out.push('GFLOP/s (median; higher is better). Ratios are speed ratios: > 1 means WASM is faster.', '');
  out.push(
    table(
      [sizeHeader, ...cols.map((c) => c.label), ...ratios.map((r) => r.label)],
      s.cases.map((c) => [
        c.label,
        ...cols.map((col) => {
          const m = c.results[col.id];
          return isMeasured(m) ? fmtGf(gflops(c.flops, m.medianMs)) + noisy(m) : '–';
        }),
        ...ratios.map((r) => {
          const v = ratio(c, r);
          return v === null ? '–' : fmtRatio(v);
        }),
      ]),
    ),
  );
  out.push('', 'Median time per call, ms (± Benchmark.js relative margin of error of the mean):', '');
  out.push(
    table(
      [sizeHeader, ...cols.map((c) => c.label)],
      s.cases.map((c) => [
        c.label,
        ...cols.map((col) => {
          const m = c.results[col.id];
          return isMeasured(m) ? `${fmtMs(m.medianMs)} ±${m.rmePct.toFixed(1)}%${noisy(m)}` : '–';
        }),
      ]),
    ),
  );
  const skipped = s.cases.flatMap((c) =>
    s.columns.flatMap((col) => {
      const m = c.results[col.id];
      return m !== undefined && !isMeasured(m) ? [`${col.label} ${c.label}: ${m.skipped}`] : [];
    }),
  );
  if (skipped.length > 0) out.push('', 'Not measured: ' + skipped.join('; ') + '.');
  if (s.cases.some((c) => Object.values(c.results).some((m) => isMeasured(m) && noisy(m) !== ''))) {
    out.push('', `† measured while other processes used more than ${NOISY_PCT} % of the CPU: likely too slow.`);
  }
  return out.join('\n');
}

/** 'chromium' → 'Chromium'. */
function engineTitle(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function markdown(r: Report): string {
  const m = r.meta;
  const np = Object.values(m.numpy)
    .map((c) => {
      if (!c.ok) return `- ${c.label}: not run (${c.note ?? 'unknown reason'})`;
      const i = c.info ?? {};
      const env = JSON.stringify(i['env'] ?? {});
      return `- ${c.label}: numpy ${String(i['numpy'])}, ${String(i['blas'] ?? i['config'] ?? 'BLAS ?')}, OpenBLAS core **${String(i['corename'] ?? '?')}**, env ${env}`;
    })
    .join('\n');
  const t = m.timing;
  const e = m.engine;
  const tuning = m.wasm.tuning ? `; GEMM blocking MC=${m.wasm.tuning.gemmMC} KC=${m.wasm.tuning.gemmKC} NC=${m.wasm.tuning.gemmNC}` : '';
  const loadavg = `${m.machine.loadavgStart.map((x) => x.toFixed(2)).join(' ')} / ${m.machine.loadavgEnd.map((x) => x.toFixed(2)).join(' ')}`;
  const lines = [
    e ? `# wasm-linalg benchmark in ${engineTitle(e.name)} ${e.version}` : '# wasm-linalg benchmark',
    '',
    `${m.date} · ${m.mode} run (\`${[e ? 'tsx bench/browser/run.ts' : 'tsx bench/run.ts', ...m.argv].join(' ')}\`) · ${m.durationS.toFixed(0)} s`,
    '',
    `- CPU: ${m.machine.cpu}, ${m.machine.cores} logical cores, ${m.machine.memGiB.toFixed(0)} GiB; ${m.machine.os}`,
    m.machine.busyDuringPct === null
      ? `- CPU used by other processes: ${m.machine.busyAtStartPct} % just before the run (not measured during it: the browser's own processes ` +
        `cannot be told apart from other load); load average at start / end: ${loadavg}`
      : `- CPU used by other processes: ${m.machine.busyAtStartPct} % just before the run, ${m.machine.busyDuringPct} % during the Node measurements; load average at start / end: ` +
        loadavg,
    e
      ? `- Engine: **${engineTitle(e.name)} ${e.version}** (\`${e.userAgent}\`), headless, flags \`${e.args.join(' ')}\`; page cross-origin isolated: ` +
        `${e.crossOriginIsolated ? 'yes' : 'no'}; driven from Node ${m.node.version}; the built package (dist/, build/*.wasm); ` +
        `wasm build loaded: **${m.wasm.build ?? 'none'}**${tuning}`
      : `- Node ${m.node.version} (V8 ${m.node.v8}); wasm build loaded: **${m.wasm.build ?? 'none'}**` + tuning,
    `- git: ${m.git.commit ?? 'unknown'}${m.git.dirty ? ' (with uncommitted changes)' : ''}`,
    e ? '- numpy: not run (there is no numpy in a browser; `bench/results/latest.md` has it beside Node)' : np,
    '',
    'Method: every column is single-threaded and uses float64. Before each measurement: ' +
      `≥ ${t.warmupCalls} warm-up calls over ≥ ${t.warmupMs} ms (one call if it takes > ${t.slowOpMs} ms), then ` +
      `2–${t.settleRounds} rounds of (await ${t.settleMs} ms, a short burst of calls) until the best time stops improving, ` +
      `so V8 has installed its optimised wasm code (a single await for calls > ${t.slowOpMs} ms). Samples are batches of calls lasting ~${t.targetSampleMs} ms, ` +
      `timed by Benchmark.js (deferred mode, a yield between samples${e ? '; its clock performance.now()' : ''}): ≥ ${t.minSamples} samples plus ~${t.maxTime} s more ` +
      `(${t.minSamplesSlow} samples for calls > ${t.slowOpMs} ms). ` +
      ((t.rounds ?? 1) > 1
        ? `Each case's columns are measured in turn, ${t.rounds} times (each measurement as above with 1/${t.rounds} of that sampling: ` +
          `≥ ${Math.ceil(t.minSamples / t.rounds)} samples plus ~${+(t.maxTime / t.rounds).toFixed(2)} s; one measurement for calls > ${t.slowOpMs} ms), ` +
          'and a column\'s samples are pooled, so that a slow spell of the machine falls on every column alike. '
        : '') +
      'Figures are the median time per call; GFLOP/s = flops / median. ' +
      'WASM and JS columns run through the public API (`setBackend`, then `A.matmul(B)` / `A.gram()`), and each timed ' +
      'call includes allocating the result and `dispose()`-ing it (a Map update in the wasm heap; a no-op mark for JS). ' +
      (e
        ? 'The suites are the Node benchmark\'s (bench/cases), bundled with ml-matrix and Benchmark.js into one page that imports the built package.'
        : 'numpy runs in a separate python3 process with OPENBLAS_NUM_THREADS=1, timed the same way with time.perf_counter.'),
  ];
  if (r.notes.length > 0) lines.push('', ...r.notes.map((n) => `- ${n}`));
  for (const s of r.suites) lines.push('', suiteMarkdown(s));
  return lines.join('\n') + '\n';
}

/** The report with derived figures added: GFLOP/s per measured cell and the ratios per case. */
function jsonView(r: Report): unknown {
  return {
    ...r,
    suites: r.suites.map((s) => ({
      ...s,
      cases: s.cases.map((c) => ({
        ...c,
        results: Object.fromEntries(
          Object.entries(c.results).map(([k, v]) => [k, isMeasured(v) ? { gflops: gflops(c.flops, v.medianMs), ...v } : v]),
        ),
        ratios: Object.fromEntries(s.ratios.map((q) => [q.label, ratio(c, q)])),
      })),
    })),
  };
}

export function writeReport(r: Report, basePath: string): { md: string; json: string } {
  mkdirSync(dirname(basePath), { recursive: true });
  const md = `${basePath}.md`;
  const json = `${basePath}.json`;
  // Indented, but arrays of numbers (samples, load averages) on one line each: smaller diffs.
  const text = JSON.stringify(jsonView(r), null, 2).replace(/\[\n\s*(-?[\d.e+-]+(?:,\n\s*-?[\d.e+-]+)*)\n\s*\]/g, (_, body: string) =>
    `[${body.split(/,\n\s*/).join(', ')}]`,
  );
  writeFileSync(json, text + '\n');
  writeFileSync(md, markdown(r));
  return { md, json };
}
