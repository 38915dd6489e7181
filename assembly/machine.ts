/**
 * Machine constants of IEEE 754 binary64 (double precision), each defined once (LAPACK's dlamch)
 *
 * LAPACK's dlamch has two "epsilons" that differ by a factor of two, and LAPACK routines use both:
 *
 *   dlamch('E')  eps  = 2^-53          the relative machine precision of rounding to nearest, i.e. the
 *                                      unit roundoff: fl(x) = x·(1 + δ), |δ| ≤ 2^-53      → UNIT_ROUNDOFF
 *   dlamch('P')  prec = eps·base = 2^-52   the spacing of the doubles in [1, 2): the ulp of 1.0, C's
 *                                      DBL_EPSILON, JS's Number.EPSILON                  → EPS (= ULP)
 *
 * The project's "eps" (accuracy statements, test tolerances) is EPS = 2^-52. Each kernel imports the
 * one its LAPACK routine uses and says which in its header, so a threshold keeps the value LAPACK
 * gives it: dlamch('E') in bdsqr, lasv2, steqr/sterf (split.ts), geqp3's TOL3Z and larfg's rescaling
 * threshold; dlamch('P') in lasq, lanv2, hqr, trevc, gebal and gesvd.
 *
 *   dlamch('S')  sfmin = 2^-1022       safe minimum: the smallest normal double; 1/SAFMIN does not
 *                                      overflow                                           → SAFMIN
 *   dlamch('O')  rmax = (2 − 2^-52)·2^1023   overflow threshold: the largest finite double
 *                                                                                  → OVERFLOW_THRESHOLD
 *
 * Derived thresholds that more than one kernel uses are defined here too, from the names above (every
 * one is an exact power of two, so the constant expression is exact and folds to the same bits at
 * compile time); thresholds only one kernel uses are defined in that kernel, from these names where an
 * exact expression exists. The TypeScript mirror, bindings/core/machine.ts (used by the JS kernels and
 * by the API layer), has the same names and values.
 *
 * References: LAPACK dlamch (and 3.10's la_constants: safmin, safmax, rtmin = sqrt(safmin)); Higham,
 * Accuracy and Stability of Numerical Algorithms, 2nd ed., §2.1 (unit roundoff vs machine epsilon);
 * IEEE 754-2019.
 */

/** 2^-52 — LAPACK dlamch('P') (eps·base): the ulp of 1.0. The project's eps. */
// @ts-ignore: decorator
@inline export const EPS: f64 = 2.220446049250313e-16;

/** 2^-52 — the same value as EPS, under the name the routines that call it ulp use (dlahqr, dtrevc). */
// @ts-ignore: decorator
@inline export const ULP: f64 = EPS;

/** 2^-53 — LAPACK dlamch('E'): the unit roundoff (relative rounding error of round to nearest). */
// @ts-ignore: decorator
@inline export const UNIT_ROUNDOFF: f64 = 1.1102230246251565e-16;

/** 2^-106 — dlamch('E')²: dsteqr's and dsterf's EPS2. */
// @ts-ignore: decorator
@inline export const UNIT_ROUNDOFF_SQ: f64 = UNIT_ROUNDOFF * UNIT_ROUNDOFF;

/** 2^-1022 — LAPACK dlamch('S'): the safe minimum (smallest normal double). */
// @ts-ignore: decorator
@inline export const SAFMIN: f64 = 2.2250738585072014e-308;

/** 2^1022 — 1/dlamch('S'): la_constants' safmax, dlartg's upper clamp. */
// @ts-ignore: decorator
@inline export const SAFMAX: f64 = 1.0 / SAFMIN;

/** 2^-511 — sqrt(dlamch('S')): la_constants' rtmin (exact: the exponent is even). */
// @ts-ignore: decorator
@inline export const SQRT_SAFMIN: f64 = 1.4916681462400413e-154;

/** 2^-970 — dlamch('S')/dlamch('P'): dgebal's SFMIN1, dtrevc's SMLNUM without its factor n. */
// @ts-ignore: decorator
@inline export const SAFMIN_OVER_EPS: f64 = SAFMIN / EPS;

/** 2^-969 — dlamch('S')/dlamch('E'): dlarfg's SAFMIN, below which |β| triggers its rescaling. */
// @ts-ignore: decorator
@inline export const SAFMIN_OVER_UNIT_ROUNDOFF: f64 = SAFMIN / UNIT_ROUNDOFF;

/** (2 − 2^-52)·2^1023 — LAPACK dlamch('O'): the largest finite double; `!(x <= it)` tests "NaN or ±Inf". */
// @ts-ignore: decorator
@inline export const OVERFLOW_THRESHOLD: f64 = 1.7976931348623157e308;
