/**
 * Running one suite, case by case and column by column, in this JavaScript context: shared by the Node
 * driver (bench/run.ts) and the browser benchmark's page (bench/browser/page.ts). No Node imports:
 * what differs between the two (measuring other processes' load, printing progress) comes in as hooks.
 */
import type { Suite, SuiteOptions } from './cases/types.js';
import { measure, pooled, type Measurement, type TimingOptions } from './timing.js';
import { gflops, isMeasured, NOISY_PCT, type Cell, type SuiteResult } from './results.js';

/** Measures the other processes' share of the CPU over an interval: `start()`, then `share(token)` in [0, 1]. */
export interface LoadMeter<T = unknown> {
  start(): T;
  share(from: T): number;
}

export interface RunHooks {
  /** When given, each cell records `otherLoadPct` over its own measurement. */
  load?: LoadMeter;
  /** Called after every cell (measured or skipped). */
  onCell?: (suite: string, caseId: string, column: string, cell: Cell, flops: number) => void;
}

/** The progress line printed per cell: suite, case, column, then time and GFLOP/s or the reason for a skip. */
export function progressLine(suite: string, caseId: string, col: string, cell: Cell, flops: number): string {
  const head = `  ${`[${suite}]`.padEnd(14)} ${caseId.padEnd(22)} ${col.padEnd(16)}`;
  if (!isMeasured(cell)) return `${head} skipped: ${cell.skipped}`;
  const busy = cell.otherLoadPct !== undefined && cell.otherLoadPct > NOISY_PCT ? `  other load ${cell.otherLoadPct} %!` : '';
  return (
    `${head} ${cell.medianMs.toFixed(4).padStart(10)} ms ${gflops(flops, cell.medianMs).toFixed(2).padStart(8)} GFLOP/s` +
    `  (±${cell.rmePct.toFixed(1)}%, ${cell.samples}×${cell.batch})${busy}`
  );
}

/**
 * Runs every case of `suite` on every in-process column; a column that throws gives a skipped cell. The
 * columns of a case are measured in turn, `timing.rounds` times (see TimingOptions.rounds), and each
 * column's samples pooled.
 */
export async function runSuite(suite: Suite, o: SuiteOptions, timing: TimingOptions, hooks: RunHooks = {}): Promise<SuiteResult> {
  const result: SuiteResult = {
    name: suite.name,
    title: suite.title,
    description: suite.description,
    columns: suite.columns.map((c) => ({ id: c.id, label: c.label })),
    ratios: suite.ratios,
    cases: [],
  };
  const { load, onCell } = hooks;
  const rounds = Math.max(1, Math.floor(timing.rounds) || 1);
  const perRound: TimingOptions =
    rounds === 1 ? timing : { ...timing, maxTime: timing.maxTime / rounds, minSamples: Math.ceil(timing.minSamples / rounds) };
  for (const c of suite.cases(o)) {
    const taken = new Map<string, Measurement[]>();
    const busy = new Map<string, number>();
    const skipped = new Map<string, string>();
    for (let r = 0; r < rounds; r++) {
      for (const col of suite.columns) {
        const prev = taken.get(col.id);
        // a skipped column stays skipped; a slow one (seconds a call) keeps its one full measurement
        if (skipped.has(col.id) || (r > 0 && (prev === undefined || prev[0]!.medianMs > timing.slowOpMs))) continue;
        try {
          const w = col.setup(c);
          if (w === null) {
            skipped.set(col.id, 'not applicable');
            continue;
          }
          try {
            const probe = load?.start();
            // (a slow op's first round is already its whole measurement: minSamplesSlow, no maxTime)
            const m = await measure(w.run, perRound);
            taken.set(col.id, [...(prev ?? []), m]);
            if (load) busy.set(col.id, Math.max(busy.get(col.id) ?? 0, load.share(probe)));
          } finally {
            w.dispose();
          }
        } catch (e) {
          skipped.set(col.id, `error: ${e instanceof Error ? e.message : String(e)}`);
          taken.delete(col.id);
        }
      }
    }
    const results: Record<string, Cell> = {};
    for (const col of suite.columns) {
      const ms = taken.get(col.id);
      let cell: Cell;
      if (ms === undefined) cell = { skipped: skipped.get(col.id) ?? 'not applicable' };
      else {
        const m = pooled(ms);
        cell = load ? { ...m, otherLoadPct: Math.round((busy.get(col.id) ?? 0) * 100) } : m;
      }
      results[col.id] = cell;
      onCell?.(suite.name, c.id, col.label, cell, c.flops);
    }
    result.cases.push({ id: c.id, label: c.label, dims: c.dims, flops: c.flops, results });
  }
  return result;
}
