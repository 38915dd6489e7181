/**
 * gesvd2 — the SVD of a 2×2 matrix with vectors: gesvd's steps between the scaling and the sign
 * convention (gebrd, orgbr for Q and P, bdsqr), written out with the same operations
 *
 *   A = U·diag(σ₀, σ₁)·Vᵀ,   σ₀ ≥ σ₁ ≥ 0
 *
 * What the general steps do to a 2×2 matrix, and so what this computes, in the same order:
 *
 * - gebd2: the column reflector H₀ = I − τ·[1; v₁][1; v₁]ᵀ (larfg on column 0, larf on column 1); the
 *   row reflector and the last column's act on vectors of length 1, for which larfg returns τ = 0:
 *   B = [d₀ e₀; 0 d₁] is column 0's β, then the new A[0,1] and A[1,1].
 * - orgbr: Q = H₀ as org2r forms it (column 1 = e₁ and H₀ applied to it by larf, then column 0 =
 *   [1 − τ; −τ·v₁] by scal), P = I (1 − τ with τ = 0).
 * - bdsqr: the Demmel–Kahan σmin estimate gives the threshold max(tol·σmin/√2, 6·(2·(2·safmin)));
 *   e₀ at or below it is set to 0, otherwise lasv2 solves the 2×2 and its two rotations are applied
 *   to the columns of U and V as lasr applies them; then σᵢ = |dᵢ| with V's column negated where
 *   dᵢ < 0, and the selection sort orders σ decreasing with the columns of U and V.
 *
 * gesvd keeps the steps before (NaN/Inf check, power-of-two scaling) and after (scaling back, the sign
 * convention), as for every shape. test/kernels/svd/gesvd.test.ts compares this path with the general
 * steps bit for bit. Why: at 2×2 the general kernels' bookkeeping (blocking decisions, workspace
 * offsets, reflectors with τ = 0, the rotation batch) cost several times the arithmetic.
 *
 * A (2×2, lda) is destroyed; σ to pS (2), U to pU (2×2, ldu), V to pV (2×2, ldv). Workspace: pw (one
 * double, larf's). Returns bdsqr's status (0).
 *
 * References: LAPACK dgebd2, dorgbr, dbdsqr, dlasv2; Demmel & Kahan, SIAM J. Sci. Stat. Comput. 11(5), 1990.
 */
import { larfg } from '../qr/larfg';
import { larf } from '../qr/larf';
import { scal } from '../blas/scal';
import { lasv2, lasv2Max, lasv2Cr, lasv2Sr, lasv2Cl, lasv2Sl } from './lasv2';
import { UNIT_ROUNDOFF, SAFMIN } from '../machine';
import { BDSQR_TOLMUL, BDSQR_MAXITR } from './bdsqr';
import { ld, st } from '../util';

export function gesvd2(pA: usize, lda: i32, pS: usize, pU: usize, ldu: i32, pV: usize, ldv: i32, pw: usize): i32 {
  const pA1 = pA + (<usize>lda << 3);
  const pU1 = pU + (<usize>ldu << 3);
  const pV1 = pV + (<usize>ldv << 3);
  // gebd2
  const tq = larfg(2, pA, pA + 8, 1);
  larf(2, 1, pA, 1, tq, pA1, lda, pw);
  let d0 = ld(pA, 0);
  let e0 = ld(pA1, 0);
  let d1 = ld(pA1, 1);
  // orgbr: Q = H₀, P = I
  st(pU, 1, ld(pA, 1));
  st(pU1, 1, 1.0 - 0);
  st(pU1, 0, 0);
  larf(2, 1, pU, 1, tq, pU1, ldu, pw);
  scal(1, -tq, pU + 8, 1);
  st(pU, 0, 1.0 - tq);
  st(pV, 0, 1);
  st(pV, 1, 0);
  st(pV1, 0, 0);
  st(pV1, 1, 1.0 - 0);
  // bdsqr
  const tol = BDSQR_TOLMUL * UNIT_ROUNDOFF;
  let sminoa = Math.abs(d0);
  if (sminoa != 0) {
    const mu = Math.abs(d1) * (sminoa / (sminoa + Math.abs(e0)));
    if (mu < sminoa) sminoa = mu;
  }
  sminoa = sminoa / Math.sqrt(<f64>2);
  const thresh = Math.max(tol * sminoa, BDSQR_MAXITR * (2.0 * (2.0 * SAFMIN)));
  if (Math.abs(e0) <= thresh) {
    e0 = 0;
  } else {
    const smin = lasv2(d0, e0, d1);
    d0 = lasv2Max;
    e0 = 0;
    d1 = smin;
    rotate(pU, pU1, lasv2Cl, lasv2Sl);
    rotate(pV, pV1, lasv2Cr, lasv2Sr);
  }
  if (d0 < 0) negate(pV);
  if (d1 < 0) negate(pV1);
  d0 = Math.abs(d0);
  d1 = Math.abs(d1);
  if (d1 > d0) {
    st(pS, 0, d1);
    st(pS, 1, d0);
    swap(pV, pV1);
    swap(pU, pU1);
  } else {
    st(pS, 0, d0);
    st(pS, 1, d1);
  }
  return e0 != 0 ? 1 : 0;
}

/** Columns x, y (2 rows) ← [x y]·[c −s; s c] (lasr's rotation). */
function rotate(px: usize, py: usize, c: f64, s: f64): void {
  for (let i = 0; i < 2; i++) {
    const p = ld(px, i);
    const q = ld(py, i);
    st(px, i, c * p + s * q);
    st(py, i, c * q - s * p);
  }
}

function negate(p: usize): void {
  st(p, 0, -ld(p, 0));
  st(p, 1, -ld(p, 1));
}

function swap(px: usize, py: usize): void {
  for (let i = 0; i < 2; i++) {
    const t = ld(px, i);
    st(px, i, ld(py, i));
    st(py, i, t);
  }
}
