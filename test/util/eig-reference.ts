/**
 * Test matrices and independent references for the eigensolver suites (test/kernels/eig/sym/syev.test.ts,
 * test/api/eigh/eigh.test.ts; unitScaler also for test/api/eig/eig.test.ts; mul and padded also for
 * test/kernels/eig/gen/geev.test.ts and gehrd.test.ts). Everything is plain JS,
 * independent of the library's kernels, column-major with ld = n unless stated (a full symmetric matrix
 * reads the same row- or column-major). The scalar helpers (pow2, maxAbs, scale2, norm1, …) are
 * test/util/reference.ts.
 *
 *   spectrum(kind, n)        eigenvalues of LAPACK's dchkst/ddrvst-style types with a known spectrum:
 *                            clustered (1, ε, …, ε), repeated (±1, …, ±1, ε), geometric and arithmetic
 *                            from 1 down to 1/κ (κ = 1/ε, optionally with random signs), rank
 *                            deficient, uniform
 *   withSpectrum(rng, λ)     Q·diag(λ)·Qᵀ, Q random orthogonal (Householder QR of a seeded Gaussian in
 *                            plain JS, test/util/dense.ts) — exactly symmetric
 *   wilkinson(m)             W_m⁺: d = |(m−1)/2 − i|, e = 1 (m = 21: the classic W21⁺, eigenvalues in
 *                            pairs agreeing to ~14 digits)
 *   gluedWilkinson(n, δ)     copies of W21⁺ joined by δ on the gluing off-diagonals, cut to n (Dhillon's
 *                            and LAPACK's hard case for eigenvector orthogonality: tight clusters)
 *   sturm(d, e)              all eigenvalues of a tridiagonal by bisection on the Sturm count (the
 *                            count is exact for a T + δT with |δT| ≤ ~3ε|T|: Demmel, Applied Numerical
 *                            Linear Algebra, §5.3.4; LAPACK dlaebz)
 *   jacobi(A, n)             all eigenvalues of a dense symmetric matrix by the cyclic Jacobi method
 *                            (Golub & Van Loan, 4th ed., §8.5.3): a second, independent algorithm
 *   eigRatios(A, n, λ, Z)    LAPACK's dsyt21 ratios ‖A − ZΛZᵀ‖₁/(n·‖A‖₁·ε) and ‖ZᵀZ − I‖₁/(n·ε),
 *                            computed on 2^k·A so that matrices near overflow or underflow (even
 *                            subnormal ones) do neither
 *   valueRatio(λ̂, λ)         max|λ̂ᵢ − λᵢ| / (n·ε·‖A‖₂), ‖A‖₂ = max|λᵢ| (Weyl: a backward stable solver
 *                            keeps it O(1))
 */
import { Rng, randomOrthogonal, symmetricFromEigen } from './lapack-types.js';
import { ratio } from './dense.js';
import { EPS } from './tolerance.js';
import { maxAbs, norm1, pow2, scale2, unitExponent } from './reference.js';

export { Rng, EPS };

/**
 * The scaling by the power of two 2^k with 2^k·max|x| ∈ [1, 2) (k = 0 for x = 0 or non-finite), as a
 * function; applied in two steps of 2^(k/2) so that k up to 1074 (subnormal x) does not overflow the
 * factor. Exact for every entry whose scaled value is normal (always when scaling up).
 */
export function unitScaler(x: ArrayLike<number>): (v: number) => number {
  const k = unitExponent(x);
  if (k === 0) return (v) => v;
  // (for k < 0 the steps run in the other order than scale2's: results that end subnormal may differ in the last bit)
  const s1 = pow2(Math.trunc(k / 2));
  const s2 = pow2(k - Math.trunc(k / 2));
  return (v) => v * s1 * s2;
}

/** The inverse of {@link unitScaler}: 2^-k·v (rounded once when the result is subnormal). */
function unitUnscaler(x: ArrayLike<number>): (v: number) => number {
  const k = -unitExponent(x);
  return (v) => scale2(v, k);
}

// ---- spectra and matrices --------------------------------------------------------------------------

export const SPECTRA = [
  'uniform', 'clustered', 'clustered signed', 'repeated ±1', 'geometric', 'geometric signed', 'arithmetic', 'arithmetic signed',
  'rank deficient',
] as const;
export type SpectrumKind = (typeof SPECTRA)[number];

