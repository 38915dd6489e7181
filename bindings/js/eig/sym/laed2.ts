/**
 * laed2 — deflation of a rank-one update D + ρ·z·zᵀ before the secular equation, and the compact
 *         copies of Q's columns grouped by type
 *
 * JS mirror of assembly/eig/sym/laed2.ts (read it for the two deflation tests, the tolerance
 * 8·eps·max(max|d|, max|z|), the column types and the storage on exit). d and Q are in their own
 * arrays; every other buffer (perm, z, dl, w, col, grp, ct, Qc, idx, typ) is at an offset in w. Same
 * operations in the same order as the wasm kernel. Returns k, the number of poles left.
 *
 * References: Dongarra & Sorensen (1987); Gu & Eisenstat, SIAM J. Matrix Anal. Appl. 16(1) (1995);
 * Rutter, LAWN 69; LAPACK dlaed2.
 */
import { lapy2 } from '../../qr/larfg.js';
import { UNIT_ROUNDOFF } from '../../../core/machine.js';
import { lamrg } from './lamrg.js';

export function laed2(
  n: number, n1: number, d: Float64Array, offD: number, q: Float64Array, offQ: number, ldq: number,
  w: Float64Array, oPerm: number, oZ: number, rho: number,
  oDl: number, oW: number, oCol: number, oGrp: number, oCt: number, oQc: number, oIdx: number, oTyp: number,
): number {
  const n2 = n - n1;
  lamrg(n1, n2, d, offD, w, oPerm, w, oIdx);
  let dmax = 0;
  let zmax = 0;
  for (let j = 0; j < n; j++) {
    dmax = Math.max(dmax, Math.abs(d[offD + j]!));
    zmax = Math.max(zmax, Math.abs(w[oZ + j]!));
    w[oTyp + j] = j < n1 ? 1 : 3;
  }
  const tol = 8.0 * UNIT_ROUNDOFF * Math.max(dmax, zmax);

  let k = 0;
  let nd = 0;
  let pj = -1;
  for (let s = 0; s < n; s++) {
    const nj = w[oIdx + s]!;
    if (rho * Math.abs(w[oZ + nj]!) <= tol) {
      w[oTyp + nj] = 4;
      w[oGrp + nd++] = nj;
      continue;
    }
    if (pj < 0) {
      pj = nj;
      continue;
    }
    let sn = w[oZ + pj]!;
    let cs = w[oZ + nj]!;
    const tau = lapy2(cs, sn);
    const t = d[offD + nj]! - d[offD + pj]!;
    cs = cs / tau;
    sn = -sn / tau;
    if (Math.abs(t * cs * sn) <= tol) {
      w[oZ + nj] = tau;
      w[oZ + pj] = 0;
      if (w[oTyp + nj] !== w[oTyp + pj]) w[oTyp + nj] = 2;
      w[oTyp + pj] = 4;
      const cp = offQ + pj * ldq;
      const cq = offQ + nj * ldq;
      for (let r = 0; r < n; r++) {
        const x = q[cp + r]!;
        const y = q[cq + r]!;
        q[cp + r] = cs * x + sn * y;
        q[cq + r] = cs * y - sn * x;
      }
      const dp = d[offD + pj]!;
      const dq = d[offD + nj]!;
      d[offD + pj] = dp * cs * cs + dq * sn * sn;
      d[offD + nj] = dp * sn * sn + dq * cs * cs;
      w[oGrp + nd++] = pj;
    } else {
      w[oDl + k] = d[offD + pj]!;
      w[oW + k] = w[oZ + pj]!;
      w[oCol + k] = pj;
      k++;
    }
    pj = nj;
  }
  if (pj >= 0) {
    w[oDl + k] = d[offD + pj]!;
    w[oW + k] = w[oZ + pj]!;
    w[oCol + k] = pj;
    k++;
  }
  for (let t = 0; t < nd; t++) {
    const c = w[oGrp + t]!;
    const v = d[offD + c]!;
    let u = k + t;
    while (u > k && w[oDl + u - 1]! > v) {
      w[oDl + u] = w[oDl + u - 1]!;
      w[oCol + u] = w[oCol + u - 1]!;
      u--;
    }
    w[oDl + u] = v;
    w[oCol + u] = c;
  }
  let g = 0;
  let c1 = 0;
  let c2 = 0;
  for (let ty = 1; ty <= 3; ty++) {
    for (let s = 0; s < k; s++) {
      if (w[oTyp + w[oCol + s]!] === ty) {
        w[oGrp + g++] = s;
        if (ty === 1) c1++;
        else if (ty === 2) c2++;
      }
    }
  }
  const c3 = k - c1 - c2;
  w[oCt] = c1;
  w[oCt + 1] = c2;
  w[oCt + 2] = c3;
  const oTop = oQc;
  const oBot = oTop + n1 * (c1 + c2);
  const oDef = oBot + n2 * (c2 + c3);
  for (let r = 0; r < k; r++) {
    const src = offQ + w[oCol + w[oGrp + r]!]! * ldq;
    if (r < c1 + c2) w.set(q.subarray(src, src + n1), oTop + r * n1);
    if (r >= c1) w.set(q.subarray(src + n1, src + n), oBot + (r - c1) * n2);
  }
  for (let t = k; t < n; t++) {
    const src = offQ + w[oCol + t]! * ldq;
    w.set(q.subarray(src, src + n), oDef + (t - k) * n);
  }
  return k;
}
