/**
 * Printing a matrix numpy-style (`Matrix.prototype.toString` and what `console.log` shows in Node).
 *
 *   Matrix 3×3 (js)
 *   [[ 1.  ,  2.5 , -3.  ],
 *    [ 4.  ,  5.  ,  6.  ],
 *    [ 7.  ,  8.  ,  9.25]]
 *
 * The rules follow numpy's array repr (numpy/core/arrayprint.py, FloatingFormat with the defaults
 * `floatmode='maxprec'`, `suppress=False`):
 *   - one format and one width for every entry shown, so columns line up;
 *   - scientific notation when the largest |x| shown is ≥ 1e8, or the smallest non-zero |x| is < 1e-4,
 *     or their ratio is > 1e3; fixed-point otherwise;
 *   - at most `precision` digits after the decimal point (of the mantissa in scientific notation),
 *     fewer when the value needs fewer (trailing zeros dropped, `1.` for an integer value), padded
 *     with spaces on the right so the decimal points line up (with zeros in scientific notation:
 *     `1.5e+08, 2.0e-05`); exponents padded to the same number of digits, at least two;
 *   - NaN and ±Infinity as JavaScript spells them (so a printed small matrix pastes back as an array
 *     literal), −0 as `-0.`;
 *   - past `maxRows` rows or `maxCols` columns only the corners are shown: the first ⌈max/2⌉ and the
 *     last ⌊max/2⌋ rows (columns), with a `…` row (entry) where the rest was cut. Only the entries
 *     shown are read, so printing costs O(maxRows·maxCols) whatever the shape.
 * Differences from numpy: `precision` defaults to 6 (numpy: 8) and the cut is by rows and columns
 * (numpy: past 1000 entries in all, 3 at each edge).
 */
import { checkSize, describe, optionsOf } from './validate.js';

/**
 * The options of `Matrix.toString`.
 *
 * @example
 * ```ts
 * console.log(A.toString({ precision: 3, maxRows: 6, maxCols: 6 }));
 * ```
 */
export interface FormatOptions {
  /** Digits after the decimal point (of the mantissa in scientific notation), at most; 0 … 20, default 6. */
  precision?: number;
  /** Rows shown before the middle ones are cut (a positive integer or Infinity; default 10). */
  maxRows?: number;
  /** Columns shown before the middle ones are cut (a positive integer or Infinity; default 10). */
  maxCols?: number;
}

/** @internal The defaults of {@link FormatOptions}. */
export const FORMAT_DEFAULTS = { precision: 6, maxRows: 10, maxCols: 10 } as const;

function limit(fn: string, name: string, v: unknown, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must be a number, got ${describe(v)}`);
  if (v === Infinity) return v;
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${fn}: ${name} must be a positive integer or Infinity, got ${v}`);
  return v;
}

/** @internal Checked options with their defaults. */
export function formatOptions(fn: string, options: FormatOptions | null | undefined): Required<FormatOptions> {
  const o = optionsOf(fn, options);
  let precision: number = FORMAT_DEFAULTS.precision;
  if (o.precision !== undefined) {
    precision = checkSize(fn, 'precision', o.precision);
    if (precision > 20) throw new RangeError(`${fn}: precision must be an integer in [0, 20], got ${precision}`);
  }
  return {
    precision,
    maxRows: limit(fn, 'maxRows', o.maxRows, FORMAT_DEFAULTS.maxRows),
    maxCols: limit(fn, 'maxCols', o.maxCols, FORMAT_DEFAULTS.maxCols),
  };
}

/** The indices shown along a dimension of n with at most `max` shown: null where the cut falls. */
function shown(n: number, max: number): (number | null)[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const head = Math.ceil(max / 2);
  const tail = Math.floor(max / 2);
  const out: (number | null)[] = [];
  for (let i = 0; i < head; i++) out.push(i);
  out.push(null);
  for (let i = n - tail; i < n; i++) out.push(i);
  return out;
}

