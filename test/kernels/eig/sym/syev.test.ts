/**
 * Symmetric eigensolver kernels (assembly/eig/sym, bindings/js/eig/sym) on the three engines —
 * SIMD wasm, scalar wasm, JS — bit for bit, through the guarded harness (guard zones, NaN padding,
 * NaN in the triangle a kernel must not read, NaN-filled workspace, odd element offsets):
 *
 *   symv, syr2k, gemv(T)  against the Dot2 reference, within 2·(k + 2)·ε·|·| (k the inner length);
 *   syr2                  against the plain formula in the same order, bit for bit (lasr, which
 *                         applies steqr's rotations: test/kernels/blas/lasr.test.ts);
 *   sytd2, sytrd, orgtr   ‖A − Q·T·Qᵀ‖₁/(n·‖A‖₁·ε) and ‖QᵀQ − I‖₁/(n·ε) below THRESH = 30 (LAPACK's
 *                         dsyt21 with T tridiagonal), panel widths 1, 2, 3, 5 and the default, tiny GEMM
 *                         blocks; blocked ≈ unblocked on random matrices (where T is well determined);
 *                         sytrd ≡ sytd2 bit for bit when one panel covers the matrix;
 *   latrd                 its panel (d, e, τ, v) ≈ sytd2's first nb columns; W and the trailing block
 *                         as documented;
 *   steqr, sterf          on tridiagonals: Wilkinson W21⁺ (and W_m⁺), glued Wilkinson (δ = 1e-10, √ε),
 *                         clustered, graded, split, scaled near overflow and underflow; dsyt21 ratios,
 *                         eigenvalues within 30·n·ε·‖T‖ of Sturm bisection (an independent reference);
 *                         compz 0/1/2 consistent; the rotation batch size changes no bit;
 *   syev                  the driver at kernel level (padding, lower triangle only for values);
 *   iteration caps        tuning steqrMaxIter / sterfMaxIter tiny → a nonzero status, quickly, with Z
 *                         still orthogonal; NaN input terminates. Every setting is restored afterwards.
 */
import { describe, it, expect, beforeAll, afterAll, afterEach, assert } from 'vitest';
import { setupEngines, resetTuning, withTuning, scratch, GEMM_TUNINGS, type GemmTuning } from '../../../util/engines.js';
import { runKernel, vecW, matW, triW, extract, extractVec } from '../../../util/harness.js';
import { Rng, matrix, vector } from '../../../util/generate.js';
import { gemmRef, gemvRef, norm1, pow2 } from '../../../util/reference.js';
import { EPS, expectBitwise, expectScaled } from '../../../util/tolerance.js';
import {
  eigRatios, gluedWilkinson, lowerPadded, notAscending, sturm, triDense, unitScaler, valueRatio, wilkinson, withSpectrum,
  spectrum, argMaxAbs, TRIDIAGONALS, randomTri, scaledTri, type Tridiagonal,
} from '../../../util/eig-reference.js';
import { STEQR_DIRECT } from '../../../../bindings/js/eig/sym/steqr.js';
import { THRESH, expectRatio, reportRatios } from '../../../util/ratios.js';

beforeAll(async () => {
  await setupEngines();
});

// Every tuning knob back to its default, whatever a test did (also after a failure).
afterEach(() => resetTuning());
afterAll(() => reportRatios('kernels/eig/sym/syev'));

/** A random symmetric n×n matrix (ld = n) of a few kinds. */
function symmetric(rng: Rng, kind: 'normal' | 'graded' | 'geometric' | 'clustered', n: number): Float64Array {
  if (kind === 'geometric' || kind === 'clustered') return withSpectrum(rng, spectrum(rng, kind, n));
  const A = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) {
      let v = rng.normal();
      if (kind === 'graded') v *= 10 ** ((-6 * (i + j)) / Math.max(1, n));
      A[i + j * n] = A[j + i * n] = v;
    }
  }
  return A;
}

/** ‖A − Q·T·Qᵀ‖₁/(n·‖A‖₁·ε), T = tridiag(e, d, e), on 2^k-scaled data. */
function trdRatio(A: Float64Array, n: number, Q: Float64Array, ldq: number, d: ArrayLike<number>, e: ArrayLike<number>): number {
  if (n === 0) return 0;
  const up = unitScaler(A);
  const As = A.map(up);
  const R = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      let t = As[i + j * n]!;
      for (let k = 0; k < n; k++) {
        t -= Q[i + k * ldq]! * up(d[k]!) * Q[j + k * ldq]!;
        if (k < n - 1) t -= up(e[k]!) * (Q[i + k * ldq]! * Q[j + (k + 1) * ldq]! + Q[i + (k + 1) * ldq]! * Q[j + k * ldq]!);
      }
      R[i + j * n] = t;
    }
  }
  const an = norm1(As, n, n);
  const rn = norm1(R, n, n);
  return an === 0 ? (rn === 0 ? 0 : Infinity) : rn / (n * an * EPS);
}

/** ‖QᵀQ − I‖₁/(n·ε). */
function orthRatio(Q: Float64Array, n: number, ld: number): number {
  return eigRatios(new Float64Array(n * n), n, new Float64Array(n), Q, ld).orth;
}

// ---- level-2/3 building blocks ---------------------------------------------------------------------

