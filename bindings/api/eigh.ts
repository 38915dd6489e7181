/**
 * Symmetric eigendecomposition A = Z·Λ·Zᵀ (the spectral theorem): `eigh` (values and orthonormal
 * vectors) and `eigvalsh` (values only, faster).
 *
 * Kernels: Householder tridiagonalisation (blocked sytrd: latrd panels + SYR2K through the GEMM),
 * then, with vectors, divide and conquer on the tridiagonal (stedc: its vectors formed in GEMMs, then
 * multiplied by the reflectors, ormtr — LAPACK dsyevd's algorithm) from n = T_SYEV_DC_MIN, implicit
 * QL/QR sweeps with Wilkinson shifts below it (steqr, rotations buffered and applied to Z in SIMD
 * panels), or the root-free variant for values only (sterf).
 * Backward stable: ‖A − ZΛZᵀ‖ ≤ p(n)·eps·‖A‖, ‖ZᵀZ − I‖ ≤ p(n)·eps.
 *
 * Conventions: only the LOWER triangle of A is read (as numpy's eigh with UPLO='L'); eigenvalues
 * ascending; eigenvectors orthonormal, column j for λⱼ, each signed so that its entry of largest
 * magnitude (the first on ties) is positive. Matrices scaled near overflow or underflow are scaled by a
 * power of two internally. Iteration caps (30·n QL/QR sweeps, 64 steps per secular root) turn non-convergence into LinAlgError
 * 'no-convergence' — never a hang.
 *
 * With a second matrix B, `eigh(A, B, { type })` / `eigvalsh(A, B, …)` solve the generalised
 * symmetric-definite problem (eigh-general.ts), reduced to a standard one that `solveStandard` below
 * solves: the one function where the standard problem is solved, for both forms. `subsetByIndex` /
 * `subsetByValue` select some eigenpairs (eigh-subset.ts: bisection and inverse iteration), of the
 * standard or of the reduced generalised problem (the same eigenvalues), through `solveSelected`.
 */
import * as lapack from '../core/lapack.js';
import { LinAlgError } from '../core/errors.js';
import { scoped } from '../core/scope.js';
import { optionsOf } from '../core/validate.js';
import { checkFiniteOption, maxAbs, requireFinite, requireSquare, type FiniteOption } from './checks.js';
import { copyOf, withMatrix, type MatrixLike } from './convert.js';
import type { Matrix } from './matrix.js';
import { disposableResult, type DisposableResult } from '../core/tidy.js';
import { smallEigh } from './small.js';
import { eighArgs, eighType, generalEigh, type EighTypeOption } from './eigh-general.js';
import { subsetOf, subsetStandardSolve, type Subset, type SubsetOptions } from './eigh-subset.js';

/**
 * The result of {@link eigh}: A = Z·Λ·Zᵀ with Λ = diag(values) and Z = vectors.
 *
 * @example
 * ```ts
 * const { values, vectors } = eigh(S);
 * ```
 */
export interface EighResult extends DisposableResult {
  /** Eigenvalues, ascending. */
  values: Float64Array;
  /** Orthonormal eigenvectors as columns (column j for values[j]). */
  vectors: Matrix;
}

/**
 * The standard symmetric solver: all eigenvalues (ascending) of the symmetric matrix whose lower
 * triangle is in C — a working copy the caller owns — and, with `vectors`, its orthonormal eigenvectors
 * as columns of Z (C itself, overwritten; a solver that returns a new matrix passes its ownership to the
 * caller). The one place both the standard and the generalised problem (eigh-general.ts) solve it.
 * Non-convergence throws LinAlgError 'no-convergence'.
 *
 * @internal
 */
export function solveStandard(fn: string, C: Matrix, o: { vectors: boolean }): { values: Float64Array; Z: Matrix } {
  const values = new Float64Array(C.rows);
  const info = lapack.syev(C._v(), values, { vectors: o.vectors });
  if (info > 0) {
    throw new LinAlgError(
      'no-convergence',
      `${fn}: the tridiagonal eigensolver did not converge: status ${info} (QL/QR iteration: the off-diagonal ` +
        `elements of the tridiagonal form that remain; divide and conquer: the row where a piece or a merge failed)`,
      info,
    );
  }
  return { values, Z: C };
}

