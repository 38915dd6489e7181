/**
 * The kernel calls of the API layer, written once for both backends: each function takes plain views
 * (bindings/core/store.ts), sizes the kernel's workspace with its `*Scratch` twin, runs the kernel of
 * the selected backend and frees the workspace before returning (a {@link Scope}). Flags are named
 * options, never positional booleans: `trsm(L, X, { lower: true, unit: true })`.
 *
 * Arguments are trusted (the API layer validated them: "validate at the edge, trust inside"); kernels
 * that can fail numerically return LAPACK's status, which the API layer turns into a LinAlgError.
 *
 * An operation whose output is empty returns before sizing workspace or copying operands: an m×0
 * operand may have 2^28 rows, and the kernels' loops over the other dimension (and the copies of a
 * JS-stored operand) would cost that much for nothing. What it returns is what the kernel gives.
 */
const empty = (V: { rows: number; cols: number }): boolean => V.rows === 0 || V.cols === 0;
import type { NormKind } from './backend.js';
import { scoped } from './scope.js';
import type { I32Ref, View } from './store.js';

/** C ← α·op(A)·op(B) + β·C (α = 1, β = 0 by default). */
export function gemm(
  A: View,
  B: View,
  C: View,
  o: { transA?: boolean; transB?: boolean; alpha?: number; beta?: number } = {},
): void {
  const tA = o.transA === true;
  const kk = tA ? A.rows : A.cols;
  if (empty(C)) return;
  scoped((s) => {
    const k = s.be.kernels;
    const w = s.f64(k.gemmScratch(C.rows, C.cols, kk));
    const a = s.in(A);
    const b = s.in(B);
    const c = s.out(C);
    k.gemm(+tA, +(o.transB === true), C.rows, C.cols, kk, o.alpha ?? 1, a.store, a.ld, b.store, b.ld, o.beta ?? 0, c.store, c.ld, w);
  });
}

/** y ← α·op(A)·x + β·y. */
export function gemv(A: View, x: Float64Array, y: Float64Array, o: { trans?: boolean; alpha?: number; beta?: number } = {}): void {
  if (y.length === 0) return;
  if (x.length === 0 && (o.beta ?? 0) === 0) {
    y.fill(0); // y ← 0·y, as the kernel does
    return;
  }
  scoped((s) => {
    const a = s.in(A);
    const px = s.vec(x);
    const py = s.vec(y, true);
    s.be.kernels.gemv(+(o.trans === true), A.rows, A.cols, o.alpha ?? 1, a.store, a.ld, px, 1, o.beta ?? 0, py, 1);
  });
}

/** C ← α·AᵀA (`trans`) or α·AAᵀ, the whole symmetric C: the lower triangle by SYRK, then mirrored. */
export function syrk(A: View, C: View, o: { trans: boolean; alpha?: number }): void {
  const n = C.rows;
  const kk = o.trans ? A.rows : A.cols;
  if (n === 0) return;
  scoped((s) => {
    const k = s.be.kernels;
    const w = s.f64(k.syrkScratch(n, kk));
    const a = s.in(A);
    const c = s.out(C);
    k.syrk(0, +o.trans, n, kk, o.alpha ?? 1, a.store, a.ld, 0, c.store, c.ld, w);
    k.symmetrize(n, c.store, c.ld);
  });
}

/** C ← α·A + β·B. */
export function geadd(alpha: number, A: View, beta: number, B: View, C: View): void {
  if (empty(C)) return;
  scoped((s) => {
    const a = s.in(A);
    const b = s.in(B);
    const c = s.out(C);
    s.be.kernels.geadd(C.rows, C.cols, alpha, a.store, a.ld, beta, b.store, b.ld, c.store, c.ld);
  });
}

/** C ← α·C in place (every entry multiplied, so NaN/Inf propagate). */
export function scal(alpha: number, C: View): void {
  if (empty(C)) return;
  scoped((s) => {
    const k = s.be.kernels;
    const c = s.out(C);
    if (c.ld === C.rows) k.scal(C.rows * C.cols, alpha, c.store, 1);
    else for (let j = 0; j < C.cols; j++) k.scal(C.rows, alpha, c.store.at(j * c.ld), 1);
  });
}

