/**
 * syev — all eigenvalues and, optionally, eigenvectors of a real symmetric matrix
 *
 *   A = Z·Λ·Zᵀ,   λ₀ ≤ λ₁ ≤ … ≤ λ_{n−1},   ZᵀZ = I
 *
 * JS mirror of assembly/eig/sym/syev.ts (read it for the steps, the accuracy and the sign convention):
 * power-of-two scaling into [2^-484, 2^484], sytrd, then sterf (jobz = 0), stedc + ormtr (jobz = 1,
 * n ≥ T_SYEV_DC_MIN: divide and conquer) or orgtr + steqr (jobz = 1 below), λ scaled back, each eigenvector's entry of largest modulus (first on ties) made positive.
 *
 * Storage: A[i, j] = a[offA + i + j·lda] (lower triangle read; jobz = 1: the eigenvectors on exit,
 * jobz = 0: destroyed), λ at lam[offLam…] (n). Workspace: w[offW…], `syevScratch(n, jobz)` doubles.
 * Returns 0 or the number of unconverged off-diagonal elements. Same operation order as the wasm kernel,
 * so the results agree bit for bit.
 *
 * References: Golub & Van Loan, 4th ed., §8.3, §8.4.4; Parlett, The Symmetric Eigenvalue Problem; LAPACK
 * dsyev, dsyevd.
 */
import { sytrd, sytrdScratch } from './sytrd.js';
import { orgtr, orgtrScratch } from './orgtr.js';
import { steqr, steqrScratch } from './steqr.js';
import { sterf } from './sterf.js';
import { scalePow2 } from './pow2.js';
import { scaleLower, signColumns } from './drive.js';
import { even } from '../../util.js';
import { syev2 } from './syev2.js';
import { stedc, stedcScratch } from './stedc.js';
import { ormtr, ormtrScratch } from './ormtr.js';
import { sytrd3 } from './sytrd3.js';
import { tune, T_SYTRD_NB, T_ORGQR_NB, T_SYEV_DC_MIN } from '../../tuning.js';

/** Whether syev with vectors takes the divide-and-conquer path at order n (T_SYEV_DC_MIN). */
function useDc(n: number): boolean {
  return n > 2 && n >= tune(T_SYEV_DC_MIN);
}

/** Doubles of workspace `syev` needs (jobz = 1: vectors too). */
export function syevScratch(n: number, jobz: number): number {
  if (n <= 1) return 0;
  let r = sytrdScratch(n);
  if (jobz && useDc(n)) r = Math.max(r, even(n * n) + Math.max(stedcScratch(n), ormtrScratch(n, n)));
  else if (jobz) r = Math.max(r, Math.max(orgtrScratch(n), steqrScratch(n, 1)));
  return 2 * even(n) + r;
}

export function syev(
  jobz: number, n: number, a: Float64Array, offA: number, lda: number,
  lam: Float64Array, offLam: number, w: Float64Array, offW: number,
): number {
  if (n <= 0) return 0;
  if (n === 1) {
    lam[offLam] = a[offA]!;
    if (jobz) a[offA] = 1;
    return 0;
  }
  // 1. scale
  const k = scaleLower(n, a, offA, lda);
  // 2.–3. tridiagonalise, then QL/QR (n = 2 with vectors: both at once, syev2; n = 3 with vectors:
  // the tridiagonalisation and Q written out, sytrd3)
  const oE = offW;
  const oTau = oE + even(n);
  const oR = oTau + even(n);
  let info: number;
  if (jobz && n === 2) {
    info = syev2(a, offA, lda, lam, offLam, w, oE); // steps 2–3 in closed form, the same bits (syev2.ts)
  } else if (jobz && n === 3 && !useDc(n) && tune(T_SYTRD_NB) >= 3 && tune(T_ORGQR_NB) >= 2) {
    sytrd3(a, offA, lda, lam, offLam, w, oE); // sytrd + orgtr written out, the same bits (sytrd3.ts)
    info = steqr(1, n, lam, offLam, w, oE, a, offA, lda, w, oR);
  } else if (!jobz) {
    sytrd(n, a, offA, lda, lam, offLam, w, oE, w, oTau, w, oR);
    info = sterf(n, lam, offLam, w, oE);
  } else if (useDc(n)) {
    // dsyevd's order: T's eigenvectors into Z (workspace), then A's = Q·Z by the reflectors (ormtr)
    sytrd(n, a, offA, lda, lam, offLam, w, oE, w, oTau, w, oR);
    const oZ = oR;
    const oS = oZ + even(n * n);
    info = stedc(n, lam, offLam, w, oE, w, oZ, n, w, oS);
    if (info === 0) {
      ormtr(n, n, a, offA, lda, w, oTau, w, oZ, n, w, oS);
      for (let j = 0; j < n; j++) a.set(w.subarray(oZ + j * n, oZ + j * n + n), offA + j * lda);
    }
  } else {
    sytrd(n, a, offA, lda, lam, offLam, w, oE, w, oTau, w, oR);
    orgtr(n, a, offA, lda, w, oTau, w, oR);
    info = steqr(1, n, lam, offLam, w, oE, a, offA, lda, w, oR);
  }
  // 4. undo the scaling
  if (k !== 0) scalePow2(n, lam, offLam, -k);
  // 5. sign convention: the entry of largest modulus of each eigenvector is positive
  if (jobz && info === 0) signColumns(n, n, a, offA, lda);
  return info;
}
