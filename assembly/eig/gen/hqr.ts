/**
 * hqr — Francis implicit double-shift QR iteration on a Hessenberg matrix        (≈ 10n³ flops for T alone,
 *                                                                                 ≈ 25n³ with Z; GVL §7.5.6)
 *
 * Computes the real Schur form of the upper Hessenberg H (rows/columns ilo … ihi; outside it H is
 * already upper triangular, as gebal leaves it):
 *
 *   H = Q·T·Qᵀ,   T upper quasi-triangular: 1×1 blocks (real eigenvalues) and standardised 2×2 blocks
 *                 [a b; c a] with b·c < 0 (eigenvalues a ± i·sqrt(−b·c)), see lanv2.
 *
 * The active window [l, i] shrinks from the bottom. Each iteration:
 *
 *   1. Deflation: scan up from i for a negligible subdiagonal h[k, k−1]. The test is Ahues & Tisseur's
 *      (LAPACK ≥ 3.1; ε = ULP = 2^-52, dlamch('P'), and smlnum = SAFMIN·(nh/ULP) as in dlahqr):
 *      |h[k,k−1]| ≤ ε·(|h[k−1,k−1]| + |h[k,k]|) and, with ab ≥ ba the larger/smaller of
 *      |h[k,k−1]|, |h[k−1,k]| and aa ≥ bb of |h[k,k]|, |h[k−1,k−1] − h[k,k]|,
 *          ba·(ab/s) ≤ max(smlnum, ε·bb·(aa/s)),   s = aa + ab,
 *      which preserves small eigenvalues to high relative accuracy (it compares the perturbation to the
 *      2×2 block's own eigenvalue gap, not to ‖H‖). If k = i a real eigenvalue has converged; if k = i−1,
 *      the trailing 2×2 is standardised by lanv2 and the pair accepted. The window then moves up.
 *   2. Shifts: the eigenvalues of the trailing 2×2 of the window (Wilkinson's double shift). After every
 *      10 iterations without deflation an exceptional shift, built from |h[i,i−1]| + |h[i−1,i−2]|
 *      (every 20th) or from the top |h[l+1,l]| + |h[l+2,l+1]| (the other 10th ones), breaks cycles.
 *   3. Start: look up from i − 2 for two consecutive small subdiagonals (so the bulge can start at
 *      row m > l without disturbing what lies above); the first column of (H − σ₁I)(H − σ₂I) restricted
 *      to rows m … m+2 is formed in real arithmetic, scaled to avoid overflow.
 *   4. Bulge chase: 3×3 reflectors (larfg) k = m … i−1 (the last one 2×2) applied to rows and columns of
 *      H (the full rows/columns 0 … n−1 if T is wanted, only the window otherwise) and to the columns of Z.
 *      Two consecutive 3×3 steps k, k+1 share one pass over the columns k+3 … right of the bulge (rows
 *      k … k+3: step k, then step k+1, per column): step k+1's reflector depends only on column k, which
 *      step k finishes first. Every entry sees the reflectors in the step-by-step order, so the result
 *      is the textbook chase's to the bit. The fused row pass takes two columns per f64x2, column
 *      updates four rows per pass: this kernel is level-2 and bound by arithmetic, not memory, on this
 *      hardware.
 *
 * The iteration cap is HQR_MAXIT_FACTOR·max(10, ihi − ilo + 1) iterations per eigenvalue (30 as in
 * LAPACK; the tuning key T_HQR_MAXIT, tuning.ts, replaces it, tests set 1). On failure hqr returns
 * i + 1 > 0: eigenvalues i+1 … ihi have converged (in wr, wi), rows/columns 0 … i have not, and H/Z
 * hold the partial reduction.
 *
 * Storage: H n×n at `pH` (ldh ≥ max(1, n)); on exit (wantt ≠ 0) T — entries below the first subdiagonal
 * are not referenced except that rows k+2, k+3 of column k are zeroed, so the caller clears the strict
 * lower part below the subdiagonal if it wants a clean T. wantt = 0: H is destroyed, only eigenvalues
 * are computed (cheaper: only the window is updated). Eigenvalues in wr, wi (n doubles each) at
 * ilo … ihi; complex pairs adjacent, positive imaginary part first. wantz ≠ 0: Z (n×n at `pZ`, ldz)
 * is post-multiplied by the transformations, rows iloz … ihiz; so Z₀ = Q of gehd2/orghr gives A = Z·T·Zᵀ.
 *
 * Workspace: `pw`, 3 doubles (the current reflector, for larfg). Returns 0, or the number of
 * rows/columns (from the top) that failed to converge.
 *
 * References: Golub & Van Loan, 4th ed., §7.5 (Algorithms 7.5.1–7.5.2); LAPACK dlahqr; Ahues &
 * Tisseur, "A new deflation criterion for the QR algorithm", LAPACK Working Note 122, 1997.
 */
