/**
 * Cholesky — potf2 (unblocked) and potrf (blocked: potf2 + trsm + syrk): A = L·Lᵀ, lower, on every
 * engine, bit for bit across engines. Only the lower triangle may be read (the strict upper
 * triangle holds NaN) and written (the harness fails on any write above the diagonal). Checked
 * like LAPACK's TESTING/LIN/dpot01, entrywise and scaled:
 *
 *   |L·Lᵀ − A|ᵢⱼ ≤ 2·(n + 3)·ε·(|L||Lᵀ| + |A|)ᵢⱼ   on the lower triangle   (Higham, ASNA, Thm 10.3)
 *
 * A matrix that is not positive definite returns the order of the first failing leading minor.
 * potrf with block ≤ 1 or ≥ n is potf2, bit for bit.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines, withTuning, scratch, type GemmTuning } from '../../util/engines.js';
import { runKernel, triW } from '../../util/harness.js';
import { Rng, matrix, MATRIX_KINDS } from '../../util/generate.js';
import { gemmRef } from '../../util/reference.js';
import { expectScaled, expectBitwise } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

/** A symmetric positive definite n×n matrix GᵀG + n·I (ld), lower triangle set, strict upper NaN. */
function spd(seed: number, n: number, ld: number): { stored: Float64Array; full: Float64Array } {
  const kind = MATRIX_KINDS.filter((k) => k !== 'zero' && k !== 'ones' && k !== 'cancel')[seed % 6]!;
  const G = matrix(new Rng(seed), kind, n, n);
  const full = new Float64Array(Math.max(1, n * n));
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) {
      let s = i === j ? n : 0;
      for (let p = 0; p < n; p++) s += G[p + i * n]! * G[p + j * n]!;
      full[i + j * n] = s;
      full[j + i * n] = s;
    }
  }
  const stored = new Float64Array(Math.max(1, ld * n)).fill(NaN);
  for (let j = 0; j < n; j++) for (let i = j; i < n; i++) stored[i + j * ld] = full[i + j * n]!;
  return { stored, full };
}

function chol(kernel: 'potf2' | 'potrf', n: number, A: Float64Array, ld: number, label: string): { L: Float64Array; info: number } {
  const r = runKernel(label, kernel, (c) => {
    const args = [n, c.out(A, triW(n, ld, 0)), ld];
    if (kernel === 'potrf') args.push(c.work(scratch('potrfScratch', n)));
    return args;
  });
  return { L: r.bufs[0]!, info: r.ret! };
}

function checkChol(kernel: 'potf2' | 'potrf', n: number, seed: number): Float64Array {
  const ld = Math.max(1, n) + (seed % 3);
  const { stored, full } = spd(seed, n, ld);
  const label = `${kernel} n=${n} seed=${seed}`;
  const { L, info } = chol(kernel, n, stored, ld, label);
  expect(info, `${label}: info`).toBe(0);
  const Lc = new Float64Array(Math.max(1, n * n));
  for (let j = 0; j < n; j++) for (let i = j; i < n; i++) Lc[i + j * n] = L[i + j * ld]!;
  const Lm = { data: Lc, off: 0, ld: Math.max(1, n) };
  const res = gemmRef(false, true, n, n, n, 1, Lm, Lm, -1, { data: full, off: 0, ld: Math.max(1, n) });
  const lower = (x: Float64Array): Float64Array => Float64Array.from({ length: (n * (n + 1)) / 2 }, (_, t) => {
    let j = 0;
    let r = t;
    while (r >= n - j) {
      r -= n - j;
      j++;
    }
    return x[j + r + j * n]!;
  });
  expectScaled(`${label}: |LLᵀ − A|`, lower(res.value), new Float64Array((n * (n + 1)) / 2), lower(res.bound), 2 * (n + 3));
  return Lc;
}

const NS = [0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31];

describe('potf2', () => {
  it('residual over sizes and matrix kinds', () => {
    for (const n of NS) for (let s = 0; s < 3; s++) checkChol('potf2', n, 10 * n + s);
  });
});

