/**
 * Randomized truncated SVD: the k leading singular triplets of A from a sketch of its range.
 *
 * References: N. Halko, P.-G. Martinsson, J. A. Tropp, "Finding structure with randomness:
 * probabilistic algorithms for constructing approximate matrix decompositions", SIAM Review 53(2),
 * 2011 — Algorithm 4.4 (randomized subspace iteration) and Algorithm 5.1 (direct SVD of the small
 * projected matrix); scikit-learn's `randomized_svd` for the defaults (oversampling 10, the
 * `n_iter='auto'` rule for the number of power iterations, right singular vectors signed as its
 * `svd_flip(u_based_decision=False)`).
 *
 * With ℓ = min(k + oversample, min(m, n)) and q power iterations:
 *   Ω  n×ℓ standard normal (the library's seeded xoshiro128** generator, bindings/core/random.ts,
 *      drawn column by column, so the same seed gives the same Ω on every engine and backend)
 *   Y = A·Ω, Q = qr(Y)                                 range finder
 *   q times: Z = qr(Aᵀ·Q), Q = qr(A·Z)                  subspace iteration; the QR between the two
 *                                                      products keeps the columns from collapsing
 *                                                      onto the leading singular vector (§4.5)
 *   Bᵀ = Aᵀ·Q (n×ℓ) = W·Σ·Xᵀ (thin SVD of a tall n×ℓ)   so B = Qᵀ·A = X·Σ·Wᵀ
 *   U = Q·X[:, :k], s = σ[:k], V = W[:, :k]
 * Every step is an existing kernel (GEMM, Householder QR + orgqr, the thin SVD), so the two backends
 * agree bit for bit. Cost ≈ (2q + 2)·2mnℓ flops for the products plus O((m + n)·ℓ²) for the QRs and
 * the small SVD, against O(mn·min(m, n)) for the full SVD.
 *
 * Accuracy (σ₁ ≥ σ₂ ≥ … 1-based here; Halko et al. §9–10): truncating B to rank k gives
 * ‖A − U·diag(s)·Vt‖₂ ≤ ‖A − Q·Qᵀ·A‖₂ + σ_{k+1}(B) ≤ ‖A − Q·Qᵀ·A‖₂ + σ_{k+1}, and by Cor. 10.10 (with
 * target rank ℓ − 2 and oversampling 2) the projection error is in expectation at most
 * [1 + O(√(ℓ·min(m, n)))]^(1/(2q+1))·σ_{ℓ−1}, a factor the power iterations push towards 1. With a
 * decaying spectrum σ_{ℓ−1} ≪ σ_{k+1}, so the error is the optimal σ_{k+1} up to a few per cent. The s
 * are the singular values of Qᵀ·A, each ≤ the true one (interlacing).
 *
 * Sign convention (as {@link svd}): each row of Vt has its entry of largest magnitude (the first on
 * ties) positive, and the matching column of U is flipped with it.
 */
import * as lapack from '../core/lapack.js';
import { shapeStr } from '../core/errors.js';
import { Rng } from '../core/random.js';
import { scoped } from '../core/scope.js';
import { describe, optionsOf } from '../core/validate.js';
import { checkFiniteOption, requireFinite, type FiniteOption } from '../api/checks.js';
import { copyOf, fresh, withMatrix, type MatrixLike } from '../api/convert.js';
import { Matrix } from '../api/matrix.js';
import { RawSvd, rawSvd } from '../api/svd.js';
import { disposableResult, type DisposableResult } from '../core/tidy.js';

/**
 * Options of {@link randomizedSvd} (and of `pca(X, { method: 'randomized' })`).
 *
 * @example
 * ```ts
 * randomizedSvd(A, 10, { oversample: 20, powerIterations: 2, seed: 7 });
 * ```
 */
export interface RandomizedSvdOptions extends FiniteOption {
  /** Extra sample columns beyond k (default 10, as scikit-learn's `n_oversamples`). */
  oversample?: number;
  /**
   * Power (subspace) iterations (default as scikit-learn's `n_iter='auto'`: 7 when k < 0.1·min(m, n),
   * else 4).
   */
  powerIterations?: number;
  /** Seed of the Gaussian test matrix (an integer; default 0, so results are reproducible). */
  seed?: number;
}

/**
 * The result of {@link randomizedSvd}: A ≈ U·diag(s)·Vt, rank k.
 *
 * @example
 * ```ts
 * const { U, s, Vt } = randomizedSvd(A, 5);
 * ```
 */
export interface RandomizedSvdResult extends DisposableResult {
  /** Approximate leading left singular vectors as columns (m×k, orthonormal). */
  U: Matrix;
  /** Approximate leading singular values, descending (k values). */
  s: Float64Array;
  /** Approximate leading right singular vectors as rows (k×n, orthonormal). */
  Vt: Matrix;
}

/** @internal Validated options: ℓ (sketch width), q (power iterations), the seed. */
export interface SketchPlan {
  k: number;
  l: number;
  q: number;
  seed: number;
}

function nonNegativeInt(fn: string, name: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must be a number, got ${describe(v)}`);
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${fn}: ${name} must be an integer ≥ 0, got ${v}`);
  return v;
}