import { larfg, lapy2 } from '../../qr/larfg';
import { lanv2, lanv2A, lanv2B, lanv2C, lanv2D, lanv2Rt1r, lanv2Rt1i, lanv2Rt2r, lanv2Rt2i, lanv2Cs, lanv2Sn } from './lanv2';
import { SAFMIN, ULP, SAFMIN_OVER_UNIT_ROUNDOFF } from '../../machine';
import { at } from '../../util';
import { tuneI, T_HQR_MAXIT } from '../../tuning';

// @ts-ignore: decorator
@inline const KEXSH: i32 = 10;
// @ts-ignore: decorator
@inline const NORM3_LO: f64 = 9.332636185032189e-302; // 2^-1000
// @ts-ignore: decorator
@inline const NORM3_HI: f64 = 1.0715086071862673e301; // 2^1000

/** Iterations allowed per eigenvalue: 30·max(10, window) as in LAPACK dlahqr (unless T_HQR_MAXIT is set). */
export const HQR_MAXIT_FACTOR: i32 = 30;

/** refl3Cols on four rows (row 0 at a), two f64x2 per column. */
// @ts-ignore: decorator
@inline function refl3Rows4(a: usize, ld: usize, vv1: v128, vv2: v128, vt1: v128, vt2: v128, vt3: v128): void {
  const b = a + ld;
  const c = b + ld;
  const x0 = v128.load(a);
  const x1 = v128.load(b);
  const x2 = v128.load(c);
  const y0 = v128.load(a, 16);
  const y1 = v128.load(b, 16);
  const y2 = v128.load(c, 16);
  const s = f64x2.add(f64x2.add(x0, f64x2.mul(vv1, x1)), f64x2.mul(vv2, x2));
  const t = f64x2.add(f64x2.add(y0, f64x2.mul(vv1, y1)), f64x2.mul(vv2, y2));
  v128.store(a, f64x2.sub(x0, f64x2.mul(s, vt1)));
  v128.store(b, f64x2.sub(x1, f64x2.mul(s, vt2)));
  v128.store(c, f64x2.sub(x2, f64x2.mul(s, vt3)));
  v128.store(a, f64x2.sub(y0, f64x2.mul(t, vt1)), 16);
  v128.store(b, f64x2.sub(y1, f64x2.mul(t, vt2)), 16);
  v128.store(c, f64x2.sub(y2, f64x2.mul(t, vt3)), 16);
}

