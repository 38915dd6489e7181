/**
 * hessenberg — H alone and { H, Q } — on LAPACK's matrix types (lapack-types.ts) at orders 0 … 33 and
 * 64/100, under the default blocking and tiny odd gehrd panels (gehrdNB 1, 2, 3, 5 with crossover
 * gehrdNX 1, so small matrices run the lahr2 panels and their ragged last one), both backends bit for
 * bit, with LAPACK's TESTING/EIG/dhst01 ratios below THRESH = 30:
 *
 *   ‖A − Q·H·Qᵀ‖₁ / (n·‖A‖₁·ε)        ‖I − QᵀQ‖₁ / (n·ε)
 *
 * Exact properties: H is exactly zero below the first subdiagonal; H without calcQ is H with calcQ bit
 * for bit; orders ≤ 2 come back unchanged with Q = I (scipy); an upper Hessenberg input needs no
 * reflection (H = A, Q = I); scaling A by 2^±970 scales H exactly and leaves Q alone. Empty as scipy.
 */
import { describe, it, expect } from 'vitest';
import { hessenberg, Matrix } from '../../../bindings/index.js';
import { onBackend, BACKENDS, onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { dense, eye, mul, norm1, ratio, scaled, sub, tr, type Dense } from '../../util/dense.js';
import { lapackMatrices, lapackMatrix, randn, Rng, type TestMatrix } from '../../util/lapack-types.js';
import { EPS } from '../../util/tolerance.js';
import { THRESH, expectRatio } from '../../util/ratios.js';
import { expectLinAlgError, expectError } from '../../util/errors.js';
import { withTuning } from '../../util/engines.js';

setupLapackSuite('api/hessenberg');

const ORDERS = [1, 2, 3, 4, 7, 16, 17, 33] as const;
const BLOCKINGS = [
  { name: 'default blocking', tuning: {} },
  { name: 'gehrd nb 1 nx 1', tuning: { gehrdNB: 1, gehrdNX: 1 } },
  { name: 'gehrd nb 2 nx 1, gemm 4×3×4', tuning: { gehrdNB: 2, gehrdNX: 1, gemmMC: 4, gemmKC: 3, gemmNC: 4 } },
  { name: 'gehrd nb 3 nx 1, gemm 8×5×12', tuning: { gehrdNB: 3, gehrdNX: 1, gemmMC: 8, gemmKC: 5, gemmNC: 12 } },
  { name: 'gehrd nb 5 nx 1', tuning: { gehrdNB: 5, gehrdNX: 1 } },
];

/** { H, Q } of hessenberg with calcQ, as a plain record for onBoth. */
function hq(M: Matrix): { H: Matrix; Q: Matrix } {
  const { H, Q } = hessenberg(M, { calcQ: true });
  return { H, Q };
}

function factorRatio(A: Dense, Q: Dense, H: Dense): number {
  return ratio(norm1(sub(A, mul(mul(Q, H), tr(Q)))), Math.max(1, A.n), norm1(A), EPS);
}

function orthRatio(Q: Dense): number {
  return ratio(norm1(sub(eye(Q.n), mul(tr(Q), Q))), Math.max(1, Q.n), EPS);
}

function check(T: TestMatrix, label: string): void {
  const { A } = T;
  const n = A.n;
  const r = onBoth(label, () => guarded(label, [A], [], ([M]) => {
    const both = hessenberg(M!, { calcQ: true });
    const h = hessenberg(M!);
    if (h.Q !== undefined) expect.unreachable(`${label}: Q without calcQ`);
    return { H: both.H, Q: both.Q, H1: h.H };
  }));
  expect([r.H.m, r.H.n, r.Q!.m, r.Q!.n], `${label}: shapes`).toEqual([n, n, n, n]);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j + 1 < i; j++) if (!Object.is(r.H.a[i * n + j], 0)) expect.unreachable(`${label}: H(${i},${j}) = ${r.H.a[i * n + j]} below the subdiagonal`);
  }
  expect(Array.from(r.H1.a), `${label}: H without Q is the same H`).toEqual(Array.from(r.H.a));
  if (n <= 2) {
    expect(Array.from(r.H.a), `${label}: order ≤ 2 unchanged`).toEqual(Array.from(A.a));
    expect(Array.from(r.Q!.a), `${label}: Q = I`).toEqual(Array.from(eye(n).a));
  }
  expectRatio(`‖A − QHQᵀ‖ ${label}`, factorRatio(A, r.Q!, r.H), `hessenberg ‖A − QHQᵀ‖ ${T.name}`);
  expectRatio(`‖I − QᵀQ‖ ${label}`, orthRatio(r.Q!), `hessenberg ‖I − QᵀQ‖ ${T.name}`);
}

describe.each(BLOCKINGS)('hessenberg on LAPACK matrix types — $name', (bc) => {
  it('dhst01 ratios < 30; H exactly Hessenberg; wasm ≡ js', () => {
    withTuning(bc.tuning, () => {
      for (const n of ORDERS) for (const T of lapackMatrices(n, n, 6)) check(T, `${T.name} ${n}×${n}, ${bc.name}`);
    });
  });
});

