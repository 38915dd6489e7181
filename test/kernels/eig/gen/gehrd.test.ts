/**
 * Blocked Hessenberg reduction — gehrd (assembly/eig/gen/gehrd.ts) and its panel lahr2 — on every engine
 * (wasm SIMD, wasm scalar, JS: bit for bit, guard zones, NaN padding and NaN-filled workspace, through
 * the harness), with LAPACK's dhst01 ratios (Q from orghr), below THRESH = 30:
 *
 *   ‖A − Q·H·Qᵀ‖₁ / (n·‖A‖₁·ε)        ‖QᵀQ − I‖₁ / (n·ε)
 *
 * Panel widths NB = 1 (gehd2 itself), 2, 3, 5, 8, 16 with the crossover forced down to 1, so that small
 * matrices (n = 0 … 65 and the sizes either side of the panel edges) go through the panel loop, its
 * partial last panel and the gehd2 tail; ilo/ihi windows on matrices already triangular outside them;
 * matrix types zero, identity, random, graded, scaled by 1e±292. Blocked and unblocked H agree within
 * the same scaled tolerance; NB = 1 and a crossover above n give gehd2's bits exactly. lahr2 on its own:
 * Y = A·V·T and I − V·T·Vᵀ = H₀⋯H_{nb−1}. The tuning (gehrdNB, gehrdNX) is restored after each test.
 */
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { allEngines, setupEngines, resetTuning, scratch, withTuning } from '../../../util/engines.js';
import { runKernel, matW, vecW, extract } from '../../../util/harness.js';
import { Rng, matrix } from '../../../util/generate.js';
import { EPS, expectBitwise } from '../../../util/tolerance.js';
import { mul, padded, unitScaler } from '../../../util/eig-reference.js';
import { norm1 } from '../../../util/reference.js';
import { expectRatio } from '../../../util/ratios.js';

beforeAll(async () => {
  await setupEngines();
});
afterEach(() => resetTuning());

type Kind = 'zero' | 'identity' | 'random' | 'graded' | 'huge' | 'tiny';
const KINDS: readonly Kind[] = ['zero', 'identity', 'random', 'graded', 'huge', 'tiny'];

/** An n×n test matrix, triangular outside the window ilo … ihi (as gebal leaves it). */
function testMatrix(kind: Kind, n: number, ilo: number, ihi: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  let A: Float64Array;
  if (kind === 'zero') A = new Float64Array(n * n);
  else if (kind === 'identity') {
    A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) A[i + i * n] = 1;
  } else {
    A = matrix(rng, kind === 'graded' ? 'graded' : 'normal', n, n);
    const s = kind === 'huge' ? 1e292 : kind === 'tiny' ? 1e-292 : 1;
    if (s !== 1) for (let i = 0; i < A.length; i++) A[i] = A[i]! * s;
  }
  for (let j = 0; j < n; j++) for (let i = j + 1; i < n; i++) if (j < ilo || i > ihi) A[i + j * n] = 0;
  return A;
}

interface Reduction { A: Float64Array; tau: Float64Array }

/** One kernel call (gehrd or gehd2) on every engine; A on exit (compact) and τ. */
function reduce(kernel: 'gehrd' | 'gehd2', n: number, ilo: number, ihi: number, A: Float64Array, label: string): Reduction {
  const ld = n + 3;
  const w = kernel === 'gehrd' ? scratch('gehrdScratch', n) : n;
  const r = runKernel(`${kernel} ${label}`, kernel, (c) => [
    n, ilo, ihi, c.out(padded(A, n, ld), matW(n, n, ld), 1), ld,
    c.out(new Float64Array(Math.max(1, n - 1)).fill(NaN), vecW(n - 1, 1)), c.work(w),
  ]);
  expect(r.ret, `${label}: return value`).toBe(0);
  return { A: extract(r.bufs[0]!, n, n, ld), tau: r.bufs[1]!.slice(0, Math.max(0, n - 1)) };
}

/** Q from orghr (on every engine). */
function formQ(n: number, ilo: number, ihi: number, red: Reduction, label: string): Float64Array {
  const ld = n + 1;
  const r = runKernel(`orghr ${label}`, 'orghr', (c) => [
    n, ilo, ihi, c.out(padded(red.A, n, ld), matW(n, n, ld)), ld, c.in(red.tau.length ? red.tau : new Float64Array(1)),
    c.work(scratch('orghrScratch', n)),
  ]);
  return extract(r.bufs[0]!, n, n, ld);
}

