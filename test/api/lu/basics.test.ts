/**
 * The public solvers and factorisations on both backends — solve, det, slogdet, inv, lu, luFactor,
 * cholesky, choSolve, solveTriangular, qr, lstsq, projection — bit for bit between the WASM and the JS
 * backend, checked with LAPACK's test ratios (TESTING/LIN: dget02, dget03, dpot01, dqrt01, dqrt17),
 * which must stay below THRESH = 30:
 *
 *   solve:     ‖B − A·X‖₁ / (‖A‖₁·‖X‖₁·n·ε)           inv:   ‖I − A·A⁻¹‖₁ / (‖A‖₁·‖A⁻¹‖₁·n·ε)
 *   factors:   ‖A − product of factors‖₁ / (‖A‖₁·n·ε)  Q:     ‖I − QᵀQ‖₁ / (m·ε)
 *   lstsq:     ‖Aᵀ(b − A·x)‖₁ / (‖A‖₁·‖b − A·x‖₁·max(m, n)·ε)   (the normal equations hold)
 *
 * Errors: shapes (RangeError naming them), singular / not positive definite / not finite (LinAlgError
 * with its code).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import {
  Matrix, solve, det, slogdet, inv, lu, luFactor, cholesky, choSolve, solveTriangular, qr, lstsq, projection, matmul,
  LinAlgError, setBackend,
} from '../../../bindings/index.js';
import { setupApi, onBoth, BACKENDS } from '../../util/api.js';
import { Rng, rows } from '../../util/generate.js';
import { EPS } from '../../util/tolerance.js';

beforeAll(setupApi);

const THRESH = 30;

/** Row-major helpers on m×n Float64Arrays. */
function mul(A: Float64Array, B: Float64Array, m: number, k: number, n: number): Float64Array {
  const C = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) C[i * n + j] = C[i * n + j]! + A[i * k + p]! * B[p * n + j]!;
  return C;
}
function tr(A: Float64Array, m: number, n: number): Float64Array {
  const T = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) T[j * m + i] = A[i * n + j]!;
  return T;
}
function n1(A: Float64Array, m: number, n: number): number {
  let r = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += Math.abs(A[i * n + j]!);
    r = Math.max(r, s);
  }
  return r;
}
const minus = (A: Float64Array, B: Float64Array): Float64Array => A.map((v, i) => v - B[i]!);
const eye = (n: number): Float64Array => Float64Array.from({ length: n * n }, (_, t) => (t % (n + 1) === 0 ? 1 : 0));
const flatRows = (a: number[][]): Float64Array => Float64Array.from(a.flat());

/** A well-conditioned-enough random square matrix (normal entries plus n on the diagonal). */
function square(seed: number, n: number): number[][] {
  const a = rows(new Rng(seed), 'normal', n, n);
  for (let i = 0; i < n; i++) a[i]![i]! += n;
  return a;
}
function spd(seed: number, n: number): number[][] {
  const g = flatRows(rows(new Rng(seed), 'normal', n, n));
  const s = mul(tr(g, n, n), g, n, n, n);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out.push(Array.from(s.subarray(i * n, i * n + n), (v, j) => (i === j ? v + n : v)));
  return out;
}

const SIZES = [1, 2, 3, 5, 8, 17, 40, 70];

