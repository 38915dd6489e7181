/**
 * bdsqr — SVD of an upper bidiagonal matrix by implicit QR sweeps       (O(n²) on B; with vectors
 *                                                   ≈ 5·(nru + nrv)·n² more: 6 flops per row per rotation,
 *                                                   ≈ 0.85·n² rotations per side on random matrices)
 *
 *   B = diag(d) + superdiag(e)  (n×n)   →   B = Ub·Σ·Vbᵀ,   Σ = diag(σ₀ ≥ σ₁ ≥ … ≥ σₙ₋₁ ≥ 0),
 *
 * and, when vectors are asked for, U ← U·Ub (nru×n) and V ← V·Vb (nrv×n). Called by gesvd with
 * U = Q and V = P from the bidiagonalisation A = Q·B·Pᵀ (gebrd, orgbr), so that on exit A = U·Σ·Vᵀ.
 *
 * The math (Golub & Van Loan 4th ed. §8.6.2; Demmel & Kahan 1990). Each sweep is one step of the
 * implicitly shifted QR algorithm on BᵀB − σ²I, done on B itself: a rotation R₀ from the right,
 * chosen from the first column of BᵀB − σ²I, creates a bulge below the diagonal; alternating left and
 * right rotations chase it off the end. B ← Lᵀ·B·R stays bidiagonal, and U ← U·L, V ← V·R keep
 * A = U·B·Vᵀ. The shift σ is the smaller singular value of the trailing 2×2 block (las2), which gives
 * cubic convergence of the last off-diagonal eₘ₋₁ → 0; the block then deflates and m moves up.
 *
 * Accuracy (Demmel & Kahan). Every singular value of B, however small, is determined to high
 * *relative* accuracy by d and e, and the algorithm keeps that:
 *   · zero shift when a shift would wash out the smallest singular values (n·tol·σmin/σmax ≤ eps):
 *     the zero-shift sweep needs no subtraction at all and is relatively accurate;
 *   · convergence tests relative to a running lower bound of σmin (μⱼ₊₁ = |dⱼ₊₁|·μⱼ/(μⱼ + |eⱼ|),
 *     Demmel–Kahan's recurrence): eⱼ is set to zero when |eⱼ| ≤ tol·μⱼ, which perturbs each σ by at
 *     most a factor (1 ± n·tol) — never an absolute threshold ‖B‖·eps;
 *   · direction: a bulge is chased from the larger end toward the smaller (graded matrices keep their
 *     small singular values); dir is chosen afresh whenever the active block changes;
 *   · an absolute threshold thresh = max(tol·σmin_est, 6n²·SAFMIN) splits only what is below the
 *     underflow-level accuracy anyway.
 * tol = TOLMUL·eps with TOLMUL = eps^(−1/8) ≈ 98.7 (LAPACK's default, between 10 and 100): the bound
 * on each computed σ is |σ̂ − σ| ≤ 69·n²·TOLMUL·eps·σ (worst case, Demmel–Kahan Thm. 3; typically n·eps).
 * Here eps is the unit roundoff UNIT_ROUNDOFF = 2^-53 (machine.ts), dlamch('E') as dbdsqr uses it, and
 * SAFMIN = 2^-1022 is dbdsqr's UNFL (dlamch('S')).
 *
 * Splitting: eⱼ = 0 splits B into independent blocks; the active block is [ll, m] with m the bottom,
 * found by scanning up from m for the first negligible e. A 1×1 block is converged; a 2×2 block is
 * solved directly (lasv2). Iteration cap: MAXITR·n² inner steps in total (MAXITR = 6, LAPACK's
 * maxit; the tuning key T_BDSQR_MAXIT, tuning.ts, replaces it, tests set 1), counted as the block
 * length per sweep; when it is exceeded bdsqr stops and returns the number of eⱼ that are still nonzero
 * (> 0), with d, e, U, V consistent (A = U·B·Vᵀ still holds). NaN in d or e makes every test false, so
 * the cap is what stops it: never a hang.
 *
 * Where the time goes. The bidiagonal work is O(n) per sweep; applying each sweep's rotations to U and
 * V is O(n·(nru + nrv)). So the rotations are not applied as they are made: each sweep's (c, s) pairs
 * (for U and for V) and its range/direction are recorded into workspace, and every K = T_BDSQR_SWEEPS sweeps
 * (and at the end) they are applied in one pass by lasr (blas/lasr.ts, the applier steqr uses too) —
 * strips of rows of U and V kept in cache while all recorded sweeps go over them, two rotations fused
 * per load/store (Van Zee, van de Geijn & Quintana-Ortí, ACM TOMS 40(3), 2014). The rotations act on column pairs of U and V (V, not Vᵀ, is
 * stored), so every access is unit-stride. Buffering changes no result bit: each element of U and V
 * sees the same rotations in the same order as when applied one by one.
 *
 * Sign and order: on exit σᵢ = |dᵢ| (a column of V is negated where dᵢ < 0) and Σ is sorted into
 * decreasing order with the columns of U and V permuted alike (selection sort: ≤ n − 1 column swaps).
 *
 * Storage: d (n doubles) at `pd`, e (n − 1) at `pe`; on exit d = σ (sorted), e destroyed (zero on
 * success). V is nrv×n at `pV` (ldv ≥ max(1, nrv)), U is nru×n at `pU` (ldu ≥ max(1, nru)); nrv = 0 /
 * nru = 0 means "not wanted" (the pointer is not touched). Workspace: `pw`, 16-byte aligned,
 * `bdsqrScratch(n, nrv, nru)` doubles (0 without vectors). Returns 0, or the number of unconverged
 * off-diagonals (> 0) when the iteration cap was hit (d then is not sorted and not made positive).
 *
 * References: Golub & Van Loan, Matrix Computations, 4th ed., §8.6.2 (Algorithm 8.6.1, Golub–Kahan
 * SVD step); Demmel & Kahan, "Accurate singular values of bidiagonal matrices", SIAM J. Sci. Stat.
 * Comput. 11(5), 1990 (zero-shift QR, convergence criteria, direction); Van Zee, van de Geijn &
 * Quintana-Ortí, ACM TOMS 40(3), 2014 (deferred, cache-blocked application of the rotations); LAPACK
 * dbdsqr (the shift strategy and thresholds).
 */
