/**
 * qr — modes 'reduced', 'complete', 'r', with and without column pivoting — on LAPACK's matrix types
 * (lapack-types.ts) over square, tall, wide and single-row/column shapes, under the default and four tiny odd
 * blockings (geqrf / orgqr / larfb panels of 1, 2, 3, 5), both backends bit for bit, with LAPACK's
 * TESTING/LIN/dqrt01 ratios below THRESH = 30:
 *
 *   ‖A·P − Q·R‖₁ / (max(m, n)·‖A‖₁·ε)        ‖I − QᵀQ‖₁ / (m·ε)
 *
 * Exact properties: R is upper trapezoidal; mode 'r' returns the R of mode 'reduced' bit for bit;
 * matrices whose columns are already reduced (identity, diagonal, upper trapezoid) give Q = I and
 * R = A with no rounding; zero columns stay exactly zero in R, and pivoting moves them to the end with
 * an exactly zero R diagonal (the numerical rank is exact); scaling A by 2^±970 scales R by the same
 * power and leaves Q and the pivots unchanged (no hidden overflow or underflow in the norms and
 * reflectors). Empty shapes as numpy.linalg.qr.
 */
import { describe, it, expect } from 'vitest';
import { qr } from '../../../bindings/index.js';
import { onBackend, BACKENDS, onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { columns, dense, eye, mul, norm1, ratio, scaled, sub, tr, type Dense } from '../../util/dense.js';
import { lapackMatrices, lapackMatrix, randn, Rng, type TestMatrix } from '../../util/lapack-types.js';
import { EPS } from '../../util/tolerance.js';
import { THRESH, expectRatio } from '../../util/ratios.js';
import { expectLinAlgError, expectError } from '../../util/errors.js';
import { withTuning, TUNINGS } from '../../util/engines.js';

setupLapackSuite('api/qr');

const SHAPES: readonly (readonly [number, number])[] = [
  [1, 1], [2, 2], [1, 5], [5, 1], [7, 7], [16, 17], [17, 16], [33, 7], [7, 33], [33, 33],
];

function factorRatio(A: Dense, perm: Int32Array | undefined, Q: Dense, R: Dense): number {
  const AP = perm === undefined ? A : columns(A, perm);
  return ratio(norm1(sub(AP, mul(Q, R))), Math.max(1, A.m, A.n), norm1(A), EPS);
}

function orthRatio(Q: Dense, m: number): number {
  return ratio(norm1(sub(eye(Q.n), mul(tr(Q), Q))), Math.max(1, m), EPS);
}

function check(T: TestMatrix, pivoting: boolean, label: string): void {
  const { A } = T;
  const { m, n } = A;
  const k = Math.min(m, n);
  const r = onBoth(label, () => guarded(label, [A], [], ([M]) => {
    const red = qr(M!, { pivoting });
    const com = qr(M!, { pivoting, mode: 'complete' });
    const ro = qr(M!, { pivoting, mode: 'r' });
    if (ro.Q !== undefined) expect.unreachable(`${label}: mode 'r' returned Q`);
    if (!pivoting && (red.perm !== undefined || com.perm !== undefined)) expect.unreachable(`${label}: perm without pivoting`);
    return { Q: red.Q!, R: red.R, perm: red.perm, Qc: com.Q!, Rc: com.R, permc: com.perm, Rr: ro.R, permr: ro.perm };
  }));
  expect([r.Q.m, r.Q.n, r.R.m, r.R.n, r.Qc.m, r.Qc.n, r.Rc.m, r.Rc.n, r.Rr.m, r.Rr.n], `${label}: shapes`).toEqual([m, k, k, n, m, m, m, n, k, n]);
  for (const [R, name] of [[r.R, 'R'], [r.Rc, 'complete R']] as const) {
    for (let i = 0; i < R.m; i++) {
      for (let j = 0; j < Math.min(i, n); j++) if (!Object.is(R.a[i * n + j], 0)) expect.unreachable(`${label}: ${name}(${i},${j}) = ${R.a[i * n + j]} below the diagonal`);
    }
  }
  expect(Array.from(r.Rr.a), `${label}: mode 'r' gives the reduced R`).toEqual(Array.from(r.R.a));
  expect(Array.from(r.Rc.a.subarray(0, k * n)), `${label}: complete R starts with the reduced R`).toEqual(Array.from(r.R.a));
  if (pivoting) {
    expect([...r.perm!].sort((a, b) => a - b), `${label}: perm`).toEqual(Array.from({ length: n }, (_, j) => j));
    expect(Array.from(r.permc!)).toEqual(Array.from(r.perm!));
    expect(Array.from(r.permr!)).toEqual(Array.from(r.perm!));
    for (let i = 1; i < k; i++) {
      if (!(Math.abs(r.R.a[i * n + i]!) <= Math.abs(r.R.a[(i - 1) * n + i - 1]!))) expect.unreachable(`${label}: |R(${i},${i})| > |R(${i - 1},${i - 1})|`);
    }
  }
  const name = `${T.name} ${m}×${n}${pivoting ? ' pivoted' : ''}`;
  const kind = `${pivoting ? 'pivoted ' : ''}${T.name}`;
  expectRatio(`‖AP − QR‖ reduced ${name}, ${label}`, factorRatio(A, r.perm, r.Q, r.R), `qr ‖AP − QR‖ ${kind}`);
  expectRatio(`‖AP − QR‖ complete ${name}, ${label}`, factorRatio(A, r.permc, r.Qc, r.Rc), `qr ‖AP − QR‖ ${kind}`);
  expectRatio(`‖I − QᵀQ‖ reduced ${name}, ${label}`, orthRatio(r.Q, m), `qr ‖I − QᵀQ‖ ${kind}`);
  expectRatio(`‖I − QᵀQ‖ complete ${name}, ${label}`, orthRatio(r.Qc, m), `qr ‖I − QᵀQ‖ ${kind}`);

  // Columns that need no reflection: Q = I and R = A exactly (τ = 0 everywhere).
  if (!pivoting && (T.name === 'identity' || T.name === 'diagonal' || T.name === 'upper' || T.name === 'zero')) {
    const I = eye(m, k);
    for (let t = 0; t < m * k; t++) if (r.Q.a[t] !== I.a[t]) expect.unreachable(`${label}: Q ≠ I at ${t}: ${r.Q.a[t]}`);
    for (let i = 0; i < k; i++) for (let j = 0; j < n; j++) if (r.R.a[i * n + j] !== A.a[i * n + j]) expect.unreachable(`${label}: R ≠ A at (${i},${j})`);
  }
  // Zero columns stay zero in R; with pivoting they go last and the R diagonal past the rank is exactly 0.
  const z = T.zeroCols.length;
  if (!pivoting) {
    for (const j of T.zeroCols) for (let i = 0; i < k; i++) if (r.R.a[i * n + j] !== 0) expect.unreachable(`${label}: R(${i},${j}) ≠ 0 in a zero column`);
  } else if (n - z <= k && T.name !== 'identity' && T.name !== 'diagonal') {
    expect([...r.perm!.subarray(n - z)].sort((a, b) => a - b), `${label}: zero columns pivoted last`).toEqual(T.zeroCols);
    for (let i = n - z; i < k; i++) expect(Math.abs(r.R.a[i * n + i]!), `${label}: R(${i},${i}) past the rank`).toBe(0);
  }
}

describe.each(TUNINGS)('QR on LAPACK matrix types — $name', (bc) => {
  it.each([false, true])('pivoting %s: dqrt01 ratios < 30 for reduced and complete Q; exact structure; wasm ≡ js', (pivoting) => {
    withTuning(bc.tuning, () => {
      for (const [m, n] of SHAPES) {
        for (const T of lapackMatrices(m, n, 3)) check(T, pivoting, `${T.name} ${m}×${n}${pivoting ? ' pivoted' : ''}, ${bc.name}`);
      }
    });
  });
});

describe('QR at 64 and 128 rows: the factorisation works on a padded copy (column stride m + 8)', () => {
  it.each([false, true])('pivoting %s: dqrt01 ratios < 30; wasm ≡ js', (pivoting) => {
    for (const [m, n] of [[64, 64], [128, 128], [128, 40], [64, 100]] as const) {
      for (const T of lapackMatrices(m, n, 5)) check(T, pivoting, `${T.name} ${m}×${n}${pivoting ? ' pivoted' : ''}, default blocking`);
    }
  });
});

describe('QR: exact scaling by 2^±970', () => {
  it('Q and the pivots do not change, R scales exactly', () => {
    for (const bc of [TUNINGS[0]!, TUNINGS[1]!]) {
      withTuning(bc.tuning, () => {
        for (const [m, n] of [[33, 17], [17, 33], [16, 16]] as const) {
          const A = randn(new Rng(m + n), m, n);
          for (const target of [1e292, 1e-292]) {
            const e = Math.round(Math.log2(target / norm1(A)));
            for (const pivoting of [false, true]) {
              const label = `${m}×${n} 2^${e} pivoting ${pivoting}, ${bc.name}`;
              const run = (D: Dense): { Q: Dense; R: Dense; perm: Int32Array | undefined } => onBoth(label, () => guarded(label, [D], [], ([M]) => {
                const f = qr(M!, { pivoting, mode: 'complete' });
                return { Q: f.Q!, R: f.R, perm: f.perm };
              }));
              const r0 = run(A);
              const r1 = run(scaled(A, 2 ** e));
              expect(Array.from(r1.Q.a), `${label}: Q`).toEqual(Array.from(r0.Q.a));
              expect(Array.from(r1.R.a), `${label}: R`).toEqual(Array.from(r0.R.a, (v) => v * 2 ** e));
              if (pivoting) expect(Array.from(r1.perm!), `${label}: perm`).toEqual(Array.from(r0.perm!));
            }
          }
        }
      });
    }
  });
});

describe('QR: empty shapes as numpy.linalg.qr', () => {
  it('0×0, m×0, 0×n in every mode, with and without pivoting', () => {
    for (const [m, n] of [[0, 0], [3, 0], [0, 3]] as const) {
      for (const pivoting of [false, true]) {
        const label = `${m}×${n} pivoting ${pivoting}`;
        const r = onBoth(label, () => guarded(label, [dense(m, n)], [], ([M]) => {
          const red = qr(M!, { pivoting });
          const com = qr(M!, { pivoting, mode: 'complete' });
          return { Q: red.Q!, R: red.R, Qc: com.Q!, Rc: com.R, Rr: qr(M!, { pivoting, mode: 'r' }).R, perm: red.perm };
        }));
        const k = Math.min(m, n);
        expect([r.Q.m, r.Q.n, r.R.m, r.R.n, r.Qc.m, r.Qc.n, r.Rc.m, r.Rc.n, r.Rr.m, r.Rr.n], label).toEqual([m, k, k, n, m, m, m, n, k, n]);
        expect(Array.from(r.Qc.a), `${label}: complete Q of an m×0 matrix is I`).toEqual(Array.from(eye(m).a));
        if (pivoting) expect(Array.from(r.perm!)).toEqual(Array.from({ length: n }, (_, j) => j));
      }
    }
  });
});

describe('QR: bad input', () => {
  it('unknown mode: RangeError naming it; NaN / ±Inf: not-finite; checkFinite: false skips the check without hanging', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        const A = lapackMatrix('random', 9, 5, 1).A;
        guarded('mode', [A], [], ([M]) => expectError(RangeError, 'mode', () => qr(M!, { mode: 'full' as never }), /full/));
        for (const bad of [NaN, Infinity, -Infinity]) {
          const B = dense(9, 5, A.a.slice());
          B.a[17] = bad;
          const label = `${be} ${bad}`;
          guarded(label, [B], [], ([M]) => {
            for (const pivoting of [false, true]) {
              expectLinAlgError(`${label} pivoting ${pivoting}`, () => qr(M!, { pivoting }), 'not-finite', undefined, /checkFinite/);
              const f = qr(M!, { pivoting, checkFinite: false });
              expect(f.R.toFloat64Array().some((t) => !Number.isFinite(t)), `${label}: the bad value reaches R`).toBe(true);
              f.Q!.dispose();
              f.R.dispose();
            }
          });
        }
      });
    }
  });
});

describe('QR ratios can fail', () => {
  it('a relative change of 1e−10 in one entry of Q pushes both ratios past THRESH', () => {
    const T = lapackMatrix('random', 17, 9, 2);
    const r = onBoth('qr', () => guarded('qr', [T.A], [], ([M]) => {
      const f = qr(M!);
      return { Q: f.Q!, R: f.R };
    }));
    expect(factorRatio(T.A, undefined, r.Q, r.R)).toBeLessThan(THRESH);
    expect(orthRatio(r.Q, 17)).toBeLessThan(THRESH);
    r.Q.a[4 * 9 + 3] = r.Q.a[4 * 9 + 3]! * (1 + 1e-10);
    expect(factorRatio(T.A, undefined, r.Q, r.R)).toBeGreaterThan(THRESH);
    expect(orthRatio(r.Q, 17)).toBeGreaterThan(THRESH);
  });
});
