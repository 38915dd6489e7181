/**
 * The basic operations as free functions (the Matrix methods call these). Each checks its arguments
 * first, then allocates the result on the current backend and runs one kernel. Inputs may be
 * Matrix objects or nested number arrays (converted to temporary matrices that are freed before
 * returning); results are always new matrices (or Float64Arrays for vectors, numbers for scalars).
 * NaN and Inf propagate as IEEE arithmetic says. (`norm`, which needs the SVD for ord 2 and 'nuc',
 * is in bindings/derived/norm.ts.)
 */
import * as lapack from '../core/lapack.js';
import { shapeStr } from '../core/errors.js';
import { checkNumber, describe, optionsOf, readVector, toVector, type VectorLike } from '../core/validate.js';
import { copyInto, fresh, isVectorLike, vectorMatrix, withMatrix, zeros, type MatrixLike } from './convert.js';
import { Matrix } from './matrix.js';
import { broadcast, type Operand } from './elementwise.js';
import { smallMatmul } from './small.js';

export type { MatrixLike } from './convert.js';

/**
 * A copy of A (on the current backend).
 *
 * @example
 * ```ts
 * const B = clone(A);
 * ```
 */
export function clone(A: MatrixLike): Matrix {
  return withMatrix('clone', 'A', A, (A) => fresh(A.rows, A.cols, (C) => copyInto(A, C)));
}

/**
 * The transpose Aᵀ.
 *
 * @example
 * ```ts
 * transpose([[1, 2, 3]]).toArray(); // [[1], [2], [3]]
 * ```
 */
export function transpose(A: MatrixLike): Matrix {
  return withMatrix('transpose', 'A', A, (A) => fresh(A.cols, A.rows, (C) => lapack.getrans(A._v(), C._v())));
}

/**
 * A + B. B may also be a row or column vector, a flat vector (a row) or a number, broadcast as numpy
 * does (bindings/api/elementwise.ts); equal-shaped matrices take the `geadd` kernel.
 * @example
 * add([[1, 2], [3, 4]], [[1, 1], [1, 1]]).toArray(); // [[2, 3], [4, 5]]
 * add([[1, 2], [3, 4]], [10, 20]).toArray(); // [[11, 22], [13, 24]]
 */
export function add(A: MatrixLike, B: Operand): Matrix {
  return broadcast('add', A, B, '+', (A, B, C) => lapack.geadd(1, A, 1, B, C));
}

/**
 * A − B, with B broadcast as in `add`.
 * @example
 * sub([[1, 2], [3, 4]], 1).toArray(); // [[0, 1], [2, 3]]
 */
export function sub(A: MatrixLike, B: Operand): Matrix {
  return broadcast('sub', A, B, '-', (A, B, C) => lapack.geadd(1, A, -1, B, C));
}

/**
 * α·A, every entry times the number `alpha`.
 *
 * @example
 * ```ts
 * scale([[1, 2]], 3).toArray(); // [[3, 6]]
 * ```
 */
export function scale(A: MatrixLike, alpha: number): Matrix {
  checkNumber('scale', 'alpha', alpha);
  return withMatrix('scale', 'A', A, (A) =>
    fresh(A.rows, A.cols, (C) => {
      copyInto(A, C);
      lapack.scal(alpha, C._v());
    }),
  );
}

/**
 * A ∘ B, the element-wise product, with B broadcast as in `add`; equal-shaped matrices take the
 * `gemul` kernel (`mul` is the same under numpy's name).
 * @example
 * hadamard([[1, 2], [3, 4]], [[2, 0], [1, 3]]).toArray(); // [[2, 0], [3, 12]]
 */
export function hadamard(A: MatrixLike, B: Operand): Matrix {
  return broadcast('hadamard', A, B, '*', (A, B, C) => lapack.gemul(A, B, C));
}

/**
 * The matrix product A·B (blocked, packed GEMM), with numpy's meaning for a 1-D operand: a vector
 * operand (`number[]` or a typed array) is a vector, not a matrix — A·x is a Float64Array (as
 * {@link matvec}), x·B is the Float64Array xᵀ·B, and x·y of two vectors is their inner product, a
 * number (as {@link dot}). An empty array `[]` counts as a vector of length 0 (as numpy's
 * `np.array([])` is 1-D; for TypeScript a bare `[]` literal matches the matrix overload, so write
 * `[] as number[]` or pass a Float64Array).
 *
 * @example
 * matmul([[1, 2], [3, 4]], [[1], [1]]); // Matrix [[3], [7]]
 * matmul([[1, 2], [3, 4]], [1, 1]);     // Float64Array [3, 7]
 * matmul([1, 1], [[1, 2], [3, 4]]);     // Float64Array [4, 6]
 */
