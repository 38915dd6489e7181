/** The registry of benchmark suites, in run order. Add new operations here. */
import { gemm, gemmShapes } from './gemm.js';
import { syrk } from './syrk.js';
import { lu, cholesky, qrSuite, solveSuite, lstsqSuite } from './factor.js';
import { eighSuite, eigvalshSuite, svdSuite, svdvalsSuite, svdGesvdSuite } from './spectral.js';
import { eigSuite, eigvalsSuite } from './eig.js';
import { smallSuite } from './small.js';
// Matrix functions (issue 13)
import { matfunSuite } from './matfun.js';
import type { Suite } from './types.js';

export const suites: Suite[] = [
  smallSuite, gemm, syrk, gemmShapes, lu, cholesky, qrSuite, solveSuite, lstsqSuite,
  eighSuite, eigvalshSuite, svdSuite, svdvalsSuite, svdGesvdSuite,
  eigSuite, eigvalsSuite,
  // Matrix functions (issue 13)
  matfunSuite,
];

export type { Suite, Case, Column, Workload, Ratio, NumpySpec, SuiteOptions } from './types.js';
