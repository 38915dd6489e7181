/**
 * larfbr — apply a backward, rowwise block reflector from the right through GEMM   (≈ 4mnk + 2mk² flops)
 *
 *   trans = 0:  C ← C·H   = C − ((C·Vᵀ)·T )·V          H = I − Vᵀ·T·V  (larftb.ts)
 *   trans = 1:  C ← C·Hᵀ  = C − ((C·Vᵀ)·Tᵀ)·V
 *
 * The twin of larfb.ts for RQ: gerqf applies H to the rows above its panel (A = R·Q is built by
 * multiplying A by the reflectors on the right), orgrq applies Hᵀ to the rows of Q already formed.
 *
 * C is m×n at `pC` (ldc ≥ max(1, m)). V is k×n at `pV` (ldv ≥ k, k ≤ n), backward rowwise: row i has its
 * unit entry at column n−k+i (not read) and zeros right of it (not read) — in gerqf/orgrq that storage
 * holds R. T is k×k lower triangular at `pT` (ldt ≥ k): only its lower triangle is read.
 *
 * As in larfb, V and T are first copied to workspace as full matrices — V̂ with its ones and zeros
 * written out, T̂ with a zero upper triangle — so that every product runs through the packed GEMM:
 *
 *   W  ← C·V̂ᵀ            m×k    gemm(C, Vᵀ)             2mnk flops
 *   W₂ ← W·op(T̂)         m×k    gemm(W, op(T))          2mk²
 *   C  ← C − W₂·V̂        m×n    gemm(W₂, V), β = 1      2mnk
 *
 * Workspace: `pw`, 16-byte aligned, `larfbrScratch(m, n, k)` doubles: V̂ (k·n), T̂ (k·k), W and W₂ (m·k
 * each), each rounded up to an even count, plus the largest gemmScratch of the three products (with the
 * GEMM blocking in force). Returns nothing.
 *
 * References: Schreiber & Van Loan, SIAM J. Sci. Stat. Comput. 10(1), 1989; Golub & Van Loan, 4th ed.,
 * §5.1.7; LAPACK dlarfb (side = 'R', direct = 'B', storev = 'R').
 */
import { gemm, gemmScratch } from '../gemm/gemm';
import { even } from '../util';

/** Doubles of workspace `larfbr` needs for C m×n and k reflectors, with the GEMM blocking in force. */
export function larfbrScratch(m: i32, n: i32, k: i32): i32 {
  if (m <= 0 || n <= 0 || k <= 0) return 0;
  const g = max(gemmScratch(m, k, n), max(gemmScratch(m, k, k), gemmScratch(m, n, k)));
  return even(k * n) + even(k * k) + 2 * even(m * k) + g;
}

export function larfbr(
  trans: i32, m: i32, n: i32, k: i32,
  pV: usize, ldv: i32, pT: usize, ldt: i32, pC: usize, ldc: i32, pw: usize,
): void {
  if (m <= 0 || n <= 0 || k <= 0) return;
  const pVf = pw;
  const pTf = pVf + (<usize>even(k * n) << 3);
  const pW = pTf + (<usize>even(k * k) << 3);
  const pW2 = pW + (<usize>even(m * k) << 3);
  const pG = pW2 + (<usize>even(m * k) << 3);
  const ldV = <usize>ldv << 3;
  const ldT = <usize>ldt << 3;
  const ldK = <usize>k << 3;

  // V̂ ← V (k×n, leading dimension k): row i stored left of column n−k+i, 1 there, 0 right of it
  for (let j = 0; j < n; j++) {
    const src = pV + <usize>j * ldV;
    const dst = pVf + <usize>j * ldK;
    for (let i = 0; i < k; i++) {
      const c = n - k + i;
      store<f64>(dst + (<usize>i << 3), j < c ? load<f64>(src + (<usize>i << 3)) : j == c ? 1.0 : 0.0);
    }
  }
  // T̂ ← T with a zero strict upper triangle
  for (let j = 0; j < k; j++) {
    const src = pT + <usize>j * ldT;
    const dst = pTf + <usize>j * ldK;
    for (let i = 0; i < j; i++) store<f64>(dst + (<usize>i << 3), 0);
    for (let i = j; i < k; i++) store<f64>(dst + (<usize>i << 3), load<f64>(src + (<usize>i << 3)));
  }
  // W ← C·V̂ᵀ
  gemm(0, 1, m, k, n, 1.0, pC, ldc, pVf, k, 0, pW, m, pG);
  // W₂ ← W·op(T̂)
  gemm(0, trans, m, k, k, 1.0, pW, m, pTf, k, 0, pW2, m, pG);
  // C ← C − W₂·V̂
  gemm(0, 0, m, n, k, -1.0, pW2, m, pVf, k, 1.0, pC, ldc, pG);
}
