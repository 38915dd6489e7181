/**
 * The lean path for small square problems: det, solve (one vector), inv, cholesky, eigh and svd of an
 * n×n Matrix with at most {@link SMALL} entries, and the product of two such matrices.
 *
 * Matrices that small live on the JS heap under both backends (Matrix._alloc) and their operations
 * already run on the JS mirrors of the kernels (bindings/core/lapack.ts). What cost more than the
 * arithmetic at n ≤ 8 was the way there: option parsing, a Scope, temporary Matrix objects for the
 * working copy, a max-abs pass for the finiteness check, closures per kernel call. Here a call checks
 * its argument with a few comparisons, copies A into a module buffer (testing finiteness on the way),
 * calls the JS kernels directly on that buffer, and builds the result. eigh and svd from n = 3 on the
 * wasm backend are the exception: there the wasm kernels, on one linear-memory block per call, beat
 * the mirrors (see wasmFor); the bits are the same.
 *
 * It takes the common case only and returns `undefined` for anything else — options given, a
 * non-finite entry, a zero pivot, a matrix that is not positive definite, an iteration that failed,
 * a view, a disposed matrix, a right-hand side that is not a plain vector of the right length — and
 * the caller then runs its general path, which gives the answer or the error it always gave. Both
 * paths run the same kernels on the same numbers, so a result's bits do not depend on the path taken
 * (test/api/small compares them with the lean path switched off).
 */
import { backend, backendNamed, type Backend } from '../core/backend.js';
import type { Kernels } from '../core/kernels.js';
import { SMALL } from '../core/lapack.js';
import { JsI32Store, JsStore, type Store, type View } from '../core/store.js';
import { tuningEpoch } from '../core/tuning.js';
import { ResultObject, type DisposableResult } from '../core/tidy.js';
import { Matrix, liveView } from './matrix.js';

let enabled = true;

/** @internal Switches the lean path off (tests compare it with the general path). Returns the old setting. */
export function setSmallPath(on: boolean): boolean {
  const old = enabled;
  enabled = on;
  return old;
}

let kernels: Kernels | null = null;

/** The JS kernels (loaded with the library: a Matrix cannot exist before init()). */
function K(): Kernels {
  return (kernels ??= backendNamed('js')!.kernels);
}

/** A's working copy (column-major, leading dimension n). */
const a = new Float64Array(SMALL);
const aS = new JsStore(a);
const piv = new Int32Array(8);
const pivS = new JsI32Store(piv);
let work = new Float64Array(1024);
let workS = new JsStore(work);

/** What the workspace is for (an index of `sizes`). */
const enum Op {
  Getrf,
  TrsmVector,
  TrsmSquare,
  Potrf,
  Syev,
  Gesvd,
}
const OPS = 6;
const MAXN = 8; // n² ≤ SMALL

/** Workspace sizes by (op, n), computed once per tuning (the kernels' *Scratch functions are not free). */
const sizes = new Int32Array(OPS * (MAXN + 1)).fill(-1);
/**
 * The same for the wasm kernels (eighOnWasm, svdOnWasm): a threaded build's GEMM-based kernels take one
 * workspace per thread (threads, issue 12), so their sizes may exceed the mirrors'; the thread pool
 * moves tuningEpoch whenever that count changes.
 */
const wasmSizes = new Int32Array(OPS * (MAXN + 1)).fill(-1);
let sizesEpoch = tuningEpoch;

function size(op: Op, n: number, k: Kernels): number {
  switch (op) {
    case Op.Getrf:
      return k.getrfScratch(n, n);
    case Op.TrsmVector:
      return k.trsmScratch(n, 1);
    case Op.TrsmSquare:
      return k.trsmScratch(n, n);
    case Op.Potrf:
      return k.potrfScratch(n);
    case Op.Syev:
      return k.syevScratch(n, 1);
    case Op.Gesvd:
      return k.gesvdScratch(n, n, 1);
  }
}

/** Doubles of workspace for `op` at order n (n ≤ 8) with kernels `k` (default: the JS ones), cached per tuning. */
function workSize(op: Op, n: number, k: Kernels = K()): number {
  if (sizesEpoch !== tuningEpoch) {
    sizes.fill(-1);
    wasmSizes.fill(-1);
    sizesEpoch = tuningEpoch;
  }
  const cache = k === K() ? sizes : wasmSizes;
  const i = op * (MAXN + 1) + n;
  let need = cache[i]!;
  if (need < 0) need = cache[i] = size(op, n, k);
  return need;
}

