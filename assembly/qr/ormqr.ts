/**
 * ormqr — apply Q or Qᵀ from a Householder QR to a matrix, blocked       (≈ 4mnk − 2nk² flops)
 *
 *   trans = 1:  C ← Qᵀ·C = Hₖ₋₁ ⋯ H₁·H₀·C      (reflectors in the order they were made)
 *   trans = 0:  C ← Q·C  = H₀·H₁ ⋯ Hₖ₋₁·C      (last reflector first)
 *
 * Q = H₀·H₁ ⋯ Hₖ₋₁ is held as geqrf/geqp3 leave it: vᵢ below the diagonal of column i < k of A (m×k at
 * `pA`, lda ≥ m, k ≤ m), τ at `pTau`. C is m×n at `pC` (ldc ≥ m). This is how least squares gets Qᵀ·b
 * without forming Q (2mk·n flops per pass instead of the ≈ 2mk² of forming Q first).
 *
 * The reflectors are taken nb at a time as a block reflector H = Hᵢ ⋯ Hᵢ₊ᵢᵦ₋₁ = I − V·T·Vᵀ
 * (larft) and applied to rows i…m−1 of C through GEMM (larfb): forwards with Hᵀ for Qᵀ, backwards
 * with H for Q (Golub & Van Loan 4th ed. §5.1.7; LAPACK dormqr, side = 'L').
 *
 * Workspace: `ormqrScratch(m, n, k)` doubles at `pw` (16-byte aligned). Returns nothing. Reflectors per
 * block: the tuning key T_ORMQR_NB (tuning.ts; default 32, geqrf's).
 */
import { larft } from './larft';
import { larfb, larfbScratch } from './larfb';
import { even } from '../util';
import { tuneI, T_ORMQR_NB } from '../tuning';

export function ormqrScratch(m: i32, n: i32, k: i32): i32 {
  const nb = max(1, min(tuneI(T_ORMQR_NB), k));
  return even(nb * nb) + larfbScratch(m, n, nb);
}

export function ormqr(
  trans: i32, m: i32, n: i32, k: i32, pA: usize, lda: i32, pTau: usize, pC: usize, ldc: i32, pw: usize,
): void {
  if (m <= 0 || n <= 0 || k <= 0) return;
  const nb = max(1, min(tuneI(T_ORMQR_NB), k));
  const ldA = <usize>lda << 3;
  const pT = pw;
  const pW = pw + (<usize>even(nb * nb) << 3);
  if (trans) {
    for (let i = 0; i < k; i += nb) step(i, min(nb, k - i), 1, m, n, pA, ldA, lda, pTau, pC, ldc, pT, pW);
  } else {
    const last = ((k - 1) / nb) * nb;
    for (let i = last; i >= 0; i -= nb) step(i, min(nb, k - i), 0, m, n, pA, ldA, lda, pTau, pC, ldc, pT, pW);
  }
}

/** Rows i…m−1 of C ← op(Hᵢ ⋯ Hᵢ₊ᵢᵦ₋₁)·(rows i…m−1 of C). */
function step(
  i: i32, ib: i32, trans: i32, m: i32, n: i32, pA: usize, ldA: usize, lda: i32, pTau: usize,
  pC: usize, ldc: i32, pT: usize, pW: usize,
): void {
  const pV = pA + (<usize>i << 3) + <usize>i * ldA;
  larft(m - i, ib, pV, lda, pTau + (<usize>i << 3), pT, ib);
  larfb(trans, m - i, n, ib, pV, lda, pT, ib, pC + (<usize>i << 3), ldc, pW);
}