describe('hessenberg around the default crossover (NX = 64: orders 66, 67, 68 start the lahr2 panels) and at 100', () => {
  it('dhst01 ratios < 30; wasm ≡ js', () => {
    for (const n of [64, 66, 67, 68, 100]) for (const T of lapackMatrices(n, n, 7)) check(T, `${T.name} ${n}×${n}`);
  });
});

describe('hessenberg: exact cases', () => {
  it('an upper Hessenberg A gives H = A and Q = I exactly', () => {
    for (const n of [3, 7, 17]) {
      const A = randn(new Rng(n), n, n);
      for (let i = 0; i < n; i++) for (let j = 0; j + 1 < i; j++) A.a[i * n + j] = 0;
      const r = onBoth(`${n}`, () => guarded('A', [A], [], ([M]) => hq(M!)));
      expect(Array.from(r.H.a), `${n}: H`).toEqual(Array.from(A.a));
      const I = eye(n);
      for (let t = 0; t < n * n; t++) if (r.Q!.a[t] !== I.a[t]) expect.unreachable(`${n}: Q ≠ I at ${t}`);
    }
  });
  it('scaling A by 2^±970 scales H exactly and leaves Q unchanged', () => {
    const A = randn(new Rng(11), 17, 17);
    for (const target of [1e292, 1e-292]) {
      const e = Math.round(Math.log2(target / norm1(A)));
      const run = (D: Dense) => onBoth(`2^${e}`, () => guarded('A', [D], [], ([M]) => hq(M!)));
      const r0 = run(A);
      const r1 = run(scaled(A, 2 ** e));
      expect(Array.from(r1.Q!.a), `2^${e}: Q`).toEqual(Array.from(r0.Q!.a));
      expect(Array.from(r1.H.a), `2^${e}: H`).toEqual(Array.from(r0.H.a, (v) => v * 2 ** e));
    }
  });
  it('empty: H and Q 0×0', () => {
    const r = onBoth('0×0', () => guarded('0', [dense(0, 0)], [], ([M]) => hq(M!)));
    expect([r.H.m, r.H.n, r.Q!.m, r.Q!.n]).toEqual([0, 0, 0, 0]);
  });
  it('the ratios can fail: a relative change of 1e−10 in Q', () => {
    const T = lapackMatrix('random', 9, 9, 3);
    const r = onBoth('h', () => guarded('h', [T.A], [], ([M]) => hq(M!)));
    expect(factorRatio(T.A, r.Q!, r.H)).toBeLessThan(THRESH);
    r.Q!.a[4 * 9 + 3] = r.Q!.a[4 * 9 + 3]! * (1 + 1e-10);
    expect(factorRatio(T.A, r.Q!, r.H)).toBeGreaterThan(THRESH);
    expect(orthRatio(r.Q!)).toBeGreaterThan(THRESH);
  });
});

describe('hessenberg: bad input', () => {
  it('not square: RangeError with the shape; NaN / Inf: not-finite; bad options: TypeError', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        expectError(RangeError, 'wide', () => hessenberg([[1, 2, 3], [4, 5, 6]]), /^hessenberg: A must be square, got 2×3/);
        expectError(TypeError, 'options', () => hessenberg([[1]], 'q' as never), /^hessenberg/);
        for (const bad of [NaN, Infinity]) {
          const A = dense(5, 5, lapackMatrix('random', 5, 5, 1).A.a.slice());
          A.a[7] = bad;
          guarded(`${bad}`, [A], [], ([M]) => {
            expectLinAlgError(`${bad}`, () => hessenberg(M!), 'not-finite', undefined, /^hessenberg: .*checkFinite/);
            hessenberg(M!, { checkFinite: false, calcQ: true }).dispose();
          });
        }
        const M = Matrix.from([[1, 2], [3, 4]]);
        M.dispose();
        expectError(ReferenceError, 'disposed', () => hessenberg(M), /^hessenberg: A is a disposed/);
      });
    }
  });
});

describe('Matrix.hessenberg', () => {
  it('is hessenberg(A), bit for bit', () => {
    const A = lapackMatrix('random', 11, 11, 22).A;
    const m = onBoth('method', () => guarded('m', [A], [], ([M]) => { const f = M!.hessenberg({ calcQ: true }); return { H: f.H, Q: f.Q }; }));
    const f = onBoth('free', () => guarded('f', [A], [], ([M]) => hq(M!)));
    expect(Array.from(m.H.a)).toEqual(Array.from(f.H.a));
    expect(Array.from(m.Q.a)).toEqual(Array.from(f.Q.a));
    const h = onBoth('H only', () => guarded('h', [A], [], ([M]) => M!.hessenberg().H));
    expect(Array.from(h)).toEqual(Array.from(f.H.a));
  });
});