/** The workspace for `op` at order n (n ≤ 8): one buffer, grown as needed. */
function scratch(op: Op, n: number): JsStore {
  const need = workSize(op, n);
  if (work.length < need) {
    work = new Float64Array(Math.max(need, 2 * work.length));
    workS = new JsStore(work);
  }
  return workS;
}


/**
 * The storage of A when A is a live square Matrix of 1 to SMALL entries stored on the JS heap with
 * column stride n (not a view into a larger matrix), else null: everything else goes the general way.
 */
function smallView(A: unknown): View | null {
  const v = enabled ? liveView(A) : null; // not `instanceof Matrix`: see liveView
  if (v === null) return null;
  const n = v.rows;
  return n === v.cols && n !== 0 && n * n <= SMALL && v.ld === n && v.store.kind === 'js' ? v : null;
}

/** n when A qualifies for the lean path (see smallView), else −1. */
function smallOrder(A: unknown): number {
  const v = smallView(A);
  return v === null ? -1 : v.rows;
}

/** Copies A (n×n, stride n) into `dst` at `off`; false when an entry is NaN or ±Inf. */
function load(A: Matrix, n: number, dst: Float64Array, off: number): boolean {
  const s = A._store();
  const src = s.array();
  const o = s.offset;
  const nn = n * n;
  let z = 0;
  for (let i = 0; i < nn; i++) {
    const x = src[o + i]!;
    dst[off + i] = x;
    z += x - x; // 0 for a finite x, NaN for NaN or ±Inf
  }
  return z === 0;
}

/** LU of A in `a`/`piv`; false when A is not finite or has an exactly zero pivot. */
function factorLU(A: Matrix, n: number): boolean {
  if (!load(A, n, a, 0)) return false;
  const k = K();
  return k.getrf(n, n, aS, n, pivS, scratch(Op.Getrf, n)) === 0;
}

/** det A from the LU factors in `a`/`piv` (the numbers LUFactorization.det gives; see lu.ts). */
export function detOfFactors(f: Float64Array, off: number, ld: number, n: number, ipiv: Int32Array): number {
  let d = 1;
  for (let i = 0; i < n; i++) {
    d *= f[off + i + i * ld]!;
    if (ipiv[i] !== i) d = -d;
  }
  return d;
}

/**
 * det of a 2×2 matrix at (x, o) with column stride 2: the arithmetic of getf2 on it, written out (the
 * pivot is the larger of the first column's entries in magnitude, the first on a tie; the multiplier
 * is a division; the update skips a zero u₀₁ as getf2's axpy call does), then detOfFactors' product —
 * the general path's bits. undefined when A is not finite or a pivot is zero.
 */
function det2(x: Float64Array, o: number): number | undefined {
  const a00 = x[o]!;
  const a10 = x[o + 1]!;
  const a01 = x[o + 2]!;
  const a11 = x[o + 3]!;
  if (a00 - a00 + (a10 - a10) + (a01 - a01) + (a11 - a11) !== 0) return undefined; // NaN or ±Inf
  const swap = Math.abs(a10) > Math.abs(a00);
  const p = swap ? a10 : a00;
  if (p === 0) return undefined;
  const u = swap ? a11 : a01;
  const l = (swap ? a00 : a10) / p;
  const r = swap ? a01 : a11;
  const u11 = u !== 0 ? r + -u * l : r;
  if (u11 === 0) return undefined;
  const d = (swap ? -p : p) * u11;
  return Number.isFinite(d) && d !== 0 ? d : undefined;
}

/** The lean det (see the module header); undefined: take the general path. */
export function smallDet(A: unknown): number | undefined {
  // small functions, so that V8 inlines the 2×2 case into the caller (≈ 4 ns of ≈ 18 when it did not)
  const v = enabled ? liveView(A) : null;
  if (v === null) return undefined;
  return v.rows === 2 && v.cols === 2 && v.ld === 2 && v.store.kind === 'js' ? det2(v.store.array(), v.store.offset) : detLU(A as Matrix);
}

/** smallDet from n = 3 on: LU in the module buffer, then the product of the pivots. */
function detLU(A: Matrix): number | undefined {
  const v = smallView(A);
  if (v === null) return undefined;
  const n = v.rows;
  if (!factorLU(A, n)) return undefined;
  const d = detOfFactors(a, 0, n, n, piv);
  // Over- or underflow: the general path's log-sum.
  return Number.isFinite(d) && d !== 0 ? d : undefined;
}

