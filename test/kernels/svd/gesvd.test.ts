/**
 * SVD kernels (assembly/svd, bindings/js/svd) on the three engines — SIMD wasm, scalar wasm, JS — bit
 * for bit, through the guarded harness (guard zones, NaN padding rows, NaN-filled workspace, odd element
 * offsets, every byte a kernel must not write checked):
 *
 *   gebd2, gebrd, orgbr   ‖A − Q·B·Pᵀ‖₁/(‖A‖₁·max(m, n)·ε), ‖QᵀQ − I‖₁/(m·ε), ‖PᵀP − I‖₁/(n·ε) below
 *                         THRESH = 30 (LAPACK dchkbd's dbdt01 / dort01), panels of 1, 2, 3, 5 and the
 *                         default with tiny GEMM blocks; gebrd ≡ gebd2 bit for bit when one panel
 *                         covers the matrix; d, e on A's diagonals; τ ∈ {0} ∪ [1, 2]; m < n → −1, nothing
 *                         touched; orgbr in place (vect 0) ≡ out of place;
 *   labrd                 its memory contract (A₂₂ and V above the unit untouched, V = a copy of the v's)
 *                         and its panel ≈ gebd2's first nb steps, with the fused pass unsplit and split
 *                         into column panels (brdPanelMin); gebrd and gesvd with the split pass: the
 *                         ratios, and d, e, σ within 30·max(m,n)·ε·‖A‖ of the unsplit pass's;
 *   bdsqr                 on bidiagonals — graded up and down, wild exponents, Toeplitz, a tiny or an exactly
 *                         zero pivot, tiny off-diagonals — every singular value within 30·n·ε relative of
 *                         an independent double-double bisection on the Golub–Kahan matrix (Demmel–Kahan
 *                         relative accuracy), the 2×2 case on a grid of extreme entries against the
 *                         closed form; U, V ratios; values only ≡ with vectors; the rotation batch size
 *                         (tuning bdsqrSweeps 1, 3) changes no bit; bdsqrMaxIter 1 → a nonzero status at
 *                         once, with A = U·B·Vᵀ still holding; NaN terminates;
 *   lasq                  (dqds, gesvd's values-only path) every σ ≥ σ₀·2^-500 within 30·n·ε relative of the
 *                         same bisection, the 2×2 grid; NaN → status n; lasqMaxIter 1 → nonzero status;
 *   gesvd                 the SVD types of svd-types.ts on 0×0 … 33×33 (and up to 130×70), jobs 0, 1, 2: ratios
 *                         below 30, σ within 30·max(m, n)·ε·σ₀ of the known spectrum or of one-sided Jacobi,
 *                         σ sorted and ≥ 0, jobs 1 and 2 the same bits (job 0, dqds, within the σ bound of
 *                         them), thin U, V ≡ the leading columns of full ones, the sign convention; odd
 *                         block sizes and sweeps; QR-first forced on and off (gesvdQrRatio); NaN/Inf →
 *                         status k with NaN outputs; an empty A gives identities; the iteration caps of 1
 *                         → a nonzero status, quickly.
 *
 * Every tuning knob is restored after each test (afterEach), also after a failure.
 */
import { describe, it, expect, beforeAll, afterAll, afterEach, assert } from 'vitest';
import { setupEngines, resetTuning, withTuning, scratch, allEngines, type GemmTuning } from '../../util/engines.js';
import type { Tuning } from '../../../bindings/index.js';
import { runKernel, matW, vecW } from '../../util/harness.js';
import { Rng } from '../../util/generate.js';
import { expectBitwise } from '../../util/tolerance.js';
import { dense, eye, leadCols, norm1, ratio, type Dense } from '../../util/dense.js';
import { randn } from '../../util/lapack-types.js';
import { THRESH, expectRatio, reportRatios } from '../../util/ratios.js';
import {
  EPS, TINY, bidiagSvals, notSorted, orthColsRatio, orthRowsRatio, residRatio, signConventionHolds, svalRatio, svd2x2,
} from '../../util/svd-reference.js';
import { scale2, unitExponent } from '../../util/reference.js';
import { colMajor, fromColMajor, svdTestMatrices, svdTestMatrix, transposeFromColMajor, type SvdType } from '../../util/svd-types.js';

beforeAll(async () => {
  await setupEngines();
});

/** Whether every engine exports `name` (the dqds kernel lasq is newer than the rest of this directory). */
function hasKernel(name: string): boolean {
  return allEngines().every((e) => typeof (e.kind === 'wasm' ? e.exports : e.kernels as unknown as Record<string, unknown>)[name as never] === 'function');
}

// Every tuning knob back to its default (also after a failure).
afterEach(() => resetTuning());
afterAll(() => reportRatios('kernels/svd/gesvd'));

const nan = (len: number): Float64Array => new Float64Array(Math.max(1, len)).fill(NaN);

/** Panel width nb (gebrd and the QR kernels gesvd calls; null: the defaults) and the GEMM blocking, as a tuning. */
function panels(nb: number | null, gemm: GemmTuning): Partial<Tuning> {
  const b = nb ?? undefined;
  return { ...gemm, gebrdNB: b, geqrfNB: b, orgqrNB: b, ormqrNB: b };
}

/** Odd panel widths with tiny GEMM blocks (gesvd and gebrd run under each). */
const PANELS: readonly (readonly [number, GemmTuning])[] = [
  [1, { gemmMC: 8, gemmKC: 5, gemmNC: 12 }], [2, { gemmMC: 4, gemmKC: 1, gemmNC: 4 }],
  [3, { gemmMC: 8, gemmKC: 5, gemmNC: 12 }], [5, { gemmMC: 4, gemmKC: 3, gemmNC: 4 }],
];

// ---- gesvd ------------------------------------------------------------------------------------------

interface SvdOut {
  info: number;
  s: Float64Array;
  U: Dense;
  /** Vᵀ (rows are the right singular vectors). */
  Vt: Dense;
}

/** gesvd on every engine with A (lda = m + 2, NaN padding, odd offset), U (ldu = m + 1), V (ldv = n + 3). */
function gesvd(label: string, job: number, A: Dense): SvdOut {
  const { m, n } = A;
  const k = Math.min(m, n);
  const lda = Math.max(1, m) + 2;
  const ldu = Math.max(1, m) + 1;
  const ldv = Math.max(1, n) + 3;
  const ucols = job === 2 ? m : job === 1 ? k : 0;
  const vcols = job === 2 ? n : job === 1 ? k : 0;
  const r = runKernel(`${label} job=${job}`, 'gesvd', (c) => [
    job, m, n, c.out(colMajor(A, lda), matW(m, n, lda), 1), lda, c.out(nan(k), vecW(k, 1)),
    c.out(nan(ldu * Math.max(ucols, 1)), matW(m, ucols, ldu)), ldu,
    c.out(nan(ldv * Math.max(vcols, 1)), matW(n, vcols, ldv), 1), ldv, c.work(scratch('gesvdScratch', m, n, job)),
  ]);
  return {
    info: r.ret!,
    s: r.bufs[1]!.slice(0, k),
    U: fromColMajor(r.bufs[2]!, m, ucols, ldu),
    Vt: transposeFromColMajor(r.bufs[3]!, n, vcols, ldv),
  };
}

