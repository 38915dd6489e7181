/**
 * wasm-linalg kernels: the module's exports.
 *
 * Calling convention (all kernels): matrices are column-major; a matrix argument is a byte address
 * `pX` (16-byte alignment not required except for workspace) and a leading dimension `ldx` in
 * elements; vectors are an address and a stride `incx` in elements (> 0); dimensions are i32; flags
 * (`trans`, `uplo`) are 0/1. Workspace is passed in by the caller as `pw` with the size the matching
 * `*Scratch` export returns (in doubles). Kernels never allocate, never grow memory, never throw; a
 * routine that can fail numerically returns a LAPACK-style status (0 = success). Block sizes, crossovers
 * and iteration caps are one table (tuning.ts): `tuningSet`, `tuningGet`, `tuningReset`.
 *
 * The memory is imported (`env.memory`), created and grown by the TS layer (bindings/core/memory.ts).
 */
export { dot } from './blas/dot';
export { axpy } from './blas/axpy';
export { scal } from './blas/scal';
export { nrm2 } from './blas/nrm2';
export { gemv } from './blas/gemv';
export { geadd } from './blas/geadd';
export { gemul } from './blas/gemul';
export { getrans } from './blas/getrans';
export { lange } from './blas/lange';
export { symmetrize } from './blas/symmetrize';
export { lasr } from './blas/lasr';
export { gemm, gemmScratch } from './gemm/gemm';
export { syrk, syrkScratch } from './gemm/syrk';
export { tuningSet, tuningGet, tuningReset } from './tuning';

export { iamax } from './blas/iamax';
export { trsm2 } from './trsm/trsm2';
export { trsm, trsmScratch } from './trsm/trsm';
export { laswp } from './lu/laswp';
export { getf2 } from './lu/getf2';
export { getrf2, getrf2Scratch } from './lu/getrf2';
export { getrf, getrfScratch } from './lu/getrf';
export { potf2 } from './cholesky/potf2';
export { potrf, potrfScratch } from './cholesky/potrf';

export { larfg } from './qr/larfg';
export { larf } from './qr/larf';
export { geqr2 } from './qr/geqr2';
export { larft } from './qr/larft';
export { larfb, larfbScratch } from './qr/larfb';
export { geqrf, geqrfScratch } from './qr/geqrf';
export { org2r } from './qr/org2r';
export { orgqr, orgqrScratch } from './qr/orgqr';
export { geqp3, geqp3Scratch } from './qr/geqp3';
export { ormqr, ormqrScratch } from './qr/ormqr';

export { symv, symvScratch } from './eig/sym/symv';
export { syr2 } from './eig/sym/syr2';
export { syr2k, syr2kScratch } from './eig/sym/syr2k';
export { sytd2, sytd2Scratch } from './eig/sym/sytd2';
export { latrd, latrdScratch } from './eig/sym/latrd';
export { sytrd, sytrdScratch } from './eig/sym/sytrd';
export { orgtr, orgtrScratch } from './eig/sym/orgtr';
export { steqr, steqrScratch } from './eig/sym/steqr';
export { sterf } from './eig/sym/sterf';
export { syev, syevScratch } from './eig/sym/syev';
export { stedc, stedcScratch } from './eig/sym/stedc';

export { bdsqr, bdsqrScratch } from './svd/bdsqr';
export { gebd2 } from './svd/gebd2';
export { labrd, labrdScratch } from './svd/labrd';
export { gebrd, gebrdScratch } from './svd/gebrd';
export { orgbr, orgbrScratch } from './svd/orgbr';
export { gesvd, gesvdScratch } from './svd/gesvd';
export { lasq, lasqScratch } from './svd/lasq';

export { gebal } from './eig/gen/gebal';
export { gebak } from './eig/gen/gebak';
export { gehd2 } from './eig/gen/gehd2';
export { lahr2, lahr2Scratch } from './eig/gen/lahr2';
export { gehrd, gehrdScratch } from './eig/gen/gehrd';
export { orghr, orghrScratch } from './eig/gen/orghr';
export { hqr } from './eig/gen/hqr';
export { trevc } from './eig/gen/trevc';
export { geev, geevScratch } from './eig/gen/geev';
export { gees, geesScratch } from './eig/gen/gees';
// issue 13 — rref
export { rref } from './lu/rref';

// RQ (issue 13: hessenberg/rq/polar/…)
export { larfr } from './qr/larfr';
export { gerq2 } from './qr/gerq2';
export { larftb } from './qr/larftb';
export { larfbr, larfbrScratch } from './qr/larfbr';
export { gerqf, gerqfScratch } from './qr/gerqf';
export { orgr2 } from './qr/orgr2';
export { orgrq, orgrqScratch } from './qr/orgrq';

// generalised symmetric-definite eigenproblem (eigh(A, B))
export { trmm, trmmScratch } from './trsm/trmm';
export { sygs2 } from './eig/sym/sygs2';
export { sygst, sygstScratch } from './eig/sym/sygst';

// symmetric-indefinite LDLᵀ (Bunch–Kaufman)
export { sytf2 } from './ldl/sytf2';
export { sytrf, sytrfScratch } from './ldl/sytrf';
export { sytrs } from './ldl/sytrs';
export { sytrs2, sytrs2Scratch } from './ldl/sytrs2';

// Matrix functions (expm/sqrtm/logm: issue 13)
export { trsyl, trsylScratch } from './matfun/trsyl';
export { trsqrt, trsqrtScratch } from './matfun/trsqrt';
export { qtrsm, qtrsmScratch } from './matfun/qtrsm';

// selected eigenpairs (eigh with subsetByIndex / subsetByValue)
export { stebz, stebzScratch } from './eig/sym/stebz';
export { stein, steinScratch } from './eig/sym/stein';
export { ormtr, ormtrScratch } from './eig/sym/ormtr';
export { syevx, syevxVectors, syevxScratch } from './eig/sym/syevx';
// threads (issue 12): the pool of the threaded builds (no-ops in the serial ones); not kernels, no JS mirror.
export { poolSetup, poolBytes, workerLoop, workerFault, poolQuit } from './thread/pool';

/** Highest address of the module's static data; the JS heap starts above it. */
export function dataEnd(): usize {
  return __heap_base;
}
