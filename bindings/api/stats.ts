/**
 * Statistics of a data matrix: centring, covariance and correlation (numpy's `cov` and `corrcoef`).
 *
 * numpy's convention, kept here: `cov` and `corrcoef` take **each row as a variable** by default
 * (`rowvar: true`); for the usual machine-learning layout — samples in rows, features in columns —
 * pass `{ rowvar: false }`. `center` works along columns by default (subtracting column means), the
 * machine-learning layout.
 *
 * The covariance is formed from the centred data by SYRK (`gram`): a kernel, bit-identical on the two
 * backends; the means come from the two-pass, scaled reductions of bindings/api/reduce.ts.
 */
import * as lapack from '../core/lapack.js';
import { shapeStr } from '../core/errors.js';
import { scoped } from '../core/scope.js';
import { describe, optionsOf } from '../core/validate.js';
import { fresh, withMatrix, type MatrixLike } from './convert.js';
import type { Matrix } from './matrix.js';
import { axisOf, binade, ddofOf, maxAbsLine, meanLine, reduceLines, type Axis } from './reduce.js';

/**
 * Options of {@link center}.
 *
 * @example
 * ```ts
 * center([[1, 2], [3, 6]], { axis: 1 }).toArray(); // [[-0.5, 0.5], [-1.5, 1.5]]
 * ```
 */
export interface CenterOptions {
  /** 0 (default): subtract each column's mean; 1: subtract each row's mean. */
  axis?: Axis | null;
}

/**
 * Options of {@link cov}.
 *
 * @example
 * ```ts
 * const C = cov(X, { rowvar: false }); // X m samples × n features: C n×n
 * ```
 */
export interface CovOptions {
  /**
   * true (default, numpy's): each **row** is a variable and each column an observation; false: each
   * column is a variable (samples in rows, the machine-learning layout).
   */
  rowvar?: boolean;
  /** Delta degrees of freedom: the divisor is N − ddof (default 1, numpy's `cov`: the sample covariance). */
  ddof?: number;
}

/**
 * Options of {@link corrcoef}.
 *
 * @example
 * ```ts
 * const R = corrcoef(X, { rowvar: false }); // X m samples × n features: R n×n
 * ```
 */
export interface CorrcoefOptions {
  /** As in {@link cov}: true (default, numpy's) when each row is a variable; false when each column is. */
  rowvar?: boolean;
}

/**
 * X with the mean of each column subtracted (default, `axis: 0`) or of each row (`axis: 1`). An empty
 * X is returned as an empty copy (nothing to centre).
 * @example
 * center([[1, 10], [3, 30]]).toArray(); // [[-1, -10], [1, 10]]
 * center([[1, 3], [10, 30]], { axis: 1 }).toArray(); // [[-1, 1], [-10, 10]]
 */
export function center(X: MatrixLike, options?: CenterOptions | null): Matrix {
  const axis = axisOf('center', options) ?? 0;
  return withMatrix('center', 'X', X, (X) => centered(X, axis, 'center'));
}

/** X minus its column (axis 0) or row (axis 1) means, as a new matrix. */
function centered(X: Matrix, axis: 0 | 1, fn: string): Matrix {
  const m = X.rows;
  const n = X.cols;
  const mu = m === 0 || n === 0 ? new Float64Array(0) : (reduceLines(fn, X, axis, 'mean', meanLine) as Float64Array);
  return fresh(m, n, (C) => {
    if (m === 0 || n === 0) return;
    const sx = X._store();
    const sc = C._store();
    const x = sx.array();
    const c = sc.array();
    for (let j = 0; j < n; j++) {
      const ox = sx.offset + j * X._ld;
      const oc = sc.offset + j * C._ld;
      for (let i = 0; i < m; i++) c[oc + i] = x[ox + i]! - mu[axis === 0 ? j : i]!;
    }
  });
}

function rowvarOf(fn: string, o: { rowvar?: unknown }): boolean {
  const r = o.rowvar;
  if (r === undefined) return true;
  if (typeof r !== 'boolean') throw new TypeError(`${fn}: rowvar must be a boolean, got ${describe(r)}`);
  return r;
}

/**
 * The covariance of the variables of `X` from the centred data Xc, (variables × variables), divided by
 * N − ddof; each variable scaled by a power of two first when `scaled` (exact, for corrcoef: no
 * overflow). `rowvar`: variables are rows.
 */
