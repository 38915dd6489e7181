/**
 * The singular value decomposition A = U·Σ·Vᵀ and what is built on it: svd, svdvals, pinv,
 * matrixRank, cond, the spectral and nuclear norms, nullSpace, orth, subspaces (the four fundamental
 * subspaces), lowRank (Eckart–Young) and pca.
 *
 * Kernel: Golub–Kahan–Reinsch (LAPACK dgesvd's algorithm): scale into a safe range, QR first when
 * m ≫ n, blocked Householder bidiagonalisation (gebrd), implicit-shift QR sweeps on the bidiagonal
 * with zero-shift sweeps and Demmel–Kahan convergence tests (bdsqr), the sweeps' rotations applied to
 * U and V in cache-blocked SIMD batches. Backward stable: ‖A − UΣVᵀ‖ ≤ p(m, n)·eps·‖A‖, U and V
 * orthonormal to p·eps; each σᵢ within p·eps·‖A‖₂ of the exact one.
 *
 * Conventions: s descending, ≥ 0; U m×k, Vt k×n (k = min(m, n)) by default, U m×m and Vt n×n with
 * `fullMatrices`; each right singular vector (row of Vt) is signed so that its entry of largest
 * magnitude (the first on ties) is positive, and the matching column of U with it. Non-convergence
 * (an iteration cap of 6·n² inner steps) is LinAlgError 'no-convergence' — never a hang.
 */
import { backend, NormKind } from './backend.js';
import { checkFiniteOption, requireFinite, type FiniteOption } from './checks.js';
import { LinAlgError, shapeStr } from './errors.js';
import { Matrix } from './matrix.js';
import { clone, fresh, withMatrix, type MatrixLike } from './ops.js';
import { luFactor } from './lu.js';

const EPS = 2.220446049250313e-16;

export interface SvdOptions extends FiniteOption {
  /** U m×m and Vt n×n (default false: U m×k, Vt k×n, k = min(m, n)). */
  fullMatrices?: boolean;
  /** Compute U and Vt (default true); false returns only s. */
  computeUV?: boolean;
}

export interface SvdResult {
  /** Left singular vectors as columns (absent when computeUV is false). */
  U?: Matrix;
  /** Singular values, descending. */
  s: Float64Array;
  /** Right singular vectors as rows (absent when computeUV is false). */
  Vt?: Matrix;
}

/** @internal U, s and V (not Vᵀ) of A; U/V null for values only. */
export interface RawSvd {
  U: Matrix | null;
  s: Float64Array;
  V: Matrix | null;
}

/** @internal Runs the gesvd kernel on a copy of A (job 0 values, 1 thin, 2 full). */
export function rawSvd(fn: string, A: Matrix, job: 0 | 1 | 2, options: FiniteOption): RawSvd {
  if (checkFiniteOption(options)) requireFinite(fn, A);
  const m = A.rows;
  const n = A.cols;
  const k = Math.min(m, n);
  const s = new Float64Array(k);
  const W = clone(A);
  let U: Matrix | null = null;
  let V: Matrix | null = null;
  try {
    if (job !== 0) {
      U = Matrix._alloc(m, job === 2 ? m : k);
      V = Matrix._alloc(n, job === 2 ? n : k);
    }
    const info = backend().gesvd(job, W, s, U, V);
    if (info > 0) {
      throw info === k && !isFiniteMatrix(A)
        ? new LinAlgError('not-finite', `${fn}: A contains NaN or Inf`)
        : new LinAlgError('no-convergence', `${fn}: the bidiagonal QR iteration did not converge (${info} superdiagonal(s) left)`, info);
    }
    return { U, s, V };
  } catch (e) {
    U?.dispose();
    V?.dispose();
    throw e;
  } finally {
    W.dispose();
  }
}

function isFiniteMatrix(A: Matrix): boolean {
  return A.rows === 0 || A.cols === 0 || Number.isFinite(backend().lange(NormKind.MaxAbs, A));
}

/** The singular value decomposition (numpy.linalg.svd's shapes and defaults). */
export function svd(A: MatrixLike, options: SvdOptions = {}): SvdResult {
  return withMatrix('svd', 'A', A, (A) => {
    if (options.computeUV === false) return { s: rawSvd('svd', A, 0, options).s };
    const { U, s, V } = rawSvd('svd', A, options.fullMatrices === true ? 2 : 1, options);
    try {
      const Vt = fresh(V!.cols, V!.rows, (C) => backend().getrans(V!, C));
      return { U: U!, s, Vt };
    } catch (e) {
      U!.dispose();
      throw e;
    } finally {
      V!.dispose();
    }
  });
}

