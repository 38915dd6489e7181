/**
 * Householder QR — larfg, geqr2/geqrf (+ larft/larfb inside), org2r/orgqr, ormqr, geqp3 — and RQ —
 * gerq2/gerqf (+ larfr, larftb, larfbr inside), orgr2/orgrq — on every engine, bit for bit across
 * engines, and checked with the test ratios of LAPACK's TESTING/LIN/dqrt01 and drqt01 (normwise,
 * scaled, pass below THRESH = 30 as in LAPACK's dtest.in):
 *
 *   ‖R − QᵀA‖₁ / (m·‖A‖₁·ε)        ‖I − QᵀQ‖₁ / (m·ε)        ‖Q·C − ormqr(C)‖₁ / (m·‖C‖₁·ε)
 *   ‖R − A·Qᵀ‖₁ / (n·‖A‖₁·ε)        ‖I − Q·Qᵀ‖₁ / (n·ε)       (RQ, Q n×n)
 *
 * computed with the Dot2 reference products, for tall, wide, square and empty shapes, every block size
 * down to 1 (with the GEMM blocking made tiny as well), so the blocked code paths run on small matrices.
 * geqrf with a block ≥ n is geqr2 exactly for m ≥ n (one panel and no update).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines, withTuning, scratch } from '../../util/engines.js';
import { runKernel, matW, extract, vecW } from '../../util/harness.js';
import { Rng, matrix, MATRIX_KINDS, vector } from '../../util/generate.js';
import { gemmRef, norm1 } from '../../util/reference.js';
import { EPS, expectBitwise, expectScaled } from '../../util/tolerance.js';
import { THRESH } from '../../util/ratios.js';

beforeAll(async () => {
  await setupEngines();
});

const M = (data: Float64Array, ld: number) => ({ data, off: 0, ld: Math.max(1, ld) });

/** Workspace of each factorisation kernel: the unblocked ones' vector, the blocked ones' *Scratch. */
const FACTOR_WORK = {
  geqr2: (_m: number, n: number) => n,
  geqrf: (m: number, n: number) => scratch('geqrfScratch', m, n),
  gerq2: (m: number) => m,
  gerqf: (m: number, n: number) => scratch('gerqfScratch', m, n),
};

function factor(kernel: keyof typeof FACTOR_WORK, m: number, n: number, A: Float64Array, ld: number): { F: Float64Array; tau: Float64Array } {
  const k = Math.min(m, n);
  const r = runKernel(`${kernel} ${m}×${n}`, kernel, (c) => [
    m, n, c.out(A, matW(m, n, ld)), ld, c.out(new Float64Array(Math.max(1, k)).fill(NaN), vecW(k, 1)),
    c.work(FACTOR_WORK[kernel](m, n)),
  ]);
  return { F: r.bufs[0]!, tau: r.bufs[1]! };
}

/** |τᵢ| ∈ {0} ∪ [1, 2] (larfg's range). */
function expectTau(label: string, tau: Float64Array, k: number): void {
  for (let i = 0; i < k; i++) {
    const t = tau[i]!;
    if (!(t === 0 || (t >= 1 && t <= 2))) expect.unreachable(`${label}: τ[${i}] = ${t} outside {0} ∪ [1, 2]`);
  }
}

/** The complete n×n Q of an RQ factorisation from the k = min(m, n) reflectors in F's last k rows. */
function formQrq(kernel: 'orgr2' | 'orgrq', m: number, n: number, F: Float64Array, ldF: number, tau: Float64Array): Float64Array {
  const k = Math.min(m, n);
  const Q = new Float64Array(Math.max(1, n * n)).fill(NaN);
  for (let i = 0; i < k; i++) for (let j = 0; j < n; j++) Q[n - k + i + j * n] = F[m - k + i + j * ldF]!;
  const r = runKernel(`${kernel} ${n}×${n} k=${k}`, kernel, (c) => [
    n, n, k, c.out(Q, matW(n, n, n)), n, c.in(tau), c.work(kernel === 'orgr2' ? n : scratch('orgrqScratch', n, n, k)),
  ]);
  return extract(r.bufs[0]!, n, n, n);
}

