/**
 * pinvh — symmetric matrices built from known eigenpairs (definite, indefinite, singular with exact zero
 * eigenvalues, ill-conditioned, scaled near over/underflow), orders 0 … 33, both backends bit for bit:
 *
 *   ‖X − A⁺‖₁ / (‖A⁺‖₁·n·ε·κ) < 30,     κ = max|λ| / min kept |λ|,   A⁺ = V·diag(1/λ kept)·Vᵀ
 *
 * X exactly symmetric; scipy's cut-off |λ| > atol + rtol·max|λ| (defaults 0 and n·ε) checked on both
 * sides of it; only the lower triangle is read; agrees with pinv. Validation of atol/rtol as pinv's.
 */
import { describe, it, expect } from 'vitest';
import { pinvh, pinv } from '../../../bindings/index.js';
import { onBackend, BACKENDS, onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { dense, eye, norm1, ratio, sub, type Dense } from '../../util/dense.js';
import { randomOrthogonal, Rng, symmetricFromEigen } from '../../util/lapack-types.js';
import { EPS } from '../../util/tolerance.js';
import { expectRatio } from '../../util/ratios.js';
import { expectLinAlgError, expectError } from '../../util/errors.js';

setupLapackSuite('api/pinvh');

const KINDS = ['definite', 'indefinite', 'singular', 'cond 1e12', 'near overflow', 'near underflow'] as const;

function spectrum(kind: (typeof KINDS)[number], n: number, rng: Rng): Float64Array {
  const lam = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = 1 + rng.uniform();
    switch (kind) {
      case 'definite': lam[i] = u; break;
      case 'indefinite': lam[i] = i % 2 === 0 ? u : -u; break;
      case 'singular': lam[i] = i % 3 === 1 ? 0 : i % 2 === 0 ? u : -u; break;
      case 'cond 1e12': lam[i] = (i % 2 === 0 ? 1 : -1) * 10 ** (-12 * i / Math.max(1, n - 1)); break;
      case 'near overflow': lam[i] = (i % 2 === 0 ? 1 : -1) * u * 1e290; break;
      case 'near underflow': lam[i] = (i % 2 === 0 ? 1 : -1) * u * 1e-290; break;
    }
  }
  return lam;
}

