/**
 * laed1 — merge two solved halves of a torn tridiagonal (one step of Cuppen's divide and conquer)
 *
 * JS mirror of assembly/eig/sym/laed1.ts (read it for the rank-one form T = Q·(D + ρ·z·zᵀ)·Qᵀ,
 * z = (last row of Q₁, sign(β)·first row of Q₂)/√2, ρ = 2|β|, the two GEMMs on laed2's compact copies
 * and the permutation left in perm). d and Q are in their own arrays; perm (at oPerm) and the workspace
 * (`laed1Scratch(n)` doubles + the GEMM's, at oW) in w. Same operations in the same order.
 * Returns 0, or 1 when a secular root did not converge.
 *
 * References: Cuppen, Numer. Math. 36 (1981); Gu & Eisenstat (1995); Rutter, LAWN 69; LAPACK dlaed1.
 */
import { laed2 } from './laed2.js';
import { laed3 } from './laed3.js';
import { lamrg } from './lamrg.js';
import { gemm } from '../../gemm/gemm.js';
import { even } from '../../util.js';

const SQRT_HALF = 0.7071067811865476;

/** Doubles of workspace laed1 needs before the GEMM's. */
export function laed1Scratch(n: number): number {
  return 10 * even(n) + 4 + 2 * even(n * n);
}

export function laed1(
  n: number, n1: number, d: Float64Array, offD: number, q: Float64Array, offQ: number, ldq: number,
  w: Float64Array, oPerm: number, beta: number, oWk: number,
): number {
  const n2 = n - n1;
  const v = even(n);
  const oZ = oWk;
  const oDl = oZ + v;
  const oW = oDl + v;
  const oCol = oW + v;
  const oGrp = oCol + v;
  const oIdx = oGrp + v;
  const oTyp = oIdx + v;
  const oLam = oTyp + v;
  const oS = oLam + v;
  const oCt = oS + v + v;
  const oQc = oCt + 4;
  const oU = oQc + even(n * n);
  const oG = oU + even(n * n);

  const sg = beta < 0 ? -SQRT_HALF : SQRT_HALF;
  for (let j = 0; j < n1; j++) w[oZ + j] = q[offQ + j * ldq + n1 - 1]! * SQRT_HALF;
  for (let j = n1; j < n; j++) w[oZ + j] = q[offQ + j * ldq + n1]! * sg;
  const rho = Math.abs(2.0 * beta);

  const k = laed2(n, n1, d, offD, q, offQ, ldq, w, oPerm, oZ, rho, oDl, oW, oCol, oGrp, oCt, oQc, oIdx, oTyp);
  if (laed3(k, w, oDl, oW, rho, oGrp, oLam, oU, oS) !== 0) return 1;
  const c1 = w[oCt]!;
  const c2 = w[oCt + 1]!;
  const c3 = w[oCt + 2]!;
  const oTop = oQc;
  const oBot = oTop + n1 * (c1 + c2);
  const oDef = oBot + n2 * (c2 + c3);
  if (k > 0) {
    gemm(0, 0, n1, k, c1 + c2, 1.0, w, oTop, Math.max(1, n1), w, oU, k, 0.0, q, offQ, ldq, w, oG);
    gemm(0, 0, n2, k, c2 + c3, 1.0, w, oBot, Math.max(1, n2), w, oU + c1, k, 0.0, q, offQ + n1, ldq, w, oG);
  }
  for (let t = k; t < n; t++) q.set(w.subarray(oDef + (t - k) * n, oDef + (t - k + 1) * n), offQ + t * ldq);
  for (let j = 0; j < k; j++) d[offD + j] = w[oLam + j]!;
  for (let j = k; j < n; j++) d[offD + j] = w[oDl + j]!;
  for (let j = 0; j < k; j++) w[oPerm + j] = j;
  for (let j = k; j < n; j++) w[oPerm + j] = j - k;
  lamrg(k, n - k, d, offD, w, oPerm, w, oIdx);
  w.copyWithin(oPerm, oIdx, oIdx + n);
  return 0;
}
