/**
 * solveTriangular — op(T)·X = B for lower / upper, unit / non-unit, plain / transposed T — on triangles
 * cut from LAPACK's matrix types (random, graded, near overflow, near underflow, and the triangle of a
 * κ = 1e14 matrix), n ∈ {1, 2, 7, 16, 17, 33}, under the default and four tiny odd blockings (TRSM
 * panels of 1, 2, 3, 5 over the GEMM), both backends bit for bit, with TESTING/LIN/dtrt02's ratio
 *
 *   ‖b − op(T)·x‖₁ / (‖T‖₁·‖x‖₁·n·ε) < 30   per column.
 *
 * Only the named triangle is read (and, with unitDiagonal, not the diagonal): garbage or NaN elsewhere
 * changes no bit. An exactly zero diagonal entry raises LinAlgError 'singular' naming it.
 */
import { describe, it, expect } from 'vitest';
import { solveTriangular } from '../../../bindings/index.js';
import { onBackend, BACKENDS, SIZES, onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { column, dense, mul, norm1, ratio, scaled, sub, tr, vnorm1, type Dense } from '../../util/dense.js';
import { lapackMatrix, randn, Rng, type TypeName } from '../../util/lapack-types.js';
import { EPS } from '../../util/tolerance.js';
import { expectLinAlgError, expectError } from '../../util/errors.js';
import { expectRatio } from '../../util/ratios.js';
import { withTuning, TUNINGS } from '../../util/engines.js';

setupLapackSuite('api/triangular');

/** The triangle of A (unit: ones on the diagonal), zeros elsewhere — what the solver must see. */
function triangle(A: Dense, lower: boolean, unit: boolean): Dense {
  const n = A.n;
  const T = dense(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) T.a[i * n + j] = unit ? 1 : A.a[i * n + j]!;
      else if (lower ? i > j : i < j) T.a[i * n + j] = A.a[i * n + j]!;
    }
  }
  return T;
}

/** The triangle with `fill` everywhere the solver must not read. */
function polluted(A: Dense, lower: boolean, unit: boolean, fill: (i: number, j: number) => number): Dense {
  const n = A.n;
  const P = dense(n, n, A.a.slice());
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if ((i === j && unit) || (i !== j && (lower ? i < j : i > j))) P.a[i * n + j] = fill(i, j);
  return P;
}

function trRatio(T: Dense, X: Dense, B: Dense): number {
  const R = sub(B, mul(T, X));
  let worst = 0;
  for (let j = 0; j < X.n; j++) worst = Math.max(worst, ratio(vnorm1(column(R, j)), norm1(T), vnorm1(column(X, j)), Math.max(1, T.n), EPS));
  return worst;
}

const TYPES: readonly TypeName[] = ['random', 'graded', 'near overflow', 'near underflow', 'cond 1e14'];

describe.each(TUNINGS)('solveTriangular on LAPACK matrix types — $name', (bc) => {
  it('8 variants: dtrt02 ratio < 30; the other triangle (garbage, or NaN unchecked) and a unit diagonal are never read; wasm ≡ js', () => {
    withTuning(bc.tuning, () => {
      for (const n of SIZES) {
        const B = randn(new Rng(n), n, 3);
        for (const name of TYPES) {
          const A = lapackMatrix(name, n, n, 7 * n + name.length).A;
          const big = 1e5 * Math.max(norm1(A), 1e-300);
          for (const lower of [false, true]) {
            // A unit diagonal under 1e290 off-diagonal entries makes x overflow (κ ≈ 1e290ⁿ): not a test case.
            for (const unitDiagonal of name === 'near overflow' ? [false] : [false, true]) {
              const T = triangle(A, lower, unitDiagonal);
              const G = polluted(A, lower, unitDiagonal, (i, j) => big * Math.cos(i * n + j));
              const N = polluted(A, lower, unitDiagonal, () => NaN);
              const label = `${name} n=${n} lower=${lower} unit=${unitDiagonal}, ${bc.name}`;
              const r = onBoth(label, () => guarded(label, [T, G, N, B], [column(B, 0)], ([MT, MG, MN, BM], [v]) => {
                const o = { lower, unitDiagonal };
                return {
                  X: solveTriangular(MT!, BM!, o), XG: solveTriangular(MG!, BM!, o), XN: solveTriangular(MN!, BM!, { ...o, checkFinite: false }),
                  Xt: solveTriangular(MT!, BM!, { ...o, transpose: true }), XGt: solveTriangular(MG!, BM!, { ...o, transpose: true }),
                  x: solveTriangular(MG!, v!, o),
                };
              }));
              expect(Array.from(r.XG.a), `${label}: garbage outside the triangle`).toEqual(Array.from(r.X.a));
              expect(Array.from(r.XN.a), `${label}: NaN outside the triangle`).toEqual(Array.from(r.X.a));
              expect(Array.from(r.XGt.a), `${label}: transposed, garbage outside`).toEqual(Array.from(r.Xt.a));
              const kind = `${unitDiagonal ? 'unit ' : ''}${name}`;
              expectRatio(`solveTriangular ${label}`, trRatio(T, r.X, B), `solveTriangular ${kind}`);
              expectRatio(`solveTriangular transposed ${label}`, trRatio(tr(T), r.Xt, B), `solveTriangular ${kind}`);
              expectRatio(`solveTriangular vector ${label}`, trRatio(T, dense(n, 1, r.x), dense(n, 1, column(B, 0))), `solveTriangular ${kind}`);
            }
          }
        }
      }
    });
  });

  it('exact: scaling T by 2^±970 scales x by 2^∓970 bit for bit', () => {
    withTuning(bc.tuning, () => {
      const n = 17;
      const A = triangle(lapackMatrix('upper', n, n, 3).A, false, false);
      const b = Float64Array.from({ length: n }, (_, i) => 1 + i);
      for (const e of [970, -970]) {
        const x = (D: Dense): Float64Array => onBoth(`2^${e}`, () => guarded('scale', [D], [b], ([M], [v]) => ({ x: solveTriangular(M!, v!) }))).x;
        expect(Array.from(x(scaled(A, 2 ** e)))).toEqual(Array.from(x(A), (v) => v * 2 ** -e));
      }
    });
  });
});

