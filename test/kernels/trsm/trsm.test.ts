/**
 * trsm2 (unblocked) and trsm (blocked, GEMM updates) — op(A)·X = α·B (left) or X·op(A) = α·B
 * (right), A lower or upper, transposed or not, unit diagonal or not: all 16 variants on every
 * engine, bit for bit across engines. Triangular solves are backward stable, so the check is the
 * residual against the Dot2 reference:
 *
 *   |op(A)·X − α·B|ᵢⱼ ≤ 2·(k + 3)·ε·(|op(A)||X| + |α||B|)ᵢⱼ       (Higham, ASNA 2nd ed., Thm 8.5)
 *
 * A carries NaN in its other triangle (and on a unit diagonal) and in its padding: any read of an
 * entry the kernel must not read shows up as NaN in X. Block sizes 3 and 5 (with tiny GEMM blockings)
 * push small matrices through every blocked path; m or n past the default block (64) covers it too.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines, withTuning, scratch, type GemmTuning } from '../../util/engines.js';
import { runKernel, matW, extract } from '../../util/harness.js';
import { Rng, matrix } from '../../util/generate.js';
import { triangular } from '../../util/triangular.js';
import { gemmRef } from '../../util/reference.js';
import { expectScaled } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

interface Case {
  side: number;
  uplo: number;
  trans: number;
  diag: number;
  m: number;
  n: number;
  alpha: number;
  seed: number;
}

function variants(): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (const side of [0, 1]) for (const uplo of [0, 1]) for (const trans of [0, 1]) for (const diag of [0, 1]) out.push([side, uplo, trans, diag]);
  return out;
}

function check(kernel: 'trsm' | 'trsm2', c: Case): void {
  const { side, uplo, trans, diag, m, n, alpha } = c;
  const rng = new Rng(c.seed);
  const k = side === 0 ? m : n; // order of A
  const lda = Math.max(1, k) + (c.seed % 3);
  const ldb = Math.max(1, m) + ((c.seed >> 1) % 2);
  const A = triangular(rng, k, lda, uplo, diag === 1);
  const B = matrix(rng, 'normal', m, n, ldb);
  const label = `${kernel} side=${side} uplo=${uplo} trans=${trans} diag=${diag} m=${m} n=${n} α=${alpha}`;
  const skew = c.seed % 2;
  const r = kernel === 'trsm'
    ? runKernel(label, 'trsm', (call) => [side, uplo, trans, diag, m, n, alpha, call.in(A.stored, skew), lda, call.out(B, matW(m, n, ldb), 1 - skew), ldb, call.work(scratch('trsmScratch', m, n))])
    : runKernel(label, 'trsm2', (call) => [side, uplo, trans, diag, m, n, call.in(A.stored, skew), lda, call.out(B, matW(m, n, ldb), 1 - skew), ldb]);
  const X = r.bufs[1]!;
  const a = kernel === 'trsm' ? alpha : 1;
  const Am = { data: A.clean, off: 0, ld: lda };
  const Xm = { data: X, off: 0, ld: ldb };
  const Bm = { data: B, off: 0, ld: ldb };
  const res = side === 0 ? gemmRef(!!trans, false, m, n, k, 1, Am, Xm, -a, Bm) : gemmRef(false, !!trans, m, n, k, 1, Xm, Am, -a, Bm);
  expectScaled(`${label}: residual`, res.value, new Float64Array(m * n), res.bound, 2 * (k + 3));
}

const MS = [0, 1, 2, 5, 8, 13];
const NS = [1, 3, 7];

describe('trsm2 (unblocked)', () => {
  it('all 16 variants over small shapes', () => {
    let seed = 1;
    for (const [side, uplo, trans, diag] of variants()) for (const m of MS) for (const n of NS) check('trsm2', { side, uplo, trans, diag, m, n, alpha: 1, seed: seed++ });
  });
});

const BLOCKS: [number | null, GemmTuning][] = [[null, {}], [3, { gemmMC: 4, gemmKC: 1, gemmNC: 4 }], [5, { gemmMC: 8, gemmKC: 5, gemmNC: 12 }]];

describe.each(BLOCKS)('trsm (blocked), block %s, GEMM blocking %o', (nb, gb) => {
  it('all 16 variants over small shapes, α = 1, −0.5, 2.5', () => {
    withTuning({ ...gb, trsmNB: nb ?? undefined }, () => {
      let seed = 1000;
      for (const [side, uplo, trans, diag] of variants()) {
        for (const m of MS) for (const n of NS) check('trsm', { side, uplo, trans, diag, m, n, alpha: [1, -0.5, 2.5][seed % 3]!, seed: seed++ });
      }
    });
  });

  it('shapes past the default block of 64', () => {
    withTuning({ ...gb, trsmNB: nb ?? undefined }, () => {
      let seed = 5000;
      for (const [side, uplo, trans, diag] of variants()) {
        const [m, n] = side === 0 ? [70, 3] : [3, 70];
        check('trsm', { side, uplo, trans, diag, m, n, alpha: 1, seed: seed++ });
      }
    });
  });

  it('α = 0 sets X = 0 without reading B (NaN in B does not survive)', () => {
    withTuning({ ...gb, trsmNB: nb ?? undefined }, () => {
      const A = triangular(new Rng(1), 4, 4, 0, false);
      const B = new Float64Array(12).fill(NaN);
      const r = runKernel('trsm α=0', 'trsm', (c) => [0, 0, 0, 0, 4, 3, 0, c.in(A.stored), 4, c.out(B, matW(4, 3, 4)), 4, c.work(scratch('trsmScratch', 4, 3))]);
      expect(Array.from(r.bufs[1]!)).toEqual(new Array(12).fill(0));
    });
  });
});

describe('trsm2 four-column forward pass', () => {
  it('equals the one-column sweep bit for bit, with zeros in B (the skipped updates) and both diagonals', () => {
    for (const diag of [0, 1]) {
      for (const m of [1, 2, 3, 6, 9]) {
        const rng = new Rng(700 + m * 2 + diag);
        const A = triangular(rng, m, m, 0, diag === 1);
        const n = 9;
        const B = matrix(rng, 'normal', m, n);
        // zero leading entries in some columns (as in inv's identity right-hand sides), a zero row
        for (let c = 0; c < n; c++) for (let i = 0; i < Math.min(m, c % 4); i++) B[i + c * m] = 0;
        if (m > 2) for (let c = 0; c < n; c++) B[1 + c * m] = 0;
        const all = runKernel(`trsm2 n=${n} m=${m}`, 'trsm2', (c) => [0, 0, 0, diag, m, n, c.in(A.stored), m, c.out(B, matW(m, n, m)), m]);
        const X = extract(all.bufs[1]!, m, n, m);
        for (let c = 0; c < n; c++) {
          const col = B.slice(c * m, (c + 1) * m);
          const one = runKernel(`trsm2 column ${c}`, 'trsm2', (k) => [0, 0, 0, diag, m, 1, k.in(A.stored), m, k.out(col, matW(m, 1, m)), m]);
          expect(Array.from(extract(one.bufs[1]!, m, 1, m))).toEqual(Array.from(X.slice(c * m, (c + 1) * m)));
        }
      }
    }
  });
});

describe('trsm block sizes', () => {
  it('with the block at least the order of A, trsm equals α-scaling then trsm2 (the same operations)', () => {
    for (const [side, uplo, trans, diag] of variants()) {
      const rng = new Rng(side * 8 + uplo * 4 + trans * 2 + diag);
      const [m, n] = [6, 5];
      const k = side === 0 ? m : n;
      const A = triangular(rng, k, k, uplo, diag === 1);
      const B = matrix(rng, 'normal', m, n);
      const t = runKernel('trsm', 'trsm', (c) => [side, uplo, trans, diag, m, n, 1, c.in(A.stored), k, c.out(B, matW(m, n, m)), m, c.work(scratch('trsmScratch', m, n))]);
      const t2 = runKernel('trsm2', 'trsm2', (c) => [side, uplo, trans, diag, m, n, c.in(A.stored), k, c.out(B, matW(m, n, m)), m]);
      expect(Array.from(extract(t.bufs[1]!, m, n, m))).toEqual(Array.from(extract(t2.bufs[1]!, m, n, m)));
    }
  });
});