/** The lean solve with a vector right-hand side of n plain numbers; undefined: the general path. */
export function smallSolve(A: unknown, b: unknown): Float64Array | undefined {
  const n = smallOrder(A);
  if (n < 0) return undefined;
  let x: Float64Array;
  if (b instanceof Float64Array) {
    if (b.length !== n) return undefined;
    x = b.slice();
  } else if (Array.isArray(b) && b.length === n) {
    x = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v: unknown = b[i];
      if (typeof v !== 'number') return undefined;
      x[i] = v;
    }
  } else {
    return undefined;
  }
  let z = 0;
  for (let i = 0; i < n; i++) z += x[i]! - x[i]!;
  if (z !== 0 || !factorLU(A as Matrix, n)) return undefined;
  const k = K();
  const xs = new JsStore(x);
  const w = scratch(Op.TrsmVector, n);
  k.laswp(1, xs, n, 0, n, pivS, 0); //            P·b
  k.trsm(0, 0, 0, 1, n, 1, 1, aS, n, xs, n, w); // L⁻¹
  k.trsm(0, 1, 0, 0, n, 1, 1, aS, n, xs, n, w); // U⁻¹
  return x;
}

/** The lean inverse; undefined: the general path. */
export function smallInv(A: unknown): Matrix | undefined {
  const n = smallOrder(A);
  if (n < 0 || !factorLU(A as Matrix, n)) return undefined;
  const X = Matrix._small(n, n); // zeros
  const s = X._store();
  const x = s.array();
  for (let i = 0; i < n; i++) x[s.offset + i * (n + 1)] = 1;
  const k = K();
  const w = scratch(Op.TrsmSquare, n);
  k.laswp(n, s, n, 0, n, pivS, 0);
  k.trsm(0, 0, 0, 1, n, n, 1, aS, n, s, n, w);
  k.trsm(0, 1, 0, 0, n, n, 1, aS, n, s, n, w);
  return X;
}

/**
 * The Cholesky factor of a 2×2 matrix at (x, o) with column stride 2, into (l, lo): potf2's arithmetic
 * on it written out (ℓ₀₀ = √a₀₀, ℓ₁₀ = a₁₀/ℓ₀₀, then a₁₁ − ℓ₁₀·ℓ₁₀ — skipped for ℓ₁₀ = 0 as potf2's
 * column update is — and its root; the upper entry 0), so the general path's bits. The kernel call cost
 * ≈ 60 ns of ≈ 250. false when an entry is not finite or a pivot is not positive.
 */
function chol2(x: Float64Array, o: number, l: Float64Array, lo: number): boolean {
  const a00 = x[o]!;
  const a10 = x[o + 1]!;
  const a01 = x[o + 2]!;
  const a11 = x[o + 3]!;
  if (a00 - a00 + (a10 - a10) + (a01 - a01) + (a11 - a11) !== 0 || !(a00 > 0)) return false; // NaN or ±Inf; pivot
  const l00 = Math.sqrt(a00);
  const l10 = a10 / l00;
  const d = l10 !== 0 ? a11 + -l10 * l10 : a11;
  if (!(d > 0)) return false;
  l[lo] = l00;
  l[lo + 1] = l10;
  l[lo + 3] = Math.sqrt(d);
  return true;
}

/** The lean Cholesky factor L (zeros above the diagonal); undefined: the general path. */
export function smallCholesky(A: unknown): Matrix | undefined {
  const n = smallOrder(A);
  if (n < 0) return undefined;
  if (n === 2) {
    const v = (A as Matrix)._store();
    const L = Matrix._small(2, 2); // zeros
    const s = L._store();
    if (chol2(v.array(), v.offset, s.array(), s.offset)) return L;
    L.dispose();
    return undefined;
  }
  const L = Matrix._small(n, n);
  const s = L._store();
  const l = s.array();
  const k = K();
  if (!load(A as Matrix, n, l, s.offset) || k.potrf(n, s, n, scratch(Op.Potrf, n)) !== 0) {
    L.dispose();
    return undefined;
  }
  for (let j = 1; j < n; j++) for (let i = s.offset + j * n, end = i + j; i < end; i++) l[i] = 0; // not fill(): a call per column
  return L;
}

