/**
 * Principal component analysis through the SVD of the centred data (no covariance matrix is formed,
 * so no squaring of the condition number): the full thin SVD by default, or with
 * `method: 'randomized'` the randomized truncated SVD of bindings/derived/rsvd.ts (Halko, Martinsson &
 * Tropp 2011; what scikit-learn's PCA uses on large data).
 */
import * as lapack from '../core/lapack.js';
import { shapeStr } from '../core/errors.js';
import { scoped } from '../core/scope.js';
import { describe, optionsOf } from '../core/validate.js';
import { checkFiniteOption, requireFinite, type FiniteOption } from '../api/checks.js';
import { copyOf, fresh, withMatrix, type MatrixLike } from '../api/convert.js';
import { Matrix } from '../api/matrix.js';
import { rawSvd } from '../api/svd.js';
import { disposableResult, type DisposableResult } from '../core/tidy.js';
import { NormKind } from '../core/backend.js';
import { rawRandomizedSvd, sketchPlan, type RandomizedSvdOptions } from './rsvd.js';

/**
 * Options of {@link pca}.
 *
 * @example
 * ```ts
 * pca(X, { k: 2 }); // the first two components
 * ```
 */
export interface PcaOptions extends FiniteOption, Omit<RandomizedSvdOptions, keyof FiniteOption> {
  /** Number of components (default min(m, n); required, and ≥ 1, with `method: 'randomized'`). */
  k?: number;
  /** Subtract the column means first (default true). */
  center?: boolean;
  /**
   * `'full'` (default): the thin SVD of the centred X; `'randomized'`: the randomized truncated SVD
   * ({@link randomizedSvd}, with its `oversample`, `powerIterations` and `seed` options), for k ≪ min(m, n).
   */
  method?: 'full' | 'randomized';
}

/**
 * The result of {@link pca}: components, variances, scores and the mean subtracted.
 *
 * @example
 * ```ts
 * const { components, explainedVarianceRatio, scores } = pca(X, { k: 2 });
 * ```
 */
export interface PcaResult extends DisposableResult {
  /** Principal axes as rows (k×n), unit length, ordered by explained variance. */
  components: Matrix;
  /** Variance along each component: σᵢ²/(m − 1). */
  explainedVariance: Float64Array;
  /** Fraction of the total variance: σᵢ²/Σσⱼ² (the total is ‖X_c‖_F² = Σσⱼ², also with 'randomized'). */
  explainedVarianceRatio: Float64Array;
  /** Coordinates of the samples in the component basis (m×k) = U_k·Σ_k = X_c·V_k. */
  scores: Matrix;
  /** Column means that were subtracted (zeros when center is false). */
  mean: Float64Array;
  /** All singular values of the centred X (with 'randomized': the k computed ones). */
  singularValues: Float64Array;
}

/**
 * Principal component analysis of X (m samples × n features) through the SVD of the centred X (no
 * covariance matrix is formed, so its condition number is not squared). With `method: 'randomized'`
 * the k components come from {@link randomizedSvd} (seeded, reproducible). Sign convention, both
 * methods: each component (row of `components`) has its entry of largest magnitude positive (the
 * first on ties), as svd's rows of Vt; `scores` follow.
 *
 * @example
 * ```ts
 * const X = Matrix.randn(1000, 50, { seed: 1 });
 * const r = pca(X, { k: 3 });
 * console.log(r.explainedVarianceRatio); // 3 fractions, descending
 * r.dispose();                           // frees components and scores
 * ```
 */
export function pca(X: MatrixLike, opts?: PcaOptions | null): PcaResult {
  const options = optionsOf('pca', opts);
  return withMatrix('pca', 'X', X, (X) => {
    const m = X.rows;
    const n = X.cols;
    const kmax = Math.min(m, n);
    const method: unknown = options.method ?? 'full';
    if (method !== 'full' && method !== 'randomized') {
      throw new RangeError(`pca: method must be 'full' or 'randomized', got ${String(method)}`);
    }
    const randomized = method === 'randomized';
    if (randomized && options.k === undefined) throw new TypeError(`pca: method 'randomized' needs k (the number of components)`);
    const k: unknown = options.k ?? kmax;
    if (options.k !== undefined && typeof options.k !== 'number') {
      throw new TypeError(`pca: k must be a number, got ${describe(options.k)}`);
    }
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k > kmax) {
      throw new RangeError(`pca: k must be an integer in [0, ${kmax}] for a ${shapeStr(m, n)} X, got ${k}`);
    }
    const plan = randomized ? sketchPlan('pca', m, n, k, options) : null;
    if (checkFiniteOption(options)) requireFinite('pca', X, 'X');
    return scoped((sc) => {
      const Xc = sc.track(copyOf(X));
      const mean = new Float64Array(n);
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
      const { U, s, V } = sc.track(plan !== null ? rawRandomizedSvd('pca', Xc, plan) : rawSvd('pca', Xc, lapack.SvdJob.Thin, { checkFinite: false }));
      let total = 0;
      if (plan !== null) {
        const f = lapack.lange(NormKind.Fro, Xc._v()); // Σσⱼ² over all of X_c's singular values
        total = f * f;
      } else {
        for (let i = s.length - 1; i >= 0; i--) total += s[i]! * s[i]!;
      }
      const explainedVariance = new Float64Array(k);
      const explainedVarianceRatio = new Float64Array(k);
      for (let i = 0; i < k; i++) {
        explainedVariance[i] = (s[i]! * s[i]!) / Math.max(1, m - 1);
        explainedVarianceRatio[i] = total > 0 ? (s[i]! * s[i]!) / total : 0;
      }
      const components = sc.track(fresh(k, n, (C) => lapack.getrans(Matrix._view(V!, 0, 0, n, k)._v(), C._v())));
      const scores = sc.track(
        fresh(m, k, (C) => {
          const u = Matrix._view(U!, 0, 0, m, k);
          const cs = C._store();
          const ca = cs.array();
          const us = u._store();
          const uarr = us.array();
          for (let j = 0; j < k; j++) {
            for (let i = 0; i < m; i++) ca[cs.offset + i + j * C._ld] = uarr[us.offset + i + j * u._ld]! * s[j]!;
          }
        }),
      );
      return disposableResult({
        components: sc.keep(components),
        explainedVariance,
        explainedVarianceRatio,
        scores: sc.keep(scores),
        mean,
        singularValues: s,
      });
    });
  });
}
