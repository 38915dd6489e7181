/**
 * The Matrix type: float64, row-major in the public API, column-major in storage (see store.ts).
 *
 * A Matrix is (store, rows, cols, leading dimension). Under the WASM backend the numbers live in the
 * WebAssembly linear memory and kernels run on them in place — no per-call copies. Free it with
 * `dispose()` (or a `using` declaration); a FinalizationRegistry frees what is never disposed, but
 * only when the garbage collector gets to it, so loops that make many matrices should dispose.
 * Using a disposed matrix throws a ReferenceError. Under the JS backend the storage is an ordinary
 * Float64Array and `dispose()` only marks the matrix dead.
 *
 * Every operation returns a new Matrix and leaves its inputs untouched; only `set` writes.
 */
import { backend } from '../core/backend.js';
import { SMALL } from '../core/lapack.js';
import { smallStore, WasmStore, type BackendName, type Store, type View } from '../core/store.js';
// The one deliberate import cycle of the package: the fluent methods below delegate to the free
// functions (bindings/fluent.ts re-exports them), and those make and return Matrix objects.
import * as ops from '../fluent.js';
import type {
  Axis,
  AxisOptions,
  CenterOptions,
  EighResult,
  EigOptions,
  EigResult,
  FiniteOption,
  LstsqOptions,
  LstsqResult,
  LUResult,
  MatrixLike,
  MatrixNorm,
  NormAxisOptions,
  Operand,
  QROptions,
  QRResult,
  Reduced,
  SlogdetResult,
  SolveOptions,
  SvdOptions,
  SvdResult,
  SymmetricOptions,
  TriangularOptions,
  VarianceOptions,
  VectorNorm,
} from '../fluent.js';
// issue 13: hessenberg, rq, polar, pinvh
import type { HessenbergOptions, HessenbergResult, HessenbergResultWithQ, PinvhOptions, PolarOptions, PolarResult, RQOptions, RQResult } from '../fluent.js';
import type { EighOptions } from '../fluent.js'; // generalised eigh
import { MAX_DIM, MAX_ENTRIES, checkIndex, checkNumber, checkShape, describe, nestedShape, optionsOf, type VectorLike } from '../core/validate.js';
import { formatMatrix, formatOptions, type FormatOptions } from '../core/format.js';
import { shapeStr } from '../core/errors.js';
import { Rng } from '../core/random.js';
import { track, untrack } from '../core/tidy.js';
import { DISPOSE } from '../core/dispose.js';

const registry =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry<Store>((store) => {
        try {
          store.free();
        } catch {
          // The heap is gone or the block was already reclaimed: nothing to do.
        }
      })
    : null;

/**
 * The key Node's `util.inspect` (and so `console.log`) looks for: `Symbol.for` gives the same symbol
 * as `util.inspect.custom` without importing `node:util`, which would break the browser build.
 */
const inspectCustom: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

/**
 * One entry of {@link MatrixJSON}'s `data`: a number, or one of four strings for the values a JSON
 * number cannot carry (JSON has no NaN or Infinity, and `JSON.stringify(-0)` writes `0`).
 *
 * @example
 * ```ts
 * Matrix.from([[1, NaN]]).toJSON().data; // [1, 'NaN']
 * ```
 */
export type MatrixJSONEntry = number | 'NaN' | 'Infinity' | '-Infinity' | '-0';

/**
 * The JSON form of a matrix ({@link Matrix.toJSON}, {@link Matrix.fromJSON}): shape and row-major entries.
 *
 * @example
 * ```ts
 * const json: MatrixJSON = { rows: 2, cols: 2, data: [1, 2, 3, 4] };
 * const A = Matrix.fromJSON(json); // [[1, 2], [3, 4]]
 * ```
 */
export interface MatrixJSON {
  /** Number of rows. */
  rows: number;
  /** Number of columns. */
  cols: number;
  /** rows·cols entries, row-major: entry (i, j) at [i·cols + j]. */
  data: MatrixJSONEntry[];
}

const JSON_SPECIAL: Readonly<Record<string, number>> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

