/**
 * The harness of the LAPACK-style API suites:
 *
 *   both                      runs a computation under the WASM and the JS backend, converts Matrix
 *                             results to plain arrays (disposing them) and asserts the two agree bit
 *                             for bit — the differential test of the mirrored backends;
 *   guarded                   hands a computation fresh Matrix copies of its inputs and asserts,
 *                             after the call (returned or thrown), that every input is bit-identical;
 *   expectRatio               LAPACK's pass criterion: a test ratio below THRESH = 30 (dtest.in),
 *                             the ratio printed on failure;
 *   setupLapackSuite          the hooks of every file: load both backends, restore the tuning and
 *                             check no WASM block is left allocated after each test (error paths
 *                             included), print the worst ratios with SHOW_RATIOS=1.
 */
import { afterAll, afterEach, assert, beforeAll, expect } from 'vitest';
import { LinAlgError, Matrix, memoryStats, type LinAlgErrorCode } from '../../bindings/index.js';
import { BACKENDS, onBackend, setupApi } from './api.js';
import { resetTuning } from './engines.js';
import { bits, EPS } from './tolerance.js';
import { dense, type Dense } from './dense.js';

export { EPS };

/** LAPACK's threshold for the test ratios (TESTING/dtest.in). */
export const THRESH = 30;

/** Sizes that put small matrices through the blocked paths: 1, 2, a panel ± 1, two panels + 1. */
export const SIZES = [1, 2, 7, 16, 17, 33] as const;

/** Registers the per-file hooks (call at the top level of a suite file). */
export function setupLapackSuite(name: string): void {
  let blocks = 0;
  beforeAll(async () => {
    await setupApi();
    blocks = memoryStats().blocksInUse;
  });
  afterEach(() => {
    resetTuning();
    const before = blocks;
    blocks = memoryStats().blocksInUse; // a leak is reported by the test that made it, not by every later one
    expect(blocks - before, `${name}: WASM blocks left allocated by the test (a leak)`).toBe(0);
  });
  afterAll(() => reportRatios(name));
}

// ---- ratios ------------------------------------------------------------------------------------

const worst = new Map<string, number>();

/** Asserts a LAPACK test ratio is below THRESH (NaN fails), printing it on failure. */
export function expectRatio(label: string, r: number, kind = label.replace(/ n=.*$/, '')): void {
  if (!(r < THRESH)) assert.fail(`${label}: test ratio ${Number.isNaN(r) ? 'NaN' : r.toPrecision(4)} ≥ THRESH = ${THRESH}`);
  if (!(r <= (worst.get(kind) ?? -1))) worst.set(kind, r);
}

/** The largest ratio seen per kind (printed by the suites when SHOW_RATIOS is set). */
export function worstRatios(): Map<string, number> {
  return worst;
}

/** Prints the worst ratios when the environment variable SHOW_RATIOS is set (Node only). */
export function reportRatios(suite: string): void {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (env?.SHOW_RATIOS === undefined) return;
  const lines = [...worst].map(([k, v]) => `  ${k}: ${v.toPrecision(3)}`);
  console.log(`${suite} — worst test ratios (THRESH ${THRESH}):\n${lines.join('\n')}`);
}

// ---- both backends, bit for bit ------------------------------------------------------------------

export type Plain = Dense | Float64Array | Int32Array | number | boolean | string | undefined;
/** A result's members; `dispose` (non-enumerable on result objects) is ignored. */
type Out = Matrix | Plain | (() => void);
export type PlainOf<T> = { [K in keyof T]: T[K] extends Matrix ? Dense : T[K] extends Matrix | undefined ? Dense | undefined : T[K] };

function toDense(M: Matrix): Dense {
  return dense(M.rows, M.cols, M.toFloat64Array());
}

function isDense(x: unknown): x is Dense {
  return typeof x === 'object' && x !== null && 'a' in x && 'm' in x && 'n' in x;
}

function plainify<T extends Record<string, Out>>(label: string, backend: string, r: T): PlainOf<T> {
  const out: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(r)) {
    if (v instanceof Matrix) {
      if (v.backend !== backend) assert.fail(`${label}: result '${k}' of the ${backend} backend is stored on ${v.backend}`);
      out[k] = toDense(v);
      v.dispose();
    } else if (typeof v !== 'function') out[k] = v;
  }
  return out as PlainOf<T>;
}

