/**
 * The decomposition methods of Matrix (A.solve(b), A.inv(), A.det(), …): each is the free function
 * of the same name applied to the matrix, so each must give exactly the free function's bits, on
 * both backends (onBoth: the WASM and the JS backend agree bit for bit too), with the options passed
 * through, the free function's errors (its name first), and nothing leaked (setupLapackSuite's
 * afterEach, error paths included).
 */
import { describe, it, expect } from 'vitest';
import {
  Matrix,
  cholesky,
  cond,
  det,
  eig,
  eigh,
  inv,
  lstsq,
  lu,
  matrixRank,
  pinv,
  qr,
  slogdet,
  solve,
  solveTriangular,
  svd,
  LinAlgError,
} from '../../../bindings/index.js';
import { onBoth, setupLapackSuite, type Result } from '../../util/api.js';
import { expectBitwise } from '../../util/tolerance.js';
import { expectError, expectLinAlgError } from '../../util/errors.js';
import type { Dense } from '../../util/dense.js';

setupLapackSuite('api/methods');

const N = 9; // 81 entries: stored in linear memory on the WASM backend (past the 64 of the JS heap)

/** The same matrices under either backend (made inside the computation, so each backend stores its own). */
function general(): Matrix {
  return Matrix.randn(N, N, { seed: 11 });
}
function spd(): Matrix {
  const G = Matrix.randn(N, N, { seed: 12 });
  const S = G.gram();
  G.dispose();
  for (let i = 0; i < N; i++) S.set(i, i, S.get(i, i) + N);
  return S;
}
function tall(): Matrix {
  return Matrix.randn(N + 4, N, { seed: 13 });
}
const b = Float64Array.from({ length: N }, (_, i) => i - 3);
const bTall = Float64Array.from({ length: N + 4 }, (_, i) => Math.sin(i));

/** Runs `make` to get the input, `f` on it; disposes the input. */
function on<T>(make: () => Matrix, f: (A: Matrix) => T): T {
  const A = make();
  try {
    return f(A);
  } finally {
    A.dispose();
  }
}

type Out = Matrix | Float64Array | Int32Array | number | undefined | (() => void); // a spread result keeps its dispose() in the type (onBoth skips functions)

/** Asserts method and free function give the same bits on both backends (each result object key by key). */
function same(label: string, method: () => Result | Record<string, Out>, free: () => Result | Record<string, Out>): void {
  const m = onBoth(`${label} (method)`, method as () => Result);
  const f = onBoth(`${label} (free function)`, free as () => Result);
  if (m instanceof Float64Array) {
    expectBitwise(label, m, f as Float64Array);
    return;
  }
  const mo = m as unknown as Record<string, Dense | Float64Array | Int32Array | number | undefined>;
  const fo = f as unknown as Record<string, Dense | Float64Array | Int32Array | number | undefined>;
  expect(Object.keys(mo).sort()).toEqual(Object.keys(fo).sort());
  for (const k of Object.keys(mo)) {
    const x = mo[k];
    const y = fo[k];
    if (typeof x === 'number' || x === undefined) expect(Object.is(x, y), `${label}: '${k}'`).toBe(true);
    else if (x instanceof Float64Array || x instanceof Int32Array) expectBitwise(`${label}: '${k}'`, x, y as Float64Array);
    else expectBitwise(`${label}: '${k}'`, x.a, (y as Dense).a);
  }
}

