/**
 * The QR kernels of the JS backend, one file per assembly/qr/*.ts file with the same names and argument
 * order (each wasm pointer `pX` becomes `(x, offX)`). Re-exported by bindings/js/index.ts.
 */
export { larfg } from './larfg.js';
export { larf } from './larf.js';
export { geqr2 } from './geqr2.js';
export { larft } from './larft.js';
export { larfb, larfbScratch } from './larfb.js';
export { geqrf, geqrfScratch } from './geqrf.js';
export { org2r } from './org2r.js';
export { orgqr, orgqrScratch } from './orgqr.js';
export { geqp3, geqp3Scratch } from './geqp3.js';
export { qrSetBlocking, qrBlockingNB } from './blocking.js';
