/**
 * laed3 — eigenvalues and eigenvectors of D + ρ·z·zᵀ after deflation, with Gu & Eisenstat's
 *         recomputation of z (orthogonal vectors however close the eigenvalues)
 *
 * JS mirror of assembly/eig/sym/laed3.ts (read it for the formulas). dl, w, grp, lam, U and s are at
 * offsets in the one array a. Same operations in the same order. Returns 0, or 1 when a secular root
 * did not converge.
 *
 * References: Gu & Eisenstat, SIAM J. Matrix Anal. Appl. 16(1), 1995; Demmel, Applied Numerical Linear
 * Algebra, §5.3.3; LAPACK dlaed3.
 */
import { laed4 } from './laed4.js';

export function laed3(
  k: number, a: Float64Array, oDl: number, oW: number, rho: number, oGrp: number, oLam: number, oU: number, oS: number,
): number {
  if (k === 0) return 0;
  if (k === 1) {
    a[oLam] = a[oDl]! + rho * a[oW]! * a[oW]!;
    a[oU] = 1;
    return 0;
  }
  for (let j = 0; j < k; j++) {
    if (laed4(k, j, a, oDl, a, oW, a, oU + j * k, rho, a, oLam + j) !== 0) return 1;
  }
  for (let i = 0; i < k; i++) a[oS + i] = a[oU + i * k + i]!;
  for (let j = 0; j < k; j++) {
    const c = oU + j * k;
    const dj = a[oDl + j]!;
    for (let i = 0; i < j; i++) a[oS + i] = a[oS + i]! * (a[c + i]! / (a[oDl + i]! - dj));
    for (let i = j + 1; i < k; i++) a[oS + i] = a[oS + i]! * (a[c + i]! / (a[oDl + i]! - dj));
  }
  for (let i = 0; i < k; i++) {
    const r = Math.sqrt(-a[oS + i]!);
    a[oS + i] = a[oW + i]! >= 0 ? r : -r;
  }
  for (let i = 0; i < k; i++) a[oW + i] = a[oS + i]!;
  for (let j = 0; j < k; j++) {
    const c = oU + j * k;
    let smax = 0;
    for (let i = 0; i < k; i++) {
      const v = a[oW + i]! / a[c + i]!;
      a[oS + i] = v;
      smax = Math.max(smax, Math.abs(v));
    }
    const inv = 1.0 / smax;
    let ss = 0;
    for (let i = 0; i < k; i++) {
      const v = a[oS + i]! * inv;
      ss += v * v;
    }
    const rn = 1.0 / (smax * Math.sqrt(ss));
    for (let r = 0; r < k; r++) a[c + r] = a[oS + a[oGrp + r]!]! * rn;
  }
  return 0;
}
