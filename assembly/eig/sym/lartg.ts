/**
 * lartg — a plane (Givens) rotation that zeroes the second entry of a 2-vector      (≈ 6 flops + 1 sqrt)
 *
 *   [  c  s ] [ f ]   [ r ]
 *   [ −s  c ] [ g ] = [ 0 ],     c² + s² = 1,   r = sign(f)·√(f² + g²),   c ≥ 0
 *
 * Conventions (those of LAPACK ≥ 3.10): g = 0 gives c = 1, s = 0, r = f; f = 0 (g ≠ 0) gives c = 0,
 * s = sign(g), r = |g|. Otherwise c = |f|/√(f²+g²), r carries the sign of f, s = g/r — so r and c are
 * continuous in (f, g) away from f = 0, which keeps the QL/QR sweeps (steqr) free of sign flips.
 *
 * Range: when |f| and |g| both lie in (√safmin, √(safmax/2)) the squares can neither overflow nor
 * underflow harmfully and the plain formula is used; otherwise f and g are first divided by
 * u = min(safmax, max(safmin, |f|, |g|)) and r is multiplied back. NaN in f or g gives NaN in c, s, r.
 *
 * Results: r is returned; c and s are left in the module globals lartgC, lartgS (read them right after
 * the call). The interface and every operation are the same as assembly/svd/lartg.ts (written in
 * parallel for the SVD): one of the two should become the shared copy (e.g. assembly/blas/lartg.ts).
 *
 * References: Golub & Van Loan, 4th ed., §5.1.8 (Algorithm 5.1.3, givens); E. Anderson, "Algorithm 978:
 * Safe scaling in the Level 1 BLAS", ACM TOMS 44(1), 2017; LAPACK dlartg (3.10 and later).
 */

// @ts-ignore: decorator
@inline const SAFMIN: f64 = 2.2250738585072014e-308; // 2^-1022
// @ts-ignore: decorator
@inline const SAFMAX: f64 = 4.49423283715579e307; // 2^1022
// @ts-ignore: decorator
@inline const RTMIN: f64 = 1.4916681462400413e-154; // √safmin = 2^-511
// @ts-ignore: decorator
@inline const RTMAX: f64 = 4.740375954054589e153; // √(safmax/2)

export let lartgC: f64 = 1;
export let lartgS: f64 = 0;

export function lartg(f: f64, g: f64): f64 {
  if (g == 0) {
    lartgC = 1;
    lartgS = 0;
    return f;
  }
  if (f == 0) {
    lartgC = 0;
    lartgS = g > 0 ? 1 : -1;
    return Math.abs(g);
  }
  const f1 = Math.abs(f);
  const g1 = Math.abs(g);
  if (f1 > RTMIN && f1 < RTMAX && g1 > RTMIN && g1 < RTMAX) {
    const d = Math.sqrt(f * f + g * g);
    lartgC = f1 / d;
    const r = f > 0 ? d : -d;
    lartgS = g / r;
    return r;
  }
  const u = min(SAFMAX, max(SAFMIN, max(f1, g1)));
  const fs = f / u;
  const gs = g / u;
  const d = Math.sqrt(fs * fs + gs * gs);
  lartgC = Math.abs(fs) / d;
  const r = f > 0 ? d : -d;
  lartgS = gs / r;
  return r * u;
}
