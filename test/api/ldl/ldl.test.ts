/**
 * ldl (scipy.linalg.ldl) and solve(A, B, { assumeA: 'symmetric' }) — Bunch–Kaufman LDLᵀ — on the
 * symmetric indefinite types of test/util/symmetric.ts (random, zero diagonal, KKT saddle point,
 * off-diagonal 2×2 pivots, indefinite with κ = 1e7 and 1e14, graded, scaled near 1e±292, integer,
 * diagonal), n ∈ {1, 2, 7, 16, 17, 33} and 64, 100 under the default and four tiny odd blockings,
 * both backends bit for bit, inputs untouched, no block leaked, with LAPACK's ratios below 30:
 *
 *   dsyt01   ‖A − L·D·Lᵀ‖₁ / (n·‖A‖₁·ε)
 *   dget02   ‖b − A·x‖₁ / (‖A‖₁·‖x‖₁·n·ε)   per column
 *
 * Exact properties: L[perm] is unit lower (upper with `lower: false`) triangular, D symmetric block
 * diagonal with non-overlapping 2×2 blocks; only the lower triangle is read. Against committed scipy
 * outputs (test/scipy/gen_ldl.py): L and D entrywise within a scaled tolerance, perm exactly. An
 * exactly zero pivot: the solve throws LinAlgError 'singular', ldl returns the factors.
 */
