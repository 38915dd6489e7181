/**
 * Argument checking for the public layer ("validate at the edge, trust inside"). Every check runs
 * before any allocation or kernel call, so a rejected call touches nothing.
 */
import { shapeStr } from './errors.js';

/**
 * The typed arrays of numbers (BigInt64Array and BigUint64Array hold bigints and are not among them).
 *
 * @example
 * ```ts
 * const v: NumericTypedArray = new Int32Array([1, 2, 3]);
 * norm(v); // √14
 * ```
 */
export type NumericTypedArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray;

/**
 * A vector argument: a plain array of numbers or any typed array of numbers (converted to float64;
 * Float16Array too where the engine has it).
 *
 * @example
 * ```ts
 * dot([1, 2, 3], new Float32Array([4, 5, 6])); // 32
 * ```
 */
export type VectorLike = NumericTypedArray | readonly number[];

/** A typed array of numbers: any ArrayBuffer view but a DataView and the two BigInt arrays. */
export function isNumericTypedArray(x: unknown): x is NumericTypedArray {
  return ArrayBuffer.isView(x) && !(x instanceof DataView) && !isBigIntArray(x);
}

/**
 * The limits of one matrix: each dimension and the number of entries at most 2^28 (2 GiB of
 * float64s, what one wasm32 allocation can hold). A dimension past it is refused up front — an empty
 * matrix of 2^31 rows would otherwise cost loops of 2^31 steps (or 2^31 rows of nested arrays).
 */
export const MAX_DIM = 2 ** 28;
export const MAX_ENTRIES = 2 ** 28;

/** A dimension argument: an integer in [0, 2^28]. */
export function checkSize(fn: string, name: string, v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must be a number, got ${typeof v}`);
  if (!Number.isInteger(v) || v < 0 || v > MAX_DIM) {
    throw new RangeError(`${fn}: ${name} must be an integer in [0, 2^28], got ${v}`);
  }
  return v;
}

/** An index argument: an integer in [0, n). */
export function checkIndex(fn: string, name: string, v: unknown, n: number): number {
  if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must be a number, got ${typeof v}`);
  if (!Number.isInteger(v) || v < 0 || v >= n) {
    throw new RangeError(`${fn}: ${name} = ${v} is out of range [0, ${n})`);
  }
  return v;
}

/** How a value is named in a message: its type, or its class for an object ("null", "an array", "Map"). */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'an object';
  return typeof x;
}

/**
 * A tolerance option — a threshold such as lstsq's `rcond`, pinv's `rtol`, matrixRank's `tol`, or a
 * step such as numericGradient's `eps`. `undefined` means absent (the caller applies its default);
 * anything else must be a number (TypeError) that is not NaN and not negative (RangeError). +Infinity
 * is a meaningful threshold (every value counts as zero) and is accepted unless `finite`; `positive`
 * also rejects 0 (a step).
 */
export function tolerance(
  fn: string,
  name: string,
  v: unknown,
  o: { positive?: boolean; finite?: boolean } = {},
): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must be a number, got ${describe(v)}`);
  const ok = (o.positive === true ? v > 0 : v >= 0) && (o.finite !== true || v !== Infinity);
  if (!ok) {
    const want = `${o.positive === true ? 'a positive' : 'a non-negative'}${o.finite === true ? ' finite' : ''} number`;
    throw new RangeError(`${fn}: ${name} must be ${want}, got ${v}`);
  }
  return v;
}

export function checkNumber(fn: string, name: string, v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must be a number, got ${typeof v}`);
  return v;
}

/** rows × cols within the limits of one matrix (each dimension and the entries ≤ 2^28). */
export function checkShape(fn: string, rows: number, cols: number): void {
  checkSize(fn, 'rows', rows);
  checkSize(fn, 'cols', cols);
  if (rows * cols > MAX_ENTRIES) {
    throw new RangeError(`${fn}: a ${shapeStr(rows, cols)} matrix is too large for wasm32 (over 2^28 entries)`);
  }
}

/**
 * An options argument: `undefined` and `null` mean "no options" (an empty object is returned);
 * anything else must be an object that is not an array (TypeError naming the function otherwise).
 */
export function optionsOf<T extends object>(fn: string, o: T | null | undefined): Partial<T> {
  if (o === undefined || o === null) return {};
  if (typeof o !== 'object' || Array.isArray(o) || ArrayBuffer.isView(o)) {
    throw new TypeError(`${fn}: options must be an object (or undefined/null), got ${describe(o)}`);
  }
  return o;
}

/** A BigInt64Array or BigUint64Array (entries are bigints, not numbers). */
export function isBigIntArray(x: unknown): boolean {
  return (
    (typeof BigInt64Array === 'function' && x instanceof BigInt64Array) ||
    (typeof BigUint64Array === 'function' && x instanceof BigUint64Array)
  );
}

/** Copies a vector argument into a fresh Float64Array after checking every entry is a number. */
export function toVector(fn: string, name: string, x: unknown): Float64Array {
  if (x instanceof Float64Array) return x.slice();
  if (isBigIntArray(x)) {
    throw new TypeError(`${fn}: ${name} is a ${describe(x)}: vectors hold numbers, not bigints (convert it to a Float64Array)`);
  }
  if (Array.isArray(x)) {
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const v: unknown = x[i];
      if (typeof v !== 'number') throw new TypeError(`${fn}: ${name}[${i}] must be a number, got ${typeof v}`);
      out[i] = v;
    }
    return out;
  }
  if (isNumericTypedArray(x)) return Float64Array.from(x);
  throw new TypeError(`${fn}: ${name} must be an array of numbers or a typed array, got ${describe(x)}`);
}

/**
 * A vector argument that will only be read: a Float64Array as it is (no copy — for a vector of more
 * than 8 entries a copy is an off-heap allocation that costs more than a small product), anything
 * else converted as by {@link toVector}.
 */
export function readVector(fn: string, name: string, x: unknown): Float64Array {
  return x instanceof Float64Array ? x : toVector(fn, name, x);
}

/** Checks a nested array is rectangular and all-number; returns its shape. */
export function nestedShape(fn: string, name: string, data: unknown): [number, number] {
  if (!Array.isArray(data)) throw new TypeError(`${fn}: ${name} must be an array of rows (number[][])`);
  const rows = data.length;
  if (rows === 0) return [0, 0];
  const first: unknown = data[0];
  if (!Array.isArray(first) && !ArrayBuffer.isView(first)) {
    throw new TypeError(`${fn}: ${name}[0] must be an array of numbers (a row)`);
  }
  const cols = (first as ArrayLike<number>).length;
  for (let i = 0; i < rows; i++) {
    const row: unknown = data[i];
    if (!Array.isArray(row) && !isNumericTypedArray(row) && !isBigIntArray(row)) {
      throw new TypeError(`${fn}: ${name}[${i}] must be an array of numbers (a row)`);
    }
    const r = row as ArrayLike<unknown>;
    if (r.length !== cols) {
      throw new RangeError(`${fn}: ${name} is ragged: row 0 has ${cols} entries but row ${i} has ${r.length}`);
    }
    for (let j = 0; j < cols; j++) {
      if (typeof r[j] !== 'number') {
        throw new TypeError(`${fn}: ${name}[${i}][${j}] must be a number, got ${typeof r[j]}`);
      }
    }
  }
  checkShape(fn, rows, cols);
  return [rows, cols];
}
