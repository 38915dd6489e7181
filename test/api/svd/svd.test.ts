/**
 * svd / svdvals — the singular value decomposition A = U·Σ·Vᵀ at the API level, on both backends bit
 * for bit, under the default blocking and four tiny odd ones (GEMM 8×5×12 or 4×3×4 with panels of 1,
 * 2, 3, 5 for the bidiagonalisation and the QR kernels), shapes 0×0, 0×3, 3×0, 1×1, 1×7, 7×1, 37×13,
 * 13×37, 33×33 (and 40×9 / 9×40 for the QR-first path), on the SVD types of svd-types.ts, with LAPACK's
 * TESTING/EIG ratios (dbdt01 / dort01, 1-norm, pass below THRESH = 30):
 *
 *   resid   ‖A − U·Σ·Vᵀ‖₁ / (‖A‖₁·max(m, n)·ε)         thin and full
 *   orthU   ‖UᵀU − I‖₁ / (m·ε)                          m×k and m×m
 *   orthV   ‖VᵀV − I‖₁ / (n·ε)                          k×n and n×n (rows of Vt)
 *   σ       max|σ̂ᵢ − σᵢ| / (max(m, n)·ε·σ₀)             σ the known spectrum (A built as U·diag(σ)·Vᵀ) or
 *                                                       one-sided Jacobi (random, graded, subnormal)
 *
 * Conventions (bindings/api/svd.ts): s descending and ≥ 0; thin U m×k and Vt k×n by default, m×m and n×n
 * with fullMatrices, the thin factors being the leading columns / rows of the full ones bit for bit;
 * vectors orthonormal; each row of Vt has its largest-|entry| (first on ties) positive, U's column
 * flipped with it (the residual checks that U went along). computeUV: false returns s only, equal
 * bit for bit to svdvals; values-only σ agree with svd's s within the σ bound. Zero, identity and
 * diagonal matrices give their singular values exactly.
 *
 * Failures: NaN / ±Inf → LinAlgError 'not-finite' (also with checkFinite: false: the kernel detects it
 * before iterating); the iteration caps (tuning bdsqrMaxIter 1, and lasqMaxIter 1 for the values-only dqds
 * path, on both backends) → LinAlgError 'no-convergence' from svd and every
 * function built on it, never a hang. Inputs are never modified (guarded); no WASM block outlives a
 * call (the suite's afterEach, error paths included).
 */
