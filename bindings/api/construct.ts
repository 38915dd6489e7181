/**
 * The array layer around the linear algebra: building matrices from pieces (vectors as columns or
 * rows, stacks, block diagonals, Vandermonde matrices, ranges) and cutting pieces out of them
 * (slices, index selections, reshapes) — numpy's meanings throughout (numpy's `hstack`, `vstack`,
 * `vander`, `linspace`, `arange`, `reshape`, basic and integer-array indexing; scipy's
 * `block_diag`).
 *
 * Every function checks all its arguments before it allocates, then copies: results are new
 * matrices on the current backend (Matrix._alloc — at most 64 entries on the JS heap whatever the
 * backend), inputs are never modified, and nothing temporary is allocated (nested-array arguments
 * are read in place, not converted to matrices first). Copies, and vander's products taken in one
 * fixed order, give the same bits on either backend.
 *
 * Storage is column-major (core/store.ts): entry (i, j) of M is `array()[offset + i + j·ld]`; a
 * WasmStore's `array()` is re-read after every allocation (growing the memory replaces it).
 *
 * The Matrix methods (`Matrix.fromColumns`, `A.slice`, `A.reshape`, …) delegate to these functions
 * through bindings/fluent.ts.
 */
import { shapeStr } from '../core/errors.js';
import { copyColumns } from '../core/scope.js';
import {
  MAX_DIM,
  MAX_ENTRIES,
  checkNumber,
  checkSize,
  describe,
  nestedShape,
  optionsOf,
  readVector,
  toVector,
  type VectorLike,
} from '../core/validate.js';
import { copyInto, fresh, isVectorLike, live, type MatrixLike } from './convert.js';
import { Matrix } from './matrix.js';

// ---- shared pieces -----------------------------------------------------------------------------

/** A result shape within the limits of one matrix (each dimension and the entries ≤ 2^28), named for `fn`. */
function checkResultShape(fn: string, rows: number, cols: number): void {
  if (rows > MAX_DIM || cols > MAX_DIM || rows * cols > MAX_ENTRIES) {
    throw new RangeError(`${fn}: the result would be ${shapeStr(rows, cols)}, past the limits of one matrix (each dimension and the entries ≤ 2^28)`);
  }
}

/** Writes the m×n source (Matrix storage) at rows i0…, columns j0… of C. */
function putView(C: Matrix, i0: number, j0: number, src: Matrix, fn: string): void {
  const v = src._v(fn);
  if (v.rows === 0 || v.cols === 0) return;
  copyColumns(v, Matrix._view(C, i0, j0, v.rows, v.cols)._v());
}

/** Writes row-major rows (nested arrays or typed arrays) at rows i0…, columns j0… of C. */
function putRows(C: Matrix, i0: number, j0: number, rows: ArrayLike<ArrayLike<number>>, n: number): void {
  const s = C._store();
  const a = s.array();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    let o = s.offset + i0 + i + j0 * C._ld;
    for (let j = 0; j < n; j++, o += C._ld) a[o] = r[j]!;
  }
}

/** One member of a stack (or a block of setSlice): its shape, and how to write it into a result. */
interface Piece {
  rows: number;
  cols: number;
  put(C: Matrix, i0: number, j0: number): void;
}

/**
 * A member of a stack, checked: a live Matrix, nested rows (number[][] or typed arrays, read in
 * place), or — where numpy's `atleast_2d` applies (`vstack`, scipy's `block_diag`, setSlice) — a
 * vector as one 1×n row. Where it does not (`hstack`), a vector is a TypeError that says what to use.
 */
function pieceOf(fn: string, name: string, x: unknown, vectorAsRow: boolean): Piece {
  if (x instanceof Matrix) {
    live(fn, name, x);
    return { rows: x.rows, cols: x.cols, put: (C, i0, j0) => putView(C, i0, j0, x, fn) };
  }
  const empty = Array.isArray(x) && x.length === 0; // [] is an empty row in numpy (1×0 after atleast_2d)
  if (isVectorLike(x) && (vectorAsRow || !empty)) {
    if (!vectorAsRow) {
      throw new TypeError(
        `${fn}: ${name} is a vector; stack matrices (make a column with Matrix.columnVector(v), a row with Matrix.rowVector(v))`,
      );
    }
    const v = toVector(fn, name, x);
    return { rows: 1, cols: v.length, put: (C, i0, j0) => putRows(C, i0, j0, [v], v.length) };
  }
  if (!Array.isArray(x)) {
    throw new TypeError(`${fn}: ${name} must be a Matrix or an array of rows (number[][]), got ${describe(x)}`);
  }
  const [rows, cols] = nestedShape(fn, name, x);
  return { rows, cols, put: (C, i0, j0) => putRows(C, i0, j0, x as ArrayLike<ArrayLike<number>>, cols) };
}

