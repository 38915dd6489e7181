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
import { checkFiniteOption, requireFinite, requireSquare, solveOnCopy, type FiniteOption } from './checks.js';
import { withMatrix, type MatrixLike } from './convert.js';
import type { Matrix } from './matrix.js';

export interface TriangularOptions extends FiniteOption {
  /** T is lower triangular (default false: upper). */
  lower?: boolean;
  /** T has ones on its diagonal (not read). */
  unitDiagonal?: boolean;
  /** Solve Tᵀ·X = B. */
  transpose?: boolean;
}

export function solveTriangular(T: MatrixLike, B: VectorLike, options?: TriangularOptions | null): Float64Array;
export function solveTriangular(T: MatrixLike, B: MatrixLike, options?: TriangularOptions | null): Matrix;
export function solveTriangular(
  T: MatrixLike,
  B: MatrixLike | VectorLike,
  opts?: TriangularOptions | null,
): Matrix | Float64Array {
  const options = optionsOf('solveTriangular', opts);
  return withMatrix('solveTriangular', 'T', T, (T) => {
    requireSquare('solveTriangular', T, 'T');
    const check = checkFiniteOption(options);
    if (check) requireFinite('solveTriangular', T, 'T');
    const unit = options.unitDiagonal === true;
    if (!unit) {
      const s = T._store();
      const a = s.array();
      for (let i = 0; i < T.rows; i++) {
        if (a[s.offset + i + i * T._ld] === 0) {
          throw new LinAlgError('singular', `solveTriangular: T[${i}, ${i}] = 0: the matrix is singular`, i + 1);
        }
      }
    }
    return solveOnCopy('solveTriangular', B, T.rows, check, (X) =>
      lapack.trsm(T._v(), X, { lower: options.lower === true, trans: options.transpose === true, unit }),
    );
  });
}
