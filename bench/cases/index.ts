/** The registry of benchmark suites, in run order. Add new operations here. */
import { gemm, gemmShapes } from './gemm.js';
import { syrk } from './syrk.js';
import { lu, cholesky, qrSuite, solveSuite, lstsqSuite } from './factor.js';
import { eighSuite, eigvalshSuite, svdSuite, svdvalsSuite, svdGesvdSuite } from './spectral.js';
import { eigSuite, eigvalsSuite } from './eig.js';
import { smallSuite } from './small.js';
// issue 13: rq, hessenberg
import { rqSuite, hessenbergSuite } from './misc.js';
// issue 13 — randomized SVD
import { randomizedSvdSuite } from './rsvd.js';
import { eighGeneralSuite } from './eigh-general.js'; // generalised eigh (issue 13)
import type { Suite } from './types.js';

export const suites: Suite[] = [
  smallSuite, gemm, syrk, gemmShapes, lu, cholesky, qrSuite, solveSuite, lstsqSuite,
  eighSuite, eigvalshSuite, svdSuite, svdvalsSuite, svdGesvdSuite,
  eigSuite, eigvalsSuite,
  // issue 13: rq, hessenberg
  rqSuite, hessenbergSuite,
  // issue 13 — randomized SVD
  randomizedSvdSuite,
  eighGeneralSuite, // generalised eigh (issue 13)
];

export type { Suite, Case, Column, Workload, Ratio, NumpySpec, SuiteOptions } from './types.js';
