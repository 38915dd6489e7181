/**
 * GEMM blocking constants (Goto & van de Geijn, "Anatomy of high-performance matrix multiplication",
 * ACM TOMS 34(3), 2008; the BLIS loop structure of Van Zee & van de Geijn, ACM TOMS 41(3), 2015).
 *
 *   MR×NR = 4×4   register tile. V8 (Node 20, x64) gives wasm 15 usable SIMD registers and hoists all
 *                 loads of an iteration above its arithmetic: 8 accumulators (4×4 doubles in f64x2) +
 *                 2 vectors of A + 4 broadcasts of B + 1 temporary for mul-then-add = 15. Larger tiles
 *                 (5×4, 4×6, 3×8, 8×4) spill and run at about half speed (measured, shared/NOTES.md).
 *   KC = 256      depth of a rank-KC update: one packed B micro-panel (KC·NR·8 B = 8 KiB) stays in the
 *                 32 KiB L1 of Zen1 while the A micro-panel (another 8 KiB) streams through it.
 *   MC = 128      rows of the packed A block: MC·KC·8 B = 256 KiB, half of Zen1's 512 KiB L2, so the
 *                 block stays in L2 while every B micro-panel passes over it.
 *   NC = 2048     columns of the packed B block: KC·NC·8 B = 4 MiB, within the 8 MiB L3 of a Zen1 CCX.
 *
 * MC, KC and NC are variables, settable through `gemmSetBlocking` so tests can make them tiny and odd
 * (every small matrix then goes through all three blocked loops and their edges). MC must stay a
 * multiple of MR and NC a multiple of NR; `gemmSetBlocking` rounds them up.
 */

// @ts-ignore: decorator
@inline export const MR: i32 = 4;
// @ts-ignore: decorator
@inline export const NR: i32 = 4;

export const MC_DEFAULT: i32 = 128;
export const KC_DEFAULT: i32 = 256;
export const NC_DEFAULT: i32 = 2048;

export let MC: i32 = MC_DEFAULT;
export let KC: i32 = KC_DEFAULT;
export let NC: i32 = NC_DEFAULT;

/** Sets the cache blocking (values ≤ 0 restore the default). Rounds MC up to MR and NC up to NR. */
export function gemmSetBlocking(mc: i32, kc: i32, nc: i32): void {
  MC = mc > 0 ? ((mc + MR - 1) / MR) * MR : MC_DEFAULT;
  KC = kc > 0 ? kc : KC_DEFAULT;
  NC = nc > 0 ? ((nc + NR - 1) / NR) * NR : NC_DEFAULT;
}

/** The blocking in force (for tests and the benchmark report). */
export function gemmBlockingMC(): i32 {
  return MC;
}
export function gemmBlockingKC(): i32 {
  return KC;
}
export function gemmBlockingNC(): i32 {
  return NC;
}
