/**
 * syevx — selected eigenvalues (and, with syevxVectors, eigenvectors) of a real symmetric matrix
 *                                  (4/3·n³ (sytrd) + O(n·m) bisection; vectors: + O(n·m) inverse
 *                                  iteration (+ O(n·k²) per cluster of k) + 2n²·m back-transformation)
 *
 *   range = 0: every eigenvalue;  1: those in (vl, vu];  2: λ_il … λ_iu (0-based, inclusive)
 *
 * LAPACK dsyevx's algorithm, in two calls so that the caller can size Z once m is known (for a range of
 * values it is not known before the bisection):
 *
 *   syevx         1. scale: the lower triangle by a power of two 2^k into [2^-484, 2^484] (drive.ts,
 *                    as syev; vl and vu along);
 *                 2. sytrd: A = Q·T·Qᵀ (blocked Householder; the reflectors stay in A);
 *                 3. stebz: the wanted eigenvalues of T by bisection, ascending, with their blocks;
 *                 4. λ ← 2^-k·λ into W. Returns m.
 *   syevxVectors  5. stein: the eigenvectors of T for those eigenvalues (inverse iteration,
 *                    reorthogonalised within clusters) into Z (n×m);
 *                 6. ormtr: Z ← Q·Z (the m columns only — never the n×n Q);
 *                 7. the sign convention (drive.ts): each column's entry of largest modulus positive.
 *
 * Cost falls with m: for m ≪ n everything after sytrd is O(n²·m), so the selection costs about what
 * the reduction does (the top 10 of n = 512 / 1000: 5.6× / 7.4× faster than syev with vectors, one
 * run of the bench suite eigh-subset on a loaded machine). Between the calls the
 * workspace carries d, e, τ and the scaled eigenvalues, and `pIw` the blocks: the caller passes the
 * same A, workspace and ints to both, unchanged.
 *
 * Accuracy: eigenvalues to within max(eps·‖T‖, 2·eps·|λ|) of T's (stebz) and T's to within p(n)·eps·‖A‖
 * of A's; ‖A·Z − Z·Λ‖ ≲ p(n)·eps·‖A‖ and ‖ZᵀZ − I‖ ≲ p(n)·eps for well separated eigenvalues and for
 * clusters (reorthogonalised); like dsyevx, vectors of eigenvalues that are close but not within a
 * cluster's gap (10⁻³·‖T‖) are not reorthogonalised against each other.
 *
 * Storage: A (n×n at `pA`, lda ≥ max(1, n)): lower triangle read, overwritten by the reflectors (the
 * upper triangle is not touched). W (room for n at `pW`): the m eigenvalues, ascending. Ints at `pIw`
 * (2n): the blocks of the eigenvalues, then stebz's isplit. Z (n×m at `pZ`, ldz ≥ max(1, n)): every
 * entry written. Workspace: `pw`, 16-byte aligned, `syevxScratch(n, jobz)` doubles (jobz = 1: enough for
 * syevxVectors too): d, e, τ, the scaled eigenvalues (n each, rounded even), then the largest of
 * sytrdScratch, stebzScratch and, with jobz, steinScratch and ormtrScratch(n, n).
 *
 * syevx returns m ≥ 0, or −1 when the bisection did not converge within its cap (or T holds NaN/Inf).
 * syevxVectors returns 0, or the number of eigenvectors whose inverse iteration did not converge within
 * its cap (the vectors are still stored).
 *
 * References: LAPACK dsyevx; Golub & Van Loan, 4th ed., §8.3 (tridiagonalisation) and §8.4 (bisection,
 * inverse iteration); Demmel, Applied Numerical Linear Algebra, §5.3.4.
 */
import { sytrd, sytrdScratch } from './sytrd';
import { stebz, stebzScratch } from './stebz';
import { stein, steinScratch } from './stein';
import { ormtr, ormtrScratch } from './ormtr';
import { pow2, scalePow2 } from './pow2';
import { scaleLower, signColumns } from './drive';
import { even } from '../../util';

/** Doubles of workspace `syevx` (and, with jobz = 1, `syevxVectors`) needs. */
export function syevxScratch(n: i32, jobz: i32): i32 {
  if (n <= 0) return 0;
  let r = max(sytrdScratch(n), stebzScratch(n));
  if (jobz) r = max(r, max(steinScratch(n), ormtrScratch(n, n)));
  return 4 * even(n) + r;
}

export function syevx(
  range: i32, n: i32, pA: usize, lda: i32, vl: f64, vu: f64, il: i32, iu: i32, pW: usize, pIw: usize, pw: usize,
): i32 {
  if (n <= 0) return 0;
  const nn = <usize>even(n) << 3;
  const pD = pw;
  const pE = pD + nn;
  const pTau = pE + nn;
  const pWs = pTau + nn;
  const pR = pWs + nn;
  // 1. scale
  const k = scaleLower(n, pA, lda);
  const s = pow2(k);
  // 2. tridiagonalise
  sytrd(n, pA, lda, pD, pE, pTau, pR);
  // 3. bisection
  const m = stebz(range, n, vl * s, vu * s, il, iu, pD, pE, pWs, pIw, pIw + (<usize>n << 2), pR);
  // 4. the eigenvalues, unscaled
  const mm = m >= 0 ? m : 0;
  for (let j = 0; j < mm; j++) store<f64>(pW + (<usize>j << 3), load<f64>(pWs + (<usize>j << 3)));
  if (k != 0) scalePow2(mm, pW, -k);
  return m;
}

export function syevxVectors(n: i32, m: i32, pA: usize, lda: i32, pZ: usize, ldz: i32, pIw: usize, pw: usize): i32 {
  if (n <= 0 || m <= 0) return 0;
  const nn = <usize>even(n) << 3; // syevx's layout: d, e, τ, scaled λ, then scratch
  // 5. inverse iteration
  const info = stein(n, pw, pw + nn, m, pw + 3 * nn, pIw, pIw + (<usize>n << 2), pZ, ldz, pw + 4 * nn);
  // 6. back-transformation
  ormtr(n, m, pA, lda, pw + 2 * nn, pZ, ldz, pw + 4 * nn);
  // 7. sign convention
  signColumns(n, m, pZ, ldz);
  return info;
}