/** H (the part on and above the first subdiagonal). */
function hessenberg(A: Float64Array, n: number): Float64Array {
  const H = A.slice();
  for (let j = 0; j < n; j++) for (let i = j + 2; i < n; i++) H[i + j * n] = 0;
  return H;
}

/** dhst01 ratios, plus the storage outside the window: nothing below the subdiagonal, τ = 0. */
function checkReduction(n: number, ilo: number, ihi: number, A: Float64Array, red: Reduction, label: string): void {
  for (let i = 0; i < n - 1; i++) if (i < ilo || i >= ihi - 1) expect(red.tau[i], `${label}: τ[${i}] outside the window`).toBe(0);
  for (let j = 0; j < n; j++)
    for (let i = j + 2; i < n; i++)
      if (j < ilo || j >= ihi - 1 || i > ihi) expect(red.A[i + j * n], `${label}: A[${i}, ${j}] outside the window`).toBe(0);
  if (n === 0) return;
  // ratios on 2^k·A and 2^k·H (exact), 2^k·max|A| ∈ [1, 2): no overflow or underflow for 1e±292
  const up = unitScaler(A);
  const H = hessenberg(red.A, n).map(up);
  A = A.map(up);
  const Q = formQ(n, ilo, ihi, red, label);
  // Q·H·Qᵀ = (Q·H)·Qᵀ
  const QH = mul(Q, H, n);
  const QHQt = new Float64Array(n * n);
  for (let j = 0; j < n; j++)
    for (let k = 0; k < n; k++) {
      const q = Q[j + k * n]!;
      if (q === 0) continue;
      for (let i = 0; i < n; i++) QHQt[i + j * n] = QHQt[i + j * n]! + QH[i + k * n]! * q;
    }
  const an = norm1(A, n, n);
  const R = A.map((a, i) => a - QHQt[i]!);
  const resid = an === 0 ? norm1(R, n, n) : norm1(R, n, n) / (n * an * EPS);
  const QtQ = mul(Q, Q, n, true);
  for (let i = 0; i < n; i++) QtQ[i + i * n] = QtQ[i + i * n]! - 1;
  expectRatio(`${label}: ‖A − QHQᵀ‖₁/(n‖A‖₁ε)`, resid);
  expectRatio(`${label}: ‖QᵀQ − I‖₁/(nε)`, norm1(QtQ, n, n) / (n * EPS));
}

function expectSameReduction(label: string, a: Reduction, b: Reduction): void {
  expectBitwise(`${label} (A)`, a.A, b.A);
  expectBitwise(`${label} (τ)`, a.tau, b.tau);
}

/** ‖H_blocked − H_unblocked‖₁/(n‖A‖₁ε). */
function hDistance(n: number, A: Float64Array, a: Reduction, b: Reduction): number {
  if (n === 0) return 0;
  const D = hessenberg(a.A, n).map((x, i) => x - hessenberg(b.A, n)[i]!);
  const an = norm1(A, n, n);
  return an === 0 ? norm1(D, n, n) : norm1(D, n, n) / (n * an * EPS);
}

function sizesFor(nb: number): number[] {
  const s = new Set([0, 1, 2, 3, 7, 16, 33, 65]);
  for (const e of [nb, 2 * nb]) for (const d of [1, 2, 3, 4]) s.add(e + d);
  return [...s].sort((x, y) => x - y);
}

