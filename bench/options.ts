/**
 * The command-line options both benchmark drivers share (bench/run.ts for Node, bench/browser/run.ts
 * for a browser): which suites, which square sizes, how long to sample. No Node imports, like the
 * rest of what a page may load.
 */
import { suites } from './cases/index.js';
import { FULL_TIMING, QUICK_TIMING, type TimingOptions } from './timing.js';

/** A bad command line: the driver prints the message and its usage text. */
export class UsageError extends Error {}

/** --only, --sizes, --quick, --max-time and --rounds as parseArgs gives them. */
export interface SelectionArgs {
  only?: string;
  sizes?: string;
  quick: boolean;
  'max-time'?: string;
  rounds?: string;
}

/** The suites (null: all), square sizes (null: each suite's) and timing the arguments select; UsageError when one is bad. */
export function selection(values: SelectionArgs): { only: string[] | null; sizes: number[] | null; timing: TimingOptions } {
  const only = values.only?.split(',').map((s) => s.trim()).filter((s) => s !== '') ?? null;
  if (only) {
    const unknown = only.filter((n) => !suites.some((s) => s.name === n));
    if (unknown.length > 0) throw new UsageError(`--only: unknown suite(s) ${unknown.join(', ')}; known: ${suites.map((s) => s.name).join(', ')}`);
  }
  let sizes: number[] | null = null;
  if (values.sizes !== undefined) {
    sizes = values.sizes.split(',').map((s) => Number(s.trim()));
    if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError(`--sizes: expected positive integers, got ${values.sizes}`);
  }
  const timing = { ...(values.quick ? QUICK_TIMING : FULL_TIMING) };
  if (values['max-time'] !== undefined) {
    timing.maxTime = Number(values['max-time']);
    if (!(timing.maxTime >= 0)) throw new UsageError(`--max-time: expected seconds, got ${values['max-time']}`);
  }
  if (values.rounds !== undefined) {
    timing.rounds = Number(values.rounds);
    if (!Number.isInteger(timing.rounds) || timing.rounds < 1) throw new UsageError(`--rounds: expected a positive integer, got ${values.rounds}`);
  }
  return { only, sizes, timing };
}
