/**
 * LU factorisation with partial pivoting and what is built on it: lu, luFactor, solve, det, slogdet, inv.
 *
 * P·A = L·U with L unit lower triangular (trapezoidal when m > n), U upper triangular (trapezoidal
 * when m < n), P a row permutation given as `perm`: row i of P·A is row perm[i] of A. The kernel is
 * LAPACK's right-looking blocked getrf (assembly/lu/getrf.ts) — backward stable in practice:
 * ‖PA − LU‖ ≤ c·n·eps·‖L‖‖U‖ with a growth factor that is modest for all but contrived matrices.
 *
 * An exactly zero pivot makes `solve` and `inv` throw LinAlgError 'singular' (naming the column);
 * `det` returns 0 and `slogdet` { sign: 0, logAbsDet: -Infinity } as numpy does. Nearly singular
 * matrices are not detected (as in numpy): check `cond`.
 */
import * as lapack from '../core/lapack.js';
import { LinAlgError } from '../core/errors.js';
import { scoped } from '../core/scope.js';
import { optionsOf, type VectorLike } from '../core/validate.js';
import { checkFiniteOption, checkRhs, isFinite, notFinite, requireFinite, requireSquare, solveOnCopy, type FiniteOption } from './checks.js';
import { clonePadded, withMatrix, type MatrixLike } from './convert.js';
import { Matrix } from './matrix.js';
import { disposableResult, type DisposableResult } from '../core/tidy.js';
import { detOfFactors, smallDet, smallInv, smallSolve } from './small.js';
import { DISPOSE } from '../core/dispose.js';
import { assumeAOf, solveAssumed, type AssumeA } from './assume.js';

/**
 * The factors of {@link lu}: P·A = L·U.
 *
 * @example
 * ```ts
 * const { L, U, perm } = lu([[1, 2], [3, 4]]); // perm = [1, 0]: the rows swapped
 * ```
 */
export interface LUResult extends DisposableResult {
  /** m×k unit lower triangular (k = min(m, n)). */
  L: Matrix;
  /** k×n upper triangular. */
  U: Matrix;
  /** Row i of P·A is row perm[i] of A. */
  perm: Int32Array;
}

/**
 * sign(det A) and log|det A|, from {@link slogdet}: det A = sign·exp(logAbsDet).
 *
 * @example
 * ```ts
 * const { sign, logAbsDet } = slogdet(Matrix.eye(500).scale(10)); // 1, 500·ln 10 (det overflows)
 * ```
 */
export interface SlogdetResult {
  /** +1, −1, or 0 for a singular matrix. */
  sign: number;
  /** log |det A| (−Infinity for a singular matrix); never overflows. */
  logAbsDet: number;
}

/**
 * Options of {@link solve} and {@link LUFactorization.solve}.
 *
 * @example
 * ```ts
 * const x = solve(A, b, { transpose: true }); // solves Aᵀ·x = b
 * ```
 */
export interface SolveOptions extends FiniteOption {
  /** Solve Aᵀ·X = B instead. */
  transpose?: boolean;
  /**
   * The structure of A that {@link solve} may use (scipy's `assume_a`; see {@link AssumeA}): 'general'
   * (LU, the default), 'symmetric' (LDLᵀ, lower triangle read), 'positive-definite' (Cholesky, lower
   * triangle read), 'diagonal', 'upper-triangular', 'lower-triangular'. A factorisation's own solve
   * ignores it.
   */
  assumeA?: AssumeA;
}

/** LAPACK's ipiv (sequential swaps) as a permutation: row i of P·A is row perm[i] of A. */
function permutationOf(ipiv: Int32Array, m: number): Int32Array {
  const perm = new Int32Array(m);
  for (let i = 0; i < m; i++) perm[i] = i;
  for (let i = 0; i < ipiv.length; i++) {
    const p = ipiv[i]!;
    const t = perm[i]!;
    perm[i] = perm[p]!;
    perm[p] = t;
  }
  return perm;
}

/**
 * A reusable LU factorisation of a square matrix (from {@link luFactor}): solves, det, slogdet and
 * the inverse without factoring again. Dispose it when done.
 *
 * @example
 * ```ts
 * const F = luFactor(A);
 * const x1 = F.solve(b1);
 * const x2 = F.solve(b2);
 * F.dispose();
 * ```
 */
export class LUFactorization implements Disposable {
  /** L and U packed in one n×n matrix (L's unit diagonal not stored), as LAPACK stores them. */
  readonly lu: Matrix;
  /** 0, or the 1-based column of the first exactly zero pivot (LAPACK's info). */
  readonly info: number;
  /** The pivots the solves use: private, so no caller can corrupt them. */
  readonly #ipiv: Int32Array;
  /**
   * False when the factors hold NaN or ±Inf (possible only with `checkFinite: false`): solve and inv
   * then throw LinAlgError 'not-finite', det and slogdet give NaN, instead of a finite answer that a
   * zero pivot or a zero skipped in a triangular solve could make of non-finite data.
   */
  readonly #finite: boolean;

