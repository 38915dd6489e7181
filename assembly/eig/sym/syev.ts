/**
 * syev — all eigenvalues and, optionally, eigenvectors of a real symmetric matrix   (jobz = 1, n ≥
 *        T_SYEV_DC_MIN: 4/3·n³ (sytrd) + ≤ 4/3·n³ (stedc's GEMMs) + 2n³ (ormtr); below: 4/3·n³ (sytrd)
 *        + 4/3·n³ (orgtr) + ≈ 6n³ (steqr's rotations); jobz = 0: 4/3·n³ + O(n²))
 *
 *   A = Z·Λ·Zᵀ,   Λ = diag(λ₀ ≤ λ₁ ≤ … ≤ λ_{n−1}),   ZᵀZ = I
 *
 * The driver, in LAPACK dsyev's order:
 *
 *   1. scale: if max|A| lies outside [2^-484, 2^484] (≈ dsyev's [√(safmin/eps), √(safmax·eps)]) multiply
 *      the lower triangle by a power of two 2^k that brings it inside (exact; undone on Λ at the end);
 *   2. sytrd:  A = Q·T·Qᵀ (Householder, blocked: latrd panels + syr2k through GEMM);
 *   3. jobz = 0: sterf on T (root-free QL/QR, values only);
 *      jobz = 1, n ≥ T_SYEV_DC_MIN (dsyevd's order): stedc computes T's eigenvectors Z_T into the
 *        workspace by divide and conquer (stedc.ts: its O(n³) work in GEMMs), ormtr forms Q·Z_T there
 *        from the reflectors (2n³ flops, blocked; measured at n = 512 ≈ 0.8× the time of orgtr + a
 *        GEMM, which does 4/3·n³ + 2n³), copied into A;
 *      jobz = 1 below: orgtr forms Q in A, then steqr on T accumulates its rotations into Z = Q;
 *   4. λ ← 2^-k·λ; the eigenvalues come out ascending (steqr/sterf sort them, vectors along);
 *   5. jobz = 1: sign convention — each eigenvector is negated if needed so that its entry of largest
 *      modulus (the first such entry on ties) is positive. Eigenvectors are only defined up to sign (and,
 *      for multiple eigenvalues, up to a rotation within the eigenspace); this makes the output
 *      deterministic and identical on the JS, scalar wasm and SIMD wasm backends.
 *
 * Speed (SIMD build, Zen 5, single thread; numpy = OpenBLAS dsyevd / dsyevd-values, measured alongside):
 *   n = 256:  jobz = 1  9.4 ms (numpy 5.2);  jobz = 0   2.5 ms (numpy 1.8)
 *   n = 512:  jobz = 1 64 ms (numpy 29)  = sytrd 11 + orgtr 10 + steqr 42;  jobz = 0 14 ms (numpy 9.3)
 *   n = 1024: jobz = 1 464 ms (numpy 164);  jobz = 0 88 ms (numpy 56)
 * (those figures are the steqr path). With divide and conquer (same machine kind, loaded, one process,
 * single thread, medians): stedc on the tridiagonal of a random symmetric n = 512 matrix 18.5 ms where
 * steqr with vectors took 97 ms; eigh with vectors from n = 72 on faster than the steqr path, equal at
 * 40–64 (the crossover T_SYEV_DC_MIN = 64).
 *
 * Accuracy (backward stable): ‖A − ZΛZᵀ‖ ≲ p(n)·eps·‖A‖, ‖ZᵀZ − I‖ ≲ p(n)·eps, and each λ within
 * p(n)·eps·‖A‖₂ of the exact one (Golub & Van Loan §8.3.6).
 *
 * Storage: A (n×n at `pA`, lda ≥ max(1, n)): lower triangle read (upper never touched by jobz = 0;
 * with jobz = 1 all of A is overwritten). On exit jobz = 1: A holds the orthonormal eigenvectors, column
 * j for λⱼ; jobz = 0: A is destroyed (it holds the reflectors). λ (n doubles at `pLam`): the eigenvalues.
 * Workspace: `pw`, 16-byte aligned, `syevScratch(n, jobz)` doubles: e and τ (n each, rounded even), then
 * the largest of sytrdScratch and (jobz = 1) orgtrScratch and steqrScratch, or, on the divide-and-
 * conquer path, Z_T (n², rounded even) + the larger of stedcScratch and ormtrScratch (≈ 3n² in all).
 * Depends on the tuning keys T_SYTRD_NB, T_ORGQR_NB, T_ORMQR_NB, T_STEQR_BATCH, T_SYEV_DC_MIN,
 * T_STEDC_SMLSIZ and the GEMM blocking in force (tuning.ts).
 *
 * Returns 0, or (the QL/QR iteration ran out of its 30·n sweeps) the number of off-diagonal elements of T
 * that did not converge; W and Z then hold the values found so far, unsorted, and no sign convention is
 * applied. On the divide-and-conquer path a positive status (a piece's QL/QR or a secular root did not
 * converge) leaves W and A undefined.
 *
 * References: Golub & Van Loan, 4th ed., §8.3 (tridiagonalisation + symmetric QR), §8.4.4 (divide and
 * conquer); Parlett, The Symmetric Eigenvalue Problem (SIAM 1998); LAPACK dsyev, dsyevd.
 */