export function matmul(A: MatrixLike, B: MatrixLike): Matrix;
export function matmul(A: MatrixLike, x: VectorLike): Float64Array;
export function matmul(x: VectorLike, B: MatrixLike): Float64Array;
export function matmul(x: VectorLike, y: VectorLike): number;
export function matmul(a: MatrixLike | VectorLike, b: MatrixLike | VectorLike): Matrix | Float64Array | number {
  if (a instanceof Matrix && b instanceof Matrix) return product('matmul', a, b); // the common case first
  if (isVectorLike(a)) {
    if (isVectorLike(b)) return innerProduct('matmul', a, b);
    return vectorMatrixProduct('matmul', a, b as MatrixLike);
  }
  if (isVectorLike(b)) return matrixVector('matmul', a as MatrixLike, b);
  return product('matmul', a as MatrixLike, b as MatrixLike);
}

/** xᵀ·y for `fn` (dot, matmul). */
function innerProduct(fn: string, a: VectorLike, b: VectorLike): number {
  const x = toVector(fn, 'x', a);
  const y = toVector(fn, 'y', b);
  if (x.length !== y.length) throw new RangeError(`${fn}: vector lengths differ: ${x.length} and ${y.length}`);
  return lapack.dot(x, y);
}

/** xᵀ·B (a vector of B.cols entries) for `fn`, through gemv on Bᵀ. */
function vectorMatrixProduct(fn: string, x: VectorLike, B: MatrixLike): Float64Array {
  return withMatrix(fn, 'B', B, (B) => {
    const v = readVector(fn, 'x', x); // gemv only reads x
    if (v.length !== B.rows) {
      throw new RangeError(`${fn}: x has ${v.length} entries but B is ${shapeStr(B.rows, B.cols)} (needs ${B.rows})`);
    }
    const y = new Float64Array(B.cols);
    lapack.gemv(B._v(), v, y, { trans: true });
    return y;
  });
}

/** A·B for `fn` (matmul, dot): messages name the function the caller called. */
function product(fn: string, A: MatrixLike, B: MatrixLike): Matrix {
  const P = smallMatmul(A, B);
  if (P !== undefined) return P;
  return withMatrix(fn, 'A', A, (A) =>
    withMatrix(fn, 'B', B, (B) => {
      if (A.cols !== B.rows) {
        throw new RangeError(
          `${fn}: inner dimensions differ: A is ${shapeStr(A.rows, A.cols)}, B is ${shapeStr(B.rows, B.cols)} (${A.cols} ≠ ${B.rows})`,
        );
      }
      return fresh(A.rows, B.cols, (C) => lapack.gemm(A._v(), B._v(), C._v()));
    }),
  );
}

/**
 * The matrix-vector product A·x, as a Float64Array.
 *
 * @example
 * ```ts
 * matvec([[1, 2], [3, 4]], [1, 1]); // Float64Array [3, 7]
 * ```
 */
export function matvec(A: MatrixLike, x: VectorLike): Float64Array {
  return matrixVector('matvec', A, x);
}

/** A·x for `fn` (matvec, dot). */
function matrixVector(fn: string, A: MatrixLike, x: VectorLike): Float64Array {
  return withMatrix(fn, 'A', A, (A) => {
    const v = readVector(fn, 'x', x); // gemv only reads x
    if (v.length !== A.cols) {
      throw new RangeError(`${fn}: A is ${shapeStr(A.rows, A.cols)} but x has ${v.length} entries (needs ${A.cols})`);
    }
    const y = new Float64Array(A.rows);
    lapack.gemv(A._v(), v, y);
    return y;
  });
}

/**
 * numpy's dot: the inner product of two vectors (a number), a matrix-vector product (Float64Array),
 * or a matrix product (Matrix).
 *
 * @example
 * ```ts
 * dot([1, 2, 3], [4, 5, 6]);          // 32
 * dot([[1, 2], [3, 4]], [1, 1]);        // Float64Array [3, 7]
 * dot([[1, 2], [3, 4]], Matrix.eye(2)); // a Matrix
 * ```
 */
