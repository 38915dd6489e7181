/**
 * @internal
 * What expm, sqrtm and logm share: entry access, the real Schur form of a scaled copy, the
 * back-transform Z·F·Zᵀ, the diagonal-block walk of a quasi-triangular matrix, and ‖|M|^p‖₁ by
 * vector–matrix products.
 *
 * ‖|M|^p‖₁ of a non-negative matrix is exactly ‖eᵀ·|M|^p‖∞ (its column sums are the entries of
 * eᵀ·|M|^p), computed with p products vᵀ ← vᵀ·|M| (gemv), the vector renormalised after each so that
 * no power overflows or underflows; the result is returned as a base-2 logarithm. Al-Mohy & Higham
 * 2009 (§4, "the ℓ correction") and scipy's expm use the same quantity.
 */
import { NormKind } from '../core/backend.js';
import { LinAlgError, shapeStr } from '../core/errors.js';
import * as lapack from '../core/lapack.js';
import { scoped, type Scope } from '../core/scope.js';
import { maxAbs } from '../api/checks.js';
import { clonePadded, zeros } from '../api/convert.js';
import { Matrix } from '../api/matrix.js';

/** @internal Entry (i, j) of M is a[o + i + j·ld]. */
export interface Entries {
  a: Float64Array;
  o: number;
  ld: number;
}

/** @internal Direct access to M's entries. */
export function entries(M: Matrix): Entries {
  const s = M._store();
  return { a: s.array(), o: s.offset, ld: M._ld };
}

/** @internal M ← M + α·I (square M). */
export function addDiagonal(M: Matrix, alpha: number): void {
  const { a, o, ld } = entries(M);
  for (let i = 0; i < M.rows; i++) a[o + i * (ld + 1)] = a[o + i * (ld + 1)]! + alpha;
}

/** @internal A new n×n identity. */
export function identity(n: number): Matrix {
  const I = zeros(n, n);
  addDiagonal(I, 1);
  return I;
}

/** @internal ‖M‖₁. */
export function norm1(M: Matrix): number {
  return lapack.lange(NormKind.One, M._v());
}

/**
 * @internal The powers ‖|M|^p‖₁ for increasing p, as base-2 logarithms (−Infinity for a zero power):
 * `advance(k)` multiplies the running vector by |M| k more times.
 */
export class AbsPowers {
  private readonly absM: Matrix;
  private v: Float64Array;
  private w: Float64Array;
  private log2Scale = 0;
  private zero = false;
  p = 0;

  constructor(M: Matrix) {
    const n = M.rows;
    this.absM = Matrix._alloc(n, n);
    try {
      const src = entries(M);
      const dst = entries(this.absM);
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) dst.a[dst.o + i + j * dst.ld] = Math.abs(src.a[src.o + i + j * src.ld]!);
      }
    } catch (e) {
      this.absM.dispose();
      throw e;
    }
    this.v = new Float64Array(n).fill(1);
    this.w = new Float64Array(n);
  }

  /** Multiplies the running vector by |M| k more times. */
  advance(k: number): this {
    for (let t = 0; t < k && !this.zero; t++) {
      lapack.gemv(this.absM._v(), this.v, this.w, { trans: true });
      let mx = 0;
      for (let i = 0; i < this.w.length; i++) if (this.w[i]! > mx) mx = this.w[i]!;
      if (mx === 0) {
        this.zero = true;
        break;
      }
      for (let i = 0; i < this.w.length; i++) this.w[i] = this.w[i]! / mx;
      this.log2Scale += Math.log2(mx);
      const t2 = this.v;
      this.v = this.w;
      this.w = t2;
    }
    this.p += k;
    return this;
  }

  /** log2 ‖|M|^p‖₁ for the p reached. */
  log2Norm(): number {
    return this.zero ? -Infinity : this.log2Scale;
  }

  dispose(): void {
    this.absM.dispose();
  }
}

/**
 * @internal An estimate (a lower bound, usually exact or within a factor of 3) of ‖B‖₁ for the n×n
 * operator B given by products y = B·x (`apply`) and y = Bᵀ·x (`applyT`): Hager's method as refined by
 * Higham (LAPACK dlacn2; N. J. Higham, "FORTRAN codes for estimating the one-norm of a real or complex
 * matrix", ACM TOMS 14(4), 1988, Algorithm 4.1): at most 5 steps of the power-like iteration on the
 * sign vectors, then the extra estimate from x_i = (−1)^i·(1 + i/(n − 1)).
 */
export function normest1(n: number, apply: (x: Float64Array) => Float64Array, applyT: (x: Float64Array) => Float64Array): number {
  const norm1v = (y: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < y.length; i++) s += Math.abs(y[i]!);
    return s;
  };
  const sign = (y: Float64Array): Float64Array => y.map((v) => (v >= 0 ? 1 : -1));
  const argmaxAbs = (z: Float64Array): number => {
    let j = 0;
    for (let i = 1; i < z.length; i++) if (Math.abs(z[i]!) > Math.abs(z[j]!)) j = i;
    return j;
  };
  let y = apply(new Float64Array(n).fill(1 / n));
  let est = norm1v(y);
  if (n === 1) return est;
  let xi = sign(y);
  let j = argmaxAbs(applyT(xi));
  for (let it = 0; it < 5; it++) {
    const x = new Float64Array(n);
    x[j] = 1;
    y = apply(x);
    const old = est;
    est = norm1v(y);
    const s = sign(y);
    if (est <= old || s.every((v, i) => v === xi[i])) {
      est = Math.max(est, old);
      break;
    }
    xi = s;
    const z = applyT(xi);
    const jNew = argmaxAbs(z);
    if (Math.abs(z[jNew]!) === Math.abs(z[j]!)) break;
    j = jNew;
  }
  const alt = apply(Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : -1) * (1 + i / (n - 1))));
  return Math.max(est, (2 * norm1v(alt)) / (3 * n));
}

