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
 * Using complex results (JavaScript has no complex numbers): `vectors` is a {@link ComplexMatrix}
 * (`re`, `im`, `get(i, j)`, `column(j)`, `toArray()` of `[re, im]` pairs), and the result has
 * `value(k)` → `{ re, im }`, `vector(k)` → `{ re: Float64Array, im: Float64Array }`, `toArray()`
 * (everything as plain `[re, im]` pairs) and `residual()`, the scaled residual
 * max_k ‖A·v_k − λ_k·v_k‖₂ / (‖A‖_F·‖v_k‖₂) in complex arithmetic (of order n·eps for a
 * backward-stable result).
 *
 * Accuracy: a backward-stable computation — ‖AV − VΛ‖ ≤ p(n)·eps·‖A‖·‖V‖. An eigenvalue is as accurate
 * as its condition allows: a simple one to about eps·‖A‖/|yᴴx|, a defective one (a Jordan block of
 * size k) only to about eps^(1/k)·‖A‖. Matrices with entries near overflow or underflow are scaled by a
 * power of two before the iteration (exact), and the eigenvalues scaled back.
 */
import * as lapack from '../core/lapack.js';
import { NormKind } from '../core/backend.js';
import { LinAlgError, shapeStr } from '../core/errors.js';
import { checkIndex } from '../core/validate.js';
import { ComplexMatrix, type Complex, type ComplexVector } from './complex.js';
import { matmul } from './ops.js';
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
 * What {@link eig} returns: the eigenvalues as `real`/`imag` arrays, the eigenvectors as a
 * {@link ComplexMatrix}, and helpers (non-enumerable methods) to use them as complex numbers.
 *
 * @example
 * const r = eig(Matrix.from([[0, -1], [1, 0]])); // a rotation by 90°: λ = ±i
 * r.value(0);       // { re: 0, im: 1 }
 * r.vector(0);      // { re: Float64Array [0.7071…, 0], im: Float64Array [0, -0.7071…] }
 * r.toArray();      // { values: [[0, 1], [0, -1]], vectors: [[[re, im], …], …] }
 * r.residual();     // ≈ 1e-16: max_k ‖A·v_k − λ_k·v_k‖ / (‖A‖_F·‖v_k‖)
 * r.dispose();
 */
export interface EigResult extends EigvalsResult, DisposableResult {
  /** Right eigenvectors as columns: re + i·im, column j for eigenvalue j. */
  vectors: ComplexMatrix;
  /** Eigenvalue k as `{ re, im }`. */
  value(k: number): Complex;
  /** Eigenvector k (column k of `vectors`, unit 2-norm) as `{ re, im }` (copies). */
  vector(k: number): ComplexVector;
  /** Plain data: the eigenvalues as `[re, im]` pairs, the eigenvectors as nested rows of pairs. */
  toArray(): {
    /** The eigenvalues as `[re, im]` pairs. */
    values: [number, number][];
    /** The eigenvectors as nested rows of `[re, im]` pairs: entry (i, j) of `vectors`. */
    vectors: [number, number][][];
  };
  /**
   * max_k ‖A·v_k − λ_k·v_k‖₂ / (‖A‖_F·‖v_k‖₂), in complex arithmetic (0 for n = 0; a zero A gives
   * the unscaled residual). `A` defaults to the matrix `eig` was called with, as it is now (a
   * disposed one is a ReferenceError).
   */
  residual(A?: MatrixLike): number;
}

/** ‖x + i·y‖₂ (scaled: no overflow or underflow). */
function complexNorm(x: Float64Array, y: Float64Array): number {
  return Math.hypot(lapack.nrm2(x), lapack.nrm2(y));
}

/** The scaled residual of eig's result against A (see EigResult.residual). */
function residualOf(fn: string, A0: MatrixLike, real: Float64Array, imag: Float64Array, V: ComplexMatrix): number {
  return withMatrix(fn, 'A', A0, (A) => {
    const n = real.length;
    if (A.rows !== n || A.cols !== n) {
      throw new RangeError(`${fn}: A is ${shapeStr(A.rows, A.cols)} but there are ${n} eigenpairs (needs ${shapeStr(n, n)})`);
    }
    if (n === 0) return 0;
    return scoped((sc) => {
      const AVr = sc.track(matmul(A, V.re));
      const AVi = sc.track(matmul(A, V.im));
      const normA = lapack.lange(NormKind.Fro, A._v());
      let worst = 0;
      const rr = new Float64Array(n);
      const ri = new Float64Array(n);
      for (let k = 0; k < n; k++) {
        const vr = V.re.column(k);
        const vi = V.im.column(k);
        const ar = AVr.column(k);
        const ai = AVi.column(k);
        const lr = real[k]!;
        const li = imag[k]!;
        // r = A·v − λ·v, with λ·v = (lr·vr − li·vi) + i·(lr·vi + li·vr).
        for (let i = 0; i < n; i++) {
          rr[i] = ar[i]! - (lr * vr[i]! - li * vi[i]!);
          ri[i] = ai[i]! - (lr * vi[i]! + li * vr[i]!);
        }
        const num = complexNorm(rr, ri);
        const den = (normA === 0 ? 1 : normA) * complexNorm(vr, vi);
        const q = num === 0 ? 0 : num / den;
        if (!(q <= worst)) worst = q; // NaN wins
      }
      return worst;
    });
  });
}

/** Gives eig's result its helper methods (non-enumerable, like dispose). */
function withHelpers(r: EigvalsResult & DisposableResult & { vectors: ComplexMatrix }, A0: MatrixLike): EigResult {
  const n = r.real.length;
  const methods = {
    value(k: number): Complex {
      checkIndex('eig.value', 'k', k, n);
      return { re: r.real[k]!, im: r.imag[k]! };
    },
    vector(k: number): ComplexVector {
      checkIndex('eig.vector', 'k', k, n);
      return r.vectors.column(k);
    },
    toArray(): { values: [number, number][]; vectors: [number, number][][] } {
      return { values: Array.from(r.real, (x, k): [number, number] => [x, r.imag[k]!]), vectors: r.vectors.toArray() };
    },
    residual(A?: MatrixLike): number {
      return residualOf('eig.residual', A === undefined ? A0 : A, r.real, r.imag, r.vectors);
    },
  };
  for (const [k, f] of Object.entries(methods)) {
    Object.defineProperty(r, k, { value: f, enumerable: false, configurable: true, writable: true });
  }
  return r as EigResult;
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
 * Eigenvalues and right eigenvectors of a general square matrix (LAPACK dgeev's pipeline: balancing,
 * Hessenberg reduction, Francis double-shift QR, back-substitution; eigenvalues in the order they
 * appear on the Schur form's diagonal, eigenvectors of unit 2-norm with their largest-modulus entry
 * real and positive). Complex eigenvalues come in conjugate pairs, the one with the
 * positive imaginary part first; their eigenvectors are the columns of `vectors.re + i·vectors.im`.
 *
 * @example
 * const r = eig([[0, -1], [1, 0]]);
 * r.real, r.imag;   // Float64Array [0, 0], Float64Array [1, -1]
 * r.value(1);       // { re: 0, im: -1 }
 * r.vector(1);      // { re, im }: the eigenvector of −i
 * r.residual();     // of order eps
 * r.dispose();
 */
export function eig(A: MatrixLike, options?: EigOptions | null): EigResult {
  const o = optionsOf('eig', options);
  const A0 = A;
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
      return withHelpers(disposableResult({ real, imag, vectors: new ComplexMatrix(sc.keep(re), sc.keep(im)) }), A0);
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
