/**
 * The kernel calls of the API layer, written once for both backends: each function takes plain views
 * (bindings/core/store.ts), sizes the kernel's workspace with its `*Scratch` twin, runs the kernel and
 * frees the workspace before returning. Flags are named options, never positional booleans:
 * `trsm(L, X, { lower: true, unit: true })`.
 *
 * Which kernels run:
 * - the JS mirrors, on a reusable workspace buffer (no allocation per call), when the JS backend is
 *   selected, or when every operand is a small JS-stored matrix (at most {@link SMALL} entries: small
 *   matrices live on the JS heap under both backends, see Matrix._alloc) — for a 4×4 problem a wasm
 *   call, a linear-memory block and its bookkeeping cost more than the arithmetic;
 * - the wasm module's exports otherwise, with workspace and any JS-stored operand copied into linear
 *   memory for the call by a {@link Scope}.
 * The mirrors give the same bits as the wasm kernels, so the choice never changes a result.
 *
 * Arguments are trusted (the API layer validated them: "validate at the edge, trust inside"); kernels
 * that can fail numerically return LAPACK's status, which the API layer turns into a LinAlgError.
 *
 * An operation whose output is empty returns before sizing workspace or copying operands: an m×0
 * operand may have 2^28 rows, and the kernels' loops over the other dimension (and the copies of a
 * JS-stored operand) would cost that much for nothing. What it returns is what the kernel gives.
 */
import { backend, backendNamed, type NormKind } from './backend.js';
import type { Kernels } from './kernels.js';
import { scoped, type Scope } from './scope.js';
import { JsI32Store, JsStore, type F64Ref, type I32Ref, type View } from './store.js';

/** Matrices of at most this many entries are stored on the JS heap and computed on by the JS mirrors. */
export const SMALL = 64;

let buffer = new Float64Array(4096);
let bufferStore = new JsStore(buffer);

/** `n` doubles of workspace for a JS kernel: one buffer, grown as needed, reused by every call. */
function jsWork(n: number): JsStore {
  if (buffer.length < n) {
    buffer = new Float64Array(Math.max(n, 2 * buffer.length));
    bufferStore = new JsStore(buffer);
  }
  return bufferStore;
}

function isSmall(v: View): boolean {
  return v.store.kind === 'js' && v.rows * v.cols <= SMALL;
}

/**
 * The JS kernels when they are the ones to run (see the header): the JS backend is selected, or every
 * operand is a small JS-stored matrix; null: the wasm kernels.
 */
function jsFor(a: View, b?: View | null, c?: View | null, d?: View | null): Kernels | null {
  const be = backend();
  if (be.name === 'js') return be.kernels;
  if (!isSmall(a) || (b != null && !isSmall(b)) || (c != null && !isSmall(c)) || (d != null && !isSmall(d))) return null;
  return backendNamed('js')!.kernels;
}

/** A vector operand: in place for the JS kernels, copied in (and back with `out`) for wasm. */
function vec(s: Scope | null, x: Float64Array, out = false): F64Ref {
  return s === null ? new JsStore(x) : s.vec(x, out);
}

function ivec(s: Scope | null, x: Int32Array, out = false): I32Ref {
  return s === null ? new JsI32Store(x) : s.ivec(x, out);
}

/**
 * Runs `f` with the JS kernels and no scope (js ≠ null), or in a scope with the selected backend's
 * kernels: the one place that decides where a call runs.
 */
function run<T>(js: Kernels | null, f: (k: Kernels, s: Scope | null, work: (n: number) => F64Ref, inn: (v: View) => View, out: (v: View) => View) => T): T {
  if (js !== null) return f(js, null, jsWork, same, same);
  return scoped((s) => f(s.be.kernels, s, (n) => s.f64(n), (v) => s.in(v), (v) => s.out(v)));
}

function same(v: View): View {
  return v;
}

function empty(V: { rows: number; cols: number }): boolean {
  return V.rows === 0 || V.cols === 0;
}

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
  run(jsFor(A, B, C), (k, _s, work, inn, out) => {
    const w = work(k.gemmScratch(C.rows, C.cols, kk));
    const a = inn(A);
    const b = inn(B);
    const c = out(C);
    k.gemm(+tA, +(o.transB === true), C.rows, C.cols, kk, o.alpha ?? 1, a.store, a.ld, b.store, b.ld, o.beta ?? 0, c.store, c.ld, w);
  });
}

/** gemv runs on the JS kernel up to this many entries of A, wherever A is stored (measured: see gemv). */
const GEMV_JS = 1024;

