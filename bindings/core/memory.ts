/**
 * The WebAssembly linear memory and its allocator.
 *
 * The TS layer creates the `WebAssembly.Memory` and hands it to the module as `env.memory`, so a
 * future multi-threaded build can give the same (shared) memory to workers. The kernels never
 * allocate: every matrix, vector and workspace they touch is allocated here, on the JS side, and
 * passed to them as a byte address.
 *
 * Allocator: a segregated-fit free list with immediate coalescing (the idea of TLSF, Masmano et al.
 * 2004, kept in JS maps instead of in-band headers). Free blocks are binned by ⌊log2 size⌋; a request
 * looks first in its own bin (first fit), then takes any block of a larger bin, splitting off the
 * remainder. Freed blocks merge with free neighbours at once, through the maps `freeByStart` and
 * `freeByEnd`. Blocks are 16-byte aligned (one v128). Memory grows by whole 64 KiB pages only when no
 * free block fits; a request past what wasm32 can address (4 GiB) or past what the engine will give
 * is a `RangeError`, never a bogus pointer. Addresses are plain non-negative JS numbers, so blocks
 * above 2 GiB need no special handling on this side; the kernels receive them as i32 and read them as
 * u32 (`usize`).
 *
 * Growth detaches every JS view of a non-shared memory (length 0, writes dropped silently), so views
 * are never cached by callers: {@link WasmHeap.f64} rebuilds its view whenever the buffer changed.
 */

const PAGE = 65536;
const ALIGN = 16;
/** wasm32 addresses 2^32 bytes = 65536 pages. */
const MAX_PAGES = 65536;
/**
 * Bytes below this address are outside the allocator: the module's static data from 0 (the kernels
 * keep none; checked at load), the scratch region [SCRATCH_BASE, SCRATCH_END), and from SCRATCH_END
 * the thread pool's control blocks (bindings/threads.ts).
 */
export const HEAP_BASE = PAGE;
/**
 * The scratch region (16 KiB = 2048 doubles): operands and workspace of one synchronous kernel call of
 * the lean small-matrix path (bindings/api/small.ts), which then needs no block from the allocator —
 * an alloc and a free cost as much as a 3×3 eigensolve's arithmetic. Nothing else uses it, no call
 * keeps it across a return to the caller, and it is not counted in {@link MemoryStats}.
 */
export const SCRATCH_BASE = 16384;
export const SCRATCH_END = 32768;

/**
 * The WebAssembly heap's use, from {@link memoryStats}.
 *
 * @example
 * ```ts
 * const { bytesInUse, peakBytes } = memoryStats();
 * ```
 */
export interface MemoryStats {
  /** Bytes in live blocks (rounded up to the 16-byte granule). */
  bytesInUse: number;
  /** Number of live blocks. */
  blocksInUse: number;
  /** Size of the linear memory in bytes. */
  heapBytes: number;
  /** Largest `bytesInUse` seen since the heap was created. */
  peakBytes: number;
}

function binOf(size: number): number {
  return 31 - Math.clz32(size / ALIGN); // size ≥ 16 and a multiple of 16; sizes < 2^36 fit in 32 bits after /16
}

/**
 * What the heap uses of a `WebAssembly.Memory`, declared structurally so that the shipped .d.ts need
 * no DOM lib (a Node-only consumer's `lib: ["es2022"]` has no `WebAssembly` namespace).
 */
export interface LinearMemory {
  readonly buffer: ArrayBuffer;
  grow(delta: number): number;
}

export class WasmHeap {
  readonly memory: LinearMemory;
  private f64View: Float64Array;
  private u8View: Uint8Array;
  private i32View: Int32Array;
  /** Times growFor grew the memory; each view remembers the count it was built at. */
  private grown = 0;
  private f64Seen = 0;
  private u8Seen = 0;
  private i32Seen = 0;
  /** End of the region managed so far (everything in [HEAP_BASE, top) is either live or free). */
  private top: number;
  private readonly live = new Map<number, number>();
  private readonly freeByStart = new Map<number, number>();
  private readonly freeByEnd = new Map<number, number>();
  private readonly bins: Set<number>[] = [];
  private bytesInUse = 0;
  private peak = 0;

  constructor(memory: LinearMemory) {
    this.memory = memory;
    this.f64View = new Float64Array(memory.buffer);
    this.u8View = new Uint8Array(memory.buffer);
    this.i32View = new Int32Array(memory.buffer);
    this.top = HEAP_BASE;
    if (memory.buffer.byteLength < HEAP_BASE) {
      memory.grow(Math.ceil((HEAP_BASE - memory.buffer.byteLength) / PAGE));
      this.grown++;
    }
  }

  /**
   * A float64 view of the whole memory, rebuilt if growth detached or outgrew the previous one. Growth
   * is seen without reading `memory.buffer` and the views' buffer and byteLength (engine calls: ≈ 8 %
   * of a lean 3×3 eigh on wasm in a profile): a grown non-shared memory detaches the old view (length
   * 0), and a shared one is grown only here (growFor: kernels never allocate, and only the main
   * thread's heap allocates), which bumps `grown`.
   */
  get f64(): Float64Array {
    if (this.f64View.length === 0 || this.f64Seen !== this.grown) {
      this.f64View = new Float64Array(this.memory.buffer);
      this.f64Seen = this.grown;
    }
    return this.f64View;
  }

