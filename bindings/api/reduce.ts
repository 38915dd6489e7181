/**
 * Reductions over all entries or along an axis, with numpy's meaning of `axis`: `{ axis: 0 }` reduces
 * over the rows (one value per column), `{ axis: 1 }` over the columns (one value per row); −2 and −1
 * are accepted as numpy's negative spellings of 0 and 1. Without an axis the result is a number, with
 * one a Float64Array.
 *
 * Every reduction is a plain loop over the column-major storage in a fixed order (columns left to
 * right, each top to bottom), the same JS code on both backends, so results are bit-identical.
 * Accuracy: sums are compensated (Neumaier), the variance is the corrected two-pass formula on data
 * scaled by a power of two (exact), so neither overflows nor underflows when the answer is
 * representable, and the spread of [1e9 + 1, 1e9 + 2, 1e9 + 3] comes out exact.
 *
 * Empty inputs: the sum of no entries is 0 and a vector norm of no entries is 0 (numpy). numpy's mean,
 * var and std of an empty reduction are NaN with a warning, and its min, max, argmin and argmax raise:
 * here all of those throw a RangeError naming the function and the shape. A reduction along an axis
 * of which there are no lines (axis 0 of an m×0 matrix) gives an empty Float64Array, as numpy.
 */
import { shapeStr } from '../core/errors.js';
import { describe, optionsOf } from '../core/validate.js';
import { withMatrix, type MatrixLike } from './convert.js';
import type { Matrix } from './matrix.js';

/**
 * A reduction axis: 0 reduces over the rows (one result per column), 1 over the columns; −2 and −1 as numpy.
 *
 * @example
 * ```ts
 * const axis: Axis = 0;
 * sum([[1, 2], [3, 4]], { axis }); // Float64Array [4, 6]
 * ```
 */
export type Axis = 0 | 1 | -2 | -1;

/**
 * Options of the reductions: the axis, or none (`undefined`/`null`) for all entries.
 *
 * @example
 * ```ts
 * mean([[1, 2], [3, 4]]);              // 2.5
 * mean([[1, 2], [3, 4]], { axis: 1 }); // Float64Array [1.5, 3.5]
 * ```
 */
export interface AxisOptions {
  /** 0: one value per column; 1: one value per row; absent: one value over all entries. */
  axis?: Axis | null;
}

/**
 * Options of `variance` and `std`.
 *
 * @example
 * ```ts
 * std([1, 2, 3, 4].map((x) => [x]), { ddof: 1 }); // the sample standard deviation, ≈ 1.29
 * ```
 */
export interface VarianceOptions extends AxisOptions {
  /** Delta degrees of freedom: the divisor is N − ddof (default 0, numpy's; 1 for the sample variance). */
  ddof?: number;
}

/**
 * Options of `norm` with an axis: vector norms of the columns (axis 0) or rows (axis 1).
 *
 * @example
 * ```ts
 * norm([[3, 1], [4, 1]], 2, { axis: 0 }); // Float64Array [5, √2]
 * ```
 */
export interface NormAxisOptions {
  /** 0: the norm of each column; 1: the norm of each row. */
  axis: Axis;
}

/**
 * @internal The entries a reduction visits: `n` entries `is` apart, in `on` groups `os` apart, from
 * `base`; the row-major flat index of entry (group o, k) is o·fo + k·fk (for argmin/argmax).
 */
export interface Line {
  base: number;
  is: number;
  n: number;
  os: number;
  on: number;
  fo: number;
  fk: number;
}

/** @internal The axis option (0 or 1, or undefined for none), checked. */
export function axisOf(fn: string, options: unknown): 0 | 1 | undefined {
  const axis: unknown = optionsOf(fn, options as { axis?: unknown } | null | undefined).axis;
  if (axis === undefined || axis === null) return undefined;
  if (typeof axis !== 'number') throw new TypeError(`${fn}: axis must be 0 or 1 (or -2, -1), got ${describe(axis)}`);
  if (axis === 0 || axis === -2) return 0;
  if (axis === 1 || axis === -1) return 1;
  throw new RangeError(`${fn}: axis must be 0 or 1 (or -2, -1) for a 2-D matrix, got ${axis}`);
}