describe('solveTriangular: errors and empty', () => {
  it("a zero on the diagonal: LinAlgError 'singular' naming T[i, i], unless unitDiagonal; shapes; NaN / Inf", () => {
    const n = 7;
    for (const be of BACKENDS) {
      onBackend(be, () => {
        for (const i of [0, 3, n - 1]) {
          for (const lower of [false, true]) {
            const T = triangle(lapackMatrix('random', n, n, 2).A, lower, false);
            T.a[i * n + i] = 0;
            guarded(`zero T[${i}, ${i}]`, [T], [new Float64Array(n).fill(1)], ([M], [v]) => {
              expectLinAlgError(`${be} zero T[${i}, ${i}] lower=${lower}`, () => solveTriangular(M!, v!, { lower }), 'singular', i + 1, new RegExp(`T\\[${i}, ${i}\\] = 0`));
              solveTriangular(M!, v!, { lower, unitDiagonal: true }); // the diagonal is not read
            });
          }
        }
        guarded('shapes', [dense(2, 3), dense(3, 3, Float64Array.from({ length: 9 }, (_, t) => 1 + t)), dense(2, 1)], [], ([M23, M33, B21]) => {
          expectError(RangeError, 'non-square', () => solveTriangular(M23!, [1, 2]), /T must be square, got 2×3/);
          expectError(RangeError, 'b length', () => solveTriangular(M33!, [1, 2]), /2 entries.*3 rows/);
          expectError(RangeError, 'B rows', () => solveTriangular(M33!, B21!), /2×1.*3 rows/);
        });
        for (const bad of [NaN, Infinity]) {
          const T = triangle(lapackMatrix('random', 3, 3, 1).A, false, false);
          T.a[1] = bad; // (0, 1): in the upper triangle that is read
          guarded(`${bad}`, [T], [Float64Array.of(1, bad, 3)], ([M], [v]) => {
            expectLinAlgError(`${be} ${bad} in T`, () => solveTriangular(M!, [1, 2, 3]), 'not-finite', undefined, /checkFinite/);
            const ok = triangle(lapackMatrix('random', 3, 3, 1).A, false, false);
            guarded('b', [ok], [], ([K]) => expectLinAlgError(`${be} ${bad} in b`, () => solveTriangular(K!, v!), 'not-finite'));
            const x = solveTriangular(M!, [1, 2, 3], { checkFinite: false });
            expect(x.some((t) => !Number.isFinite(t))).toBe(true);
          });
        }
      });
    }
  });

  it('0×0 gives an empty solution', () => {
    const r = onBoth('0×0', () => guarded('0×0', [dense(0, 0), dense(0, 3)], [new Float64Array(0)], ([T, B], [v]) => ({ x: solveTriangular(T!, v!), X: solveTriangular(T!, B!, { lower: true }) })));
    expect([r.x.length, r.X.m, r.X.n]).toEqual([0, 0, 3]);
  });
});