  /** A byte view of the whole memory (same rebuilding rule as {@link f64}). */
  get u8(): Uint8Array {
    if (this.u8View.length === 0 || this.u8Seen !== this.grown) {
      this.u8View = new Uint8Array(this.memory.buffer);
      this.u8Seen = this.grown;
    }
    return this.u8View;
  }

  /** An int32 view of the whole memory (same rebuilding rule as {@link f64}). */
  get i32(): Int32Array {
    if (this.i32View.length === 0 || this.i32Seen !== this.grown) {
      this.i32View = new Int32Array(this.memory.buffer);
      this.i32Seen = this.grown;
    }
    return this.i32View;
  }

  /**
   * Allocates `bytes` bytes (at least 16), 16-byte aligned. Contents are unspecified.
   * @throws RangeError when the request cannot be met within wasm32's 4 GiB or the engine's limit.
   */
  alloc(bytes: number): number {
    if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`alloc: invalid size ${bytes}`);
    const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
    if (size > MAX_PAGES * PAGE - HEAP_BASE) {
      throw new RangeError(`Cannot allocate ${bytes} bytes: larger than the 4 GiB a wasm32 memory can address`);
    }
    let ptr = this.takeFree(size);
    if (ptr < 0) ptr = this.growFor(size);
    this.live.set(ptr, size);
    this.bytesInUse += size;
    if (this.bytesInUse > this.peak) this.peak = this.bytesInUse;
    return ptr;
  }

  /** Frees a block returned by {@link alloc}. Freeing anything else throws. */
  free(ptr: number): void {
    const size = this.live.get(ptr);
    if (size === undefined) throw new Error(`free: ${ptr} is not a live block (double free?)`);
    this.live.delete(ptr);
    this.bytesInUse -= size;
    this.insertFree(ptr, size);
  }

  /** Size in bytes of a live block, or undefined. */
  sizeOf(ptr: number): number | undefined {
    return this.live.get(ptr);
  }

  stats(): MemoryStats {
    return {
      bytesInUse: this.bytesInUse,
      blocksInUse: this.live.size,
      heapBytes: this.memory.buffer.byteLength,
      peakBytes: this.peak,
    };
  }

  /** What is live, and the way out, for out-of-memory messages. */
  private liveText(): string {
    const mib = (this.bytesInUse / 2 ** 20).toFixed(1);
    return (
      `${this.live.size} blocks live — matrices not yet disposed, and the running call's workspace — ${mib} MiB; ` +
      `matrices that were never disposed stay allocated until the ` +
      `garbage collector finalises them — free them with dispose(), or make them inside tidy(() => …)`
    );
  }

  private takeFree(size: number): number {
    const b0 = binOf(size);
    // Own bin: blocks in [2^b, 2^(b+1)) granules may be smaller than the request — first fit.
    const own = this.bins[b0];
    if (own !== undefined) {
      for (const start of own) {
        if (this.freeByStart.get(start)! >= size) return this.carve(start, size);
      }
    }
    // Any block of a larger bin fits.
    for (let b = b0 + 1; b < this.bins.length; b++) {
      const set = this.bins[b];
      if (set !== undefined && set.size > 0) {
        const start = set.values().next().value as number;
        return this.carve(start, size);
      }
    }
    return -1;
  }

  private carve(start: number, size: number): number {
    const have = this.removeFree(start);
    if (have > size) this.insertFree(start + size, have - size, false);
    return start;
  }

  private growFor(size: number): number {
    // No free block fits: bump `top` (free blocks never touch `top`; insertFree gives tails back).
    const start = this.top;
    const end = start + size;
    const pages = this.memory.buffer.byteLength / PAGE;
    const needPages = Math.ceil(end / PAGE) - pages;
    if (needPages > 0) {
      if (needPages > MAX_PAGES - pages) {
        throw new RangeError(`Cannot allocate ${size} bytes: the wasm32 memory would exceed 4 GiB (${this.liveText()})`);
      }
      // Grow geometrically (×1.5) to amortise, but never beyond what is addressable.
      const want = Math.min(MAX_PAGES - pages, Math.max(needPages, Math.ceil(pages / 2)));
      try {
        this.memory.grow(want);
      } catch {
        try {
          this.memory.grow(needPages);
        } catch {
          throw new RangeError(
            `Cannot allocate ${size} bytes: the engine refused to grow WebAssembly memory to ${
              (pages + needPages) * PAGE
            } bytes (${this.liveText()})`,
          );
        }
      }
      this.grown++;
    }
    this.top = end;
    return start;
  }

  private insertFree(start: number, size: number, coalesce = true): void {
    if (coalesce) {
      const before = this.freeByEnd.get(start);
      if (before !== undefined) {
        size += this.removeFree(before);
        start = before;
      }
      const after = this.freeByStart.get(start + size);
      if (after !== undefined) size += this.removeFree(start + size);
    }
    if (start + size === this.top) {
      // Give the tail back to the bump region instead of keeping it as a free block.
      this.top = start;
      return;
    }
    this.freeByStart.set(start, size);
    this.freeByEnd.set(start + size, start);
    const b = binOf(size);
    (this.bins[b] ??= new Set()).add(start);
  }

  private removeFree(start: number): number {
    const size = this.freeByStart.get(start)!;
    this.freeByStart.delete(start);
    this.freeByEnd.delete(start + size);
    this.bins[binOf(size)]!.delete(start);
    return size;
  }
}