/** The members of a stack, each checked (`fn: matrices[k] …` in messages). */
function piecesOf(fn: string, list: unknown, vectorAsRow: boolean): Piece[] {
  if (!Array.isArray(list)) {
    throw new TypeError(`${fn}: matrices must be an array of matrices, got ${describe(list)}`);
  }
  return list.map((x: unknown, k) => pieceOf(fn, `matrices[${k}]`, x, vectorAsRow));
}

/** Vectors of equal length (the columns or rows of a new matrix), checked and read as float64. */
function vectorsOf(fn: string, name: string, list: unknown): Float64Array[] {
  if (!Array.isArray(list)) {
    throw new TypeError(`${fn}: ${name} must be an array of vectors (number[] or typed arrays), got ${describe(list)}`);
  }
  const out: Float64Array[] = [];
  for (let k = 0; k < list.length; k++) {
    const x: unknown = list[k];
    if (typeof x === 'number') {
      throw new TypeError(`${fn}: ${name}[${k}] is a number, not a vector (${name} is a list of vectors; for one vector use Matrix.columnVector or Matrix.rowVector)`);
    }
    if (!isVectorLike(x)) {
      throw new TypeError(`${fn}: ${name}[${k}] must be a vector (number[] or a typed array), got ${describe(x)}`);
    }
    const v = readVector(fn, `${name}[${k}]`, x);
    if (k > 0 && v.length !== out[0]!.length) {
      throw new RangeError(`${fn}: ${name} is ragged: ${name}[0] has ${out[0]!.length} entries but ${name}[${k}] has ${v.length}`);
    }
    out.push(v);
  }
  return out;
}

/** A vector argument (any numeric array), checked and read as float64. */
function vectorArg(fn: string, name: string, x: unknown): Float64Array {
  if (!isVectorLike(x)) throw new TypeError(`${fn}: ${name} must be a vector (number[] or a typed array), got ${describe(x)}`);
  return readVector(fn, name, x);
}

/** A boolean option: absent (the default) or a boolean. */
function flag(fn: string, name: string, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw new TypeError(`${fn}: ${name} must be a boolean, got ${describe(v)}`);
  return v;
}

// ---- construction --------------------------------------------------------------------------------

/**
 * The matrix whose columns are the given vectors (all of one length): n vectors of m entries give an
 * m×n matrix; an empty list gives 0×0.
 *
 * @example
 * ```ts
 * const A = Matrix.fromColumns([[1, 2, 3], Float64Array.of(4, 5, 6)]); // [[1, 4], [2, 5], [3, 6]]
 * ```
 */
export function fromColumns(cols: readonly VectorLike[]): Matrix {
  const fn = 'Matrix.fromColumns';
  const vs = vectorsOf(fn, 'cols', cols);
  const m = vs.length === 0 ? 0 : vs[0]!.length;
  checkResultShape(fn, m, vs.length);
  return fresh(m, vs.length, (C) => {
    const s = C._store();
    const a = s.array();
    for (let j = 0; j < vs.length; j++) a.set(vs[j]!, s.offset + j * C._ld);
  });
}

/**
 * The matrix whose rows are the given vectors (all of one length) — `Matrix.from` for any numeric
 * arrays: m vectors of n entries give an m×n matrix; an empty list gives 0×0.
 *
 * @example
 * ```ts
 * const A = Matrix.fromRows([Int32Array.of(1, 2), [3, 4]]); // [[1, 2], [3, 4]]
 * ```
 */
export function fromRows(rows: readonly VectorLike[]): Matrix {
  const fn = 'Matrix.fromRows';
  const vs = vectorsOf(fn, 'rows', rows);
  const n = vs.length === 0 ? 0 : vs[0]!.length;
  checkResultShape(fn, vs.length, n);
  return fresh(vs.length, n, (C) => putRows(C, 0, 0, vs, n));
}

/**
 * The n×1 matrix holding the vector v (numpy's `v[:, None]`, or `v.reshape(-1, 1)`).
 *
 * @example
 * ```ts
 * const b = Matrix.columnVector([1, 2, 3]); // 3×1
 * ```
 */
