/**
 * Products built on the GEMM, with numpy.linalg's meanings: matrixPower (numpy.linalg.matrix_power),
 * multiDot (numpy.linalg.multi_dot), kron (numpy.kron) and cross (numpy.cross for 3-vectors).
 *
 * - matrixPower: binary powering in numpy's order (k ≤ 3 directly; else square z and multiply it into
 *   the result for each set bit of k, low bit first): ⌊log₂ k⌋ + popcount(k) − 1 products. A negative k
 *   powers the inverse (LU with partial pivoting); k = 0 is the identity.
 * - multiDot: the parenthesisation with the fewest scalar multiplications, by the textbook O(N³)
 *   dynamic programme over the chain's dimensions (Cormen, Leiserson, Rivest & Stein, Introduction to
 *   Algorithms, §15.2 "Matrix-chain multiplication"), N = 3 by numpy's closed comparison; ties broken as
 *   numpy does (the first split with the least cost), so the products are the ones numpy forms.
 * - kron and cross: one multiplication (and for cross one subtraction) per entry, in numpy's order,
 *   so the results equal numpy's bit for bit.
 * NaN and ±Inf propagate as IEEE arithmetic says (as matmul); matrixPower with k < 0 rejects them
 * (the LU of the inverse).
 */
import * as lapack from '../core/lapack.js';
import { LinAlgError, shapeStr } from '../core/errors.js';
import { scoped, type Scope } from '../core/scope.js';
import { checkShape, describe, toVector, type VectorLike } from '../core/validate.js';
import { isFinite, requireSquare } from '../api/checks.js';
import { copyOf, fresh, isVectorLike, live, withMatrix, type MatrixLike } from '../api/convert.js';
import { factor } from '../api/lu.js';
import { Matrix } from '../api/matrix.js';

/** A·B into a new matrix (shapes checked by the caller). */
function mm(A: Matrix, B: Matrix): Matrix {
  return fresh(A.rows, B.cols, (C) => lapack.gemm(A._v(), B._v(), C._v()));
}

/** An identity on the current backend. */
function identity(n: number): Matrix {
  return fresh(n, n, (C) => {
    const s = C._store();
    const a = s.array();
    a.fill(0, s.offset, s.offset + C._extent());
    for (let i = 0; i < n; i++) a[s.offset + i + i * C._ld] = 1;
  });
}

/** base^e (e ≥ 1) in numpy's order; intermediates are freed as soon as they are no longer needed. */
function power(sc: Scope, base: Matrix, e: number): Matrix {
  if (e === 1) return copyOf(base);
  if (e === 2) return mm(base, base);
  if (e === 3) return mm(sc.track(mm(base, base)), base);
  let z: Matrix = base;
  let res: Matrix | null = null;
  let first = true;
  const drop = (M: Matrix): void => {
    if (M !== base) sc.keep(M).dispose();
  };
  while (e > 0) {
    if (first) first = false;
    else {
      const z2: Matrix = sc.track(mm(z, z));
      if (z !== res) drop(z);
      z = z2;
    }
    const bit = e % 2;
    e = (e - bit) / 2;
    if (bit === 1) {
      if (res === null) res = z;
      else {
        const r2: Matrix = sc.track(mm(res, z));
        if (res !== z) drop(res);
        res = r2;
      }
    }
  }
  return res === base ? copyOf(base) : sc.keep(res!);
}

/**
 * Aᵏ for a square A and an integer k (numpy.linalg.matrix_power): binary powering for k > 0, the
 * identity for k = 0, and (A⁻¹)^|k| for k < 0 (LinAlgError 'singular' for an exactly singular A,
 * 'not-finite' for NaN/Inf then).
 *
 * @example
 * ```ts
 * matrixPower([[1, 1], [1, 0]], 10).toArray(); // [[89, 55], [55, 34]] (Fibonacci)
 * matrixPower([[2, 0], [0, 4]], -1).toArray(); // [[0.5, 0], [0, 0.25]]
 * ```
 */
