/**
 * rref and specialSolutions on both backends bit for bit, inputs guarded, no leaks (setupLapackSuite):
 *
 *   references   sympy's exact rref of integer matrices (Strang's §3.2/§3.3 examples, integer X·Y of
 *                known rank; test/scipy/gen_rref_misc.py): the same pivots, and
 *                max|R − R_ref|/(max(m, n)·ε·max(1, max|R_ref|)) ≤ 30
 *   structure    exactly: pivots ascending; R[i, pivots[i]] = 1, the rest of each pivot column 0, zeros
 *                left of each leading 1, the rows past the rank 0
 *   null space   A·N ≈ 0: ‖A·N‖₁/(‖A‖₁·‖N‖₁·max(m, n)·ε) ≤ 30 on LAPACK's matrix types (and the SVD
 *                suite's rank-deficient type), N's free rows the identity exactly, n − r columns
 *   rank         the number of pivots equals matrixRank on the rank-deficient (exact zeros in σ), zero
 *                columns, graded, scaled near overflow / underflow, random, diagonal, identity and zero types
 *   scaling      rref(2^p·A) = rref(A) bit for bit (p = ±600): the default tolerance scales with A
 *   tol          a huge tol zeroes everything; tol = 0 keeps tiny pivots; validation (negative, NaN, not
 *                a number); NaN/Inf → 'not-finite'; empty shapes (0×n, m×0, 0×0)
 */
