/**
 * Reference results in extended precision, and the bounds the kernels' errors are measured against.
 *
 * Error-free transformations (no FMA in JS, so TwoProduct uses Dekker's split):
 *
 *   TwoSum(a, b)     = (s, e) with s = fl(a + b) and a + b = s + e exactly     (Knuth, TAOCP 2, §4.2.2)
 *   TwoProduct(a, b) = (p, e) with p = fl(a · b) and a · b = p + e exactly     (Dekker 1971, Veltkamp
 *                      split by 2^27 + 1; exact while |a|, |b| < 2^996 and no partial product underflows)
 *
 * Dot2 — Ogita, Rump & Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput. 26(6), 2005,
 * Algorithm 5.3 — accumulates Σ xᵢyᵢ as if in twice the working precision:
 *
 *   |Dot2(x, y) − xᵀy| ≤ u·|xᵀy| + γₙ²·|x|ᵀ|y|,      u = 2^-53, γₙ = nu / (1 − nu)
 *
 * so against the kernels' γₖ·|A||B| error bound it is exact for every purpose of these tests. The
 * helpers below return both the reference value and the matching |·| bound (the Higham bound of
 * "Accuracy and Stability of Numerical Algorithms", 2nd ed., §3.5: |fl(AB) − AB| ≤ γₖ|A||B|).
 *
 * Matrices here are column-major Float64Arrays with an element offset and leading dimension, like
 * the kernels' own arguments.
 */

const SPLIT = 134217729; // 2^27 + 1

/** TwoProduct's error term: a·b = p + twoProdErr(a, b, p) exactly for p = fl(a·b) (Dekker, Veltkamp split). */
export function twoProdErr(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return al * bl - (((p - ah * bh) - al * bh) - ah * bl);
}

/** Running Dot2 accumulator: value ≈ hi + lo. Mutable, to keep the inner loops allocation-free. */
export class Acc2 {
  hi = 0;
  lo = 0;
  /** Σ += a·b, error-free up to the final lo accumulation. */
  addProd(a: number, b: number): void {
    const p = a * b;
    this.add2(p, twoProdErr(a, b, p));
  }
  /** Σ += a (exact TwoSum into hi). */
  add(a: number): void {
    this.add2(a, 0);
  }
  private add2(p: number, e: number): void {
    // TwoSum(hi, p) → (s, q)
    const s = this.hi + p;
    const z = s - this.hi;
    const q = (this.hi - (s - z)) + (p - z);
    this.hi = s;
    this.lo += q + e;
  }
  /** The accumulated value rounded to double. */
  value(): number {
    return this.hi + this.lo;
  }
}

/** Σ xᵢyᵢ by Dot2, and Σ |xᵢ||yᵢ|. Strided like BLAS (inc > 0). */
export function dotRef(
  n: number, x: Float64Array, offX: number, incx: number, y: Float64Array, offY: number, incy: number,
): { value: number; bound: number } {
  const acc = new Acc2();
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const a = x[offX + i * incx]!;
    const b = y[offY + i * incy]!;
    acc.addProd(a, b);
    bound += Math.abs(a) * Math.abs(b);
  }
  return { value: n === 0 ? 0 : acc.value(), bound };
}

/** A column-major matrix operand: X[i, j] = data[off + i + j·ld]. */
export interface Mat {
  data: Float64Array;
  off: number;
  ld: number;
}

/** α·(hi + lo) + β·c in double-double, rounded once; the β term is left out when β = 0 (c not read). */
function combine(alpha: number, s: Acc2, beta: number, c: number): number {
  const r = new Acc2();
  if (alpha !== 0) {
    r.addProd(alpha, s.hi);
    r.addProd(alpha, s.lo);
  }
  if (beta !== 0) r.addProd(beta, c);
  return r.value();
}

/** op(X)[i, p] for op = X (trans false) or Xᵀ (trans true). */
function opAt(X: Mat, trans: boolean, i: number, p: number): number {
  return trans ? X.data[X.off + p + i * X.ld]! : X.data[X.off + i + p * X.ld]!;
}

/**
 * Reference for C ← α·op(A)·op(B) + β·C (BLAS dgemm): the exact result rounded once (up to Dot2's
 * γ² term), and the bound |α|·(|op(A)||op(B)|)ᵢⱼ + |β|·|Cᵢⱼ|. β = 0 means C is not read (BLAS), so
 * NaN in C does not reach the result. Outputs are m×n column-major, ld = m.
 */
export function gemmRef(
  transA: boolean, transB: boolean, m: number, n: number, k: number, alpha: number,
  A: Mat, B: Mat, beta: number, C: Mat,
): { value: Float64Array; bound: Float64Array } {
  const value = new Float64Array(m * n);
  const bound = new Float64Array(m * n);
  const acc = new Acc2();
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) {
      acc.hi = 0;
      acc.lo = 0;
      let abs = 0;
      if (alpha !== 0) {
        for (let p = 0; p < k; p++) {
          const a = opAt(A, transA, i, p);
          const b = opAt(B, transB, p, j);
          acc.addProd(a, b);
          abs += Math.abs(a) * Math.abs(b);
        }
      }
      const c = beta === 0 ? 0 : C.data[C.off + i + j * C.ld]!;
      value[i + j * m] = combine(alpha, acc, beta, c);
      bound[i + j * m] = Math.abs(alpha) * abs + Math.abs(beta) * Math.abs(c);
    }
  }
  return { value, bound };
}