/** eigh's result from the lean path (the fields of EighResult, in its order). */
class SmallEigh extends ResultObject {
  values: Float64Array;
  vectors: Matrix;
  constructor(values: Float64Array, vectors: Matrix) {
    super();
    this.values = values;
    this.vectors = vectors;
  }

  override dispose(): void {
    this.vectors.dispose();
  }
}

/** svd's result from the lean path (the fields of SvdResult, in its order). */
class SmallSvd extends ResultObject {
  U: Matrix;
  s: Float64Array;
  Vt: Matrix;
  constructor(U: Matrix, s: Float64Array, Vt: Matrix) {
    super();
    this.U = U;
    this.s = s;
    this.Vt = Vt;
  }

  override dispose(): void {
    this.U.dispose();
    this.Vt.dispose();
  }
}

/** λ or σ of the lean eigh and svd (copied out), V of the lean svd (transposed out). */
const vals = new Float64Array(MAXN);
const valsS = new JsStore(vals);
const right = new Float64Array(SMALL);
const rightS = new JsStore(right);

/**
 * The wasm backend when the lean eigh and svd at order n run on its kernels: from n = 3 the wasm syev
 * and gesvd take 0.55–0.75 of their JS mirrors' time on a small matrix, copies into linear memory and
 * back included (measured on the Zen 5 host), and they give the same bits. null: the JS mirrors (the
 * js backend, or n ≤ 2, where the call and the block cost more than the closed-form kernels).
 */
function wasmFor(n: number): Backend | null {
  if (n < 3) return null;
  const be = backend();
  return be.name === 'wasm' ? be : null;
}

/**
 * `doubles` of linear memory for one lean wasm call: the heap's scratch region (no allocator traffic:
 * an alloc and a free cost about what the arithmetic of a 3×3 eigensolve does), else a block of its
 * own, else null when the heap cannot give one (a RangeError): the lean path then runs on the JS
 * mirrors, which need no linear memory, as the general path does for a small matrix.
 */
