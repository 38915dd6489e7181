/**
 * What a benchmark chart shows, without drawing it: chartData(suite) picks the series and points from a
 * suite's results, chartSpec() turns them into a Vega-Lite spec. Pure (no Node import, no rendering), so
 * it is unit-tested (test/bench/charts.test.ts); bench/charts.ts renders the specs to SVG files.
 *
 * Large-matrix suites: GFLOP/s against n, one line per column (WASM, JS, ml-matrix, numpy (env),
 * numpy AVX-512 — whichever were measured), base-2 log x, log y when the figures span 10× or more;
 * shapes that are not one family in n (gemm-shapes) as points per shape. The small-matrix suite: median
 * µs per call against n, one panel per operation, each with its own log y scale.
 */
import type { TopLevelSpec } from 'vega-lite';
import { gflops, isMeasured, type Meta, type SuiteResult } from './results.js';

/** Suites charted as time per call (µs) rather than GFLOP/s. */
export const TIME_SUITES: ReadonlySet<string> = new Set(['small']);

/** One plotted point: a column's (series') figure for one case. */
export interface ChartPoint {
  /** The panel (the operation, in the small suite), or null for a single-panel chart. */
  panel: string | null;
  /** n (a number) on a log axis, or the case label on a categorical axis. */
  x: number | string;
  /** The column's label, e.g. 'WASM', 'numpy (env)'. */
  series: string;
  /** GFLOP/s, or µs per call for a time chart. */
  value: number;
}

/** What a suite's chart shows; chartSpec() draws it. */
export interface ChartData {
  suite: string;
  title: string;
  kind: 'gflops' | 'time';
  /** 'log': n on a base-2 log axis; 'band': one slot per case label (shapes that are not one family in n). */
  xScale: 'log' | 'band';
  xTitle: string;
  /** The x positions in case order (n values, or case labels). */
  xValues: (number | string)[];
  yTitle: string;
  /** Log y axis when the figures span a factor of 10 or more. */
  yLog: boolean;
  /** Panel names in case order, or null for one panel. */
  panels: string[] | null;
  /** Series (column labels) that have at least one point, in table order. */
  series: string[];
  /** Column id of each series (for its colour). */
  seriesIds: string[];
  points: ChartPoint[];
}

/** Case labels of the small suite: '<op> <n>'. */
const PANEL_LABEL = /^(.+) (\d+)$/;

/**
 * The cases as one shape family in n: every case has dims.n, the n are distinct, and every other
 * dimension is a fixed multiple of n across the cases (gemm m = k = n; lstsq m = 2n). Returns the axis
 * title ('n', or 'n (m = 2n)'), or null when the cases are not such a family (gemm-shapes).
 */
function familyInN(s: SuiteResult): string | null {
  const ns = s.cases.map((c) => c.dims['n']);
  if (ns.length === 0 || ns.some((n) => n === undefined || !(n > 0))) return null;
  if (new Set(ns).size !== ns.length) return null;
  const first = s.cases[0]!.dims;
  const others: string[] = [];
  for (const key of Object.keys(first)) {
    if (key === 'n') continue;
    const r = first[key]! / first['n']!;
    if (s.cases.some((c) => c.dims[key] === undefined || Math.abs(c.dims[key]! / c.dims['n']! - r) > 1e-12)) return null;
    if (r !== 1) others.push(`${key} = ${Number.isInteger(r) ? r : r.toPrecision(3)}n`);
  }
  return others.length === 0 ? 'n' : `n (${others.join(', ')})`;
}

/** The series and points of one suite's chart, or null when it has no measured cell. */
export function chartData(s: SuiteResult): ChartData | null {
  const kind = TIME_SUITES.has(s.name) ? 'time' : 'gflops';
  const panelled = s.cases.length > 0 && s.cases.every((c) => PANEL_LABEL.test(c.label));
  const family = panelled ? 'n' : familyInN(s);
  const xScale = family === null ? 'band' : 'log';
  const place = (label: string, n: number | undefined): { panel: string | null; x: number | string } => {
    if (panelled) {
      const m = PANEL_LABEL.exec(label)!;
      return { panel: m[1]!, x: Number(m[2]) };
    }
    return { panel: null, x: xScale === 'log' ? n! : label };
  };
  const points: ChartPoint[] = [];
  const series: string[] = [];
  const seriesIds: string[] = [];
  for (const col of s.columns) {
    let any = false;
    for (const c of s.cases) {
      const m = c.results[col.id];
      if (!isMeasured(m) || !(m.medianMs > 0)) continue;
      const value = kind === 'time' ? m.medianMs * 1e3 : gflops(c.flops, m.medianMs);
      points.push({ ...place(c.label, c.dims['n']), series: col.label, value });
      any = true;
    }
    if (any) {
      series.push(col.label);
      seriesIds.push(col.id);
    }
  }
  if (points.length === 0) return null;
  const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
  const xValues = unique(s.cases.map((c) => place(c.label, c.dims['n']).x));
  const panels = panelled ? unique(s.cases.map((c) => place(c.label, c.dims['n']).panel!)) : null;
  const values = points.map((p) => p.value);
  return {
    suite: s.name,
    title: s.title,
    kind,
    xScale,
    xTitle: family ?? 'shape',
    xValues,
    yTitle: kind === 'time' ? 'µs per call (median; lower is better)' : 'GFLOP/s (median; higher is better)',
    yLog: Math.max(...values) >= 10 * Math.min(...values),
    panels,
    series,
    seriesIds,
    points,
  };
}