/** y ← α·op(A)·x + β·y. */
export function gemv(A: View, x: Float64Array, y: Float64Array, o: { trans?: boolean; alpha?: number; beta?: number } = {}): void {
  if (y.length === 0) return;
  if (x.length === 0 && (o.beta ?? 0) === 0) {
    y.fill(0); // y ← 0·y, as the kernel does
    return;
  }
  // Up to GEMV_JS entries the JS kernel runs on A where it lives (it reads linear memory in place):
  // copying x and y in and out of linear memory costs more than the 2mn flops it would save.
  const js = A.rows * A.cols <= GEMV_JS ? backendNamed('js')!.kernels : jsFor(A);
  run(js, (k, s, _work, inn) => {
    const a = inn(A);
    k.gemv(+(o.trans === true), A.rows, A.cols, o.alpha ?? 1, a.store, a.ld, vec(s, x), 1, o.beta ?? 0, vec(s, y, true), 1);
  });
}

/** C ← α·AᵀA (`trans`) or α·AAᵀ, the whole symmetric C: the lower triangle by SYRK, then mirrored. */
export function syrk(A: View, C: View, o: { trans: boolean; alpha?: number }): void {
  const n = C.rows;
  const kk = o.trans ? A.rows : A.cols;
  if (n === 0) return;
  run(jsFor(A, C), (k, _s, work, inn, out) => {
    const w = work(k.syrkScratch(n, kk));
    const a = inn(A);
    const c = out(C);
    k.syrk(0, +o.trans, n, kk, o.alpha ?? 1, a.store, a.ld, 0, c.store, c.ld, w);
    k.symmetrize(n, c.store, c.ld);
  });
}

/** C ← α·A + β·B. */
export function geadd(alpha: number, A: View, beta: number, B: View, C: View): void {
  if (empty(C)) return;
  run(jsFor(A, B, C), (k, _s, _work, inn, out) => {
    const a = inn(A);
    const b = inn(B);
    const c = out(C);
    k.geadd(C.rows, C.cols, alpha, a.store, a.ld, beta, b.store, b.ld, c.store, c.ld);
  });
}

/** C ← α·C in place (every entry multiplied, so NaN/Inf propagate). */
export function scal(alpha: number, C: View): void {
  if (empty(C)) return;
  run(jsFor(C), (k, _s, _work, _inn, out) => {
    const c = out(C);
    if (c.ld === C.rows) k.scal(C.rows * C.cols, alpha, c.store, 1);
    else for (let j = 0; j < C.cols; j++) k.scal(C.rows, alpha, c.store.at(j * c.ld), 1);
  });
}

/** C ← A ∘ B. */
export function gemul(A: View, B: View, C: View): void {
  if (empty(C)) return;
  run(jsFor(A, B, C), (k, _s, _work, inn, out) => {
    const a = inn(A);
    const b = inn(B);
    const c = out(C);
    k.gemul(C.rows, C.cols, a.store, a.ld, b.store, b.ld, c.store, c.ld);
  });
}

/** B ← Aᵀ. */
export function getrans(A: View, B: View): void {
  if (empty(A)) return;
  run(jsFor(A, B), (k, _s, _work, inn, out) => {
    const a = inn(A);
    const b = out(B);
    k.getrans(A.rows, A.cols, a.store, a.ld, b.store, b.ld);
  });
}

