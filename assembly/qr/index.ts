/**
 * Stand-alone build entry for the QR kernels (development and test/qr-check.mts):
 *
 *   npx asc assembly/qr/index.ts -o /tmp/qr.simd.wasm --enable simd --runtime stub --importMemory -O3
 *   npx asc assembly/qr/index.ts -o /tmp/qr.scalar.wasm --runtime stub --importMemory -O3
 *
 * The library's own entry is assembly/index.ts, which exports the same QR kernels; this file adds the
 * GEMM exports the QR routines depend on so the check can set the GEMM blocking in both builds.
 */
export { larfg } from './larfg';
export { larf } from './larf';
export { geqr2 } from './geqr2';
export { larft } from './larft';
export { larfb, larfbScratch } from './larfb';
export { geqrf, geqrfScratch } from './geqrf';
export { org2r } from './org2r';
export { orgqr, orgqrScratch } from './orgqr';
export { geqp3, geqp3Scratch } from './geqp3';
export { qrSetBlocking, qrBlockingNB } from './blocking';
export { gemm, gemmScratch } from '../gemm/gemm';
export { gemmSetBlocking, gemmBlockingMC, gemmBlockingKC, gemmBlockingNC } from '../gemm/blocking';

/** Highest address of the module's static data; the JS heap starts above it. */
export function dataEnd(): usize {
  return __heap_base;
}
