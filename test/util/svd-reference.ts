/**
 * Independent references and test ratios for the SVD suites (test/kernels/svd/gesvd.test.ts,
 * test/api/svd/svd.test.ts and spectral.test.ts). Plain JS, sharing no code with the library's kernels.
 *
 *   DD                     double-double numbers (Dekker/Knuth error-free transformations, no FMA):
 *                          ≈ 106-bit arithmetic, enough to make the references below exact for the
 *                          purpose of a c·n·ε test
 *   bidiagSvals(d, e)      all singular values of an upper bidiagonal B by bisection on the Sturm count of
 *                          its Golub–Kahan matrix T_GK = [0 B; Bᵀ 0] permuted to a tridiagonal with zero
 *                          diagonal and off-diagonals (d₀, e₀, d₁, e₁, …, dₙ₋₁); eigenvalues ±σᵢ. The count
 *                          runs in double-double with a separate exponent (no overflow, no underflow), so
 *                          each σ, however tiny, comes out to the last bit of a double (Demmel & Kahan
 *                          1990, §6; Fernando 1998; LAPACK dbdsvdx bisects the same matrix). A second
 *                          algorithm, not QR.
 *   svd2x2(f, g, h)        the singular values of [f g; 0 h] in closed form (σmax·σmin = |f·h|,
 *                          σmax ± σmin = sqrt((|f| ± |h|)² + g²)), in double-double with exponents kept
 *                          apart, so even 1e-300·1e-300/7e299 is right
 *   jacobiSvals(A)         singular values of a dense matrix by one-sided (Hestenes) Jacobi on a 2^k-scaled
 *                          copy: absolute error O(n·ε·‖A‖₂), the reference for matrices without a known
 *                          spectrum (random, graded, subnormal)
 *   mulDD(A, B, C?)        A·B (− C) with every entry accumulated in double-double and rounded once
 *   svdRatios(...)         LAPACK TESTING-style ratios (dbdt01 / dort01, 1-norm) of a computed SVD, on a
 *                          2^k-scaled copy so that data near overflow, underflow or subnormal is neither
 */
import { Acc2, ilog2, maxAbs, scale2, twoProdErr, unitExponent } from './reference.js';
import { EPS } from './tolerance.js';
import { dense, norm1, ratio, type Dense } from './dense.js';

export { EPS };

/** Smallest normal double: singular values and errors below it are judged in absolute terms. */
export const TINY = 2 ** -1022;

// ---- double-double ----------------------------------------------------------------------------------

/** A double-double number hi + lo, |lo| ≤ ulp(hi)/2. Immutable. */
export class DD {
  constructor(readonly hi: number, readonly lo = 0) {}

  static twoSum(a: number, b: number): DD {
    const s = a + b;
    const z = s - a;
    return new DD(s, (a - (s - z)) + (b - z));
  }

  static twoProd(a: number, b: number): DD {
    const p = a * b;
    return new DD(p, twoProdErr(a, b, p));
  }

  private static norm(hi: number, lo: number): DD {
    const s = hi + lo;
    return new DD(s, lo - (s - hi));
  }

  add(y: DD): DD {
    const s = DD.twoSum(this.hi, y.hi);
    const t = DD.twoSum(this.lo, y.lo);
    const u = DD.norm(s.hi, s.lo + t.hi);
    return DD.norm(u.hi, u.lo + t.lo);
  }

  neg(): DD {
    return new DD(-this.hi, -this.lo);
  }

  sub(y: DD): DD {
    return this.add(y.neg());
  }

  mul(y: DD): DD {
    const p = DD.twoProd(this.hi, y.hi);
    return DD.norm(p.hi, p.lo + (this.hi * y.lo + this.lo * y.hi));
  }

  mulN(b: number): DD {
    const p = DD.twoProd(this.hi, b);
    return DD.norm(p.hi, p.lo + this.lo * b);
  }

  div(y: DD): DD {
    const q1 = this.hi / y.hi;
    const r = this.sub(y.mulN(q1));
    const q2 = r.hi / y.hi;
    const r2 = r.sub(y.mulN(q2));
    const q3 = r2.hi / y.hi;
    return DD.norm(q1, q2).add(new DD(q3));
  }

  sqrt(): DD {
    if (this.hi <= 0) return new DD(0);
    const x = Math.sqrt(this.hi);
    // one Newton step: x + (a − x²)/(2x)
    const r = this.sub(DD.twoProd(x, x));
    return DD.norm(x, r.hi / (2 * x));
  }

  value(): number {
    return this.hi + this.lo;
  }
}

// ---- bidiagonal singular values by bisection ---------------------------------------------------------

