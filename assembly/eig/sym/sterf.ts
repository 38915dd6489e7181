/**
 * sterf — all eigenvalues of a symmetric tridiagonal matrix, by the root-free (Pal–Walker–Kahan)
 *         variant of the implicit QL/QR algorithm                                (≈ 14 flops per rotation;
 *                                                                               O(n²) in all, no sqrt in the sweep)
 *
 * The values-only path of the eigensolver (syev with jobz = 0). Same block splitting, direction choice,
 * Wilkinson shift, scaling and iteration budget as steqr.ts (read it first; the splitting and scaling
 * code is split.ts, shared by both); the sweep differs. A QL sweep of steqr needs c and s of every
 * rotation only through c², s² and products that can be rewritten in terms of the squared off-diagonals
 * βᵢ = eᵢ²: with γ = cᵢ·(dᵢ − σ) − sᵢ·γ₋ (σ the shift) and p = γ²/c (p = c₋·β when c = 0), one step is
 *
 *   r = p + βᵢ;   e²_{i+1} = s·r (not for the first);   c = p/r;  s = βᵢ/r;
 *   γ = c·(dᵢ − σ) − s·γ₋;   d_{i+1} = γ₋ + (dᵢ − γ);   p = γ²/c
 *
 * and at the end e²_l = s·p, d_l = σ + γ — no square roots inside the loop (Pal, Walker & Kahan; Parlett
 * §8.15 "QL without square roots"; Reinsch's tqlrat). The shift needs √β_l once per sweep. The
 * negligibility test on the squares is βᵢ ≤ eps²·|dᵢ·dᵢ₊₁| (eps² = UNIT_ROUNDOFF_SQ = 2^-106: dsterf's
 * EPS2, from dlamch('E')); 2×2 blocks are solved by lae2.
 *
 * On success the eigenvalues are sorted ascending (lasrt). Sweeps count towards 30·n in total
 * (the tuning key T_STERF_MAXIT, tuning.ts, replaces it; tests set 1); on exhaustion the number of
 * off-diagonals not yet zero is returned and d holds the values found so far, unsorted.
 *
 * Storage: d (n doubles at `pD`) in: diagonal, out: eigenvalues; e (n−1 at `pE`) destroyed (it holds
 * squares during the iteration). No workspace. Returns 0 or the count of unconverged off-diagonals.
 *
 * References: Parlett, The Symmetric Eigenvalue Problem (SIAM 1998), §8.15; Reinsch, "A stable, rational
 * QR algorithm for the computation of the eigenvalues of an Hermitian, tridiagonal matrix", Math. Comp.
 * 25, 1971; Golub & Van Loan, 4th ed., §8.3; LAPACK dsterf.
 */
import { lapy2 } from '../../qr/larfg';
import { lae2, laev2Rt1, laev2Rt2 } from './laev2';
import { lasrt } from './lasrt';
import { scalePow2 } from './pow2';
import { blockEnd, blockScale, BLOCK_DONE, unconverged } from './split';
import { UNIT_ROUNDOFF_SQ } from '../../machine';
import { ld, st } from '../../util';
import { tuneI, T_STERF_MAXIT } from '../../tuning';

