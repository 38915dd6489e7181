/**
 * The principal matrix square root through the real Schur form.
 *
 * Method: N. J. Higham, "Computing real square roots of a real matrix", Linear Algebra Appl. 88/89
 * (1987) — A = Z·T·Zᵀ (real Schur form: gees, no balancing), U = √T on the quasi-triangular T
 * (kernel trsqrt: blocked as in Deadman, Higham & Ralha 2013, "Blocked Schur algorithms for computing
 * the matrix square root", the O(n³) part in GEMM), X = Z·U·Zᵀ. The principal square root has its
 * eigenvalues in the open right half-plane; it is real exactly when A has no eigenvalue on the closed
 * negative real axis (a zero eigenvalue aside, see below). A negative real eigenvalue — as computed:
 * a symmetric positive semi-definite A whose zero eigenvalue rounds to −1e-17 counts — is a
 * LinAlgError 'no-real-result' (scipy returns a complex matrix there).
 *
 * Singular A (as scipy): where a square root exists it is returned (e.g. a zero matrix, diag(0, 1),
 * [[1, 1], [0, 0]]: a zero eigenvalue that is semisimple in the Schur form); where the recurrence
 * meets 0·x = c with c ≠ 0 there is none (e.g. [[0, 1], [0, 0]]) and a LinAlgError 'singular' is
 * thrown (scipy returns Inf entries with a warning).
 *
 * Scaling: A is scaled by a power of four into [2^-480, 2^480] (then √ scales exactly by the power of
 * two), so entries near overflow or underflow are fine. Accuracy: backward stable in the sense of
 * Higham 1987: ‖X² − A‖_F ≲ c·n·u·‖X‖_F² (not ‖A‖: ‖X‖² ≫ ‖A‖ when A is ill-conditioned for √).
 */
import { LinAlgError, shapeStr } from '../core/errors.js';
import * as lapack from '../core/lapack.js';
import { scoped } from '../core/scope.js';
import { optionsOf } from '../core/validate.js';
import { checkFiniteOption, requireFinite, requireSquare, type FiniteOption } from '../api/checks.js';
import { withMatrix, zeros, type MatrixLike } from '../api/convert.js';
import type { Matrix } from '../api/matrix.js';
import { backTransform, safeScale4, schurFront } from './matfun-common.js';

/**
 * The principal square root X of a square matrix (X·X = A, eigenvalues of X with positive real
 * part), through the real Schur form (Higham 1987), as scipy.linalg.sqrtm for real input with a real
 * result.
 *
 * Throws a LinAlgError 'no-real-result' when A has a negative real eigenvalue (the principal root is
 * not real), 'singular' when a singular A has no square root, 'not-finite' for NaN/Inf (unless
 * `checkFinite: false`). 0×0 gives 0×0.
 *
 * @example
 * ```ts
 * sqrtm([[4, 0], [0, 9]]);   // [[2, 0], [0, 3]]
 * sqrtm([[1, 1], [0, 1]]);   // [[1, 0.5], [0, 1]]
 * sqrtm([[0, -1], [1, 0]]);  // a rotation by 45°: ≈ [[0.707, -0.707], [0.707, 0.707]]
 * ```
 */
export function sqrtm(A: MatrixLike, options?: FiniteOption | null): Matrix {
  const o = optionsOf('sqrtm', options);
  return withMatrix('sqrtm', 'A', A, (A) => {
    requireSquare('sqrtm', A);
    const check = checkFiniteOption(o);
    if (check) requireFinite('sqrtm', A);
    const n = A.rows;
    if (n === 0) return zeros(0, 0);
    const s = safeScale4(A);
    return scoped((sc) => {
      const { T, Z } = schurFront(sc, 'sqrtm', A, s, check, 'square root', false);
      const info = lapack.trsqrt(T._v());
      if (info > 0) throw new LinAlgError('singular', `sqrtm: A (${shapeStr(n, n)}) is singular and has no square root`, info);
      const X = sc.track(backTransform(Z, T));
      if (s !== 1) lapack.scal(1 / Math.sqrt(s), X._v());
      return sc.keep(X);
    });
  });
}
