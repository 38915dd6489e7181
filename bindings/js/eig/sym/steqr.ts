/**
 * steqr — eigenvalues and eigenvectors of a symmetric tridiagonal matrix by the implicit QL/QR
 *         algorithm with Wilkinson-type shifts                  (O(n²) without vectors; ≈ 6n³ flops with)
 *
 *   compz = 0: Λ only;  compz = 1: Z ← Z·Z_T (Z = Q of A = Q·T·Qᵀ on entry);  compz = 2: Z ← Z_T
 *
 * JS mirror of assembly/eig/sym/steqr.ts (read it for the math: splitting, direction, shift, sweep,
 * scaling, iteration budget, sorting). The rotations of each sweep go to the same buffer of BATCH·n
 * rotations (BATCH: the tuning key T_STEQR_BATCH), applied by lasr when it fills, before sorting and before
 * returning; every element of Z sees the same operations as in the wasm kernel, so the results agree bit
 * for bit (and do not depend on the batch size).
 *
 * Storage: d[offD…] (n) in/out, e[offE…] (n−1) destroyed, Z[i, j] = z[offZ + i + j·ldz] (n×n; not
 * referenced for compz = 0). Workspace: w[offW…], `steqrScratch(n, compz)` doubles. BATCH and the
 * iteration budget (T_STEQR_MAXIT) are read from this module's own tuning table (../../tuning.js).
 * Returns 0 or the number of unconverged off-diagonal elements.
 *
 * References: Golub & Van Loan, 4th ed., §8.3; Parlett, The Symmetric Eigenvalue Problem, ch. 8;
 * Bowdler, Martin, Reinsch & Wilkinson, Numer. Math. 11, 1968; LAPACK dsteqr.
 */
import { lapy2 } from '../../qr/larfg.js';
import { lartg, lartgC, lartgS } from '../../blas/lartg.js';
import { lae2, laev2, laev2Rt1, laev2Rt2, laev2Cs, laev2Sn } from './laev2.js';
import { lasr, rot1 } from '../../blas/lasr.js';
import { lasrt } from './lasrt.js';
import { sortPairs } from './sortpairs.js';
import { scalePow2 } from './pow2.js';
import { blockEnd, blockScale, BLOCK_DONE, unconverged } from './split.js';
import { UNIT_ROUNDOFF_SQ, SAFMIN } from '../../../core/machine.js';
import { tune, T_STEQR_BATCH, T_STEQR_MAXIT } from '../../tuning.js';

/** Sweeps allowed per eigenvalue (total 30·n, unless T_STEQR_MAXIT sets a total). */
export const STEQR_MAXIT = 30;

function capacity(n: number): number {
  return tune(T_STEQR_BATCH) * Math.max(1, n);
}
function recCapacity(n: number): number {
  return n + 16;
}

/** Orders up to which the rotations go to Z at once, not through the buffer (assembly: STEQR_DIRECT). */
export const STEQR_DIRECT = 8;

/** Rotation (c, s) on columns j, j+1 of Z (bRows rows), at once: lasr's own rot1. */
function rotZ(j: number, c: number, s: number): void {
  rot1(bRows, bZ, bOffZ + j * bLdz, bLdz, c, s);
}

/** Doubles of workspace `steqr` needs (0 without vectors). */
export function steqrScratch(n: number, compz: number): number {
  if (compz === 0 || n <= 1) return 0;
  return 2 * capacity(n) + 4 * recCapacity(n);
}

// ---- the rotation buffer (state of one steqr call)
let bW: Float64Array = new Float64Array(0);
let bC = 0; // c's, packed end to end
let bS = 0; // s's, alike
let bSeq = 0;
let bCap = 0;
let bRecCap = 0;
let bUsed = 0;
let bNseq = 0;
let bZ: Float64Array = new Float64Array(0);
let bOffZ = 0;
let bLdz = 0;
let bRows = 0;