describe('gehrd: blocked Householder reduction to Hessenberg form', () => {
  it('NB = 1, 2, 3, 5, 8, 16 with crossover 1: dhst01 ratios below 30, H close to gehd2\'s, all matrix types', () => {
    let seed = 100;
    for (const nb of [1, 2, 3, 5, 8, 16]) {
      for (const n of sizesFor(nb)) {
        for (const kind of KINDS) {
          if (n > 40 && kind !== 'random' && kind !== 'graded' && nb !== 3) continue; // keep the run short
          const A = testMatrix(kind, n, 0, n - 1, seed++);
          const label = `${kind} n=${n} NB=${nb}`;
          const blocked = withTuning({ gehrdNB: nb, gehrdNX: 1 }, () => reduce('gehrd', n, 0, n - 1, A, label));
          checkReduction(n, 0, n - 1, A, blocked, label);
          const unblocked = reduce('gehd2', n, 0, n - 1, A, label);
          expectRatio(`${label}: ‖H − H(gehd2)‖₁/(n‖A‖₁ε)`, hDistance(n, A, blocked, unblocked));
          if (nb === 1) expectSameReduction(`${label}: NB = 1 is gehd2`, blocked, unblocked);
        }
      }
    }
  });

  it('ilo/ihi windows on matrices triangular outside them (ilo = 2, ihi = n − 3, and others)', () => {
    let seed = 500;
    for (const nb of [2, 3, 5, 8]) {
      for (const n of [6, 7, 12, 20, 33]) {
        for (const [ilo, ihi] of [[2, n - 3], [0, n - 4], [3, n - 1], [1, 2], [n - 2, n - 1], [n - 1, n - 1]] as const) {
          for (const kind of ['random', 'graded', 'huge'] as const) {
            const A = testMatrix(kind, n, ilo, ihi, seed++);
            const label = `${kind} n=${n} ilo=${ilo} ihi=${ihi} NB=${nb}`;
            const blocked = withTuning({ gehrdNB: nb, gehrdNX: 1 }, () => reduce('gehrd', n, ilo, ihi, A, label));
            checkReduction(n, ilo, ihi, A, blocked, label);
            const unblocked = reduce('gehd2', n, ilo, ihi, A, label);
            expectRatio(`${label}: ‖H − H(gehd2)‖₁/(n‖A‖₁ε)`, hDistance(n, A, blocked, unblocked));
          }
        }
      }
    }
  });

  it('default NB and crossover: gehd2 bit for bit below the crossover, blocked above it', () => {
    for (const n of [10, 60]) {
      const A = testMatrix('random', n, 0, n - 1, n);
      expectSameReduction(`n=${n} below the crossover`, reduce('gehrd', n, 0, n - 1, A, `default n=${n}`), reduce('gehd2', n, 0, n - 1, A, `n=${n}`));
    }
    for (const n of [90, 130]) {
      const A = testMatrix('random', n, 0, n - 1, n);
      const label = `default n=${n}`;
      const red = reduce('gehrd', n, 0, n - 1, A, label);
      checkReduction(n, 0, n - 1, A, red, label);
      expectRatio(`${label}: ‖H − H(gehd2)‖₁/(n‖A‖₁ε)`, hDistance(n, A, red, reduce('gehd2', n, 0, n - 1, A, label)));
      // a crossover above n turns the blocked code off entirely
      const off = withTuning({ gehrdNX: n }, () => reduce('gehrd', n, 0, n - 1, A, `${label} NX=n`));
      expectSameReduction(`${label}: crossover n is gehd2`, off, reduce('gehd2', n, 0, n - 1, A, label));
    }
  });

  it('gehrdScratch agrees on every engine and covers gehd2 when no panel runs', () => {
    for (const [nb, nx] of [[0, 0], [3, 1], [16, 1], [1, 1], [64, 5]] as const) {
      withTuning({ gehrdNB: nb, gehrdNX: nx }, () => {
        for (const n of [0, 1, 2, 3, 10, 65, 66, 67, 200]) {
          const v = allEngines().map((e) => (e.kind === 'wasm' ? e.exports.gehrdScratch(n) : e.kernels.gehrdScratch(n)));
          expect(new Set(v).size, `gehrdScratch(${n}) NB=${nb} NX=${nx}: ${v}`).toBe(1);
          expect(v[0]!).toBeGreaterThanOrEqual(n <= 1 ? 0 : n);
        }
      });
    }
  });
});

