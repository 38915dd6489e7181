/**
 * labrd — bidiagonalise the first nb rows and columns, deferring the trailing update
 *                                                          (≈ 4mn·nb flops per panel, half of them here)
 *
 * The panel step of gebrd (m ≥ n, nb ≤ n). It produces the same nb reflector pairs (Hᵢ, Gᵢ) as nb
 * steps of gebd2, but leaves the trailing matrix A₂₂ = A[nb:m, nb:n] untouched and returns X (m×nb),
 * Y (n×nb) and V (n×nb) such that the nb steps amount to
 *
 *   A  ←  A − U·Yᵀ − X·Vᵀ,        U = [u₀ … u_{nb−1}] (m×nb),  V = [v₀ … v_{nb−1}] (n×nb),
 *
 * so gebrd applies them to A₂₂ with two GEMMs (A₂₂ −= U₂·Y₂ᵀ + X₂·V₂ᵀ).
 *
 * Derivation (Dongarra, Sorensen & Hammarling 1989). Let A⁽ⁱ⁾ = A − Uᵢ·Yᵢᵀ − Xᵢ·Vᵢᵀ be the matrix
 * after i steps (Uᵢ, Vᵢ, Xᵢ, Yᵢ the first i columns; A the matrix on entry). Step i:
 *
 *   column i of A⁽ⁱ⁾       a = A[i:m, i] − Uᵢ[i:m, :]·Yᵢ[i, :]ᵀ − Xᵢ[i:m, :]·Vᵢ[i, :]ᵀ
 *   Hᵢ from a (larfg)       → dᵢ, uᵢ, τqᵢ
 *   Hᵢ from the left        A⁽ⁱ⁾ − uᵢ·yᵢᵀ with yᵢ = τqᵢ·A⁽ⁱ⁾ᵀuᵢ:
 *                             yᵢ[i+1:n] = τqᵢ·(A[i:m, i+1:n]ᵀuᵢ + cᵢ),
 *                             cᵢ = −Yᵢ[i+1:n, :]·(Uᵢᵀuᵢ) − Vᵢ[i+1:n, :]·(Xᵢᵀuᵢ)
 *   row i of the result     r = A[i, i+1:n] − Yᵢ[i+1:n, :]·Uᵢ[i, :]ᵀ − Vᵢ[i+1:n, :]·Xᵢ[i, :]ᵀ − yᵢ[i+1:n]
 *   Gᵢ from r (larfg)       → eᵢ, vᵢ = [1; κ·r[1:]], τpᵢ   (κ = 1/(r₀ − eᵢ))
 *   Gᵢ from the right       subtract xᵢ·vᵢᵀ with xᵢ = τpᵢ·(A − Uᵢ₊₁Yᵢ₊₁ᵀ − XᵢVᵢᵀ)·vᵢ:
 *                             xᵢ[i+1:m] = τpᵢ·(A[i+1:m, i+1:n]vᵢ − Uᵢ₊₁[i+1:m, :]·(Yᵢ₊₁ᵀvᵢ) − Xᵢ[i+1:m, :]·(Vᵢᵀvᵢ))
 *
 * The two products with the trailing block, A[i:m, i+1:n]ᵀ·uᵢ and A[i+1:m, i+1:n]·vᵢ, are half of
 * the flops of the whole bidiagonalisation and cannot be blocked. They are done in ONE pass over the
 * block (a "BLAS 2.5" fusion, Howell, Demmel, Fulton, Hammarling & Marmol, ACM TOMS 34(3), 2008):
 * column j gives its dot product, hence yᵢ[j] and r[j], right away, so A[i+1:m, i+2:n]·r[2:] can be
 * accumulated from the same column while it is in L1, and afterwards
 *
 *   A[i+1:m, i+1:n]·vᵢ = A[i+1:m, i+1] + κ·(A[i+1:m, i+2:n]·r[1:])
 *
 * (vᵢ = [1; κ·r[1:]]). The trailing block is read once per step instead of twice. A·r, unlike A·vᵢ,
 * is not normalised, so the shortcut is taken only when ‖r‖ ∈ [2^-450, 2^450] (then larfg does not
 * rescale, vᵢ is exactly κ·r as larfg scaled it, and A·r neither loses accuracy to underflow nor
 * overflows unless A has entries beyond 2^570); otherwise, or if the result is not finite, the product
 * is recomputed from vᵢ by a plain GEMV. Inside gesvd (max|A| ≤ 2^459 after its scaling) the shortcut
 * is practically always taken.
 *
 * Storage: A (m×n) at `pA`, lda ≥ m, m ≥ n ≥ nb ≥ 1. On exit the first nb columns and rows hold dᵢ,
 * eᵢ and the reflectors exactly as gebd2 leaves them (uᵢ below the diagonal of column i, vᵢ right of
 * the superdiagonal of row i); d, e, τq, τp (nb each) at pd, pe, pTauq, pTaup. X at `pX` (m×nb,
 * ldx ≥ m), Y at `pY` (n×nb, ldy ≥ n): only X[i+1:m, i] and Y[i+1:n, i] are meaningful (the tops of
 * the columns are scratch). V at `pV` (n×nb, ldv ≥ n): column i holds vᵢ explicitly, V[i+1, i] = 1
 * and V[i+2:n, i] — a contiguous copy of row i of A, so every product with V is unit-stride. Rows
 * 0…i of column i are not written. Workspace: `pw`, `labrdScratch(m, n)` doubles (the split fused
 * pass's partial sums, below). Returns nothing.
 *
 * Threads. The fused pass is the serial half of gebrd (a profile of the SVD with vectors at n = 1024
 * on 2 threads: ≈ 19 % of the caller's time, the worker idle). From a trailing block of
 * T_BRD_PANEL_MIN entries (mm·nn, tuning.ts) on it is cut into BRD_PANELS = 4 fixed column panels,
 * each with its own partial sum of w, added in a fixed order (fusedPanels) — the panels are the
 * chunks of a pool job (thread/jobs.ts), and the result is the same for every thread count. Below
 * the threshold the pass is the unsplit one. P = 4 (not 2) so that 3 and 4 threads also have a panel
 * each; more panels would add a partial sum (a pass over w) per panel.
 *
 * Measured (gebrd n×n alone, SIMD build, Node 20, AMD EPYC family 25, 2 vCPUs shared with other
 * builds — noisy, medians of 7–11 alternations in one process): on 1 thread the panels cost 1–4 %
 * (the partial sums: 3 more passes over w per step); on 2 threads the split pass made gebrd 1.16–1.40×
 * faster than the unsplit one at n = 192–512 in the quietest run (another run: 1.0× at 512, the second
 * core busy elsewhere), 0.95–0.96× at n = 96–128 with every step split, and 1.41× at n = 1024. The
 * threshold (T_BRD_PANEL_MIN = 128²) matches the pool's gate for a job (2·mm·nn ≥ 32³ multiply-adds);
 * 8192 … 32768 were level within the noise at n = 192–384.
 * The SVD with U and V (svd(A), n×n, the same process alternating 1 and 2 threads and the pass split or
 * not, medians of 9 alternations, two quiet runs): 2 threads over 1 at n = 1024 1.69–1.73× split,
 * 1.45–1.51× unsplit; at n = 512 1.34–1.38× split, 1.23–1.26× unsplit; 1 thread unchanged (±0.7 %).
 * With the second core busy elsewhere every split loses (2 threads slower than 1, the unsplit pass
 * too), the split pass a further 5–9 %: a worker preempted while it holds a panel stalls the step.
 *
 * References: Dongarra, Sorensen & Hammarling, "Block reduction of matrices to condensed forms for
 * eigenvalue computations", J. Comput. Appl. Math. 27, 1989; Howell et al., "Cache efficient
 * bidiagonalization using BLAS 2.5 operators", ACM TOMS 34(3), 2008; Golub & Van Loan, 4th ed., §5.4.8;
 * LAPACK dlabrd.
 */
