/**
 * rq — modes 'full', 'economic', 'r' — on LAPACK's matrix types (lapack-types.ts) over square, tall,
 * wide, single-row/column and block-edge shapes, under the default and four tiny odd blockings (gerqf /
 * orgrq panels of 1, 2, 3, 5 through nbAll's geqrfNB / orgqrNB), both backends bit for bit, with the
 * RQ analogues of LAPACK's TESTING/LIN/drqt01 ratios below THRESH = 30:
 *
 *   ‖A − R·Q‖₁ / (max(m, n)·‖A‖₁·ε)        ‖I − Q·Qᵀ‖₁ / (n·ε)
 *
 * Exact properties: R is zero outside its trapezoid (R[i, j] = 0 unless j − i ≥ cols(R) − m); mode 'r'
 * returns the R of mode 'full' bit for bit, 'economic' its last columns; a matrix whose rows need no
 * reflection (zero, or the identity placed in the last columns) gives Q = I and R = A exactly;
 * scaling A by 2^±970 scales R by that power and leaves Q unchanged. The blocked kernels agree with the
 * unblocked ones (nb = 1 runs gerq2 / orgr2 only) to the ratios. Empty shapes as scipy.linalg.rq.
 */
import { describe, it, expect } from 'vitest';
import { rq, Matrix } from '../../../bindings/index.js';
import { onBackend, BACKENDS, onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { dense, eye, mul, norm1, ratio, scaled, sub, tr, type Dense } from '../../util/dense.js';
import { lapackMatrices, lapackMatrix, randn, Rng, type TestMatrix } from '../../util/lapack-types.js';
import { EPS } from '../../util/tolerance.js';
import { THRESH, expectRatio } from '../../util/ratios.js';
import { expectLinAlgError, expectError } from '../../util/errors.js';
import { withTuning, TUNINGS } from '../../util/engines.js';

setupLapackSuite('api/rq');

const SHAPES: readonly (readonly [number, number])[] = [
  [1, 1], [2, 2], [1, 5], [5, 1], [7, 7], [16, 17], [17, 16], [33, 7], [7, 33], [33, 33], [6, 11], [11, 6],
];

function factorRatio(A: Dense, R: Dense, Q: Dense): number {
  return ratio(norm1(sub(A, mul(R, Q))), Math.max(1, A.m, A.n), norm1(A), EPS);
}

function orthRatio(Q: Dense, n: number): number {
  return ratio(norm1(sub(eye(Q.m), mul(Q, tr(Q)))), Math.max(1, n), EPS);
}

function expectTrapezoid(label: string, R: Dense, m: number): void {
  for (let i = 0; i < R.m; i++) {
    for (let j = 0; j < R.n; j++) {
      if (j - i < R.n - m && !Object.is(R.a[i * R.n + j], 0)) expect.unreachable(`${label}: R(${i},${j}) = ${R.a[i * R.n + j]} outside the trapezoid`);
    }
  }
}

function check(T: TestMatrix, label: string): void {
  const { A } = T;
  const { m, n } = A;
  const k = Math.min(m, n);
  const r = onBoth(label, () => guarded(label, [A], [], ([M]) => {
    const full = rq(M!);
    const eco = rq(M!, { mode: 'economic' });
    const ro = rq(M!, { mode: 'r' });
    if (ro.Q !== undefined) expect.unreachable(`${label}: mode 'r' returned Q`);
    return { R: full.R, Q: full.Q!, Re: eco.R, Qe: eco.Q!, Rr: ro.R };
  }));
  expect([r.R.m, r.R.n, r.Q.m, r.Q.n, r.Re.m, r.Re.n, r.Qe.m, r.Qe.n, r.Rr.m, r.Rr.n], `${label}: shapes`)
    .toEqual([m, n, n, n, m, k, k, n, m, n]);
  expectTrapezoid(`${label} full`, r.R, m);
  expectTrapezoid(`${label} economic`, r.Re, m);
  expect(Array.from(r.Rr.a), `${label}: mode 'r' gives the full R`).toEqual(Array.from(r.R.a));
  // economic R = the last k columns of the full R (all of it for a tall A)
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < k; j++) if (!Object.is(r.Re.a[i * k + j], r.R.a[i * n + (n - k) + j])) expect.unreachable(`${label}: economic R(${i},${j})`);
  }
  const name = `${T.name} ${m}×${n}`;
  expectRatio(`‖A − RQ‖ full ${name}, ${label}`, factorRatio(A, r.R, r.Q), `rq ‖A − RQ‖ ${T.name}`);
  expectRatio(`‖A − RQ‖ economic ${name}, ${label}`, factorRatio(A, r.Re, r.Qe), `rq ‖A − RQ‖ ${T.name}`);
  expectRatio(`‖I − QQᵀ‖ full ${name}, ${label}`, orthRatio(r.Q, n), `rq ‖I − QQᵀ‖ ${T.name}`);
  expectRatio(`‖I − QQᵀ‖ economic ${name}, ${label}`, orthRatio(r.Qe, n), `rq ‖I − QQᵀ‖ ${T.name}`);
  if (T.name === 'zero') {
    for (let t = 0; t < n * n; t++) if (r.Q.a[t] !== eye(n).a[t]) expect.unreachable(`${label}: Q ≠ I for a zero A`);
  }
}