/** The first `cols` columns of Q (m×cols, ld = m) from k reflectors in F. */
function formQ(kernel: 'org2r' | 'orgqr', m: number, cols: number, k: number, F: Float64Array, ldF: number, tau: Float64Array): Float64Array {
  const Q = new Float64Array(Math.max(1, m * cols)).fill(NaN);
  for (let j = 0; j < Math.min(k, cols); j++) for (let i = 0; i < m; i++) Q[i + j * m] = F[i + j * ldF]!;
  const r = runKernel(`${kernel} ${m}×${cols} k=${k}`, kernel, (c) => [
    m, cols, k, c.out(Q, matW(m, cols, m)), m, c.in(tau), c.work(kernel === 'org2r' ? cols : scratch('orgqrScratch', m, cols, k)),
  ]);
  return extract(r.bufs[0]!, m, cols, m);
}

/** d×d identity, column-major. */
function identity(d: number): Float64Array {
  const I = new Float64Array(Math.max(1, d * d));
  for (let i = 0; i < d; i++) I[i + i * d] = 1;
  return I;
}

/** The residual (m×n) and orthogonality (d×d, d = Q's order) ratios from their difference matrices. */
function ratios(m: number, n: number, A: Float64Array, ld: number, resid: Float64Array, gram: Float64Array, d: number): { resid: number; orth: number } {
  const an = norm1(extract(A, m, n, ld), m, n);
  const rn = norm1(resid, m, n);
  return {
    resid: an === 0 ? (rn === 0 ? 0 : Infinity) : rn / (Math.max(1, d) * an * EPS),
    orth: norm1(gram, d, d) / (Math.max(1, d) * EPS),
  };
}

/** The LAPACK dqrt01 ratios for A = QR (complete Q, m×m): R − QᵀA and I − QᵀQ through the accurate reference product. */
function qrRatios(m: number, n: number, A: Float64Array, ld: number, F: Float64Array, Q: Float64Array): { resid: number; orth: number } {
  const R = new Float64Array(Math.max(1, m * n));
  for (let j = 0; j < n; j++) for (let i = 0; i <= Math.min(j, m - 1); i++) R[i + j * m] = F[i + j * ld]!;
  const QtA = gemmRef(true, false, m, n, m, 1, M(Q, m), M(A, ld), -1, M(R, m)).value;
  const QtQ = gemmRef(true, false, m, m, m, 1, M(Q, m), M(Q, m), -1, M(identity(m), m)).value;
  return ratios(m, n, A, ld, QtA, QtQ, m);
}

/** The LAPACK drqt01 ratios for A = RQ (complete Q, n×n): R − AQᵀ and I − QQᵀ. */
function rqRatios(m: number, n: number, A: Float64Array, ld: number, F: Float64Array, Q: Float64Array): { resid: number; orth: number } {
  const R = new Float64Array(Math.max(1, m * n));
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) if (j - i >= n - m) R[i + j * m] = F[i + j * ld]!;
  const AQt = gemmRef(false, true, m, n, n, 1, M(A, ld), M(Q, n), -1, M(R, m)).value;
  const QQt = gemmRef(false, true, n, n, n, 1, M(Q, n), M(Q, n), -1, M(identity(n), n)).value;
  return ratios(m, n, A, ld, AQt, QQt, n);
}

const SHAPES: [number, number][] = [[0, 0], [0, 3], [3, 0], [1, 1], [1, 4], [4, 1], [2, 2], [5, 3], [3, 5], [7, 7], [9, 4], [4, 9], [16, 16], [23, 11], [11, 23], [40, 33], [33, 40]];