/**
 * @internal Runs `f` on every line of A for `axis` — all entries, each column (axis 0) or each row
 * (axis 1) — and returns a number or one value per line. When `what` is given an empty line is a
 * RangeError (`${fn}: … has no ${what}`), else `f` sees it (and gives the empty answer itself).
 */
export function reduceLines(
  fn: string,
  A: Matrix,
  axis: 0 | 1 | undefined,
  what: string | null,
  f: (a: Float64Array, L: Line) => number,
): number | Float64Array {
  const m = A.rows;
  const n = A.cols;
  const s = A._store(fn);
  const a = s.array();
  const ld = A._ld;
  if (axis === undefined) {
    if (m * n === 0 && what !== null) throw new RangeError(`${fn}: A is ${shapeStr(m, n)}: no entries to take the ${what} of`);
    return f(a, { base: s.offset, is: 1, n: m, os: ld, on: n, fo: 1, fk: n });
  }
  const count = axis === 0 ? n : m;
  const len = axis === 0 ? m : n;
  if (count > 0 && len === 0 && what !== null) {
    throw new RangeError(`${fn}: A is ${shapeStr(m, n)}: the ${axis === 0 ? 'columns' : 'rows'} have no entries to take the ${what} of (axis ${axis})`);
  }
  const out = new Float64Array(count);
  for (let t = 0; t < count; t++) {
    out[t] = f(a, axis === 0 ? { base: s.offset + t * ld, is: 1, n: m, os: 0, on: 1, fo: 0, fk: 1 } : { base: s.offset + t, is: ld, n, os: 0, on: 1, fo: 0, fk: 1 });
  }
  return out;
}

/** @internal Σ f·x over a line, compensated (Neumaier); ±Inf/NaN as IEEE when the plain sum is not finite. */
export function sumLine(a: Float64Array, L: Line, f = 1): number {
  let s = 0;
  let c = 0;
  const { base, is, n, os, on } = L;
  for (let o = 0; o < on; o++) {
    const b = base + o * os;
    for (let k = 0, q = b; k < n; k++, q += is) {
      const x = a[q]! * f;
      const t = s + x;
      if (Math.abs(s) >= Math.abs(x)) c += s - t + x;
      else c += x - t + s;
      s = t;
    }
  }
  return Number.isFinite(s) ? s + c : s;
}

/** @internal max |x| over a line; NaN as soon as an entry is NaN; 0 for an empty line. */
export function maxAbsLine(a: Float64Array, L: Line): number {
  let m = 0;
  const { base, is, n, os, on } = L;
  for (let o = 0; o < on; o++) {
    const b = base + o * os;
    for (let k = 0, q = b; k < n; k++, q += is) {
      const x = Math.abs(a[q]!);
      if (x > m) m = x;
      else if (x !== x) return NaN;
    }
  }
  return m;
}

/** @internal A power of two 2^e near a positive finite x (e clamped so 2^e and 2^−e are both finite). */
export function binade(x: number): number {
  return Math.min(1023, Math.max(-1022, Math.floor(Math.log2(x))));
}

/** @internal The mean of a non-empty line: the compensated sum / N, rescaled by a power of two when the sum overflows. */
export function meanLine(a: Float64Array, L: Line): number {
  const count = L.n * L.on;
  const s = sumLine(a, L);
  if (Number.isFinite(s)) return s / count;
  const amax = maxAbsLine(a, L);
  if (!Number.isFinite(amax)) return s / count; // an Inf or NaN entry: IEEE's answer
  const e = binade(amax);
  return (sumLine(a, L, 2 ** -e) / count) * 2 ** e;
}