describe('symv, syr2, syr2k, gemv(trans)', () => {
  it('symv: y = α·A·x reading only the lower triangle (NaN above and in the padding); single pass below SYMV_PANEL_MIN = 256, panels from it (odd n, n mod 4 ≠ 0)', () => {
    let seed = 1;
    expect(scratch('symvScratch', 255), 'no workspace below the panel threshold').toBe(0);
    expect(scratch('symvScratch', 256), '(P − 1)·n from it').toBe(3 * 256);
    for (const n of [0, 1, 2, 3, 4, 5, 7, 8, 9, 17, 33, 255, 256, 257, 258, 259, 263, 301]) {
      for (const alpha of [1, -0.75]) {
        const rng = new Rng(seed++);
        const lda = n + 3;
        const full = symmetric(rng, 'normal', n);
        const A = lowerPadded(full, n, lda);
        const x = vector(rng, 'uniform', n);
        const skew = seed % 2;
        const label = `symv n=${n} α=${alpha}`;
        const r = runKernel(label, 'symv', (c) => [
          n, alpha, c.in(A, skew), lda, c.in(x, 1 - skew), c.out(new Float64Array(Math.max(1, n)).fill(NaN), vecW(n, 1)),
          c.work(scratch('symvScratch', n)),
        ]);
        const ref = gemvRef(false, n, n, alpha, { data: full, off: 0, ld: Math.max(1, n) }, x, 0, 1, 0, new Float64Array(Math.max(1, n)), 0, 1);
        expectScaled(label, extractVec(r.bufs[2]!, n, 1), ref.value, ref.bound, 2 * (n + 2));
      }
    }
  });

  it('syr2: A + α·(x·yᵀ + y·xᵀ) on the lower triangle, bit for bit the documented order, upper untouched', () => {
    let seed = 100;
    for (const n of [0, 1, 2, 3, 6, 13, 20]) {
      for (const alpha of [-1, 0.375, 0]) {
        const rng = new Rng(seed++);
        const lda = n + 2;
        const A = lowerPadded(symmetric(rng, 'normal', n), n, lda);
        const x = vector(rng, 'normal', n);
        const y = vector(rng, 'normal', n);
        const label = `syr2 n=${n} α=${alpha}`;
        const r = runKernel(label, 'syr2', (c) => [n, alpha, c.in(x), c.in(y, 1), c.out(A, triW(n, lda, 0), seed % 2), lda]);
        const want = A.slice();
        if (alpha !== 0) {
          for (let j = 0; j < n; j++) {
            const ty = alpha * y[j]!;
            const tx = alpha * x[j]!;
            for (let i = j; i < n; i++) want[i + j * lda] = want[i + j * lda]! + x[i]! * ty + y[i]! * tx;
          }
        }
        expectBitwise(label, r.bufs[2]!, want);
      }
    }
  });

  it.each(GEMM_TUNINGS.map((c) => c.tuning))('syr2k: C ← α·(A·Bᵀ + B·Aᵀ) + β·C, lower triangle, within 2·(2k + 3)·ε·|·| (GEMM blocking %o)', (gb: GemmTuning) => {
    withTuning(gb, () => {
      let seed = 200;
      // n = 31, 33 around the diagonal tile width SYR2K_NBD = 32; with the default MC = 128, n = 65 has three
      // tiles in one block column and n = 130, 161 two block columns (the second a partial tile)
      for (const [n, k] of [[0, 3], [1, 1], [5, 3], [9, 4], [17, 6], [37, 5], [3, 0], [31, 2], [33, 3], [65, 4], [130, 3], [161, 2]] as const) {
        for (const [alpha, beta] of [[-1, 1], [0.5, 0], [-1, 0.5]] as const) {
          const rng = new Rng(seed++);
          const lda = n + 1;
          const ldb = n + 2;
          const ldc = n + 3;
          const A = matrix(rng, 'normal', n, k, lda);
          const B = matrix(rng, 'normal', n, k, ldb);
          // β = 0: C is not read, so its lower triangle is NaN too
          const C = beta === 0 ? new Float64Array(Math.max(1, ldc * n)).fill(NaN) : lowerPadded(symmetric(rng, 'normal', n), n, ldc);
          const label = `syr2k n=${n} k=${k} α=${alpha} β=${beta}`;
          const r = runKernel(label, 'syr2k', (c) => [
            n, k, alpha, c.in(A, 1), lda, c.in(B), ldb, beta, c.out(C, triW(n, ldc, 0), seed % 2), ldc, c.work(scratch('syr2kScratch', n, k)),
          ]);
          // [A B]·[B A]ᵀ = A·Bᵀ + B·Aᵀ: one reference product of depth 2k
          const AB = new Float64Array(Math.max(1, n * 2 * k));
          const BA = new Float64Array(Math.max(1, n * 2 * k));
          for (let p = 0; p < k; p++) {
            for (let i = 0; i < n; i++) {
              AB[i + p * n] = BA[i + (p + k) * n] = A[i + p * lda]!;
              BA[i + p * n] = AB[i + (p + k) * n] = B[i + p * ldb]!;
            }
          }
          const Cfull = new Float64Array(Math.max(1, n * n));
          if (beta !== 0) for (let j = 0; j < n; j++) for (let i = j; i < n; i++) Cfull[i + j * n] = C[i + j * ldc]!;
          const ref = gemmRef(false, true, n, n, 2 * k, alpha, { data: AB, off: 0, ld: Math.max(1, n) }, { data: BA, off: 0, ld: Math.max(1, n) },
            beta, { data: Cfull, off: 0, ld: Math.max(1, n) });
          const got: number[] = [];
          const want: number[] = [];
          const bound: number[] = [];
          for (let j = 0; j < n; j++) {
            for (let i = j; i < n; i++) {
              got.push(r.bufs[2]![i + j * ldc]!);
              want.push(ref.value[i + j * n]!);
              bound.push(ref.bound[i + j * n]!);
            }
          }
          expectScaled(label, got, want, bound, 2 * (2 * k + 3));
        }
      }
    });
  });

  it('gemv(trans), the product latrd uses: four-column dot path equal on every engine, Dot2 reference within 2·(m + 2)·ε·|·|', () => {
    let seed = 300;
    for (const [m, n, incy] of [[0, 3, 1], [1, 1, 1], [2, 5, 2], [7, 4, 1], [8, 9, 2], [33, 31, 1], [100, 6, 3], [5, 0, 1], [6, 7, 1]] as const) {
      const rng = new Rng(seed++);
      const lda = m + 2;
      const A = matrix(rng, 'normal', m, n, lda);
      const x = vector(rng, 'uniform', m);
      const alpha = -0.5;
      const label = `gemv(trans) ${m}×${n} incy=${incy}`;
      const skew = seed % 2;
      const y0 = new Float64Array(Math.max(1, (n - 1) * incy + 1)).fill(NaN);
      const g = runKernel(label, 'gemv', (c) => [1, m, n, alpha, c.in(A, skew), lda, c.in(x), 1, 0, c.out(y0, vecW(n, incy)), incy]);
      const ref = gemvRef(true, m, n, alpha, { data: A, off: 0, ld: lda }, x, 0, 1, 0, y0, 0, incy);
      expectScaled(label, extractVec(g.bufs[2]!, n, incy), ref.value, ref.bound, 2 * (m + 2));
    }
  });
});

