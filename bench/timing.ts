/**
 * Timing one workload with Benchmark.js (https://benchmarkjs.com): its high-resolution timer
 * (process.hrtime in Node), its sampling loop (stops once `minSamples` samples are in and `maxTime`
 * seconds have passed) and its statistics (mean, standard deviation, relative margin of error).
 * We add what Benchmark.js does not do for WebAssembly, and report the median rather than the mean.
 *
 * 1. Warm-up. V8 runs wasm first in its baseline compiler (Liftoff) and swaps in optimised (TurboFan)
 *    code in the background; a synchronous loop does not see the swap until it yields
 *    (shared/NOTES.md). So: several warm-up calls, then rounds of `await` ~30 ms + a short burst of
 *    calls until the best time stops improving (≥ 2 rounds), then a last pause, then measure.
 * 2. Batching. One Benchmark.js "deferred" cycle = one call of our function, which runs `batch`
 *    operations back to back (batch chosen so a sample lasts ~`targetSampleMs`), then resolves.
 *    Deferred mode is used because it yields (setTimeout, `delay`) between samples and has no
 *    per-cycle "pretest" call — the synchronous mode re-runs the test once per sample before timing
 *    it, which doubles the cost of multi-second cases. `minTime` is tiny so Benchmark.js keeps its
 *    `count` at 1 and each sample is exactly one batch; per-op times are sample / batch.
 */
import Benchmark from 'benchmark';

/**
 * Benchmark.js picks its clock when it loads: process.hrtime in Node, but in a browser only Date (1 ms
 * steps). Outside Node, a copy of it made by runInContext gets a process.hrtime built on
 * performance.now() (Chromium: 5 µs steps on a cross-origin-isolated page, 100 µs otherwise), and
 * `document: null` so it compiles its test loop with Function rather than an injected <script>.
 * (In a browser, Benchmark.js expects lodash as the global `_` when it loads: bench/browser/prelude.ts.)
 */
const Bench: typeof Benchmark =
  typeof process === 'object' && typeof process.hrtime === 'function'
    ? Benchmark
    : (Benchmark.runInContext({ process: { hrtime: hrtimeFromPerformance }, document: null }) as unknown as typeof Benchmark);

/** True outside Node: Benchmark.js and the warm-up time calls with performance.now() (bench/browser). */
const COARSE_CLOCK = Bench !== Benchmark;

/**
 * Time of one call of `op` (ms) from bursts of calls lasting ≥ 0.5 ms each (100 steps of a 5 µs clock):
 * the fastest of ≥ 5 bursts, as the warm-up keeps the fastest single call — a burst that another
 * process interrupted reads slow.
 */
function burstMs(op: () => void): number {
  let best = Infinity;
  for (let b = 0; b < 5; b++) {
    const t0 = performance.now();
    let calls = 0;
    let dt = 0;
    do {
      op();
      calls++;
      dt = performance.now() - t0;
    } while (dt < 0.5);
    best = Math.min(best, dt / calls);
  }
  return best;
}

/** process.hrtime([s, ns]) from performance.now(): [seconds, nanoseconds], or the difference from `prev`. */
function hrtimeFromPerformance(prev?: [number, number]): [number, number] {
  const ms = performance.now();
  let s = Math.floor(ms / 1e3);
  let ns = Math.round((ms - s * 1e3) * 1e6);
  if (prev) {
    s -= prev[0];
    ns -= prev[1];
    if (ns < 0) {
      s -= 1;
      ns += 1e9;
    }
  }
  return [s, ns];
}

/** The Node benchmark's timing (bench/run.ts), also the browser benchmark's (bench/browser/run.ts). */
export const FULL_TIMING: TimingOptions = {
  maxTime: 0.75,
  minSamples: 7,
  minSamplesSlow: 3,
  slowOpMs: 250,
  targetSampleMs: 10,
  warmupCalls: 5,
  warmupMs: 100,
  settleMs: 30,
  settleRounds: 6,
  rounds: 3,
};
/** `--quick`: shorter sampling. */
export const QUICK_TIMING: TimingOptions = { ...FULL_TIMING, maxTime: 0.2, minSamples: 5, minSamplesSlow: 2, warmupMs: 40, rounds: 1 };

export interface TimingOptions {
  /**
   * Benchmark.js maxTime (s). Benchmark.js starts counting it only once minSamples samples are in, so
   * a fast case samples for about minSamples·targetSampleMs + maxTime. Slow ops take exactly
   * minSamplesSlow samples.
   */
  maxTime: number;
  /** Benchmark.js minSamples for ops faster than `slowOpMs`. */
  minSamples: number;
  /** minSamples for ops slower than `slowOpMs` (multi-second peers at large n). */
  minSamplesSlow: number;
  /** An op slower than this (ms, as seen in warm-up) counts as slow. */
  slowOpMs: number;
  /** Wanted duration of one sample (ms); fast ops are batched up to it. */
  targetSampleMs: number;
  /** Warm-up: at least this many calls and this many ms, unless one call already takes > slowOpMs. */
  warmupCalls: number;
  warmupMs: number;
  /** Pause after warm-up so optimised code gets installed (ms). */
  settleMs: number;
  /** At most this many (pause, short burst) rounds after warm-up, until the time stops improving. */
  settleRounds: number;
  /**
   * Rounds per case (bench/runner.ts): the columns of a case are measured in turn this many times, each
   * measurement with maxTime/rounds and ⌈minSamples/rounds⌉, and a column's figures come from all its
   * samples pooled. A slow spell of the machine (seconds long on the shared host) then falls on every
   * column alike instead of on whichever column it happens to meet. 1: one measurement per column.
   * Columns whose first measurement took longer than slowOpMs a call get one round.
   */
  rounds: number;
}