describe.each([[null, {}], [1, {}], [2, { gemmMC: 4, gemmKC: 1, gemmNC: 4 }], [3, { gemmMC: 8, gemmKC: 5, gemmNC: 12 }], [5, {}]] as const)(
  'QR, block %s, GEMM blocking %o',
  (nb, gemm) => {
    const run = <T>(f: () => T): T =>
      withTuning({ ...gemm, geqrfNB: nb ?? undefined, orgqrNB: nb ?? undefined, ormqrNB: nb ?? undefined }, f);

    /** Every shape × kind of SHAPES with its own seed and a leading dimension past m. */
    const inputs = function* (): Generator<{ m: number; n: number; kind: string; ld: number; A: Float64Array }> {
      let seed = 1;
      for (const [m, n] of SHAPES) {
        for (const kind of ['uniform', 'normal', 'graded', 'wide', 'zero'] as const) {
          const ld = Math.max(1, m) + (seed % 3);
          yield { m, n, kind, ld, A: matrix(new Rng(seed++), kind, m, n, ld) };
        }
      }
    };

    it('geqrf + orgqr (and geqr2 + org2r): ‖R − QᵀA‖₁ and ‖I − QᵀQ‖₁ ratios below 30', () => {
      run(() => {
        for (const { m, n, kind, ld, A } of inputs()) {
          const k = Math.min(m, n);
          for (const [fk, qk] of [['geqrf', 'orgqr'], ['geqr2', 'org2r']] as const) {
            if (nb !== null && fk === 'geqr2') continue; // the unblocked pair does not depend on nb
            const { F, tau } = factor(fk, m, n, A, ld);
            expectTau(`${fk} ${m}×${n}`, tau, k);
            const Q = formQ(qk, m, m, k, F, ld, tau);
            const { resid, orth } = qrRatios(m, n, A, ld, F, Q);
            expect(resid, `${fk}/${qk} ${m}×${n} ${kind}: ‖R − QᵀA‖₁/(m‖A‖₁ε)`).toBeLessThan(THRESH);
            expect(orth, `${fk}/${qk} ${m}×${n} ${kind}: ‖I − QᵀQ‖₁/(mε)`).toBeLessThan(THRESH);
            // The thin Q is the first k columns of the complete one.
            if (m > 0 && k > 0) expectBitwise(`${qk} thin vs complete`, formQ(qk, m, k, k, F, ld, tau), Q.slice(0, m * k));
          }
        }
      });
    });

    it('gerqf + orgrq (and gerq2 + orgr2): ‖R − AQᵀ‖₁ and ‖I − QQᵀ‖₁ ratios below 30', () => {
      run(() => {
        for (const { m, n, kind, ld, A } of inputs()) {
          for (const [fk, qk] of [['gerqf', 'orgrq'], ['gerq2', 'orgr2']] as const) {
            if (nb !== null && fk === 'gerq2') continue; // the unblocked pair does not depend on nb
            const { F, tau } = factor(fk, m, n, A, ld);
            expectTau(`${fk} ${m}×${n}`, tau, Math.min(m, n));
            const { resid, orth } = rqRatios(m, n, A, ld, F, formQrq(qk, m, n, F, ld, tau));
            expect(resid, `${fk}/${qk} ${m}×${n} ${kind}: ‖R − AQᵀ‖₁/(n‖A‖₁ε)`).toBeLessThan(THRESH);
            expect(orth, `${fk}/${qk} ${m}×${n} ${kind}: ‖I − QQᵀ‖₁/(nε)`).toBeLessThan(THRESH);
          }
        }
      });
    });

    it('ormqr applies Q and Qᵀ like the explicit Q, and Qᵀ(Q·C) = C', () => {
      run(() => {
        let seed = 500;
        for (const [m, n] of SHAPES.filter(([m, n]) => m >= n && m > 0)) {
          for (const cols of [1, 4]) {
            const k = Math.min(m, n);
            const A = matrix(new Rng(seed++), 'normal', m, n);
            const { F, tau } = factor('geqrf', m, n, A, m);
            const Q = formQ('orgqr', m, m, k, F, m, tau);
            const C = matrix(new Rng(seed++), 'normal', m, cols);
            const cn = norm1(C, m, cols);
            for (const trans of [0, 1]) {
              const r = runKernel(`ormqr trans=${trans} ${m}×${cols} k=${k}`, 'ormqr', (c) => [
                trans, m, cols, k, c.in(F), m, c.in(tau), c.out(C, matW(m, cols, m)), m, c.work(scratch('ormqrScratch', m, cols, k)),
              ]);
              const diff = gemmRef(!!trans, false, m, cols, m, 1, M(Q, m), M(C, m), -1, M(r.bufs[2]!, m)).value;
              expect(norm1(diff, m, cols) / (m * cn * EPS), `ormqr trans=${trans} ${m}×${n}`).toBeLessThan(THRESH);
              if (trans === 0) {
                const back = runKernel('ormqr back', 'ormqr', (c) => [1, m, cols, k, c.in(F), m, c.in(tau), c.out(r.bufs[2]!, matW(m, cols, m)), m, c.work(scratch('ormqrScratch', m, cols, k))]);
                const d = back.bufs[2]!.map((v, i) => v - C[i]!);
                expect(norm1(d, m, cols) / (m * cn * EPS), `Qᵀ(QC) − C, ${m}×${n}`).toBeLessThan(THRESH);
              }
            }
          }
        }
      });
    });
  },
);