export function columnVector(v: VectorLike): Matrix {
  const x = vectorArg('Matrix.columnVector', 'v', v);
  checkResultShape('Matrix.columnVector', x.length, 1);
  return fresh(x.length, 1, (C) => {
    const s = C._store();
    s.array().set(x, s.offset);
  });
}

/**
 * The 1×n matrix holding the vector v (numpy's `v[None, :]`, or `v.reshape(1, -1)`).
 *
 * @example
 * ```ts
 * const r = Matrix.rowVector([1, 2, 3]); // 1×3
 * ```
 */
export function rowVector(v: VectorLike): Matrix {
  const x = vectorArg('Matrix.rowVector', 'v', v);
  checkResultShape('Matrix.rowVector', 1, x.length);
  return fresh(1, x.length, (C) => putRows(C, 0, 0, [x], x.length));
}

/**
 * Matrices side by side (numpy's `hstack`): all must have the same number of rows, even those with
 * no columns (an m×0 member adds nothing; a k×0 one with k ≠ m is an error, as in numpy). Members
 * are Matrix objects or nested rows; a vector is refused (numpy would stack 1-D arrays into a 1-D
 * array) — make it a column with `Matrix.columnVector`. An empty list is a RangeError.
 *
 * @example
 * ```ts
 * const Ab = hstack([A, Matrix.columnVector(b)]); // the augmented matrix [A | b]
 * ```
 */
export function hstack(matrices: readonly MatrixLike[]): Matrix {
  const fn = 'hstack';
  const ps = piecesOf(fn, matrices, false);
  if (ps.length === 0) throw new RangeError(`${fn}: needs at least one matrix (got an empty list)`);
  const m = ps[0]!.rows;
  let n = 0;
  ps.forEach((p, k) => {
    if (p.rows !== m) {
      throw new RangeError(`${fn}: every matrix needs the same number of rows: matrices[0] is ${shapeStr(m, ps[0]!.cols)} but matrices[${k}] is ${shapeStr(p.rows, p.cols)}`);
    }
    n += p.cols;
  });
  checkResultShape(fn, m, n);
  return fresh(m, n, (C) => {
    let j = 0;
    for (const p of ps) {
      p.put(C, 0, j);
      j += p.cols;
    }
  });
}

/**
 * Matrices one above the other (numpy's `vstack`): all must have the same number of columns, even
 * those with no rows. A vector member is one row (numpy's `atleast_2d`: `vstack([A, v])` appends the
 * row v; `[]` is a 1×0 row). An empty list is a RangeError.
 *
 * @example
 * ```ts
 * const B = vstack([A, [1, 1, 1]]); // A with a row of ones appended
 * ```
 */
export function vstack(matrices: readonly (MatrixLike | VectorLike)[]): Matrix {
  const fn = 'vstack';
  const ps = piecesOf(fn, matrices, true);
  if (ps.length === 0) throw new RangeError(`${fn}: needs at least one matrix (got an empty list)`);
  const n = ps[0]!.cols;
  let m = 0;
  ps.forEach((p, k) => {
    if (p.cols !== n) {
      throw new RangeError(`${fn}: every matrix needs the same number of columns: matrices[0] is ${shapeStr(ps[0]!.rows, n)} but matrices[${k}] is ${shapeStr(p.rows, p.cols)}`);
    }
    m += p.rows;
  });
  checkResultShape(fn, m, n);
  return fresh(m, n, (C) => {
    let i = 0;
    for (const p of ps) {
      p.put(C, i, 0);
      i += p.rows;
    }
  });
}

/**
 * The block-diagonal matrix of the given blocks (scipy's `linalg.block_diag`), zeros elsewhere: the
 * result is (Σ rows)×(Σ cols). Empty blocks count: a 2×0 block adds two zero rows and no column. A
 * vector is one row (as in scipy, `[]` a 1×0 block); an empty list gives scipy's 1×0.
 *
 * @example
 * ```ts
 * const D = blockDiag([[[1, 2], [3, 4]], [[5]]]); // [[1, 2, 0], [3, 4, 0], [0, 0, 5]]
 * ```
 */