function wasmBlock(be: Backend, doubles: number): Store | null {
  const s = be.scratch(doubles);
  if (s !== null) return s;
  try {
    return be.f64(doubles);
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/** x rounded up to even (blocks of the linear-memory workspace stay 16-byte aligned). */
function even(x: number): number {
  return (x + 1) & ~1;
}

/** A copy of the n×n matrix at h[o…] (ld n) as a small Matrix. */
function smallCopy(h: Float64Array, o: number, n: number): Matrix {
  const M = Matrix._small(n, n);
  const s = M._store();
  const x = s.array();
  const d = s.offset - o;
  // a loop, not subarray + set: the subarray object cost more than copying ≤ 64 entries
  for (let i = o, end = o + n * n; i < end; i++) x[i + d] = h[i]!;
  return M;
}

/** The transpose of the n×n matrix at h[o…] (ld n) as a small Matrix (a loop: a getrans call cost more at n = 2). */
function transposed(h: Float64Array, o: number, n: number): Matrix {
  const M = Matrix._small(n, n);
  const s = M._store();
  const x = s.array();
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) x[s.offset + i + j * n] = h[o + j + i * n]!;
  return M;
}

/** The first n of h[o…] as a new Float64Array (a loop: slice() of the whole heap view costs more). */
function copyOut(h: Float64Array, o: number, n: number): Float64Array {
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = h[o + i]!;
  return r;
}

/**
 * The kernel operands at element offsets of `blk` (Store.at each), remembered for the last (blk, n)
 * of each caller (`slot`): the scratch region is the same block at every call, and a Store per operand
 * and call cost more than the copies at n = 3.
 */
interface OperandCache {
  blk: Store | null;
  n: number;
  refs: Store[];
}
const eighRefs: OperandCache = { blk: null, n: 0, refs: [] };
const svdRefs: OperandCache = { blk: null, n: 0, refs: [] };

function operands(slot: OperandCache, blk: Store, n: number, offsets: number[]): Store[] {
  if (slot.blk !== blk || slot.n !== n) {
    slot.blk = blk;
    slot.n = n;
    slot.refs = offsets.map((o) => blk.at(o));
  }
  return slot.refs;
}

/** The lean eigh on the wasm kernels (see wasmFor): one linear-memory block for A, λ and the workspace; null: no block. */
function eighOnWasm(be: Backend, A: Matrix, n: number): SmallEigh | undefined | null {
  const nn = even(n * n);
  const blk = wasmBlock(be, nn + even(n) + workSize(Op.Syev, n, be.kernels));
  if (blk === null) return null;
  try {
    const h = blk.array(); // kernels never allocate: the view stays valid through the call
    const o = blk.offset;
    const [lam, w] = operands(eighRefs, blk, n, [nn, nn + even(n)]);
    if (!load(A, n, h, o) || be.kernels.syev(1, n, blk, n, lam!, w!) !== 0) return undefined;
    return new SmallEigh(copyOut(h, o + nn, n), smallCopy(h, o, n));
  } finally {
    blk.free();
  }
}

/** The lean svd on the wasm kernels (see wasmFor): one linear-memory block for A, σ, U, V and the workspace; null: no block. */
function svdOnWasm(be: Backend, A: Matrix, n: number): SmallSvd | undefined | null {
  const nn = even(n * n);
  const oS = nn;
  const oU = oS + even(n);
  const oV = oU + nn;
  const blk = wasmBlock(be, oV + nn + workSize(Op.Gesvd, n, be.kernels));
  if (blk === null) return null;
  try {
    const h = blk.array();
    const o = blk.offset;
    const [sv, u, v, w] = operands(svdRefs, blk, n, [oS, oU, oV, oV + nn]);
    // SvdJob.Thin = 1 (core/lapack.ts)
    if (!load(A, n, h, o) || be.kernels.gesvd(1, n, n, blk, n, sv!, u!, n, v!, n, w!) !== 0) return undefined;
    return new SmallSvd(smallCopy(h, o + oU, n), copyOut(h, o + oS, n), transposed(h, o + oV, n));
  } finally {
    blk.free();
  }
}

/** The lean eigh: values ascending and the vectors; undefined: the general path. */
export function smallEigh(A: unknown): (DisposableResult & { values: Float64Array; vectors: Matrix }) | undefined {
  const n = smallOrder(A);
  if (n < 0) return undefined;
  const be = wasmFor(n);
  if (be !== null) {
    const r = eighOnWasm(be, A as Matrix, n);
    if (r !== null) return r;
  }
  const Z = Matrix._small(n, n);
  const s = Z._store();
  const k = K();
  if (!load(A as Matrix, n, s.array(), s.offset) || k.syev(1, n, s, n, valsS, scratch(Op.Syev, n)) !== 0) {
    Z.dispose();
    return undefined;
  }
  return new SmallEigh(copyOut(vals, 0, n), Z);
}

/** The lean thin SVD of a square matrix: U, s and Vᵀ; undefined: the general path. */
export function smallSvd(A: unknown): (DisposableResult & { U: Matrix; s: Float64Array; Vt: Matrix }) | undefined {
  const n = smallOrder(A);
  const be = wasmFor(n);
  if (be !== null) {
    const r = svdOnWasm(be, A as Matrix, n);
    if (r !== null) return r;
  }
  if (n < 0 || !load(A as Matrix, n, a, 0)) return undefined;
  const U = Matrix._small(n, n);
  const k = K();
  // SvdJob.Thin = 1 (core/lapack.ts)
  if (k.gesvd(1, n, n, aS, n, valsS, U._store(), n, rightS, n, scratch(Op.Gesvd, n)) !== 0) {
    U.dispose();
    return undefined;
  }
  return new SmallSvd(U, copyOut(vals, 0, n), transposed(right, 0, n));
}

/** The lean product of two small matrices (any shapes that fit); undefined: the general path. */
export function smallMatmul(A: unknown, B: unknown): Matrix | undefined {
  if (!enabled || !(A instanceof Matrix) || !(B instanceof Matrix)) return undefined;
  const m = A.rows;
  const kk = A.cols;
  const n = B.cols;
  if (kk !== B.rows || m * kk > SMALL || kk * n > SMALL || m * n > SMALL || m === 0 || n === 0 || kk === 0) return undefined;
  if (A.disposed || B.disposed) return undefined;
  const as = A._store();
  const bs = B._store();
  if (as.kind !== 'js' || bs.kind !== 'js') return undefined;
  const C = Matrix._small(m, n);
  const k = K();
  // The workspace needs no sizing here: gemmScratch(m, n, k) ≤ ⌈m⌉₄·k + k·⌈n⌉₄ + 16 ≤ mk + kn + 6k + 16
  // ≤ 64 + 64 + 384 + 16 < 1024 doubles (the buffer's least length) whatever the tuning.
  k.gemm(0, 0, m, n, kk, 1, as, A._ld, bs, B._ld, 0, C._store(), m, workS);
  return C;
}