// ---- tridiagonalisation ---------------------------------------------------------------------------

interface Trd {
  F: Float64Array; // the factored matrix (reflectors below the subdiagonal), ld
  d: Float64Array;
  e: Float64Array;
  tau: Float64Array;
}

function tridiagonalise(kernel: 'sytd2' | 'sytrd', A: Float64Array, n: number, ld: number, skew = 0): Trd {
  const Ap = lowerPadded(A, n, ld);
  const m1 = Math.max(1, n - 1);
  const r = runKernel(`${kernel} n=${n} ld=${ld}`, kernel, (c) => [
    n, c.out(Ap, triW(n, ld, 0), skew), ld, c.out(new Float64Array(Math.max(1, n)).fill(NaN), vecW(n, 1)),
    c.out(new Float64Array(m1).fill(NaN), vecW(n - 1, 1), 1 - skew), c.out(new Float64Array(m1).fill(NaN), vecW(n - 1, 1)),
    c.work(scratch(kernel === 'sytd2' ? 'sytd2Scratch' : 'sytrdScratch', n)),
  ]);
  return { F: r.bufs[0]!, d: r.bufs[1]!.slice(0, n), e: r.bufs[2]!.slice(0, Math.max(0, n - 1)), tau: r.bufs[3]!.slice(0, Math.max(0, n - 1)) };
}

/** Q from orgtr (n×n with leading dimension ld), the input's strict upper triangle still NaN. */
function formQ(t: Trd, n: number, ld: number): Float64Array {
  const r = runKernel(`orgtr n=${n}`, 'orgtr', (c) => [
    n, c.out(t.F, matW(n, n, ld)), ld, c.in(t.tau.length ? t.tau : new Float64Array(1)), c.work(scratch('orgtrScratch', n)),
  ]);
  return r.bufs[0]!;
}

function checkTrd(label: string, A: Float64Array, n: number, ld: number, t: Trd): void {
  for (let i = 0; i < n - 1; i++) {
    const v = t.tau[i]!;
    if (!(v === 0 || (v >= 1 && v <= 2))) assert.fail(`${label}: τ[${i}] = ${v} outside {0} ∪ [1, 2]`);
  }
  const Q = formQ(t, n, ld);
  // Q = diag(1, Q̃): row and column 0 are e₀ exactly
  for (let i = 0; i < n; i++) {
    const want = i === 0 ? 1 : 0;
    if (Q[i]! !== want || Q[i * ld]! !== want) assert.fail(`${label}: Q's row/column 0 is not e₀ at ${i}: ${Q[i]}, ${Q[i * ld]}`);
  }
  expectRatio(`${label}: ‖A − QTQᵀ‖₁/(n‖A‖₁ε)`, trdRatio(A, n, Q, ld, t.d, t.e));
  expectRatio(`${label}: ‖QᵀQ − I‖₁/(nε)`, orthRatio(Q, n, ld));
}

const TRD_KINDS = ['normal', 'graded', 'geometric', 'clustered'] as const;

describe.each([null, 1, 2, 3, 5] as const)('sytrd and orgtr (orgqr) panel width %s', (nb) => {
  it.each([{}, { gemmMC: 8, gemmKC: 5, gemmNC: 12 }] as GemmTuning[])('A = Q·T·Qᵀ (orgtr), lower triangle only, τ ∈ {0} ∪ [1, 2]; blocked ≈ sytd2 on random matrices (GEMM blocking %o)', (gb) => {
    const gemmDefault = gb.gemmMC === undefined;
    withTuning({ ...gb, sytrdNB: nb ?? undefined, orgqrNB: nb ?? undefined }, () => {
      let seed = 1000 + (nb ?? 0);
      // n = 65 with the default panel of 32: two panels and a remainder of one column; n = 291: symv's
      // panels in latrd (orders ≥ 256), and in sytd2 for the unblocked comparison
      for (const n of nb === null && gemmDefault ? [0, 1, 2, 3, 4, 7, 12, 17, 33, 65, 291] : [0, 1, 2, 3, 4, 7, 12, 17, 33]) {
        for (const kind of TRD_KINDS) {
          if (!gemmDefault && kind !== 'normal' && kind !== 'graded') continue;
          if (n > 65 && kind !== 'normal') continue;
          const rng = new Rng(seed++);
          const A = symmetric(rng, kind, n);
          const ld = n + 2;
          const label = `${kind} n=${n} nb=${nb ?? 'default'}`;
          const b = tridiagonalise('sytrd', A, n, ld, seed % 2);
          checkTrd(`sytrd ${label}`, A, n, ld, b);
          if (nb !== null && !gemmDefault) continue; // sytd2 does not depend on the blocking
          const u = tridiagonalise('sytd2', A, n, ld);
          if (nb === null) checkTrd(`sytd2 ${label}`, A, n, ld, u);
          // One panel covers the matrix (n ≤ nb): sytrd is sytd2.
          const effNb = nb ?? 32;
          if (n <= effNb) {
            expectBitwise(`${label}: sytrd ≡ sytd2 for n ≤ nb (F)`, b.F, u.F);
            expectBitwise(`${label}: sytrd ≡ sytd2 for n ≤ nb (d)`, b.d, u.d);
            expectBitwise(`${label}: sytrd ≡ sytd2 for n ≤ nb (e)`, b.e, u.e);
          } else if (kind === 'normal') {
            // Blocked vs unblocked: T is well determined for random matrices (every eᵢ ≈ √(n−i)); for
            // crowded or graded spectra it is only backward stable (A + δA = Q·T·Qᵀ, checked above).
            const diff = [...Array.from(b.d, (v, i) => v - u.d[i]!), ...Array.from(b.e, (v, i) => Math.abs(v) - Math.abs(u.e[i]!))];
            let fro = 0;
            for (const v of A) fro += v * v;
            expectRatio(`${label}: ‖(d, |e|) blocked − unblocked‖/(‖A‖_F·n·ε)`, Math.hypot(...diff) / (Math.sqrt(fro) * n * EPS));
          }
        }
      }
    });
  });
});

