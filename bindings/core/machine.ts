/**
 * Machine constants of IEEE double precision for the TypeScript layer (LAPACK's dlamch).
 */

/** eps = 2^-52, LAPACK's dlamch('P') (precision: the distance from 1.0 to the next double). */
export const EPS = 2.220446049250313e-16;
