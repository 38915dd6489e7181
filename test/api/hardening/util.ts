/**
 * Helpers shared by the hardening suites (test/api/hardening/*.test.ts): catching an error, asserting
 * its type and that its message names the function, disposing whatever a call returned, and checking
 * the wasm heap is back where it was.
 */
import { expect } from 'vitest';
import { CholeskyFactorization, LUFactorization, LinAlgError, Matrix, memoryStats } from '../../../bindings/index.js';

/** The error `f` throws, or null when it returns (its result disposed). */
export function caught(f: () => unknown): unknown {
  try {
    disposeAll(f());
    return null;
  } catch (e) {
    return e;
  }
}

type ErrorType = typeof TypeError | typeof RangeError | typeof ReferenceError | typeof LinAlgError;

/** Asserts `f` throws an instance of `type` whose message starts with `fn` (followed by ':' or ' '). */
export function expectThrows(label: string, f: () => unknown, type: ErrorType, fn: string, pattern?: RegExp): Error {
  const e = caught(f);
  expect(e, `${label}: expected ${type.name}, got ${e === null ? 'a result' : String(e)}`).toBeInstanceOf(type);
  const msg = (e as Error).message;
  expect(msg.startsWith(`${fn}:`) || msg.startsWith(`${fn} `), `${label}: message names ${fn}: "${msg}"`).toBe(true);
  if (pattern !== undefined) expect(msg, label).toMatch(pattern);
  return e as Error;
}

/** Disposes every Matrix (or factorisation) found in a result, however nested. */
export function disposeAll(r: unknown): void {
  if (r instanceof Matrix || r instanceof LUFactorization || r instanceof CholeskyFactorization) {
    r.dispose();
    return;
  }
  if (r === null || typeof r !== 'object' || ArrayBuffer.isView(r)) return;
  for (const v of Array.isArray(r) ? r : Object.values(r)) disposeAll(v);
}

/** blocksInUse and bytesInUse of the wasm heap. */
export function heapUse(): { blocks: number; bytes: number } {
  const s = memoryStats();
  return { blocks: s.blocksInUse, bytes: s.bytesInUse };
}
