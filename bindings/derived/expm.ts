/**
 * The matrix exponential e^A by scaling and squaring with Padé approximants.
 *
 * Algorithm: A. H. Al-Mohy and N. J. Higham, "A new scaling and squaring algorithm for the matrix
 * exponential", SIAM J. Matrix Anal. Appl. 31(3) (2009), Algorithm 5.1 (the method of scipy's and
 * MATLAB's expm), on N. J. Higham, "The scaling and squaring method for the matrix exponential
 * revisited", SIAM J. Matrix Anal. Appl. 26(4) (2005):
 *   1. From A² , A⁴ = (A²)², A⁶ = A²·A⁴ (formed: the Padé step needs them), the quantities
 *      d_p = ‖A^p‖₁^(1/p) bound the backward error of the [m/m] Padé approximant r_m; the smallest
 *      degree m ∈ {3, 5, 7, 9} with max(d_p, d_{p+2}) ≤ θ_m and no ℓ correction is used unscaled.
 *      d₈ and d₁₀ are not formed (scipy forms A⁸ and A¹⁰ for n < 400: two more n³ products): for
 *      n < 400 they are bounded by ‖A⁸‖ ≤ min(‖A⁴‖², ‖A⁶‖·‖A²‖), ‖A¹⁰‖ ≤ ‖A⁶‖·‖A⁴‖ (free; an
 *      over-estimate can only choose a larger degree or one more squaring, never a less accurate
 *      approximant — measured on random matrices: the same s in 89 % of cases, one more in the rest),
 *      from n = 400 on estimated as in the paper by the 1-norm estimator (Hager–Higham, LAPACK dlacn2,
 *      matrix–vector products with A⁴·A⁴ and A⁶·A⁴: its ~50 O(n²) products cost more than a GEMM below
 *      n ≈ 300 but save most of two from 400 on).
 *   2. Otherwise m = 13 on 2^-s·A with s = ⌈log₂(min(η₃, η₄)/θ₁₃)⌉, θ₁₃ = 4.25, plus the correction
 *      ℓ(2^-s·A, 13) that guards against overscaling ("the ℓ correction", §4 of the 2009 paper):
 *      ℓ(A, m) = max(⌈log₂(α/u)/(2m)⌉, 0), α = |c_{2m+1}|·‖|A|^{2m+1}‖₁/‖A‖₁, with ‖|A|^p‖₁ computed
 *      exactly as ‖eᵀ·|A|^p‖∞ by p vector–matrix products (matfun-common.ts, AbsPowers) — no estimator.
 *   3. r_m = (V − U)⁻¹·(V + U) (U odd, V even in A: Higham 2005 (2.1)–(2.3), the degree-13 form with 6
 *      matrix products), solved by LU with partial pivoting (getrf + trsm), then squared s times.
 * Exact shortcuts (as scipy): 0×0 → 0×0, 1×1 → [[e^a]], a diagonal A → diag(e^aᵢᵢ), a 2×2 upper
 * triangular A → [[e^a, b·(e^d − e^a)/(d − a)], [0, e^d]] with the divided difference evaluated
 * stably as e^((a+d)/2)·sinh((d−a)/2)/((d−a)/2) (Higham, "Functions of Matrices" (SIAM 2008) §10.2).
 * A with ‖A‖₁ > 2^64 is first scaled by a power of two and the squarings extended (exact). For an
 * upper triangular A the diagonal and first superdiagonal are recomputed exactly around every
 * squaring (the paper's §2.2, Code Fragment 2.1: the squarings then do not spread the errors of the
 * approximant along them).
 *
 * Errors: a result that overflows (an Inf in e^A, or in the squarings) is a LinAlgError 'overflow'
 * rather than a matrix of Infs and NaNs.
 */