export function dot(x: VectorLike, y: VectorLike): number;
export function dot(A: MatrixLike, x: VectorLike): Float64Array;
export function dot(A: MatrixLike, B: MatrixLike): Matrix;
export function dot(a: VectorLike | MatrixLike, b: VectorLike | MatrixLike): number | Float64Array | Matrix {
  if (isVectorLike(a)) {
    if (!isVectorLike(b)) throw new TypeError('dot: a vector can only be dotted with a vector');
    return innerProduct('dot', a, b);
  }
  if (isVectorLike(b)) return matrixVector('dot', a as MatrixLike, b);
  return product('dot', a as MatrixLike, b as MatrixLike);
}

/**
 * The outer product x·yᵀ (an m×n matrix for vectors of m and n entries), as a rank-1 GEMM.
 *
 * @example
 * ```ts
 * outer([1, 2], [3, 4, 5]).toArray(); // [[3, 4, 5], [6, 8, 10]]
 * ```
 */
export function outer(x: VectorLike, y: VectorLike): Matrix {
  const u = toVector('outer', 'x', x);
  const v = toVector('outer', 'y', y);
  return fresh(u.length, v.length, (C) => lapack.gemm(vectorMatrix(u)._v(), vectorMatrix(v)._v(), C._v(), { transB: true }));
}

/**
 * Σ aᵢᵢ over the main diagonal (rectangular matrices allowed, as numpy).
 *
 * @example
 * ```ts
 * trace([[1, 2], [3, 4]]); // 5
 * ```
 */
export function trace(A: MatrixLike): number {
  return withMatrix('trace', 'A', A, (A) => {
    const s = A._store();
    const a = s.array();
    let t = 0;
    for (let i = 0; i < Math.min(A.rows, A.cols); i++) t += a[s.offset + i + i * A._ld]!;
    return t;
  });
}

/**
 * numpy's diag: the main diagonal of a matrix (Float64Array), or the diagonal matrix of a vector.
 *
 * @example
 * ```ts
 * diag([[1, 2], [3, 4]]); // Float64Array [1, 4]
 * diag([1, 2]);           // the Matrix [[1, 0], [0, 2]]
 * ```
 */
export function diag(x: VectorLike): Matrix;
export function diag(A: MatrixLike): Float64Array;
export function diag(x: VectorLike | MatrixLike): Matrix | Float64Array {
  if (isVectorLike(x)) return diagonalMatrix('diag', x);
  return withMatrix('diag', 'A', x, (A) => {
    const s = A._store();
    const a = s.array();
    const d = new Float64Array(Math.min(A.rows, A.cols));
    for (let i = 0; i < d.length; i++) d[i] = a[s.offset + i + i * A._ld]!;
    return d;
  });
}

/** The square matrix with the vector `x` on its diagonal (diag of a vector, Matrix.diagonal). */
export function diagonalMatrix(fn: string, x: VectorLike): Matrix {
  if (!isVectorLike(x)) throw new TypeError(`${fn}: the diagonal must be a vector (number[] or a typed array), got ${describe(x)}`);
  const v = toVector(fn, 'x', x);
  const n = v.length;
  const M = zeros(n, n);
  const s = M._store();
  const a = s.array();
  for (let i = 0; i < n; i++) a[s.offset + i + i * M._ld] = v[i]!;
  return M;
}

/**
 * The Gram matrix AᵀA (default) or AAᵀ (`{ rows: true }`), symmetric, through SYRK (half the flops
 * of a GEMM).
 *
 * @example
 * ```ts
 * gram([[1, 2], [3, 4], [5, 6]]).toArray(); // AᵀA = [[35, 44], [44, 56]]
 * ```
 */
export function gram(A: MatrixLike, options?: { rows?: boolean } | null): Matrix {
  const o = optionsOf('gram', options);
  return withMatrix('gram', 'A', A, (A) => {
    const rows = o.rows === true;
    const n = rows ? A.rows : A.cols;
    return fresh(n, n, (C) => lapack.syrk(A._v(), C._v(), { trans: !rows }));
  });
}