/** Drops trailing zeros of a fraction ("2.500" → "2.5", "3.000" → "3."). */
function trimFraction(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '') : s + '.';
}

/** One number as [integer part with sign, fraction after '.', exponent digits] — or a whole token. */
type Parts = { int: string; frac: string; exp: string | null; expSign: string } | { token: string };

function parts(x: number, precision: number, scientific: boolean): Parts {
  if (Number.isNaN(x)) return { token: 'NaN' };
  if (x === Infinity) return { token: 'Infinity' };
  if (x === -Infinity) return { token: '-Infinity' };
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  if (scientific) {
    const s = a.toExponential(precision); // "1.500000e+8"
    const e = s.indexOf('e');
    const m = trimFraction(s.slice(0, e));
    const dot = m.indexOf('.');
    return { int: (neg ? '-' : '') + m.slice(0, dot), frac: m.slice(dot + 1), exp: s.slice(e + 2), expSign: s[e + 1]! };
  }
  const m = trimFraction(a.toFixed(precision));
  const dot = m.indexOf('.');
  return { int: (neg ? '-' : '') + m.slice(0, dot), frac: m.slice(dot + 1), exp: null, expSign: '' };
}

/**
 * @internal The text of a rows×cols matrix whose entry (i, j) is `at(i, j)`, under the header line
 * `header` (see the module header for the rules).
 */
export function formatMatrix(header: string, rows: number, cols: number, at: (i: number, j: number) => number, o: Required<FormatOptions>): string {
  if (rows === 0 || cols === 0) return `${header}\n[]`;
  const ri = shown(rows, o.maxRows);
  const ci = shown(cols, o.maxCols);
  // The entries shown, read once.
  const values: (number[] | null)[] = ri.map((i) => (i === null ? null : ci.map((j) => (j === null ? 0 : at(i, j)))));
  let max = 0;
  let min = Infinity;
  for (const row of values) {
    if (row === null) continue;
    row.forEach((x, k) => {
      if (ci[k] === null || !Number.isFinite(x) || x === 0) return;
      const a = Math.abs(x);
      if (a > max) max = a;
      if (a < min) min = a;
    });
  }
  const scientific = max !== 0 && (max >= 1e8 || min < 1e-4 || max / min > 1e3);
  const ps: (Parts[] | null)[] = values.map((row) => (row === null ? null : row.map((x) => parts(x, o.precision, scientific))));
  let intW = 0;
  let fracW = 0;
  let expW = 2;
  for (const row of ps) {
    row?.forEach((p, k) => {
      if (ci[k] === null || 'token' in p) return;
      intW = Math.max(intW, p.int.length);
      fracW = Math.max(fracW, p.frac.length);
      if (p.exp !== null) expW = Math.max(expW, p.exp.length);
    });
  }
  let width = intW > 0 ? intW + 1 + fracW + (scientific ? 2 + expW : 0) : 0;
  for (const row of ps) row?.forEach((p, k) => ci[k] !== null && 'token' in p && (width = Math.max(width, p.token.length)));
  const text = (p: Parts): string => {
    if ('token' in p) return p.token.padStart(width);
    // In scientific notation the mantissas are padded with zeros (as numpy does: 1.5e+08, 2.0e-05).
    if (p.exp === null) return (p.int.padStart(intW) + '.' + p.frac.padEnd(fracW)).padStart(width);
    return (p.int.padStart(intW) + '.' + p.frac.padEnd(fracW, '0') + 'e' + p.expSign + p.exp.padStart(expW, '0')).padStart(width);
  };
  const lines = ps.map((row, r) => {
    const open = r === 0 ? '[[' : ' [';
    const close = r === ps.length - 1 ? ']]' : '],';
    if (row === null) return r === ps.length - 1 ? ' …]' : ' …,';
    return open + row.map((p, k) => (ci[k] === null ? '…' : text(p))).join(', ') + close;
  });
  return `${header}\n${lines.join('\n')}`;
}