/** Rows 0 … m−1 of three adjacent columns x0, x1, x2 (x0 at p) ← [x0 x1 x2]·(I − τ·v·vᵀ), v = [1 v1 v2]. */
function refl3Cols(m: i32, p: usize, ld: usize, v1: f64, v2: f64, t1: f64, t2: f64, t3: f64): void {
  const p1 = p + ld;
  const p2 = p1 + ld;
  let r = 0;
  if (ASC_FEATURE_SIMD) {
    const vv1 = f64x2.splat(v1);
    const vv2 = f64x2.splat(v2);
    const vt1 = f64x2.splat(t1);
    const vt2 = f64x2.splat(t2);
    const vt3 = f64x2.splat(t3);
    for (; r + 3 < m; r += 4) refl3Rows4(p + (<usize>r << 3), ld, vv1, vv2, vt1, vt2, vt3);
    for (; r + 1 < m; r += 2) {
      const o = <usize>r << 3;
      const x0 = v128.load(p + o);
      const x1 = v128.load(p1 + o);
      const x2 = v128.load(p2 + o);
      const s = f64x2.add(f64x2.add(x0, f64x2.mul(vv1, x1)), f64x2.mul(vv2, x2));
      v128.store(p + o, f64x2.sub(x0, f64x2.mul(s, vt1)));
      v128.store(p1 + o, f64x2.sub(x1, f64x2.mul(s, vt2)));
      v128.store(p2 + o, f64x2.sub(x2, f64x2.mul(s, vt3)));
    }
  }
  for (; r < m; r++) {
    const o = <usize>r << 3;
    const x0 = load<f64>(p + o);
    const x1 = load<f64>(p1 + o);
    const x2 = load<f64>(p2 + o);
    const s = x0 + v1 * x1 + v2 * x2;
    store<f64>(p + o, x0 - s * t1);
    store<f64>(p1 + o, x1 - s * t2);
    store<f64>(p2 + o, x2 - s * t3);
  }
}

/**
 * sqrt(a² + b² + c²) without harmful over/underflow: the entries are scaled by the power of two
 * 2^−e that brings the largest to [1, 2) (exact), so one square root does, and the result is
 * exactly 2^k times as large when the input is (no rounding depends on the scale). Entries outside
 * [2^-1000, 2^1000] (or not finite) go through lapy2 twice.
 */
function norm3(a: f64, b: f64, c: f64): f64 {
  const w = max(max(Math.abs(a), Math.abs(b)), Math.abs(c));
  if (!(w >= NORM3_LO && w <= NORM3_HI)) return lapy2(a, lapy2(b, c));
  const e = (reinterpret<u64>(w) >> 52) & 0x7ff; // biased exponent of w, 23 … 2023 here
  const s = reinterpret<f64>((2046 - e) << 52); // 2^−(e − 1023)
  const as = a * s;
  const bs = b * s;
  const cs = c * s;
  return Math.sqrt(as * as + bs * bs + cs * cs) * reinterpret<f64>(e << 52);
}

/**
 * larfg for the bulge's 2- or 3-vector at pv ([α, x₁, x₂] in, [β, v₁, v₂] out, τ returned): the norm
 * by norm3 instead of the general routine's two passes; the rare cases that need its rescaling
 * (|β| < SAFMIN_OVER_UNIT_ROUNDOFF = 2^-969, larfg's threshold) go to larfg itself.
 */
function larfgSmall(nr: i32, pv: usize): f64 {
  const alpha = load<f64>(pv);
  const x1 = load<f64>(pv, 8);
  const x2 = nr == 3 ? load<f64>(pv, 16) : 0;
  if (x1 == 0 && x2 == 0) return 0;
  const r = norm3(alpha, x1, x2);
  const beta = alpha >= 0 ? -r : r;
  if (!(Math.abs(beta) >= SAFMIN_OVER_UNIT_ROUNDOFF)) return larfg(nr, pv, pv + 8, 1);
  const sc = 1.0 / (alpha - beta);
  store<f64>(pv, beta);
  store<f64>(pv, x1 * sc, 8);
  if (nr == 3) store<f64>(pv, x2 * sc, 16);
  return (beta - alpha) / beta;
}

/**
 * The reflector of bulge step kk: from [H[kk, kk−1], H[kk+1, kk−1], H[kk+2, kk−1]] (or, at kk = m, the
 * vector already at pv), by larfgSmall; on exit pv = [β, v₁, v₂] and column kk−1 is as the step leaves
 * it (β, then zeros), or at kk = m > l, H[m, m−1] scaled by 1 − τ (robust when v underflows). Returns τ.
 */