import { describe, it, expect, assert } from 'vitest';
import {
  svd, svdvals, pinv, matrixRank, cond, norm, nullSpace, orth, subspaces, lowRank, pca, Matrix, LinAlgError,
} from '../../../bindings/index.js';
import { onBackend, BACKENDS, onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { expectBitwise } from '../../util/tolerance.js';
import { dense, eye, leadCols } from '../../util/dense.js';
import { THRESH, expectRatio } from '../../util/ratios.js';
import { caught, expectLinAlgError } from '../../util/errors.js';
import { withTuning, TUNINGS, type TuningCase } from '../../util/engines.js';
import { notSorted, orthColsRatio, orthRowsRatio, residRatio, signConventionHolds, svalRatio } from '../../util/svd-reference.js';
import { svdTestMatrices, svdTestMatrix, type SvdTestMatrix } from '../../util/svd-types.js';

setupLapackSuite('api/svd'); // both backends loaded; tuning reset and a leak check after every test

/** Iteration caps of 1: bdsqr (QR sweeps, with vectors) and lasq (dqds, values only). */
const CAPS_1 = { bdsqrMaxIter: 1, lasqMaxIter: 1 } as const;

const SHAPES: readonly (readonly [number, number])[] = [
  [0, 0], [0, 3], [3, 0], [1, 1], [1, 7], [7, 1], [37, 13], [13, 37], [33, 33],
];

/** Everything svd and svdvals promise for one matrix, under the blocking in force. */
function check(T: SvdTestMatrix, label: string): void {
  const { A } = T;
  const { m, n } = A;
  const kk = Math.min(m, n);
  const r = onBoth(label, () => guarded(label, [A], [], ([M]) => {
    const t = svd(M!);
    const f = svd(M!, { fullMatrices: true });
    const v = svd(M!, { computeUV: false });
    if (v.U !== undefined || v.Vt !== undefined) assert.fail(`${label}: computeUV false returned vectors`);
    return { U: t.U!, s: t.s, Vt: t.Vt!, Uf: f.U!, sf: f.s, Vtf: f.Vt!, sv: v.s, vals: svdvals(M!) };
  }));
  expect([r.U.m, r.U.n, r.Vt.m, r.Vt.n, r.Uf.m, r.Uf.n, r.Vtf.m, r.Vtf.n, r.s.length], `${label}: shapes`).toEqual([m, kk, kk, n, m, m, n, n, kk]);
  const bad = notSorted(r.s);
  if (bad >= 0) assert.fail(`${label}: s not descending and ≥ 0 at ${bad}: ${Array.from(r.s)}`);
  expectBitwise(`${label}: s of fullMatrices = s`, r.sf, r.s);
  expectBitwise(`${label}: svd(computeUV: false).s = svdvals`, r.sv, r.vals);
  expectBitwise(`${label}: thin U = leading columns of the full U`, r.U.a, leadCols(r.Uf, kk).a);
  expectBitwise(`${label}: thin Vt = leading rows of the full Vt`, r.Vt.a, r.Vtf.a.subarray(0, kk * n));
  for (const [Vt, which] of [[r.Vt, 'thin'], [r.Vtf, 'full']] as const) {
    const row = signConventionHolds(Vt);
    if (row >= 0) assert.fail(`${label}: row ${row} of the ${which} Vt has its largest |entry| ≤ 0`);
  }
  const kind = T.name;
  expectRatio(`${label}: ‖A − UΣVᵀ‖₁/(‖A‖₁·max(m,n)·ε) thin`, residRatio(A, r.U, r.s, r.Vt), `svd resid ${kind}`);
  expectRatio(`${label}: ‖A − UΣVᵀ‖₁/(‖A‖₁·max(m,n)·ε) full`, residRatio(A, r.Uf, r.s, r.Vtf), `svd resid ${kind}`);
  expectRatio(`${label}: ‖UᵀU − I‖₁/(m·ε) thin`, orthColsRatio(r.U), `svd orthU ${kind}`);
  expectRatio(`${label}: ‖UᵀU − I‖₁/(m·ε) full`, orthColsRatio(r.Uf), `svd orthU ${kind}`);
  expectRatio(`${label}: ‖VᵀV − I‖₁/(n·ε) thin`, orthRowsRatio(r.Vt), `svd orthV ${kind}`);
  expectRatio(`${label}: ‖VᵀV − I‖₁/(n·ε) full`, orthRowsRatio(r.Vtf), `svd orthV ${kind}`);
  expectRatio(`${label}: max|σ̂ − σ|/(max(m,n)·ε·σ₀) (svd)`, svalRatio(r.s, T.sigma, m, n), `svd σ ${kind}`);
  expectRatio(`${label}: max|σ̂ − σ|/(max(m,n)·ε·σ₀) (svdvals)`, svalRatio(r.vals, T.sigma, m, n), `svdvals σ ${kind}`);
  expectRatio(`${label}: svdvals vs svd's s`, svalRatio(r.vals, r.s, m, n), `svdvals vs svd ${kind}`);
  if (T.name === 'zero' || T.name === 'identity' || T.name === 'diagonal') {
    // nothing to reduce: the singular values are |aᵢᵢ| sorted, exactly
    expectBitwise(`${label}: exact σ (svd)`, r.s, T.sigma);
    expectBitwise(`${label}: exact σ (svdvals)`, r.vals, T.sigma);
  }
}

describe.each(TUNINGS)('svd / svdvals on the SVD types — $name', (bc: TuningCase) => {
  it('ratios < 30, σ within 30·max(m,n)·ε·σ₀ of the known spectrum / Jacobi; conventions; wasm ≡ js', () => {
    withTuning(bc.tuning, () => {
      const shapes = Object.keys(bc.tuning).length === 0 ? [...SHAPES, [40, 9] as const, [9, 40] as const] : SHAPES;
      for (const [m, n] of shapes) {
        for (const T of svdTestMatrices(m, n, 17)) check(T, `${T.name} ${m}×${n}, ${bc.name}`);
      }
    });
  });
});

describe('svd: inputs and conventions', () => {
  it('nested arrays give the same bits as a Matrix; a 1×1 is |a| with U = sign(a), V = 1', () => {
    const rows = [[3, -1, 2], [0.5, 4, -2]];
    const a = onBoth('nested', () => {
      const f = svd(rows);
      return { U: f.U!, s: f.s, Vt: f.Vt! };
    });
    const b = onBoth('Matrix', () => {
      using M = Matrix.from(rows);
      const f = svd(M);
      return { U: f.U!, s: f.s, Vt: f.Vt! };
    });
    expectBitwise('U', a.U.a, b.U.a);
    expectBitwise('s', a.s, b.s);
    expectBitwise('Vt', a.Vt.a, b.Vt.a);
    for (const x of [-2.5, 0, 3e-310, -1e300]) {
      const r = onBoth(`1×1 ${x}`, () => {
        const f = svd([[x]]);
        return { U: f.U!, s: f.s, Vt: f.Vt! };
      });
      expect(Array.from(r.s), `1×1 ${x}: s`).toEqual([Math.abs(x)]);
      expect(Array.from(r.Vt.a), `1×1 ${x}: Vt (largest entry positive)`).toEqual([1]);
      expect(Array.from(r.U.a), `1×1 ${x}: U`).toEqual([x < 0 ? -1 : 1]);
    }
  });

  it('empty shapes as numpy.linalg.svd: s empty, thin factors m×0 / 0×n, full factors identities', () => {
    for (const [m, n] of [[0, 0], [0, 3], [3, 0]] as const) {
      const r = onBoth(`${m}×${n}`, () => guarded(`${m}×${n}`, [dense(m, n)], [], ([M]) => {
        const t = svd(M!);
        const f = svd(M!, { fullMatrices: true });
        return { U: t.U!, s: t.s, Vt: t.Vt!, Uf: f.U!, Vtf: f.Vt!, vals: svdvals(M!) };
      }));
      expect([r.U.m, r.U.n, r.Vt.m, r.Vt.n, r.s.length, r.vals.length]).toEqual([m, 0, 0, n, 0, 0]);
      expect(Array.from(r.Uf.a), `${m}×${n}: full U`).toEqual(Array.from(eye(m).a));
      expect(Array.from(r.Vtf.a), `${m}×${n}: full Vt`).toEqual(Array.from(eye(n).a));
    }
  });
});

describe('svd: failures', () => {
  it("NaN / ±Inf: LinAlgError 'not-finite' (checkFinite: false too: the kernel rejects it before iterating)", () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        for (const bad of [NaN, Infinity, -Infinity]) {
          const A = svdTestMatrix('random', 9, 5, 1).A;
          const B = dense(9, 5, A.a.slice());
          B.a[17] = bad;
          const label = `${be} ${bad}`;
          guarded(label, [B], [], ([M]) => {
            expectLinAlgError(`${label} svd`, () => svd(M!), 'not-finite', undefined, /checkFinite/);
            expectLinAlgError(`${label} svdvals`, () => svdvals(M!), 'not-finite', undefined, /checkFinite/);
            expectLinAlgError(`${label} svd checkFinite false`, () => svd(M!, { checkFinite: false }), 'not-finite', undefined, /NaN or Inf/);
            expectLinAlgError(`${label} svdvals checkFinite false`, () => svdvals(M!, { checkFinite: false }), 'not-finite');
          });
        }
      });
    }
  });

  it("iteration cap of 1: LinAlgError 'no-convergence' (info > 0) from svd and every SVD-based function, at once", () => {
    const A = svdTestMatrix('random', 30, 20, 5).A;
    for (const be of BACKENDS) {
      onBackend(be, () => {
        guarded(`${be} no-convergence`, [A], [], ([M]) => {
          const t0 = performance.now();
          withTuning(CAPS_1, () => {
            const calls: [string, () => unknown][] = [
              ['svd', () => svd(M!)],
              ['svd full', () => svd(M!, { fullMatrices: true })],
              ['svd values', () => svd(M!, { computeUV: false })],
              ['svdvals', () => svdvals(M!)],
              ['pinv', () => pinv(M!)],
              ['matrixRank', () => matrixRank(M!)],
              ['cond', () => cond(M!)],
              ['norm 2', () => norm(M!, 2)],
              ['norm nuc', () => norm(M!, 'nuc')],
              ['nullSpace', () => nullSpace(M!)],
              ['orth', () => orth(M!)],
              ['subspaces', () => subspaces(M!)],
              ['lowRank', () => lowRank(M!, 3)],
              ['pca', () => pca(M!)],
            ];
            for (const [name, f] of calls) {
              const e = expectLinAlgError(`${be} ${name}`, f, 'no-convergence', undefined, /converge/);
              expect(e.info, `${be} ${name}: info`).toBeGreaterThan(0);
            }
          });
          expect(performance.now() - t0, `${be}: ms for 14 capped calls`).toBeLessThan(5000);
          // the defaults are back
          const s = svdvals(M!);
          expect(s.length).toBe(20);
        });
      });
    }
  });

  it('a failing call leaves its inputs and the heap as they were (guarded + the leak check of afterEach)', () => {
    const A = svdTestMatrix('geometric', 17, 11, 2).A;
    withTuning(CAPS_1, () => {
      const r = onBoth('no-convergence, no leak', () => guarded('no leak', [A], [], ([M]) => {
        const e = caught(() => svd(M!, { fullMatrices: true }));
        return { isError: e instanceof LinAlgError && e.code === 'no-convergence' };
      }));
      expect(r.isError).toBe(true);
    });
  });
});

