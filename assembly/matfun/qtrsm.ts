/**
 * qtrsm — B ← T⁻¹·B with T upper quasi-triangular                    (blocked; m²n flops, in GEMM)
 *
 * T (m×m at pT) is a real Schur form or any upper quasi-triangular matrix: 1×1 and 2×2 diagonal
 * blocks, a 2×2 block starting at row i exactly when T[i+1, i] ≠ 0 (entries below the first
 * subdiagonal are not read). B (m×n at pB) is overwritten by the solution X of T·X = B. This is the
 * triangular solve (BLAS dtrsm, left, upper, no transpose) extended to 2×2 diagonal blocks, as the
 * Padé step of the matrix logarithm needs it: (I + βⱼ·R)·Xⱼ = R with R quasi-triangular
 * (Al-Mohy, Higham & Relton 2013, "Computing the Fréchet derivative of the matrix logarithm and
 * estimating the condition number", SIAM J. Sci. Comput. 35(4), §5: the real Schur version).
 *
 * Blocked by rows from the bottom (Golub & Van Loan 4th ed. §3.1.4's block back substitution): the
 * block rows have about NB rows (tuning key T_TRSM_NB, as trsm.ts; a 2×2 block is never split), and
 * for each, from the last:
 *   B_I ← B_I − T[I, I_end:m]·X[I_end:m, :]     (GEMM: the O(m²n) part)
 *   T_II·X_I = B_I                             (column by column: trsyl.ts with a 1×1 zero B, i.e.
 *                                               back substitution with 1×1/2×2 pivots, the 2×2 ones
 *                                               by Gaussian elimination with complete pivoting)
 * A singular diagonal block stops the solve where trsyl stops: the return value is then the
 * (1-based) column of B it failed in; 0 on success. (A consistent singular system gets zeros for the
 * free unknowns, as in trsyl.)
 *
 * Workspace: qtrsmScratch(m, n) doubles at pw. Returns 0 or the failing column + 1.
 */
import { gemm, gemmScratch } from '../gemm/gemm';
import { trsyl, trsylScratch } from './trsyl';
import { tuneI, T_TRSM_NB } from '../tuning';
import { even } from '../util';

/** Doubles of workspace `qtrsm` needs for T m×m, B m×n with the blocking in force. */
export function qtrsmScratch(m: i32, n: i32): i32 {
  const nb = max(tuneI(T_TRSM_NB), 1) + 1;
  return 2 + even(trsylScratch()) + gemmScratch(nb, n, m);
}

export function qtrsm(m: i32, n: i32, pT: usize, ldt: i32, pB: usize, ldb: i32, pw: usize): i32 {
  if (m <= 0 || n <= 0) return 0;
  const ld = <usize>ldt << 3;
  const ldB = <usize>ldb << 3;
  const nb = max(tuneI(T_TRSM_NB), 1);
  const pZero = pw;
  const pSyl = pw + 16;
  const pG = pSyl + (<usize>even(trsylScratch()) << 3);
  store<f64>(pZero, 0);
  let i1 = m;
  while (i1 > 0) {
    let i0 = max(i1 - nb, 0);
    if (i0 > 0 && load<f64>(pT + <usize>(i0 - 1) * ld + (<usize>i0 << 3)) != 0) i0--;
    if (i1 < m) {
      gemm(0, 0, i1 - i0, n, m - i1, -1, pT + <usize>i1 * ld + (<usize>i0 << 3), ldt,
        pB + (<usize>i1 << 3), ldb, 1, pB + (<usize>i0 << 3), ldb, pG);
    }
    const pTii = pT + <usize>i0 * ld + (<usize>i0 << 3);
    for (let c = 0; c < n; c++) {
      if (trsyl(i1 - i0, 1, pTii, ldt, pZero, 1, pB + <usize>c * ldB + (<usize>i0 << 3), ldb, pSyl) != 0) return c + 1;
    }
    i1 = i0;
  }
  return 0;
}
