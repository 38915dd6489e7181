/**
 * Divide and conquer (assembly/eig/sym/{stedc,laed0,laed1,laed2,laed3,laed4,lamrg}.ts and their JS
 * mirrors) on the three engines — SIMD wasm, scalar wasm, JS — bit for bit, through the guarded harness:
 *
 *   stedc on tridiagonals   the steqr test set (Wilkinson, glued Wilkinson, clustered, split, graded,
 *                           scaled near overflow/underflow) plus 1-2-1 Toeplitz, heavy deflation
 *                           (diagonal-dominant, repeated values), random; SMLSIZ 2, 3, 7 and the default
 *                           so that small n goes through every merge, and n = SMLSIZ − 1, SMLSIZ,
 *                           SMLSIZ + 1: dsyt21 ratios ‖T − ZΛZᵀ‖₁/(n‖T‖₁ε) and ‖ZᵀZ − I‖₁/(nε) below
 *                           THRESH = 30, eigenvalues within 30·n·ε·‖T‖ of Sturm bisection and of sterf;
 *   syev through stedc      (syevDcMin 3) against syev through steqr (syevDcMin huge) on LAPACK's
 *                           matrix types: dsyt21 ratios, eigenvalues within a scaled bound of each
 *                           other, ascending, sign convention;
 *   iteration cap           laed4MaxIter 1 → a nonzero status from stedc and syev, quickly.
 */
import { describe, it, expect, beforeAll, afterAll, afterEach, assert } from 'vitest';
import { setupEngines, resetTuning, withTuning, scratch } from '../../../util/engines.js';
import { runKernel, vecW, matW, triW } from '../../../util/harness.js';
import { Rng } from '../../../util/generate.js';
import { pow2 } from '../../../util/reference.js';
import { EPS } from '../../../util/tolerance.js';
import {
  eigRatios, gluedWilkinson, lowerPadded, notAscending, sturm, triDense, valueRatio, wilkinson, withSpectrum,
  spectrum, argMaxAbs, TRIDIAGONALS, randomTri, scaledTri, type Tridiagonal, type SpectrumKind,
} from '../../../util/eig-reference.js';
import { expectRatio, reportRatios } from '../../../util/ratios.js';

beforeAll(async () => {
  await setupEngines();
});
afterEach(() => resetTuning());
afterAll(() => reportRatios('kernels/eig/sym/stedc'));

interface Out {
  ret: number;
  d: Float64Array;
  Z: Float64Array;
}

function stedc(t: Tridiagonal, label: string): Out {
  const n = t.d.length;
  const ldz = n + 1;
  const r = runKernel(`stedc ${label}`, 'stedc', (c) => [
    n, c.out(t.d.length ? t.d : new Float64Array(1), vecW(n, 1), 1), c.out(t.e.length ? t.e : new Float64Array(1), vecW(n - 1, 1)),
    c.out(new Float64Array(Math.max(1, ldz * n)).fill(NaN), matW(n, n, ldz)), ldz, c.work(scratch('stedcScratch', n)),
  ]);
  return { ret: r.ret!, d: r.bufs[0]!.slice(0, n), Z: r.bufs[2]! };
}

function sterf(t: Tridiagonal, label: string): Float64Array {
  const n = t.d.length;
  const r = runKernel(`sterf ${label}`, 'sterf', (c) => [
    n, c.out(t.d.length ? t.d : new Float64Array(1), vecW(n, 1)), c.out(t.e.length ? t.e : new Float64Array(1), vecW(n - 1, 1), 1),
  ]);
  expect(r.ret, `${label}: sterf status`).toBe(0);
  return r.bufs[0]!.slice(0, n);
}

/** 1-2-1 Toeplitz (d = 2, e = 1): eigenvalues 2 − 2cos(kπ/(n+1)), well separated, dense vectors. */
function toeplitz121(n: number): Tridiagonal {
  return { d: new Float64Array(n).fill(2), e: new Float64Array(Math.max(0, n - 1)).fill(1) };
}

