/**
 * `checkFinite: false` skips the up-front NaN/Inf scan, but a non-finite input must still show: the
 * result holds a NaN or ±Inf, or the call throws LinAlgError 'not-finite' — never a finite answer, and
 * never a different error ('singular', 'not-positive-definite') that blames the numbers.
 *
 * Every function with a checkFinite option gets NaN, +Inf and −Inf at every entry of several small
 * inputs — random ones and ones full of exact zeros (which is where values get dropped: a rank
 * cut-off, a zero pivot, a zero skipped in a triangular solve, a reflector with τ = 0) — in A and in
 * the right-hand side. Functions that read only one triangle of A (cholesky and its solves, eigh,
 * solveTriangular; the diagonal not at all with unitDiagonal) get them only where they read: the other
 * triangle is documented as ignored, so a finite answer is right there.
 *
 * Regressions: lstsq([[1,0],[0,NaN],[0,0]], [1,1,1]) gave { x: [1, 0], rank: 1 }; projection of the
 * same A a finite projector; cholesky reported a NaN pivot as 'not-positive-definite'; det of
 * [[1, NaN], [0, 1]] was 1.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import {
  Matrix, LinAlgError, LUFactorization, CholeskyFactorization, lu, luFactor, solve, det, slogdet, inv, cholesky, choFactor, choSolve,
  solveTriangular, qr, lstsq, projection, eigh, eigvalsh, svd, svdvals, eig, eigvals, schur, pinv, matrixRank, cond, nullSpace, orth,
  expm, sqrtm, logm,
  subspaces, lowRank, pca, memoryStats,
} from '../../../bindings/index.js';
import { setupApi, onBackend, BACKENDS } from '../../util/api.js';
import { Rng } from '../../util/generate.js';
import { disposeAll } from './util.js';

beforeAll(setupApi);

const OFF = { checkFinite: false } as const;
const BAD = [NaN, Infinity, -Infinity];

/** Every number a result holds (matrices, typed arrays, numbers, nested objects, a factorisation's factor). */
function numbers(r: unknown): number[] {
  if (typeof r === 'number') return [r];
  if (r instanceof Matrix) return Array.from(r.toFloat64Array());
  if (r instanceof LUFactorization) return numbers(r.lu);
  if (r instanceof CholeskyFactorization) return numbers(r.L);
  if (ArrayBuffer.isView(r)) return Array.from(r as Float64Array);
  if (r !== null && typeof r === 'object') return Object.values(r).flatMap(numbers);
  return [];
}

/** The result holds a non-finite number, or the call threw LinAlgError 'not-finite'. */
function expectNonFinite(label: string, f: () => unknown, failures: string[]): void {
  let r: unknown;
  try {
    r = f();
  } catch (e) {
    if (!(e instanceof LinAlgError && e.code === 'not-finite')) failures.push(`${label}: threw ${String(e)}`);
    return;
  }
  const v = numbers(r);
  disposeAll(r);
  if (v.every((t) => Number.isFinite(t))) failures.push(`${label}: finite result [${v.slice(0, 8).join(', ')}${v.length > 8 ? ', …' : ''}]`);
}

/** Copies of `a` with `bad` at each position where `where(i, j)`. */
function poisoned(a: number[][], bad: number, where: (i: number, j: number) => boolean = () => true): [string, number[][]][] {
  const out: [string, number[][]][] = [];
  a.forEach((row, i) =>
    row.forEach((_, j) => {
      if (!where(i, j)) return;
      const c = a.map((r) => r.slice());
      c[i]![j] = bad;
      out.push([`(${i},${j})=${bad}`, c]);
    }),
  );
  return out;
}

function poisonedVec(b: number[], bad: number): [string, number[]][] {
  return b.map((_, i) => {
    const c = b.slice();
    c[i] = bad;
    return [`b[${i}]=${bad}`, c];
  });
}

/** Small nonzero integers, seeded. */
const rnd = (m: number, n: number, seed: number): number[][] => {
  const rng = new Rng(seed);
  return Array.from({ length: m }, () => Array.from({ length: n }, () => Math.round(8 * rng.uniform() - 4) || 1));
};
const eye = (n: number): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => +(i === j)));
const spd = (n: number, seed: number): number[][] => {
  const a = rnd(n, n, seed);
  return a.map((_, i) => a.map((_, j) => a.reduce((t, r) => t + r[i]! * r[j]!, 0) + (i === j ? n : 0)));
};

// Square inputs: random, identity, and a singular one with zero rows and columns.
const SQUARE = [rnd(3, 3, 1), eye(3), [[1, 0, 0], [0, 0, 0], [0, 0, 1]], [[0, 0], [0, 0]]];
// Rectangular: random tall and wide, and rank-one ones full of zeros.
const RECT = [rnd(4, 3, 2), rnd(2, 4, 3), [[1, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]], [[1, 0, 0, 0], [0, 0, 0, 0]], [[1, 0], [0, 1], [0, 0]]];
const SYM = [spd(3, 4), eye(3)];
const rhsFor = (m: number): number[][] => [Array.from({ length: m }, (_, i) => i + 1), Array.from({ length: m }, (_, i) => +(i === 0))];