/**
 * A double-double with its own exponent: value = m·2^e, |m.hi| ∈ [1, 2) (or m = 0). No overflow or
 * underflow at any exponent, so the Sturm count below needs no scaling and no floor.
 */
interface XD {
  m: DD;
  e: number;
}

function xnorm(m: DD, e: number): XD {
  if (m.hi === 0) return { m, e: 0 };
  const k = ilog2(Math.abs(m.hi));
  return k === 0 ? { m, e } : { m: new DD(scale2(m.hi, -k), scale2(m.lo, -k)), e: e + k };
}

function xof(x: number): XD {
  return xnorm(new DD(x), 0);
}

/** a + b; a term 2^-200 times smaller than the other is dropped (it cannot change a count). */
function xadd(a: XD, b: XD): XD {
  if (b.m.hi === 0) return a;
  if (a.m.hi === 0) return b;
  if (a.e < b.e) [a, b] = [b, a];
  const d = b.e - a.e;
  if (d < -200) return a;
  return xnorm(a.m.add(new DD(scale2(b.m.hi, d), scale2(b.m.lo, d))), a.e);
}

/**
 * #{σ ≤ x} for the bidiagonal whose Golub–Kahan off-diagonals are t (length 2n − 1), x > 0: the
 * number of negative pivots q of T_GK − x·I (the n eigenvalues −σᵢ are all < x) minus n, with
 * q₀ = −x, qᵢ = −x − tᵢ₋₁²/qᵢ₋₁ formed as (tᵢ₋₁·tᵢ₋₁/q)·2^… in extended-exponent double-double. A pivot
 * that comes out exactly 0 (x an exact eigenvalue) is replaced by −2^-300·x and counted negative
 * (LAPACK dlaebz's pivmin rule).
 */
function countBelow(t: readonly XD[], n: number, x: number): number {
  const mx = xof(-x);
  let q = mx;
  let neg = 1; // q₀ = −x < 0
  for (let i = 1; i < 2 * n; i++) {
    const b = t[i - 1]!;
    if (b.m.hi !== 0) {
      const r = new DD(b.m.hi).div(q.m).mulN(b.m.hi); // b²/q up to the exponent
      q = xadd(mx, xnorm(r.neg(), 2 * b.e - q.e));
    } else q = mx;
    if (q.m.hi === 0) q = { m: mx.m, e: mx.e - 300 };
    if (q.m.hi < 0) neg++;
  }
  return neg - n;
}

/**
 * All singular values of the upper bidiagonal diag(d) + superdiag(e), descending, each within one ulp
 * (bisection until the bracket is two adjacent doubles), at any exponent; a σ that is exactly 0 (or
 * below 2^-1070) is returned as 0.
 */
export function bidiagSvals(d: ArrayLike<number>, e: ArrayLike<number>): Float64Array {
  const n = d.length;
  if (n === 0) return new Float64Array(0);
  const raw: number[] = [];
  for (let i = 0; i < n; i++) {
    raw.push(d[i]!);
    if (i + 1 < n) raw.push(e[i]!);
  }
  const out = new Float64Array(n);
  if (maxAbs(raw) === 0) return out;
  const t = raw.map(xof);
  // Gershgorin bound on T_GK: every |eigenvalue| ≤ max over rows of |t_{i−1}| + |t_i| (≤ 2·max|t|)
  const bound = Math.min(Number.MAX_VALUE, 2 * maxAbs(raw)) ;
  const BOTTOM = 2 ** -1070;
  for (let j = 0; j < n; j++) {
    // σ_(j) ascending: the smallest x with #{σ ≤ x} > j
    let lo = 0;
    let hi = bound;
    let zero = false;
    while (true) {
      let mid: number;
      if (lo === 0) {
        mid = hi * 2 ** -64;
        if (mid < BOTTOM) {
          if (countBelow(t, n, BOTTOM) > j) {
            zero = true;
            break;
          }
          mid = BOTTOM;
        }
      } else if (hi / lo > 2) mid = Math.sqrt(lo) * Math.sqrt(hi);
      else {
        mid = lo + (hi - lo) / 2;
        if (!(mid > lo && mid < hi)) break;
      }
      if (countBelow(t, n, mid) > j) hi = mid;
      else lo = mid;
    }
    out[n - 1 - j] = zero ? 0 : hi; // σ ∈ (lo, hi], hi = lo + 1 ulp
  }
  return out;
}

// ---- the 2×2 case in closed form -----------------------------------------------------------------------

/** x = m·2^e with m ∈ [0.5, 1) (x > 0 finite). */
function frexp(x: number): [number, number] {
  const e = ilog2(x) + 1;
  return [scale2(x, -e), e];
}