/** n eigenvalues of the given kind (unsorted where signs are random), max |λ| = 1 for n ≥ 1. */
export function spectrum(rng: Rng, kind: SpectrumKind, n: number): Float64Array {
  const cond = 1 / EPS;
  const sign = (): number => (kind.endsWith('signed') ? (rng.u32() & 1 ? -1 : 1) : 1);
  const t = (i: number): number => (n === 1 ? 0 : i / (n - 1));
  return Float64Array.from({ length: n }, (_, i) => {
    switch (kind) {
      case 'uniform':
        return i === 0 ? 1 : 2 * rng.uniform() - 1;
      case 'clustered':
      case 'clustered signed':
        return (i === 0 ? 1 : EPS) * sign();
      case 'repeated ±1':
        // (±1, …, ±1, ε): two huge clusters, so the vectors are determined only as eigenspaces
        return (i === n - 1 && n > 1 ? EPS : 1) * (rng.u32() & 1 ? -1 : 1);
      case 'geometric':
      case 'geometric signed':
        return cond ** -t(i) * sign();
      case 'arithmetic':
      case 'arithmetic signed':
        return (1 - t(i) * (1 - 1 / cond)) * sign();
      case 'rank deficient':
        // rank ⌈n/2⌉: half the eigenvalues exactly zero, the rest of both signs
        return i % 2 === 1 ? 0 : i === 0 ? 1 : (rng.u32() & 1 ? -1 : 1) * (0.1 + rng.uniform());
    }
  });
}

/** Q·diag(λ)·Qᵀ with Q random orthogonal; n×n, exactly symmetric (column-major = row-major). */
export function withSpectrum(rng: Rng, lambda: Float64Array): Float64Array {
  const n = lambda.length;
  if (n === 0) return new Float64Array(0);
  return symmetricFromEigen(randomOrthogonal(rng, n), lambda).a;
}

export interface Tridiagonal {
  d: Float64Array;
  e: Float64Array;
}

/** Wilkinson's W_m⁺: d_i = |(m−1)/2 − i|, e_i = 1. */
export function wilkinson(m: number): Tridiagonal {
  const h = (m - 1) / 2;
  return { d: Float64Array.from({ length: m }, (_, i) => Math.abs(h - i)), e: new Float64Array(Math.max(0, m - 1)).fill(1) };
}

/** Copies of W21⁺ glued by δ on the joining off-diagonals, cut to n. */
export function gluedWilkinson(n: number, delta = 1e-10): Tridiagonal {
  const w = wilkinson(21);
  const d = Float64Array.from({ length: n }, (_, i) => w.d[i % 21]!);
  const e = Float64Array.from({ length: Math.max(0, n - 1) }, (_, i) => (i % 21 === 20 ? delta : 1));
  return { d, e };
}

/** The dense n×n matrix of a tridiagonal. */
export function triDense(t: Tridiagonal): Float64Array {
  const n = t.d.length;
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    A[i + i * n] = t.d[i]!;
    if (i < n - 1) A[i + 1 + i * n] = A[i + (i + 1) * n] = t.e[i]!;
  }
  return A;
}

/** A full n×n matrix (ld = n) into storage with leading dimension ld; the padding `fill`. */
export function padded(A: Float64Array, n: number, ld: number, fill = NaN): Float64Array {
  const P = new Float64Array(Math.max(1, ld * n)).fill(fill);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) P[i + j * ld] = A[i + j * n]!;
  return P;
}

/** The lower triangle of a full n×n matrix (ld = n) into storage with leading dimension ld; the rest `fill`. */
export function lowerPadded(A: Float64Array, n: number, ld: number, fill = NaN): Float64Array {
  const P = new Float64Array(Math.max(1, ld * n)).fill(fill);
  for (let j = 0; j < n; j++) for (let i = j; i < n; i++) P[i + j * ld] = A[i + j * n]!;
  return P;
}

// ---- independent eigenvalue references -------------------------------------------------------------

