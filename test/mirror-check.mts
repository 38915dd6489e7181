/**
 * Differential check: the plain-JS kernels (bindings/js) against both wasm builds
 * (build/wasm-linalg.scalar.wasm and build/wasm-linalg.simd.wasm), bit for bit.
 *
 *   npx tsx test/mirror-check.mts           all checks + a short JS gemm timing
 *   npx tsx test/mirror-check.mts --no-bench
 *
 * Every case builds its inputs once, then runs the kernel on the three backends. Pointer arguments are
 * written as `{ buf: name }` and expanded per backend: a byte address for wasm, `(array, offset)` for JS.
 * Each buffer is surrounded by guard cells; after the run the whole region (guards included) is read
 * back and compared with Object.is per element (NaN equals NaN), and the guards must be unchanged.
 * Workspace is filled with NaN (a kernel that read unwritten workspace would show it) and only its
 * trailing guard is checked. Independently, gemm, syrk and gemv are checked against naive loops
 * with a scaled tolerance.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as js from '../bindings/js/index.js';

type Fn = (...args: number[]) => number;
type WasmExports = Record<string, Fn>;

const root = fileURLToPath(new URL('..', import.meta.url));
const HEAP_BASE = 65536;
const GUARD = 6;
const SENTINEL = -777.125;

class Wasm {
  readonly memory = new WebAssembly.Memory({ initial: 256 });
  readonly ex: WasmExports;
  private top = HEAP_BASE;
  constructor(readonly name: string, file: string) {
    const mod = new WebAssembly.Module(readFileSync(root + file));
    const inst = new WebAssembly.Instance(mod, { env: { memory: this.memory } });
    this.ex = inst.exports as unknown as WasmExports;
    const end = this.ex.dataEnd!();
    if (end > HEAP_BASE) throw new Error(`${name}: dataEnd ${end} above ${HEAP_BASE}`);
  }
  get f64(): Float64Array {
    return new Float64Array(this.memory.buffer);
  }
  reset(): void {
    this.top = HEAP_BASE;
  }
  /** Byte address of a 16-byte-aligned block of `n` doubles, plus `skew` doubles. */
  alloc(n: number, skew: number): number {
    const p = this.top + 8 * skew;
    this.top = (p + 8 * n + 15) & ~15;
    if (this.top > this.memory.buffer.byteLength) throw new Error('wasm heap exhausted');
    return p;
  }
}

const scalarW = new Wasm('scalar', 'build/wasm-linalg.scalar.wasm');
const simdW = new Wasm('simd', 'build/wasm-linalg.simd.wasm');
const wasms = [scalarW, simdW];

// ---------------------------------------------------------------- random data (deterministic)
let seed = 0x9e3779b9;
function rnd(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function rint(lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}
/** Full-mantissa values of mixed magnitude (2^-8 … 2^8), so summation order shows in the bits. */
function rval(): number {
  return (rnd() * 2 - 1) * 2 ** rint(-8, 8);
}
function randArray(n: number): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = rval();
  return a;
}
function filled(n: number, v: number): Float64Array {
  return new Float64Array(n).fill(v);
}

// ---------------------------------------------------------------- the harness
type Arg = number | { buf: string };
interface Buf {
  data: Float64Array;
  /** Workspace: contents not compared, only the trailing guard. */
  work?: boolean;
}
interface Stat {
  cases: number;
  jsScalar: number;
  jsSimd: number;
  scalarSimd: number;
  guard: number;
  first: string[];
}
const stats = new Map<string, Stat>();
function stat(k: string): Stat {
  let s = stats.get(k);
  if (!s) stats.set(k, (s = { cases: 0, jsScalar: 0, jsSimd: 0, scalarSimd: 0, guard: 0, first: [] }));
  return s;
}

