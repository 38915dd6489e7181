/**
 * laed2 — deflation of a rank-one update before the secular equation   (O(n²): the rotations and copies)
 *
 * The merge (laed1.ts) has  T = Q·(D + ρ·z·zᵀ)·Qᵀ  with Q = diag(Q₁, Q₂) orthogonal, D diagonal (the two
 * halves' eigenvalues, each half ascending through its permutation), ρ > 0 and ‖z‖ = 1. Before the
 * secular equation is solved, the problem is made smaller and its poles well separated (Dongarra &
 * Sorensen 1987; Gu & Eisenstat 1995 §2), with tol = 8·eps·max(maxⱼ|dⱼ|, maxⱼ|zⱼ|):
 *
 *   - ρ·|zⱼ| ≤ tol: dⱼ is an eigenvalue of D + ρ·z·zᵀ to working accuracy, Q's column j its vector;
 *   - two poles close: for consecutive poles p < q (in ascending order, among those not deflated) the
 *     rotation G in the plane (p, q) with (G·z)_p = 0 changes D by an off-diagonal t·c·s,
 *     t = d_q − d_p; when |t·c·s| ≤ tol it is dropped: z_q ← √(z_p² + z_q²), z_p ← 0, the columns p and
 *     q of Q are rotated alike (Q ← Q·Gᵀ) and d_p ← c²·d_p + s²·d_q (deflated), d_q ← s²·d_p + c²·d_q.
 *
 * What is left are k poles λ̃ ascending, strictly separated, with all |zⱼ| > tol/ρ (so the secular
 * roots are well inside their intervals and the δ's of laed4 never vanish).
 *
 * The columns of Q are of four types: 1 = nonzero only in the top n₁ rows (from Q₁), 3 = only in the
 * bottom n₂ rows (from Q₂), 2 = both (a rotation mixed a Q₁ and a Q₂ column), 4 = deflated. The
 * product Q·U of laed1 then needs only Q₁'s rows against types 1 and 2 and Q₂'s rows against types 2
 * and 3 (Rutter, LAWN 69; LAPACK dlaed2/dlaed3): the non-deflated columns are copied, grouped by type,
 * into two compact matrices, which halves the GEMM work when nothing mixes.
 *
 * Storage (all indices local to the merged block of order n = n₁ + n₂):
 *   in:   d (n at pD), Q (n×n at pQ, ldq), perm (n at pPerm, doubles holding integers: perm[0:n₁] sorts
 *         d[0:n₁] ascending (values 0…n₁−1), perm[n₁:n] sorts d[n₁:n] (values 0…n₂−1)), z (n at pZ),
 *         ρ > 0;
 *   out:  returns k; dl[0:k] the poles ascending and w[0:k] their z's, dl[k:n] the deflated eigenvalues
 *         ascending; col[0:n] the column of Q of each (doubles holding integers); grp[0:k] the
 *         positions 0…k−1 grouped by type (types 1, 2, 3; ascending within a type); ct[0:3] = counts
 *         of types 1, 2, 3; Qc: Q₁'s rows of the type 1, 2 columns (n₁ × (c₁+c₂), ld n₁), then Q₂'s
 *         rows of the type 2, 3 columns (n₂ × (c₂+c₃), ld n₂), then the deflated columns (n × (n−k),
 *         ld n). d, z and the columns of Q are changed by the rotations.
 *   work: idx, typ (n doubles each).
 *
 * References: Dongarra & Sorensen, SIAM J. Sci. Stat. Comput. 8 (1987); Gu & Eisenstat, SIAM J. Matrix
 * Anal. Appl. 16(1) (1995) §2; Rutter, LAWN 69 (1994); LAPACK dlaed2.
 */
import { lapy2 } from '../../qr/larfg';
import { UNIT_ROUNDOFF } from '../../machine';
import { ld, st } from '../../util';
import { lamrg } from './lamrg';

