/**
 * sytrd3 — syev's step 2 with vectors (sytrd, then orgtr forming Q) for n = 3, written out
 *
 *   A = Q·T·Qᵀ,   T = tridiag(e, d, e),   Q = diag(1, H₀) (one Householder reflector, 2×2)
 *
 * At n = 3 the reduction is one reflector H₀ = I − τ·v·vᵀ, v = [1; v₁], that larfg makes from column 0
 * below the diagonal (the second acts on a vector of length 1: τ = 0). What sytd2 (the path sytrd takes
 * when n ≤ its block size) and orgtr → orgqr → org2r (one block when the orgqr block size is ≥ 2) do
 * with it reduces to a few lines, here written out with the same operations in the same order, so that
 * syev's results do not change by a bit (test/kernels/eig/sym/syev.test.ts compares the two):
 *
 * - sytd2, i = 0: (β, τ, v₁) = larfg(A₁₀, A₂₀); if τ ≠ 0: w = τ·A₂₂·v (symv's order at order 2:
 *   column 0 then column 1, the off-diagonal product summed last), α = −½·τ·(wᵀv) (dot's two partial
 *   sums), w += α·v (axpy), A₂₂ −= v·wᵀ + w·vᵀ (syr2, column by column, lower triangle);
 *   d₀ = A₀₀, e₀ = β. i = 1: τ₁ = 0, d₁ = A₁₁, e₁ = A₂₁; d₂ = A₂₂.
 * - orgtr: Q = diag(1, Q₂) with Q₂ = H₀ as org2r forms it: column 1 of Q₂ = H₀·e₁ by larf (gemv's dot
 *   of length 1, then C −= τ·v·wᵀ), column 0 = [1 − τ; −τ·v₁] by scal.
 *
 * Reads the lower triangle of A (3×3 at pA, column stride lda); writes d to pD (3), e to pE (2) and Q
 * over A. The caller (syev) takes this path only under the block sizes that make the general kernels
 * do exactly the above (T_SYTRD_NB ≥ 3, T_ORGQR_NB ≥ 2); tests that shrink them run the general ones.
 *
 * Why: at n = 3 the general routines' calls and loops (sytrd's blocking decision, symv, dot, axpy,
 * syr2, orgqr, org2r, larf, gemv — each for vectors of length 1 or 2) cost ≈ 17 % of a 3×3 eigh with
 * vectors (profile, lean path on the wasm backend); this path takes a fraction of that.
 *
 * References: LAPACK dsytd2, dorgtr, dorg2r, dlarf; Golub & Van Loan, 4th ed., §8.3.1.
 */
import { larfg } from '../../qr/larfg';
import { ld, st } from '../../util';

export function sytrd3(pA: usize, lda: i32, pD: usize, pE: usize): void {
  const c1 = pA + (<usize>lda << 3); // column 1
  const c2 = c1 + (<usize>lda << 3); // column 2
  // sytd2, i = 0: the reflector from A[1:3, 0] (β over A₁₀, v₁ over A₂₀)
  const t = larfg(2, pA + 8, pA + 16, 1);
  const e0 = ld(pA, 1);
  const v1 = ld(pA, 2);
  let a11 = ld(c1, 1);
  let a21 = ld(c1, 2);
  let a22 = ld(c2, 2);
  if (t != 0) {
    const v0: f64 = 1;
    // symv(2, τ, A₂₂, v): column 0, then column 1
    let y0 = 0 + a11 * v0;
    let y1 = 0 + a21 * v0;
    y0 = y0 + (0 + a21 * v1);
    y1 = y1 + a22 * v1;
    y1 = y1 + 0;
    if (t != 1) {
      y0 = t * y0;
      y1 = t * y1;
    }
    // α = −½·τ·(wᵀv); w += α·v
    const al = -0.5 * t * ((0 + y0 * v0) + (0 + y1 * v1));
    y0 = y0 + al * v0;
    y1 = y1 + al * v1;
    // syr2(2, −1, v, w, A₂₂)
    let ty = -1 * y0;
    let tx = -1 * v0;
    a11 = a11 + v0 * ty + y0 * tx;
    a21 = a21 + v1 * ty + y1 * tx;
    ty = -1 * y1;
    tx = -1 * v1;
    a22 = a22 + v1 * ty + y1 * tx;
  }
  st(pD, 0, ld(pA, 0));
  st(pD, 1, a11);
  st(pD, 2, a22);
  st(pE, 0, e0);
  st(pE, 1, a21);
  // orgtr: Q = diag(1, Q₂), Q₂ = H₀ (org2r: column 1 by larf, column 0 by scal)
  let q01: f64 = 0;
  let q11: f64 = 1;
  if (t != 0) {
    const w = 0 + 1.0 * (0 + q11 * v1) + q01;
    const tw = -t * w;
    q01 = q01 + tw;
    q11 = q11 + tw * v1;
  }
  st(pA, 0, 1);
  st(pA, 1, 0);
  st(pA, 2, 0);
  st(c1, 0, 0);
  st(c1, 1, 1.0 - t);
  st(c1, 2, -t * v1);
  st(c2, 0, 0);
  st(c2, 1, q01);
  st(c2, 2, q11);
}
