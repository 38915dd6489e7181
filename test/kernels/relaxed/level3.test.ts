/**
 * The relaxed-SIMD build (build/wasm-linalg.relaxed.wasm) on its own: its GEMM micro-kernel is the 6×3
 * tile with `f64x2.relaxed_madd`, which an engine may compute fused (one rounding: V8 on x64 with FMA3,
 * SpiderMonkey) or unfused (two: JavaScriptCore). So nothing here compares bits with the JS mirrors;
 * every check holds either way:
 *
 *   gemm, syrk   within 2·(k+2)·ε·(|α||op(A)||op(B)| + |β||C|) of the Dot2 reference (Higham's γₖ bound
 *                holds for fused and unfused accumulation alike), guard zones, untouched inputs and
 *                padding (runKernel on this engine alone), under the default blocking and tiny odd
 *                blockings (which the 6×3 tile rounds to multiples of 6 and 3) — shapes around the
 *                tile's edges (m = 5, 6, 7, 12, 13; n = 2, 3, 4, 6, 7);
 *   one FMA      a 6×3 tile whose value is one of exactly two numbers, the fused and the unfused
 *                rounding: either passes (the test reports which one this engine gave).
 *
 * Run by the `node-relaxed` and `chromium-relaxed` projects (test/vitest.config.ts), which also run the
 * API suites with the library on this build (LAPACK's scaled ratios: LU, Cholesky, QR, least squares,
 * eigen- and singular value decompositions, triangular solves).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { relaxedEngine, withTuning, GEMM_TUNINGS, type GemmTuning, type WasmEngine } from '../../util/engines.js';
import { setupApi } from '../../util/api.js';
import { runKernel, triW, extract } from '../../util/harness.js';
import { Rng, matrix, MATRIX_KINDS } from '../../util/generate.js';
import { gemmRef } from '../../util/reference.js';
import { expectScaled } from '../../util/tolerance.js';
import { gemmCases, checkGemm } from '../gemm/gemm-cases.js';

let R: WasmEngine;

beforeAll(async () => {
  await setupApi(); // withTuning needs the library's backends (here: the library on the relaxed build too)
  const e = await relaxedEngine();
  if (e === null) throw new Error('this engine does not validate relaxed SIMD: the relaxed projects must run where it does');
  R = e;
});

const on = () => ({ engines: [R], gemmScratch: (m: number, n: number, k: number) => R.exports.gemmScratch(m, n, k) });

function grid(ms: number[], ns: number[], ks: number[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const m of ms) for (const n of ns) for (const k of ks) out.push([m, n, k]);
  return out;
}

const ALL_TRANS: [0 | 1, 0 | 1][] = [[0, 0], [1, 0], [0, 1], [1, 1]];

describe.each(GEMM_TUNINGS.map((c) => [c.name, c.tuning] as const))('relaxed gemm — %s', (_name, blocking: GemmTuning) => {
  it('shapes around the 6×3 tile and the blocking edges, all four transpose combinations', () => {
    withTuning(blocking, () => {
      const mc = R.exports.tuningGet(0);
      const nc = R.exports.tuningGet(2);
      const kc = R.exports.tuningGet(1);
      const edge = (x: number) => (x > 200 ? [] : [x - 1, x, x + 1]);
      const ms = [...new Set([1, 5, 6, 7, 12, 13, ...edge(mc)])];
      const ns = [...new Set([1, 2, 3, 4, 6, 7, ...edge(nc)])];
      const ks = [...new Set([0, 1, 2, 5, ...edge(kc), 300])];
      const shapes = grid(ms, ns, ks).filter((_, i) => i % 2 === 0);
      for (const c of gemmCases(shapes, ALL_TRANS, 4000)) checkGemm(c, on());
    });
  });

  it('larger shapes spanning several blocks: 37×29×41, 64³, 129×9×257, 300×2×3, 2×300×3', () => {
    withTuning(blocking, () => {
      const shapes: [number, number, number][] = [[37, 29, 41], [64, 64, 64], [129, 9, 257], [300, 2, 3], [2, 300, 3]];
      for (const c of gemmCases(shapes, ALL_TRANS, 5000)) checkGemm(c, on());
    });
  });

  it('syrk (lower and upper, both transposes) within the GEMM bound; the other triangle untouched', () => {
    withTuning(blocking, () => {
      let seed = 6000;
      for (const [n, k] of [[1, 1], [6, 5], [7, 3], [13, 17], [33, 9], [70, 40]] as const) {
        for (const uplo of [0, 1]) {
          for (const trans of [0, 1]) {
            const [alpha, beta] = seed % 2 === 0 ? [1, 0] : [-0.5, 1.5];
            const rng = new Rng(seed++);
            const kind = MATRIX_KINDS[seed % MATRIX_KINDS.length]!;
            const [ar, ac] = trans ? [k, n] : [n, k];
            const lda = ar + 1;
            const ldc = n + 2;
            const A = matrix(rng, kind, ar, ac, lda);
            const C = beta === 0 ? new Float64Array(ldc * n).fill(NaN) : matrix(rng, 'uniform', n, n, ldc);
            for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) if (uplo === 0 ? i < j : i > j) C[i + j * ldc] = 12345.5;
            const label = `relaxed syrk uplo=${uplo} trans=${trans} n=${n} k=${k} ${kind}`;
            const r = runKernel(label, 'syrk', (call) => [
              uplo, trans, n, k, alpha, call.in(A), lda, beta, call.out(C, triW(n, ldc, uplo)), ldc,
              call.work(R.exports.syrkScratch(n, k)),
            ], [R]);
            const got = extract(r.bufs[1]!, n, n, ldc);
            const Am = { data: A, off: 0, ld: lda };
            const ref = gemmRef(!!trans, !trans, n, n, k, alpha, Am, Am, beta, { data: C, off: 0, ld: ldc });
            const tri = (x: Float64Array) => x.filter((_, idx) => (uplo === 0 ? idx % n >= Math.floor(idx / n) : idx % n <= Math.floor(idx / n)));
            expectScaled(label, tri(got), tri(ref.value), tri(ref.bound), 2 * (k + 2));
          }
        }
      }
    });
  });
});

describe('relaxed gemm: fused or not', () => {
  it('a 6×3 tile whose every entry is one of exactly two values, the fused and the unfused rounding: either passes', () => {
    // C = A·B with k = 2: C(i, j) = a0·b0 + a1·b1 = −1 + (1 + 2⁻³⁰)² = 2⁻²⁹ + 2⁻⁶⁰ (one rounding: exact)
    // or 2⁻²⁹ (the product rounded first: 1 + 2⁻²⁹ + 2⁻⁶⁰ → 1 + 2⁻²⁹).
    const m = 6;
    const n = 3;
    const k = 2;
    const x = 1 + 2 ** -30;
    const A = new Float64Array(m * k);
    const B = new Float64Array(k * n);
    for (let i = 0; i < m; i++) {
      A[i] = -1;
      A[i + m] = x;
    }
    for (let j = 0; j < n; j++) {
      B[j * k] = 1;
      B[j * k + 1] = x;
    }
    const r = runKernel('relaxed gemm, one FMA', 'gemm', (call) => [
      0, 0, m, n, k, 1, call.in(A), m, call.in(B), k, 0, call.out(new Float64Array(m * n).fill(NaN), () => true), m,
      call.work(R.exports.gemmScratch(m, n, k)),
    ], [R]);
    const fused = 2 ** -29 + 2 ** -60;
    const unfused = 2 ** -29;
    const got = new Set(r.bufs[2]!);
    expect(got.size, 'every entry the same way').toBe(1);
    const v = [...got][0]!;
    expect([fused, unfused]).toContain(v);
    console.log(`relaxed gemm: this engine ${v === fused ? 'fuses' : 'does not fuse'} f64x2.relaxed_madd`);
  });
});