function covariance(fn: string, X: Matrix, rowvar: boolean, ddof: number, scaled: boolean): Matrix {
  const p = rowvar ? X.rows : X.cols; // variables
  const N = rowvar ? X.cols : X.rows; // observations
  if (p > 0 && N - ddof <= 0) {
    throw new RangeError(
      `${fn}: X is ${shapeStr(X.rows, X.cols)} with rowvar = ${rowvar}: ${N} observation${N === 1 ? '' : 's'} of each variable, ` +
        `ddof = ${ddof} leaves no degrees of freedom (need more than ddof observations)`,
    );
  }
  if (p === 0) return fresh(0, 0, () => undefined);
  return scoped((s) => {
    const Xc = s.track(centered(X, rowvar ? 1 : 0, fn));
    if (scaled) {
      // Correlation does not change when a variable is multiplied by a positive number: 2^−e is exact.
      const sc = Xc._store();
      const a = sc.array();
      reduceLines(fn, Xc, rowvar ? 1 : 0, null, (arr, L) => {
        const amax = maxAbsLine(arr, L);
        if (Number.isFinite(amax) && amax > 0) {
          const f = 2 ** -binade(amax);
          for (let k = 0; k < L.n; k++) a[L.base + k * L.is]! *= f;
        }
        return 0;
      });
    }
    const C = fresh(p, p, (C) => lapack.syrk(Xc._v(), C._v(), { trans: !rowvar }));
    try {
      lapack.scal(1 / (N - ddof), C._v());
    } catch (e) {
      C.dispose();
      throw e;
    }
    return C;
  });
}

/**
 * The covariance matrix of the variables in X, numpy's `cov`: **by default each row of X is a
 * variable and each column an observation** (`rowvar: true`, numpy's default); with samples in rows
 * and features in columns — the usual machine-learning layout — pass `{ rowvar: false }`. The divisor
 * is N − ddof with ddof = 1 by default (the unbiased sample covariance, numpy's default). Returns a
 * symmetric p×p matrix for p variables (1×1 for one). N ≤ ddof observations is a RangeError (numpy:
 * NaN/Inf with a warning); no variables give a 0×0 matrix.
 * @example
 * // rows are variables (numpy's default): two variables, three observations
 * cov([[1, 2, 3], [2, 4, 6]]).toArray(); // [[1, 2], [2, 4]]
 * // columns are variables (samples in rows)
 * cov([[1, 2], [2, 4], [3, 6]], { rowvar: false }).toArray(); // [[1, 2], [2, 4]]
 */
export function cov(X: MatrixLike, options?: CovOptions | null): Matrix {
  const o = optionsOf('cov', options);
  const rowvar = rowvarOf('cov', o);
  const ddof = ddofOf('cov', o, 1);
  return withMatrix('cov', 'X', X, (X) => covariance('cov', X, rowvar, ddof, false));
}

/**
 * Pearson correlation coefficients of the variables in X, numpy's `corrcoef`: R = C / (σᵢσⱼ) from the
 * covariance C, clipped to [−1, 1]. **Each row is a variable by default** (`rowvar: true`, numpy's);
 * pass `{ rowvar: false }` for samples in rows. A variable with zero variance gives NaN in its row
 * and column (numpy's answer, 0/0); fewer than 2 observations is a RangeError. Each variable is scaled
 * by a power of two first (exact), so data near 1e200 does not overflow.
 * @example
 * corrcoef([[1, 2, 3], [3, 2, 1]]).toArray(); // [[1, -1], [-1, 1]]
 * corrcoef([[1, 2], [2, 4], [3, 7]], { rowvar: false }).get(0, 1); // 0.9933992677987828
 */
export function corrcoef(X: MatrixLike, options?: CorrcoefOptions | null): Matrix {
  const o = optionsOf('corrcoef', options);
  const rowvar = rowvarOf('corrcoef', o);
  return withMatrix('corrcoef', 'X', X, (X) => {
    const C = covariance('corrcoef', X, rowvar, 1, true);
    const p = C.rows;
    if (p === 0) return C;
    const s = C._store();
    const a = s.array();
    const d = new Float64Array(p);
    for (let i = 0; i < p; i++) d[i] = Math.sqrt(a[s.offset + i + i * C._ld]!);
    for (let j = 0; j < p; j++) {
      for (let i = 0; i < p; i++) {
        const k = s.offset + i + j * C._ld;
        const r = a[k]! / d[i]! / d[j]!;
        a[k] = r > 1 ? 1 : r < -1 ? -1 : r; // numpy clips too (NaN stays NaN)
      }
    }
    return C;
  });
}