/** Every check of one matrix: jobs 0, 1, 2; returns the values. */
function checkGesvd(label: string, kind: string, A: Dense, sigma: Float64Array | null, jobs: readonly number[] = [0, 1, 2]): Float64Array {
  const { m, n } = A;
  const k = Math.min(m, n);
  const out = new Map<number, SvdOut>();
  for (const job of jobs) {
    const r = gesvd(label, job, A);
    if (r.info !== 0) assert.fail(`${label} job=${job}: status ${r.info}`);
    const bad = notSorted(r.s);
    if (bad >= 0) assert.fail(`${label} job=${job}: σ not descending and ≥ 0 at ${bad}: ${Array.from(r.s)}`);
    out.set(job, r);
    if (job === 0) continue;
    expectRatio(`${label} job=${job}: ‖A − UΣVᵀ‖₁/(‖A‖₁·max(m,n)·ε)`, residRatio(A, r.U, r.s, r.Vt), `gesvd resid ${kind}`);
    expectRatio(`${label} job=${job}: ‖UᵀU − I‖₁/(m·ε)`, orthColsRatio(r.U), `gesvd orthU ${kind}`);
    expectRatio(`${label} job=${job}: ‖VᵀV − I‖₁/(n·ε)`, orthRowsRatio(r.Vt), `gesvd orthV ${kind}`);
    const row = signConventionHolds(r.Vt);
    if (row >= 0) assert.fail(`${label} job=${job}: row ${row} of Vᵀ breaks the sign convention (largest |entry| > 0)`);
  }
  const thin = out.get(1);
  const full = out.get(2);
  const vals = out.get(0);
  const s = (thin ?? full ?? vals)!.s;
  // jobs 1 and 2 run the same bidiagonal QR: the same bits; values only (job 0) may take another
  // algorithm (dqds), so it is held to the singular-value bound instead
  if (thin !== undefined && full !== undefined) expectBitwise(`${label}: σ of job 2 vs job 1`, full.s, thin.s);
  if (vals !== undefined && (thin ?? full) !== undefined) {
    expectRatio(`${label}: σ values only vs with vectors, max|Δσ|/(max(m,n)·ε·σ₀)`, svalRatio(vals.s, s, m, n), `gesvd σ job 0 vs 1 ${kind}`);
  }
  if (thin !== undefined && full !== undefined) {
    expectBitwise(`${label}: thin U = leading columns of full U`, thin.U.a, leadCols(full.U, k).a);
    expectBitwise(`${label}: thin Vᵀ = leading rows of full Vᵀ`, thin.Vt.a, full.Vt.a.subarray(0, k * n));
  }
  if (sigma !== null) expectRatio(`${label}: max|σ̂ − σ|/(max(m,n)·ε·σ₀)`, svalRatio(s, sigma, m, n), `gesvd σ ${kind}`);
  return s;
}

const SHAPES: readonly (readonly [number, number])[] = [
  [0, 0], [0, 3], [3, 0], [1, 1], [1, 7], [7, 1], [2, 2], [3, 2], [2, 3], [37, 13], [13, 37], [33, 33],
];

