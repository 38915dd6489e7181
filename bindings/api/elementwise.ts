/**
 * Element-wise operations and numpy-style broadcasting for 2-D operands.
 *
 * Broadcasting (numpy's rules, in two dimensions): the operands' shapes are compared dimension by
 * dimension; two sizes are compatible when they are equal or one of them is 1, and a size-1 dimension
 * is stretched to the other's size. So the second operand of `add`, `sub`, `mul`/`hadamard`, `div`,
 * `pow` and `allclose` may be an equal-shaped matrix, a 1×n row vector, an m×1 column vector (Matrix
 * or nested arrays), a flat vector (number[] or a typed array: a 1×n row, as numpy's 1-D arrays) or a
 * number (a 1×1); anything else is a RangeError naming both shapes.
 *
 * Equal shapes of two matrices take the kernel path (`geadd`, `gemul`); the other cases, and the
 * functions without a kernel, are plain loops over the column-major storage — the same JS code on
 * both backends, so results are bit-identical. NaN follows IEEE arithmetic as numpy does: sqrt(−1)
 * and log(−1) are NaN, log(0) is −Infinity, and no domain error is raised.
 */
import * as lapack from '../core/lapack.js';
import { shapeStr } from '../core/errors.js';
import { JsStore, type View } from '../core/store.js';
import { checkNumber, checkShape, describe, isNumericTypedArray, toVector, type VectorLike } from '../core/validate.js';
import { fresh, isVectorLike, withMatrix, type MatrixLike } from './convert.js';
import { Matrix } from './matrix.js';

/**
 * The second operand of a broadcasting operation: a matrix (Matrix or nested rows), a flat vector
 * (a 1×n row, as numpy's 1-D arrays broadcast) or a number.
 *
 * @example
 * ```ts
 * add(A, 1);               // a number: added to every entry
 * add(A, [10, 20]);        // a flat vector: added to every row (A m×2)
 * add(A, [[10], [20]]);    // a column: added to every column (A 2×n)
 * ```
 */
export type Operand = MatrixLike | VectorLike | number;

/**
 * @internal Runs `f` on a Matrix view of a broadcast operand: a number as a 1×1, a flat vector as a
 * 1×n row (both on the JS heap, no allocation of linear memory), a matrix argument as withMatrix does.
 */
export function withOperand<T>(fn: string, name: string, x: unknown, f: (M: Matrix, matrix: boolean) => T): T {
  if (typeof x === 'number') return f(new Matrix(1, 1, new JsStore(Float64Array.of(x)), 1, true), false);
  if (x instanceof Matrix || (Array.isArray(x) && !isVectorLike(x))) return withMatrix(fn, name, x as MatrixLike, (M) => f(M, true));
  if (isVectorLike(x)) {
    const v = toVector(fn, name, x);
    return f(new Matrix(1, v.length, new JsStore(v), 1, true), false);
  }
  const what = isNumericTypedArray(x) ? 'a typed array' : describe(x);
  throw new TypeError(`${fn}: ${name} must be a Matrix, an array of rows (number[][]), a vector or a number, got ${what}`);
}

/** @internal The broadcast shape of A and B (numpy's rule for 2-D), or a RangeError naming both shapes. */
export function broadcastShape(fn: string, A: Matrix, B: Matrix): [number, number] {
  const dim = (a: number, b: number): number => (a === b || b === 1 ? a : a === 1 ? b : -1);
  const r = dim(A.rows, B.rows);
  const c = dim(A.cols, B.cols);
  if (r < 0 || c < 0) {
    throw new RangeError(
      `${fn}: shapes ${shapeStr(A.rows, A.cols)} (A) and ${shapeStr(B.rows, B.cols)} (B) cannot be broadcast together ` +
        '(each dimension must be equal, or 1 in one of them)',
    );
  }
  checkShape(fn, r, c); // an outer broadcast (m×1 with 1×n) can exceed the limits of one matrix
  return [r, c];
}

/**
 * @internal Visits every entry of the broadcast of A and B (shape r×c) column by column:
 * `f(a, ia, b, ib, k)` with the storage arrays, the two entries' positions and the position k = i + j·r
 * in a column-major r×c result. Read the arrays only after any allocation (a wasm heap may grow).
 */
export function eachPair(
  A: Matrix,
  B: Matrix,
  r: number,
  c: number,
  f: (a: Float64Array, ia: number, b: Float64Array, ib: number, i: number, j: number) => void,
): void {
  if (r === 0 || c === 0) return;
  const sa = A._store();
  const sb = B._store();
  const a = sa.array();
  const b = sb.array();
  const ra = A.rows === 1 ? 0 : 1; // row step: 0 stretches a single row
  const rb = B.rows === 1 ? 0 : 1;
  const ca = A.cols === 1 ? 0 : A._ld;
  const cb = B.cols === 1 ? 0 : B._ld;
  for (let j = 0; j < c; j++) {
    const oa = sa.offset + j * ca;
    const ob = sb.offset + j * cb;
    for (let i = 0; i < r; i++) f(a, oa + i * ra, b, ob + i * rb, i, j);
  }
}