/**
 * [σmax, σmin] of [f g; 0 h] from σmax = (S + D)/2, S, D = sqrt((F ± H)² + G²) (F = max(|f|, |h|),
 * H = min, G = |g|) and σmin = F·H/σmax, each in double-double and rounded once at the end.
 */
export function svd2x2(f: number, g: number, h: number): [number, number] {
  const F = Math.max(Math.abs(f), Math.abs(h));
  const H = Math.min(Math.abs(f), Math.abs(h));
  const G = Math.abs(g);
  const big = Math.max(F, G);
  if (big === 0) return [0, 0];
  const k = -ilog2(big);
  const Fs = scale2(F, k);
  const Hs = scale2(H, k); // may underflow when H ≪ big: then it does not matter to σmax
  const Gs = scale2(G, k);
  const G2 = DD.twoProd(Gs, Gs);
  const sum = DD.twoSum(Fs, Hs);
  const dif = DD.twoSum(Fs, -Hs);
  const S = sum.mul(sum).add(G2).sqrt();
  const D = dif.mul(dif).add(G2).sqrt();
  const smaxS = S.add(D).mulN(0.5); // σmax·2^k
  const smax = scale2(smaxS.value(), -k);
  if (H === 0) return [smax, 0];
  // σmin = F·H/σmax with the exponents kept apart
  const [fm, fe] = frexp(F);
  const [hm, he] = frexp(H);
  const [sm, se] = frexp(smaxS.hi);
  const smaxM = new DD(sm, scale2(smaxS.lo, -se)); // σmax·2^k = smaxM·2^se
  const q = DD.twoProd(fm, hm).div(smaxM); // ∈ (0.25, 2)
  const e = fe + he - (se - k);
  // q·2^e: exact unless the result is subnormal (then within one subnormal ulp)
  return [smax, scale2(q.value(), e)];
}

// ---- one-sided Jacobi (values) ---------------------------------------------------------------------------

/**
 * Singular values (descending) of a dense m×n matrix by one-sided Jacobi (Hestenes 1958; Demmel &
 * Veselić 1992) on columns of a 2^k-scaled copy (of Aᵀ when m < n): rotate column pairs until every pair
 * is orthogonal to ε relative, then σᵢ = ‖column i‖. Independent of bidiagonalisation and QR sweeps.
 */
export function jacobiSvals(A: Dense): Float64Array {
  const tall = A.m >= A.n;
  const m = tall ? A.m : A.n;
  const n = tall ? A.n : A.m;
  if (n === 0) return new Float64Array(0);
  const k = unitExponent(A.a);
  // columns of the tall matrix, each contiguous
  const cols: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const c = new Float64Array(m);
    for (let i = 0; i < m; i++) c[i] = scale2(tall ? A.a[i * A.n + j]! : A.a[j * A.n + i]!, k);
    cols.push(c);
  }
  const dot = (x: Float64Array, y: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!;
    return s;
  };
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const x = cols[p]!;
        const y = cols[q]!;
        const a = dot(x, x);
        const b = dot(y, y);
        const c = dot(x, y);
        if (c === 0 || Math.abs(c) <= EPS * Math.sqrt(a) * Math.sqrt(b)) continue;
        rotated = true;
        const zeta = (b - a) / (2 * c);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const cs = 1 / Math.sqrt(1 + t * t);
        const sn = cs * t;
        for (let i = 0; i < m; i++) {
          const xi = x[i]!;
          const yi = y[i]!;
          x[i] = cs * xi - sn * yi;
          y[i] = sn * xi + cs * yi;
        }
      }
    }
    if (!rotated) break;
  }
  const s = Float64Array.from(cols, (c) => {
    let big = 0;
    for (const v of c) big = Math.max(big, Math.abs(v));
    if (big === 0) return 0;
    let t = 0;
    for (const v of c) t += (v / big) ** 2;
    return big * Math.sqrt(t);
  });
  s.sort((a, b) => b - a);
  return s.map((v) => scale2(v, -k));
}

// ---- products and ratios -----------------------------------------------------------------------------------

/** A·B − C (C optional) for row-major Dense, every entry a double-double sum rounded once. */
export function mulDD(A: Dense, B: Dense, C?: Dense): Dense {
  if (A.n !== B.m) throw new Error(`mulDD: ${A.m}×${A.n} times ${B.m}×${B.n}`);
  const R = dense(A.m, B.n);
  const acc = new Acc2();
  for (let i = 0; i < A.m; i++) {
    for (let j = 0; j < B.n; j++) {
      acc.hi = 0;
      acc.lo = 0;
      for (let p = 0; p < A.n; p++) acc.addProd(A.a[i * A.n + p]!, B.a[p * B.n + j]!);
      if (C !== undefined) acc.add(-C.a[i * B.n + j]!);
      R.a[i * B.n + j] = acc.value();
    }
  }
  return R;
}