/** Eigenvalues of tridiag(e, d, e), ascending, by bisection on the Sturm count (on a 2^k-scaled copy). */
export function sturm(t: Tridiagonal): Float64Array {
  const n = t.d.length;
  if (n === 0) return new Float64Array(0);
  const all = [...t.d, ...t.e];
  const up = unitScaler(all);
  const down = unitUnscaler(all);
  const d = t.d.map(up);
  const e2 = t.e.map((v) => up(v) ** 2);
  let pivmin = Number.MIN_VALUE;
  for (const v of e2) pivmin = Math.max(pivmin, v * 2 ** -1022);
  // eigenvalues < x
  const count = (x: number): number => {
    let c = 0;
    let q = d[0]! - x;
    if (Math.abs(q) < pivmin) q = -pivmin;
    if (q < 0) c++;
    for (let i = 1; i < n; i++) {
      q = d[i]! - x - e2[i - 1]! / q;
      if (Math.abs(q) < pivmin) q = -pivmin;
      if (q < 0) c++;
    }
    return c;
  };
  // Gershgorin interval, widened
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const r = (i > 0 ? Math.abs(up(t.e[i - 1]!)) : 0) + (i < n - 1 ? Math.abs(up(t.e[i]!)) : 0);
    lo = Math.min(lo, d[i]! - r);
    hi = Math.max(hi, d[i]! + r);
  }
  const w = Math.max(hi - lo, 1e-300);
  lo -= w * 1e-3 + 4 * EPS * Math.abs(lo);
  hi += w * 1e-3 + 4 * EPS * Math.abs(hi);
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    // find x with count(x) ≤ k < count(x⁺): the (k+1)-th smallest eigenvalue
    let a = lo;
    let b = hi;
    for (let it = 0; it < 200; it++) {
      const mid = 0.5 * (a + b);
      if (mid === a || mid === b) break;
      if (count(mid) > k) b = mid;
      else a = mid;
    }
    out[k] = down(0.5 * (a + b));
  }
  return out;
}

/** Eigenvalues of a full symmetric n×n matrix, ascending, by cyclic Jacobi (on a 2^k-scaled copy). */
export function jacobi(A: Float64Array, n: number): Float64Array {
  const a = A.map(unitScaler(A));
  const down = unitUnscaler(A);
  let fro = 0;
  for (const v of a) fro += v * v;
  const tol = 1e-3 * EPS * Math.sqrt(fro);
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p + q * n]!;
        if (Math.abs(apq) <= tol) continue;
        rotated = true;
        const theta = (a[q + q * n]! - a[p + p * n]!) / (2 * apq);
        const at = Math.abs(theta);
        let t = at > 1e150 ? 1 / (2 * at) : 1 / (at + Math.sqrt(1 + at * at));
        if (theta < 0) t = -t;
        const c = 1 / Math.sqrt(1 + t * t);
        const sn = t * c;
        a[p + p * n] = a[p + p * n]! - t * apq;
        a[q + q * n] = a[q + q * n]! + t * apq;
        a[p + q * n] = a[q + p * n] = 0;
        for (let r = 0; r < n; r++) {
          if (r === p || r === q) continue;
          const g = a[r + p * n]!;
          const h = a[r + q * n]!;
          a[r + p * n] = a[p + r * n] = c * g - sn * h;
          a[r + q * n] = a[q + r * n] = sn * g + c * h;
        }
      }
    }
    if (!rotated) break;
  }
  return Float64Array.from({ length: n }, (_, i) => down(a[i + i * n]!)).sort();
}

// ---- ratios ------------------------------------------------------------------------------------------

/** op(A)·B for n×n A, B (ld = n), op(A) = A or Aᵀ, in plain double. */
export function mul(A: Float64Array, B: Float64Array, n: number, transA = false): Float64Array {
  const C = new Float64Array(n * n);
  for (let j = 0; j < n; j++)
    for (let k = 0; k < n; k++) {
      const b = B[k + j * n]!;
      if (b === 0) continue;
      for (let i = 0; i < n; i++) C[i + j * n] = C[i + j * n]! + (transA ? A[k + i * n]! : A[i + k * n]!) * b;
    }
  return C;
}

/**
 * LAPACK dsyt21's ratios for A (n×n, ld = n, symmetric) ≈ Z·diag(λ)·Zᵀ, Z with leading dimension ldz:
 * resid = ‖A − ZΛZᵀ‖₁/(n·‖A‖₁·ε) and orth = ‖ZᵀZ − I‖₁/(n·ε). Evaluated on 2^k·A and 2^k·λ (exact
 * scalings) with 2^k·max|A| ∈ [1, 2).
 */
