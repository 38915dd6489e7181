/**
 * The WASM backend: each method maps validated Matrix/vector arguments onto one kernel export.
 *
 * Operands stored in linear memory are passed by address with no copy. Operands that live on the JS
 * heap (made under the JS backend, or plain vectors) are copied into a temporary block for the call,
 * and outputs copied back. Workspace is allocated per call with the size the kernel's `*Scratch`
 * export asks for and freed right after — the allocator is O(1)-ish, so this costs nothing next to
 * the kernel, and nothing stays allocated between calls (memoryStats stays exact).
 *
 * Each call runs in a {@link Frame} that records every block it allocates and frees them all in a
 * `finally`, so a call that fails half-way (say, out of memory for the second temporary) leaks
 * nothing. Addresses never move; only JS views detach when an allocation grows the memory, so views
 * are re-read (`heap.f64`) at each use, never kept across an allocation.
 */
import type { Backend, NormKind } from '../backend.js';
import type { Matrix } from '../matrix.js';
import type { WasmHeap } from '../memory.js';
import { WasmStore, type Store } from '../store.js';
import type { WasmExports } from './exports.js';
import { getTuningOf, setTuningOn, type Tuning } from '../tuning.js';

/** An operand pinned in linear memory for one call. */
interface Pinned {
  ptr: number;
  ld: number;
  /** True when `ptr` is a temporary copy. */
  temp: boolean;
}

/** The blocks one call allocates; `release()` frees them all. */
class Frame {
  private readonly blocks: number[] = [];
  constructor(private readonly heap: WasmHeap) {}

  alloc(bytes: number): number {
    const p = this.heap.alloc(bytes);
    this.blocks.push(p);
    return p;
  }

  /** Workspace of `doubles` float64s. */
  work(doubles: number): number {
    return this.alloc(doubles * 8);
  }

  /** Address of a matrix operand; copies it in when it is not in this heap. */
  pin(A: Matrix): Pinned {
    const s = A._store();
    if (s instanceof WasmStore && s.heap === this.heap) return { ptr: s.ptr, ld: A._ld, temp: false };
    const ld = Math.max(1, A.rows);
    const ptr = this.alloc(Math.max(1, ld * A.cols) * 8);
    const src = s.array();
    const dst = this.heap.f64;
    for (let j = 0; A.rows > 0 && j < A.cols; j++) {
      const o = s.offset + j * A._ld;
      dst.set(src.subarray(o, o + A.rows), ptr / 8 + j * ld);
    }
    return { ptr, ld, temp: true };
  }

  /** Copies an output operand back out of its temporary (no-op when it was used in place). */
  copyOut(A: Matrix, p: Pinned): void {
    if (!p.temp || A.rows === 0) return;
    const s = A._store();
    const dst = s.array();
    const src = this.heap.f64;
    for (let j = 0; j < A.cols; j++) {
      const o = p.ptr / 8 + j * p.ld;
      dst.set(src.subarray(o, o + A.rows), s.offset + j * A._ld);
    }
  }

  f64In(x: Float64Array): number {
    const p = this.alloc(x.length * 8);
    this.heap.f64.set(x, p / 8);
    return p;
  }

  f64Out(p: number, x: Float64Array): void {
    x.set(this.heap.f64.subarray(p / 8, p / 8 + x.length));
  }

  i32In(x: Int32Array): number {
    const p = this.alloc(x.length * 4);
    new Int32Array(this.heap.memory.buffer, p, x.length).set(x);
    return p;
  }

  i32Out(p: number, x: Int32Array): void {
    x.set(new Int32Array(this.heap.memory.buffer, p, x.length));
  }

  release(): void {
    for (let i = this.blocks.length - 1; i >= 0; i--) this.heap.free(this.blocks[i]!);
    this.blocks.length = 0;
  }
}

export class WasmBackend implements Backend {
  readonly name = 'wasm' as const;

  constructor(
    readonly exports: WasmExports,
    readonly heap: WasmHeap,
  ) {}

  /** Runs `f` with a fresh frame and frees the frame's blocks whatever happens. */
  private call<T>(f: (fr: Frame, e: WasmExports) => T): T {
    const fr = new Frame(this.heap);
    try {
      return f(fr, this.exports);
    } finally {
      fr.release();
    }
  }

  allocStore(rows: number, cols: number): Store {
    const n = rows === 0 || cols === 0 ? 1 : Math.max(1, rows) * cols;
    return new WasmStore(this.heap, this.heap.alloc(n * 8));
  }

  gemm(transA: boolean, transB: boolean, alpha: number, A: Matrix, B: Matrix, beta: number, C: Matrix): void {
    const m = C.rows;
    const n = C.cols;
    const k = transA ? A.rows : A.cols;
    this.call((fr, e) => {
      const w = fr.work(e.gemmScratch(m, n, k));
      const a = fr.pin(A);
      const b = fr.pin(B);
      const c = fr.pin(C);
      e.gemm(+transA, +transB, m, n, k, alpha, a.ptr, a.ld, b.ptr, b.ld, beta, c.ptr, c.ld, w);
      fr.copyOut(C, c);
    });
  }

