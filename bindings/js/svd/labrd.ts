/**
 * labrd — bidiagonalise the first nb rows and columns, deferring the trailing update
 *
 * JS mirror of assembly/svd/labrd.ts (read it for the derivation and the fused pass). Makes the nb
 * reflector pairs of gebd2 on A (m×n, m ≥ n ≥ nb) while leaving the trailing block untouched, and
 * returns X (m×nb), Y (n×nb) and V (n×nb, explicit vᵢ with V[i+1, i] = 1) with
 * "nb steps" = A − U·Yᵀ − X·Vᵀ. The products with the trailing block, A[i:m, i+1:n]ᵀuᵢ and
 * A[i+1:m, i+1:n]vᵢ, share one pass over it (vᵢ = [1; κ·r[1:]], so A·vᵢ = A[:, i+1] + κ·A·r[1:]).
 *
 * Storage: A[i, j] = a[offA + i + j·lda]; on exit the panel holds dᵢ, eᵢ, uᵢ, vᵢ as gebd2 leaves
 * them; d, e, τq, τp (nb each) at their offsets; X[i, j] = x[offX + i + j·ldx], Y and V likewise.
 * Workspace w[offW…], `labrdScratch(m, n)` doubles: the partial sums of the split fused pass (from
 * T_BRD_PANEL_MIN entries on, 4 column panels run in order — the wasm kernel's panels, which it may
 * split over threads). Same operation order as the wasm kernel (four partial sums per dot, column
 * pairs, the panels' sums added in order), so the bits agree.
 *
 * References: Dongarra, Sorensen & Hammarling 1989; Howell et al., ACM TOMS 34(3), 2008; LAPACK dlabrd.
 */
import { larfg, lapy2 } from '../qr/larfg.js';
import { axpy } from '../blas/axpy.js';
import { gemv } from '../blas/gemv.js';
import { nrm2 } from '../blas/nrm2.js';
import { scal } from '../blas/scal.js';
import { even } from '../util.js';
import { tune, T_BRD_PANEL_MIN } from '../tuning.js';

const SMALL = 3.4395525670743494e-136; // 2^-450
const BIG = 2.9073548971824276e135; // 2^450
/** Column panels of the split fused pass (a constant: the wasm kernel's bits do not depend on the thread count). */
const BRD_PANELS = 4;

/** Doubles of workspace `labrd` needs (m×n): the split fused pass's partial sums, BRD_PANELS − 1 of even(m). */
export function labrdScratch(m: number, n: number): number {
  return m <= 0 || n <= 0 ? 0 : (BRD_PANELS - 1) * even(m);
}