describe('each method equals its free function, on both backends', () => {
  it('solve (vector and matrix right-hand sides, transpose option)', () => {
    same('solve b', () => on(general, (A) => A.solve(b)), () => on(general, (A) => solve(A, b)));
    same('solve b transpose', () => on(general, (A) => A.solve(b, { transpose: true })), () => on(general, (A) => solve(A, b, { transpose: true })));
    same('solve B', () => on(general, (A) => on(spd, (B) => A.solve(B))), () => on(general, (A) => on(spd, (B) => solve(A, B))));
    same('solve nested', () => on(general, (A) => A.solve([[1], [2], [3], [4], [5], [6], [7], [8], [9]])), () =>
      on(general, (A) => solve(A, [[1], [2], [3], [4], [5], [6], [7], [8], [9]])),
    );
  });

  it('inv, det, slogdet', () => {
    same('inv', () => on(general, (A) => A.inv()), () => on(general, (A) => inv(A)));
    same('det', () => on(general, (A) => A.det()), () => on(general, (A) => det(A)));
    same('slogdet', () => on(general, (A) => { const r = A.slogdet(); return { sign: r.sign, logAbsDet: r.logAbsDet }; }), () =>
      on(general, (A) => { const r = slogdet(A); return { sign: r.sign, logAbsDet: r.logAbsDet }; }),
    );
  });

  it('pinv, rank, cond (with options)', () => {
    same('pinv', () => on(tall, (A) => A.pinv()), () => on(tall, (A) => pinv(A)));
    same('pinv rtol', () => on(tall, (A) => A.pinv({ rtol: 0.5 })), () => on(tall, (A) => pinv(A, { rtol: 0.5 })));
    same('rank', () => on(tall, (A) => A.rank()), () => on(tall, (A) => matrixRank(A)));
    same('rank tol', () => on(tall, (A) => A.rank({ tol: 3 })), () => on(tall, (A) => matrixRank(A, { tol: 3 })));
    for (const p of [2, 1, Infinity, 'fro'] as const) {
      same(`cond ${p}`, () => on(general, (A) => A.cond(p)), () => on(general, (A) => cond(A, p)));
    }
    same('cond default', () => on(general, (A) => A.cond()), () => on(general, (A) => cond(A)));
  });

  it('cholesky, lu, qr (modes, pivoting), svd, eigh, eig', () => {
    same('cholesky', () => on(spd, (A) => A.cholesky()), () => on(spd, (A) => cholesky(A)));
    same('lu', () => on(tall, (A) => ({ ...A.lu() })), () => on(tall, (A) => ({ ...lu(A) })));
    same('qr', () => on(tall, (A) => ({ ...A.qr() })), () => on(tall, (A) => ({ ...qr(A) })));
    same('qr complete pivoting', () => on(tall, (A) => ({ ...A.qr({ mode: 'complete', pivoting: true }) })), () =>
      on(tall, (A) => ({ ...qr(A, { mode: 'complete', pivoting: true }) })),
    );
    same('svd', () => on(tall, (A) => ({ ...A.svd() })), () => on(tall, (A) => ({ ...svd(A) })));
    same('eigh', () => on(spd, (A) => ({ ...A.eigh() })), () => on(spd, (A) => ({ ...eigh(A) })));
    const parts = (r: ReturnType<typeof eig>): Record<string, Out> => ({ real: r.real, imag: r.imag, re: r.vectors.re, im: r.vectors.im });
    same('eig', () => on(general, (A) => parts(A.eig())), () => on(general, (A) => parts(eig(A))));
    same('eig no balance', () => on(general, (A) => parts(A.eig({ balance: false }))), () => on(general, (A) => parts(eig(A, { balance: false }))));
  });

  it('lstsq (vector and matrix right-hand sides), solveTriangular (options)', () => {
    same('lstsq b', () => on(tall, (A) => ({ ...A.lstsq(bTall) })), () => on(tall, (A) => ({ ...lstsq(A, bTall) })));
    same('lstsq B', () => on(tall, (A) => on(() => Matrix.randn(N + 4, 3, { seed: 2 }), (B) => ({ ...A.lstsq(B) }))), () =>
      on(tall, (A) => on(() => Matrix.randn(N + 4, 3, { seed: 2 }), (B) => ({ ...lstsq(A, B) }))),
    );
    same('solveTriangular', () => on(spd, (A) => A.solveTriangular(b)), () => on(spd, (A) => solveTriangular(A, b)));
    same('solveTriangular lower transpose', () => on(spd, (A) => A.solveTriangular(b, { lower: true, transpose: true })), () =>
      on(spd, (A) => solveTriangular(A, b, { lower: true, transpose: true })),
    );
    same('solveTriangular B', () => on(spd, (A) => on(general, (B) => A.solveTriangular(B, { lower: true }))), () =>
      on(spd, (A) => on(general, (B) => solveTriangular(A, B, { lower: true }))),
    );
  });
});