function same(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

function diff(x: Float64Array | number[], y: Float64Array | number[]): number {
  for (let i = 0; i < x.length; i++) if (!same(x[i]!, y[i]!)) return i;
  return -1;
}

/** Runs `name` on JS and both wasm builds with the same inputs; returns the JS result buffers. */
function runCase(
  name: string, label: string, bufs: Record<string, Buf>, args: Arg[], statKey = name,
): { out: Record<string, Float64Array>; ret: number } {
  const st = stat(statKey);
  st.cases++;
  const names = Object.keys(bufs);
  // region layout: [GUARD | data | GUARD]
  const regions: Record<string, Float64Array> = {};
  for (const n of names) {
    const b = bufs[n]!;
    const r = new Float64Array(b.data.length + 2 * GUARD).fill(SENTINEL);
    r.set(b.data, GUARD);
    regions[n] = r;
  }
  const results: { ret: number; regs: Record<string, Float64Array> }[] = [];
  // JS: each buffer its own array with a random element offset in front of the region.
  {
    const arrs: Record<string, { a: Float64Array; off: number }> = {};
    for (const n of names) {
      const lead = rint(0, 5);
      const a = new Float64Array(lead + regions[n]!.length);
      a.set(regions[n]!, lead);
      arrs[n] = { a, off: lead + GUARD };
    }
    const jsArgs: (number | Float64Array)[] = [];
    for (const x of args) {
      if (typeof x === 'number') jsArgs.push(x);
      else {
        const e = arrs[x.buf]!;
        jsArgs.push(e.a, e.off);
      }
    }
    const ret = (js as unknown as Record<string, (...a: (number | Float64Array)[]) => number>)[name]!(...jsArgs);
    const regs: Record<string, Float64Array> = {};
    for (const n of names) {
      const e = arrs[n]!;
      regs[n] = e.a.slice(e.off - GUARD, e.off - GUARD + regions[n]!.length);
    }
    results.push({ ret, regs });
  }
  for (const w of wasms) {
    w.reset();
    const ptrs: Record<string, number> = {};
    for (const n of names) {
      // workspace: 16-byte aligned as the kernels require; other buffers sometimes 8-byte skewed.
      const skew = bufs[n]!.work ? 0 : rint(0, 1);
      const p = w.alloc(regions[n]!.length + 2, GUARD % 2 === 0 ? skew : (skew + 1) % 2);
      w.f64.set(regions[n]!, p / 8);
      ptrs[n] = p + 8 * GUARD;
    }
    const wArgs = args.map((x) => (typeof x === 'number' ? x : ptrs[x.buf]!));
    const ret = w.ex[name]!(...wArgs);
    const regs: Record<string, Float64Array> = {};
    const f = w.f64;
    for (const n of names) {
      const s = ptrs[n]! / 8 - GUARD;
      regs[n] = f.slice(s, s + regions[n]!.length);
    }
    results.push({ ret, regs });
  }
  const fail = (what: string, msg: string): void => {
    if (st.first.length < 4) st.first.push(`${what} ${label}: ${msg}`);
  };
  const cmp = (i: number, j: number): boolean => {
    const ri = results[i]!, rj = results[j]!;
    if (!same(ri.ret, rj.ret)) {
      fail(`${['js', 'scalar', 'simd'][i]}≠${['js', 'scalar', 'simd'][j]}`, `ret ${ri.ret} vs ${rj.ret}`);
      return false;
    }
    for (const n of names) {
      if (bufs[n]!.work) continue;
      const d = diff(ri.regs[n]!, rj.regs[n]!);
      if (d >= 0) {
        fail(`${['js', 'scalar', 'simd'][i]}≠${['js', 'scalar', 'simd'][j]}`,
          `${n}[${d - GUARD}] ${ri.regs[n]![d]} vs ${rj.regs[n]![d]}`);
        return false;
      }
    }
    return true;
  };
  if (!cmp(0, 1)) st.jsScalar++;
  if (!cmp(0, 2)) st.jsSimd++;
  if (!cmp(1, 2)) st.scalarSimd++;
  for (let r = 0; r < 3; r++) {
    for (const n of names) {
      const reg = results[r]!.regs[n]!;
      const len = reg.length;
      let bad = false;
      for (let i = 0; i < GUARD; i++) {
        if ((!bufs[n]!.work && reg[i] !== SENTINEL) || reg[len - 1 - i] !== SENTINEL) bad = true;
      }
      if (bad) {
        st.guard++;
        fail('guard', `${['js', 'scalar', 'simd'][r]} wrote outside ${n}`);
      }
    }
  }
  const out: Record<string, Float64Array> = {};
  for (const n of names) out[n] = results[0]!.regs[n]!.subarray(GUARD, GUARD + bufs[n]!.data.length);
  return { out, ret: results[0]!.ret };
}

function setBlocking(mc: number, kc: number, nc: number): string {
  js.gemmSetBlocking(mc, kc, nc);
  for (const w of wasms) w.ex.gemmSetBlocking!(mc, kc, nc);
  const b = [js.gemmBlockingMC(), js.gemmBlockingKC(), js.gemmBlockingNC()];
  for (const w of wasms) {
    const bw = [w.ex.gemmBlockingMC!(), w.ex.gemmBlockingKC!(), w.ex.gemmBlockingNC!()];
    if (bw.join() !== b.join()) throw new Error(`blocking differs: js ${b} ${w.name} ${bw}`);
  }
  return b.join(',');
}

const EPS = 2 ** -52;
const refFail = new Map<string, { cases: number; bad: number; first: string[] }>();
function refStat(k: string) {
  let s = refFail.get(k);
  if (!s) refFail.set(k, (s = { cases: 0, bad: 0, first: [] }));
  return s;
}

// ---------------------------------------------------------------- level 1
const SIZES = [0, 1, 3, 5, 17, 33, 130];
const L1_SIZES = [0, 1, 2, 3, 4, 5, 17, 33, 130, 1001];
const INCS: [number, number][] = [[1, 1], [2, 1], [1, 2], [2, 3], [3, 3]];
const vlen = (n: number, inc: number): number => (n > 0 ? 1 + (n - 1) * inc : 0);

for (const n of L1_SIZES) {
  for (const [incx, incy] of INCS) {
    const x = randArray(vlen(n, incx));
    const y = randArray(vlen(n, incy));
    const lbl = `n=${n} incx=${incx} incy=${incy}`;
    runCase('dot', lbl, { x: { data: x }, y: { data: y } }, [n, { buf: 'x' }, incx, { buf: 'y' }, incy]);
    for (const alpha of [1.7, rval(), 0, -1]) {
      runCase('axpy', `${lbl} α=${alpha}`, { x: { data: x }, y: { data: y } },
        [n, alpha, { buf: 'x' }, incx, { buf: 'y' }, incy]);
      runCase('scal', `${lbl} α=${alpha}`, { x: { data: x } }, [n, alpha, { buf: 'x' }, incx]);
    }
    // nrm2 on several magnitudes and special values
    const variants: [string, (v: number, i: number) => number][] = [
      ['plain', (v) => v],
      ['huge', (v) => v * 2 ** 700],
      ['tiny', (v) => v * 2 ** -700],
      ['subnormal', (v) => v * 2 ** -1060],
      ['mixed', (v, i) => (i % 3 === 0 ? v * 2 ** 500 : v)],
      ['zeros', () => 0],
      ['inf', (v, i) => (i === 2 ? -Infinity : v)],
      ['nan', (v, i) => (i === 1 ? NaN : v)],
      ['max', (v, i) => (i === 0 ? Number.MAX_VALUE : v)],
    ];
    for (const [vn, f] of variants) {
      const xv = x.map(f);
      const r = runCase('nrm2', `${lbl} ${vn}`, { x: { data: xv } }, [n, { buf: 'x' }, incx]);
      // sanity against a naive (long-double-free) reference in scaled arithmetic
      if (n > 0 && vn !== 'nan' && vn !== 'inf') {
        let amax = 0;
        for (let i = 0; i < n; i++) amax = Math.max(amax, Math.abs(xv[i * incx]!));
        let ref = 0;
        if (amax > 0) {
          let s = 0;
          for (let i = 0; i < n; i++) s += (xv[i * incx]! / amax) ** 2;
          ref = amax * Math.sqrt(s);
        }
        const rs = refStat('nrm2');
        rs.cases++;
        if (!(Math.abs(r.ret - ref) <= (n + 4) * EPS * ref)) {
          rs.bad++;
          if (rs.first.length < 4) rs.first.push(`${lbl} ${vn}: ${r.ret} vs ${ref}`);
        }
      }
    }
  }
}

// ---------------------------------------------------------------- gemv
for (const trans of [0, 1]) {
  for (const m of SIZES) {
    for (const n of SIZES) {
      for (const [incx, incy] of [[1, 1], [2, 1], [1, 2], [2, 3]] as [number, number][]) {
        const lda = m + 3;
        const A = randArray(lda * n);
        const lx = trans ? m : n, ly = trans ? n : m;
        const x = randArray(vlen(lx, incx));
        for (const [alpha, beta, yfill] of [[1.3, 0, NaN], [0.9, -0.4, 0], [1, 1, 0], [0, 0.5, 0], [0, 0, NaN], [-1.1, 1, 0]]) {
          const y = Number.isNaN(yfill!) ? filled(vlen(ly, incy), NaN) : randArray(vlen(ly, incy));
          const lbl = `trans=${trans} m=${m} n=${n} incx=${incx} incy=${incy} α=${alpha} β=${beta}`;
          const r = runCase('gemv', lbl, { A: { data: A }, x: { data: x }, y: { data: y } },
            [trans, m, n, alpha!, { buf: 'A' }, lda, { buf: 'x' }, incx, beta!, { buf: 'y' }, incy]);
          const rs = refStat('gemv');
          rs.cases++;
          for (let i = 0; i < ly; i++) {
            let s = 0, bound = 0;
            for (let p = 0; p < lx; p++) {
              const aij = trans ? A[p + i * lda]! : A[i + p * lda]!;
              s += aij * x[p * incx]!;
              bound += Math.abs(aij * x[p * incx]!);
            }
            const y0 = y[i * incy]!;
            const ref = (alpha === 0 ? 0 : alpha! * s) + (beta === 0 ? 0 : beta! * y0);
            const tol = (lx + 3) * EPS * (Math.abs(alpha!) * bound + (beta === 0 ? 0 : Math.abs(beta! * y0)));
            const got = r.out.y![i * incy]!;
            if (!(Math.abs(got - ref) <= tol)) {
              rs.bad++;
              if (rs.first.length < 4) rs.first.push(`${lbl} y[${i}] ${got} vs ${ref}`);
              break;
            }
          }
        }
      }
    }
  }
}

// ---------------------------------------------------------------- geadd, gemul, getrans
for (const m of SIZES) {
  for (const n of SIZES) {
    const lda = m + 3, ldb = m + 1, ldc = m + 2;
    const A = randArray(lda * n), B = randArray(ldb * n), C = filled(ldc * n, NaN);
    for (const [alpha, beta] of [[1.25, -0.5], [1, -1], [0, 2], [rval(), rval()]]) {
      const lbl = `m=${m} n=${n} α=${alpha} β=${beta}`;
      runCase('geadd', lbl, { A: { data: A }, B: { data: B }, C: { data: C } },
        [m, n, alpha!, { buf: 'A' }, lda, beta!, { buf: 'B' }, ldb, { buf: 'C' }, ldc]);
      // C aliases A, then B (same buffer, same leading dimension); Inf in A with α = 0 → NaN
      const Ai = A.slice();
      if (Ai.length > 0) Ai[0] = Infinity;
      runCase('geadd', `${lbl} C=A`, { A: { data: Ai }, B: { data: B } },
        [m, n, alpha!, { buf: 'A' }, lda, beta!, { buf: 'B' }, ldb, { buf: 'A' }, lda]);
      runCase('geadd', `${lbl} C=B`, { A: { data: A }, B: { data: B } },
        [m, n, alpha!, { buf: 'A' }, lda, beta!, { buf: 'B' }, ldb, { buf: 'B' }, ldb]);
    }
    runCase('gemul', `m=${m} n=${n}`, { A: { data: A }, B: { data: B }, C: { data: C } },
      [m, n, { buf: 'A' }, lda, { buf: 'B' }, ldb, { buf: 'C' }, ldc]);
    runCase('gemul', `m=${m} n=${n} C=A`, { A: { data: A }, B: { data: B } },
      [m, n, { buf: 'A' }, lda, { buf: 'B' }, ldb, { buf: 'A' }, lda]);
    const ldt = n + 2;
    const r = runCase('getrans', `m=${m} n=${n}`, { A: { data: A }, B: { data: filled(ldt * m, NaN) } },
      [m, n, { buf: 'A' }, lda, { buf: 'B' }, ldt]);
    const rs = refStat('getrans');
    rs.cases++;
    let ok = true;
    for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) if (!Object.is(r.out.B![j + i * ldt], A[i + j * lda])) ok = false;
    if (!ok) rs.bad++;
  }
}

