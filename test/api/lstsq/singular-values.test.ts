/**
 * lstsq's `s` (numpy's fourth result): the singular values of A, descending, min(m, n) of them, computed
 * from the pivoted QR's triangle (σ(A) = σ(R)). Checked against svdvals(A) on LAPACK's matrix types and
 * shapes, each within 30·max(m, n)·ε·σ₀ (Weyl: both are backward stable to that), both backends bit
 * for bit; weighted problems report σ of the weighted A; empty shapes give an empty s; NaN with
 * checkFinite off gives NaN, never a throw from the extra SVD.
 */
import { describe, it, expect } from 'vitest';
import { lstsq, svdvals } from '../../../bindings/index.js';
import { onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { dense } from '../../util/dense.js';
import { lapackMatrices } from '../../util/lapack-types.js';
import { EPS } from '../../util/tolerance.js';
import { expectRatio } from '../../util/ratios.js';
import { withTuning, TUNINGS } from '../../util/engines.js';

setupLapackSuite('api/lstsq s');

describe.each([TUNINGS[0]!, TUNINGS[1]!])('lstsq s — $name', (bc) => {
  it('equals svdvals(A) to 30·max(m, n)·ε·σ₀ on LAPACK types; wasm ≡ js', () => {
    withTuning(bc.tuning, () => {
      for (const [m, n] of [[1, 1], [5, 1], [1, 5], [7, 7], [17, 16], [16, 17], [33, 7], [7, 33]] as const) {
        for (const T of lapackMatrices(m, n, 12)) {
          const label = `${T.name} ${m}×${n}, ${bc.name}`;
          const b = new Float64Array(m).fill(1);
          const r = onBoth(label, () => guarded(label, [T.A], [b], ([M], [v]) => {
            const o = lstsq(M!, v!);
            return { s: o.s, ref: svdvals(M!) };
          }));
          expect(r.s.length, label).toBe(Math.min(m, n));
          let worst = 0;
          for (let i = 0; i < r.s.length; i++) {
            if (i > 0 && r.s[i]! > r.s[i - 1]!) expect.unreachable(`${label}: s not descending`);
            worst = Math.max(worst, Math.abs(r.s[i]! - r.ref[i]!));
          }
          const s0 = r.ref[0] ?? 0;
          expectRatio(`|s − σ| ${label}`, s0 === 0 ? (worst === 0 ? 0 : Infinity) : worst / (s0 * Math.max(m, n) * EPS), `lstsq s ${T.name}`);
        }
      }
    });
  });
});

describe('lstsq s: weights, empty, NaN, matrix right-hand sides', () => {
  it('weights: σ of the row-scaled A', () => {
    const A = [[1, 2], [3, 4], [5, 7]];
    const r = onBoth('w', () => lstsq(A, [1, 2, 3], { weights: [4, 1, 0] }).s);
    const ref = onBoth('ref', () => svdvals([[2, 4], [3, 4], [0, 0]]));
    for (let i = 0; i < 2; i++) expect(Math.abs(r[i]! - ref[i]!)).toBeLessThanOrEqual(30 * 3 * EPS * ref[0]!);
  });
  it('empty shapes: s empty', () => {
    for (const [m, n] of [[0, 0], [3, 0], [0, 3]] as const) {
      const r = onBoth(`${m}×${n}`, () => guarded('e', [dense(m, n), dense(m, 2)], [], ([M, B]) => {
        const o = lstsq(M!, B!);
        const s = o.s;
        o.dispose();
        return s;
      }));
      expect(r.length).toBe(0);
    }
  });
  it('NaN with checkFinite off: s is NaN', () => {
    const r = onBoth('nan', () => lstsq([[1, 2], [NaN, 4], [5, 6]], [1, 2, 3], { checkFinite: false }).s);
    expect(r.length).toBe(2);
    expect(r.every((v) => Number.isNaN(v))).toBe(true);
  });
  it('matrix right-hand side: the same s, and the result disposes its x', () => {
    const A = [[1, 2], [3, 4], [5, 7]];
    const r = onBoth('B', () => {
      const o = lstsq(A, [[1, 0], [0, 1], [1, 1]]);
      const s = o.s;
      o.dispose();
      return s;
    });
    expect(Array.from(r)).toEqual(Array.from(onBoth('b', () => lstsq(A, [1, 0, 1]).s)));
  });
});