import { larfg, lapy2 } from '../qr/larfg';
import { axpy } from '../blas/axpy';
import { gemv } from '../blas/gemv';
import { nrm2 } from '../blas/nrm2';
import { scal } from '../blas/scal';
import { brdPar } from '../thread/jobs';
import { even } from '../util';
import { tune, T_BRD_PANEL_MIN } from '../tuning';

// @ts-ignore: decorator
@inline const SMALL: f64 = 3.4395525670743494e-136; // 2^-450
// @ts-ignore: decorator
@inline const BIG: f64 = 2.9073548971824276e135; // 2^450
/** Column panels of the split fused pass: a constant, so that its bits never depend on the thread count. */
// @ts-ignore: decorator
@inline export const BRD_PANELS: i32 = 4;

/** Doubles of workspace `labrd` needs (m×n, m ≥ n): the partial sums of the split fused pass, BRD_PANELS − 1 of even(m). */
export function labrdScratch(m: i32, n: i32): i32 {
  return m <= 0 || n <= 0 ? 0 : (BRD_PANELS - 1) * even(m);
}

export function labrd(
  m: i32, n: i32, nb: i32, pA: usize, lda: i32, pd: usize, pe: usize, pTauq: usize, pTaup: usize,
  pX: usize, ldx: i32, pY: usize, ldy: i32, pV: usize, ldv: i32, pw: usize,
): void {
  if (m <= 0 || n <= 0) return;
  const panelMin = tune(T_BRD_PANEL_MIN);
  const ldP = <usize>even(m) << 3;
  const ldA = <usize>lda << 3;
  const ldX = <usize>ldx << 3;
  const ldY = <usize>ldy << 3;
  const ldV = <usize>ldv << 3;
  for (let i = 0; i < nb; i++) {
    const oi = <usize>i << 3;
    const aii = pA + oi + <usize>i * ldA; // A[i, i]
    const ai0 = pA + oi; // A[i, 0]
    const mm = m - i;
    const nn = n - i - 1;
    // column i:  A[i:m, i] −= A[i:m, 0:i]·Y[i, 0:i]ᵀ + X[i:m, 0:i]·V[i, 0:i]ᵀ
    gemv(0, mm, i, -1.0, ai0, lda, pY + oi, ldy, 1.0, aii, 1);
    gemv(0, mm, i, -1.0, pX + oi, ldx, pV + oi, ldv, 1.0, aii, 1);
    // Hᵢ
    const tq = larfg(mm, aii, aii + 8, 1);
    const di = load<f64>(aii);
    store<f64>(pTauq + oi, tq);
    store<f64>(pd + oi, di);
    if (nn <= 0) {
      store<f64>(pTaup + oi, 0);
      continue;
    }
    store<f64>(aii, 1.0); // uᵢ[i] = 1 explicitly during this step
    const yi = pY + <usize>i * ldY; // Y[0, i]: top used as scratch
    const yi1 = yi + oi + 8; // Y[i+1, i]
    const y10 = pY + oi + 8; // Y[i+1, 0]
    const vi1 = pV + <usize>i * ldV + oi + 8; // V[i+1, i]: r, then vᵢ
    const v10 = pV + oi + 8; // V[i+1, 0]
    const xi = pX + <usize>i * ldX; // X[0, i]: top used as scratch
    const xi1 = xi + oi + 8; // X[i+1, i]
    // cᵢ = −Y[i+1:n, 0:i]·(A[i:m, 0:i]ᵀuᵢ) − V[i+1:n, 0:i]·(X[i:m, 0:i]ᵀuᵢ)   → Y[i+1:n, i]
    gemv(1, mm, i, 1.0, ai0, lda, aii, 1, 0, yi, 1);
    gemv(0, nn, i, -1.0, y10, ldy, yi, 1, 0, yi1, 1);
    gemv(1, mm, i, 1.0, pX + oi, ldx, aii, 1, 0, yi, 1);
    gemv(0, nn, i, -1.0, v10, ldv, yi, 1, 1.0, yi1, 1);
    // r ← A[i, i+1:n] − Y[i+1:n, 0:i]·A[i, 0:i]ᵀ − V[i+1:n, 0:i]·X[i, 0:i]ᵀ   → V[i+1:n, i]
    const aij = aii + ldA; // A[i, i+1]
    for (let j = 0; j < nn; j++) store<f64>(vi1 + (<usize>j << 3), load<f64>(aij + <usize>j * ldA));
    gemv(0, nn, i, -1.0, y10, ldy, ai0, lda, 1.0, vi1, 1);
    gemv(0, nn, i, -1.0, v10, ldv, pX + oi, ldx, 1.0, vi1, 1);
    // one pass over A[i:m, i+1:n]: yᵢ = τq·(Aᵀuᵢ + cᵢ), r −= yᵢ, w = A[i+1:m, i+2:n]·r[1:] → X[i+1:m, i]
    // (in column panels, split over the pool, from T_BRD_PANEL_MIN entries on)
    if (<f64>mm * <f64>nn >= panelMin) fusedPanels(mm, nn, aij, ldA, aii, tq, yi1, vi1, xi1, pw, ldP);
    else fusedPass(mm, nn, aij, ldA, aii, tq, yi1, vi1, xi1);
    // Gᵢ from r (contiguous in V[i+1:n, i])
    const alpha = load<f64>(vi1);
    const xnorm = nrm2(nn - 1, vi1 + 8, 1);
    const beta0 = lapy2(alpha, xnorm);
    const tp = larfg(nn, vi1, vi1 + 8, 1);
    const ei = load<f64>(vi1);
    store<f64>(pTaup + oi, tp);
    store<f64>(pe + oi, ei);
    // row i of A ← [eᵢ, vᵢ[2:]];  V[i+1, i] = 1
    store<f64>(aij, ei);
    for (let j = 1; j < nn; j++) store<f64>(aij + <usize>j * ldA, load<f64>(vi1 + (<usize>j << 3)));
    store<f64>(vi1, 1.0);
    // X[i+1:m, i] ← A[i+1:m, i+1:n]·vᵢ
    const mx = mm - 1;
    let fast = xnorm != 0 && beta0 >= SMALL && beta0 <= BIG;
    if (fast) {
      // vᵢ = [1; κ·r[1:]] exactly as larfg scaled it: A·vᵢ = A[:, i+1] + κ·w
      const kappa = 1.0 / (alpha - ei);
      const ac = aij + 8; // A[i+1, i+1]
      for (let r = 0; r < mx; r++) {
        const o = <usize>r << 3;
        const t = load<f64>(ac + o) + kappa * load<f64>(xi1 + o);
        store<f64>(xi1 + o, t);
        if (!(t - t == 0)) fast = false;
      }
    }
    if (!fast) gemv(0, mx, nn, 1.0, aij + 8, lda, vi1, 1, 0, xi1, 1);
    // X[i+1:m, i] −= A[i+1:m, 0:i+1]·(Y[i+1:n, 0:i+1]ᵀvᵢ) + X[i+1:m, 0:i]·(V[i+1:n, 0:i]ᵀvᵢ);  ·τp
    gemv(1, nn, i + 1, 1.0, y10, ldy, vi1, 1, 0, xi, 1);
    gemv(0, mx, i + 1, -1.0, ai0 + 8, lda, xi, 1, 1.0, xi1, 1);
    gemv(1, nn, i, 1.0, v10, ldv, vi1, 1, 0, xi, 1);
    gemv(0, mx, i, -1.0, pX + oi + 8, ldx, xi, 1, 1.0, xi1, 1);
    scal(mx, tp, xi1, 1);
    store<f64>(aii, di);
  }
}