describe.each(BACKENDS)('non-finite input with checkFinite: false on the %s backend', (be) => {
  it('the reported regressions', () => {
    onBackend(be, () => {
      const failures: string[] = [];
      expectNonFinite('lstsq NaN at (1,1)', () => lstsq([[1, 0], [0, NaN], [0, 0]], [1, 1, 1], OFF), failures);
      expectNonFinite('projection NaN at (1,1)', () => projection([[1, 0], [0, NaN], [0, 0]], OFF), failures);
      expectNonFinite('det [[1, NaN], [0, 1]]', () => det([[1, NaN], [0, 1]], OFF), failures);
      expect(failures).toEqual([]);
      let e: unknown = null;
      try {
        cholesky([[NaN, 0], [0, 1]], OFF).dispose();
      } catch (err) {
        e = err;
      }
      expect(e).toBeInstanceOf(LinAlgError);
      expect((e as LinAlgError).code).toBe('not-finite');
      expect((e as LinAlgError).message).toMatch(/^cholesky:/);
    });
  });

  it('square-matrix functions: NaN/±Inf at every entry of A, and of b', () => {
    onBackend(be, () => {
      const failures: string[] = [];
      const before = memoryStats().blocksInUse;
      for (const [s, A0] of SQUARE.entries()) {
        const n = A0.length;
        for (const bad of BAD) {
          for (const [where, A] of poisoned(A0, bad)) {
            const l = `square ${s} ${where}`;
            for (const b of rhsFor(n)) {
              expectNonFinite(`solve ${l} b=${b}`, () => solve(A, b, OFF), failures);
              expectNonFinite(`solve transpose ${l} b=${b}`, () => solve(A, b, { ...OFF, transpose: true }), failures);
              expectNonFinite(`F.solve ${l} b=${b}`, () => {
                using F = luFactor(A, OFF);
                return F.solve(b, OFF);
              }, failures);
            }
            expectNonFinite(`lu ${l}`, () => lu(A, OFF), failures);
            expectNonFinite(`luFactor ${l}`, () => luFactor(A, OFF), failures);
            expectNonFinite(`det ${l}`, () => det(A, OFF), failures);
            expectNonFinite(`slogdet ${l}`, () => slogdet(A, OFF), failures);
            expectNonFinite(`inv ${l}`, () => inv(A, OFF), failures);
            expectNonFinite(`F.det ${l}`, () => {
              using F = luFactor(A, OFF);
              return F.det();
            }, failures);
            expectNonFinite(`F.slogdet ${l}`, () => {
              using F = luFactor(A, OFF);
              return F.slogdet();
            }, failures);
            expectNonFinite(`F.inv ${l}`, () => {
              using F = luFactor(A, OFF);
              return F.inv();
            }, failures);
            for (const p of [1, Infinity, 'fro', 2] as const) expectNonFinite(`cond ${String(p)} ${l}`, () => cond(A, p, OFF), failures);
            expectNonFinite(`eig ${l}`, () => eig(A, OFF), failures);
            expectNonFinite(`eig unbalanced ${l}`, () => eig(A, { ...OFF, balance: false }), failures);
            expectNonFinite(`eigvals ${l}`, () => eigvals(A, OFF), failures);
            expectNonFinite(`schur ${l}`, () => schur(A, OFF), failures);
            // Matrix functions (issue 13)
            expectNonFinite(`expm ${l}`, () => expm(A, OFF), failures);
            expectNonFinite(`sqrtm ${l}`, () => sqrtm(A, OFF), failures);
            expectNonFinite(`logm ${l}`, () => logm(A, OFF), failures);
          }
          // A finite, b poisoned. (A singular A stays 'singular' whatever b holds, as with checks on:
          // that error is about A, which is finite and singular.)
          if (s >= 2) continue;
          for (const b0 of rhsFor(n)) {
            for (const [where, b] of poisonedVec(b0, bad)) {
              const l = `square ${s} ${where}`;
              expectNonFinite(`solve ${l}`, () => solve(A0, b, OFF), failures);
              expectNonFinite(`solve B ${l}`, () => solve(A0, b.map((v) => [v, 1]), OFF), failures);
            }
          }
        }
      }
      expect(failures).toEqual([]);
      expect(memoryStats().blocksInUse).toBe(before);
    });
  });

  it('triangle-reading functions (cholesky, choFactor, choSolve, eigh, eigvalsh, solveTriangular): wherever they read', () => {
    onBackend(be, () => {
      const failures: string[] = [];
      const before = memoryStats().blocksInUse;
      for (const [s, A0] of SYM.entries()) {
        const n = A0.length;
        for (const bad of BAD) {
          for (const [where, A] of poisoned(A0, bad, (i, j) => i >= j)) {
            const l = `sym ${s} ${where}`;
            expectNonFinite(`cholesky ${l}`, () => cholesky(A, OFF), failures);
            expectNonFinite(`choFactor ${l}`, () => choFactor(A, OFF), failures);
            expectNonFinite(`eigh ${l}`, () => eigh(A, OFF), failures);
            expectNonFinite(`eigvalsh ${l}`, () => eigvalsh(A, OFF), failures);
            for (const b of rhsFor(n)) {
              expectNonFinite(`choSolve ${l} b=${b}`, () => choSolve(A, b, OFF), failures);
              expectNonFinite(`C.solve ${l} b=${b}`, () => {
                using C = choFactor(A, OFF);
                return C.solve(b, OFF);
              }, failures);
              for (const lower of [false, true]) {
                for (const unitDiagonal of [false, true]) {
                  const T = lower ? A : A.map((r, i) => r.map((_, j) => A[j]![i]!)); // the poisoned triangle, read
                  const reads = unitDiagonal ? !where.startsWith(`(${where[1]},${where[1]})`) : true;
                  if (!reads) continue;
                  expectNonFinite(`solveTriangular lower=${lower} unit=${unitDiagonal} ${l} b=${b}`, () => solveTriangular(T, b, { ...OFF, lower, unitDiagonal }), failures);
                }
              }
            }
          }
          for (const b0 of rhsFor(n)) {
            for (const [where, b] of poisonedVec(b0, bad)) {
              expectNonFinite(`choSolve b ${s} ${where}`, () => choSolve(A0, b, OFF), failures);
              expectNonFinite(`solveTriangular b ${s} ${where}`, () => solveTriangular(A0, b, OFF), failures);
            }
          }
        }
      }
      expect(failures).toEqual([]);
      expect(memoryStats().blocksInUse).toBe(before);
    });
  });

  it('rectangular-matrix functions (qr, lstsq, projection, the SVD family, pca): every entry of A and of b', () => {
    onBackend(be, () => {
      const failures: string[] = [];
      const before = memoryStats().blocksInUse;
      for (const [s, A0] of RECT.entries()) {
        const m = A0.length;
        for (const bad of BAD) {
          for (const [where, A] of poisoned(A0, bad)) {
            const l = `rect ${s} ${where}`;
            for (const mode of ['reduced', 'complete', 'r'] as const) {
              for (const pivoting of [false, true]) expectNonFinite(`qr ${mode} ${pivoting} ${l}`, () => qr(A, { ...OFF, mode, pivoting }), failures);
            }
            for (const b of rhsFor(m)) {
              expectNonFinite(`lstsq ${l} b=${b}`, () => lstsq(A, b, OFF), failures);
              expectNonFinite(`lstsq B ${l} b=${b}`, () => lstsq(A, b.map((v) => [v, 0]), OFF), failures);
              expectNonFinite(`lstsq weights ${l} b=${b}`, () => lstsq(A, b, { ...OFF, weights: b.map((_, i) => i % 2) }), failures);
            }
            expectNonFinite(`projection ${l}`, () => projection(A, OFF), failures);
            expectNonFinite(`svd ${l}`, () => svd(A, OFF), failures);
            expectNonFinite(`svd full ${l}`, () => svd(A, { ...OFF, fullMatrices: true }), failures);
            expectNonFinite(`svd values ${l}`, () => svd(A, { ...OFF, computeUV: false }), failures);
            expectNonFinite(`svdvals ${l}`, () => svdvals(A, OFF), failures);
            expectNonFinite(`pinv ${l}`, () => pinv(A, OFF), failures);
            expectNonFinite(`matrixRank ${l}`, () => matrixRank(A, OFF), failures);
            expectNonFinite(`cond ${l}`, () => cond(A, 2, OFF), failures);
            expectNonFinite(`nullSpace ${l}`, () => nullSpace(A, OFF), failures);
            expectNonFinite(`orth ${l}`, () => orth(A, OFF), failures);
            expectNonFinite(`subspaces ${l}`, () => subspaces(A, OFF), failures);
            expectNonFinite(`lowRank ${l}`, () => lowRank(A, 1, OFF), failures);
            expectNonFinite(`pca ${l}`, () => pca(A, OFF), failures);
            expectNonFinite(`pca uncentred ${l}`, () => pca(A, { ...OFF, center: false, k: 1 }), failures);
          }
          for (const b0 of rhsFor(m)) {
            for (const [where, b] of poisonedVec(b0, bad)) {
              expectNonFinite(`lstsq ${s} ${where}`, () => lstsq(A0, b, OFF), failures);
              expectNonFinite(`lstsq B ${s} ${where}`, () => lstsq(A0, b.map((v) => [v, 1]), OFF), failures);
            }
          }
          // The covariance of generalised least squares, in its lower triangle.
          const V0 = spd(m, 9);
          for (const [where, V] of poisoned(V0, bad, (i, j) => i >= j)) {
            expectNonFinite(`lstsq covariance ${s} ${where}`, () => lstsq(A0, rhsFor(m)[0]!, { ...OFF, covariance: V }), failures);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(memoryStats().blocksInUse).toBe(before);
    });
  });
});
