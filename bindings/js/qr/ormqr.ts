/**
 * ormqr — apply Q or Qᵀ from a Householder QR to a matrix, blocked. JS mirror of assembly/qr/ormqr.ts
 * (read it for the math and storage): trans = 1 gives C ← Qᵀ·C, trans = 0 gives C ← Q·C, with
 * Q = H₀ ⋯ Hₖ₋₁ stored below the diagonal of A (m×k) and τ; nb reflectors at a time through larft + larfb
 * (nb: the tuning key T_ORMQR_NB, read from this module's own tuning table, ../tuning.js).
 */
import { larft } from './larft.js';
import { larfb, larfbScratch } from './larfb.js';
import { even } from '../util.js';
import { tune, T_ORMQR_NB } from '../tuning.js';

export function ormqrScratch(m: number, n: number, k: number): number {
  const nb = Math.max(1, Math.min(tune(T_ORMQR_NB), k));
  return even(nb * nb) + larfbScratch(m, n, nb);
}

export function ormqr(
  trans: number, m: number, n: number, k: number, a: Float64Array, offA: number, lda: number,
  tau: Float64Array, offTau: number, c: Float64Array, offC: number, ldc: number, w: Float64Array, offW: number,
): void {
  if (m <= 0 || n <= 0 || k <= 0) return;
  const nb = Math.max(1, Math.min(tune(T_ORMQR_NB), k));
  const offT = offW;
  const offWW = offW + even(nb * nb);
  const step = (i: number, ib: number): void => {
    const offV = offA + i + i * lda;
    larft(m - i, ib, a, offV, lda, tau, offTau + i, w, offT, ib);
    larfb(trans, m - i, n, ib, a, offV, lda, w, offT, ib, c, offC + i, ldc, w, offWW);
  };
  if (trans) {
    for (let i = 0; i < k; i += nb) step(i, Math.min(nb, k - i));
  } else {
    const last = Math.floor((k - 1) / nb) * nb;
    for (let i = last; i >= 0; i -= nb) step(i, Math.min(nb, k - i));
  }
}
