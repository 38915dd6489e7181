/**
 * The basic operations as free functions (the Matrix methods call these). Each checks its arguments
 * first, then allocates the result on the current backend and runs one kernel. Inputs may be
 * Matrix objects or nested number arrays (converted to temporary matrices that are freed before
 * returning); results are always new matrices (or Float64Arrays for vectors, numbers for scalars).
 * NaN and Inf propagate as IEEE arithmetic says.
 */
import { backend, NormKind } from './backend.js';
import { Matrix } from './matrix.js';
import { JsStore } from './store.js';
import { shapeStr } from './errors.js';
import { checkNumber, nestedShape, toVector, type VectorLike } from './validate.js';
import { spectralNorm } from './svd.js';

/** A matrix argument: a Matrix, or nested rows of numbers. */
export type MatrixLike = Matrix | readonly (readonly number[])[];

/** Matrix norms: Frobenius, 1 (max column sum), Infinity (max row sum), 2 (largest singular value), 'nuc' (sum of singular values). */
export type MatrixNorm = 'fro' | 1 | typeof Infinity | 2 | 'nuc';
/** Vector norms. */
export type VectorNorm = 1 | 2 | typeof Infinity;

/** Runs `f` on a Matrix view of a matrix argument, freeing a temporary conversion afterwards. */
/** @internal */
export function withMatrix<T>(fn: string, name: string, x: MatrixLike, f: (M: Matrix) => T): T {
  if (x instanceof Matrix) {
    x._store(); // throws if disposed
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

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'an object';
  return typeof x;
}

/** A column vector Matrix over a Float64Array, without copying (JS storage). */
/** @internal */
export function vectorMatrix(x: Float64Array): Matrix {
  return new Matrix(x.length, 1, new JsStore(x));
}

function sameShape(fn: string, A: Matrix, B: Matrix): void {
  if (A.rows !== B.rows || A.cols !== B.cols) {
    throw new RangeError(`${fn}: shapes differ: A is ${shapeStr(A.rows, A.cols)}, B is ${shapeStr(B.rows, B.cols)}`);
  }
}

/** @internal */
export function isVectorLike(x: unknown): x is VectorLike {
  return x instanceof Float64Array || (Array.isArray(x) && (x.length === 0 || typeof x[0] === 'number'));
}

/** @internal Allocates a rows×cols result, fills it with `f`, and frees it again if `f` throws. */
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

/** A copy of A (on the current backend). */
export function clone(A: MatrixLike): Matrix {
  return withMatrix('clone', 'A', A, (A) => {
    return fresh(A.rows, A.cols, (C) => {
      copyInto(A, C);
    });
  });
}

/** @internal A copy of A in padded storage (Matrix._allocPadded), for a factorisation to work on. */
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

/** @internal Copies A into C (same shape), column by column. */
export function copyInto(A: Matrix, C: Matrix): void {
  if (A.rows === 0 || A.cols === 0) return;
  const s = A._store();
  const d = C._store();
  const src = s.array();
  const dst = d.array();
  if (A._ld === A.rows && C._ld === C.rows) {
    dst.set(src.subarray(s.offset, s.offset + A.rows * A.cols), d.offset);
    return;
  }
  for (let j = 0; j < A.cols; j++) {
    const o = s.offset + j * A._ld;
    dst.set(src.subarray(o, o + A.rows), d.offset + j * C._ld);
  }
}

/** Aᵀ. */
export function transpose(A: MatrixLike): Matrix {
  return withMatrix('transpose', 'A', A, (A) => {
    return fresh(A.cols, A.rows, (C) => {
      backend().getrans(A, C);
    });
  });
}

/** A + B. */
export function add(A: MatrixLike, B: MatrixLike): Matrix {
  return withMatrix('add', 'A', A, (A) =>
    withMatrix('add', 'B', B, (B) => {
      sameShape('add', A, B);
      return fresh(A.rows, A.cols, (C) => {
        backend().geadd(1, A, 1, B, C);
      });
    }),
  );
}

/** A − B. */
export function sub(A: MatrixLike, B: MatrixLike): Matrix {
  return withMatrix('sub', 'A', A, (A) =>
    withMatrix('sub', 'B', B, (B) => {
      sameShape('sub', A, B);
      return fresh(A.rows, A.cols, (C) => {
        backend().geadd(1, A, -1, B, C);
      });
    }),
  );
}

/** α·A. */
export function scale(A: MatrixLike, alpha: number): Matrix {
  checkNumber('scale', 'alpha', alpha);
  return withMatrix('scale', 'A', A, (A) => {
    return fresh(A.rows, A.cols, (C) => {
      copyInto(A, C);
      backend().scal(alpha, C);
    });
  });
}

/** A ∘ B, the element-wise product. */
export function hadamard(A: MatrixLike, B: MatrixLike): Matrix {
  return withMatrix('hadamard', 'A', A, (A) =>
    withMatrix('hadamard', 'B', B, (B) => {
      sameShape('hadamard', A, B);
      return fresh(A.rows, A.cols, (C) => {
        backend().gemul(A, B, C);
      });
    }),
  );
}

/** The matrix product A·B (blocked, packed GEMM). */
export function matmul(A: MatrixLike, B: MatrixLike): Matrix {
  return withMatrix('matmul', 'A', A, (A) =>
    withMatrix('matmul', 'B', B, (B) => {
      if (A.cols !== B.rows) {
        throw new RangeError(
          `matmul: inner dimensions differ: A is ${shapeStr(A.rows, A.cols)}, B is ${shapeStr(B.rows, B.cols)} (${A.cols} ≠ ${B.rows})`,
        );
      }
      return fresh(A.rows, B.cols, (C) => {
        backend().gemm(false, false, 1, A, B, 0, C);
      });
    }),
  );
}

/** The matrix-vector product A·x. */
export function matvec(A: MatrixLike, x: VectorLike): Float64Array {
  return withMatrix('matvec', 'A', A, (A) => {
    const v = toVector('matvec', 'x', x);
    if (v.length !== A.cols) {
      throw new RangeError(`matvec: A is ${shapeStr(A.rows, A.cols)} but x has ${v.length} entries (needs ${A.cols})`);
    }
    const y = new Float64Array(A.rows);
    backend().gemv(false, 1, A, v, 0, y);
    return y;
  });
}

/**
 * numpy's dot: the inner product of two vectors (a number), a matrix-vector product (Float64Array),
 * or a matrix product (Matrix).
 */
export function dot(x: VectorLike, y: VectorLike): number;
export function dot(A: MatrixLike, x: VectorLike): Float64Array;
export function dot(A: MatrixLike, B: MatrixLike): Matrix;
export function dot(a: VectorLike | MatrixLike, b: VectorLike | MatrixLike): number | Float64Array | Matrix {
  if (isVectorLike(a)) {
    if (!isVectorLike(b)) throw new TypeError('dot: a vector can only be dotted with a vector');
    const x = toVector('dot', 'x', a);
    const y = toVector('dot', 'y', b);
    if (x.length !== y.length) throw new RangeError(`dot: vector lengths differ: ${x.length} and ${y.length}`);
    return backend().dot(x, y);
  }
  if (isVectorLike(b)) return matvec(a as MatrixLike, b);
  return matmul(a as MatrixLike, b as MatrixLike);
}

/** The outer product x·yᵀ (an m×n matrix), as a rank-1 GEMM. */
export function outer(x: VectorLike, y: VectorLike): Matrix {
  const u = toVector('outer', 'x', x);
  const v = toVector('outer', 'y', y);
  return fresh(u.length, v.length, (C) => {
    backend().gemm(false, true, 1, vectorMatrix(u), vectorMatrix(v), 0, C);
  });
}

/** Σ aᵢᵢ over the main diagonal (rectangular matrices allowed, as numpy). */
export function trace(A: MatrixLike): number {
  return withMatrix('trace', 'A', A, (A) => {
    const s = A._store();
    const a = s.array();
    let t = 0;
    for (let i = 0; i < Math.min(A.rows, A.cols); i++) t += a[s.offset + i + i * A._ld]!;
    return t;
  });
}

/** numpy's diag: the main diagonal of a matrix (Float64Array), or the diagonal matrix of a vector. */
export function diag(x: VectorLike): Matrix;
export function diag(A: MatrixLike): Float64Array;
export function diag(x: VectorLike | MatrixLike): Matrix | Float64Array {
  if (isVectorLike(x)) {
    const v = toVector('diag', 'x', x);
    const n = v.length;
    const M = Matrix.zeros(n, n);
    const s = M._store();
    const a = s.array();
    for (let i = 0; i < n; i++) a[s.offset + i + i * M._ld] = v[i]!;
    return M;
  }
  return withMatrix('diag', 'A', x, (A) => {
    const s = A._store();
    const a = s.array();
    const d = new Float64Array(Math.min(A.rows, A.cols));
    for (let i = 0; i < d.length; i++) d[i] = a[s.offset + i + i * A._ld]!;
    return d;
  });
}

/**
 * Norms. For a matrix: 'fro' (default), 1 (max column sum), Infinity (max row sum), 2 (spectral: σ₀,
 * through the SVD) and 'nuc' (nuclear: Σσᵢ). For a vector:
 * 2 (default), 1, Infinity. All scaled: no overflow on 1e200 entries, no underflow on 1e-200.
 */
export function norm(x: VectorLike, ord?: VectorNorm): number;
export function norm(A: MatrixLike, ord?: MatrixNorm): number;
export function norm(x: VectorLike | MatrixLike, ord?: MatrixNorm | VectorNorm): number {
  if (isVectorLike(x)) {
    const v = toVector('norm', 'x', x);
    const o = ord ?? 2;
    if (o === 2) return backend().nrm2(v);
    if (o === 1) return backend().lange(NormKind.One, vectorMatrix(v));
    if (o === Infinity) return backend().lange(NormKind.MaxAbs, vectorMatrix(v));
    throw new RangeError(`norm: unsupported vector norm ord=${String(ord)} (use 1, 2 or Infinity)`);
  }
  return withMatrix('norm', 'A', x, (A) => {
    const o = ord ?? 'fro';
    if (o === 'fro') return backend().lange(NormKind.Fro, A);
    if (o === 1) return backend().lange(NormKind.One, A);
    if (o === Infinity) return backend().lange(NormKind.Inf, A);
    if (o === 2 || o === 'nuc') return spectralNorm(A, o === 'nuc');
    throw new RangeError(`norm: unsupported matrix norm ord=${String(ord)} (use 'fro', 1, Infinity, 2 or 'nuc')`);
  });
}

/** The Gram matrix AᵀA (default) or AAᵀ (`{ rows: true }`), symmetric, through SYRK (half the flops of a GEMM). */
export function gram(A: MatrixLike, options: { rows?: boolean } = {}): Matrix {
  return withMatrix('gram', 'A', A, (A) => {
    const rows = options.rows === true;
    const n = rows ? A.rows : A.cols;
    return fresh(n, n, (C) => {
      backend().syrk(!rows, 1, A, C);
    });
  });
}
