/**
 * Predicates: shape and symmetry tests, exact equality and numpy's `allclose`. They read the storage in
 * plain loops (the same code on both backends) and return booleans.
 */
import { optionsOf, tolerance } from '../core/validate.js';
import { withMatrix, type MatrixLike } from './convert.js';
import { broadcastShape, eachPair, withOperand, type Operand } from './elementwise.js';

/**
 * Options of {@link isSymmetric}.
 *
 * @example
 * ```ts
 * isSymmetric([[1, 2], [2 + 1e-12, 1]], { tol: 1e-9 }); // true
 * ```
 */
export interface SymmetricOptions {
  /**
   * Relative tolerance: A counts as symmetric when |aᵢⱼ − aⱼᵢ| ≤ tol · max|aᵢⱼ| for every pair
   * (default 0: exactly symmetric).
   */
  tol?: number;
}

/**
 * Options of {@link allclose}.
 *
 * @example
 * ```ts
 * allclose([[1, 2]], [[1, 2.001]], { rtol: 1e-2 }); // true
 * ```
 */
export interface AllcloseOptions {
  /** Relative tolerance (default 1e-5, numpy's). */
  rtol?: number;
  /** Absolute tolerance (default 1e-8, numpy's). */
  atol?: number;
}

/**
 * Whether A is square (rows = cols; a 0×0 matrix is).
 * @example
 * isSquare([[1, 2], [3, 4]]); // true
 */
export function isSquare(A: MatrixLike): boolean {
  return withMatrix('isSquare', 'A', A, (A) => A.rows === A.cols);
}

/**
 * Whether A is square and symmetric: |aᵢⱼ − aⱼᵢ| ≤ tol · max|aᵢⱼ| for every pair, tol a relative
 * tolerance (default 0: exact symmetry). A NaN entry off the diagonal makes it false (NaN ≠ NaN).
 * @example
 * isSymmetric([[2, 1], [1, 3]]); // true
 * isSymmetric([[2, 1], [1 + 1e-15, 3]], { tol: 1e-12 }); // true
 */
export function isSymmetric(A: MatrixLike, options?: SymmetricOptions | null): boolean {
  const tol = tolerance('isSymmetric', 'tol', optionsOf('isSymmetric', options).tol) ?? 0;
  return withMatrix('isSymmetric', 'A', A, (A) => {
    const n = A.rows;
    if (A.cols !== n) return false;
    const s = A._store();
    const a = s.array();
    const o = s.offset;
    const ld = A._ld;
    let bound = 0;
    if (tol > 0) {
      let amax = 0;
      for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) amax = Math.max(amax, Math.abs(a[o + i + j * ld]!));
      bound = tol * amax;
    }
    for (let j = 0; j < n; j++) {
      for (let i = j + 1; i < n; i++) {
        const x = a[o + i + j * ld]!;
        const y = a[o + j + i * ld]!;
        if (x === y) continue;
        if (!(Math.abs(x - y) <= bound)) return false;
      }
    }
    return true;
  });
}

/**
 * Whether A and B have the same shape and exactly the same entries (numpy's `array_equal`): a
 * different shape gives false, NaN equals nothing (not even NaN), 0 equals −0.
 * @example
 * equals([[1, 2]], [[1, 2]]); // true
 * equals([[1, 2]], [[1], [2]]); // false (shapes differ)
 */
export function equals(A: MatrixLike, B: MatrixLike): boolean {
  return withMatrix('equals', 'A', A, (A) =>
    withMatrix('equals', 'B', B, (B) => {
      if (A.rows !== B.rows || A.cols !== B.cols) return false;
      const sa = A._store();
      const sb = B._store();
      const a = sa.array();
      const b = sb.array();
      for (let j = 0; j < A.cols; j++) {
        for (let i = 0; i < A.rows; i++) if (a[sa.offset + i + j * A._ld] !== b[sb.offset + i + j * B._ld]) return false;
      }
      return true;
    }),
  );
}

/**
 * numpy's `allclose`: whether |aᵢⱼ − bᵢⱼ| ≤ atol + rtol·|bᵢⱼ| for every entry (not symmetric in A and
 * B, as numpy), with B broadcast as in `add` (a matrix, a row or column vector, a flat vector or a
 * number); shapes that do not broadcast are a RangeError naming both. Infinities are close only to
 * the same infinity; NaN is close to nothing. Defaults rtol = 1e-5, atol = 1e-8.
 * @example
 * allclose([[1, 2]], [[1 + 1e-9, 2]]); // true
 * allclose([[1, 2]], [[1.1, 2]], { rtol: 0.01 }); // false
 */
export function allclose(A: MatrixLike, B: Operand, options?: AllcloseOptions | null): boolean {
  const o = optionsOf('allclose', options);
  const rtol = tolerance('allclose', 'rtol', o.rtol) ?? 1e-5;
  const atol = tolerance('allclose', 'atol', o.atol) ?? 1e-8;
  return withMatrix('allclose', 'A', A, (A) =>
    withOperand('allclose', 'B', B, (B) => {
      const [r, c] = broadcastShape('allclose', A, B);
      let close = true;
      eachPair(A, B, r, c, (a, ia, b, ib) => {
        const x = a[ia]!;
        const y = b[ib]!;
        if (x === y) return; // equal infinities too
        if (!Number.isFinite(x) || !Number.isFinite(y) || !(Math.abs(x - y) <= atol + rtol * Math.abs(y))) close = false;
      });
      return close;
    }),
  );
}
