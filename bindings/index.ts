/**
 * wasm-linalg — dense linear algebra for TypeScript on WebAssembly SIMD, with a plain-JS backend.
 *
 *   import { init, Matrix, matmul } from 'wasm-linalg';
 *   await init();                       // loads the WASM (SIMD where supported) backend
 *   using A = Matrix.random(512, 512, { seed: 1 });
 *   using At = A.transpose();
 *   using C = A.matmul(At);             // `using` frees linear memory at the end of the scope
 *
 * The package in floors (README "Layers"; each imports only from the floors below it):
 *   core/      memory, storage, views, validation, errors, backends and selection, the generated
 *              kernel ABI, the kernel calls (lapack.ts), scopes, machine constants
 *   js/ wasm/  the two backends: the JS mirrors of the kernels and the wasm module's exports
 *   loader.ts  init(): loading the module, installing the backends
 *   api/       Matrix, the basic operations and one file per decomposition
 *   derived/   what is built on the SVD, LU or QR: norm, cond, pinv, matrixRank, subspaces, lowRank,
 *              pca, projection
 *   index.ts   this file: the public exports
 */
import { wasmHeap } from './loader.js';
import type { MemoryStats } from './core/memory.js';

export { init, simdSupported, relaxedSimdSupported, type InitOptions, type InitResult, type WasmSource, type WasmModule, type GlobalURL } from './loader.js';
export { setBackend, getBackend, setTuning, getTuning } from './core/backend.js';
export type { Tuning, TuningKey } from './core/tuning.js';
export type { BackendName } from './core/store.js';
export { Matrix, type RandomOptions, type MatrixJSON, type MatrixJSONEntry } from './api/matrix.js';
export type { FormatOptions } from './core/format.js';
export { add, clone, diag, dot, gram, hadamard, matmul, matvec, outer, scale, sub, trace, transpose, type MatrixLike } from './api/ops.js';
export { norm, type MatrixNorm, type VectorNorm } from './derived/norm.js';
export { mul, div, addScalar, subScalar, pow, abs, sqrt, exp, log, clip, map, type Operand } from './api/elementwise.js';
export {
  sum,
  mean,
  variance,
  std,
  min,
  max,
  argmin,
  argmax,
  type Axis,
  type AxisOptions,
  type VarianceOptions,
  type NormAxisOptions,
  type Reduced,
} from './api/reduce.js';
export { center, cov, corrcoef, type CenterOptions, type CovOptions, type CorrcoefOptions } from './api/stats.js';
export { isSquare, isSymmetric, equals, allclose, type SymmetricOptions, type AllcloseOptions } from './api/compare.js';
export { arange, blockDiag, hstack, linspace, reshape, vander, vstack, type LinspaceOptions, type VanderOptions } from './api/construct.js';
export type { NumericTypedArray, VectorLike } from './core/validate.js';
export { LinAlgError, type LinAlgErrorCode } from './core/errors.js';
export { tidy, keep, type DisposableResult } from './core/tidy.js';
export type { MemoryStats } from './core/memory.js';

/**
 * Bytes and blocks of WebAssembly linear memory in use (matrices not yet disposed, plus nothing else:
 * workspace is freed at the end of every call). All zeros when the WASM backend is not loaded.
 *
 * @example
 * ```ts
 * const before = memoryStats().blocksInUse;
 * const n = tidy(() => Matrix.random(100, 100).matmul(Matrix.random(100, 100)).norm());
 * console.log(memoryStats().blocksInUse === before); // true: tidy freed the three matrices
 * ```
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
} from './api/lu.js';
export { cholesky, choFactor, choSolve, CholeskyFactorization } from './api/cholesky.js';
export { solveTriangular, type TriangularOptions } from './api/triangular.js';
export type { FiniteOption } from './api/checks.js';
export { qr, type QROptions, type QRResult } from './api/qr.js';
export { lstsq, type LstsqOptions, type LstsqResult } from './api/lstsq.js';
export { numericGradient, type NumericGradientOptions } from './api/gradient.js';
export { eigh, eigvalsh, type EighResult } from './api/eigh.js';
export { svd, svdvals, type SvdOptions, type SvdResult } from './api/svd.js';
export { eig, eigvals, schur, type EigOptions, type EigResult, type EigvalsResult, type SchurResult } from './api/eig.js';
export { ComplexMatrix, type Complex, type ComplexVector } from './api/complex.js';
export { projection } from './derived/projection.js';
export { pinv } from './derived/pinv.js';
export { matrixRank } from './derived/rank.js';
export { cond } from './derived/cond.js';
export { nullSpace, orth, subspaces, type Subspaces } from './derived/subspaces.js';
export { lowRank, type LowRankResult } from './derived/lowrank.js';
export { pca, type PcaOptions, type PcaResult } from './derived/pca.js';

// issue 13: hessenberg, rq, polar, orthogonalProcrustes, subspaceAngles, pinvh
export { hessenberg, type HessenbergOptions, type HessenbergResult, type HessenbergResultWithQ } from './api/hessenberg.js';
export { rq, type RQOptions, type RQResult } from './api/rq.js';
export { polar, orthogonalProcrustes, type PolarOptions, type PolarResult, type ProcrustesResult } from './derived/polar.js';
export { subspaceAngles } from './derived/angles.js';
export { pinvh, type PinvhOptions } from './derived/pinvh.js';
// issue 13 — rref / special solutions, matrix products (matrixPower, multiDot, kron, cross), randomized SVD
export { rref, specialSolutions, type RrefOptions, type RrefResult } from './derived/rref.js';
export { matrixPower, multiDot, kron, cross } from './derived/products.js';
export { randomizedSvd, type RandomizedSvdOptions, type RandomizedSvdResult } from './derived/rsvd.js';
// generalised eigh (eigh(A, B)): its options
export type { EighOptions } from './api/eigh.js';
export type { EighTypeOption } from './api/eigh-general.js';
// symmetric-indefinite LDLᵀ and solve's assumeA
export { ldl, type LDLResult, type LdlOptions } from './api/ldl.js';
export type { AssumeA } from './api/assume.js';
// Matrix functions (issue 13)
export { expm } from './derived/expm.js';
export { sqrtm } from './derived/sqrtm.js';
export { logm } from './derived/logm.js';
// selected eigenpairs (eigh / eigvalsh with subsetByIndex / subsetByValue)
export type { SubsetOptions } from './api/eigh-subset.js';
// threads (issue 12): the worker pool of the threaded builds.
export { shutdown, threadsInfo, MAX_AUTO_THREADS, type ThreadsInfo } from './loader.js';
