/**
 * nrm2 — ‖x‖₂ without overflow or harmful underflow. Against the scaled Dot2 reference
 * (reference.ts) with the bound (n + 2)·ε·‖x‖; exact where the answer is (3-4-5 triangles scaled by
 * powers of two far past where x² overflows or underflows). NaN anywhere → NaN; ±Inf (no NaN) → Inf;
 * n ≤ 0 → 0.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines } from '../../util/engines.js';
import { runKernel } from '../../util/harness.js';
import { Rng, vector, MATRIX_KINDS } from '../../util/generate.js';
import { nrm2Ref, pow2 } from '../../util/reference.js';
import { expectScaledScalar } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

function nrm2All(xs: ArrayLike<number>, inc = 1, skew = 0): number {
  const n = xs.length;
  const x = new Float64Array(Math.max(1, (n - 1) * inc + 1)).fill(NaN);
  for (let i = 0; i < n; i++) x[i * inc] = xs[i]!;
  return runKernel(`nrm2 n=${n} inc=${inc}`, 'nrm2', (c) => [n, c.in(x, skew), inc]).ret!;
}

describe('nrm2', () => {
  it('random vectors of every kind, lengths 1…1001, strides 1 and 3, scaled by 1, 1e200 and 1e-200', () => {
    let seed = 1;
    for (const n of [1, 2, 3, 4, 5, 8, 17, 100, 1001]) {
      for (const kind of MATRIX_KINDS) {
        for (const scale of [1, 1e200, 1e-200]) {
          const rng = new Rng(seed++);
          const xs = Array.from(vector(rng, kind, n, 1), (v) => v * scale);
          for (const inc of [1, 3]) {
            expectScaledScalar(`nrm2 ${kind} n=${n} ×${scale} inc=${inc}`, nrm2All(xs, inc, seed % 2), nrm2Ref(xs), nrm2Ref(xs), n + 2);
          }
        }
      }
    }
  });

  it('no overflow or underflow: exact 3-4-5 at 2^±600 and 2^±1000, and near the ends of the range', () => {
    for (const e of [0, 600, -600, 1000, -1000, -1060]) {
      const s = pow2(e);
      expect(nrm2All([3 * s, 4 * s]), `2^${e}`).toBe(5 * s);
      expect(nrm2All([3 * s, -4 * s, 0, 0, 0]), `2^${e} with zeros`).toBe(5 * s);
    }
    expectScaledScalar('√2·1e200', nrm2All([1e200, 1e200]), nrm2Ref([1e200, 1e200]), Math.SQRT2 * 1e200, 4); // finite, not Inf
    expectScaledScalar('1e200', nrm2All([1e200, 1e200, 1e200, 1e200]), 2e200, 2e200, 4);
    expectScaledScalar('1e-200', nrm2All([1e-200, 1e-200, 1e-200, 1e-200]), 2e-200, 2e-200, 4);
    expect(nrm2All([Number.MAX_VALUE])).toBe(Number.MAX_VALUE);
    expect(nrm2All([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(Infinity); // the true norm exceeds MAX_VALUE
    expect(nrm2All([Number.MIN_VALUE])).toBe(Number.MIN_VALUE);
    expect(nrm2All([1e300, 1e-300])).toBe(1e300); // the small entry underflows harmlessly
  });

  it('n ≤ 0 gives 0; n = 1 gives |x|', () => {
    expect(nrm2All([])).toBe(0);
    const x = Float64Array.of(NaN);
    expect(runKernel('nrm2 n=-1', 'nrm2', (c) => [-1, c.in(x), 1]).ret).toBe(0);
    expect(nrm2All([-2.5])).toBe(2.5);
    expect(nrm2All([0, 0, 0])).toBe(0);
  });

  it('NaN anywhere gives NaN (also after Inf, in either lane, in the tail); Inf without NaN gives Inf', () => {
    for (const inc of [1, 2]) {
      expect(nrm2All([NaN], inc)).toBeNaN();
      expect(nrm2All([1, NaN, 3], inc)).toBeNaN();
      expect(nrm2All([1, 2, 3, 4, NaN], inc)).toBeNaN();
      expect(nrm2All([Infinity, NaN], inc)).toBeNaN();
      expect(nrm2All([NaN, Infinity], inc)).toBeNaN();
      expect(nrm2All([1e300, NaN, 1e-300], inc)).toBeNaN();
      expect(nrm2All([Infinity, 1], inc)).toBe(Infinity);
      expect(nrm2All([1, -Infinity, 2], inc)).toBe(Infinity);
      expect(nrm2All([1e-300, Infinity], inc)).toBe(Infinity);
    }
  });
});