function flush(): void {
  if (bNseq > 0) lasr(bRows, bNseq, bW, bSeq, bW, bC, bW, bS, bZ, bOffZ, bLdz);
  bUsed = 0;
  bNseq = 0;
}

/**
 * Opens a record of the rotations at pairs lo … hi−1 (dir = 0: applied in increasing order, 1:
 * decreasing); returns off: pair j's c goes to w[bC + off + j], its s to w[bS + off + j].
 */
function push(lo: number, hi: number, dir: number): number {
  const nr = hi - lo;
  if (bUsed + nr > bCap || bNseq === bRecCap) flush();
  const rec = bSeq + 4 * bNseq;
  const off = bUsed - lo;
  bW[rec] = lo;
  bW[rec + 1] = hi;
  bW[rec + 2] = dir;
  bW[rec + 3] = off;
  bUsed += nr;
  bNseq++;
  return off;
}

export function steqr(
  compz: number, n: number, d: Float64Array, offD: number, e: Float64Array, offE: number,
  z: Float64Array, offZ: number, ldz: number, w: Float64Array, offW: number,
): number {
  if (n <= 0) return 0;
  const wantz = compz > 0;
  if (compz === 2) {
    for (let j = 0; j < n; j++) {
      const c = offZ + j * ldz;
      for (let i = 0; i < n; i++) z[c + i] = i === j ? 1 : 0;
    }
  }
  if (n === 1) return 0;
  if (wantz) {
    bW = w;
    bCap = capacity(n);
    bRecCap = recCapacity(n);
    bC = offW;
    bS = offW + bCap;
    bSeq = bS + bCap;
    bUsed = 0;
    bNseq = 0;
    bZ = z;
    bOffZ = offZ;
    bLdz = ldz;
    bRows = n;
  }
  const D = offD;
  const E = offE;
  const direct = n <= STEQR_DIRECT; // rotations on Z at once (see STEQR_DIRECT)
  const maxitSet = tune(T_STEQR_MAXIT);
  const nmaxit = maxitSet > 0 ? maxitSet : STEQR_MAXIT * n;
  let jtot = 0;

  let l1 = 0;
  while (l1 < n) {
    // the unreduced block starting at l1 ends at the first negligible e
    const lsv = l1;
    const lendsv = blockEnd(n, l1, d, D, e, E);
    l1 = lendsv + 1;
    // scale the block into [SSFMIN, SSFMAX] by a power of two (nothing to do for 1×1 or zero blocks)
    const k = blockScale(lsv, lendsv, d, D, e, E);
    if (k === BLOCK_DONE) continue;

    let l = lsv;
    let lend = lendsv;
    if (Math.abs(d[D + lend]!) < Math.abs(d[D + l]!)) {
      lend = lsv;
      l = lendsv;
    }

    if (lend > l) {
      // ---- QL
      while (l <= lend) {
        let mm = l;
        for (; mm < lend; mm++) {
          const t = Math.abs(e[E + mm]!);
          if (t * t <= UNIT_ROUNDOFF_SQ * Math.abs(d[D + mm]!) * Math.abs(d[D + mm + 1]!) + SAFMIN) break;
        }
        if (mm < lend) e[E + mm] = 0;
        if (mm === l) {
          l++;
          continue;
        }
        if (mm === l + 1) {
          if (wantz) {
            laev2(d[D + l]!, e[E + l]!, d[D + l + 1]!);
            if (direct) {
              rotZ(l, laev2Cs, laev2Sn);
            } else {
              const o = push(l, l + 1, 0) + l;
              w[bC + o] = laev2Cs;
              w[bS + o] = laev2Sn;
            }
          } else {
            lae2(d[D + l]!, e[E + l]!, d[D + l + 1]!);
          }
          d[D + l] = laev2Rt1;
          d[D + l + 1] = laev2Rt2;
          e[E + l] = 0;
          l += 2;
          continue;
        }
        if (jtot === nmaxit) break;
        jtot++;
        const dl = d[D + l]!;
        const el = e[E + l]!;
        let g = (d[D + l + 1]! - dl) / (2.0 * el);
        let r = lapy2(g, 1.0);
        g = d[D + mm]! - dl + el / (g + (g >= 0 ? r : -r));
        let s = 1;
        let c = 1;
        let p = 0;
        const o = wantz && !direct ? push(l, mm, 1) : 0;
        for (let i = mm - 1; i >= l; i--) {
          const ei = e[E + i]!;
          const f = s * ei;
          const b = c * ei;
          r = lartg(g, f);
          c = lartgC;
          s = lartgS;
          if (i !== mm - 1) e[E + i + 1] = r;
          g = d[D + i + 1]! - p;
          r = (d[D + i]! - g) * s + 2.0 * c * b;
          p = s * r;
          d[D + i + 1] = g + p;
          g = c * r - b;
          if (wantz) {
            if (direct) {
              rotZ(i, c, -s);
            } else {
              w[bC + o + i] = c;
              w[bS + o + i] = -s;
            }
          }
        }
        d[D + l] = d[D + l]! - p;
        e[E + l] = g;
      }
    } else {
      // ---- QR
      while (l >= lend) {
        let mm = l;
        for (; mm > lend; mm--) {
          const t = Math.abs(e[E + mm - 1]!);
          if (t * t <= UNIT_ROUNDOFF_SQ * Math.abs(d[D + mm]!) * Math.abs(d[D + mm - 1]!) + SAFMIN) break;
        }
        if (mm > lend) e[E + mm - 1] = 0;
        if (mm === l) {
          l--;
          continue;
        }
        if (mm === l - 1) {
          if (wantz) {
            laev2(d[D + l - 1]!, e[E + l - 1]!, d[D + l]!);
            if (direct) {
              rotZ(l - 1, laev2Cs, laev2Sn);
            } else {
              const o = push(l - 1, l, 0) + l - 1;
              w[bC + o] = laev2Cs;
              w[bS + o] = laev2Sn;
            }
          } else {
            lae2(d[D + l - 1]!, e[E + l - 1]!, d[D + l]!);
          }
          d[D + l - 1] = laev2Rt1;
          d[D + l] = laev2Rt2;
          e[E + l - 1] = 0;
          l -= 2;
          continue;
        }
        if (jtot === nmaxit) break;
        jtot++;
        const dl = d[D + l]!;
        const el = e[E + l - 1]!;
        let g = (d[D + l - 1]! - dl) / (2.0 * el);
        let r = lapy2(g, 1.0);
        g = d[D + mm]! - dl + el / (g + (g >= 0 ? r : -r));
        let s = 1;
        let c = 1;
        let p = 0;
        const o = wantz && !direct ? push(mm, l, 0) : 0;
        for (let i = mm; i < l; i++) {
          const ei = e[E + i]!;
          const f = s * ei;
          const b = c * ei;
          r = lartg(g, f);
          c = lartgC;
          s = lartgS;
          if (i !== mm) e[E + i - 1] = r;
          g = d[D + i]! - p;
          r = (d[D + i + 1]! - g) * s + 2.0 * c * b;
          p = s * r;
          d[D + i] = g + p;
          g = c * r - b;
          if (wantz) {
            if (direct) {
              rotZ(i, c, s);
            } else {
              w[bC + o + i] = c;
              w[bS + o + i] = s;
            }
          }
        }
        d[D + l] = d[D + l]! - p;
        e[E + l - 1] = g;
      }
    }
    if (k !== 0) {
      scalePow2(lendsv - lsv + 1, d, D + lsv, -k);
      scalePow2(lendsv - lsv, e, E + lsv, -k);
    }
  }
  if (wantz) flush();

  const info = unconverged(n, e, E);
  if (info > 0) return info;

  if (!wantz) {
    lasrt(n, d, D);
    return 0;
  }
  sortPairs(n, d, D, z, offZ, ldz);
  return 0;
}
