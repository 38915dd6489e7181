/** The registry of benchmark suites, in run order. Add new operations here. */
import { gemm, gemmShapes } from './gemm.js';
import { syrk } from './syrk.js';
import { lu, cholesky, qrSuite, solveSuite, lstsqSuite } from './factor.js';
import { eighSuite, eigvalshSuite, svdSuite, svdvalsSuite, svdGesvdSuite } from './spectral.js';
import { eigSuite, eigvalsSuite } from './eig.js';
import { smallSuite } from './small.js';
// selected eigenpairs
import { eighSubsetSuite } from './subset.js';
import type { Suite } from './types.js';

export const suites: Suite[] = [
  smallSuite, gemm, syrk, gemmShapes, lu, cholesky, qrSuite, solveSuite, lstsqSuite,
  eighSuite, eigvalshSuite, svdSuite, svdvalsSuite, svdGesvdSuite,
  eigSuite, eigvalsSuite,
  // selected eigenpairs
  eighSubsetSuite,
];

export type { Suite, Case, Column, Workload, Ratio, NumpySpec, SuiteOptions } from './types.js';
