/**
 * lartg — a plane (Givens) rotation that zeroes the second entry of a 2-vector      (≈ 6 flops + 1 sqrt)
 *
 *   [  c  s ] [ f ]   [ r ]
 *   [ −s  c ] [ g ] = [ 0 ],     c ≥ 0,  r = sign(f)·√(f² + g²)
 *
 * JS mirror of assembly/eig/sym/lartg.ts (read it for the conventions and the scaling). Returns r; c
 * and s in the module's live bindings lartgC, lartgS. Same operations as the wasm kernel (and as
 * bindings/js/svd/lartg.ts).
 *
 * References: Golub & Van Loan, 4th ed., §5.1.8; Anderson, ACM TOMS 44(1), 2017; LAPACK dlartg (≥ 3.10).
 */
const SAFMIN = 2.2250738585072014e-308; // 2^-1022
const SAFMAX = 4.49423283715579e307; // 2^1022
const RTMIN = 1.4916681462400413e-154; // √safmin
const RTMAX = 4.740375954054589e153; // √(safmax/2)

export let lartgC = 1;
export let lartgS = 0;

export function lartg(f: number, g: number): number {
  if (g === 0) {
    lartgC = 1;
    lartgS = 0;
    return f;
  }
  if (f === 0) {
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
  const u = Math.min(SAFMAX, Math.max(SAFMIN, Math.max(f1, g1)));
  const fs = f / u;
  const gs = g / u;
  const d = Math.sqrt(fs * fs + gs * gs);
  lartgC = Math.abs(fs) / d;
  const r = f > 0 ? d : -d;
  lartgS = gs / r;
  return r * u;
}