export function laed2(
  n: i32, n1: i32, pD: usize, pQ: usize, ldq: i32, pPerm: usize, pZ: usize, rho: f64,
  pDl: usize, pW: usize, pCol: usize, pGrp: usize, pCt: usize, pQc: usize, pIdx: usize, pTyp: usize,
): i32 {
  const n2 = n - n1;
  const ldQ = <usize>ldq << 3;
  // the merged ascending order of both halves
  lamrg(n1, n2, pD, pPerm, pIdx);
  let dmax: f64 = 0;
  let zmax: f64 = 0;
  for (let j = 0; j < n; j++) {
    dmax = max(dmax, Math.abs(ld(pD, j)));
    zmax = max(zmax, Math.abs(ld(pZ, j)));
    st(pTyp, j, j < n1 ? 1 : 3);
  }
  const tol = 8.0 * UNIT_ROUNDOFF * max(dmax, zmax);

  // the walk in ascending order; deflated columns are collected in grp (then sorted into col[k:n])
  let k = 0;
  let nd = 0;
  let pj = -1;
  for (let s = 0; s < n; s++) {
    const nj = <i32>ld(pIdx, s);
    if (rho * Math.abs(ld(pZ, nj)) <= tol) {
      st(pTyp, nj, 4);
      st(pGrp, nd++, nj);
      continue;
    }
    if (pj < 0) {
      pj = nj;
      continue;
    }
    let sn = ld(pZ, pj);
    let cs = ld(pZ, nj);
    const tau = lapy2(cs, sn);
    const t = ld(pD, nj) - ld(pD, pj);
    cs = cs / tau;
    sn = -sn / tau;
    if (Math.abs(t * cs * sn) <= tol) {
      // rotate p into q: z_q ← τ, z_p ← 0; columns p, q of Q alike
      st(pZ, nj, tau);
      st(pZ, pj, 0);
      if (ld(pTyp, nj) != ld(pTyp, pj)) st(pTyp, nj, 2);
      st(pTyp, pj, 4);
      const cp = pQ + <usize>pj * ldQ;
      const cq = pQ + <usize>nj * ldQ;
      for (let r = 0; r < n; r++) {
        const x = ld(cp, r);
        const y = ld(cq, r);
        st(cp, r, cs * x + sn * y);
        st(cq, r, cs * y - sn * x);
      }
      const dp = ld(pD, pj);
      const dq = ld(pD, nj);
      st(pD, pj, dp * cs * cs + dq * sn * sn);
      st(pD, nj, dp * sn * sn + dq * cs * cs);
      st(pGrp, nd++, pj);
    } else {
      st(pDl, k, ld(pD, pj));
      st(pW, k, ld(pZ, pj));
      st(pCol, k, pj);
      k++;
    }
    pj = nj;
  }
  if (pj >= 0) {
    st(pDl, k, ld(pD, pj));
    st(pW, k, ld(pZ, pj));
    st(pCol, k, pj);
    k++;
  }
  // deflated: insertion sort by value (stable; nearly sorted already), into col[k:n], dl[k:n]
  for (let t = 0; t < nd; t++) {
    const c = ld(pGrp, t);
    const v = ld(pD, <i32>c);
    let u = k + t;
    while (u > k && ld(pDl, u - 1) > v) {
      st(pDl, u, ld(pDl, u - 1));
      st(pCol, u, ld(pCol, u - 1));
      u--;
    }
    st(pDl, u, v);
    st(pCol, u, c);
  }
  // group the k poles by column type
  let g = 0;
  let c1 = 0;
  let c2 = 0;
  for (let ty = 1; ty <= 3; ty++) {
    for (let s = 0; s < k; s++) {
      if (ld(pTyp, <i32>ld(pCol, s)) == <f64>ty) {
        st(pGrp, g++, s);
        if (ty == 1) c1++;
        else if (ty == 2) c2++;
      }
    }
  }
  const c3 = k - c1 - c2;
  st(pCt, 0, c1);
  st(pCt, 1, c2);
  st(pCt, 2, c3);
  // the compact copies
  const pTop = pQc;
  const pBot = pTop + ((<usize>n1 * <usize>(c1 + c2)) << 3);
  const pDef = pBot + ((<usize>n2 * <usize>(c2 + c3)) << 3);
  for (let r = 0; r < k; r++) {
    const src = pQ + <usize>(<i32>ld(pCol, <i32>ld(pGrp, r))) * ldQ;
    if (r < c1 + c2) memory.copy(pTop + ((<usize>r * <usize>n1) << 3), src, <usize>n1 << 3);
    if (r >= c1) memory.copy(pBot + ((<usize>(r - c1) * <usize>n2) << 3), src + (<usize>n1 << 3), <usize>n2 << 3);
  }
  for (let t = k; t < n; t++) {
    const src = pQ + <usize>(<i32>ld(pCol, t)) * ldQ;
    memory.copy(pDef + ((<usize>(t - k) * <usize>n) << 3), src, <usize>n << 3);
  }
  return k;
}