/** C ← A ∘ B. */
export function gemul(A: View, B: View, C: View): void {
  if (empty(C)) return;
  scoped((s) => {
    const a = s.in(A);
    const b = s.in(B);
    const c = s.out(C);
    s.be.kernels.gemul(C.rows, C.cols, a.store, a.ld, b.store, b.ld, c.store, c.ld);
  });
}

/** B ← Aᵀ. */
export function getrans(A: View, B: View): void {
  if (empty(A)) return;
  scoped((s) => {
    const a = s.in(A);
    const b = s.out(B);
    s.be.kernels.getrans(A.rows, A.cols, a.store, a.ld, b.store, b.ld);
  });
}

/** A matrix norm (max-abs, 1, ∞, Frobenius), scaled against overflow. */
export function lange(norm: NormKind, A: View): number {
  if (empty(A)) return 0; // the kernel's value for an empty matrix
  return scoped((s) => {
    const w = s.f64(Math.max(1, A.rows));
    const a = s.in(A);
    return s.be.kernels.lange(norm, A.rows, A.cols, a.store, a.ld, w);
  });
}

export interface TrsmOptions {
  /** B ← α·B·op(A)⁻¹ instead of α·op(A)⁻¹·B. */
  right?: boolean;
  /** A is lower triangular (default upper). */
  lower?: boolean;
  /** op(A) = Aᵀ. */
  trans?: boolean;
  /** A's diagonal is taken as ones (not read). */
  unit?: boolean;
  alpha?: number;
}

/** B ← α·op(A)⁻¹·B (or α·B·op(A)⁻¹ with `right`), A triangular: blocked TRSM. */
export function trsm(A: View, B: View, o: TrsmOptions = {}): void {
  if (empty(B)) return;
  scoped((s) => {
    const k = s.be.kernels;
    const w = s.f64(k.trsmScratch(B.rows, B.cols));
    const a = s.in(A);
    const b = s.out(B);
    k.trsm(+(o.right === true), +(o.lower !== true), +(o.trans === true), +(o.unit === true), B.rows, B.cols, o.alpha ?? 1, a.store, a.ld, b.store, b.ld, w);
  });
}

/** The row interchanges ipiv[k1:k2] on all columns of B (`reverse`: in the opposite order). */
export function laswp(B: View, ipiv: I32Ref, k1: number, k2: number, o: { reverse?: boolean } = {}): void {
  scoped((s) => {
    const b = s.out(B);
    s.be.kernels.laswp(B.cols, b.store, b.ld, k1, k2, ipiv, +(o.reverse === true));
  });
}

/** In-place LU with partial pivoting; LAPACK's info (0, or the first zero pivot, 1-based). */
export function getrf(A: View, ipiv: I32Ref): number {
  return scoped((s) => {
    const k = s.be.kernels;
    const w = s.f64(k.getrfScratch(A.rows, A.cols));
    const a = s.out(A);
    return k.getrf(A.rows, A.cols, a.store, a.ld, ipiv, w);
  });
}

/** In-place lower Cholesky; 0 or the order of the first non-positive leading minor. */
export function potrf(A: View): number {
  return scoped((s) => {
    const k = s.be.kernels;
    const w = s.f64(k.potrfScratch(A.rows));
    const a = s.out(A);
    return k.potrf(A.rows, a.store, a.ld, w);
  });
}

/** In-place Householder QR (R above, reflectors below the diagonal, τ out). */
export function geqrf(A: View, tau: View): void {
  scoped((s) => {
    const k = s.be.kernels;
    const w = s.f64(k.geqrfScratch(A.rows, A.cols));
    const a = s.out(A);
    k.geqrf(A.rows, A.cols, a.store, a.ld, s.out(tau).store, w);
  });
}

/** In-place QR with column pivoting (jpvt out: column j of A·P is column jpvt[j] of A). */
export function geqp3(A: View, jpvt: I32Ref, tau: View): void {
  scoped((s) => {
    const k = s.be.kernels;
    const w = s.f64(k.geqp3Scratch(A.rows, A.cols));
    const a = s.out(A);
    k.geqp3(A.rows, A.cols, a.store, a.ld, jpvt, s.out(tau).store, w);
  });
}

/** Q (A.rows×A.cols, in place of the reflectors in A's first k columns). */
export function orgqr(A: View, k: number, tau: View): void {
  scoped((s) => {
    const kk = s.be.kernels;
    const w = s.f64(kk.orgqrScratch(A.rows, A.cols, k));
    const a = s.out(A);
    kk.orgqr(A.rows, A.cols, k, a.store, a.ld, s.in(tau).store, w);
  });
}

