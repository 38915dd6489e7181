/**
 * larfb — apply a block reflector from the left through GEMM                   (≈ 4mnk + 2nk² flops)
 *
 *   trans = 0:  C ← H·C   = C − V·(T ·(Vᵀ·C))        H = I − V·T·Vᵀ  (larft.ts)
 *   trans = 1:  C ← Hᵀ·C  = C − V·(Tᵀ·(Vᵀ·C))
 *
 * geqrf applies Hᵀ to the trailing matrix (Hᵀ = Hₖ₋₁⋯H₀, the reflectors in the order they were made);
 * orgqr applies H to build Q backwards.
 *
 * C is m×n at `pC` (ldc ≥ m). V is m×k unit lower trapezoidal at `pV` (ldv ≥ m, k ≤ m): only its strict
 * lower part is read (the diagonal is taken as 1 and the upper triangle as 0 — in geqrf/orgqr that
 * storage holds R). T is k×k upper triangular at `pT` (ldt ≥ k): only its upper triangle is read.
 *
 * To run every product through the packed GEMM (gemm/gemm.ts), V and T are first copied to workspace as
 * full matrices, V̂ with explicit ones and zeros, T̂ with zeros below the diagonal. The copy costs mk + k²
 * moves against 4mnk flops, and the zero triangles add only about 2nk² flops of the small product:
 *
 *   V̂ ← V (explicit),  T̂ ← T (explicit)
 *   W  ← V̂ᵀ·C           k×n    gemm(Vᵀ, C)             2mnk flops
 *   W₂ ← op(T̂)·W        k×n    gemm(op(T), W)          2nk²
 *   C  ← C − V̂·W₂       m×n    gemm(V, W₂), β = 1      2mnk
 *
 * Workspace: `pw`, 16-byte aligned, `larfbScratch(m, n, k)` doubles: V̂ (m·k), T̂ (k·k), W and W₂ (k·n
 * each), each rounded up to an even count so every block stays 16-byte aligned, plus the largest
 * gemmScratch of the three products (with the GEMM blocking in force). Returns nothing.
 *
 * References: Schreiber & Van Loan, SIAM J. Sci. Stat. Comput. 10(1), 1989; Golub & Van Loan, 4th ed.,
 * §5.1.7 and §5.2.3 (block Householder QR); LAPACK dlarfb (side = 'L', direct = 'F', storev = 'C').
 */
import { gemm, gemmScratch } from '../gemm/gemm';
import { even } from '../util';

/** Doubles of workspace `larfb` needs for C m×n and k reflectors, with the GEMM blocking in force. */
export function larfbScratch(m: i32, n: i32, k: i32): i32 {
  if (m <= 0 || n <= 0 || k <= 0) return 0;
  const g = max(gemmScratch(k, n, m), max(gemmScratch(k, n, k), gemmScratch(m, n, k)));
  return even(m * k) + even(k * k) + 2 * even(k * n) + g;
}

export function larfb(
  trans: i32, m: i32, n: i32, k: i32,
  pV: usize, ldv: i32, pT: usize, ldt: i32, pC: usize, ldc: i32, pw: usize,
): void {
  if (m <= 0 || n <= 0 || k <= 0) return;
  const pVf = pw;
  const pTf = pVf + (<usize>even(m * k) << 3);
  const pW = pTf + (<usize>even(k * k) << 3);
  const pW2 = pW + (<usize>even(k * n) << 3);
  const pG = pW2 + (<usize>even(k * n) << 3);
  const ldT = <usize>ldt << 3;
  const ldTf = <usize>k << 3;

  explicitV(m, k, pV, ldv, pVf);
  // T̂ ← T with a zero strict lower triangle
  for (let j = 0; j < k; j++) {
    const src = pT + <usize>j * ldT;
    const dst = pTf + <usize>j * ldTf;
    for (let i = 0; i <= j; i++) store<f64>(dst + (<usize>i << 3), load<f64>(src + (<usize>i << 3)));
    for (let i = j + 1; i < k; i++) store<f64>(dst + (<usize>i << 3), 0);
  }
  // W ← V̂ᵀ·C
  gemm(1, 0, k, n, m, 1.0, pVf, m, pC, ldc, 0, pW, k, pG);
  // W₂ ← op(T̂)·W
  gemm(trans, 0, k, n, k, 1.0, pTf, k, pW, k, 0, pW2, k, pG);
  // C ← C − V̂·W₂
  gemm(0, 0, m, n, k, -1.0, pVf, m, pW2, k, 1.0, pC, ldc, pG);
}

/**
 * V̂ ← V with the unit diagonal and the zero upper triangle written out: V m×k unit lower trapezoidal at
 * `pV` (ldv ≥ m; only the strict lower part is read), V̂ m×k at `pVf` with leading dimension m.
 * Also used by lahr2 (eig/gen/lahr2.ts).
 */
export function explicitV(m: i32, k: i32, pV: usize, ldv: i32, pVf: usize): void {
  const ldV = <usize>ldv << 3;
  const ldVf = <usize>m << 3;
  for (let j = 0; j < k; j++) {
    const src = pV + <usize>j * ldV;
    const dst = pVf + <usize>j * ldVf;
    for (let i = 0; i < j; i++) store<f64>(dst + (<usize>i << 3), 0);
    store<f64>(dst + (<usize>j << 3), 1);
    for (let i = j + 1; i < m; i++) store<f64>(dst + (<usize>i << 3), load<f64>(src + (<usize>i << 3)));
  }
}
