/**
 * The SVD kernels of the plain-JS backend (mirrors of assembly/svd/**), gathered for the check script
 * test/svd-check.mts. The public kernel list is bindings/js/index.ts.
 */
export { rot } from './rot.js';
export { bdsqr, bdsqrScratch, bdsqrSetSweeps, bdsqrSetMaxit } from './bdsqr.js';
export { gebd2 } from './gebd2.js';
export { labrd } from './labrd.js';
export { gebrd, gebrdScratch, gebrdSetBlock } from './gebrd.js';
export { orgbr, orgbrScratch } from './orgbr.js';
export { gesvd, gesvdScratch, gesvdSetCrossover } from './gesvd.js';