import { describe, it, expect } from 'vitest';
import { ldl, solve, Matrix, LinAlgError } from '../../../bindings/index.js';
import { onBackend, BACKENDS, SIZES, onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { column, dense, mul, norm1, ratio, solveRatio, sub, tr, type Dense } from '../../util/dense.js';
import { randn, Rng } from '../../util/lapack-types.js';
import { EPS, expectScaled } from '../../util/tolerance.js';
import { expectRatio } from '../../util/ratios.js';
import { expectLinAlgError, expectError } from '../../util/errors.js';
import { withTuning, TUNINGS } from '../../util/engines.js';
import { SYM_NAMES, SINGULAR_NAMES, symmetricMatrix } from '../../util/symmetric.js';
import { loadCases, rows, vec } from '../../util/scipy.js';
import data from '../../scipy/ldl.json' with { type: 'json' };

setupLapackSuite('api/ldl');

function ldlRatio(A: Dense, L: Dense, D: Dense): number {
  return ratio(norm1(sub(A, mul(mul(L, D), tr(L)))), Math.max(1, A.n), norm1(A), EPS);
}

/** L[perm] unit triangular (lower or upper) and D symmetric block diagonal, blocks 1×1 or 2×2. */
function expectStructure(label: string, L: Dense, D: Dense, perm: Int32Array, lower: boolean): void {
  const n = L.n;
  expect(Array.from(perm).sort((a, b) => a - b), `${label}: perm is a permutation`).toEqual(Array.from({ length: n }, (_, i) => i));
  for (let i = 0; i < n; i++) {
    const r = perm[i]!;
    for (let j = 0; j < n; j++) {
      const v = L.a[r * n + j]!;
      if (i === j && v !== 1) expect.unreachable(`${label}: L[perm][${i}, ${i}] = ${v}`);
      if ((lower ? j > i : j < i) && !Object.is(v, 0)) expect.unreachable(`${label}: L[perm][${i}, ${j}] = ${v} outside the triangle`);
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = D.a[i * n + j]!;
      if (Math.abs(i - j) > 1 && v !== 0) expect.unreachable(`${label}: D[${i}, ${j}] = ${v} outside the blocks`);
      if (v !== D.a[j * n + i]) expect.unreachable(`${label}: D not symmetric at ${i}, ${j}`);
    }
    if (i + 2 < n && D.a[(i + 1) * n + i] !== 0 && D.a[(i + 2) * n + i + 1] !== 0) expect.unreachable(`${label}: overlapping 2×2 blocks at ${i}`);
  }
}

describe.each(TUNINGS)('ldl and the symmetric solve on symmetric indefinite types — $name', (bc) => {
  it('dsyt01 and dget02 < 30, the structure of L, D and perm, wasm ≡ js, inputs untouched', () => {
    withTuning(bc.tuning, () => {
      for (const n of SIZES) {
        const B = randn(new Rng(n + 3), n, 3);
        const b = column(B, 0);
        for (const [t, name] of SYM_NAMES.entries()) {
          const A = symmetricMatrix(name, n, 17 * n + t);
          const label = `${name} n=${n}, ${bc.name}`;
          let r;
          try {
            r = onBoth(label, () => guarded(label, [A, B], [b], ([M, BM], [v]) => {
              const f = ldl(M!);
              const u = ldl(M!, { lower: false });
              return { L: f.L, D: f.D, perm: f.perm, U: u.L, DU: u.D, permU: u.perm, X: solve(M!, BM!, { assumeA: 'symmetric' }), x: solve(M!, v!, { assumeA: 'symmetric' }) };
            }));
          } catch (e) {
            // Integer matrices may be exactly singular, and the zero diagonal of order 1 is [[0]].
            const maySingular = name === 'integer' || (name === 'zero diagonal' && n === 1);
            if (maySingular && e instanceof LinAlgError && e.code === 'singular') continue;
            throw e;
          }
          expectStructure(`${label} lower`, r.L, r.D, r.perm, true);
          expectStructure(`${label} upper`, r.U, r.DU, r.permU, false);
          const kind = `n=${n} ${name}`;
          expectRatio(`ldl ‖A − LDLᵀ‖ ${kind}`, ldlRatio(A, r.L, r.D), 'ldl ‖A − LDLᵀ‖');
          expectRatio(`ldl upper ‖A − UDUᵀ‖ ${kind}`, ldlRatio(A, r.U, r.DU), 'ldl upper ‖A − UDUᵀ‖');
          expectRatio(`solve symmetric A·X = B ${kind}`, solveRatio(A, r.X, B), 'solve symmetric A·X = B');
          expectRatio(`solve symmetric A·x = b ${kind}`, solveRatio(A, dense(n, 1, r.x), dense(n, 1, b)), 'solve symmetric A·x = b');
        }
      }
    });
  });
});

describe('ldl at n = 64, 100 (blocked panels under the default blocking)', () => {
  it('dsyt01, dget02 < 30 on every type; wasm ≡ js', () => {
    for (const n of [64, 100]) {
      const B = randn(new Rng(n), n, 2);
      for (const [t, name] of SYM_NAMES.entries()) {
        if (name === 'integer') continue;
        const A = symmetricMatrix(name, n, 5 * n + t);
        const label = `${name} n=${n}`;
        const r = onBoth(label, () => guarded(label, [A, B], [], ([M, BM]) => {
          const f = ldl(M!);
          return { L: f.L, D: f.D, perm: f.perm, X: solve(M!, BM!, { assumeA: 'symmetric' }) };
        }));
        expectStructure(label, r.L, r.D, r.perm, true);
        expectRatio(`ldl ‖A − LDLᵀ‖ n=${n} ${name}`, ldlRatio(A, r.L, r.D), 'ldl ‖A − LDLᵀ‖');
        expectRatio(`solve symmetric A·X = B n=${n} ${name}`, solveRatio(A, r.X, B), 'solve symmetric A·X = B');
      }
    }
  });
});

describe('the symmetric solve with many right-hand sides (level 3 from 128: sytrs2)', () => {
  it('dget02 < 30 for 127 and 130 right-hand sides; wasm ≡ js; inputs untouched', () => {
    for (const bc of [TUNINGS[0]!, TUNINGS[1]!]) {
      withTuning(bc.tuning, () => {
        for (const n of [7, 40]) {
          for (const k of [127, 130]) {
            const A = symmetricMatrix('zero diagonal', n, n + k);
            const B = randn(new Rng(k), n, k);
            const label = `n=${n} k=${k}, ${bc.name}`;
            const X = onBoth(label, () => guarded(label, [A, B], [], ([M, BM]) => solve(M!, BM!, { assumeA: 'symmetric' })));
            expectRatio(`solve symmetric many rhs n=${n} k=${k}`, solveRatio(A, dense(n, k, X), B), 'solve symmetric many rhs');
          }
        }
      });
    }
  });
});

describe('ldl against scipy.linalg.ldl (test/scipy/ldl.json)', () => {
  const cases = loadCases(data).filter((c) => !c.name.startsWith('solve'));
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const A = rows(c.inputs.A);
    const n = A.length;
    const lower = c.inputs.lower as boolean;
    const r = onBoth(c.name, () => {
      const f = ldl(A, { lower });
      return { L: f.L, D: f.D, perm: f.perm };
    });
    expect(Array.from(r.perm), `${c.name}: perm`).toEqual(c.outputs.perm);
    const Lref = rows(c.outputs.L).flat();
    const Dref = rows(c.outputs.D).flat();
    const scale = (x: number[]): number[] => x.map(() => Math.max(1, ...x.map(Math.abs)));
    // Both are backward stable factorisations with the same pivots: the entries agree to a few n·ε.
    expectScaled(`${c.name}: L`, r.L.a, Lref, scale(Lref), 8 * Math.max(1, n));
    expectScaled(`${c.name}: D`, r.D.a, Dref, scale(Dref), 8 * Math.max(1, n));
  });
});

