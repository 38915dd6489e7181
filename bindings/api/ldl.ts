/**
 * The symmetric-indefinite LDLᵀ factorisation (Bunch–Kaufman) and the symmetric solve built on it:
 * ldl, and solve(A, B, { assumeA: 'symmetric' }).
 *
 * P·A·Pᵀ = L·D·Lᵀ with D block diagonal (1×1 and 2×2 blocks) and L unit lower triangular, by the
 * partial pivoting of Bunch & Kaufman (1977) with α = (1 + √17)/8: the kernel is LAPACK's blocked
 * dsytrf (assembly/ldl/sytrf.ts: lasyf panels, the trailing update through the GEMM), normwise
 * backward stable in practice (‖A − L·D·Lᵀ‖ ≤ c·n·eps·‖A‖ for all but contrived growth), half the flops
 * of LU (n³/3) and valid for any symmetric matrix, definite or not — KKT and saddle-point systems.
 *
 * Only the LOWER triangle of A is read (diagonal included), as LAPACK's uplo = 'L'. scipy's
 * `solve(a, b, assume_a='sym')` reads the upper triangle by default (`lower=False`); for a symmetric
 * matrix the two agree. `ldl(A, { lower: false })` reads the upper triangle, as scipy's `ldl(a,
 * lower=False)`.
 *
 * An exactly zero 1×1 pivot makes the solve throw LinAlgError 'singular' (a 2×2 pivot is never
 * singular: |det| ≥ (1 − α²)·λ² > 0); `ldl` returns the factors regardless, as scipy does. Nearly
 * singular matrices are not detected: check `cond`.
 */
import * as lapack from '../core/lapack.js';
import { LinAlgError } from '../core/errors.js';
import { scoped } from '../core/scope.js';
import { disposableResult, type DisposableResult } from '../core/tidy.js';
import { optionsOf, type VectorLike } from '../core/validate.js';
import { checkFiniteOption, checkRhs, lowerFinite, notFinite, requireFinite, requireSquare, solveOnCopy, type FiniteOption } from './checks.js';
import { clonePadded, withMatrix, type MatrixLike } from './convert.js';
import { Matrix } from './matrix.js';

/**
 * The factors of {@link ldl}: A = L·D·Lᵀ (scipy.linalg.ldl's `lu, d, perm`).
 *
 * @example
 * ```ts
 * const { L, D, perm } = ldl([[2, -1, 3], [-1, 2, 0], [3, 0, 1]]);
 * // L·D·Lᵀ = A; the rows perm of L form a unit lower triangular matrix
 * ```
 */
export interface LDLResult extends DisposableResult {
  /** n×n: the rows `perm` of L form a unit lower (with `lower: false`, upper) triangular matrix. */
  L: Matrix;
  /** n×n block diagonal, blocks 1×1 and 2×2 (symmetric). */
  D: Matrix;
  /** The row order that makes L triangular: row i of L[perm] is row perm[i] of L. */
  perm: Int32Array;
}

/**
 * Options of {@link ldl}.
 *
 * @example
 * ```ts
 * ldl(A, { lower: false }); // read the upper triangle: L[perm] upper triangular, A = L·D·Lᵀ
 * ```
 */
export interface LdlOptions extends FiniteOption {
  /** Read the lower triangle and give a lower L (default true, as scipy); false: the upper ones. */
  lower?: boolean;
}

/**
 * From this many right-hand sides on, the solve runs level 3 (sytrs2: the factor converted in place,
 * two TRSMs through the GEMM) instead of level 2 (sytrs: an axpy or a dot per column of L and of B).
 * Measured on a loaded 2-core Zen 5 (rough): n = 512, 512 right-hand sides 80–99 ms against 145–165;
 * 64 right-hand sides 19 ms against 12 (the conversion's strided row swaps cost ≈ 2 ms at n = 512);
 * n = 256, 256 right-hand sides even.
 */
const SYTRS2_RHS = 128;

/** A zero 1×1 pivot: the error of a symmetric solve. */
function singular(fn: string, info: number): LinAlgError {
  const k = info - 1;
  return new LinAlgError('singular', `${fn}: matrix is singular: D[${k}, ${k}] = 0 in its LDLᵀ (Bunch–Kaufman) factorisation`, info);
}

/** The Bunch–Kaufman factors of a square A (lower triangle read) in a padded copy, with their pivots and info. */
function factorLower<T>(A: Matrix, f: (F: Matrix, ipiv: Int32Array, info: number) => T, lastTie = false): T {
  return scoped((s) => {
    const F = s.track(clonePadded(A));
    const ipiv = new Int32Array(A.rows);
    const info = lapack.sytrf(F._v(), ipiv, { lastTie });
    return f(F, ipiv, info);
  });
}

/**
 * @internal solve(A, B, { assumeA: 'symmetric' }): Bunch–Kaufman of the lower triangle of A, then
 * the two sweeps of sytrs; messages name `fn`. A is square and B's rows were checked by the caller
 * only as far as `checkRhs` goes.
 */