describe('geqrf / gerqf block-size limit', () => {
  // (For QR with m < n the columns past min(m, n) still get a larfb update, and for RQ with m > n the
  // rows above the panel a larfbr one, so the bits differ there.)
  it.each([
    ['geqr2', 'geqrf', [[9, 5], [12, 12], [30, 1]]],
    ['gerq2', 'gerqf', [[5, 9], [12, 12], [1, 30]]],
  ] as const)('a block ≥ min(m, n) makes %s exactly %s (one panel, no update)', (unblocked, blocked, shapes) => {
    for (const [m, n] of shapes) {
      const A = matrix(new Rng(m * n), 'normal', m, n);
      const u = factor(unblocked, m, n, A, m);
      const b = withTuning({ geqrfNB: Math.min(m, n) }, () => factor(blocked, m, n, A, m));
      expectBitwise(`${blocked} vs ${unblocked} F`, b.F, u.F);
      expectBitwise(`${blocked} vs ${unblocked} τ`, b.tau, u.tau);
    }
  });
  it('a block ≥ k makes orgrq exactly orgr2', () => {
    for (const [m, n] of [[5, 9], [12, 12], [9, 5]] as const) {
      const A = matrix(new Rng(m + n), 'normal', m, n);
      const { F, tau } = factor('gerq2', m, n, A, m);
      const u = formQrq('orgr2', m, n, F, m, tau);
      const b = withTuning({ orgqrNB: Math.min(m, n) }, () => formQrq('orgrq', m, n, F, m, tau));
      expectBitwise('orgrq vs orgr2', b, u);
    }
  });
});

