/**
 * solve(A, B, { assumeA }) — every mode on its LAPACK matrix types, both backends bit for bit, inputs
 * untouched, no block leaked (also on the error paths), dget02 ‖b − A·x‖₁/(‖A‖₁·‖x‖₁·n·ε) < 30:
 *
 *   'general'            the LU path of today, bit for bit (no option, {}, { assumeA: 'general' })
 *   'symmetric'          test/api/ldl/ldl.test.ts covers it in depth; here: scipy, errors
 *   'positive-definite'  the SPD types; an indefinite A → 'not-positive-definite' (no fallback)
 *   'diagonal'           ±10^u diagonals; a zero → 'singular'; off-diagonal entries are not read
 *   'upper-triangular'   LAPACK's triangular types; a zero diagonal → 'singular'; the other triangle
 *   'lower-triangular'   is not read
 *
 * Against committed scipy outputs (test/scipy/gen_ldl.py: scipy.linalg.solve with assume_a) with a
 * vector, a matrix and a transposed right-hand side; an unknown mode is a TypeError naming it.
 */
import { describe, it, expect } from 'vitest';
import { solve, solveTriangular, choSolve, Matrix, type AssumeA } from '../../../bindings/index.js';
import { onBackend, BACKENDS, SIZES, onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { column, dense, solveRatio, tr, type Dense } from '../../util/dense.js';
import { lapackMatrix, randn, spdMatrices, Rng } from '../../util/lapack-types.js';
import { expectBitwise, expectScaled } from '../../util/tolerance.js';
import { expectRatio } from '../../util/ratios.js';
import { expectLinAlgError, expectError } from '../../util/errors.js';
import { withTuning, TUNINGS } from '../../util/engines.js';
import { symmetricMatrix } from '../../util/symmetric.js';
import { loadCases, rows, vec } from '../../util/scipy.js';
import data from '../../scipy/ldl.json' with { type: 'json' };

setupLapackSuite('api/solve assumeA');

/** The matrices each mode is tested on (the structure it assumes holds exactly). */
function matricesFor(mode: AssumeA, n: number, seed: number): { name: string; A: Dense }[] {
  switch (mode) {
    case 'general':
      return (['random', 'cond 1e7', 'graded', 'near underflow'] as const).map((t) => ({ name: t, A: lapackMatrix(t, n, n, seed).A }));
    case 'symmetric':
      // (the zero diagonal of order 1 is [[0]])
      return (['random', 'zero diagonal', 'indefinite 1e14', 'near overflow'] as const).filter((t) => n > 1 || t !== 'zero diagonal').map((t) => ({ name: t, A: symmetricMatrix(t, n, seed) }));
    case 'positive-definite':
      return spdMatrices(n, seed).map((S) => ({ name: S.name, A: S.A }));
    case 'diagonal':
      return [{ name: 'diagonal', A: lapackMatrix('diagonal', n, n, seed).A }, { name: 'identity', A: lapackMatrix('identity', n, n, seed).A }];
    case 'upper-triangular':
      return [{ name: 'upper', A: lapackMatrix('upper', n, n, seed).A }];
    case 'lower-triangular':
      return [{ name: 'lower', A: lapackMatrix('lower', n, n, seed).A }];
  }
}

const MODES: AssumeA[] = ['general', 'symmetric', 'positive-definite', 'diagonal', 'upper-triangular', 'lower-triangular'];

describe.each(TUNINGS)('solve with assumeA — $name', (bc) => {
  it.each(MODES)('%s: dget02 < 30 for A·X = B, A·x = b and Aᵀ·x = b; wasm ≡ js; inputs untouched', (mode) => {
    withTuning(bc.tuning, () => {
      for (const n of SIZES) {
        const B = randn(new Rng(n + 7), n, 3);
        const b = column(B, 1);
        for (const { name, A } of matricesFor(mode, n, 3 * n + 1)) {
          const label = `${mode} ${name} n=${n}, ${bc.name}`;
          const r = onBoth(label, () => guarded(label, [A, B], [b], ([M, BM], [v]) => ({
            X: solve(M!, BM!, { assumeA: mode }),
            x: solve(M!, v!, { assumeA: mode }),
            xT: solve(M!, v!, { assumeA: mode, transpose: true }),
          })));
          const kind = `${mode} ${name} n=${n}`;
          expectRatio(`solve ${mode} A·X = B ${kind}`, solveRatio(A, r.X, B), `solve ${mode} A·X = B`);
          expectRatio(`solve ${mode} A·x = b ${kind}`, solveRatio(A, dense(n, 1, r.x), dense(n, 1, b)), `solve ${mode} A·x = b`);
          expectRatio(`solve ${mode} Aᵀ·x = b ${kind}`, solveRatio(tr(A), dense(n, 1, r.xT), dense(n, 1, b)), `solve ${mode} Aᵀ·x = b`);
        }
      }
    });
  });
});

describe('solve with assumeA: the same as the dedicated functions', () => {
  it("'general' (and {}) is today's solve bit for bit; triangular = solveTriangular; positive-definite = choSolve", () => {
    for (const n of [3, 9, 40]) {
      const A = lapackMatrix('random', n, n, n).A;
      const S = spdMatrices(n, 2)[2]!.A;
      const U = lapackMatrix('upper', n, n, n).A;
      const L = lapackMatrix('lower', n, n, n).A;
      const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
      for (const be of BACKENDS) {
        onBackend(be, () => guarded(`n=${n} ${be}`, [A, S, U, L], [b], ([MA, MS, MU, ML], [v]) => {
          const x0 = solve(MA!, v!, { checkFinite: true });
          expectBitwise('general', solve(MA!, v!, { assumeA: 'general' }), x0);
          expectBitwise('{}', solve(MA!, v!, {}), x0);
          expectBitwise('upper', solve(MU!, v!, { assumeA: 'upper-triangular' }), solveTriangular(MU!, v!) as Float64Array);
          expectBitwise('lower', solve(ML!, v!, { assumeA: 'lower-triangular' }), solveTriangular(ML!, v!, { lower: true }) as Float64Array);
          expectBitwise('pd', solve(MS!, v!, { assumeA: 'positive-definite' }), choSolve(MS!, v!));
          expectBitwise('method', MS!.solve(v!, { assumeA: 'symmetric' }), solve(MS!, v!, { assumeA: 'symmetric' }));
        }));
      }
    }
  });

  it('each mode reads only what its structure needs: garbage elsewhere changes no bit', () => {
    const n = 9;
    const rng = new Rng(4);
    const garbage = (A: Dense, keep: (i: number, j: number) => boolean): Dense =>
      dense(n, n, Float64Array.from(A.a, (v, t) => (keep(Math.floor(t / n), t % n) ? v : 1e3 * rng.normal())));
    const cases: [AssumeA, Dense, (i: number, j: number) => boolean][] = [
      ['symmetric', symmetricMatrix('random', n, 1), (i, j) => i >= j],
      ['positive-definite', spdMatrices(n, 1)[2]!.A, (i, j) => i >= j],
      ['diagonal', lapackMatrix('diagonal', n, n, 1).A, (i, j) => i === j],
      ['upper-triangular', lapackMatrix('upper', n, n, 1).A, (i, j) => i <= j],
      ['lower-triangular', lapackMatrix('lower', n, n, 1).A, (i, j) => i >= j],
    ];
    const b = Float64Array.from({ length: n }, (_, i) => i + 1);
    for (const [mode, A, keep] of cases) {
      const G = garbage(A, keep);
      const r = onBoth(mode, () => guarded(mode, [A, G], [b], ([M, MG], [v]) => ({ x: solve(M!, v!, { assumeA: mode }), xG: solve(MG!, v!, { assumeA: mode }) })));
      expect(Array.from(r.xG), mode).toEqual(Array.from(r.x));
    }
  });
});

describe('solve with assumeA against scipy.linalg.solve(assume_a=…) (test/scipy/ldl.json)', () => {
  const cases = loadCases(data).filter((c) => c.name.startsWith('solve'));
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const A = rows(c.inputs.A);
    const n = A.length;
    const mode = c.inputs.assumeA as AssumeA;
    const r = onBoth(c.name, () => ({
      x: solve(A, vec(c.inputs.b), { assumeA: mode }),
      X: solve(A, rows(c.inputs.B), { assumeA: mode }),
      xT: solve(A, vec(c.inputs.b), { assumeA: mode, transpose: true }),
    }));
    // Well-conditioned inputs (κ ≲ 10): the solutions agree to a few n·ε of their size.
    const near = (label: string, got: ArrayLike<number>, want: ArrayLike<number>): void => {
      const size = Math.max(...Array.from(want, Math.abs));
      expectScaled(`${c.name}: ${label}`, got, want, Array.from(want, () => size), 16 * n);
    };
    near('x', r.x, vec(c.outputs.x));
    near('X', r.X.a, rows(c.outputs.X).flat());
    near('xT', r.xT, vec(c.outputs.xT));
  });
});

