/**
 * trsqrt — the principal square root of an upper quasi-triangular matrix, U² = T     (blocked; ≈ n³/3 flops, in GEMM)
 *
 * T (n×n at pT, leading dimension ldt) is a real Schur form: 1×1 diagonal blocks with real eigenvalues
 * t ≥ 0 and 2×2 blocks with a complex-conjugate pair (a 2×2 block starts at row i exactly when
 * T[i+1, i] ≠ 0; entries below the first subdiagonal are not read). T is overwritten by U, upper
 * quasi-triangular with the same block structure, whose eigenvalues are the principal square roots of
 * T's (real part > 0, or 0 for a zero eigenvalue). A negative real eigenvalue has no real principal
 * square root: the caller checks for it (here it gives NaN).
 *
 * References: N. J. Higham, "Computing real square roots of a real matrix", Linear Algebra Appl.
 * 88/89 (1987) — the real Schur method; E. Deadman, N. J. Higham and R. Ralha, "Blocked Schur
 * algorithms for computing the matrix square root", PARA 2012, LNCS 7782 (2013) — the blocked form;
 * Higham, "Functions of Matrices" (SIAM 2008) §6.2.
 *
 * From U² = T, block (i, j) of the diagonal-block partition gives
 *   U_ii·U_ij + U_ij·U_jj = T_ij − Σ_{i<k<j} U_ik·U_kj,
 * a Sylvester equation in U_ij once the blocks below and to the left are known. Blocked algorithm
 * (Deadman–Higham–Ralha's "standard blocking"): T is split into diagonal blocks of about NB rows (the
 * tuning key T_TRSM_NB: this is a triangular-solve-like sweep, diagonal blocks by a point method and
 * the O(n³) rest in GEMM, as trsm.ts; a 2×2 block is never split), and block column J by block column:
 *   1. the diagonal block, by the point method: for each 1×1/2×2 column c of it, U_cc = √T_cc
 *      (1×1: √t; 2×2 with eigenvalues θ ± iμ: U = α·I + (T_cc − θ·I)/(2α), α = Re √(θ + iμ) > 0,
 *      Higham 1987 eq. (5.3), with α computed without cancellation), then the column above it in the
 *      block from U_top·X + X·U_cc = T_top,c (trsyl.ts);
 *   2. the blocks above it, row block I from the bottom: T_IJ ← T_IJ − U[I, I_end:J0]·U[I_end:J0, J]
 *      (GEMM, the bulk of the flops), then U_II·X + X·U_JJ = T_IJ (trsyl.ts).
 * Sylvester equations with a singular coefficient arise only from two zero eigenvalues (principal
 * roots have eigenvalues in the open right half-plane otherwise); a consistent one gets zeros for the
 * free unknowns, so a singular T that has a square root (e.g. a zero block) gets one; an inconsistent
 * one (e.g. T = [[0, 1], [0, 0]], which has no square root) stops: the return value is then j + 1 for
 * the (1-based) column where it failed, with U incomplete.
 *
 * Workspace: trsqrtScratch(n) doubles at pw (the block boundaries, trsyl's, GEMM's packing).
 * Returns 0, or the failing column + 1 as above.
 */
import { gemm, gemmScratch } from '../gemm/gemm';
import { trsyl, trsylScratch } from './trsyl';
import { tuneI, T_TRSM_NB } from '../tuning';
import { even } from '../util';

/** Doubles of workspace `trsqrt` needs for order n with the blocking in force. */
export function trsqrtScratch(n: i32): i32 {
  const nb = max(tuneI(T_TRSM_NB), 1) + 1;
  return even(n + 1) + even(trsylScratch()) + gemmScratch(nb, nb, n);
}

