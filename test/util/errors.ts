/**
 * Expected errors, for the suites that check what a failing call throws: always its type, and the
 * code or message where it matters (a bare `toThrow()` or `toThrow(/message/)` would pass on any
 * error, a TypeError from a typo included):
 *
 *   caught(f)                                        the value f throws (undefined if it returns)
 *   expectError(Type, label, f, msg?)                an error of exactly that class (Error means a
 *                                                    plain Error, not a subclass) whose message matches
 *   expectRejection(Type, label, promise, msg?)      the same for a promise that must reject
 *   expectLinAlgError(label, f, code, info?, msg?)   a LinAlgError with this code (info, message)
 *
 * (vitest's `expect(f).toThrow(RangeError)` is fine too where the message does not matter.)
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

type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

function expectThrown<E extends Error>(type: ErrorClass<E>, label: string, e: unknown, what: string, message?: RegExp): E {
  if (!(e instanceof type) || Object.getPrototypeOf(e) !== type.prototype) {
    assert.fail(`${label}: expected ${type.name}, got ${e === undefined ? what : String(e)}`);
  }
  if (message !== undefined) expect((e as E).message, `${label}: message`).toMatch(message);
  return e as E;
}

/** Asserts f throws an error of exactly the class `type` (whose message matches, when given); returns it. */
export function expectError<E extends Error>(type: ErrorClass<E>, label: string, f: () => unknown, message?: RegExp): E {
  return expectThrown(type, label, caught(f), 'no error', message);
}

/** Asserts the promise rejects with an error of exactly the class `type` (whose message matches, when given); returns it. */
export async function expectRejection<E extends Error>(type: ErrorClass<E>, label: string, p: Promise<unknown>, message?: RegExp): Promise<E> {
  let e: unknown;
  try {
    await p;
  } catch (x) {
    e = x;
  }
  return expectThrown(type, label, e, 'no rejection', message);
}
