/**
 * gemm — C ← α·op(A)·op(B) + β·C on every engine (wasm SIMD, wasm scalar, JS), bit for bit against
 * each other and within 2·(k+2)·ε·|α||A||B| + … of the Dot2 reference (gemm-cases.ts), under the default
 * blocking and tiny odd blockings that push small shapes through every blocked loop and edge.
 * Leading dimensions are padded with NaN, buffers sit between guard zones and at odd offsets.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines, withTuning, GEMM_TUNINGS, type GemmTuning } from '../../util/engines.js';
import { runKernel, matW, extract } from '../../util/harness.js';
import { Rng, matrix } from '../../util/generate.js';
import { gemmCases, checkGemm } from './gemm-cases.js';
import * as jsk from '../../../bindings/js/index.js';

beforeAll(async () => {
  await setupEngines();
});

const ALL_TRANS: [0 | 1, 0 | 1][] = [[0, 0], [1, 0], [0, 1], [1, 1]];

function grid(ms: number[], ns: number[], ks: number[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const m of ms) for (const n of ns) for (const k of ks) out.push([m, n, k]);
  return out;
}

/** Shapes around the edges of a blocking: 0, 1, MR/NR ± 1, MC/NC/KC ± 1, and a size spanning two blocks. */
function edgeShapes(b: GemmTuning): [number, number, number][] {
  const around = (x: number): number[] => [x - 1, x, x + 1].filter((v) => v > 0);
  const [mc, kc, nc] = [b.gemmMC!, b.gemmKC!, b.gemmNC!];
  const ms = [...new Set([0, 1, 3, 4, 5, ...around(mc), 2 * mc + 1])].sort((a, c) => a - c);
  const ns = [...new Set([0, 1, 3, 4, 5, ...around(nc), 2 * nc + 1])].sort((a, c) => a - c);
  const ks = [...new Set([0, 1, 2, ...around(kc), 2 * kc + 1])].sort((a, c) => a - c);
  return grid(ms, ns, ks);
}

/** Under the default blocking (MC 128, KC 256, NC 2048): the block edges ±1, reached cheaply. */
const DEFAULT_SHAPES: [number, number, number][] = [
  [0, 0, 0], [0, 3, 2], [3, 0, 2], [3, 2, 0], [1, 1, 1], [1, 1, 7], [2, 3, 1],
  [3, 3, 3], [4, 4, 4], [5, 5, 5], [7, 9, 11], [37, 29, 41], [64, 64, 64],
  [127, 3, 5], [128, 3, 5], [129, 3, 5], [257, 5, 3], // MC edges
  [3, 2, 255], [3, 2, 256], [5, 3, 257], [2, 3, 513], // KC edges
  [2, 2047, 2], [1, 2048, 3], [3, 2049, 2], // NC edges
  [129, 9, 257], // MC and KC edges at once
  [300, 2, 3], [2, 300, 3], [3, 3, 700], [1, 200, 1], [200, 1, 1], // tall, wide, deep, outer products
];

describe.each(GEMM_TUNINGS.map((c) => [c.name, c.tuning] as const))('gemm — %s', (_name, blocking) => {
  if (blocking.gemmMC === undefined) {
    it('block edges, tall, wide and odd shapes, all four transpose combinations', () => {
      withTuning(blocking, () => {
        for (const c of gemmCases(DEFAULT_SHAPES, ALL_TRANS, 1000)) checkGemm(c);
      });
    });
  } else {
    it('every shape around the blocking edges (N,N)', () => {
      withTuning(blocking, () => {
        for (const c of gemmCases(edgeShapes(blocking), [[0, 0]], 2000)) checkGemm(c);
      });
    });
    it('a spread of shapes with transposes (T,N), (N,T), (T,T)', () => {
      withTuning(blocking, () => {
        const shapes = edgeShapes(blocking).filter((_, i) => i % 3 === 0);
        for (const c of gemmCases(shapes, [[1, 0], [0, 1], [1, 1]], 3000)) checkGemm(c);
      });
    });
  }

  it('α = 0 does not read A or B (NaN there stays out of C): C ← β·C', () => {
    withTuning(blocking, () => {
      const rng = new Rng(7);
      for (const [m, n, k] of [[5, 6, 7], [9, 13, 5], [1, 1, 1]] as const) {
        for (const beta of [0, 1, -0.5]) {
          const A = new Float64Array(m * k).fill(NaN);
          const B = new Float64Array(k * n).fill(NaN);
          const C = matrix(rng, 'uniform', m, n);
          const r = runKernel(`gemm α=0 β=${beta} ${m}×${n}×${k}`, 'gemm', (c) => [
            0, 0, m, n, k, 0, c.in(A), m, c.in(B), k, beta, c.out(C, matW(m, n, m)), m, c.work(jsk.gemmScratch(m, n, k)),
          ]);
          const want = C.map((v) => (beta === 0 ? 0 : beta === 1 ? v : beta * v));
          expect(Array.from(r.bufs[2]!)).toEqual(Array.from(want));
        }
      }
    });
  });

  it('k = 0: C ← β·C, and β = 0 overwrites NaN in C with zeros', () => {
    withTuning(blocking, () => {
      const m = 6;
      const n = 5;
      const C = new Float64Array(m * n).fill(NaN);
      const r = runKernel('gemm k=0 β=0', 'gemm', (c) => [
        0, 0, m, n, 0, 1, c.in(new Float64Array(1)), m, c.in(new Float64Array(1)), 1, 0, c.out(C, matW(m, n, m)), m, c.work(16),
      ]);
      expect(Array.from(r.bufs[2]!)).toEqual(new Array(m * n).fill(0));
    });
  });

  it('NaN and Inf propagate per IEEE: NaN in A(i,p) fills row i of C; +Inf against a positive row gives +Inf', () => {
    withTuning(blocking, () => {
      const rng = new Rng(11);
      const m = 9;
      const n = 7;
      const k = 6;
      for (const [bad, expected] of [[NaN, NaN], [Infinity, Infinity], [-Infinity, -Infinity]] as const) {
        const A = matrix(rng, 'uniform', m, k);
        const B = matrix(rng, 'uniform', k, n).map((v) => Math.abs(v) + 0.5); // all positive
        A[4 + 2 * m] = bad; // A(4, 2)
        const r = runKernel(`gemm with ${bad} in A`, 'gemm', (c) => [
          0, 0, m, n, k, 1, c.in(A), m, c.in(B), k, 0, c.out(new Float64Array(m * n), matW(m, n, m)), m,
          c.work(jsk.gemmScratch(m, n, k)),
        ]);
        const C = extract(r.bufs[2]!, m, n, m);
        for (let j = 0; j < n; j++) {
          for (let i = 0; i < m; i++) {
            if (i === 4) expect(C[i + j * m], `C(${i},${j})`).toBe(expected);
            else expect(Number.isFinite(C[i + j * m]!), `C(${i},${j}) finite`).toBe(true);
          }
        }
      }
    });
  });
});
