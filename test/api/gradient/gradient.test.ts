/**
 * numericGradient — central differences. For a quadratic the truncation error is exactly zero, so
 * what is left is rounding: |gᵢ − ∂ᵢf| ≤ c·eps·F/hᵢ, F a bound on the |terms| of f. For Σxᵢ³ the
 * truncation error is exactly hᵢ² (f''' = 6, error h²·f'''/6), which the test checks too.
 */
import { describe, it, expect } from 'vitest';
import { numericGradient } from '../../../bindings/index.js';
import { Rng } from '../../../bindings/core/random.js';

const EPS = 2.220446049250313e-16;
const H = Math.cbrt(EPS);

describe('numericGradient', () => {
  it('matches the exact gradient of a quadratic within rounding (c·eps·F/h)', () => {
    const rng = new Rng(5);
    const n = 12;
    const A: number[][] = [];
    for (let i = 0; i < n; i++) A.push(Array.from({ length: n }, () => rng.normal()));
    const b = Array.from({ length: n }, () => rng.normal());
    const x = Float64Array.from({ length: n }, () => 10 * rng.normal());
    // f(x) = ½ xᵀ(A + Aᵀ)x/2 + bᵀx, ∇f = ½(A + Aᵀ)x + b
    const f = (v: Float64Array): number => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        s += b[i]! * v[i]!;
        for (let j = 0; j < n; j++) s += 0.25 * v[i]! * (A[i]![j]! + A[j]![i]!) * v[j]!;
      }
      return s;
    };
    const g = numericGradient(f, x);
    let F = 0;
    for (let i = 0; i < n; i++) {
      F += Math.abs(b[i]! * x[i]!);
      for (let j = 0; j < n; j++) F += Math.abs(0.5 * x[i]! * A[i]![j]! * x[j]!);
    }
    for (let i = 0; i < n; i++) {
      let exact = b[i]!;
      for (let j = 0; j < n; j++) exact += 0.5 * (A[i]![j]! + A[j]![i]!) * x[j]!;
      const h = H * Math.max(1, Math.abs(x[i]!));
      const bound = 4 * n * EPS * F / h;
      const ratio = Math.abs(g[i]! - exact) / bound;
      expect(ratio, `component ${i}: |error|/bound = ${ratio}`).toBeLessThan(1);
    }
  });

  it('truncation error of Σxᵢ³ is hᵢ² (the O(h²) of central differences), x untouched', () => {
    const x = Float64Array.of(0.5, -2, 3, 100);
    const copy = x.slice();
    const g = numericGradient((v) => v.reduce((s, t) => s + t * t * t, 0), x);
    expect(Array.from(x)).toEqual(Array.from(copy));
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      const h = xi + H * Math.max(1, Math.abs(xi)) - xi;
      const predicted = 3 * xi * xi + h * h; // exact central difference of x³
      // rounding of f (whose terms sum to F = Σ|xⱼ|³) divided by 2h, plus that of the quotient
      const F = x.reduce((s, t) => s + Math.abs(t) ** 3, 0);
      const rounding = 4 * x.length * EPS * F / h + 8 * EPS * Math.abs(predicted);
      expect(Math.abs(g[i]! - predicted), `component ${i}`).toBeLessThanOrEqual(rounding);
    }
  });

  it('rejects bad arguments', () => {
    expect(() => numericGradient(null as unknown as (x: Float64Array) => number, [1])).toThrow(TypeError);
    expect(() => numericGradient((v) => v[0]!, [1], { eps: 0 })).toThrow(RangeError);
    expect(() => numericGradient((v) => v[0]!, ['a' as unknown as number])).toThrow(TypeError);
    expect(() => numericGradient(() => 'x' as unknown as number, [1])).toThrow(TypeError);
    expect(numericGradient((v) => v.length, [])).toEqual(new Float64Array(0));
  });
});
