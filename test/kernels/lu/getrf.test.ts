/**
 * LU with partial pivoting — getf2 (unblocked), getrf2 (recursive), getrf (blocked): P·A = L·U on
 * every engine, bit for bit across engines (pivots and info included). Checked the way LAPACK's
 * TESTING/LIN/dget01 does, entrywise and scaled:
 *
 *   |L·U − P·A|ᵢⱼ ≤ 2·(k + 3)·ε·(|L||U| + |P·A|)ᵢⱼ          (Higham, ASNA 2nd ed., Thm 9.3)
 *
 * plus the pivoting invariants: ipiv[i] ∈ [i, m), |Lᵢⱼ| ≤ 1. Tall, wide, square, odd shapes; block
 * sizes 2, 3, 5 with tiny GEMM blockings (and the default 64 with n past it); the recursive panel's leaf (8) ± 1. Exactly
 * singular matrices report the first zero pivot (1-based) and still complete the factorisation.
 * getrf with block ≤ 1 is getf2, with block ≥ min(m, n) it is getrf2 — bit for bit.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines, withTuning, scratch, type GemmTuning } from '../../util/engines.js';
import { runKernel, matW, extract } from '../../util/harness.js';
import { Rng, matrix, MATRIX_KINDS } from '../../util/generate.js';
import { applyPivots, unpackLU } from '../../util/triangular.js';
import { gemmRef } from '../../util/reference.js';
import { expectScaled, expectBitwise } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

type Kernel = 'getf2' | 'getrf2' | 'getrf';

function factor(kernel: Kernel, m: number, n: number, A: Float64Array, ld: number, label: string): { F: Float64Array; ipiv: Int32Array; info: number } {
  const k = Math.min(m, n);
  const ipiv0 = new Int32Array(k).fill(-5);
  const r = runKernel(label, kernel, (c) => {
    const args = [m, n, c.out(A, matW(m, n, ld)), ld, c.ints(ipiv0, () => true)];
    if (kernel === 'getrf2') args.push(c.work(scratch('getrf2Scratch', m, n)));
    if (kernel === 'getrf') args.push(c.work(scratch('getrfScratch', m, n)));
    return args;
  });
  return { F: r.bufs[0]!, ipiv: r.ints[1]!, info: r.ret! };
}

/** Factors A with `kernel`, checks invariants and the residual; returns the factorisation. */
function checkLU(kernel: Kernel, m: number, n: number, A: Float64Array, ld: number, label: string): { F: Float64Array; ipiv: Int32Array; info: number } {
  const out = factor(kernel, m, n, A, ld, label);
  const { F, ipiv } = out;
  const k = Math.min(m, n);
  for (let i = 0; i < k; i++) {
    if (!(ipiv[i]! >= i && ipiv[i]! < m)) expect.unreachable(`${label}: ipiv[${i}] = ${ipiv[i]} outside [${i}, ${m})`);
  }
  const { L, U } = unpackLU(F, m, n, ld);
  for (let j = 0; j < k; j++) for (let i = j + 1; i < m; i++) if (!(Math.abs(L[i + j * m]!) <= 1)) expect.unreachable(`${label}: |L(${i},${j})| = ${Math.abs(L[i + j * m]!)} > 1`);
  const PA = applyPivots(A, m, n, ld, ipiv, k);
  const res = gemmRef(false, false, m, n, k, 1, { data: L, off: 0, ld: Math.max(1, m) }, { data: U, off: 0, ld: Math.max(1, k) }, -1, { data: PA, off: 0, ld: Math.max(1, m) });
  expectScaled(`${label}: |LU − PA|`, res.value, new Float64Array(m * n), res.bound, 2 * (k + 3));
  return out;
}

const SHAPES: [number, number][] = [
  [0, 0], [0, 3], [3, 0], [1, 1], [1, 5], [5, 1], [2, 2], [3, 3], [4, 7], [7, 4], [7, 7], [8, 8], [9, 9], [9, 8],
  [16, 17], [17, 16], [33, 20], [20, 33], [40, 40],
];

