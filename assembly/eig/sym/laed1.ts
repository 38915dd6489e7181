/**
 * laed1 — merge two solved halves of a torn tridiagonal (one step of Cuppen's divide and conquer)
 *         (O(n·k²) flops in two GEMMs, k = the non-deflated count; O(n²) besides)
 *
 * Tearing T (order n = n₁ + n₂) at the off-diagonal β = e_{n₁−1} (laed0.ts subtracted |β| from the two
 * diagonal entries beside it) leaves
 *
 *   T = diag(T₁, T₂) + |β|·v·vᵀ,   v = (e_{n₁−1}; sign(β)·e₀)
 *     = Q·(D + ρ·z·zᵀ)·Qᵀ,   Q = diag(Q₁, Q₂),  T_h = Q_h·D_h·Q_hᵀ,
 *       z = (last row of Q₁, sign(β)·first row of Q₂)ᵀ/√2  (‖z‖ = 1),  ρ = 2|β|.
 *
 * Then: laed2 deflates and groups Q's columns by type; laed3 solves D + ρ·z·zᵀ = U·Λ·Uᵀ on the k
 * remaining poles; the new eigenvectors are Q·U, formed by two GEMMs on the compact copies
 *
 *   rows 0…n₁−1:   Q₁[:, types 1, 2] · U[types 1, 2 rows, :]      (n₁ × k, inner c₁ + c₂)
 *   rows n₁…n−1:   Q₂[:, types 2, 3] · U[types 2, 3 rows, :]      (n₂ × k, inner c₂ + c₃)
 *
 * written over the block's first k columns, the deflated columns after them. The eigenvalues are left
 * in that order (λ ascending, then the deflated ones ascending) and perm is set to the permutation
 * that merges them: the block's ascending order is d[perm[0]] ≤ d[perm[1]] ≤ … (the columns are moved
 * only once, at the end of laed0, as in LAPACK dlaed0/dlaed1).
 *
 * Storage: d (n at pD, in: the halves' eigenvalues; out: the merged ones, unordered), Q (n×n block at
 * pQ, ldq; in diag(Q₁, Q₂), the entries off the diagonal blocks zero; out the eigenvectors), perm (n
 * doubles holding integers at pPerm, in: each half's ascending order, out: the block's), β = e_{n₁−1}.
 * Workspace: `laed1Scratch(n)` doubles at pw (16-byte aligned) + gemmScratch(n, n, n) after it.
 * Returns 0, or 1 when the secular equation did not converge.
 *
 * References: Cuppen, Numer. Math. 36 (1981); Dongarra & Sorensen, SIAM J. Sci. Stat. Comput. 8
 * (1987); Gu & Eisenstat, SIAM J. Matrix Anal. Appl. 16(1) (1995); Rutter, LAWN 69 (1994); Demmel,
 * Applied Numerical Linear Algebra, §5.3.3; LAPACK dlaed1.
 */
import { laed2 } from './laed2';
import { laed3 } from './laed3';
import { lamrg } from './lamrg';
import { gemm } from '../../gemm/gemm';
import { even, ld, st } from '../../util';

/** 1/√2, rounded. */
// @ts-ignore: decorator
@inline const SQRT_HALF: f64 = 0.7071067811865476;

/** Doubles of workspace laed1 needs before the GEMM's (vectors and the two n×n buffers). */
export function laed1Scratch(n: i32): i32 {
  return 10 * even(n) + 4 + 2 * even(n * n);
}

export function laed1(n: i32, n1: i32, pD: usize, pQ: usize, ldq: i32, pPerm: usize, beta: f64, pw: usize): i32 {
  const n2 = n - n1;
  const ldQ = <usize>ldq << 3;
  const v = <usize>even(n) << 3;
  const pZ = pw;
  const pDl = pZ + v;
  const pW = pDl + v;
  const pCol = pW + v;
  const pGrp = pCol + v;
  const pIdx = pGrp + v;
  const pTyp = pIdx + v;
  const pLam = pTyp + v;
  const pS = pLam + v;
  const pCt = pS + v + v;
  const pQc = pCt + 32;
  const pU = pQc + (<usize>even(n * n) << 3);
  const pG = pU + (<usize>even(n * n) << 3);

  // z = (last row of Q₁, sign(β)·first row of Q₂)/√2, ρ = 2|β|
  const sg: f64 = beta < 0 ? -SQRT_HALF : SQRT_HALF;
  for (let j = 0; j < n1; j++) st(pZ, j, ld(pQ + <usize>j * ldQ, n1 - 1) * SQRT_HALF);
  for (let j = n1; j < n; j++) st(pZ, j, ld(pQ + <usize>j * ldQ, n1) * sg);
  const rho = Math.abs(2.0 * beta);

  const k = laed2(n, n1, pD, pQ, ldq, pPerm, pZ, rho, pDl, pW, pCol, pGrp, pCt, pQc, pIdx, pTyp);
  if (laed3(k, pDl, pW, rho, pGrp, pLam, pU, pS) != 0) return 1;
  const c1 = <i32>ld(pCt, 0);
  const c2 = <i32>ld(pCt, 1);
  const c3 = <i32>ld(pCt, 2);
  const pTop = pQc;
  const pBot = pTop + ((<usize>n1 * <usize>(c1 + c2)) << 3);
  const pDef = pBot + ((<usize>n2 * <usize>(c2 + c3)) << 3);
  if (k > 0) {
    gemm(0, 0, n1, k, c1 + c2, 1.0, pTop, max(1, n1), pU, k, 0.0, pQ, ldq, pG);
    gemm(0, 0, n2, k, c2 + c3, 1.0, pBot, max(1, n2), pU + (<usize>c1 << 3), k, 0.0, pQ + (<usize>n1 << 3), ldq, pG);
  }
  for (let t = k; t < n; t++) memory.copy(pQ + <usize>t * ldQ, pDef + ((<usize>(t - k) * <usize>n) << 3), <usize>n << 3);
  // eigenvalues: λ ascending, then the deflated ones ascending; perm merges the two runs
  for (let j = 0; j < k; j++) st(pD, j, ld(pLam, j));
  for (let j = k; j < n; j++) st(pD, j, ld(pDl, j));
  for (let j = 0; j < k; j++) st(pPerm, j, j);
  for (let j = k; j < n; j++) st(pPerm, j, j - k);
  lamrg(k, n - k, pD, pPerm, pIdx);
  memory.copy(pPerm, pIdx, <usize>n << 3);
  return 0;
}