  /** @internal */
  constructor(lu: Matrix, ipiv: Int32Array, info: number, finite = true) {
    this.lu = lu;
    this.#ipiv = ipiv;
    this.info = info;
    this.#finite = finite;
  }

  /** LAPACK's pivot sequence: row i was swapped with row ipiv[i] (0-based). A copy. */
  get ipiv(): Int32Array {
    return this.#ipiv.slice();
  }

  /** Row i of P·A is row perm[i] of A. A copy. */
  get perm(): Int32Array {
    return permutationOf(this.#ipiv, this.lu.rows);
  }

  /** Order of the matrix. */
  get n(): number {
    return this.lu.rows;
  }

  /** True when a pivot is exactly zero. */
  get singular(): boolean {
    return this.info > 0;
  }

  private requireNonsingular(fn: string): void {
    if (this.info > 0) {
      const j = this.info - 1;
      throw new LinAlgError('singular', `${fn}: matrix is singular: U[${j}, ${j}] = 0 (pivot column ${j})`, this.info);
    }
  }

  /**
   * Solves A·x = b (or Aᵀ·x = b with `transpose`) for a vector b, as a Float64Array.
   * LinAlgError 'singular' if a pivot is exactly zero.
   *
   * @example
   * ```ts
   * luFactor([[2, 0], [0, 4]]).solve([2, 4]); // Float64Array [1, 1]
   * ```
   */
  solve(B: VectorLike, options?: SolveOptions | null): Float64Array;
  /**
   * Solves A·X = B (or Aᵀ·X = B with `transpose`) for a matrix B of right-hand sides, as a Matrix.
   * LinAlgError 'singular' if a pivot is exactly zero.
   *
   * @example
   * ```ts
   * const X = F.solve(Matrix.eye(F.n)); // A⁻¹, as F.inv()
   * ```
   */
  solve(B: MatrixLike, options?: SolveOptions | null): Matrix;
  solve(B: MatrixLike | VectorLike, opts?: SolveOptions | null): Matrix | Float64Array {
    const options = optionsOf('solve', opts);
    this.lu._v('solve');
    if (!this.#finite) throw notFinite('solve', 'the factorised matrix');
    this.requireNonsingular('solve');
    const n = this.n;
    const LU = this.lu._v();
    const ipiv = this.#ipiv;
    return solveOnCopy('solve', B, n, checkFiniteOption(options), (X) => {
      if (!options.transpose) {
        lapack.laswp(X, ipiv, 0, n); //                                  P·B
        lapack.trsm(LU, X, { lower: true, unit: true }); //              L⁻¹
        lapack.trsm(LU, X); //                                           U⁻¹
      } else {
        lapack.trsm(LU, X, { trans: true }); //                          U⁻ᵀ
        lapack.trsm(LU, X, { lower: true, trans: true, unit: true }); // L⁻ᵀ
        lapack.laswp(X, ipiv, 0, n, { reverse: true }); //               Pᵀ
      }
    });
  }

  /**
   * det A (may overflow to ±Infinity for large n: use slogdet); 0 for an exactly singular A.
   *
   * @example
   * ```ts
   * luFactor([[1, 2], [3, 4]]).det(); // -2
   * ```
   */
  det(): number {
    this.lu._v('det');
    const { sign, logAbsDet } = this.slogdet();
    if (Number.isNaN(sign)) return NaN;
    if (sign === 0) return 0;
    // Product directly when it is representable, for exactness on small integer matrices.
    const d = this.diagProduct();
    const r = Number.isFinite(d) && d !== 0 ? d : sign * Math.exp(logAbsDet);
    return this.#finite || !Number.isFinite(r) ? r : NaN;
  }

  private diagProduct(): number {
    const s = this.lu._store();
    return detOfFactors(s.array(), s.offset, this.lu._ld, this.n, this.#ipiv);
  }

  /**
   * sign(det A) and log|det A|, without overflow.
   *
   * @example
   * ```ts
   * const { sign, logAbsDet } = F.slogdet();
   * ```
   */
  slogdet(): SlogdetResult {
    this.lu._v('slogdet');
    const r = this.slogdetOfFactors();
    // Non-finite factors: a NaN or +Inf log-determinant stands; a finite one (or a zero pivot's −Inf)
    // would hide the NaN/Inf of the matrix.
    if (!this.#finite && !Number.isNaN(r.logAbsDet) && r.logAbsDet !== Infinity) return { sign: NaN, logAbsDet: NaN };
    return r;
  }

  private slogdetOfFactors(): SlogdetResult {
    const s = this.lu._store();
    const a = s.array();
    let sign = 1;
    let log = 0;
    for (let i = 0; i < this.n; i++) {
      const u = a[s.offset + i + i * this.lu._ld]!;
      if (u === 0) return { sign: 0, logAbsDet: -Infinity };
      if (u < 0) sign = -sign;
      if (this.#ipiv[i] !== i) sign = -sign;
      log += Math.log(Math.abs(u));
    }
    return { sign, logAbsDet: log };
  }

  /**
   * A⁻¹ (LinAlgError 'singular' if a pivot is exactly zero). To solve a system, solve() is faster
   * and more accurate.
   *
   * @example
   * ```ts
   * luFactor([[2, 0], [0, 4]]).inv().toArray(); // [[0.5, 0], [0, 0.25]]
   * ```
   */
  inv(): Matrix {
    this.lu._v('inv');
    if (!this.#finite) throw notFinite('inv', 'the factorised matrix');
    this.requireNonsingular('inv');
    return scoped((s) => this.solve(s.track(Matrix.eye(this.n)), { checkFinite: false }));
  }

  /**
   * Frees the factors. Safe to call twice.
   *
   * @example
   * ```ts
   * const F = luFactor(A);
   * try {
   *   console.log(F.det());
   * } finally {
   *   F.dispose();
   * }
   * ```
   */
  dispose(): void {
    this.lu.dispose();
  }

  /**
   * The same as {@link LUFactorization.dispose}, for `using` declarations (the key is `Symbol.dispose`, or
   * `Symbol.for('Symbol.dispose')` where the engine lacks the symbol).
   *
   * @example
   * ```ts
   * {
   *   using F = luFactor(A);
   *   console.log(F.det());
   * } // F is freed here
   * ```
   */
  [DISPOSE](): void {
    this.dispose();
  }
}

/**
 * The LU factorisation (partial pivoting) of a square matrix, kept for solving many right-hand
 * sides. A zero pivot is not an error here: `singular` says so, and solve/inv then throw.
 *
 * @example
 * ```ts
 * const F = luFactor(A);
 * const xs = bs.map((b) => F.solve(b));
 * F.dispose();
 * ```
 */
export function luFactor(A: MatrixLike, options?: FiniteOption | null): LUFactorization {
  return factor('luFactor', A, optionsOf('luFactor', options));
}

/** @internal luFactor, its messages naming `fn` (solve, det, cond, …). */
export function factor(fn: string, A: MatrixLike, options: FiniteOption): LUFactorization {
  return withMatrix(fn, 'A', A, (A) => {
    requireSquare(fn, A);
    return factorSquare(fn, A, options);
  });
}

/** The LU factorisation of a square Matrix the caller has checked (shape; finiteness is checked here). */
function factorSquare(fn: string, A: Matrix, options: FiniteOption): LUFactorization {
  const check = checkFiniteOption(options);
  if (check) requireFinite(fn, A);
  return scoped((s) => {
    const F = s.track(clonePadded(A));
    const ipiv = new Int32Array(A.rows);
    const info = lapack.getrf(F._v(), ipiv);
    // Unchecked: every entry of A reaches L or U, so one O(n²) look at the factors finds a NaN/Inf.
    const finite = check || isFinite(F);
    return new LUFactorization(s.keep(F), ipiv, info, finite);
  });
}

/**
 * P·A = L·U with partial pivoting, for any m×n A (rectangular allowed): L m×k unit lower triangular,
 * U k×n upper triangular (k = min(m, n)), row i of P·A row `perm[i]` of A. A zero pivot is not an
 * error here.
 *
 * @example
 * ```ts
 * const { L, U, perm } = lu([[1, 2], [3, 4]]);
 * // perm = [1, 0]; L = [[1, 0], [1/3, 1]]; U = [[3, 4], [0, 2/3]]
 * ```
 */
export function lu(A: MatrixLike, options?: FiniteOption | null): LUResult {
  const o = optionsOf('lu', options);
  return withMatrix('lu', 'A', A, (A) => {
    if (checkFiniteOption(o)) requireFinite('lu', A);
    const m = A.rows;
    const n = A.cols;
    const k = Math.min(m, n);
    return scoped((sc) => {
      const F = sc.track(clonePadded(A));
      const ipiv = new Int32Array(k);
      lapack.getrf(F._v(), ipiv);
      const L = sc.track(Matrix._alloc(m, k));
      const U = sc.track(Matrix._alloc(k, n));
      const f = F._store();
      const fa = f.array();
      const l = L._store();
      const la = l.array();
      const u = U._store();
      const ua = u.array();
      for (let j = 0; j < k; j++) {
        for (let i = 0; i < m; i++) {
          la[l.offset + i + j * L._ld] = i < j ? 0 : i === j ? 1 : fa[f.offset + i + j * F._ld]!;
        }
      }
      // (k = 0: U is empty, and its n columns need no visit.)
      for (let j = 0; k > 0 && j < n; j++) {
        for (let i = 0; i < k; i++) ua[u.offset + i + j * U._ld] = i <= j ? fa[f.offset + i + j * F._ld]! : 0;
      }
      return disposableResult({ L: sc.keep(L), U: sc.keep(U), perm: permutationOf(ipiv, m) });
    });
  });
}

/**
 * Solves A·x = b for a square A (LU with partial pivoting) and a vector b, as a Float64Array.
 * LinAlgError 'singular' for an exactly singular A. `{ assumeA }` uses A's structure instead
 * (scipy's `assume_a`): 'symmetric' (LDLᵀ), 'positive-definite' (Cholesky), 'diagonal',
 * 'upper-triangular', 'lower-triangular'.
 *
 * @example
 * ```ts
 * solve([[3, 1], [1, 2]], [9, 8]); // Float64Array [2, 3]
 * solve([[0, 1], [1, 0]], [2, 3], { assumeA: 'symmetric' }); // Float64Array [3, 2]
 * ```
 */
export function solve(A: MatrixLike, B: VectorLike, options?: SolveOptions | null): Float64Array;
/**
 * Solves A·X = B for a square A and a matrix B of right-hand sides (one per column), as a Matrix.
 *
 * @example
 * ```ts
 * const X = solve(A, B); // A n×n, B n×k: X n×k
 * ```
 */
export function solve(A: MatrixLike, B: MatrixLike, options?: SolveOptions | null): Matrix;
export function solve(A: MatrixLike, B: MatrixLike | VectorLike, opts?: SolveOptions | null): Matrix | Float64Array {
  if (opts == null) {
    const x = smallSolve(A, B);
    if (x !== undefined) return x;
  }
  const options = optionsOf('solve', opts);
  const assumeA = assumeAOf('solve', options);
  if (assumeA !== 'general') return solveAssumed('solve', A, B, assumeA, options);
  return withMatrix('solve', 'A', A, (A) => {
    requireSquare('solve', A);
    // Check B's shape before the O(n³) factorisation.
    checkRhs('solve', B, A.rows);
    return scoped((s) => s.track(factorSquare('solve', A, options)).solve(B as MatrixLike, options));
  });
}

/**
 * The determinant of a square A (through LU); det of the 0×0 matrix is 1, of a singular one 0. May
 * overflow for large n: {@link slogdet} does not.
 *
 * @example
 * ```ts
 * det([[1, 2], [3, 4]]); // -2
 * ```
 */
export function det(A: MatrixLike, options?: FiniteOption | null): number {
  if (options == null) {
    const d = smallDet(A);
    if (d !== undefined) return d;
  }
  const o = optionsOf('det', options);
  return withMatrix('det', 'A', A, (A) => {
    requireSquare('det', A);
    return scoped((s) => s.track(factorSquare('det', A, o)).det());
  });
}

/**
 * sign(det A) and log|det A| without overflow (numpy's slogdet); `{ sign: 0, logAbsDet: -Infinity }`
 * for a singular A.
 *
 * @example
 * ```ts
 * slogdet([[1, 2], [3, 4]]); // { sign: -1, logAbsDet: Math.log(2) }
 * ```
 */
export function slogdet(A: MatrixLike, options?: FiniteOption | null): SlogdetResult {
  const o = optionsOf('slogdet', options);
  return withMatrix('slogdet', 'A', A, (A) => {
    requireSquare('slogdet', A);
    return scoped((s) => s.track(factorSquare('slogdet', A, o)).slogdet());
  });
}

/**
 * The inverse A⁻¹ of a square A (LinAlgError 'singular' for an exactly singular A). Prefer
 * {@link solve} to inv(A)·b.
 *
 * @example
 * ```ts
 * inv([[2, 0], [0, 4]]).toArray(); // [[0.5, 0], [0, 0.25]]
 * ```
 */
export function inv(A: MatrixLike, options?: FiniteOption | null): Matrix {
  if (options == null) {
    const X = smallInv(A);
    if (X !== undefined) return X;
  }
  const o = optionsOf('inv', options);
  return withMatrix('inv', 'A', A, (A) => {
    requireSquare('inv', A);
    return scoped((s) => s.track(factorSquare('inv', A, o)).inv());
  });
}