/**
 * @internal The variance (or, with `root`, the standard deviation) of a non-empty line with N − ddof > 0:
 * the corrected two-pass formula (Σd² − (Σd)²/N)/(N − ddof), d = x − mean, on the data scaled by a
 * power of two (exact) so that nothing overflows or underflows. NaN for a NaN or infinite entry.
 */
export function varianceLine(a: Float64Array, L: Line, ddof: number, root: boolean): number {
  const count = L.n * L.on;
  const amax = maxAbsLine(a, L);
  if (!Number.isFinite(amax)) return NaN;
  if (amax === 0) return 0;
  const e = binade(amax);
  const f = 2 ** -e;
  const mu = sumLine(a, L, f) / count;
  let sd = 0;
  let s2 = 0;
  let c2 = 0;
  const { base, is, n, os, on } = L;
  for (let o = 0; o < on; o++) {
    const b = base + o * os;
    for (let k = 0, q = b; k < n; k++, q += is) {
      const d = a[q]! * f - mu;
      sd += d;
      const x = d * d;
      const t = s2 + x;
      c2 += s2 >= x ? s2 - t + x : x - t + s2;
      s2 = t;
    }
  }
  const q = Math.max(0, (s2 + c2 - (sd * sd) / count) / (count - ddof));
  const p = 2 ** e;
  return root ? Math.sqrt(q) * p : q * p * p;
}

/**
 * What a reduction returns for options of type O: a number without an axis, a Float64Array with one.
 *
 * @example
 * ```ts
 * const total: Reduced<{}> = sum(A);                         // number
 * const perColumn: Reduced<{ axis: 0 }> = sum(A, { axis: 0 }); // Float64Array
 * ```
 */
export type Reduced<O> = O extends {
  /** An axis given: one result per column or row. */
  axis: Axis;
}
  ? Float64Array
  : O extends {
        /** No axis: one result over all entries. */
        axis?: null | undefined;
      }
    ? number
    : number | Float64Array;

function reduction(fn: string, x: MatrixLike, options: AxisOptions | null | undefined, what: string | null, f: (a: Float64Array, L: Line) => number): number | Float64Array {
  const axis = axisOf(fn, options);
  return withMatrix(fn, 'A', x, (A) => reduceLines(fn, A, axis, what, f));
}

/**
 * The sum of the entries (a number), or of each column (`{ axis: 0 }`) or row (`{ axis: 1 }`) as a
 * Float64Array. Compensated summation; the sum of no entries is 0 (numpy).
 * @example
 * sum([[1, 2], [3, 4]]); // 10
 * sum([[1, 2], [3, 4]], { axis: 0 }); // Float64Array [4, 6]
 */
export function sum<O extends AxisOptions = {}>(A: MatrixLike, options?: O | null): Reduced<O>;
export function sum(A: MatrixLike, options?: AxisOptions | null): number | Float64Array {
  return reduction('sum', A, options, null, (a, L) => (L.n * L.on === 0 ? 0 : sumLine(a, L)));
}

/**
 * The arithmetic mean of the entries, or of each column (`{ axis: 0 }`) or row (`{ axis: 1 }`). An
 * empty reduction is a RangeError (numpy: NaN and a warning). No overflow when the mean is representable.
 * @example
 * mean([[1, 2], [3, 4]]); // 2.5
 * mean([[1, 2], [3, 4]], { axis: 1 }); // Float64Array [1.5, 3.5]
 */
export function mean<O extends AxisOptions = {}>(A: MatrixLike, options?: O | null): Reduced<O>;
export function mean(A: MatrixLike, options?: AxisOptions | null): number | Float64Array {
  return reduction('mean', A, options, 'mean', meanLine);
}

/** @internal The ddof option, checked (a finite number ≥ 0; default `dflt`). */
export function ddofOf(fn: string, options: { ddof?: unknown }, dflt: number): number {
  const d = options.ddof;
  if (d === undefined) return dflt;
  if (typeof d !== 'number') throw new TypeError(`${fn}: ddof must be a number, got ${describe(d)}`);
  if (!(d >= 0) || !Number.isFinite(d)) throw new RangeError(`${fn}: ddof must be a finite number ≥ 0, got ${d}`);
  return d;
}