/** Singular values only, descending (faster: no vectors). */
export function svdvals(A: MatrixLike, options: FiniteOption = {}): Float64Array {
  return withMatrix('svdvals', 'A', A, (A) => rawSvd('svdvals', A, 0, options).s);
}

/** Default relative threshold for "zero" singular values: max(m, n)·eps (numpy's matrix_rank, pinv). */
function defaultRtol(A: Matrix): number {
  return Math.max(A.rows, A.cols) * EPS;
}

function rankOf(s: Float64Array, cutoff: number): number {
  let r = 0;
  while (r < s.length && s[r]! > cutoff) r++;
  return r;
}

/**
 * The Moore–Penrose pseudo-inverse A⁺ = V·Σ⁺·Uᵀ (n×m): singular values ≤ rtol·σ₀ are treated as zero
 * (default rtol = max(m, n)·eps).
 */
export function pinv(A: MatrixLike, options: { rtol?: number } & FiniteOption = {}): Matrix {
  return withMatrix('pinv', 'A', A, (A) => {
    const rtol = options.rtol ?? defaultRtol(A);
    if (!(rtol >= 0)) throw new RangeError(`pinv: rtol must be ≥ 0, got ${rtol}`);
    const { U, s, V } = rawSvd('pinv', A, 1, options);
    try {
      const r = rankOf(s, rtol * (s[0] ?? 0));
      // V[:, 0:r]·diag(1/σ)  then  ·U[:, 0:r]ᵀ
      const Vs = Matrix._view(V!, 0, 0, A.cols, r);
      const Us = Matrix._view(U!, 0, 0, A.rows, r);
      const vs = Vs._store();
      const va = vs.array();
      for (let j = 0; j < r; j++) {
        const inv = 1 / s[j]!;
        const o = vs.offset + j * Vs._ld;
        for (let i = 0; i < A.cols; i++) va[o + i] = va[o + i]! * inv;
      }
      return fresh(A.cols, A.rows, (C) => {
        if (r === 0) {
          const c = C._store();
          c.array().fill(0, c.offset, c.offset + C._extent());
        } else {
          backend().gemm(false, true, 1, Vs, Us, 0, C);
        }
      });
    } finally {
      U!.dispose();
      V!.dispose();
    }
  });
}

/** Numerical rank: the number of σᵢ > tol (default tol = σ₀·max(m, n)·eps, as numpy). */
export function matrixRank(A: MatrixLike, options: { tol?: number } & FiniteOption = {}): number {
  return withMatrix('matrixRank', 'A', A, (A) => {
    const s = rawSvd('matrixRank', A, 0, options).s;
    const tol = options.tol ?? (s[0] ?? 0) * defaultRtol(A);
    return rankOf(s, tol);
  });
}

/**
 * Condition number: p = 2 (default) σ_max/σ_min from the SVD (Infinity for a singular or
 * rank-deficient matrix; any shape); p = 1, Infinity, 'fro' ‖A‖·‖A⁻¹‖ for square A (Infinity when
 * A is exactly singular).
 */
export function cond(A: MatrixLike, p: 2 | 1 | typeof Infinity | 'fro' = 2, options: FiniteOption = {}): number {
  return withMatrix('cond', 'A', A, (A) => {
    if (p === 2) {
      const s = rawSvd('cond', A, 0, options).s;
      if (s.length === 0) throw new RangeError(`cond: A is ${shapeStr(A.rows, A.cols)} (empty)`);
      const smin = s[s.length - 1]!;
      return smin === 0 ? Infinity : s[0]! / smin;
    }
    if (p !== 1 && p !== Infinity && p !== 'fro') throw new RangeError(`cond: unsupported p=${String(p)} (use 2, 1, Infinity or 'fro')`);
    if (A.rows !== A.cols) throw new RangeError(`cond: p=${String(p)} needs a square matrix, got ${shapeStr(A.rows, A.cols)}`);
    const kind = p === 1 ? NormKind.One : p === Infinity ? NormKind.Inf : NormKind.Fro;
    using F = luFactor(A, options);
    if (F.singular) return Infinity;
    using Ai = F.inv();
    return backend().lange(kind, A) * backend().lange(kind, Ai);
  });
}

