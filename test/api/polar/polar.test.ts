/**
 * polar and orthogonalProcrustes — on LAPACK's matrix types (lapack-types.ts), square, tall, wide and
 * single-row/column, both sides, both backends bit for bit, with scaled ratios below THRESH = 30:
 *
 *   polar:        ‖A − U·P‖₁ (side 'right') or ‖A − P·U‖₁ ('left') / (max(m, n)·‖A‖₁·ε),
 *                 ‖I − UᵀU‖₁ / (m·ε) for m ≥ n (‖I − UUᵀ‖₁ / (n·ε) for a wide A),
 *                 P exactly symmetric with λ_min(P) ≥ −30·n·ε·‖P‖₁ (positive semidefinite);
 *   procrustes:   B = A·R₀ for a random orthogonal R₀: ‖A·R − B‖₁ / (max(m, n)·‖A‖₁·ε·κ-free) and
 *                 ‖I − RᵀR‖₁ / (n·ε); scale = trace(Rᵀ·Aᵀ·B) to 30·n·ε relative.
 * Exact: A = [[2, 0], [0, −3]] gives U = diag(1, −1), P = diag(2, 3); scaling A and B by 2^±600 leaves
 * R's bits alone. Empty shapes as scipy.
 */
import { describe, it, expect } from 'vitest';
import { polar, orthogonalProcrustes, eigvalsh, Matrix } from '../../../bindings/index.js';
import { onBackend, BACKENDS, onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { dense, eye, mul, norm1, ratio, scaled, sub, tr, type Dense } from '../../util/dense.js';
import { lapackMatrices, randn, randomOrthogonal, Rng, type TestMatrix } from '../../util/lapack-types.js';
import { EPS } from '../../util/tolerance.js';
import { expectRatio } from '../../util/ratios.js';
import { expectLinAlgError, expectError } from '../../util/errors.js';

setupLapackSuite('api/polar');

const SHAPES: readonly (readonly [number, number])[] = [[1, 1], [2, 2], [1, 5], [5, 1], [7, 7], [16, 17], [17, 16], [33, 7], [7, 33]];

function polarOf(M: Matrix, side: 'right' | 'left'): { U: Matrix; P: Matrix } {
  const { U, P } = polar(M, { side });
  return { U, P };
}

function check(T: TestMatrix, side: 'right' | 'left', label: string): void {
  const { A } = T;
  const { m, n } = A;
  const r = onBoth(label, () => guarded(label, [A], [], ([M]) => polarOf(M!, side)));
  const p = side === 'right' ? n : m;
  expect([r.U.m, r.U.n, r.P.m, r.P.n], `${label}: shapes`).toEqual([m, n, p, p]);
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) if (r.P.a[i * p + j] !== r.P.a[j * p + i]) expect.unreachable(`${label}: P not symmetric at (${i},${j})`);
  const UP = side === 'right' ? mul(r.U, r.P) : mul(r.P, r.U);
  expectRatio(`‖A − UP‖ ${label}`, ratio(norm1(sub(A, UP)), Math.max(1, m, n), norm1(A), EPS), `polar ‖A − UP‖ ${T.name}`);
  const orth = m >= n ? norm1(sub(eye(n), mul(tr(r.U), r.U))) : norm1(sub(eye(m), mul(r.U, tr(r.U))));
  expectRatio(`‖I − UᵀU‖ ${label}`, ratio(orth, Math.max(1, m, n), EPS), `polar ‖I − UᵀU‖ ${T.name}`);
  if (p > 0) {
    const Pn = norm1(r.P);
    const lam = onBackend('js', () => eigvalsh(Matrix.fromArray(r.P.a, p, p)));
    expect(lam[0]!, `${label}: P positive semidefinite`).toBeGreaterThanOrEqual(-30 * p * EPS * Pn);
  }
}

describe('polar on LAPACK matrix types', () => {
  it.each(['right', 'left'] as const)('side %s: ratios < 30; P symmetric PSD; wasm ≡ js', (side) => {
    for (const [m, n] of SHAPES) for (const T of lapackMatrices(m, n, 8)) check(T, side, `${T.name} ${m}×${n} ${side}`);
  });
  it('a diagonal A: U = sign pattern and P = |A| exactly', () => {
    const r = onBoth('diag', () => guarded('diag', [dense(2, 2, Float64Array.of(2, 0, 0, -3))], [], ([M]) => polarOf(M!, 'right')));
    expect(Array.from(r.U.a)).toEqual([1, 0, 0, -1]);
    expect(Array.from(r.P.a)).toEqual([2, 0, 0, 3]);
  });
  it('empty shapes: U m×n, P n×n (right) or m×m (left), zeros', () => {
    for (const [m, n] of [[0, 0], [3, 0], [0, 3]] as const) {
      for (const side of ['right', 'left'] as const) {
        const r = onBoth(`${m}×${n}`, () => guarded('e', [dense(m, n)], [], ([M]) => polarOf(M!, side)));
        const p = side === 'right' ? n : m;
        expect([r.U.m, r.U.n, r.P.m, r.P.n]).toEqual([m, n, p, p]);
        expect(r.P.a.every((v) => v === 0)).toBe(true);
      }
    }
  });
  it('bad input: side, NaN, options', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        expectError(RangeError, 'side', () => polar([[1]], { side: 'up' as never }), /^polar: side must be 'right' or 'left', got up/);
        expectError(TypeError, 'A', () => polar(3 as never), /^polar: A/);
        expectLinAlgError('nan', () => polar([[1, NaN]]), 'not-finite', undefined, /^polar: A contains NaN/);
      });
    }
  });
});