export interface Measurement {
  /** Median time per operation, ms. */
  medianMs: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
  /** Benchmark.js relative margin of error of the mean (%, 95 % confidence). */
  rmePct: number;
  /** Number of samples (each `batch` operations). */
  samples: number;
  batch: number;
  warmupCalls: number;
  /** Pause-and-burst rounds taken after warm-up before the time stopped improving. */
  settleRounds: number;
  /** Every sample, ms per operation, in the order taken. */
  sampleMs: number[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * One measurement from several of the same op (bench/runner.ts's rounds): every sample pooled, the median
 * and mean over all of them, the relative margin of error of the mean from their spread (95 %, normal
 * approximation), counts summed.
 */
export function pooled(ms: readonly Measurement[]): Measurement {
  if (ms.length === 1) return ms[0]!;
  const all = ms.flatMap((m) => m.sampleMs);
  const n = all.length;
  const mean = all.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(all.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  return {
    medianMs: median(all),
    meanMs: mean,
    minMs: Math.min(...all),
    maxMs: Math.max(...all),
    rmePct: mean > 0 ? (100 * 1.96 * sd) / Math.sqrt(n) / mean : 0,
    samples: n,
    batch: ms[ms.length - 1]!.batch,
    warmupCalls: ms.reduce((a, m) => a + m.warmupCalls, 0),
    settleRounds: ms.reduce((a, m) => a + m.settleRounds, 0),
    sampleMs: all,
  };
}

/** Times `op` (one operation per call). Throws whatever `op` throws. */
export async function measure(op: () => void, o: TimingOptions): Promise<Measurement> {
  // 1. Warm-up.
  let calls = 0;
  let best = Infinity;
  const w0 = performance.now();
  for (;;) {
    const t = performance.now();
    op();
    const dt = performance.now() - t;
    calls++;
    best = Math.min(best, dt);
    if (dt > o.slowOpMs) break;
    if (calls >= o.warmupCalls && performance.now() - w0 >= o.warmupMs) break;
  }
  // Then rounds of (await, a short burst of calls) until the best time stops improving: on a busy
  // machine V8's background compiler can take longer than one pause to deliver optimised code.
  // Slow ops (seconds per call) get one pause and no rounds.
  let rounds = 0;
  if (best <= o.slowOpMs) {
    while (rounds < o.settleRounds) {
      await sleep(o.settleMs);
      rounds++;
      let roundBest = Infinity;
      const r0 = performance.now();
      for (let i = 0; i < 3 || (performance.now() - r0 < o.targetSampleMs && i < 1000); i++) {
        const t = performance.now();
        op();
        roundBest = Math.min(roundBest, performance.now() - t);
        calls++;
      }
      const improved = roundBest < 0.97 * best;
      best = Math.min(best, roundBest);
      if (!improved && rounds >= 2) break;
    }
  }
  await sleep(o.settleMs);
  // A coarse clock (a browser's performance.now(), 5–100 µs steps) reads a fast call as 0 ms: size the
  // batch from a burst of calls instead. (In Node the single-call best is used, as always.)
  const perCall = COARSE_CLOCK && best < 1 ? burstMs(op) : best;
  const batch = Math.max(1, Math.round(o.targetSampleMs / Math.max(perCall, 1e-4)));
  const slow = best > o.slowOpMs;

  // 2. Sampling with Benchmark.js (deferred mode, one batch per cycle).
  let failure: unknown = null;
  const bench = new Bench({
    defer: true,
    minTime: 1e-9,
    initCount: 1,
    delay: 0.002,
    maxTime: slow ? 1e-6 : o.maxTime,
    minSamples: slow ? o.minSamplesSlow : o.minSamples,
    // A plain function whose first parameter is named `deferred` (Benchmark.js reads that name).
    fn: function (deferred: Benchmark.Deferred) {
      try {
        for (let i = 0; i < batch; i++) op();
      } catch (e) {
        // Benchmark.js retries a throwing test; record the error and abort instead.
        failure ??= e;
        bench.abort();
      }
      deferred.resolve();
    },
  });
  await new Promise<void>((resolve) => {
    bench.on('complete', () => resolve());
    bench.on('abort', () => resolve());
    bench.run();
  });
  if (failure !== null) throw failure;
  if (bench.error) throw bench.error;
  const sample = bench.stats.sample.map((s) => (s * 1e3) / batch);
  if (sample.length === 0) throw new Error('Benchmark.js collected no samples');
  return {
    medianMs: median(sample),
    meanMs: (bench.stats.mean * 1e3) / batch,
    minMs: Math.min(...sample),
    maxMs: Math.max(...sample),
    rmePct: bench.stats.rme,
    samples: sample.length,
    batch,
    warmupCalls: calls,
    settleRounds: rounds,
    sampleMs: sample.map((x) => Number(x.toPrecision(6))),
  };
}