import { lartg, lartgC, lartgS } from '../blas/lartg';
import { las2 } from './las2';
import { lasv2, lasv2Max, lasv2Cr, lasv2Sr, lasv2Cl, lasv2Sl } from './lasv2';
import { lasr } from '../blas/lasr';
import { tune, tuneI, T_BDSQR_SWEEPS, T_BDSQR_MAXIT } from '../tuning';
import { UNIT_ROUNDOFF, SAFMIN } from '../machine';
import { ld, st, sign1 } from '../util';

// @ts-ignore: decorator
@inline export const BDSQR_TOLMUL: f64 = 98.70149282610822; // UNIT_ROUNDOFF^(-1/8) = 2^(53/8), dbdsqr's TOLMUL
// @ts-ignore: decorator
@inline export const BDSQR_MAXITR: f64 = 6;

/*
 * K, the sweeps recorded before they are applied to U and V (T_BDSQR_SWEEPS, default 32). Measured
 * (bdsqr with U, V of a random n×n, SIMD build): n = 2048 takes 11.6–14.7 s applying every sweep at once
 * (K = 1) and 4.1–4.3 s with K = 32 (U and V, 32 MiB each, no longer fit the cache, so one pass per
 * sweep is memory bound); for n ≤ 1024 K = 1…64 are within the run-to-run noise (gesvd U,V at 512:
 * 109.6–113.4 ms), the matrices staying in the 32 MiB L3. Workspace is 4·K·n doubles.
 */