describe('gesvd', () => {
  it('LAPACK ratios < 30 and σ within 30·max(m,n)·ε·σ₀ on every SVD type, jobs 0/1/2, 0×0 … 33×33', () => {
    for (const [m, n] of SHAPES) {
      for (const T of svdTestMatrices(m, n, 11)) checkGesvd(`gesvd ${T.name} ${m}×${n}`, T.name, T.A, T.sigma);
    }
  });

  it('larger shapes under the default blocks: two 32-wide gebrd panels, QR first at 130×70, rotations past one batch', () => {
    for (const [m, n] of [[65, 64], [64, 65], [130, 70], [70, 130]] as const) {
      for (const kind of ['random', 'graded', 'geometric', 'near underflow'] as SvdType[]) {
        const T = svdTestMatrix(kind, m, n, m + 3 * n);
        checkGesvd(`gesvd ${kind} ${m}×${n}`, kind, T.A, T.sigma);
      }
    }
  });

  it('odd panel widths (1, 2, 3, 5), tiny GEMM blocks and rotation batches of 1 and 3 sweeps', () => {
    const kinds: SvdType[] = ['random', 'geometric', 'graded', 'rank deficient', 'clustered at 1', 'near underflow'];
    for (const [nb, gemm] of PANELS) {
      for (const sweeps of [1, 3]) {
        withTuning({ ...panels(nb, gemm), bdsqrSweeps: sweeps }, () => {
          for (const [m, n] of [[37, 13], [13, 37], [33, 33], [40, 33]] as const) {
            for (const kind of kinds) {
              const T = svdTestMatrix(kind, m, n, 5 * m + n);
              checkGesvd(`gesvd nb=${nb} sweeps=${sweeps} ${kind} ${m}×${n}`, kind, T.A, T.sigma, [1, 2]);
            }
          }
        });
      }
    }
  });

  it('the split fused pass of labrd (brdPanelMin 1 and 300: every step, or the first ones): every SVD type, ratios < 30, σ ≈ the unsplit pass\'s', () => {
    for (const [nb, gemm] of [[null, {}], PANELS[2]!, PANELS[3]!] as const) {
      for (const [m, n] of [[37, 13], [13, 37], [33, 33], [9, 9], [70, 41]] as const) {
        for (const T of svdTestMatrices(m, n, 17)) {
          const base = withTuning(panels(nb, gemm), () => checkGesvd(`gesvd nb=${nb ?? 'default'} ${T.name} ${m}×${n}`, T.name, T.A, T.sigma, [1]));
          for (const min of [1, 300]) {
            const s = withTuning({ ...panels(nb, gemm), brdPanelMin: min }, () =>
              checkGesvd(`gesvd split pass (brdPanelMin ${min}) nb=${nb ?? 'default'} ${T.name} ${m}×${n}`, T.name, T.A, T.sigma, [1, 2]));
            expectRatio(`gesvd ${T.name} ${m}×${n} brdPanelMin ${min}: σ vs the unsplit pass's`, svalRatio(s, base, m, n), `gesvd σ split vs unsplit ${T.name}`);
          }
        }
      }
    }
  });

  it('gesvdQrRatio forces the QR-first path on (1.01) and off (1000): both pass, and agree', () => {
    for (const [m, n] of [[40, 33], [33, 40], [80, 13], [13, 80], [37, 13]] as const) {
      for (const kind of ['random', 'geometric', 'graded', 'rank deficient'] as SvdType[]) {
        const T = svdTestMatrix(kind, m, n, 3 * m + 7 * n);
        const values: Float64Array[] = [];
        for (const [ratioSet, path] of [[1.01, 'QR first'], [1000, 'direct']] as const) {
          values.push(withTuning({ gesvdQrRatio: ratioSet }, () => checkGesvd(`gesvd ${path} ${kind} ${m}×${n}`, kind, T.A, T.sigma, [0, 1, 2])));
        }
        const both = svalRatio(values[0]!, values[1]!, m, n);
        expectRatio(`gesvd ${kind} ${m}×${n}: QR-first σ vs direct σ`, both, 'gesvd σ QR-first vs direct');
      }
      const wq = withTuning({ gesvdQrRatio: 1.01 }, () => scratch('gesvdScratch', m, n, 1));
      const wd = withTuning({ gesvdQrRatio: 1000 }, () => scratch('gesvdScratch', m, n, 1));
      // the two paths size their workspace differently (the QR path keeps R, k×k): the setting took effect
      expect(wq, `${m}×${n}: QR-first workspace vs direct`).not.toBe(wd);
    }
  });

  it('NaN / ±Inf in A: status k, σ, U, V all NaN (no iteration)', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      for (const [m, n] of [[6, 4], [4, 6]] as const) {
        const A = randn(new Rng(m * n), m, n);
        A.a[7] = bad;
        for (const job of [0, 1, 2]) {
          const r = gesvd(`gesvd ${bad} ${m}×${n}`, job, A);
          expect(r.info, `${bad} ${m}×${n} job ${job}: status`).toBe(4);
          expect(Array.from(r.s).every(Number.isNaN), 'σ NaN').toBe(true);
          expect(Array.from(r.U.a).every(Number.isNaN) && Array.from(r.Vt.a).every(Number.isNaN), 'U, V NaN').toBe(true);
        }
      }
    }
  });

  it('empty A: status 0, nothing written but the identities of a full U (m×m) and V (n×n)', () => {
    for (const [m, n] of [[0, 0], [0, 5], [5, 0]] as const) {
      for (const job of [0, 1, 2]) {
        const r = gesvd(`gesvd ${m}×${n}`, job, dense(m, n));
        expect(r.info).toBe(0);
        if (job === 2) {
          expect(Array.from(r.U.a), `${m}×${n}: U`).toEqual(Array.from(eye(m).a));
          expect(Array.from(r.Vt.a), `${m}×${n}: Vᵀ`).toEqual(Array.from(eye(n).a));
        }
      }
    }
  });

  it('bdsqrMaxIter 1: a nonzero status at once, never a hang; the default comes back', () => {
    const t0 = performance.now();
    // values only: dqds first, bdsqr as its fallback, so both caps
    withTuning({ bdsqrMaxIter: 1, lasqMaxIter: 1 }, () => {
      for (const [m, n] of [[30, 30], [40, 25], [25, 40]] as const) {
        for (const job of [0, 1]) {
          const A = randn(new Rng(m + n + job), m, n);
          const r = gesvd(`gesvd maxit=1 ${m}×${n}`, job, A);
          expect(r.info, `${m}×${n} job ${job}: status with maxit 1`).toBeGreaterThan(0);
          expect(r.info).toBeLessThan(Math.min(m, n));
        }
      }
    });
    expect(performance.now() - t0, 'ms for 6 capped runs on 3 engines').toBeLessThan(5000);
    for (const job of [0, 1]) expect(gesvd('gesvd after restore', job, randn(new Rng(1), 30, 30)).info).toBe(0);
  });
});

// ---- bidiagonalisation ------------------------------------------------------------------------------

interface Brd {
  ret: number;
  /** The factored A (column-major, lda). */
  F: Float64Array;
  d: Float64Array;
  e: Float64Array;
  tauq: Float64Array;
  taup: Float64Array;
}

function bidiagonalise(fn: 'gebd2' | 'gebrd', A: Dense, lda: number): Brd {
  const { m, n } = A;
  const r = runKernel(`${fn} ${m}×${n}`, fn, (c) => [
    m, n, c.out(colMajor(A, lda), matW(m, n, lda), 1), lda, c.out(nan(n), vecW(n, 1)), c.out(nan(n - 1), vecW(n - 1, 1)),
    c.out(nan(n), vecW(n, 1)), c.out(nan(n), vecW(n, 1)), c.work(fn === 'gebd2' ? Math.max(m, n) : scratch('gebrdScratch', m, n)),
  ]);
  return { ret: r.ret!, F: r.bufs[0]!, d: r.bufs[1]!.slice(0, n), e: r.bufs[2]!.slice(0, Math.max(0, n - 1)), tauq: r.bufs[3]!, taup: r.bufs[4]! };
}

/** Q[:, 0:cols] (m×cols) from the τq reflectors of F. */
function formQ(F: Float64Array, m: number, n: number, lda: number, tauq: Float64Array, cols: number): Dense {
  const ldq = m + 1;
  const r = runKernel(`orgbr Q ${m}×${cols}`, 'orgbr', (c) => [
    0, m, cols, n, c.in(F), lda, c.in(tauq), c.out(nan(ldq * cols), matW(m, cols, ldq)), ldq, c.work(scratch('orgbrScratch', 0, m, cols, n)),
  ]);
  expect(r.ret).toBe(0);
  return fromColMajor(r.bufs[2]!, m, cols, ldq);
}

/** P (n×n) from the τp reflectors of F. */
function formP(F: Float64Array, n: number, lda: number, taup: Float64Array): Dense {
  const ldp = n + 3;
  const r = runKernel(`orgbr P ${n}×${n}`, 'orgbr', (c) => [
    1, n, n, Math.max(0, n - 1), c.in(F), lda, c.in(taup), c.out(nan(ldp * n), matW(n, n, ldp), 1), ldp,
    c.work(scratch('orgbrScratch', 1, n, n, n - 1)),
  ]);
  expect(r.ret).toBe(0);
  return fromColMajor(r.bufs[2]!, n, n, ldp);
}

/** ‖A − Q·B·Pᵀ‖₁/(‖A‖₁·max(m, n)·ε) on 2^p-scaled data, B = bidiag(d, e). */
function brdRatio(A: Dense, Q: Dense, d: Float64Array, e: Float64Array, P: Dense): number {
  const { m, n } = A;
  const p = unitExponent(A.a);
  const R = dense(m, n, A.a.map((v) => scale2(v, p)));
  const an = norm1(R);
  // (Q·B)[:, j] = d_j·Q[:, j] + e_{j−1}·Q[:, j−1]
  const QB = dense(m, n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      QB.a[i * n + j] = scale2(d[j]!, p) * Q.a[i * n + j]! + (j > 0 ? scale2(e[j - 1]!, p) * Q.a[i * n + j - 1]! : 0);
    }
  }
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = R.a[i * n + j]!;
      for (let l = 0; l < n; l++) s -= QB.a[i * n + l]! * P.a[j * n + l]!;
      R.a[i * n + j] = s;
    }
  }
  return ratio(norm1(R), Math.max(an, scale2(TINY, p)), Math.max(m, n), EPS);
}