/**
 * Reference for y ← α·op(A)·x + β·y (BLAS dgemv), A m×n. β = 0 means y is not read. Returns the
 * new y (length m for op = A, n for Aᵀ, unit stride) and its bound.
 */
export function gemvRef(
  trans: boolean, m: number, n: number, alpha: number, A: Mat,
  x: Float64Array, offX: number, incx: number, beta: number, y: Float64Array, offY: number, incy: number,
): { value: Float64Array; bound: Float64Array } {
  const leny = trans ? n : m;
  const lenx = trans ? m : n;
  const value = new Float64Array(leny);
  const bound = new Float64Array(leny);
  const acc = new Acc2();
  for (let i = 0; i < leny; i++) {
    acc.hi = 0;
    acc.lo = 0;
    let abs = 0;
    if (alpha !== 0) {
      for (let p = 0; p < lenx; p++) {
        const a = opAt(A, trans, i, p);
        const b = x[offX + p * incx]!;
        acc.addProd(a, b);
        abs += Math.abs(a) * Math.abs(b);
      }
    }
    const c = beta === 0 ? 0 : y[offY + i * incy]!;
    value[i] = combine(alpha, acc, beta, c);
    bound[i] = Math.abs(alpha) * abs + Math.abs(beta) * Math.abs(c);
  }
  return { value, bound };
}

/**
 * ‖x‖₂ to about one ulp for any finite x (no FMA needed): x is scaled by an exact power of two so
 * that max|xᵢ| lies in [1, 2), the squares are summed by Dot2, and the root is taken of the
 * double-double sum (sqrt(hi + lo) with one Newton correction). NaN → NaN, Inf (no NaN) → Inf.
 */
export function nrm2Ref(values: ArrayLike<number>): number {
  let amax = 0;
  let nan = false;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]!);
    if (a !== a) nan = true;
    else if (a > amax) amax = a;
  }
  if (nan) return NaN;
  if (amax === Infinity) return Infinity;
  if (amax === 0) return 0;
  const e = Math.floor(Math.log2(amax));
  const s = pow2(-e); // exact: amax·s ∈ [0.5, 4)
  const acc = new Acc2();
  for (let i = 0; i < values.length; i++) {
    const v = values[i]! * s; // exact unless it underflows, and then below amax²·2^-1000
    acc.addProd(v, v);
  }
  const r = Math.sqrt(acc.hi);
  // One Newton step on the double-double sum: r' = r + (hi + lo − r²) / (2r).
  const r2 = new Acc2();
  r2.addProd(r, r);
  const corr = (acc.hi - r2.hi + (acc.lo - r2.lo)) / (2 * r);
  return (r + corr) / s;
}

/** 2^e exactly for −1074 ≤ e ≤ 1023. */
export function pow2(e: number): number {
  if (e > 1023) return Infinity;
  if (e >= -1022) return 2 ** e;
  return 2 ** (e + 600) * 2 ** -600;
}

/** ‖A‖_F reference for an m×n column-major matrix. */
export function froRef(m: number, n: number, A: Mat): number {
  const v: number[] = [];
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) v.push(A.data[A.off + i + j * A.ld]!);
  return nrm2Ref(v);
}

/** ⌊log₂ x⌋ for finite x > 0, exact (Math.log2's guess corrected against the powers of two). */
export function ilog2(x: number): number {
  let e = Math.floor(Math.log2(x));
  if (pow2(e) > x) e--;
  else if (pow2(e + 1) <= x) e++;
  return e;
}

/** max |xᵢ|; NaN once met. */
export function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]!);
    if (!(a <= m)) m = a;
  }
  return m;
}

/** v·2^k in two exact steps (k up to ±1100 without overflowing the factor). */
export function scale2(v: number, k: number): number {
  const h = Math.trunc(k / 2);
  return k >= 0 ? v * pow2(h) * pow2(k - h) : v * pow2(k - h) * pow2(h);
}

/** k with 2^k·max|x| ∈ [1, 2) (0 for an all-zero or non-finite x). */
export function unitExponent(x: ArrayLike<number>): number {
  const m = maxAbs(x);
  return m === 0 || !Number.isFinite(m) ? 0 : -ilog2(m);
}

/** ‖X‖₁ (largest column sum of |·|) of the m×n part of column-major X (leading dimension ld); NaN propagates. */
export function norm1(X: ArrayLike<number>, m: number, n: number, ld = m): number {
  let r = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += Math.abs(X[i + j * ld]!);
    r = Math.max(r, s);
  }
  return r;
}
