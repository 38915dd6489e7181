/**
 * Issue 13's factorisations with a scipy peer (square n×n, the timed call includes the copies of the
 * input, the result's allocation and its disposal): the RQ factorisation with Q formed, and the
 * Hessenberg reduction with Q formed. No ml-matrix column (it has neither).
 *
 * Peers: scipy.linalg.rq (dgerqf + dorgrq) and scipy.linalg.hessenberg(calc_q=True) (dgebal without
 * permuting or scaling, dgehrd + dorghr), single thread.
 *
 * Flop counts (LAPACK Working Note 41): gerqf + orgrq 4n³/3 + 4n³/3 (as QR's), gehrd 10n³/3 + orghr 4n³/3.
 */
import { hessenberg, rq } from '../../bindings/index.js';
import { disposeAll, seededSquare, squareInput, squareSuite } from './common.js';
import { FACTOR_SIZES, FACTOR_SIZES_QUICK } from './factor.js';
import type { SuiteOptions } from './types.js';

const SEED = 13;
const square = seededSquare(SEED);

function sizes(o: SuiteOptions): number[] {
  return o.sizes ?? (o.quick ? FACTOR_SIZES_QUICK : FACTOR_SIZES);
}

export const rqSuite = squareSuite({
  name: 'rq',
  title: 'Householder RQ with Q formed, A = R·Q, square n×n',
  description:
    "rq(A) in 'full' mode, R and Q both formed (blocked gerqf: backward rowwise block reflectors through " +
    'the GEMM, then orgrq); numpy column: scipy.linalg.rq (dgerqf + dorgrq). Flops 8n³/3.',
  sizes,
  flops: (n) => (8 * n ** 3) / 3,
  lib: squareInput(square, (A) => {
    const r = rq(A, { checkFinite: false });
    return disposeAll(r.R, r.Q);
  }),
  ml: null,
});

export const hessenbergSuite = squareSuite({
  name: 'hessenberg',
  title: 'Hessenberg reduction with Q formed, A = Q·H·Qᵀ, square n×n',
  description:
    'hessenberg(A, { calcQ: true }) (blocked gehrd with lahr2 panels, then orghr); numpy column: ' +
    'scipy.linalg.hessenberg(A, calc_q=True) (dgehrd + dorghr). Flops 14n³/3.',
  sizes,
  flops: (n) => (14 * n ** 3) / 3,
  lib: squareInput(square, (A) => {
    const r = hessenberg(A, { calcQ: true, checkFinite: false });
    return disposeAll(r.H, r.Q);
  }),
  ml: null,
});
