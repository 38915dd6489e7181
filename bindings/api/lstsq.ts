/**
 * Least squares: min ‖A·x − b‖₂ (and its weighted and generalised forms). (The projector onto the
 * column space, built on the same pivoted QR, is bindings/derived/projection.ts.)
 *
 * Method: QR with column pivoting, A·P = Q·R (geqp3), which reveals the numerical rank r: the number of
 * |R[i,i]| > rcond·|R[0,0]| (default rcond = eps·max(m, n), numpy's default). Then
 *   - full column rank (r = n ≤ m):  x = P·R⁻¹·(Qᵀb)[0:n]          — the QR solution; no normal
 *     equations, so the error grows with κ(A), not κ(A)² (Golub & Van Loan 4th ed. §5.3.3);
 *   - otherwise (r < n: rank-deficient or wide): the complete orthogonal decomposition
 *     [R11 R12] = [Tᵀ 0]·Zᵀ, from a QR of [R11 R12]ᵀ, gives the MINIMUM-NORM solution
 *     x = P·Z·[T⁻ᵀ·(Qᵀb)[0:r]; 0] (Golub & Van Loan §5.5.2; LAPACK dgelsy uses the same idea with an RZ
 *     factorisation).
 * The singular values `s` of A (numpy's lstsq reports them) come from the triangular factor: A·P = Q·R
 * with Q orthogonal, so σ(A) = σ(R), and R is only min(m, n)×n — a values-only SVD of R (bidiagonal
 * reduction, ≈ 8/3·n³ flops for n ≤ m) instead of one of A (≈ 4mn²). For a tall A that is small beside
 * the QR (2mn²); for a square one it roughly doubles the cost of the call. The rank stays numpy's
 * rcond rule on the pivoted R's diagonal, as before.
 *
 * Weighted least squares: minimise Σ wᵢ·(aᵢᵀx − bᵢ)² — rows scaled by √wᵢ (wᵢ ≥ 0).
 * Generalised least squares with a covariance V (m×m SPD): x̂ = (AᵀV⁻¹A)⁻¹AᵀV⁻¹b, computed stably by
 * whitening — V = L·Lᵀ (Cholesky), then ordinary least squares on L⁻¹A, L⁻¹b — never by forming an
 * inverse (Golub & Van Loan §6.1.2; Paige 1979).
 */
import * as lapack from '../core/lapack.js';
import { LinAlgError, shapeStr } from '../core/errors.js';
import { EPS } from '../core/machine.js';
import { scoped } from '../core/scope.js';
import { optionsOf, tolerance, toVector, type VectorLike } from '../core/validate.js';
import { cholesky } from './cholesky.js';
import { allFinite, checkFiniteOption, isFinite, notFinite, requireFinite, rhsCopy, type FiniteOption, type Rhs } from './checks.js';
import { copyOf, withMatrix, zeros, type MatrixLike } from './convert.js';
import { Matrix } from './matrix.js';
import { formQ, packedQR, upperOf } from './qr.js';
import { rawSvd } from './svd.js';
import { disposableResult, type DisposableResult } from '../core/tidy.js';

/**
 * Options of {@link lstsq}: the rank threshold, and weighted or generalised least squares.
 *
 * @example
 * ```ts
 * lstsq(A, b, { weights: [1, 1, 4] });   // the third equation counts 4 times as much
 * lstsq(A, b, { covariance: V });        // generalised least squares, V SPD
 * ```
 */
export interface LstsqOptions extends FiniteOption {
  /** Relative threshold for the rank: |R[i,i]| ≤ rcond·|R[0,0]| counts as zero. Default eps·max(m, n). */
  rcond?: number;
  /** Non-negative weight of each equation (row): minimise Σ wᵢ·rᵢ². */
  weights?: VectorLike;
  /** Covariance V (m×m, symmetric positive definite; lower triangle read) of the errors: generalised LS. */
  covariance?: MatrixLike;
}

/**
 * The result of {@link lstsq}: the solution (a vector or a matrix, as b), the residuals, the rank and
 * the singular values (numpy's four).
 *
 * @example
 * ```ts
 * const { x, residuals, rank, s } = lstsq(A, b);
 * ```
 */
export interface LstsqResult<X> extends DisposableResult {
  /** The (minimum-norm) solution: a vector for a vector b, an n×k matrix for a matrix B. */
  x: X;
  /**
   * Squared residual norm ‖b − A·x‖² of each column (of the weighted/whitened problem), when A has
   * full column rank and m > n; otherwise empty (as numpy).
   */
  residuals: Float64Array;
  /** Numerical rank of A (of the weighted/whitened A). */
  rank: number;
  /**
   * Singular values of A (of the weighted/whitened A), descending, min(m, n) of them — numpy's `s`,
   * computed from the triangular factor of the QR (σ(A) = σ(R)). NaN when A holds NaN/Inf and
   * checkFinite is off.
   */
  s: Float64Array;
}

