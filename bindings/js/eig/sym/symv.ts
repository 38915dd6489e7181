/**
 * symv — y ← α·A·x, A symmetric, lower triangle stored                (BLAS dsymv, uplo = 'L'; 2n² flops)
 *
 * JS mirror of assembly/eig/sym/symv.ts (read it for the layout of the computation). One pass over the
 * stored triangle does both halves of each column (axpy into y below the diagonal, dot into y[j]), four
 * columns at a time: the 4×4 diagonal block scalar, then rows k+4 … n−1 in pairs with two partial sums
 * per column (rows k+4, k+6, … and k+5, k+7, …, the two SIMD lanes of the wasm kernel), summed as
 * (lane 0 + lane 1) + odd last row; the last n mod 4 columns one at a time; y ← α·y when α ≠ 1.
 *
 * From n ≥ SYMV_PANEL_MIN the columns are cut into SYMV_PANELS fixed panels (symvPanelStart), each
 * accumulated into its own partial vector (panel 0 into y, panel p into w[offW + (p−1)·n …]) and then
 * added, y = ((y⁽⁰⁾ + y⁽¹⁾) + y⁽²⁾) + y⁽³⁾: the wasm kernel runs the panels over its thread pool, this
 * mirror one after the other, the same operations either way.
 *
 * Storage: A[i, j] = a[offA + i + j·lda] (lower triangle read), x[offX…], y[offY…] (unit stride, n each,
 * y not read); workspace w[offW…], symvScratch(n) doubles. Same operation order as the wasm kernel, so
 * the results agree bit for bit.
 *
 * Reference: reference BLAS dsymv; Golub & Van Loan, 4th ed., §8.3.1.
 */
import { axpy } from '../../blas/axpy.js';

/** Panels of the panelled symv (assembly/eig/sym/symv.ts). */
export const SYMV_PANELS = 4;
/** Smallest order run in panels (assembly/eig/sym/symv.ts: measured there). */
export const SYMV_PANEL_MIN = 256;

export function symv(
  n: number, alpha: number, a: Float64Array, offA: number, lda: number,
  x: Float64Array, offX: number, y: Float64Array, offY: number, w: Float64Array, offW: number,
): void {
  if (n <= 0) return;
  if (n < SYMV_PANEL_MIN) {
    for (let i = 0; i < n; i++) y[offY + i] = 0;
    symvCols(n, 0, n, a, offA, lda, x, offX, y, offY);
  } else {
    for (let p = 0; p < SYMV_PANELS; p++) symvPanel(p, n, a, offA, lda, x, offX, y, offY, w, offW);
    // y = ((p₀ + p₁) + p₂) + p₃, panel q adding to rows c_q … n−1
    // axpy with α = 1 adds exactly (1·x = x)
    for (let q = 1; q < SYMV_PANELS; q++) {
      const c = symvPanelStart(n, q);
      axpy(n - c, 1, w, offW + (q - 1) * n + c, 1, y, offY + c, 1);
    }
  }
  if (alpha !== 1) for (let i = 0; i < n; i++) y[offY + i] = alpha * y[offY + i]!;
}

/** Doubles of workspace `symv` needs for order n: (P − 1)·n when it runs in panels, else 0. */
export function symvScratch(n: number): number {
  return n >= SYMV_PANEL_MIN ? (SYMV_PANELS - 1) * n : 0;
}

/** First column of panel p: c_p = 4·⌊x/4⌋, x the smallest c with P·(n − c)² ≤ (P − p)·n² (exact tests). */
export function symvPanelStart(n: number, p: number): number {
  if (p <= 0) return 0;
  if (p >= SYMV_PANELS) return n;
  const rhs = (SYMV_PANELS - p) * n * n;
  let c = Math.floor(n - n * Math.sqrt((SYMV_PANELS - p) / SYMV_PANELS));
  c = Math.max(0, Math.min(n, c));
  while (c > 0 && SYMV_PANELS * (n - (c - 1)) * (n - (c - 1)) <= rhs) c--;
  while (SYMV_PANELS * (n - c) * (n - c) > rhs) c++;
  return c & ~3;
}