/** `solve()`, except that a failure on non-finite inputs (checkFinite off) is reported as such. */
function finiteOr<T>(fn: string, inputs: readonly Matrix[], solve: () => T): T {
  try {
    return solve();
  } catch (e) {
    if (e instanceof LinAlgError && e.code === 'no-convergence' && !inputs.every((M) => Number.isFinite(maxAbs(M)))) {
      const names = inputs.length === 1 ? 'A contains' : 'A or B contains';
      throw new LinAlgError('not-finite', `${fn}: ${names} NaN or Inf (checked after the iteration failed; checkFinite was off)`);
    }
    throw e;
  }
}

/** True when a selection asks for only some of the eigenpairs (a selection of every index is the full problem, as dsyevx does). */
function partial(sel: Subset | null, n: number): sel is Subset {
  return sel !== null && !(sel.kind === 'index' && sel.il === 0 && sel.iu === n - 1);
}

/**
 * The selected eigenpairs of the symmetric matrix in C (eigh-subset.ts; C is only read), or all of them
 * by {@link solveStandard} (C overwritten) when the selection is every pair or a range of values that
 * holds them all. Z: C itself, a new matrix the caller owns, or null (values only, subset path).
 */
function solveSelected(fn: string, C: Matrix, sel: Subset | null, vectors: boolean): { values: Float64Array; Z: Matrix | null } {
  if (partial(sel, C.rows)) {
    const r = subsetStandardSolve(fn, C, sel, vectors);
    if (r !== null) return r; // (null: a range of values that holds them all)
  }
  return solveStandard(fn, C, { vectors });
}

function run(fn: string, A: Matrix, vectors: boolean, options: EighOptions): { values: Float64Array; Z: Matrix | null } {
  requireSquare(fn, A);
  const sel = subsetOf(fn, options, A.rows);
  if (checkFiniteOption(options)) requireFinite(fn, A);
  // the subset solver copies A itself
  if (partial(sel, A.rows)) {
    const r = finiteOr(fn, [A], () => subsetStandardSolve(fn, A, sel, vectors));
    if (r !== null) return r;
  }
  return scoped((s) => {
    const C = s.track(copyOf(A));
    const { values, Z } = finiteOr(fn, [A], () => solveStandard(fn, C, { vectors }));
    if (Z !== C) s.track(Z);
    return { values, Z: s.keep(Z) };
  });
}

/** eigh/eigvalsh with a B: the generalised problem (eigh-general.ts) on the standard (or subset) solver above. */
function runGeneral(fn: string, A: MatrixLike, B: MatrixLike, vectors: boolean, o: EighOptions): { values: Float64Array; Z: Matrix | null } {
  return generalEigh(fn, A, B, vectors, o, (C, inputs) => finiteOr(fn, inputs, () => solveSelected(fn, C, subsetOf(fn, o, C.rows), vectors)));
}

/**
 * Options of {@link eigh} and {@link eigvalsh}: `checkFinite`; with a second matrix B the generalised
 * problem's `type`; and at most one of `subsetByIndex` / `subsetByValue` to compute only some of the
 * eigenpairs (scipy's `subset_by_index` / `subset_by_value`), with or without B.
 *
 * @example
 * ```ts
 * eigh(A, B, { type: 1, checkFinite: false });
 * const top = eigh(S, { subsetByIndex: [S.rows - 10, S.rows - 1] }); // the 10 largest pairs
 * ```
 */
export interface EighOptions extends FiniteOption, EighTypeOption, SubsetOptions {}

/**
 * Eigenvalues (ascending) and orthonormal eigenvectors of a symmetric matrix (lower triangle read;
 * numpy's eigh). Each eigenvector is signed so that its entry of largest magnitude is positive.
 * `subsetByIndex: [lo, hi]` or `subsetByValue: [vl, vu]` compute only the pairs lo…hi (0-based,
 * inclusive) or those with eigenvalue in (vl, vu] — n×k vectors, at a cost that falls with k
 * (bisection and inverse iteration; scipy's `subset_by_index` / `subset_by_value`).
 *
 * @example
 * ```ts
 * const r = eigh([[2, 1], [1, 2]]);
 * r.values;              // Float64Array [1, 3]
 * r.vectors.column(1);   // ≈ [0.7071, 0.7071]
 * r.dispose();
 * const top = eigh(S, { subsetByIndex: [S.rows - 3, S.rows - 1] }); // the 3 largest pairs
 * ```
 */