// ---------------------------------------------------------------- gemm
const BLOCKINGS: [number, number, number][] = [[0, 0, 0], [8, 5, 12], [4, 3, 4], [5, 1, 7]];
const GEMM_AB: [number, number, number][] = [
  // alpha, beta, C fill (NaN: β = 0 must not read C)
  [1.3, 0, NaN], [0.9, -0.4, 0], [-1, 1, 0], [0, 0.5, 0], [0, 0, NaN],
];

function checkGemmRef(
  key: string, lbl: string, tA: number, tB: number, m: number, n: number, k: number, alpha: number,
  A: Float64Array, lda: number, B: Float64Array, ldb: number, beta: number, C0: Float64Array, C: Float64Array,
  ldc: number, rows?: (j: number) => [number, number],
): void {
  const rs = refStat(key);
  rs.cases++;
  for (let j = 0; j < n; j++) {
    const [i0, i1] = rows ? rows(j) : [0, m];
    for (let i = 0; i < m; i++) {
      const idx = i + j * ldc;
      if (i < i0 || i >= i1) {
        if (!Object.is(C[idx], C0[idx])) {
          rs.bad++;
          if (rs.first.length < 4) rs.first.push(`${lbl} C[${i},${j}] outside the triangle changed`);
          return;
        }
        continue;
      }
      let s = 0, bound = 0;
      if (alpha !== 0) {
        for (let p = 0; p < k; p++) {
          const a = tA ? A[p + i * lda]! : A[i + p * lda]!;
          const b = tB ? B[j + p * ldb]! : B[p + j * ldb]!;
          s += a * b;
          bound += Math.abs(a * b);
        }
      }
      const c0 = C0[idx]!;
      const ref = alpha * s + (beta === 0 ? 0 : beta * c0);
      const tol = (k + 3) * EPS * (Math.abs(alpha) * bound + (beta === 0 ? 0 : Math.abs(beta * c0)));
      if (!(Math.abs(C[idx]! - ref) <= tol)) {
        rs.bad++;
        if (rs.first.length < 4) rs.first.push(`${lbl} C[${i},${j}] ${C[idx]} vs ${ref}`);
        return;
      }
    }
  }
}

