/**
 * GEMM blocking constants (Goto & van de Geijn, "Anatomy of high-performance matrix multiplication",
 * ACM TOMS 34(3), 2008; the BLIS loop structure of Van Zee & van de Geijn, ACM TOMS 41(3), 2015).
 *
 *   MR×NR = 6×3   in the relaxed-SIMD build (ASC_FEATURE_RELAXED_SIMD): FMA needs no product temporary,
 *                 so 9 accumulators + 3 vectors of A + 3 broadcasts of B = 15 fit (microkernel.ts has the
 *                 reasons and the measurement). MC and NC defaults round up to 132 and 2049 (tuning.ts).
 *   MR×NR = 4×4   register tile of the SIMD and scalar builds. V8 (Node 20, x64) gives wasm 15 usable SIMD registers and hoists all
 *                 loads of an iteration above its arithmetic: 8 accumulators (4×4 doubles in f64x2) +
 *                 2 vectors of A + 4 broadcasts of B + 1 temporary for mul-then-add = 15. Larger tiles
 *                 (5×4, 4×6, 3×8, 8×4) spill and run at about half speed (measured, shared/NOTES.md).
 *   KC, MC, NC    the cache blocking: depth of a rank-KC update, rows of the packed A block, columns of
 *                 the packed B block. They are tuning keys (tuning.ts: T_GEMM_KC, T_GEMM_MC, T_GEMM_NC;
 *                 defaults 256, 128, 2048, sized there for Zen 1's caches), so tests can make them tiny
 *                 and odd (every small matrix then goes through all three blocked loops and their
 *                 edges). MC must stay a multiple of MR and NC a multiple of NR; tuningSet rounds them up.
 */

// @ts-ignore: decorator
@inline export const MR: i32 = ASC_FEATURE_RELAXED_SIMD ? 6 : 4;
// @ts-ignore: decorator
@inline export const NR: i32 = ASC_FEATURE_RELAXED_SIMD ? 3 : 4;