/**
 * The least-squares solution x of min ‖A·x − b‖₂ for a vector b (numpy.linalg.lstsq), through QR with
 * column pivoting: the QR solution when A has full column rank, the minimum-norm one when it is
 * rank-deficient or wide (rank: |Rᵢᵢ| > rcond·|R₀₀|, default rcond = eps·max(m, n)). Never through
 * the normal equations.
 *
 * @example
 * ```ts
 * // the line y = c₀ + c₁·t through (0, 1), (1, 3), (2, 5)
 * const { x } = lstsq([[1, 0], [1, 1], [1, 2]], [1, 3, 5]); // ≈ Float64Array [1, 2]
 * ```
 */
export function lstsq(A: MatrixLike, b: VectorLike, options?: LstsqOptions | null): LstsqResult<Float64Array>;
/**
 * The least-squares solution X of min ‖A·X − B‖ for a matrix B, column by column (one right-hand side
 * per column of B); `x` is then an n×k Matrix.
 *
 * @example
 * ```ts
 * const r = lstsq(A, B); // A m×n, B m×k: r.x n×k
 * r.dispose();
 * ```
 */
export function lstsq(A: MatrixLike, B: MatrixLike, options?: LstsqOptions | null): LstsqResult<Matrix>;
export function lstsq(
  A: MatrixLike,
  B: MatrixLike | VectorLike,
  opts?: LstsqOptions | null,
): LstsqResult<Matrix | Float64Array> {
  const options = optionsOf('lstsq', opts);
  const rc = tolerance('lstsq', 'rcond', options.rcond);
  return withMatrix('lstsq', 'A', A, (A) => {
    const m = A.rows;
    const n = A.cols;
    const check = checkFiniteOption(options);
    if (options.weights !== undefined && options.covariance !== undefined) {
      throw new RangeError('lstsq: give either weights or covariance, not both');
    }
    const rcond = rc ?? EPS * Math.max(m, n);
    let w: Float64Array | null = null;
    if (options.weights !== undefined) {
      w = toVector('lstsq', 'weights', options.weights);
      if (w.length !== m) throw new RangeError(`lstsq: ${w.length} weights for ${m} equations (A is ${shapeStr(m, n)})`);
      for (let i = 0; i < m; i++) {
        if (!(w[i]! >= 0) || !Number.isFinite(w[i]!)) {
          throw new RangeError(`lstsq: weights must be finite and ≥ 0, weights[${i}] = ${w[i]}`);
        }
      }
    }
    if (check) requireFinite('lstsq', A);
    return scoped((s) => {
      const rhs = rhsCopy('lstsq', B, m, check);
      s.track(rhs.X);
      const Aw = s.track(copyOf(A));
      if (w !== null) scaleRows(Aw, rhs.X, w);
      if (options.covariance !== undefined) whiten(Aw, rhs.X, options.covariance, m, check);
      const r = solveQR(Aw, rhs, rcond);
      if (r.x instanceof Matrix) s.track(r.x);
      // Unchecked: the rank cut-off (or a zero τ) can drop a NaN/Inf of A or b; a finite answer is only
      // returned when the (weighted/whitened) A and Qᵀb are finite too.
      if (!check && allFinite(r.x) && allFinite(r.residuals) && !(isFinite(Aw) && isFinite(rhs.X))) {
        throw notFinite('lstsq', 'A or b');
      }
      if (r.x instanceof Matrix) s.keep(r.x);
      return r;
    });
  });
}

function scaleRows(A: Matrix, X: Matrix, w: Float64Array): void {
  for (const M of [A, X]) {
    const s = M._store();
    const a = s.array();
    for (let j = 0; j < M.cols; j++) {
      const o = s.offset + j * M._ld;
      for (let i = 0; i < M.rows; i++) a[o + i] = a[o + i]! * Math.sqrt(w[i]!);
    }
  }
}

function whiten(A: Matrix, X: Matrix, V: MatrixLike, m: number, check: boolean): void {
  withMatrix('lstsq', 'covariance', V, (V) => {
    if (V.rows !== m || V.cols !== m) {
      throw new RangeError(`lstsq: covariance must be ${shapeStr(m, m)} for ${m} equations, got ${shapeStr(V.rows, V.cols)}`);
    }
    let L: Matrix;
    try {
      L = cholesky(V, { checkFinite: check });
    } catch (e) {
      if (e instanceof LinAlgError && e.code === 'not-positive-definite') {
        throw new LinAlgError('not-positive-definite', `lstsq: the covariance is not positive definite (leading minor ${e.info})`, e.info);
      }
      if (e instanceof LinAlgError && e.code === 'not-finite') throw notFinite('lstsq', 'the covariance');
      throw e;
    }
    try {
      // Unchecked, an Inf on V's diagonal gives L an Inf, and L⁻¹ then turns that equation into zeros.
      if (!check && !isFinite(L)) throw notFinite('lstsq', 'the covariance');
      lapack.trsm(L._v(), A._v(), { lower: true }); // L⁻¹·A
      lapack.trsm(L._v(), X._v(), { lower: true }); // L⁻¹·b
    } finally {
      L.dispose();
    }
  });
}