function bulgeReflector(kk: i32, m: i32, l: i32, i: i32, nr: i32, pH: usize, ldH: usize, pv: usize): f64 {
  if (kk > m) {
    store<f64>(pv, load<f64>(at(pH, ldH, kk, kk - 1)));
    store<f64>(pv, load<f64>(at(pH, ldH, kk + 1, kk - 1)), 8);
    store<f64>(pv, nr == 3 ? load<f64>(at(pH, ldH, kk + 2, kk - 1)) : 0, 16);
  }
  const t1 = larfgSmall(nr, pv);
  if (kk > m) {
    store<f64>(at(pH, ldH, kk, kk - 1), load<f64>(pv));
    store<f64>(at(pH, ldH, kk + 1, kk - 1), 0);
    if (kk < i - 1) store<f64>(at(pH, ldH, kk + 2, kk - 1), 0);
  } else if (m > l) {
    const p = at(pH, ldH, kk, kk - 1);
    store<f64>(p, load<f64>(p) * (1 - t1));
  }
  return t1;
}

/**
 * Three adjacent rows (row 0 at p) of columns 0 … m−1 (stride ld) ← (I − τ·v·vᵀ)·rows, v = [1 v1 v2].
 * Scalar: the wide row passes go through rows3x2; this one takes the narrow ones (2–3 columns) and
 * at most one wide step per sweep.
 */
function rows3(m: i32, p: usize, ld: usize, v1: f64, v2: f64, t1: f64, t2: f64, t3: f64): void {
  for (let j = 0; j < m; j++) {
    const c = p + <usize>j * ld;
    const x0 = load<f64>(c);
    const x1 = load<f64>(c, 8);
    const x2 = load<f64>(c, 16);
    const s = x0 + v1 * x1 + v2 * x2;
    store<f64>(c, x0 - s * t1);
    store<f64>(c, x1 - s * t2, 8);
    store<f64>(c, x2 - s * t3, 16);
  }
}

/**
 * Four adjacent rows (row 0 at p) of columns 0 … m−1 ← P₂·P₁·rows: P₁ (v, τ = t1) on rows 0 … 2, then
 * P₂ (w, u1) on rows 1 … 3 — two bulge steps in one pass, two columns per f64x2 (lane = column).
 */