/** @internal y = M₁·(M₂·x) (or with both transposed, in the reverse order): the products of normest1. */
export function productApply(M1: Matrix, M2: Matrix, trans: boolean): (x: Float64Array) => Float64Array {
  return (x) => {
    const t = new Float64Array(M1.rows);
    const y = new Float64Array(M1.rows);
    if (trans) {
      lapack.gemv(M1._v(), x, t, { trans: true });
      lapack.gemv(M2._v(), t, y, { trans: true });
    } else {
      lapack.gemv(M2._v(), x, t);
      lapack.gemv(M1._v(), t, y);
    }
    return y;
  };
}

/** @internal ‖|M|^p‖₁^(1/p), through AbsPowers. */
export function absPowerRoot(M: Matrix, p: number): number {
  const P = new AbsPowers(M);
  try {
    return 2 ** (P.advance(p).log2Norm() / p);
  } finally {
    P.dispose();
  }
}

/** @internal The real Schur form of s·A: T (quasi-triangular, padded storage), Z, the eigenvalues. */
export interface RealSchur {
  T: Matrix;
  Z: Matrix;
  wr: Float64Array;
  wi: Float64Array;
}

/**
 * @internal The real Schur form of s·A (s a power of two, so the copy is exact): T and Z owned by the
 * caller. LinAlgError 'no-convergence' when the QR iteration fails.
 */
export function realSchur(fn: string, A: Matrix, s: number): RealSchur {
  const n = A.rows;
  return scoped((sc) => {
    const T = sc.track(clonePadded(A));
    if (s !== 1) lapack.scal(s, T._v());
    const Z = sc.track(Matrix._alloc(n, n));
    const wr = new Float64Array(n);
    const wi = new Float64Array(n);
    const info = lapack.gees(T._v(), wr, wi, Z._v());
    if (info > 0) throw new LinAlgError('no-convergence', `${fn}: the QR iteration of the Schur form did not converge (${info} eigenvalue(s) not found)`, info);
    return { T: sc.keep(T), Z: sc.keep(Z), wr, wi };
  });
}

/**
 * @internal The front of sqrtm and logm, run inside the caller's scope `sc` (which then owns T and
 * Z): the real Schur form of c·A and the check of its eigenvalues — a negative real one is a
 * LinAlgError 'no-real-result' (the principal `what` is not real), a zero one 'singular' when
 * `zeroIsSingular`. With `checkFinite` off, a NaN/Inf in A that reached T is 'not-finite', and a QR
 * iteration that failed on one too.
 */
export function schurFront(sc: Scope, fn: string, A: Matrix, c: number, check: boolean, what: string, zeroIsSingular: boolean): RealSchur {
  const n = A.rows;
  let r: RealSchur;
  try {
    r = realSchur(fn, A, c);
  } catch (e) {
    if (!check && !Number.isFinite(maxAbs(A))) throw notFiniteAfter(fn);
    throw e;
  }
  sc.track(r.T);
  sc.track(r.Z);
  if (!check && !Number.isFinite(maxAbs(r.T))) throw notFiniteAfter(fn);
  for (let i = 0; i < n; i++) {
    if (r.wi[i] !== 0) continue;
    if (r.wr[i]! < 0) {
      throw new LinAlgError('no-real-result', `${fn}: A (${shapeStr(n, n)}) has a negative real eigenvalue (${r.wr[i]! / c}): its principal ${what} is not real`);
    }
    if (zeroIsSingular && r.wr[i] === 0) throw new LinAlgError('singular', `${fn}: A (${shapeStr(n, n)}) is singular (a zero eigenvalue): its ${what} does not exist`);
  }
  return r;
}

function notFiniteAfter(fn: string): LinAlgError {
  return new LinAlgError('not-finite', `${fn}: A contains NaN or Inf (found after the computation; checkFinite was off)`);
}

/**
 * @internal A power of four (so that a square root scales exactly, by its square root) bringing
 * max|A| into [2^-480, 2^480]; 1 when it already is, or A is zero.
 */
export function safeScale4(A: Matrix): number {
  const amax = maxAbs(A);
  if (amax === 0 || !Number.isFinite(amax)) return 1;
  const even = (e: number): number => 2 * Math.ceil(e / 2);
  if (amax > 2 ** 480) return 2 ** -even(Math.log2(amax / 2 ** 480));
  if (amax < 2 ** -480) return 2 ** even(Math.log2(2 ** -480 / amax));
  return 1;
}

/** @internal Z·F·Zᵀ, a new matrix. */
export function backTransform(Z: Matrix, F: Matrix): Matrix {
  const n = Z.rows;
  return scoped((sc) => {
    const ZF = sc.track(Matrix._alloc(n, n));
    lapack.gemm(Z._v(), F._v(), ZF._v());
    const X = sc.track(Matrix._alloc(n, n));
    lapack.gemm(ZF._v(), Z._v(), X._v(), { transB: true });
    return sc.keep(X);
  });
}

/**
 * @internal The diagonal blocks of a quasi-triangular T: calls f(i, size) for each 1×1 (size 1) and
 * 2×2 (size 2, T[i+1, i] ≠ 0) block, top to bottom.
 */
export function forBlocks(T: Matrix, f: (i: number, size: 1 | 2) => void): void {
  const { a, o, ld } = entries(T);
  const n = T.rows;
  for (let i = 0; i < n; ) {
    if (i + 1 < n && a[o + i + 1 + i * ld] !== 0) {
      f(i, 2);
      i += 2;
    } else {
      f(i, 1);
      i += 1;
    }
  }
}
