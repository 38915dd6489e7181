/**
 * The WASM backend: each method maps validated Matrix/vector arguments onto one kernel export.
 *
 * Operands stored in linear memory are passed by address with no copy. Operands that live on the JS
 * heap (made under the JS backend, or plain vectors) are copied into a temporary block for the call,
 * and outputs copied back. Workspace is allocated per call with the size the kernel's `*Scratch`
 * export asks for and freed right after — the allocator is O(1)-ish, so this costs nothing next to
 * the kernel, and nothing stays allocated between calls (memoryStats stays exact).
 *
 * Every address is taken after all of a call's allocations: allocation can grow the memory, which
 * detaches JS views (never addresses).
 */
import type { Backend, Blocking, NormKind } from '../backend.js';
import type { Matrix } from '../matrix.js';
import type { WasmHeap } from '../memory.js';
import { WasmStore, type Store } from '../store.js';
import type { WasmExports } from './exports.js';

/** An operand pinned in linear memory for one call. */
interface Pinned {
  ptr: number;
  ld: number;
  /** Block to free after the call (a temporary copy), or -1. */
  temp: number;
}

export class WasmBackend implements Backend {
  readonly name = 'wasm' as const;

  constructor(
    readonly exports: WasmExports,
    readonly heap: WasmHeap,
  ) {}

  allocStore(rows: number, cols: number): Store {
    const n = Math.max(1, rows) * cols;
    return new WasmStore(this.heap, this.heap.alloc(n * 8));
  }

  /** Address of a matrix operand; copies it in when it is not in linear memory. */
  private pin(A: Matrix): Pinned {
    const s = A._store();
    if (s.kind === 'wasm' && (s as WasmStore).heap === this.heap) return { ptr: s.ptr, ld: A._ld, temp: -1 };
    const ld = Math.max(1, A.rows);
    const ptr = this.heap.alloc(ld * A.cols * 8);
    const src = s.array();
    const dst = this.heap.f64;
    const base = ptr / 8;
    for (let j = 0; j < A.cols; j++) {
      const o = s.offset + j * A._ld;
      dst.set(src.subarray(o, o + A.rows), base + j * ld);
    }
    return { ptr, ld, temp: ptr };
  }

  /** After a call: copy an output back out of its temporary, then free the temporary. */
  private unpin(A: Matrix, p: Pinned, output: boolean): void {
    if (p.temp < 0) return;
    if (output) {
      const s = A._store();
      const dst = s.array();
      const src = this.heap.f64;
      for (let j = 0; j < A.cols; j++) {
        const o = p.ptr / 8 + j * p.ld;
        dst.set(src.subarray(o, o + A.rows), s.offset + j * A._ld);
      }
    }
    this.heap.free(p.temp);
  }

  private vecIn(x: Float64Array): number {
    const ptr = this.heap.alloc(x.length * 8);
    this.heap.f64.set(x, ptr / 8);
    return ptr;
  }

  gemm(transA: boolean, transB: boolean, alpha: number, A: Matrix, B: Matrix, beta: number, C: Matrix): void {
    const m = C.rows;
    const n = C.cols;
    const k = transA ? A.rows : A.cols;
    const e = this.exports;
    const w = this.heap.alloc(e.gemmScratch(m, n, k) * 8);
    const a = this.pin(A);
    const b = this.pin(B);
    const c = this.pin(C);
    e.gemm(+transA, +transB, m, n, k, alpha, a.ptr, a.ld, b.ptr, b.ld, beta, c.ptr, c.ld, w);
    this.unpin(C, c, true);
    this.unpin(B, b, false);
    this.unpin(A, a, false);
    this.heap.free(w);
  }

  gemv(trans: boolean, alpha: number, A: Matrix, x: Float64Array, beta: number, y: Float64Array): void {
    const a = this.pin(A);
    const px = this.vecIn(x);
    const py = this.vecIn(y);
    this.exports.gemv(+trans, A.rows, A.cols, alpha, a.ptr, a.ld, px, 1, beta, py, 1);
    y.set(this.heap.f64.subarray(py / 8, py / 8 + y.length));
    this.heap.free(py);
    this.heap.free(px);
    this.unpin(A, a, false);
  }

