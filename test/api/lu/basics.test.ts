/**
 * solve, det, slogdet, inv, lu, luFactor on both backends with seeded well-conditioned matrices — bit
 * for bit between the WASM and the JS backend where compared, and LAPACK's test ratios (TESTING/LIN:
 * dget02, dget03, and ‖P·A − L·U‖₁/(‖A‖₁·max(m, n)·ε)) below THRESH = 30:
 *
 *   solve:     ‖B − A·X‖₁ / (‖A‖₁·‖X‖₁·n·ε)           inv:   ‖I − A·A⁻¹‖₁ / (‖A‖₁·‖A⁻¹‖₁·n·ε)
 *
 * Errors of the solvers (here for all of them: solve, det, inv, cholesky, qr): shapes (RangeError
 * naming them), singular / not positive definite / not finite (LinAlgError with its code).
 *
 * Split from the former test/matrix/solvers.test.ts (one quick pass over every solver; the
 * helpers are test/util/rowmajor.ts); the LAPACK-type suite of the same function is beside it.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import {
  Matrix, solve, det, slogdet, inv, lu, luFactor, cholesky, qr, matmul, setBackend,
} from '../../../bindings/index.js';
import { setupApi, onBoth, BACKENDS } from '../../util/api.js';
import { Rng, rows } from '../../util/generate.js';
import { EPS } from '../../util/tolerance.js';
import { expectError, expectLinAlgError } from '../../util/errors.js';
import { THRESH } from '../../util/ratios.js';
import { eye, flatRows, minus, mul, n1, square, tr, SOLVER_SIZES as SIZES } from '../../util/rowmajor.js';

beforeAll(setupApi);

describe('LU-based: solve, inv, det, lu', () => {
  it('solve (vector and matrix right-hand sides, transposed): dget02 ratio < 30', () => {
    for (const n of SIZES) {
      const A = square(n, n);
      const a = flatRows(A);
      const B = rows(new Rng(100 + n), 'normal', n, 3);
      const b = B.map((r) => r[0]!);
      for (const transpose of [false, true]) {
        const X = onBoth(`solve n=${n} T=${transpose}`, () => solve(A, B, { transpose }));
        const x = onBoth(`solve vec n=${n}`, () => solve(A, b, { transpose }));
        const op = transpose ? tr(a, n, n) : a;
        const r = minus(mul(op, X, n, n, 3), flatRows(B));
        expect(n1(r, n, 3) / (n1(a, n, n) * n1(X, n, 3) * n * EPS), `solve n=${n}`).toBeLessThan(THRESH);
        expect(Array.from(x)).toEqual(Array.from({ length: n }, (_, i) => X[i * 3]!)); // same column, same bits
      }
    }
  });

  it('inv: dget03 ratio < 30; det and slogdet agree; exact small determinants', () => {
    for (const n of SIZES) {
      const A = square(n + 1, n);
      const a = flatRows(A);
      const Ai = onBoth(`inv n=${n}`, () => inv(A));
      const r = minus(eye(n), mul(a, Ai, n, n, n));
      expect(n1(r, n, n) / (n1(a, n, n) * n1(Ai, n, n) * n * EPS), `inv n=${n}`).toBeLessThan(THRESH);
      const d = onBoth('det', () => det(A))[0]!;
      const sl = slogdet(A);
      expect(Math.sign(d)).toBe(sl.sign);
      expect(Math.abs(Math.log(Math.abs(d)) - sl.logAbsDet)).toBeLessThanOrEqual(8 * n * EPS * Math.max(1, Math.abs(sl.logAbsDet)));
    }
    expect(onBoth('det 2×2', () => det([[2, 1], [1, 3]]))[0]).toBe(5);
    expect(onBoth('det perm', () => det([[0, 1], [1, 0]]))[0]).toBe(-1);
    expect(onBoth('det singular', () => det([[1, 2], [2, 4]]))[0]).toBe(0);
    expect(slogdet([[1, 2], [2, 4]])).toEqual({ sign: 0, logAbsDet: -Infinity });
    // No overflow in slogdet where det itself overflows.
    const big = [[1e200, 0, 0], [0, 1e200, 0], [0, 0, -1e200]];
    expect(det(big)).toBe(-Infinity);
    const s = slogdet(big);
    expect(s.sign).toBe(-1);
    expect(Math.abs(s.logAbsDet - 600 * Math.LN10)).toBeLessThanOrEqual(8 * EPS * s.logAbsDet);
  });

  it('lu: P·A = L·U for square and rectangular A; luFactor reuses the factorisation', () => {
    for (const [m, n] of [[1, 1], [4, 4], [7, 3], [3, 7], [33, 33], [70, 40]] as const) {
      const A = rows(new Rng(m * 100 + n), 'normal', m, n);
      const a = flatRows(A);
      for (const b of BACKENDS) {
        setBackend(b);
        const { L, U, perm } = lu(A);
        const k = Math.min(m, n);
        expect(L.shape).toEqual([m, k]);
        expect(U.shape).toEqual([k, n]);
        const PA = new Float64Array(m * n);
        for (let i = 0; i < m; i++) PA.set(a.subarray(perm[i]! * n, perm[i]! * n + n), i * n);
        const r = minus(PA, mul(L.toFloat64Array(), U.toFloat64Array(), m, k, n));
        expect(n1(r, m, n) / (n1(a, m, n) * Math.max(m, n) * EPS), `lu ${m}×${n} on ${b}`).toBeLessThan(THRESH);
        L.dispose();
        U.dispose();
      }
      setBackend('wasm');
    }
    using F = luFactor(square(5, 6));
    expect(F.singular).toBe(false);
    const x1 = F.solve([1, 2, 3, 4, 5, 6]);
    expect(Array.from(x1)).toEqual(Array.from(solve(square(5, 6), [1, 2, 3, 4, 5, 6])));
  });
});

describe('solver errors', () => {
  it('shape errors are RangeErrors naming the shapes', () => {
    expectError(RangeError, 'solve 2×3', () => solve([[1, 2, 3], [4, 5, 6]], [1, 2]), /2×3/);
    expectError(RangeError, 'det 1×3', () => det([[1, 2, 3]]), /1×3/);
    expectError(RangeError, 'cholesky 1×2', () => cholesky([[1, 2]]), /1×2/);
    expectError(RangeError, 'solve with 3 right-hand entries', () => solve([[1, 0], [0, 1]], [1, 2, 3]), /3/);
    expectError(RangeError, "qr mode 'full'", () => qr([[1]], { mode: 'full' as never }));
  });

  it('singular, not positive definite and non-finite inputs raise LinAlgError with their code', () => {
    expectLinAlgError('solve singular', () => solve([[1, 2], [2, 4]], [1, 1]), 'singular');
    expectLinAlgError('inv singular', () => inv([[0, 0], [0, 1]]), 'singular');
    expectLinAlgError('cholesky indefinite', () => cholesky([[1, 2], [2, 1]]), 'not-positive-definite');
    expectLinAlgError('solve NaN', () => solve([[1, NaN], [0, 1]], [1, 1]), 'not-finite');
    expectLinAlgError('qr Inf', () => qr([[Infinity]]), 'not-finite');
    // checkFinite: false lets NaN through, and it propagates.
    const x = solve([[1, 0], [0, 1]], [NaN, 1], { checkFinite: false });
    expect(Number.isNaN(x[0]!)).toBe(true);
    using M = Matrix.from([[1, 2], [3, 4]]);
    using P = matmul(M, M);
    expect(P.get(0, 0)).toBe(7);
  });
});