describe('pinvh on symmetric matrices with known eigenvalues', () => {
  it.each(KINDS)('%s: ‖X − A⁺‖ ratio < 30 (scaled by κ); X exactly symmetric; wasm ≡ js', (kind) => {
    for (const n of [1, 2, 3, 7, 16, 17, 33]) {
      const rng = new Rng(n * 17 + kind.length);
      const V = randomOrthogonal(rng, n);
      const lam = spectrum(kind, n, rng);
      const A = symmetricFromEigen(V, lam);
      const big = Math.max(...Array.from(lam, Math.abs));
      const inv = Float64Array.from(lam, (l) => (Math.abs(l) > n * EPS * big ? 1 / l : 0));
      const Aplus = symmetricFromEigen(V, inv);
      const kept = Array.from(lam, Math.abs).filter((l) => l > n * EPS * big);
      const kappa = big / Math.min(...kept);
      const label = `${kind} ${n}×${n}`;
      const X = onBoth(label, () => guarded(label, [A], [], ([M]) => pinvh(M!)));
      const Xd = dense(n, n, X);
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (X[i * n + j] !== X[j * n + i]) expect.unreachable(`${label}: X not symmetric`);
      if (kind === 'near underflow') continue; // A⁺ ≈ 1e290: its reference has rounding of its own; ratio below
      expectRatio(`‖X − A⁺‖ ${label}`, ratio(norm1(sub(Xd, Aplus)), norm1(Aplus), n, EPS, kappa), `pinvh ‖X − A⁺‖ ${kind}`);
    }
  });
  it('near underflow: X·A ≈ I to the same ratio (A⁺ = A⁻¹ near 1e290)', () => {
    const n = 7;
    const rng = new Rng(3);
    const V = randomOrthogonal(rng, n);
    const lam = spectrum('near underflow', n, rng);
    const A = symmetricFromEigen(V, lam);
    const X = dense(n, n, onBoth('u', () => guarded('u', [A], [], ([M]) => pinvh(M!))));
    const XA = dense(n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) { let s = 0; for (let p = 0; p < n; p++) s += X.a[i * n + p]! * A.a[p * n + j]!; XA.a[i * n + j] = s; }
    const kappa = Math.max(...Array.from(lam, Math.abs)) / Math.min(...Array.from(lam, Math.abs));
    expectRatio('‖XA − I‖ near underflow', ratio(norm1(sub(XA, eye(n))), n, EPS, kappa));
  });
  it("scipy's cut-off: atol + rtol·max|λ|, strict", () => {
    const d = (o: { atol?: number; rtol?: number }) => onBoth(JSON.stringify(o), () => pinvh([[4, 0, 0], [0, 1e-3, 0], [0, 0, -2]], o));
    expect(Array.from(d({}))).toEqual([0.25, 0, 0, 0, 1000, 0, 0, 0, -0.5]);
    expect(Array.from(d({ atol: 1e-3 }))).toEqual([0.25, 0, 0, 0, 0, 0, 0, 0, -0.5]); // |λ| > cut is strict
    expect(Array.from(d({ rtol: 0.25 }))).toEqual([0.25, 0, 0, 0, 0, 0, 0, 0, -0.5]);
    expect(Array.from(d({ rtol: 0.5 }))).toEqual([0.25, 0, 0, 0, 0, 0, 0, 0, 0]);      // 2 > 0.5·4 fails
    expect(Array.from(d({ atol: 1, rtol: 0.2 }))).toEqual([0.25, 0, 0, 0, 0, 0, 0, 0, -0.5]); // cut 1.8 < 2
    expect(Array.from(d({ atol: 1, rtol: 0.25 }))).toEqual([0.25, 0, 0, 0, 0, 0, 0, 0, 0]); // cut 2
  });
  it('reads the lower triangle only; agrees with pinv', () => {
    const rng = new Rng(9);
    const V = randomOrthogonal(rng, 9);
    const A = symmetricFromEigen(V, spectrum('singular', 9, rng));
    const U = dense(9, 9, A.a.slice());
    for (let i = 0; i < 9; i++) for (let j = i + 1; j < 9; j++) U.a[i * 9 + j] = 1e6; // garbage above
    const x1 = onBoth('sym', () => pinvh([...Array(9)].map((_, i) => Array.from(A.a.subarray(i * 9, i * 9 + 9)))));
    const x2 = onBoth('lower', () => guarded('lower', [U], [], ([M]) => pinvh(M!)));
    expect(Array.from(x2)).toEqual(Array.from(x1));
    const p = onBoth('pinv', () => pinv([...Array(9)].map((_, i) => Array.from(A.a.subarray(i * 9, i * 9 + 9)))));
    expectRatio('pinvh vs pinv', ratio(norm1(sub(dense(9, 9, x1), dense(9, 9, p))), norm1(dense(9, 9, p)), 9, EPS, 1e2));
  });
  it('empty: 0×0', () => {
    expect(onBoth('0', () => guarded('0', [dense(0, 0)], [], ([M]) => pinvh(M!))).length).toBe(0);
  });
  it('bad input: not square, bad tolerances, NaN', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        expectError(RangeError, 'square', () => pinvh([[1, 2]]), /^pinvh: A must be square, got 1×2/);
        expectError(RangeError, 'atol', () => pinvh([[1]], { atol: -1 }), /^pinvh: atol must be a non-negative number, got -1/);
        expectError(RangeError, 'rtol', () => pinvh([[1]], { rtol: NaN }), /^pinvh: rtol/);
        expectError(TypeError, 'rtol type', () => pinvh([[1]], { rtol: '1' as never }), /^pinvh: rtol must be a number/);
        expectLinAlgError('nan', () => pinvh([[1, 0], [NaN, 1]]), 'not-finite', undefined, /^pinvh: A contains NaN/);
      });
    }
  });
});

describe('Matrix.pinvh', () => {
  it('is pinvh(A), bit for bit, with the tolerances passed through', () => {
    const rng = new Rng(24);
    const A = symmetricFromEigen(randomOrthogonal(rng, 10), spectrum('singular', 10, rng));
    for (const o of [undefined, { rtol: 1e-3, atol: 1e-9 }]) {
      const m = onBoth('method', () => guarded('m', [A], [], ([M]) => M!.pinvh(o)));
      const f = onBoth('free', () => guarded('f', [A], [], ([M]) => pinvh(M!, o)));
      expect(Array.from(m)).toEqual(Array.from(f));
    }
  });
});
