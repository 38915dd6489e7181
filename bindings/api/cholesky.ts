/**
 * Cholesky factorisation A = L·Lᵀ of a symmetric positive definite matrix, and solves with it.
 *
 * Only the LOWER triangle of A (diagonal included) is read; the strict upper triangle is ignored, so
 * a non-symmetric input is treated as the symmetric matrix whose lower triangle it has (as numpy's
 * cholesky and LAPACK's dpotrf with uplo = 'L' do). No symmetry check is made.
 *
 * A matrix that is not positive definite raises LinAlgError 'not-positive-definite' whose `info` is
 * the order of the first leading minor found not positive definite — never a silently wrong factor.
 * Kernel: blocked right-looking dpotrf (assembly/cholesky/potrf.ts), backward stable:
 * ‖A − LLᵀ‖ ≤ c·n·eps·‖A‖.
 */
import * as lapack from '../core/lapack.js';
import { LinAlgError } from '../core/errors.js';
import { scoped } from '../core/scope.js';
import { optionsOf, type VectorLike } from '../core/validate.js';
import { checkFiniteOption, checkRhs, isFinite, notFinite, requireFinite, requireSquare, solveOnCopy, type FiniteOption } from './checks.js';
import { clonePadded, withMatrix, type MatrixLike } from './convert.js';
import type { Matrix } from './matrix.js';
import { smallCholesky } from './small.js';
import { DISPOSE } from '../core/dispose.js';

/** True when the lower triangle of A (diagonal included: what Cholesky reads) is finite. */
export function lowerFinite(A: Matrix): boolean {
  const s = A._store();
  const a = s.array();
  for (let j = 0; j < A.cols; j++) {
    const o = s.offset + j * A._ld;
    for (let i = j; i < A.rows; i++) if (!Number.isFinite(a[o + i]!)) return false;
  }
  return true;
}

function factorInPlace(fn: string, A: Matrix, options: FiniteOption): Matrix {
  requireSquare(fn, A);
  const check = checkFiniteOption(options);
  if (check) requireFinite(fn, A);
  return scoped((sc) => {
    const L = sc.track(clonePadded(A));
    const info = lapack.potrf(L._v());
    if (info > 0) {
      // Unchecked, a NaN (or an Inf − Inf) in the lower triangle stops potrf like a non-positive pivot.
      if (!check && !lowerFinite(A)) throw notFinite(fn, 'the lower triangle of A');
      throw new LinAlgError(
        'not-positive-definite',
        `${fn}: matrix is not positive definite: the leading minor of order ${info} is not positive (row/column ${info - 1})`,
        info,
      );
    }
    // Zero the strict upper triangle (it still holds A's upper part).
    const s = L._store();
    const a = s.array();
    for (let j = 1; j < L.cols; j++) a.fill(0, s.offset + j * L._ld, s.offset + j * L._ld + j);
    return sc.keep(L);
  });
}

/**
 * The lower Cholesky factor L with A = L·Lᵀ (upper triangle zero) of a symmetric positive definite A,
 * of which only the lower triangle is read. LinAlgError 'not-positive-definite' otherwise.
 *
 * @example
 * ```ts
 * cholesky([[4, 2], [2, 5]]).toArray(); // [[2, 0], [1, 2]]
 * ```
 */
export function cholesky(A: MatrixLike, options?: FiniteOption | null): Matrix {
  if (options == null) {
    const L = smallCholesky(A);
    if (L !== undefined) return L;
  }
  const o = optionsOf('cholesky', options);
  return withMatrix('cholesky', 'A', A, (A) => factorInPlace('cholesky', A, o));
}

/**
 * A reusable Cholesky factorisation (from {@link choFactor}): solves and the log-determinant without
 * factoring again. Dispose it when done.
 *
 * @example
 * ```ts
 * const F = choFactor(S);          // S symmetric positive definite
 * const x = F.solve(b);
 * const logdet = F.logdet();
 * F.dispose();
 * ```
 */
export class CholeskyFactorization implements Disposable {
  /** The lower factor L. */
  readonly L: Matrix;
  /** False when L holds ±Inf (possible with `checkFinite: false`): solve then throws 'not-finite'. */
  readonly #finite: boolean;

  /** @internal */
  constructor(L: Matrix, finite = true) {
    this.L = L;
    this.#finite = finite;
  }

  /** Order of the matrix. */
  get n(): number {
    return this.L.rows;
  }

