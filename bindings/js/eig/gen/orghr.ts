/**
 * orghr — form the orthogonal Q of the Hessenberg reduction explicitly      (4/3·(ihi − ilo)³ flops)
 *
 * JS mirror of assembly/eig/gen/orghr.ts (read it for the picture). A[i, j] = a[offA + i + j·lda];
 * τ at tau[offTau…]; workspace w[offW…], `orghrScratch(n)` doubles. On exit A = Q.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.6, §7.4.3; LAPACK dorghr.
 */
import { orgqr, orgqrScratch } from '../../qr/orgqr.js';

/** Doubles of workspace `orghr` needs for any ilo, ihi. */
export function orghrScratch(n: number): number {
  return n <= 1 ? 0 : orgqrScratch(n - 1, n - 1, n - 1);
}

export function orghr(
  n: number, ilo: number, ihi: number, a: Float64Array, offA: number, lda: number, tau: Float64Array, offTau: number,
  w: Float64Array, offW: number,
): void {
  if (n <= 0) return;
  for (let j = ihi; j > ilo; j--) {
    const cj = offA + j * lda;
    const cp = cj - lda;
    for (let i = 0; i <= j; i++) a[cj + i] = 0;
    for (let i = j + 1; i <= ihi; i++) a[cj + i] = a[cp + i]!;
    for (let i = ihi + 1; i < n; i++) a[cj + i] = 0;
  }
  for (let j = 0; j < n; j++) {
    if (j > ilo && j <= ihi) continue;
    const cj = offA + j * lda;
    for (let i = 0; i < n; i++) a[cj + i] = 0;
    a[cj + j] = 1;
  }
  const nh = ihi - ilo;
  if (nh > 0) orgqr(nh, nh, nh, a, offA + (ilo + 1) + (ilo + 1) * lda, lda, tau, offTau + ilo, w, offW);
}
