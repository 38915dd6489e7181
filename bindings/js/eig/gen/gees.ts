/**
 * gees — real Schur decomposition A = Z·T·Zᵀ (no balancing: Z exactly orthogonal)
 *
 * JS mirror of assembly/eig/gen/gees.ts (read it for the math and storage). A[i, j] = a[offA + i + j·lda]
 * (T on exit), Z[i, j] = z[offZ + i + j·ldz]; workspace w[offW…], `geesScratch(n)` doubles. Returns 0 or
 * k > 0 unconverged.
 *
 * References: Golub & Van Loan, 4th ed., §7.4–7.5; LAPACK dgees.
 */
import { gehrd, gehrdScratch } from './gehrd.js';
import { orghr, orghrScratch } from './orghr.js';
import { hqr } from './hqr.js';
import { clearBelowSubdiagonal } from './geev.js';
import { even } from '../../util.js';

/** Doubles of workspace `gees` needs. */
export function geesScratch(n: number): number {
  if (n <= 0) return 0;
  return even(n) + Math.max(Math.max(orghrScratch(n), gehrdScratch(n)), Math.max(even(n), 4));
}

export function gees(
  n: number, a: Float64Array, offA: number, lda: number, wr: Float64Array, offWr: number, wi: Float64Array,
  offWi: number, z: Float64Array, offZ: number, ldz: number, w: Float64Array, offW: number,
): number {
  if (n <= 0) return 0;
  const oTau = offW;
  const oWk = offW + even(n);
  gehrd(n, 0, n - 1, a, offA, lda, w, oTau, w, oWk);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) z[offZ + i + j * ldz] = a[offA + i + j * lda]!;
  orghr(n, 0, n - 1, z, offZ, ldz, w, oTau, w, oWk);
  const info = hqr(1, 1, n, 0, n - 1, a, offA, lda, wr, offWr, wi, offWi, 0, n - 1, z, offZ, ldz, w, oWk);
  clearBelowSubdiagonal(n, a, offA, lda);
  return info;
}