describe('ldl: exact cases, empty, singular', () => {
  it('[[0, 1], [1, 0]] is one 2×2 block; the docstring example (lower) is exact', () => {
    const r = onBoth('swap', () => {
      const f = ldl([[0, 1], [1, 0]]);
      return { L: f.L, D: f.D, perm: f.perm };
    });
    expect(Array.from(r.L.a)).toEqual([1, 0, 0, 1]);
    expect(Array.from(r.D.a)).toEqual([0, 1, 1, 0]);
    expect(Array.from(r.perm)).toEqual([0, 1]);
    const e = onBoth('example', () => {
      const f = ldl([[2, -1, 3], [-1, 2, 0], [3, 0, 1]]);
      return { L: f.L, D: f.D, perm: f.perm };
    });
    expect(Array.from(e.L.a)).toEqual([1, 0, 0, -0.5, 1, 0, 1.5, 1, 1]);
    expect(Array.from(e.D.a)).toEqual([2, 0, 0, 0, 1.5, 0, 0, 0, -5]);
  });

  it('0×0: empty L, D and perm; solve of the 0×0 system is empty (as scipy)', () => {
    const r = onBoth('0×0', () => guarded('0×0', [dense(0, 0), dense(0, 2)], [new Float64Array(0)], ([Z, B], [b]) => {
      const f = ldl(Z!);
      return { L: f.L, D: f.D, perm: f.perm, x: solve(Z!, b!, { assumeA: 'symmetric' }), X: solve(Z!, B!, { assumeA: 'symmetric' }) };
    }));
    expect([r.L.m, r.L.n, r.D.m, r.D.n, r.perm.length, r.x.length, r.X.m, r.X.n]).toEqual([0, 0, 0, 0, 0, 0, 0, 2]);
  });

  it('exactly singular: solve throws LinAlgError singular naming the zero pivot; ldl returns the factors', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        for (const name of SINGULAR_NAMES) {
          for (const n of [2, 7, 40]) {
            const A = symmetricMatrix(name, n, n);
            const label = `${be} ${name} n=${n}`;
            expectLinAlgError(label, () => guarded(label, [A], [new Float64Array(n).fill(1)], ([M], [v]) => solve(M!, v!, { assumeA: 'symmetric' })), 'singular', undefined, /^solve: .*D\[\d+, \d+\] = 0/);
            const f = guarded(label, [A], [], ([M]) => ldl(M!));
            try {
              expectRatio(`ldl singular ‖A − LDLᵀ‖ n=${n} ${name}`, ldlRatio(A, dense(n, n, f.L.toFloat64Array()), dense(n, n, f.D.toFloat64Array())), 'ldl singular ‖A − LDLᵀ‖');
            } finally {
              f.dispose();
            }
          }
        }
      });
    }
  });
});