  syrk(trans: boolean, alpha: number, A: Matrix, C: Matrix): void {
    const n = C.rows;
    const k = trans ? A.rows : A.cols;
    const e = this.exports;
    const w = this.heap.alloc(e.syrkScratch(n, k) * 8);
    const a = this.pin(A);
    const c = this.pin(C);
    e.syrk(0, +trans, n, k, alpha, a.ptr, a.ld, 0, c.ptr, c.ld, w);
    this.unpin(C, c, true);
    this.unpin(A, a, false);
    this.heap.free(w);
  }

  geadd(alpha: number, A: Matrix, beta: number, B: Matrix, C: Matrix): void {
    const a = this.pin(A);
    const b = this.pin(B);
    const c = this.pin(C);
    this.exports.geadd(C.rows, C.cols, alpha, a.ptr, a.ld, beta, b.ptr, b.ld, c.ptr, c.ld);
    this.unpin(C, c, true);
    this.unpin(B, b, false);
    this.unpin(A, a, false);
  }

  scal(alpha: number, C: Matrix): void {
    const c = this.pin(C);
    if (c.ld === C.rows) this.exports.scal(C.rows * C.cols, alpha, c.ptr, 1);
    else for (let j = 0; j < C.cols; j++) this.exports.scal(C.rows, alpha, c.ptr + j * c.ld * 8, 1);
    this.unpin(C, c, true);
  }

  gemul(A: Matrix, B: Matrix, C: Matrix): void {
    const a = this.pin(A);
    const b = this.pin(B);
    const c = this.pin(C);
    this.exports.gemul(C.rows, C.cols, a.ptr, a.ld, b.ptr, b.ld, c.ptr, c.ld);
    this.unpin(C, c, true);
    this.unpin(B, b, false);
    this.unpin(A, a, false);
  }

  getrans(A: Matrix, B: Matrix): void {
    const a = this.pin(A);
    const b = this.pin(B);
    this.exports.getrans(A.rows, A.cols, a.ptr, a.ld, b.ptr, b.ld);
    this.unpin(B, b, true);
    this.unpin(A, a, false);
  }

  lange(norm: NormKind, A: Matrix): number {
    const w = this.heap.alloc(Math.max(1, A.rows) * 8);
    const a = this.pin(A);
    const r = this.exports.lange(norm, A.rows, A.cols, a.ptr, a.ld, w);
    this.unpin(A, a, false);
    this.heap.free(w);
    return r;
  }

  trsm(right: boolean, upper: boolean, trans: boolean, unit: boolean, alpha: number, A: Matrix, B: Matrix): void {
    const e = this.exports;
    const w = this.heap.alloc(e.trsmScratch(B.rows, B.cols) * 8);
    const a = this.pin(A);
    const b = this.pin(B);
    e.trsm(+right, +upper, +trans, +unit, B.rows, B.cols, alpha, a.ptr, a.ld, b.ptr, b.ld, w);
    this.unpin(B, b, true);
    this.unpin(A, a, false);
    this.heap.free(w);
  }

  laswp(B: Matrix, ipiv: Int32Array, k1: number, k2: number, reverse: boolean): void {
    const p = this.intsIn(ipiv);
    const b = this.pin(B);
    this.exports.laswp(B.cols, b.ptr, b.ld, k1, k2, p, +reverse);
    this.unpin(B, b, true);
    this.heap.free(p);
  }

  getrf(A: Matrix, ipiv: Int32Array): number {
    const e = this.exports;
    const w = this.heap.alloc(e.getrfScratch(A.rows, A.cols) * 8);
    const p = this.intsIn(ipiv);
    const a = this.pin(A);
    const info = e.getrf(A.rows, A.cols, a.ptr, a.ld, p, w);
    this.unpin(A, a, true);
    ipiv.set(new Int32Array(this.heap.memory.buffer, p, ipiv.length));
    this.heap.free(p);
    this.heap.free(w);
    return info;
  }