function checkBrd(label: string, kind: string, A: Dense, b: Brd, lda: number): void {
  const { m, n } = A;
  expect(b.ret, `${label}: status`).toBe(0);
  for (let i = 0; i < n; i++) {
    if (!Object.is(b.F[i + i * lda], b.d[i])) assert.fail(`${label}: d[${i}] is not A[${i},${i}]`);
    if (i + 1 < n && !Object.is(b.F[i + (i + 1) * lda], b.e[i])) assert.fail(`${label}: e[${i}] is not A[${i},${i + 1}]`);
    for (const [t, name] of [[b.tauq[i]!, 'τq'], [b.taup[i]!, 'τp']] as const) {
      if (!(t === 0 || (t >= 1 && t <= 2))) assert.fail(`${label}: ${name}[${i}] = ${t} outside {0} ∪ [1, 2]`);
    }
  }
  if (n > 0 && b.taup[n - 1] !== 0) assert.fail(`${label}: τp[n−1] = ${b.taup[n - 1]}, not 0`);
  const Q = formQ(b.F, m, n, lda, b.tauq, n);
  const P = formP(b.F, n, lda, b.taup);
  expectRatio(`${label}: ‖A − QBPᵀ‖₁/(‖A‖₁·max(m,n)·ε)`, brdRatio(A, Q, b.d, b.e, P), `brd resid ${kind}`);
  expectRatio(`${label}: ‖QᵀQ − I‖₁/(m·ε) (thin)`, orthColsRatio(Q), `brd orthQ ${kind}`);
  expectRatio(`${label}: ‖PᵀP − I‖₁/(n·ε)`, orthColsRatio(P), `brd orthP ${kind}`);
  for (let j = 1; j < n; j++) if (P.a[j] !== 0 || P.a[j * n] !== 0) assert.fail(`${label}: P's first row/column is not e₀`);
  if (n > 0 && P.a[0] !== 1) assert.fail(`${label}: P[0,0] ≠ 1`);
  if (m > n) {
    const Qc = formQ(b.F, m, n, lda, b.tauq, m);
    expectRatio(`${label}: ‖QᵀQ − I‖₁/(m·ε) (complete)`, orthColsRatio(Qc), `brd orthQ ${kind}`);
    expectBitwise(`${label}: thin Q = leading columns of the complete Q`, Q.a, leadCols(Qc, n).a);
  }
}

const BRD_SHAPES: readonly (readonly [number, number])[] = [[1, 1], [5, 1], [2, 2], [7, 7], [37, 13], [33, 33], [40, 33], [70, 64]];
const BRD_KINDS: SvdType[] = ['random', 'graded', 'rank deficient', 'near overflow', 'zero', 'subnormal'];