/** ‖XᵀX − I‖₁ / (rows·ε) for X rows×cols (orthonormal columns); 0 for an empty X. */
export function orthColsRatio(X: Dense): number {
  if (X.m === 0 || X.n === 0) return 0;
  const c = X.n;
  const G = dense(c, c);
  for (let a = 0; a < c; a++) {
    for (let b = 0; b < c; b++) {
      let s = a === b ? -1 : 0;
      for (let i = 0; i < X.m; i++) s += X.a[i * c + a]! * X.a[i * c + b]!;
      G.a[a * c + b] = s;
    }
  }
  return norm1(G) / (X.m * EPS);
}

/** ‖XXᵀ − I‖₁ / (cols·ε) for X rows×cols (orthonormal rows). */
export function orthRowsRatio(X: Dense): number {
  if (X.m === 0 || X.n === 0) return 0;
  const r = X.m;
  const G = dense(r, r);
  for (let a = 0; a < r; a++) {
    for (let b = 0; b < r; b++) {
      let s = a === b ? -1 : 0;
      for (let j = 0; j < X.n; j++) s += X.a[a * X.n + j]! * X.a[b * X.n + j]!;
      G.a[a * r + b] = s;
    }
  }
  return norm1(G) / (X.n * EPS);
}

/**
 * ‖A − U[:, :k]·diag(s)·Vt[:k, :]‖₁ / (‖A‖₁·max(m, n)·ε), k = s.length, evaluated in working precision
 * (as LAPACK's dbdt01) on 2^p·A and 2^p·s, 2^p·max|A| ∈ [1, 2): exact scalings, so near-overflow and
 * subnormal data give the same ratio as unscaled data. ‖A‖₁ is floored at 2^p·TINY·… so that errors at
 * the subnormal level of the returned s do not count.
 */
export function residRatio(A: Dense, U: Dense, s: ArrayLike<number>, Vt: Dense): number {
  const { m, n } = A;
  const k = s.length;
  if (m === 0 || n === 0) return 0;
  const p = unitExponent(A.a);
  const R = dense(m, n, A.a.map((v) => scale2(v, p)));
  const anorm = norm1(R);
  for (let l = 0; l < k; l++) {
    const sl = scale2(s[l]!, p);
    if (sl === 0) continue;
    for (let i = 0; i < m; i++) {
      const u = U.a[i * U.n + l]! * sl;
      if (u === 0) continue;
      for (let j = 0; j < n; j++) R.a[i * n + j] = R.a[i * n + j]! - u * Vt.a[l * Vt.n + j]!;
    }
  }
  return ratio(norm1(R), Math.max(anorm, scale2(TINY, p)), Math.max(m, n), EPS);
}

/**
 * maxᵢ |ŝᵢ − sᵢ| / (max(m, n)·ε·max(s₀, TINY)): singular values against a reference (known spectrum or
 * an independent algorithm), in units of the backward-stable bound (Weyl: |σ̂ᵢ − σᵢ| ≤ ‖E‖₂).
 */
export function svalRatio(got: ArrayLike<number>, ref: ArrayLike<number>, m: number, n: number): number {
  if (got.length !== ref.length) return Infinity;
  if (got.length === 0) return 0;
  let d = 0;
  for (let i = 0; i < got.length; i++) {
    const x = Math.abs(got[i]! - ref[i]!);
    if (!(x <= d)) d = x;
  }
  const top = Math.max(maxAbs(ref), TINY);
  return d / top / (Math.max(m, n) * EPS);
}

/** First index where s is not nonnegative and descending (as singular values are returned), or −1. */
export function notSorted(s: ArrayLike<number>): number {
  for (let i = 0; i < s.length; i++) if (!(s[i]! >= 0) || (i > 0 && !(s[i - 1]! >= s[i]!))) return i;
  return -1;
}

/** Largest-|·| entry (first on ties) of each row of X is positive (the sign convention of svd). */
export function signConventionHolds(Vt: Dense): number {
  for (let r = 0; r < Vt.m; r++) {
    let big = -1;
    let val = 0;
    for (let j = 0; j < Vt.n; j++) {
      const x = Vt.a[r * Vt.n + j]!;
      if (Math.abs(x) > big) {
        big = Math.abs(x);
        val = x;
      }
    }
    if (!(val > 0)) return r;
  }
  return -1;
}
