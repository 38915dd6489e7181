/**
 * What the fluent `Matrix` methods delegate to: the free functions of the same names.
 *
 * This module closes the one deliberate import cycle of the package — api/matrix.ts imports it, and
 * the functions it re-exports make and return `Matrix` objects — so that `A.matmul(B)` and
 * `matmul(A, B)` are one implementation. Every cycle in bindings/ passes through this file
 * (`npm run check:cycles` fails on any other; see README's "Layers").
 */
export { add, clone, diag, diagonalMatrix, dot, gram, hadamard, matmul, matvec, scale, sub, trace, transpose, type MatrixLike } from './api/ops.js';
export { norm, type MatrixNorm, type VectorNorm } from './derived/norm.js';
export { abs, addScalar, clip, div, exp, log, map, mul, pow, sqrt, subScalar, type Operand } from './api/elementwise.js';
export { argmax, argmin, max, mean, min, std, sum, variance, type Axis, type AxisOptions, type NormAxisOptions, type Reduced, type VarianceOptions } from './api/reduce.js';
export { center, type CenterOptions } from './api/stats.js';
export { equals, isSquare, isSymmetric, type SymmetricOptions } from './api/compare.js';