  gemv(trans: boolean, alpha: number, A: Matrix, x: Float64Array, beta: number, y: Float64Array): void {
    this.call((fr, e) => {
      const a = fr.pin(A);
      const px = fr.f64In(x);
      const py = fr.f64In(y);
      e.gemv(+trans, A.rows, A.cols, alpha, a.ptr, a.ld, px, 1, beta, py, 1);
      fr.f64Out(py, y);
    });
  }

  syrk(trans: boolean, alpha: number, A: Matrix, C: Matrix): void {
    const n = C.rows;
    const k = trans ? A.rows : A.cols;
    this.call((fr, e) => {
      const w = fr.work(e.syrkScratch(n, k));
      const a = fr.pin(A);
      const c = fr.pin(C);
      e.syrk(0, +trans, n, k, alpha, a.ptr, a.ld, 0, c.ptr, c.ld, w);
      e.symmetrize(n, c.ptr, c.ld);
      fr.copyOut(C, c);
    });
  }

  geadd(alpha: number, A: Matrix, beta: number, B: Matrix, C: Matrix): void {
    this.call((fr, e) => {
      const a = fr.pin(A);
      const b = fr.pin(B);
      const c = fr.pin(C);
      e.geadd(C.rows, C.cols, alpha, a.ptr, a.ld, beta, b.ptr, b.ld, c.ptr, c.ld);
      fr.copyOut(C, c);
    });
  }

  scal(alpha: number, C: Matrix): void {
    this.call((fr, e) => {
      const c = fr.pin(C);
      if (c.ld === C.rows) e.scal(C.rows * C.cols, alpha, c.ptr, 1);
      else for (let j = 0; j < C.cols; j++) e.scal(C.rows, alpha, c.ptr + j * c.ld * 8, 1);
      fr.copyOut(C, c);
    });
  }

  gemul(A: Matrix, B: Matrix, C: Matrix): void {
    this.call((fr, e) => {
      const a = fr.pin(A);
      const b = fr.pin(B);
      const c = fr.pin(C);
      e.gemul(C.rows, C.cols, a.ptr, a.ld, b.ptr, b.ld, c.ptr, c.ld);
      fr.copyOut(C, c);
    });
  }

  getrans(A: Matrix, B: Matrix): void {
    this.call((fr, e) => {
      const a = fr.pin(A);
      const b = fr.pin(B);
      e.getrans(A.rows, A.cols, a.ptr, a.ld, b.ptr, b.ld);
      fr.copyOut(B, b);
    });
  }

  lange(norm: NormKind, A: Matrix): number {
    return this.call((fr, e) => {
      const w = fr.work(Math.max(1, A.rows));
      const a = fr.pin(A);
      return e.lange(norm, A.rows, A.cols, a.ptr, a.ld, w);
    });
  }

  trsm(right: boolean, upper: boolean, trans: boolean, unit: boolean, alpha: number, A: Matrix, B: Matrix): void {
    this.call((fr, e) => {
      const w = fr.work(e.trsmScratch(B.rows, B.cols));
      const a = fr.pin(A);
      const b = fr.pin(B);
      e.trsm(+right, +upper, +trans, +unit, B.rows, B.cols, alpha, a.ptr, a.ld, b.ptr, b.ld, w);
      fr.copyOut(B, b);
    });
  }

  laswp(B: Matrix, ipiv: Int32Array, k1: number, k2: number, reverse: boolean): void {
    this.call((fr, e) => {
      const p = fr.i32In(ipiv);
      const b = fr.pin(B);
      e.laswp(B.cols, b.ptr, b.ld, k1, k2, p, +reverse);
      fr.copyOut(B, b);
    });
  }

  getrf(A: Matrix, ipiv: Int32Array): number {
    return this.call((fr, e) => {
      const w = fr.work(e.getrfScratch(A.rows, A.cols));
      const p = fr.i32In(ipiv);
      const a = fr.pin(A);
      const info = e.getrf(A.rows, A.cols, a.ptr, a.ld, p, w);
      fr.copyOut(A, a);
      fr.i32Out(p, ipiv);
      return info;
    });
  }

  potrf(A: Matrix): number {
    return this.call((fr, e) => {
      const w = fr.work(e.potrfScratch(A.rows));
      const a = fr.pin(A);
      const info = e.potrf(A.rows, a.ptr, a.ld, w);
      fr.copyOut(A, a);
      return info;
    });
  }

  geqrf(A: Matrix, tau: Float64Array): void {
    this.call((fr, e) => {
      const w = fr.work(e.geqrfScratch(A.rows, A.cols));
      const t = fr.f64In(tau);
      const a = fr.pin(A);
      e.geqrf(A.rows, A.cols, a.ptr, a.ld, t, w);
      fr.copyOut(A, a);
      fr.f64Out(t, tau);
    });
  }

