/**
 * Householder RQ — gerq2/gerqf (+ larfr, larftb, larfbr inside), orgr2/orgrq — on every engine, bit for
 * bit across engines (runKernel), with the ratios of LAPACK's TESTING/LIN/drqt01 (pass below THRESH = 30):
 *
 *   ‖R − A·Qᵀ‖₁ / (n·‖A‖₁·ε)        ‖I − Q·Qᵀ‖₁ / (n·ε)
 *
 * computed with the Dot2 reference products, for tall, wide, square and empty shapes, at every block
 * size down to 1 with the GEMM blocking made tiny as well, so the blocked paths (and their ragged last
 * panels) run on small matrices; blocked against unblocked through the same ratios, and a block ≥ k with
 * m ≤ n making gerqf exactly gerq2.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines, withTuning, scratch } from '../../util/engines.js';
import { runKernel, matW, extract, vecW } from '../../util/harness.js';
import { Rng, matrix } from '../../util/generate.js';
import { gemmRef, norm1 } from '../../util/reference.js';
import { EPS, expectBitwise } from '../../util/tolerance.js';
import { THRESH } from '../../util/ratios.js';

beforeAll(async () => {
  await setupEngines();
});

const M = (data: Float64Array, ld: number) => ({ data, off: 0, ld: Math.max(1, ld) });

function factor(kernel: 'gerq2' | 'gerqf', m: number, n: number, A: Float64Array, ld: number): { F: Float64Array; tau: Float64Array } {
  const k = Math.min(m, n);
  const r = runKernel(`${kernel} ${m}×${n}`, kernel, (c) => [
    m, n, c.out(A, matW(m, n, ld)), ld, c.out(new Float64Array(Math.max(1, k)).fill(NaN), vecW(k, 1)),
    c.work(kernel === 'gerq2' ? m : scratch('gerqfScratch', m, n)),
  ]);
  return { F: r.bufs[0]!, tau: r.bufs[1]! };
}

/** The complete n×n Q from the k = min(m, n) reflectors in F's last k rows. */
function formQ(kernel: 'orgr2' | 'orgrq', m: number, n: number, F: Float64Array, ldF: number, tau: Float64Array): Float64Array {
  const k = Math.min(m, n);
  const Q = new Float64Array(Math.max(1, n * n)).fill(NaN);
  for (let i = 0; i < k; i++) for (let j = 0; j < n; j++) Q[n - k + i + j * n] = F[m - k + i + j * ldF]!;
  const r = runKernel(`${kernel} ${n}×${n} k=${k}`, kernel, (c) => [
    n, n, k, c.out(Q, matW(n, n, n)), n, c.in(tau), c.work(kernel === 'orgr2' ? n : scratch('orgrqScratch', n, n, k)),
  ]);
  return extract(r.bufs[0]!, n, n, n);
}

function rqRatios(m: number, n: number, A: Float64Array, ld: number, F: Float64Array, Q: Float64Array): { resid: number; orth: number } {
  const R = new Float64Array(Math.max(1, m * n));
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) if (j - i >= n - m) R[i + j * m] = F[i + j * ld]!;
  const AQt = gemmRef(false, true, m, n, n, 1, M(A, ld), M(Q, n), -1, M(R, m)).value;
  const I = new Float64Array(Math.max(1, n * n));
  for (let i = 0; i < n; i++) I[i + i * n] = 1;
  const QQt = gemmRef(false, true, n, n, n, 1, M(Q, n), M(Q, n), -1, M(I, n)).value;
  const an = norm1(extract(A, m, n, ld), m, n);
  const rn = norm1(AQt, m, n);
  return {
    resid: an === 0 ? (rn === 0 ? 0 : Infinity) : rn / (Math.max(1, n) * an * EPS),
    orth: norm1(QQt, n, n) / (Math.max(1, n) * EPS),
  };
}

const SHAPES: [number, number][] = [[0, 0], [0, 3], [3, 0], [1, 1], [1, 4], [4, 1], [2, 2], [5, 3], [3, 5], [7, 7], [9, 4], [4, 9], [16, 16], [23, 11], [11, 23], [33, 40]];

describe.each([[null, {}], [1, {}], [2, { gemmMC: 4, gemmKC: 1, gemmNC: 4 }], [3, { gemmMC: 8, gemmKC: 5, gemmNC: 12 }], [5, {}]] as const)(
  'RQ, block %s, GEMM blocking %o',
  (nb, gemm) => {
    it('gerqf + orgrq (and gerq2 + orgr2): drqt01 ratios below 30; τ ∈ {0} ∪ [1, 2]', () => {
      withTuning({ ...gemm, geqrfNB: nb ?? undefined, orgqrNB: nb ?? undefined }, () => {
        let seed = 1;
        for (const [m, n] of SHAPES) {
          for (const kind of ['uniform', 'normal', 'graded', 'wide', 'zero'] as const) {
            const ld = Math.max(1, m) + (seed % 3);
            const A = matrix(new Rng(seed++), kind, m, n, ld);
            const k = Math.min(m, n);
            for (const [fk, qk] of [['gerqf', 'orgrq'], ['gerq2', 'orgr2']] as const) {
              if (nb !== null && fk === 'gerq2') continue; // the unblocked pair does not depend on nb
              const { F, tau } = factor(fk, m, n, A, ld);
              for (let i = 0; i < k; i++) {
                const t = tau[i]!;
                if (!(t === 0 || (t >= 1 && t <= 2))) expect.unreachable(`${fk} ${m}×${n}: τ[${i}] = ${t} outside {0} ∪ [1, 2]`);
              }
              const Q = formQ(qk, m, n, F, ld, tau);
              const { resid, orth } = rqRatios(m, n, A, ld, F, Q);
              expect(resid, `${fk}/${qk} ${m}×${n} ${kind}: ‖R − AQᵀ‖₁/(n‖A‖₁ε)`).toBeLessThan(THRESH);
              expect(orth, `${fk}/${qk} ${m}×${n} ${kind}: ‖I − QQᵀ‖₁/(nε)`).toBeLessThan(THRESH);
            }
          }
        }
      });
    });
  },
);

describe('gerqf block-size limit', () => {
  it('for m ≤ n, a block ≥ m makes gerqf exactly gerq2 (one panel, no update)', () => {
    for (const [m, n] of [[5, 9], [12, 12], [1, 30]] as const) {
      const A = matrix(new Rng(m * n), 'normal', m, n);
      const u = factor('gerq2', m, n, A, m);
      const b = withTuning({ geqrfNB: Math.min(m, n) }, () => factor('gerqf', m, n, A, m));
      expectBitwise('gerqf vs gerq2 F', b.F, u.F);
      expectBitwise('gerqf vs gerq2 τ', b.tau, u.tau);
    }
  });
  it('a block ≥ k makes orgrq exactly orgr2', () => {
    for (const [m, n] of [[5, 9], [12, 12], [9, 5]] as const) {
      const A = matrix(new Rng(m + n), 'normal', m, n);
      const { F, tau } = factor('gerq2', m, n, A, m);
      const u = formQ('orgr2', m, n, F, m, tau);
      const b = withTuning({ orgqrNB: Math.min(m, n) }, () => formQ('orgrq', m, n, F, m, tau));
      expectBitwise('orgrq vs orgr2', b, u);
    }
  });
});