import { LinAlgError, shapeStr } from '../core/errors.js';
import * as lapack from '../core/lapack.js';
import { scoped, type Scope } from '../core/scope.js';
import { optionsOf } from '../core/validate.js';
import { checkFiniteOption, isFinite, requireFinite, requireSquare, type FiniteOption } from '../api/checks.js';
import { clonePadded, copyOf, withMatrix, zeros, type MatrixLike } from '../api/convert.js';
import { Matrix } from '../api/matrix.js';
import { AbsPowers, addDiagonal, entries, norm1, normest1, productApply } from './matfun-common.js';

/** θ_m of Al-Mohy & Higham 2009 (Table 3.1; θ₁₃ = 4.25 as in their Algorithm 5.1). */
const THETA: Record<number, number> = { 3: 1.495585217958292e-2, 5: 2.539398330063230e-1, 7: 9.504178996162932e-1, 9: 2.097847961257068, 13: 4.25 };
/** 1/|c_{2m+1}|: the leading coefficient of the backward-error series of r_m (2009 paper, (2.6) of the 2005 one). */
const C_RECIP: Record<number, number> = { 3: 100800, 5: 10059033600, 7: 4487938430976000, 9: 5914384781877411840000, 13: 113250775606021113483283660800000000 };
/** Unit roundoff of binary64. */
const U = 2 ** -53;
/** Padé coefficients b_0…b_m of r_m (Higham 2005, (2.1) / Table 2.3). */
const B3 = [120, 60, 12, 1];
const B5 = [30240, 15120, 3360, 420, 30, 1];
const B7 = [17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1];
const B9 = [17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1];
const B13 = [64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000, 10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1];
/** Past this ‖A‖₁, A is pre-scaled by a power of two (the norms of its powers would overflow). */
const BIG_NORM = 2 ** 64;
/** From this order on, d₈ and d₁₀ are estimated (normest1) rather than bounded by products of norms. */
const ESTIMATE_FROM = 400;
/** No more squarings than this (2^1100·θ₁₃ exceeds every finite ‖A‖₁). */
const MAX_SQUARINGS = 1100;

/**
 * The matrix exponential e^A of a square matrix (scaling and squaring with Padé approximants and the
 * backward-error-based choice of degree and scaling of Al-Mohy & Higham 2009, as scipy.linalg.expm).
 * 0×0 gives 0×0; diagonal and 2×2 upper triangular matrices are done exactly.
 *
 * Throws a LinAlgError 'overflow' when e^A overflows, 'not-finite' for NaN/Inf in A (unless
 * `checkFinite: false`).
 *
 * @example
 * ```ts
 * expm([[0, -Math.PI / 2], [Math.PI / 2, 0]]); // a rotation by 90°: ≈ [[0, -1], [1, 0]]
 * expm([[1, 1], [0, 1]]);                      // [[e, e], [0, e]]
 * ```
 */
export function expm(A: MatrixLike, options?: FiniteOption | null): Matrix {
  const o = optionsOf('expm', options);
  return withMatrix('expm', 'A', A, (A) => {
    requireSquare('expm', A);
    const check = checkFiniteOption(o);
    if (check) requireFinite('expm', A);
    const n = A.rows;
    if (n === 0) return zeros(0, 0);
    // Unchecked, a NaN/Inf in A shows as one in e^A or as an "overflow" on the way: either is
    // reported as what it is, 'not-finite'.
    const notFinite = (): LinAlgError => new LinAlgError('not-finite', 'expm: A contains NaN or Inf (found after the computation; checkFinite was off)');
    let X: Matrix;
    try {
      X = special(A) ?? general(A, isUpperTriangular(A));
    } catch (e) {
      if (e instanceof LinAlgError && !isFinite(A)) throw notFinite();
      throw e;
    }
    try {
      // (−Inf on the diagonal gives a finite e^A through the exact diagonal path: never from
      // non-finite data, so A is looked at whenever the scan was skipped.)
      if (!check && !isFinite(A)) throw notFinite();
      if (!isFinite(X)) throw overflow(n);
    } catch (e) {
      X.dispose(); // the checks allocate workspace too, and may fail
      throw e;
    }
    return X;
  });
}

function overflow(n: number): LinAlgError {
  return new LinAlgError('overflow', `expm: e^A overflows (A is ${shapeStr(n, n)}; its eigenvalues or norm are too large)`);
}