describe('gebd2 / gebrd / orgbr', () => {
  it('gebd2 and gebrd (default and panels 1, 2, 3, 5 with tiny GEMM blocks): ratios < 30, layout as documented', () => {
    for (const [m, n] of BRD_SHAPES) {
      for (const kind of BRD_KINDS) {
        const A = svdTestMatrix(kind, m, n, m * 13 + n).A;
        const lda = m + 2;
        const u = bidiagonalise('gebd2', A, lda);
        checkBrd(`gebd2 ${kind} ${m}×${n}`, kind, A, u, lda);
        for (const [nb, gemm] of [[null, {}], ...PANELS] as const) {
          withTuning(panels(nb, gemm), () => {
            const label = `gebrd nb=${nb ?? 'default'} ${kind} ${m}×${n}`;
            const b = bidiagonalise('gebrd', A, lda);
            checkBrd(label, kind, A, b, lda);
            if ((nb ?? 32) >= n) {
              // one panel covers the matrix: gebrd is gebd2, bit for bit
              expectBitwise(`${label}: ≡ gebd2 (F)`, b.F, u.F);
              expectBitwise(`${label}: ≡ gebd2 (τq)`, b.tauq, u.tauq);
              expectBitwise(`${label}: ≡ gebd2 (τp)`, b.taup, u.taup);
            }
          });
        }
      }
    }
  });

  it('gebrd with the split fused pass (brdPanelMin 1, or crossing mid-matrix): ratios < 30, d, e ≈ the unsplit pass\'s', () => {
    for (const [m, n] of [...BRD_SHAPES, [3, 3], [10, 9], [41, 40], [100, 60]] as const) {
      for (const kind of BRD_KINDS) {
        const A = svdTestMatrix(kind, m, n, m * 7 + n).A;
        const lda = m + 3;
        for (const [nb, gemm] of [[null, {}], PANELS[0]!, PANELS[2]!] as const) {
          const base = withTuning(panels(nb, gemm), () => bidiagonalise('gebrd', A, lda));
          // 1: every step split; m·n/2: the steps on the larger trailing blocks split, the rest not
          for (const min of [1, Math.ceil((m * n) / 2)]) {
            withTuning({ ...panels(nb, gemm), brdPanelMin: min }, () => {
              const label = `gebrd split pass (brdPanelMin ${min}) nb=${nb ?? 'default'} ${kind} ${m}×${n}`;
              const b = bidiagonalise('gebrd', A, lda);
              checkBrd(label, kind, A, b, lda);
              const scale = Math.max(m, n) * EPS * norm1(A);
              let worst = 0;
              for (let i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(b.d[i]! - base.d[i]!) / scale);
                if (i + 1 < n) worst = Math.max(worst, Math.abs(b.e[i]! - base.e[i]!) / scale);
              }
              if (scale > 0) expectRatio(`${label}: max|d, e − unsplit|/(max(m,n)·ε·‖A‖₁)`, worst, 'gebrd split vs unsplit');
            });
          }
        }
      }
    }
  });

  it('m < n: gebd2 and gebrd return −1 and write nothing', () => {
    const A = randn(new Rng(3), 3, 5);
    for (const fn of ['gebd2', 'gebrd'] as const) {
      const r = runKernel(`${fn} 3×5`, fn, (c) => [
        3, 5, c.out(colMajor(A, 3), () => false), 3, c.out(nan(5), () => false), c.out(nan(4), () => false),
        c.out(nan(5), () => false), c.out(nan(5), () => false), c.work(64),
      ]);
      expect(r.ret, fn).toBe(-1);
    }
  });

  it('orgbr: in place (vect 0, W = A) ≡ out of place; inconsistent sizes → −1, nothing written', () => {
    for (const [m, n] of [[37, 13], [33, 33], [5, 1]] as const) {
      const A = randn(new Rng(m), m, n);
      const lda = m + 2;
      const b = bidiagonalise('gebd2', A, lda);
      const Q = formQ(b.F, m, n, lda, b.tauq, n);
      const r = runKernel(`orgbr in place ${m}×${n}`, 'orgbr', (c) => {
        const F = c.out(b.F, matW(m, n, lda));
        return [0, m, n, n, F, lda, c.in(b.tauq), F, lda, c.work(scratch('orgbrScratch', 0, m, n, n))];
      });
      expectBitwise(`orgbr in place ${m}×${n}`, fromColMajor(r.bufs[0]!, m, n, lda).a, Q.a);
    }
    const F = colMajor(randn(new Rng(9), 6, 4));
    for (const [vect, m, n, k] of [[0, 6, 7, 4], [0, 6, 4, 5], [1, 4, 4, 4], [1, 4, 5, 3]] as const) {
      const r = runKernel(`orgbr bad ${vect} ${m} ${n} ${k}`, 'orgbr', (c) => [
        vect, m, n, k, c.in(F), 6, c.in(nan(8)), c.out(nan(8 * 8), () => false), 8, c.work(256),
      ]);
      expect(r.ret, `orgbr(vect ${vect}, m ${m}, n ${n}, k ${k})`).toBe(-1);
    }
  });

  it('labrd (unsplit and split fused pass): A₂₂ and V above its unit untouched, V holds the v’s, the panel ≈ gebd2’s first nb steps', () => {
    for (const [m, n, nb, min] of [[9, 7, 3, 0], [37, 13, 5, 0], [33, 33, 1, 0], [20, 20, 8, 0], [9, 7, 3, 1], [37, 13, 5, 300], [33, 33, 1, 1], [20, 20, 8, 1], [41, 40, 9, 1]] as const) {
      withTuning(min > 0 ? { brdPanelMin: min } : {}, () => {
      const A = randn(new Rng(m * nb), m, n);
      const lda = m + 1;
      const ldx = m + 2;
      const ldy = n + 1;
      const ldv = n + 3;
      const r = runKernel(`labrd ${m}×${n} nb=${nb} brdPanelMin=${min || 'default'}`, 'labrd', (c) => [
        m, n, nb, c.out(colMajor(A, lda), (idx) => {
          const i = idx % lda;
          const j = Math.floor(idx / lda);
          return i < m && j < n && (i < nb || j < nb);
        }, 1), lda,
        c.out(nan(nb), vecW(nb, 1)), c.out(nan(nb), vecW(nb, 1)), c.out(nan(nb), vecW(nb, 1)), c.out(nan(nb), vecW(nb, 1)),
        c.out(nan(ldx * nb), matW(m, nb, ldx)), ldx, c.out(nan(ldy * nb), matW(n, nb, ldy)), ldy,
        c.out(nan(ldv * nb), (idx) => {
          const i = idx % ldv;
          const j = Math.floor(idx / ldv);
          return i < n && j < nb && i > j;
        }), ldv, c.work(scratch('labrdScratch', m, n)),
      ]);
      const F = r.bufs[0]!;
      const V = r.bufs[7]!;
      for (let i = 0; i < nb; i++) {
        if (i + 1 < n && V[i + 1 + i * ldv] !== 1) assert.fail(`labrd: V[${i + 1},${i}] = ${V[i + 1 + i * ldv]}, not 1`);
        for (let t = i + 2; t < n; t++) {
          if (!Object.is(V[t + i * ldv], F[i + t * lda])) assert.fail(`labrd: V[${t},${i}] is not A[${i},${t}]`);
        }
      }
      const u = bidiagonalise('gebd2', A, m);
      const scale = Math.max(m, n) * EPS * norm1(A);
      const dl = r.bufs[1]!;
      const el = r.bufs[2]!;
      let worst = 0;
      for (let i = 0; i < nb; i++) {
        worst = Math.max(worst, Math.abs(dl[i]! - u.d[i]!) / scale);
        if (i + 1 < n) worst = Math.max(worst, Math.abs(el[i]! - u.e[i]!) / scale);
      }
      expectRatio(`labrd ${m}×${n} nb=${nb} brdPanelMin=${min || 'default'}: max|d, e − gebd2's|/(max(m,n)·ε·‖A‖₁)`, worst, 'labrd vs gebd2');
      });
    }
  });
});

// ---- bdsqr --------------------------------------------------------------------------------------------

interface BdOut {
  ret: number;
  s: Float64Array;
  e: Float64Array;
  U: Dense;
  V: Dense;
}

/** bdsqr on every engine; with vectors U = V = I (n×n, ldu = n + 2, ldv = n + 1, NaN padding). */
function bdsqr(label: string, d: ArrayLike<number>, e: ArrayLike<number>, vectors: boolean): BdOut {
  const n = d.length;
  const ldv = n + 1;
  const ldu = n + 2;
  const I = (ld: number): Float64Array => {
    const x = nan(ld * n);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) x[i + j * ld] = i === j ? 1 : 0;
    return x;
  };
  const nv = vectors ? n : 0;
  const r = runKernel(`${label}${vectors ? '' : ' (values)'}`, 'bdsqr', (c) => [
    n, nv, nv, c.out(Float64Array.from(d), vecW(n, 1), 1), c.out(e.length > 0 ? Float64Array.from(e) : nan(1), vecW(n - 1, 1)),
    c.out(vectors ? I(ldv) : nan(4), vectors ? matW(n, n, ldv) : () => false), vectors ? ldv : 1,
    c.out(vectors ? I(ldu) : nan(4), vectors ? matW(n, n, ldu) : () => false), vectors ? ldu : 1,
    c.work(scratch('bdsqrScratch', n, nv, nv)),
  ]);
  return {
    ret: r.ret!,
    s: r.bufs[0]!.slice(0, n),
    e: r.bufs[1]!.slice(0, Math.max(0, n - 1)),
    U: vectors ? fromColMajor(r.bufs[3]!, n, n, ldu) : dense(0, 0),
    V: vectors ? fromColMajor(r.bufs[2]!, n, n, ldv) : dense(0, 0),
  };
}

function bidiagonalDense(d: ArrayLike<number>, e: ArrayLike<number>): Dense {
  const n = d.length;
  const B = dense(n, n);
  for (let i = 0; i < n; i++) {
    B.a[i * n + i] = d[i]!;
    if (i + 1 < n) B.a[i * n + i + 1] = e[i]!;
  }
  return B;
}

function transposeD(X: Dense): Dense {
  const T = dense(X.n, X.m);
  for (let i = 0; i < X.m; i++) for (let j = 0; j < X.n; j++) T.a[j * X.m + i] = X.a[i * X.n + j]!;
  return T;
}

