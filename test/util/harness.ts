/**
 * Kernel harness: runs one kernel call on every engine (engines.ts) with identical inputs laid out
 * in one guarded arena, and checks what gonum's and stdlib-js's fixtures check:
 *
 *   - guard zones: GUARD doubles of SENTINEL before and after every buffer, in one contiguous arena
 *     (so an out-of-bounds write lands in a guard, not in unowned memory) — must be untouched;
 *   - inputs (`in`) unchanged bit for bit;
 *   - outputs (`out`): only the entries the caller declares writable may change (padding rows of a
 *     leading dimension, the gaps of a strided vector, the other triangle of a SYRK, …);
 *   - workspace (`work`) starts as NaN, so a kernel that reads workspace it never wrote shows it;
 *   - the return value and every non-workspace buffer equal on all engines, bit for bit.
 *
 * Buffers can start at an odd element offset (`skew` = 1), i.e. 8 bytes off the 16-byte alignment
 * of a v128, for both the wasm address and the JS offset. Workspace is always 16-byte aligned, as
 * the kernels require.
 *
 *   const r = runKernel('dot n=5', 'dot', (c) => [5, c.in(x, 1), 2, c.in(y), 1]);
 *   r.ret   // the result (equal on all engines)
 */
import { assert } from 'vitest';
import { allEngines, type Engine } from './engines.js';
import { expectBitwise } from './tolerance.js';

export const GUARD = 8;
export const SENTINEL = -777.125;
/** Guard value of the int32 arena. */
export const ISENTINEL = -7777;

type Role = 'in' | 'out' | 'work';

interface BufSpec {
  role: Role;
  /** 'i32' buffers (pivot vectors) live in a second arena of Int32 cells. */
  type: 'f64' | 'i32';
  data: Float64Array | Int32Array;
  writable: (i: number) => boolean;
  skew: number;
  /** Element index of data[0] within the arena. */
  start: number;
}

/** A pointer argument: the buffer it refers to. */
export class Ref {
  constructor(readonly id: number) {}
}

export type Arg = number | Ref;

/** Collects a call's buffers (used inside the `build` callback of {@link runKernel}). */
export class Call {
  readonly bufs: BufSpec[] = [];
  private add(role: Role, data: Float64Array | Int32Array, writable: (i: number) => boolean, skew: number): Ref {
    const type = data instanceof Int32Array ? 'i32' : 'f64';
    this.bufs.push({ role, type, data: data.slice(), writable, skew, start: 0 });
    return new Ref(this.bufs.length - 1);
  }
  /** A read-only operand. */
  in(data: Float64Array, skew = 0): Ref {
    return this.add('in', data, () => false, skew);
  }
  /** An operand the kernel may write, only where `writable(i)` holds. */
  out(data: Float64Array, writable: (i: number) => boolean, skew = 0): Ref {
    return this.add('out', data, writable, skew);
  }
  /** An int32 operand (a pivot vector): read-only unless `writable` is given. */
  ints(data: Int32Array, writable?: (i: number) => boolean): Ref {
    return this.add(writable === undefined ? 'in' : 'out', data, writable ?? (() => false), 0);
  }
  /** `n` doubles of workspace, NaN-filled, 16-byte aligned. */
  work(n: number): Ref {
    return this.add('work', new Float64Array(Math.max(1, n)).fill(NaN), () => true, 0);
  }
}

/** Writable entries of an m×n column-major matrix with leading dimension ld. */
export function matW(m: number, n: number, ld: number): (i: number) => boolean {
  return (i) => i % ld < m && Math.floor(i / ld) < n;
}
/** Writable entries of a length-n vector with stride inc. */
export function vecW(n: number, inc: number): (i: number) => boolean {
  return (i) => i % inc === 0 && i / inc < n;
}
/** Writable entries of the lower (uplo 0) or upper (uplo 1) triangle, diagonal included, of n×n. */
export function triW(n: number, ld: number, uplo: number): (i: number) => boolean {
  return (idx) => {
    const i = idx % ld;
    const j = Math.floor(idx / ld);
    return i < n && j < n && (uplo === 0 ? i >= j : i <= j);
  };
}

/** The compact m×n (ld = m) column-major part of a buffer with leading dimension ld. */
export function extract(buf: Float64Array, m: number, n: number, ld: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) out[i + j * m] = buf[i + j * ld]!;
  return out;
}
/** The n entries of a strided vector. */
export function extractVec(buf: Float64Array, n: number, inc: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = buf[i * inc]!;
  return out;
}

/**
 * Places buffers in two arenas — doubles and int32s — as [guard][skew][data][guard] each, every
 * block starting 16-byte aligned.
 */
function layout(bufs: BufSpec[]): { region: Float64Array; iregion: Int32Array } {
  let pos = 0;
  let ipos = 0;
  for (const b of bufs) {
    if (b.type === 'i32') {
      ipos += GUARD;
      ipos += (4 - (ipos % 4)) % 4;
      b.start = ipos;
      ipos = b.start + b.data.length + GUARD;
      continue;
    }
    pos += GUARD;
    pos += pos & 1; // even element index = 16-byte aligned (arena base is 16-byte aligned)
    b.start = pos + b.skew;
    pos = b.start + b.data.length + GUARD;
  }
  pos += GUARD;
  pos += pos & 1;
  ipos += GUARD;
  ipos += (4 - (ipos % 4)) % 4;
  const region = new Float64Array(pos).fill(SENTINEL);
  const iregion = new Int32Array(ipos).fill(ISENTINEL);
  for (const b of bufs) (b.type === 'i32' ? iregion : region).set(b.data as never, b.start);
  return { region, iregion };
}