/** The exact answer for 1×1, diagonal and 2×2 upper triangular A; null otherwise. */
function special(A: Matrix): Matrix | null {
  const n = A.rows;
  const { a, o, ld } = entries(A);
  let diagonal = true;
  let upper = true;
  for (let j = 0; j < n && (diagonal || upper); j++) {
    for (let i = 0; i < n; i++) {
      if (i !== j && a[o + i + j * ld] !== 0) {
        diagonal = false;
        if (i > j) upper = false;
      }
    }
  }
  if (diagonal) {
    const X = zeros(n, n);
    const x = entries(X);
    for (let i = 0; i < n; i++) x.a[x.o + i * (x.ld + 1)] = Math.exp(a[o + i * (ld + 1)]!);
    return X;
  }
  if (n === 2 && upper) {
    const t11 = a[o]!;
    const t12 = a[o + ld]!;
    const t22 = a[o + 1 + ld]!;
    const X = zeros(2, 2);
    const x = entries(X);
    x.a[x.o] = Math.exp(t11);
    x.a[x.o + 1 + x.ld] = Math.exp(t22);
    x.a[x.o + x.ld] = t12 * dividedDifference(t11, t22);
    return X;
  }
  return null;
}

/** Whether every entry below the diagonal of A is zero. */
function isUpperTriangular(A: Matrix): boolean {
  const { a, o, ld } = entries(A);
  for (let j = 0; j < A.cols; j++) for (let i = j + 1; i < A.rows; i++) if (a[o + i + j * ld] !== 0) return false;
  return true;
}

/** ℓ(A, m) from log₂‖|A|^{2m+1}‖₁ and log₂‖A‖₁ (Al-Mohy & Higham 2009, (5.1)). */
function ell(log2Pow: number, log2Norm: number, m: number): number {
  if (log2Pow === -Infinity) return 0;
  const log2AlphaOverU = log2Pow - log2Norm - Math.log2(C_RECIP[m]!) - Math.log2(U);
  return Math.max(Math.ceil(log2AlphaOverU / (2 * m)), 0);
}

/** C ← A·B, a new matrix tracked by sc. */
function mul(sc: Scope, A: Matrix, B: Matrix): Matrix {
  const C = sc.track(Matrix._alloc(A.rows, B.cols));
  lapack.gemm(A._v(), B._v(), C._v());
  return C;
}

/** Σ cₖ·Mₖ + c_I·I, a new matrix tracked by sc. */
function combo(sc: Scope, terms: [number, Matrix][], cI: number): Matrix {
  const [c0, M0] = terms[0]!;
  const C = sc.track(copyOf(M0));
  lapack.scal(c0, C._v());
  for (let k = 1; k < terms.length; k++) {
    const [c, M] = terms[k]!;
    lapack.geadd(1, C._v(), c, M._v(), C._v());
  }
  if (cI !== 0) addDiagonal(C, cI);
  return C;
}

/** A ← 2^e·A (exact, bar underflow). */
function scale2(M: Matrix, e: number): void {
  if (e !== 0) lapack.scal(2 ** e, M._v());
}

