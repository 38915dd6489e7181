/**
 * gesvd2 — the SVD of a 2×2 matrix with vectors: gesvd's steps between the scaling and the sign
 * convention (gebrd, orgbr for Q and P, bdsqr), written out with the same operations
 *
 * JS mirror of assembly/svd/gesvd2.ts (read it for why this is bit for bit what the general steps give).
 * A (2×2, lda) is destroyed; σ to s[offS…] (2, decreasing, ≥ 0), U to u (2×2, ldu), V to v (2×2, ldv).
 * Workspace: w[offW] (one double, larf's). Returns bdsqr's status (0).
 *
 * References: LAPACK dgebd2, dorgbr, dbdsqr, dlasv2.
 */
import { larfg } from '../qr/larfg.js';
import { larf } from '../qr/larf.js';
import { scal } from '../blas/scal.js';
import { lasv2, lasv2Max, lasv2Cr, lasv2Sr, lasv2Cl, lasv2Sl } from './lasv2.js';
import { UNIT_ROUNDOFF, SAFMIN } from '../../core/machine.js';
import { BDSQR_TOLMUL, BDSQR_MAXITR } from './bdsqr.js';

export function gesvd2(
  a: Float64Array, offA: number, lda: number, s: Float64Array, offS: number,
  u: Float64Array, offU: number, ldu: number, v: Float64Array, offV: number, ldv: number,
  w: Float64Array, offW: number,
): number {
  // gebd2: H₀ = I − τ·[1; v₁]·[1; v₁]ᵀ on column 0, applied to column 1 (the other reflectors have length 1: τ = 0)
  const tq = larfg(2, a, offA, a, offA + 1, 1);
  larf(2, 1, a, offA, 1, tq, a, offA + lda, lda, w, offW);
  let d0 = a[offA]!;
  let e0 = a[offA + lda]!;
  let d1 = a[offA + lda + 1]!;
  // orgbr: Q = H₀ (org2r: column 1 = e₁, then H₀ on it, then column 0), P = I
  const u1 = offU + ldu;
  u[offU + 1] = a[offA + 1]!;
  u[u1 + 1] = 1.0 - 0;
  u[u1] = 0;
  larf(2, 1, u, offU, 1, tq, u, u1, ldu, w, offW);
  scal(1, -tq, u, offU + 1, 1);
  u[offU] = 1.0 - tq;
  const v1 = offV + ldv;
  v[offV] = 1;
  v[offV + 1] = 0;
  v[v1] = 0;
  v[v1 + 1] = 1.0 - 0;
  // bdsqr: the threshold, then e negligible or the 2×2 solved by lasv2 (rotations applied as lasr does)
  const tol = BDSQR_TOLMUL * UNIT_ROUNDOFF;
  let sminoa = Math.abs(d0);
  if (sminoa !== 0) {
    const mu = Math.abs(d1) * (sminoa / (sminoa + Math.abs(e0)));
    if (mu < sminoa) sminoa = mu;
  }
  sminoa = sminoa / Math.sqrt(2);
  const thresh = Math.max(tol * sminoa, BDSQR_MAXITR * (2 * (2 * SAFMIN)));
  if (Math.abs(e0) <= thresh) {
    e0 = 0;
  } else {
    const smin = lasv2(d0, e0, d1);
    d0 = lasv2Max;
    e0 = 0;
    d1 = smin;
    rotate(u, offU, ldu, lasv2Cl, lasv2Sl);
    rotate(v, offV, ldv, lasv2Cr, lasv2Sr);
  }
  // σᵢ = |dᵢ| (V's column negated where dᵢ < 0), decreasing
  if (d0 < 0) negate(v, offV);
  if (d1 < 0) negate(v, v1);
  d0 = Math.abs(d0);
  d1 = Math.abs(d1);
  if (d1 > d0) {
    s[offS] = d1;
    s[offS + 1] = d0;
    swap(v, offV, v1);
    swap(u, offU, u1);
  } else {
    s[offS] = d0;
    s[offS + 1] = d1;
  }
  return e0 !== 0 ? 1 : 0;
}

/** Columns 0, 1 of X (2 rows) ← X·[c −s; s c] (lasr's rotation). */
function rotate(x: Float64Array, off: number, ld: number, c: number, s: number): void {
  for (let i = 0; i < 2; i++) {
    const p = x[off + i]!;
    const q = x[off + ld + i]!;
    x[off + i] = c * p + s * q;
    x[off + ld + i] = c * q - s * p;
  }
}

function negate(x: Float64Array, off: number): void {
  x[off] = -x[off]!;
  x[off + 1] = -x[off + 1]!;
}

function swap(x: Float64Array, o0: number, o1: number): void {
  for (let i = 0; i < 2; i++) {
    const t = x[o0 + i]!;
    x[o0 + i] = x[o1 + i]!;
    x[o1 + i] = t;
  }
}
