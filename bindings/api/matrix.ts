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

  /**
   * A matrix from nested rows (arrays of numbers or Float64Arrays), copied. Ragged or non-numeric
   * input is a TypeError or RangeError.
   *
   * @example
   * ```ts
   * const A = Matrix.from([[1, 2, 3], [4, 5, 6]]); // 2×3
   * ```
   */
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
    if (s instanceof WasmStore && s.owned) registry?.unregister(this);
    s.free();
  }

  /**
   * The same as {@link Matrix.dispose}, for `using` declarations.
   *
   * @example
   * ```ts
   * {
   *   using A = Matrix.random(512, 512);
   *   console.log(A.norm());
   * } // A is freed here
   * ```
   */
  [Symbol.dispose](): void {
    this.dispose();
  }

  /**
   * The shape, then the top-left 8×8 entries at most (6 significant digits), `…` where cut.
   *
   * @example
   * ```ts
   * console.log(String(Matrix.eye(2)));
   * // Matrix(2×2) [
   * //   [1.00000, 0.00000]
   * //   [0.00000, 1.00000]
   * // ]
   * ```
   */
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
   * A + B, for B of the same shape (the free function {@link ops.add | add}).
   *
   * @example
   * ```ts
   * const C = A.add([[1, 0], [0, 1]]); // A + I, A 2×2
   * ```
   */
  add(B: MatrixLike): Matrix {
    return ops.add(this, B);
  }
  /**
   * A − B, for B of the same shape (the free function {@link ops.sub | sub}).
   *
   * @example
   * ```ts
   * const D = A.sub(B);
   * ```
   */
  sub(B: MatrixLike): Matrix {
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
   * The element-wise product A ∘ B, for B of the same shape (the free function
   * {@link ops.hadamard | hadamard}).
   *
   * @example
   * ```ts
   * Matrix.from([[1, 2]]).hadamard([[3, 4]]).toArray(); // [[3, 8]]
   * ```
   */
  hadamard(B: MatrixLike): Matrix {
    return ops.hadamard(this, B);
  }
  /**
   * The matrix product A·B (the free function {@link ops.matmul | matmul}).
   *
   * @example
   * ```ts
   * const C = A.matmul(B); // A m×k, B k×n: C m×n
   * ```
   */
  matmul(B: MatrixLike): Matrix {
    return ops.matmul(this, B);
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
  norm(ord: MatrixNorm = 'fro'): number {
    return ops.norm(this, ord);
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
}