describe('svd ratios can fail', () => {
  it('a relative change of 1e−10 in one entry of U pushes resid and orthU past THRESH; a flipped sign breaks the convention', () => {
    const T = svdTestMatrix('random', 17, 9, 2);
    const r = onBoth('svd', () => guarded('svd', [T.A], [], ([M]) => {
      const f = svd(M!);
      return { U: f.U!, s: f.s, Vt: f.Vt! };
    }));
    expect(residRatio(T.A, r.U, r.s, r.Vt)).toBeLessThan(THRESH);
    expect(orthColsRatio(r.U)).toBeLessThan(THRESH);
    expect(svalRatio(r.s, T.sigma, 17, 9)).toBeLessThan(THRESH);
    r.U.a[4 * 9 + 3] = r.U.a[4 * 9 + 3]! * (1 + 1e-10);
    expect(residRatio(T.A, r.U, r.s, r.Vt)).toBeGreaterThan(THRESH);
    expect(orthColsRatio(r.U)).toBeGreaterThan(THRESH);
    const s = r.s.slice();
    s[2] = s[2]! * (1 + 1e-12);
    expect(svalRatio(s, T.sigma, 17, 9)).toBeGreaterThan(THRESH);
    for (let j = 0; j < 9; j++) r.Vt.a[3 * 9 + j] = -r.Vt.a[3 * 9 + j]!;
    expect(signConventionHolds(r.Vt)).toBe(3);
  });
});
