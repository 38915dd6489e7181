/**
 * The JS backend: each method maps validated Matrix/vector arguments onto the TypeScript mirror of
 * the same kernel (bindings/js/**, one file per assembly/** file). Operands are read in place from
 * whichever storage they have — a JS Float64Array or the wasm heap view — since these kernels take
 * (array, offset) pairs. Nothing here allocates in linear memory, so views stay valid for the call.
 */
import type { Backend, NormKind } from '../backend.js';
import type { Matrix } from '../matrix.js';
import { JsStore, type Store } from '../store.js';
import * as k from './index.js';
import { getTuningOf, setTuningOn, type Tuning } from '../tuning.js';

export class JsBackend implements Backend {
  readonly name = 'js' as const;

  allocStore(rows: number, cols: number): Store {
    return new JsStore(new Float64Array(rows === 0 || cols === 0 ? 1 : Math.max(1, rows) * cols));
  }

  gemm(transA: boolean, transB: boolean, alpha: number, A: Matrix, B: Matrix, beta: number, C: Matrix): void {
    const m = C.rows;
    const n = C.cols;
    const kk = transA ? A.rows : A.cols;
    const w = new Float64Array(k.gemmScratch(m, n, kk));
    const a = A._store();
    const b = B._store();
    const c = C._store();
    k.gemm(
      +transA, +transB, m, n, kk, alpha,
      a.array(), a.offset, A._ld, b.array(), b.offset, B._ld,
      beta, c.array(), c.offset, C._ld, w, 0,
    );
  }

  gemv(trans: boolean, alpha: number, A: Matrix, x: Float64Array, beta: number, y: Float64Array): void {
    const a = A._store();
    k.gemv(+trans, A.rows, A.cols, alpha, a.array(), a.offset, A._ld, x, 0, 1, beta, y, 0, 1);
  }

  syrk(trans: boolean, alpha: number, A: Matrix, C: Matrix): void {
    const n = C.rows;
    const kk = trans ? A.rows : A.cols;
    const w = new Float64Array(k.syrkScratch(n, kk));
    const a = A._store();
    const c = C._store();
    k.syrk(0, +trans, n, kk, alpha, a.array(), a.offset, A._ld, 0, c.array(), c.offset, C._ld, w, 0);
    k.symmetrize(n, c.array(), c.offset, C._ld);
  }

  geadd(alpha: number, A: Matrix, beta: number, B: Matrix, C: Matrix): void {
    const a = A._store();
    const b = B._store();
    const c = C._store();
    k.geadd(C.rows, C.cols, alpha, a.array(), a.offset, A._ld, beta, b.array(), b.offset, B._ld, c.array(), c.offset, C._ld);
  }

  scal(alpha: number, C: Matrix): void {
    const c = C._store();
    if (C._ld === C.rows) k.scal(C.rows * C.cols, alpha, c.array(), c.offset, 1);
    else for (let j = 0; j < C.cols; j++) k.scal(C.rows, alpha, c.array(), c.offset + j * C._ld, 1);
  }

  gemul(A: Matrix, B: Matrix, C: Matrix): void {
    const a = A._store();
    const b = B._store();
    const c = C._store();
    k.gemul(C.rows, C.cols, a.array(), a.offset, A._ld, b.array(), b.offset, B._ld, c.array(), c.offset, C._ld);
  }

  getrans(A: Matrix, B: Matrix): void {
    const a = A._store();
    const b = B._store();
    k.getrans(A.rows, A.cols, a.array(), a.offset, A._ld, b.array(), b.offset, B._ld);
  }

  lange(norm: NormKind, A: Matrix): number {
    const a = A._store();
    const w = new Float64Array(Math.max(1, A.rows));
    return k.lange(norm, A.rows, A.cols, a.array(), a.offset, A._ld, w, 0);
  }

  trsm(right: boolean, upper: boolean, trans: boolean, unit: boolean, alpha: number, A: Matrix, B: Matrix): void {
    const w = new Float64Array(k.trsmScratch(B.rows, B.cols));
    const a = A._store();
    const b = B._store();
    k.trsm(+right, +upper, +trans, +unit, B.rows, B.cols, alpha, a.array(), a.offset, A._ld, b.array(), b.offset, B._ld, w, 0);
  }