describe('the small examples of the doc comments', () => {
  it('give what the comments say', () => {
    expect(Array.from(Matrix.from([[2, 0], [0, 4]]).solve([2, 2]))).toEqual([1, 0.5]);
    expect(Matrix.from([[2, 0], [0, 4]]).inv().toArray()).toEqual([[0.5, 0], [0, 0.25]]);
    expect(Matrix.from([[1, 2], [3, 4]]).det()).toBeCloseTo(-2, 14);
    const sl = Matrix.from([[1, 2], [3, 4]]).slogdet();
    expect(sl.sign).toBe(-1);
    expect(sl.logAbsDet).toBeCloseTo(Math.log(2), 14);
    const P = Matrix.from([[1, 2], [2, 4]]).pinv().toArray().flat();
    [0.04, 0.08, 0.08, 0.16].forEach((x, k) => expect(P[k]).toBeCloseTo(x, 14));
    expect(Matrix.from([[1, 2], [2, 4]]).rank()).toBe(1);
    expect(Matrix.from([[1, 0], [0, 1e-3]]).cond()).toBeCloseTo(1000, 9);
    expect(Matrix.from([[4, 2], [2, 5]]).cholesky().toArray()).toEqual([[2, 0], [1, 2]]);
    const e = Matrix.from([[2, 1], [1, 2]]).eigh().values;
    expect(e[0]).toBeCloseTo(1, 14);
    expect(e[1]).toBeCloseTo(3, 14);
    const v = Matrix.from([[0, -1], [1, 0]]).eig().value(0);
    expect(v).toEqual({ re: 0, im: 1 });
    const x = Matrix.from([[1, 0], [1, 1], [1, 2]]).lstsq([1, 2, 3]).x;
    expect(x[0]).toBeCloseTo(1, 14);
    expect(x[1]).toBeCloseTo(1, 14);
    expect(Array.from(Matrix.from([[2, 1], [0, 4]]).solveTriangular([3, 4]))).toEqual([1, 1]);
  });
});

describe('errors are the free functions’ own', () => {
  it('shapes, singularity, definiteness, options — messages start with the function name', () => {
    const R = Matrix.randn(N, N + 1, { seed: 1 });
    expectError(RangeError, 'inv non-square', () => R.inv(), /^inv: /);
    expectError(RangeError, 'det non-square', () => R.det(), /^det: /);
    expectError(RangeError, 'solve non-square', () => R.solve(b), /^solve: /);
    expectError(RangeError, 'cholesky non-square', () => R.cholesky(), /^cholesky: /);
    expectError(RangeError, 'eig non-square', () => R.eig(), /^eig: /);
    expectError(RangeError, 'eigh non-square', () => R.eigh(), /^eigh: /);
    expectError(RangeError, 'solveTriangular non-square', () => R.solveTriangular(b), /^solveTriangular: /);
    expectError(RangeError, 'lstsq rows', () => R.lstsq(b.subarray(1)), /^lstsq: /);
    expectError(TypeError, 'qr options', () => R.qr(3 as never), /^qr: options/);
    R.dispose();
    const S = Matrix.zeros(N, N);
    expectLinAlgError('inv singular', () => S.inv(), 'singular');
    expectLinAlgError('cholesky not SPD', () => S.cholesky(), 'not-positive-definite');
    expect(S.det()).toBe(0);
    const NaNs = Matrix.full(N, N, NaN);
    expectLinAlgError('svd NaN', () => NaNs.svd(), 'not-finite');
    expect(caughtCode(() => NaNs.pinv())).toBe('not-finite');
    S.dispose();
    NaNs.dispose();
  });

  it('a disposed matrix: ReferenceError naming the function', () => {
    const A = general();
    A.dispose();
    expectError(ReferenceError, 'inv', () => A.inv(), /^inv: A is a disposed Matrix/);
    expectError(ReferenceError, 'svd', () => A.svd(), /^svd: A is a disposed Matrix/);
    expectError(ReferenceError, 'rank', () => A.rank(), /^matrixRank: A is a disposed Matrix/);
  });

  it('empty shapes give the free functions’ (numpy’s) answers', () => {
    const E = Matrix.zeros(0, 0);
    expect(E.det()).toBe(1);
    expect(E.inv().shape).toEqual([0, 0]);
    expect(E.solve([]).length).toBe(0);
    expect(E.eig().real.length).toBe(0);
    expect(Matrix.zeros(3, 0).rank()).toBe(0);
    expect(Matrix.zeros(0, 3).pinv().shape).toEqual([3, 0]);
  });
});

function caughtCode(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof LinAlgError ? e.code : String(e);
  }
  return undefined;
}
