/**
 * laev2 / lae2 — eigen-decomposition of a real symmetric 2×2 matrix               (≈ 20 flops + 2 sqrt)
 *
 *   [ a  b ]          [ cs  −sn ] [ rt1   0  ] [  cs  sn ]
 *   [ b  c ]    =     [ sn   cs ] [  0   rt2 ] [ −sn  cs ],     |rt1| ≥ |rt2|
 *
 * (cs, sn) is the unit eigenvector of rt1 and (−sn, cs) that of rt2; lae2 returns the values only.
 *
 * Math, with s = a + c (trace), δ = a − c, t = 2b:  the eigenvalues are (s ± √(δ² + t²))/2.
 *   rt = √(δ² + t²) computed as max·√(1 + (min/max)²) (no overflow for entries near the range limit).
 *   rt1 = (s + sign(s)·rt)/2 has no cancellation; rt2 = det/rt1 = (a·c − b²)/rt1, evaluated as
 *   (acmx/rt1)·acmn − (b/rt1)·b with acmx/acmn the entry of larger/smaller modulus among a, c — the
 *   product a·c is never formed, so it neither overflows nor loses the small eigenvalue to cancellation.
 *   s = 0 gives rt1 = rt/2, rt2 = −rt/2.
 *   Eigenvector: with w = δ + sign(δ)·rt (no cancellation), x = (−t, w) solves (A − λI)·x = 0 for
 *   λ = (s − sign(δ)·rt)/2, since a − λ = w/2. x is normalised through the ratio of its smaller to its
 *   larger component (ct = −t/w or tn = −w/t, then 1/√(1 + ratio²)); when that λ is rt2 rather than
 *   rt1 (sign(s) = sign(δ)) the orthogonal vector (−sn, cs) is taken instead.
 * Accuracy (as LAPACK states for dlaev2): rt1 to a few ulps; rt2 to a few ulps of |rt1| (it can lose
 * relative accuracy only when a·c − b² cancels massively, which the QL/QR algorithm does not need);
 * cs, sn to a few ulps — all barring over/underflow.
 *
 * Results in module globals (laev2Rt1, laev2Rt2, laev2Cs, laev2Sn). No memory, no allocation.
 *
 * References: LAPACK dlaev2 / dlae2; Parlett, The Symmetric Eigenvalue Problem (SIAM 1998), §8.8 for the
 * 2×2 case inside the QL algorithm; Golub & Van Loan, 4th ed., §8.5.2 (symmetric Schur decomposition).
 */

export let laev2Rt1: f64 = 0;
export let laev2Rt2: f64 = 0;
export let laev2Cs: f64 = 1;
export let laev2Sn: f64 = 0;

/** Values only: rt1 (larger modulus) and rt2 into laev2Rt1 / laev2Rt2. */
export function lae2(a: f64, b: f64, c: f64): void {
  eigvals2(a, b, c);
}

/** Values and the eigenvector (cs, sn) of rt1. */
export function laev2(a: f64, b: f64, c: f64): void {
  const sgn1 = eigvals2(a, b, c);
  const df = a - c;
  const rt = rtOf(a, b, c);
  const tb = b + b;
  const ab = Math.abs(tb);
  // w = δ ± rt with the sign of δ (no cancellation)
  let cs: f64;
  let sgn2: i32;
  if (df >= 0) {
    cs = df + rt;
    sgn2 = 1;
  } else {
    cs = df - rt;
    sgn2 = -1;
  }
  let cs1: f64;
  let sn1: f64;
  if (Math.abs(cs) > ab) {
    const ct = -tb / cs;
    sn1 = 1.0 / Math.sqrt(1.0 + ct * ct);
    cs1 = ct * sn1;
  } else if (ab == 0) {
    cs1 = 1;
    sn1 = 0;
  } else {
    const tn = -cs / tb;
    cs1 = 1.0 / Math.sqrt(1.0 + tn * tn);
    sn1 = tn * cs1;
  }
  if (sgn1 == sgn2) {
    // the vector found belongs to rt2: rotate by 90°
    const tn = cs1;
    cs1 = -sn1;
    sn1 = tn;
  }
  laev2Cs = cs1;
  laev2Sn = sn1;
}

/** √(δ² + (2b)²) without overflow. */
function rtOf(a: f64, b: f64, c: f64): f64 {
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
  return ab * 1.4142135623730951; // √2 (also covers ab = adf = 0)
}

/** rt1, rt2 into the globals; returns sign(s) (−1 for s < 0, +1 otherwise). */
function eigvals2(a: f64, b: f64, c: f64): i32 {
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
