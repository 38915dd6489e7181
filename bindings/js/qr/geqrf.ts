/**
 * geqrf — blocked Householder QR: A = Q·R                          (2mn² − 2n³/3 flops for m ≥ n;
 *                                                                   2nm² − 2m³/3 for m < n)
 *
 * JS mirror of assembly/qr/geqrf.ts (read it for the partition diagram). For each block column i
 * (width ib = min(nb, k − i), k = min(m, n)): geqr2 on the panel A[i:m, i:i+ib], larft for T, and
 * larfb applies Hᵀ = I − V·Tᵀ·Vᵀ to the trailing matrix A[i:m, i+ib:n]. No unblocked crossover.
 *
 * Storage: A[i, j] = a[offA + i + j·lda]. On exit R in the upper trapezoid, vᵢ below the diagonal,
 * τᵢ = tau[offTau + i] for i < min(m, n) — the geqr2 layout.
 *
 * Workspace: w[offW…], `geqrfScratch(m, n)` doubles (T, then geqr2's or larfb's workspace); depends on
 * the block size and the GEMM blocking in force. Same operation order as the wasm kernel.
 *
 * The block size is the tuning key T_GEQRF_NB (default 32, measured: see assembly/qr/geqrf.ts), read
 * from this module's own tuning table (../tuning.js), separate from each wasm instance's.
 *
 * References: Golub & Van Loan, 4th ed., §5.2.3 (Algorithm 5.2.2); Schreiber & Van Loan 1989; LAPACK dgeqrf.
 */
import { geqr2 } from './geqr2.js';
import { larft } from './larft.js';
import { larfb, larfbScratch } from './larfb.js';
import { even } from '../util.js';
import { tune, T_GEQRF_NB } from '../tuning.js';

/** Doubles of workspace `geqrf` needs for an m×n matrix, with T_GEQRF_NB and the GEMM blocking in force. */
export function geqrfScratch(m: number, n: number): number {
  const k = Math.min(m, n);
  if (k <= 0) return 0;
  const nb = Math.min(tune(T_GEQRF_NB), k);
  return even(nb * nb) + Math.max(n, larfbScratch(m, n, nb));
}

export function geqrf(
  m: number, n: number, a: Float64Array, offA: number, lda: number,
  tau: Float64Array, offTau: number, w: Float64Array, offW: number,
): void {
  const k = Math.min(m, n);
  if (k <= 0) return;
  const nb = Math.min(tune(T_GEQRF_NB), k);
  const oT = offW;
  const oW = offW + even(nb * nb);
  for (let i = 0; i < k; i += nb) {
    const ib = Math.min(nb, k - i);
    const aii = offA + i + i * lda;
    // [A11; A21] = Q₁·[R11; 0]: panel factorisation, V below the diagonal of the panel
    geqr2(m - i, ib, a, aii, lda, tau, offTau + i, w, oW);
    if (i + ib < n) {
      // H = H_i ⋯ H_{i+ib−1} = I − V·T·Vᵀ
      larft(m - i, ib, a, aii, lda, tau, offTau + i, w, oT, ib);
      // [A12; A22] ← Hᵀ·[A12; A22]
      larfb(1, m - i, n - i - ib, ib, a, aii, lda, w, oT, ib, a, aii + ib * lda, lda, w, oW);
    }
  }
}