export function trsqrt(n: i32, pT: usize, ldt: i32, pw: usize): i32 {
  if (n <= 0) return 0;
  const ld = <usize>ldt << 3;
  const nb = max(tuneI(T_TRSM_NB), 1);
  const pBnd = pw;
  const pSyl = pw + (<usize>even(n + 1) << 3);
  const pG = pSyl + (<usize>even(trsylScratch()) << 3);
  // Block boundaries: bnd[0] = 0 < bnd[1] < … < bnd[nblk] = n, never inside a 2×2 block.
  let nblk = 0;
  let j0 = 0;
  store<f64>(pBnd, 0);
  while (j0 < n) {
    let j1 = min(j0 + nb, n);
    if (j1 < n && load<f64>(pT + <usize>(j1 - 1) * ld + (<usize>j1 << 3)) != 0) j1++;
    nblk++;
    store<f64>(pBnd + (<usize>nblk << 3), <f64>j1);
    j0 = j1;
  }
  for (let bj = 0; bj < nblk; bj++) {
    const c0 = <i32>load<f64>(pBnd + (<usize>bj << 3));
    const c1 = <i32>load<f64>(pBnd + (<usize>(bj + 1) << 3));
    // 1. The diagonal block, column by column (1×1 or 2×2).
    let c = c0;
    while (c < c1) {
      const pc = pT + <usize>c * ld + (<usize>c << 3);
      if (c + 1 < c1 && load<f64>(pc + 8) != 0) {
        sqrt2(pc, ld);
        if (c > c0) {
          const info = trsyl(c - c0, 2, pT + <usize>c0 * ld + (<usize>c0 << 3), ldt, pc, ldt, pT + <usize>c * ld + (<usize>c0 << 3), ldt, pSyl);
          if (info != 0) return c + info;
        }
        c += 2;
      } else {
        store<f64>(pc, Math.sqrt(load<f64>(pc)));
        if (c > c0) {
          const info = trsyl(c - c0, 1, pT + <usize>c0 * ld + (<usize>c0 << 3), ldt, pc, ldt, pT + <usize>c * ld + (<usize>c0 << 3), ldt, pSyl);
          if (info != 0) return c + info;
        }
        c += 1;
      }
    }
    // 2. The blocks above it, from the bottom.
    for (let bi = bj - 1; bi >= 0; bi--) {
      const r0 = <i32>load<f64>(pBnd + (<usize>bi << 3));
      const r1 = <i32>load<f64>(pBnd + (<usize>(bi + 1) << 3));
      const pIJ = pT + <usize>c0 * ld + (<usize>r0 << 3);
      if (r1 < c0) {
        gemm(0, 0, r1 - r0, c1 - c0, c0 - r1, -1, pT + <usize>r1 * ld + (<usize>r0 << 3), ldt,
          pT + <usize>c0 * ld + (<usize>r1 << 3), ldt, 1, pIJ, ldt, pG);
      }
      const info = trsyl(r1 - r0, c1 - c0, pT + <usize>r0 * ld + (<usize>r0 << 3), ldt,
        pT + <usize>c0 * ld + (<usize>c0 << 3), ldt, pIJ, ldt, pSyl);
      if (info != 0) return c0 + info;
    }
  }
  return 0;
}

/**
 * The principal square root of the 2×2 block at p (complex eigenvalues θ ± iμ, μ > 0), in place:
 * α·I + (T − θ·I)/(2α) with α = Re √(θ + iμ).
 */
function sqrt2(p: usize, ld: usize): void {
  const a = load<f64>(p);
  const c = load<f64>(p + 8);
  const b = load<f64>(p + ld);
  const d = load<f64>(p + ld + 8);
  const theta = 0.5 * a + 0.5 * d;
  const h = 0.5 * a - 0.5 * d;
  // μ² = −(h² + b·c); for a standardised block (h = 0) as √|b|·√|c|, which cannot overflow.
  const mu = h == 0 ? Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c)) : Math.sqrt(-(h * h + b * c));
  // |θ + iμ| scaled by hand: Math.hypot differs between AssemblyScript's and the JS engines' libm.
  const ax = Math.abs(theta);
  const big = ax > mu ? ax : mu;
  const q = ax > mu ? mu / ax : ax / mu;
  const r = big * Math.sqrt(1 + q * q);
  const alpha = theta >= 0 ? Math.sqrt(0.5 * (theta + r)) : mu / Math.sqrt(2 * (r - theta));
  const g = 0.5 / alpha;
  store<f64>(p, alpha + h * g);
  store<f64>(p + 8, c * g);
  store<f64>(p + ld, b * g);
  store<f64>(p + ld + 8, alpha - h * g);
}