/** @internal The binary operations of {@link broadcast}: +, −, ×, ÷ and C's pow. */
export type BinaryOp = '+' | '-' | '*' | '/' | 'pow';

/** out[oc + i] = x[ox + i·sx] op y[oy + i·sy] for i < r: one column of a broadcast, a tight loop per operation. */
function column(op: BinaryOp, out: Float64Array, oc: number, x: Float64Array, ox: number, sx: number, y: Float64Array, oy: number, sy: number, r: number): void {
  switch (op) {
    case '+':
      for (let i = 0; i < r; i++) out[oc + i] = x[ox + i * sx]! + y[oy + i * sy]!;
      return;
    case '-':
      for (let i = 0; i < r; i++) out[oc + i] = x[ox + i * sx]! - y[oy + i * sy]!;
      return;
    case '*':
      for (let i = 0; i < r; i++) out[oc + i] = x[ox + i * sx]! * y[oy + i * sy]!;
      return;
    case '/':
      for (let i = 0; i < r; i++) out[oc + i] = x[ox + i * sx]! / y[oy + i * sy]!;
      return;
    case 'pow':
      for (let i = 0; i < r; i++) out[oc + i] = powC(x[ox + i * sx]!, y[oy + i * sy]!);
      return;
  }
}

/**
 * @internal A binary element-wise operation with broadcasting (A a matrix, B an {@link Operand});
 * `kernel`, if given, computes the case of two equal-shaped matrices (bit-identical to `op`).
 */
export function broadcast(fn: string, a: MatrixLike, b: unknown, op: BinaryOp, kernel?: (A: View, B: View, C: View) => void): Matrix {
  return withMatrix(fn, 'A', a, (A) =>
    withOperand(fn, 'B', b, (B, matrix) => {
      const [r, c] = broadcastShape(fn, A, B);
      if (kernel !== undefined && matrix && A.rows === B.rows && A.cols === B.cols) {
        return fresh(r, c, (C) => kernel(A._v(), B._v(), C._v()));
      }
      return fresh(r, c, (C) => {
        if (r === 0 || c === 0) return;
        // Arrays read after C is allocated (a wasm heap may have grown).
        const sa = A._store();
        const sb = B._store();
        const sc = C._store();
        const ra = A.rows === 1 ? 0 : 1; // row step: 0 stretches a single row
        const rb = B.rows === 1 ? 0 : 1;
        const ca = A.cols === 1 ? 0 : A._ld; // column step: 0 stretches a single column
        const cb = B.cols === 1 ? 0 : B._ld;
        for (let j = 0; j < c; j++) {
          column(op, sc.array(), sc.offset + j * C._ld, sa.array(), sa.offset + j * ca, ra, sb.array(), sb.offset + j * cb, rb, r);
        }
      });
    }),
  );
}

/** The unary operations: a tight loop per operation (no call through a function value per entry). */
type UnaryOp = 'abs' | 'sqrt' | 'exp' | 'log' | 'clip';

/** A unary element-wise operation: a new matrix of op(aᵢⱼ) (clip to [lo, hi]). */
function unary(fn: UnaryOp, a: MatrixLike, lo = 0, hi = 0): Matrix {
  return withMatrix(fn, 'A', a, (A) =>
    fresh(A.rows, A.cols, (C) => {
      if (A.rows === 0 || A.cols === 0) return;
      const sa = A._store();
      const sc = C._store();
      const x = sa.array();
      const y = sc.array();
      const m = A.rows;
      for (let j = 0; j < A.cols; j++) {
        const p = sa.offset + j * A._ld;
        const q = sc.offset + j * C._ld;
        switch (fn) {
          case 'abs':
            for (let i = 0; i < m; i++) y[q + i] = Math.abs(x[p + i]!);
            break;
          case 'sqrt':
            for (let i = 0; i < m; i++) y[q + i] = Math.sqrt(x[p + i]!);
            break;
          case 'exp':
            for (let i = 0; i < m; i++) y[q + i] = Math.exp(x[p + i]!);
            break;
          case 'log':
            for (let i = 0; i < m; i++) y[q + i] = Math.log(x[p + i]!);
            break;
          case 'clip':
            for (let i = 0; i < m; i++) y[q + i] = Math.min(Math.max(x[p + i]!, lo), hi);
            break;
        }
      }
    }),
  );
}

/**
 * The element-wise product A ∘ B with broadcasting (numpy's `multiply`; the same as `hadamard`,
 * messages say `mul`). Not the matrix product: that is `matmul`.
 * @example
 * mul([[1, 2], [3, 4]], [[10], [100]]).toArray(); // [[10, 20], [300, 400]]
 */
export function mul(A: MatrixLike, B: Operand): Matrix {
  return broadcast('mul', A, B, '*', (A, B, C) => lapack.gemul(A, B, C));
}