  laswp(B: Matrix, ipiv: Int32Array, k1: number, k2: number, reverse: boolean): void {
    const b = B._store();
    k.laswp(B.cols, b.array(), b.offset, B._ld, k1, k2, ipiv, 0, +reverse);
  }

  getrf(A: Matrix, ipiv: Int32Array): number {
    const w = new Float64Array(k.getrfScratch(A.rows, A.cols));
    const a = A._store();
    return k.getrf(A.rows, A.cols, a.array(), a.offset, A._ld, ipiv, 0, w, 0);
  }

  potrf(A: Matrix): number {
    const w = new Float64Array(k.potrfScratch(A.rows));
    const a = A._store();
    return k.potrf(A.rows, a.array(), a.offset, A._ld, w, 0);
  }

  geqrf(A: Matrix, tau: Float64Array): void {
    const w = new Float64Array(k.geqrfScratch(A.rows, A.cols));
    const a = A._store();
    k.geqrf(A.rows, A.cols, a.array(), a.offset, A._ld, tau, 0, w, 0);
  }

  geqp3(A: Matrix, jpvt: Int32Array, tau: Float64Array): void {
    const w = new Float64Array(k.geqp3Scratch(A.rows, A.cols));
    const a = A._store();
    k.geqp3(A.rows, A.cols, a.array(), a.offset, A._ld, jpvt, 0, tau, 0, w, 0);
  }

  orgqr(A: Matrix, kk: number, tau: Float64Array): void {
    const w = new Float64Array(k.orgqrScratch(A.rows, A.cols, kk));
    const a = A._store();
    k.orgqr(A.rows, A.cols, kk, a.array(), a.offset, A._ld, tau, 0, w, 0);
  }

  ormqr(trans: boolean, A: Matrix, kk: number, tau: Float64Array, C: Matrix): void {
    const w = new Float64Array(k.ormqrScratch(C.rows, C.cols, kk));
    const a = A._store();
    const c = C._store();
    k.ormqr(+trans, C.rows, C.cols, kk, a.array(), a.offset, A._ld, tau, 0, c.array(), c.offset, C._ld, w, 0);
  }

  syev(vectors: boolean, A: Matrix, lam: Float64Array): number {
    const w = new Float64Array(k.syevScratch(A.rows, +vectors));
    const a = A._store();
    return k.syev(+vectors, A.rows, a.array(), a.offset, A._ld, lam, 0, w, 0);
  }

  gesvd(job: number, A: Matrix, sv: Float64Array, U: Matrix | null, V: Matrix | null): number {
    const w = new Float64Array(k.gesvdScratch(A.rows, A.cols, job));
    const a = A._store();
    const u = U?._store();
    const v = V?._store();
    const none = new Float64Array(1);
    return k.gesvd(
      job, A.rows, A.cols, a.array(), a.offset, A._ld, sv, 0,
      u?.array() ?? none, u?.offset ?? 0, U?._ld ?? 1,
      v?.array() ?? none, v?.offset ?? 0, V?._ld ?? 1, w, 0,
    );
  }

  geev(balance: number, A: Matrix, wr: Float64Array, wi: Float64Array, VR: Matrix | null): number {
    const n = A.rows;
    const w = new Float64Array(k.geevScratch(n, VR !== null ? 1 : 0));
    const a = A._store();
    const v = VR?._store();
    return k.geev(
      VR !== null ? 1 : 0, balance, n, a.array(), a.offset, A._ld, wr, 0, wi, 0,
      v?.array() ?? new Float64Array(1), v?.offset ?? 0, VR?._ld ?? 1, w, 0,
    );
  }

  gees(A: Matrix, wr: Float64Array, wi: Float64Array, Z: Matrix): number {
    const n = A.rows;
    const w = new Float64Array(k.geesScratch(n));
    const a = A._store();
    const z = Z._store();
    return k.gees(n, a.array(), a.offset, A._ld, wr, 0, wi, 0, z.array(), z.offset, Z._ld, w, 0);
  }

  dot(x: Float64Array, y: Float64Array): number {
    return k.dot(x.length, x, 0, 1, y, 0, 1);
  }

  nrm2(x: Float64Array): number {
    return k.nrm2(x.length, x, 0, 1);
  }

  setTuning(t: Partial<Tuning> | null): void {
    setTuningOn(k, t);
  }

  getTuning(): Tuning {
    return getTuningOf(k);
  }
}