/** A matrix norm (max-abs, 1, ∞, Frobenius), scaled against overflow. */
export function lange(norm: NormKind, A: View): number {
  if (empty(A)) return 0; // the kernel's value for an empty matrix
  return run(jsFor(A), (k, _s, work, inn) => {
    const w = work(Math.max(1, A.rows));
    const a = inn(A);
    return k.lange(norm, A.rows, A.cols, a.store, a.ld, w);
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
  run(jsFor(A, B), (k, _s, work, inn, out) => {
    const w = work(k.trsmScratch(B.rows, B.cols));
    const a = inn(A);
    const b = out(B);
    k.trsm(+(o.right === true), +(o.lower !== true), +(o.trans === true), +(o.unit === true), B.rows, B.cols, o.alpha ?? 1, a.store, a.ld, b.store, b.ld, w);
  });
}

/** The row interchanges ipiv[k1:k2] on all columns of B (`reverse`: in the opposite order). */
export function laswp(B: View, ipiv: Int32Array, k1: number, k2: number, o: { reverse?: boolean } = {}): void {
  run(jsFor(B), (k, s, _work, _inn, out) => {
    const b = out(B);
    k.laswp(B.cols, b.store, b.ld, k1, k2, ivec(s, ipiv), +(o.reverse === true));
  });
}

/** In-place LU with partial pivoting, pivots into `ipiv`; LAPACK's info (0, or the first zero pivot, 1-based). */
export function getrf(A: View, ipiv: Int32Array): number {
  return run(jsFor(A), (k, s, work, _inn, out) => {
    const w = work(k.getrfScratch(A.rows, A.cols));
    const a = out(A);
    return k.getrf(A.rows, A.cols, a.store, a.ld, ivec(s, ipiv, true), w);
  });
}

/** In-place lower Cholesky; 0 or the order of the first non-positive leading minor. */
export function potrf(A: View): number {
  return run(jsFor(A), (k, _s, work, _inn, out) => {
    const w = work(k.potrfScratch(A.rows));
    const a = out(A);
    return k.potrf(A.rows, a.store, a.ld, w);
  });
}

/** In-place Householder QR (R above, reflectors below the diagonal, τ out). */
export function geqrf(A: View, tau: View): void {
  run(jsFor(A, tau), (k, _s, work, _inn, out) => {
    const w = work(k.geqrfScratch(A.rows, A.cols));
    const a = out(A);
    k.geqrf(A.rows, A.cols, a.store, a.ld, out(tau).store, w);
  });
}

/** In-place QR with column pivoting (jpvt out: column j of A·P is column jpvt[j] of A). */
export function geqp3(A: View, jpvt: Int32Array, tau: View): void {
  run(jsFor(A, tau), (k, s, work, _inn, out) => {
    const w = work(k.geqp3Scratch(A.rows, A.cols));
    const a = out(A);
    k.geqp3(A.rows, A.cols, a.store, a.ld, ivec(s, jpvt, true), out(tau).store, w);
  });
}

/** Q (A.rows×A.cols, in place of the reflectors in A's first k columns). */
export function orgqr(A: View, k: number, tau: View): void {
  run(jsFor(A, tau), (kk, _s, work, inn, out) => {
    const w = work(kk.orgqrScratch(A.rows, A.cols, k));
    const a = out(A);
    kk.orgqr(A.rows, A.cols, k, a.store, a.ld, inn(tau).store, w);
  });
}

/** C ← Qᵀ·C (`trans`) or Q·C, Q from the first k reflectors stored in A. */
export function ormqr(A: View, k: number, tau: View, C: View, o: { trans: boolean }): void {
  run(jsFor(A, tau, C), (kk, _s, work, inn, out) => {
    const w = work(kk.ormqrScratch(C.rows, C.cols, k));
    const a = inn(A);
    const c = out(C);
    kk.ormqr(+o.trans, C.rows, C.cols, k, a.store, a.ld, inn(tau).store, c.store, c.ld, w);
  });
}

/**
 * Symmetric eigendecomposition in place (lower triangle of A read): λ ascending into `lam`; with
 * `vectors` A becomes the eigenvectors. 0 or the number of unconverged off-diagonals.
 */
export function syev(A: View, lam: Float64Array, o: { vectors: boolean }): number {
  return run(jsFor(A), (k, s, work, _inn, out) => {
    const w = work(k.syevScratch(A.rows, +o.vectors));
    const l = vec(s, lam, true);
    const a = out(A);
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
  return run(jsFor(A, U, V), (k, s, work, _inn, out) => {
    const w = work(k.gesvdScratch(A.rows, A.cols, job));
    const ps = vec(s, sv, true);
    const a = out(A);
    const none = { store: new JsStore(new Float64Array(1)), ld: 1 };
    const u = U !== null ? out(U) : s === null ? none : { store: s.f64(1), ld: 1 };
    const v = V !== null ? out(V) : s === null ? none : { store: s.f64(1), ld: 1 };
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
  return run(jsFor(A, VR), (k, s, work, _inn, out) => {
    const n = A.rows;
    const jobv = VR !== null ? 1 : 0;
    const w = work(k.geevScratch(n, jobv));
    const pr = vec(s, wr, true);
    const pi = vec(s, wi, true);
    const a = out(A);
    const v = VR !== null ? out(VR) : { store: s === null ? new JsStore(new Float64Array(1)) : s.f64(1), ld: 1 };
    return k.geev(jobv, balance, n, a.store, a.ld, pr, pi, v.store, v.ld, w);
  });
}

/** Real Schur form A = Z·T·Zᵀ (T overwrites A), eigenvalues into wr/wi. 0 or the failure count. */
export function gees(A: View, wr: Float64Array, wi: Float64Array, Z: View): number {
  return run(jsFor(A, Z), (k, s, work, _inn, out) => {
    const n = A.rows;
    const w = work(k.geesScratch(n));
    const pr = vec(s, wr, true);
    const pi = vec(s, wi, true);
    const a = out(A);
    const z = out(Z);
    return k.gees(n, a.store, a.ld, pr, pi, z.store, z.ld, w);
  });
}

/** The JS kernels for a vector operation: on the JS backend, or for a vector of at most SMALL entries. */
function vectorJs(n: number): Kernels | null {
  const be = backend();
  return be.name === 'js' || n <= SMALL ? backendNamed('js')!.kernels : null;
}

/** xᵀy. */
export function dot(x: Float64Array, y: Float64Array): number {
  return run(vectorJs(x.length), (k, s) => k.dot(x.length, vec(s, x), 1, vec(s, y), 1));
}

/** ‖x‖₂, scaled against overflow and underflow. */
export function nrm2(x: Float64Array): number {
  return run(vectorJs(x.length), (k, s) => k.nrm2(x.length, vec(s, x), 1));
}

// ---- issue 13: hessenberg / rq ----------------------------------------------------------------

/** In-place Householder RQ (R in the trapezoid ending in the last column, reflectors as rows left of it, τ out). */
export function gerqf(A: View, tau: View): void {
  run(jsFor(A, tau), (k, _s, work, _inn, out) => {
    const w = work(k.gerqfScratch(A.rows, A.cols));
    const a = out(A);
    k.gerqf(A.rows, A.cols, a.store, a.ld, out(tau).store, w);
  });
}

/** The last A.rows rows of Q (A.rows×A.cols, in place of the k reflectors stored in A's last k rows). */
export function orgrq(A: View, k: number, tau: View): void {
  run(jsFor(A, tau), (kk, _s, work, inn, out) => {
    const w = work(kk.orgrqScratch(A.rows, A.cols, k));
    const a = out(A);
    kk.orgrq(A.rows, A.cols, k, a.store, a.ld, inn(tau).store, w);
  });
}

/** In-place reduction to upper Hessenberg form (reflectors below the subdiagonal, τ out: n − 1 entries). */
export function gehrd(A: View, tau: View): void {
  run(jsFor(A, tau), (k, _s, work, _inn, out) => {
    const n = A.rows;
    const w = work(k.gehrdScratch(n));
    const a = out(A);
    k.gehrd(n, 0, n - 1, a.store, a.ld, out(tau).store, w);
  });
}

/** Q of the Hessenberg reduction, in place of gehrd's reflectors. */
export function orghr(A: View, tau: View): void {
  run(jsFor(A, tau), (k, _s, work, inn, out) => {
    const n = A.rows;
    const w = work(k.orghrScratch(n));
    const a = out(A);
    k.orghr(n, 0, n - 1, a.store, a.ld, inn(tau).store, w);
  });
}

// issue 13 — rref
/** A ← its reduced row echelon form in place (Gauss–Jordan, partial pivoting; a candidate pivot ≤ tol counts as 0); the pivot columns into piv[0:r]; returns the rank r. */
export function rref(A: View, tol: number, piv: Int32Array): number {
  if (empty(A)) return 0;
  return run(jsFor(A), (k, s, _work, _inn, out) => {
    const a = out(A);
    return k.rref(A.rows, A.cols, a.store, a.ld, tol, ivec(s, piv, true));
  });
}

// ---- generalised symmetric-definite eigenproblem (eigh(A, B)) ----------------------------------

/**
 * Reduction of a symmetric-definite generalised eigenproblem to standard form in place (lower
 * triangles): itype 1 A ← L⁻¹·A·L⁻ᵀ, itype 2/3 A ← Lᵀ·A·L, with L the Cholesky factor from potrf.
 */
export function sygst(itype: 1 | 2 | 3, A: View, L: View): void {
  if (empty(A)) return;
  run(jsFor(A, L), (k, _s, work, inn, out) => {
    const w = work(k.sygstScratch(A.rows));
    const l = inn(L);
    const a = out(A);
    k.sygst(itype, A.rows, a.store, a.ld, l.store, l.ld, w);
  });
}

/** B ← op(L)·B (or B·op(L) with `right`), L lower triangular (non-unit diagonal): blocked TRMM. */
export function trmm(L: View, B: View, o: { right?: boolean; trans?: boolean } = {}): void {
  if (empty(B)) return;
  run(jsFor(L, B), (k, _s, work, inn, out) => {
    const w = work(k.trmmScratch(B.rows, B.cols));
    const l = inn(L);
    const b = out(B);
    k.trmm(+(o.right === true), +(o.trans === true), B.rows, B.cols, l.store, l.ld, b.store, b.ld, w);
  });
}