function sameBits(label: string, w: ArrayLike<number>, j: ArrayLike<number>): void {
  if (w.length !== j.length) assert.fail(`${label}: length ${w.length} (wasm) vs ${j.length} (js)`);
  for (let i = 0; i < w.length; i++) {
    if (!Object.is(w[i], j[i])) {
      assert.fail(`${label}: wasm and js differ at entry ${i}: ${w[i]} (${bits(w[i]!)}) vs ${j[i]} (${bits(j[i]!)})`);
    }
  }
}

/**
 * Runs f under the WASM and then the JS backend (with the blocking in force), asserts the results
 * agree bit for bit, key by key, and returns the WASM one with matrices as Dense (disposed).
 */
export function both<T extends Record<string, Out>>(label: string, f: () => T): PlainOf<T> {
  const [w, j] = BACKENDS.map((b) => onBackend(b, () => plainify(label, b, f()))) as [PlainOf<T>, PlainOf<T>];
  for (const key of Object.keys(w)) {
    const a = (w as Record<string, Plain>)[key];
    const b = (j as Record<string, Plain>)[key];
    const l = `${label}: '${key}'`;
    if (isDense(a) && isDense(b)) {
      if (a.m !== b.m || a.n !== b.n) assert.fail(`${l}: ${a.m}×${a.n} (wasm) vs ${b.m}×${b.n} (js)`);
      sameBits(l, a.a, b.a);
    } else if (a instanceof Float64Array || a instanceof Int32Array) {
      if (!(b instanceof a.constructor)) assert.fail(`${l}: types differ`);
      sameBits(l, a, b as Float64Array);
    } else if (typeof a === 'number') {
      sameBits(l, [a], [b as number]);
    } else if (a !== b) assert.fail(`${l}: ${String(a)} (wasm) vs ${String(b)} (js)`);
  }
  return w;
}

// ---- inputs are never modified ---------------------------------------------------------------------

/**
 * Calls f with fresh Matrix copies of `mats` (on the current backend) and copies of `vecs`; after f
 * returns or throws, asserts every one of them still holds exactly its original bits, then frees them.
 */
export function guarded<T>(
  label: string,
  mats: readonly Dense[],
  vecs: readonly Float64Array[],
  f: (M: Matrix[], v: Float64Array[]) => T,
): T {
  const Ms = mats.map((D) => Matrix.fromArray(D.a, D.m, D.n));
  const vs = vecs.map((v) => v.slice());
  try {
    return f(Ms, vs);
  } finally {
    // Checked on a throw too: a failing call must leave its inputs alone (a modification found here
    // replaces the call's own error, so an expected-error test reports it).
    try {
      for (let i = 0; i < Ms.length; i++) {
        const now = Ms[i]!.toFloat64Array();
        for (let t = 0; t < now.length; t++) {
          if (!Object.is(now[t], mats[i]!.a[t])) {
            assert.fail(`${label}: input matrix #${i} was modified at entry ${t}: ${mats[i]!.a[t]} → ${now[t]}`);
          }
        }
      }
      for (let i = 0; i < vs.length; i++) {
        for (let t = 0; t < vs[i]!.length; t++) {
          if (!Object.is(vs[i]![t], vecs[i]![t])) assert.fail(`${label}: input vector #${i} was modified at entry ${t}`);
        }
      }
    } finally {
      for (const M of Ms) M.dispose();
    }
  }
}

// ---- errors ------------------------------------------------------------------------------------------

export function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** Asserts f throws LinAlgError with this code (and info / message, when given); returns it. */
export function expectLinAlgError(label: string, f: () => unknown, code: LinAlgErrorCode, info?: number, message?: RegExp): LinAlgError {
  const e = caught(f);
  if (!(e instanceof LinAlgError)) assert.fail(`${label}: expected LinAlgError '${code}', got ${e === undefined ? 'no error' : String(e)}`);
  expect(e.code, `${label}: code`).toBe(code);
  if (info !== undefined) expect(e.info, `${label}: info`).toBe(info);
  if (message !== undefined) expect(e.message, `${label}: message`).toMatch(message);
  return e;
}

/** Asserts f throws a RangeError whose message matches. */
export function expectRangeError(label: string, f: () => unknown, message: RegExp): void {
  const e = caught(f);
  if (!(e instanceof RangeError)) assert.fail(`${label}: expected RangeError, got ${e === undefined ? 'no error' : String(e)}`);
  expect(e.message, `${label}: message`).toMatch(message);
}
