/**
 * syrk — one triangle of C ← α·op(A)·op(A)ᵀ + β·C on every engine, bit for bit across engines,
 * within 2·(k+2)·ε·(|α||A||A|ᵀ + |β||C|) of the Dot2 reference, the other strict triangle untouched
 * (the harness fails on any write there). SYRK is blocked by column blocks of width MC, so the
 * shapes straddle MC under each blocking.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines, withTuning, GEMM_TUNINGS } from '../../util/engines.js';
import { runKernel, triW, extract, matW } from '../../util/harness.js';
import { Rng, matrix, MATRIX_KINDS } from '../../util/generate.js';
import { gemmRef } from '../../util/reference.js';
import { expectScaled, expectBitwise } from '../../util/tolerance.js';
import * as jsk from '../../../bindings/js/index.js';

beforeAll(async () => {
  await setupEngines();
});

function triangle(full: Float64Array, n: number, uplo: number): Float64Array {
  const out: number[] = [];
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) if (uplo === 0 ? i >= j : i <= j) out.push(full[i + j * n]!);
  return Float64Array.from(out);
}

interface SyrkCase {
  uplo: number;
  trans: number;
  n: number;
  k: number;
  alpha: number;
  beta: number;
  pad: number;
  skew: number;
  seed: number;
}

function checkSyrk(c: SyrkCase): Float64Array {
  const { uplo, trans, n, k, alpha, beta } = c;
  const rng = new Rng(c.seed);
  const kind = MATRIX_KINDS[c.seed % MATRIX_KINDS.length]!;
  const [ar, ac] = trans ? [k, n] : [n, k];
  const lda = Math.max(1, ar) + c.pad;
  const ldc = Math.max(1, n) + c.pad;
  const A = matrix(rng, kind, ar, ac, lda);
  const C = beta === 0 ? new Float64Array(Math.max(1, ldc * n)).fill(NaN) : matrix(rng, 'uniform', n, n, ldc);
  // The other triangle holds a recognisable value the harness checks stays put.
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) if (uplo === 0 ? i < j : i > j) C[i + j * ldc] = 12345.5;
  const label = `syrk uplo=${uplo} trans=${trans} n=${n} k=${k} α=${alpha} β=${beta} ${kind} pad=${c.pad} skew=${c.skew}`;
  const r = runKernel(label, 'syrk', (call) => [
    uplo, trans, n, k, alpha, call.in(A, c.skew), lda, beta, call.out(C, triW(n, ldc, uplo), c.skew), ldc,
    call.work(jsk.syrkScratch(n, k)),
  ]);
  const got = extract(r.bufs[1]!, n, n, ldc);
  const Am = { data: A, off: 0, ld: lda };
  const ref = gemmRef(!!trans, !trans, n, n, k, alpha, Am, Am, beta, { data: C, off: 0, ld: ldc });
  expectScaled(label, triangle(got, n, uplo), triangle(ref.value, n, uplo), triangle(ref.bound, n, uplo), 2 * (k + 2));
  return got;
}

const ALPHA_BETA: [number, number][] = [[1, 0], [-0.5, 1], [2, -1.5], [1.5, 0]];

describe.each(GEMM_TUNINGS.map((c) => [c.name, c.tuning] as const))('syrk — %s', (_name, blocking) => {
  const mc = blocking.gemmMC ?? 128;
  const kc = blocking.gemmKC;
  const ns = [...new Set([0, 1, 2, 3, 4, 5, mc - 1, mc, mc + 1, 2 * mc + 3])].filter((v) => v >= 0);
  const ks = kc === undefined ? [0, 1, 7, 255, 257] : [0, 1, 2, kc, kc + 1, 11];

  it('both triangles, both transposes, n around MC, k around KC', () => {
    withTuning(blocking, () => {
      let seed = 500;
      for (const uplo of [0, 1]) {
        for (const trans of [0, 1]) {
          for (const n of ns) {
            for (const k of ks) {
              if (kc === undefined && n > 100 && k > 100 && (n + k) % 2 === 0) continue; // keep the default run short
              const [alpha, beta] = ALPHA_BETA[seed % ALPHA_BETA.length]!;
              checkSyrk({ uplo, trans, n, k, alpha, beta, pad: seed % 3 === 0 ? 0 : 3, skew: seed % 2, seed });
              seed++;
            }
          }
        }
      }
    });
  });

  it("the triangle equals the same triangle of gemm(op(A), op(A)ᵀ) bit for bit (same per-entry operation order)", () => {
    withTuning(blocking, () => {
      const rng = new Rng(77);
      for (const [n, k] of [[mc + 3, 9], [7, mc + 1], [2 * mc + 1, 3]] as const) {
        for (const trans of [0, 1]) {
          const [ar, ac] = trans ? [k, n] : [n, k];
          const A = matrix(rng, 'normal', ar, ac);
          const C0 = new Float64Array(n * n);
          const s = runKernel('syrk', 'syrk', (c) => [0, trans, n, k, 1, c.in(A), ar, 0, c.out(C0, triW(n, n, 0)), n, c.work(jsk.syrkScratch(n, k))]);
          const g = runKernel('gemm', 'gemm', (c) => [
            trans, trans ^ 1, n, n, k, 1, c.in(A), ar, c.in(A), ar, 0, c.out(C0, matW(n, n, n)), n, c.work(jsk.gemmScratch(n, n, k)),
          ]);
          expectBitwise(`syrk vs gemm n=${n} k=${k} trans=${trans}`, triangle(s.bufs[1]!, n, 0), triangle(g.bufs[2]!, n, 0));
        }
      }
    });
  });

  it('n = 0 writes nothing; k = 0 gives β·C on the triangle', () => {
    withTuning(blocking, () => {
      const C = new Float64Array(9).fill(2);
      runKernel('syrk n=0', 'syrk', (c) => [0, 0, 0, 3, 1, c.in(new Float64Array(3)), 1, 0, c.out(C, () => false), 3, c.work(16)]);
      const r = runKernel('syrk k=0', 'syrk', (c) => [0, 0, 3, 0, 1, c.in(new Float64Array(1)), 3, 0.5, c.out(C, triW(3, 3, 0)), 3, c.work(jsk.syrkScratch(3, 0))]);
      expect(Array.from(r.bufs[1]!)).toEqual([1, 1, 1, 2, 1, 1, 2, 2, 1]);
    });
  });
});