export function blockDiag(matrices: readonly (MatrixLike | VectorLike)[]): Matrix {
  const fn = 'blockDiag';
  const ps = piecesOf(fn, matrices, true);
  // scipy: block_diag() is block_diag([]), one 1×0 block.
  if (ps.length === 0) ps.push({ rows: 1, cols: 0, put: () => undefined });
  let m = 0;
  let n = 0;
  for (const p of ps) {
    m += p.rows;
    n += p.cols;
  }
  checkResultShape(fn, m, n);
  return fresh(m, n, (C) => {
    const s = C._store();
    s.array().fill(0, s.offset, s.offset + C._extent());
    let i = 0;
    let j = 0;
    for (const p of ps) {
      p.put(C, i, j);
      i += p.rows;
      j += p.cols;
    }
  });
}

/**
 * The options of {@link vander}.
 *
 * @example
 * ```ts
 * vander([1, 2, 3], { n: 2, increasing: true }); // [[1, 1], [1, 2], [1, 3]]
 * ```
 */
export interface VanderOptions {
  /** Number of columns (numpy's `N`); default: the length of x. */
  n?: number | null;
  /** Powers increasing left to right (x⁰, x¹, …); default false: decreasing, as numpy. */
  increasing?: boolean;
}

/**
 * The Vandermonde matrix of the points x (numpy's `vander`): row i is xᵢ^(n−1), …, xᵢ, 1 (or
 * 1, xᵢ, …, xᵢ^(n−1) with `increasing`), n = x.length unless given. Powers are running products
 * (x, x·x, (x·x)·x, …), as numpy forms them, so the entries are numpy's bit for bit; x⁰ = 1 even for
 * x = 0 or NaN.
 *
 * @example
 * ```ts
 * const V = vander([1, 2, 3], { n: 3, increasing: true }); // [[1, 1, 1], [1, 2, 4], [1, 3, 9]]
 * const c = lstsq(V, y).x;                                  // a least-squares quadratic fit
 * ```
 */
export function vander(x: VectorLike, options?: VanderOptions | null): Matrix {
  const fn = 'vander';
  const o = optionsOf(fn, options);
  const v = vectorArg(fn, 'x', x);
  const n = o.n === undefined || o.n === null ? v.length : checkSize(fn, 'n', o.n);
  const increasing = flag(fn, 'increasing', o.increasing, false);
  checkResultShape(fn, v.length, n);
  return fresh(v.length, n, (C) => {
    const s = C._store();
    const a = s.array();
    for (let i = 0; i < v.length; i++) {
      const xi = v[i]!;
      let p = 1;
      for (let k = 0; k < n; k++) {
        a[s.offset + i + (increasing ? k : n - 1 - k) * C._ld] = p;
        p *= xi;
      }
    }
  });
}

/**
 * The options of {@link linspace}.
 *
 * @example
 * ```ts
 * linspace(0, 1, 4, { endpoint: false }); // Float64Array [0, 0.25, 0.5, 0.75]
 * ```
 */
export interface LinspaceOptions {
  /** Include `stop` as the last point (default true); false: `num` points spaced (stop − start)/num apart. */
  endpoint?: boolean;
}

/**
 * `num` evenly spaced numbers from start to stop (numpy's `linspace`, default 50 points, stop
 * included unless `endpoint: false`). Point i is start + i·step with step = (stop − start)/(num − 1)
 * (or /num), and the last point is exactly stop — numpy's arithmetic, so numpy's values bit for bit.
 *
 * @example
 * ```ts
 * linspace(0, 1, 5);                       // [0, 0.25, 0.5, 0.75, 1]
 * linspace(0, 1, 5, { endpoint: false });  // [0, 0.2, 0.4, 0.6000000000000001, 0.8]
 * ```
 */
export function linspace(start: number, stop: number, num = 50, options?: LinspaceOptions | null): Float64Array {
  const fn = 'linspace';
  checkNumber(fn, 'start', start);
  checkNumber(fn, 'stop', stop);
  checkSize(fn, 'num', num);
  const endpoint = flag(fn, 'endpoint', optionsOf(fn, options).endpoint, true);
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const y = new Float64Array(num);
  if (div > 0) {
    const step = delta / div;
    // numpy: a step that underflows to 0 (a denormal range) scales i/div instead.
    if (step === 0) for (let i = 0; i < num; i++) y[i] = (i / div) * delta + start;
    else for (let i = 0; i < num; i++) y[i] = i * step + start;
  } else {
    for (let i = 0; i < num; i++) y[i] = i * delta + start; // 0 or 1 point: start (0·delta, as numpy)
  }
  if (endpoint && num > 1) y[num - 1] = stop;
  return y;
}