/**
 * The element-wise quotient A ./ B with broadcasting (as `add`); division by zero gives ±Infinity
 * or NaN (IEEE, as numpy).
 * @example
 * div([[1, 2], [3, 4]], [1, 2]).toArray(); // [[1, 1], [3, 2]]
 */
export function div(A: MatrixLike, B: Operand): Matrix {
  return broadcast('div', A, B, '/');
}

/**
 * A + s for a number s (the same as `add(A, s)`).
 * @example
 * addScalar([[1, 2]], 0.5).toArray(); // [[1.5, 2.5]]
 */
export function addScalar(A: MatrixLike, s: number): Matrix {
  checkNumber('addScalar', 's', s);
  return broadcast('addScalar', A, s, '+');
}

/**
 * A − s for a number s (the same as `sub(A, s)`).
 * @example
 * subScalar([[1, 2]], 1).toArray(); // [[0, 1]]
 */
export function subScalar(A: MatrixLike, s: number): Matrix {
  checkNumber('subScalar', 's', s);
  return broadcast('subScalar', A, s, '-');
}

/**
 * Aᵢⱼ raised to the power p (a number, or an operand broadcast as in `add`). As numpy (C's pow):
 * 1^p = 1 and (−1)^±∞ = 1 even for a NaN or infinite p, a negative base with a non-integer power is NaN.
 * @example
 * pow([[1, 2], [3, 4]], 2).toArray(); // [[1, 4], [9, 16]]
 */
export function pow(A: MatrixLike, p: Operand): Matrix {
  return broadcast('pow', A, p, 'pow');
}

/** C's pow where JS's Math.pow differs: pow(1, y) = 1 for every y, pow(−1, ±∞) = 1. */
function powC(x: number, y: number): number {
  if (x === 1) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return Math.pow(x, y);
}

/**
 * |Aᵢⱼ| entry by entry.
 * @example
 * abs([[-1, 2]]).toArray(); // [[1, 2]]
 */
export function abs(A: MatrixLike): Matrix {
  return unary('abs', A);
}

/**
 * √Aᵢⱼ entry by entry (a negative entry gives NaN, as numpy; no exception).
 * @example
 * sqrt([[4, 9]]).toArray(); // [[2, 3]]
 */
export function sqrt(A: MatrixLike): Matrix {
  return unary('sqrt', A);
}

/**
 * e^Aᵢⱼ entry by entry.
 * @example
 * exp([[0, 1]]).toArray(); // [[1, 2.718281828459045]]
 */
export function exp(A: MatrixLike): Matrix {
  return unary('exp', A);
}

/**
 * The natural logarithm entry by entry: log(0) = −Infinity, log of a negative entry = NaN (numpy's answers; no exception).
 * @example
 * log([[1, Math.E]]).toArray(); // [[0, 1]]
 */
export function log(A: MatrixLike): Matrix {
  return unary('log', A);
}

/**
 * Each entry limited to [lo, hi]: min(max(aᵢⱼ, lo), hi), numpy's `clip` (so lo > hi gives hi
 * everywhere, as numpy). `null`/`undefined` for one bound leaves that side open; NaN entries stay NaN.
 * @example
 * clip([[-2, 0.5, 3]], 0, 1).toArray(); // [[0, 0.5, 1]]
 */
export function clip(A: MatrixLike, lo: number | null | undefined, hi: number | null | undefined): Matrix {
  const l = lo === null || lo === undefined ? -Infinity : checkNumber('clip', 'lo', lo);
  const h = hi === null || hi === undefined ? Infinity : checkNumber('clip', 'hi', hi);
  if ((lo === null || lo === undefined) && (hi === null || hi === undefined)) {
    throw new TypeError('clip: give at least one of lo and hi (both are null/undefined)');
  }
  return unary('clip', A, l, h);
}

/**
 * A new matrix of fn(aᵢⱼ, i, j), called in row-major order (row 0 first); fn must return a number.
 * @example
 * map([[1, 2], [3, 4]], (v, i, j) => v * 10 + i + j).toArray(); // [[10, 21], [31, 42]]
 */
export function map(A: MatrixLike, fn: (value: number, i: number, j: number) => number): Matrix {
  if (typeof fn !== 'function') throw new TypeError(`map: fn must be a function, got ${describe(fn)}`);
  return withMatrix('map', 'A', A, (A) =>
    fresh(A.rows, A.cols, (C) => {
      const sc = C._store();
      for (let i = 0; i < A.rows; i++) {
        for (let j = 0; j < A.cols; j++) {
          // Storage is read again for every call: fn may allocate (the wasm heap may grow) or dispose A.
          const sa = A._store('map');
          const v: unknown = fn(sa.array()[sa.offset + i + j * A._ld]!, i, j);
          if (typeof v !== 'number') throw new TypeError(`map: fn returned ${describe(v)} at (${i}, ${j}) of a ${shapeStr(A.rows, A.cols)} A (must return a number)`);
          sc.array()[sc.offset + i + j * C._ld] = v;
        }
      }
    }),
  );
}