/** @internal ‖A‖₂ = σ₀ and ‖A‖_* = Σσᵢ (used by norm()); NaN/Inf in A give NaN/Inf. */
export function spectralNorm(A: Matrix, nuclear: boolean): number {
  // NaN and Inf propagate as in the other norms (IEEE), instead of failing in the SVD.
  const amax = A.rows === 0 || A.cols === 0 ? 0 : backend().lange(NormKind.MaxAbs, A);
  if (!Number.isFinite(amax)) return amax;
  const s = rawSvd('norm', A, 0, { checkFinite: false }).s;
  if (!nuclear) return s[0] ?? 0;
  let t = 0;
  for (let i = s.length - 1; i >= 0; i--) t += s[i]!; // smallest first
  return t;
}

/** Copies columns [c0, c1) of M into a new matrix. */
function columns(M: Matrix, c0: number, c1: number): Matrix {
  return clone(Matrix._view(M, 0, c0, M.rows, c1 - c0));
}

/** Orthonormal basis of the null space of A (n×(n − r)), from the full SVD. */
export function nullSpace(A: MatrixLike, options: { rtol?: number } & FiniteOption = {}): Matrix {
  return withMatrix('nullSpace', 'A', A, (A) => {
    const { U, s, V } = rawSvd('nullSpace', A, 2, options);
    try {
      const r = rankOf(s, (options.rtol ?? defaultRtol(A)) * (s[0] ?? 0));
      return columns(V!, r, A.cols);
    } finally {
      U!.dispose();
      V!.dispose();
    }
  });
}

/** Orthonormal basis of the column space (range) of A (m×r), from the SVD. */
export function orth(A: MatrixLike, options: { rtol?: number } & FiniteOption = {}): Matrix {
  return withMatrix('orth', 'A', A, (A) => {
    const { U, s, V } = rawSvd('orth', A, 1, options);
    try {
      const r = rankOf(s, (options.rtol ?? defaultRtol(A)) * (s[0] ?? 0));
      return columns(U!, 0, r);
    } finally {
      U!.dispose();
      V!.dispose();
    }
  });
}

export interface Subspaces {
  /** Numerical rank r. */
  rank: number;
  /** Column space C(A) ⊂ ℝᵐ: m×r orthonormal basis (first r left singular vectors). */
  columnSpace: Matrix;
  /** Null space N(A) ⊂ ℝⁿ: n×(n − r) (last n − r right singular vectors). */
  nullSpace: Matrix;
  /** Row space C(Aᵀ) ⊂ ℝⁿ: n×r (first r right singular vectors). */
  rowSpace: Matrix;
  /** Left null space N(Aᵀ) ⊂ ℝᵐ: m×(m − r) (last m − r left singular vectors). */
  leftNullSpace: Matrix;
}

/**
 * The four fundamental subspaces of A (Strang's table) as orthonormal bases, with the rank, from one
 * full SVD: C(A) ⊥ N(Aᵀ) in ℝᵐ, C(Aᵀ) ⊥ N(A) in ℝⁿ, dim C(A) = dim C(Aᵀ) = r.
 */
export function subspaces(A: MatrixLike, options: { rtol?: number } & FiniteOption = {}): Subspaces {
  return withMatrix('subspaces', 'A', A, (A) => {
    const { U, s, V } = rawSvd('subspaces', A, 2, options);
    const made: Matrix[] = [];
    try {
      const r = rankOf(s, (options.rtol ?? defaultRtol(A)) * (s[0] ?? 0));
      const take = (M: Matrix, c0: number, c1: number): Matrix => {
        const C = columns(M, c0, c1);
        made.push(C);
        return C;
      };
      return {
        rank: r,
        columnSpace: take(U!, 0, r),
        nullSpace: take(V!, r, A.cols),
        rowSpace: take(V!, 0, r),
        leftNullSpace: take(U!, r, A.rows),
      };
    } catch (e) {
      for (const M of made) M.dispose();
      throw e;
    } finally {
      U!.dispose();
      V!.dispose();
    }
  });
}

export interface LowRankResult {
  /** The best rank-k approximation A_k = U_k·Σ_k·V_kᵀ. */
  approx: Matrix;
  /** ‖A − A_k‖_F = sqrt(σ_k² + σ_{k+1}² + …) (Eckart–Young). */
  errorFro: number;
  /** ‖A − A_k‖₂ = σ_k (0 when k ≥ rank). */
  error2: number;
  /** All singular values of A. */
  s: Float64Array;
}