/**
 * Numbers from start (included) to stop (excluded) in steps of `step` (numpy's `arange`):
 * `arange(stop)` starts at 0, the step defaults to 1 and may be negative; 0 is a RangeError. There
 * are ⌈(stop − start)/step⌉ values (none if that is ≤ 0), numpy's: start, start + step, then
 * start + i·d with d = (start + step) − start, so the values are numpy's bit for bit.
 *
 * @example
 * ```ts
 * arange(4);            // [0, 1, 2, 3]
 * arange(1, 0, -0.25);  // [1, 0.75, 0.5, 0.25]
 * ```
 */
export function arange(stop: number): Float64Array;
/**
 * Numbers from start (included) to stop (excluded) in steps of `step` (default 1; negative allowed,
 * 0 a RangeError), numpy's values bit for bit.
 *
 * @example
 * ```ts
 * arange(0, 1, 0.25); // [0, 0.25, 0.5, 0.75]
 * ```
 */
export function arange(start: number, stop: number, step?: number): Float64Array;
export function arange(a: number, b?: number, c?: number): Float64Array {
  const fn = 'arange';
  checkNumber(fn, b === undefined ? 'stop' : 'start', a);
  const [start, stop] = b === undefined ? [0, a] : [a, checkNumber(fn, 'stop', b)];
  const step = c === undefined ? 1 : checkNumber(fn, 'step', c);
  if (step === 0) throw new RangeError(`${fn}: step must not be 0`);
  const q = (stop - start) / step;
  // numpy: a nonzero range whose quotient underflows to ±0 (or a step of ±Infinity) has one value if the quotient is +0, none if −0.
  const len = q === 0 && stop - start !== 0 ? (Object.is(q, 0) ? 1 : 0) : Math.ceil(q);
  if (Number.isNaN(len)) throw new RangeError(`${fn}: cannot compute the length of [${start}, ${stop}) in steps of ${step}`);
  if (len > MAX_ENTRIES) throw new RangeError(`${fn}: [${start}, ${stop}) in steps of ${step} has ${len} values, over 2^28`);
  const y = new Float64Array(Math.max(0, len));
  if (y.length > 0) y[0] = start;
  if (y.length > 1) y[1] = start + step;
  const d = start + step - start;
  for (let i = 2; i < y.length; i++) y[i] = start + i * d;
  return y;
}

// ---- slicing and shape -------------------------------------------------------------------------