import { sytrd, sytrdScratch } from './sytrd';
import { orgtr, orgtrScratch } from './orgtr';
import { steqr, steqrScratch } from './steqr';
import { sterf } from './sterf';
import { scalePow2 } from './pow2';
import { scaleLower, signColumns } from './drive';
import { even } from '../../util';
import { syev2 } from './syev2';
import { stedc, stedcScratch } from './stedc';
import { ormtr, ormtrScratch } from './ormtr';
import { sytrd3 } from './sytrd3';
import { tuneI, T_SYTRD_NB, T_ORGQR_NB, T_SYEV_DC_MIN } from '../../tuning';

/** Whether syev with vectors takes the divide-and-conquer path at order n (T_SYEV_DC_MIN). */
function useDc(n: i32): bool {
  return n > 2 && n >= tuneI(T_SYEV_DC_MIN);
}

/** Doubles of workspace `syev` needs (jobz = 1: vectors too). */
export function syevScratch(n: i32, jobz: i32): i32 {
  if (n <= 1) return 0;
  let r = sytrdScratch(n);
  if (jobz && useDc(n)) r = max(r, even(n * n) + max(stedcScratch(n), ormtrScratch(n, n)));
  else if (jobz) r = max(r, max(orgtrScratch(n), steqrScratch(n, 1)));
  return 2 * even(n) + r;
}

export function syev(jobz: i32, n: i32, pA: usize, lda: i32, pLam: usize, pw: usize): i32 {
  if (n <= 0) return 0;
  if (n == 1) {
    store<f64>(pLam, load<f64>(pA));
    if (jobz) store<f64>(pA, 1);
    return 0;
  }
  // 1. scale
  const k = scaleLower(n, pA, lda);
  // 2.–3. tridiagonalise, then QL/QR (n = 2 with vectors: both at once, syev2; n = 3 with vectors:
  // the tridiagonalisation and Q written out, sytrd3)
  const pE = pw;
  const pTau = pE + (<usize>even(n) << 3);
  const pR = pTau + (<usize>even(n) << 3);
  let info: i32;
  if (jobz && n == 2) {
    info = syev2(pA, lda, pLam, pE); // steps 2–3 in closed form, the same bits (syev2.ts)
  } else if (jobz && n == 3 && !useDc(n) && tuneI(T_SYTRD_NB) >= 3 && tuneI(T_ORGQR_NB) >= 2) {
    sytrd3(pA, lda, pLam, pE); // sytrd + orgtr written out, the same bits (sytrd3.ts)
    info = steqr(1, n, pLam, pE, pA, lda, pR);
  } else if (!jobz) {
    sytrd(n, pA, lda, pLam, pE, pTau, pR);
    info = sterf(n, pLam, pE);
  } else if (useDc(n)) {
    // dsyevd's order: T's eigenvectors into Z (workspace), then A's = Q·Z by the reflectors (ormtr)
    sytrd(n, pA, lda, pLam, pE, pTau, pR);
    const pZ = pR;
    const pS = pZ + (<usize>even(n * n) << 3);
    info = stedc(n, pLam, pE, pZ, n, pS);
    if (info == 0) {
      ormtr(n, n, pA, lda, pTau, pZ, n, pS);
      const ldA = <usize>lda << 3;
      for (let j = 0; j < n; j++) memory.copy(pA + <usize>j * ldA, pZ + ((<usize>j * <usize>n) << 3), <usize>n << 3);
    }
  } else {
    sytrd(n, pA, lda, pLam, pE, pTau, pR);
    orgtr(n, pA, lda, pTau, pR);
    info = steqr(1, n, pLam, pE, pA, lda, pR);
  }
  // 4. undo the scaling
  if (k != 0) scalePow2(n, pLam, -k);
  // 5. sign convention
  if (jobz && info == 0) signColumns(n, n, pA, lda);
  return info;
}
