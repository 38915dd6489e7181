/**
 * No leaks: a mix of Matrix API operations — methods, free functions on number[][] (temporaries),
 * JS-stored operands under the WASM backend (temporary copies), factorisations, and calls that
 * throw part-way (shape errors after a temporary was made, singular and non-finite matrices) —
 * leaves memoryStats().bytesInUse and blocksInUse exactly at the baseline once results are
 * disposed; repeating the mix does not grow the heap.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import {
  svd,
  Matrix, add, sub, scale, hadamard, matmul, matvec, dot, outer, trace, diag, transpose, gram, clone, norm,
  solve, det, inv, lu, luFactor, cholesky, choSolve, solveTriangular, slogdet, memoryStats, setBackend, LinAlgError,
} from '../../../bindings/index.js';
import { setupApi } from '../../util/api.js';

beforeAll(setupApi);

/** Runs f and returns the error it throws (the mix expects these throws). */
function throws(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

function mix(): void {
  const out: { dispose(): void }[] = [];
  const keep = <T extends { dispose(): void }>(x: T): T => (out.push(x), x);

  const A = keep(Matrix.random(37, 29, { seed: 1 }));
  const B = keep(Matrix.randn(29, 23, { seed: 2 }));
  const S = keep(Matrix.randn(17, 17, { seed: 3 }));
  keep(A.matmul(B));
  keep(A.transpose());
  keep(keep(A.add(A)).sub(A)); // a chain: both links kept and disposed
  keep(A.scale(2));
  keep(A.hadamard(A));
  keep(A.gram());
  keep(A.gram({ rows: true }));
  keep(A.clone());
  A.matvec(new Float64Array(29).fill(1));
  A.norm();
  A.norm(1);
  A.norm(Infinity);
  A.trace();
  A.diag();
  {
    using T = A.transpose();
    using P = T.matmul(A);
    P.norm();
  }

  // Free functions on nested arrays: each converts to temporary matrices and frees them.
  const a = A.toArray();
  const b = B.toArray();
  keep(matmul(a, b));
  keep(add(a, a));
  keep(sub(a, A));
  keep(hadamard(A, a));
  keep(scale(a, -1));
  keep(transpose(a));
  keep(gram(a));
  keep(clone(a));
  keep(outer([1, 2, 3], [4, 5]));
  keep(diag([1, 2, 3]));
  matvec(a, new Array(29).fill(2));
  dot([1, 2], [3, 4]);
  dot(a, new Array(29).fill(1));
  keep(dot(a, b));
  trace(a);
  diag(a);
  norm(a, 1);
  norm([3, 4]);

  // Calls that throw after part of the work (temporaries made, then a check fails).
  throws(() => add(a, [[1, 2]])); // A converted, B converted, shapes differ
  throws(() => matmul(a, a)); // inner dimensions
  throws(() => matmul(A, [[1, 2], [3]])); // ragged B after A
  throws(() => matvec(a, [1, 'x'] as never)); // bad vector after A converted
  throws(() => hadamard(a, B));
  throws(() => Matrix.from([[1], [2, 3]]));
  throws(() => A.matmul('x' as never));
  throws(() => norm(a, 3 as never));
  throws(() => svd([[1, NaN]], { checkFinite: false })); // LinAlgError after the SVD's temporaries exist
  throws(() => scale(a, null as never));

  // Factorisations and solvers, including failures part-way.
  const spd = keep(S.gram()); // SPD (almost surely) ...
  const spd2 = keep(spd.add(keep(keep(Matrix.eye(17)).scale(17))));
  keep(cholesky(spd2));
  choSolve(spd2, new Float64Array(17).fill(1));
  keep(solve(S, keep(Matrix.ones(17, 3))));
  solve(S, new Array(17).fill(1));
  solve(S.toArray(), new Array(17).fill(1), { transpose: true });
  det(S);
  slogdet(S);
  keep(inv(S));
  const f = luFactor(S);
  f.solve(new Float64Array(17).fill(1));
  keep(f.inv());
  f.dispose();
  const r = lu(A);
  r.L.dispose();
  r.U.dispose();
  solveTriangular(spd2, new Float64Array(17).fill(1));
  keep(solveTriangular(spd2, keep(Matrix.ones(17, 2)), { lower: true }));
  const singular = [[1, 2], [2, 4]];
  expect(throws(() => solve(singular, [1, 1]))).toBeInstanceOf(LinAlgError);
  expect(throws(() => inv(singular))).toBeInstanceOf(LinAlgError);
  expect(det(singular)).toBe(0);
  expect(throws(() => cholesky([[1, 2], [2, 1]]))).toBeInstanceOf(LinAlgError); // not positive definite
  expect(throws(() => solve([[1, NaN], [0, 1]], [1, 1]))).toBeInstanceOf(LinAlgError); // not finite
  expect(throws(() => solve([[1, 0], [0, 1]], [1, NaN]))).toBeInstanceOf(LinAlgError); // not finite b, after A factored
  expect(throws(() => solve(S, [1, 2, 3]))).toBeInstanceOf(RangeError); // wrong b length after factoring
  expect(throws(() => solve(S, [[1, 2], [3, 4]]))).toBeInstanceOf(RangeError);
  expect(throws(() => solveTriangular([[1, 0], [1, 0]], [1, 1], { lower: true }))).toBeInstanceOf(LinAlgError);
  expect(throws(() => det([[1, 2, 3]]))).toBeInstanceOf(RangeError);

  // JS-stored operands under the WASM backend: copied in for the call, copies freed.
  setBackend('js');
  const J = keep(Matrix.randn(19, 21, { seed: 4 }));
  const K = keep(Matrix.randn(21, 5, { seed: 5 }));
  setBackend('wasm');
  keep(matmul(J, K));
  keep(J.gram());
  keep(add(J, J));
  J.matvec(new Float64Array(21));
  J.norm();
  keep(solve(keep(keep(J.gram()).add(keep(Matrix.eye(21)))), K));

  for (const x of out) x.dispose();
}

describe('leaks', () => {
  it('a mix of operations, including ones that throw part-way, returns memory to the baseline', () => {
    setBackend('wasm');
    const base = memoryStats();
    mix();
    const after1 = memoryStats();
    expect({ bytes: after1.bytesInUse, blocks: after1.blocksInUse }).toEqual({ bytes: base.bytesInUse, blocks: base.blocksInUse });
    mix();
    mix();
    const after3 = memoryStats();
    expect({ bytes: after3.bytesInUse, blocks: after3.blocksInUse }).toEqual({ bytes: base.bytesInUse, blocks: base.blocksInUse });
    expect(after3.heapBytes, 'repeating the mix does not grow the heap').toBe(after1.heapBytes);
    expect(after3.peakBytes).toBe(after1.peakBytes);
  });
});