/** A slice bound as numpy reads it: absent → `dflt`, negative counts from the end, clamped to [0, n]. */
function bound(fn: string, name: string, v: unknown, n: number, dflt: number): number {
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must be an integer (or undefined), got ${describe(v)}`);
  if (!Number.isInteger(v)) throw new RangeError(`${fn}: ${name} must be an integer, got ${v}`);
  return Math.min(Math.max(v < 0 ? v + n : v, 0), n);
}

/**
 * The block A[rowStart:rowEnd, colStart:colEnd] as a new matrix (the method `A.slice`): numpy's
 * basic slicing with step 1 — half-open, negative bounds count from the end, an absent (undefined or
 * null) bound is the full range, bounds past the ends are clamped, and an end before its start gives
 * an empty dimension.
 *
 * @example
 * ```ts
 * const Uk = slice(U, 0, undefined, 0, k); // U[:, :k]
 * ```
 */
export function slice(A: Matrix, rowStart?: number | null, rowEnd?: number | null, colStart?: number | null, colEnd?: number | null): Matrix {
  const fn = 'Matrix.slice';
  A._v(fn);
  const r0 = bound(fn, 'rowStart', rowStart, A.rows, 0);
  const r1 = bound(fn, 'rowEnd', rowEnd, A.rows, A.rows);
  const c0 = bound(fn, 'colStart', colStart, A.cols, 0);
  const c1 = bound(fn, 'colEnd', colEnd, A.cols, A.cols);
  const m = Math.max(0, r1 - r0);
  const n = Math.max(0, c1 - c0);
  return fresh(m, n, (C) => {
    if (m > 0 && n > 0) copyColumns(Matrix._view(A, r0, c0, m, n)._v(), C._v());
  });
}

/** Integer indices into a dimension of n, each in [−n, n) (negative from the end), as non-negative positions. */
function indicesOf(fn: string, what: 'row' | 'column', A: Matrix, indices: unknown): Int32Array {
  const v = vectorArg(fn, 'indices', indices);
  const n = what === 'row' ? A.rows : A.cols;
  const out = new Int32Array(v.length);
  for (let k = 0; k < v.length; k++) {
    const i = v[k]!;
    if (!Number.isInteger(i)) throw new RangeError(`${fn}: indices[${k}] = ${i} is not an integer`);
    if (i < -n || i >= n) {
      throw new RangeError(`${fn}: index ${i} (indices[${k}]) is out of range for the ${n} ${what}s of a ${shapeStr(A.rows, A.cols)} matrix (valid: -${n} … ${n - 1})`);
    }
    out[k] = i < 0 ? i + n : i;
  }
  return out;
}

/**
 * The rows of A at the given indices, in that order (numpy's `A[indices, :]`): repeats allowed,
 * negative indices count from the end, an out-of-range index is a RangeError naming it.
 *
 * @example
 * ```ts
 * const B = selectRows(A, [2, 0, -1]); // rows 2, 0 and the last
 * ```
 */
export function selectRows(A: Matrix, indices: VectorLike): Matrix {
  const fn = 'Matrix.selectRows';
  A._v(fn);
  const idx = indicesOf(fn, 'row', A, indices);
  return fresh(idx.length, A.cols, (C) => {
    const sa = A._store();
    const sc = C._store();
    const a = sa.array();
    const c = sc.array();
    for (let j = 0; j < A.cols; j++) {
      const oa = sa.offset + j * A._ld;
      const oc = sc.offset + j * C._ld;
      for (let k = 0; k < idx.length; k++) c[oc + k] = a[oa + idx[k]!]!;
    }
  });
}

/**
 * The columns of A at the given indices, in that order (numpy's `A[:, indices]`): repeats allowed,
 * negative indices count from the end, an out-of-range index is a RangeError naming it.
 *
 * @example
 * ```ts
 * const B = selectColumns(A, [0, 2]); // columns 0 and 2
 * ```
 */
export function selectColumns(A: Matrix, indices: VectorLike): Matrix {
  const fn = 'Matrix.selectColumns';
  A._v(fn);
  const idx = indicesOf(fn, 'column', A, indices);
  return fresh(A.rows, idx.length, (C) => {
    if (A.rows === 0) return;
    const sa = A._store();
    const sc = C._store();
    const a = sa.array();
    for (let k = 0; k < idx.length; k++) {
      const o = sa.offset + idx[k]! * A._ld;
      sc.array().set(a.subarray(o, o + A.rows), sc.offset + k * C._ld);
    }
  });
}

/** A block position: an integer, negative from the end. */
function position(fn: string, name: string, v: unknown, n: number): number {
  if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must be an integer, got ${describe(v)}`);
  if (!Number.isInteger(v)) throw new RangeError(`${fn}: ${name} must be an integer, got ${v}`);
  return v < 0 ? v + n : v;
}

/**
 * A copy of A with the block B written at (rowStart, colStart) (numpy's `C = A.copy();
 * C[r:r+p, c:c+q] = B`; the method `A.setSlice`). A itself is not changed. Negative positions count
 * from the end; B (a Matrix, nested rows, or a vector as one row) must fit inside A, else a
 * RangeError.
 *
 * @example
 * ```ts
 * const C = setSlice(Matrix.zeros(4, 4), 1, 1, Matrix.eye(2)); // the 2×2 identity in the middle
 * ```
 */
export function setSlice(A: Matrix, rowStart: number, colStart: number, B: MatrixLike | VectorLike): Matrix {
  const fn = 'Matrix.setSlice';
  A._v(fn);
  const r = position(fn, 'rowStart', rowStart, A.rows);
  const c = position(fn, 'colStart', colStart, A.cols);
  const p = pieceOf(fn, 'B', B, true);
  if (r < 0 || c < 0 || r + p.rows > A.rows || c + p.cols > A.cols) {
    throw new RangeError(
      `${fn}: a ${shapeStr(p.rows, p.cols)} block at (${rowStart}, ${colStart}) does not fit in a ${shapeStr(A.rows, A.cols)} matrix`,
    );
  }
  return fresh(A.rows, A.cols, (C) => {
    copyInto(A, C);
    p.put(C, r, c);
  });
}

