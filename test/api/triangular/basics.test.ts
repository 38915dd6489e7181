/**
 * solveTriangular on both backends (lower / upper, unit diagonal, transposed), bit for bit between the
 * WASM and the JS backend, with the dget02 ratio ‖b − op(T)·x‖₁ / (‖T‖₁·‖x‖₁·n·ε) below THRESH = 30,
 * and garbage in the triangle it must not read.
 *
 * Split from the former test/matrix/solvers.test.ts (one quick pass over every solver; the
 * helpers are test/util/rowmajor.ts); the LAPACK-type suite of the same function is beside it.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { solveTriangular } from '../../../bindings/index.js';
import { setupApi, onBoth } from '../../util/api.js';
import { EPS } from '../../util/tolerance.js';
import { THRESH } from '../../util/ratios.js';
import { flatRows, minus, mul, n1, square, tr } from '../../util/rowmajor.js';

beforeAll(setupApi);

describe('Cholesky and triangular solves', () => {
  it('solveTriangular: lower/upper, unit diagonal, transposed; reads only its triangle', () => {
    const n = 9;
    const full = square(3, n);
    for (const lower of [false, true]) {
      for (const unitDiagonal of [false, true]) {
        for (const transpose of [false, true]) {
          // The clean triangular matrix the solve must see…
          const T = full.map((r, i) => r.map((v, j) => (i === j ? (unitDiagonal ? 1 : v) : (lower ? i > j : i < j) ? v / n : 0)));
          // …and what is passed: garbage in the other triangle and (for unit) on the diagonal.
          const passed = T.map((r, i) => r.map((v, j) => (i === j ? (unitDiagonal ? 1e300 : v) : (lower ? i > j : i < j) ? v : 7e7)));
          const b = Array.from({ length: n }, (_, i) => 1 + i);
          const x = onBoth('solveTriangular', () => solveTriangular(passed, b, { lower, unitDiagonal, transpose }));
          const t = flatRows(T);
          const op = transpose ? tr(t, n, n) : t;
          const res = minus(mul(op, x, n, n, 1), Float64Array.from(b));
          expect(n1(res, n, 1) / (n1(t, n, n) * n1(x, n, 1) * n * EPS), `lower=${lower} unit=${unitDiagonal} T=${transpose}`).toBeLessThan(THRESH);
        }
      }
    }
  });
});
