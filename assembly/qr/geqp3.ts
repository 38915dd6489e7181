/**
 * geqp3 — Householder QR with column pivoting: A·P = Q·R                 (≈ 4mnk − 2(m + n)k² + 4k³/3
 *                                                                          flops, k = min(m, n); level 2)
 *
 * Businger & Golub (1965): at step i, swap into position i the remaining column with the largest norm
 * below row i, then eliminate it with a reflector as in geqr2. The result is rank-revealing in the usual
 * practical sense: |R[0,0]| ≥ |R[1,1]| ≥ … ≥ |R[k−1,k−1]|, and indeed |R[i,i]| ≥ ‖R[i:j+1, j]‖ for every
 * j > i, so a numerically rank-r matrix shows a small trailing block R[r:, r:] (estimate the rank from
 * the diagonal against a tolerance such as max(m, n)·eps·|R[0,0]|).
 *
 * Column norms. The partial norms ν_j = ‖A[i:m, j]‖ of the not-yet-chosen columns are kept in vn1 and
 * downdated after each step instead of recomputed (Golub & Van Loan §5.4.2):
 *
 *   ν_j ← ν_j·sqrt(1 − (|A[i, j]|/ν_j)²)        (A[i, j] after Hᵢ was applied)
 *
 * This cancels catastrophically once ν_j has shrunk a lot since it was last computed exactly. The
 * Drmač–Bujanović safeguard (LAPACK 3.x dlaqp2) keeps vn2_j = the norm at the last exact computation
 * and recomputes ν_j with nrm2 from the data whenever
 *
 *   (1 − (|A[i, j]|/ν_j)²) · (ν_j / vn2_j)²  ≤  sqrt(eps)       (eps = UNIT_ROUNDOFF = 2^-53,
 *                                                               dlamch('E') as in dlaqp2)
 *
 * i.e. when the downdated value would have lost about half its digits.
 *
 * Storage: on entry A (m×n) at `pA`, lda ≥ max(1, m). On exit R is in the upper trapezoid of A, the
 * reflectors vᵢ below the diagonal and τᵢ at `pTau` (min(m, n) doubles) — the geqr2 layout, so org2r/orgqr
 * form Q — and `pJpvt` (n Int32 values, 0-based) holds the permutation: column j of A·P is column
 * jpvt[j] of the original A. Ties go to the lowest index, so a matrix whose column norms are already
 * non-increasing (e.g. the identity) is not permuted.
 *
 * Workspace: `pw`, `geqp3Scratch(m, n)` = 3n doubles (vn1, vn2, larf's w). Returns nothing.
 *
 * References: Businger & Golub, "Linear least squares solutions by Householder transformations", Numer.
 * Math. 7, 1965; Golub & Van Loan, 4th ed., §5.4.2 (Algorithm 5.4.1); Drmač & Bujanović, "On the failure
 * of rank-revealing QR factorization software — a case study", ACM TOMS 35(2), 2008; LAPACK dgeqp3/dlaqp2.
 * (This is the unblocked level-2 algorithm; LAPACK's dlaqps blocks the trailing update.)
 */
import { nrm2 } from '../blas/nrm2';
import { iamax } from '../blas/iamax';
import { larfg } from './larfg';
import { larf } from './larf';

// @ts-ignore: decorator
@inline const TOL3Z: f64 = 1.0536712127723509e-8; // sqrt(UNIT_ROUNDOFF) = sqrt(2^-53), dlaqp2's TOL3Z (sqrt does not fold)

export function geqp3Scratch(m: i32, n: i32): i32 {
  return n > 0 ? 3 * n : 0;
}

export function geqp3(m: i32, n: i32, pA: usize, lda: i32, pJpvt: usize, pTau: usize, pw: usize): void {
  if (n <= 0) return;
  const ldA = <usize>lda << 3;
  const vn1 = pw;
  const vn2 = pw + (<usize>n << 3);
  const pWork = vn2 + (<usize>n << 3);
  for (let j = 0; j < n; j++) {
    const nj = nrm2(m, pA + <usize>j * ldA, 1);
    store<f64>(vn1 + (<usize>j << 3), nj);
    store<f64>(vn2 + (<usize>j << 3), nj);
    store<i32>(pJpvt + (<usize>j << 2), j);
  }
  const k = min(m, n);
  for (let i = 0; i < k; i++) {
    // pivot: the first column of largest partial norm among i…n−1
    const pvt = i + iamax(n - i, vn1 + (<usize>i << 3), 1);
    if (pvt != i) {
      const cp = pA + <usize>pvt * ldA;
      const ci = pA + <usize>i * ldA;
      for (let l = 0; l < m; l++) {
        const o = <usize>l << 3;
        const t = load<f64>(cp + o);
        store<f64>(cp + o, load<f64>(ci + o));
        store<f64>(ci + o, t);
      }
      const jp = load<i32>(pJpvt + (<usize>pvt << 2));
      store<i32>(pJpvt + (<usize>pvt << 2), load<i32>(pJpvt + (<usize>i << 2)));
      store<i32>(pJpvt + (<usize>i << 2), jp);
      store<f64>(vn1 + (<usize>pvt << 3), load<f64>(vn1 + (<usize>i << 3)));
      store<f64>(vn2 + (<usize>pvt << 3), load<f64>(vn2 + (<usize>i << 3)));
    }
    // Hᵢ: A[i:m, i] → [β; 0], then A[i:m, i+1:n] ← Hᵢ·A[i:m, i+1:n]
    const aii = pA + (<usize>i << 3) + <usize>i * ldA;
    const tau = larfg(m - i, aii, aii + 8, 1);
    store<f64>(pTau + (<usize>i << 3), tau);
    if (i + 1 < n) larf(m - i, n - i - 1, aii, 1, tau, aii + ldA, lda, pWork);
    // downdate the partial norms of columns i+1…n−1 to rows i+1…m−1
    for (let j = i + 1; j < n; j++) {
      const o = <usize>j << 3;
      const nu = load<f64>(vn1 + o);
      if (nu == 0) continue;
      const aij = pA + (<usize>i << 3) + <usize>j * ldA;
      const r = Math.abs(load<f64>(aij)) / nu;
      let temp = 1.0 - r * r;
      if (temp < 0) temp = 0;
      const q = nu / load<f64>(vn2 + o);
      const temp2 = temp * (q * q);
      if (temp2 <= TOL3Z) {
        // too much cancellation: recompute from the data
        const fresh = i + 1 < m ? nrm2(m - i - 1, aij + 8, 1) : 0.0;
        store<f64>(vn1 + o, fresh);
        store<f64>(vn2 + o, fresh);
      } else {
        store<f64>(vn1 + o, nu * Math.sqrt(temp));
      }
    }
  }
}
