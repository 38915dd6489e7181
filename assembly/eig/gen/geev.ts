/**
 * geev — eigenvalues and right eigenvectors of a general real matrix       (≈ 10n³ flops values only,
 *                                                                          ≈ 27n³ with vectors; GVL §7.5.6)
 *
 *   A·vⱼ = λⱼ·vⱼ,   λⱼ = wr[j] + i·wi[j]
 *
 * Pipeline (each step its own file):
 *
 *   gebal   A' = D⁻¹Pᵀ·A·P·D                  (balance ∈ {0 none, 1 permute, 2 scale, 3 both})
 *   gehrd   A' = Q·H·Qᵀ                        (blocked Householder, window ilo … ihi)
 *   orghr   Z ← Q                              (only with vectors)
 *   hqr     H = Z₁·T·Z₁ᵀ, Z ← Q·Z₁             (Francis double shift; T real Schur form)
 *   trevc   T·X = X·Λ                          (X upper quasi-triangular)
 *   gemm    VR ← Z·X                           (eigenvectors of A'; X triangular: ≈ n³ flops)
 *   gebak   VR ← P·D·VR                        (eigenvectors of A)
 *   normalise each vector (below)
 *
 * Eigenvalue order: as they appear on the diagonal of T; a complex conjugate pair is adjacent with the
 * positive imaginary part first. Eigenvalues isolated by the permutation are the diagonal entries there.
 *
 * Vectors (jobv ≠ 0), column j of VR (n×n at `pVr`, ldvr ≥ max(1, n)):
 *   real λⱼ (wi[j] = 0):   vⱼ = VR[:, j], ‖vⱼ‖₂ = 1, its entry of largest |·| (first such) positive;
 *   pair (wi[j] > 0):      vⱼ = VR[:, j] + i·VR[:, j+1] belongs to λⱼ, v̄ⱼ to λⱼ₊₁ = λ̄ⱼ;
 *                          ‖vⱼ‖₂ = 1 (complex 2-norm) and its entry of largest modulus (first such) is
 *                          real and positive (its imaginary part is stored as exactly 0).
 * This differs from LAPACK dgeev, which only normalises (its largest component real for pairs, any sign).
 *
 * Storage: A n×n at `pA` (lda ≥ max(1, n)) is destroyed (on exit it holds T of the balanced matrix
 * when jobv ≠ 0). wr, wi: n doubles each. VR not referenced when jobv = 0.
 *
 * Workspace: `pw`, 16-byte aligned, `geevScratch(n, jobv)` doubles.
 *
 * Returns 0 on success; k > 0 if the QR iteration failed to converge (k rows/columns from the top did
 * not converge): then wr/wi hold the converged eigenvalues at k … n−1 (of the balanced window) and VR is
 * not computed.
 *
 * Not done here (LAPACK does): scaling A when ‖A‖ is near over/underflow; the aggressive early deflation
 * of dhseqr/dlaqr0 for large n.
 *
 * References: Golub & Van Loan, 4th ed., §7.4–7.6; LAPACK dgeev, dgebal, dgehrd, dorghr, dhseqr/dlahqr,
 * dtrevc, dgebak.
 */
import { gebal } from './gebal';
import { gebak } from './gebak';
import { gehrd, gehrdScratch } from './gehrd';
import { orghr, orghrScratch } from './orghr';
import { hqr } from './hqr';
import { trevc } from './trevc';
import { gemm, gemmScratch } from '../../gemm/gemm';
import { nrm2 } from '../../blas/nrm2';
import { scal } from '../../blas/scal';
import { iamax } from '../../blas/iamax';
import { lapy2 } from '../../qr/larfg';
import { even } from '../../util';

/** Doubles of workspace `geev` needs. */
export function geevScratch(n: i32, jobv: i32): i32 {
  if (n <= 0) return 0;
  const head = even(n) + 2 + even(n); // scale, bounds, τ
  const tail = max(gehrdScratch(n), max(even(n), 4)); // gehrd, hqr
  if (!jobv) return head + tail;
  return head + 2 * n * n + max(max(orghrScratch(n), gemmScratch(n, n, n)), tail);
}