export function matrixPower(A: MatrixLike, k: number): Matrix {
  if (typeof k !== 'number') throw new TypeError(`matrixPower: k must be a number, got ${describe(k)}`);
  if (!Number.isSafeInteger(k)) throw new RangeError(`matrixPower: k must be a (safe) integer, got ${k}`);
  return withMatrix('matrixPower', 'A', A, (A) => {
    requireSquare('matrixPower', A);
    const n = A.rows;
    if (k === 0) return identity(n);
    return scoped((sc) => {
      let base = A;
      if (k < 0) {
        if (!isFinite(A)) throw new LinAlgError('not-finite', `matrixPower: A contains NaN or Inf (a negative power needs A⁻¹)`);
        const F = sc.track(factor('matrixPower', A, { checkFinite: false }));
        if (F.singular) {
          throw new LinAlgError('singular', `matrixPower: A (${shapeStr(n, n)}) is singular, so it has no negative powers (k = ${k})`, F.info);
        }
        base = sc.track(F.inv());
      }
      return power(sc, base, Math.abs(k));
    });
  });
}

/** One operand of multiDot as a Matrix (a vector as a row when first, a column when last); `owned` if made here. */
function operand(sc: Scope, x: unknown, i: number, last: number): Matrix {
  const name = `arrays[${i}]`;
  if (isVectorLike(x)) {
    if (i !== 0 && i !== last) {
      throw new TypeError(`multiDot: ${name} is a vector; only the first and the last operand may be vectors (numpy's rule)`);
    }
    const v = toVector('multiDot', name, x);
    return sc.track(Matrix.fromArray(v, i === 0 ? 1 : v.length, i === 0 ? v.length : 1));
  }
  if (x instanceof Matrix) return live('multiDot', name, x);
  if (!Array.isArray(x)) throw new TypeError(`multiDot: ${name} must be a Matrix, number[][] or a vector, got ${describe(x)}`);
  return withMatrix('multiDot', name, x as MatrixLike, (M) => sc.track(copyOf(M)));
}

/** numpy's matrix-chain order: s[i][j] = the split of the cheapest product of operands i … j. */
function chainOrder(p: number[]): number[][] {
  const N = p.length - 1;
  const cost = Array.from({ length: N }, () => new Float64Array(N));
  const s = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  for (let len = 1; len < N; len++) {
    for (let i = 0; i + len < N; i++) {
      const j = i + len;
      cost[i]![j] = Infinity;
      for (let k = i; k < j; k++) {
        const q = cost[i]![k]! + cost[k + 1]![j]! + p[i]! * p[k + 1]! * p[j + 1]!;
        if (q < cost[i]![j]!) {
          cost[i]![j] = q;
          s[i]![j] = k;
        }
      }
    }
  }
  return s;
}

/**
 * The product of a chain of matrices in the order with the fewest scalar multiplications
 * (numpy.linalg.multi_dot): a dynamic programme over the dimensions (numpy's cost comparison for three
 * operands). At least two operands; the first may be a vector (a row) and the last a vector (a
 * column), giving a Float64Array, or a number when both are. Intermediates are freed.
 *
 * @example
 * ```ts
 * const A = Matrix.random(1000, 10), B = Matrix.random(10, 1000), C = Matrix.random(1000, 5);
 * multiDot([A, B, C]); // A·(B·C): 60 000 multiplications instead of 15 000 000
 * multiDot([[1, 2], [[1, 0], [0, 1]], [3, 4]]); // 11
 * ```
 */
export function multiDot(arrays: readonly (MatrixLike | VectorLike)[]): Matrix | Float64Array | number {
  if (!Array.isArray(arrays)) throw new TypeError(`multiDot: arrays must be an array of operands, got ${describe(arrays)}`);
  const N = arrays.length;
  if (N < 2) throw new RangeError(`multiDot: needs at least 2 operands, got ${N}`);
  const firstVec = isVectorLike(arrays[0]);
  const lastVec = isVectorLike(arrays[N - 1]);
  return scoped((sc) => {
    const ops = arrays.map((x, i) => operand(sc, x, i, N - 1));
    for (let i = 0; i + 1 < N; i++) {
      const A = ops[i]!;
      const B = ops[i + 1]!;
      if (A.cols !== B.rows) {
        throw new RangeError(
          `multiDot: arrays[${i}] is ${shapeStr(A.rows, A.cols)} and arrays[${i + 1}] is ${shapeStr(B.rows, B.cols)} (${A.cols} ≠ ${B.rows})`,
        );
      }
    }
    const owned = new Set(ops);
    const product = (L: Matrix, R: Matrix): Matrix => {
      const C = sc.track(mm(L, R));
      for (const M of [L, R]) if (!owned.has(M)) sc.keep(M).dispose();
      return C;
    };
    let C: Matrix;
    if (N === 2) C = product(ops[0]!, ops[1]!);
    else if (N === 3) {
      const [A, B, D] = ops as [Matrix, Matrix, Matrix];
      const cost1 = A.rows * D.rows * (A.cols + D.cols); // (A·B)·D
      const cost2 = A.cols * D.cols * (A.rows + D.rows); // A·(B·D)
      C = cost1 < cost2 ? product(product(A, B), D) : product(A, product(B, D));
    } else {
      const s = chainOrder([ops[0]!.rows, ...ops.map((M) => M.cols)]);
      const go = (i: number, j: number): Matrix => (i === j ? ops[i]! : product(go(i, s[i]![j]!), go(s[i]![j]! + 1, j)));
      C = go(0, N - 1);
    }
    if (firstVec && lastVec) return C.rows * C.cols === 0 ? 0 : C.get(0, 0);
    if (firstVec || lastVec) return C.toFloat64Array();
    return sc.keep(C);
  });
}

