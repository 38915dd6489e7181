/**
 * General (nonsymmetric) eigenproblem: eig, eigvals, schur.
 *
 * Kernels (LAPACK dgeev's pipeline): balancing by permutation and power-of-two scaling (gebal),
 * blocked Householder reduction to upper Hessenberg form (gehrd), the Francis implicit double-shift QR iteration with
 * Ahues–Tisseur deflation, exceptional shifts and an iteration cap (hqr), giving the real Schur form
 * A = Z·T·Zᵀ, then eigenvectors by back-substitution on T (trevc), transformed back and normalised.
 *
 * Conventions: eigenvalues in the order they appear on the diagonal of T; a complex-conjugate pair is
 * adjacent with the positive imaginary part first. Eigenvectors: unit 2-norm (the complex 2-norm for a
 * pair), the entry of largest modulus real and positive. `vectors.re`/`vectors.im` hold the real and
 * imaginary parts, column j for eigenvalue j (so a pair's columns are complex conjugates).
 *
 * Accuracy: a backward-stable computation — ‖AV − VΛ‖ ≤ p(n)·eps·‖A‖·‖V‖. An eigenvalue is as accurate
 * as its condition allows: a simple one to about eps·‖A‖/|yᴴx|, a defective one (a Jordan block of
 * size k) only to about eps^(1/k)·‖A‖. Matrices with entries near overflow or underflow are scaled by a
 * power of two before the iteration (exact), and the eigenvalues scaled back.
 */
import * as lapack from '../core/lapack.js';
import { LinAlgError } from '../core/errors.js';
import { scoped } from '../core/scope.js';
import { optionsOf } from '../core/validate.js';
import { allFinite, checkFiniteOption, isFinite, maxAbs, notFinite, requireFinite, requireSquare, type FiniteOption } from './checks.js';
import { clonePadded, copyOf, withMatrix, zeros, type MatrixLike } from './convert.js';
import { Matrix } from './matrix.js';
import { disposableResult, type DisposableResult } from '../core/tidy.js';

/**
 * Options of {@link eig} and {@link eigvals}.
 *
 * @example
 * ```ts
 * eigvals(A, { balance: false });
 * ```
 */
export interface EigOptions extends FiniteOption {
  /** Balance the matrix first (permutation and scaling, LAPACK gebal); default true. */
  balance?: boolean;
}

/**
 * Eigenvalues of a general real matrix, split into real and imaginary parts: λⱼ = real[j] + i·imag[j].
 *
 * @example
 * ```ts
 * const { real, imag } = eigvals([[0, -1], [1, 0]]); // ±i: real [0, 0], imag [1, -1]
 * ```
 */
export interface EigvalsResult {
  /** Real parts of the eigenvalues. */
  real: Float64Array;
  /** Imaginary parts (pairs adjacent, positive first). */
  imag: Float64Array;
}

/**
 * The result of {@link eig}: the eigenvalues and the right eigenvectors, A·vⱼ = λⱼ·vⱼ.
 *
 * @example
 * ```ts
 * const { real, imag, vectors } = eig(A);
 * const v0 = { re: vectors.re.column(0), im: vectors.im.column(0) }; // for λ₀ = real[0] + i·imag[0]
 * ```
 */
export interface EigResult extends EigvalsResult, DisposableResult {
  /** Right eigenvectors as columns: re + i·im, column j for eigenvalue j. */
  vectors: {
    /** Real parts of the eigenvectors. */
    re: Matrix;
    /** Imaginary parts of the eigenvectors (zero columns for real eigenvalues). */
    im: Matrix;
  };
}

/**
 * The real Schur form from {@link schur}: A = Z·T·Zᵀ.
 *
 * @example
 * ```ts
 * const { T, Z } = schur(A);
 * ```
 */
export interface SchurResult extends DisposableResult {
  /** Quasi-upper-triangular T (1×1 and standardised 2×2 diagonal blocks). */
  T: Matrix;
  /** Orthogonal Z with A = Z·T·Zᵀ. */
  Z: Matrix;
  /** Real parts of the eigenvalues, as they appear on T's diagonal. */
  real: Float64Array;
  /** Imaginary parts of the eigenvalues (pairs adjacent, positive first). */
  imag: Float64Array;
}

const BIG = 2 ** 480;
const SMALL = 2 ** -480;

/** A power of two bringing max|A| into [2^-480, 2^480] (1 when it already is, or A is zero). */
function safeScale(A: Matrix): number {
  const amax = maxAbs(A);
  if (amax === 0 || !Number.isFinite(amax)) return 1;
  // Even exponents, so that square roots of products of entries (a 2×2 block's imaginary part) scale
  // exactly too.
  const even = (e: number): number => 2 * Math.ceil(e / 2);
  if (amax > BIG) return 2 ** -even(Math.log2(amax / BIG));
  if (amax < SMALL) return 2 ** even(Math.log2(SMALL / amax));
  return 1;
}

/**
 * A working copy s·A in padded storage (clonePadded: a multiple of 64 rows gets a column stride of
 * n + 8). The QR sweeps walk rows of H across all columns, and a power-of-two column stride maps those
 * strided accesses onto a few cache sets (measured: geev at n = 512 took 4× longer than at 504 or 520;
 * with the padding it falls in line).
 */
function scaled(A: Matrix, s: number): Matrix {
  return scoped((sc) => {
    const W = sc.track(clonePadded(A));
    if (s !== 1) {
      for (let j = 0; j < A.cols; j++) lapack.scal(s, Matrix._view(W, 0, j, A.rows, 1)._v());
    }
    return sc.keep(W);
  });
}

