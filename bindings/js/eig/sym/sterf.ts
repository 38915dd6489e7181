/**
 * sterf — all eigenvalues of a symmetric tridiagonal matrix, by the root-free (Pal–Walker–Kahan)
 *         variant of the implicit QL/QR algorithm                       (O(n²); no sqrt in the sweep)
 *
 * JS mirror of assembly/eig/sym/sterf.ts (read it for the recurrence on the squared off-diagonals).
 * Same splitting, direction, shift, scaling and sweep budget as steqr; sorted ascending on success.
 *
 * Storage: d[offD…] (n) in/out; e[offE…] (n−1) destroyed. No workspace. The sweep budget is the tuning key
 * T_STERF_MAXIT, read from this module's own tuning table (../../tuning.js). Returns 0 or the count of
 * unconverged off-diagonals.
 *
 * References: Parlett, The Symmetric Eigenvalue Problem, §8.15; Reinsch, Math. Comp. 25, 1971;
 * LAPACK dsterf.
 */
import { lapy2 } from '../../qr/larfg.js';
import { lae2, laev2Rt1, laev2Rt2 } from './laev2.js';
import { lasrt } from './lasrt.js';
import { scalePow2 } from './pow2.js';
import { blockEnd, blockScale, BLOCK_DONE, unconverged } from './split.js';
import { UNIT_ROUNDOFF_SQ } from '../../../core/machine.js';
import { tune, T_STERF_MAXIT } from '../../tuning.js';

export function sterf(n: number, d: Float64Array, offD: number, e: Float64Array, offE: number): number {
  if (n <= 1) return 0;
  const D = offD;
  const E = offE;
  const maxitSet = tune(T_STERF_MAXIT);
  const nmaxit = maxitSet > 0 ? maxitSet : 30 * n;
  let jtot = 0;
  let l1 = 0;
  while (l1 < n) {
    const lsv = l1;
    const lendsv = blockEnd(n, l1, d, D, e, E);
    l1 = lendsv + 1;
    const k = blockScale(lsv, lendsv, d, D, e, E);
    if (k === BLOCK_DONE) continue;
    for (let i = lsv; i < lendsv; i++) {
      const ei = e[E + i]!;
      e[E + i] = ei * ei;
    }

    let l = lsv;
    let lend = lendsv;
    if (Math.abs(d[D + lend]!) < Math.abs(d[D + l]!)) {
      lend = lsv;
      l = lendsv;
    }

    if (lend >= l) {
      // ---- QL
      while (l <= lend) {
        let mm = l;
        for (; mm < lend; mm++) {
          if (Math.abs(e[E + mm]!) <= UNIT_ROUNDOFF_SQ * Math.abs(d[D + mm]! * d[D + mm + 1]!)) break;
        }
        if (mm < lend) e[E + mm] = 0;
        const p0 = d[D + l]!;
        if (mm === l) {
          l++;
          continue;
        }
        if (mm === l + 1) {
          lae2(p0, Math.sqrt(e[E + l]!), d[D + l + 1]!);
          d[D + l] = laev2Rt1;
          d[D + l + 1] = laev2Rt2;
          e[E + l] = 0;
          l += 2;
          continue;
        }
        if (jtot === nmaxit) break;
        jtot++;
        const rte = Math.sqrt(e[E + l]!);
        let sigma = (d[D + l + 1]! - p0) / (2.0 * rte);
        const r0 = lapy2(sigma, 1.0);
        sigma = p0 - rte / (sigma + (sigma >= 0 ? r0 : -r0));
        let c = 1;
        let s = 0;
        let gamma = d[D + mm]! - sigma;
        let p = gamma * gamma;
        for (let i = mm - 1; i >= l; i--) {
          const bb = e[E + i]!;
          const r = p + bb;
          if (i !== mm - 1) e[E + i + 1] = s * r;
          const oldc = c;
          c = p / r;
          s = bb / r;
          const oldgam = gamma;
          const alpha = d[D + i]!;
          gamma = c * (alpha - sigma) - s * oldgam;
          d[D + i + 1] = oldgam + (alpha - gamma);
          if (c !== 0) p = (gamma * gamma) / c;
          else p = oldc * bb;
        }
        e[E + l] = s * p;
        d[D + l] = sigma + gamma;
      }
    } else {
      // ---- QR
      while (l >= lend) {
        let mm = l;
        for (; mm > lend; mm--) {
          if (Math.abs(e[E + mm - 1]!) <= UNIT_ROUNDOFF_SQ * Math.abs(d[D + mm]! * d[D + mm - 1]!)) break;
        }
        if (mm > lend) e[E + mm - 1] = 0;
        const p0 = d[D + l]!;
        if (mm === l) {
          l--;
          continue;
        }
        if (mm === l - 1) {
          lae2(p0, Math.sqrt(e[E + l - 1]!), d[D + l - 1]!);
          d[D + l] = laev2Rt1;
          d[D + l - 1] = laev2Rt2;
          e[E + l - 1] = 0;
          l -= 2;
          continue;
        }
        if (jtot === nmaxit) break;
        jtot++;
        const rte = Math.sqrt(e[E + l - 1]!);
        let sigma = (d[D + l - 1]! - p0) / (2.0 * rte);
        const r0 = lapy2(sigma, 1.0);
        sigma = p0 - rte / (sigma + (sigma >= 0 ? r0 : -r0));
        let c = 1;
        let s = 0;
        let gamma = d[D + mm]! - sigma;
        let p = gamma * gamma;
        for (let i = mm; i < l; i++) {
          const bb = e[E + i]!;
          const r = p + bb;
          if (i !== mm) e[E + i - 1] = s * r;
          const oldc = c;
          c = p / r;
          s = bb / r;
          const oldgam = gamma;
          const alpha = d[D + i + 1]!;
          gamma = c * (alpha - sigma) - s * oldgam;
          d[D + i] = oldgam + (alpha - gamma);
          if (c !== 0) p = (gamma * gamma) / c;
          else p = oldc * bb;
        }
        e[E + l - 1] = s * p;
        d[D + l] = sigma + gamma;
      }
    }
    if (k !== 0) scalePow2(lendsv - lsv + 1, d, D + lsv, -k);
  }
  const info = unconverged(n, e, E);
  if (info > 0) return info;
  lasrt(n, d, D);
  return 0;
}