/** Doubles of workspace `bdsqr` needs (with T_BDSQR_SWEEPS in force). */
export function bdsqrScratch(n: i32, nrv: i32, nru: i32): i32 {
  if (n <= 1 || (nrv <= 0 && nru <= 0)) return 0;
  const k = tuneI(T_BDSQR_SWEEPS);
  return 4 * k + 4 * k * n;
}

export function bdsqr(
  n: i32, nrv: i32, nru: i32, pd: usize, pe: usize,
  pV: usize, ldv: i32, pU: usize, ldu: i32, pw: usize,
): i32 {
  if (n <= 0) return 0;
  if (nrv < 0) nrv = 0;
  if (nru < 0) nru = 0;
  const ldV = <usize>ldv << 3;
  const ldU = <usize>ldu << 3;
  if (n > 1) {
    const info = iterate(n, nrv, nru, pd, pe, pV, ldv, pU, ldu, pw);
    if (info > 0) return info;
  }
  // σᵢ = |dᵢ|: negate column i of V where dᵢ < 0
  for (let i = 0; i < n; i++) {
    const di = load<f64>(pd + (<usize>i << 3));
    if (di < 0) {
      const c = pV + <usize>i * ldV;
      for (let r = 0; r < nrv; r++) store<f64>(c + (<usize>r << 3), -load<f64>(c + (<usize>r << 3)));
    }
    store<f64>(pd + (<usize>i << 3), Math.abs(di));
  }
  // sort into decreasing order (selection sort: at most n − 1 column swaps)
  for (let i = 0; i < n - 1; i++) {
    let jmax = i;
    let dmax = load<f64>(pd + (<usize>i << 3));
    for (let j = i + 1; j < n; j++) {
      const dj = load<f64>(pd + (<usize>j << 3));
      if (dj > dmax) {
        dmax = dj;
        jmax = j;
      }
    }
    if (jmax != i) {
      store<f64>(pd + (<usize>jmax << 3), load<f64>(pd + (<usize>i << 3)));
      store<f64>(pd + (<usize>i << 3), dmax);
      swapColumns(nrv, pV + <usize>i * ldV, pV + <usize>jmax * ldV);
      swapColumns(nru, pU + <usize>i * ldU, pU + <usize>jmax * ldU);
    }
  }
  return 0;
}

function swapColumns(m: i32, px: usize, py: usize): void {
  for (let r = 0; r < m; r++) {
    const o = <usize>r << 3;
    const t = load<f64>(px + o);
    store<f64>(px + o, load<f64>(py + o));
    store<f64>(py + o, t);
  }
}