/**
 * Numerical rank from the diagonal of a pivoted R (non-increasing in magnitude): the number of
 * |R[i,i]| > rcond·|R[0,0]|. A non-finite R[0,0] (Inf or NaN in A with checkFinite off) counts as full
 * rank, so the Inf/NaN reaches the solution instead of being dropped as "rank 0".
 */
export function numericalRank(F: Matrix, k: number, rcond: number): number {
  if (k === 0) return 0;
  const f = F._store();
  const fa = f.array();
  const r00 = Math.abs(fa[f.offset]!);
  if (!Number.isFinite(r00)) return k;
  let rank = 0;
  while (rank < k && Math.abs(fa[f.offset + rank + rank * F._ld]!) > rcond * r00) rank++;
  return rank;
}

/** σ(A) = σ(R) for A·P = Q·R: the singular values of F's k×n upper trapezoid (NaN if R is not finite). */
function singularValuesOfR(F: Matrix, k: number): Float64Array {
  return scoped((s) => {
    const R = s.track(upperOf(Matrix._view(F, 0, 0, k, F.cols), k));
    if (!isFinite(R)) return new Float64Array(k).fill(NaN);
    return rawSvd('lstsq', R, lapack.SvdJob.Values, { checkFinite: false }).s;
  });
}

function solveQR(A: Matrix, rhs: Rhs, rcond: number): LstsqResult<Matrix | Float64Array> {
  const m = A.rows;
  const n = A.cols;
  const k = Math.min(m, n);
  const nrhs = rhs.X.cols;
  return scoped((s) => {
    const p = s.track(packedQR(A, true));
    const perm = p.perm!;
    const X = s.track(Matrix._alloc(n, nrhs));
    const rank = numericalRank(p.F, k, rcond);
    const sv = singularValuesOfR(p.F, k);
    // Qᵀ·b (m×nrhs, in place).
    lapack.ormqr(p.F._v(), k, p.tau._v(), rhs.X._v(), { trans: true });
    let residuals = new Float64Array(0);
    if (rank === n && m > n) {
      residuals = new Float64Array(nrhs);
      for (let c = 0; c < nrhs; c++) {
        const tail = rhs.X.column(c).subarray(n);
        const t = lapack.nrm2(tail);
        residuals[c] = t * t;
      }
    }
    // x̃ (n×nrhs), unpermuted; rows ≥ rank start at 0.
    const Xt = s.track(zeros(n, nrhs));
    const xs = Xt._store();
    const bs = rhs.X._store();
    for (let c = 0; c < nrhs; c++) {
      const src = bs.offset + c * rhs.X._ld;
      xs.array().set(bs.array().subarray(src, src + rank), xs.offset + c * Xt._ld);
    }
    if (rank === n) {
      if (n > 0) lapack.trsm(Matrix._view(p.F, 0, 0, n, n)._v(), Xt._v()); // R⁻¹
    } else if (rank > 0) {
      // [R11 R12] (rank×n) = [Tᵀ 0]·Zᵀ from the QR of its transpose (n×rank).
      const R1 = s.track(upperOf(Matrix._view(p.F, 0, 0, rank, n), rank));
      const R1t = s.track(R1.transpose());
      const z = s.track(packedQR(R1t, false));
      lapack.trsm(Matrix._view(z.F, 0, 0, rank, rank)._v(), Matrix._view(Xt, 0, 0, rank, nrhs)._v(), { trans: true }); // T⁻ᵀ
      lapack.ormqr(z.F._v(), rank, z.tau._v(), Xt._v(), { trans: false }); // Z·[y; 0]
    }
    // x = P·x̃: row j of x̃ is row perm[j] of x.
    const xa = X._store();
    const ta = Xt._store();
    for (let c = 0; c < nrhs; c++) {
      for (let j = 0; j < n; j++) {
        xa.array()[xa.offset + perm[j]! + c * X._ld] = ta.array()[ta.offset + j + c * Xt._ld]!;
      }
    }
    const x = rhs.vector ? X.column(0) : s.keep(X);
    return disposableResult({ x, residuals, rank, s: sv });
  });
}