function procrustes(A: Matrix, B: Matrix): { R: Matrix; scale: number } {
  const { R, scale } = orthogonalProcrustes(A, B);
  return { R, scale };
}

describe('orthogonalProcrustes', () => {
  it('B = A·R₀ (R₀ random orthogonal) recovers R₀: ratios < 30; scale = trace(RᵀAᵀB); wasm ≡ js', () => {
    for (const [m, n] of [[1, 1], [5, 2], [7, 7], [17, 16], [33, 7]] as const) {
      for (const T of lapackMatrices(m, n, 9)) {
        // R is not unique for a rank-deficient A, and ill-determined (sensitivity ~ 1/(σᵢ + σⱼ)) for the
        // ill-conditioned types (diagonal, triangular, graded, cond): the well-conditioned ones only
        if (!['identity', 'random', 'near overflow', 'near underflow'].includes(T.name)) continue;
        const R0 = randomOrthogonal(new Rng(m * 7 + n), n);
        const B = mul(T.A, R0);
        const label = `${T.name} ${m}×${n}`;
        const r = onBoth(label, () => guarded(label, [T.A, B], [], ([M, N]) => procrustes(M!, N!)));
        expect([r.R.m, r.R.n]).toEqual([n, n]);
        expectRatio(`‖AR − B‖ ${label}`, ratio(norm1(sub(mul(T.A, r.R), B)), Math.max(1, m, n), norm1(T.A), EPS), `procrustes ‖AR − B‖ ${T.name}`);
        expectRatio(`‖I − RᵀR‖ ${label}`, ratio(norm1(sub(eye(n), mul(tr(r.R), r.R))), n, EPS), `procrustes ‖I − RᵀR‖ ${T.name}`);
        const M = mul(tr(r.R), mul(tr(T.A), B));
        let t = 0;
        for (let i = 0; i < n; i++) t += M.a[i * n + i]!;
        if (T.name === 'near overflow') expect(r.scale, `${label}: scale ≈ ‖A‖² overflows`).toBe(Infinity);
        else if (T.name !== 'near underflow') expect(Math.abs(r.scale - t), `${label}: scale`).toBeLessThanOrEqual(30 * n * EPS * Math.abs(t));
      }
    }
  });
  it('scaling A and B by powers of two leaves R bit for bit (no overflow near 1e200)', () => {
    const A = randn(new Rng(3), 9, 4);
    const B = mul(A, randomOrthogonal(new Rng(4), 4));
    const r0 = onBoth('1', () => procrustes(Matrix.fromArray(A.a, 9, 4), Matrix.fromArray(B.a, 9, 4)));
    for (const [ea, eb] of [[600, 600], [600, -600], [-700, -300]] as const) {
      const label = `2^${ea}, 2^${eb}`;
      const r = onBoth(label, () => guarded(label, [scaled(A, 2 ** ea), scaled(B, 2 ** eb)], [], ([M, N]) => procrustes(M!, N!)));
      expect(Array.from(r.R.a), label).toEqual(Array.from(r0.R.a));
      expect(r.scale, label).toBe(r0.scale * 2 ** ea * 2 ** eb);
    }
  });
  it('empty: m = 0 gives R = I (n×n), scale 0; n = 0 gives 0×0', () => {
    const r = onBoth('0×3', () => guarded('e', [dense(0, 3), dense(0, 3)], [], ([M, N]) => procrustes(M!, N!)));
    expect(Array.from(r.R.a)).toEqual(Array.from(eye(3).a));
    expect(r.scale).toBe(0);
    const r2 = onBoth('3×0', () => guarded('e', [dense(3, 0), dense(3, 0)], [], ([M, N]) => procrustes(M!, N!)));
    expect([r2.R.m, r2.R.n, r2.scale]).toEqual([0, 0, 0]);
  });
  it('bad input: shapes differ, NaN in B', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        expectError(RangeError, 'shapes', () => orthogonalProcrustes([[1, 2]], [[1], [2]]), /^orthogonalProcrustes: A and B must have the same shape, got 1×2 and 2×1/);
        expectLinAlgError('nan', () => orthogonalProcrustes([[1]], [[NaN]]), 'not-finite', undefined, /^orthogonalProcrustes: B contains NaN/);
        expectError(TypeError, 'B', () => orthogonalProcrustes([[1]], 'b' as never), /^orthogonalProcrustes: B/);
      });
    }
  });
});

describe('Matrix.polar', () => {
  it('is polar(A), bit for bit, with side passed through', () => {
    const A = randn(new Rng(23), 11, 7);
    for (const side of ['right', 'left'] as const) {
      const m = onBoth('method', () => guarded('m', [A], [], ([M]) => { const f = M!.polar({ side }); return { U: f.U, P: f.P }; }));
      const f = onBoth('free', () => guarded('f', [A], [], ([M]) => polarOf(M!, side)));
      expect(Array.from(m.U.a)).toEqual(Array.from(f.U.a));
      expect(Array.from(m.P.a)).toEqual(Array.from(f.P.a));
    }
  });
});
