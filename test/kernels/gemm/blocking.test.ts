/**
 * The GEMM blocking (tuning keys gemmMC, gemmKC, gemmNC) and the *Scratch sizes: every engine keeps the
 * same blocking and asks for the same workspace (the precondition of bitwise agreement). MC rounds up
 * to a multiple of MR = 4, NC to a multiple of NR = 4; values ≤ 0 restore the defaults (128, 256,
 * 2048). Every key of the tuning table: test/kernels/tuning.test.ts.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines, allEngines, tuningOf, withTuning, type Engine } from '../../util/engines.js';
import { backendNamed } from '../../../bindings/core/backend.js';

/** The GEMM blocking in force on an engine, as [MC, KC, NC]. */
function blockingOf(e: Engine): [number, number, number] {
  const t = tuningOf(e);
  return [t.gemmMC, t.gemmKC, t.gemmNC];
}

beforeAll(async () => {
  await setupEngines();
});

const DEFAULT: [number, number, number] = [128, 256, 2048];

describe('GEMM blocking', () => {
  it('defaults, rounding and restore agree on every engine', () => {
    for (const e of allEngines()) expect(blockingOf(e), e.name).toEqual(DEFAULT);
    const cases: [[number, number, number], [number, number, number]][] = [
      [[8, 5, 12], [8, 5, 12]],
      [[5, 3, 13], [8, 3, 16]],
      [[1, 1, 1], [4, 1, 4]],
      [[0, 7, -1], [128, 7, 2048]],
      [[-4, 0, 9], [128, 256, 12]],
    ];
    for (const [set, want] of cases) {
      withTuning({ gemmMC: set[0], gemmKC: set[1], gemmNC: set[2] }, () => {
        for (const e of allEngines()) expect(blockingOf(e), `${e.name} after set ${set}`).toEqual(want);
      });
      for (const e of allEngines()) expect(blockingOf(e), `${e.name} restored`).toEqual(DEFAULT);
    }
  });

  it('gemmScratch and syrkScratch agree on every engine under several blockings', () => {
    const shapes = [[0, 0, 0], [1, 1, 1], [5, 7, 3], [129, 2049, 257], [1000, 3, 1000], [3, 1000, 2]] as const;
    for (const b of [{}, { gemmMC: 8, gemmKC: 5, gemmNC: 12 }, { gemmMC: 4, gemmKC: 1, gemmNC: 4 }]) {
      withTuning(b, () => {
        for (const [m, n, k] of shapes) {
          const g = allEngines().map((e) => (e.kind === 'wasm' ? e.exports.gemmScratch(m, n, k) : e.kernels.gemmScratch(m, n, k)));
          const s = allEngines().map((e) => (e.kind === 'wasm' ? e.exports.syrkScratch(n, k) : e.kernels.syrkScratch(n, k)));
          expect(new Set(g).size, `gemmScratch(${m}, ${n}, ${k}) = ${g}`).toBe(1);
          expect(new Set(s).size, `syrkScratch(${n}, ${k}) = ${s}`).toBe(1);
          expect(g[0]).toBeGreaterThanOrEqual(16);
        }
      });
    }
  });

  it('the LAPACK-level scratch sizes agree on every engine under several block sizes', () => {
    for (const nb of [null, 1, 3, 64, 100]) {
      const b = nb ?? undefined;
      withTuning({ trsmNB: b, getrfNB: b, potrfNB: b }, () => {
        for (const [m, n] of [[0, 0], [1, 1], [7, 5], [5, 7], [130, 67]] as const) {
          const per = (name: string, ...args: number[]): number[] =>
            allEngines().map((e) => ((e.kind === 'wasm' ? e.exports : e.kernels) as unknown as Record<string, (...a: number[]) => number>)[name]!(...args));
          for (const [name, args] of [['trsmScratch', [m, n]], ['getrfScratch', [m, n]], ['getrf2Scratch', [m, n]], ['potrfScratch', [n]]] as const) {
            const v = per(name, ...args);
            expect(new Set(v).size, `${name}(${args}) under nb=${nb}: ${v}`).toBe(1);
          }
        }
      });
    }
  });

  it('the Backend objects report and set the same blocking (setTuning / getTuning)', () => {
    const wasm = backendNamed('wasm')!;
    const js = backendNamed('js')!;
    for (const be of [wasm, js]) {
      be.setTuning({ gemmMC: 12, gemmKC: 7 });
      expect(be.getTuning(), be.name).toMatchObject({ gemmMC: 12, gemmKC: 7, gemmNC: 2048 });
      be.setTuning(null);
      expect(be.getTuning(), be.name).toMatchObject({ gemmMC: 128, gemmKC: 256, gemmNC: 2048 });
    }
  });
});