export function labrd(
  m: number, n: number, nb: number, a: Float64Array, offA: number, lda: number,
  d: Float64Array, offD: number, e: Float64Array, offE: number,
  tauq: Float64Array, offTauq: number, taup: Float64Array, offTaup: number,
  x: Float64Array, offX: number, ldx: number, y: Float64Array, offY: number, ldy: number,
  v: Float64Array, offV: number, ldv: number, w: Float64Array, offW: number,
): void {
  if (m <= 0 || n <= 0) return;
  const panelMin = tune(T_BRD_PANEL_MIN);
  const ldP = even(m);
  for (let i = 0; i < nb; i++) {
    const aii = offA + i + i * lda; // A[i, i]
    const ai0 = offA + i; // A[i, 0]
    const mm = m - i;
    const nn = n - i - 1;
    // column i:  A[i:m, i] −= A[i:m, 0:i]·Y[i, 0:i]ᵀ + X[i:m, 0:i]·V[i, 0:i]ᵀ
    gemv(0, mm, i, -1.0, a, ai0, lda, y, offY + i, ldy, 1.0, a, aii, 1);
    gemv(0, mm, i, -1.0, x, offX + i, ldx, v, offV + i, ldv, 1.0, a, aii, 1);
    // Hᵢ
    const tq = larfg(mm, a, aii, a, aii + 1, 1);
    const di = a[aii]!;
    tauq[offTauq + i] = tq;
    d[offD + i] = di;
    if (nn <= 0) {
      taup[offTaup + i] = 0;
      continue;
    }
    a[aii] = 1.0; // uᵢ[i] = 1 explicitly during this step
    const yi = offY + i * ldy; // Y[0, i]: top used as scratch
    const yi1 = yi + i + 1; // Y[i+1, i]
    const y10 = offY + i + 1; // Y[i+1, 0]
    const vi1 = offV + i * ldv + i + 1; // V[i+1, i]: r, then vᵢ
    const v10 = offV + i + 1; // V[i+1, 0]
    const xi = offX + i * ldx; // X[0, i]: top used as scratch
    const xi1 = xi + i + 1; // X[i+1, i]
    // cᵢ = −Y[i+1:n, 0:i]·(A[i:m, 0:i]ᵀuᵢ) − V[i+1:n, 0:i]·(X[i:m, 0:i]ᵀuᵢ)   → Y[i+1:n, i]
    gemv(1, mm, i, 1.0, a, ai0, lda, a, aii, 1, 0, y, yi, 1);
    gemv(0, nn, i, -1.0, y, y10, ldy, y, yi, 1, 0, y, yi1, 1);
    gemv(1, mm, i, 1.0, x, offX + i, ldx, a, aii, 1, 0, y, yi, 1);
    gemv(0, nn, i, -1.0, v, v10, ldv, y, yi, 1, 1.0, y, yi1, 1);
    // r ← A[i, i+1:n] − Y[i+1:n, 0:i]·A[i, 0:i]ᵀ − V[i+1:n, 0:i]·X[i, 0:i]ᵀ   → V[i+1:n, i]
    const aij = aii + lda; // A[i, i+1]
    for (let j = 0; j < nn; j++) v[vi1 + j] = a[aij + j * lda]!;
    gemv(0, nn, i, -1.0, y, y10, ldy, a, ai0, lda, 1.0, v, vi1, 1);
    gemv(0, nn, i, -1.0, v, v10, ldv, x, offX + i, ldx, 1.0, v, vi1, 1);
    // one pass over A[i:m, i+1:n]: yᵢ = τq·(Aᵀuᵢ + cᵢ), r −= yᵢ, w = A[i+1:m, i+2:n]·r[1:] → X[i+1:m, i]
    if (mm * nn >= panelMin) fusedPanels(mm, nn, a, aij, lda, aii, tq, y, yi1, v, vi1, x, xi1, w, offW, ldP);
    else fusedPass(mm, nn, a, aij, lda, aii, tq, y, yi1, v, vi1, x, xi1);
    // Gᵢ from r (contiguous in V[i+1:n, i])
    const alpha = v[vi1]!;
    const xnorm = nrm2(nn - 1, v, vi1 + 1, 1);
    const beta0 = lapy2(alpha, xnorm);
    const tp = larfg(nn, v, vi1, v, vi1 + 1, 1);
    const ei = v[vi1]!;
    taup[offTaup + i] = tp;
    e[offE + i] = ei;
    // row i of A ← [eᵢ, vᵢ[2:]];  V[i+1, i] = 1
    a[aij] = ei;
    for (let j = 1; j < nn; j++) a[aij + j * lda] = v[vi1 + j]!;
    v[vi1] = 1.0;
    // X[i+1:m, i] ← A[i+1:m, i+1:n]·vᵢ
    const mx = mm - 1;
    let fast = xnorm !== 0 && beta0 >= SMALL && beta0 <= BIG;
    if (fast) {
      // vᵢ = [1; κ·r[1:]] exactly as larfg scaled it: A·vᵢ = A[:, i+1] + κ·w (‖r‖ in range, result finite)
      const kappa = 1.0 / (alpha - ei);
      const ac = aij + 1; // A[i+1, i+1]
      for (let r = 0; r < mx; r++) {
        const t = a[ac + r]! + kappa * x[xi1 + r]!;
        x[xi1 + r] = t;
        if (!(t - t === 0)) fast = false;
      }
    }
    if (!fast) gemv(0, mx, nn, 1.0, a, aij + 1, lda, v, vi1, 1, 0, x, xi1, 1);
    // X[i+1:m, i] −= A[i+1:m, 0:i+1]·(Y[i+1:n, 0:i+1]ᵀvᵢ) + X[i+1:m, 0:i]·(V[i+1:n, 0:i]ᵀvᵢ);  ·τp
    gemv(1, nn, i + 1, 1.0, y, y10, ldy, v, vi1, 1, 0, x, xi, 1);
    gemv(0, mx, i + 1, -1.0, a, ai0 + 1, lda, x, xi, 1, 1.0, x, xi1, 1);
    gemv(1, nn, i, 1.0, v, v10, ldv, v, vi1, 1, 0, x, xi, 1);
    gemv(0, mx, i, -1.0, x, offX + i + 1, ldx, x, xi, 1, 1.0, x, xi1, 1);
    scal(mx, tp, x, xi1, 1);
    a[aii] = di;
  }
}

/**
 * The fused pass of step i over the nn columns C = A[i:m, i+1:n] (mm rows, C[:, j] at a[oC + j·lda]):
 * yⱼ = τq·(C[:, j]ᵀu + yⱼ), rⱼ −= yⱼ, w += C[1:mm, j]·rⱼ (j ≥ 1; w zeroed first). Same order as the
 * wasm kernel: dot products with four partial sums (rows mod 4) reduced as (s0 + s2) + (s1 + s3), then
 * the tail; column pairs added as (w + c_j·r_j) + c_{j+1}·r_{j+1}.
 */
