/**
 * orghr — form the orthogonal Q of the Hessenberg reduction A = Q·H·Qᵀ explicitly     (4/3·(ihi − ilo)³ flops)
 *
 * gehd2 (or gehrd: same layout) left reflectors Hᵢ (i = ilo … ihi−2) with vᵢ supported on rows i+1 … ihi,
 * stored in column i below the subdiagonal. Q = H_ilo ⋯ H_{ihi−2} is the identity outside rows/columns
 * ilo+1 … ihi, and inside it is the Q of a QR factorisation whose reflector j has its vector one column
 * further left:
 *
 *       ilo+1      ihi
 *   [ I                 ]             1. shift each vector one column right (walking rightwards from
 *   [    1              ]  ilo           the last column so nothing is overwritten before it is read),
 *   [       Q̃          ]  ilo+1 … ihi   set the rest of the rows/columns outside the block to I;
 *   [                 I ]             2. orgqr (blocked: larft + larfb through GEMM) forms Q̃ in place.
 *
 * Storage: A n×n at `pA` (lda ≥ max(1, n)) as gehd2 left it, τ at `pTau` (n − 1 doubles, τ[ilo…]);
 * on exit A = Q.
 *
 * Workspace: `pw`, 16-byte aligned, `orghrScratch(n)` doubles (orgqr's; depends on T_ORGQR_NB and the
 * GEMM blocking). Returns nothing.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.6, §7.4.3; LAPACK dorghr.
 */
import { orgqr, orgqrScratch } from '../../qr/orgqr';

/** Doubles of workspace `orghr` needs for any ilo, ihi. */
export function orghrScratch(n: i32): i32 {
  return n <= 1 ? 0 : orgqrScratch(n - 1, n - 1, n - 1);
}

export function orghr(n: i32, ilo: i32, ihi: i32, pA: usize, lda: i32, pTau: usize, pw: usize): void {
  if (n <= 0) return;
  const ldA = <usize>lda << 3;
  // columns ihi … ilo+1: vector of column j−1 (rows j+1 … ihi) → column j; rest of the column 0
  for (let j = ihi; j > ilo; j--) {
    const cj = pA + <usize>j * ldA;
    const cp = cj - ldA;
    for (let i = 0; i <= j; i++) store<f64>(cj + (<usize>i << 3), 0);
    for (let i = j + 1; i <= ihi; i++) store<f64>(cj + (<usize>i << 3), load<f64>(cp + (<usize>i << 3)));
    for (let i = ihi + 1; i < n; i++) store<f64>(cj + (<usize>i << 3), 0);
  }
  // columns 0 … ilo and ihi+1 … n−1: unit vectors
  for (let j = 0; j < n; j++) {
    if (j > ilo && j <= ihi) continue;
    const cj = pA + <usize>j * ldA;
    for (let i = 0; i < n; i++) store<f64>(cj + (<usize>i << 3), 0);
    store<f64>(cj + (<usize>j << 3), 1);
  }
  const nh = ihi - ilo;
  if (nh > 0) orgqr(nh, nh, nh, pA + (<usize>(ilo + 1) << 3) + <usize>(ilo + 1) * ldA, lda, pTau + (<usize>ilo << 3), pw);
}