/**
 * Singular values below FLOOR = 2^-1022/ε ≈ 1e-292 cannot be relatively accurate (they pass through
 * the subnormal range, and bdsqr's absolute threshold 6n²·2^-1022 lives there): below it, the error is
 * measured against n·ε·FLOOR.
 */
const FLOOR = TINY / EPS;

/** maxᵢ |σ̂ᵢ − σᵢ| / (n·ε·max(σᵢ, floor)): relative accuracy of every singular value above `floor`. */
function relRatio(got: Float64Array, ref: ArrayLike<number>, floor = FLOOR): number {
  const n = got.length;
  let w = 0;
  for (let i = 0; i < n; i++) {
    const r = Math.abs(got[i]! - ref[i]!) / (n * EPS * Math.max(ref[i]!, floor));
    if (!(r <= w)) w = r;
  }
  return w;
}

/** The bidiagonal test types (Demmel & Kahan 1990's hard cases among them), n ≥ 2. */
function bidiagonals(rng: Rng, n: number): { type: string; d: number[]; e: number[] }[] {
  const u = (): number => 2 * rng.uniform() - 1;
  const list = [
    // graded down / up: σ spread over ≈ 6n decades; bulges must be chased the right way
    { type: 'graded down', d: Array.from({ length: n }, (_, i) => 1e-6 ** i * (1 + rng.uniform())), e: Array.from({ length: n - 1 }, (_, i) => 1e-6 ** (i + 0.5) * u()) },
    { type: 'graded up', d: Array.from({ length: n }, (_, i) => 1e-6 ** (n - 1 - i) * (1 + rng.uniform())), e: Array.from({ length: n - 1 }, (_, i) => 1e-6 ** (n - 1.5 - i) * u()) },
    // random exponents in [−40, 40]
    { type: 'wild exponents', d: Array.from({ length: n }, () => u() * 10 ** (80 * rng.uniform() - 40)), e: Array.from({ length: n - 1 }, () => u() * 10 ** (80 * rng.uniform() - 40)) },
    // Toeplitz d = e = 1: σ in (0, 2), no grading
    { type: 'toeplitz', d: Array.from({ length: n }, () => 1), e: Array.from({ length: n - 1 }, () => 1) },
    // one tiny pivot: σmin ≈ 1e-200 — the zero-shift sweeps
    { type: 'tiny pivot', d: Array.from({ length: n }, (_, i) => (i === n >> 1 ? 1e-200 : 1 + rng.uniform())), e: Array.from({ length: n - 1 }, () => 0.5 + rng.uniform()) },
    // tiny off-diagonals: splitting
    { type: 'tiny e', d: Array.from({ length: n }, () => u()), e: Array.from({ length: n - 1 }, (_, i) => (i % 3 === 1 ? 1e-250 : u())) },
  ];
  // an exact zero on the diagonal: σmin = 0
  if (n > 2) list.push({ type: 'zero pivot', d: Array.from({ length: n }, (_, i) => (i === 1 ? 0 : 1 + rng.uniform())), e: Array.from({ length: n - 1 }, () => u()) });
  return list;
}