describe('latrd, orgtr', () => {
  it('latrd: the panel equals sytd2 on its first nb columns (d, e, τ, v); A[nb:n, nb:n] untouched', () => {
    let seed = 2000;
    // n = 262: the first columns' symv (orders 261 … 256) runs in panels, the last ones not
    for (const [n, nb] of [[2, 1], [5, 2], [9, 3], [17, 5], [33, 8], [12, 11], [262, 7]] as const) {
      const rng = new Rng(seed++);
      const A = symmetric(rng, 'normal', n);
      const lda = n + 1;
      const ldw = n + 2;
      const Ap = lowerPadded(A, n, lda);
      // latrd writes columns 0…nb−1 (lower part) only
      const writableA = (idx: number): boolean => {
        const i = idx % lda;
        const j = Math.floor(idx / lda);
        return i < n && j < nb && i >= j;
      };
      const label = `latrd n=${n} nb=${nb}`;
      const r = runKernel(label, 'latrd', (c) => [
        n, nb, c.out(Ap, writableA, seed % 2), lda, c.out(new Float64Array(nb).fill(NaN), vecW(nb, 1)), c.out(new Float64Array(nb).fill(NaN), vecW(nb, 1)),
        c.out(new Float64Array(ldw * nb).fill(NaN), matW(n, nb, ldw)), ldw, c.work(scratch('latrdScratch', n)),
      ]);
      const [F, e, tau, W] = r.bufs as [Float64Array, Float64Array, Float64Array, Float64Array];
      const u = tridiagonalise('sytd2', A, n, lda);
      let fro = 0;
      for (const v of A) fro += v * v;
      const scale = Math.sqrt(fro) * n * EPS;
      // |vᵢ| ≤ 1 (larfg: v = x/(x₀ − β) with |x₀ − β| ≥ ‖x‖) and τ ∈ [1, 2]: absolute n·ε scales
      let dd = 0;
      let de = 0;
      let dt = 0;
      let dv = 0;
      for (let j = 0; j < nb; j++) {
        expect(F[j + 1 + j * lda], `${label}: A[j+1, j] holds the explicit 1 of vⱼ`).toBe(1);
        dd = Math.max(dd, Math.abs(F[j + j * lda]! - u.d[j]!));
        de = Math.max(de, Math.abs(e[j]! - u.e[j]!));
        dt = Math.max(dt, Math.abs(tau[j]! - u.tau[j]!));
        for (let i = j + 2; i < n; i++) dv = Math.max(dv, Math.abs(F[i + j * lda]! - u.F[i + j * lda]!));
        for (let i = j + 1; i < n; i++) if (!Number.isFinite(W[i + j * ldw]!)) assert.fail(`${label}: W[${i}, ${j}] = ${W[i + j * ldw]}`);
      }
      expectRatio(`${label}: latrd vs sytd2 max|Δd|/(‖A‖_F·n·ε)`, dd / scale);
      expectRatio(`${label}: latrd vs sytd2 max|Δe|/(‖A‖_F·n·ε)`, de / scale);
      expectRatio(`${label}: latrd vs sytd2 max|Δτ|/(n·ε)`, dt / (n * EPS));
      expectRatio(`${label}: latrd vs sytd2 max|Δv|/(n·ε)`, dv / (n * EPS));
    }
  });

  it('orgtr: n = 0, 1 and the unit first row and column (with NaN in the strict upper input)', () => {
    expect(Array.from(formQ({ F: new Float64Array([5]), d: new Float64Array(), e: new Float64Array(), tau: new Float64Array() }, 1, 1))).toEqual([1]);
    runKernel('orgtr n=0', 'orgtr', (c) => [0, c.in(new Float64Array(1).fill(NaN)), 1, c.in(new Float64Array(1)), c.work(0)]);
  });
});

// ---- steqr, sterf on tridiagonals --------------------------------------------------------------------

interface SteqrOut {
  ret: number;
  d: Float64Array;
  Z: Float64Array;
}

function steqr(compz: 0 | 1 | 2, t: Tridiagonal, label: string, Z0?: Float64Array): SteqrOut {
  const n = t.d.length;
  const ldz = n + 1;
  const Zin = Z0 ?? new Float64Array(Math.max(1, ldz * n)).fill(NaN);
  const r = runKernel(`steqr compz=${compz} ${label}`, 'steqr', (c) => [
    compz, n, c.out(t.d.length ? t.d : new Float64Array(1), vecW(n, 1), 1), c.out(t.e.length ? t.e : new Float64Array(1), vecW(n - 1, 1)),
    compz === 0 ? c.in(new Float64Array(1).fill(NaN)) : c.out(Zin, matW(n, n, ldz)), ldz, c.work(scratch('steqrScratch', n, compz)),
  ]);
  return { ret: r.ret!, d: r.bufs[0]!.slice(0, n), Z: r.bufs[2]! };
}