export function symmetricSolve(fn: string, A: MatrixLike, B: MatrixLike | VectorLike, options: FiniteOption): Matrix | Float64Array {
  return withMatrix(fn, 'A', A, (A) => {
    requireSquare(fn, A);
    checkRhs(fn, B, A.rows); // before the O(n³) factorisation
    const check = checkFiniteOption(options);
    if (check) requireFinite(fn, A);
    return factorLower(A, (F, ipiv, info) => {
      // Unchecked: every entry of A's lower triangle reaches D or L (a NaN pivot stops like a zero
      // one; an Inf pivot would give x = b/∞ = 0), so one look at the factors finds a NaN/Inf.
      if (!check && !lowerFinite(F)) throw notFinite(fn, 'the lower triangle of A');
      if (info > 0) throw singular(fn, info);
      return solveOnCopy(fn, B, A.rows, check, (X) => (X.cols >= SYTRS2_RHS ? lapack.sytrs2 : lapack.sytrs)(F._v(), ipiv, X));
    });
  });
}

/**
 * The explicit factors from LAPACK's storage (D and the multipliers in the lower triangle of F, the
 * pivots in ipiv), as scipy.linalg.ldl builds them: L = P₀·L₀·P₁·L₁···, each interchange applied to
 * the columns from its block on, last block first, and perm the row order that makes L triangular.
 */
function explicit(F: Matrix, ipiv: Int32Array, L: Matrix, D: Matrix): Int32Array {
  const n = F.rows;
  const f = F._store();
  const fa = f.array();
  const at = (i: number, j: number): number => fa[f.offset + i + j * F._ld]!;
  const l = L._store();
  const la = l.array();
  const d = D._store();
  const da = d.array();
  la.fill(0, l.offset, l.offset + L._extent());
  da.fill(0, d.offset, d.offset + D._extent());
  const setL = (i: number, j: number, v: number): void => {
    la[l.offset + i + j * L._ld] = v;
  };
  const setD = (i: number, j: number, v: number): void => {
    da[d.offset + i + j * D._ld] = v;
  };
  // Blocks, first to last: [first column, the row interchanged, its partner].
  const blocks: [number, number, number][] = [];
  for (let k = 0; k < n; k++) {
    const p = ipiv[k]!;
    const two = p < 0;
    const c1 = two ? k + 1 : k;
    for (let c = k; c <= c1; c++) {
      setL(c, c, 1);
      for (let i = c1 + 1; i < n; i++) setL(i, c, at(i, c));
      for (let i = k; i <= c1; i++) setD(i, c, at(Math.max(i, c), Math.min(i, c)));
    }
    blocks.push([k, c1, two ? ~p : p]);
    k = c1;
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let b = blocks.length - 1; b >= 0; b--) {
    const [c0, r, q] = blocks[b]!;
    if (q === r) continue;
    for (let j = c0; j < n; j++) {
      const o = l.offset + j * L._ld;
      const t = la[o + r]!;
      la[o + r] = la[o + q]!;
      la[o + q] = t;
    }
    const t = order[r]!;
    order[r] = order[q]!;
    order[q] = t;
  }
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[order[i]!] = i; // argsort of a permutation
  return perm;
}

/** J·M·J (rows and columns in reverse order), J the reversal: the upper triangle of M becomes the lower. */
function reversed(M: Matrix): Matrix {
  const n = M.rows;
  const R = Matrix._alloc(n, n);
  const s = M._store();
  const a = s.array();
  const r = R._store();
  const ra = r.array();
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) ra[r.offset + i + j * R._ld] = a[s.offset + (n - 1 - i) + (n - 1 - j) * M._ld]!;
  return R;
}

/**
 * The LDLᵀ factorisation of a symmetric (possibly indefinite) matrix by Bunch–Kaufman pivoting, as
 * scipy.linalg.ldl: `{ L, D, perm }` with A = L·D·Lᵀ, D block diagonal (1×1 and 2×2 blocks) and
 * L[perm] unit lower triangular. Reads the lower triangle (default, as scipy) or, with
 * `{ lower: false }`, the upper one (L[perm] then upper triangular). A singular A is not an error
 * here (D then has a zero 1×1 block). Dispose the result (or its fields) when done.
 *
 * With `lower: false` the factorisation is that of the reversed matrix J·A·J read from its lower
 * triangle, its pivot search breaking ties the other way round: the pivots of LAPACK's upper dsytrf.
 *
 * @example
 * ```ts
 * const { L, D, perm } = ldl([[0, 1], [1, 0]]); // a 2×2 pivot: D = [[0, 1], [1, 0]], L = I
 * ```
 */
export function ldl(A: MatrixLike, options?: LdlOptions | null): LDLResult {
  const o = optionsOf('ldl', options);
  return withMatrix('ldl', 'A', A, (A) => {
    requireSquare('ldl', A);
    if (checkFiniteOption(o)) requireFinite('ldl', A);
    const n = A.rows;
    const lower = o.lower !== false;
    return scoped((s) => {
      const src = lower ? A : s.track(reversed(A));
      const L = s.track(Matrix._alloc(n, n));
      const D = s.track(Matrix._alloc(n, n));
      // Reversed, equal pivot candidates are taken from the other end: LAPACK's upper choice.
      const perm = factorLower(src, (F, ipiv) => explicit(F, ipiv, L, D), !lower);
      if (lower) return disposableResult({ L: s.keep(L), D: s.keep(D), perm });
      // Back from J·A·J: U = J·L·J, D ← J·D·J, and the row order reversed on both sides.
      const U = s.track(reversed(L));
      const DU = s.track(reversed(D));
      const permU = new Int32Array(n);
      for (let i = 0; i < n; i++) permU[i] = n - 1 - perm[n - 1 - i]!;
      return disposableResult({ L: s.keep(U), D: s.keep(DU), perm: permU });
    });
  });
}