const GEMM_SIZES = [0, 1, 3, 4, 5, 17, 33, 130];
for (const [bmc, bkc, bnc] of BLOCKINGS) {
  const blk = setBlocking(bmc, bkc, bnc);
  for (const tA of [0, 1]) {
    for (const tB of [0, 1]) {
      for (const m of GEMM_SIZES) {
        for (const n of GEMM_SIZES) {
          for (const k of GEMM_SIZES) {
            // keep the run short: at most one dimension 130 unless default blocking
            const big = (m === 130 ? 1 : 0) + (n === 130 ? 1 : 0) + (k === 130 ? 1 : 0);
            if (big > 1 && bmc !== 0) continue;
            const ra = tA ? k : m, ca = tA ? m : k, rb = tB ? n : k, cb = tB ? k : n;
            const lda = ra + 3, ldb = rb + 1, ldc = m + 2;
            const A = randArray(lda * ca), B = randArray(ldb * cb);
            const ab = GEMM_AB[rint(0, GEMM_AB.length - 1)]!;
            const ab2 = (m + n + k) % 3 === 0 ? GEMM_AB[0]! : GEMM_AB[1]!;
            for (const [alpha, beta, fill] of ab === ab2 ? [ab] : [ab, ab2]) {
              const C0 = Number.isNaN(fill) ? filled(ldc * n, NaN) : randArray(ldc * n);
              const scr = js.gemmScratch(m, n, k);
              if (scr !== scalarW.ex.gemmScratch!(m, n, k)) throw new Error('gemmScratch differs');
              const lbl = `blk=${blk} tA=${tA} tB=${tB} m=${m} n=${n} k=${k} α=${alpha} β=${beta}`;
              const r = runCase('gemm', lbl,
                { A: { data: A }, B: { data: B }, C: { data: C0 }, w: { data: filled(scr, NaN), work: true } },
                [tA, tB, m, n, k, alpha, { buf: 'A' }, lda, { buf: 'B' }, ldb, beta, { buf: 'C' }, ldc, { buf: 'w' }]);
              checkGemmRef('gemm', lbl, tA, tB, m, n, k, alpha, A, lda, B, ldb, beta, C0, r.out.C!, ldc);
            }
          }
        }
      }
    }
  }
  // a bigger one per blocking: several blocks in every loop
  {
    const m = 67, n = 71, k = 300;
    const A = randArray((m + 1) * k), B = randArray((k + 2) * n), C0 = randArray((m + 3) * n);
    const scr = js.gemmScratch(m, n, k);
    const lbl = `blk=${blk} big m=${m} n=${n} k=${k}`;
    const r = runCase('gemm', lbl,
      { A: { data: A }, B: { data: B }, C: { data: C0 }, w: { data: filled(scr, NaN), work: true } },
      [0, 0, m, n, k, 0.75, { buf: 'A' }, m + 1, { buf: 'B' }, k + 2, 0.5, { buf: 'C' }, m + 3, { buf: 'w' }]);
    checkGemmRef('gemm', lbl, 0, 0, m, n, k, 0.75, A, m + 1, B, k + 2, 0.5, C0, r.out.C!, m + 3);
  }

  // ---------------------------------------------------------------- syrk
  for (const uplo of [0, 1]) {
    for (const trans of [0, 1]) {
      for (const n of GEMM_SIZES) {
        for (const k of GEMM_SIZES) {
          if (n === 130 && k === 130 && bmc !== 0) continue;
          const ra = trans ? k : n, ca = trans ? n : k;
          const lda = ra + 3, ldc = n + 2;
          const A = randArray(lda * ca);
          const [alpha, beta, fill] = GEMM_AB[rint(0, GEMM_AB.length - 1)]!;
          const C0 = randArray(ldc * n);
          if (Number.isNaN(fill)) {
            // β = 0: the referenced triangle may hold NaN, it must not be read
            for (let j = 0; j < n; j++) for (let i = uplo ? 0 : j; i < (uplo ? j + 1 : n); i++) C0[i + j * ldc] = NaN;
          }
          const scr = js.syrkScratch(n, k);
          if (scr !== scalarW.ex.syrkScratch!(n, k)) throw new Error('syrkScratch differs');
          const lbl = `blk=${blk} uplo=${uplo} trans=${trans} n=${n} k=${k} α=${alpha} β=${beta}`;
          const r = runCase('syrk', lbl,
            { A: { data: A }, C: { data: C0 }, w: { data: filled(scr, NaN), work: true } },
            [uplo, trans, n, k, alpha, { buf: 'A' }, lda, beta, { buf: 'C' }, ldc, { buf: 'w' }]);
          checkGemmRef('syrk', lbl, trans, trans ^ 1, n, n, k, alpha, A, lda, A, lda, beta, C0, r.out.C!, ldc,
            (j) => (uplo ? [0, j + 1] : [j, n]));
        }
      }
    }
  }
}
setBlocking(0, 0, 0);

