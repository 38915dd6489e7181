/**
 * lasr — X ← X·G₁·G₂⋯, batches of plane-rotation sequences on adjacent column pairs (the rotation
 * applier of steqr and bdsqr). Strips, fused pairs and batching never change the operations an element
 * goes through, so every engine must equal the plain loop — one rotation at a time over all rows,
 * records in order — bit for bit. Covered: row counts around the strip edge (LASR_MB = 256) and odd
 * ones, both directions, odd and even sequence lengths (the unpaired last rotation), empty records,
 * nseq = 0 and m = 0 (nothing written); both (c, s) layouts the callers use — packed end to end with a
 * negative `off` (steqr) and one column of slots per record (bdsqr) — with NaN in every slot the
 * kernel must not read, and only the columns the records name writable (the harness checks the rest,
 * NaN padding rows included).
 */
import { describe, it, beforeAll } from 'vitest';
import { setupEngines } from '../../util/engines.js';
import { runKernel } from '../../util/harness.js';
import { Rng, matrix } from '../../util/generate.js';
import { expectBitwise } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

interface Batch {
  seq: Float64Array; // records (lo, hi, dir, off)
  C: Float64Array;
  S: Float64Array;
}

/** The plain loop: each rotation over all m rows, in record order. */
function plain(X: Float64Array, m: number, ldx: number, b: Batch): Float64Array {
  const Y = X.slice();
  for (let q = 0; 4 * q < b.seq.length; q++) {
    const [lo, hi, dir, off] = b.seq.subarray(4 * q, 4 * q + 4) as unknown as [number, number, number, number];
    for (let t = 0; t < hi - lo; t++) {
      const j = dir === 0 ? lo + t : hi - 1 - t;
      const c = b.C[off + j]!;
      const s = b.S[off + j]!;
      for (let i = 0; i < m; i++) {
        const x = Y[i + j * ldx]!;
        const y = Y[i + (j + 1) * ldx]!;
        Y[i + j * ldx] = c * x + s * y;
        Y[i + (j + 1) * ldx] = c * y - s * x;
      }
    }
  }
  return Y;
}

/**
 * `nseq` random records on pairs within 0 … ncols−2 (lo = hi possible). `packed`: (c, s) end to end
 * with a NaN slot between records (off = next slot − lo, often negative); otherwise one column of
 * ncols + 1 NaN-filled slots per record (off = q·(ncols + 1)).
 */
function randomBatch(rng: Rng, nseq: number, ncols: number, packed: boolean): Batch {
  const seq = new Float64Array(4 * nseq);
  const len = packed ? nseq * ncols : nseq * (ncols + 1);
  const C = new Float64Array(Math.max(1, len)).fill(NaN);
  const S = new Float64Array(Math.max(1, len)).fill(NaN);
  let used = 0;
  for (let q = 0; q < nseq; q++) {
    let lo = rng.u32() % ncols;
    let hi = rng.u32() % ncols;
    if (lo > hi) [lo, hi] = [hi, lo];
    const off = packed ? used - lo : q * (ncols + 1);
    seq.set([lo, hi, rng.u32() & 1, off], 4 * q);
    for (let j = lo; j < hi; j++) {
      const th = 2 * Math.PI * rng.uniform();
      C[off + j] = Math.cos(th);
      S[off + j] = Math.sin(th);
    }
    used += hi - lo + 1;
  }
  return { seq, C, S };
}

/** Runs lasr on every engine (checking it writes only columns lo … hi of non-empty records) → X. */
function lasrAll(label: string, m: number, X: Float64Array, ldx: number, b: Batch, skew: number): Float64Array {
  const nseq = b.seq.length / 4;
  let cmin = Infinity;
  let cmax = -1;
  for (let q = 0; q < nseq; q++) {
    const lo = b.seq[4 * q]!;
    const hi = b.seq[4 * q + 1]!;
    if (hi > lo) {
      cmin = Math.min(cmin, lo);
      cmax = Math.max(cmax, hi);
    }
  }
  const touched = (idx: number): boolean => {
    const j = Math.floor(idx / ldx);
    return idx % ldx < m && j >= cmin && j <= cmax;
  };
  const r = runKernel(label, 'lasr', (c) => [
    m, nseq, c.in(b.seq.length ? b.seq : new Float64Array(1)), c.in(b.C, skew), c.in(b.S, 1 - skew),
    c.out(X, touched, skew), ldx,
  ]);
  return r.bufs[3]!;
}