function sterf(t: Tridiagonal, label: string): { ret: number; d: Float64Array } {
  const n = t.d.length;
  const r = runKernel(`sterf ${label}`, 'sterf', (c) => [
    n, c.out(t.d.length ? t.d : new Float64Array(1), vecW(n, 1)), c.out(t.e.length ? t.e : new Float64Array(1), vecW(n - 1, 1), 1),
  ]);
  return { ret: r.ret!, d: r.bufs[0]!.slice(0, n) };
}

describe('steqr, sterf on tridiagonal matrices', () => {
  it.each(TRIDIAGONALS)('%s: dsyt21 ratios < 30, eigenvalues within 30·n·ε·‖T‖ of Sturm bisection, compz 0/1/2 and sterf agree', (name, make) => {
    const t = make();
    const n = t.d.length;
    const ldz = n + 1;
    const ref = sturm(t);
    const T = triDense(t);

    const z2 = steqr(2, t, name);
    expect(z2.ret, `${name}: steqr status`).toBe(0);
    const ia = notAscending(z2.d);
    if (ia >= 0) assert.fail(`${name}: eigenvalues not ascending at ${ia}: ${z2.d[ia - 1]} > ${z2.d[ia]}`);
    const q = eigRatios(T, n, z2.d, z2.Z, ldz);
    expectRatio(`${name}: ‖T − ZΛZᵀ‖₁/(n‖T‖₁ε)`, q.resid);
    expectRatio(`${name}: ‖ZᵀZ − I‖₁/(nε)`, q.orth);
    expectRatio(`${name}: steqr λ vs Sturm, max|Δλ|/(nε‖T‖₂)`, valueRatio(z2.d, ref));

    // values only: the same sweeps, so the same eigenvalues bit for bit
    const z0 = steqr(0, t, name);
    expect(z0.ret).toBe(0);
    expectBitwise(`${name}: steqr compz=0 vs compz=2 values`, z0.d, z2.d);

    // compz = 1 accumulates onto a given orthogonal Z: the result is Q·Z_T
    if (n > 0) {
      const rng = new Rng(n + 8);
      const G = Float64Array.from({ length: n * n }, () => rng.normal());
      // a random orthogonal Q (n×n) from Gram–Schmidt twice, column-major, placed with ld = ldz
      const Qz = new Float64Array(ldz * n).fill(NaN);
      for (let j = 0; j < n; j++) {
        const v = G.subarray(j * n, j * n + n).slice();
        for (let pass = 0; pass < 2; pass++) {
          for (let k = 0; k < j; k++) {
            let dd = 0;
            for (let i = 0; i < n; i++) dd += Qz[i + k * ldz]! * v[i]!;
            for (let i = 0; i < n; i++) v[i] = v[i]! - dd * Qz[i + k * ldz]!;
          }
        }
        const nv = Math.hypot(...v);
        for (let i = 0; i < n; i++) Qz[i + j * ldz] = v[i]! / nv;
      }
      const z1 = steqr(1, t, name, Qz);
      expect(z1.ret).toBe(0);
      expectBitwise(`${name}: steqr compz=1 vs compz=2 values`, z1.d, z2.d);
      // ‖Z₁ − Q·Z₂‖₁/(n·ε)
      const D = new Float64Array(n * n);
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) {
          let s = z1.Z[i + j * ldz]!;
          for (let k = 0; k < n; k++) s -= Qz[i + k * ldz]! * z2.Z[k + j * ldz]!;
          D[i + j * n] = s;
        }
      }
      expectRatio(`${name}: ‖Z(compz=1) − Q·Z(compz=2)‖₁/(nε)`, norm1(D, n, n) / (n * EPS));
    }

    const sf = sterf(t, name);
    expect(sf.ret, `${name}: sterf status`).toBe(0);
    const is = notAscending(sf.d);
    if (is >= 0) assert.fail(`${name}: sterf eigenvalues not ascending at ${is}`);
    expectRatio(`${name}: sterf λ vs Sturm`, valueRatio(sf.d, ref));
    expectRatio(`${name}: sterf λ vs steqr λ`, valueRatio(sf.d, z2.d));
  });

  it('the rotation batch size (steqrBatch 1, 2, 3) changes no bit of Z or Λ', () => {
    for (const [name, t] of [['glued W21+ ×3', gluedWilkinson(63)], ['random n=40', randomTri(new Rng(50), 40)], ['W21+', wilkinson(21)]] as const) {
      const ref = steqr(2, t, name);
      for (const b of [1, 2, 3]) {
        withTuning({ steqrBatch: b }, () => {
          const r = steqr(2, t, `${name} batch ${b}`);
          expectBitwise(`${name}: batch ${b} vs default, Λ`, r.d, ref.d);
          expectBitwise(`${name}: batch ${b} vs default, Z`, r.Z, ref.Z);
        });
      }
    }
  });

  it('rotations applied to Z at once (n ≤ STEQR_DIRECT) give the bits of the batched path: T alone against T as the first block of a block-diagonal T of larger order', () => {
    expect(STEQR_DIRECT).toBe(8); // the orders below straddle it
    const rng = new Rng(78);
    const cases: [string, Tridiagonal][] = [];
    for (let n = 2; n <= STEQR_DIRECT; n++) {
      const split = randomTri(rng, n);
      split.e[Math.floor(n / 2) - 1] = 0;
      cases.push(
        [`random n=${n}`, randomTri(rng, n)],
        [`graded, top heavy (QR sweeps) n=${n}`, randomTri(rng, n, (i) => 10 ** (-2 * i))],
        [`graded, bottom heavy (QL sweeps) n=${n}`, randomTri(rng, n, (i) => 10 ** (2 * i - 8))],
        [`W${n}+`, wilkinson(n)],
        [`split n=${n}`, split],
        [`near overflow n=${n}`, scaledTri(randomTri(rng, n), pow2(1015))],
        [`near underflow n=${n}`, scaledTri(randomTri(rng, n), pow2(-1010))],
      );
    }
    for (const [name, t] of cases) {
      const n = t.d.length;
      // the second block's eigenvalues lie above the first's (Gershgorin: |λ(T)| ≤ max|d| + 2·max|e|),
      // so the selection sort moves the first n columns as it does for T alone
      let bound = 0;
      for (const x of t.d) bound = Math.max(bound, Math.abs(x));
      let emax = 0;
      for (const x of t.e) emax = Math.max(emax, Math.abs(x));
      bound += 2 * emax;
      const m = STEQR_DIRECT + 1 + (n % 3);
      const big: Tridiagonal = {
        d: Float64Array.from({ length: n + m }, (_, i) => (i < n ? t.d[i]! : 3 * bound * (1 + (i - n) / 16))),
        e: Float64Array.from({ length: n + m - 1 }, (_, i) => (i < n - 1 ? t.e[i]! : i === n - 1 ? 0 : 0.1 * bound * rng.normal())),
      };
      const a = steqr(2, t, name);
      const b = steqr(2, big, `${name} as the first block of order ${n + m}`);
      expect([a.ret, b.ret], `${name}: status`).toEqual([0, 0]);
      expectBitwise(`${name}: λ at once vs batched`, a.d, b.d.slice(0, n));
      const za = new Float64Array(n * n);
      const zb = new Float64Array(n * n);
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) {
          za[i + j * n] = a.Z[i + j * (n + 1)]!;
          zb[i + j * n] = b.Z[i + j * (n + m + 1)]!;
        }
      }
      expectBitwise(`${name}: Z at once vs batched`, za, zb);
    }
  });

  it('Wilkinson W21⁺: the top pair (7.2e-14 apart) against 40-digit values, with orthogonal vectors', () => {
    const t = wilkinson(21);
    const z = steqr(2, t, 'W21+');
    const top = z.d[20]!;
    const next = z.d[19]!;
    // W21⁺'s two largest eigenvalues, 10.74619418290339343… and 10.74619418290332183… (mpmath eigsy, 40 digits)
    expect(Math.abs(top - 10.746194182903393), 'λ₂₁').toBeLessThan(30 * 21 * EPS * 11);
    expect(Math.abs(next - 10.746194182903322), 'λ₂₀').toBeLessThan(30 * 21 * EPS * 11);
    let dot = 0;
    for (let i = 0; i < 21; i++) dot += z.Z[i + 20 * 22]! * z.Z[i + 19 * 22]!;
    expect(Math.abs(dot) / (21 * EPS), 'z₂₀ᵀz₂₁/(nε)').toBeLessThan(THRESH);
  });
});

