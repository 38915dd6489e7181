/**
 * What the fluent `Matrix` methods delegate to: the free functions of the same names.
 *
 * This module closes the one deliberate import cycle of the package — api/matrix.ts imports it, and
 * the functions it re-exports make and return `Matrix` objects — so that `A.matmul(B)` and
 * `matmul(A, B)` are one implementation. Every cycle in bindings/ passes through this file
 * (`npm run check:cycles` fails on any other; see README's "Layers").
 */
export { add, clone, diag, diagonalMatrix, dot, gram, hadamard, matmul, matvec, scale, sub, trace, transpose, type MatrixLike } from './api/ops.js';
export { norm, type MatrixNorm } from './derived/norm.js';
export { columnVector, flatten, fromColumns, fromRows, reshape, rowVector, selectColumns, selectRows, setSlice, slice } from './api/construct.js';
