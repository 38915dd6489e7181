/**
 * Small helpers that several kernels share, each defined once. All are @inline, so each call compiles
 * to the same code as the per-file copies it replaces.
 *
 *   even(x)           x rounded up to an even number: a block of x doubles carved from a workspace keeps
 *                     the next block 16-byte aligned (workspace sizes and offsets, in doubles)
 *   ld(p, i)          the double at element i of the array at byte address p
 *   st(p, i, v)       stores v there
 *   at(p, ld, i, j)   the byte address of entry (i, j) of a column-major matrix at p, ld bytes per column
 *   sign1(x)          Fortran's SIGN(1, x) as LAPACK uses it: +1 for x ≥ 0 (−0 included), −1 for x < 0
 *                     and for NaN
 *
 * The JS mirror bindings/js/util.ts has even and sign1; ld, st and at have no JS counterpart (the
 * mirrors index Float64Arrays directly).
 */

// @ts-ignore: decorator
@inline export function even(x: i32): i32 {
  return (x + 1) & ~1;
}

// @ts-ignore: decorator
@inline export function ld(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}

// @ts-ignore: decorator
@inline export function st(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}

// @ts-ignore: decorator
@inline export function at(p: usize, ld: usize, i: i32, j: i32): usize {
  return p + (<usize>i << 3) + <usize>j * ld;
}

// @ts-ignore: decorator
@inline export function sign1(x: f64): f64 {
  return x >= 0 ? 1.0 : -1.0;
}
