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
import type { MatrixLike, MatrixNorm } from '../fluent.js';
import { MAX_DIM, MAX_ENTRIES, checkIndex, checkNumber, checkShape, nestedShape, optionsOf, type VectorLike } from '../core/validate.js';
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

export class Matrix implements Disposable {
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** @internal Leading dimension (column stride) of the storage. */
  readonly _ld: number;
  #view: View | null;

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
    if (store instanceof WasmStore && store.owned) registry?.register(this, store, this);
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

  /** A matrix from nested rows: `Matrix.from([[1, 2], [3, 4]])`. Ragged or non-numeric input throws. */
  static from(data: readonly (readonly number[])[] | readonly Float64Array[]): Matrix {
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

  /** A rows×cols matrix from row-major data (copied): entry (i, j) is data[i·cols + j]. */
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

  /** A rows×cols matrix of zeros. */
  static zeros(rows: number, cols: number): Matrix {
    return Matrix.filled('Matrix.zeros', rows, cols, 0);
  }

  /** A rows×cols matrix of ones. */
  static ones(rows: number, cols: number): Matrix {
    return Matrix.filled('Matrix.ones', rows, cols, 1);
  }

  /** A rows×cols matrix with every entry equal to `value`. */
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

  /** The n×n identity, or the rows×cols matrix with ones on the main diagonal. */
  static eye(rows: number, cols: number = rows): Matrix {
    checkShape('Matrix.eye', rows, cols);
    const M = Matrix._alloc(rows, cols);
    const s = M._store();
    const a = s.array();
    a.fill(0, s.offset, s.offset + M._extent());
    for (let i = 0; i < Math.min(rows, cols); i++) a[s.offset + i + i * M._ld] = 1;
    return M;
  }

  /** The square matrix with `values` on its diagonal (numpy's `diag(v)`). */
  static diagonal(values: VectorLike): Matrix {
    return ops.diagonalMatrix('Matrix.diagonal', values);
  }

  /** Uniform [0, 1) entries from a seeded generator (reproducible across backends and runs). */
  static random(rows: number, cols: number, options?: RandomOptions | null): Matrix {
    checkShape('Matrix.random', rows, cols);
    const rng = new Rng(seedOf('Matrix.random', options));
    return Matrix.fill(rows, cols, () => rng.uniform());
  }

  /** Standard normal entries from a seeded generator. */
  static randn(rows: number, cols: number, options?: RandomOptions | null): Matrix {
    checkShape('Matrix.randn', rows, cols);
    const rng = new Rng(seedOf('Matrix.randn', options));
    return Matrix.fill(rows, cols, () => rng.normal());
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

  /** [rows, cols]. */
  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  /** Which backend's storage holds this matrix. */
  get backend(): BackendName {
    return this._store('Matrix.backend').kind;
  }

  /** True after dispose(). */
  get disposed(): boolean {
    return this.#view === null;
  }

  /** Entry (i, j), 0-based. */
  get(i: number, j: number): number {
    checkIndex('Matrix.get', 'i', i, this.rows);
    checkIndex('Matrix.get', 'j', j, this.cols);
    const s = this._store('Matrix.get');
    return s.array()[s.offset + i + j * this._ld]!;
  }

  /** Sets entry (i, j) in place and returns this matrix (the one mutating method). */
  set(i: number, j: number, value: number): this {
    checkIndex('Matrix.set', 'i', i, this.rows);
    checkIndex('Matrix.set', 'j', j, this.cols);
    checkNumber('Matrix.set', 'value', value);
    const s = this._store('Matrix.set');
    s.array()[s.offset + i + j * this._ld] = value;
    return this;
  }

  /** Nested rows, row-major (one array per row: an m×0 matrix gives m empty rows). */
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

  /** A row-major copy: entry (i, j) at [i·cols + j]. */
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

  /** A copy of column j. */
  column(j: number): Float64Array {
    checkIndex('Matrix.column', 'j', j, this.cols);
    const s = this._store('Matrix.column');
    const o = s.offset + j * this._ld;
    return s.array().slice(o, o + this.rows);
  }

  /** A copy of row i. */
  row(i: number): Float64Array {
    checkIndex('Matrix.row', 'i', i, this.rows);
    const s = this._store('Matrix.row');
    const a = s.array();
    const out = new Float64Array(this.cols);
    for (let j = 0; j < this.cols; j++) out[j] = a[s.offset + i + j * this._ld]!;
    return out;
  }

  /** Frees the storage now. Safe to call twice. */
  dispose(): void {
    const v = this.#view;
    if (v === null) return;
    this.#view = null;
    untrack(this);
    const s = v.store;
    if (s instanceof WasmStore && s.owned) registry?.unregister(this);
    s.free();
  }

  /** `dispose()` under `Symbol.dispose`, for `using` (`Symbol.for('Symbol.dispose')` where the engine lacks the symbol). */
  [DISPOSE](): void {
    this.dispose();
  }

  toString(): string {
    if (this.#view === null) return `Matrix(${shapeStr(this.rows, this.cols)}, disposed)`;
    // The top-left 8×8 corner only: O(1) whatever the shape.
    const s = this._store();
    const a = s.array();
    const rows: string[] = [];
    for (let i = 0; i < Math.min(8, this.rows); i++) {
      const r: string[] = [];
      for (let j = 0; j < Math.min(8, this.cols); j++) r.push(a[s.offset + i + j * this._ld]!.toPrecision(6));
      rows.push('  [' + r.join(', ') + (this.cols > 8 ? ', …' : '') + ']');
    }
    if (this.rows > 8) rows.push('  …');
    return `Matrix(${shapeStr(this.rows, this.cols)}) [\n${rows.join('\n')}\n]`;
  }

  // ---- operations (each returns a new matrix; the free functions of the same name) ------------------------------------

  clone(): Matrix {
    return ops.clone(this);
  }
  transpose(): Matrix {
    return ops.transpose(this);
  }
  add(B: MatrixLike): Matrix {
    return ops.add(this, B);
  }
  sub(B: MatrixLike): Matrix {
    return ops.sub(this, B);
  }
  scale(alpha: number): Matrix {
    return ops.scale(this, alpha);
  }
  hadamard(B: MatrixLike): Matrix {
    return ops.hadamard(this, B);
  }
  matmul(B: MatrixLike): Matrix {
    return ops.matmul(this, B);
  }
  matvec(x: VectorLike): Float64Array {
    return ops.matvec(this, x);
  }
  /** numpy's dot for a 2-D left operand: a matrix product, or a matrix-vector product. */
  dot(B: MatrixLike): Matrix;
  dot(x: VectorLike): Float64Array;
  dot(B: MatrixLike | VectorLike): Matrix | Float64Array {
    return ops.dot(this, B as MatrixLike);
  }
  trace(): number {
    return ops.trace(this);
  }
  /** The main diagonal (min(rows, cols) entries). */
  diag(): Float64Array {
    return ops.diag(this);
  }
  norm(ord: MatrixNorm = 'fro'): number {
    return ops.norm(this, ord);
  }
  /** AᵀA (or AAᵀ with `{ rows: true }`), the Gram matrix, through SYRK. */
  gram(options?: { rows?: boolean } | null): Matrix {
    return ops.gram(this, options);
  }
}
