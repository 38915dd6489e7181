/**
 * cholesky and choSolve on both backends with seeded SPD matrices (GᵀG + n·I), bit for bit between
 * the WASM and the JS backend, with LAPACK's test ratios below THRESH = 30 (TESTING/LIN: dpot01,
 * dget02):
 *
 *   factor:   ‖A − L·Lᵀ‖₁ / (‖A‖₁·n·ε)        solve:   ‖b − A·x‖₁ / (‖A‖₁·‖x‖₁·n·ε)
 *
 *
 * Split from the former test/matrix/solvers.test.ts (one quick pass over every solver; the
 * helpers are test/util/rowmajor.ts); the LAPACK-type suite of the same function is beside it.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { cholesky, choSolve } from '../../../bindings/index.js';
import { setupApi, onBoth } from '../../util/api.js';
import { EPS } from '../../util/tolerance.js';
import { THRESH } from '../../util/ratios.js';
import { flatRows, minus, mul, n1, spd, tr, SOLVER_SIZES as SIZES } from '../../util/rowmajor.js';

beforeAll(setupApi);

describe('Cholesky and triangular solves', () => {
  it('cholesky: ‖A − LLᵀ‖₁/(‖A‖₁·n·ε) < 30, L lower with a zero upper triangle; choSolve: dget02 < 30', () => {
    for (const n of SIZES) {
      const A = spd(n, n);
      const a = flatRows(A);
      const L = onBoth(`cholesky n=${n}`, () => cholesky(A));
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(L[i * n + j]).toBe(0);
      const r = minus(a, mul(L, tr(L, n, n), n, n, n));
      expect(n1(r, n, n) / (n1(a, n, n) * n * EPS), `cholesky n=${n}`).toBeLessThan(THRESH);
      const b = Array.from({ length: n }, (_, i) => i - 1);
      const x = onBoth(`choSolve n=${n}`, () => choSolve(A, b));
      const res = minus(mul(a, x, n, n, 1), Float64Array.from(b));
      expect(n1(res, n, 1) / (n1(a, n, n) * n1(x, n, 1) * n * EPS)).toBeLessThan(THRESH);
    }
  });
});