/** The Eckart–Young–Mirsky best rank-k approximation in both the 2- and Frobenius norms. */
export function lowRank(A: MatrixLike, k: number, options: FiniteOption = {}): LowRankResult {
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 0) throw new RangeError(`lowRank: k must be an integer ≥ 0, got ${k}`);
  return withMatrix('lowRank', 'A', A, (A) => {
    const { U, s, V } = rawSvd('lowRank', A, 1, options);
    try {
      const kk = Math.min(k, s.length);
      const Uk = Matrix._view(U!, 0, 0, A.rows, kk);
      const Vk = Matrix._view(V!, 0, 0, A.cols, kk);
      const u = Uk._store();
      const ua = u.array();
      for (let j = 0; j < kk; j++) {
        const o = u.offset + j * Uk._ld;
        for (let i = 0; i < A.rows; i++) ua[o + i] = ua[o + i]! * s[j]!;
      }
      const approx = fresh(A.rows, A.cols, (C) => {
        if (kk === 0) {
          const c = C._store();
          c.array().fill(0, c.offset, c.offset + C._extent());
        } else {
          backend().gemm(false, true, 1, Uk, Vk, 0, C);
        }
      });
      const tail = s.subarray(kk);
      return { approx, errorFro: backend().nrm2(tail.slice()), error2: tail[0] ?? 0, s };
    } finally {
      U!.dispose();
      V!.dispose();
    }
  });
}

export interface PcaOptions extends FiniteOption {
  /** Number of components (default min(m, n)). */
  k?: number;
  /** Subtract the column means first (default true). */
  center?: boolean;
}

export interface PcaResult {
  /** Principal axes as rows (k×n), unit length, ordered by explained variance. */
  components: Matrix;
  /** Variance along each component: σᵢ²/(m − 1). */
  explainedVariance: Float64Array;
  /** Fraction of the total variance: σᵢ²/Σσⱼ². */
  explainedVarianceRatio: Float64Array;
  /** Coordinates of the samples in the component basis (m×k) = U_k·Σ_k = X_c·V_k. */
  scores: Matrix;
  /** Column means that were subtracted (zeros when center is false). */
  mean: Float64Array;
  /** All singular values of the centred X. */
  singularValues: Float64Array;
}

/** Principal component analysis of X (m samples × n features) through the SVD of the centred X. */
export function pca(X: MatrixLike, options: PcaOptions = {}): PcaResult {
  return withMatrix('pca', 'X', X, (X) => {
    const m = X.rows;
    const n = X.cols;
    const kmax = Math.min(m, n);
    const k = options.k ?? kmax;
    if (!Number.isInteger(k) || k < 0 || k > kmax) {
      throw new RangeError(`pca: k must be an integer in [0, ${kmax}] for a ${shapeStr(m, n)} X, got ${k}`);
    }
    if (checkFiniteOption(options)) requireFinite('pca', X, 'X');
    const Xc = clone(X);
    const mean = new Float64Array(n);
    try {
      const c = Xc._store();
      const a = c.array();
      if (options.center !== false && m > 0) {
        for (let j = 0; j < n; j++) {
          const o = c.offset + j * Xc._ld;
          let t = 0;
          for (let i = 0; i < m; i++) t += a[o + i]!;
          mean[j] = t / m;
          for (let i = 0; i < m; i++) a[o + i] = a[o + i]! - mean[j]!;
        }
      }
      const { U, s, V } = rawSvd('pca', Xc, 1, { checkFinite: false });
      try {
        let total = 0;
        for (let i = s.length - 1; i >= 0; i--) total += s[i]! * s[i]!;
        const explainedVariance = new Float64Array(k);
        const explainedVarianceRatio = new Float64Array(k);
        for (let i = 0; i < k; i++) {
          explainedVariance[i] = (s[i]! * s[i]!) / Math.max(1, m - 1);
          explainedVarianceRatio[i] = total > 0 ? (s[i]! * s[i]!) / total : 0;
        }
        const components = fresh(k, n, (C) => backend().getrans(Matrix._view(V!, 0, 0, n, k), C));
        let scores: Matrix;
        try {
          scores = fresh(m, k, (C) => {
            const u = Matrix._view(U!, 0, 0, m, k);
            const cs = C._store();
            const ca = cs.array();
            const us = u._store();
            const uarr = us.array();
            for (let j = 0; j < k; j++) {
              for (let i = 0; i < m; i++) ca[cs.offset + i + j * C._ld] = uarr[us.offset + i + j * u._ld]! * s[j]!;
            }
          });
        } catch (e) {
          components.dispose();
          throw e;
        }
        return { components, explainedVariance, explainedVarianceRatio, scores, mean, singularValues: s };
      } finally {
        U!.dispose();
        V!.dispose();
      }
    } finally {
      Xc.dispose();
    }
  });
}
