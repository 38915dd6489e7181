/**
 * gehd2 — Householder reduction to upper Hessenberg form, unblocked          (10/3·n³ flops)
 *
 * JS mirror of assembly/eig/gen/gehd2.ts (read it for the picture). A[i, j] = a[offA + i + j·lda];
 * τ at tau[offTau…] (n − 1); workspace w[offW…], n doubles. Same operation order. Returns 0.
 *
 * References: Golub & Van Loan, 4th ed., §7.4.3; LAPACK dgehd2.
 */
import { larfg } from '../../qr/larfg.js';
import { larf } from '../../qr/larf.js';
import { gemv } from '../../blas/gemv.js';
import { axpy } from '../../blas/axpy.js';

export function gehd2(
  n: number, ilo: number, ihi: number, a: Float64Array, offA: number, lda: number, tau: Float64Array, offTau: number,
  w: Float64Array, offW: number,
): number {
  if (n <= 1) return 0;
  for (let i = 0; i < n - 1; i++) tau[offTau + i] = 0;
  gehd2Steps(n, ilo, ihi, a, offA, lda, tau, offTau, w, offW);
  return 0;
}

/** Steps i = i0 … ihi−2 of the loop above, τ outside them not written (gehrd.ts finishes with it). */
export function gehd2Steps(
  n: number, i0: number, ihi: number, a: Float64Array, offA: number, lda: number, tau: Float64Array, offTau: number,
  w: Float64Array, offW: number,
): void {
  for (let i = i0; i < ihi - 1; i++) {
    const pv = offA + (i + 1) + i * lda;
    const nr = ihi - i;
    const t = larfg(nr, a, pv, a, pv + 1, 1);
    tau[offTau + i] = t;
    larfRight(ihi + 1, nr, a, pv, t, a, offA + (i + 1) * lda, lda, w, offW);
    larf(nr, n - i - 1, a, pv, 1, t, a, pv + lda, lda, w, offW);
  }
}

/** C ← C·(I − τ·v·vᵀ), v₀ = 1 implicit (see the wasm kernel). */
function larfRight(
  m: number, nv: number, v: Float64Array, offV: number, tau: number, c: Float64Array, offC: number, ldc: number,
  w: Float64Array, offW: number,
): void {
  if (tau === 0 || m <= 0) return;
  gemv(0, m, nv - 1, 1.0, c, offC + ldc, ldc, v, offV + 1, 1, 0, w, offW, 1);
  for (let r = 0; r < m; r++) w[offW + r] = w[offW + r]! + c[offC + r]!;
  axpy(m, -tau, w, offW, 1, c, offC, 1);
  for (let j = 1; j < nv; j++) axpy(m, -tau * v[offV + j]!, w, offW, 1, c, offC + j * ldc, 1);
}