describe('bdsqr', () => {
  it('every σ within 30·n·ε relative of double-double bisection; U, V ratios < 30; values only ≡ with vectors', () => {
    const rng = new Rng(2024);
    for (const n of [2, 3, 5, 12, 30]) {
      for (const { type, d, e } of bidiagonals(rng, n)) {
        const label = `bdsqr ${type} n=${n}`;
        const v = bdsqr(label, d, e, true);
        expect(v.ret, `${label}: status`).toBe(0);
        const bad = notSorted(v.s);
        if (bad >= 0) assert.fail(`${label}: σ not descending and ≥ 0 at ${bad}`);
        expect(Array.from(v.e).every((x) => x === 0), `${label}: e zero on success`).toBe(true);
        const B = bidiagonalDense(d, e);
        expectRatio(`${label}: ‖B − UΣVᵀ‖₁/(‖B‖₁·n·ε)`, residRatio(B, v.U, v.s, transposeD(v.V)), `bdsqr resid ${type}`);
        expectRatio(`${label}: ‖UᵀU − I‖₁/(n·ε)`, orthColsRatio(v.U), `bdsqr orth ${type}`);
        expectRatio(`${label}: ‖VᵀV − I‖₁/(n·ε)`, orthColsRatio(v.V), `bdsqr orth ${type}`);
        const ref = bidiagSvals(d, e);
        expectRatio(`${label}: max|σ̂ − σ|/(n·ε·σ) against bisection`, relRatio(v.s, ref), `bdsqr relative σ ${type}`);
        const o = bdsqr(label, d, e, false);
        expect(o.ret).toBe(0);
        expectBitwise(`${label}: values only ≡ with vectors`, o.s, v.s);
      }
    }
  });

  it('2×2 on a grid of extreme entries (every lasv2 branch): σ within 30·n·ε relative of the closed form', () => {
    const v = [0, 1, -1, 3, -1e-8, 1e-200, -1e200, 1e-300, 7e299, 2.5];
    let worst = 0;
    for (const f of v) {
      for (const g of v) {
        for (const h of v) {
          if (f === 0 && g === 0 && h === 0) continue;
          const label = `bdsqr 2×2 [${f} ${g}; 0 ${h}]`;
          const r = bdsqr(label, [f, h], [g], true);
          expect(r.ret, label).toBe(0);
          const ref = svd2x2(f, g, h);
          const rel = relRatio(r.s, ref);
          if (!(rel < THRESH)) assert.fail(`${label}: σ̂ = ${Array.from(r.s)}, closed form ${ref}: ratio ${rel.toPrecision(4)}`);
          worst = Math.max(worst, rel);
          expectRatio(`${label}: ‖B − UΣVᵀ‖`, residRatio(bidiagonalDense([f, h], [g]), r.U, r.s, transposeD(r.V)), 'bdsqr 2×2 resid');
          expectRatio(`${label}: U orth`, orthColsRatio(r.U), 'bdsqr 2×2 orth');
          expectRatio(`${label}: V orth`, orthColsRatio(r.V), 'bdsqr 2×2 orth');
        }
      }
    }
    expectRatio('bdsqr 2×2 grid: worst relative σ', worst, 'bdsqr 2×2 relative σ');
  });

  it('the reference itself: bisection = closed form on 2×2 (both independent of bdsqr)', () => {
    for (const [f, g, h] of [[1, 1, 1], [3, -1e-8, 2.5], [1e-200, 1, 1], [2.5, 7e-3, -1], [1, 1e20, 1]] as const) {
      const a = bidiagSvals([f, h], [g]);
      const b = svd2x2(f, g, h);
      expect(relRatio(a, b), `[${f} ${g}; 0 ${h}]`).toBeLessThan(1);
    }
  });

  it('the rotation batch (bdsqrSweeps 1, 3, 32) changes no bit of σ, U, V', () => {
    const rng = new Rng(77);
    for (const n of [12, 30]) {
      for (const { type, d, e } of bidiagonals(rng, n)) {
        const ref = bdsqr(`bdsqr ${type} n=${n}`, d, e, true);
        for (const k of [1, 3]) {
          const r = withTuning({ bdsqrSweeps: k }, () => bdsqr(`bdsqr sweeps=${k} ${type} n=${n}`, d, e, true));
          expectBitwise(`sweeps ${k} ${type}: σ`, r.s, ref.s);
          expectBitwise(`sweeps ${k} ${type}: U`, r.U.a, ref.U.a);
          expectBitwise(`sweeps ${k} ${type}: V`, r.V.a, ref.V.a);
        }
      }
    }
    // a kernel-level check that the workspace really depends on the batch (the setting took effect)
    const w1 = withTuning({ bdsqrSweeps: 1 }, () => scratch('bdsqrScratch', 30, 30, 30));
    expect(w1).toBeLessThan(scratch('bdsqrScratch', 30, 30, 30));
  });

  it('bdsqrMaxIter 1: status = number of nonzero e, quickly; B₀ = U·B·Vᵀ and U, V orthogonal still hold', () => {
    const rng = new Rng(5);
    const t0 = performance.now();
    for (const n of [5, 30, 64]) {
      const d = Array.from({ length: n }, () => rng.normal());
      const e = Array.from({ length: n - 1 }, () => rng.normal());
      const r = withTuning({ bdsqrMaxIter: 1 }, () => bdsqr(`bdsqr maxit=1 n=${n}`, d, e, true));
      const nonzero = Array.from(r.e).filter((x) => x !== 0).length;
      expect(r.ret, `n=${n}: status`).toBeGreaterThan(0);
      expect(r.ret, `n=${n}: status = nonzero off-diagonals left`).toBe(nonzero);
      const Bcur = bidiagonalDense(r.s, r.e);
      // B₀ − U·B·Vᵀ, with B the current (unconverged) bidiagonal
      const B0 = bidiagonalDense(d, e);
      const UB = dense(n, n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        let s = 0;
        for (let l = 0; l < n; l++) s += r.U.a[i * n + l]! * Bcur.a[l * n + j]!;
        UB.a[i * n + j] = s;
      }
      const R = dense(n, n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        let s = B0.a[i * n + j]!;
        for (let l = 0; l < n; l++) s -= UB.a[i * n + l]! * r.V.a[j * n + l]!;
        R.a[i * n + j] = s;
      }
      expectRatio(`bdsqr maxit=1 n=${n}: ‖B₀ − U·B·Vᵀ‖₁/(‖B₀‖₁·n·ε)`, ratio(norm1(R), norm1(B0), n, EPS), 'bdsqr capped resid');
      expectRatio(`bdsqr maxit=1 n=${n}: U orth`, orthColsRatio(r.U), 'bdsqr capped orth');
      expectRatio(`bdsqr maxit=1 n=${n}: V orth`, orthColsRatio(r.V), 'bdsqr capped orth');
    }
    expect(performance.now() - t0, 'ms').toBeLessThan(3000);
  });

  it('NaN in d or e terminates at the default cap with a nonzero status (never a hang)', () => {
    const t0 = performance.now();
    for (const [where, n] of [['d', 10], ['e', 10], ['d', 40]] as const) {
      const d = Array.from({ length: n }, (_, i) => 1 + i);
      const e = Array.from({ length: n - 1 }, () => 0.5);
      if (where === 'd') d[3] = NaN;
      else e[3] = NaN;
      for (const vectors of [false, true]) {
        const r = bdsqr(`bdsqr NaN in ${where} n=${n}`, d, e, vectors);
        expect(r.ret, `NaN in ${where}, n=${n}`).toBeGreaterThan(0);
      }
    }
    expect(performance.now() - t0, 'ms').toBeLessThan(5000);
  });

  it('n = 0 and n = 1: σ = |d|, the column of V negated for d < 0, U untouched', () => {
    const r = bdsqr('bdsqr n=1', [-2.5], [], true);
    expect(r.ret).toBe(0);
    expect(Array.from(r.s)).toEqual([2.5]);
    expect(Array.from(r.V.a)).toEqual([-1]);
    expect(Array.from(r.U.a)).toEqual([1]);
    const z = runKernel('bdsqr n=0', 'bdsqr', (c) => [0, 0, 0, c.out(nan(1), () => false), c.out(nan(1), () => false), c.out(nan(1), () => false), 1, c.out(nan(1), () => false), 1, c.work(1)]);
    expect(z.ret).toBe(0);
  });
});

// ---- lasq (dqds) ---------------------------------------------------------------------------------------

/**
 * dqds works on the squares dᵢ², eᵢ² (scaled so the largest is ≈ 2^967): a quotient q_small/q̂_big of two
 * of them underflows once σ_small/σ₀ < ≈ 2^-510, and such σ come out as 0 (LAPACK's dlasq1 promises
 * relative accuracy "in the absence of underflow" for this reason). Relative accuracy is therefore
 * checked down to σ₀·2^-500, and below that the error is held to n·ε·σ₀·2^-500. bdsqr has no such
 * limit (see its test above), so gesvd's values-only path keeps it only down to this range.
 */
const LASQ_RANGE = 2 ** -500;

/** lasq on every engine: d (odd offset) overwritten by σ, e read only. */
function lasq(label: string, d: ArrayLike<number>, e: ArrayLike<number>): { ret: number; s: Float64Array } {
  const n = d.length;
  const r = runKernel(label, 'lasq', (c) => [
    n, c.out(Float64Array.from(d), vecW(n, 1), 1), c.in(e.length > 0 ? Float64Array.from(e) : nan(1)), c.work(scratch('lasqScratch', n)),
  ]);
  return { ret: r.ret!, s: r.bufs[0]!.slice(0, n) };
}

