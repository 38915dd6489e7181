/**
 * lstsq and projection on both backends, bit for bit between the WASM and the JS backend where
 * compared: the normal equations hold (dqrt17-style ratio ‖Aᵀ(b − A·x)‖₁ / (‖A‖₁·‖b − A·x‖₁·max(m, n)·ε)
 * below THRESH = 30), residuals and rank reported, the minimum-norm solution of a rank-deficient or wide
 * system, and P = Pᵀ = P², P·A = A for the projection onto the column space.
 *
 * Split from the former test/matrix/solvers.test.ts (one quick pass over every solver; the
 * helpers are test/util/rowmajor.ts); the LAPACK-type suite of the same function is beside it.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { lstsq, projection } from '../../../bindings/index.js';
import { setupApi, onBoth } from '../../util/api.js';
import { Rng, rows } from '../../util/generate.js';
import { EPS } from '../../util/tolerance.js';
import { THRESH } from '../../util/ratios.js';
import { flatRows, minus, mul, n1, tr } from '../../util/rowmajor.js';

beforeAll(setupApi);

describe('QR, least squares, projection', () => {
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