const EXTRA: [string, () => Tridiagonal][] = [
  ['1-2-1 Toeplitz n=50', () => toeplitz121(50)],
  ['1-2-1 Toeplitz n=101', () => toeplitz121(101)],
  ['random n=3', () => randomTri(new Rng(61), 3)],
  ['random n=5', () => randomTri(new Rng(62), 5)],
  ['random n=97', () => randomTri(new Rng(63), 97)],
  ['heavy deflation: d = i, e = 1e-9', () => ({ d: Float64Array.from({ length: 60 }, (_, i) => i), e: new Float64Array(59).fill(1e-9) })],
  ['repeated: d = ±1 alternating, e = 1e-12', () => ({ d: Float64Array.from({ length: 45 }, (_, i) => (i % 2 ? 1 : -1)), e: new Float64Array(44).fill(1e-12) })],
  ['repeated: d = 1, e tiny but not negligible', () => ({ d: new Float64Array(40).fill(1), e: new Float64Array(39).fill(1e-14) })],
  ['zero', () => ({ d: new Float64Array(30), e: new Float64Array(29) })],
  ['identity', () => ({ d: new Float64Array(30).fill(1), e: new Float64Array(29) })],
  ['glued W21+ ×4 (δ = 1e-14)', () => gluedWilkinson(84, 1e-14)],
  ['random · 2^-1000 (n=50)', () => scaledTri(randomTri(new Rng(64), 50), pow2(-1000))],
  ['random · 2^970 (n=50)', () => scaledTri(randomTri(new Rng(65), 50), pow2(970))],
  ['W21+ n=21 (odd)', () => wilkinson(21)],
];

function checkTri(name: string, t: Tridiagonal): Out {
  const n = t.d.length;
  const ref = sturm(t);
  const T = triDense(t);
  const z = stedc(t, name);
  expect(z.ret, `${name}: stedc status`).toBe(0);
  const ia = notAscending(z.d);
  if (ia >= 0) assert.fail(`${name}: eigenvalues not ascending at ${ia}: ${z.d[ia - 1]} > ${z.d[ia]}`);
  const q = eigRatios(T, n, z.d, z.Z, n + 1);
  expectRatio(`${name}: stedc ‖T − ZΛZᵀ‖₁/(n‖T‖₁ε)`, q.resid);
  expectRatio(`${name}: stedc ‖ZᵀZ − I‖₁/(nε)`, q.orth);
  expectRatio(`${name}: stedc λ vs Sturm`, valueRatio(z.d, ref));
  expectRatio(`${name}: stedc λ vs sterf`, valueRatio(z.d, sterf(t, name)));
  return z;
}

describe('stedc on tridiagonal matrices', () => {
  for (const sml of [2, 3, 7, null] as const) {
    it.each([...TRIDIAGONALS, ...EXTRA])(`SMLSIZ ${sml ?? 'default'}: %s`, (name, make) => {
      withTuning({ stedcSmlsiz: sml ?? undefined }, () => {
        checkTri(`${name} smlsiz ${sml}`, make());
      });
    });
  }

  it('n = SMLSIZ − 1, SMLSIZ, SMLSIZ + 1 and 2·SMLSIZ ± 1 (SMLSIZ 4, 5, 25)', () => {
    for (const sml of [4, 5, 25]) {
      withTuning({ stedcSmlsiz: sml }, () => {
        for (const n of [sml - 1, sml, sml + 1, 2 * sml - 1, 2 * sml, 2 * sml + 1]) {
          checkTri(`random n=${n} smlsiz ${sml}`, randomTri(new Rng(700 + n), n));
          checkTri(`W n=${n} smlsiz ${sml}`, wilkinson(n));
        }
      });
    }
  });

  it('agrees with steqr (same eigenvalues to 30·n·ε·‖T‖)', () => {
    for (const [name, t] of [['random n=80', randomTri(new Rng(81), 80)], ['glued W21+ ×3', gluedWilkinson(63)]] as const) {
      const a = withTuning({ stedcSmlsiz: 2 }, () => stedc(t, name));
      const r = runKernel(`steqr ${name}`, 'steqr', (c) => [
        2, t.d.length, c.out(t.d, vecW(t.d.length, 1)), c.out(t.e, vecW(t.e.length, 1)),
        c.out(new Float64Array(t.d.length ** 2).fill(NaN), matW(t.d.length, t.d.length, t.d.length)), t.d.length,
        c.work(scratch('steqrScratch', t.d.length, 2)),
      ]);
      expect(r.ret).toBe(0);
      expectRatio(`${name}: stedc λ vs steqr λ`, valueRatio(a.d, r.bufs[0]!));
    }
  });
});

// ---- syev through stedc ------------------------------------------------------------------------------

function syev(A: Float64Array, n: number, ld: number, label: string): { ret: number; Z: Float64Array; lam: Float64Array } {
  const Ap = lowerPadded(A, n, ld);
  const r = runKernel(`syev ${label}`, 'syev', (c) => [
    1, n, c.out(Ap, matW(n, n, ld), n % 2), ld, c.out(new Float64Array(Math.max(1, n)).fill(NaN), vecW(n, 1), 1),
    c.work(scratch('syevScratch', n, 1)),
  ]);
  return { ret: r.ret!, Z: r.bufs[0]!, lam: r.bufs[1]!.slice(0, n) };
}