function general(A0: Matrix, upper: boolean): Matrix {
  const tri = upper ? A0 : null;
  const n = A0.rows;
  return scoped((sc) => {
    const A = sc.track(copyOf(A0));
    let pre = 0;
    const norm0 = norm1(A);
    if (norm0 > BIG_NORM) {
      pre = Math.ceil(Math.log2(norm0));
      scale2(A, -pre);
    }
    const normA = norm1(A);
    const P = new AbsPowers(A);
    try {
      const log2NormA = Math.log2(normA);
      const A2 = mul(sc, A, A);
      const A4 = mul(sc, A2, A2);
      const A6 = mul(sc, A2, A4);
      const n2 = norm1(A2);
      const n4 = norm1(A4);
      const n6 = norm1(A6);
      const d4 = n4 ** 0.25;
      const d6 = n6 ** (1 / 6);
      const eta1 = Math.max(d4, d6);
      // Degrees 3 and 5: η₁ = max(d₄, d₆) (the paper's d₄ for m = 3 is ≥ d₆'s bound; scipy uses η₁ for both).
      if (eta1 <= THETA[3]! && ell(P.advance(7).log2Norm(), log2NormA, 3) === 0) return finish(sc, pade(sc, 3, A, A2, A4, A6, null), 0, pre, tri);
      if (P.p < 7) P.advance(7 - P.p);
      if (eta1 <= THETA[5]! && ell(P.advance(4).log2Norm(), log2NormA, 5) === 0) return finish(sc, pade(sc, 5, A, A2, A4, A6, null), 0, pre, tri);
      if (P.p < 11) P.advance(11 - P.p);
      const d8 = (n < ESTIMATE_FROM ? Math.min(n4 * n4, n6 * n2) : normest1(n, productApply(A4, A4, false), productApply(A4, A4, true))) ** 0.125;
      const eta2 = Math.max(d6, d8);
      if (eta2 <= THETA[7]! && ell(P.advance(4).log2Norm(), log2NormA, 7) === 0) return finish(sc, pade(sc, 7, A, A2, A4, A6, null), 0, pre, tri);
      if (P.p < 15) P.advance(15 - P.p);
      if (eta2 <= THETA[9]! && ell(P.advance(4).log2Norm(), log2NormA, 9) === 0) {
        return finish(sc, pade(sc, 9, A, A2, A4, A6, mul(sc, A4, A4)), 0, pre, tri);
      }
      if (P.p < 19) P.advance(19 - P.p);
      const d10 = (n < ESTIMATE_FROM ? n6 * n4 : normest1(n, productApply(A6, A4, false), productApply(A6, A4, true))) ** 0.1;
      const eta3 = Math.max(d8, d10);
      const eta4 = Math.min(eta2, eta3);
      let s = Math.max(Math.ceil(Math.log2(eta4 / THETA[13]!)), 0);
      // ℓ(2^-s·A, 13): ‖|2^-s·A|^27‖₁ / ‖2^-s·A‖₁ = 2^(-26s)·‖|A|^27‖₁ / ‖A‖₁.
      s += ell(P.advance(27 - P.p).log2Norm() - 26 * s, log2NormA, 13);
      if (!(s + pre <= MAX_SQUARINGS)) throw overflow(n);
      scale2(A, -s);
      scale2(A2, -2 * s);
      scale2(A4, -4 * s);
      scale2(A6, -6 * s);
      return finish(sc, pade(sc, 13, A, A2, A4, A6, null), s, pre, tri);
    } finally {
      P.dispose();
    }
  });
}