// ---- syev ---------------------------------------------------------------------------------------------

function syev(jobz: 0 | 1, A: Float64Array, n: number, ld: number, label: string): { ret: number; Z: Float64Array; lam: Float64Array } {
  const Ap = lowerPadded(A, n, ld);
  const r = runKernel(`syev jobz=${jobz} ${label}`, 'syev', (c) => [
    jobz, n, c.out(Ap, jobz ? matW(n, n, ld) : triW(n, ld, 0), n % 2), ld, c.out(new Float64Array(Math.max(1, n)).fill(NaN), vecW(n, 1), 1),
    c.work(scratch('syevScratch', n, jobz)),
  ]);
  return { ret: r.ret!, Z: r.bufs[0]!, lam: r.bufs[1]!.slice(0, n) };
}

describe.each([
  ['default blocking', null, {}],
  ['nb 3, GEMM 8×5×12', 3, { gemmMC: 8, gemmKC: 5, gemmNC: 12 }],
  ['nb 1', 1, {}],
] as const)('syev driver (%s)', (_name, nb, gb) => {
  it('dsyt21 ratios, eigenvalues against the known spectrum, ascending, sign convention; values only reads the lower triangle', () => {
    withTuning({ ...gb, sytrdNB: nb ?? undefined }, () => {
      let seed = 5000;
      for (const n of [0, 1, 2, 3, 17, 33, 65]) {
        if (nb !== null && n > 33) continue;
        for (const kind of ['uniform', 'geometric signed', 'clustered'] as const) {
          const rng = new Rng(seed++);
          const lam = spectrum(rng, kind, n);
          const A = withSpectrum(rng, lam);
          const ref = lam.slice().sort();
          for (const sc of [1, pow2(1000), pow2(-1000)]) {
            if (sc !== 1 && (kind !== 'uniform' || nb !== null)) continue;
            const As = A.map((v) => v * sc);
            const label = `${kind} n=${n} scale ${sc}`;
            const ld = n + 2;
            const v = syev(1, As, n, ld, label);
            expect(v.ret, `${label}: status`).toBe(0);
            const ia = notAscending(v.lam);
            if (ia >= 0) assert.fail(`${label}: eigenvalues not ascending at ${ia}`);
            const q = eigRatios(As, n, v.lam, v.Z, ld);
            expectRatio(`${label}: resid`, q.resid);
            expectRatio(`${label}: orth`, q.orth);
            expectRatio(`${label}: λ vs known spectrum`, valueRatio(v.lam, ref.map((x) => x * sc)));
            for (let j = 0; j < n; j++) {
              const im = argMaxAbs(v.Z, n, j, ld);
              if (!(v.Z[im + j * ld]! > 0)) assert.fail(`${label}: vector ${j}: largest entry Z[${im}] = ${v.Z[im + j * ld]} is not positive`);
            }
            const w = syev(0, As, n, ld, label);
            expect(w.ret).toBe(0);
            expectRatio(`${label}: values only vs with vectors`, valueRatio(w.lam, v.lam));
          }
        }
      }
    });
  });
});

