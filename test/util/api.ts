/**
 * Helpers for the public-API suites: run the same computation under each backend, compare the
 * results bit for bit, free what was made.
 */
import { assert } from 'vitest';
import { init, setBackend, Matrix, type BackendName } from '../../bindings/index.js';
import { expectBitwise } from './tolerance.js';
import { SMALL } from '../../bindings/core/lapack.js';

export const BACKENDS: readonly BackendName[] = ['wasm', 'js'];

/**
 * Where a result made under `backend` must be stored: on that backend, except that a matrix of at
 * most SMALL entries always lives on the JS heap (Matrix._alloc).
 */
export function storedOn(backend: BackendName, M: Matrix): BackendName {
  return M.rows * M.cols <= SMALL ? 'js' : backend;
}

/** Loads the library (both backends) and selects the WASM one. */
export async function setupApi(): Promise<void> {
  await init();
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

export type Result = Matrix | Float64Array | number;

/** A result as a flat array (row-major for a Matrix), plus its shape for messages. */
export function flat(r: Result): Float64Array {
  if (r instanceof Matrix) return r.toFloat64Array();
  if (typeof r === 'number') return Float64Array.of(r);
  return r;
}

function shapeOf(r: Result): string {
  return r instanceof Matrix ? `${r.rows}×${r.cols}` : typeof r === 'number' ? 'scalar' : `vector(${r.length})`;
}

/**
 * Runs `f` under the WASM and the JS backend; asserts both results have the same shape and equal
 * bits; disposes returned matrices; returns the (WASM) result flattened, row-major.
 */
export function onBoth(label: string, f: () => Result): Float64Array {
  const out: { flat: Float64Array; shape: string }[] = [];
  for (const b of BACKENDS) {
    const r = onBackend(b, f);
    if (r instanceof Matrix) {
      if (r.backend !== storedOn(b, r)) assert.fail(`${label}: result of the ${b} backend is stored on ${r.backend}`);
    }
    out.push({ flat: flat(r).slice(), shape: shapeOf(r) });
    if (r instanceof Matrix) r.dispose();
  }
  const [w, j] = out as [(typeof out)[0], (typeof out)[0]];
  if (w.shape !== j.shape) assert.fail(`${label}: wasm gives ${w.shape}, js gives ${j.shape}`);
  expectBitwise(`${label}: wasm vs js`, w.flat, j.flat);
  return w.flat;
}
