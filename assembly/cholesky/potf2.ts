/**
 * potf2 — unblocked Cholesky factorisation A = L·Lᵀ (lower)              (LAPACK dpotf2; n³/3 flops)
 *
 * A is n×n symmetric positive definite, column-major at `pA`; only the lower triangle (diagonal
 * included) is read, and it is overwritten by L. The strict upper triangle is not touched.
 *
 * Left-looking (column) form, Golub & Van Loan 4th ed. Alg. 4.2.1 / LAPACK dpotf2's order of work: for
 * j = 0, 1, …
 *   a[j:, j] += Σₖ (−ℓⱼₖ)·ℓ[j:, k]  (k = 0 … j−1 in order, terms with ℓⱼₖ = 0 skipped);
 *   ℓⱼⱼ = sqrt(aⱼⱼ);  ℓ[j+1:, j] = a[j+1:, j] / ℓⱼⱼ.
 * Every entry sees exactly the operations of the right-looking outer-product form (Alg. 4.2.2: after
 * step k, A[k+1:, k+1:] −= ℓ[k+1:, k]·ℓ[k+1:, k]ᵀ one axpy per column, skipping a zero multiplier), in
 * the same order — y ← y + (−ℓⱼₖ)·x, k ascending — so the bits are those of that form; but the column
 * being finished stays in registers (colSweep, blas/colsweep.ts: 8 rows at a time) while the finished
 * columns stream past, instead of one axpy call per column pair reading and writing the trailing
 * matrix: at n = 32 (potrf's diagonal blocks) it takes a fraction of the axpy form's time.
 *
 * Returns 0, or j + 1 when the leading minor of order j + 1 is not positive definite (aⱼⱼ ≤ 0 or NaN
 * after the updates); columns j+1… are then left untouched (LAPACK leaves them partly updated; no
 * caller reads them).
 */
import { colSweep } from '../blas/colsweep';

export function potf2(n: i32, pA: usize, lda: i32): i32 {
  const ldA = <usize>lda << 3;
  for (let j = 0; j < n; j++) {
    const colj = pA + <usize>j * ldA;
    const rowj = <usize>j << 3;
    // a[j:, j] += Σₖ (−ℓⱼₖ)·ℓ[j:, k]: ℓⱼₖ is row j of column k, the first entry of the xₖ streamed
    colSweep(n - j, j, pA + rowj, ldA, pA + rowj, ldA, colj + rowj, false, 1);
    const d = load<f64>(colj + rowj);
    if (!(d > 0)) return j + 1;
    const l = Math.sqrt(d);
    store<f64>(colj + rowj, l);
    for (let r = j + 1; r < n; r++) {
      const o = colj + (<usize>r << 3);
      store<f64>(o, load<f64>(o) / l);
    }
  }
  return 0;
}