/**
 * The fused pass of step i over the nn columns right of column i (C = A[i:m, i+1:n], mm rows):
 *
 *   for each column j:  yⱼ = τq·(C[:, j]ᵀu + yⱼ)      (y holds cᵢ on entry)
 *                       rⱼ −= yⱼ
 *                       w += C[1:mm, j]·rⱼ           (j ≥ 1; w = mm − 1 doubles, zeroed first)
 *
 * Dot products: four partial sums over rows ≡ 0, 1, 2, 3 (mod 4), reduced as (s0 + s2) + (s1 + s3),
 * then the tail rows in order; two columns at a time share the loads of u. The axpys of a column
 * pair are added in column order: w ← (w + c_j·r_j) + c_{j+1}·r_{j+1}. The JS mirror keeps both orders.
 */
function fusedPass(mm: i32, nn: i32, pC: usize, ldC: usize, pu: usize, tq: f64, py: usize, pr: usize, pw: usize): void {
  fusedCols(mm, 0, nn, pC, ldC, pu, tq, py, pr, pw);
}

/**
 * The fused pass split into column panels (trailing blocks of at least T_BRD_PANEL_MIN entries):
 * the nn columns are cut into np ≤ BRD_PANELS panels of `panelWidth(nn)` columns (a function of nn
 * alone); panel p runs the fused pass on its columns — their dots, y and r entries are exactly the
 * unsplit pass's — into its own partial sum wₚ (w₀ = w itself, wₚ at pP + (p − 1)·even(m) doubles),
 * and then
 *
 *   w = ((w₀ + w₁) + w₂) + w₃        entrywise, in this order.
 *
 * The panels go to the pool as one job (thread/jobs.ts, K_BRD) when it is worth it; otherwise they
 * run here in order. Either way every panel is computed the same way and the sum is taken in the same
 * order, so the bits do not depend on the number of threads (nor on the backend: the JS mirror runs
 * the panels in order). They do differ from the unsplit pass's by the sum's association.
 */