/** The QR iteration proper; returns 0 when B is diagonal, else the count of nonzero e (cap hit). */
function iterate(
  n: i32, nrv: i32, nru: i32, pd: usize, pe: usize,
  pV: usize, ldv: i32, pU: usize, ldu: i32, pw: usize,
): i32 {
  const vec = nrv > 0 || nru > 0;
  // deferred rotations: lasr records (lo, hi, dir, off = q·n), then (c, s) for U and for V, K columns of n
  const K = tuneI(T_BDSQR_SWEEPS);
  const pSeq = pw;
  const pUc = pSeq + (<usize>(4 * K) << 3);
  const colBytes = <usize>n << 3;
  const pUs = pUc + <usize>K * colBytes;
  const pVc = pUs + <usize>K * colBytes;
  const pVs = pVc + <usize>K * colBytes;
  let nseq = 0;

  const tol = BDSQR_TOLMUL * UNIT_ROUNDOFF;
  // σmin estimate (Demmel–Kahan recurrence) → absolute threshold
  let sminoa = Math.abs(ld(pd, 0));
  if (sminoa != 0) {
    let mu = sminoa;
    for (let i = 1; i < n; i++) {
      mu = Math.abs(ld(pd, i)) * (mu / (mu + Math.abs(ld(pe, i - 1))));
      if (mu < sminoa) sminoa = mu;
      if (sminoa == 0) break;
    }
  }
  sminoa = sminoa / Math.sqrt(<f64>n);
  const fn = <f64>n;
  const thresh = Math.max(tol * sminoa, BDSQR_MAXITR * (fn * (fn * SAFMIN)));
  const maxitSet = tune(T_BDSQR_MAXIT);
  const maxit: f64 = maxitSet > 0 ? maxitSet : BDSQR_MAXITR * fn * fn;
  let iter: f64 = 0;
  let oldll = -1;
  let oldm = -1;
  let idir = 0;
  let m = n - 1;
  let failed = false;

  while (m > 0) {
    if (iter >= maxit) {
      failed = true;
      break;
    }
    // active block [ll, m]: scan up from m for a negligible off-diagonal
    let smax = Math.abs(ld(pd, m));
    let ll = 0;
    for (let l = m - 1; l >= 0; l--) {
      const abss = Math.abs(ld(pd, l));
      const abse = Math.abs(ld(pe, l));
      if (abse <= thresh) {
        st(pe, l, 0);
        ll = l + 1;
        break;
      }
      smax = Math.max(smax, Math.max(abss, abse));
    }
    if (ll == m) {
      // dₘ is isolated: converged
      m--;
      continue;
    }
    if (ll == m - 1) {
      // 2×2 block: solve it directly
      const smin = lasv2(ld(pd, m - 1), ld(pe, m - 1), ld(pd, m));
      st(pd, m - 1, lasv2Max);
      st(pe, m - 1, 0);
      st(pd, m, smin);
      if (vec) {
        const o = (<usize>nseq * colBytes) + (<usize>(m - 1) << 3);
        store<f64>(pVc + o, lasv2Cr);
        store<f64>(pVs + o, lasv2Sr);
        store<f64>(pUc + o, lasv2Cl);
        store<f64>(pUs + o, lasv2Sl);
        nseq = record(nseq, K, m - 1, m, 0, pSeq, pUc, pUs, pVc, pVs, n, nrv, nru, pV, ldv, pU, ldu);
      }
      m -= 2;
      continue;
    }
    // a new block (not a shrunk version of the last one): choose the chase direction
    if (ll > oldm || m < oldll) idir = Math.abs(ld(pd, ll)) >= Math.abs(ld(pd, m)) ? 1 : 2;

    // convergence tests, relative to the running σmin bound μ
    let sminl: f64 = 0;
    let deflated = false;
    if (idir == 1) {
      if (Math.abs(ld(pe, m - 1)) <= tol * Math.abs(ld(pd, m))) {
        st(pe, m - 1, 0);
        continue;
      }
      let mu = Math.abs(ld(pd, ll));
      sminl = mu;
      for (let l = ll; l < m; l++) {
        const el = Math.abs(ld(pe, l));
        if (el <= tol * mu) {
          st(pe, l, 0);
          deflated = true;
          break;
        }
        mu = Math.abs(ld(pd, l + 1)) * (mu / (mu + el));
        if (mu < sminl) sminl = mu;
      }
    } else {
      if (Math.abs(ld(pe, ll)) <= tol * Math.abs(ld(pd, ll))) {
        st(pe, ll, 0);
        continue;
      }
      let mu = Math.abs(ld(pd, m));
      sminl = mu;
      for (let l = m - 1; l >= ll; l--) {
        const el = Math.abs(ld(pe, l));
        if (el <= tol * mu) {
          st(pe, l, 0);
          deflated = true;
          break;
        }
        mu = Math.abs(ld(pd, l)) * (mu / (mu + el));
        if (mu < sminl) sminl = mu;
      }
    }
    if (deflated) continue;
    oldll = ll;
    oldm = m;

    // shift: zero if it would destroy the relative accuracy of the smallest σ, else the smaller
    // singular value of the 2×2 block at the end the bulge is chased toward
    let shift: f64 = 0;
    if (fn * tol * (sminl / smax) > Math.max(UNIT_ROUNDOFF, 0.01 * tol)) {
      let sll: f64;
      if (idir == 1) {
        sll = Math.abs(ld(pd, ll));
        shift = las2(ld(pd, m - 1), ld(pe, m - 1), ld(pd, m));
      } else {
        sll = Math.abs(ld(pd, m));
        shift = las2(ld(pd, ll), ld(pe, ll), ld(pd, ll + 1));
      }
      if (sll > 0) {
        const q = shift / sll;
        if (q * q < UNIT_ROUNDOFF) shift = 0;
      }
    }
    iter += <f64>(m - ll);

    const oc = <usize>nseq * colBytes;
    const uc = pUc + oc;
    const us = pUs + oc;
    const vc = pVc + oc;
    const vs = pVs + oc;
    if (shift == 0) {
      if (idir == 1) {
        // zero-shift sweep, top to bottom (Demmel–Kahan): no subtraction anywhere
        let cs: f64 = 1;
        let sn: f64 = 0;
        let oldcs: f64 = 1;
        let oldsn: f64 = 0;
        for (let i = ll; i < m; i++) {
          const r = lartg(ld(pd, i) * cs, ld(pe, i));
          cs = lartgC;
          sn = lartgS;
          if (i > ll) st(pe, i - 1, oldsn * r);
          const di = lartg(oldcs * r, ld(pd, i + 1) * sn);
          oldcs = lartgC;
          oldsn = lartgS;
          st(pd, i, di);
          if (vec) {
            st(vc, i, cs);
            st(vs, i, sn);
            st(uc, i, oldcs);
            st(us, i, oldsn);
          }
        }
        const h = ld(pd, m) * cs;
        st(pd, m, h * oldcs);
        st(pe, m - 1, h * oldsn);
        if (Math.abs(ld(pe, m - 1)) <= thresh) st(pe, m - 1, 0);
      } else {
        // zero-shift sweep, bottom to top
        let cs: f64 = 1;
        let sn: f64 = 0;
        let oldcs: f64 = 1;
        let oldsn: f64 = 0;
        for (let i = m; i > ll; i--) {
          const r = lartg(ld(pd, i) * cs, ld(pe, i - 1));
          cs = lartgC;
          sn = lartgS;
          if (i < m) st(pe, i, oldsn * r);
          const di = lartg(oldcs * r, ld(pd, i - 1) * sn);
          oldcs = lartgC;
          oldsn = lartgS;
          st(pd, i, di);
          if (vec) {
            st(uc, i - 1, cs);
            st(us, i - 1, -sn);
            st(vc, i - 1, oldcs);
            st(vs, i - 1, -oldsn);
          }
        }
        const h = ld(pd, ll) * cs;
        st(pd, ll, h * oldcs);
        st(pe, ll, h * oldsn);
        if (Math.abs(ld(pe, ll)) <= thresh) st(pe, ll, 0);
      }
    } else {
      if (idir == 1) {
        // shifted sweep, top to bottom: R₀ from the first column of BᵀB − σ²I, scaled by 1/d_ll
        const dll = ld(pd, ll);
        let f = (Math.abs(dll) - shift) * (sign1(dll) + shift / dll);
        let g = ld(pe, ll);
        for (let i = ll; i < m; i++) {
          // right rotation on columns (i, i+1): zero B[i−1, i+1] (or start the chase)
          const r = lartg(f, g);
          const cosr = lartgC;
          const sinr = lartgS;
          if (i > ll) st(pe, i - 1, r);
          const di = ld(pd, i);
          const ei = ld(pe, i);
          const di1 = ld(pd, i + 1);
          f = cosr * di + sinr * ei;
          const e1 = cosr * ei - sinr * di;
          g = sinr * di1;
          const d1 = cosr * di1;
          // left rotation on rows (i, i+1): zero the bulge B[i+1, i]
          const r2 = lartg(f, g);
          const cosl = lartgC;
          const sinl = lartgS;
          st(pd, i, r2);
          f = cosl * e1 + sinl * d1;
          st(pd, i + 1, cosl * d1 - sinl * e1);
          if (i < m - 1) {
            const ei1 = ld(pe, i + 1);
            g = sinl * ei1;
            st(pe, i + 1, cosl * ei1);
          }
          st(pe, i, e1);
          if (vec) {
            st(vc, i, cosr);
            st(vs, i, sinr);
            st(uc, i, cosl);
            st(us, i, sinl);
          }
        }
        st(pe, m - 1, f);
        if (Math.abs(f) <= thresh) st(pe, m - 1, 0);
      } else {
        // shifted sweep, bottom to top (the same on the reversed matrix)
        const dm = ld(pd, m);
        let f = (Math.abs(dm) - shift) * (sign1(dm) + shift / dm);
        let g = ld(pe, m - 1);
        for (let i = m; i > ll; i--) {
          // left rotation on rows (i−1, i)
          const r = lartg(f, g);
          const cosr = lartgC;
          const sinr = lartgS;
          if (i < m) st(pe, i, r);
          const di = ld(pd, i);
          const ei = ld(pe, i - 1);
          const di1 = ld(pd, i - 1);
          f = cosr * di + sinr * ei;
          const e1 = cosr * ei - sinr * di;
          g = sinr * di1;
          const d1 = cosr * di1;
          // right rotation on columns (i−1, i): zero the bulge B[i, i−1]
          const r2 = lartg(f, g);
          const cosl = lartgC;
          const sinl = lartgS;
          st(pd, i, r2);
          f = cosl * e1 + sinl * d1;
          st(pd, i - 1, cosl * d1 - sinl * e1);
          if (i > ll + 1) {
            const ei2 = ld(pe, i - 2);
            g = sinl * ei2;
            st(pe, i - 2, cosl * ei2);
          }
          st(pe, i - 1, e1);
          if (vec) {
            st(uc, i - 1, cosr);
            st(us, i - 1, -sinr);
            st(vc, i - 1, cosl);
            st(vs, i - 1, -sinl);
          }
        }
        st(pe, ll, f);
        if (Math.abs(f) <= thresh) st(pe, ll, 0);
      }
    }
    if (vec) nseq = record(nseq, K, ll, m, idir == 1 ? 0 : 1, pSeq, pUc, pUs, pVc, pVs, n, nrv, nru, pV, ldv, pU, ldu);
  }
  if (vec && nseq > 0) flush(nseq, pSeq, pUc, pUs, pVc, pVs, n, nrv, nru, pV, ldv, pU, ldu);
  if (!failed) return 0;
  let count = 0;
  for (let i = 0; i < n - 1; i++) if (ld(pe, i) != 0) count++;
  return count;
}