export function eigRatios(A: Float64Array, n: number, lam: ArrayLike<number>, Z: Float64Array, ldz = n): { resid: number; orth: number } {
  if (n === 0) return { resid: 0, orth: 0 };
  const up = unitScaler(A);
  const As = A.map(up);
  const ls = Array.from(lam, up);
  const R = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      let t = As[i + j * n]!;
      for (let k = 0; k < n; k++) t -= Z[i + k * ldz]! * ls[k]! * Z[j + k * ldz]!;
      R[i + j * n] = t;
    }
  }
  const an = norm1(As, n, n);
  return { resid: ratio(norm1(R, n, n), n, an, EPS), orth: ratio(orthNorm(Z, n, n, ldz), n, EPS) };
}

/** max|got − ref| / (n·ε·max|ref|) over sorted arrays of equal length. */
export function valueRatio(got: ArrayLike<number>, ref: ArrayLike<number>): number {
  const n = ref.length;
  if (got.length !== n) return Infinity;
  if (n === 0) return 0;
  let diff = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(got[i]! - ref[i]!);
    if (!(d <= diff)) diff = d;
  }
  // (2^k-scaled so that n·ε·‖A‖₂ does not underflow for matrices near the underflow threshold)
  const up = unitScaler(ref);
  return ratio(up(diff), n, up(maxAbs(ref)), EPS);
}

/** Index of the first entry of largest modulus of column j (Z column-major with ld). */
export function argMaxAbs(Z: ArrayLike<number>, n: number, j: number, ld = n): number {
  let im = 0;
  let am = -1;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(Z[i + j * ld]!);
    if (a > am) {
      am = a;
      im = i;
    }
  }
  return im;
}

/** First violation of "ascending" in λ, or −1. */
export function notAscending(lam: ArrayLike<number>): number {
  for (let i = 1; i < lam.length; i++) if (!(lam[i]! >= lam[i - 1]!)) return i;
  return -1;
}

// ---- tridiagonal test matrices ----------------------------------------------------------------------

/** A random tridiagonal (normal entries), entry i (i + ½ off the diagonal) scaled by f(i). */
export function randomTri(rng: Rng, n: number, f: (i: number) => number = () => 1): Tridiagonal {
  return {
    d: Float64Array.from({ length: n }, (_, i) => rng.normal() * f(i)),
    e: Float64Array.from({ length: Math.max(0, n - 1) }, (_, i) => rng.normal() * f(i + 0.5)),
  };
}

/** s·T. */
export function scaledTri(t: Tridiagonal, s: number): Tridiagonal {
  return { d: t.d.map((v) => v * s), e: t.e.map((v) => v * s) };
}

/**
 * The tridiagonal test set of steqr/sterf/stebz/stein: Wilkinson, glued Wilkinson, clustered, split,
 * graded, random, scaled near overflow and underflow.
 */