function fusedPanels(mm: i32, nn: i32, pC: usize, ldC: usize, pu: usize, tq: f64, py: usize, pr: usize, pw: usize, pP: usize, ldP: usize): void {
  const np = panelCount(nn);
  if (!(ASC_FEATURE_THREADS && brdPar(mm, nn, pC, ldC, pu, tq, py, pr, pw, pP, ldP, np))) {
    for (let p = 0; p < np; p++) fusedPanel(p, mm, nn, pC, ldC, pu, tq, py, pr, pw, pP, ldP);
  }
  // w += w_p, p = 1…np−1 in order: axpy with α = 1 adds exactly (1·x = x)
  for (let p = 1; p < np; p++) axpy(mm - 1, 1.0, pP + <usize>(p - 1) * ldP, 1, pw, 1);
}

/** Columns per panel of the split fused pass: ⌈nn/BRD_PANELS⌉ rounded up to even (column pairs), at least 2. */
export function panelWidth(nn: i32): i32 {
  return max(2, (((nn + BRD_PANELS - 1) / BRD_PANELS + 1) >> 1) << 1);
}

/** Number of panels of the split fused pass over nn columns (≤ BRD_PANELS). */
function panelCount(nn: i32): i32 {
  const w = panelWidth(nn);
  return (nn + w - 1) / w;
}

