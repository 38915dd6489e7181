/**
 * syev2 — steps 2–3 of syev (tridiagonalise, QL/QR with vectors) for n = 2, in closed form
 *
 * JS mirror of assembly/eig/sym/syev2.ts (read it for why this is bit for bit what sytrd + orgtr +
 * steqr compute on a 2×2 matrix). Reads A[0,0], A[1,0], A[1,1] at a[offA…] (lda), writes the
 * eigenvalues to lam[offLam…] (2, ascending) and the eigenvectors over A (2×2); e = w[oE] is left as
 * steqr leaves it. Returns steqr's status (0: always converges).
 *
 * References: LAPACK dsteqr, dlaev2; Parlett, The Symmetric Eigenvalue Problem, §8.8.
 */
import { laev2, laev2Rt1, laev2Rt2, laev2Cs, laev2Sn } from './laev2.js';
import { scalePow2 } from './pow2.js';
import { blockEnd, blockScale, BLOCK_DONE } from './split.js';
import { UNIT_ROUNDOFF_SQ, SAFMIN } from '../../../core/machine.js';

export function syev2(a: Float64Array, offA: number, lda: number, lam: Float64Array, offLam: number, w: Float64Array, oE: number): number {
  const D = offLam;
  const E = oE;
  // sytrd + orgtr: d = diag A, e = A[1,0], Z = I
  lam[D] = a[offA]!;
  lam[D + 1] = a[offA + lda + 1]!;
  w[E] = a[offA + 1]!;
  let rot = false;
  let c = 1;
  let s = 0;
  // steqr: one block of order 2, or two of order 1
  if (blockEnd(2, 0, lam, D, w, E) === 1) {
    const k = blockScale(0, 1, lam, D, w, E);
    if (k !== BLOCK_DONE) {
      const d0 = lam[D]!;
      const d1 = lam[D + 1]!;
      const e0 = w[E]!;
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
        lam[D] = laev2Rt1;
        lam[D + 1] = laev2Rt2;
      }
      w[E] = 0;
      if (k !== 0) {
        scalePow2(2, lam, D, -k);
        scalePow2(1, w, E, -k);
      }
    }
  } else {
    w[E] = 0;
  }
  // Z = I·G (lasr's rotation on the columns of the identity)
  let z00 = 1;
  let z10 = 0;
  let z01 = 0;
  let z11 = 1;
  if (rot) {
    z00 = c * 1 + s * 0;
    z01 = c * 0 - s * 1;
    z10 = c * 0 + s * 1;
    z11 = c * 1 - s * 0;
  }
  // ascending, columns with their values
  const sw = lam[D + 1]! < lam[D]!;
  if (sw) {
    const p = lam[D + 1]!;
    lam[D + 1] = lam[D]!;
    lam[D] = p;
  }
  a[offA] = sw ? z01 : z00;
  a[offA + 1] = sw ? z11 : z10;
  a[offA + lda] = sw ? z00 : z01;
  a[offA + lda + 1] = sw ? z10 : z11;
  return w[E] !== 0 ? 1 : 0;
}
