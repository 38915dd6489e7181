/**
 * lahr2 — reduce the first nb columns of a general matrix below its k-th subdiagonal, and return the
 *         block reflector (V, T) and Y = A·V·T for the deferred update of the rest
 *                                                      (≈ 2(n−k)²·nb level-2 flops + 2k(n−k)·nb GEMM)
 *
 * The panel step of the blocked Hessenberg reduction (gehrd.ts). A is n×(n−k+1); its rows k … n−1 are
 * the active rows. Column j (0 ≤ j < nb) is reduced exactly as gehd2 reduces it: a reflector
 * Hⱼ = I − τⱼ·vⱼ·vⱼᵀ with vⱼ supported on rows k+j … n−1 (vⱼ[k+j] = 1) annihilates A[k+j+1:n, j]. The
 * nb reflectors combine into H = H₀ ⋯ H_{nb−1} = I − V·T·Vᵀ (compact WY, as larft.ts), V (n−k)×nb unit
 * lower trapezoidal on rows k … n−1, T nb×nb upper triangular. The similarity applied to the rest of
 * the matrix is then
 *
 *   Hᵀ·A·H = (I − V·Tᵀ·Vᵀ)·(A − Y·Vᵀ),     Y = A·V·T   (n×nb; A restricted to columns 1 … n−k),
 *
 * which gehrd applies with GEMMs. The columns to the right of the panel are not touched here.
 *
 * Before column j is reduced it must see the transformations of columns 0 … j−1, from both sides —
 * but only that column, so both are applied to it alone (level 2, on b = A[k:n, j]):
 *
 *   1. from the right:  b ← b − Y[k:n, 0:j]·V[j−1, 0:j]ᵀ          (A·H restricted to column j; the row
 *                                                                  of V that column j pairs with is j−1)
 *   2. from the left:   b ← b − V·(Tᵀ·(Vᵀ·b))                     (V = V[:, 0:j], split into its unit lower
 *                                                                  triangle V₁ = V[0:j, :] and V₂ below)
 *   3. larfg:           vⱼ, τⱼ from b[j:], β on the subdiagonal
 *   4. Y[k:n, j] = τⱼ·(A[k:n, j+1:n−k+1]·vⱼ − Y[k:n, 0:j]·(V[:, 0:j]ᵀ·vⱼ))
 *                  (the only O(n²) product per column — the one pass over the trailing matrix that
 *                   no blocking avoids: ≈ 20 % of gehrd's flops)
 *   5. T[0:j, j] = −τⱼ·T[0:j, 0:j]·(V[:, 0:j]ᵀ·vⱼ),  T[j, j] = τⱼ       (larft's recurrence)
 *
 * The rows 0 … k−1 of Y need no column-by-column work (those rows are not touched by the left
 * reflectors), so they are formed at the end, with V̂ = V made explicit (ones and zeros written out):
 *
 *   W = A[0:k, 1:n−k+1]·V̂       (gemm, k × nb × (n−k))
 *   Y[0:k, :] = W·T             (gemm, k × nb × nb; T has a zero strict lower triangle)
 *
 * LAPACK's dlahr2 computes the same rows with two trmms and a gemm; here one explicit V̂ puts both
 * products through the packed GEMM (the zero triangle costs k·nb² extra flops, the copy (n−k)·nb moves).
 *
 * Picture for n = 7, k = 3, nb = 2 (a original, h reduced, vᵢ reflector entries; 1 the unit of v):
 *
 *   [ a  a  a  a  a ]      rows 0 … k−1: untouched (gehrd updates them through Y)
 *   [ a  a  a  a  a ]
 *   [ a  a  a  a  a ]
 *   [ h  h  a  a  a ]  k
 *   [ v₀ h  a  a  a ]
 *   [ v₀ v₁ a  a  a ]
 *   [ v₀ v₁ a  a  a ]
 *
 * Storage: A at `pA` (lda ≥ n), n×(n−k+1), requires 1 ≤ k and k + nb ≤ n. On exit the first nb columns
 * hold H on and above the k-th subdiagonal in rows k … n−1 (rows 0 … k−1 unchanged), vⱼ[k+j+1:n] below
 * it (the gehd2 layout); the other columns are unchanged. τ at `pTau` (nb doubles). T at `pT` (ldt ≥ nb):
 * upper triangular, strict lower triangle set to 0. Y at `pY` (ldy ≥ n), n×nb.
 *
 * Workspace: `pw`, 16-byte aligned, `lahr2Scratch(n, k, nb)` doubles: V̂ ((n−k)×nb, leading dimension
 * n−k) followed by W (k×nb), then nb doubles for the vector Vᵀ·b, then gemm's packing space. On exit
 * the first (n−k)·nb doubles hold V̂ — gehrd reuses it for A·(I − V·T·Vᵀ) through GEMM. Returns nothing.
 *
 * References: G. Quintana-Ortí & R. van de Geijn, "Improving the performance of reduction to Hessenberg
 * form", ACM TOMS 32(2), 2006 (the Y = A·V·T formulation with rows 0 … k−1 deferred); LAPACK dlahr2;
 * Golub & Van Loan, 4th ed., §7.4.3 and §5.1.7 (compact WY).
 */
