/**
 * Selected eigenpairs of a symmetric matrix: the `subsetByIndex` / `subsetByValue` options of `eigh`
 * and `eigvalsh` (scipy.linalg.eigh's `subset_by_index` / `subset_by_value`).
 *
 * Kernels (LAPACK dsyevx's algorithm): Householder tridiagonalisation (blocked sytrd), bisection on
 * Sturm counts for the wanted eigenvalues (stebz), inverse iteration for their eigenvectors with
 * reorthogonalisation inside clusters (stein), and the back-transformation of those k vectors only by
 * the reflectors (ormtr, blocked through the GEMM). After the 4/3·n³ of the reduction everything costs
 * O(n²·k), so asking for 10 of 1000 pairs costs about what the reduction does (bench suite eigh-subset).
 *
 * This file validates the options (`subsetOf`) and runs the selection on one matrix
 * (`subsetStandardSolve`, which the generalised form calls with its reduced matrix); eigh.ts does the
 * plumbing and the dispatch.
 */
import * as lapack from '../core/lapack.js';
import { LinAlgError } from '../core/errors.js';
import { scoped } from '../core/scope.js';
import { describe } from '../core/validate.js';
import { copyOf } from './convert.js';
import { Matrix } from './matrix.js';
import type { View } from '../core/store.js';

/**
 * Options of {@link eigh} and {@link eigvalsh} that select some of the eigenpairs instead of all
 * (scipy.linalg.eigh's `subset_by_index` and `subset_by_value`; at most one of the two).
 *
 * @example
 * ```ts
 * eigvalsh(S, { subsetByIndex: [n - 10, n - 1] }); // the 10 largest eigenvalues, ascending
 * eigvalsh(S, { subsetByValue: [0, Infinity] });   // the positive ones: (0, ∞]
 * ```
 */
export interface SubsetOptions {
  /** `[lo, hi]`: the eigenpairs lo…hi (0-based, inclusive) in ascending order of eigenvalue, 0 ≤ lo ≤ hi < n. */
  subsetByIndex?: readonly number[] | null;
  /** `[vl, vu]`: the eigenpairs whose eigenvalue lies in the half-open interval (vl, vu]; vl < vu, ±Infinity allowed. */
  subsetByValue?: readonly number[] | null;
}

/** A validated selection. @internal */
export type Subset = lapack.EigRange;

function pair(fn: string, name: string, v: unknown): [number, number] {
  const ok = (Array.isArray(v) || ArrayBuffer.isView(v)) && (v as ArrayLike<unknown>).length === 2;
  if (!ok) throw new TypeError(`${fn}: ${name} must be a pair [lo, hi], got ${describe(v)}${Array.isArray(v) ? ` of length ${v.length}` : ''}`);
  const [a, b] = Array.from(v as ArrayLike<unknown>);
  if (typeof a !== 'number' || typeof b !== 'number') {
    throw new TypeError(`${fn}: ${name} must hold two numbers, got [${typeof a}, ${typeof b}]`);
  }
  return [a, b];
}

/**
 * The selection the options ask for on an n×n matrix, validated, or null for all of them. Both options
 * → TypeError; a bad pair → TypeError; indices that are not integers in [0, n) with lo ≤ hi, or bounds
 * that are NaN or not vl < vu → RangeError naming the option (scipy's rules). On a 0×0 matrix only the
 * form of the pair is checked (scipy answers empty). @internal
 */
export function subsetOf(fn: string, o: SubsetOptions, n: number): Subset | null {
  const byIndex = o.subsetByIndex ?? undefined;
  const byValue = o.subsetByValue ?? undefined;
  if (byIndex !== undefined && byValue !== undefined) {
    throw new TypeError(`${fn}: subsetByIndex and subsetByValue cannot both be given`);
  }
  if (byIndex !== undefined) {
    const [lo, hi] = pair(fn, 'subsetByIndex', byIndex);
    if (!Number.isInteger(lo) || !Number.isInteger(hi)) {
      throw new RangeError(`${fn}: subsetByIndex must hold two integers, got [${lo}, ${hi}]`);
    }
    if (n > 0 && !(lo >= 0 && lo <= hi && hi < n)) {
      throw new RangeError(`${fn}: subsetByIndex = [${lo}, ${hi}] is not valid for a ${n}×${n} matrix: need 0 ≤ lo ≤ hi ≤ ${n - 1}`);
    }
    return { kind: 'index', il: lo, iu: hi };
  }
  if (byValue !== undefined) {
    const [vl, vu] = pair(fn, 'subsetByValue', byValue);
    if (!(vl < vu)) throw new RangeError(`${fn}: subsetByValue = [${vl}, ${vu}] is not valid: need vl < vu (neither NaN)`);
    return { kind: 'value', vl, vu };
  }
  return null;
}

/**
 * The selected eigenvalues (ascending) of the symmetric A (lower triangle read, A untouched) and, with
 * `vectors`, their orthonormal eigenvectors as the columns of an n×k Matrix (each signed so that its
 * entry of largest magnitude is positive; owned by the caller). The "subset standard solve" the
 * generalised eigh calls with its reduced matrix. null when vectors are asked for and the selection
 * turns out to hold every eigenvalue: the caller runs its full solver then. Throws LinAlgError
 * 'no-convergence' (an iteration cap, or NaN/Inf met with checkFinite off: the caller, eigh.ts's
 * finiteOr, turns that into 'not-finite'). @internal
 */
export function subsetStandardSolve(fn: string, A: Matrix, sel: Subset, vectors: boolean): { values: Float64Array; Z: Matrix | null } | null {
  const n = A.rows;
  if (n === 0) return { values: new Float64Array(0), Z: vectors ? Matrix._alloc(0, 0) : null };
  return scoped((s) => {
    const F = s.track(copyOf(A));
    const lam = new Float64Array(n);
    let Z = null as Matrix | null;
    // every eigenvalue in the range: the full solver's vectors (steqr's rotations stay orthogonal on
    // any cluster, where inverse iteration is weakest), as dsyevx does for all of them
    const alloc = (k: number): View | null => (k === n ? null : (Z = s.track(Matrix._alloc(n, k)))._v());
    const { m, info } = lapack.syevx(F._v(), sel, lam, vectors ? alloc : null);
    if (vectors && m === n && info === 0) return null;
    // (a NaN/Inf behind the failure is reported as 'not-finite' by the caller: eigh.ts finiteOr)
    if (m < 0 || info > 0) {
      throw m < 0
        ? new LinAlgError('no-convergence', `${fn}: the bisection for the selected eigenvalues did not converge`, 1)
        : new LinAlgError('no-convergence', `${fn}: inverse iteration did not converge for ${info} of the ${m} selected eigenvectors`, info);
    }
    if (vectors && Z === null) Z = s.track(Matrix._alloc(n, 0));
    return { values: lam.slice(0, m), Z: Z === null ? null : s.keep(Z) };
  });
}
