/**
 * GEMM blocking constants (Goto & van de Geijn, "Anatomy of high-performance matrix multiplication",
 * ACM TOMS 34(3), 2008; the BLIS loop structure of Van Zee & van de Geijn, ACM TOMS 41(3), 2015).
 *
 * JS mirror of assembly/gemm/blocking.ts: MR×NR = 4×4 register tile, KC = 256 (depth of a rank-KC
 * update), MC = 128 (rows of the packed A block), NC = 2048 (columns of the packed B block).
 *
 * MC, KC and NC are module-level variables, settable through `gemmSetBlocking` so tests can make them
 * tiny and odd. MC must stay a multiple of MR and NC a multiple of NR; `gemmSetBlocking` rounds them
 * up. This state is separate from each wasm instance's: set both backends when comparing them.
 */

export const MR = 4;
export const NR = 4;

export const MC_DEFAULT = 128;
export const KC_DEFAULT = 256;
export const NC_DEFAULT = 2048;

export let MC: number = MC_DEFAULT;
export let KC: number = KC_DEFAULT;
export let NC: number = NC_DEFAULT;

/** Sets the cache blocking (values ≤ 0 restore the default). Rounds MC up to MR and NC up to NR. */
export function gemmSetBlocking(mc: number, kc: number, nc: number): void {
  // i32 arguments, as the wasm export receives them.
  mc |= 0;
  kc |= 0;
  nc |= 0;
  MC = mc > 0 ? (((mc + MR - 1) / MR) | 0) * MR : MC_DEFAULT;
  KC = kc > 0 ? kc : KC_DEFAULT;
  NC = nc > 0 ? (((nc + NR - 1) / NR) | 0) * NR : NC_DEFAULT;
}

/** The blocking in force (for tests and the benchmark report). */
export function gemmBlockingMC(): number {
  return MC;
}
export function gemmBlockingKC(): number {
  return KC;
}
export function gemmBlockingNC(): number {
  return NC;
}
