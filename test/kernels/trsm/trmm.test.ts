/**
 * trmm — B ← op(L)·B (left) or B·op(L) (right), L lower with a non-unit diagonal, in place: the four
 * variants on every engine, bit for bit across engines. A triangular product is a set of inner products
 * of length ≤ k, so the check is entrywise against the Dot2 reference (Higham, ASNA 2nd ed., §3.5):
 *
 *   |X − op(L)·B|ᵢⱼ ≤ 2·(k + 3)·ε·(|op(L)||B|)ᵢⱼ
 *
 * L carries NaN in its strict upper triangle and padding (any read shows up as NaN in X). Block sizes 1,
 * 3 and 5 with tiny GEMM blockings push small matrices through every blocked path; the default block
 * (64) at m, n up to 70 covers one block edge; the block ≥ the order equals the unblocked loops.
 */
import { describe, it, beforeAll } from 'vitest';
import { setupEngines, withTuning, scratch, type GemmTuning } from '../../util/engines.js';
import { runKernel, matW } from '../../util/harness.js';
import { Rng, matrix } from '../../util/generate.js';
import { triangular } from '../../util/triangular.js';
import { gemmRef } from '../../util/reference.js';
import { expectBitwise, expectScaled } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

function trmm(side: number, trans: number, m: number, n: number, seed: number): { X: Float64Array; B: Float64Array; L: Float64Array; lda: number; ldb: number } {
  const rng = new Rng(seed);
  const k = side === 0 ? m : n;
  const lda = Math.max(1, k) + (seed % 3);
  const ldb = Math.max(1, m) + ((seed >> 1) % 2);
  const L = triangular(rng, k, lda, 0, false);
  const B = matrix(rng, 'normal', m, n, ldb);
  const label = `trmm side=${side} trans=${trans} m=${m} n=${n}`;
  const r = runKernel(label, 'trmm', (c) => [side, trans, m, n, c.in(L.stored, seed % 2), lda, c.out(B, matW(m, n, ldb)), ldb, c.work(scratch('trmmScratch', m, n))]);
  return { X: r.bufs[1]!, B, L: L.clean, lda, ldb };
}

function check(side: number, trans: number, m: number, n: number, seed: number): Float64Array {
  const { X, B, L, lda, ldb } = trmm(side, trans, m, n, seed);
  const k = side === 0 ? m : n;
  const Lm = { data: L, off: 0, ld: lda };
  const Bm = { data: B, off: 0, ld: ldb };
  const ref = side === 0 ? gemmRef(!!trans, false, m, n, k, 1, Lm, Bm, 0, Bm) : gemmRef(false, !!trans, m, n, k, 1, Bm, Lm, 0, Bm);
  const got = new Float64Array(m * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) got[i + j * m] = X[i + j * ldb]!;
  expectScaled(`trmm side=${side} trans=${trans} m=${m} n=${n} seed=${seed}`, got, ref.value, ref.bound, 2 * (k + 3));
  return got;
}

const VARIANTS: [number, number][] = [[0, 0], [0, 1], [1, 0], [1, 1]];
const SHAPES: [number, number][] = [[0, 3], [3, 0], [1, 1], [2, 5], [5, 2], [7, 7], [8, 3], [13, 9]];
const BLOCKS: [number, GemmTuning][] = [[1, {}], [3, { gemmMC: 4, gemmKC: 1, gemmNC: 4 }], [5, { gemmMC: 8, gemmKC: 5, gemmNC: 12 }], [64, {}]];

describe.each(BLOCKS)('trmm, block %s, GEMM blocking %o', (nb, gb) => {
  it('the four variants over small shapes', () => {
    withTuning({ ...gb, trsmNB: nb }, () => {
      let seed = 1;
      for (const [side, trans] of VARIANTS) for (const [m, n] of SHAPES) check(side, trans, m, n, seed++);
      if (nb === 64) for (const [side, trans] of VARIANTS) check(side, trans, side === 0 ? 70 : 9, side === 0 ? 9 : 70, seed++);
    });
  });
});

describe('trmm block-size limit', () => {
  it('block ≥ the order of L gives the unblocked loops, and blocked results differ from them only by rounding', () => {
    for (const [side, trans] of VARIANTS) {
      const a = withTuning({ trsmNB: 20 }, () => trmm(side, trans, 11, 11, 7).X);
      const b = withTuning({ trsmNB: 11 }, () => trmm(side, trans, 11, 11, 7).X);
      expectBitwise(`trmm side=${side} trans=${trans}: nb = 20 vs 11`, a, b);
      withTuning({ trsmNB: 3 }, () => check(side, trans, 11, 11, 7));
    }
  });
});
