/**
 * What the fluent `Matrix` methods delegate to: the free functions of the same names.
 *
 * This module closes the one deliberate import cycle of the package — api/matrix.ts imports it, and
 * the functions it re-exports make and return `Matrix` objects — so that `A.matmul(B)` and
 * `matmul(A, B)` are one implementation. Every cycle in bindings/ passes through this file
 * (`npm run check:layers` fails on any other; see README's "Layers").
 */
export { add, clone, diag, diagonalMatrix, dot, gram, hadamard, matmul, matvec, scale, sub, trace, transpose, type MatrixLike } from './api/ops.js';
export { norm, type MatrixNorm, type VectorNorm } from './derived/norm.js';
export { abs, addScalar, clip, div, exp, log, map, mul, pow, sqrt, subScalar, type Operand } from './api/elementwise.js';
export { argmax, argmin, max, mean, min, std, sum, variance, type Axis, type AxisOptions, type NormAxisOptions, type Reduced, type VarianceOptions } from './api/reduce.js';
export { center, type CenterOptions } from './api/stats.js';
export { equals, isSquare, isSymmetric, type SymmetricOptions } from './api/compare.js';
export { columnVector, flatten, fromColumns, fromRows, reshape, rowVector, selectColumns, selectRows, setSlice, slice } from './api/construct.js';
export { lu, solve, det, slogdet, inv, type LUResult, type SlogdetResult, type SolveOptions } from './api/lu.js';
export { cholesky } from './api/cholesky.js';
export { solveTriangular, type TriangularOptions } from './api/triangular.js';
export { qr, type QROptions, type QRResult } from './api/qr.js';
export { lstsq, type LstsqOptions, type LstsqResult } from './api/lstsq.js';
export { eigh, type EighResult } from './api/eigh.js';
export { svd, type SvdOptions, type SvdResult } from './api/svd.js';
export { eig, type EigOptions, type EigResult } from './api/eig.js';
export type { FiniteOption } from './api/checks.js';
export { pinv } from './derived/pinv.js';
export { matrixRank } from './derived/rank.js';
export { cond } from './derived/cond.js';
// issue 13: hessenberg, rq, polar, pinvh
export { hessenberg, type HessenbergOptions, type HessenbergResult, type HessenbergResultWithQ } from './api/hessenberg.js';
export { rq, type RQOptions, type RQResult } from './api/rq.js';
export { polar, type PolarOptions, type PolarResult } from './derived/polar.js';
export { pinvh, type PinvhOptions } from './derived/pinvh.js';
// generalised eigh (eigh(A, B))
export type { EighOptions } from './api/eigh.js';
