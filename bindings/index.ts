/**
 * wasm-linalg — dense linear algebra for TypeScript on WebAssembly SIMD, with a plain-JS backend.
 *
 *   import { init, Matrix, matmul } from 'wasm-linalg';
 *   await init();                       // loads the WASM (SIMD where supported) backend
 *   using A = Matrix.random(512, 512, { seed: 1 });
 *   using At = A.transpose();
 *   using C = A.matmul(At);             // `using` frees linear memory at the end of the scope
 */
import { wasmHeap } from './loader.js';
import type { MemoryStats } from './memory.js';

export { init, simdSupported, type InitOptions, type InitResult, type WasmSource } from './loader.js';
export { setBackend, getBackend } from './backend.js';
export type { Tuning } from './tuning.js';
export type { BackendName } from './store.js';
export { Matrix, type RandomOptions } from './matrix.js';
export {
  add,
  clone,
  diag,
  dot,
  gram,
  hadamard,
  matmul,
  matvec,
  norm,
  outer,
  scale,
  sub,
  trace,
  transpose,
  type MatrixLike,
  type MatrixNorm,
  type VectorNorm,
} from './ops.js';
export type { VectorLike } from './validate.js';
export { LinAlgError, type LinAlgErrorCode } from './errors.js';
export type { MemoryStats } from './memory.js';

/**
 * Bytes and blocks of WebAssembly linear memory in use (matrices not yet disposed, plus nothing else:
 * workspace is freed at the end of every call). All zeros when the WASM backend is not loaded.
 */
export function memoryStats(): MemoryStats {
  return wasmHeap()?.stats() ?? { bytesInUse: 0, blocksInUse: 0, heapBytes: 0, peakBytes: 0 };
}
export {
  lu,
  luFactor,
  solve,
  det,
  slogdet,
  inv,
  LUFactorization,
  type LUResult,
  type SlogdetResult,
  type SolveOptions,
} from './lu.js';
export { cholesky, choFactor, choSolve, CholeskyFactorization } from './cholesky.js';
export { solveTriangular, type TriangularOptions } from './triangular.js';
export type { FiniteOption } from './checks.js';
export { qr, type QROptions, type QRResult } from './qr.js';
export { lstsq, projection, type LstsqOptions, type LstsqResult } from './lstsq.js';
export { numericGradient, type NumericGradientOptions } from './gradient.js';
export { eigh, eigvalsh, type EighResult } from './eigh.js';
export {
  svd,
  svdvals,
  pinv,
  matrixRank,
  cond,
  nullSpace,
  orth,
  subspaces,
  lowRank,
  pca,
  type SvdOptions,
  type SvdResult,
  type Subspaces,
  type LowRankResult,
  type PcaOptions,
  type PcaResult,
} from './svd.js';
export { eig, eigvals, schur, type EigOptions, type EigResult, type EigvalsResult, type SchurResult } from './eig.js';