/** Panel p: columns c_p … c_{p+1}−1 into y (p = 0, rows 0 … n−1 zeroed first) or rows c_p … n−1 of w[offW + (p−1)·n …]. */
function symvPanel(
  p: number, n: number, a: Float64Array, offA: number, lda: number,
  x: Float64Array, offX: number, y: Float64Array, offY: number, w: Float64Array, offW: number,
): void {
  const k0 = symvPanelStart(n, p);
  const d = p === 0 ? y : w;
  const offD = p === 0 ? offY : offW + (p - 1) * n;
  for (let i = k0; i < n; i++) d[offD + i] = 0;
  symvCols(n, k0, symvPanelStart(n, p + 1), a, offA, lda, x, offX, d, offD);
}

/** y[k0:n] += (columns k0 … k1−1 of the lower triangle of A, both halves)·x (the 4-column kernel from k0). */
function symvCols(
  n: number, k0: number, k1: number, a: Float64Array, offA: number, lda: number,
  x: Float64Array, offX: number, y: Float64Array, offY: number,
): void {
  let k = k0;
  for (; k + 3 < k1; k += 4) {
    const c0 = offA + k * lda;
    const c1 = c0 + lda;
    const c2 = c1 + lda;
    const c3 = c2 + lda;
    const xk = offX + k;
    const yk = offY + k;
    const x0 = x[xk]!, x1 = x[xk + 1]!, x2 = x[xk + 2]!, x3 = x[xk + 3]!;
    // 4×4 lower diagonal block: rows k..k+3
    const a10 = a[c0 + k + 1]!, a20 = a[c0 + k + 2]!, a30 = a[c0 + k + 3]!;
    const a21 = a[c1 + k + 2]!, a31 = a[c1 + k + 3]!;
    const a32 = a[c2 + k + 3]!;
    y[yk] = y[yk]! + a[c0 + k]! * x0;
    y[yk + 1] = y[yk + 1]! + a10 * x0 + a[c1 + k + 1]! * x1;
    y[yk + 2] = y[yk + 2]! + a20 * x0 + a21 * x1 + a[c2 + k + 2]! * x2;
    y[yk + 3] = y[yk + 3]! + a30 * x0 + a31 * x1 + a32 * x2 + a[c3 + k + 3]! * x3;
    const t0 = a10 * x1 + a20 * x2 + a30 * x3;
    const t1 = a21 * x2 + a31 * x3;
    const t2 = a32 * x3;
    // rows k+4 … n−1, in pairs
    let i = k + 4;
    let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
    for (; i + 1 < n; i += 2) {
      const a0 = a[c0 + i]!, b0 = a[c0 + i + 1]!;
      const a1 = a[c1 + i]!, b1 = a[c1 + i + 1]!;
      const a2 = a[c2 + i]!, b2 = a[c2 + i + 1]!;
      const a3 = a[c3 + i]!, b3 = a[c3 + i + 1]!;
      const xa = x[offX + i]!, xb = x[offX + i + 1]!;
      y[offY + i] = y[offY + i]! + a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
      y[offY + i + 1] = y[offY + i + 1]! + b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3;
      s00 += a0 * xa; s01 += b0 * xb;
      s10 += a1 * xa; s11 += b1 * xb;
      s20 += a2 * xa; s21 += b2 * xb;
      s30 += a3 * xa; s31 += b3 * xb;
    }
    let u0 = s00 + s01;
    let u1 = s10 + s11;
    let u2 = s20 + s21;
    let u3 = s30 + s31;
    if (i < n) {
      // odd last row
      const a0 = a[c0 + i]!, a1 = a[c1 + i]!, a2 = a[c2 + i]!, a3 = a[c3 + i]!;
      const xi = x[offX + i]!;
      y[offY + i] = y[offY + i]! + a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
      u0 += a0 * xi;
      u1 += a1 * xi;
      u2 += a2 * xi;
      u3 += a3 * xi;
    }
    y[yk] = y[yk]! + (t0 + u0);
    y[yk + 1] = y[yk + 1]! + (t1 + u1);
    y[yk + 2] = y[yk + 2]! + (t2 + u2);
    y[yk + 3] = y[yk + 3]! + u3;
  }
  // the last (k1 − k0) mod 4 columns
  for (; k < k1; k++) {
    const ck = offA + k * lda;
    const xk = x[offX + k]!;
    y[offY + k] = y[offY + k]! + a[ck + k]! * xk;
    let t = 0;
    for (let i = k + 1; i < n; i++) {
      const v = a[ck + i]!;
      y[offY + i] = y[offY + i]! + v * xk;
      t += v * x[offX + i]!;
    }
    y[offY + k] = y[offY + k]! + t;
  }
}
