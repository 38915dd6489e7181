/**
 * The benchmark charts' data transform (bench/chart-data.ts): which series and points a results JSON
 * gives, the axes chosen, and the Vega-Lite spec's encodings. No rendering here (bench/charts.ts does
 * that in Node with vega; `npm run bench:charts` exercises it), no timing.
 */
import { describe, expect, it } from 'vitest';
import { chartData, chartSpec, subtitle } from '../../bench/chart-data.js';
import type { Cell, Meta, Report, SuiteResult } from '../../bench/results.js';
import latest from '../../bench/results/latest.json' with { type: 'json' };

/** A measured cell of `ms` milliseconds (the other Measurement fields are not read by the charts). */
function ms(medianMs: number): Cell {
  return { medianMs, meanMs: medianMs, minMs: medianMs, maxMs: medianMs, rmePct: 1, samples: 5, batch: 1, warmupCalls: 5, settleRounds: 2, sampleMs: [medianMs] };
}

const COLUMNS = [
  { id: 'wasm', label: 'WASM' },
  { id: 'js', label: 'JS' },
  { id: 'ml-matrix', label: 'ml-matrix' },
  { id: 'numpy-env', label: 'numpy (env)' },
  { id: 'numpy-avx512', label: 'numpy AVX-512' },
];

/** A square suite at n = 64, 128: WASM and JS measured, ml-matrix skipped at 128, numpy only for n = 64. */
function squareSuite(): SuiteResult {
  const flops = (n: number) => 2 * n ** 3;
  return {
    name: 'gemm',
    title: 'GEMM',
    description: '',
    columns: COLUMNS,
    ratios: [],
    cases: [
      { id: 'n=64', label: '64', dims: { m: 64, k: 64, n: 64 }, flops: flops(64), results: { wasm: ms(0.05), js: ms(0.5), 'ml-matrix': ms(2), 'numpy-env': ms(0.02) } },
      { id: 'n=128', label: '128', dims: { m: 128, k: 128, n: 128 }, flops: flops(128), results: { wasm: ms(0.4), js: ms(4), 'ml-matrix': { skipped: 'not applicable' } } },
    ],
  };
}

const META = (latest as unknown as Report).meta;