/** C ← Qᵀ·C (`trans`) or Q·C, Q from the first k reflectors stored in A. */
export function ormqr(A: View, k: number, tau: View, C: View, o: { trans: boolean }): void {
  scoped((s) => {
    const kk = s.be.kernels;
    const w = s.f64(kk.ormqrScratch(C.rows, C.cols, k));
    const a = s.in(A);
    const c = s.out(C);
    kk.ormqr(+o.trans, C.rows, C.cols, k, a.store, a.ld, s.in(tau).store, c.store, c.ld, w);
  });
}

/**
 * Symmetric eigendecomposition in place (lower triangle of A read): λ ascending into `lam`; with
 * `vectors` A becomes the eigenvectors. 0 or the number of unconverged off-diagonals.
 */
export function syev(A: View, lam: Float64Array, o: { vectors: boolean }): number {
  return scoped((s) => {
    const k = s.be.kernels;
    const w = s.f64(k.syevScratch(A.rows, +o.vectors));
    const l = s.vec(lam, true);
    const a = s.out(A);
    return k.syev(+o.vectors, A.rows, a.store, a.ld, l, w);
  });
}

/** What gesvd computes: values only, the thin U and V, or the full ones. */
export const SvdJob = { Values: 0, Thin: 1, Full: 2 } as const;
export type SvdJob = (typeof SvdJob)[keyof typeof SvdJob];

/**
 * SVD of A (destroyed): σ descending into s, U and V (not Vᵀ) filled when given. 0 or LAPACK-style
 * failure info.
 */
export function gesvd(job: SvdJob, A: View, sv: Float64Array, U: View | null, V: View | null): number {
  return scoped((s) => {
    const k = s.be.kernels;
    const w = s.f64(k.gesvdScratch(A.rows, A.cols, job));
    const ps = s.vec(sv, true);
    const a = s.out(A);
    const none = s.f64(1);
    const u = U !== null ? s.out(U) : { store: none, ld: 1 };
    const v = V !== null ? s.out(V) : { store: none, ld: 1 };
    return k.gesvd(job, A.rows, A.cols, a.store, a.ld, ps, u.store, u.ld, v.store, v.ld, w);
  });
}

/** gebal's job: none, permute, scale, both. */
export const Balance = { None: 0, Permute: 1, Scale: 2, Both: 3 } as const;
export type Balance = (typeof Balance)[keyof typeof Balance];

/**
 * General eigenproblem (A destroyed): eigenvalues into wr/wi (pairs adjacent, positive imaginary part
 * first), right eigenvectors into VR when given (a pair as real/imaginary columns). 0 or the QR
 * iteration's failure count.
 */
export function geev(balance: Balance, A: View, wr: Float64Array, wi: Float64Array, VR: View | null): number {
  return scoped((s) => {
    const k = s.be.kernels;
    const n = A.rows;
    const jobv = VR !== null ? 1 : 0;
    const w = s.f64(k.geevScratch(n, jobv));
    const pr = s.vec(wr, true);
    const pi = s.vec(wi, true);
    const a = s.out(A);
    const v = VR !== null ? s.out(VR) : { store: s.f64(1), ld: 1 };
    return k.geev(jobv, balance, n, a.store, a.ld, pr, pi, v.store, v.ld, w);
  });
}

/** Real Schur form A = Z·T·Zᵀ (T overwrites A), eigenvalues into wr/wi. 0 or the failure count. */
export function gees(A: View, wr: Float64Array, wi: Float64Array, Z: View): number {
  return scoped((s) => {
    const k = s.be.kernels;
    const n = A.rows;
    const w = s.f64(k.geesScratch(n));
    const pr = s.vec(wr, true);
    const pi = s.vec(wi, true);
    const a = s.out(A);
    const z = s.out(Z);
    return k.gees(n, a.store, a.ld, pr, pi, z.store, z.ld, w);
  });
}

/** xᵀy. */
export function dot(x: Float64Array, y: Float64Array): number {
  return scoped((s) => s.be.kernels.dot(x.length, s.vec(x), 1, s.vec(y), 1));
}

/** ‖x‖₂, scaled against overflow and underflow. */
export function nrm2(x: Float64Array): number {
  return scoped((s) => s.be.kernels.nrm2(x.length, s.vec(x), 1));
}
