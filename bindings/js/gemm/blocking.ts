/**
 * GEMM blocking constants (Goto & van de Geijn, "Anatomy of high-performance matrix multiplication",
 * ACM TOMS 34(3), 2008; the BLIS loop structure of Van Zee & van de Geijn, ACM TOMS 41(3), 2015).
 *
 * JS mirror of assembly/gemm/blocking.ts: MR×NR = 4×4 register tile. The cache blocking KC, MC, NC
 * (depth of a rank-KC update, rows of the packed A block, columns of the packed B block) is the tuning
 * keys T_GEMM_KC, T_GEMM_MC, T_GEMM_NC of this module's own tuning table (../tuning.js), separate from
 * each wasm instance's: set both backends when comparing them. tuningSet rounds MC up to a multiple of
 * MR and NC to one of NR.
 */

export const MR = 4;
export const NR = 4;