describe('lasr', () => {
  it('≡ the plain loop bit for bit: small row counts, packed (c, s), only the named columns written', () => {
    let seed = 3000;
    for (const m of [0, 1, 7, 8, 9, 31, 32, 33, 70]) {
      for (const ncols of [2, 5, 12]) {
        const rng = new Rng(seed++);
        const ldx = m + 3;
        const X = matrix(rng, 'normal', m, ncols, ldx);
        const b = randomBatch(rng, 1 + (rng.u32() % 6), ncols, true);
        const label = `lasr m=${m} ncols=${ncols} nseq=${b.seq.length / 4} packed`;
        expectBitwise(label, lasrAll(label, m, X, ldx, b, seed % 2), plain(X, m, ldx, b));
      }
    }
  });

  it('≡ the plain loop bit for bit: strip edges (LASR_MB = 256), one column of slots per record', () => {
    const rng = new Rng(31);
    for (const [m, ncols, nseq] of [
      [1, 2, 1], [5, 9, 3], [17, 30, 7], [255, 6, 4], [256, 7, 4], [257, 8, 5], [300, 12, 5], [513, 40, 33],
    ] as const) {
      const ldx = m + 1;
      const X = matrix(rng, 'uniform', m, ncols, ldx);
      const b = randomBatch(rng, nseq, ncols, false);
      const label = `lasr m=${m} ncols=${ncols} nseq=${nseq} strided`;
      expectBitwise(label, lasrAll(label, m, X, ldx, b, nseq % 2), plain(X, m, ldx, b));
    }
  });

  it('full-length sequences in both directions, odd and even lengths (fused pairs and the last single)', () => {
    const rng = new Rng(77);
    for (const ncols of [2, 3, 4, 9, 10]) {
      const m = 19;
      const ldx = m + 2;
      const X = matrix(rng, 'normal', m, ncols, ldx);
      const b = randomBatch(rng, 4, ncols, true);
      let used = 0;
      for (let q = 0; q < 4; q++) {
        b.seq.set([0, ncols - 1, q & 1, used], 4 * q);
        for (let j = 0; j < ncols - 1; j++) {
          const th = 2 * Math.PI * rng.uniform();
          b.C[used + j] = Math.cos(th);
          b.S[used + j] = Math.sin(th);
        }
        used += ncols - 1;
      }
      const label = `lasr full sweeps ncols=${ncols}`;
      expectBitwise(label, lasrAll(label, m, X, ldx, b, 0), plain(X, m, ldx, b));
    }
  });

  it('writes nothing for nseq = 0, m = 0, or only empty records', () => {
    const rng = new Rng(5);
    const X = matrix(rng, 'normal', 6, 4, 7);
    const empty: Batch = { seq: new Float64Array(0), C: new Float64Array(1), S: new Float64Array(1) };
    expectBitwise('lasr nseq=0', lasrAll('lasr nseq=0', 6, X, 7, empty, 0), X);
    const b = randomBatch(rng, 3, 4, true);
    expectBitwise('lasr m=0', lasrAll('lasr m=0', 0, X, 7, b, 1), X);
    const none: Batch = { seq: Float64Array.of(2, 2, 0, 0, 1, 1, 1, 5), C: new Float64Array(1).fill(NaN), S: new Float64Array(1).fill(NaN) };
    expectBitwise('lasr empty records', lasrAll('lasr empty records', 6, X, 7, none, 0), X);
  });
});
