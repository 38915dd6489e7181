/**
 * The symmetric-indefinite solve: solve(A, b, { assumeA: 'symmetric' }) — Bunch–Kaufman LDLᵀ (blocked
 * sytrf: lasyf panels, the trailing update through the GEMM) then the two sweeps of sytrs — on a
 * symmetric indefinite n×n A = (G + Gᵀ)/2, G seeded uniform, one right-hand side.
 *
 * Peer: scipy.linalg.solve(a, b, assume_a='sym', check_finite=False) single thread (dsysv: dsytrf +
 * dsytrs, plus scipy's condition estimate dsycon). ml-matrix has no symmetric-indefinite solver.
 * Flops n³/3 + 2n² (LAPACK Working Note 41: sytrf n³/3, sytrs 2n² per right-hand side).
 */
import { solve } from '../../bindings/index.js';
import { dim, noop, squareSuite } from './common.js';
import type { SuiteOptions } from './types.js';

const SEED = 13;

export const solveSymmetricSuite = squareSuite({
  name: 'solve-symmetric',
  title: "solve(A, b, { assumeA: 'symmetric' }): Bunch–Kaufman LDLᵀ and its solve, symmetric indefinite n×n, one right-hand side",
  description:
    "solve(A, b, { assumeA: 'symmetric' }) with b a vector (blocked sytrf + sytrs, lower triangle read); numpy " +
    "column: scipy.linalg.solve(a, b, assume_a='sym') (dsysv). Flops n³/3 + 2n².",
  sizes: (o: SuiteOptions) => o.sizes ?? (o.quick ? [64, 128, 256] : [64, 128, 256, 512]),
  flops: (n) => n ** 3 / 3 + 2 * n * n,
  lib: (c, mk) => {
    const n = dim(c, 'n');
    const G = mk(n, n, SEED);
    const Gt = G.transpose();
    const A = G.add(Gt).scale(0.5);
    G.dispose();
    Gt.dispose();
    const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    return {
      inputs: [A],
      op: () => {
        solve(A, b, { assumeA: 'symmetric', checkFinite: false });
        return noop;
      },
    };
  },
  ml: null,
});
