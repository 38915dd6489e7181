/**
 * wasm-linalg plain-JS kernels: the same exports as assembly/index.ts (except `dataEnd`), each a
 * JS mirror of its AssemblyScript file under bindings/js/ with the same name and argument order.
 *
 * Calling convention: every pointer argument `pX` of the wasm kernel becomes two arguments
 * `(x: Float64Array, offX: number)`, offX an element offset; matrices are column-major with
 * X[i, j] = x[offX + i + j·ldx]; dims, leading dimensions, strides (> 0), α/β and 0/1 flags keep their
 * position and meaning. Workspace `pw` becomes `(w, offW)` with the size the matching `*Scratch`
 * function returns (in doubles). The tuning table (`tuningSet`, tuning.ts: block sizes, crossovers,
 * iteration caps) is this module's own state. With equal inputs and tuning, the results equal the wasm
 * kernels' bit for bit (no FMA anywhere).
 */
export { dot } from './blas/dot.js';
export { axpy } from './blas/axpy.js';
export { scal } from './blas/scal.js';
export { nrm2 } from './blas/nrm2.js';
export { gemv } from './blas/gemv.js';
export { geadd } from './blas/geadd.js';
export { gemul } from './blas/gemul.js';
export { getrans } from './blas/getrans.js';
export { lange } from './blas/lange.js';
export { symmetrize } from './blas/symmetrize.js';
export { lasr } from './blas/lasr.js';
export { gemm, gemmScratch } from './gemm/gemm.js';
export { syrk, syrkScratch } from './gemm/syrk.js';
export { tuningSet, tuningGet, tuningReset } from './tuning.js';

export { iamax } from './blas/iamax.js';
export { trsm2 } from './trsm/trsm2.js';
export { trsm, trsmScratch } from './trsm/trsm.js';
export { laswp } from './lu/laswp.js';
export { getf2 } from './lu/getf2.js';
export { getrf2, getrf2Scratch } from './lu/getrf2.js';
export { getrf, getrfScratch } from './lu/getrf.js';
export { potf2 } from './cholesky/potf2.js';
export { potrf, potrfScratch } from './cholesky/potrf.js';
export { larfg } from './qr/larfg.js';
export { larf } from './qr/larf.js';
export { geqr2 } from './qr/geqr2.js';
export { larft } from './qr/larft.js';
export { larfb, larfbScratch } from './qr/larfb.js';
export { geqrf, geqrfScratch } from './qr/geqrf.js';
export { org2r } from './qr/org2r.js';
export { orgqr, orgqrScratch } from './qr/orgqr.js';
export { geqp3, geqp3Scratch } from './qr/geqp3.js';
export { ormqr, ormqrScratch } from './qr/ormqr.js';
export { symv, symvScratch } from './eig/sym/symv.js';
export { syr2 } from './eig/sym/syr2.js';
export { syr2k, syr2kScratch } from './eig/sym/syr2k.js';
export { sytd2, sytd2Scratch } from './eig/sym/sytd2.js';
export { latrd, latrdScratch } from './eig/sym/latrd.js';
export { sytrd, sytrdScratch } from './eig/sym/sytrd.js';
export { orgtr, orgtrScratch } from './eig/sym/orgtr.js';
export { steqr, steqrScratch } from './eig/sym/steqr.js';
export { sterf } from './eig/sym/sterf.js';
export { syev, syevScratch } from './eig/sym/syev.js';
export { stedc, stedcScratch } from './eig/sym/stedc.js';
export { bdsqr, bdsqrScratch } from './svd/bdsqr.js';
export { gebd2 } from './svd/gebd2.js';
export { labrd, labrdScratch } from './svd/labrd.js';
export { gebrd, gebrdScratch } from './svd/gebrd.js';
export { orgbr, orgbrScratch } from './svd/orgbr.js';
export { gesvd, gesvdScratch } from './svd/gesvd.js';
export { lasq, lasqScratch } from './svd/lasq.js';
export { gebal } from './eig/gen/gebal.js';
export { gebak } from './eig/gen/gebak.js';
export { gehd2 } from './eig/gen/gehd2.js';
export { lahr2, lahr2Scratch } from './eig/gen/lahr2.js';
export { gehrd, gehrdScratch } from './eig/gen/gehrd.js';
export { orghr, orghrScratch } from './eig/gen/orghr.js';
export { hqr } from './eig/gen/hqr.js';
export { trevc } from './eig/gen/trevc.js';
export { geev, geevScratch } from './eig/gen/geev.js';
export { gees, geesScratch } from './eig/gen/gees.js';

// RQ (issue 13: hessenberg/rq/polar/…)
export { larfr } from './qr/larfr.js';
export { gerq2 } from './qr/gerq2.js';
export { larftb } from './qr/larftb.js';
export { larfbr, larfbrScratch } from './qr/larfbr.js';
export { gerqf, gerqfScratch } from './qr/gerqf.js';
export { orgr2 } from './qr/orgr2.js';
export { orgrq, orgrqScratch } from './qr/orgrq.js';
// issue 13 — rref
export { rref } from './lu/rref.js';
// generalised symmetric-definite eigenproblem (eigh(A, B))
export { trmm, trmmScratch } from './trsm/trmm.js';
export { sygs2 } from './eig/sym/sygs2.js';
export { sygst, sygstScratch } from './eig/sym/sygst.js';
// symmetric-indefinite LDLᵀ (Bunch–Kaufman)
export { sytf2 } from './ldl/sytf2.js';
export { sytrf, sytrfScratch } from './ldl/sytrf.js';
export { sytrs } from './ldl/sytrs.js';
export { sytrs2, sytrs2Scratch } from './ldl/sytrs2.js';
// Matrix functions (expm/sqrtm/logm: issue 13)
export { trsyl, trsylScratch } from './matfun/trsyl.js';
export { trsqrt, trsqrtScratch } from './matfun/trsqrt.js';
export { qtrsm, qtrsmScratch } from './matfun/qtrsm.js';
// selected eigenpairs (eigh with subsetByIndex / subsetByValue)
export { stebz, stebzScratch } from './eig/sym/stebz.js';
export { stein, steinScratch } from './eig/sym/stein.js';
export { ormtr, ormtrScratch } from './eig/sym/ormtr.js';
export { syevx, syevxVectors, syevxScratch } from './eig/sym/syevx.js';