describe('geqp3 (column pivoting)', () => {
  function qp3(m: number, n: number, A: Float64Array): { F: Float64Array; tau: Float64Array; jpvt: Int32Array } {
    const k = Math.min(m, n);
    const r = runKernel(`geqp3 ${m}×${n}`, 'geqp3', (c) => [
      m, n, c.out(A, matW(m, n, m)), m, c.ints(new Int32Array(n).fill(-9), (i) => i < n), c.out(new Float64Array(Math.max(1, k)).fill(NaN), vecW(k, 1)),
      c.work(scratch('geqp3Scratch', m, n)),
    ]);
    return { F: r.bufs[0]!, jpvt: r.ints[1]!, tau: r.bufs[2]! };
  }

  it('A·P = Q·R with ratios below 30, a valid permutation and a non-increasing |diag(R)|', () => {
    let seed = 900;
    for (const [m, n] of SHAPES) {
      for (const kind of ['normal', 'graded', 'wide'] as const) {
        const A = matrix(new Rng(seed++), kind, m, n);
        const { F, tau, jpvt } = qp3(m, n, A);
        expect([...jpvt].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        const k = Math.min(m, n);
        for (let i = 1; i < k; i++) expect(Math.abs(F[i + i * m]!), `|R(${i},${i})| ≤ |R(${i - 1},${i - 1})|`).toBeLessThanOrEqual(Math.abs(F[i - 1 + (i - 1) * m]!));
        const AP = new Float64Array(Math.max(1, m * n));
        for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) AP[i + j * m] = A[i + jpvt[j]! * m]!;
        const Q = formQ('org2r', m, m, k, F, m, tau);
        const { resid, orth } = qrRatios(m, n, AP, m, F, Q);
        expect(resid, `geqp3 ${m}×${n} ${kind} resid`).toBeLessThan(THRESH);
        expect(orth, `geqp3 ${m}×${n} ${kind} orth`).toBeLessThan(THRESH);
      }
    }
  });

  it('reveals rank: a rank-3 12×9 matrix has |R(3,3)| ≤ 30·m·ε·|R(0,0)|; the identity is not permuted', () => {
    const m = 12;
    const n = 9;
    const X = matrix(new Rng(1), 'normal', m, 3);
    const Y = matrix(new Rng(2), 'normal', 3, n);
    const A = gemmRef(false, false, m, n, 3, 1, M(X, m), M(Y, 3), 0, M(new Float64Array(1), 1)).value;
    const { F } = qp3(m, n, A);
    expect(Math.abs(F[3 + 3 * m]!)).toBeLessThanOrEqual(THRESH * m * EPS * Math.abs(F[0]!));
    expect(Math.abs(F[2 + 2 * m]!)).toBeGreaterThan(1e-8 * Math.abs(F[0]!));
    const I = new Float64Array(25);
    for (let i = 0; i < 5; i++) I[i + i * 5] = 1;
    expect(Array.from(qp3(5, 5, I).jpvt)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('larfg', () => {
  function larfg(alpha: number, x: number[], inc = 1): { tau: number; beta: number; v: Float64Array } {
    const n = x.length + 1;
    const xb = new Float64Array(Math.max(1, x.length * inc)).fill(NaN);
    x.forEach((v, i) => (xb[i * inc] = v));
    const r = runKernel(`larfg n=${n}`, 'larfg', (c) => [n, c.out(Float64Array.of(alpha), () => true), c.out(xb, vecW(x.length, inc)), inc]);
    return { tau: r.ret!, beta: r.bufs[0]![0]!, v: Float64Array.from({ length: x.length }, (_, i) => r.bufs[1]![i * inc]!) };
  }

  it('H·[α; x] = [β; 0] within (n + 4)·ε·‖[α; x]‖, τ ∈ [1, 2], β = −sign(α)·‖[α; x]‖, at every scale', () => {
    let seed = 1;
    for (const n of [2, 3, 5, 17, 64]) {
      for (const s of [1, 1e-300, 1e300, 2 ** -1060]) {
        for (const inc of [1, 2]) {
          const xs = Array.from(vector(new Rng(seed++), MATRIX_KINDS[seed % 6]!, n, 1), (v) => v * s);
          const alpha = xs[0]!;
          const x = xs.slice(1);
          if (x.every((v) => v === 0)) continue;
          const { tau, beta, v } = larfg(alpha, x, inc);
          expect(tau >= 1 && tau <= 2, `τ = ${tau}`).toBe(true);
          expect(Math.sign(beta)).toBe(alpha >= 0 ? -1 : 1);
          // H·[α; x] with v = [1; v]: [α; x] − τ·v·(vᵀ[α; x]).
          const full = [1, ...v];
          let vx = 0;
          for (let i = 0; i < n; i++) vx += full[i]! * xs[i]!;
          const Hx = xs.map((xi, i) => xi - tau * full[i]! * vx);
          const nrm = Math.abs(beta);
          const want = [beta, ...new Array<number>(n - 1).fill(0)];
          expectScaled(`larfg n=${n} scale=${s}`, Hx, want, new Array<number>(n).fill(nrm), 4 * (n + 4));
        }
      }
    }
  });

  it('x = 0 gives τ = 0 and leaves α; n ≤ 1 touches nothing; NaN propagates', () => {
    expect(larfg(-3, [0, 0, 0])).toMatchObject({ tau: 0, beta: -3 });
    const r = runKernel('larfg n=1', 'larfg', (c) => [1, c.out(Float64Array.of(5), () => false), c.in(Float64Array.of(NaN)), 1]);
    expect(r.ret).toBe(0);
    const bad = larfg(1, [NaN, 2]);
    expect(Number.isNaN(bad.tau) || Number.isNaN(bad.beta)).toBe(true);
  });
});