function failure(fn: string, A: Matrix, info: number): LinAlgError {
  if (!Number.isFinite(maxAbs(A))) {
    return new LinAlgError('not-finite', `${fn}: A contains NaN or Inf`);
  }
  return new LinAlgError('no-convergence', `${fn}: the QR iteration did not converge (${info} eigenvalue(s) not found)`, info);
}

function run(fn: string, A: Matrix, wantVectors: boolean, options: EigOptions): EigvalsResult & { VR: Matrix | null } {
  requireSquare(fn, A);
  const check = checkFiniteOption(options);
  if (check) requireFinite(fn, A);
  const n = A.rows;
  const s = safeScale(A);
  const real = new Float64Array(n);
  const imag = new Float64Array(n);
  const VR = scoped((sc) => {
    const W = sc.track(scaled(A, s));
    const VR = wantVectors ? sc.track(Matrix._alloc(n, n)) : null;
    const info = lapack.geev(options.balance === false ? lapack.Balance.None : lapack.Balance.Both, W._v(), real, imag, VR?._v() ?? null);
    if (info > 0) throw failure(fn, A, info);
    // Unchecked: balancing can isolate an eigenvalue (a triangular part, e.g.) without reading the
    // entries beside it, so finite eigenvalues may come from a matrix holding NaN/Inf: look at A.
    if (!check && allFinite(real) && allFinite(imag) && (VR === null || isFinite(VR)) && !isFinite(A)) throw notFinite(fn, 'A');
    return VR === null ? null : sc.keep(VR);
  });
  if (s !== 1) {
    for (let i = 0; i < n; i++) {
      real[i] = real[i]! / s;
      imag[i] = imag[i]! / s;
    }
  }
  return { real, imag, VR };
}

/**
 * Eigenvalues and right eigenvectors of a general real square matrix (numpy's eig, LAPACK dgeev's
 * algorithm). Complex eigenvalues come in adjacent conjugate pairs, positive imaginary part first;
 * eigenvectors have unit 2-norm.
 *
 * @example
 * ```ts
 * const r = eig([[2, 0], [0, 3]]);
 * r.real;          // Float64Array [2, 3]
 * r.vectors.re;    // the identity
 * r.dispose();
 * ```
 */
export function eig(A: MatrixLike, options?: EigOptions | null): EigResult {
  const o = optionsOf('eig', options);
  return withMatrix('eig', 'A', A, (A) => {
    const { real, imag, VR } = run('eig', A, true, o);
    const n = A.rows;
    return scoped((sc) => {
      sc.track(VR!);
      const re = sc.track(Matrix._alloc(n, n));
      const im = sc.track(zeros(n, n));
      const v = VR!._store();
      const va = v.array();
      const rs = re._store();
      const ra = rs.array();
      const is = im._store();
      const ia = is.array();
      for (let j = 0; j < n; j++) {
        const src = v.offset + j * VR!._ld;
        ra.set(va.subarray(src, src + n), rs.offset + j * re._ld);
        if (imag[j]! > 0 && j + 1 < n) {
          // Pair: columns j (re) and j+1 (im) of VR are v = x + i·y; eigenvalue j+1 gets v̄.
          const srcIm = src + VR!._ld;
          ra.set(va.subarray(src, src + n), rs.offset + (j + 1) * re._ld);
          for (let i = 0; i < n; i++) {
            const y = va[srcIm + i]!;
            ia[is.offset + i + j * im._ld] = y;
            ia[is.offset + i + (j + 1) * im._ld] = -y;
          }
          j++;
        }
      }
      return disposableResult({ real, imag, vectors: { re: sc.keep(re), im: sc.keep(im) } });
    });
  });
}

/**
 * Eigenvalues of a general real square matrix only (faster: no Schur vectors, no back-substitution).
 *
 * @example
 * ```ts
 * eigvals([[0, -1], [1, 0]]); // { real: [0, 0], imag: [1, -1] }
 * ```
 */
export function eigvals(A: MatrixLike, options?: EigOptions | null): EigvalsResult {
  const o = optionsOf('eigvals', options);
  return withMatrix('eigvals', 'A', A, (A) => {
    const { real, imag } = run('eigvals', A, false, o);
    return { real, imag };
  });
}

/**
 * The real Schur form A = Z·T·Zᵀ: T quasi-upper-triangular (2×2 blocks for complex pairs), Z
 * orthogonal (no balancing).
 *
 * @example
 * ```ts
 * const r = schur(A);
 * r.T;          // eigenvalues on its diagonal blocks
 * r.dispose();  // frees T and Z
 * ```
 */
export function schur(A: MatrixLike, options?: FiniteOption | null): SchurResult {
  const o = optionsOf('schur', options);
  return withMatrix('schur', 'A', A, (A) => {
    requireSquare('schur', A);
    if (checkFiniteOption(o)) requireFinite('schur', A);
    const n = A.rows;
    const s = safeScale(A);
    const real = new Float64Array(n);
    const imag = new Float64Array(n);
    return scoped((sc) => {
      const W = sc.track(scaled(A, s));
      const Z = sc.track(Matrix._alloc(n, n));
      const info = lapack.gees(W._v(), real, imag, Z._v());
      if (info > 0) throw failure('schur', A, info);
      const T = sc.track(copyOf(W));
      if (s !== 1) {
        lapack.scal(1 / s, T._v());
        for (let i = 0; i < n; i++) {
          real[i] = real[i]! / s;
          imag[i] = imag[i]! / s;
        }
      }
      return disposableResult({ T: sc.keep(T), Z: sc.keep(Z), real, imag });
    });
  });
}