  geqp3(A: Matrix, jpvt: Int32Array, tau: Float64Array): void {
    this.call((fr, e) => {
      const w = fr.work(e.geqp3Scratch(A.rows, A.cols));
      const t = fr.f64In(tau);
      const p = fr.i32In(jpvt);
      const a = fr.pin(A);
      e.geqp3(A.rows, A.cols, a.ptr, a.ld, p, t, w);
      fr.copyOut(A, a);
      fr.f64Out(t, tau);
      fr.i32Out(p, jpvt);
    });
  }

  orgqr(A: Matrix, k: number, tau: Float64Array): void {
    this.call((fr, e) => {
      const w = fr.work(e.orgqrScratch(A.rows, A.cols, k));
      const t = fr.f64In(tau);
      const a = fr.pin(A);
      e.orgqr(A.rows, A.cols, k, a.ptr, a.ld, t, w);
      fr.copyOut(A, a);
    });
  }

  ormqr(trans: boolean, A: Matrix, k: number, tau: Float64Array, C: Matrix): void {
    this.call((fr, e) => {
      const w = fr.work(e.ormqrScratch(C.rows, C.cols, k));
      const t = fr.f64In(tau);
      const a = fr.pin(A);
      const c = fr.pin(C);
      e.ormqr(+trans, C.rows, C.cols, k, a.ptr, a.ld, t, c.ptr, c.ld, w);
      fr.copyOut(C, c);
    });
  }

  syev(vectors: boolean, A: Matrix, lam: Float64Array): number {
    return this.call((fr, e) => {
      const w = fr.work(e.syevScratch(A.rows, +vectors));
      const l = fr.f64In(lam);
      const a = fr.pin(A);
      const info = e.syev(+vectors, A.rows, a.ptr, a.ld, l, w);
      fr.copyOut(A, a);
      fr.f64Out(l, lam);
      return info;
    });
  }

  gesvd(job: number, A: Matrix, sv: Float64Array, U: Matrix | null, V: Matrix | null): number {
    return this.call((fr, e) => {
      const w = fr.work(e.gesvdScratch(A.rows, A.cols, job));
      const ps = fr.f64In(sv);
      const a = fr.pin(A);
      const u = U !== null ? fr.pin(U) : { ptr: 0, ld: 1, temp: false };
      const v = V !== null ? fr.pin(V) : { ptr: 0, ld: 1, temp: false };
      const info = e.gesvd(job, A.rows, A.cols, a.ptr, a.ld, ps, u.ptr, u.ld, v.ptr, v.ld, w);
      fr.copyOut(A, a);
      if (U !== null) fr.copyOut(U, u);
      if (V !== null) fr.copyOut(V, v);
      fr.f64Out(ps, sv);
      return info;
    });
  }

  geev(balance: number, A: Matrix, wr: Float64Array, wi: Float64Array, VR: Matrix | null): number {
    return this.call((fr, e) => {
      const n = A.rows;
      const w = fr.work(e.geevScratch(n, VR !== null ? 1 : 0));
      const pr = fr.f64In(wr);
      const pi = fr.f64In(wi);
      const a = fr.pin(A);
      const v = VR !== null ? fr.pin(VR) : { ptr: 0, ld: 1, temp: false };
      const info = e.geev(VR !== null ? 1 : 0, balance, n, a.ptr, a.ld, pr, pi, v.ptr, v.ld, w);
      fr.copyOut(A, a);
      if (VR !== null) fr.copyOut(VR, v);
      fr.f64Out(pr, wr);
      fr.f64Out(pi, wi);
      return info;
    });
  }

  gees(A: Matrix, wr: Float64Array, wi: Float64Array, Z: Matrix): number {
    return this.call((fr, e) => {
      const n = A.rows;
      const w = fr.work(e.geesScratch(n));
      const pr = fr.f64In(wr);
      const pi = fr.f64In(wi);
      const a = fr.pin(A);
      const z = fr.pin(Z);
      const info = e.gees(n, a.ptr, a.ld, pr, pi, z.ptr, z.ld, w);
      fr.copyOut(A, a);
      fr.copyOut(Z, z);
      fr.f64Out(pr, wr);
      fr.f64Out(pi, wi);
      return info;
    });
  }

  dot(x: Float64Array, y: Float64Array): number {
    return this.call((fr, e) => e.dot(x.length, fr.f64In(x), 1, fr.f64In(y), 1));
  }

  nrm2(x: Float64Array): number {
    return this.call((fr, e) => e.nrm2(x.length, fr.f64In(x), 1));
  }

  setTuning(t: Partial<Tuning> | null): void {
    setTuningOn(this.exports, t);
  }

  getTuning(): Tuning {
    return getTuningOf(this.exports);
  }
}