  potrf(A: Matrix): number {
    const e = this.exports;
    const w = this.heap.alloc(e.potrfScratch(A.rows) * 8);
    const a = this.pin(A);
    const info = e.potrf(A.rows, a.ptr, a.ld, w);
    this.unpin(A, a, true);
    this.heap.free(w);
    return info;
  }

  geqrf(A: Matrix, tau: Float64Array): void {
    const e = this.exports;
    const w = this.heap.alloc(e.geqrfScratch(A.rows, A.cols) * 8);
    const t = this.vecIn(tau);
    const a = this.pin(A);
    e.geqrf(A.rows, A.cols, a.ptr, a.ld, t, w);
    this.unpin(A, a, true);
    tau.set(this.heap.f64.subarray(t / 8, t / 8 + tau.length));
    this.heap.free(t);
    this.heap.free(w);
  }

  geqp3(A: Matrix, jpvt: Int32Array, tau: Float64Array): void {
    const e = this.exports;
    const w = this.heap.alloc(e.geqp3Scratch(A.rows, A.cols) * 8);
    const t = this.vecIn(tau);
    const p = this.intsIn(jpvt);
    const a = this.pin(A);
    e.geqp3(A.rows, A.cols, a.ptr, a.ld, p, t, w);
    this.unpin(A, a, true);
    tau.set(this.heap.f64.subarray(t / 8, t / 8 + tau.length));
    jpvt.set(new Int32Array(this.heap.memory.buffer, p, jpvt.length));
    this.heap.free(p);
    this.heap.free(t);
    this.heap.free(w);
  }

  orgqr(A: Matrix, k: number, tau: Float64Array): void {
    const e = this.exports;
    const w = this.heap.alloc(e.orgqrScratch(A.rows, A.cols, k) * 8);
    const t = this.vecIn(tau);
    const a = this.pin(A);
    e.orgqr(A.rows, A.cols, k, a.ptr, a.ld, t, w);
    this.unpin(A, a, true);
    this.heap.free(t);
    this.heap.free(w);
  }

  ormqr(trans: boolean, A: Matrix, k: number, tau: Float64Array, C: Matrix): void {
    const e = this.exports;
    const w = this.heap.alloc(e.ormqrScratch(C.rows, C.cols, k) * 8);
    const t = this.vecIn(tau);
    const a = this.pin(A);
    const c = this.pin(C);
    e.ormqr(+trans, C.rows, C.cols, k, a.ptr, a.ld, t, c.ptr, c.ld, w);
    this.unpin(C, c, true);
    this.unpin(A, a, false);
    this.heap.free(t);
    this.heap.free(w);
  }

  private intsIn(x: Int32Array): number {
    const ptr = this.heap.alloc(x.length * 4);
    new Int32Array(this.heap.memory.buffer, ptr, x.length).set(x);
    return ptr;
  }

  dot(x: Float64Array, y: Float64Array): number {
    const px = this.vecIn(x);
    const py = this.vecIn(y);
    const r = this.exports.dot(x.length, px, 1, py, 1);
    this.heap.free(py);
    this.heap.free(px);
    return r;
  }

  nrm2(x: Float64Array): number {
    const px = this.vecIn(x);
    const r = this.exports.nrm2(x.length, px, 1);
    this.heap.free(px);
    return r;
  }

  /** Block size of the factorisations (the kernels keep one per routine; this backend sets them together). */
  private nb = 64;

  setBlocking(b: Partial<Blocking> | null): void {
    this.nb = b?.nb !== undefined && b.nb > 0 ? b.nb : 64;
    const e = this.exports;
    e.gemmSetBlocking(b?.mc ?? 0, b?.kc ?? 0, b?.nc ?? 0);
    const nb = b?.nb ?? 0;
    e.trsmSetBlock(nb);
    e.getrfSetBlock(nb);
    e.potrfSetBlock(nb);
    e.geqrfSetBlock(nb);
    e.orgqrSetBlock(nb);
    e.ormqrSetBlock(nb);
  }

  getBlocking(): Blocking {
    const e = this.exports;
    return { mc: e.gemmBlockingMC(), kc: e.gemmBlockingKC(), nc: e.gemmBlockingNC(), nb: this.nb };
  }
}