describe('LU-based: solve, inv, det, lu', () => {
  it('solve (vector and matrix right-hand sides, transposed): dget02 ratio < 30', () => {
    for (const n of SIZES) {
      const A = square(n, n);
      const a = flatRows(A);
      const B = rows(new Rng(100 + n), 'normal', n, 3);
      const b = B.map((r) => r[0]!);
      for (const transpose of [false, true]) {
        const X = onBoth(`solve n=${n} T=${transpose}`, () => solve(A, B, { transpose }));
        const x = onBoth(`solve vec n=${n}`, () => solve(A, b, { transpose }));
        const op = transpose ? tr(a, n, n) : a;
        const r = minus(mul(op, X, n, n, 3), flatRows(B));
        expect(n1(r, n, 3) / (n1(a, n, n) * n1(X, n, 3) * n * EPS), `solve n=${n}`).toBeLessThan(THRESH);
        expect(Array.from(x)).toEqual(Array.from({ length: n }, (_, i) => X[i * 3]!)); // same column, same bits
      }
    }
  });

  it('inv: dget03 ratio < 30; det and slogdet agree; exact small determinants', () => {
    for (const n of SIZES) {
      const A = square(n + 1, n);
      const a = flatRows(A);
      const Ai = onBoth(`inv n=${n}`, () => inv(A));
      const r = minus(eye(n), mul(a, Ai, n, n, n));
      expect(n1(r, n, n) / (n1(a, n, n) * n1(Ai, n, n) * n * EPS), `inv n=${n}`).toBeLessThan(THRESH);
      const d = onBoth('det', () => det(A))[0]!;
      const sl = slogdet(A);
      expect(Math.sign(d)).toBe(sl.sign);
      expect(Math.abs(Math.log(Math.abs(d)) - sl.logAbsDet)).toBeLessThanOrEqual(8 * n * EPS * Math.max(1, Math.abs(sl.logAbsDet)));
    }
    expect(onBoth('det 2×2', () => det([[2, 1], [1, 3]]))[0]).toBe(5);
    expect(onBoth('det perm', () => det([[0, 1], [1, 0]]))[0]).toBe(-1);
    expect(onBoth('det singular', () => det([[1, 2], [2, 4]]))[0]).toBe(0);
    expect(slogdet([[1, 2], [2, 4]])).toEqual({ sign: 0, logAbsDet: -Infinity });
    // No overflow in slogdet where det itself overflows.
    const big = [[1e200, 0, 0], [0, 1e200, 0], [0, 0, -1e200]];
    expect(det(big)).toBe(-Infinity);
    const s = slogdet(big);
    expect(s.sign).toBe(-1);
    expect(Math.abs(s.logAbsDet - 600 * Math.LN10)).toBeLessThanOrEqual(8 * EPS * s.logAbsDet);
  });

  it('lu: P·A = L·U for square and rectangular A; luFactor reuses the factorisation', () => {
    for (const [m, n] of [[1, 1], [4, 4], [7, 3], [3, 7], [33, 33], [70, 40]] as const) {
      const A = rows(new Rng(m * 100 + n), 'normal', m, n);
      const a = flatRows(A);
      for (const b of BACKENDS) {
        setBackend(b);
        const { L, U, perm } = lu(A);
        const k = Math.min(m, n);
        expect(L.shape).toEqual([m, k]);
        expect(U.shape).toEqual([k, n]);
        const PA = new Float64Array(m * n);
        for (let i = 0; i < m; i++) PA.set(a.subarray(perm[i]! * n, perm[i]! * n + n), i * n);
        const r = minus(PA, mul(L.toFloat64Array(), U.toFloat64Array(), m, k, n));
        expect(n1(r, m, n) / (n1(a, m, n) * Math.max(m, n) * EPS), `lu ${m}×${n} on ${b}`).toBeLessThan(THRESH);
        L.dispose();
        U.dispose();
      }
      setBackend('wasm');
    }
    using F = luFactor(square(5, 6));
    expect(F.singular).toBe(false);
    const x1 = F.solve([1, 2, 3, 4, 5, 6]);
    expect(Array.from(x1)).toEqual(Array.from(solve(square(5, 6), [1, 2, 3, 4, 5, 6])));
  });
});

describe('Cholesky and triangular solves', () => {
  it('cholesky: ‖A − LLᵀ‖₁/(‖A‖₁·n·ε) < 30, L lower with a zero upper triangle; choSolve: dget02 < 30', () => {
    for (const n of SIZES) {
      const A = spd(n, n);
      const a = flatRows(A);
      const L = onBoth(`cholesky n=${n}`, () => cholesky(A));
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(L[i * n + j]).toBe(0);
      const r = minus(a, mul(L, tr(L, n, n), n, n, n));
      expect(n1(r, n, n) / (n1(a, n, n) * n * EPS), `cholesky n=${n}`).toBeLessThan(THRESH);
      const b = Array.from({ length: n }, (_, i) => i - 1);
      const x = onBoth(`choSolve n=${n}`, () => choSolve(A, b));
      const res = minus(mul(a, x, n, n, 1), Float64Array.from(b));
      expect(n1(res, n, 1) / (n1(a, n, n) * n1(x, n, 1) * n * EPS)).toBeLessThan(THRESH);
    }
  });

  it('solveTriangular: lower/upper, unit diagonal, transposed; reads only its triangle', () => {
    const n = 9;
    const full = square(3, n);
    for (const lower of [false, true]) {
      for (const unitDiagonal of [false, true]) {
        for (const transpose of [false, true]) {
          // The clean triangular matrix the solve must see…
          const T = full.map((r, i) => r.map((v, j) => (i === j ? (unitDiagonal ? 1 : v) : (lower ? i > j : i < j) ? v / n : 0)));
          // …and what is passed: garbage in the other triangle and (for unit) on the diagonal.
          const passed = T.map((r, i) => r.map((v, j) => (i === j ? (unitDiagonal ? 1e300 : v) : (lower ? i > j : i < j) ? v : 7e7)));
          const b = Array.from({ length: n }, (_, i) => 1 + i);
          const x = onBoth('solveTriangular', () => solveTriangular(passed, b, { lower, unitDiagonal, transpose }));
          const t = flatRows(T);
          const op = transpose ? tr(t, n, n) : t;
          const res = minus(mul(op, x, n, n, 1), Float64Array.from(b));
          expect(n1(res, n, 1) / (n1(t, n, n) * n1(x, n, 1) * n * EPS), `lower=${lower} unit=${unitDiagonal} T=${transpose}`).toBeLessThan(THRESH);
        }
      }
    }
  });
});

