/**
 * gebd2 — unblocked Golub–Kahan bidiagonalisation: A = Q·B·Pᵀ  (m ≥ n)       (4mn² − 4n³/3 flops)
 *
 * JS mirror of assembly/svd/gebd2.ts (read it for the math and the partition diagram). Step i:
 * Hᵢ (larfg on A[i:m, i], applied from the left by larf) gives dᵢ; Gᵢ (larfg on row i, stride lda,
 * applied from the right) gives eᵢ. m < n returns −1 (gesvd transposes instead).
 *
 * Storage: A[i, j] = a[offA + i + j·lda]. On exit d, e on A's diagonal/superdiagonal and in
 * d[offD…] (n), e[offE…] (n − 1); uᵢ below the diagonal of column i, vᵢ right of the superdiagonal in
 * row i; τq, τp (n each, τpₙ₋₁ = 0). Workspace w[offW…], max(m, n) doubles. Same operation order as
 * the wasm kernel, so the bits agree.
 *
 * References: Golub & Kahan, SIAM J. Numer. Anal. 2(2), 1965; Golub & Van Loan, 4th ed., §5.4.8;
 * LAPACK dgebd2.
 */
import { larfg } from '../qr/larfg.js';
import { larf } from '../qr/larf.js';
import { gemv } from '../blas/gemv.js';
import { axpy } from '../blas/axpy.js';

export function gebd2(
  m: number, n: number, a: Float64Array, offA: number, lda: number, d: Float64Array, offD: number,
  e: Float64Array, offE: number, tauq: Float64Array, offTauq: number, taup: Float64Array, offTaup: number,
  w: Float64Array, offW: number,
): number {
  if (m < n) return -1;
  for (let i = 0; i < n; i++) {
    const aii = offA + i + i * lda;
    // Hᵢ: A[i:m, i] → [dᵢ; 0]
    const tq = larfg(m - i, a, aii, a, aii + 1, 1);
    tauq[offTauq + i] = tq;
    d[offD + i] = a[aii]!;
    if (i + 1 < n) {
      // A[i:m, i+1:n] ← Hᵢ·A[i:m, i+1:n]
      larf(m - i, n - i - 1, a, aii, 1, tq, a, aii + lda, lda, w, offW);
      // Gᵢ: A[i, i+1:n] → [eᵢ, 0]
      const aij = aii + lda; // A[i, i+1]
      const tp = larfg(n - i - 1, a, aij, a, aij + lda, lda);
      taup[offTaup + i] = tp;
      e[offE + i] = a[aij]!;
      // A[i+1:m, i+1:n] ← A[i+1:m, i+1:n]·Gᵢ
      larfRight(m - i - 1, n - i - 1, a, aij, lda, tp, a, aij + 1, lda, w, offW);
    } else {
      taup[offTaup + i] = 0;
    }
  }
  return 0;
}

/**
 * C ← C·(I − τ·v·vᵀ), C m×n; v has n entries with v₀ = 1 implicit (v[offV] is not read), vⱼ at
 * v[offV + j·incv]. w ← C·v = C[:, 0] + C[:, 1:n]·v[1:n], then C[:, j] −= (τ·vⱼ)·w.
 */
function larfRight(
  m: number, n: number, v: Float64Array, offV: number, incv: number, tau: number,
  c: Float64Array, offC: number, ldc: number, w: Float64Array, offW: number,
): void {
  if (tau === 0 || m <= 0 || n <= 0) return;
  // w ← C[:, 1:n]·v[1:n] + C[:, 0]
  gemv(0, m, n - 1, 1.0, c, offC + ldc, ldc, v, offV + incv, incv, 0, w, offW, 1);
  for (let i = 0; i < m; i++) w[offW + i] = w[offW + i]! + c[offC + i]!;
  // C[:, 0] −= τ·w;  C[:, j] −= (τ·vⱼ)·w
  axpy(m, -tau, w, offW, 1, c, offC, 1);
  for (let j = 1; j < n; j++) axpy(m, -tau * v[offV + j * incv]!, w, offW, 1, c, offC + j * ldc, 1);
}