export function geev(
  jobv: i32, balance: i32, n: i32, pA: usize, lda: i32, pWr: usize, pWi: usize, pVr: usize, ldvr: i32, pw: usize,
): i32 {
  if (n <= 0) return 0;
  const ldA = <usize>lda << 3;
  const pScale = pw;
  const pBounds = pScale + (<usize>even(n) << 3);
  const pTau = pBounds + 16;
  const pRest = pTau + (<usize>even(n) << 3);
  gebal(balance, n, pA, lda, pScale, pBounds);
  const ilo = <i32>load<f64>(pBounds);
  const ihi = <i32>load<f64>(pBounds, 8);
  // eigenvalues isolated by the permutation
  for (let i = 0; i < n; i++) {
    if (i >= ilo && i <= ihi) continue;
    store<f64>(pWr + (<usize>i << 3), load<f64>(pA + (<usize>i << 3) + <usize>i * ldA));
    store<f64>(pWi + (<usize>i << 3), 0);
  }
  if (!jobv) {
    gehrd(n, ilo, ihi, pA, lda, pTau, pRest);
    return hqr(0, 0, n, ilo, ihi, pA, lda, pWr, pWi, 0, n - 1, pRest, n, pRest);
  }
  const pZ = pRest;
  const pX = pZ + ((<usize>n * <usize>n) << 3);
  const pWk = pX + ((<usize>n * <usize>n) << 3);
  gehrd(n, ilo, ihi, pA, lda, pTau, pWk);
  for (let j = 0; j < n; j++) memory.copy(pZ + ((<usize>j * <usize>n) << 3), pA + <usize>j * ldA, <usize>n << 3);
  orghr(n, ilo, ihi, pZ, n, pTau, pWk);
  const info = hqr(1, 1, n, ilo, ihi, pA, lda, pWr, pWi, 0, n - 1, pZ, n, pWk);
  if (info > 0) return info;
  clearBelowSubdiagonal(n, pA, lda);
  trevc(n, pA, lda, pX, n, pWk);
  backTransform(n, pZ, pX, pVr, ldvr, pWk);
  gebak(n, ilo, ihi, pScale, n, pVr, ldvr);
  normalise(n, pWi, pVr, ldvr);
  return 0;
}

/** Columns per GEMM in backTransform. */
// @ts-ignore: decorator
@inline const BT_NB: i32 = 64;

/**
 * VR ← Z·X for X (n×n, ld n) upper quasi-triangular: column block j0 … j1−1 of X is zero below row j1
 * (a pair's columns reach one row past their diagonal), so it needs only Z[:, 0:j1+1] — one GEMM per
 * block of BT_NB columns, about n³ flops instead of 2n³.
 */
function backTransform(n: i32, pZ: usize, pX: usize, pVr: usize, ldvr: i32, pw: usize): void {
  const ldV = <usize>ldvr << 3;
  const ldX = <usize>n << 3;
  for (let j0 = 0; j0 < n; j0 += BT_NB) {
    const jb = min(BT_NB, n - j0);
    const k = min(n, j0 + jb + 1);
    gemm(0, 0, n, jb, k, 1.0, pZ, n, pX + <usize>j0 * ldX, n, 0, pVr + <usize>j0 * ldV, ldvr, pw);
  }
}

/** A[i, j] ← 0 for i > j + 1 (leaves a clean quasi-triangular T). */
export function clearBelowSubdiagonal(n: i32, pA: usize, lda: i32): void {
  const ldA = <usize>lda << 3;
  for (let j = 0; j + 2 < n; j++) {
    const c = pA + <usize>j * ldA;
    for (let i = j + 2; i < n; i++) store<f64>(c + (<usize>i << 3), 0);
  }
}

/** Unit 2-norm; the entry of largest modulus real and positive (see the header). */
function normalise(n: i32, pWi: usize, pV: usize, ldv: i32): void {
  const ldV = <usize>ldv << 3;
  let j = 0;
  while (j < n) {
    const px = pV + <usize>j * ldV;
    if (load<f64>(pWi + (<usize>j << 3)) == 0 || j == n - 1) {
      const k = iamax(n, px, 1);
      const nrm = nrm2(n, px, 1);
      if (nrm > 0) scal(n, load<f64>(px + (<usize>k << 3)) < 0 ? -1.0 / nrm : 1.0 / nrm, px, 1);
      j++;
      continue;
    }
    const py = px + ldV;
    let k = 0;
    let best: f64 = -1;
    for (let i = 0; i < n; i++) {
      const a = lapy2(load<f64>(px + (<usize>i << 3)), load<f64>(py + (<usize>i << 3)));
      if (a > best) {
        best = a;
        k = i;
      }
    }
    if (best > 0) {
      // v ← v·conj(v_k)/|v_k|:  (x + i·y)(c − i·s) = (c·x + s·y) + i·(c·y − s·x)
      const c = load<f64>(px + (<usize>k << 3)) / best;
      const s = load<f64>(py + (<usize>k << 3)) / best;
      for (let i = 0; i < n; i++) {
        const o = <usize>i << 3;
        const x = load<f64>(px + o);
        const y = load<f64>(py + o);
        store<f64>(px + o, c * x + s * y);
        store<f64>(py + o, c * y - s * x);
      }
      store<f64>(py + (<usize>k << 3), 0);
      const nrm = lapy2(nrm2(n, px, 1), nrm2(n, py, 1));
      scal(n, 1.0 / nrm, px, 1);
      scal(n, 1.0 / nrm, py, 1);
    }
    j += 2;
  }
}