describe.each(['getf2', 'getrf2'] as const)('%s', (kernel) => {
  it('residual, pivots and |L| ≤ 1 over shapes and matrix kinds', () => {
    let seed = 1;
    for (const [m, n] of SHAPES) {
      for (const kind of ['uniform', 'normal', 'wide', 'graded', 'integer'] as const) {
        const ld = Math.max(1, m) + (seed % 3);
        const A = matrix(new Rng(seed++), kind, m, n, ld);
        checkLU(kernel, m, n, A, ld, `${kernel} ${m}×${n} ${kind}`);
      }
    }
  });
});

const BLOCKS: [number | null, GemmTuning][] = [[null, {}], [2, {}], [3, { gemmMC: 4, gemmKC: 1, gemmNC: 4 }], [5, { gemmMC: 8, gemmKC: 5, gemmNC: 12 }]];

describe.each(BLOCKS)('getrf, block %s, GEMM blocking %o', (nb, gb) => {
  it('residual, pivots and |L| ≤ 1 over shapes and matrix kinds', () => {
    withTuning({ ...gb, getrfNB: nb ?? undefined, trsmNB: nb ?? undefined }, () => {
      let seed = 100;
      const shapes = nb === null ? [...SHAPES, [70, 70], [130, 67], [67, 130]] as [number, number][] : SHAPES;
      for (const [m, n] of shapes) {
        const kind = MATRIX_KINDS.filter((k) => k !== 'zero' && k !== 'ones')[seed % 7]!;
        const ld = Math.max(1, m) + (seed % 3);
        const A = matrix(new Rng(seed++), kind, m, n, ld);
        checkLU('getrf', m, n, A, ld, `getrf nb=${nb} ${m}×${n} ${kind}`);
      }
    });
  });

  it('an exactly singular matrix: info names the first zero pivot, the rest is still factored', () => {
    withTuning({ ...gb, getrfNB: nb ?? undefined }, () => {
      for (const [m, n, zeroCol] of [[6, 6, 2], [9, 7, 0], [7, 9, 5], [12, 12, 11]] as const) {
        const A = matrix(new Rng(m * n), 'normal', m, n);
        for (let i = 0; i < m; i++) A[i + zeroCol * m] = 0;
        const { info } = checkLU('getrf', m, n, A, m, `getrf singular ${m}×${n} col ${zeroCol}`);
        expect(info).toBe(zeroCol + 1);
        // All-zero matrix: the first pivot is already zero.
        expect(factor('getrf', m, n, new Float64Array(m * n), m, 'zero').info).toBe(1);
      }
      expect(checkLU('getrf', 4, 4, matrix(new Rng(1), 'normal', 4, 4), 4, 'regular').info).toBe(0);
    });
  });
});

describe('getrf block-size limits', () => {
  it('block ≤ 1 equals getf2, block ≥ min(m, n) equals getrf2, bit for bit', () => {
    for (const [m, n] of [[9, 9], [17, 12], [12, 17]] as const) {
      const A = matrix(new Rng(m + n), 'normal', m, n);
      const f2 = factor('getf2', m, n, A, m, 'getf2');
      const r2 = factor('getrf2', m, n, A, m, 'getrf2');
      const b1 = withTuning({ getrfNB: 1 }, () => factor('getrf', m, n, A, m, 'getrf nb=1'));
      const bBig = withTuning({ getrfNB: Math.min(m, n) }, () => factor('getrf', m, n, A, m, 'getrf nb=min(m,n)'));
      expectBitwise('nb=1 vs getf2', b1.F, f2.F);
      expect(Array.from(b1.ipiv)).toEqual(Array.from(f2.ipiv));
      expectBitwise('nb=k vs getrf2', bBig.F, r2.F);
      expect(Array.from(bBig.ipiv)).toEqual(Array.from(r2.ipiv));
    }
  });

  it('a NaN in A does not stop the factorisation or crash it: it spreads to the factors', () => {
    const A = matrix(new Rng(3), 'normal', 6, 6);
    A[2 + 2 * 6] = NaN;
    const { F } = factor('getrf', 6, 6, A, 6, 'getrf NaN');
    expect(F.some(Number.isNaN)).toBe(true);
    expect(extract(F, 6, 6, 6).length).toBe(36);
  });
});