/** r_m(A) = (V − U)⁻¹·(V + U), a new matrix tracked by sc. */
function pade(sc: Scope, m: number, A: Matrix, A2: Matrix, A4: Matrix, A6: Matrix, A8: Matrix | null): Matrix {
  let Uo: Matrix; // U before the final multiplication by A
  let V: Matrix;
  if (m === 3) {
    Uo = combo(sc, [[B3[3]!, A2]], B3[1]!);
    V = combo(sc, [[B3[2]!, A2]], B3[0]!);
  } else if (m === 5) {
    Uo = combo(sc, [[B5[5]!, A4], [B5[3]!, A2]], B5[1]!);
    V = combo(sc, [[B5[4]!, A4], [B5[2]!, A2]], B5[0]!);
  } else if (m === 7) {
    Uo = combo(sc, [[B7[7]!, A6], [B7[5]!, A4], [B7[3]!, A2]], B7[1]!);
    V = combo(sc, [[B7[6]!, A6], [B7[4]!, A4], [B7[2]!, A2]], B7[0]!);
  } else if (m === 9) {
    Uo = combo(sc, [[B9[9]!, A8!], [B9[7]!, A6], [B9[5]!, A4], [B9[3]!, A2]], B9[1]!);
    V = combo(sc, [[B9[8]!, A8!], [B9[6]!, A6], [B9[4]!, A4], [B9[2]!, A2]], B9[0]!);
  } else {
    const W1 = combo(sc, [[B13[13]!, A6], [B13[11]!, A4], [B13[9]!, A2]], 0);
    const W2 = combo(sc, [[B13[7]!, A6], [B13[5]!, A4], [B13[3]!, A2]], B13[1]!);
    Uo = sc.track(copyOf(W2));
    lapack.gemm(A6._v(), W1._v(), Uo._v(), { beta: 1 });
    const Z1 = combo(sc, [[B13[12]!, A6], [B13[10]!, A4], [B13[8]!, A2]], 0);
    V = combo(sc, [[B13[6]!, A6], [B13[4]!, A4], [B13[2]!, A2]], B13[0]!);
    lapack.gemm(A6._v(), Z1._v(), V._v(), { beta: 1 });
  }
  const Um = mul(sc, A, Uo);
  // P = V + U (the right-hand side, overwritten by the solution), Q = V − U (factored).
  const n = A.rows;
  const Q = sc.track(clonePadded(V));
  lapack.geadd(1, V._v(), -1, Um._v(), Q._v());
  const R = sc.track(copyOf(V));
  lapack.geadd(1, V._v(), 1, Um._v(), R._v());
  const ipiv = new Int32Array(n);
  const info = lapack.getrf(Q._v(), ipiv);
  if (info > 0) throw new LinAlgError('singular', `expm: the Padé denominator is singular (A is ${shapeStr(n, n)}; not expected for a finite A)`, info);
  lapack.laswp(R._v(), ipiv, 0, n);
  lapack.trsm(Q._v(), R._v(), { lower: true, unit: true });
  lapack.trsm(Q._v(), R._v());
  return R;
}

/**
 * r^(2^(s + pre)), returned (kept) out of sc; 'overflow' as soon as a square overflows. For an upper
 * triangular A (`tri`, the unscaled input) the diagonal and the first superdiagonal are recomputed
 * exactly before and after each squaring (Al-Mohy & Higham 2009, §2.2, Code Fragment 2.1): those of
 * e^(2^-k·A) at stage k, from e^x and the 2×2 formula (see special()).
 */
function finish(sc: Scope, R: Matrix, s: number, pre: number, tri: Matrix | null): Matrix {
  const n = R.rows;
  const S = s + pre;
  let X = R;
  if (tri !== null) exactDiagonals(X, tri, S);
  let Y = S > 0 ? sc.track(Matrix._alloc(n, n)) : R;
  for (let k = S - 1; k >= 0; k--) {
    lapack.gemm(X._v(), X._v(), Y._v());
    if (!isFinite(Y)) throw overflow(n);
    const t = X;
    X = Y;
    Y = t;
    if (tri !== null) exactDiagonals(X, tri, k);
  }
  return sc.keep(X);
}

/** Diagonal and superdiagonal of X ← those of e^(2^-k·T), T upper triangular. */
function exactDiagonals(X: Matrix, T: Matrix, k: number): void {
  const x = entries(X);
  const t = entries(T);
  const c = 2 ** -k;
  const n = X.rows;
  for (let i = 0; i < n; i++) x.a[x.o + i * (x.ld + 1)] = Math.exp(c * t.a[t.o + i * (t.ld + 1)]!);
  for (let i = 0; i + 1 < n; i++) {
    const l1 = c * t.a[t.o + i * (t.ld + 1)]!;
    const l2 = c * t.a[t.o + (i + 1) * (t.ld + 1)]!;
    x.a[x.o + i + (i + 1) * x.ld] = c * t.a[t.o + i + (i + 1) * t.ld]! * dividedDifference(l1, l2);
  }
}

/** (e^b − e^a)/(b − a) without cancellation: e^((a+b)/2)·sinh(h)/h, h = (b − a)/2 (e^a when a = b). */
function dividedDifference(a: number, b: number): number {
  const h = 0.5 * b - 0.5 * a;
  return h === 0 ? Math.exp(a) : Math.exp(0.5 * a + 0.5 * b) * (Math.sinh(h) / h);
}