describe('lasq (dqds, the values-only path of gesvd)', () => {
  it('every σ ≥ σ₀·2^-500 within 30·n·ε relative of bisection, sorted, e untouched; the 2×2 grid against the closed form', (ctx) => {
    if (!hasKernel('lasq')) ctx.skip();
    const rng = new Rng(2024);
    for (const n of [2, 3, 5, 12, 30]) {
      for (const { type, d, e } of bidiagonals(rng, n)) {
        const label = `lasq ${type} n=${n}`;
        const r = lasq(label, d, e);
        expect(r.ret, `${label}: status`).toBe(0);
        const bad = notSorted(r.s);
        if (bad >= 0) assert.fail(`${label}: σ not descending and ≥ 0 at ${bad}: ${Array.from(r.s)}`);
        const ref = bidiagSvals(d, e);
        expectRatio(`${label}: max|σ̂ − σ|/(n·ε·max(σ, σ₀·2^-500)) against bisection`, relRatio(r.s, ref, Math.max(FLOOR, ref[0]! * LASQ_RANGE)), `lasq relative σ ${type}`);
      }
    }
    const v = [0, 1, -1, 3, -1e-8, 1e-200, -1e200, 1e-300, 7e299, 2.5];
    for (const f of v) {
      for (const g of v) {
        for (const h of v) {
          if (f === 0 && g === 0 && h === 0) continue;
          const label = `lasq 2×2 [${f} ${g}; 0 ${h}]`;
          const r = lasq(label, [f, h], [g]);
          expect(r.ret, label).toBe(0);
          const ref = svd2x2(f, g, h);
          const rel = relRatio(r.s, ref, Math.max(FLOOR, ref[0] * LASQ_RANGE));
          if (!(rel < THRESH)) assert.fail(`${label}: σ̂ = ${Array.from(r.s)}, closed form ${ref}: ratio ${rel.toPrecision(4)}`);
          expectRatio(label, rel, 'lasq 2×2 relative σ');
        }
      }
    }
  });

  // Regression: lasq once scaled a 2×2 so its largest entry was ≈ 2^483 before las2, and σmin =
  // |f·h|/σmax of [1 7e299; 0 1] (1/7e299, a normal number) underflowed to 0. LAPACK's dlasq1 calls
  // dlas2 on the unscaled entries, as bdsqr's lasv2 does.
  it('regression: lasq n = 2 keeps σmin = |f·h|/σmax of [1 7e299; 0 1] (the 2×2 is not scaled up to 2^483)', (ctx) => {
    if (!hasKernel('lasq')) ctx.skip();
    const r = lasq('lasq [1 7e299; 0 1]', [1, 1], [7e299]);
    const ref = svd2x2(1, 7e299, 1);
    expect(relRatio(r.s, ref), `σ̂ = ${Array.from(r.s)}, closed form ${ref}`).toBeLessThan(1);
  });

  it('NaN/Inf → status n with d all NaN; lasqMaxIter 1 → a nonzero status at once; n = 0, 1', (ctx) => {
    if (!hasKernel('lasq')) ctx.skip();
    for (const bad of [NaN, Infinity]) {
      const d = [1, 2, bad, 4, 5];
      const r = lasq(`lasq ${bad}`, d, [1, 1, 1, 1]);
      expect(r.ret).toBe(5);
      expect(Array.from(r.s).every(Number.isNaN)).toBe(true);
      const r2 = lasq(`lasq ${bad} in e`, [1, 2, 3], [1, bad]);
      expect(r2.ret).toBe(3);
    }
    const rng = new Rng(8);
    const t0 = performance.now();
    withTuning({ lasqMaxIter: 1 }, () => {
      for (const n of [5, 30, 64]) {
        const r = lasq(`lasq maxit=1 n=${n}`, Array.from({ length: n }, () => rng.normal()), Array.from({ length: n - 1 }, () => rng.normal()));
        expect(r.ret, `n=${n}`).toBeGreaterThan(0);
        expect(r.ret).toBeLessThanOrEqual(n);
      }
    });
    expect(performance.now() - t0, 'ms').toBeLessThan(3000);
    expect(lasq('lasq n=1', [-3], []).s[0]).toBe(3);
    expect(lasq('lasq n=0', [], []).ret).toBe(0);
  });
});

// ---- gesvd at 2×2 (gesvd2, closed form) -------------------------------------------------------------

describe('gesvd at 2×2 with vectors (gesvd2, closed form)', () => {
  /** gebrd + orgbr (Q, P) + bdsqr + gesvd's sign convention: what gesvd computed at 2×2 before gesvd2. */
  function general(A: Dense, label: string): { info: number; s: Float64Array; U: Dense; Vt: Dense } {
    const lda = 3;
    const b = bidiagonalise('gebrd', A, lda);
    const Q = formQ(b.F, 2, 2, lda, b.tauq, 2);
    const P = formP(b.F, 2, lda, b.taup);
    const r = runKernel(`${label}: bdsqr`, 'bdsqr', (c) => [
      2, 2, 2, c.out(b.d.slice(), vecW(2, 1), 1), c.out(b.e.slice(), vecW(1, 1)),
      c.out(colMajor(P, 2), matW(2, 2, 2)), 2, c.out(colMajor(Q, 2), matW(2, 2, 2)), 2, c.work(scratch('bdsqrScratch', 2, 2, 2)),
    ]);
    const V = r.bufs[2]!;
    const U = r.bufs[3]!;
    if (r.ret === 0) {
      for (let j = 0; j < 2; j++) {
        let big = -1;
        let val = 0;
        for (let i = 0; i < 2; i++) {
          if (Math.abs(V[i + 2 * j]!) > big) {
            big = Math.abs(V[i + 2 * j]!);
            val = V[i + 2 * j]!;
          }
        }
        if (val < 0) for (let i = 0; i < 2; i++) {
          V[i + 2 * j] = -V[i + 2 * j]!;
          U[i + 2 * j] = -U[i + 2 * j]!;
        }
      }
    }
    return { info: r.ret!, s: r.bufs[0]!.slice(0, 2), U: fromColMajor(U, 2, 2, 2), Vt: transposeFromColMajor(V, 2, 2, 2) };
  }

  it('bit for bit what gebrd + orgbr + bdsqr give (random, triangular, diagonal, zero, rank 1, tiny e, negative σ, wide range)', () => {
    const rng = new Rng(9200);
    const cases: [string, number[]][] = [
      ['zero', [0, 0, 0, 0]],
      ['identity', [1, 0, 0, 1]],
      ['diagonal, increasing', [1, 0, 0, 3]],
      ['diagonal, negative', [-2, 0, 0, 1]],
      ['upper triangular', [1, 2, 0, 3]],
      ['lower triangular', [1, 0, 2, 3]],
      ['column 0 zero below', [4, 1e-300, 0, -2]],
      ['rank 1', [1, 2, 2, 4]],
      ['tiny off-diagonal (e below the threshold)', [1, 1e-30, 0, 1]],
      ['negative determinant', [0, 1, 1, 0]],
      ['wide range', [1e130, 1e-130, 1e-130, 1e-130]],
      ['−0 entries', [-0, -0, -0, 1]],
    ];
    for (let q = 0; q < 40; q++) cases.push([`random ${q}`, [rng.normal(), rng.normal(), rng.normal(), rng.normal()]]);
    for (const [name, x] of cases) {
      const A = dense(2, 2, Float64Array.from(x));
      const want = general(A, name);
      for (const job of [1, 2]) {
        const got = gesvd(`${name} (2×2)`, job, A);
        expect(got.info, `${name}: status`).toBe(want.info);
        expectBitwise(`${name} job ${job}: σ`, got.s, want.s);
        expectBitwise(`${name} job ${job}: U`, got.U.a, want.U.a);
        expectBitwise(`${name} job ${job}: Vᵀ`, got.Vt.a, want.Vt.a);
      }
    }
  });
});