/**
 * Panel p of the split fused pass (fusedPanels): columns p·W … min((p + 1)·W, nn) − 1, W =
 * panelWidth(nn), into w (p = 0) or its partial sum at pP + (p − 1)·ldP bytes. Run by the pool's
 * threads (thread/jobs.ts) or in order by fusedPanels.
 */
export function fusedPanel(p: i32, mm: i32, nn: i32, pC: usize, ldC: usize, pu: usize, tq: f64, py: usize, pr: usize, pw: usize, pP: usize, ldP: usize): void {
  const W = panelWidth(nn);
  const lo = p * W;
  fusedCols(mm, lo, min(lo + W, nn), pC, ldC, pu, tq, py, pr, p == 0 ? pw : pP + <usize>(p - 1) * ldP);
}

/** The fused pass (fusedPass's header) over columns lo … hi − 1 only, into w (zeroed first). */
function fusedCols(mm: i32, lo: i32, hi: i32, pC: usize, ldC: usize, pu: usize, tq: f64, py: usize, pr: usize, pw: usize): void {
  const mw = mm - 1;
  for (let r = 0; r < mw; r++) store<f64>(pw + (<usize>r << 3), 0);
  let j = lo;
  if (j == 0) {
    // column 0: no axpy (its entry of vᵢ is the implicit 1)
    const y = tq * (dot4(mm, pC, pu) + load<f64>(py));
    store<f64>(py, y);
    store<f64>(pr, load<f64>(pr) - y);
    j = 1;
  }
  for (; j + 1 < hi; j += 2) {
    const c0 = pC + <usize>j * ldC;
    const c1 = c0 + ldC;
    const oj = <usize>j << 3;
    dot4x2(mm, c0, c1, pu);
    const y0 = tq * (dotA + load<f64>(py + oj));
    const y1 = tq * (dotB + load<f64>(py + oj, 8));
    store<f64>(py + oj, y0);
    store<f64>(py + oj, y1, 8);
    const r0 = load<f64>(pr + oj) - y0;
    const r1 = load<f64>(pr + oj, 8) - y1;
    store<f64>(pr + oj, r0);
    store<f64>(pr + oj, r1, 8);
    axpy2(mw, c0 + 8, c1 + 8, r0, r1, pw);
  }
  if (j < hi) {
    const c0 = pC + <usize>j * ldC;
    const oj = <usize>j << 3;
    const y0 = tq * (dot4(mm, c0, pu) + load<f64>(py + oj));
    store<f64>(py + oj, y0);
    const r0 = load<f64>(pr + oj) - y0;
    store<f64>(pr + oj, r0);
    axpy1(mw, c0 + 8, r0, pw);
  }
}

