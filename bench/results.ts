/**
 * The benchmark's result types and the two helpers every consumer needs (is a cell measured, its
 * GFLOP/s). Free of Node imports, so the browser benchmark's page (bench/browser/page.ts) shares them;
 * bench/report.ts re-exports everything here.
 */
import type { Measurement, TimingOptions } from './timing.js';
import type { Ratio } from './cases/types.js';
import type { Tuning } from '../bindings/index.js';

/** A measured cell (with the other processes' share of the CPU while it ran, when known) or a skip. */
export type Cell = (Measurement & { otherLoadPct?: number }) | { skipped: string };

/** Cells measured while other processes used more than this share of the CPU (%) are flagged. */
export const NOISY_PCT = 20;

export interface CaseResult {
  id: string;
  label: string;
  dims: Record<string, number>;
  flops: number;
  /** By column id. */
  results: Record<string, Cell>;
}

export interface SuiteResult {
  name: string;
  title: string;
  description: string;
  columns: { id: string; label: string }[];
  ratios: Ratio[];
  cases: CaseResult[];
}

export interface Meta {
  date: string;
  mode: 'full' | 'quick';
  argv: string[];
  durationS: number;
  machine: {
    cpu: string;
    cores: number;
    memGiB: number;
    os: string;
    loadavgStart: number[];
    /** Share of all cores busy with other work during 0.5 s before the run, %. */
    busyAtStartPct: number;
    /**
     * Share of all cores used by other processes during the in-process (Node) measurements, %; null in a
     * browser run (the browser's own processes cannot be told apart from other load).
     */
    busyDuringPct: number | null;
    loadavgEnd: number[];
  };
  /** The Node that ran the benchmark (a browser run: the Node that drove the browser). */
  node: { version: string; v8: string };
  /** Present in a browser run (bench/browser/run.ts) only: the engine the suites ran in. */
  engine?: EngineInfo;
  /** `tuning`: every tuning value in force (Backend.getTuning; results before it have `blocking` instead). */
  wasm: { build: string | null; tuning: Tuning | null };
  git: { commit: string | null; dirty: boolean | null };
  timing: TimingOptions;
  /** Per numpy column: version, OpenBLAS config and the core type it picked, the OPENBLAS_* env. */
  numpy: Record<string, { label: string; ok: boolean; note?: string; info?: Record<string, unknown> }>;
}

/** The browser a browser run measured. */
export interface EngineInfo {
  /** 'chromium' (or another engine the driver knows). */
  name: string;
  /** The browser's own version string, e.g. '156.0.8078.129'. */
  version: string;
  userAgent: string;
  /** True when the page was cross-origin isolated (performance.now() resolution 5 µs in Chromium, else 100 µs). */
  crossOriginIsolated: boolean;
  /** The command-line flags the browser was started with. */
  args: string[];
}

export interface Report {
  meta: Meta;
  notes: string[];
  suites: SuiteResult[];
}

export function isMeasured(c: Cell | undefined): c is Measurement & { otherLoadPct?: number } {
  return c !== undefined && 'medianMs' in c;
}

export function gflops(flops: number, ms: number): number {
  return flops / (ms * 1e6);
}

