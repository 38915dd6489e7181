/**
 * lasq — singular values of a bidiagonal by dqds. Checked on every engine (bit-identical, guards, e
 * untouched) and against bdsqr's values-only path (Demmel–Kahan zero-shift QR, also relatively
 * accurate): each σᵢ must agree with bdsqr's to c·n·eps *relative to σᵢ itself*, on graded, random,
 * clustered, split (zero d or e) and 2^±970-scaled bidiagonals. Then gesvd's values-only path (which
 * now runs lasq) against the singular values from its vectors path.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines, withTuning } from '../../util/engines.js';
import { runKernel, vecW, matW } from '../../util/harness.js';
import { Rng, matrix } from '../../util/generate.js';
import { EPS } from '../../util/tolerance.js';
import * as js from '../../../bindings/js/index.js';

beforeAll(async () => {
  await setupEngines();
});

type Kind =
  | 'random' | 'graded' | 'graded-up' | 'graded-coupled' | 'clustered' | 'zero-d' | 'zero-e' | 'tiny-e'
  | 'big' | 'small' | 'denormal' | 'wide' | 'ones' | 'alternating';
const KINDS: Kind[] = [
  'random', 'graded', 'graded-up', 'graded-coupled', 'clustered', 'zero-d', 'zero-e', 'tiny-e',
  'big', 'small', 'denormal', 'wide', 'ones', 'alternating',
];

function bidiag(kind: Kind, n: number, rng: Rng): { d: Float64Array; e: Float64Array } {
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(0, n - 1));
  const r = n > 1 ? Math.min(1, 280 / n) : 1; // grading step in decades, 10^(−r·n) stays normal
  for (let i = 0; i < n; i++) {
    const u = rng.normal();
    const v = rng.normal();
    switch (kind) {
      case 'graded': d[i] = 10 ** (-r * i) * (1 + 0.5 * rng.uniform()); if (i < n - 1) e[i] = 10 ** (-r * i) * 1e-8 * v; break;
      case 'graded-up': d[i] = 10 ** (-r * (n - 1 - i)) * u; if (i < n - 1) e[i] = 10 ** (-r * (n - 1 - i)) * 1e-3 * v; break;
      case 'graded-coupled': d[i] = 10 ** (-r * i) * u; if (i < n - 1) e[i] = 10 ** (-r * (i + 1)) * v; break;
      case 'clustered': d[i] = 1 + 1e-10 * u; if (i < n - 1) e[i] = 1e-6 * v; break;
      case 'tiny-e': d[i] = u; if (i < n - 1) e[i] = 1e-200 * v; break;
      case 'big': d[i] = 1e292 * u; if (i < n - 1) e[i] = 1e292 * v; break;
      case 'small': d[i] = 1e-292 * u; if (i < n - 1) e[i] = 1e-292 * v; break;
      case 'denormal': d[i] = 1e-310 * u; if (i < n - 1) e[i] = 1e-310 * v; break;
      case 'wide': d[i] = u * 2 ** Math.round(60 * rng.uniform()); if (i < n - 1) e[i] = v * 2 ** Math.round(60 * rng.uniform()); break;
      case 'ones': d[i] = 1; if (i < n - 1) e[i] = 1; break;
      case 'alternating': d[i] = i % 2 === 0 ? 1 : 1e-8; if (i < n - 1) e[i] = 1e-4 * v; break;
      default: d[i] = u; if (i < n - 1) e[i] = v;
    }
  }
  if (kind === 'zero-d' && n > 0) {
    d[0] = 0;
    d[n - 1] = 0;
    d[n >> 1] = 0;
  }
  if (kind === 'zero-e' && n > 2) {
    e[0] = 0;
    e[n - 2] = 0;
    e[n >> 1] = 0;
  }
  return { d, e };
}

/**
 * bdsqr, values only, on the JS mirror: the reference. B is first scaled by a power of two (exact)
 * so that its largest entry lies in [1, 2): bdsqr has no scaling of its own for subnormal input.
 */
function reference(d: Float64Array, e: Float64Array): Float64Array {
  const n = d.length;
  let big = 0;
  for (const x of [...d, ...e]) big = Math.max(big, Math.abs(x));
  let p = 0;
  if (big > 0) while (big * 2 ** p < 1) p += 50;
  if (big > 0) while (big * 2 ** p >= 2) p -= 1;
  const sc = (x: number): number => x * 2 ** (p >> 1) * 2 ** (p - (p >> 1));
  const s = d.map(sc);
  const w = new Float64Array(Math.max(1, n));
  const info = js.bdsqr(n, 0, 0, s, 0, e.map(sc), 0, w, 0, 1, w, 0, 1, w, 0);
  expect(info).toBe(0);
  return s.map((x) => x * 2 ** -(p >> 1) * 2 ** -(p - (p >> 1)));
}

function runLasq(label: string, d: Float64Array, e: Float64Array): { info: number; s: Float64Array } {
  const n = d.length;
  const r = runKernel(label, 'lasq', (c) => [
    n, c.out(d.length ? d : new Float64Array(1), vecW(n, 1), n % 2), c.in(e.length ? e : new Float64Array(1), 1 - (n % 2)),
    c.work(js.lasqScratch(n)),
  ]);
  return { info: r.ret!, s: r.bufs[0]!.subarray(0, n) };
}