/** Σ x[r]·u[r], r < n, four partial sums (rows mod 4) reduced as (s0 + s2) + (s1 + s3), then the tail. */
function dot4(n: i32, px: usize, pu: usize): f64 {
  let r = 0;
  let s: f64;
  if (ASC_FEATURE_SIMD) {
    let a0 = f64x2.splat(0);
    let a1 = f64x2.splat(0);
    for (; r + 3 < n; r += 4) {
      const o = <usize>r << 3;
      a0 = f64x2.add(a0, f64x2.mul(v128.load(px + o), v128.load(pu + o)));
      a1 = f64x2.add(a1, f64x2.mul(v128.load(px + o, 16), v128.load(pu + o, 16)));
    }
    const t = f64x2.add(a0, a1);
    s = f64x2.extract_lane(t, 0) + f64x2.extract_lane(t, 1);
  } else {
    let s0: f64 = 0, s1: f64 = 0, s2: f64 = 0, s3: f64 = 0;
    for (; r + 3 < n; r += 4) {
      const o = <usize>r << 3;
      s0 += load<f64>(px + o) * load<f64>(pu + o);
      s1 += load<f64>(px + o, 8) * load<f64>(pu + o, 8);
      s2 += load<f64>(px + o, 16) * load<f64>(pu + o, 16);
      s3 += load<f64>(px + o, 24) * load<f64>(pu + o, 24);
    }
    s = (s0 + s2) + (s1 + s3);
  }
  for (; r < n; r++) s += load<f64>(px + (<usize>r << 3)) * load<f64>(pu + (<usize>r << 3));
  return s;
}

/** The two results of `dot4x2`. */
let dotA: f64 = 0;
let dotB: f64 = 0;

