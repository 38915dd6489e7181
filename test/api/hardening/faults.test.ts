/**
 * Out of memory in the middle of a call frees everything the call had allocated. The wasm heap's
 * `alloc` is wrapped so that its k-th call (counted from the start of the call under test) throws a
 * RangeError; for every exported function that allocates, over all its main paths, and for every k
 * from 0 until the call gets through, the call must throw that RangeError (not another error, not a
 * result) and leave memoryStats().blocksInUse and bytesInUse exactly at their baseline; then the call
 * succeeds and, once its result is disposed, the heap is at the baseline again.
 *
 * Inputs come in three kinds: matrices in linear memory (made before the baseline), nested arrays
 * (converted to temporaries inside the call) and JS-stored matrices (copied into linear memory for each
 * kernel call). The JS backend keeps its storage on the garbage-collected JS heap, so only the wasm
 * backend can leak; the release paths (Scope, withMatrix, fresh) are the same code for both.
 *
 * Earlier leaks of this kind: lu leaked L when allocating U failed, lstsq its right-hand-side copy or
 * the packed QR, projection P, lowRank its approximation.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as api from '../../../bindings/index.js';
import {
  Matrix, setBackend, lu, luFactor, solve, det, slogdet, inv, cholesky, choFactor, choSolve, solveTriangular, qr, lstsq,
  projection, eigh, eigvalsh, svd, svdvals, pinv, matrixRank, cond, nullSpace, orth, subspaces, lowRank, pca, eig, eigvals,
  schur, norm, matmul, gram, add, sub, scale, hadamard, matvec, dot, outer, diag, transpose, clone, trace, numericGradient,
  hstack, vstack, blockDiag, vander, linspace, arange, reshape,
  mul, div, pow, addScalar, subScalar, abs, sqrt, exp, log, clip, map, sum, mean, variance, std, min, max, argmin, argmax,
  center, cov, corrcoef, isSquare, isSymmetric, equals, allclose, ldl,
} from '../../../bindings/index.js';
import { backendNamed } from '../../../bindings/core/backend.js';
import type { WasmBackend } from '../../../bindings/wasm/backend.js';
import { setupApi, onBackend } from '../../util/api.js';
import { disposeAll, heapUse } from './util.js';

beforeAll(setupApi);
afterAll(() => setBackend('wasm'));

const INJECTED = 'injected allocation failure';

/** Runs f with the heap's k-th allocation (0-based, counted from now) failing; returns what happened. */
function withFault(k: number, f: () => unknown): { error: unknown; result: unknown; allocs: number } {
  const heap = (backendNamed('wasm') as WasmBackend).heap;
  const real = heap.alloc;
  let count = 0;
  heap.alloc = function (this: typeof heap, bytes: number): number {
    if (count++ === k) throw new RangeError(`${INJECTED} #${k}`);
    return real.call(this, bytes);
  };
  try {
    return { error: null, result: f(), allocs: count };
  } catch (e) {
    return { error: e, result: undefined, allocs: count };
  } finally {
    delete (heap as { alloc?: unknown }).alloc; // back to the prototype's method
    expect(heap.alloc).toBe(real);
  }
}

/** A call, and the LinAlgError code it ends with when no allocation fails (absent: it returns). */
type Case = [label: string, f: () => unknown, end?: string];

function rand(m: number, n: number, seed: number): number[][] {
  return Matrix.random(m, n, { seed }).toArray();
}

