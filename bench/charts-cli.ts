/**
 * Redraws the SVG charts of a saved benchmark report without running the benchmark:
 *
 *   npm run bench:charts -- [results.json] [--out <base>]
 *
 * Default input bench/results/latest.json; the charts go to `<base>-<suite>.svg`, base = the JSON's
 * path without `.json` (so bench/results/latest-gemm.svg, …), overwritten. bench/run.ts and the browser
 * benchmark call the same writeCharts() after a run.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCharts } from './charts.js';
import type { Report } from './results.js';

const USAGE = 'usage: npm run bench:charts -- [results.json] [--out <path without extension>]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { out: { type: 'string' }, help: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length > 1) throw new Error(`expected one results file, got ${positionals.length}\n${USAGE}`);
  const input = positionals[0] ?? fileURLToPath(new URL('./results/latest.json', import.meta.url));
  const report = JSON.parse(readFileSync(input, 'utf8')) as Report;
  if (!Array.isArray(report.suites) || typeof report.meta !== 'object') throw new Error(`${input}: not a benchmark report (no meta or suites)`);
  const base = values.out ?? input.replace(/\.json$/, '');
  const files = await writeCharts(report, base);
  for (const f of files) console.log(f);
  if (files.length === 0) console.error(`${input}: no suite with a measured cell, no chart written`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