  /**
   * Solves A·x = b for a vector b by two triangular solves, as a Float64Array.
   *
   * @example
   * ```ts
   * choFactor([[4, 2], [2, 5]]).solve([6, 7]); // Float64Array [1, 1]
   * ```
   */
  solve(B: VectorLike, options?: FiniteOption | null): Float64Array;
  /**
   * Solves A·X = B for a matrix B of right-hand sides (one per column), as a Matrix.
   *
   * @example
   * ```ts
   * const X = F.solve(B); // B n×k: X n×k
   * ```
   */
  solve(B: MatrixLike, options?: FiniteOption | null): Matrix;
  solve(B: MatrixLike | VectorLike, options?: FiniteOption | null): Matrix | Float64Array {
    return this._solve('solve', B, optionsOf('solve', options));
  }

  /** @internal solve, its messages naming `fn`. */
  _solve(fn: string, B: MatrixLike | VectorLike, o: FiniteOption): Matrix | Float64Array {
    this.L._v(fn);
    // An Inf in L would give 0 where the arithmetic should give NaN: x = b/∞.
    if (!this.#finite) throw notFinite(fn, 'the factorised matrix');
    return solveOnCopy(fn, B, this.n, checkFiniteOption(o), (X) => {
      lapack.trsm(this.L._v(), X, { lower: true }); //              L⁻¹
      lapack.trsm(this.L._v(), X, { lower: true, trans: true }); // L⁻ᵀ
    });
  }

  /**
   * log det A = 2·Σ log ℓᵢᵢ (no overflow).
   *
   * @example
   * ```ts
   * choFactor([[4, 2], [2, 5]]).logdet(); // Math.log(16)
   * ```
   */
  logdet(): number {
    const s = this.L._store('logdet');
    const a = s.array();
    let t = 0;
    for (let i = 0; i < this.n; i++) t += Math.log(a[s.offset + i + i * this.L._ld]!);
    return 2 * t;
  }

  /**
   * Frees the factor. Safe to call twice.
   *
   * @example
   * ```ts
   * const F = choFactor(S);
   * try {
   *   console.log(F.logdet());
   * } finally {
   *   F.dispose();
   * }
   * ```
   */
  dispose(): void {
    this.L.dispose();
  }

  /**
   * The same as {@link CholeskyFactorization.dispose}, for `using` declarations (the key is `Symbol.dispose`, or
   * `Symbol.for('Symbol.dispose')` where the engine lacks the symbol).
   *
   * @example
   * ```ts
   * {
   *   using F = choFactor(S);
   *   console.log(F.logdet());
   * } // F is freed here
   * ```
   */
  [DISPOSE](): void {
    this.dispose();
  }
}

/**
 * The Cholesky factorisation of a symmetric positive definite matrix (lower triangle read), kept for
 * solving many right-hand sides.
 *
 * @example
 * ```ts
 * const F = choFactor(S);
 * const xs = bs.map((b) => F.solve(b));
 * F.dispose();
 * ```
 */
export function choFactor(A: MatrixLike, options?: FiniteOption | null): CholeskyFactorization {
  const o = optionsOf('choFactor', options);
  return withMatrix('choFactor', 'A', A, (A) => factorization('choFactor', A, o));
}

function factorization(fn: string, A: Matrix, o: FiniteOption): CholeskyFactorization {
  return scoped((s) => {
    const L = s.track(factorInPlace(fn, A, o));
    const finite = checkFiniteOption(o) || isFinite(L);
    return new CholeskyFactorization(s.keep(L), finite);
  });
}

/**
 * Solves A·x = b for a symmetric positive definite A (lower triangle read) via Cholesky, b a vector.
 *
 * @example
 * ```ts
 * choSolve([[4, 2], [2, 5]], [6, 7]); // Float64Array [1, 1]
 * ```
 */
export function choSolve(A: MatrixLike, B: VectorLike, options?: FiniteOption | null): Float64Array;
/**
 * Solves A·X = B for a symmetric positive definite A and a matrix B of right-hand sides.
 *
 * @example
 * ```ts
 * const X = choSolve(S, B); // S n×n, B n×k: X n×k
 * ```
 */
export function choSolve(A: MatrixLike, B: MatrixLike, options?: FiniteOption | null): Matrix;
export function choSolve(A: MatrixLike, B: MatrixLike | VectorLike, options?: FiniteOption | null): Matrix | Float64Array {
  const o = optionsOf('choSolve', options);
  return withMatrix('choSolve', 'A', A, (A) => {
    requireSquare('choSolve', A);
    checkRhs('choSolve', B, A.rows); // before the O(n³) factorisation
    return scoped((s) => s.track(factorization('choSolve', A, o))._solve('choSolve', B, o));
  });
}
