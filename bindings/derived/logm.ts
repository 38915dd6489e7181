/**
 * The principal matrix logarithm by inverse scaling and squaring on the real Schur form.
 *
 * Algorithm: A. H. Al-Mohy and N. J. Higham, "Improved inverse scaling and squaring algorithms for
 * the matrix logarithm", SIAM J. Sci. Comput. 34(4) (2012), Algorithm 4.1 (iss_schur_new), in the
 * real-arithmetic form of A. H. Al-Mohy, N. J. Higham and S. D. Relton, "Computing the Fréchet
 * derivative of the matrix logarithm and estimating the condition number", SIAM J. Sci. Comput. 35(4)
 * (2013), Algorithm 5.1 without the Fréchet part:
 *   1. A = Z·T·Zᵀ, T real quasi-triangular (gees).
 *   2. s₀ square roots T ← T^(1/2) (kernel trsqrt), s₀ the least number that brings every eigenvalue
 *      into |λ^(1/2^s) − 1| ≤ θ₇ (scalar square roots of the eigenvalues).
 *   3. The degree m ≤ 7 of the Padé approximant r_m of log(1 + x) and possibly up to two more square
 *      roots, from α_p = max(d_p, d_{p+1}) with d_p = ‖(T − I)^p‖₁^(1/p) against θ_m (the flow of
 *      Algorithm 4.1 lines 5–18). Here d_p is the upper bound ‖|T − I|^p‖₁^(1/p) (≥ ‖(T − I)^p‖₁^(1/p),
 *      exact by p vector–matrix products, matfun-common.ts) instead of a norm estimate: never an
 *      under-estimate, so the backward-error bound of the chosen (s, m) holds; at worst a square root
 *      more than with exact norms.
 *   4. R = T^(1/2^s) − I with its diagonal blocks recomputed from T₀ without cancellation (Algorithm
 *      5.1 of the 2012 paper: a^(1/2^s) − 1 = (a − 1)/∏ⱼ(1 + a^(1/2^j)); a 2×2 block B with eigenvalues
 *      θ ± iμ through f(B) = Re f(λ)·I + (Im f(λ)/μ)·(B − θ·I), the real form of AHR 2013 §5) and the
 *      superdiagonal entry between two 1×1 blocks by Higham & Lin's formula (2011, (5.6)).
 *   5. U = 2^s·r_m(R) = 2^s·Σⱼ wⱼ·(I + xⱼ·R)⁻¹·R (Gauss–Legendre nodes xⱼ and weights wⱼ on [0, 1]:
 *      the partial-fraction form, one quasi-triangular solve each, kernel qtrsm).
 *   6. The diagonal blocks of U recomputed as log(T₀)'s (log t for a 1×1 block; ln|λ|·I +
 *      (arg λ/μ)·(B − θ·I) for a 2×2 one) and the superdiagonal between two 1×1 blocks by the atanh
 *      formula (Higham, "Functions of Matrices" (SIAM 2008), (11.28)); then log A = Z·U·Zᵀ.
 * A far from 1 in scale is first multiplied by a power of two c (log(cA) = log A + ln c·I).
 *
 * Errors: a negative real eigenvalue (the principal logarithm is not real) is a LinAlgError
 * 'no-real-result'; a zero eigenvalue (singular A) 'singular'.
 */
import { LinAlgError, shapeStr } from '../core/errors.js';
import * as lapack from '../core/lapack.js';
import { scoped, type Scope } from '../core/scope.js';
import { optionsOf } from '../core/validate.js';
import { checkFiniteOption, maxAbs, requireFinite, requireSquare, type FiniteOption } from '../api/checks.js';
import { copyOf, withMatrix, zeros, type MatrixLike } from '../api/convert.js';
import type { Matrix } from '../api/matrix.js';
import { absPowerRoot, addDiagonal, backTransform, entries, forBlocks, schurFront, type Entries } from './matfun-common.js';

/** θ_m for the [m/m] Padé approximant of log(1 + x) (Al-Mohy & Higham 2012, Table 2.1). */
const THETA = [0, 1.586970738772063e-5, 2.313807884242979e-3, 1.938179313533253e-2, 6.209171588994762e-2, 1.276404810806775e-1, 2.060962623452836e-1, 2.879093714241194e-1];
/** At most this many square roots (an eigenvalue of modulus 2^±1100 needs about 12). */
const MAX_ROOTS = 64;

