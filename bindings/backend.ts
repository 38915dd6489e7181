/**
 * Backends and their selection.
 *
 * A backend owns new matrices' storage and runs the kernels. Both implement this interface one to
 * one: `WasmBackend` (bindings/wasm/backend.ts) calls the module's exports on byte addresses,
 * `JsBackend` (bindings/js/backend.ts) calls the TypeScript mirrors on Float64Arrays. Matrices made
 * under one backend stay usable after `setBackend` switches to the other: the JS backend reads wasm
 * storage in place through the heap view; the WASM backend copies JS-stored operands in for the call.
 *
 * Methods take validated arguments (shapes already checked by the public layer) and never throw for
 * numerical reasons: they are the "trust inside" half of "validate at the edge, trust inside".
 */
import type { Matrix } from './matrix.js';
import type { BackendName, Store } from './store.js';
import type { Tuning } from './tuning.js';

/** Matrix norms understood by `lange`: max-abs, one, infinity, Frobenius. */
export const NormKind = { MaxAbs: 0, One: 1, Inf: 2, Fro: 3 } as const;
export type NormKind = (typeof NormKind)[keyof typeof NormKind];

export interface Backend {
  readonly name: BackendName;
  /** Storage for a rows×cols column-major matrix with leading dimension max(1, rows); contents unspecified. */
  allocStore(rows: number, cols: number): Store;
  /** C ← α·op(A)·op(B) + β·C. */
  gemm(transA: boolean, transB: boolean, alpha: number, A: Matrix, B: Matrix, beta: number, C: Matrix): void;
  /** y ← α·op(A)·x + β·y. */
  gemv(trans: boolean, alpha: number, A: Matrix, x: Float64Array, beta: number, y: Float64Array): void;
  /** C ← α·op(A)·op(A)ᵀ (trans: α·AᵀA), β = 0: the lower triangle by syrk, then mirrored (full C). */
  syrk(trans: boolean, alpha: number, A: Matrix, C: Matrix): void;
  /** C ← α·A + β·B. */
  geadd(alpha: number, A: Matrix, beta: number, B: Matrix, C: Matrix): void;
  /** C ← α·C in place (every entry multiplied, so NaN/Inf propagate). */
  scal(alpha: number, C: Matrix): void;
  /** C ← A ∘ B. */
  gemul(A: Matrix, B: Matrix, C: Matrix): void;
  /** B ← Aᵀ. */
  getrans(A: Matrix, B: Matrix): void;
  lange(norm: NormKind, A: Matrix): number;
  /** B ← α·op(A)⁻¹·B (side 'left') or α·B·op(A)⁻¹ (side 'right'); A triangular. */
  trsm(right: boolean, upper: boolean, trans: boolean, unit: boolean, alpha: number, A: Matrix, B: Matrix): void;
  /** Row interchanges ipiv[k1:k2] on all columns of B (reverse: in the opposite order). */
  laswp(B: Matrix, ipiv: Int32Array, k1: number, k2: number, reverse: boolean): void;
  /** In-place LU with partial pivoting; returns LAPACK's info (0, or first zero pivot, 1-based). */
  getrf(A: Matrix, ipiv: Int32Array): number;
  /** In-place lower Cholesky; returns 0 or the order of the first non-positive leading minor. */
  potrf(A: Matrix): number;
  /** In-place Householder QR (R above, reflectors below the diagonal, τ out). */
  geqrf(A: Matrix, tau: Float64Array): void;
  /** In-place QR with column pivoting (jpvt out: column j of A·P is column jpvt[j] of A). */
  geqp3(A: Matrix, jpvt: Int32Array, tau: Float64Array): void;
  /** Q (m×n, in place of the reflectors in A's first k columns). */
  orgqr(A: Matrix, k: number, tau: Float64Array): void;
  /**
   * Symmetric eigendecomposition in place (lower triangle of A read): λ ascending into `lam`; with
   * `vectors` A becomes the eigenvectors. Returns 0 or the number of unconverged off-diagonals.
   */
  syev(vectors: boolean, A: Matrix, lam: Float64Array): number;
  /**
   * SVD (job 0 values, 1 thin, 2 full) of A, which is destroyed: σ descending into s, U and V (not Vᵀ)
   * filled when given. Returns 0, or LAPACK-style failure info.
   */
  gesvd(job: number, A: Matrix, s: Float64Array, U: Matrix | null, V: Matrix | null): number;
  /**
   * General eigenproblem (A destroyed): eigenvalues into wr/wi (pairs adjacent, positive imaginary part
   * first), right eigenvectors into VR when given (pairs as real/imaginary columns). balance: 0–3 as
   * LAPACK gebal's none/permute/scale/both. Returns 0 or the QR iteration's failure count.
   */
  geev(balance: number, A: Matrix, wr: Float64Array, wi: Float64Array, VR: Matrix | null): number;
  /** Real Schur form A = Z·T·Zᵀ (T overwrites A), eigenvalues into wr/wi. Returns 0 or failure count. */
  gees(A: Matrix, wr: Float64Array, wi: Float64Array, Z: Matrix): number;
  /** C ← Qᵀ·C (trans) or Q·C, Q from the first k reflectors stored in A. */
  ormqr(trans: boolean, A: Matrix, k: number, tau: Float64Array, C: Matrix): void;
  dot(x: Float64Array, y: Float64Array): number;
  nrm2(x: Float64Array): number;
  /**
   * Tuning of the kernels: block sizes, crossovers, iteration caps (keys: TUNING_KEYS, bindings/js/tuning.ts;
   * tests shrink the blocks so small matrices take the blocked paths). The keys given are set, the others
   * keep their values; null restores every default. Unknown key → TypeError, non-finite value → RangeError.
   */
  setTuning(t: Partial<Tuning> | null): void;
  /** Every tuning value in force. */
  getTuning(): Tuning;
}

let jsBackend: Backend | null = null;
let wasmBackend: Backend | null = null;
let current: Backend | null = null;

/** Called by `init()`. */
export function installBackends(js: Backend | null, wasm: Backend | null): void {
  if (js !== null) jsBackend = js;
  if (wasm !== null) wasmBackend = wasm;
}

/** Selects the backend that new matrices and every operation use from now on. */
export function setBackend(name: BackendName): void {
  if (name === 'wasm') {
    if (wasmBackend === null) {
      throw new Error(
        jsBackend === null
          ? 'wasm-linalg: call `await init()` before setBackend()'
          : "wasm-linalg: the WASM backend is not loaded; call `await init({ backend: 'wasm' })`",
      );
    }
    current = wasmBackend;
  } else if (name === 'js') {
    if (jsBackend === null) throw new Error('wasm-linalg: call `await init()` before setBackend()');
    current = jsBackend;
  } else {
    throw new TypeError(`setBackend: expected 'wasm' or 'js', got ${String(name)}`);
  }
}

/** The name of the selected backend. */
export function getBackend(): BackendName {
  return backend().name;
}

/** The selected backend; throws a clear error before `init()`. */
export function backend(): Backend {
  if (current === null) {
    throw new Error('wasm-linalg: not initialised — call `await init()` (once) before using the library');
  }
  return current;
}

/** The backend with this name, if loaded (tests use it to compare the two). */
export function backendNamed(name: BackendName): Backend | null {
  return name === 'wasm' ? wasmBackend : jsBackend;
}
