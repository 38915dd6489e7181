/**
 * The judges are tested too: the Dot2 reference (reference.ts) against exact BigInt arithmetic on
 * ill-conditioned dot products, the norm reference against an exact sum of squares, and the
 * scaled check (tolerance.ts) for accepting an error at its bound and rejecting one twice as big.
 */
import { describe, it, expect, chai } from 'vitest';
import { dotRef, nrm2Ref, Acc2 } from './reference.js';
import { EPS, scaledRatio, expectScaled } from './tolerance.js';
import { Rng } from './generate.js';
import { expectError } from './errors.js';

/** x = X·2^-1074 exactly, X a BigInt (finite x). */
function big(x: number): bigint {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  const b = dv.getBigUint64(0);
  const sign = b >> 63n ? -1n : 1n;
  const e = Number((b >> 52n) & 0x7ffn);
  const frac = b & ((1n << 52n) - 1n);
  const mant = e === 0 ? frac : frac | (1n << 52n);
  const shift = Math.max(e, 1) - 1; // value = mant·2^(max(e,1) − 1075) = mant·2^shift·2^-1074
  return sign * (mant << BigInt(shift));
}

const abs = (v: bigint): bigint => (v < 0n ? -v : v);

describe('reference arithmetic', () => {
  it('Dot2 is within u·|xᵀy| + γₙ²·|x|ᵀ|y| of the exact dot product, also at condition numbers near 1e30', () => {
    const rng = new Rng(12);
    for (let trial = 0; trial < 200; trial++) {
      const n = 2 + (rng.u32() % 40);
      // Ill-conditioned (Ogita–Rump–Oishi GenDot style): large terms that cancel plus small ones.
      const x = Float64Array.from({ length: n }, () => (rng.uniform() - 0.5) * 2 ** ((rng.u32() % 100) - 50));
      const y = Float64Array.from({ length: n }, () => (rng.uniform() - 0.5) * 2 ** ((rng.u32() % 100) - 50));
      const last = Float64Array.of(-x.slice(0, n - 1).reduce((s, v, i) => s + v * y[i]!, 0));
      x[n - 1] = last[0]!;
      y[n - 1] = 1;
      const r = dotRef(n, x, 0, 1, y, 0, 1);
      let S = 0n; // exact Σ xᵢyᵢ at scale 2^-2148
      let A = 0n; // exact Σ |xᵢyᵢ|
      for (let i = 0; i < n; i++) {
        const p = big(x[i]!) * big(y[i]!);
        S += p;
        A += abs(p);
      }
      const R = big(r.value) << 1074n;
      // |R − S| ≤ 2^-53|S| + (n·2^-53)²·A, with slack 2 on each term; all scaled by 2^106.
      const lhs = abs(R - S) << 106n;
      const rhs = (abs(S) << 54n) + 2n * BigInt(n * n) * A;
      expect(lhs <= rhs, `trial ${trial}: Dot2 error beyond its bound`).toBe(true);
    }
  });

  it('Dot2 recovers sums naive summation loses entirely', () => {
    const acc = new Acc2();
    for (const v of [1e16, 1, -1e16, 1]) acc.add(v);
    expect(acc.value()).toBe(2);
    expect(dotRef(3, Float64Array.of(2 ** 60, 1, -(2 ** 60)), 0, 1, Float64Array.of(1, 1, 1), 0, 1).value).toBe(1);
  });

  it('nrm2Ref is within 2 ulps of the exact norm, at ordinary and extreme scales', () => {
    const rng = new Rng(5);
    for (let trial = 0; trial < 100; trial++) {
      const n = 1 + (rng.u32() % 30);
      const s = 2 ** ((rng.u32() % 1800) - 900);
      const x = Array.from({ length: n }, () => rng.normal() * s);
      const r = nrm2Ref(x);
      expect(Number.isFinite(r) && r > 0).toBe(true);
      let S = 0n;
      for (const v of x) S += big(v) * big(v);
      const R = big(r);
      // (1 − 2^-50)·R² ≤ S ≤ (1 + 2^-50)·R², scaled by 2^50.
      const R2 = R * R;
      expect(R2 * ((1n << 50n) - 1n) <= S << 50n && S << 50n <= R2 * ((1n << 50n) + 1n), `trial ${trial} (scale 2^${Math.log2(s)})`).toBe(true);
    }
    expect(nrm2Ref([])).toBe(0);
    expect(nrm2Ref([3, NaN])).toBeNaN();
    expect(nrm2Ref([3, -Infinity])).toBe(Infinity);
  });
});

describe('scaled checks', () => {
  it('accept an error at the bound and reject one twice as big, printing the ratio', () => {
    const ref = [1, 2, 3];
    const bound = [10, 10, 10];
    const units = 7;
    const at = units * EPS * 10;
    expect(scaledRatio([1 + at, 2, 3], ref, bound, units).ratio).toBeLessThanOrEqual(1);
    expectError(chai.AssertionError, 'twice the bound', () => expectScaled('demo', [1, 2 + 2 * at, 3], ref, bound, units), /ratio 2\.\d+ > 1 at entry 1/);
    expectError(chai.AssertionError, 'NaN', () => expectScaled('demo', [1, 2, NaN], ref, bound, units), /ratio Infinity/);
    expect(scaledRatio([NaN], [NaN], [0], 1).ratio).toBe(0);
    // A zero bound allows (almost) nothing: only underflow-level absolute error.
    expectError(chai.AssertionError, 'zero bound', () => expectScaled('zero bound', [1e-300], [0], [0], 4), /ratio/);
  });
});
