/**
 * laed0 — all eigenpairs of an unreduced symmetric tridiagonal matrix by Cuppen's divide and conquer
 *         (≈ (4/3)·n³ flops in the merges' GEMMs when little deflates, much less when much does)
 *
 *   T = tridiag(e, d, e) = Z·Λ·Zᵀ,   Z ← eigenvectors (n×n), d ← eigenvalues (ascending)
 *
 * The tearing (Cuppen 1981). T is cut into 2^L pieces by halving (sizes ⌊m/2⌋, ⌈m/2⌉, level by level)
 * until every piece has at most SMLSIZ rows (the tuning key T_STEDC_SMLSIZ, at least 2). At each cut
 * between rows c−1 and c, |e_{c−1}| is taken off d_{c−1} and d_c, so that T = diag(T₁, …) plus one
 * rank-one term per cut (laed1.ts). The pieces are solved by steqr (implicit QL/QR) into the diagonal
 * blocks of Z, and the pieces are then merged pairwise, bottom-up, level by level, by laed1 (each merge
 * an O(n·k²) GEMM): the iterative form of LAPACK dlaed0 — no recursion, the same work.
 *
 *   level 0:  [T₀][T₁][T₂][T₃]   steqr each
 *   level 1:  [T₀₁  ][T₂₃  ]     laed1(T₀ | T₁), laed1(T₂ | T₃)
 *   level 2:  [T₀₁₂₃       ]     laed1(T₀₁ | T₂₃)
 *
 * Between merges the eigenvalues of a block stay where laed1 left them and a permutation (perm) gives
 * their ascending order; at the end the columns of Z and d are put in ascending order once.
 *
 * The caller (stedc.ts) scales T so that max|tᵢⱼ| lies in [1, 2) and splits it at negligible eᵢ first.
 *
 * Storage: d (n at pD) in: the diagonal, out: the eigenvalues ascending; e (n−1 at pE) in: the
 * off-diagonal, destroyed (the pieces' parts); Z (n×n at pZ, ldz ≥ n): out the eigenvectors.
 * Workspace: `laed0Scratch(n)` doubles at pw, 16-byte aligned. Returns 0, or a positive status when a
 * piece's QL/QR or a secular equation did not converge.
 *
 * References: Cuppen, "A divide and conquer method for the symmetric tridiagonal eigenproblem", Numer.
 * Math. 36 (1981); Gu & Eisenstat, SIAM J. Matrix Anal. Appl. 16(1) (1995); Rutter, LAWN 69 (1994);
 * Demmel, Applied Numerical Linear Algebra, §5.3.3; LAPACK dlaed0.
 */
import { laed1, laed1Scratch } from './laed1';
import { steqr, steqrScratch } from './steqr';
import { gemmScratch } from '../../gemm/gemm';
import { even, ld, st } from '../../util';
import { tuneI, T_STEDC_SMLSIZ } from '../../tuning';

/** The largest piece solved by steqr (tuning key T_STEDC_SMLSIZ, at least 2: pieces never empty). */
export function smlsiz(): i32 {
  return max(2, tuneI(T_STEDC_SMLSIZ));
}

/** Doubles of workspace `laed0` needs for order n. */
export function laed0Scratch(n: i32): i32 {
  return 2 * even(n) + max(laed1Scratch(n) + gemmScratch(n, n, n), steqrScratch(min(n, smlsiz()), 2));
}

export function laed0(n: i32, pD: usize, pE: usize, pZ: usize, ldz: i32, pw: usize): i32 {
  const ldZ = <usize>ldz << 3;
  const pSize = pw; // piece sizes (n at most), integers as doubles
  const pPerm = pSize + (<usize>even(n) << 3);
  const pWk = pPerm + (<usize>even(n) << 3);
  const sml = smlsiz();
  // the pieces: halve all until the largest (the last) has at most sml rows
  let np = 1;
  st(pSize, 0, n);
  while (ld(pSize, np - 1) > <f64>sml) {
    for (let j = np - 1; j >= 0; j--) {
      const m = <i32>ld(pSize, j);
      st(pSize, 2 * j + 1, (m + 1) >> 1);
      st(pSize, 2 * j, m >> 1);
    }
    np *= 2;
  }
  // tear at every cut, then solve the pieces
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) st(pZ + <usize>j * ldZ, i, 0);
  }
  let lo = 0;
  for (let j = 0; j < np; j++) {
    const m = <i32>ld(pSize, j);
    if (j > 0) {
      const a = Math.abs(ld(pE, lo - 1));
      st(pD, lo - 1, ld(pD, lo - 1) - a);
      st(pD, lo, ld(pD, lo) - a);
    }
    lo += m;
  }
  lo = 0;
  for (let j = 0; j < np; j++) {
    const m = <i32>ld(pSize, j);
    const info = steqr(2, m, pD + (<usize>lo << 3), pE + (<usize>lo << 3), pZ + <usize>lo * ldZ + (<usize>lo << 3), ldz, pWk);
    if (info != 0) return lo + info;
    for (let i = 0; i < m; i++) st(pPerm, lo + i, i);
    lo += m;
  }
  // merge pairs, level by level
  while (np > 1) {
    lo = 0;
    for (let j = 0; j < np; j += 2) {
      const n1 = <i32>ld(pSize, j);
      const n2 = <i32>ld(pSize, j + 1);
      const o = <usize>lo << 3;
      if (laed1(n1 + n2, n1, pD + o, pZ + <usize>lo * ldZ + o, ldz, pPerm + o, ld(pE, lo + n1 - 1), pWk) != 0) return n;
      st(pSize, j >> 1, n1 + n2);
      lo += n1 + n2;
    }
    np >>= 1;
  }
  // ascending order: columns of Z and d moved once (through laed0's workspace)
  const pBuf = pWk;
  const pDb = pBuf + (<usize>n * <usize>n << 3);
  for (let j = 0; j < n; j++) {
    const s = <i32>ld(pPerm, j);
    memory.copy(pBuf + ((<usize>j * <usize>n) << 3), pZ + <usize>s * ldZ, <usize>n << 3);
    st(pDb, j, ld(pD, s));
  }
  for (let j = 0; j < n; j++) {
    memory.copy(pZ + <usize>j * ldZ, pBuf + ((<usize>j * <usize>n) << 3), <usize>n << 3);
    st(pD, j, ld(pDb, j));
  }
  return 0;
}
