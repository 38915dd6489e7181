/**
 * The tuning crossovers are reachable through setTuning, on the public API with both backends bit for
 * bit: gehrd's NX changes the bits of schur() (blocked Hessenberg reduction), gesvd's QR-first
 * ratio and labrd's panel threshold (brdPanelMin) those of svd(). The tuning table itself (keys, defaults, normalisation on every engine,
 * Backend.setTuning / getTuning): test/kernels/tuning.test.ts.
 */
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { schur, svd, Matrix, type Tuning } from '../../../bindings/index.js';
import { setupApi, onBoth } from '../../util/api.js';
import { resetTuning, withTuning } from '../../util/engines.js';
import { randn } from '../../util/lapack-types.js';
import { Rng } from '../../util/generate.js';

beforeAll(setupApi);

/** svd() of A (row-major m×n) under tuning t on both backends, bit for bit: U, σ, Vᵀ. */
function svdUnder(A: { a: Float64Array; m: number; n: number }, t: Partial<Tuning>, label: string) {
  return withTuning(t, () => onBoth(label, () => {
    const M = Matrix.fromArray(A.a, A.m, A.n);
    try {
      const r = svd(M);
      return { U: r.U!, s: r.s, Vt: r.Vt! };
    } finally {
      M.dispose();
    }
  }));
}

describe('the crossovers are reachable through setTuning (public API, both backends bit for bit)', () => {
  afterEach(() => resetTuning());

  it("gehrdNX: schur() of a 24×24 matrix takes the blocked Hessenberg reduction with NX = 1 (other bits), gehd2 with NX ≥ n (the default's bits)", () => {
    const A = randn(new Rng(24), 24, 24);
    const run = (t: Partial<Tuning>, label: string) =>
      withTuning(t, () => onBoth(label, () => {
        const M = Matrix.fromArray(A.a, 24, 24);
        try {
          const s = schur(M);
          return { T: s.T, Z: s.Z };
        } finally {
          M.dispose();
        }
      }));
    const dflt = run({}, 'schur default (NX 64 ≥ n: gehd2)');
    const off = run({ gehrdNB: 4, gehrdNX: 100 }, 'schur NB 4, NX 100 (gehd2)');
    const on = run({ gehrdNB: 4, gehrdNX: 1 }, 'schur NB 4, NX 1 (blocked)');
    expect(Array.from(off.T.a), 'NX ≥ n: the same bits as the default').toEqual(Array.from(dflt.T.a));
    expect(Array.from(on.T.a), 'NX = 1: the blocked reduction rounds differently').not.toEqual(Array.from(dflt.T.a));
    // both are Schur forms of A: the same eigenvalues (the diagonal of T, up to rounding)
    const diag = (T: { a: Float64Array }) => Array.from({ length: 24 }, (_, i) => T.a[i * 24 + i]!).sort((x, y) => x - y);
    const [d0, d1] = [diag(dflt.T), diag(on.T)];
    for (let i = 0; i < 24; i++) expect(Math.abs(d0[i]! - d1[i]!)).toBeLessThan(1e-10 * (1 + Math.abs(d0[i]!)));
  });

  it('gesvdQrRatio: svd() of a 40×10 matrix goes QR-first by default and with 1.01, directly with 5 (other bits, same σ within rounding)', () => {
    const A = randn(new Rng(40), 40, 10);
    const run = (t: Partial<Tuning>, label: string) => svdUnder(A, t, label);
    const dflt = run({}, 'svd default (1.75: QR first)');
    const qr = run({ gesvdQrRatio: 1.01 }, 'svd ratio 1.01 (QR first)');
    const direct = run({ gesvdQrRatio: 5 }, 'svd ratio 5 (direct)');
    expect(Array.from(qr.U.a)).toEqual(Array.from(dflt.U.a));
    expect(Array.from(qr.s)).toEqual(Array.from(dflt.s));
    expect(Array.from(direct.U.a), 'ratio 5: the direct path rounds differently').not.toEqual(Array.from(dflt.U.a));
    for (let i = 0; i < 10; i++) expect(Math.abs(direct.s[i]! - dflt.s[i]!)).toBeLessThan(1e-12 * dflt.s[0]!);
  });

  it('brdPanelMin: svd() of a 40×40 matrix splits labrd\'s fused pass into column panels with 1 (other bits, same σ within rounding), not by default (40·39 < 128²)', () => {
    const A = randn(new Rng(41), 40, 40);
    const run = (t: Partial<Tuning>, label: string) => svdUnder(A, t, label);
    const dflt = run({ gebrdNB: 8 }, 'svd default (unsplit pass)');
    const off = run({ gebrdNB: 8, brdPanelMin: 1600 }, 'svd brdPanelMin 1600 > every trailing block (unsplit)');
    const on = run({ gebrdNB: 8, brdPanelMin: 1 }, 'svd brdPanelMin 1 (panels)');
    expect(Array.from(off.U.a)).toEqual(Array.from(dflt.U.a));
    expect(Array.from(off.s)).toEqual(Array.from(dflt.s));
    expect(Array.from(on.U.a), 'brdPanelMin 1: the panels\' partial sums round differently').not.toEqual(Array.from(dflt.U.a));
    for (let i = 0; i < 40; i++) expect(Math.abs(on.s[i]! - dflt.s[i]!)).toBeLessThan(1e-12 * dflt.s[0]!);
  });
});
