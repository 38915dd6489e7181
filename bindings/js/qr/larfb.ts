/**
 * larfb — apply a block reflector from the left through GEMM                   (≈ 4mnk + 2nk² flops)
 *
 * JS mirror of assembly/qr/larfb.ts (read it for the math):
 *
 *   trans = 0:  C ← H·C  = C − V·(T ·(Vᵀ·C)),    trans = 1:  C ← Hᵀ·C = C − V·(Tᵀ·(Vᵀ·C))
 *
 * C is m×n (C[i, j] = c[offC + i + j·ldc]); V m×k unit lower trapezoidal (strict lower part read), T
 * k×k upper triangular (upper triangle read), k ≤ m. V and T are copied to explicit full matrices V̂, T̂
 * in the workspace, then W ← V̂ᵀ·C, W₂ ← op(T̂)·W, C ← C − V̂·W₂ (three gemm calls).
 *
 * Workspace: w[offW…], `larfbScratch(m, n, k)` doubles (same layout as the wasm kernel: V̂, T̂, W, W₂ each
 * rounded up to an even count, then the gemm scratch). Same operation order, so the bits agree.
 *
 * References: Schreiber & Van Loan 1989; Golub & Van Loan, 4th ed., §5.1.7, §5.2.3; LAPACK dlarfb.
 */
import { gemm, gemmScratch } from '../gemm/gemm.js';
import { even } from '../util.js';

/** Doubles of workspace `larfb` needs for C m×n and k reflectors, with the GEMM blocking in force. */
export function larfbScratch(m: number, n: number, k: number): number {
  if (m <= 0 || n <= 0 || k <= 0) return 0;
  const g = Math.max(gemmScratch(k, n, m), gemmScratch(k, n, k), gemmScratch(m, n, k));
  return even(m * k) + even(k * k) + 2 * even(k * n) + g;
}

export function larfb(
  trans: number, m: number, n: number, k: number,
  v: Float64Array, offV: number, ldv: number, t: Float64Array, offT: number, ldt: number,
  c: Float64Array, offC: number, ldc: number, w: Float64Array, offW: number,
): void {
  if (m <= 0 || n <= 0 || k <= 0) return;
  const oVf = offW;
  const oTf = oVf + even(m * k);
  const oW = oTf + even(k * k);
  const oW2 = oW + even(k * n);
  const oG = oW2 + even(k * n);

  explicitV(m, k, v, offV, ldv, w, oVf);
  // T̂ ← T with a zero strict lower triangle
  for (let j = 0; j < k; j++) {
    const src = offT + j * ldt;
    const dst = oTf + j * k;
    for (let i = 0; i <= j; i++) w[dst + i] = t[src + i]!;
    for (let i = j + 1; i < k; i++) w[dst + i] = 0;
  }
  // W ← V̂ᵀ·C
  gemm(1, 0, k, n, m, 1.0, w, oVf, m, c, offC, ldc, 0, w, oW, k, w, oG);
  // W₂ ← op(T̂)·W
  gemm(trans, 0, k, n, k, 1.0, w, oTf, k, w, oW, k, 0, w, oW2, k, w, oG);
  // C ← C − V̂·W₂
  gemm(0, 0, m, n, k, -1.0, w, oVf, m, w, oW2, k, 1.0, c, offC, ldc, w, oG);
}

/** V̂ ← V with the unit diagonal and the zero upper triangle written out (V̂ m×k, leading dimension m). */
export function explicitV(m: number, k: number, v: Float64Array, offV: number, ldv: number, d: Float64Array, offD: number): void {
  for (let j = 0; j < k; j++) {
    const src = offV + j * ldv;
    const dst = offD + j * m;
    for (let i = 0; i < j; i++) d[dst + i] = 0;
    d[dst + j] = 1;
    for (let i = j + 1; i < m; i++) d[dst + i] = v[src + i]!;
  }
}