describe('solve with assumeA: errors, every path leak-free', () => {
  it('an unknown assumeA is a TypeError naming it (before any work)', () => {
    for (const bad of ['sym', 'pos', 'Symmetric', '', 3, null, {}]) {
      expectError(TypeError, `assumeA ${String(bad)}`, () => solve([[1, 0], [0, 1]], [1, 1], { assumeA: bad as never }), /^solve: unknown assumeA .*known: 'general'/);
    }
    expectError(TypeError, "'sym'", () => solve([[1]], [1], { assumeA: 'sym' as never }), /'sym'/);
  });

  it("positive-definite on an indefinite A: 'not-positive-definite', never a fallback", () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        for (const n of [2, 7, 40]) {
          const A = symmetricMatrix('random', n, n);
          expectLinAlgError(`${be} n=${n}`, () => guarded('pd', [A], [new Float64Array(n)], ([M], [v]) => solve(M!, v!, { assumeA: 'positive-definite' })), 'not-positive-definite', undefined, /^solve: matrix is not positive definite/);
        }
      });
    }
  });

  it("a zero on the diagonal: 'singular' for diagonal, triangular and (a zero pivot) symmetric", () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        for (const n of [1, 4, 40]) {
          const k = n >> 1;
          const D = lapackMatrix('diagonal', n, n, n).A;
          D.a[k * n + k] = 0;
          const U = lapackMatrix('upper', n, n, n).A;
          U.a[k * n + k] = 0;
          const L = lapackMatrix('lower', n, n, n).A;
          L.a[k * n + k] = 0;
          const b = new Float64Array(n).fill(1);
          const B = dense(n, 2, new Float64Array(2 * n).fill(1));
          for (const [mode, A] of [['diagonal', D], ['upper-triangular', U], ['lower-triangular', L], ['symmetric', dense(n, n)]] as const) {
            const label = `${be} ${mode} n=${n}`;
            const msg = mode === 'symmetric' ? /^solve: .*singular/ : new RegExp(`^solve: A\\[${k}, ${k}\\] = 0`);
            expectLinAlgError(label, () => guarded(label, [A], [b], ([M], [v]) => solve(M!, v!, { assumeA: mode })), 'singular', undefined, msg);
            expectLinAlgError(label, () => guarded(label, [A, B], [], ([M, BM]) => solve(M!, BM!, { assumeA: mode })), 'singular');
          }
        }
      });
    }
  });

  it('shapes, NaN and empty systems as the general solve', () => {
    for (const mode of MODES) {
      for (const be of BACKENDS) {
        onBackend(be, () => {
          expectError(RangeError, `${mode} non-square`, () => solve([[1, 2, 3], [4, 5, 6]], [1, 2], { assumeA: mode }), /^solve: .*2×3/);
          expectError(RangeError, `${mode} rhs`, () => solve([[1, 0], [0, 1]], [1, 2, 3], { assumeA: mode }), /^solve: .*3 entries/);
          expectLinAlgError(`${mode} NaN A`, () => solve([[1, 0], [NaN, 1]], [1, 2], { assumeA: mode }), 'not-finite');
          expectLinAlgError(`${mode} NaN b`, () => solve([[2, 0], [0, 1]], [NaN, 2], { assumeA: mode }), 'not-finite');
          const Z = Matrix.zeros(0, 0);
          const B = Matrix.zeros(0, 3);
          try {
            expect(solve(Z, new Float64Array(0), { assumeA: mode }).length).toBe(0);
            const X = solve(Z, B, { assumeA: mode });
            expect([X.rows, X.cols]).toEqual([0, 3]);
            X.dispose();
          } finally {
            Z.dispose();
            B.dispose();
          }
        });
      }
    }
  });
});