/** @internal Checks k and the options against an m×n A (before any work) and fixes ℓ, q and the seed. */
export function sketchPlan(fn: string, m: number, n: number, k: unknown, o: RandomizedSvdOptions): SketchPlan {
  const kmax = Math.min(m, n);
  if (typeof k !== 'number') throw new TypeError(`${fn}: k must be a number, got ${describe(k)}`);
  if (!Number.isInteger(k) || k < 1 || k > kmax) {
    throw new RangeError(`${fn}: k must be an integer in [1, ${kmax}] for a ${shapeStr(m, n)} matrix, got ${k}`);
  }
  const p = nonNegativeInt(fn, 'oversample', o.oversample) ?? 10;
  const q = nonNegativeInt(fn, 'powerIterations', o.powerIterations) ?? (k < 0.1 * kmax ? 7 : 4);
  const seed: unknown = o.seed ?? 0;
  if (typeof seed !== 'number') throw new TypeError(`${fn}: seed must be a number, got ${describe(seed)}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`${fn}: seed must be an integer, got ${seed}`);
  return { k, l: Math.min(k + p, kmax), q, seed };
}

/** Y ← the Q of Y's Householder QR (Y m×ℓ, m ≥ ℓ), in place; tau is ℓ×1 workspace. */
function orthonormalize(Y: Matrix, tau: Matrix): void {
  lapack.geqrf(Y._v(), tau._v());
  lapack.orgqr(Y._v(), Y.cols, tau._v());
}

/** The n×ℓ Gaussian test matrix of a seed, drawn column by column. */
function gaussian(n: number, l: number, seed: number): Matrix {
  const rng = new Rng(seed);
  return fresh(n, l, (G) => {
    const s = G._store();
    const a = s.array();
    for (let j = 0; j < l; j++) {
      const o = s.offset + j * G._ld;
      for (let i = 0; i < n; i++) a[o + i] = rng.normal();
    }
  });
}

/**
 * Flips column j of U and V where V's entry of largest magnitude (the first on ties) is negative,
 * the convention of svd (bindings/api/svd.ts) on the rows of Vt = Vᵀ.
 */
function signByV(U: Matrix, V: Matrix): void {
  const us = U._store();
  const ua = us.array();
  const vs = V._store();
  const va = vs.array();
  for (let j = 0; j < V.cols; j++) {
    const vo = vs.offset + j * V._ld;
    let best = 0;
    let at = 0;
    for (let i = 0; i < V.rows; i++) {
      const x = Math.abs(va[vo + i]!);
      if (x > best) {
        best = x;
        at = i;
      }
    }
    if (va[vo + at]! >= 0) continue;
    for (let i = 0; i < V.rows; i++) va[vo + i] = -va[vo + i]!;
    const uo = us.offset + j * U._ld;
    for (let i = 0; i < U.rows; i++) ua[uo + i] = -ua[uo + i]!;
  }
}

/**
 * @internal The randomized SVD of a checked A (plan from {@link sketchPlan}, finiteness checked by
 * the caller): U m×k, s (k), V n×k (not Vᵀ).
 */
export function rawRandomizedSvd(fn: string, A: Matrix, plan: SketchPlan): RawSvd {
  const { k, l, q, seed } = plan;
  const m = A.rows;
  const n = A.cols;
  return scoped((sc) => {
    const Om = sc.track(gaussian(n, l, seed));
    const Y = sc.track(Matrix._allocPadded(m, l));
    const Z = sc.track(Matrix._allocPadded(n, l));
    const tau = sc.track(Matrix._alloc(l, 1));
    const a = A._v();
    lapack.gemm(a, Om._v(), Y._v()); //                      Y = A·Ω
    orthonormalize(Y, tau);
    for (let i = 0; i < q; i++) {
      lapack.gemm(a, Y._v(), Z._v(), { transA: true }); //   Z = Aᵀ·Q
      orthonormalize(Z, tau);
      lapack.gemm(a, Z._v(), Y._v()); //                     Y = A·Z
      orthonormalize(Y, tau);
    }
    lapack.gemm(a, Y._v(), Z._v(), { transA: true }); //     Bᵀ = Aᵀ·Q
    const r = sc.track(rawSvd(fn, Z, lapack.SvdJob.Thin, { checkFinite: false })); // Bᵀ = W·Σ·Xᵀ
    const U = sc.track(fresh(m, k, (C) => lapack.gemm(Y._v(), Matrix._view(r.V!, 0, 0, l, k)._v(), C._v())));
    const V = sc.track(copyOf(Matrix._view(r.U!, 0, 0, n, k)));
    signByV(U, V);
    return new RawSvd(sc.keep(U), r.s.slice(0, k), sc.keep(V));
  });
}

/**
 * The k leading singular triplets of A by randomized subspace iteration (Halko, Martinsson & Tropp
 * 2011, Alg. 4.4 + 5.1; scikit-learn's `randomized_svd`): A ≈ U·diag(s)·Vt with U m×k and Vt k×n
 * orthonormal. Much faster than {@link svd} when k ≪ min(m, n); accurate when the spectrum decays.
 * Reproducible: a seeded Gaussian test matrix (default seed 0), bit-identical on both backends.
 *
 * @example
 * ```ts
 * const A = Matrix.randn(2000, 500, { seed: 1 });
 * const { U, s, Vt, dispose } = randomizedSvd(A, 20, { seed: 42 });
 * console.log(s[0]);  // ≈ svdvals(A)[0]
 * dispose();          // frees U and Vt
 * ```
 */
export function randomizedSvd(A: MatrixLike, k: number, opts?: RandomizedSvdOptions | null): RandomizedSvdResult {
  const options = optionsOf('randomizedSvd', opts);
  return withMatrix('randomizedSvd', 'A', A, (A) => {
    const plan = sketchPlan('randomizedSvd', A.rows, A.cols, k, options);
    if (checkFiniteOption(options)) requireFinite('randomizedSvd', A);
    const r = rawRandomizedSvd('randomizedSvd', A, plan);
    const V = r.V!;
    let Vt: Matrix;
    try {
      Vt = fresh(V.cols, V.rows, (C) => lapack.getrans(V._v(), C._v()));
    } catch (e) {
      r.dispose();
      throw e;
    }
    V.dispose();
    return disposableResult({ U: r.U!, s: r.s, Vt });
  });
}