/** An entry of {@link MatrixJSON} data. */
function jsonEntry(x: number): MatrixJSONEntry {
  if (Number.isFinite(x)) return Object.is(x, -0) ? '-0' : x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

/**
 * Options of {@link Matrix.random} and {@link Matrix.randn}.
 *
 * @example
 * ```ts
 * const A = Matrix.random(3, 3, { seed: 7 }); // the same 3×3 matrix on every run and backend
 * ```
 */
export interface RandomOptions {
  /** Seed of the generator (any 32-bit integer); the same seed gives the same matrix. Default: random. */
  seed?: number;
}

/** The seed option of random/randn: absent (a random seed) or an integer. */
function seedOf(fn: string, options: RandomOptions | null | undefined): number | undefined {
  const seed: unknown = optionsOf(fn, options).seed;
  if (seed === undefined) return undefined;
  if (typeof seed !== 'number') throw new TypeError(`${fn}: seed must be a number, got ${typeof seed}`);
  if (!Number.isInteger(seed)) throw new RangeError(`${fn}: seed must be an integer, got ${seed}`);
  return seed;
}

/** A result's shape within the limits of one matrix (see core/validate.ts MAX_DIM). */
function checkResult(rows: number, cols: number): void {
  if (rows > MAX_DIM || cols > MAX_DIM || rows * cols > MAX_ENTRIES) {
    throw new RangeError(`Matrix: a ${shapeStr(rows, cols)} result exceeds the limits of one matrix (each dimension and the entries ≤ 2^28)`);
  }
}

/**
 * @internal The view of `x` when x is a live Matrix, else null: a brand check on the private field,
 * set by Matrix's static block (only the class body can name it). Not `instanceof Matrix`, which
 * measured 13–20 ns a call on Node 20 against ≈ 0.5 for this — half of a lean 2×2 det's 30 ns.
 */
export let liveView: (x: unknown) => View | null;

/**
 * A dense float64 matrix of `rows × cols` entries, indexed from 0, row-major in the API.
 *
 * Made by the static constructors ({@link Matrix.from}, {@link Matrix.zeros}, {@link Matrix.eye}, …),
 * never with `new`. Every operation returns a new matrix and leaves its inputs alone; only
 * {@link Matrix.set} writes. Under the WASM backend the entries live in WebAssembly memory: free a
 * matrix with {@link Matrix.dispose} (or a `using` declaration, or by making it inside {@link tidy})
 * when done with it; a finalizer frees forgotten ones, but only when the garbage collector runs.
 *
 * @example
 * ```ts
 * await init();
 * const A = Matrix.from([[1, 2], [3, 4]]);
 * const B = A.matmul(A.transpose());
 * console.log(B.toArray()); // [[5, 11], [11, 25]]
 * A.dispose();
 * B.dispose();
 * ```
 */
export class Matrix implements Disposable {
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** @internal Leading dimension (column stride) of the storage. */
  readonly _ld: number;
  #view: View | null;

  static {
    liveView = (x) => (typeof x === 'object' && x !== null && #view in x ? x.#view : null);
  }

  /**
   * @internal Use the static constructors. A matrix that owns its storage (`view` false) joins the
   * innermost `tidy`, if one is running.
   */
  constructor(rows: number, cols: number, store: Store, ld: number = Math.max(1, rows), view = false) {
    this.rows = rows;
    this.cols = cols;
    this._ld = ld;
    this.#view = { store, rows, cols, ld };
    if (view) return;
    // kind, not `instanceof WasmStore`, which cost ~16 ns a call here (Node 20; half of a small result's making)
    if (store.kind === 'wasm' && (store as WasmStore).owned) registry?.register(this, store, this);
    track(this);
  }

  /**
   * @internal A view of the block M[i0:i0+rows, j0:j0+cols] sharing M's storage (for handing
   * sub-blocks to kernels). Valid only while M is alive; disposing the view frees nothing.
   */
  static _view(M: Matrix, i0: number, j0: number, rows: number, cols: number): Matrix {
    return new Matrix(rows, cols, M._store().at(i0 + j0 * M._ld), M._ld, true);
  }

  /**
   * @internal A rows×cols matrix with unspecified contents: on the current backend, except that a
   * matrix of at most SMALL (64) entries always lives on the JS heap — no linear-memory block, no
   * finalizer, the garbage collector frees it — and its operations run on the JS mirrors of the
   * kernels, which give the wasm kernels' bits (bindings/core/lapack.ts). A shape past the limits of
   * one matrix (a result such as the m×m of an m×0 input) is a RangeError before anything is allocated.
   */
  static _alloc(rows: number, cols: number): Matrix {
    const be = backend(); // throws before init()
    checkResult(rows, cols);
    const n = rows === 0 || cols === 0 ? 1 : Math.max(1, rows) * cols;
    return new Matrix(rows, cols, n <= SMALL ? smallStore(n) : be.f64(n));
  }

  /** @internal A rows×cols matrix (1 ≤ rows·cols ≤ SMALL) on the JS heap, zeroed: _alloc without its checks. */
  static _small(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols, smallStore(rows * cols));
  }

  /**
   * @internal Like _alloc, but a multiple of 64 rows gets 8 more doubles of column stride, so the
   * columns are not a power-of-two number of bytes apart. With a 4 KiB-multiple stride every column
   * of a tile starts at the same address modulo 4096, and the GEMM updates of a factorisation then
   * slow down by an amount that depends on where the heap put the matrix and the packing buffers
   * (4K aliasing or cache-set conflicts; measured, not diagnosed further: getrf at n = 512 took 4.1 to
   * 6.3 ms over placements with ld = 512, 4.2 ± 0.05 with ld = 520). For working copies that
   * factorisations own.
   */
  static _allocPadded(rows: number, cols: number): Matrix {
    const ld = rows >= 64 && rows % 64 === 0 ? rows + 8 : rows;
    if (ld === rows) return Matrix._alloc(rows, cols);
    checkResult(rows, cols);
    return new Matrix(rows, cols, backend().f64(ld * cols), ld);
  }

  /** @internal Elements spanned in storage from entry (0, 0) to the last entry (0 when empty). */
  _extent(): number {
    return this.rows === 0 || this.cols === 0 ? 0 : this._ld * (this.cols - 1) + this.rows;
  }

  /** @internal The storage; throws after dispose() (a ReferenceError naming `fn`). */
  _store(fn?: string): Store {
    return this._v(fn).store;
  }

  /**
   * @internal The plain view the kernel-call layer takes (bindings/core/lapack.ts); throws after
   * dispose(), a ReferenceError whose message starts with `fn` (the function the caller called).
   */
  _v(fn = 'Matrix'): View {
    const v = this.#view;
    if (v === null) throw new ReferenceError(`${fn}: the matrix was disposed (used after dispose())`);
    return v;
  }

  // ---- construction ------------------------------------------------------------------------

  /**
   * A matrix from nested rows. Ragged or non-numeric input is a TypeError/RangeError; so is a flat
   * array of numbers (a vector), with a pointer to `Matrix.columnVector` / `Matrix.rowVector`.
   *
   * @example
   * const A = Matrix.from([[1, 2], [3, 4]]); // 2×2
   */
  static from(data: readonly (readonly number[])[] | readonly Float64Array[]): Matrix {
    const d: unknown = data;
    if (ArrayBuffer.isView(d) || (Array.isArray(d) && d.length > 0 && typeof d[0] === 'number')) {
      throw new TypeError(
        `Matrix.from: data${ArrayBuffer.isView(d) ? ` is a ${describe(d)}` : '[0] is a number'}: a vector, but Matrix.from takes rows (number[][]); ` +
          'use Matrix.columnVector(v) for an n×1 matrix, Matrix.rowVector(v) for 1×n, or Matrix.fromArray(v, rows, cols)',
      );
    }
    const [rows, cols] = nestedShape('Matrix.from', 'data', data);
    const M = Matrix._alloc(rows, cols);
    const s = M._store();
    const a = s.array();
    const ld = M._ld;
    for (let i = 0; i < rows; i++) {
      const row = data[i] as ArrayLike<number>;
      let o = s.offset + i;
      for (let j = 0; j < cols; j++, o += ld) a[o] = row[j]!;
    }
    return M;
  }

  /**
   * A rows×cols matrix from row-major data (copied): entry (i, j) is `data[i·cols + j]`.
   *
   * @example
   * ```ts
   * const A = Matrix.fromArray([1, 2, 3, 4, 5, 6], 2, 3); // [[1, 2, 3], [4, 5, 6]]
   * ```
   */
  static fromArray(data: ArrayLike<number>, rows: number, cols: number): Matrix {
    checkShape('Matrix.fromArray', rows, cols);
    if (data === null || typeof data !== 'object' || typeof data.length !== 'number') {
      throw new TypeError('Matrix.fromArray: data must be an array or a typed array of numbers');
    }
    if (data.length !== rows * cols) {
      throw new RangeError(
        `Matrix.fromArray: ${data.length} values cannot fill a ${shapeStr(rows, cols)} matrix (needs ${rows * cols})`,
      );
    }
    if (!(data instanceof Float64Array)) {
      for (let i = 0; i < data.length; i++) {
        if (typeof data[i] !== 'number') throw new TypeError(`Matrix.fromArray: data[${i}] must be a number`);
      }
    }
    const M = Matrix._alloc(rows, cols);
    if (rows === 0 || cols === 0) return M;
    const s = M._store();
    const a = s.array();
    for (let i = 0; i < rows; i++) {
      let o = s.offset + i;
      const r = i * cols;
      for (let j = 0; j < cols; j++, o += M._ld) a[o] = data[r + j]!;
    }
    return M;
  }

  /**
   * A rows×cols matrix of zeros.
   *
   * @example
   * ```ts
   * const Z = Matrix.zeros(2, 3);
   * ```
   */
  static zeros(rows: number, cols: number): Matrix {
    return Matrix.filled('Matrix.zeros', rows, cols, 0);
  }

  /**
   * A rows×cols matrix of ones.
   *
   * @example
   * ```ts
   * const J = Matrix.ones(3, 3);
   * ```
   */
  static ones(rows: number, cols: number): Matrix {
    return Matrix.filled('Matrix.ones', rows, cols, 1);
  }

  /**
   * A rows×cols matrix with every entry equal to `value`.
   *
   * @example
   * ```ts
   * const F = Matrix.full(2, 2, 7); // [[7, 7], [7, 7]]
   * ```
   */
  static full(rows: number, cols: number, value: number): Matrix {
    return Matrix.filled('Matrix.full', rows, cols, value);
  }

  /** full, its messages naming `fn` (zeros, ones, full). */
  private static filled(fn: string, rows: number, cols: number, value: number): Matrix {
    checkShape(fn, rows, cols);
    checkNumber(fn, 'value', value);
    const M = Matrix._alloc(rows, cols);
    const s = M._store();
    s.array().fill(value, s.offset, s.offset + M._extent());
    return M;
  }

  /**
   * The n×n identity, or the rows×cols matrix with ones on the main diagonal.
   *
   * @example
   * ```ts
   * const I = Matrix.eye(3);    // 3×3 identity
   * const E = Matrix.eye(2, 3); // [[1, 0, 0], [0, 1, 0]]
   * ```
   */
  static eye(rows: number, cols: number = rows): Matrix {
    checkShape('Matrix.eye', rows, cols);
    const M = Matrix._alloc(rows, cols);
    const s = M._store();
    const a = s.array();
    a.fill(0, s.offset, s.offset + M._extent());
    for (let i = 0; i < Math.min(rows, cols); i++) a[s.offset + i + i * M._ld] = 1;
    return M;
  }

  /**
   * The square matrix with `values` on its diagonal (numpy's `diag(v)`).
   *
   * @example
   * ```ts
   * const D = Matrix.diagonal([1, 2, 3]); // 3×3, zeros off the diagonal
   * ```
   */
  static diagonal(values: VectorLike): Matrix {
    return ops.diagonalMatrix('Matrix.diagonal', values);
  }

  /**
   * Uniform [0, 1) entries from a seeded generator (reproducible across backends and runs).
   *
   * @example
   * ```ts
   * const A = Matrix.random(4, 4, { seed: 1 });
   * ```
   */
  static random(rows: number, cols: number, options?: RandomOptions | null): Matrix {
    checkShape('Matrix.random', rows, cols);
    const rng = new Rng(seedOf('Matrix.random', options));
    return Matrix.fill(rows, cols, () => rng.uniform());
  }

  /**
   * Standard normal entries from a seeded generator (reproducible across backends and runs).
   *
   * @example
   * ```ts
   * const X = Matrix.randn(1000, 50, { seed: 42 });
   * ```
   */
  static randn(rows: number, cols: number, options?: RandomOptions | null): Matrix {
    checkShape('Matrix.randn', rows, cols);
    const rng = new Rng(seedOf('Matrix.randn', options));
    return Matrix.fill(rows, cols, () => rng.normal());
  }

  /**
   * The matrix whose columns are the given vectors (number[] or any numeric typed array, all of one
   * length); an empty list gives 0×0.
   *
   * @example
   * ```ts
   * const A = Matrix.fromColumns([[1, 2, 3], [4, 5, 6]]); // 3×2: [[1, 4], [2, 5], [3, 6]]
   * ```
   */
  static fromColumns(cols: readonly VectorLike[]): Matrix {
    return ops.fromColumns(cols);
  }

  /**
   * The matrix whose rows are the given vectors (number[] or any numeric typed array, all of one
   * length); an empty list gives 0×0.
   *
   * @example
   * ```ts
   * const A = Matrix.fromRows([Float32Array.of(1, 2), [3, 4]]); // [[1, 2], [3, 4]]
   * ```
   */
  static fromRows(rows: readonly VectorLike[]): Matrix {
    return ops.fromRows(rows);
  }

  /**
   * The n×1 matrix holding v (numpy's `v[:, None]`).
   *
   * @example
   * ```ts
   * const b = Matrix.columnVector([1, 2, 3]); // 3×1
   * ```
   */
  static columnVector(v: VectorLike): Matrix {
    return ops.columnVector(v);
  }

  /**
   * The 1×n matrix holding v (numpy's `v[None, :]`).
   *
   * @example
   * ```ts
   * const r = Matrix.rowVector([1, 2, 3]); // 1×3
   * ```
   */
  static rowVector(v: VectorLike): Matrix {
    return ops.rowVector(v);
  }

  /** Fills row by row (row-major order, so results do not depend on the storage order). */
  private static fill(rows: number, cols: number, next: () => number): Matrix {
    const M = Matrix._alloc(rows, cols);
    if (rows === 0 || cols === 0) return M; // no entries: no loop over the other dimension
    const s = M._store();
    const a = s.array();
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) a[s.offset + i + j * M._ld] = next();
    }
    return M;
  }

  // ---- access --------------------------------------------------------------------------------

  /**
   * `[rows, cols]`.
   *
   * @example
   * ```ts
   * const [m, n] = A.shape;
   * ```
   */
  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  /** Which backend's storage holds this matrix: `'wasm'` or `'js'`. */
  get backend(): BackendName {
    return this._store('Matrix.backend').kind;
  }

  /** True after dispose(). */
  get disposed(): boolean {
    return this.#view === null;
  }

  /**
   * Entry (i, j), 0-based; an index out of range is a RangeError.
   *
   * @example
   * ```ts
   * Matrix.from([[1, 2], [3, 4]]).get(1, 0); // 3
   * ```
   */
  get(i: number, j: number): number {
    checkIndex('Matrix.get', 'i', i, this.rows);
    checkIndex('Matrix.get', 'j', j, this.cols);
    const s = this._store('Matrix.get');
    return s.array()[s.offset + i + j * this._ld]!;
  }

  /**
   * Sets entry (i, j) in place and returns this matrix (the one mutating method).
   *
   * @example
   * ```ts
   * const A = Matrix.zeros(2, 2).set(0, 1, 5); // [[0, 5], [0, 0]]
   * ```
   */
  set(i: number, j: number, value: number): this {
    checkIndex('Matrix.set', 'i', i, this.rows);
    checkIndex('Matrix.set', 'j', j, this.cols);
    checkNumber('Matrix.set', 'value', value);
    const s = this._store('Matrix.set');
    s.array()[s.offset + i + j * this._ld] = value;
    return this;
  }

  /**
   * Nested rows, row-major (one array per row: an m×0 matrix gives m empty rows).
   *
   * @example
   * ```ts
   * Matrix.eye(2).toArray(); // [[1, 0], [0, 1]]
   * ```
   */
  toArray(): number[][] {
    const s = this._store('Matrix.toArray');
    const a = s.array();
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) {
      const row = new Array<number>(this.cols);
      let o = s.offset + i;
      for (let j = 0; j < this.cols; j++, o += this._ld) row[j] = a[o]!;
      out.push(row);
    }
    return out;
  }

  /**
   * A row-major copy: entry (i, j) at `[i·cols + j]`.
   *
   * @example
   * ```ts
   * Matrix.from([[1, 2], [3, 4]]).toFloat64Array(); // Float64Array [1, 2, 3, 4]
   * ```
   */
  toFloat64Array(): Float64Array {
    const s = this._store('Matrix.toFloat64Array');
    const a = s.array();
    const out = new Float64Array(this.rows * this.cols);
    if (out.length === 0) return out;
    for (let j = 0; j < this.cols; j++) {
      const o = s.offset + j * this._ld;
      for (let i = 0; i < this.rows; i++) out[i * this.cols + j] = a[o + i]!;
    }
    return out;
  }

  /**
   * A copy of column j.
   *
   * @example
   * ```ts
   * Matrix.from([[1, 2], [3, 4]]).column(1); // Float64Array [2, 4]
   * ```
   */
  column(j: number): Float64Array {
    checkIndex('Matrix.column', 'j', j, this.cols);
    const s = this._store('Matrix.column');
    const o = s.offset + j * this._ld;
    return s.array().slice(o, o + this.rows);
  }

  /**
   * A copy of row i.
   *
   * @example
   * ```ts
   * Matrix.from([[1, 2], [3, 4]]).row(1); // Float64Array [3, 4]
   * ```
   */
  row(i: number): Float64Array {
    checkIndex('Matrix.row', 'i', i, this.rows);
    const s = this._store('Matrix.row');
    const a = s.array();
    const out = new Float64Array(this.cols);
    for (let j = 0; j < this.cols; j++) out[j] = a[s.offset + i + j * this._ld]!;
    return out;
  }

  /**
   * Frees the storage now; using the matrix afterwards is a ReferenceError. Safe to call twice.
   *
   * @example
   * ```ts
   * const A = Matrix.random(512, 512);
   * try {
   *   console.log(A.norm());
   * } finally {
   *   A.dispose();
   * }
   * ```
   */
  dispose(): void {
    const v = this.#view;
    if (v === null) return;
    this.#view = null;
    untrack(this);
    const s = v.store;
    if (s.kind === 'wasm' && (s as WasmStore).owned) registry?.unregister(this);
    s.free();
  }

  /**
   * The same as {@link Matrix.dispose}, for `using` declarations (the key is `Symbol.dispose`, or
   * `Symbol.for('Symbol.dispose')` where the engine lacks the symbol).
   *
   * @example
   * ```ts
   * {
   *   using A = Matrix.random(512, 512);
   *   console.log(A.norm());
   * } // A is freed here
   * ```
   */
  [DISPOSE](): void {
    this.dispose();
  }

  /**
   * numpy-style text: a header line with the shape and where the entries live, then the entries in
   * aligned columns (one common format: fixed-point or scientific, at most `precision` digits after
   * the point), with `…` where rows or columns are cut — past `maxRows` rows or `maxCols` columns
   * only the corners are shown. A disposed matrix prints as `Matrix 3×3 (disposed)`. Rules and
   * defaults (precision 6, maxRows and maxCols 10): bindings/core/format.ts.
   *
   * @example
   * Matrix.from([[1, 2.5], [-3, 4]]).toString();
   * // Matrix 2×2 (js)
   * // [[ 1. ,  2.5],
   * //  [-3. ,  4. ]]
   * Matrix.random(100, 100).toString({ precision: 3, maxRows: 4, maxCols: 4 }); // the corners only
   */
  toString(options?: FormatOptions | null): string {
    const o = formatOptions('Matrix.toString', options);
    const shape = shapeStr(this.rows, this.cols);
    const v = this.#view;
    if (v === null) return `Matrix ${shape} (disposed)`;
    const a = v.store.array();
    const off = v.store.offset;
    const ld = this._ld;
    return formatMatrix(`Matrix ${shape} (${v.store.kind})`, this.rows, this.cols, (i, j) => a[off + i + j * ld]!, o);
  }

  /**
   * What Node's `util.inspect` and `console.log` show: {@link toString} with its defaults (or
   * `[Matrix 3×3]` past the inspection depth). Found through `Symbol.for('nodejs.util.inspect.custom')`,
   * so nothing Node-specific is imported.
   *
   * @example
   * console.log(Matrix.eye(2)); // Matrix 2×2 (js)
   *                             // [[1., 0.],
   *                             //  [0., 1.]]
   */
  [inspectCustom](depth: number, options?: { stylize?: (text: string, style: string) => string }): string {
    if (depth < 0) {
      const text = `[Matrix ${shapeStr(this.rows, this.cols)}${this.disposed ? ', disposed' : ''}]`;
      return typeof options?.stylize === 'function' ? options.stylize(text, 'special') : text;
    }
    return this.toString();
  }

  /**
   * The JSON form `{ rows, cols, data }`, `data` row-major, so `JSON.stringify(M)` writes the
   * entries. Lossless: finite numbers are written as numbers (every double round-trips, subnormals
   * included), and the values a JSON number cannot carry as strings — `'NaN'`, `'Infinity'`,
   * `'-Infinity'` and `'-0'` (JSON.stringify would write NaN and ±Infinity as null, and −0 as 0).
   * {@link Matrix.fromJSON} reads it back bit for bit. (For the entries as numbers use
   * {@link toFloat64Array} or {@link toArray}.) Throws a ReferenceError after dispose().
   *
   * @example
   * JSON.stringify(Matrix.from([[1, NaN], [-0, 2]]));
   * // '{"rows":2,"cols":2,"data":[1,"NaN","-0",2]}'
   */
  toJSON(): MatrixJSON {
    const s = this._store('Matrix.toJSON');
    const a = s.array();
    const data = new Array<MatrixJSONEntry>(this.rows * this.cols);
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) data[i * this.cols + j] = jsonEntry(a[s.offset + i + j * this._ld]!);
    }
    return { rows: this.rows, cols: this.cols, data };
  }

  /**
   * A matrix from its JSON form ({@link toJSON}): the object, or the JSON text. Checks everything:
   * text that is not JSON or not an object, `rows`/`cols` that are not sizes, `data` that is not an
   * array (TypeError), of the wrong length (RangeError), or holding anything but numbers and the
   * strings `'NaN'`, `'Infinity'`, `'-Infinity'`, `'-0'` (TypeError naming the entry — a `null`
   * included, which is what JSON.stringify writes for NaN in a plain array).
   *
   * @example
   * const B = Matrix.fromJSON(JSON.stringify(A)); // the same bits as A
   * const C = Matrix.fromJSON({ rows: 1, cols: 2, data: [1, 'Infinity'] });
   */
  static fromJSON(json: MatrixJSON | string): Matrix {
    const fn = 'Matrix.fromJSON';
    let o: unknown = json;
    if (typeof json === 'string') {
      try {
        o = JSON.parse(json);
      } catch (e) {
        throw new TypeError(`${fn}: the text is not valid JSON (${(e as Error).message})`);
      }
    }
    if (o === null || typeof o !== 'object' || Array.isArray(o)) {
      throw new TypeError(`${fn}: expected an object { rows, cols, data } or its JSON text, got ${describe(o)}`);
    }
    const { rows, cols, data } = o as Record<string, unknown>;
    checkShape(fn, rows as number, cols as number);
    const r = rows as number;
    const c = cols as number;
    if (!Array.isArray(data)) throw new TypeError(`${fn}: data must be an array (row-major entries), got ${describe(data)}`);
    if (data.length !== r * c) {
      throw new RangeError(`${fn}: data has ${data.length} entries but a ${shapeStr(r, c)} matrix needs ${r * c}`);
    }
    const values = new Float64Array(data.length);
    for (let k = 0; k < data.length; k++) {
      const x: unknown = data[k];
      if (typeof x === 'number') values[k] = x;
      else if (typeof x === 'string' && Object.hasOwn(JSON_SPECIAL, x)) values[k] = JSON_SPECIAL[x]!;
      else {
        const hint = x === null ? ' (null is what JSON.stringify writes for NaN or ±Infinity in a plain array: the value is lost)' : '';
        throw new TypeError(`${fn}: data[${k}] must be a number or one of 'NaN', 'Infinity', '-Infinity', '-0', got ${typeof x === 'string' ? `'${x}'` : describe(x)}${hint}`);
      }
    }
    return Matrix.fromArray(values, r, c);
  }

  // ---- slicing and shape ---------------------------------------------------------------------------

  /**
   * A copy of the block A[rowStart:rowEnd, colStart:colEnd], numpy's slicing: half-open, negative
   * bounds count from the end, an omitted (undefined or null) bound is the full range, bounds past the
   * ends are clamped, an end before its start gives an empty dimension.
   *
   * @example
   * ```ts
   * const Uk = U.slice(0, undefined, 0, k);  // U[:, :k]
   * const last = A.slice(-1);                // A[-1:, :], the last row as a 1×n matrix
   * ```
   */
  slice(rowStart?: number | null, rowEnd?: number | null, colStart?: number | null, colEnd?: number | null): Matrix {
    return ops.slice(this, rowStart, rowEnd, colStart, colEnd);
  }

  /**
   * The rows at the given indices, in that order (numpy's `A[indices, :]`; repeats and negative
   * indices allowed).
   *
   * @example
   * ```ts
   * const B = A.selectRows([2, 0, -1]);
   * ```
   */
  selectRows(indices: VectorLike): Matrix {
    return ops.selectRows(this, indices);
  }

  /**
   * The columns at the given indices, in that order (numpy's `A[:, indices]`; repeats and negative
   * indices allowed).
   *
   * @example
   * ```ts
   * const B = A.selectColumns([0, 2]);
   * ```
   */
  selectColumns(indices: VectorLike): Matrix {
    return ops.selectColumns(this, indices);
  }

  /**
   * A new matrix: this one with B (a Matrix, nested rows, or a vector as one row) written at
   * (rowStart, colStart); this matrix is not changed. B must fit (RangeError otherwise); negative
   * positions count from the end.
   *
   * @example
   * ```ts
   * const C = Matrix.zeros(4, 4).setSlice(1, 1, Matrix.eye(2));
   * ```
   */
  setSlice(rowStart: number, colStart: number, B: MatrixLike | VectorLike): Matrix {
    return ops.setSlice(this, rowStart, colStart, B);
  }

  /**
   * The same entries in a rows×cols shape, in row-major order (numpy's `reshape`); one dimension may
   * be -1 (inferred).
   *
   * @example
   * ```ts
   * const B = Matrix.from([[1, 2, 3], [4, 5, 6]]).reshape(3, -1); // [[1, 2], [3, 4], [5, 6]]
   * ```
   */
  reshape(rows: number, cols: number): Matrix {
    return ops.reshape(this, rows, cols);
  }

  /**
   * The entries row by row as a Float64Array (numpy's `flatten()`; the same as `toFloat64Array()`).
   *
   * @example
   * ```ts
   * Matrix.from([[1, 2], [3, 4]]).flatten(); // Float64Array [1, 2, 3, 4]
   * ```
   */
  flatten(): Float64Array {
    return ops.flatten(this);
  }

  // ---- operations (each returns a new matrix; the free functions of the same name) ------------------------------------

  /**
   * A copy of this matrix, on the current backend (the free function {@link ops.clone | clone}).
   *
   * @example
   * ```ts
   * const B = A.clone();
   * ```
   */
  clone(): Matrix {
    return ops.clone(this);
  }
  /**
   * The transpose Aᵀ (the free function {@link ops.transpose | transpose}).
   *
   * @example
   * ```ts
   * Matrix.from([[1, 2, 3]]).transpose().shape; // [3, 1]
   * ```
   */
  transpose(): Matrix {
    return ops.transpose(this);
  }
  /**
   * A + B (the free function {@link ops.add | add}): B a matrix of the same shape, or a row or column
   * vector, a flat vector (a row) or a number, broadcast as numpy does.
   *
   * @example
   * ```ts
   * const C = A.add([[1, 0], [0, 1]]); // A + I, A 2×2
   * const D = A.add(1);                // 1 added to every entry
   * ```
   */
  add(B: Operand): Matrix {
    return ops.add(this, B);
  }
  /**
   * A − B (the free function {@link ops.sub | sub}), B broadcast as in {@link Matrix.add}.
   *
   * @example
   * ```ts
   * const D = A.sub(B);
   * ```
   */
  sub(B: Operand): Matrix {
    return ops.sub(this, B);
  }
  /**
   * α·A (the free function {@link ops.scale | scale}).
   *
   * @example
   * ```ts
   * const B = A.scale(0.5);
   * ```
   */
  scale(alpha: number): Matrix {
    return ops.scale(this, alpha);
  }
  /**
   * The element-wise product A ∘ B (the free function {@link ops.hadamard | hadamard}), B broadcast as
   * in {@link Matrix.add}.
   *
   * @example
   * ```ts
   * Matrix.from([[1, 2]]).hadamard([[3, 4]]).toArray(); // [[3, 8]]
   * ```
   */
  hadamard(B: Operand): Matrix {
    return ops.hadamard(this, B);
  }
  /**
   * The matrix product this·B; a vector operand (`number[]`, a typed array) gives this·x as a
   * Float64Array, as numpy's matmul (the free function {@link ops.matmul | matmul}).
   *
   * @example
   * A.matmul(B);      // Matrix
   * A.matmul([1, 1]); // Float64Array (as A.matvec([1, 1]))
   */
  matmul(B: MatrixLike): Matrix;
  matmul(x: VectorLike): Float64Array;
  matmul(B: MatrixLike | VectorLike): Matrix | Float64Array {
    return ops.matmul(this, B as MatrixLike);
  }
  /**
   * The matrix-vector product A·x as a Float64Array (the free function {@link ops.matvec | matvec}).
   *
   * @example
   * ```ts
   * Matrix.from([[1, 2], [3, 4]]).matvec([1, 1]); // Float64Array [3, 7]
   * ```
   */
  matvec(x: VectorLike): Float64Array {
    return ops.matvec(this, x);
  }
  /**
   * numpy's dot for a 2-D left operand: a matrix product, or a matrix-vector product (the free
   * function {@link ops.dot | dot}).
   *
   * @example
   * ```ts
   * const C = A.dot(B);      // a Matrix, as A.matmul(B)
   * const y = A.dot([1, 1]); // a Float64Array, as A.matvec([1, 1])
   * ```
   */
  dot(B: MatrixLike): Matrix;
  dot(x: VectorLike): Float64Array;
  dot(B: MatrixLike | VectorLike): Matrix | Float64Array {
    return ops.dot(this, B as MatrixLike);
  }
  /**
   * The sum of the main diagonal (the free function {@link ops.trace | trace}).
   *
   * @example
   * ```ts
   * Matrix.from([[1, 2], [3, 4]]).trace(); // 5
   * ```
   */
  trace(): number {
    return ops.trace(this);
  }
  /**
   * The main diagonal (min(rows, cols) entries), as a Float64Array.
   *
   * @example
   * ```ts
   * Matrix.from([[1, 2], [3, 4]]).diag(); // Float64Array [1, 4]
   * ```
   */
  diag(): Float64Array {
    return ops.diag(this);
  }
  /**
   * The matrix norm `ord`: `'fro'` (default), 1, Infinity, 2 or `'nuc'` (the free function
   * {@link ops.norm | norm}).
   *
   * @example
   * ```ts
   * Matrix.from([[3, 0], [0, 4]]).norm();  // 5 (Frobenius)
   * Matrix.from([[3, 0], [0, 4]]).norm(2); // 4 (largest singular value)
   * ```
   */
  norm(ord?: MatrixNorm | null, options?: { axis?: null } | null): number;
  /**
   * With `{ axis: 0 }` the vector norm `ord` (2 by default, 1 or Infinity) of each column, with
   * `{ axis: 1 }` of each row, as a Float64Array.
   *
   * @example
   * ```ts
   * Matrix.from([[3, 1], [4, 1]]).norm(2, { axis: 0 }); // Float64Array [5, √2]
   * ```
   */
  norm(ord: VectorNorm | null | undefined, options: NormAxisOptions): Float64Array;
  norm(ord?: MatrixNorm | null, options?: { axis?: Axis | null } | null): number | Float64Array {
    return ops.norm(this, ord as VectorNorm, options as NormAxisOptions);
  }
  /**
   * AᵀA (or AAᵀ with `{ rows: true }`), the Gram matrix, through SYRK (the free function
   * {@link ops.gram | gram}).
   *
   * @example
   * ```ts
   * const G = X.gram();                // XᵀX, n×n for X m×n
   * const K = X.gram({ rows: true });  // XXᵀ, m×m
   * ```
   */
  gram(options?: { rows?: boolean } | null): Matrix {
    return ops.gram(this, options);
  }

  // ---- decompositions (the free functions of the same name) ----

  /**
   * X with this·X = B (LU with partial pivoting; `{ transpose: true }` solves thisᵀ·X = B): a vector
   * b gives a Float64Array, a matrix B a Matrix. The free function {@link ops.solve | solve}.
   *
   * @example
   * Matrix.from([[2, 0], [0, 4]]).solve([2, 2]); // Float64Array [1, 0.5]
   */
  solve(b: VectorLike, options?: SolveOptions | null): Float64Array;
  solve(B: MatrixLike, options?: SolveOptions | null): Matrix;
  solve(B: MatrixLike | VectorLike, options?: SolveOptions | null): Matrix | Float64Array {
    return ops.solve(this, B as MatrixLike, options);
  }

  /**
   * The inverse (LU; LinAlgError 'singular' on an exactly zero pivot). The free function
   * {@link ops.inv | inv}.
   *
   * @example
   * Matrix.from([[2, 0], [0, 4]]).inv(); // [[0.5, 0], [0, 0.25]]
   */
  inv(options?: FiniteOption | null): Matrix {
    return ops.inv(this, options);
  }

  /**
   * The determinant (LU; 1 for 0×0). The free function {@link ops.det | det};
   * {@link ops.slogdet | slogdet} for large n.
   *
   * @example
   * Matrix.from([[1, 2], [3, 4]]).det(); // -2
   */
  det(options?: FiniteOption | null): number {
    return ops.det(this, options);
  }

  /**
   * The sign and log|det| (no overflow). The free function {@link ops.slogdet | slogdet}.
   *
   * @example
   * Matrix.from([[1, 2], [3, 4]]).slogdet(); // { sign: -1, logAbsDet: Math.log(2) }
   */
  slogdet(options?: FiniteOption | null): SlogdetResult {
    return ops.slogdet(this, options);
  }

  /**
   * The Moore–Penrose pseudo-inverse (SVD; singular values ≤ rtol·σ_max dropped). The free function
   * {@link ops.pinv | pinv}.
   *
   * @example
   * Matrix.from([[1, 2], [2, 4]]).pinv(); // rank 1: [[0.04, 0.08], [0.08, 0.16]]
   */
  pinv(options?: ({ rtol?: number } & FiniteOption) | null): Matrix {
    return ops.pinv(this, options);
  }

  /**
   * The numerical rank (singular values above `tol`, default σ_max·max(m, n)·eps). The free function
   * {@link matrixRank} (numpy's `matrix_rank`).
   *
   * @example
   * Matrix.from([[1, 2], [2, 4]]).rank(); // 1
   */
  rank(options?: ({ tol?: number } & FiniteOption) | null): number {
    return ops.matrixRank(this, options);
  }

  /**
   * The condition number: σ_max/σ_min for p = 2 (default), ‖A‖·‖A⁻¹‖ for p = 1, Infinity, 'fro'.
   * The free function {@link ops.cond | cond}.
   *
   * @example
   * Matrix.from([[1, 0], [0, 1e-3]]).cond(); // 1000
   */
  cond(p: 2 | 1 | typeof Infinity | 'fro' = 2, options?: FiniteOption | null): number {
    return ops.cond(this, p, options);
  }

  /**
   * The lower Cholesky factor L with this = L·Lᵀ (only the lower triangle is read). The free
   * function {@link ops.cholesky | cholesky}.
   *
   * @example
   * Matrix.from([[4, 2], [2, 5]]).cholesky(); // [[2, 0], [1, 2]]
   */
  cholesky(options?: FiniteOption | null): Matrix {
    return ops.cholesky(this, options);
  }

  /**
   * P·A = L·U with partial pivoting: `{ L, U, perm }`. The free function {@link ops.lu | lu}.
   *
   * @example
   * const { L, U, perm } = A.lu();
   */
  lu(options?: FiniteOption | null): LUResult {
    return ops.lu(this, options);
  }

  /**
   * Householder QR `{ Q, R, perm? }` (numpy's modes; `pivoting` for rank-revealing QR). The free
   * function {@link ops.qr | qr}.
   *
   * @example
   * const { Q, R } = A.qr();
   */
  qr(options?: QROptions | null): QRResult {
    return ops.qr(this, options);
  }

  /**
   * The singular value decomposition `{ U, s, Vt }`. The free function {@link ops.svd | svd}.
   *
   * @example
   * const { U, s, Vt } = A.svd();
   */
  svd(options?: SvdOptions | null): SvdResult {
    return ops.svd(this, options);
  }

  /**
   * Eigenvalues (ascending) and orthonormal eigenvectors of a symmetric matrix (lower triangle read):
   * `{ values, vectors }`. The free function {@link ops.eigh | eigh}.
   *
   * @example
   * Matrix.from([[2, 1], [1, 2]]).eigh().values; // Float64Array [1, 3]
   */
  eigh(options?: EighOptions | null): EighResult;
  /**
   * The generalised symmetric-definite eigenproblem with this matrix as A: `type` 1 A·x = λ·B·x
   * (default), 2 A·B·x = λ·x, 3 B·A·x = λ·x, B symmetric positive definite; B-orthonormal vectors.
   * The free function {@link ops.eigh | eigh}(A, B, options).
   *
   * @example
   * Matrix.from([[2, 0], [0, 3]]).eigh([[4, 0], [0, 1]]).values; // Float64Array [0.5, 3]
   */
  eigh(B: MatrixLike | null | undefined, options?: EighOptions | null): EighResult;
  eigh(second?: MatrixLike | EighOptions | null, third?: EighOptions | null): EighResult {
    return ops.eigh(this, second as MatrixLike | null | undefined, third);
  }

  /**
   * Eigenvalues and right eigenvectors of a general square matrix, complex ones as re/im parts with
   * helpers (`value(k)`, `vector(k)`, `residual()`). The free function {@link ops.eig | eig}.
   *
   * @example
   * const r = Matrix.from([[0, -1], [1, 0]]).eig();
   * r.value(0); // { re: 0, im: 1 }
   */
  eig(options?: EigOptions | null): EigResult {
    return ops.eig(this, options);
  }

  /**
   * The least-squares solution of this·x ≈ b (minimum-norm when rank-deficient): `{ x, residuals,
   * rank, s }`. The free function {@link ops.lstsq | lstsq}.
   *
   * @example
   * Matrix.from([[1, 0], [1, 1], [1, 2]]).lstsq([1, 2, 3]).x; // Float64Array [1, 1]
   */
  lstsq(b: VectorLike, options?: LstsqOptions | null): LstsqResult<Float64Array>;
  lstsq(B: MatrixLike, options?: LstsqOptions | null): LstsqResult<Matrix>;
  lstsq(B: MatrixLike | VectorLike, options?: LstsqOptions | null): LstsqResult<Float64Array> | LstsqResult<Matrix> {
    return ops.lstsq(this, B as MatrixLike, options);
  }

  /**
   * X with op(this)·X = B for triangular `this` (upper by default, as scipy; `{ lower, unitDiagonal,
   * transpose }`). The free function {@link ops.solveTriangular | solveTriangular}.
   *
   * @example
   * Matrix.from([[2, 1], [0, 4]]).solveTriangular([3, 4]); // Float64Array [1, 1]
   */
  solveTriangular(b: VectorLike, options?: TriangularOptions | null): Float64Array;
  solveTriangular(B: MatrixLike, options?: TriangularOptions | null): Matrix;
  solveTriangular(B: MatrixLike | VectorLike, options?: TriangularOptions | null): Matrix | Float64Array {
    return ops.solveTriangular(this, B as MatrixLike, options);
  }

  // ---- matrix functions (issue 13) ----

  /**
   * The matrix exponential e^this (scaling and squaring, Padé). The free function {@link ops.expm | expm}.
   *
   * @example
   * Matrix.from([[0, 1], [0, 0]]).expm(); // [[1, 1], [0, 1]]
   */
  expm(options?: FiniteOption | null): Matrix {
    return ops.expm(this, options);
  }

  /**
   * The principal square root (real Schur method). The free function {@link ops.sqrtm | sqrtm}.
   *
   * @example
   * Matrix.from([[4, 0], [0, 9]]).sqrtm(); // [[2, 0], [0, 3]]
   */
  sqrtm(options?: FiniteOption | null): Matrix {
    return ops.sqrtm(this, options);
  }

  /**
   * The principal logarithm (inverse scaling and squaring). The free function {@link ops.logm | logm}.
   *
   * @example
   * Matrix.from([[1, 1], [0, 1]]).logm(); // [[0, 1], [0, 0]]
   */
  logm(options?: FiniteOption | null): Matrix {
    return ops.logm(this, options);
  }

  // ---- element-wise, reductions and statistics ----

  /**
   * A new matrix of fn(aᵢⱼ, i, j), called in row-major order; fn must return a number (the free function `map`).
   * @example
   * Matrix.from([[1, 2], [3, 4]]).map((v) => v * v).toArray(); // [[1, 4], [9, 16]]
   */
  map(fn: (value: number, i: number, j: number) => number): Matrix {
    return ops.map(this, fn);
  }
  /**
   * This + s for a number s.
   * @example
   * Matrix.from([[1, 2]]).addScalar(1).toArray(); // [[2, 3]]
   */
  addScalar(s: number): Matrix {
    return ops.addScalar(this, s);
  }
  /**
   * This − s for a number s.
   * @example
   * Matrix.from([[1, 2]]).subScalar(1).toArray(); // [[0, 1]]
   */
  subScalar(s: number): Matrix {
    return ops.subScalar(this, s);
  }
  /**
   * The element-wise product with B broadcast (numpy's `*`; the same as `hadamard`). Not the matrix product (`matmul`).
   * @example
   * Matrix.from([[1, 2], [3, 4]]).mul([10, 100]).toArray(); // [[10, 200], [30, 400]]
   */
  mul(B: Operand): Matrix {
    return ops.mul(this, B);
  }
  /**
   * The element-wise quotient with B broadcast (a matrix, a row or column vector, a flat vector or a number).
   * @example
   * Matrix.from([[2, 4], [6, 8]]).div(2).toArray(); // [[1, 2], [3, 4]]
   */
  div(B: Operand): Matrix {
    return ops.div(this, B);
  }
  /**
   * |aᵢⱼ| entry by entry.
   * @example
   * Matrix.from([[-1, 2]]).abs().toArray(); // [[1, 2]]
   */
  abs(): Matrix {
    return ops.abs(this);
  }
  /**
   * √aᵢⱼ entry by entry (NaN for a negative entry, as numpy).
   * @example
   * Matrix.from([[4, 9]]).sqrt().toArray(); // [[2, 3]]
   */
  sqrt(): Matrix {
    return ops.sqrt(this);
  }
  /**
   * e^aᵢⱼ entry by entry.
   * @example
   * Matrix.from([[0]]).exp().get(0, 0); // 1
   */
  exp(): Matrix {
    return ops.exp(this);
  }
  /**
   * The natural logarithm entry by entry (log(0) = −Infinity, negative entries NaN, as numpy).
   * @example
   * Matrix.from([[1]]).log().get(0, 0); // 0
   */
  log(): Matrix {
    return ops.log(this);
  }
  /**
   * Each entry raised to the power p (a number, or an operand broadcast as in `add`).
   * @example
   * Matrix.from([[2, 3]]).pow(2).toArray(); // [[4, 9]]
   */
  pow(p: Operand): Matrix {
    return ops.pow(this, p);
  }
  /**
   * Each entry limited to [lo, hi] (numpy's clip; null/undefined leaves a side open).
   * @example
   * Matrix.from([[-2, 0.5, 3]]).clip(0, 1).toArray(); // [[0, 0.5, 1]]
   */
  clip(lo: number | null | undefined, hi: number | null | undefined): Matrix {
    return ops.clip(this, lo, hi);
  }
  /**
   * The sum of all entries, or of each column (`{ axis: 0 }`) or row (`{ axis: 1 }`).
   * @example
   * Matrix.from([[1, 2], [3, 4]]).sum({ axis: 0 }); // Float64Array [4, 6]
   */
  sum<O extends AxisOptions = {}>(options?: O | null): Reduced<O> {
    return ops.sum(this, options);
  }
  /**
   * The mean of all entries, or of each column / row (`axis`); an empty reduction is a RangeError.
   * @example
   * Matrix.from([[1, 2], [3, 4]]).mean(); // 2.5
   */
  mean<O extends AxisOptions = {}>(options?: O | null): Reduced<O> {
    return ops.mean(this, options);
  }
  /**
   * The variance (`ddof` default 0, as numpy) of all entries or of each column / row.
   * @example
   * Matrix.from([[1, 2], [3, 4]]).variance({ ddof: 1 }); // 1.6666666666666667
   */
  variance<O extends VarianceOptions = {}>(options?: O | null): Reduced<O> {
    return ops.variance(this, options);
  }
  /**
   * The standard deviation (`ddof` default 0, as numpy) of all entries or of each column / row.
   * @example
   * Matrix.from([[1, 3]]).std(); // 1
   */
  std<O extends VarianceOptions = {}>(options?: O | null): Reduced<O> {
    return ops.std(this, options);
  }
  /**
   * The smallest entry, or of each column / row (`axis`); NaN propagates.
   * @example
   * Matrix.from([[3, 1], [2, 5]]).min({ axis: 1 }); // Float64Array [1, 2]
   */
  min<O extends AxisOptions = {}>(options?: O | null): Reduced<O> {
    return ops.min(this, options);
  }
  /**
   * The largest entry, or of each column / row (`axis`); NaN propagates.
   * @example
   * Matrix.from([[3, 1], [2, 5]]).max(); // 5
   */
  max<O extends AxisOptions = {}>(options?: O | null): Reduced<O> {
    return ops.max(this, options);
  }
  /**
   * The index of the smallest entry: flat row-major without an axis, per column / row with one.
   * @example
   * Matrix.from([[3, 1], [0, 5]]).argmin(); // 2
   */
  argmin<O extends AxisOptions = {}>(options?: O | null): Reduced<O> {
    return ops.argmin(this, options);
  }
  /**
   * The index of the largest entry: flat row-major without an axis, per column / row with one.
   * @example
   * Matrix.from([[3, 1], [0, 5]]).argmax({ axis: 0 }); // Float64Array [0, 1]
   */
  argmax<O extends AxisOptions = {}>(options?: O | null): Reduced<O> {
    return ops.argmax(this, options);
  }
  /**
   * This minus its column means (default) or row means (`{ axis: 1 }`).
   * @example
   * Matrix.from([[1, 10], [3, 30]]).center().toArray(); // [[-1, -10], [1, 10]]
   */
  center(options?: CenterOptions | null): Matrix {
    return ops.center(this, options);
  }
  /**
   * Whether rows = cols.
   * @example
   * Matrix.zeros(2, 3).isSquare(); // false
   */
  isSquare(): boolean {
    return ops.isSquare(this);
  }
  /**
   * Whether square and symmetric within the relative tolerance `tol` (default 0: exact).
   * @example
   * Matrix.from([[2, 1], [1, 3]]).isSymmetric(); // true
   */
  isSymmetric(options?: SymmetricOptions | null): boolean {
    return ops.isSymmetric(this, options);
  }
  /**
   * Whether B has the same shape and exactly the same entries (NaN equals nothing).
   * @example
   * Matrix.from([[1, 2]]).equals([[1, 2]]); // true
   */
  equals(B: MatrixLike): boolean {
    return ops.equals(this, B);
  }

  // ---- issue 13: hessenberg, rq, polar, pinvh ----

  /**
   * The upper Hessenberg form `{ H }`, or `{ H, Q }` with `calcQ` (A = Q·H·Qᵀ). The free function
   * {@link ops.hessenberg | hessenberg}.
   *
   * @example
   * const { H, Q } = A.hessenberg({ calcQ: true });
   */
  hessenberg(options: HessenbergOptions & { calcQ: true }): HessenbergResultWithQ;
  /**
   * The upper Hessenberg form `{ H }` (A = Q·H·Qᵀ; Q only with `calcQ`).
   *
   * @example
   * const { H } = A.hessenberg();
   */
  hessenberg(options?: HessenbergOptions | null): HessenbergResult;
  hessenberg(options?: HessenbergOptions | null): HessenbergResult {
    return ops.hessenberg(this, options);
  }

  /**
   * The RQ factorisation `{ R, Q }` (scipy's modes 'full', 'r', 'economic'). The free function
   * {@link ops.rq | rq}.
   *
   * @example
   * const { R, Q } = A.rq();
   */
  rq(options?: RQOptions | null): RQResult {
    return ops.rq(this, options);
  }

  /**
   * The polar decomposition `{ U, P }`: A = U·P (side 'right', default) or A = P·U (side 'left'). The
   * free function {@link ops.polar | polar}.
   *
   * @example
   * const { U, P } = A.polar();
   */
  polar(options?: PolarOptions | null): PolarResult {
    return ops.polar(this, options);
  }

  /**
   * The pseudo-inverse of a symmetric matrix (lower triangle read) from its eigendecomposition. The
   * free function {@link ops.pinvh | pinvh}.
   *
   * @example
   * Matrix.from([[1, 1], [1, 1]]).pinvh(); // ≈ [[0.25, 0.25], [0.25, 0.25]]
   */
  pinvh(options?: PinvhOptions | null): Matrix {
    return ops.pinvh(this, options);
  }
}