import { describe, it, expect } from 'vitest';
import { rref, specialSolutions, matrixRank, Matrix, type RrefOptions } from '../../../bindings/index.js';
import { onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { dense, fromRows, mul, norm1, type Dense } from '../../util/dense.js';
import { lapackMatrix, TYPE_NAMES, type TypeName } from '../../util/lapack-types.js';
import { expectRatio } from '../../util/ratios.js';
import { expectError, expectLinAlgError } from '../../util/errors.js';
import { EPS, expectBitwise } from '../../util/tolerance.js';
import { svdTestMatrix } from '../../util/svd-types.js';
import { loadCases, rows, vec } from '../../util/scipy.js';
import data from '../../scipy/rref_misc.json' with { type: 'json' };

setupLapackSuite('api/rref');

interface Plain {
  R: Dense;
  pivots: Int32Array;
}

function rrefBoth(label: string, A: Dense, o?: RrefOptions): Plain {
  return onBoth(label, () => guarded(label, [A], [], ([M]) => ({ ...rref(M!, o) })));
}

function nullBoth(label: string, A: Dense, o?: RrefOptions): Dense {
  const a = onBoth(label, () => guarded(label, [A], [], ([M]) => specialSolutions(M!, o)));
  const free = A.n - rrefBoth(`${label} (rref)`, A, o).pivots.length;
  return dense(A.n, free, a);
}

/** The exact properties of a reduced row echelon form; returns a description of the first violation. */
function rrefViolation({ R, pivots }: Plain): string | null {
  const { m, n, a } = R;
  for (let i = 1; i < pivots.length; i++) if (!(pivots[i]! > pivots[i - 1]!)) return `pivots not ascending at ${i}`;
  for (let i = 0; i < m; i++) {
    if (i < pivots.length) {
      const p = pivots[i]!;
      if (a[i * n + p] !== 1) return `R[${i}, ${p}] = ${a[i * n + p]} is not 1`;
      for (let j = 0; j < p; j++) if (a[i * n + j] !== 0) return `R[${i}, ${j}] left of the pivot is not 0`;
      for (let r = 0; r < m; r++) if (r !== i && a[r * n + p] !== 0) return `R[${r}, ${p}] in a pivot column is not 0`;
    } else {
      for (let j = 0; j < n; j++) if (a[i * n + j] !== 0) return `row ${i} past the rank is not 0`;
    }
  }
  return null;
}

const refCases = loadCases(data).filter((c) => c.name.startsWith('rref '));

describe('rref: sympy references (exact rational rref of integer matrices)', () => {
  for (const c of refCases) {
    it(c.name, () => {
      const A = fromRows(rows(c.inputs.A));
      const want = fromRows(rows(c.outputs.R));
      const got = rrefBoth(c.name, A);
      expect(Array.from(got.pivots), `${c.name}: pivots`).toEqual(Array.from(vec(c.outputs.pivots)));
      expect(rrefViolation(got), c.name).toBeNull();
      let d = 0;
      let top = 1;
      for (let t = 0; t < want.a.length; t++) {
        d = Math.max(d, Math.abs(got.R.a[t]! - want.a[t]!));
        top = Math.max(top, Math.abs(want.a[t]!));
      }
      expectRatio(`${c.name}: R vs sympy`, d / (Math.max(A.m, A.n) * EPS * top), 'rref vs sympy');
      // the special solutions of the reference: 1 at the free column, −R_ref entries at the pivots
      const N = nullBoth(`${c.name}: specialSolutions`, A);
      const piv = Array.from(got.pivots);
      const free = Array.from({ length: A.n }, (_, j) => j).filter((j) => !piv.includes(j));
      expect(N.n).toBe(free.length);
      free.forEach((f, col) => {
        for (let j = 0; j < A.n; j++) {
          const i = piv.indexOf(j);
          const expected = j === f ? 1 : i >= 0 ? -want.a[i * A.n + f]! : 0;
          expect(Math.abs(N.a[j * N.n + col]! - expected), `${c.name}: N[${j}, ${col}]`).toBeLessThanOrEqual(30 * Math.max(A.m, A.n) * EPS * top);
        }
      });
    });
  }

  it("Strang's §3.2 example: the special solutions (−2, 1, 0, 0) and (2, 0, −2, 1)", () => {
    const N = specialSolutions([[1, 2, 2, 2], [2, 4, 6, 8], [3, 6, 8, 10]]);
    try {
      const want = [[-2, 2], [1, 0], [0, -2], [0, 1]];
      const got = N.toArray();
      for (let i = 0; i < 4; i++) for (let j = 0; j < 2; j++) expect(Math.abs(got[i]![j]! - want[i]![j]!)).toBeLessThanOrEqual(30 * 4 * EPS * 2);
      // the free rows are the identity exactly, with no −0
      expect(Object.is(got[1]![1], 0) && Object.is(got[3]![0], 0)).toBe(true);
    } finally {
      N.dispose();
    }
  });
});

const RANK_TYPES: readonly TypeName[] = ['zero', 'identity', 'diagonal', 'random', 'zero columns', 'graded', 'near overflow', 'near underflow', 'upper', 'lower', 'cond 1e7'];

describe('rref / specialSolutions on the LAPACK types: A·N ≈ 0, rank as matrixRank', () => {
  for (const [m, n] of [[1, 1], [2, 5], [7, 7], [16, 9], [9, 16], [17, 17]] as const) {
    it(`${m}×${n}`, () => {
      const mats: { name: string; A: Dense; rank: boolean }[] = TYPE_NAMES.map((t) => ({
        name: t, A: lapackMatrix(t, m, n, 3 * m + n).A, rank: RANK_TYPES.includes(t),
      }));
      mats.push({ name: 'rank deficient', A: svdTestMatrix('rank deficient', m, n, m * n + 1).A, rank: true });
      for (const { name, A, rank } of mats) {
        const label = `${name} ${m}×${n}`;
        const r = rrefBoth(label, A);
        expect(rrefViolation(r), label).toBeNull();
        const N = nullBoth(`${label}: N`, A);
        expect(N.n, `${label}: n − r columns`).toBe(n - r.pivots.length);
        if (N.n > 0) {
          const AN = mul(A, N);
          const an = norm1(A);
          expectRatio(`${label}: ‖A·N‖`, an === 0 ? norm1(AN) : norm1(AN) / (an * norm1(N) * Math.max(m, n) * EPS), 'A·N');
        }
        if (rank) {
          const M = Matrix.fromArray(A.a, m, n);
          try {
            expect(r.pivots.length, `${label}: rank vs matrixRank`).toBe(matrixRank(M));
          } finally {
            M.dispose();
          }
        }
      }
    });
  }
});

describe('rref: tolerance and scaling', () => {
  it('rref(2^p·A) = rref(A) bit for bit', () => {
    for (const t of ['random', 'zero columns', 'graded'] as const) {
      const A = lapackMatrix(t, 9, 12, 5).A;
      const r = rrefBoth(t, A);
      for (const p of [600, -600]) {
        const r2 = rrefBoth(`${t} · 2^${p}`, dense(A.m, A.n, A.a.map((v) => v * 2 ** p)));
        expectBitwise(`${t} · 2^${p}: R`, r2.R.a, r.R.a);
        expect(Array.from(r2.pivots)).toEqual(Array.from(r.pivots));
      }
    }
  });

  it('tol: huge → no pivots (R = 0); 0 → every nonzero candidate is a pivot; the default treats rounding as zero', () => {
    const A = fromRows([[1, 2, 3], [4, 5, 6], [7, 8, 9]]); // rank 2; elimination leaves ~1e-16 in place of 0
    const d = rrefBoth('default', A);
    expect(Array.from(d.pivots)).toEqual([0, 1]);
    const big = rrefBoth('tol 100', A, { tol: 100 });
    expect(big.pivots.length).toBe(0);
    expect(Array.from(big.R.a).every((v) => v === 0)).toBe(true);
    const tiny = fromRows([[1e-20, 0], [0, 1]]);
    expect(Array.from(rrefBoth('tol 0', tiny, { tol: 0 }).pivots)).toEqual([0, 1]);
    expect(Array.from(rrefBoth('tol 1e-10', tiny, { tol: 1e-10 }).pivots)).toEqual([1]);
    expect(Array.from(rrefBoth('tiny default', tiny).pivots)).toEqual([1]); // 1e-20 ≤ 2·ε·1
  });

  it('validation: tol, options, A; NaN / Inf', () => {
    expectError(RangeError, 'tol −1', () => rref([[1]], { tol: -1 }), /rref: tol must be a non-negative number/);
    expectError(RangeError, 'tol NaN', () => rref([[1]], { tol: NaN }), /rref: tol/);
    expectError(TypeError, 'tol string', () => rref([[1]], { tol: '1' as unknown as number }), /rref: tol must be a number/);
    expectError(TypeError, 'options', () => rref([[1]], 3 as unknown as RrefOptions), /rref: options must be an object/);
    expectError(TypeError, 'A', () => rref('A' as unknown as Matrix), /rref: A must be a Matrix/);
    expectError(RangeError, 'specialSolutions tol', () => specialSolutions([[1]], { tol: -2 }), /specialSolutions: tol/);
    expectLinAlgError('NaN', () => rref([[1, NaN]]), 'not-finite');
    expectLinAlgError('Inf', () => specialSolutions([[Infinity, 1]]), 'not-finite');
  });

  it('empty shapes', () => {
    for (const [m, n] of [[0, 0], [0, 4], [3, 0]] as const) {
      const A = dense(m, n);
      const r = rrefBoth(`${m}×${n}`, A);
      expect([r.R.m, r.R.n]).toEqual([m, n]);
      expect(r.pivots.length).toBe(0);
      const N = onBoth(`${m}×${n} N`, () => guarded(`${m}×${n}`, [A], [], ([M]) => {
        const X = specialSolutions(M!);
        expect(X.shape).toEqual([n, n]);
        return X;
      }));
      // N = I (n×n): every column is free
      expect(Array.from(N)).toEqual(Array.from({ length: n * n }, (_, t) => (t % (n + 1) === 0 ? 1 : 0)));
    }
  });
});