describe.each(TUNINGS)('RQ on LAPACK matrix types — $name', (bc) => {
  it('drqt01-style ratios < 30 for full and economic Q; exact structure; wasm ≡ js', () => {
    withTuning(bc.tuning, () => {
      for (const [m, n] of SHAPES) {
        for (const T of lapackMatrices(m, n, 4)) check(T, `${T.name} ${m}×${n}, ${bc.name}`);
      }
    });
  });
});

describe('RQ at the default block edges (32-wide panels: k = 31, 32, 33, 63, 64, 65, 100)', () => {
  it('ratios < 30; wasm ≡ js', () => {
    for (const [m, n] of [[31, 40], [32, 32], [40, 33], [63, 63], [64, 64], [65, 97], [128, 100], [100, 128]] as const) {
      for (const T of lapackMatrices(m, n, 5)) check(T, `${T.name} ${m}×${n}, default blocking`);
    }
  });
});

describe('RQ: rows that need no reflection', () => {
  it('A = [0 I] (wide) and a square upper triangle: Q = I and R = A exactly', () => {
    for (const [m, n] of [[3, 7], [5, 5], [1, 4]] as const) {
      const A = dense(m, n);
      const rng = new Rng(m * n);
      for (let i = 0; i < m; i++) for (let j = n - m + i; j < n; j++) A.a[i * n + j] = j === n - m + i ? 1 + rng.uniform() : rng.normal();
      const r = onBoth(`${m}×${n}`, () => guarded('A', [A], [], ([M]) => {
        const f = rq(M!);
        return { R: f.R, Q: f.Q! };
      }));
      const I = eye(n);
      for (let t = 0; t < n * n; t++) if (r.Q.a[t] !== I.a[t]) expect.unreachable(`${m}×${n}: Q ≠ I at ${t}: ${r.Q.a[t]}`);
      expect(Array.from(r.R.a), `${m}×${n}: R`).toEqual(Array.from(A.a));
    }
  });
});

describe('RQ: exact scaling by 2^±970', () => {
  it('Q does not change, R scales exactly', () => {
    for (const bc of [TUNINGS[0]!, TUNINGS[1]!]) {
      withTuning(bc.tuning, () => {
        for (const [m, n] of [[33, 17], [17, 33], [16, 16]] as const) {
          const A = randn(new Rng(m + 2 * n), m, n);
          for (const target of [1e292, 1e-292]) {
            const e = Math.round(Math.log2(target / norm1(A)));
            const label = `${m}×${n} 2^${e}, ${bc.name}`;
            const run = (D: Dense): { Q: Dense; R: Dense } => onBoth(label, () => guarded(label, [D], [], ([M]) => {
              const f = rq(M!);
              return { Q: f.Q!, R: f.R };
            }));
            const r0 = run(A);
            const r1 = run(scaled(A, 2 ** e));
            expect(Array.from(r1.Q.a), `${label}: Q`).toEqual(Array.from(r0.Q.a));
            expect(Array.from(r1.R.a), `${label}: R`).toEqual(Array.from(r0.R.a, (v) => v * 2 ** e));
          }
        }
      });
    }
  });
});

