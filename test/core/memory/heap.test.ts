/**
 * The JS-side allocator over the wasm memory (bindings/core/memory.ts), on fresh memories: 16-byte
 * alignment, reuse and coalescing of freed blocks, exact statistics, growth (views rebuilt, old ones
 * detached), bad frees, and a seeded random alloc/free run that checks no two live blocks overlap
 * and no block's contents are clobbered by the allocator or by growth. Requests past what wasm32
 * can address are RangeErrors, never a bogus pointer.
 */
import { describe, it, expect } from 'vitest';
import { WasmHeap, HEAP_BASE } from '../../../bindings/core/memory.js';
import { Rng } from '../../util/generate.js';
import { expectError } from '../../util/errors.js';

const PAGE = 65536;
const fresh = (): WasmHeap => new WasmHeap(new WebAssembly.Memory({ initial: 2 }));

describe('WasmHeap', () => {
  it('returns 16-byte-aligned blocks at or above HEAP_BASE; rounds sizes up to 16', () => {
    const h = fresh();
    const sizes = [0, 1, 8, 15, 16, 17, 100, 4096, 70000];
    const ptrs = sizes.map((s) => h.alloc(s));
    for (const [i, p] of ptrs.entries()) {
      expect(p % 16, `alignment of block ${i}`).toBe(0);
      expect(p).toBeGreaterThanOrEqual(HEAP_BASE);
      expect(h.sizeOf(p)).toBe(Math.max(16, Math.ceil(sizes[i]! / 16) * 16));
    }
    expect(h.stats().blocksInUse).toBe(sizes.length);
    expect(h.stats().bytesInUse).toBe(ptrs.reduce((s, p) => s + h.sizeOf(p)!, 0));
  });

  it('reuses a freed block and coalesces neighbours', () => {
    const h = fresh();
    const a = h.alloc(64);
    const b = h.alloc(64);
    const c = h.alloc(64);
    const guard = h.alloc(16); // keeps a..c from merging back into the bump region
    h.free(b);
    expect(h.alloc(64)).toBe(b); // first fit in its own bin
    h.free(a);
    h.free(b);
    h.free(c);
    // a, b, c merged into one 192-byte free block: a 192-byte request fits at a.
    expect(h.alloc(192)).toBe(a);
    expect(h.stats().blocksInUse).toBe(2);
    h.free(a);
    h.free(guard);
    expect(h.stats()).toMatchObject({ bytesInUse: 0, blocksInUse: 0 });
    // Everything freed: the next block starts at the base again.
    expect(h.alloc(16)).toBe(HEAP_BASE);
  });

  it('tracks bytes, blocks and the peak', () => {
    const h = fresh();
    const p = h.alloc(1000);
    const q = h.alloc(24);
    expect(h.stats()).toMatchObject({ bytesInUse: 1008 + 32, blocksInUse: 2, peakBytes: 1040 });
    h.free(p);
    expect(h.stats()).toMatchObject({ bytesInUse: 32, blocksInUse: 1, peakBytes: 1040 });
    h.free(q);
    expect(h.stats()).toMatchObject({ bytesInUse: 0, blocksInUse: 0 });
  });

  it('double free and freeing a non-block throw', () => {
    const h = fresh();
    const p = h.alloc(32);
    h.free(p);
    expectError(Error, 'double free', () => h.free(p), /not a live block/);
    expectError(Error, 'free inside a block', () => h.free(p + 16), /not a live block/);
    expectError(Error, 'free of a non-block', () => h.free(12345));
  });

  it('invalid sizes and requests past 4 GiB are RangeErrors; nothing is allocated', () => {
    const h = fresh();
    const before = h.stats();
    for (const bad of [-1, NaN, Infinity, -Infinity]) expect(() => h.alloc(bad), String(bad)).toThrow(RangeError);
    expectError(RangeError, 'alloc(2^32)', () => h.alloc(2 ** 32), /4 GiB/);
    expect(() => h.alloc(2 ** 32 - HEAP_BASE + 1)).toThrow(RangeError);
    expect(() => h.alloc(2 ** 40)).toThrow(RangeError);
    expect(() => h.alloc(Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
    expect(h.stats()).toEqual(before);
  });

  it('growth rebuilds the views; a view taken before growth is detached (length 0)', () => {
    const h = fresh();
    const p = h.alloc(64);
    h.f64[p / 8] = 42;
    const old = h.f64;
    const before = h.stats().heapBytes;
    const big = h.alloc(10 * PAGE);
    expect(h.stats().heapBytes).toBeGreaterThan(before);
    expect(old.length).toBe(0); // what NOTES.md warns about: a stale view silently reads nothing
    expect(h.f64.length).toBe(h.stats().heapBytes / 8);
    expect(h.f64[p / 8]).toBe(42);
    expect(h.u8.length).toBe(h.stats().heapBytes);
    h.free(big);
    h.free(p);
  });

  it('seeded random alloc/free: live blocks never overlap and keep their contents through growth', () => {
    const h = fresh();
    const rng = new Rng(2024);
    const live = new Map<number, { size: number; tag: number }>();
    for (let step = 0; step < 3000; step++) {
      if (live.size > 0 && rng.uniform() < 0.45) {
        const keys = [...live.keys()];
        const p = keys[rng.u32() % keys.length]!;
        const { size, tag } = live.get(p)!;
        const v = h.f64;
        for (let i = 0; i < size / 8; i++) {
          if (v[p / 8 + i] !== tag) throw new Error(`block ${p} word ${i}: ${v[p / 8 + i]} ≠ ${tag}`);
        }
        h.free(p);
        live.delete(p);
      } else {
        const bytes = rng.uniform() < 0.1 ? 8 * (1 + (rng.u32() % 20000)) : 8 * (1 + (rng.u32() % 64));
        const p = h.alloc(bytes);
        const size = h.sizeOf(p)!;
        if (p % 16 !== 0 || p < HEAP_BASE || p + size > h.stats().heapBytes) throw new Error(`bad block [${p}, ${p + size})`);
        for (const [q, b] of live) {
          if (p < q + b.size && q < p + size) throw new Error(`block [${p}, ${p + size}) overlaps live [${q}, ${q + b.size})`);
        }
        const tag = step + 0.5;
        h.f64.fill(tag, p / 8, (p + size) / 8);
        live.set(p, { size, tag });
      }
      if (h.stats().blocksInUse !== live.size) throw new Error(`step ${step}: ${h.stats().blocksInUse} blocks, ${live.size} live`);
    }
    for (const [p, { size, tag }] of live) {
      expect(h.f64.subarray(p / 8, (p + size) / 8).every((x) => x === tag)).toBe(true);
      h.free(p);
    }
    expect(h.stats()).toMatchObject({ bytesInUse: 0, blocksInUse: 0 });
  });
});
