/**
 * QR block size: the number of Householder reflectors gathered into one compact-WY block
 * H = I − V·T·Vᵀ by the blocked routines geqrf.ts and orgqr.ts.
 *
 * JS mirror of assembly/qr/blocking.ts (read it for how NB = 32 was chosen). NB is a module-level
 * variable, settable through `qrSetBlocking` so tests can make it tiny and odd; the `*Scratch`
 * functions read it. This state is separate from each wasm instance's: set both backends when
 * comparing them.
 */

export const NB_DEFAULT = 32;

export let NB: number = NB_DEFAULT;

/** Sets the QR block size (values ≤ 0 restore the default). */
export function qrSetBlocking(nb: number): void {
  nb |= 0; // an i32 argument, as the wasm export receives it
  NB = nb > 0 ? nb : NB_DEFAULT;
}

/** The QR block size in force (for tests and the benchmark report). */
export function qrBlockingNB(): number {
  return NB;
}
