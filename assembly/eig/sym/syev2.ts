/**
 * syev2 — steps 2–3 of syev (tridiagonalise, QL/QR with vectors) for n = 2, in closed form
 *
 * A 2×2 symmetric matrix is already tridiagonal, and what sytrd + orgtr + steqr do to it reduces to a
 * few lines, here written out with the same operations in the same order (so syev's results do not
 * change by a bit; test/kernels/eig/sym/syev2.test.ts compares the two):
 *
 * - sytrd: the one reflector acts on a vector of length 1, and larfg returns τ = 0 for it (H = I):
 *   d = (A₀₀, A₁₁), e = A₁₀; orgtr then forms Q = I exactly (org2r's 1 − τ = 1).
 * - steqr: blockEnd splits off a negligible e (|e| ≤ eps·√|d₀|·√|d₁|, set to 0: two blocks of order 1);
 *   otherwise blockScale brings the block into the safe range by 2^k, the direction (QL, or QR when
 *   |d₁| < |d₀|) only changes the order of the factors of the deflation test e² ≤ eps²·|d|·|d| + safmin
 *   (e set to 0 when it holds), and otherwise the 2×2 is solved by laev2 (λ = rt1, rt2; rotation
 *   (cs, sn)), which lasr applies to the columns of Z = I; then d and e are scaled back by 2^−k, and the
 *   selection sort orders d ascending with Z's columns.
 *
 * Reads A[0,0], A[1,0], A[1,1] at pA (column stride lda), writes λ to pLam (2, ascending) and the
 * eigenvectors over A (2×2); e at pE is left as steqr leaves it (0). Returns steqr's status (0).
 * syev does the scaling before and the sign convention after, as for every n.
 *
 * Why: at n = 2 the general kernels' bookkeeping (workspace, reflector with τ = 0, rotation batch)
 * cost more than the arithmetic; this path takes a third of the time.
 *
 * References: LAPACK dsteqr, dlaev2; Parlett, The Symmetric Eigenvalue Problem, §8.8.
 */
import { laev2, laev2Rt1, laev2Rt2, laev2Cs, laev2Sn } from './laev2';
import { scalePow2 } from './pow2';
import { blockEnd, blockScale, BLOCK_DONE } from './split';
import { UNIT_ROUNDOFF_SQ, SAFMIN } from '../../machine';
import { ld, st } from '../../util';

export function syev2(pA: usize, lda: i32, pLam: usize, pE: usize): i32 {
  const pA1 = pA + (<usize>lda << 3); // column 1
  // sytrd + orgtr: d = diag A, e = A[1,0], Z = I
  st(pLam, 0, ld(pA, 0));
  st(pLam, 1, ld(pA1, 1));
  st(pE, 0, ld(pA, 1));
  let rot = false;
  let c: f64 = 1;
  let s: f64 = 0;
  // steqr: one block of order 2, or two of order 1
  if (blockEnd(2, 0, pLam, pE) == 1) {
    const k = blockScale(0, 1, pLam, pE);
    if (k != BLOCK_DONE) {
      const d0 = ld(pLam, 0);
      const d1 = ld(pLam, 1);
      const e0 = ld(pE, 0);
      const t = Math.abs(e0);
      const ql = !(Math.abs(d1) < Math.abs(d0));
      const negligible = ql
        ? t * t <= UNIT_ROUNDOFF_SQ * Math.abs(d0) * Math.abs(d1) + SAFMIN
        : t * t <= UNIT_ROUNDOFF_SQ * Math.abs(d1) * Math.abs(d0) + SAFMIN;
      if (!negligible) {
        laev2(d0, e0, d1);
        c = laev2Cs;
        s = laev2Sn;
        rot = true;
        st(pLam, 0, laev2Rt1);
        st(pLam, 1, laev2Rt2);
      }
      st(pE, 0, 0);
      if (k != 0) {
        scalePow2(2, pLam, -k);
        scalePow2(1, pE, -k);
      }
    }
  } else {
    st(pE, 0, 0);
  }
  // Z = I·G (lasr's rotation on the columns of the identity)
  let z00: f64 = 1;
  let z10: f64 = 0;
  let z01: f64 = 0;
  let z11: f64 = 1;
  if (rot) {
    z00 = c * 1 + s * 0;
    z01 = c * 0 - s * 1;
    z10 = c * 0 + s * 1;
    z11 = c * 1 - s * 0;
  }
  // ascending, columns with their values
  const sw = ld(pLam, 1) < ld(pLam, 0);
  if (sw) {
    const p = ld(pLam, 1);
    st(pLam, 1, ld(pLam, 0));
    st(pLam, 0, p);
  }
  st(pA, 0, sw ? z01 : z00);
  st(pA, 1, sw ? z11 : z10);
  st(pA1, 0, sw ? z00 : z01);
  st(pA1, 1, sw ? z10 : z11);
  return ld(pE, 0) != 0 ? 1 : 0;
}