export function eigh(A: MatrixLike, options?: EighOptions | null): EighResult;
/**
 * The generalised symmetric-definite eigenproblem (scipy.linalg.eigh(a, b, type=…)): A symmetric, B
 * symmetric positive definite (lower triangles read), `type` 1: A·x = λ·B·x (default), 2: A·B·x = λ·x,
 * 3: B·A·x = λ·x. Eigenvalues ascending; eigenvectors as columns, B-orthonormal (Xᵀ·B·X = I for types
 * 1 and 2, Xᵀ·B⁻¹·X = I for type 3), each signed so that its entry of largest magnitude is positive.
 * B not positive definite → LinAlgError 'not-positive-definite'; B of another shape than A →
 * RangeError. B null or undefined: the standard problem.
 *
 * @example
 * ```ts
 * const r = eigh([[2, 0], [0, 3]], [[4, 0], [0, 1]]); // A·x = λ·B·x
 * r.values;             // Float64Array [0.5, 3]
 * r.vectors.toArray();  // [[0.5, 0], [0, 1]]: Xᵀ·B·X = I
 * r.dispose();
 * ```
 */
export function eigh(A: MatrixLike, B: MatrixLike | null | undefined, options?: EighOptions | null): EighResult;
export function eigh(A: MatrixLike, second?: MatrixLike | EighOptions | null, third?: EighOptions | null): EighResult {
  const { B, options } = eighArgs('eigh', second, third);
  if (B === undefined && options == null) {
    const r = smallEigh(A);
    if (r !== undefined) return r;
  }
  const o = optionsOf('eigh', options as EighOptions | null | undefined);
  if (B !== undefined) {
    const { values, Z } = runGeneral('eigh', A, B, true, o);
    return disposableResult({ values, vectors: Z! });
  }
  eighType('eigh', o);
  return withMatrix('eigh', 'A', A, (A) => {
    const { values, Z } = run('eigh', A, true, o);
    return disposableResult({ values, vectors: Z! });
  });
}

/**
 * Eigenvalues (ascending) of a symmetric matrix (lower triangle read), without vectors (faster);
 * `subsetByIndex` / `subsetByValue` select some of them, as for {@link eigh}.
 *
 * @example
 * ```ts
 * eigvalsh([[2, 1], [1, 2]]); // Float64Array [1, 3]
 * eigvalsh([[2, 1], [1, 2]], { subsetByValue: [2, 5] }); // Float64Array [3]
 * ```
 */
export function eigvalsh(A: MatrixLike, options?: EighOptions | null): Float64Array;
/**
 * Eigenvalues (ascending) of the generalised symmetric-definite problem (see {@link eigh}): type 1
 * A·x = λ·B·x (default), 2 A·B·x = λ·x, 3 B·A·x = λ·x; B symmetric positive definite.
 *
 * @example
 * ```ts
 * eigvalsh([[2, 0], [0, 3]], [[4, 0], [0, 1]]); // Float64Array [0.5, 3]
 * ```
 */
export function eigvalsh(A: MatrixLike, B: MatrixLike | null | undefined, options?: EighOptions | null): Float64Array;
export function eigvalsh(A: MatrixLike, second?: MatrixLike | EighOptions | null, third?: EighOptions | null): Float64Array {
  const { B, options } = eighArgs('eigvalsh', second, third);
  const o = optionsOf('eigvalsh', options as EighOptions | null | undefined);
  if (B !== undefined) return runGeneral('eigvalsh', A, B, false, o).values;
  eighType('eigvalsh', o);
  return withMatrix('eigvalsh', 'A', A, (A) => {
    const { values, Z } = run('eigvalsh', A, false, o);
    Z?.dispose();
    return values;
  });
}
