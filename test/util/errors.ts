/**
 * Expected errors, for the suites that check what a failing call throws (the type, and the code or
 * message where it matters):
 *
 *   caught(f)                                        the value f throws (undefined if it returns)
 *   expectLinAlgError(label, f, code, info?, msg?)   a LinAlgError with this code (info, message)
 *   expectRangeError(label, f, msg)                  a RangeError whose message matches
 */
import { assert, expect } from 'vitest';
import { LinAlgError, type LinAlgErrorCode } from '../../bindings/index.js';

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