function fusedPass(
  mm: number, nn: number, a: Float64Array, oC: number, lda: number, ou: number, tq: number,
  y: Float64Array, oy: number, r: Float64Array, or: number, w: Float64Array, ow: number,
): void {
  fusedCols(mm, 0, nn, a, oC, lda, ou, tq, y, oy, r, or, w, ow);
}

/**
 * The fused pass in column panels (from T_BRD_PANEL_MIN entries on; the wasm kernel's fusedPanels):
 * panel p of panelWidth(nn) columns into its own partial sum (p = 0: w itself, p ≥ 1: ws[oP + (p − 1)·ldP…]),
 * the panels in order, then w = ((w₀ + w₁) + w₂) + w₃ entrywise — the bits of the wasm kernel on any
 * number of threads.
 */
function fusedPanels(
  mm: number, nn: number, a: Float64Array, oC: number, lda: number, ou: number, tq: number,
  y: Float64Array, oy: number, r: Float64Array, or: number, w: Float64Array, ow: number,
  ws: Float64Array, oP: number, ldP: number,
): void {
  const W = panelWidth(nn);
  const np = Math.ceil(nn / W);
  fusedCols(mm, 0, Math.min(W, nn), a, oC, lda, ou, tq, y, oy, r, or, w, ow);
  for (let p = 1; p < np; p++) fusedCols(mm, p * W, Math.min((p + 1) * W, nn), a, oC, lda, ou, tq, y, oy, r, or, ws, oP + (p - 1) * ldP);
  // w += w_p, p = 1…np−1 in order: axpy with α = 1 adds exactly (1·x = x)
  for (let p = 1; p < np; p++) axpy(mm - 1, 1, ws, oP + (p - 1) * ldP, 1, w, ow, 1);
}

/** Columns per panel of the split fused pass: ⌈nn/BRD_PANELS⌉ rounded up to even, at least 2. */
function panelWidth(nn: number): number {
  return Math.max(2, ((Math.ceil(nn / BRD_PANELS) + 1) >> 1) << 1);
}

/** The fused pass over columns lo … hi − 1 only, into w (zeroed first). */
function fusedCols(
  mm: number, lo: number, hi: number, a: Float64Array, oC: number, lda: number, ou: number, tq: number,
  y: Float64Array, oy: number, r: Float64Array, or: number, w: Float64Array, ow: number,
): void {
  const mw = mm - 1;
  for (let k = 0; k < mw; k++) w[ow + k] = 0;
  let j = lo;
  if (j === 0) {
    // column 0: no axpy (its entry of vᵢ is the implicit 1)
    const y0 = tq * (dot4(mm, a, oC, ou) + y[oy]!);
    y[oy] = y0;
    r[or] = r[or]! - y0;
    j = 1;
  }
  for (; j + 1 < hi; j += 2) {
    const c0 = oC + j * lda;
    const c1 = c0 + lda;
    const y0 = tq * (dot4(mm, a, c0, ou) + y[oy + j]!);
    const y1 = tq * (dot4(mm, a, c1, ou) + y[oy + j + 1]!);
    y[oy + j] = y0;
    y[oy + j + 1] = y1;
    const r0 = r[or + j]! - y0;
    const r1 = r[or + j + 1]! - y1;
    r[or + j] = r0;
    r[or + j + 1] = r1;
    for (let k = 0; k < mw; k++) w[ow + k] = (w[ow + k]! + a[c0 + 1 + k]! * r0) + a[c1 + 1 + k]! * r1;
  }
  if (j < hi) {
    const c0 = oC + j * lda;
    const y0 = tq * (dot4(mm, a, c0, ou) + y[oy + j]!);
    y[oy + j] = y0;
    const r0 = r[or + j]! - y0;
    r[or + j] = r0;
    for (let k = 0; k < mw; k++) w[ow + k] = w[ow + k]! + a[c0 + 1 + k]! * r0;
  }
}

/** Σ a[ox + k]·a[ou + k], k < n: four partial sums (k mod 4) reduced as (s0 + s2) + (s1 + s3), then the tail. */
function dot4(n: number, a: Float64Array, ox: number, ou: number): number {
  let k = 0;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (; k + 3 < n; k += 4) {
    s0 += a[ox + k]! * a[ou + k]!;
    s1 += a[ox + k + 1]! * a[ou + k + 1]!;
    s2 += a[ox + k + 2]! * a[ou + k + 2]!;
    s3 += a[ox + k + 3]! * a[ou + k + 3]!;
  }
  let s = (s0 + s2) + (s1 + s3);
  for (; k < n; k++) s += a[ox + k]! * a[ou + k]!;
  return s;
}