describe('syev at n = 2 (syev2, closed form)', () => {
  /** sytrd + orgtr + steqr(compz = 1) + the sign convention: what syev computed at n = 2 before syev2. */
  function general(A: Float64Array, ld: number, label: string): { Z: Float64Array; lam: Float64Array; ret: number } {
    const t = tridiagonalise('sytrd', A, 2, ld);
    const Q = formQ(t, 2, ld);
    const Z0 = new Float64Array(2 * 3).fill(NaN);
    for (let j = 0; j < 2; j++) for (let i = 0; i < 2; i++) Z0[i + j * 3] = Q[i + j * ld]!;
    const r = steqr(1, { d: t.d, e: t.e }, label, Z0);
    const Z = new Float64Array(4);
    for (let j = 0; j < 2; j++) {
      let im = 0;
      let big = -1;
      for (let i = 0; i < 2; i++) {
        const v = Math.abs(r.Z[i + j * 3]!);
        if (v > big) {
          big = v;
          im = i;
        }
      }
      const sg = r.ret === 0 && r.Z[im + j * 3]! < 0 ? -1 : 1;
      for (let i = 0; i < 2; i++) Z[i + j * 2] = sg === 1 ? r.Z[i + j * 3]! : -r.Z[i + j * 3]!;
    }
    return { Z, lam: r.d, ret: r.ret };
  }

  it('bit for bit what sytrd + orgtr + steqr give (random, diagonal, negligible e, QR direction, ties, block scaling, NaN)', () => {
    const rng = new Rng(9100);
    const cases: [string, number, number, number][] = [
      ['diagonal', 3, 0, -1],
      ['diagonal, descending', 2, 0, 1],
      ['zero', 0, 0, 0],
      ['equal diagonal', 1.5, 0.25, 1.5],
      ['trace zero', 2, 1, -2],
      ['e² below safmin next to d = 0', 0, 1e-160, 1],
      ['e negligible by eps·√|d₀d₁|', 1, 1e-17, 1],
      ['|d₁| < |d₀| (QR)', 5, 1, 0.5],
      ['|d₁| > |d₀| (QL)', 0.5, 1, 5],
      ['block scaled up (≈ 1e-130)', 3e-130, 1e-130, -2e-130],
      ['wide range', 1e140, 1e-140, 1e-140],
      ['e only', 0, 1, 0],
      ['NaN on the diagonal', NaN, 1, 2],
      ['NaN off the diagonal', 1, NaN, 2],
    ];
    for (let q = 0; q < 40; q++) cases.push([`random ${q}`, rng.normal(), rng.normal(), rng.normal()]);
    for (const [name, a00, a10, a11] of cases) {
      const ld = 3;
      const A = new Float64Array([a00, a10, a10, a11]);
      const want = general(A, ld, name);
      const got = syev(1, A, 2, ld, name);
      expect(got.ret, `${name}: status`).toBe(want.ret);
      expectBitwise(`${name}: λ`, got.lam, want.lam);
      expectBitwise(`${name}: Z`, extract(got.Z, 2, 2, ld), want.Z);
    }
  });
});