interface EngineRun {
  engine: Engine;
  ret: number | undefined;
  region: Float64Array;
  iregion: Int32Array;
}

function exec(e: Engine, kernel: string, args: Arg[], bufs: BufSpec[], init: Float64Array, iinit: Int32Array): EngineRun {
  if (e.kind === 'wasm') {
    const heap = e.heap;
    const base = heap.alloc(init.length * 8);
    let ibase = -1;
    try {
      ibase = heap.alloc(iinit.length * 4);
      heap.f64.set(init, base / 8);
      new Int32Array(heap.memory.buffer).set(iinit, ibase / 4);
      const fn = (e.exports as unknown as Record<string, (...a: number[]) => number | undefined>)[kernel];
      if (typeof fn !== 'function') throw new Error(`${e.name} has no kernel '${kernel}'`);
      const wasmArgs = args.map((a) => {
        if (!(a instanceof Ref)) return a;
        const b = bufs[a.id]!;
        return b.type === 'i32' ? ibase + b.start * 4 : base + b.start * 8;
      });
      const ret = fn(...wasmArgs);
      const region = heap.f64.slice(base / 8, base / 8 + init.length);
      const iregion = new Int32Array(heap.memory.buffer).slice(ibase / 4, ibase / 4 + iinit.length);
      return { engine: e, ret, region, iregion };
    } finally {
      heap.free(base);
      if (ibase >= 0) heap.free(ibase);
    }
  }
  const region = init.slice();
  const iregion = iinit.slice();
  const fn = (e.kernels as unknown as Record<string, (...a: unknown[]) => number | undefined>)[kernel];
  if (typeof fn !== 'function') throw new Error(`js has no kernel '${kernel}'`);
  const jsArgs: unknown[] = [];
  for (const a of args) {
    if (a instanceof Ref) {
      const b = bufs[a.id]!;
      jsArgs.push(b.type === 'i32' ? iregion : region, b.start);
    } else jsArgs.push(a);
  }
  const ret = fn(...jsArgs);
  return { engine: e, ret, region, iregion };
}

export interface KernelResult {
  /** The return value (undefined for void kernels). */
  ret: number | undefined;
  /** Every double buffer after the call, in the order they were declared (data only, no guards; int buffers appear as empty arrays). */
  bufs: Float64Array[];
  /** Every int32 buffer after the call, by declaration index (double buffers appear as empty arrays). */
  ints: Int32Array[];
}

/**
 * Runs `kernel` on every engine (or on `engines`: the relaxed build alone, test/kernels/relaxed/) with
 * the buffers and arguments `build` declares, checks guards, untouched inputs and padding, and bitwise
 * agreement across engines; returns the common result.
 */
export function runKernel(label: string, kernel: string, build: (c: Call) => Arg[], engines: readonly Engine[] = allEngines()): KernelResult {
  const call = new Call();
  const args = build(call);
  const bufs = call.bufs;
  const { region: init, iregion: iinit } = layout(bufs);
  const runs = engines.map((e) => exec(e, kernel, args, bufs, init, iinit));
  const arenaOf = (r: EngineRun, b: BufSpec): Float64Array | Int32Array => (b.type === 'i32' ? r.iregion : r.region);

  for (const r of runs) {
    const where = `${label} [${r.engine.name}]`;
    // Guards: everything outside the buffers, in both arenas.
    for (const type of ['f64', 'i32'] as const) {
      const arena = type === 'i32' ? r.iregion : r.region;
      const sentinel = type === 'i32' ? ISENTINEL : SENTINEL;
      const owned = new Uint8Array(arena.length);
      for (const b of bufs) if (b.type === type) owned.fill(1, b.start, b.start + b.data.length);
      for (let i = 0; i < arena.length; i++) {
        if (owned[i] === 0 && arena[i] !== sentinel) {
          const near = bufs.map((b, id) => [id, b] as const).filter(([, b]) => b.type === type);
          assert.fail(`${where}: ${type} guard zone overwritten at arena index ${i} (buffers start at ${near.map(([id, b]) => `#${id}:${b.start}`).join(', ')}): ${arena[i]}`);
        }
      }
    }
    // Inputs and the non-writable parts of outputs.
    bufs.forEach((b, id) => {
      if (b.role === 'work') return;
      const arena = arenaOf(r, b);
      for (let i = 0; i < b.data.length; i++) {
        if (b.writable(i)) continue;
        const got = arena[b.start + i]!;
        if (!Object.is(got, b.data[i]!)) {
          assert.fail(
            `${where}: ${b.role === 'in' ? 'input' : 'non-writable entry of output'} buffer ${id} changed at ${i}: ` +
              `${b.data[i]} → ${got}`,
          );
        }
      }
    });
  }

  // Bitwise agreement of every engine with the first.
  const ref = runs[0]!;
  for (const r of runs.slice(1)) {
    const vs = `${ref.engine.name} vs ${r.engine.name}`;
    expectBitwise(`${label}: return value, ${vs}`, [ref.ret] as number[], [r.ret] as number[]);
    bufs.forEach((b, id) => {
      if (b.role === 'work') return;
      const end = b.start + b.data.length;
      expectBitwise(`${label}: buffer ${id}, ${vs}`, arenaOf(ref, b).subarray(b.start, end), arenaOf(r, b).subarray(b.start, end));
    });
  }
  return {
    ret: ref.ret,
    bufs: bufs.map((b) => (b.type === 'f64' ? ref.region.slice(b.start, b.start + b.data.length) : new Float64Array(0))),
    ints: bufs.map((b) => (b.type === 'i32' ? ref.iregion.slice(b.start, b.start + b.data.length) : new Int32Array(0))),
  };
}