describe('chartData', () => {
  it('a square suite: GFLOP/s per measured cell, series in column order, only columns with a point', () => {
    const d = chartData(squareSuite())!;
    expect(d.kind).toBe('gflops');
    expect(d.xScale).toBe('log');
    expect(d.xTitle).toBe('n');
    expect(d.xValues).toEqual([64, 128]);
    expect(d.panels).toBeNull();
    expect(d.series).toEqual(['WASM', 'JS', 'ml-matrix', 'numpy (env)']);
    expect(d.seriesIds).toEqual(['wasm', 'js', 'ml-matrix', 'numpy-env']);
    expect(d.points.map((p) => [p.series, p.x])).toEqual([
      ['WASM', 64],
      ['WASM', 128],
      ['JS', 64],
      ['JS', 128],
      ['ml-matrix', 64],
      ['numpy (env)', 64],
    ]);
    const wasm64 = d.points.find((p) => p.series === 'WASM' && p.x === 64)!;
    expect(wasm64.value).toBeCloseTo((2 * 64 ** 3) / (0.05 * 1e6), 12);
    expect(d.yLog).toBe(true); // 0.26 … 26 GFLOP/s
  });

  it('linear y when the figures span less than 10×; null when nothing was measured', () => {
    const s = squareSuite();
    s.columns = COLUMNS.slice(0, 1);
    expect(chartData(s)!.yLog).toBe(false);
    for (const c of s.cases) c.results = { wasm: { skipped: 'error: boom' } };
    expect(chartData(s)).toBeNull();
  });

  it('a family in n with other dimensions as multiples of n is on a log axis, named by its shape', () => {
    const s = squareSuite();
    s.cases = [64, 128].map((n) => ({ id: `${2 * n}x${n}`, label: `${2 * n}×${n}`, dims: { m: 2 * n, n }, flops: n ** 3, results: { wasm: ms(1) } }));
    const d = chartData(s)!;
    expect(d.xScale).toBe('log');
    expect(d.xTitle).toBe('n (m = 2n)');
    expect(d.xValues).toEqual([64, 128]);
  });

  it('shapes that are not one family in n are categories, labelled as in the table', () => {
    const s = squareSuite();
    s.cases = [
      [2048, 64, 2048],
      [64, 2048, 64],
    ].map(([m, k, n]) => ({ id: `${m}x${k}`, label: `${m}×${k} · ${k}×${n}`, dims: { m: m!, k: k!, n: n! }, flops: 2 * m! * k! * n!, results: { wasm: ms(1), js: ms(3) } }));
    const d = chartData(s)!;
    expect(d.xScale).toBe('band');
    expect(d.xTitle).toBe('shape');
    expect(d.xValues).toEqual(['2048×64 · 64×2048', '64×2048 · 2048×64']);
    expect(d.points.every((p) => typeof p.x === 'string')).toBe(true);
  });

  it('the small suite: µs per call, one panel per operation, n from the case label', () => {
    const s: SuiteResult = {
      ...squareSuite(),
      name: 'small',
      cases: ['matmul 2', 'matmul 4', 'inv 2', 'inv 4'].map((label) => ({ id: label, label, dims: { n: Number(label.split(' ')[1]) }, flops: 1, results: { wasm: ms(0.003), 'numpy-avx512': ms(0.001) } })),
    };
    const d = chartData(s)!;
    expect(d.kind).toBe('time');
    expect(d.panels).toEqual(['matmul', 'inv']);
    expect(d.xValues).toEqual([2, 4]);
    expect(d.series).toEqual(['WASM', 'numpy AVX-512']);
    expect(d.points).toHaveLength(8);
    expect(d.points[0]).toEqual({ panel: 'matmul', x: 2, series: 'WASM', value: 3 });
    expect(d.yTitle).toMatch(/^µs per call/);
  });

  it('the committed results (bench/results/latest.json): one chart per suite with every measured column', () => {
    const report = latest as unknown as Report;
    const charts = report.suites.map((s) => chartData(s)!);
    expect(charts.map((c) => c.suite)).toEqual(report.suites.map((s) => s.name));
    const byName = Object.fromEntries(charts.map((c) => [c.suite, c]));
    expect(byName['gemm']!.series).toEqual(['WASM', 'JS', 'ml-matrix', 'numpy (env)', 'numpy AVX-512']);
    expect(byName['gemm']!.points).toHaveLength(5 * 9);
    expect(byName['eigvals']!.series).toEqual(['WASM', 'JS', 'numpy (env)', 'numpy AVX-512']);
    expect(byName['gemm-shapes']!.xScale).toBe('band');
    expect(byName['lstsq']!.xTitle).toBe('n (m = 2n)');
    const small = byName['small']!;
    expect(small.kind).toBe('time');
    expect(small.panels).toEqual(['matmul', 'matvec', 'inv', 'solve', 'det', 'cholesky', 'eigh', 'svd']);
    expect(small.series).toEqual(['WASM', 'JS', 'ml-matrix', 'plain JS', 'numpy (env)', 'numpy AVX-512']);
    // plain JS has matmul, matvec and solve only.
    expect(new Set(small.points.filter((p) => p.series === 'plain JS').map((p) => p.panel))).toEqual(new Set(['matmul', 'matvec', 'solve']));
  });
});

describe('chartSpec', () => {
  it('one panel: log-2 x over the case sizes, one colour and dash per series (numpy dashed)', () => {
    const d = chartData(squareSuite())!;
    const spec = chartSpec(d, META) as Record<string, any>;
    expect(spec['data'].values).toBe(d.points);
    const enc = spec['encoding'];
    expect(enc.x.scale).toMatchObject({ type: 'log', base: 2 });
    expect(enc.x.axis.values).toEqual([64, 128]);
    expect(enc.y.scale.type).toBe('log');
    expect(enc.color.scale.domain).toEqual(d.series);
    expect(enc.color.scale.range).toHaveLength(d.series.length);
    expect(enc.strokeDash.scale.range).toEqual([[1, 0], [1, 0], [1, 0], [6, 3]]);
    expect(spec['title'].subtitle).toBe(subtitle(META));
  });

  it('panels: a facet over the operations, independent y scales', () => {
    const small = chartData((latest as unknown as Report).suites.find((s) => s.name === 'small')!)!;
    const spec = chartSpec(small, META) as Record<string, any>;
    expect(spec['facet']).toMatchObject({ field: 'panel', sort: small.panels });
    expect(spec['resolve'].scale.y).toBe('independent');
    expect(spec['spec'].encoding.y.scale.type).toBe('log');
  });

  it('the subtitle names the engine of a browser run instead of Node', () => {
    const meta: Meta = { ...META, engine: { name: 'chromium', version: '156.0.1', userAgent: '', crossOriginIsolated: true, args: [] } };
    expect(subtitle(meta)).toMatch(/^chromium 156\.0\.1 · /);
    expect(subtitle(META)).toMatch(/^Node v\d+/);
  });
});
