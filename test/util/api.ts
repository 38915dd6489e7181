/**
 * The harness of the API-level suites (test/api/): the public functions of bindings/index.ts run on
 * both backends.
 *
 *   setupApi / BACKENDS /     load the library (both backends, WASM selected); run a computation
 *   onBackend                 with one backend selected;
 *   onBoth                    the differential test of the mirrored backends: runs a computation
 *                             under the WASM and then the JS backend and asserts the two results
 *                             agree — the same keys, the same shapes, the same bits
 *                             (expectBitwise, test/util/tolerance.ts), key by key for an object of
 *                             results; every Matrix result must be stored on the backend that made
 *                             it, and is disposed. Returns the WASM result as plain data;
 *   guarded                   hands a computation fresh Matrix copies of its inputs and asserts,
 *                             after the call (returned or thrown), that every input is bit-identical;
 *   setupApiSuite             load the library and check, after every test, that it left no WASM
 *                             block allocated (a leak);
 *   setupLapackSuite          the hooks of the LAPACK-style suites: load both backends, restore the
 *                             tuning and check no WASM block is left allocated after each test (error
 *                             paths included), print the worst ratios with SHOW_RATIOS=1
 *                             (test/util/ratios.ts);
 *   SIZES                     the sizes those suites run under every tuning of TUNINGS
 *                             (test/util/engines.ts).
 *
 * Errors: test/util/errors.ts.
 */
import { afterAll, afterEach, assert, beforeAll, expect } from 'vitest';
import { setBackend, Matrix, memoryStats, type BackendName } from '../../bindings/index.js';
import { resetTuning, initBuildUnderTest, buildUnderTest } from './engines.js';
import { reportRatios } from './ratios.js';
import { expectBitwise } from './tolerance.js';
import { SMALL } from '../../bindings/core/lapack.js';
import { dense, type Dense } from './dense.js';

export const BACKENDS: readonly BackendName[] = ['wasm', 'js'];

/**
 * Where a result made under `backend` must be stored: on that backend, except that a matrix of at
 * most SMALL entries always lives on the JS heap (Matrix._alloc).
 */
export function storedOn(backend: BackendName, M: Matrix): BackendName {
  return M.rows * M.cols <= SMALL ? 'js' : backend;
}

/** A result as a flat array (row-major for a Matrix; a number as a 1-vector). */
export function flat(r: Result): Float64Array {
  if (r instanceof Matrix) return r.toFloat64Array();
  if (typeof r === 'number') return Float64Array.of(r);
  return r;
}

/**
 * Loads the library (both backends: the WASM one on the build under test, engines.ts
 * `buildUnderTest`: the SIMD build, or the relaxed one in the `*-relaxed` projects) and selects the
 * WASM backend.
 */
export async function setupApi(): Promise<void> {
  await initBuildUnderTest();
  setBackend('wasm');
}

/** Runs f with `name` selected, then goes back to 'wasm'. */
export function onBackend<T>(name: BackendName, f: () => T): T {
  setBackend(name);
  try {
    return f();
  } finally {
    setBackend('wasm');
  }
}

/** Sizes that put small matrices through the blocked paths: 1, 2, a panel ± 1, two panels + 1. */
export const SIZES = [1, 2, 7, 16, 17, 33] as const;

/**
 * Registers the per-file hooks of an API suite (call at the top level of the file): load the library
 * (setupApi) and, after every test, check that no WASM block is left allocated — a leak fails the
 * test that made it, not every later one.
 */
export function setupApiSuite(name: string): void {
  let blocks = 0;
  beforeAll(async () => {
    await setupApi();
    blocks = memoryStats().blocksInUse;
  });
  afterEach(() => {
    const before = blocks;
    blocks = memoryStats().blocksInUse;
    expect(blocks - before, `${name}: WASM blocks left allocated by the test (a leak)`).toBe(0);
  });
}

/** The hooks of a LAPACK-style suite: setupApiSuite's, plus the tuning restored after every test and the worst ratios printed with SHOW_RATIOS=1. */
export function setupLapackSuite(name: string): void {
  setupApiSuite(name);
  afterEach(resetTuning);
  afterAll(() => reportRatios(name));
}

// ---- both backends, bit for bit ------------------------------------------------------------------

/** A single result of a computation. */
export type Result = Matrix | Float64Array | number;
export type Plain = Dense | Float64Array | Int32Array | number | boolean | string | undefined;
/** A member of an object of results; `dispose` (non-enumerable on result objects) is ignored. */
type Out = Matrix | Plain | (() => void);
export type PlainOf<T> = { [K in keyof T]: T[K] extends Matrix ? Dense : T[K] extends Matrix | undefined ? Dense | undefined : T[K] };