/**
 * The principal logarithm X of a square matrix (e^X = A, eigenvalues of X with imaginary parts in
 * (−π, π)), by inverse scaling and squaring on the real Schur form (Al-Mohy & Higham 2012), as
 * scipy.linalg.logm for real input with a real result.
 *
 * Throws a LinAlgError 'no-real-result' when A has a negative real eigenvalue, 'singular' when A is
 * singular (a zero eigenvalue), 'not-finite' for NaN/Inf (unless `checkFinite: false`). 0×0 gives
 * 0×0.
 *
 * @example
 * ```ts
 * logm([[Math.E, 0], [0, 1]]);  // [[1, 0], [0, 0]]
 * logm([[1, 1], [0, 1]]);       // [[0, 1], [0, 0]]
 * logm(expm(A));                // ≈ A when A's eigenvalues have imaginary parts in (−π, π)
 * ```
 */
export function logm(A: MatrixLike, options?: FiniteOption | null): Matrix {
  const o = optionsOf('logm', options);
  return withMatrix('logm', 'A', A, (A) => {
    requireSquare('logm', A);
    const check = checkFiniteOption(o);
    if (check) requireFinite('logm', A);
    const n = A.rows;
    if (n === 0) return zeros(0, 0);
    const c = scaleOf(A);
    return scoped((sc) => {
      const { T, Z, wr, wi } = schurFront(sc, 'logm', A, c, check, 'logarithm', true);
      const U = sc.track(logQuasiTriangular(sc, T, wr, wi));
      const X = sc.track(backTransform(Z, U));
      if (c !== 1) addDiagonal(X, -Math.log(c));
      return sc.keep(X);
    });
  });
}

/** A power of two bringing max|A| near 1 when it is far from it (outside [2^-64, 2^64]); else 1. */
function scaleOf(A: Matrix): number {
  const amax = maxAbs(A);
  if (amax === 0 || !Number.isFinite(amax) || (amax >= 2 ** -64 && amax <= 2 ** 64)) return 1;
  return 2 ** -Math.round(Math.log2(amax));
}