/** A reshape dimension: an integer in [0, 2^28], or −1 (inferred). */
function dimension(fn: string, name: string, v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must be an integer, got ${describe(v)}`);
  if (v === -1) return v;
  if (!Number.isInteger(v) || v < 0 || v > MAX_DIM) throw new RangeError(`${fn}: ${name} must be an integer in [0, 2^28] or -1 (inferred), got ${v}`);
  return v;
}

/** The target shape of a reshape of `size` entries (`what` describes the source), with −1 inferred. */
function targetShape(fn: string, size: number, what: string, rows: unknown, cols: unknown): [number, number] {
  const r = dimension(fn, 'rows', rows);
  const c = dimension(fn, 'cols', cols);
  const into = `${r === -1 ? '?' : r}×${c === -1 ? '?' : c}`;
  if (r === -1 && c === -1) throw new RangeError(`${fn}: only one dimension can be -1 (inferred), got ${r}×${c}`);
  if (r === -1 || c === -1) {
    const known = r === -1 ? c : r;
    if (known === 0 || size % known !== 0) throw new RangeError(`${fn}: cannot reshape ${what} into ${into}`);
    return r === -1 ? [size / known, c] : [r, size / known];
  }
  if (r * c !== size) throw new RangeError(`${fn}: cannot reshape ${what} into ${shapeStr(r, c)} (${r * c} entries)`);
  return [r, c];
}

/**
 * The same entries in a rows×cols shape, read and written in row-major order (numpy's `reshape`
 * with its default order 'C'); one dimension may be −1, inferred from the other. A may also be a
 * vector (read as row-major data: `reshape(arange(6), 2, 3)`). The number of entries must not
 * change (RangeError naming both shapes).
 *
 * @example
 * ```ts
 * const B = reshape([[1, 2, 3], [4, 5, 6]], 3, -1); // [[1, 2], [3, 4], [5, 6]]
 * ```
 */
export function reshape(A: MatrixLike | VectorLike, rows: number, cols: number): Matrix {
  const fn = 'reshape';
  if (A instanceof Matrix) {
    live(fn, 'A', A);
    const size = A.rows * A.cols;
    const [m, n] = targetShape(fn, size, `a ${shapeStr(A.rows, A.cols)} matrix (${size} entries)`, rows, cols);
    return fresh(m, n, (C) => {
      if (size === 0) return;
      const sa = A._store();
      const sc = C._store();
      const a = sa.array();
      const c = sc.array();
      // Entry k of the row-major order: (i, j) of A, (di, dj) of C.
      let di = 0;
      let dj = 0;
      for (let i = 0; i < A.rows; i++) {
        for (let j = 0; j < A.cols; j++) {
          c[sc.offset + di + dj * C._ld] = a[sa.offset + i + j * A._ld]!;
          if (++dj === n) {
            dj = 0;
            di++;
          }
        }
      }
    });
  }
  let v: Float64Array; // the entries in row-major order
  let what: string;
  if (isVectorLike(A)) {
    v = vectorArg(fn, 'A', A);
    what = `a vector of ${v.length} entries`;
  } else {
    if (!Array.isArray(A)) throw new TypeError(`${fn}: A must be a Matrix, an array of rows (number[][]) or a vector, got ${describe(A)}`);
    const [m0, n0] = nestedShape(fn, 'A', A);
    v = new Float64Array(m0 * n0);
    for (let i = 0; i < m0; i++) v.set(A[i]!, i * n0);
    what = `a ${shapeStr(m0, n0)} matrix (${m0 * n0} entries)`;
  }
  const [m, n] = targetShape(fn, v.length, what, rows, cols);
  return fresh(m, n, (C) => fillRowMajor(C, v));
}

/** Fills C (m×n) from row-major data. */
function fillRowMajor(C: Matrix, v: Float64Array): void {
  const s = C._store();
  const a = s.array();
  for (let i = 0; i < C.rows; i++) {
    for (let j = 0; j < C.cols; j++) a[s.offset + i + j * C._ld] = v[i * C.cols + j]!;
  }
}

/**
 * The entries of A, row by row, as a new Float64Array (numpy's `A.flatten()`; the same as
 * `A.toFloat64Array()`).
 *
 * @example
 * ```ts
 * flatten(Matrix.from([[1, 2], [3, 4]])); // Float64Array [1, 2, 3, 4]
 * ```
 */
export function flatten(A: Matrix): Float64Array {
  A._v('Matrix.flatten');
  return A.toFloat64Array();
}