// ---------------------------------------------------------------- report
let allJsScalar = true;
console.log('bit equality (cases with any difference / cases):');
console.log('kernel    cases   js≠scalar  js≠simd  scalar≠simd  guard');
for (const [k, s] of stats) {
  if (s.jsScalar || s.guard) allJsScalar = false;
  console.log(`${k.padEnd(9)} ${String(s.cases).padStart(6)} ${String(s.jsScalar).padStart(10)} ${String(s.jsSimd).padStart(8)} ${String(s.scalarSimd).padStart(12)} ${String(s.guard).padStart(6)}`);
  for (const f of s.first) console.log('    ' + f);
}
console.log('\nreference checks (naive loops, tolerance (k+3)·eps·(|α||A||B| + |β||C|)):');
for (const [k, s] of refFail) {
  console.log(`${k.padEnd(9)} ${String(s.cases).padStart(6)} cases, ${s.bad} failing`);
  for (const f of s.first) console.log('    ' + f);
}
console.log(allJsScalar ? '\nJS ≡ scalar wasm: all identical' : '\nJS ≡ scalar wasm: DIFFERENCES');

// ---------------------------------------------------------------- timing
if (!process.argv.includes('--no-bench')) {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const median = (a: number[]) => a.slice().sort((x, y) => x - y)[a.length >> 1]!;
  console.log('\ngemm timing (median of 7 after warm-up), GFLOP/s = 2n³/t:');
  for (const n of [256, 512]) {
    const A = randArray(n * n), B = randArray(n * n), C = new Float64Array(n * n);
    const w = new Float64Array(js.gemmScratch(n, n, n));
    const runJs = () => js.gemm(0, 0, n, n, n, 1, A, 0, n, B, 0, n, 0, C, 0, n, w, 0);
    for (let i = 0; i < 4; i++) runJs();
    await sleep(30);
    for (let i = 0; i < 2; i++) runJs();
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      runJs();
      times.push(performance.now() - t0);
    }
    const t = median(times);
    let line = `n=${n}: JS ${t.toFixed(1)} ms = ${((2 * n ** 3) / t / 1e6).toFixed(2)} GFLOP/s`;
    for (const wm of wasms) {
      wm.reset();
      const pA = wm.alloc(n * n, 0), pB = wm.alloc(n * n, 0), pC = wm.alloc(n * n, 0);
      const pw = wm.alloc(wm.ex.gemmScratch!(n, n, n), 0);
      wm.f64.set(A, pA / 8);
      wm.f64.set(B, pB / 8);
      const run = () => wm.ex.gemm!(0, 0, n, n, n, 1, pA, n, pB, n, 0, pC, n, pw);
      for (let i = 0; i < 4; i++) run();
      await sleep(30);
      for (let i = 0; i < 2; i++) run();
      const tw: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        run();
        tw.push(performance.now() - t0);
      }
      const m = median(tw);
      line += `; ${wm.name} wasm ${m.toFixed(1)} ms = ${((2 * n ** 3) / m / 1e6).toFixed(2)}`;
      if (diff(wm.f64.subarray(pC / 8, pC / 8 + n * n), C) >= 0) line += ' (result DIFFERS from JS)';
    }
    console.log(line);
  }
}
process.exitCode = allJsScalar ? 0 : 1;