/** log T for a quasi-triangular T (destroyed), a new matrix tracked by sc. */
function logQuasiTriangular(sc: Scope, T: Matrix, wr: Float64Array, wi: Float64Array): Matrix {
  const n = T.rows;
  const T0 = sc.track(copyOf(T));
  // 2. s₀ from the eigenvalues.
  let s0 = 0;
  const re = Float64Array.from(wr);
  const im = Float64Array.from(wi);
  for (;;) {
    let far = 0;
    for (let i = 0; i < n; i++) far = Math.max(far, Math.hypot(re[i]! - 1, im[i]!));
    if (far <= THETA[7]!) break;
    if (s0 >= MAX_ROOTS) throw noConvergence(n);
    for (let i = 0; i < n; i++) [re[i], im[i]] = csqrt(re[i]!, im[i]!);
    s0++;
  }
  const root = (): void => {
    const info = lapack.trsqrt(T._v());
    if (info > 0) throw new LinAlgError('singular', `logm: A (${shapeStr(n, n)}) is singular`, info);
  };
  for (let i = 0; i < s0; i++) root();
  // 3. The degree m and the extra square roots (Al-Mohy & Higham 2012, Algorithm 4.1, lines 4–18).
  let s = s0;
  const R = sc.track(copyOf(T));
  const d = (p: number): number => absPowerRoot(R, p);
  const refresh = (): void => {
    const r = entries(R);
    const t = entries(T);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) r.a[r.o + i + j * r.ld] = t.a[t.o + i + j * t.ld]!;
    addDiagonal(R, -1);
  };
  refresh();
  let m = 0;
  let k = 0;
  let d3 = d(3);
  const alpha2 = Math.max(d(2), d3);
  for (const i of [1, 2]) {
    if (alpha2 <= THETA[i]!) {
      m = i;
      break;
    }
  }
  while (m === 0) {
    if (s > s0) d3 = d(3);
    const d4 = d(4);
    const alpha3 = Math.max(d3, d4);
    if (alpha3 <= THETA[7]!) {
      let j1 = 3;
      while (alpha3 > THETA[j1]!) j1++;
      if (j1 <= 6) {
        m = j1;
        break;
      }
      if (alpha3 / 2 <= THETA[5]! && k < 2) {
        k++;
        root();
        s++;
        refresh();
        continue;
      }
    }
    const eta = Math.min(alpha3, Math.max(d4, d(5)));
    for (const i of [6, 7]) {
      if (eta <= THETA[i]!) {
        m = i;
        break;
      }
    }
    if (m !== 0) break;
    if (s >= MAX_ROOTS) throw noConvergence(n);
    root();
    s++;
    refresh();
  }
  // 4. R = T^(1/2^s) − I with the diagonal blocks and the 1×1–1×1 superdiagonal from T₀.
  const t0 = entries(T0);
  const r = entries(R);
  const p = 2 ** -s;
  forBlocks(T0, (i, size) => {
    if (size === 1) {
      r.a[r.o + i * (r.ld + 1)] = powerMinus1(t0.a[t0.o + i * (t0.ld + 1)]!, 0, s)[0];
    } else {
      setBlock(r, i, t0, (x, y) => powerMinus1(x, y, s));
    }
  });
  superdiagonal(T0, (l1, l2, t12) => powerSuperdiag(l1, l2, t12, p), r);
  // 5. U = 2^s·Σⱼ wⱼ·(I + xⱼ·R)⁻¹·R.
  const [x, w] = gaussLegendre01(m);
  const U = sc.track(zeros(n, n));
  const M = sc.track(copyOf(R));
  const X = sc.track(copyOf(R));
  for (let j = 0; j < m; j++) {
    lapack.geadd(x[j]!, R._v(), 0, R._v(), M._v());
    addDiagonal(M, 1);
    lapack.geadd(w[j]!, R._v(), 0, R._v(), X._v());
    const info = lapack.qtrsm(M._v(), X._v());
    if (info > 0) throw new LinAlgError('singular', `logm: a Padé denominator is singular (A is ${shapeStr(n, n)}; not expected)`, info);
    lapack.geadd(1, U._v(), 1, X._v(), U._v());
  }
  lapack.scal(2 ** s, U._v());
  // 6. The diagonal blocks and the 1×1–1×1 superdiagonal of log T₀.
  const u = entries(U);
  forBlocks(T0, (i, size) => {
    if (size === 1) {
      u.a[u.o + i * (u.ld + 1)] = Math.log(t0.a[t0.o + i * (t0.ld + 1)]!);
    } else {
      setBlock(u, i, t0, (xr, xi) => [Math.log(Math.hypot(xr, xi)), Math.atan2(xi, xr)]);
    }
  });
  superdiagonal(T0, logSuperdiag, u);
  return sc.keep(U);
}

function noConvergence(n: number): LinAlgError {
  return new LinAlgError('no-convergence', `logm: more than ${MAX_ROOTS} square roots needed (A is ${shapeStr(n, n)})`);
}

/**
 * Block (i, i) of dst (2×2) ← f(B) for the 2×2 block B of T₀ at (i, i) with eigenvalues θ ± iμ, μ > 0:
 * f(B) = Re f(λ)·I + (Im f(λ)/μ)·(B − θ·I), f given as a complex function of λ = θ + iμ.
 */
function setBlock(dst: Entries, i: number, t0: Entries, f: (re: number, im: number) => [number, number]): void {
  const q = t0.o + i * (t0.ld + 1);
  const a = t0.a[q]!;
  const c = t0.a[q + 1]!;
  const b = t0.a[q + t0.ld]!;
  const dd = t0.a[q + t0.ld + 1]!;
  const theta = 0.5 * a + 0.5 * dd;
  const h = 0.5 * a - 0.5 * dd;
  const mu = h === 0 ? Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c)) : Math.sqrt(-(h * h + b * c));
  const [fr, fi] = f(theta, mu);
  const g = fi / mu;
  const o = dst.o + i * (dst.ld + 1);
  dst.a[o] = fr + g * h;
  dst.a[o + 1] = g * c;
  dst.a[o + dst.ld] = g * b;
  dst.a[o + dst.ld + 1] = fr - g * h;
}