describe('lasq', () => {
  it('matches bdsqr to c·n·eps relative per value, bit-identical on all engines', () => {
    let seed = 100;
    let worst = 0;
    const C = 8; // observed worst ratio / (n·eps) below 1; bdsqr's own bound is ≤ n·tol
    for (const kind of KINDS) {
      for (const n of [1, 2, 3, 4, 5, 7, 10, 17, 33, 64, 100]) {
        const rng = new Rng(seed++);
        const { d, e } = bidiag(kind, n, rng);
        const { info, s } = runLasq(`lasq ${kind} n=${n}`, d, e);
        expect(info, `${kind} n=${n}`).toBe(0);
        const ref = reference(d, e);
        for (let i = 0; i < n; i++) {
          expect(s[i]! >= 0, `${kind} n=${n}: σ${i} ≥ 0`).toBe(true);
          if (i > 0) expect(s[i]! <= s[i - 1]!, `${kind} n=${n}: decreasing at ${i}`).toBe(true);
          const err = Math.abs(s[i]! - ref[i]!);
          // relative error in units of n·eps (an absolute few ulps of the subnormal range excepted)
          const ratio = err <= 4 * Number.MIN_VALUE ? 0 : err / ref[i]! / (n * EPS);
          if (ratio > worst) worst = ratio;
          expect(ratio, `${kind} n=${n} σ${i}: lasq ${s[i]} vs bdsqr ${ref[i]}`).toBeLessThanOrEqual(C);
        }
      }
    }
    expect(worst).toBeLessThanOrEqual(C);
    console.log(`lasq vs bdsqr: worst |Δσ|/(σ·n·eps) = ${worst.toFixed(3)}`);
  });

  it('handles n = 0, an all-zero B, and B with exact zero singular values', () => {
    expect(runLasq('lasq n=0', new Float64Array(0), new Float64Array(0)).info).toBe(0);
    const z = runLasq('lasq zeros', new Float64Array(6), new Float64Array(5));
    expect(z.info).toBe(0);
    expect(Array.from(z.s)).toEqual([0, 0, 0, 0, 0, 0]);
    // d = (3, 0, 2, 0, 5), e = (1, 1, 1, 0): rank 3 (row 4 is zero, row 2 = row 3's e-part), σ₃ = σ₄ = 0
    const r = runLasq('lasq rank 3', Float64Array.of(3, 0, 2, 0, 0), Float64Array.of(1, 1, 1, 0));
    expect(r.info).toBe(0);
    expect(r.s[3]).toBe(0);
    expect(r.s[4]).toBe(0);
  });

  it('NaN or Inf in d or e: returns n with d = NaN, never hangs', () => {
    for (const [d, e] of [
      [Float64Array.of(1, NaN, 2), Float64Array.of(1, 1)],
      [Float64Array.of(1, 2, 3), Float64Array.of(Infinity, 1)],
      [Float64Array.of(-Infinity, 2, 3, 4), Float64Array.of(1, 1, NaN)],
    ] as const) {
      const r = runLasq('lasq ieee', d, e);
      expect(r.info).toBe(d.length);
      for (const x of r.s) expect(Number.isNaN(x)).toBe(true);
    }
  });

  describe('iteration cap', () => {
    it('returns the number of unconverged values (> 0) when the cap is hit, and recovers after a reset', () => {
      const { d, e } = bidiag('random', 40, new Rng(7));
      const r = withTuning({ lasqMaxIter: 3 }, () => runLasq('lasq cap 3', d, e));
      expect(r.info).toBeGreaterThan(0);
      expect(r.info).toBeLessThanOrEqual(40);
      for (let i = 0; i < r.info; i++) expect(Number.isNaN(r.s[i]!)).toBe(true);
      expect(runLasq('lasq cap reset', d, e).info).toBe(0);
    });
  });
});

describe('gesvd values only (lasq) vs with vectors (bdsqr)', () => {
  it('σ agree within c·n·eps·σ₀', () => {
    let seed = 500;
    for (const [m, n] of [[1, 1], [5, 3], [3, 5], [17, 17], [40, 25], [25, 60], [70, 30], [64, 64]] as const) {
      for (const kind of ['normal', 'graded', 'wide'] as const) {
        const rng = new Rng(seed++);
        const A = matrix(rng, kind, m, n);
        const k = Math.min(m, n);
        const r0 = runKernel(`gesvd job 0 ${kind} ${m}×${n}`, 'gesvd', (c) => [
          0, m, n, c.out(A, matW(m, n, m)), m, c.out(new Float64Array(k), vecW(k, 1)), c.out(new Float64Array(1), () => false), 1,
          c.out(new Float64Array(1), () => false), 1,
          c.work(js.gesvdScratch(m, n, 0)),
        ]);
        expect(r0.ret).toBe(0);
        const U = new Float64Array(m * k);
        const V = new Float64Array(n * k);
        const w = new Float64Array(js.gesvdScratch(m, n, 1));
        const s1 = new Float64Array(k);
        expect(js.gesvd(1, m, n, A.slice(), 0, m, s1, 0, U, 0, m, V, 0, n, w, 0)).toBe(0);
        const s0 = r0.bufs[1]!;
        for (let i = 0; i < k; i++) {
          const ratio = Math.abs(s0[i]! - s1[i]!) / (s1[0]! * Math.max(m, n) * EPS);
          expect(ratio, `${kind} ${m}×${n} σ${i}: ${s0[i]} vs ${s1[i]}`).toBeLessThanOrEqual(4);
        }
      }
    }
  });
});