export const TRIDIAGONALS: [string, () => Tridiagonal][] = [
  ['n=0', () => ({ d: new Float64Array(0), e: new Float64Array(0) })],
  ['n=1', () => ({ d: Float64Array.of(-3.5), e: new Float64Array(0) })],
  ['2×2', () => ({ d: Float64Array.of(1, 3), e: Float64Array.of(-2) })],
  ['W2+', () => wilkinson(2)],
  ['W3+', () => wilkinson(3)],
  ['W21+', () => wilkinson(21)],
  ['W17+', () => wilkinson(17)],
  ['W64+', () => wilkinson(64)],
  ['glued W21+ ×3 (δ = 1e-10)', () => gluedWilkinson(63)],
  ['glued W21+ ×5 (δ = 1e-10)', () => gluedWilkinson(105)],
  ['glued W21+ ×3 (δ = √ε)', () => gluedWilkinson(63, Math.sqrt(EPS))],
  ['glued W21+ cut to 33', () => gluedWilkinson(33)],
  ['clustered: d = 1, e = ε', () => ({ d: new Float64Array(40).fill(1), e: new Float64Array(39).fill(EPS) })],
  ['clustered: d = 1 ± ε, e = √ε', () => ({ d: Float64Array.from({ length: 30 }, (_, i) => 1 + (i % 3 - 1) * EPS), e: new Float64Array(29).fill(Math.sqrt(EPS)) })],
  ['ones: d = 0, e = 1 (cos spectrum)', () => ({ d: new Float64Array(33), e: new Float64Array(32).fill(1) })],
  ['diagonal (e = 0), repeated values', () => ({ d: Float64Array.from({ length: 17 }, (_, i) => (i * 7) % 5 - 2), e: new Float64Array(16) })],
  ['split: zeros in e', () => {
    const t = randomTri(new Rng(41), 30);
    for (const i of [0, 5, 6, 17, 28]) t.e[i] = 0;
    return t;
  }],
  ['random n=40', () => randomTri(new Rng(42), 40)],
  ['graded 10^(−i/2) (top heavy)', () => randomTri(new Rng(43), 40, (i) => 10 ** (-i / 2))],
  ['graded 10^(i/2 − 20) (bottom heavy)', () => randomTri(new Rng(44), 40, (i) => 10 ** (i / 2 - 20))],
  ['near overflow (2^1015)', () => scaledTri(randomTri(new Rng(45), 30), pow2(1015))],
  ['near underflow (2^-1010)', () => scaledTri(randomTri(new Rng(46), 30), pow2(-1010))],
  ['W21+ · 2^900', () => scaledTri(wilkinson(21), pow2(900))],
  ['W21+ · 2^-900', () => scaledTri(wilkinson(21), pow2(-900))],
];

/**
 * LAPACK dsyt22's ratios for m selected eigenpairs of A (n×n, ld = n, symmetric): resid =
 * ‖A·Z − Z·Λ‖₁/(n·‖A‖₁·ε), orth = ‖ZᵀZ − I‖₁/(n·ε), Z n×m with leading dimension ldz. Evaluated on
 * 2^k·A and 2^k·λ (exact scalings) with 2^k·max|A| ∈ [1, 2).
 */
export function selectedRatios(A: Float64Array, n: number, lam: ArrayLike<number>, Z: Float64Array, ldz = n): { resid: number; orth: number } {
  const m = lam.length;
  if (n === 0 || m === 0) return { resid: 0, orth: 0 };
  const up = unitScaler(A);
  const As = A.map(up);
  const ls = Array.from(lam, up);
  const R = new Float64Array(n * m);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) {
      let t = -Z[i + j * ldz]! * ls[j]!;
      for (let k = 0; k < n; k++) t += As[i + k * n]! * Z[k + j * ldz]!;
      R[i + j * n] = t;
    }
  }
  const an = norm1(As, n, n);
  return { resid: ratio(norm1(R, n, m), n, an, EPS), orth: ratio(orthNorm(Z, n, m, ldz), n, EPS) };
}

/** ‖ZᵀZ − I‖₁ for Z n×m with leading dimension ldz. */
function orthNorm(Z: Float64Array, n: number, m: number, ldz: number): number {
  const O = new Float64Array(m * m);
  for (let b = 0; b < m; b++) {
    for (let a = 0; a < m; a++) {
      let t = a === b ? -1 : 0;
      for (let i = 0; i < n; i++) t += Z[i + a * ldz]! * Z[i + b * ldz]!;
      O[a + b * m] = t;
    }
  }
  return norm1(O, m, m);
}

/**
 * Selected eigenvalues against the whole reference spectrum: max|got[i] − all[lo + i]| / (n·ε·max|all|)
 * with n = all.length (the order of the matrix, not the number selected: a selected eigenvalue is
 * accurate to ε·‖A‖, not to ε times itself). Infinity when the counts do not fit.
 */
export function selectedValueRatio(got: ArrayLike<number>, all: ArrayLike<number>, lo: number): number {
  const n = all.length;
  if (lo < 0 || lo + got.length > n) return Infinity;
  if (got.length === 0) return 0;
  let diff = 0;
  for (let i = 0; i < got.length; i++) {
    const d = Math.abs(got[i]! - all[lo + i]!);
    if (!(d <= diff)) diff = d;
  }
  const up = unitScaler(all);
  return ratio(up(diff), n, up(maxAbs(all)), EPS);
}
