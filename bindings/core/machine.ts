/**
 * Machine constants of IEEE 754 binary64 (double precision), each defined once (LAPACK's dlamch)
 *
 * The TypeScript side's one file of them: the mirror of assembly/machine.ts (read it for which LAPACK
 * routine uses which epsilon), with the same names and the same values bit for bit, imported by the JS
 * kernels (bindings/js/**) and by the API layer alike.
 *
 *   EPS = ULP = 2^-52      dlamch('P'), the ulp of 1.0 (= Number.EPSILON); the project's eps
 *   UNIT_ROUNDOFF = 2^-53  dlamch('E'), the unit roundoff
 *   SAFMIN = 2^-1022       dlamch('S'), the safe minimum (smallest normal double)
 *   OVERFLOW_THRESHOLD     dlamch('O'), the largest finite double (= Number.MAX_VALUE)
 *
 * and the derived thresholds more than one kernel uses (all exact powers of two).
 *
 * References: LAPACK dlamch and 3.10's la_constants; Higham, Accuracy and Stability of Numerical
 * Algorithms, 2nd ed., §2.1.
 */

/** 2^-52 — LAPACK dlamch('P') (eps·base): the ulp of 1.0. The project's eps. */
export const EPS = 2.220446049250313e-16;

/** 2^-52 — the same value as EPS, under the name the routines that call it ulp use (dlahqr, dtrevc). */
export const ULP = EPS;

/** 2^-53 — LAPACK dlamch('E'): the unit roundoff (relative rounding error of round to nearest). */
export const UNIT_ROUNDOFF = 1.1102230246251565e-16;

/** 2^-106 — dlamch('E')²: dsteqr's and dsterf's EPS2. */
export const UNIT_ROUNDOFF_SQ = UNIT_ROUNDOFF * UNIT_ROUNDOFF;

/** 2^-1022 — LAPACK dlamch('S'): the safe minimum (smallest normal double). */
export const SAFMIN = 2.2250738585072014e-308;

/** 2^1022 — 1/dlamch('S'): la_constants' safmax, dlartg's upper clamp. */
export const SAFMAX = 1.0 / SAFMIN;

/** 2^-511 — sqrt(dlamch('S')): la_constants' rtmin (exact: the exponent is even). */
export const SQRT_SAFMIN = 1.4916681462400413e-154;

/** 2^-970 — dlamch('S')/dlamch('P'): dgebal's SFMIN1, dtrevc's SMLNUM without its factor n. */
export const SAFMIN_OVER_EPS = SAFMIN / EPS;

/** 2^-969 — dlamch('S')/dlamch('E'): dlarfg's SAFMIN, below which |β| triggers its rescaling. */
export const SAFMIN_OVER_UNIT_ROUNDOFF = SAFMIN / UNIT_ROUNDOFF;

/** (2 − 2^-52)·2^1023 — LAPACK dlamch('O'): the largest finite double; `!(x <= it)` tests "NaN or ±Inf". */
export const OVERFLOW_THRESHOLD = 1.7976931348623157e308;