describe('QR, least squares, projection', () => {
  it('qr modes reduced / complete / r, with and without pivoting: dqrt01 ratios < 30', () => {
    for (const [m, n] of [[1, 1], [5, 3], [3, 5], [17, 17], [40, 12], [12, 40]] as const) {
      const A = rows(new Rng(m + 7 * n), 'normal', m, n);
      const a = flatRows(A);
      const k = Math.min(m, n);
      for (const pivoting of [false, true]) {
        for (const mode of ['reduced', 'complete', 'r'] as const) {
          for (const b of BACKENDS) {
            setBackend(b);
            const res = qr(A, { mode, pivoting });
            const qc = mode === 'complete' ? m : k;
            expect(res.R.shape).toEqual([qc, n]);
            const R = res.R.toFloat64Array();
            for (let i = 0; i < qc; i++) for (let j = 0; j < Math.min(i, n); j++) expect(R[i * n + j], `R(${i},${j}) below the diagonal`).toBe(0);
            if (pivoting) {
              expect([...res.perm!].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, j) => j));
              for (let i = 1; i < k; i++) expect(Math.abs(R[i * n + i]!)).toBeLessThanOrEqual(Math.abs(R[(i - 1) * n + i - 1]!));
            } else expect(res.perm).toBeUndefined();
            if (mode === 'r') expect(res.Q).toBeUndefined();
            else {
              const Q = res.Q!.toFloat64Array();
              expect(res.Q!.shape).toEqual([m, qc]);
              const AP = pivoting ? Float64Array.from({ length: m * n }, (_, t) => a[Math.floor(t / n) * n + res.perm![t % n]!]!) : a;
              const r1 = n1(minus(AP, mul(Q, R, m, qc, n)), m, n) / (n1(a, m, n) * Math.max(m, n) * EPS);
              const r2 = n1(minus(eye(qc), mul(tr(Q, m, qc), Q, qc, m, qc)), qc, qc) / (m * EPS);
              expect(r1, `qr ${m}×${n} ${mode} piv=${pivoting} ${b}: ‖AP − QR‖`).toBeLessThan(THRESH);
              expect(r2, `qr ${m}×${n} ${mode} piv=${pivoting} ${b}: ‖I − QᵀQ‖`).toBeLessThan(THRESH);
              res.Q!.dispose();
            }
            res.R.dispose();
          }
          setBackend('wasm');
          onBoth(`qr R bits ${m}×${n} ${mode}`, () => qr(A, { mode: 'r', pivoting }).R);
        }
      }
    }
  });

  it('lstsq: normal equations hold (dqrt17-style ratio < 30), residuals reported, both backends bit for bit', () => {
    for (const [m, n] of [[5, 3], [20, 7], [70, 40]] as const) {
      const A = rows(new Rng(m * n), 'normal', m, n);
      const a = flatRows(A);
      const b = Array.from({ length: m }, (_, i) => Math.cos(i));
      const x = onBoth(`lstsq ${m}×${n}`, () => lstsq(A, b).x);
      const res = minus(Float64Array.from(b), mul(a, x, m, n, 1));
      const atr = mul(tr(a, m, n), res, n, m, 1);
      expect(n1(atr, n, 1) / (n1(a, m, n) * n1(res, m, 1) * Math.max(m, n) * EPS), `lstsq ${m}×${n}`).toBeLessThan(THRESH);
      const out = lstsq(A, b);
      expect(out.rank).toBe(n);
      const rr = res.reduce((s, v) => s + v * v, 0);
      expect(Math.abs(out.residuals[0]! - rr)).toBeLessThanOrEqual(THRESH * m * EPS * rr);
    }
  });

  it('lstsq on a rank-deficient matrix gives the minimum-norm solution and the rank', () => {
    // Columns 0 and 1 equal: any x with x0 + x1 = c fits; the minimum norm has x0 = x1.
    const A = [[1, 1, 0], [2, 2, 1], [3, 3, -1], [4, 4, 2]];
    const b = [1, 2, 3, 5];
    const r = lstsq(A, b);
    expect(r.rank).toBe(2);
    expect(Math.abs(r.x[0]! - r.x[1]!)).toBeLessThanOrEqual(THRESH * 4 * EPS * Math.abs(r.x[0]!));
    expect(r.residuals.length).toBe(0);
    // A wide consistent system: the minimum-norm solution lies in the row space: x = Aᵀy.
    const W = [[1, 2, 3], [0, 1, 1]];
    const xw = lstsq(W, [6, 2]).x;
    const fit = [xw[0]! + 2 * xw[1]! + 3 * xw[2]!, xw[1]! + xw[2]!];
    expect(Math.abs(fit[0]! - 6) + Math.abs(fit[1]! - 2)).toBeLessThanOrEqual(THRESH * 3 * EPS * 6);
    // Row space of W: x = [a, 2a + b, 3a + b] → x2 − x1 = a = x0.
    expect(Math.abs(xw[2]! - xw[1]! - xw[0]!)).toBeLessThanOrEqual(THRESH * 3 * EPS * 6);
  });

  it('projection onto the column space: P = Pᵀ = P², P·A = A', () => {
    const m = 9;
    const n = 4;
    const A = rows(new Rng(3), 'normal', m, n);
    const a = flatRows(A);
    const P = onBoth('projection', () => projection(A));
    const e = (X: Float64Array, r: number, c: number): number => n1(X, r, c) / (m * EPS);
    expect(e(minus(P, tr(P, m, m)), m, m)).toBeLessThan(THRESH);
    expect(e(minus(P, mul(P, P, m, m, m)), m, m)).toBeLessThan(THRESH);
    expect(n1(minus(mul(P, a, m, m, n), a), m, n) / (n1(a, m, n) * m * EPS)).toBeLessThan(THRESH);
  });
});