/** For each pair of adjacent 1×1 blocks (j, j+1) of T₀: dst[j, j+1] ← f(t_jj, t_{j+1,j+1}, t_{j,j+1}). */
function superdiagonal(T0: Matrix, f: (l1: number, l2: number, t12: number) => number, dst: Entries): void {
  const t = entries(T0);
  const n = T0.rows;
  const one = (j: number): boolean => (j === 0 || t.a[t.o + j + (j - 1) * t.ld] === 0) && (j === n - 1 || t.a[t.o + j + 1 + j * t.ld] === 0);
  for (let j = 0; j + 1 < n; j++) {
    if (one(j) && one(j + 1)) {
      dst.a[dst.o + j + (j + 1) * dst.ld] = f(t.a[t.o + j * (t.ld + 1)]!, t.a[t.o + (j + 1) * (t.ld + 1)]!, t.a[t.o + j + (j + 1) * t.ld]!);
    }
  }
}

/** The principal square root of re + i·im. */
function csqrt(re: number, im: number): [number, number] {
  if (im === 0) return re >= 0 ? [Math.sqrt(re), 0] : [0, Math.sqrt(-re)];
  const r = Math.hypot(re, im);
  if (re >= 0) {
    const a = Math.sqrt(0.5 * (r + re));
    return [a, im / (2 * a)];
  }
  const b = Math.sqrt(0.5 * (r - re));
  return [Math.abs(im) / (2 * b), im < 0 ? -b : b];
}

/**
 * a^(1/2^k) − 1 for a = re + i·im off the closed negative real axis, without cancellation
 * (Al-Mohy & Higham 2012, Algorithm 5.1): (a − 1)/∏ⱼ₌₁..ₖ(1 + a^(1/2^j)), after one square root first
 * when arg a ≥ π/2.
 */
function powerMinus1(re: number, im: number, k: number): [number, number] {
  let ar = re;
  let ai = im;
  if (k > 0 && Math.atan2(ai, ar) >= Math.PI / 2) {
    [ar, ai] = csqrt(ar, ai);
    k--;
  }
  if (k === 0) return [ar - 1, ai];
  const zr = ar - 1;
  const zi = ai;
  let pr = 1;
  let pi = 0;
  for (let j = 0; j < k; j++) {
    [ar, ai] = csqrt(ar, ai);
    const qr = 1 + ar;
    const t = pr * qr - pi * ai;
    pi = pr * ai + pi * qr;
    pr = t;
  }
  // (zr + i·zi)/(pr + i·pi), scaled (Smith's method).
  if (Math.abs(pi) <= Math.abs(pr)) {
    const e = pi / pr;
    const den = pr + pi * e;
    return [(zr + zi * e) / den, (zi - zr * e) / den];
  }
  const e = pr / pi;
  const den = pr * e + pi;
  return [(zr * e + zi) / den, (zi * e - zr) / den];
}

/** Entry (1, 2) of [[l1, t12], [0, l2]]^p, l1, l2 > 0, without cancellation (Higham & Lin 2011, (5.6)). */
function powerSuperdiag(l1: number, l2: number, t12: number, p: number): number {
  if (l1 === l2) return t12 * p * l1 ** (p - 1);
  if (Math.abs(l2 - l1) > 0.5 * Math.abs(l1 + l2)) return (t12 * (l2 ** p - l1 ** p)) / (l2 - l1);
  const z = (l2 - l1) / (l2 + l1);
  return (t12 * 2 * Math.exp(0.5 * p * (Math.log(l1) + Math.log(l2))) * Math.sinh(p * Math.atanh(z))) / (l2 - l1);
}

/** Entry (1, 2) of log [[l1, t12], [0, l2]], l1, l2 > 0, without cancellation (Higham 2008, (11.28)). */
function logSuperdiag(l1: number, l2: number, t12: number): number {
  if (l1 === l2) return t12 / l1;
  if (Math.abs(l2 - l1) > 0.5 * Math.abs(l1 + l2)) return (t12 * (Math.log(l2) - Math.log(l1))) / (l2 - l1);
  const z = (l2 - l1) / (l2 + l1);
  return (t12 * 2 * Math.atanh(z)) / (l2 - l1);
}

/** Gauss–Legendre nodes and weights on [0, 1], m points (Newton's method on P_m from Tricomi's guesses). */
function gaussLegendre01(m: number): [Float64Array, Float64Array] {
  const x = new Float64Array(m);
  const w = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (m + 0.5));
    let dp = 1;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= m; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (m * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) <= 1e-17) break;
    }
    x[m - 1 - i] = 0.5 + 0.5 * z;
    w[m - 1 - i] = 1 / ((1 - z * z) * dp * dp);
  }
  return [x, w];
}