function spread(fn: string, x: MatrixLike, options: VarianceOptions | null | undefined, root: boolean): number | Float64Array {
  const axis = axisOf(fn, options);
  const ddof = ddofOf(fn, optionsOf(fn, options), 0);
  return withMatrix(fn, 'A', x, (A) => {
    const len = axis === undefined ? A.rows * A.cols : axis === 0 ? A.rows : A.cols;
    const lines = axis === undefined ? 1 : axis === 0 ? A.cols : A.rows;
    if (lines > 0 && len > 0 && len - ddof <= 0) {
      throw new RangeError(
        `${fn}: ddof = ${ddof} leaves no degrees of freedom: A is ${shapeStr(A.rows, A.cols)}, ${len} entr${len === 1 ? 'y' : 'ies'} per reduction (need more than ddof)`,
      );
    }
    return reduceLines(fn, A, axis, root ? 'standard deviation' : 'variance', (a, L) => varianceLine(a, L, ddof, root));
  });
}

/**
 * The variance Σ(x − mean)²/(N − ddof) of the entries, or of each column / row (`axis`); ddof defaults
 * to 0 as numpy's `var` (pass `{ ddof: 1 }` for the sample variance). Two-pass and scaled: exact for
 * [1e9 + 1, 1e9 + 2, 1e9 + 3], no overflow for entries near 1e200. An empty reduction, or N ≤ ddof, is a
 * RangeError (numpy: NaN or Inf with a warning); a NaN or infinite entry gives NaN.
 * @example
 * variance([[1, 2], [3, 4]]); // 1.25
 * variance([[1, 2], [3, 4]], { axis: 0, ddof: 1 }); // Float64Array [2, 2]
 */
export function variance<O extends VarianceOptions = {}>(A: MatrixLike, options?: O | null): Reduced<O>;
export function variance(A: MatrixLike, options?: VarianceOptions | null): number | Float64Array {
  return spread('variance', A, options, false);
}

/**
 * The standard deviation √variance of the entries or of each column / row (options as {@link variance}:
 * `axis`, `ddof` default 0 as numpy).
 * @example
 * std([[1, 2], [3, 4]]); // 1.118033988749895
 * std([[1e9 + 1, 1e9 + 2, 1e9 + 3]]); // 0.816496580927726 (exact: √(2/3))
 */
export function std<O extends VarianceOptions = {}>(A: MatrixLike, options?: O | null): Reduced<O>;
export function std(A: MatrixLike, options?: VarianceOptions | null): number | Float64Array {
  return spread('std', A, options, true);
}

/** The extreme of a non-empty line: the smallest (sign −1) or the largest (+1); NaN if an entry is NaN. */
function extremeLine(a: Float64Array, L: Line, sign: 1 | -1): number {
  let best = sign * -Infinity;
  const { base, is, n, os, on } = L;
  for (let o = 0; o < on; o++) {
    const b = base + o * os;
    for (let k = 0, q = b; k < n; k++, q += is) {
      const x = a[q]!;
      if (x !== x) return NaN;
      if (sign > 0 ? x > best : x < best) best = x;
    }
  }
  return best;
}

/** The row-major flat index of the extreme of a non-empty line: the first one; the first NaN if any (numpy). */
function argExtremeLine(a: Float64Array, L: Line, sign: 1 | -1): number {
  let best = NaN;
  let at = -1;
  const { base, is, n, os, on } = L;
  for (let o = 0; o < on; o++) {
    const b = base + o * os;
    for (let k = 0, q = b; k < n; k++, q += is) {
      const x = a[q]!;
      const flat = o * L.fo + k * L.fk; // only for ties and NaN order
      if (x !== x) {
        if (at < 0 || best === best || flat < at) {
          best = NaN;
          at = flat;
        }
      } else if (at < 0 || (best === best && ((sign > 0 ? x > best : x < best) || (x === best && flat < at)))) {
        best = x;
        at = flat;
      }
    }
  }
  return at;
}