describe('syev with vectors through stedc (syevDcMin 3) against the steqr path', () => {
  const KINDS: (SpectrumKind | 'zero' | 'identity' | 'diagonal' | 'graded')[] = [
    'zero', 'identity', 'diagonal', 'graded', 'uniform', 'clustered', 'clustered signed', 'repeated ±1', 'geometric signed',
    'arithmetic', 'rank deficient',
  ];
  function make(rng: Rng, kind: (typeof KINDS)[number], n: number): Float64Array {
    const A = new Float64Array(n * n);
    switch (kind) {
      case 'zero':
        return A;
      case 'identity':
        for (let i = 0; i < n; i++) A[i + i * n] = 1;
        return A;
      case 'diagonal':
        for (let i = 0; i < n; i++) A[i + i * n] = (i * 7) % 5 - 2;
        return A;
      case 'graded':
        for (let j = 0; j < n; j++) for (let i = j; i < n; i++) A[i + j * n] = A[j + i * n] = rng.normal() * 10 ** ((-6 * (i + j)) / n);
        return A;
      default:
        return withSpectrum(rng, spectrum(rng, kind, n));
    }
  }
  for (const [gname, gb] of [['default blocking', {}], ['GEMM 8×5×12, nb 3', { gemmMC: 8, gemmKC: 5, gemmNC: 12, sytrdNB: 3 }]] as const) {
    it(`LAPACK's matrix types, n = 3, 4, 9, 26, 51, scaled 1, 2^970 (≈1e292), 2^-970 (${gname})`, () => {
      let seed = 9100;
      for (const n of [3, 4, 9, 26, 51]) {
        for (const kind of KINDS) {
          const rng = new Rng(seed++);
          const A0 = make(rng, kind, n);
          for (const sc of [1, pow2(970), pow2(-970)]) {
            if (sc !== 1 && n > 26) continue;
            const A = A0.map((v) => v * sc);
            const label = `${kind} n=${n} scale ${sc} ${gname}`;
            const ld = n + 3;
            const dc = withTuning({ ...gb, syevDcMin: 3, stedcSmlsiz: 3 }, () => syev(A, n, ld, `D&C ${label}`));
            const qr = withTuning({ ...gb, syevDcMin: 1 << 30 }, () => syev(A, n, ld, `QR ${label}`));
            expect(dc.ret, `${label}: status`).toBe(0);
            expect(qr.ret).toBe(0);
            const ia = notAscending(dc.lam);
            if (ia >= 0) assert.fail(`${label}: eigenvalues not ascending at ${ia}`);
            const q = eigRatios(A, n, dc.lam, dc.Z, ld);
            expectRatio(`${label}: D&C resid`, q.resid);
            expectRatio(`${label}: D&C orth`, q.orth);
            expectRatio(`${label}: D&C λ vs steqr path λ`, valueRatio(dc.lam, qr.lam));
            for (let j = 0; j < n; j++) {
              const im = argMaxAbs(dc.Z, n, j, ld);
              if (!(dc.Z[im + j * ld]! > 0)) assert.fail(`${label}: vector ${j}: largest entry is not positive`);
            }
          }
        }
      }
    });
  }

  it('ill-conditioned (geometric spectrum to 1/ε) at n = 120 with the default SMLSIZ', () => {
    const n = 120;
    const A = withSpectrum(new Rng(77), spectrum(new Rng(78), 'geometric signed', n));
    const dc = withTuning({ syevDcMin: 3 }, () => syev(A, n, n, 'geometric n=120'));
    expect(dc.ret).toBe(0);
    const q = eigRatios(A, n, dc.lam, dc.Z, n);
    expectRatio('geometric n=120: resid', q.resid);
    expectRatio('geometric n=120: orth', q.orth);
  });
});

describe('iteration cap', () => {
  it('laed4MaxIter 1: nonzero status from stedc and syev, quickly; the default gives 0', () => {
    const t = randomTri(new Rng(90), 40);
    withTuning({ stedcSmlsiz: 4, laed4MaxIter: 1 }, () => {
      expect(stedc(t, 'maxit 1').ret).toBeGreaterThan(0);
      const A = withSpectrum(new Rng(91), spectrum(new Rng(92), 'uniform', 20));
      expect(withTuning({ syevDcMin: 3 }, () => syev(A, 20, 20, 'maxit 1').ret)).toBeGreaterThan(0);
    });
    withTuning({ stedcSmlsiz: 4 }, () => expect(stedc(t, 'default cap').ret).toBe(0));
  });

  it('NaN in d terminates (status > 0 or NaN values, never a hang)', () => {
    const t = randomTri(new Rng(93), 40);
    t.d[17] = NaN;
    withTuning({ stedcSmlsiz: 4 }, () => {
      const z = stedc(t, 'NaN');
      expect(z.ret > 0 || z.d.some((v) => Number.isNaN(v))).toBe(true);
    });
  });
});