describe('solver errors', () => {
  function err(f: () => unknown): unknown {
    try {
      f();
    } catch (e) {
      return e;
    }
    return null;
  }

  it('shape errors are RangeErrors naming the shapes', () => {
    expect(err(() => solve([[1, 2, 3], [4, 5, 6]], [1, 2]))).toBeInstanceOf(RangeError);
    expect((err(() => solve([[1, 2, 3], [4, 5, 6]], [1, 2])) as Error).message).toMatch(/2×3/);
    expect((err(() => det([[1, 2, 3]])) as Error).message).toMatch(/1×3/);
    expect((err(() => cholesky([[1, 2]])) as Error).message).toMatch(/1×2/);
    expect((err(() => solve([[1, 0], [0, 1]], [1, 2, 3])) as Error).message).toMatch(/3/);
    expect(err(() => qr([[1]], { mode: 'full' as never }))).toBeInstanceOf(RangeError);
  });

  it('singular, not positive definite and non-finite inputs raise LinAlgError with their code', () => {
    const singular = err(() => solve([[1, 2], [2, 4]], [1, 1])) as LinAlgError;
    expect(singular).toBeInstanceOf(LinAlgError);
    expect(singular.code).toBe('singular');
    expect((err(() => inv([[0, 0], [0, 1]])) as LinAlgError).code).toBe('singular');
    const npd = err(() => cholesky([[1, 2], [2, 1]])) as LinAlgError;
    expect(npd.code).toBe('not-positive-definite');
    expect((err(() => solve([[1, NaN], [0, 1]], [1, 1])) as LinAlgError).code).toBe('not-finite');
    expect((err(() => qr([[Infinity]])) as LinAlgError).code).toBe('not-finite');
    // checkFinite: false lets NaN through, and it propagates.
    const x = solve([[1, 0], [0, 1]], [NaN, 1], { checkFinite: false });
    expect(Number.isNaN(x[0]!)).toBe(true);
    using M = Matrix.from([[1, 2], [3, 4]]);
    using P = matmul(M, M);
    expect(P.get(0, 0)).toBe(7);
  });
});