/** dot4 of two columns against the same u, sharing its loads; results in dotA, dotB. */
function dot4x2(n: i32, px: usize, py: usize, pu: usize): void {
  let r = 0;
  let sa: f64, sb: f64;
  if (ASC_FEATURE_SIMD) {
    let a0 = f64x2.splat(0);
    let a1 = f64x2.splat(0);
    let b0 = f64x2.splat(0);
    let b1 = f64x2.splat(0);
    for (; r + 3 < n; r += 4) {
      const o = <usize>r << 3;
      const u0 = v128.load(pu + o);
      const u1 = v128.load(pu + o, 16);
      a0 = f64x2.add(a0, f64x2.mul(v128.load(px + o), u0));
      a1 = f64x2.add(a1, f64x2.mul(v128.load(px + o, 16), u1));
      b0 = f64x2.add(b0, f64x2.mul(v128.load(py + o), u0));
      b1 = f64x2.add(b1, f64x2.mul(v128.load(py + o, 16), u1));
    }
    const ta = f64x2.add(a0, a1);
    const tb = f64x2.add(b0, b1);
    sa = f64x2.extract_lane(ta, 0) + f64x2.extract_lane(ta, 1);
    sb = f64x2.extract_lane(tb, 0) + f64x2.extract_lane(tb, 1);
  } else {
    let a0: f64 = 0, a1: f64 = 0, a2: f64 = 0, a3: f64 = 0;
    let b0: f64 = 0, b1: f64 = 0, b2: f64 = 0, b3: f64 = 0;
    for (; r + 3 < n; r += 4) {
      const o = <usize>r << 3;
      const u0 = load<f64>(pu + o);
      const u1 = load<f64>(pu + o, 8);
      const u2 = load<f64>(pu + o, 16);
      const u3 = load<f64>(pu + o, 24);
      a0 += load<f64>(px + o) * u0;
      a1 += load<f64>(px + o, 8) * u1;
      a2 += load<f64>(px + o, 16) * u2;
      a3 += load<f64>(px + o, 24) * u3;
      b0 += load<f64>(py + o) * u0;
      b1 += load<f64>(py + o, 8) * u1;
      b2 += load<f64>(py + o, 16) * u2;
      b3 += load<f64>(py + o, 24) * u3;
    }
    sa = (a0 + a2) + (a1 + a3);
    sb = (b0 + b2) + (b1 + b3);
  }
  for (; r < n; r++) {
    const u = load<f64>(pu + (<usize>r << 3));
    sa += load<f64>(px + (<usize>r << 3)) * u;
    sb += load<f64>(py + (<usize>r << 3)) * u;
  }
  dotA = sa;
  dotB = sb;
}

/** w[r] ← (w[r] + x[r]·a) + y[r]·b, r < n. */
function axpy2(n: i32, px: usize, py: usize, a: f64, b: f64, pw: usize): void {
  let r = 0;
  if (ASC_FEATURE_SIMD) {
    const va = f64x2.splat(a);
    const vb = f64x2.splat(b);
    for (; r + 1 < n; r += 2) {
      const o = <usize>r << 3;
      let w = v128.load(pw + o);
      w = f64x2.add(w, f64x2.mul(v128.load(px + o), va));
      w = f64x2.add(w, f64x2.mul(v128.load(py + o), vb));
      v128.store(pw + o, w);
    }
  }
  for (; r < n; r++) {
    const o = <usize>r << 3;
    store<f64>(pw + o, (load<f64>(pw + o) + load<f64>(px + o) * a) + load<f64>(py + o) * b);
  }
}

/** w[r] ← w[r] + x[r]·a, r < n. */
function axpy1(n: i32, px: usize, a: f64, pw: usize): void {
  let r = 0;
  if (ASC_FEATURE_SIMD) {
    const va = f64x2.splat(a);
    for (; r + 1 < n; r += 2) {
      const o = <usize>r << 3;
      v128.store(pw + o, f64x2.add(v128.load(pw + o), f64x2.mul(v128.load(px + o), va)));
    }
  }
  for (; r < n; r++) {
    const o = <usize>r << 3;
    store<f64>(pw + o, load<f64>(pw + o) + load<f64>(px + o) * a);
  }
}
