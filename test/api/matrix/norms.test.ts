/**
 * norm() through the public API on both backends: no overflow on 1e200 entries, no underflow on
 * 1e-200 entries, NaN propagates, empty → 0; Frobenius and vector 2-norms against the scaled
 * reference with (n + 2)·ε·‖x‖, the max-sum norms exactly.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { Matrix, norm } from '../../../bindings/index.js';
import { setupApi, onBoth } from '../../util/api.js';
import { Rng, rows } from '../../util/generate.js';
import { nrm2Ref, pow2 } from '../../util/reference.js';
import { expectScaledScalar } from '../../util/tolerance.js';

beforeAll(setupApi);

describe('norms', () => {
  it('1e200 and 1e-200 entries: finite, accurate Frobenius and 2-norms', () => {
    for (const s of [1e200, 1e-200, 1e300, 1e-300, 1]) {
      const A = rows(new Rng(1), 'normal', 20, 15).map((r) => r.map((v) => v * s));
      const flat = A.flat();
      const fro = onBoth(`fro ×${s}`, () => norm(A))[0]!;
      expect(Number.isFinite(fro) && fro > 0, `fro ×${s} = ${fro}`).toBe(true);
      expectScaledScalar(`fro ×${s}`, fro, nrm2Ref(flat), nrm2Ref(flat), flat.length + 2);
      const v2 = onBoth(`vector 2-norm ×${s}`, () => norm(flat))[0]!;
      expectScaledScalar(`2-norm ×${s}`, v2, nrm2Ref(flat), nrm2Ref(flat), flat.length + 2);
    }
    for (const e of [700, -700, 1020, -1070]) {
      const s = pow2(e);
      expect(onBoth(`3-4-5 at 2^${e}`, () => norm([[3 * s], [4 * s]]))[0]).toBe(5 * s);
      expect(onBoth(`3-4-5 vector at 2^${e}`, () => norm([3 * s, -4 * s]))[0]).toBe(5 * s);
    }
  });

  it('one and infinity norms: exact column and row sums (also at 1e200 and 1e-200)', () => {
    for (const s of [1, 1e200, 1e-200]) {
      const A = [[1 * s, -2 * s, 3 * s], [-4 * s, 5 * s, -6 * s]];
      expect(onBoth('one', () => norm(A, 1))[0]).toBe(Math.abs(3 * s) + Math.abs(-6 * s)); // column 2 is the largest
      expect(onBoth('inf', () => norm(A, Infinity))[0]).toBe(Math.abs(-4 * s) + Math.abs(5 * s) + Math.abs(-6 * s));
    }
    expect(onBoth('vector 1', () => norm([1e300, 1e300, -1e300], 1))[0]).toBe(3e300);
    expect(onBoth('vector inf', () => norm([1e-300, -2e-300], Infinity))[0]).toBe(2e-300);
  });

  it('empty matrices and vectors have norm 0', () => {
    for (const ord of ['fro', 1, Infinity] as const) {
      for (const [m, n] of [[0, 0], [0, 3], [3, 0]] as const) {
        expect(onBoth(`norm ${ord} ${m}×${n}`, () => {
          using Z = Matrix.zeros(m, n);
          return norm(Z, ord);
        })[0]).toBe(0);
      }
    }
    for (const ord of [1, 2, Infinity] as const) expect(onBoth(`vector ${ord} empty`, () => norm([], ord))[0]).toBe(0);
  });

  it('NaN propagates from any position', () => {
    for (let p = 0; p < 6; p++) {
      const A = [[1e200, 2, 3], [4, 5, 1e-200]].map((r, i) => r.map((v, j) => (i * 3 + j === p ? NaN : v)));
      for (const ord of ['fro', 1, Infinity] as const) expect(onBoth(`norm ${ord} NaN at ${p}`, () => norm(A, ord))[0]).toBeNaN();
      expect(onBoth(`vector NaN at ${p}`, () => norm(A.flat()))[0]).toBeNaN();
    }
  });
});