describe('lahr2: the panel', () => {
  it('Y = A·V·T and I − V·T·Vᵀ = H₀⋯H_{nb−1}; columns reduced as Hᵀ·A·H', () => {
    let seed = 900;
    for (const [n, k, nb] of [[6, 1, 2], [9, 3, 3], [12, 1, 5], [20, 7, 8], [17, 12, 5], [10, 5, 5]] as const) {
      // the panel starts at column i = k − 1 of an n×n matrix M; lahr2 sees A = M[:, i:n]
      const i = k - 1;
      const M = matrix(new Rng(seed++), 'normal', n, n);
      const cols = n - k + 1;
      const lda = n + 2, ldt = nb + 1, ldy = n + 1;
      const A0 = new Float64Array(lda * cols).fill(NaN);
      for (let j = 0; j < cols; j++) for (let r = 0; r < n; r++) A0[r + j * lda] = M[r + (i + j) * n]!;
      const label = `lahr2 n=${n} k=${k} nb=${nb}`;
      const res = runKernel(label, 'lahr2', (c) => [
        n, k, nb, c.out(A0, (x) => x % lda < n && Math.floor(x / lda) < nb), lda,
        c.out(new Float64Array(nb).fill(NaN), vecW(nb, 1)), c.out(new Float64Array(ldt * nb).fill(NaN), matW(nb, nb, ldt)), ldt,
        c.out(new Float64Array(ldy * nb).fill(NaN), matW(n, nb, ldy)), ldy, c.work(scratch('lahr2Scratch', n, k, nb)),
      ]);
      const A = extract(res.bufs[0]!, n, cols, lda);
      const tau = res.bufs[1]!;
      const T = extract(res.bufs[2]!, nb, nb, ldt);
      const Y = extract(res.bufs[3]!, n, nb, ldy);
      for (let r = 0; r < k; r++) for (let j = 0; j < nb; j++) expect(A[r + j * n], `${label}: row ${r} untouched`).toBe(M[r + (i + j) * n]);
      for (let j = 0; j < nb; j++) for (let r = j + 1; r < nb; r++) expect(T[r + j * nb], `${label}: T lower`).toBe(0);
      // V (n×nb, rows 0 … k−1 zero) and the reflectors' product, applied to the identity
      const V = new Float64Array(n * nb);
      for (let j = 0; j < nb; j++) {
        V[k + j + j * n] = 1;
        for (let r = k + j + 1; r < n; r++) V[r + j * n] = A[r + j * n]!;
      }
      const P = new Float64Array(n * n);
      for (let d = 0; d < n; d++) P[d + d * n] = 1;
      for (let j = 0; j < nb; j++) {
        // P ← P·Hⱼ
        for (let r = 0; r < n; r++) {
          let s = 0;
          for (let q = 0; q < n; q++) s += P[r + q * n]! * V[q + j * n]!;
          for (let q = 0; q < n; q++) P[r + q * n] = P[r + q * n]! - tau[j]! * s * V[q + j * n]!;
        }
      }
      // I − V·T·Vᵀ
      let dH = 0;
      for (let r = 0; r < n; r++)
        for (let q = 0; q < n; q++) {
          let s = r === q ? 1 : 0;
          for (let a = 0; a < nb; a++) for (let b = a; b < nb; b++) s -= V[r + a * n]! * T[a + b * nb]! * V[q + b * n]!;
          dH = Math.max(dH, Math.abs(s - P[r + q * n]!));
        }
      expectRatio(`${label}: |I − VTVᵀ − H₀⋯|/(nε)`, dH / (n * EPS));
      // Y = M[:, k:n]·V[k:n, :]·T    (A's columns 1 … n−k are M's columns k … n−1)
      const mn = norm1(M, n, n);
      let dY = 0;
      for (let r = 0; r < n; r++)
        for (let b = 0; b < nb; b++) {
          let s = 0;
          for (let a = 0; a <= b; a++) {
            let mv = 0;
            for (let q = k; q < n; q++) mv += M[r + q * n]! * V[q + a * n]!;
            s += mv * T[a + b * nb]!;
          }
          dY = Math.max(dY, Math.abs(s - Y[r + b * n]!));
        }
      expectRatio(`${label}: |Y − AVT|/(n‖A‖₁ε)`, dY / (n * mn * EPS));
      // the panel columns, rows k … n−1, are those of Pᵀ·M·P (reflector tails below the subdiagonal)
      const PtMP = mul(mul(P, M, n, true), P, n);
      let dP = 0;
      for (let j = 0; j < nb; j++)
        for (let r = k; r < n; r++) {
          const want = r <= i + j + 1 ? PtMP[r + (i + j) * n]! : 0;
          const got = r <= i + j + 1 ? A[r + j * n]! : 0;
          dP = Math.max(dP, Math.abs(got - want));
          if (r > i + j + 1) dP = Math.max(dP, Math.abs(PtMP[r + (i + j) * n]!));
        }
      expectRatio(`${label}: panel vs Pᵀ·M·P /(n‖A‖₁ε)`, dP / (n * mn * EPS));
    }
  });
});