/** An operand of kron as a Matrix: a vector becomes a 1×n row (numpy's broadcasting of a 1-D operand). */
function kronOperand(sc: Scope, x: unknown, name: string): Matrix {
  if (isVectorLike(x)) {
    const v = toVector('kron', name, x);
    return sc.track(Matrix.fromArray(v, 1, v.length));
  }
  if (x instanceof Matrix) return live('kron', name, x);
  if (!Array.isArray(x)) throw new TypeError(`kron: ${name} must be a Matrix, number[][] or a vector, got ${describe(x)}`);
  return withMatrix('kron', name, x as MatrixLike, (M) => sc.track(copyOf(M)));
}

/**
 * The Kronecker product A ⊗ B (numpy.kron): the (m·p)×(n·q) block matrix whose block (i, j) is
 * A[i, j]·B. Two vectors give a vector (Float64Array) of length p·q; a vector beside a matrix counts
 * as a 1×n row, as in numpy.
 *
 * @example
 * ```ts
 * kron([[1, 2]], [[1], [10]]).toArray(); // [[1, 2], [10, 20]]
 * kron([1, 2], [1, 10]);                 // Float64Array [1, 10, 2, 20]
 * ```
 */
export function kron(A: MatrixLike, B: MatrixLike): Matrix;
export function kron(x: VectorLike, y: VectorLike): Float64Array;
export function kron(A: MatrixLike | VectorLike, B: MatrixLike | VectorLike): Matrix | Float64Array;
export function kron(A: MatrixLike | VectorLike, B: MatrixLike | VectorLike): Matrix | Float64Array {
  const vectors = isVectorLike(A) && isVectorLike(B);
  return scoped((sc) => {
    const X = kronOperand(sc, A, 'A');
    const Y = kronOperand(sc, B, 'B');
    const m = X.rows;
    const n = X.cols;
    const p = Y.rows;
    const q = Y.cols;
    checkShape('kron', m * p, n * q);
    const C = sc.track(
      fresh(m * p, n * q, (C) => {
        if (m * p === 0 || n * q === 0) return;
        const xs = X._store();
        const xa = xs.array();
        const ys = Y._store();
        const ya = ys.array();
        const cs = C._store();
        const ca = cs.array();
        for (let j = 0; j < n; j++) {
          for (let l = 0; l < q; l++) {
            const co = cs.offset + (j * q + l) * C._ld;
            for (let i = 0; i < m; i++) {
              const x = xa[xs.offset + i + j * X._ld]!;
              const yo = ys.offset + l * Y._ld;
              for (let k = 0; k < p; k++) ca[co + i * p + k] = x * ya[yo + k]!;
            }
          }
        }
      }),
    );
    return vectors ? C.toFloat64Array() : sc.keep(C);
  });
}

/**
 * The cross product x × y of two 3-vectors (numpy.cross; any VectorLike), as a Float64Array, computed
 * as numpy does (x₁y₂ − x₂y₁, x₂y₀ − x₀y₂, x₀y₁ − x₁y₀), so the bits equal numpy's.
 *
 * @example
 * ```ts
 * cross([1, 0, 0], [0, 1, 0]); // Float64Array [0, 0, 1]
 * ```
 */
export function cross(x: VectorLike, y: VectorLike): Float64Array {
  const a = toVector('cross', 'x', x);
  const b = toVector('cross', 'y', y);
  if (a.length !== 3 || b.length !== 3) {
    throw new RangeError(`cross: x and y must be 3-vectors, got lengths ${a.length} and ${b.length}`);
  }
  return Float64Array.of(a[1]! * b[2]! - a[2]! * b[1]!, a[2]! * b[0]! - a[0]! * b[2]!, a[0]! * b[1]! - a[1]! * b[0]!);
}