function isDense(x: unknown): x is Dense {
  return typeof x === 'object' && x !== null && 'a' in x && 'm' in x && 'n' in x;
}

function isResult(r: unknown): r is Result {
  return r instanceof Matrix || r instanceof Float64Array || typeof r === 'number';
}

function show(x: Plain): string {
  if (isDense(x)) return `a ${x.m}×${x.n} matrix`;
  if (x instanceof Float64Array || x instanceof Int32Array) return `${x.constructor.name}(${x.length})`;
  return typeof x === 'string' ? `'${x}'` : String(x);
}

/** A result as plain data: a Matrix as Dense (after checking where it is stored; then disposed), arrays copied. */
function plain(where: string, backend: BackendName, v: Out): Plain {
  if (v instanceof Matrix) {
    if (v.backend !== storedOn(backend, v)) assert.fail(`${where} of the ${backend} backend is stored on ${v.backend}`);
    const D = dense(v.rows, v.cols, v.toFloat64Array());
    v.dispose();
    return D;
  }
  if (v instanceof Float64Array || v instanceof Int32Array) return v.slice();
  return v as Plain;
}

/** Asserts the WASM and the JS backend's values of one result agree: same kind and shape, same bits. */
function expectSame(label: string, w: Plain, j: Plain): void {
  const differ = (): never => assert.fail(`${label}: wasm gives ${show(w)}, js gives ${show(j)}`);
  // The relaxed build may fuse multiply-adds: the same kinds and shapes, values left to the suites' ratios.
  const bits = buildUnderTest() !== 'relaxed';
  if (isDense(w) || isDense(j)) {
    if (!isDense(w) || !isDense(j) || w.m !== j.m || w.n !== j.n) differ();
    if (bits) expectBitwise(`${label}: wasm vs js`, (w as Dense).a, (j as Dense).a);
  } else if (w instanceof Float64Array || w instanceof Int32Array) {
    if (!(j instanceof w.constructor) || (j as Float64Array).length !== w.length) differ();
    if (bits) expectBitwise(`${label}: wasm vs js`, w, j as Float64Array | Int32Array);
  } else if (typeof w === 'number') {
    if (typeof j !== 'number') differ();
    if (bits) expectBitwise(`${label}: wasm vs js`, [w], [j as number]);
  } else if (w !== j && bits) differ();
}

/**
 * Runs f under the WASM and then the JS backend (with the tuning in force) and asserts the results
 * agree bit for bit: for a single result (a Matrix, a Float64Array, a number) its shape and bits;
 * for an object of results, its keys, then every member's shape and bits. Every Matrix result must
 * be stored on the backend that made it, and is disposed. Returns the WASM result: a single one
 * flattened (row-major for a Matrix, a 1-vector for a number); an object with its matrices as Dense.
 */
export function onBoth(label: string, f: () => Result): Float64Array;
export function onBoth<T extends Record<string, Out>>(label: string, f: () => T): PlainOf<T>;
export function onBoth(label: string, f: () => Result | Record<string, Out>): Float64Array | Record<string, Plain> {
  type Run = { single: true; value: Plain } | { single: false; value: Record<string, Plain> };
  const [w, j] = BACKENDS.map((b): Run =>
    onBackend(b, () => {
      const r = f();
      if (isResult(r)) return { single: true, value: plain(`${label}: the result`, b, r) };
      const out: Record<string, Plain> = {};
      for (const [k, v] of Object.entries(r)) if (typeof v !== 'function') out[k] = plain(`${label}: result '${k}'`, b, v);
      return { single: false, value: out };
    }),
  ) as [Run, Run];
  if (w.single !== j.single) {
    assert.fail(`${label}: wasm gives ${w.single ? 'a single result' : 'an object of results'}, js ${j.single ? 'a single result' : 'an object of results'}`);
  }
  if (w.single) {
    expectSame(label, w.value, j.value as Plain);
    const v = w.value;
    return isDense(v) ? v.a : typeof v === 'number' ? Float64Array.of(v) : (v as Float64Array);
  }
  const wv = w.value;
  const jv = j.value as Record<string, Plain>;
  expect(Object.keys(jv).sort(), `${label}: the keys of the js result`).toEqual(Object.keys(wv).sort());
  for (const key of Object.keys(wv)) expectSame(`${label}: '${key}'`, wv[key], jv[key]);
  return wv;
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
      Ms.forEach((M, i) => expectBitwise(`${label}: input matrix #${i} was modified (now vs before)`, M.toFloat64Array(), mats[i]!.a));
      vs.forEach((v, i) => expectBitwise(`${label}: input vector #${i} was modified (now vs before)`, v, vecs[i]!));
    } finally {
      for (const M of Ms) M.dispose();
    }
  }
}