function rows3x2(
  m: i32, p: usize, ld: usize, v1: f64, v2: f64, t1: f64, t2: f64, t3: f64, w1: f64, w2: f64, u1: f64, u2: f64, u3: f64,
): void {
  let j = 0;
  let c = p;
  if (ASC_FEATURE_SIMD) {
    const vv1 = f64x2.splat(v1);
    const vv2 = f64x2.splat(v2);
    const vt1 = f64x2.splat(t1);
    const vt2 = f64x2.splat(t2);
    const vt3 = f64x2.splat(t3);
    const vw1 = f64x2.splat(w1);
    const vw2 = f64x2.splat(w2);
    const vu1 = f64x2.splat(u1);
    const vu2 = f64x2.splat(u2);
    const vu3 = f64x2.splat(u3);
    for (; j + 1 < m; j += 2) {
      const d = c + ld;
      const x0 = v128.load64_lane(d, v128.load64_zero(c), 1);
      let x1 = v128.load64_lane(d, v128.load64_zero(c, 8), 1, 8);
      let x2 = v128.load64_lane(d, v128.load64_zero(c, 16), 1, 16);
      const x3 = v128.load64_lane(d, v128.load64_zero(c, 24), 1, 24);
      const s = f64x2.add(f64x2.add(x0, f64x2.mul(vv1, x1)), f64x2.mul(vv2, x2));
      const y0 = f64x2.sub(x0, f64x2.mul(s, vt1));
      x1 = f64x2.sub(x1, f64x2.mul(s, vt2));
      x2 = f64x2.sub(x2, f64x2.mul(s, vt3));
      const q = f64x2.add(f64x2.add(x1, f64x2.mul(vw1, x2)), f64x2.mul(vw2, x3));
      const y1 = f64x2.sub(x1, f64x2.mul(q, vu1));
      const y2 = f64x2.sub(x2, f64x2.mul(q, vu2));
      const y3 = f64x2.sub(x3, f64x2.mul(q, vu3));
      v128.store64_lane(c, y0, 0);
      v128.store64_lane(d, y0, 1);
      v128.store64_lane(c, y1, 0, 8);
      v128.store64_lane(d, y1, 1, 8);
      v128.store64_lane(c, y2, 0, 16);
      v128.store64_lane(d, y2, 1, 16);
      v128.store64_lane(c, y3, 0, 24);
      v128.store64_lane(d, y3, 1, 24);
      c = d + ld;
    }
  }
  for (; j < m; j++) {
    const x0 = load<f64>(c);
    let x1 = load<f64>(c, 8);
    let x2 = load<f64>(c, 16);
    const x3 = load<f64>(c, 24);
    const s = x0 + v1 * x1 + v2 * x2;
    store<f64>(c, x0 - s * t1);
    x1 = x1 - s * t2;
    x2 = x2 - s * t3;
    const q = x1 + w1 * x2 + w2 * x3;
    store<f64>(c, x1 - q * u1, 8);
    store<f64>(c, x2 - q * u2, 16);
    store<f64>(c, x3 - q * u3, 24);
    c += ld;
  }
}

/** Rows 0 … m−1 of two adjacent columns ← [x0 x1]·(I − τ·v·vᵀ), v = [1 v1]. */
function refl2Cols(m: i32, p: usize, ld: usize, v1: f64, t1: f64, t2: f64): void {
  const p1 = p + ld;
  for (let r = 0; r < m; r++) {
    const o = <usize>r << 3;
    const x0 = load<f64>(p + o);
    const x1 = load<f64>(p1 + o);
    const s = x0 + v1 * x1;
    store<f64>(p + o, x0 - s * t1);
    store<f64>(p1 + o, x1 - s * t2);
  }
}

/** Columns x = p, y = p + ld, rows 0 … m−1: x ← c·x + s·y, y ← c·y − s·x. */
function rotCols(m: i32, p: usize, ld: usize, c: f64, s: f64): void {
  const q = p + ld;
  for (let r = 0; r < m; r++) {
    const o = <usize>r << 3;
    const x = load<f64>(p + o);
    const y = load<f64>(q + o);
    store<f64>(p + o, c * x + s * y);
    store<f64>(q + o, c * y - s * x);
  }
}

/** Rows x = p, y = p + 8, columns 0 … m−1 (stride ld): x ← c·x + s·y, y ← c·y − s·x. */
function rotRows(m: i32, p: usize, ld: usize, c: f64, s: f64): void {
  for (let j = 0; j < m; j++) {
    const o = <usize>j * ld;
    const x = load<f64>(p + o);
    const y = load<f64>(p + o + 8);
    store<f64>(p + o, c * x + s * y);
    store<f64>(p + o + 8, c * y - s * x);
  }
}

