/**
 * gemmSetBlocking / gemmBlocking* / *Scratch: both backends keep the same blocking state and ask for
 * the same workspace (the precondition of bitwise agreement). MC rounds up to a multiple of MR = 4,
 * NC to a multiple of NR = 4; values ≤ 0 restore the defaults (128, 256, 2048).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines, allEngines, blockingOf, withBlocking, withBlock } from '../util/engines.js';
import { backendNamed } from '../../bindings/core/backend.js';

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
      withBlocking({ mc: set[0], kc: set[1], nc: set[2] }, () => {
        for (const e of allEngines()) expect(blockingOf(e), `${e.name} after set ${set}`).toEqual(want);
      });
      for (const e of allEngines()) expect(blockingOf(e), `${e.name} restored`).toEqual(DEFAULT);
    }
  });

  it('gemmScratch and syrkScratch agree on every engine under several blockings', () => {
    const shapes = [[0, 0, 0], [1, 1, 1], [5, 7, 3], [129, 2049, 257], [1000, 3, 1000], [3, 1000, 2]] as const;
    for (const b of [null, { mc: 8, kc: 5, nc: 12 }, { mc: 4, kc: 1, nc: 4 }]) {
      withBlocking(b, () => {
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
      withBlock('trsmSetBlock', nb, () =>
        withBlock('getrfSetBlock', nb, () =>
          withBlock('potrfSetBlock', nb, () => {
            for (const [m, n] of [[0, 0], [1, 1], [7, 5], [5, 7], [130, 67]] as const) {
              const per = (name: string, ...args: number[]): number[] =>
                allEngines().map((e) => ((e.kind === 'wasm' ? e.exports : e.kernels) as unknown as Record<string, (...a: number[]) => number>)[name]!(...args));
              for (const [name, args] of [['trsmScratch', [m, n]], ['getrfScratch', [m, n]], ['getrf2Scratch', [m, n]], ['potrfScratch', [n]]] as const) {
                const v = per(name, ...args);
                expect(new Set(v).size, `${name}(${args}) under nb=${nb}: ${v}`).toBe(1);
              }
            }
          }),
        ),
      );
    }
  });

  it('the Backend objects report and set the same blocking (the public test hook)', () => {
    const wasm = backendNamed('wasm')!;
    const js = backendNamed('js')!;
    for (const be of [wasm, js]) {
      be.setBlocking({ mc: 12, kc: 7 });
      expect(be.getBlocking(), be.name).toMatchObject({ mc: 12, kc: 7, nc: 2048 });
      be.setBlocking(null);
      expect(be.getBlocking(), be.name).toMatchObject({ mc: 128, kc: 256, nc: 2048 });
    }
  });
});