/** Closes sweep `nseq` (rotations at lo…hi−1, already stored) and applies the batch when it is full. */
function record(
  nseq: i32, K: i32, lo: i32, hi: i32, dir: i32, pSeq: usize,
  pUc: usize, pUs: usize, pVc: usize, pVs: usize, n: i32,
  nrv: i32, nru: i32, pV: usize, ldv: i32, pU: usize, ldu: i32,
): i32 {
  const d = pSeq + (<usize>(nseq << 2) << 3);
  store<f64>(d, <f64>lo);
  store<f64>(d, <f64>hi, 8);
  store<f64>(d, <f64>dir, 16);
  store<f64>(d, <f64>(nseq * n), 24); // (c, s) of sweep nseq: column nseq of n slots, indexed by position
  nseq++;
  if (nseq < K) return nseq;
  flush(nseq, pSeq, pUc, pUs, pVc, pVs, n, nrv, nru, pV, ldv, pU, ldu);
  return 0;
}

/** U ← U·(recorded left rotations), V ← V·(recorded right rotations). */
function flush(
  nseq: i32, pSeq: usize, pUc: usize, pUs: usize, pVc: usize, pVs: usize, n: i32,
  nrv: i32, nru: i32, pV: usize, ldv: i32, pU: usize, ldu: i32,
): void {
  lasr(nru, nseq, pSeq, pUc, pUs, pU, ldu);
  lasr(nrv, nseq, pSeq, pVc, pVs, pV, ldv);
}