export function hqr(
  wantt: i32, wantz: i32, n: i32, ilo: i32, ihi: i32, pH: usize, ldh: i32, pWr: usize, pWi: usize,
  iloz: i32, ihiz: i32, pZ: usize, ldz: i32, pw: usize,
): i32 {
  if (n <= 0) return 0;
  const ldH = <usize>ldh << 3;
  const ldZ = <usize>ldz << 3;
  if (ilo == ihi) {
    store<f64>(pWr + (<usize>ilo << 3), load<f64>(at(pH, ldH, ilo, ilo)));
    store<f64>(pWi + (<usize>ilo << 3), 0);
    return 0;
  }
  // clear the entries the bulge chase would leave behind
  for (let j = ilo; j <= ihi - 3; j++) {
    store<f64>(at(pH, ldH, j + 2, j), 0);
    store<f64>(at(pH, ldH, j + 3, j), 0);
  }
  if (ilo <= ihi - 2) store<f64>(at(pH, ldH, ihi, ihi - 2), 0);
  const pv = pw;
  const nh = ihi - ilo + 1;
  const nz = ihiz - iloz + 1;
  const smlnum = SAFMIN * (<f64>nh / ULP);
  // i1 … i2: the columns/rows a transformation touches (all of T if wanted, else just the window)
  let i1 = 0;
  let i2 = n - 1;
  const itSet = tuneI(T_HQR_MAXIT);
  const itmax = itSet > 0 ? itSet : HQR_MAXIT_FACTOR * max(10, nh);
  let kdefl = 0;
  let i = ihi;
  while (i >= ilo) {
    let l = ilo;
    let converged = false;
    for (let its = 0; its <= itmax; its++) {
      // 1. look for a single small subdiagonal
      let k = i;
      for (; k > l; k--) {
        const hkk1 = Math.abs(load<f64>(at(pH, ldH, k, k - 1)));
        if (hkk1 <= smlnum) break;
        const hk1k1 = load<f64>(at(pH, ldH, k - 1, k - 1));
        const hkk = load<f64>(at(pH, ldH, k, k));
        let tst = Math.abs(hk1k1) + Math.abs(hkk);
        if (tst == 0) {
          if (k - 2 >= ilo) tst += Math.abs(load<f64>(at(pH, ldH, k - 1, k - 2)));
          if (k + 1 <= ihi) tst += Math.abs(load<f64>(at(pH, ldH, k + 1, k)));
        }
        if (hkk1 <= ULP * tst) {
          const hk1k = Math.abs(load<f64>(at(pH, ldH, k - 1, k)));
          const ab = max(hkk1, hk1k);
          const ba = min(hkk1, hk1k);
          const dif = Math.abs(hk1k1 - hkk);
          const aa = max(Math.abs(hkk), dif);
          const bb = min(Math.abs(hkk), dif);
          const s = aa + ab;
          if (ba * (ab / s) <= max(smlnum, ULP * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > ilo) store<f64>(at(pH, ldH, l, l - 1), 0);
      if (l >= i - 1) {
        converged = true;
        break;
      }
      kdefl++;
      if (!wantt) {
        i1 = l;
        i2 = i;
      }
      // 2. shifts
      let h11: f64, h12: f64, h21: f64, h22: f64;
      if (kdefl % (2 * KEXSH) == 0) {
        const s = Math.abs(load<f64>(at(pH, ldH, i, i - 1))) + Math.abs(load<f64>(at(pH, ldH, i - 1, i - 2)));
        h11 = 0.75 * s + load<f64>(at(pH, ldH, i, i));
        h12 = -0.4375 * s;
        h21 = s;
        h22 = h11;
      } else if (kdefl % KEXSH == 0) {
        const s = Math.abs(load<f64>(at(pH, ldH, l + 1, l))) + Math.abs(load<f64>(at(pH, ldH, l + 2, l + 1)));
        h11 = 0.75 * s + load<f64>(at(pH, ldH, l, l));
        h12 = -0.4375 * s;
        h21 = s;
        h22 = h11;
      } else {
        h11 = load<f64>(at(pH, ldH, i - 1, i - 1));
        h21 = load<f64>(at(pH, ldH, i, i - 1));
        h12 = load<f64>(at(pH, ldH, i - 1, i));
        h22 = load<f64>(at(pH, ldH, i, i));
      }
      let rt1r: f64 = 0, rt1i: f64 = 0, rt2r: f64 = 0, rt2i: f64 = 0;
      const s0 = Math.abs(h11) + Math.abs(h12) + Math.abs(h21) + Math.abs(h22);
      if (s0 != 0) {
        h11 /= s0;
        h21 /= s0;
        h12 /= s0;
        h22 /= s0;
        const tr = (h11 + h22) * 0.5;
        const det = (h11 - tr) * (h22 - tr) - h12 * h21;
        const rtdisc = Math.sqrt(Math.abs(det));
        if (det >= 0) {
          // complex conjugate shifts
          rt1r = tr * s0;
          rt2r = rt1r;
          rt1i = rtdisc * s0;
          rt2i = -rt1i;
        } else {
          // real shifts: use only the one closer to h22, twice
          rt1r = tr + rtdisc;
          rt2r = tr - rtdisc;
          if (Math.abs(rt1r - h22) <= Math.abs(rt2r - h22)) {
            rt1r *= s0;
            rt2r = rt1r;
          } else {
            rt2r *= s0;
            rt1r = rt2r;
          }
        }
      }
      // 3. look for two consecutive small subdiagonals; v = first column of (H − σ₁)(H − σ₂), scaled
      let m = i - 2;
      let v0: f64 = 0, v1: f64 = 0, v2: f64 = 0;
      for (; ; m--) {
        const hmm = load<f64>(at(pH, ldH, m, m));
        const hm1m1 = load<f64>(at(pH, ldH, m + 1, m + 1));
        let h21s = load<f64>(at(pH, ldH, m + 1, m));
        const s = Math.abs(hmm - rt2r) + Math.abs(rt2i) + Math.abs(h21s);
        h21s = h21s / s;
        v0 = h21s * load<f64>(at(pH, ldH, m, m + 1)) + (hmm - rt1r) * ((hmm - rt2r) / s) - rt1i * (rt2i / s);
        v1 = h21s * (hmm + hm1m1 - rt1r - rt2r);
        v2 = h21s * load<f64>(at(pH, ldH, m + 2, m + 1));
        const sv = Math.abs(v0) + Math.abs(v1) + Math.abs(v2);
        v0 /= sv;
        v1 /= sv;
        v2 /= sv;
        if (m == l) break;
        const h00 = Math.abs(load<f64>(at(pH, ldH, m, m - 1))) * (Math.abs(v1) + Math.abs(v2));
        const h01 = Math.abs(v0) * (Math.abs(load<f64>(at(pH, ldH, m - 1, m - 1))) + Math.abs(hmm) + Math.abs(hm1m1));
        if (h00 <= ULP * h01) break;
      }
      // 4. double-shift QR step: chase the bulge from row m down to i. Two consecutive 3×3 steps share
      //    one pass over the columns right of the bulge (rows3x2); the order in which each
      //    entry sees the reflectors is that of the step-by-step chase.
      store<f64>(pv, v0);
      store<f64>(pv, v1, 8);
      store<f64>(pv, v2, 16);
      let kk = m;
      while (kk <= i - 1) {
        const nr = min(3, i - kk + 1);
        const t1 = bulgeReflector(kk, m, l, i, nr, pH, ldH, pv);
        const r1 = load<f64>(pv, 8);
        const r2 = load<f64>(pv, 16);
        const t2 = t1 * r1;
        if (nr == 3) {
          const t3 = t1 * r2;
          if (kk + 1 <= i - 2) {
            // step kk on its own three columns, then its column updates (rows ≤ kk+3)
            rows3(3, at(pH, ldH, kk, kk), ldH, r1, r2, t1, t2, t3);
            refl3Cols(kk + 3 - i1 + 1, at(pH, ldH, i1, kk), ldH, r1, r2, t1, t2, t3);
            if (wantz) refl3Cols(nz, at(pZ, ldZ, iloz, kk), ldZ, r1, r2, t1, t2, t3);
            // step kk+1: its reflector (from column kk), its two columns left of kk+3
            const k1 = kk + 1;
            const u1 = bulgeReflector(k1, m, l, i, 3, pH, ldH, pv);
            const w1 = load<f64>(pv, 8);
            const w2 = load<f64>(pv, 16);
            const u2 = u1 * w1;
            const u3 = u1 * w2;
            rows3(2, at(pH, ldH, k1, k1), ldH, w1, w2, u1, u2, u3);
            // columns kk+3 … i2: step kk on rows kk … kk+2, then step kk+1 on rows kk+1 … kk+3
            if (i2 >= kk + 3) rows3x2(i2 - kk - 2, at(pH, ldH, kk, kk + 3), ldH, r1, r2, t1, t2, t3, w1, w2, u1, u2, u3);
            refl3Cols(min(k1 + 3, i) - i1 + 1, at(pH, ldH, i1, k1), ldH, w1, w2, u1, u2, u3);
            if (wantz) refl3Cols(nz, at(pZ, ldZ, iloz, k1), ldZ, w1, w2, u1, u2, u3);
            kk += 2;
            continue;
          }
          // rows kk … kk+2, columns kk … i2
          rows3(i2 - kk + 1, at(pH, ldH, kk, kk), ldH, r1, r2, t1, t2, t3);
          // columns kk … kk+2, rows i1 … min(kk+3, i)
          refl3Cols(min(kk + 3, i) - i1 + 1, at(pH, ldH, i1, kk), ldH, r1, r2, t1, t2, t3);
          if (wantz) refl3Cols(nz, at(pZ, ldZ, iloz, kk), ldZ, r1, r2, t1, t2, t3);
        } else if (nr == 2) {
          for (let j = kk; j <= i2; j++) {
            const p = at(pH, ldH, kk, j);
            const x0 = load<f64>(p);
            const x1 = load<f64>(p, 8);
            const s = x0 + r1 * x1;
            store<f64>(p, x0 - s * t1);
            store<f64>(p, x1 - s * t2, 8);
          }
          refl2Cols(i - i1 + 1, at(pH, ldH, i1, kk), ldH, r1, t1, t2);
          if (wantz) refl2Cols(nz, at(pZ, ldZ, iloz, kk), ldZ, r1, t1, t2);
        }
        kk++;
      }
    }
    if (!converged) return i + 1;
    if (l == i) {
      // a real eigenvalue
      store<f64>(pWr + (<usize>i << 3), load<f64>(at(pH, ldH, i, i)));
      store<f64>(pWi + (<usize>i << 3), 0);
    } else {
      // l = i − 1: standardise the 2×2 block, apply its rotation to the rest of T and to Z
      lanv2(
        load<f64>(at(pH, ldH, i - 1, i - 1)), load<f64>(at(pH, ldH, i - 1, i)),
        load<f64>(at(pH, ldH, i, i - 1)), load<f64>(at(pH, ldH, i, i)),
      );
      store<f64>(at(pH, ldH, i - 1, i - 1), lanv2A);
      store<f64>(at(pH, ldH, i - 1, i), lanv2B);
      store<f64>(at(pH, ldH, i, i - 1), lanv2C);
      store<f64>(at(pH, ldH, i, i), lanv2D);
      store<f64>(pWr + (<usize>(i - 1) << 3), lanv2Rt1r);
      store<f64>(pWi + (<usize>(i - 1) << 3), lanv2Rt1i);
      store<f64>(pWr + (<usize>i << 3), lanv2Rt2r);
      store<f64>(pWi + (<usize>i << 3), lanv2Rt2i);
      const cs = lanv2Cs;
      const sn = lanv2Sn;
      if (wantt) {
        if (i2 > i) rotRows(i2 - i, at(pH, ldH, i - 1, i + 1), ldH, cs, sn);
        rotCols(i - 1 - i1, at(pH, ldH, i1, i - 1), ldH, cs, sn);
      }
      if (wantz) rotCols(nz, at(pZ, ldZ, iloz, i - 1), ldZ, cs, sn);
    }
    kdefl = 0;
    i = l - 1;
  }
  return 0;
}