/**
 * The smallest entry, or the smallest of each column / row (`axis`). NaN if an entry is NaN (numpy's
 * `min`); an empty reduction is a RangeError (numpy raises too).
 * @example
 * min([[3, 1], [2, 5]]); // 1
 * min([[3, 1], [2, 5]], { axis: 0 }); // Float64Array [2, 1]
 */
export function min<O extends AxisOptions = {}>(A: MatrixLike, options?: O | null): Reduced<O>;
export function min(A: MatrixLike, options?: AxisOptions | null): number | Float64Array {
  return reduction('min', A, options, 'minimum', (a, L) => extremeLine(a, L, -1));
}

/**
 * The largest entry, or the largest of each column / row (`axis`); NaN propagates, an empty reduction
 * is a RangeError (as {@link min}).
 * @example
 * max([[3, 1], [2, 5]]); // 5
 * max([[3, 1], [2, 5]], { axis: 1 }); // Float64Array [3, 5]
 */
export function max<O extends AxisOptions = {}>(A: MatrixLike, options?: O | null): Reduced<O>;
export function max(A: MatrixLike, options?: AxisOptions | null): number | Float64Array {
  return reduction('max', A, options, 'maximum', (a, L) => extremeLine(a, L, 1));
}

/**
 * The index of the smallest entry: without an axis the row-major flat index i·cols + j (numpy's
 * `argmin`), with one the row index in each column (axis 0) or the column index in each row (axis 1).
 * The first occurrence wins a tie; a NaN counts as the extreme (the first NaN's index, as numpy).
 * An empty reduction is a RangeError.
 * @example
 * argmin([[3, 1], [0, 5]]); // 2 (row 1, column 0)
 * argmin([[3, 1], [0, 5]], { axis: 0 }); // Float64Array [1, 0]
 */
export function argmin<O extends AxisOptions = {}>(A: MatrixLike, options?: O | null): Reduced<O>;
export function argmin(A: MatrixLike, options?: AxisOptions | null): number | Float64Array {
  return reduction('argmin', A, options, 'argmin', (a, L) => argExtremeLine(a, L, -1));
}

/**
 * The index of the largest entry (flat row-major without an axis, per column / row with one; ties and
 * NaN as {@link argmin}).
 * @example
 * argmax([[3, 1], [0, 5]]); // 3
 * argmax([[3, 1], [0, 5]], { axis: 1 }); // Float64Array [0, 1]
 */
export function argmax<O extends AxisOptions = {}>(A: MatrixLike, options?: O | null): Reduced<O>;
export function argmax(A: MatrixLike, options?: AxisOptions | null): number | Float64Array {
  return reduction('argmax', A, options, 'argmax', (a, L) => argExtremeLine(a, L, 1));
}

/**
 * @internal Vector norms of the columns (axis 0) or rows (axis 1) of A: ord 2 (scaled by a power of
 * two: no overflow for 1e200 entries, no underflow for 1e-200), 1 (Σ|x|) or Infinity (max |x|). A
 * NaN entry gives NaN, else an infinite one Infinity; an empty line has norm 0 (numpy).
 */
export function lineNorms(fn: string, A: Matrix, axis: 0 | 1, ord: number): Float64Array {
  return reduceLines(fn, A, axis, null, (a, L) => {
    const amax = maxAbsLine(a, L);
    if (ord === Infinity || !Number.isFinite(amax) || amax === 0) return amax;
    const { base, is, n } = L; // one group: a column or a row
    if (ord === 1) {
      let s = 0;
      for (let k = 0, q = base; k < n; k++, q += is) s += Math.abs(a[q]!);
      return s;
    }
    const e = binade(amax);
    const f = 2 ** -e;
    let s = 0;
    for (let k = 0, q = base; k < n; k++, q += is) {
      const x = a[q]! * f;
      s += x * x;
    }
    return Math.sqrt(s) * 2 ** e;
  }) as Float64Array;
}
