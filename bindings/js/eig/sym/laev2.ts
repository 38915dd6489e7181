/**
 * laev2 / lae2 — eigen-decomposition of a real symmetric 2×2 matrix               (≈ 20 flops + 2 sqrt)
 *
 *   [ a  b ; b  c ] = [ cs  −sn ; sn  cs ]·diag(rt1, rt2)·[ cs  sn ; −sn  cs ],   |rt1| ≥ |rt2|
 *
 * JS mirror of assembly/eig/sym/laev2.ts (read it for the math). Results in the live bindings
 * laev2Rt1, laev2Rt2, laev2Cs, laev2Sn (lae2 sets the values only). Same operations as the wasm kernel.
 *
 * References: LAPACK dlaev2 / dlae2; Parlett, The Symmetric Eigenvalue Problem, §8.8.
 */
export let laev2Rt1 = 0;
export let laev2Rt2 = 0;
export let laev2Cs = 1;
export let laev2Sn = 0;

/** Values only: rt1 (larger modulus) and rt2. */
export function lae2(a: number, b: number, c: number): void {
  eigvals2(a, b, c);
}

/** Values and the eigenvector (cs, sn) of rt1. */
export function laev2(a: number, b: number, c: number): void {
  const sgn1 = eigvals2(a, b, c);
  const df = a - c;
  const rt = rtOf(a, b, c);
  const tb = b + b;
  const ab = Math.abs(tb);
  let cs: number;
  let sgn2: number;
  if (df >= 0) {
    cs = df + rt;
    sgn2 = 1;
  } else {
    cs = df - rt;
    sgn2 = -1;
  }
  let cs1: number;
  let sn1: number;
  if (Math.abs(cs) > ab) {
    const ct = -tb / cs;
    sn1 = 1.0 / Math.sqrt(1.0 + ct * ct);
    cs1 = ct * sn1;
  } else if (ab === 0) {
    cs1 = 1;
    sn1 = 0;
  } else {
    const tn = -cs / tb;
    cs1 = 1.0 / Math.sqrt(1.0 + tn * tn);
    sn1 = tn * cs1;
  }
  if (sgn1 === sgn2) {
    const tn = cs1;
    cs1 = -sn1;
    sn1 = tn;
  }
  laev2Cs = cs1;
  laev2Sn = sn1;
}

/** √(δ² + (2b)²) without overflow. */
function rtOf(a: number, b: number, c: number): number {
  const adf = Math.abs(a - c);
  const ab = Math.abs(b + b);
  if (adf > ab) {
    const q = ab / adf;
    return adf * Math.sqrt(1.0 + q * q);
  }
  if (adf < ab) {
    const q = adf / ab;
    return ab * Math.sqrt(1.0 + q * q);
  }
  return ab * 1.4142135623730951;
}

/** rt1, rt2 into the bindings; returns sign(a + c) (−1 for < 0, +1 otherwise). */
function eigvals2(a: number, b: number, c: number): number {
  const sm = a + c;
  const acmx = Math.abs(a) > Math.abs(c) ? a : c;
  const acmn = Math.abs(a) > Math.abs(c) ? c : a;
  const rt = rtOf(a, b, c);
  if (sm < 0) {
    const rt1 = 0.5 * (sm - rt);
    laev2Rt1 = rt1;
    laev2Rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
    return -1;
  }
  if (sm > 0) {
    const rt1 = 0.5 * (sm + rt);
    laev2Rt1 = rt1;
    laev2Rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
    return 1;
  }
  laev2Rt1 = 0.5 * rt;
  laev2Rt2 = -0.5 * rt;
  return 1;
}
