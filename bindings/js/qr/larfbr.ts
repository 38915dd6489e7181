/**
 * larfbr — apply a backward, rowwise block reflector from the right through GEMM   (≈ 4mnk + 2mk² flops)
 *
 * JS mirror of assembly/qr/larfbr.ts (read it for the math):
 *
 *   trans = 0:  C ← C·H  = C − ((C·Vᵀ)·T)·V,     trans = 1:  C ← C·Hᵀ = C − ((C·Vᵀ)·Tᵀ)·V
 *
 * C m×n (C[i, j] = c[offC + i + j·ldc]); V k×n backward rowwise (unit entry of row i at column n−k+i,
 * zeros right of it, neither read); T k×k lower triangular (lower triangle read). V and T are copied
 * to explicit V̂, T̂ in the workspace, then three gemm calls.
 *
 * Workspace: w[offW…], `larfbrScratch(m, n, k)` doubles, the wasm kernel's layout. Same operation
 * order, so the bits agree.
 *
 * References: Schreiber & Van Loan 1989; Golub & Van Loan, 4th ed., §5.1.7; LAPACK dlarfb
 * (side = 'R', direct = 'B', storev = 'R').
 */
import { gemm, gemmScratch } from '../gemm/gemm.js';
import { even } from '../util.js';

/** Doubles of workspace `larfbr` needs for C m×n and k reflectors, with the GEMM blocking in force. */
export function larfbrScratch(m: number, n: number, k: number): number {
  if (m <= 0 || n <= 0 || k <= 0) return 0;
  const g = Math.max(gemmScratch(m, k, n), gemmScratch(m, k, k), gemmScratch(m, n, k));
  return even(k * n) + even(k * k) + 2 * even(m * k) + g;
}

export function larfbr(
  trans: number, m: number, n: number, k: number,
  v: Float64Array, offV: number, ldv: number, t: Float64Array, offT: number, ldt: number,
  c: Float64Array, offC: number, ldc: number, w: Float64Array, offW: number,
): void {
  if (m <= 0 || n <= 0 || k <= 0) return;
  const oVf = offW;
  const oTf = oVf + even(k * n);
  const oW = oTf + even(k * k);
  const oW2 = oW + even(m * k);
  const oG = oW2 + even(m * k);

  // V̂ ← V (k×n, leading dimension k): row i stored left of column n−k+i, 1 there, 0 right of it
  for (let j = 0; j < n; j++) {
    const src = offV + j * ldv;
    const dst = oVf + j * k;
    for (let i = 0; i < k; i++) {
      const col = n - k + i;
      w[dst + i] = j < col ? v[src + i]! : j === col ? 1.0 : 0.0;
    }
  }
  // T̂ ← T with a zero strict upper triangle
  for (let j = 0; j < k; j++) {
    const src = offT + j * ldt;
    const dst = oTf + j * k;
    for (let i = 0; i < j; i++) w[dst + i] = 0;
    for (let i = j; i < k; i++) w[dst + i] = t[src + i]!;
  }
  // W ← C·V̂ᵀ
  gemm(0, 1, m, k, n, 1.0, c, offC, ldc, w, oVf, k, 0, w, oW, m, w, oG);
  // W₂ ← W·op(T̂)
  gemm(0, trans, m, k, k, 1.0, w, oW, m, w, oTf, k, 0, w, oW2, m, w, oG);
  // C ← C − W₂·V̂
  gemm(0, 0, m, n, k, -1.0, w, oW2, m, w, oVf, k, 1.0, c, offC, ldc, w, oG);
}
