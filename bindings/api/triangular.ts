/**
 * solveTriangular — X with op(T)·X = B for triangular T (scipy.linalg.solve_triangular).
 *
 * Reads only the triangle named by `lower` (default: upper, as scipy) and, with `unitDiagonal`, not
 * the diagonal either. Kernel: blocked TRSM (assembly/trsm/trsm.ts) — the off-diagonal work runs in
 * the GEMM. A zero on the diagonal raises LinAlgError 'singular' naming it.
 */
import * as lapack from '../core/lapack.js';
import { LinAlgError } from '../core/errors.js';
import { optionsOf, type VectorLike } from '../core/validate.js';
import { checkFiniteOption, notFinite, requireFinite, requireSquare, solveOnCopy, type FiniteOption } from './checks.js';
import { withMatrix, type MatrixLike } from './convert.js';
import { Matrix } from './matrix.js';

/**
 * Options of {@link solveTriangular}: which triangle, a unit diagonal, a transposed solve.
 *
 * @example
 * ```ts
 * solveTriangular(L, b, { lower: true, unitDiagonal: true });
 * ```
 */
export interface TriangularOptions extends FiniteOption {
  /** T is lower triangular (default false: upper). */
  lower?: boolean;
  /** T has ones on its diagonal (not read). */
  unitDiagonal?: boolean;
  /** Solve Tᵀ·X = B. */
  transpose?: boolean;
}

/**
 * Solves T·x = b (or Tᵀ·x = b with `transpose`) for a triangular T and a vector b, as a Float64Array
 * (scipy.linalg.solve_triangular). Reads only the triangle `lower` names (default: upper, as scipy),
 * and not the diagonal with `unitDiagonal`. A zero on the diagonal is LinAlgError 'singular'.
 *
 * @example
 * ```ts
 * solveTriangular([[2, 1], [0, 4]], [4, 8]);                  // upper: Float64Array [1, 2]
 * solveTriangular([[2, 0], [1, 4]], [2, 9], { lower: true }); // Float64Array [1, 2]
 * ```
 */
export function solveTriangular(T: MatrixLike, B: VectorLike, options?: TriangularOptions | null): Float64Array;
/**
 * Solves T·X = B (or Tᵀ·X = B) for a triangular T and a matrix B of right-hand sides, as a Matrix,
 * through the blocked TRSM.
 *
 * @example
 * ```ts
 * const X = solveTriangular(R, B); // R n×n upper triangular, B n×k
 * ```
 */
export function solveTriangular(T: MatrixLike, B: MatrixLike, options?: TriangularOptions | null): Matrix;
export function solveTriangular(
  T: MatrixLike,
  B: MatrixLike | VectorLike,
  opts?: TriangularOptions | null,
): Matrix | Float64Array {
  return triangularSolve('solveTriangular', 'T', T, B, optionsOf('solveTriangular', opts));
}

/**
 * @internal solveTriangular, its messages naming `fn` and the matrix `name` (solve with
 * `assumeA: 'upper-triangular'` / `'lower-triangular'` names itself and A).
 */
export function triangularSolve(fn: string, name: string, T: MatrixLike, B: MatrixLike | VectorLike, options: TriangularOptions): Matrix | Float64Array {
  return withMatrix(fn, name, T, (T) => {
    requireSquare(fn, T, name);
    const check = checkFiniteOption(options);
    if (check) requireFinite(fn, T, name);
    const unit = options.unitDiagonal === true;
    const lower = options.lower === true;
    if (!unit) {
      const s = T._store();
      const a = s.array();
      for (let i = 0; i < T.rows; i++) {
        if (a[s.offset + i + i * T._ld] === 0) {
          if (!check && !triangleFinite(T, lower, unit)) throw notFinite(fn, name);
          throw new LinAlgError('singular', `${fn}: ${name}[${i}, ${i}] = 0: the matrix is singular`, i + 1);
        }
      }
    }
    const X = solveOnCopy(fn, B, T.rows, check, (X) =>
      lapack.trsm(T._v(), X, { lower, trans: options.transpose === true, unit }),
    );
    // Unchecked: the solve skips the update of a column j whose x_j is exactly 0 (as BLAS does), which
    // drops a NaN/Inf of T's column j (and an Inf on the diagonal makes x_j = 0). So a finite X holding
    // a zero needs one look at T's triangle; a non-finite X, or one without zeros, already tells.
    if (!check && finiteWithZero(X) && !triangleFinite(T, lower, unit)) {
      if (X instanceof Matrix) X.dispose();
      throw notFinite(fn, name);
    }
    return X;
  });
}

/** The triangle of T that the solve reads (without the diagonal when `unit`) holds only finite numbers. */
function triangleFinite(T: Matrix, lower: boolean, unit: boolean): boolean {
  const s = T._store();
  const a = s.array();
  const n = T.rows;
  for (let j = 0; j < n; j++) {
    const o = s.offset + j * T._ld;
    const i0 = lower ? (unit ? j + 1 : j) : 0;
    const i1 = lower ? n : unit ? j : j + 1;
    for (let i = i0; i < i1; i++) if (!Number.isFinite(a[o + i]!)) return false;
  }
  return true;
}

/** Every entry finite and at least one exactly zero. */
function finiteWithZero(X: Matrix | Float64Array): boolean {
  const v = X instanceof Matrix ? X.toFloat64Array() : X;
  let zero = false;
  for (let i = 0; i < v.length; i++) {
    const t = v[i]!;
    if (!Number.isFinite(t)) return false;
    if (t === 0) zero = true;
  }
  return zero;
}
