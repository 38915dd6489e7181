/**
 * The edge of the API layer: turning arguments into matrices (nested arrays become temporaries that
 * are freed before returning) and allocating results so that a failure frees them again.
 */
import { copyColumns } from '../core/scope.js';
import { JsStore } from '../core/store.js';
import { describe, isBigIntArray, isNumericTypedArray, nestedShape, type VectorLike } from '../core/validate.js';
import { Matrix } from './matrix.js';

/**
 * A matrix argument: a {@link Matrix}, or nested rows of numbers (converted to a temporary matrix
 * that is freed before the function returns).
 *
 * @example
 * ```ts
 * matmul([[1, 2], [3, 4]], Matrix.eye(2)); // both are MatrixLike
 * ```
 */
export type MatrixLike = Matrix | readonly (readonly number[])[];

/** Runs `f` on a Matrix view of a matrix argument, freeing a temporary conversion afterwards. */
export function withMatrix<T>(fn: string, name: string, x: MatrixLike, f: (M: Matrix) => T): T {
  if (x instanceof Matrix) {
    live(fn, name, x);
    return f(x);
  }
  if (!Array.isArray(x)) {
    throw new TypeError(`${fn}: ${name} must be a Matrix or an array of rows (number[][]), got ${describe(x)}`);
  }
  nestedShape(fn, name, x);
  const M = Matrix.from(x);
  try {
    return f(M);
  } finally {
    M.dispose();
  }
}

/** Throws a ReferenceError naming `fn` and the argument when M was disposed. */
export function live(fn: string, name: string, M: Matrix): Matrix {
  if (M.disposed) throw new ReferenceError(`${fn}: ${name} is a disposed Matrix (used after dispose())`);
  return M;
}

/** A column vector Matrix over a Float64Array, without copying (JS storage). */
export function vectorMatrix(x: Float64Array): Matrix {
  return new Matrix(x.length, 1, new JsStore(x), Math.max(1, x.length), true);
}

/**
 * Whether an argument is meant as a vector (as opposed to a matrix): the one test every function with
 * a vector argument uses — any typed array of numbers, an array whose first entry is a number (or an
 * empty array), or a BigInt array (which `toVector` then rejects with a message naming the function).
 */
export function isVectorLike(x: unknown): x is VectorLike {
  return isNumericTypedArray(x) || isBigIntArray(x) || (Array.isArray(x) && (x.length === 0 || typeof x[0] === 'number'));
}

/** Allocates a rows×cols result, fills it with `f`, and frees it again if `f` throws. */
export function fresh(rows: number, cols: number, f: (C: Matrix) => void): Matrix {
  const C = Matrix._alloc(rows, cols);
  try {
    f(C);
  } catch (e) {
    C.dispose();
    throw e;
  }
  return C;
}

/** A rows×cols matrix of zeros on the current backend. */
export function zeros(rows: number, cols: number): Matrix {
  const C = Matrix._alloc(rows, cols);
  const s = C._store();
  s.array().fill(0, s.offset, s.offset + C._extent());
  return C;
}

/** Copies A into C (same shape), column by column. */
export function copyInto(A: Matrix, C: Matrix): void {
  copyColumns(A._v(), C._v());
}

/** A copy of A on the current backend. */
export function copyOf(A: Matrix): Matrix {
  return fresh(A.rows, A.cols, (C) => copyInto(A, C));
}

/** A copy of A in padded storage (Matrix._allocPadded), for a factorisation to work on. */
export function clonePadded(A: Matrix): Matrix {
  const C = Matrix._allocPadded(A.rows, A.cols);
  try {
    copyInto(A, C);
  } catch (e) {
    C.dispose();
    throw e;
  }
  return C;
}

/** Columns [c0, c1) of M as a new matrix. */
export function columns(M: Matrix, c0: number, c1: number): Matrix {
  return copyOf(Matrix._view(M, 0, c0, M.rows, c1 - c0));
}