describe('allocation failures mid-call leak nothing (wasm heap)', () => {
  const held: Matrix[] = [];
  const keep = (M: Matrix): Matrix => (held.push(M), M);
  let cases: Case[] = [];

  beforeAll(() => {
    setBackend('wasm');
    // Every input has more than 64 entries: smaller matrices live on the JS heap and never reach the wasm allocator.
    const a64 = rand(12, 8, 1);
    const A = keep(Matrix.from(a64)); // tall 12×8
    const W = keep(Matrix.random(8, 12, { seed: 2 })); // wide
    const G = keep(Matrix.random(9, 9, { seed: 3 })); // square, general
    const S = keep(G.gram()); // SPD 9×9
    const T = keep(Matrix.from(rand(9, 9, 4).map((r, i) => r.map((v, j) => (j < i ? 0 : v + (i === j ? 2 : 0)))))); // upper triangular
    const R2 = keep(matmul(Matrix.random(12, 2, { seed: 5 }), Matrix.random(2, 8, { seed: 6 }))); // 12×8, rank 2
    const V = keep(Matrix.random(12, 12, { seed: 7 }).gram()); // SPD covariance
    const B6 = keep(Matrix.random(12, 3, { seed: 8 }));
    const B5 = keep(Matrix.random(9, 2, { seed: 9 }));
    const b6 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const b5 = Float64Array.of(1, -2, 3, -4, 5, -6, 7, -8, 9);
    const Ajs = onBackend('js', () => Matrix.from(a64)); // JS-stored operand on the wasm backend
    const Gjs = onBackend('js', () => Matrix.random(9, 9, { seed: 3 }));
    const Sjs = onBackend('js', () => Matrix.random(9, 9, { seed: 3 }).gram());
    const F = luFactor(G);
    const C = choFactor(S);
    held.push(F.lu, C.L);
    const nested = G.toArray();
    const lowerNested = T.toArray().map((_, i, rows) => rows.map((r) => r[i]!)); // Tᵀ, lower triangular
    const B4 = B6.toArray().slice(0, 8);
    const notPD = V.toArray().map((r, i) => r.map((v, j) => (i === j && i === 3 ? -v : v))); // leading minor 4 fails
    const spdNested = S.toArray();

    cases = [
      // LU and what is built on it
      ['lu', () => lu(A)], ['lu wide', () => lu(W)], ['lu nested', () => lu(a64)], ['lu js-stored', () => lu(Ajs)],
      ['luFactor', () => luFactor(G)], ['luFactor nested', () => luFactor(nested)],
      ['F.solve b', () => F.solve(b5)], ['F.solve B', () => F.solve(B5)], ['F.solve Bᵀ', () => F.solve(B5, { transpose: true })],
      ['F.solve nested B', () => F.solve(B5.toArray())], ['F.inv', () => F.inv()],
      ['solve b', () => solve(G, b5)], ['solve B', () => solve(G, B5)], ['solve nested', () => solve(nested, B5.toArray())],
      ['solve transpose', () => solve(G, b5, { transpose: true })], ['solve js-stored', () => solve(Gjs, B5)],
      ['det', () => det(G)], ['det nested', () => det(nested)], ['slogdet', () => slogdet(G)], ['inv', () => inv(G)], ['inv js-stored', () => inv(Gjs)],
      // Cholesky, triangular
      ['cholesky', () => cholesky(S)], ['cholesky nested', () => cholesky(spdNested)], ['cholesky js-stored', () => cholesky(Sjs)],
      ['choFactor', () => choFactor(S)], ['C.solve b', () => C.solve(b5)], ['C.solve B', () => C.solve(B5)],
      ['choSolve b', () => choSolve(S, b5)], ['choSolve B', () => choSolve(spdNested, B5)],
      ['solveTriangular b', () => solveTriangular(T, b5)], ['solveTriangular B', () => solveTriangular(T, B5, { transpose: true })],
      ['solveTriangular lower nested', () => solveTriangular(lowerNested, B5.toArray(), { lower: true })],
      // LDLᵀ and solve's assumeA
      ['ldl', () => ldl(G)], ['ldl upper', () => ldl(nested, { lower: false })], ['ldl js-stored', () => ldl(Gjs)],
      ['solve symmetric b', () => solve(G, b5, { assumeA: 'symmetric' })], ['solve symmetric B nested', () => solve(nested, B5, { assumeA: 'symmetric' })],
      ['solve positive-definite', () => solve(S, B5, { assumeA: 'positive-definite' })], ['solve diagonal', () => solve(S, B5, { assumeA: 'diagonal' })],
      ['solve upper-triangular', () => solve(T, B5, { assumeA: 'upper-triangular', transpose: true })], ['solve lower-triangular', () => solve(lowerNested, b5, { assumeA: 'lower-triangular' })],
      ['solve symmetric singular', () => solve(Array.from({ length: 9 }, () => new Array<number>(9).fill(0)), b5, { assumeA: 'symmetric' }), 'singular'],
      ['solve positive-definite not PD', () => solve(notPD, b6, { assumeA: 'positive-definite' }), 'not-positive-definite'],
      ['solve diagonal singular', () => solve(T.toArray().map((r, i) => r.map((v, j) => (i === j && i === 4 ? 0 : v))), b5, { assumeA: 'diagonal' }), 'singular'],
      // QR
      ...(['reduced', 'complete', 'r'] as const).flatMap((mode) =>
        [false, true].flatMap((pivoting): Case[] => [
          [`qr ${mode} pivoting=${pivoting}`, () => qr(A, { mode, pivoting })],
          [`qr ${mode} pivoting=${pivoting} wide`, () => qr(W, { mode, pivoting })],
        ]),
      ),
      ['qr nested', () => qr(a64)], ['qr js-stored', () => qr(Ajs, { pivoting: true })],
      // least squares
      ['lstsq b', () => lstsq(A, b6)], ['lstsq B', () => lstsq(A, B6)], ['lstsq nested', () => lstsq(a64, B6.toArray())],
      ['lstsq weights', () => lstsq(A, b6, { weights: [1, 2, 0, 1, 3, 1, 1, 2, 0, 1, 3, 1] })], ['lstsq weights B', () => lstsq(A, B6, { weights: b6 })],
      ['lstsq covariance', () => lstsq(A, b6, { covariance: V })], ['lstsq covariance nested', () => lstsq(A, B6, { covariance: V.toArray() })],
      ['lstsq rank-deficient b', () => lstsq(R2, b6)], ['lstsq rank-deficient B', () => lstsq(R2, B6)],
      ['lstsq wide b', () => lstsq(W, [1, 2, 3, 4, 5, 6, 7, 8])], ['lstsq wide B', () => lstsq(W, B4)],
      ['lstsq js-stored', () => lstsq(Ajs, b6)],
      ['projection', () => projection(A)], ['projection rank-deficient', () => projection(R2)], ['projection wide', () => projection(W)],
      ['projection nested', () => projection(a64)],
      // spectral
      ['eigh', () => eigh(S)], ['eigh nested', () => eigh(spdNested)], ['eigvalsh', () => eigvalsh(S)], ['eigh js-stored', () => eigh(Sjs)],
      ['svd', () => svd(A)], ['svd full', () => svd(A, { fullMatrices: true })], ['svd wide full', () => svd(W, { fullMatrices: true })],
      ['svd values', () => svd(A, { computeUV: false })], ['svd nested', () => svd(a64)], ['svd js-stored', () => svd(Ajs)], ['svdvals', () => svdvals(W)],
      ['pinv', () => pinv(A)], ['pinv rank-deficient', () => pinv(R2)], ['pinv zero', () => pinv([[0, 0], [0, 0]])],
      ['matrixRank', () => matrixRank(R2)], ['cond 2', () => cond(A)], ['cond 1', () => cond(G, 1)], ['cond Infinity', () => cond(G, Infinity)],
      ['cond fro', () => cond(nested, 'fro')], ['cond singular', () => cond([[1, 2], [2, 4]], 1)],
      ['nullSpace', () => nullSpace(R2)], ['orth', () => orth(R2)], ['subspaces', () => subspaces(R2)], ['subspaces wide', () => subspaces(W)],
      ['lowRank', () => lowRank(A, 2)], ['lowRank k=0', () => lowRank(A, 0)], ['lowRank nested', () => lowRank(a64, 3)],
      ['pca', () => pca(A)], ['pca k', () => pca(A, { k: 2 })], ['pca uncentred', () => pca(W, { center: false })],
      ['eig', () => eig(G)], ['eig no balance', () => eig(G, { balance: false })], ['eig nested', () => eig(nested)], ['eig js-stored', () => eig(Gjs)],
      ['eig residual', () => { const r = eig(G); try { return r.residual(); } finally { r.dispose(); } }],
      ['ComplexMatrix', () => api.tidy(() => new api.ComplexMatrix(G.clone(), Gjs.clone()))], // tidy frees the first clone if the second fails
      ['eigvals', () => eigvals(G)], ['schur', () => schur(G)], ['schur nested', () => schur(nested)],
      ['norm 2', () => norm(A, 2)], ['norm nuc', () => norm(A, 'nuc')], ['norm fro', () => norm(a64)], ['norm 1', () => norm(A, 1)],
      ['norm vector', () => norm(b6)], ['norm vector 1', () => norm(b5, 1)],
      // basic operations
      ['matmul', () => matmul(A, W)], ['matmul nested', () => matmul(a64, W.toArray())], ['matmul js-stored', () => matmul(Ajs, W)],
      ['gram', () => gram(A)], ['gram rows', () => gram(A, { rows: true })], ['gram nested', () => gram(a64)],
      ['add', () => add(A, Ajs)], ['sub nested', () => sub(a64, A)], ['scale', () => scale(A, 2)], ['hadamard', () => hadamard(A, a64)],
      ['matvec', () => matvec(A, [1, 2, 3, 4, 5, 6, 7, 8])], ['matvec js-stored', () => matvec(Ajs, [1, 2, 3, 4, 5, 6, 7, 8])],
      ['dot vv', () => dot(b6, b6)], ['dot mv', () => dot(a64, [1, 2, 3, 4, 5, 6, 7, 8])], ['dot mm', () => dot(A, W)],
      ['outer', () => outer(b5, b6)], ['diag vector', () => diag(b5)], ['diag matrix nested', () => diag(a64)],
      ['transpose', () => transpose(A)], ['transpose nested', () => transpose(a64)], ['clone js-stored', () => clone(Ajs)], ['trace nested', () => trace(nested)],
      ['numericGradient', () => numericGradient((x) => norm(x), [1, 2, 3])],
      // checkFinite: false on finite input: the checks made after the computation allocate too
      ['luFactor unchecked', () => luFactor(G, { checkFinite: false })], ['det unchecked', () => det(nested, { checkFinite: false })],
      ['solve unchecked', () => solve(G, b5, { checkFinite: false })], ['inv unchecked', () => inv(G, { checkFinite: false })],
      ['choFactor unchecked', () => choFactor(S, { checkFinite: false })], ['choSolve unchecked', () => choSolve(S, B5, { checkFinite: false })],
      ['solveTriangular unchecked', () => solveTriangular(T, [0, 0, 1, 0, 0, 0, 0, 0, 0], { checkFinite: false })],
      ['lstsq unchecked', () => lstsq(R2, B6, { checkFinite: false })], ['lstsq covariance unchecked', () => lstsq(A, b6, { checkFinite: false, covariance: V })],
      ['projection unchecked', () => projection(R2, { checkFinite: false })], ['eigvals unchecked', () => eigvals(G, { checkFinite: false })],
      ['eig unchecked', () => eig(G, { checkFinite: false })],
      // Calls that end in a LinAlgError once every allocation succeeds: the error paths free too
      ['solve singular', () => solve([[1, 2], [2, 4]], [1, 1]), 'singular'], ['cholesky not PD', () => cholesky([[1, 2], [2, 1]]), 'not-positive-definite'],
      ['lstsq covariance not PD', () => lstsq(A, b6, { covariance: notPD }), 'not-positive-definite'],
      ['cholesky NaN unchecked', () => cholesky([[1, 0], [NaN, 1]], { checkFinite: false }), 'not-finite'],
      ['lstsq NaN unchecked', () => lstsq([[1, 0], [0, NaN], [0, 0]], [1, 1, 1], { checkFinite: false }), 'not-finite'],
      ['projection NaN unchecked', () => projection([[1, 0], [0, NaN], [0, 0]], { checkFinite: false }), 'not-finite'],
      ['eigvals NaN unchecked', () => eigvals([[1, NaN], [0, 2]], { checkFinite: false }), 'not-finite'],
      ['solve NaN unchecked', () => solve([[1, 0], [NaN, 1]], [0, 1], { checkFinite: false }), 'not-finite'],
      ['solveTriangular NaN unchecked', () => solveTriangular([[1, 0], [NaN, 1]], [0, 1], { lower: true, checkFinite: false }), 'not-finite'],
      ['svd NaN', () => svd([[1, NaN]], { checkFinite: false }), 'not-finite'], ['qr NaN', () => qr([[NaN]]), 'not-finite'],
      // Matrix constructors and methods
      ['Matrix.from', () => Matrix.from(a64)], ['Matrix.fromArray', () => Matrix.fromArray(b6, 3, 4)], ['Matrix.zeros', () => Matrix.zeros(3, 3)],
      ['Matrix.ones', () => Matrix.ones(2, 2)], ['Matrix.full', () => Matrix.full(2, 3, 7)], ['Matrix.eye', () => Matrix.eye(3, 4)],
      ['Matrix.diagonal', () => Matrix.diagonal(b5)], ['Matrix.random', () => Matrix.random(3, 3, { seed: 1 })], ['Matrix.randn', () => Matrix.randn(3, 3)],
      ['A.matmul', () => A.matmul(W)], ['A.dot', () => A.dot([1, 2, 3, 4, 5, 6, 7, 8])], ['A.gram', () => A.gram({ rows: true })], ['A.norm 2', () => A.norm(2)],
      ['A.solve', () => G.solve(B5)], ['A.inv', () => G.inv()], ['A.svd', () => A.svd()], ['A.eig', () => G.eig()], ['A.lstsq', () => A.lstsq(b6)],
      ['A.pinv', () => A.pinv()], ['A.rank', () => R2.rank()], ['A.cond', () => G.cond(1)], ['A.qr', () => A.qr({ pivoting: true })],
      ['A.add nested', () => A.add(a64)], ['A.transpose', () => A.transpose()], ['A.clone', () => Ajs.clone()], ['A.matvec', () => A.matvec([1, 1, 1, 1, 1, 1, 1, 1])],
      // building and slicing (pure copies into one new matrix)
      ['hstack', () => hstack([A, B6])], ['hstack nested js-stored', () => hstack([a64, Ajs, B6.toArray()])], ['vstack', () => vstack([A, a64, b6.slice(0, 8)])],
      ['blockDiag', () => blockDiag([A, G, [1, 2]])], ['vander', () => vander(b6)], ['linspace', () => linspace(0, 1, 100)], ['arange', () => arange(100)],
      ['reshape', () => reshape(A, 8, -1)], ['reshape nested', () => reshape(a64, -1, 4)], ['reshape vector', () => reshape(linspace(0, 1, 96), 12, 8)],
      ['Matrix.fromColumns', () => Matrix.fromColumns(a64)], ['Matrix.fromRows', () => Matrix.fromRows(a64)], ['Matrix.columnVector', () => Matrix.columnVector(linspace(0, 1, 65))],
      ['Matrix.rowVector', () => Matrix.rowVector(arange(65))], ['A.slice', () => A.slice(1, -1)], ['A.slice js-stored', () => Ajs.slice(0, 12, 0, 7)],
      ['A.selectRows', () => A.selectRows([0, -1, 3, 3, 5, 6, 7, 8, 9])], ['A.selectColumns', () => Ajs.selectColumns([7, 6, 5, 4, 3, 2, 1, 0, 0])],
      ['A.setSlice', () => A.setSlice(0, 5, B6)], ['A.setSlice js-stored', () => Ajs.setSlice(0, 0, A)], ['A.reshape', () => A.reshape(-1, 24)],
      // element-wise, reductions and statistics
      ['add row', () => add(A, [1, 2, 3, 4, 5, 6, 7, 8])], ['sub column nested', () => sub(a64, a64.map((r) => [r[0]!]))],
      ['mul', () => mul(A, Ajs)], ['mul scalar', () => mul(a64, 2)], ['div row', () => div(A, [1, 2, 3, 4, 5, 6, 7, 8])], ['pow', () => pow(A, 2)],
      ['addScalar', () => addScalar(A, 1)], ['subScalar nested', () => subScalar(a64, 1)], ['abs', () => abs(A)], ['sqrt', () => sqrt(Ajs)],
      ['exp', () => exp(a64)], ['log', () => log(A)], ['clip', () => clip(A, 0, 1)], ['map', () => map(A, (v, i) => v + i)], ['A.map', () => A.map((v) => v * 2)],
      ['sum', () => sum(A, { axis: 0 })], ['mean nested', () => mean(a64)], ['variance', () => variance(A, { axis: 1 })], ['std', () => std(A)],
      ['min', () => min(A)], ['max', () => max(a64, { axis: 0 })], ['argmin', () => argmin(A)], ['argmax', () => argmax(A, { axis: 1 })],
      ['norm axis', () => norm(A, 2, { axis: 0 })], ['center', () => center(A)], ['center nested', () => center(a64, { axis: 1 })],
      ['cov', () => cov(A)], ['cov rowvar false', () => cov(a64, { rowvar: false })], ['corrcoef', () => corrcoef(A, { rowvar: false })],
      ['isSquare', () => isSquare(a64)], ['isSymmetric', () => isSymmetric(S)], ['equals', () => equals(A, a64)], ['allclose', () => allclose(A, a64)],
      // issue 13: hessenberg, rq, polar, orthogonalProcrustes, subspaceAngles, pinvh
      ['hessenberg', () => api.hessenberg(G)], ['hessenberg calcQ', () => api.hessenberg(G, { calcQ: true })], ['hessenberg nested', () => api.hessenberg(nested, { calcQ: true })],
      ['hessenberg js-stored', () => api.hessenberg(Gjs, { calcQ: true })],
      ...(['full', 'economic', 'r'] as const).flatMap((mode): Case[] => [[`rq ${mode}`, () => api.rq(A, { mode })], [`rq ${mode} wide`, () => api.rq(W, { mode })]]),
      ['rq nested', () => api.rq(a64)], ['rq js-stored', () => api.rq(Ajs)],
      ['polar', () => api.polar(A)], ['polar left', () => api.polar(A, { side: 'left' })], ['polar wide nested', () => api.polar(W.toArray())],
      ['orthogonalProcrustes', () => api.orthogonalProcrustes(A, Ajs)], ['orthogonalProcrustes nested', () => api.orthogonalProcrustes(a64, A)],
      ['subspaceAngles', () => api.subspaceAngles(A, B6)], ['subspaceAngles rank-deficient', () => api.subspaceAngles(R2, A)],
      ['subspaceAngles nested', () => api.subspaceAngles(a64, B6.toArray())],
      ['pinvh', () => api.pinvh(S)], ['pinvh nested', () => api.pinvh(spdNested, { rtol: 1e-3 })], ['pinvh js-stored', () => api.pinvh(Sjs)],
      ['A.hessenberg', () => G.hessenberg({ calcQ: true })], ['A.rq', () => A.rq()], ['A.polar', () => A.polar()], ['A.pinvh', () => S.pinvh()],
      ['lstsq s wide js-stored', () => lstsq(onBackend('js', () => W.clone()), b6.slice(0, 8))],
      // issue 13 — rref, matrix products, randomized SVD
      ['rref', () => api.rref(A)], ['rref wide', () => api.rref(W)], ['rref nested', () => api.rref(a64)],
      ['specialSolutions', () => api.specialSolutions(R2)], ['specialSolutions nested', () => api.specialSolutions(a64)],
      ['matrixPower', () => api.matrixPower(G, 5)], ['matrixPower 13', () => api.matrixPower(G, 13)], ['matrixPower 0', () => api.matrixPower(G, 0)],
      ['matrixPower negative', () => api.matrixPower(G, -3)], ['matrixPower nested', () => api.matrixPower(nested, 2)],
      ['matrixPower singular', () => api.matrixPower(Array.from({ length: 9 }, () => new Array<number>(9).fill(0)), -1), 'singular'],
      ['multiDot', () => api.multiDot([A, W, A, W])], ['multiDot 3', () => api.multiDot([A, W, B6])], ['multiDot vectors', () => api.multiDot([b6, A, W, b6])],
      ['multiDot nested', () => api.multiDot([a64, W, a64])],
      ['kron', () => api.kron(A, G)], ['kron nested', () => api.kron(a64, [[1, 2], [3, 4]])], ['kron vectors', () => api.kron(b6, b5)],
      ['cross', () => api.cross([1, 2, 3], b5.subarray(0, 3))],
      ['randomizedSvd', () => api.randomizedSvd(A, 3)], ['randomizedSvd wide nested', () => api.randomizedSvd(W.toArray(), 2, { powerIterations: 1 })],
      ['randomizedSvd js-stored', () => api.randomizedSvd(Ajs, 2)], ['pca randomized', () => pca(A, { k: 2, method: 'randomized' })],
      // Matrix functions (issue 13), their error paths included
      ['expm', () => api.expm(G)], ['expm nested', () => api.expm(nested)], ['expm js-stored', () => api.expm(Gjs)], ['expm triangular', () => api.expm(T)],
      ['sqrtm', () => api.sqrtm(S)], ['sqrtm nested', () => api.sqrtm(spdNested)], ['sqrtm js-stored', () => api.sqrtm(Sjs)], ['sqrtm triangular', () => api.sqrtm(T)],
      ['logm', () => api.logm(S)], ['logm nested', () => api.logm(spdNested)], ['logm js-stored', () => api.logm(Sjs)],
      ['A.expm', () => G.expm()], ['A.sqrtm', () => S.sqrtm()], ['A.logm', () => S.logm()],
      ['expm overflow', () => api.expm(spdNested.map((r) => r.map((v) => 1000 * v))), 'overflow'],
      ['sqrtm negative', () => api.sqrtm(spdNested.map((r) => r.map((v) => -v))), 'no-real-result'],
      ['sqrtm no root', () => api.sqrtm(spdNested.map((r, i) => r.map((_, j) => (j === i + 1 ? 1 : 0)))), 'singular'],
      ['logm singular', () => api.logm(spdNested.map((r, i) => r.map((v, j) => (i === 0 || j === 0 ? 0 : v)))), 'singular'],
      ['expm NaN unchecked', () => api.expm(nested.map((r, i) => r.map((v, j) => (i === 2 && j === 3 ? NaN : v))), { checkFinite: false }), 'not-finite'],
    ];
  });

  afterAll(() => {
    for (const M of held) M.dispose();
  });

  it('every function exported from bindings/index.ts that takes matrices has cases here', () => {
    const covered = new Set(cases.map(([label]) => label.split(/[ .]/)[0]!));
    // Exports that take no matrix or vector (setup, errors, classes reached through their factories).
    const none = new Set(['init', 'simdSupported', 'relaxedSimdSupported', 'setBackend', 'getBackend', 'setTuning', 'getTuning', 'tidy', 'keep', 'memoryStats', 'shutdown', 'threadsInfo', 'MAX_AUTO_THREADS', 'LinAlgError', 'LUFactorization', 'CholeskyFactorization', 'Matrix']);
    const missing = Object.keys(api).filter((name) => !none.has(name) && !covered.has(name));
    expect(missing).toEqual([]);
  });

  it('for every case and every k until it succeeds: RangeError, and the heap exactly at its baseline', () => {
    let pairs = 0;
    const failures: string[] = [];
    for (const [label, f, end] of cases) {
      const base = heapUse();
      let k = 0;
      for (; k < 500; k++) {
        const r = withFault(k, f);
        pairs++;
        if (end !== undefined && r.allocs <= k) {
          // Every allocation went through: the call's own error, and nothing left behind.
          if (!(r.error instanceof api.LinAlgError && r.error.code === end)) failures.push(`${label}: ended with ${String(r.error)}, not ${end}`);
          const after = heapUse();
          if (after.blocks !== base.blocks || after.bytes !== base.bytes) failures.push(`${label}: its ${end} error left ${after.blocks - base.blocks} block(s)`);
          break;
        }
        if (r.error === null) {
          disposeAll(r.result);
          if (r.allocs !== k && r.allocs > k) failures.push(`${label}: succeeded although allocation #${k} was to fail`);
          const after = heapUse();
          if (after.blocks !== base.blocks || after.bytes !== base.bytes) {
            failures.push(`${label}: after success and dispose, ${after.blocks - base.blocks} block(s) / ${after.bytes - base.bytes} bytes left`);
          }
          break;
        }
        const e = r.error as Error;
        if (!(e instanceof RangeError) || !e.message.startsWith(INJECTED)) {
          failures.push(`${label} k=${k}: threw ${String(e)} instead of the injected RangeError`);
          break;
        }
        const after = heapUse();
        if (after.blocks !== base.blocks || after.bytes !== base.bytes) {
          failures.push(`${label} k=${k}: leaked ${after.blocks - base.blocks} block(s), ${after.bytes - base.bytes} bytes`);
          // Reclaiming is impossible from here; the remaining ks would report the same leak.
          break;
        }
      }
      if (k === 500) failures.push(`${label}: still failing after 500 allocations`);
    }
    expect(failures).toEqual([]);
    expect(pairs).toBeGreaterThan(cases.length);
    console.log(`fault injection: ${cases.length} cases, ${pairs} (case, k) pairs`);
  });
});
