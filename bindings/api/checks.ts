/**
 * Checks shared by the factorisations and solvers: square shape, finite entries (rejected by default,
 * as scipy's `check_finite`), and right-hand sides.
 */
import { NormKind } from '../core/backend.js';
import { LinAlgError, shapeStr } from '../core/errors.js';
import { lange } from '../core/lapack.js';
import type { View } from '../core/store.js';
import { describe, nestedShape, toVector, type VectorLike } from '../core/validate.js';
import { copyInto, isVectorLike, live, type MatrixLike } from './convert.js';
import { Matrix } from './matrix.js';

/**
 * The option every factorisation and solver takes: whether NaN and ±Inf in the inputs are rejected.
 *
 * @example
 * ```ts
 * det(A, { checkFinite: false }); // no up-front scan: a non-finite A gives a non-finite det
 * ```
 */
export interface FiniteOption {
  /** Reject NaN and ±Inf in the inputs with a LinAlgError 'not-finite' (default true). */
  checkFinite?: boolean;
}

/** The checkFinite option, defaulting to true. */
export function checkFiniteOption(o: FiniteOption | undefined): boolean {
  return o?.checkFinite !== false;
}

export function requireSquare(fn: string, A: Matrix, name = 'A'): void {
  if (A.rows !== A.cols) {
    throw new RangeError(`${fn}: ${name} must be square, got ${shapeStr(A.rows, A.cols)}`);
  }
}

/** max |aᵢⱼ| (0 for an empty matrix); NaN when A holds a NaN. */
export function maxAbs(A: Matrix): number {
  return A.rows === 0 || A.cols === 0 ? 0 : lange(NormKind.MaxAbs, A._v());
}

/** Throws LinAlgError('not-finite') when A holds NaN or ±Inf (one max-abs pass through `lange`). */
export function requireFinite(fn: string, A: Matrix, name = 'A'): void {
  const m = maxAbs(A);
  if (!Number.isFinite(m)) {
    throw new LinAlgError(
      'not-finite',
      `${fn}: ${name} contains ${Number.isNaN(m) ? 'NaN' : 'Inf'} (pass { checkFinite: false } to skip this check)`,
    );
  }
}

/** Checks a right-hand side's type and row count against A (n×n) before a factorisation is paid for. */
export function checkRhs(fn: string, B: unknown, n: number): void {
  let rows: number;
  let shape: string;
  if (B instanceof Matrix) {
    live(fn, 'B', B);
    rows = B.rows;
    shape = `B is ${B.rows}×${B.cols}`;
  } else if (isVectorLike(B)) {
    rows = B.length;
    shape = `b has ${rows} entries`;
  } else if (Array.isArray(B)) {
    rows = B.length;
    const row: unknown = B[0];
    shape = `B is ${rows}×${Array.isArray(row) || ArrayBuffer.isView(row) ? (row as ArrayLike<unknown>).length : '?'}`;
  } else {
    throw new TypeError(`${fn}: B must be a vector (number[] or a typed array), a Matrix or number[][], got ${describe(B)}`);
  }
  if (rows !== n) throw new RangeError(`${fn}: A is ${n}×${n} but ${shape} (needs ${n} rows)`);
}

/** True when every entry of M is finite (one max-abs pass; an empty matrix is finite). */
export function isFinite(M: Matrix): boolean {
  return Number.isFinite(maxAbs(M));
}

/** True when the lower triangle of A (diagonal included: what Cholesky and LDLᵀ read) is finite. */
export function lowerFinite(A: Matrix): boolean {
  const s = A._store();
  const a = s.array();
  for (let j = 0; j < A.cols; j++) {
    const o = s.offset + j * A._ld;
    for (let i = j; i < A.rows; i++) if (!Number.isFinite(a[o + i]!)) return false;
  }
  return true;
}

/** True when every number of a result (a matrix or a vector) is finite. */
export function allFinite(r: Matrix | Float64Array): boolean {
  if (r instanceof Matrix) return isFinite(r);
  for (let i = 0; i < r.length; i++) if (!Number.isFinite(r[i]!)) return false;
  return true;
}

/**
 * The error of a call made with `{ checkFinite: false }` that found, after the computation, that its
 * input held NaN or ±Inf which its result would not show (a rank cut-off, a zero pivot, a zero skipped
 * in a triangular solve): never a finite answer from non-finite data.
 */
export function notFinite(fn: string, what: string): LinAlgError {
  return new LinAlgError('not-finite', `${fn}: ${what} contains NaN or Inf (found after the computation; checkFinite was off)`);
}

/** A right-hand side: a vector (n) or a matrix (n×k), copied into a fresh matrix X to solve in place. */
export interface Rhs {
  X: Matrix;
  vector: boolean;
}

export function rhsCopy(fn: string, B: MatrixLike | VectorLike, n: number, checkFinite: boolean): Rhs {
  if (isVectorLike(B)) {
    const v = toVector(fn, 'b', B);
    if (v.length !== n) throw new RangeError(`${fn}: b has ${v.length} entries but A has ${n} rows`);
    const X = Matrix._alloc(n, 1);
    const s = X._store();
    s.array().set(v, s.offset);
    if (checkFinite) guardFinite(fn, X);
    return { X, vector: true };
  }
  let M: Matrix;
  if (B instanceof Matrix) {
    M = live(fn, 'B', B);
  } else {
    nestedShape(fn, 'B', B);
    M = Matrix.from(B);
  }
  const owned = !(B instanceof Matrix);
  try {
    if (M.rows !== n) {
      throw new RangeError(`${fn}: B is ${shapeStr(M.rows, M.cols)} but A has ${n} rows`);
    }
    if (owned) {
      if (checkFinite) guardFinite(fn, M);
      return { X: M, vector: false };
    }
    if (checkFinite) requireFinite(fn, M, 'B');
    const X = Matrix._alloc(M.rows, M.cols);
    copyInto(M, X);
    return { X, vector: false };
  } catch (e) {
    if (owned) M.dispose();
    throw e;
  }
}

function guardFinite(fn: string, X: Matrix): void {
  try {
    requireFinite(fn, X, 'b');
  } catch (e) {
    X.dispose();
    throw e;
  }
}

/** The result of a solve: the matrix, or its single column as a Float64Array (disposing X). */
export function rhsResult(r: Rhs): Matrix | Float64Array {
  if (!r.vector) return r.X;
  const v = r.X.column(0);
  r.X.dispose();
  return v;
}

/**
 * A solve in place on a copy of the right-hand side: copies B (rhsCopy), runs `f` on the copy X and
 * returns it as the caller gave B (a vector → Float64Array, a matrix → Matrix); X is freed if `f` throws.
 */
export function solveOnCopy(
  fn: string,
  B: MatrixLike | VectorLike,
  n: number,
  checkFinite: boolean,
  f: (X: View) => void,
): Matrix | Float64Array {
  const r = rhsCopy(fn, B, n, checkFinite);
  try {
    f(r.X._v());
  } catch (e) {
    r.X.dispose();
    throw e;
  }
  return rhsResult(r);
}
