/**
 * stedc — all eigenvalues and eigenvectors of a symmetric tridiagonal matrix by divide and conquer
 *         (≈ (4/3)·n³ flops, in GEMMs, when little deflates; far less when much does — against steqr's
 *         ≈ 6n³ in plane rotations)
 *
 *   T = tridiag(e, d, e) = Z·Λ·Zᵀ,   Λ = diag(λ₀ ≤ … ≤ λ_{n−1}),  Z orthogonal (Z is set, as steqr's
 *   compz = 2)
 *
 * The driver, in LAPACK dstedc's order (compz = 'I'):
 *   1. n ≤ SMLSIZ (the tuning key T_STEDC_SMLSIZ, default 25 = LAPACK's): steqr.
 *   2. T splits where |eᵢ| ≤ eps·√|dᵢ|·√|dᵢ₊₁| (eps = 2^-53; eᵢ is then ignored, a perturbation
 *      below the eigenvalues' own uncertainty); each unreduced block of more than SMLSIZ rows is
 *      scaled by a power of two so that its largest entry lies in [1, 2) (exact; the secular
 *      equation's tolerances assume ‖T‖ ≈ 1), solved by laed0 (Cuppen's tearing + laed1 merges) and
 *      scaled back; smaller blocks go to steqr; 1×1 blocks are their own eigenpair.
 *   3. With more than one block the eigenvalues are sorted ascending, the columns of Z along
 *      (selection sort, sortpairs.ts, as steqr).
 *
 * Accuracy: as steqr's — ‖T − ZΛZᵀ‖ = O(n·eps·‖T‖), ‖ZᵀZ − I‖ = O(n·eps) (Gu & Eisenstat's
 * recomputation of z in laed3 is what makes Z orthogonal).
 *
 * Storage: d (n at pD) in: the diagonal, out: the eigenvalues ascending; e (n−1 at pE): destroyed; Z
 * (n×n at pZ, ldz ≥ max(1, n)): out. Workspace: `stedcScratch(n)` doubles at pw, 16-byte aligned
 * (≈ 2n² + 12n + the GEMM's; depends on T_STEDC_SMLSIZ, T_STEQR_BATCH and the GEMM blocking).
 * Returns 0, or a positive status when a QL/QR iteration or a secular equation did not converge
 * (d and Z are then undefined).
 *
 * References: Cuppen, Numer. Math. 36 (1981); Gu & Eisenstat, SIAM J. Matrix Anal. Appl. 16(1) (1995);
 * Rutter, LAWN 69 (1994); Demmel, Applied Numerical Linear Algebra, §5.3.3; LAPACK dstedc.
 */
import { laed0, laed0Scratch, smlsiz } from './laed0';
import { steqr, steqrScratch } from './steqr';
import { ilog2, scalePow2 } from './pow2';
import { sortPairs } from './sortpairs';
import { UNIT_ROUNDOFF } from '../../machine';
import { ld, st } from '../../util';

/** Doubles of workspace `stedc` needs for order n. */
export function stedcScratch(n: i32): i32 {
  if (n <= 1) return 0;
  if (n <= smlsiz()) return steqrScratch(n, 2);
  return laed0Scratch(n);
}

export function stedc(n: i32, pD: usize, pE: usize, pZ: usize, ldz: i32, pw: usize): i32 {
  if (n <= 0) return 0;
  const sml = smlsiz();
  if (n <= sml) return steqr(2, n, pD, pE, pZ, ldz, pw);
  const ldZ = <usize>ldz << 3;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) st(pZ + <usize>j * ldZ, i, 0);
  }
  let start = 0;
  let blocks = 0;
  while (start < n) {
    let fin = start;
    while (fin < n - 1) {
      const tiny = UNIT_ROUNDOFF * Math.sqrt(Math.abs(ld(pD, fin))) * Math.sqrt(Math.abs(ld(pD, fin + 1)));
      if (Math.abs(ld(pE, fin)) <= tiny) break;
      fin++;
    }
    const m = fin - start + 1;
    const o = <usize>start << 3;
    const pZb = pZ + <usize>start * ldZ + o;
    let info = 0;
    if (m == 1) {
      store<f64>(pZb, 1);
    } else if (m <= sml) {
      info = steqr(2, m, pD + o, pE + o, pZb, ldz, pw);
    } else {
      let anrm: f64 = 0;
      for (let i = start; i <= fin; i++) {
        anrm = max(anrm, Math.abs(ld(pD, i)));
        if (i < fin) anrm = max(anrm, Math.abs(ld(pE, i)));
      }
      const k = -ilog2(anrm); // anrm > 0: the block is unreduced
      scalePow2(m, pD + o, k);
      scalePow2(m - 1, pE + o, k);
      info = laed0(m, pD + o, pE + o, pZb, ldz, pw);
      scalePow2(m, pD + o, -k);
    }
    if (info != 0) return start + info;
    blocks++;
    start = fin + 1;
  }
  if (blocks > 1) sortPairs(n, pD, pZ, ldz);
  return 0;
}