/** The right-looking outer-product form (one axpy y ← y + (−ℓ)·x per column, a zero multiplier skipped): potf2's bits. */
function rightLooking(n: number, A: Float64Array, ld: number): Float64Array {
  const a = A.slice();
  for (let j = 0; j < n; j++) {
    const cj = j * ld;
    const l = Math.sqrt(a[cj + j]!);
    a[cj + j] = l;
    for (let i = j + 1; i < n; i++) a[cj + i] = a[cj + i]! / l;
    for (let c = j + 1; c < n; c++) {
      const lc = a[cj + c]!;
      if (lc === 0) continue;
      const alpha = -lc;
      for (let i = c; i < n; i++) a[c * ld + i] = a[c * ld + i]! + alpha * a[cj + i]!;
    }
  }
  return a;
}

describe('potf2 (left-looking) ≡ the right-looking axpy form', () => {
  it('bit for bit over sizes, kinds and a matrix with zero multipliers (skipped terms) and signed zeros', () => {
    for (const n of [...NS, 40, 64]) {
      for (let s = 0; s < 2; s++) {
        const ld = n + 1 + s;
        const { stored } = spd(20 * n + s, n, ld);
        if (s === 1) {
          // zeros in the lower triangle below the diagonal: some ℓⱼₖ = 0 (the axpy form skips them)
          for (let j = 0; j < n; j++) for (let i = j + 2; i < n; i += 3) stored[i + j * ld] = (i + j) % 2 === 0 ? 0 : -0;
          // diagonally dominant, so still positive definite
          for (let j = 0; j < n; j++) {
            let r = 1;
            for (let k = 0; k < n; k++) if (k !== j) r += Math.abs(k > j ? stored[k + j * ld]! : stored[j + k * ld]!);
            stored[j + j * ld] = r;
          }
        }
        const label = `potf2 vs right-looking n=${n} s=${s}`;
        const { L, info } = chol('potf2', n, stored, ld, label);
        expect(info, label).toBe(0);
        const want = rightLooking(n, stored, ld);
        const lower = (x: Float64Array): number[] => {
          const out: number[] = [];
          for (let j = 0; j < n; j++) for (let i = j; i < n; i++) out.push(x[i + j * ld]!);
          return out;
        };
        expectBitwise(label, lower(L), lower(want));
      }
    }
  });
});

const BLOCKS: [number | null, GemmTuning][] = [[null, {}], [2, {}], [3, { gemmMC: 4, gemmKC: 1, gemmNC: 4 }], [5, { gemmMC: 8, gemmKC: 5, gemmNC: 12 }]];

describe.each(BLOCKS)('potrf, block %s, GEMM blocking %o', (nb, gb) => {
  it('residual over sizes and matrix kinds', () => {
    withTuning({ ...gb, potrfNB: nb ?? undefined, trsmNB: nb ?? undefined }, () => {
      const ns = nb === null ? [...NS, 65, 100] : NS;
      for (const n of ns) for (let s = 0; s < 2; s++) checkChol('potrf', n, 1000 + 10 * n + s);
    });
  });

  it('not positive definite: info is the order of the first failing leading minor', () => {
    withTuning({ potrfNB: nb ?? undefined }, () => {
      for (const [n, bad] of [[5, 0], [6, 3], [9, 8], [12, 6]] as const) {
        const { stored } = spd(n, n, n);
        stored[bad + bad * n] = -1; // a negative diagonal entry makes the leading minor of order bad+1 indefinite…
        for (let i = bad + 1; i < n; i++) stored[i + bad * n] = 0; // …once column `bad` is decoupled below
        for (let j = 0; j < bad; j++) stored[bad + j * n] = 0; // …and to the left
        expect(chol('potrf', n, stored, n, `potrf indefinite n=${n} at ${bad}`).info).toBe(bad + 1);
      }
      const nan = spd(4, 4, 4).stored;
      nan[0] = NaN;
      expect(chol('potrf', 4, nan, 4, 'potrf NaN').info).toBe(1);
    });
  });
});

describe('potrf block-size limits', () => {
  it('block ≤ 1 or ≥ n equals potf2 bit for bit', () => {
    for (const n of [5, 9, 16]) {
      const { stored } = spd(n, n, n);
      const ref = chol('potf2', n, stored, n, 'potf2').L;
      for (const nb of [1, n, n + 5]) expectBitwise(`potrf nb=${nb}`, withTuning({ potrfNB: nb }, () => chol('potrf', n, stored, n, `potrf nb=${nb}`)).L, ref);
    }
  });
});