export function sterf(n: i32, pD: usize, pE: usize): i32 {
  if (n <= 1) return 0;
  const maxitSet = tuneI(T_STERF_MAXIT);
  const nmaxit = maxitSet > 0 ? maxitSet : 30 * n;
  let jtot = 0;
  let l1 = 0;
  while (l1 < n) {
    const lsv = l1;
    const lendsv = blockEnd(n, l1, pD, pE);
    l1 = lendsv + 1;
    const k = blockScale(lsv, lendsv, pD, pE);
    if (k == BLOCK_DONE) continue;
    for (let i = lsv; i < lendsv; i++) {
      const ei = ld(pE, i);
      st(pE, i, ei * ei);
    }

    let l = lsv;
    let lend = lendsv;
    if (Math.abs(ld(pD, lend)) < Math.abs(ld(pD, l))) {
      lend = lsv;
      l = lendsv;
    }

    if (lend >= l) {
      // ---- QL
      while (l <= lend) {
        let mm = l;
        for (; mm < lend; mm++) {
          if (Math.abs(ld(pE, mm)) <= UNIT_ROUNDOFF_SQ * Math.abs(ld(pD, mm) * ld(pD, mm + 1))) break;
        }
        if (mm < lend) st(pE, mm, 0);
        const p0 = ld(pD, l);
        if (mm == l) {
          l++;
          continue;
        }
        if (mm == l + 1) {
          lae2(p0, Math.sqrt(ld(pE, l)), ld(pD, l + 1));
          st(pD, l, laev2Rt1);
          st(pD, l + 1, laev2Rt2);
          st(pE, l, 0);
          l += 2;
          continue;
        }
        if (jtot == nmaxit) break;
        jtot++;
        // shift σ from the top 2×2 (needs e_l itself: one square root per sweep)
        const rte = Math.sqrt(ld(pE, l));
        let sigma = (ld(pD, l + 1) - p0) / (2.0 * rte);
        const r0 = lapy2(sigma, 1.0);
        sigma = p0 - rte / (sigma + (sigma >= 0 ? r0 : -r0));
        let c: f64 = 1;
        let s: f64 = 0;
        let gamma = ld(pD, mm) - sigma;
        let p = gamma * gamma;
        for (let i = mm - 1; i >= l; i--) {
          const bb = ld(pE, i);
          const r = p + bb;
          if (i != mm - 1) st(pE, i + 1, s * r);
          const oldc = c;
          c = p / r;
          s = bb / r;
          const oldgam = gamma;
          const alpha = ld(pD, i);
          gamma = c * (alpha - sigma) - s * oldgam;
          st(pD, i + 1, oldgam + (alpha - gamma));
          if (c != 0) p = (gamma * gamma) / c;
          else p = oldc * bb;
        }
        st(pE, l, s * p);
        st(pD, l, sigma + gamma);
      }
    } else {
      // ---- QR
      while (l >= lend) {
        let mm = l;
        for (; mm > lend; mm--) {
          if (Math.abs(ld(pE, mm - 1)) <= UNIT_ROUNDOFF_SQ * Math.abs(ld(pD, mm) * ld(pD, mm - 1))) break;
        }
        if (mm > lend) st(pE, mm - 1, 0);
        const p0 = ld(pD, l);
        if (mm == l) {
          l--;
          continue;
        }
        if (mm == l - 1) {
          lae2(p0, Math.sqrt(ld(pE, l - 1)), ld(pD, l - 1));
          st(pD, l, laev2Rt1);
          st(pD, l - 1, laev2Rt2);
          st(pE, l - 1, 0);
          l -= 2;
          continue;
        }
        if (jtot == nmaxit) break;
        jtot++;
        const rte = Math.sqrt(ld(pE, l - 1));
        let sigma = (ld(pD, l - 1) - p0) / (2.0 * rte);
        const r0 = lapy2(sigma, 1.0);
        sigma = p0 - rte / (sigma + (sigma >= 0 ? r0 : -r0));
        let c: f64 = 1;
        let s: f64 = 0;
        let gamma = ld(pD, mm) - sigma;
        let p = gamma * gamma;
        for (let i = mm; i < l; i++) {
          const bb = ld(pE, i);
          const r = p + bb;
          if (i != mm) st(pE, i - 1, s * r);
          const oldc = c;
          c = p / r;
          s = bb / r;
          const oldgam = gamma;
          const alpha = ld(pD, i + 1);
          gamma = c * (alpha - sigma) - s * oldgam;
          st(pD, i, oldgam + (alpha - gamma));
          if (c != 0) p = (gamma * gamma) / c;
          else p = oldc * bb;
        }
        st(pE, l - 1, s * p);
        st(pD, l, sigma + gamma);
      }
    }
    if (k != 0) scalePow2(lendsv - lsv + 1, pD + (<usize>lsv << 3), -k);
  }
  const info = unconverged(n, pE);
  if (info > 0) return info;
  lasrt(n, pD);
  return 0;
}