/** Colours by column id, the same in every chart; numpy columns are drawn dashed. */
const COLOURS: Record<string, string> = {
  wasm: '#1f77b4',
  js: '#ff7f0e',
  'ml-matrix': '#2ca02c',
  plain: '#8c564b',
  'numpy-env': '#d62728',
  'numpy-avx512': '#9467bd',
};
const SPARE = ['#17becf', '#bcbd22', '#e377c2', '#7f7f7f'];

function colourOf(id: string, i: number): string {
  return COLOURS[id] ?? SPARE[i % SPARE.length]!;
}

/** One line under a chart's title: what ran where (engine or Node, CPU, date, commit). */
export function subtitle(meta: Meta): string {
  const engine = meta.engine ? `${meta.engine.name} ${meta.engine.version}` : `Node ${meta.node.version}`;
  const git = meta.git.commit ? ` · git ${meta.git.commit}${meta.git.dirty ? '+' : ''}` : '';
  return `${engine} · ${meta.machine.cpu}, ${meta.machine.cores} cores · ${meta.mode} run ${meta.date.slice(0, 10)}${git} · one thread, float64`;
}

/** The Vega-Lite spec of a chart. */
export function chartSpec(d: ChartData, meta: Meta): TopLevelSpec {
  const log2 = d.xScale === 'log';
  const x = log2
    ? {
        field: 'x',
        type: 'quantitative' as const,
        scale: { type: 'log' as const, base: 2, nice: false, domain: [Math.min(...(d.xValues as number[])), Math.max(...(d.xValues as number[]))] },
        axis: { values: d.xValues as number[], title: d.xTitle, format: 'd', grid: true },
      }
    : { field: 'x', type: 'nominal' as const, sort: d.xValues as string[], axis: { title: d.xTitle, labelAngle: 0 } };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    scale: d.yLog ? { type: 'log' as const } : { type: 'linear' as const, zero: true },
    axis: { title: d.panels === null ? d.yTitle : d.yTitle.replace(/ \(.*\)$/, ''), grid: true, format: '~g', labelOverlap: 'greedy' as const, ...(d.yLog ? { tickCount: 5 } : {}) },
  };
  // One legend: colour and dash share it (Vega-Lite merges legends of the same field and properties).
  const legend = { title: null, orient: 'bottom' as const, direction: 'horizontal' as const, symbolStrokeWidth: 2.5, symbolType: log2 ? 'stroke' : 'circle' };
  const colour = {
    field: 'series',
    type: 'nominal' as const,
    sort: d.series,
    scale: { domain: d.series, range: d.seriesIds.map(colourOf) },
    legend,
  };
  const dash = {
    field: 'series',
    type: 'nominal' as const,
    sort: d.series,
    scale: { domain: d.series, range: d.seriesIds.map((id) => (id.startsWith('numpy') ? [6, 3] : [1, 0])) },
    legend,
  };
  const lineEncoding = { x, y, color: colour, strokeDash: dash };
  const layerSpec = log2
    ? { mark: { type: 'line' as const, point: { filled: true, size: 36 }, strokeWidth: 2 }, encoding: lineEncoding }
    : {
        mark: { type: 'point' as const, filled: true, size: 70, opacity: 1 },
        encoding: { x, y, color: colour, xOffset: { field: 'series', type: 'nominal' as const, sort: d.series } },
      };
  const common = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: d.title,
      subtitle: d.panels === null ? subtitle(meta) : [subtitle(meta), `${d.yTitle}, each panel on its own scale`],
      anchor: 'start' as const,
      fontSize: 14,
      subtitleColor: '#555',
    },
    background: 'white',
    padding: 12,
    data: { values: d.points },
    // aria: false drops the ARIA attributes from the SVG (~15 % of its size; the README shows the charts as images, with alt text).
    config: { aria: false, font: 'sans-serif', axis: { labelFontSize: 11, titleFontSize: 11 }, legend: { labelFontSize: 12 } },
  };
  if (d.panels === null) return { ...common, width: 560, height: 320, ...layerSpec } as TopLevelSpec;
  return {
    ...common,
    facet: { field: 'panel', type: 'nominal', sort: d.panels, title: null, header: { labelFontSize: 13, labelFontWeight: 'bold' } },
    columns: 4,
    spec: { width: 190, height: 150, ...layerSpec },
    // Each panel its own y range (a 2×2 det and a 32×32 svd differ by 10⁴) and its own x axis.
    resolve: { scale: { y: 'independent' }, axis: { x: 'independent' } },
  } as TopLevelSpec;
}