describe('ldl: only the lower triangle is read', () => {
  it('garbage or NaN (checkFinite off) above the diagonal change no bit; the default check rejects NaN anywhere', () => {
    for (const n of [2, 7, 40]) {
      const A = symmetricMatrix('zero diagonal', n, n);
      const G = dense(n, n, A.a.slice());
      const N = dense(n, n, A.a.slice());
      const rng = new Rng(n);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          G.a[i * n + j] = 1e3 * rng.normal();
          N.a[i * n + j] = NaN;
        }
      }
      const b = Float64Array.from({ length: n }, (_, i) => i - 1);
      const label = `n=${n}`;
      const r = onBoth(label, () => guarded(label, [A, G, N], [b], ([M, MG, MN], [v]) => {
        const f = ldl(M!);
        const g = ldl(MG!);
        return {
          L: f.L, LG: g.L, D: f.D, DG: g.D,
          x: solve(M!, v!, { assumeA: 'symmetric' }), xG: solve(MG!, v!, { assumeA: 'symmetric' }), xN: solve(MN!, v!, { assumeA: 'symmetric', checkFinite: false }),
        };
      }));
      expect(Array.from(r.LG.a)).toEqual(Array.from(r.L.a));
      expect(Array.from(r.DG.a)).toEqual(Array.from(r.D.a));
      expect(Array.from(r.xG)).toEqual(Array.from(r.x));
      expect(Array.from(r.xN)).toEqual(Array.from(r.x));
      expectLinAlgError(label, () => guarded(label, [N], [b], ([MN], [v]) => solve(MN!, v!, { assumeA: 'symmetric' })), 'not-finite');
      // Unchecked, NaN or ±Inf in the lower triangle: 'not-finite' after the computation, never a finite x.
      for (const bad of [NaN, Infinity, -Infinity]) {
        for (const [i, j] of [[0, 0], [n - 1, 0], [n - 1, n - 1]]) {
          const X = dense(n, n, A.a.slice());
          X.a[i! * n + j!] = bad;
          if (i !== j) X.a[j! * n + i!] = bad;
          expectLinAlgError(`${label} ${bad} at ${i}, ${j}`, () => guarded(label, [X], [b], ([M], [v]) => solve(M!, v!, { assumeA: 'symmetric', checkFinite: false })), 'not-finite');
        }
      }
      expectLinAlgError(label, () => guarded(label, [N], [], ([MN]) => ldl(MN!)), 'not-finite');
    }
  });
});

describe('ldl: bad input', () => {
  it('non-square: RangeError naming the shape; a bad right-hand side: RangeError; options: TypeError', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        guarded('non-square', [randn(new Rng(1), 2, 3)], [], ([M]) => {
          expectError(RangeError, 'ldl', () => ldl(M!), /^ldl: .*2×3/);
          expectError(RangeError, 'solve', () => solve(M!, [1, 2], { assumeA: 'symmetric' }), /^solve: .*2×3/);
        });
        guarded('rhs', [symmetricMatrix('random', 3, 1)], [], ([M]) => {
          expectError(RangeError, 'solve', () => solve(M!, [1, 2], { assumeA: 'symmetric' }), /2 entries.*3 rows/);
        });
        expectError(TypeError, 'ldl options', () => ldl([[1]], 3 as never), /^ldl: options/);
        const nan = symmetricMatrix('random', 3, 2);
        nan.a[3] = NaN;
        expectLinAlgError('NaN', () => guarded('NaN', [nan], [], ([M]) => ldl(M!)), 'not-finite');
        expectLinAlgError('NaN b', () => solve([[1, 0], [0, 1]], [NaN, 1], { assumeA: 'symmetric' }), 'not-finite');
      });
    }
  });

  it('a result is disposable, and Matrix arguments work as nested arrays do', () => {
    const M = Matrix.from([[4, 1], [1, -3]]);
    try {
      const f = ldl(M);
      const g = ldl([[4, 1], [1, -3]]);
      expect(f.L.toArray()).toEqual(g.L.toArray());
      f.dispose();
      g.dispose();
      expect(f.L.disposed && f.D.disposed).toBe(true);
    } finally {
      M.dispose();
    }
    expect(Array.from(vec([1, 2]))).toEqual([1, 2]);
  });
});