import { larfg } from '../../qr/larfg';
import { gemv } from '../../blas/gemv';
import { scal } from '../../blas/scal';
import { gemm, gemmScratch } from '../../gemm/gemm';
import { explicitV } from '../../qr/larfb';
import { even } from '../../util';

/** Doubles of workspace `lahr2` needs, with the GEMM blocking in force. */
export function lahr2Scratch(n: i32, k: i32, nb: i32): i32 {
  if (nb <= 0 || n <= 0) return 0;
  return even(n * nb) + even(nb) + max(gemmScratch(k, nb, n - k), gemmScratch(k, nb, nb));
}

export function lahr2(
  n: i32, k: i32, nb: i32, pA: usize, lda: i32, pTau: usize, pT: usize, ldt: i32, pY: usize, ldy: i32, pw: usize,
): void {
  if (nb <= 0 || n <= 1) return;
  const ldA = <usize>lda << 3;
  const ldT = <usize>ldt << 3;
  const ldY = <usize>ldy << 3;
  const m = n - k; // active rows k … n−1
  const pAk = pA + (<usize>k << 3); // A[k, 0]: V[r, c] = A[k + r, c]
  const pYk = pY + (<usize>k << 3); // Y[k, 0]
  const pVf = pw; // V̂, (n−k)×nb
  const pWk = pVf + ((<usize>m * <usize>nb) << 3); // W, k×nb (follows V̂ unaligned; gemm does not care)
  const pz = pw + (<usize>even(n * nb) << 3); // Vᵀ·b, nb doubles
  const pG = pz + (<usize>even(nb) << 3); // gemm
  let ei: f64 = 0;

  for (let j = 0; j < nb; j++) {
    const jj = <usize>j << 3;
    const pb = pAk + <usize>j * ldA; // b = A[k:n, j]
    const tj = pT + <usize>j * ldT; // column j of T
    if (j > 0) {
      // 1. b ← b − Y[k:n, 0:j]·V[j−1, 0:j]ᵀ   (V[j−1, j−1] = 1 is stored explicitly at this point)
      gemv(0, m, j, -1, pYk, ldy, pAk + jj - 8, lda, 1, pb, 1);
      // 2. z ← V₁ᵀ·b[0:j] + V₂ᵀ·b[j:m]   (V₁ unit lower triangular: the diagonal is not read)
      for (let c = 0; c < j; c++) {
        const vc = pAk + <usize>c * ldA;
        let s = load<f64>(pb + (<usize>c << 3));
        for (let r = c + 1; r < j; r++) s += load<f64>(vc + (<usize>r << 3)) * load<f64>(pb + (<usize>r << 3));
        store<f64>(pz + (<usize>c << 3), s);
      }
      gemv(1, m - j, j, 1, pAk + jj, lda, pb + jj, 1, 1, pz, 1);
      //    z ← Tᵀ·z   (upper triangular; entry c uses z[0:c+1], so walk c downwards)
      for (let c = j - 1; c >= 0; c--) {
        const tc = pT + <usize>c * ldT;
        let s = load<f64>(tc) * load<f64>(pz);
        for (let l = 1; l <= c; l++) s += load<f64>(tc + (<usize>l << 3)) * load<f64>(pz + (<usize>l << 3));
        store<f64>(pz + (<usize>c << 3), s);
      }
      //    b[j:m] ← b[j:m] − V₂·z
      gemv(0, m - j, j, -1, pAk + jj, lda, pz, 1, 1, pb + jj, 1);
      //    b[0:j] ← b[0:j] − V₁·z   (row r of V₁·z = z[r] + V[r, 0:r]·z[0:r])
      for (let r = 0; r < j; r++) {
        const o = <usize>r << 3;
        let s = load<f64>(pz + o);
        for (let c = 0; c < r; c++) s += load<f64>(pAk + <usize>c * ldA + o) * load<f64>(pz + (<usize>c << 3));
        store<f64>(pb + o, load<f64>(pb + o) - s);
      }
      store<f64>(pAk + jj - 8 + <usize>(j - 1) * ldA, ei); // β of column j−1 back on the subdiagonal
    }
    // 3. Hⱼ·b[j:m] = β·e₁; the unit of vⱼ stored explicitly until the next column (or the end) is done
    const pv = pb + jj; // A[k+j, j]
    const len = m - j;
    const tau = larfg(len, pv, pv + (len > 1 ? 8 : 0), 1);
    store<f64>(pTau + jj, tau);
    ei = load<f64>(pv);
    store<f64>(pv, 1);
    // 4. Y[k:n, j] ← τⱼ·(A[k:n, j+1:j+1+len]·vⱼ − Y[k:n, 0:j]·T[0:j, j]),  T[0:j, j] ← V[j:m, 0:j]ᵀ·vⱼ
    const yj = pYk + <usize>j * ldY;
    gemv(0, m, len, 1, pAk + <usize>(j + 1) * ldA, lda, pv, 1, 0, yj, 1);
    gemv(1, len, j, 1, pAk + jj, lda, pv, 1, 0, tj, 1);
    gemv(0, m, j, -1, pYk, ldy, tj, 1, 1, yj, 1);
    scal(m, tau, yj, 1);
    // 5. T[0:j, j] ← T[0:j, 0:j]·(−τⱼ·T[0:j, j])   (in place: row r uses entries r … j−1 only)
    scal(j, -tau, tj, 1);
    for (let r = 0; r < j; r++) {
      const tr = pT + (<usize>r << 3); // row r of T
      let s = load<f64>(tr + <usize>r * ldT) * load<f64>(tj + (<usize>r << 3));
      for (let l = r + 1; l < j; l++) s += load<f64>(tr + <usize>l * ldT) * load<f64>(tj + (<usize>l << 3));
      store<f64>(tj + (<usize>r << 3), s);
    }
    store<f64>(tj + jj, tau);
    for (let r = j + 1; r < nb; r++) store<f64>(tj + (<usize>r << 3), 0);
  }
  store<f64>(pAk + (<usize>(nb - 1) << 3) + <usize>(nb - 1) * ldA, ei);

  // V̂ ← V with the unit diagonal and the zero upper triangle written out
  explicitV(m, nb, pAk, lda, pVf);
  if (k > 0) {
    // Y[0:k, :] ← (A[0:k, 1:m+1]·V̂)·T
    gemm(0, 0, k, nb, m, 1.0, pA + ldA, lda, pVf, m, 0, pWk, k, pG);
    gemm(0, 0, k, nb, nb, 1.0, pWk, k, pT, ldt, 0, pY, ldy, pG);
  }
}
