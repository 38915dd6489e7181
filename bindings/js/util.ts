/**
 * Small helpers that several kernels share, each defined once.
 *
 * JS mirror of assembly/util.ts (without its ld, st and at: the mirrors index Float64Arrays directly).
 *
 *   even(x)    x rounded up to an even number: a block of x doubles carved from a workspace keeps the
 *              next block 16-byte aligned (workspace sizes and offsets, in doubles)
 *   sign1(x)   Fortran's SIGN(1, x) as LAPACK uses it: +1 for x ≥ 0 (−0 included), −1 for x < 0 and
 *              for NaN
 */

export function even(x: number): number {
  return (x + 1) & ~1;
}

export function sign1(x: number): number {
  return x >= 0 ? 1.0 : -1.0;
}