describe('RQ: empty shapes as scipy.linalg.rq', () => {
  it('0×0, m×0, 0×n in every mode: full Q is I(n)', () => {
    for (const [m, n] of [[0, 0], [3, 0], [0, 3]] as const) {
      const label = `${m}×${n}`;
      const r = onBoth(label, () => guarded(label, [dense(m, n)], [], ([M]) => {
        const full = rq(M!);
        const eco = rq(M!, { mode: 'economic' });
        return { R: full.R, Q: full.Q!, Re: eco.R, Qe: eco.Q!, Rr: rq(M!, { mode: 'r' }).R };
      }));
      expect([r.R.m, r.R.n, r.Q.m, r.Q.n, r.Re.m, r.Re.n, r.Qe.m, r.Qe.n, r.Rr.m, r.Rr.n], label).toEqual([m, n, n, n, m, 0, 0, n, m, n]);
      expect(Array.from(r.Q.a), `${label}: Q = I`).toEqual(Array.from(eye(n).a));
    }
  });
});

describe('RQ: bad input', () => {
  it('unknown mode: RangeError naming it; NaN / ±Inf: not-finite; checkFinite: false lets them through', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        const A = lapackMatrix('random', 5, 9, 1).A;
        guarded('mode', [A], [], ([M]) => {
          expectError(RangeError, 'mode', () => rq(M!, { mode: 'reduced' as never }), /^rq: .*reduced/);
          expectError(TypeError, 'options', () => rq(M!, 3 as never), /^rq/);
        });
        expectError(TypeError, 'A', () => rq('x' as never), /^rq: A/);
        for (const bad of [NaN, Infinity, -Infinity]) {
          const B = dense(5, 9, A.a.slice());
          B.a[17] = bad;
          const label = `${be} ${bad}`;
          guarded(label, [B], [], ([M]) => {
            expectLinAlgError(label, () => rq(M!), 'not-finite', undefined, /^rq: .*checkFinite/);
            const f = rq(M!, { checkFinite: false });
            expect(f.R.toFloat64Array().some((t) => !Number.isFinite(t)), `${label}: the bad value reaches R`).toBe(true);
            f.dispose();
          });
        }
        const M = Matrix.from([[1, 2], [3, 4]]);
        M.dispose();
        expectError(ReferenceError, 'disposed', () => rq(M), /^rq: A is a disposed/);
      });
    }
  });
});

describe('RQ ratios can fail', () => {
  it('a relative change of 1e−10 in one entry of Q pushes both ratios past THRESH', () => {
    const T = lapackMatrix('random', 9, 17, 2);
    const r = onBoth('rq', () => guarded('rq', [T.A], [], ([M]) => {
      const f = rq(M!);
      return { Q: f.Q!, R: f.R };
    }));
    expect(factorRatio(T.A, r.R, r.Q)).toBeLessThan(THRESH);
    expect(orthRatio(r.Q, 17)).toBeLessThan(THRESH);
    r.Q.a[12 * 17 + 3] = r.Q.a[12 * 17 + 3]! * (1 + 1e-10); // a row R·Q uses (R's first 8 columns are zero)
    expect(factorRatio(T.A, r.R, r.Q)).toBeGreaterThan(THRESH);
    expect(orthRatio(r.Q, 17)).toBeGreaterThan(THRESH);
  });
});

describe('Matrix.rq', () => {
  it('is rq(A), bit for bit, with the options passed through', () => {
    const A = lapackMatrix('random', 9, 13, 21).A;
    for (const mode of ['full', 'economic'] as const) {
      const m = onBoth('method', () => guarded('m', [A], [], ([M]) => { const f = M!.rq({ mode }); return { R: f.R, Q: f.Q! }; }));
      const f = onBoth('free', () => guarded('f', [A], [], ([M]) => { const g = rq(M!, { mode }); return { R: g.R, Q: g.Q! }; }));
      expect(Array.from(m.R.a)).toEqual(Array.from(f.R.a));
      expect(Array.from(m.Q.a)).toEqual(Array.from(f.Q.a));
    }
  });
});