describe('syev at n = 3 with vectors (sytrd3: the tridiagonalisation and Q written out)', () => {
  /** sytrd + orgtr + steqr(compz = 1) + the sign convention at order n: what syev computes without sytrd3. */
  function general(A: Float64Array, n: number, ld: number, label: string): { Z: Float64Array; lam: Float64Array; ret: number } {
    const t = tridiagonalise('sytrd', A, n, ld);
    const Q = formQ(t, n, ld);
    const lz = n + 1;
    const Z0 = new Float64Array(n * lz).fill(NaN);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) Z0[i + j * lz] = Q[i + j * ld]!;
    const r = steqr(1, { d: t.d, e: t.e }, label, Z0);
    const Z = new Float64Array(n * n);
    for (let j = 0; j < n; j++) {
      let im = 0;
      let big = -1;
      for (let i = 0; i < n; i++) {
        const v = Math.abs(r.Z[i + j * lz]!);
        if (v > big) {
          big = v;
          im = i;
        }
      }
      const sg = r.ret === 0 && r.Z[im + j * lz]! < 0 ? -1 : 1;
      for (let i = 0; i < n; i++) Z[i + j * n] = sg === 1 ? r.Z[i + j * lz]! : -r.Z[i + j * lz]!;
    }
    return { Z, lam: r.d, ret: r.ret };
  }

  it('bit for bit what sytrd + orgtr + steqr give (random, τ = 0 and τ = 1, zeros, signed zeros, ties, graded, ill-conditioned, tiny and huge column 0)', () => {
    const rng = new Rng(9300);
    const n = 3;
    // lower triangles [a00, a10, a20, a11, a21, a22]
    const cases: [string, number[]][] = [
      ['diagonal', [3, 0, 0, -1, 0, 2]],
      ['zero', [0, 0, 0, 0, 0, 0]],
      ['identity', [1, 0, 0, 1, 0, 1]],
      ['already tridiagonal (a20 = 0: τ = 0)', [1, 2, 0, 3, 4, 5]],
      ['a20 = −0', [1, 2, -0, 3, 4, 5]],
      ['a10 = 0 (τ = 1)', [1, 0, 2, 3, 4, 5]],
      ['a10 = −0', [1, -0, 2, 3, 4, 5]],
      ['signed zeros on the diagonal', [-0, 1, 1, -0, 1, -0]],
      ['repeated eigenvalues (J − I)', [0, 1, 1, 0, 1, 0]],
      ['graded', [1, 1e-4, 1e-8, 1e-8, 1e-12, 1e-16]],
      ['graded upwards', [1e-16, 1e-12, 1e-8, 1e-8, 1e-4, 1]],
      ['ill-conditioned (Hilbert)', [1, 1 / 2, 1 / 3, 1 / 3, 1 / 4, 1 / 5]],
      ['column 0 tiny (larfg rescales: |β| < 2^-969)', [1, 1e-300, 1e-300, 2, 0.5, 3]],
      ['column 0 below 2^-480 (nrm2 scales up)', [1, 3e-150, 4e-150, 2, 0.5, 3]],
      ['column 0 above 2^480 in a balanced matrix', [1e145, 4e145, 3e145, 2e145, 1e145, 5e145]],
      ['clustered', [1, 1e-9, 2e-9, 1 + 2e-16, 1e-9, 1 - 2e-16]],
    ];
    for (let q = 0; q < 60; q++) cases.push([`random ${q}`, Array.from({ length: 6 }, () => rng.normal())]);
    for (let q = 0; q < 20; q++) cases.push([`random integers ${q}`, Array.from({ length: 6 }, () => Math.round(3 * rng.normal()))]);
    for (const [name, [a00, a10, a20, a11, a21, a22]] of cases) {
      const ld = 4; // the kernels see A padded to ld (lowerPadded: NaN above the diagonal and below row n)
      const A = new Float64Array([a00!, a10!, a20!, a10!, a11!, a21!, a20!, a21!, a22!]); // n×n, column-major
      expect(Number.isNaN(A[4]!), `${name}: a finite input`).toBe(false);
      const want = general(A, n, ld, name);
      const got = syev(1, A, n, ld, name);
      expect(got.ret, `${name}: status`).toBe(want.ret);
      expectBitwise(`${name}: λ`, got.lam, want.lam);
      expectBitwise(`${name}: Z`, extract(got.Z, n, n, ld), want.Z);
    }
  });

  it('small block sizes (sytrdNB 1, 2; orgqrNB 1) take the general kernels', () => {
    const rng = new Rng(9400);
    const A = new Float64Array(9);
    for (const [i, j] of [[0, 0], [1, 0], [2, 0], [1, 1], [2, 1], [2, 2]] as const) A[i + 3 * j] = A[j + 3 * i] = rng.normal();
    for (const tuning of [{ sytrdNB: 1 }, { sytrdNB: 2 }, { orgqrNB: 1 }]) {
      withTuning(tuning, () => {
        const label = JSON.stringify(tuning);
        const want = general(A, 3, 4, label);
        const got = syev(1, A, 3, 4, label);
        expectBitwise(`${label}: λ`, got.lam, want.lam);
        expectBitwise(`${label}: Z`, extract(got.Z, 3, 3, 4), want.Z);
      });
    }
  });
});

// ---- the iteration cap -------------------------------------------------------------------------------

describe('iteration cap and non-finite input: never a hang', () => {
  it('steqrMaxIter 1 / sterfMaxIter 1: nonzero status at once, Z still orthogonal; defaults restored give status 0', () => {
    const cases: [string, Tridiagonal][] = [['W21+', wilkinson(21)], ['random n=40', randomTri(new Rng(60), 40)], ['glued W21+ ×3', gluedWilkinson(63)]];
    const t0 = performance.now();
    for (const [name, t] of cases) {
      const n = t.d.length;
      withTuning({ steqrMaxIter: 1, sterfMaxIter: 1 }, () => {
        const z2 = steqr(2, t, `${name} maxit 1`);
        const z0 = steqr(0, t, `${name} maxit 1`);
        const sf = sterf(t, `${name} maxit 1`);
        expect(z2.ret, `${name}: steqr(compz=2) status with one sweep`).toBeGreaterThan(0);
        expect(z2.ret).toBeLessThan(n);
        expect(z0.ret, `${name}: steqr(compz=0) status with one sweep`).toBe(z2.ret);
        expect(sf.ret, `${name}: sterf status with one sweep`).toBeGreaterThan(0);
        // the unconverged Z is a product of rotations: still orthogonal
        expectRatio(`${name}: unconverged Z orthogonal`, orthRatio(z2.Z, n, n + 1));
        // A = Q·diag(λ)·Qᵀ through the driver: nonzero status with and without vectors
        const A = withSpectrum(new Rng(n), spectrum(new Rng(n + 1), 'uniform', n));
        expect(syev(1, A, n, n, `${name} maxit 1`).ret).toBeGreaterThan(0);
        expect(syev(0, A, n, n, `${name} maxit 1`).ret).toBeGreaterThan(0);
      });
      expect(steqr(2, t, `${name} default budget`).ret).toBe(0);
      expect(sterf(t, `${name} default budget`).ret).toBe(0);
    }
    // all of the above on three engines in well under a second; a loop that ignored the cap would not end
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('NaN or Inf in d or e terminates within the default budget (status > 0 or NaN values, never a hang)', () => {
    const t0 = performance.now();
    for (const bad of [NaN, Infinity, -Infinity]) {
      for (const where of ['d', 'e'] as const) {
        const t = randomTri(new Rng(70), 30);
        t[where][10] = bad;
        const label = `${where}[10] = ${bad}`;
        const z = steqr(2, t, label);
        const sf = sterf(t, label);
        for (const [k, r] of [['steqr', z], ['sterf', sf]] as const) {
          if (r.ret === 0 && !r.d.some((v) => !Number.isFinite(v))) assert.fail(`${label}: ${k} reports success with finite eigenvalues`);
        }
      }
    }
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
