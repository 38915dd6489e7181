/**
 * SVG charts of a benchmark report, one per suite, written beside the report as `<base>-<suite>.svg` by
 * `npm run bench` and the browser benchmark, and redrawn from a saved JSON by
 * `npm run bench:charts -- <results.json>` (bench/charts-cli.ts). What each chart shows is decided in
 * bench/chart-data.ts; here its Vega-Lite spec is compiled to Vega and rendered headless
 * (vega.View(…).toSVG(): no browser, no DOM, no canvas).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { chartData, chartSpec } from './chart-data.js';
import type { Report } from './results.js';

export { chartData, chartSpec, type ChartData, type ChartPoint } from './chart-data.js';

/** Renders a Vega-Lite spec to an SVG string, headless. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Writes `<base>-<suite>.svg` for every suite of `report` that has a measured cell; returns the paths. */
export async function writeCharts(report: Report, basePath: string): Promise<string[]> {
  mkdirSync(dirname(basePath), { recursive: true });
  const files: string[] = [];
  for (const s of report.suites) {
    const d = chartData(s);
    if (d === null) continue;
    const file = `${basePath}-${s.name}.svg`;
    writeFileSync(file, (await renderSvg(chartSpec(d, report.meta))) + '\n');
    files.push(file);
  }
  return files;
}
