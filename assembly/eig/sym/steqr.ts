/**
 * steqr — eigenvalues and eigenvectors of a symmetric tridiagonal matrix by the implicit QL/QR
 *         algorithm with Wilkinson-type shifts                  (O(n²) without vectors; ≈ 6n³ flops with)
 *
 *   T = tridiag(e, d, e) = Z_T·Λ·Z_Tᵀ;   compz = 0: Λ only,
 *                                         compz = 1: Z ← Z·Z_T  (Z = Q of A = Q·T·Qᵀ gives A's vectors),
 *                                         compz = 2: Z ← Z_T     (Z set to I first)
 *
 * The math (Golub & Van Loan §8.3.2–8.3.5; Parlett ch. 8):
 *
 * - Splitting. If eᵢ = 0, T is block diagonal and each block is solved alone. eᵢ is set to zero when
 *   |eᵢ| ≤ eps·√|dᵢ|·√|dᵢ₊₁| (a perturbation of eᵢ of that size changes the eigenvalues by less than
 *   eps relative to the neighbouring diagonal — Parlett §7.11; this keeps graded matrices accurate),
 *   and, inside a block being iterated on, when eᵢ² ≤ eps²·|dᵢ|·|dᵢ₊₁| + safmin. Here eps is the unit
 *   roundoff UNIT_ROUNDOFF = 2^-53 (dlamch('E'), as dsteqr) and safmin = SAFMIN = 2^-1022 (machine.ts).
 * - Direction. A QL sweep deflates eigenvalues at the top of the block, a QR sweep at the bottom. The
 *   block is worked on from the end whose diagonal entry is smaller in modulus (|d_last| < |d_first|:
 *   QR), so that graded matrices (large at one end) are swept in the favourable direction.
 * - The shift. For a QL sweep on d[l…m] the shift μ is the eigenvalue of the leading 2×2
 *   [d_l e_l; e_l d_{l+1}] closer to d_l:  g = (d_{l+1} − d_l)/(2e_l),  μ = d_l − e_l/(g + sign(g)·√(g²+1))
 *   — Wilkinson's shift, which converges globally and, in practice, cubically (≈ 1.3–2 sweeps per
 *   eigenvalue).
 * - The sweep (implicit shift, "chasing the bulge"). QL: starting from x = d_m − μ, rotations in the
 *   planes (i, i+1), i = m−1 … l, each chosen by lartg to annihilate the bulge created by the previous
 *   one, update d and e in O(1) per rotation (no matrix is formed):
 *
 *     f = s·eᵢ, b = c·eᵢ;  (c, s, r) = lartg(g, f);  e_{i+1} = r (but not for the first);
 *     g = d_{i+1} − p;  r = (dᵢ − g)·s + 2c·b;  p = s·r;  d_{i+1} = g + p;  g = c·r − b
 *
 *   and at the end d_l −= p, e_l = g. QR mirrors it from the bottom (pairs i = m … l−1, forward).
 *   The 2×2 blocks that remain are solved in closed form (laev2).
 * - The eigenvectors: each sweep's rotations (c, ±s) are applied to the columns of Z. This is the cost
 *   of the routine: 6n flops per rotation against O(1) for the rest. The rotations are therefore not
 *   applied one pair at a time: each sweep's (c, s) sequence is appended to a buffer (lasr records
 *   (lo, hi, dir, off), the c's and s's packed end to end) and the whole buffer — BATCH·n = 32·n
 *   rotations, the worth of ≈ 32 full-length sweeps — is applied by lasr (blas/lasr.ts, shared with
 *   bdsqr) strip of rows by strip of rows when it fills up (and before sorting and returning). The
 *   per-element arithmetic is the same as applying each rotation at once, so the result does not depend
 *   on the batch size (bit for bit). Up to order STEQR_DIRECT (8) the rotations go to Z at once instead
 *   (the same arithmetic; the buffer's bookkeeping cost more than the rotations there).
 * - Range. Each block is scaled by a power of two into [2^-405, 2^509] (LAPACK: [√safmin/eps²,
 *   √safmax/3]) if its largest entry lies outside, so that g², f² + g² and the products above neither
 *   overflow nor underflow destructively, and scaled back after it converged (pow2.ts; exact). The
 *   splitting and the scaling are split.ts, shared with sterf.
 * - Termination. Every sweep counts towards a total of maxit = 30·n sweeps (the tuning key
 *   T_STEQR_MAXIT, tuning.ts, replaces it; tests set 1). When it runs out, blocks that need no
 *   further sweep are still finished, then the routine stops: the count of off-diagonals eᵢ that are
 *   still nonzero is returned.
 *   NaN in d or e cannot loop: every loop is bounded and every sweep counted.
 *
 * Measured (random symmetric matrices): ≈ 2.1 sweeps per eigenvalue, 1.1·n² rotations (≈ 6.5·n³ flops
 * with vectors). At n = 512 (SIMD, Zen 5) steqr with vectors takes ≈ 42 ms: the rotations ≈ 35
 * (≈ 22 GFLOP/s), the sweeps themselves ≈ 5 — latency-bound, a square root and a division per rotation
 * on the critical path (sterf's root-free sweep needs 3). Since lasr became the strip kernel shared
 * with bdsqr (no packing of Z; AMD EPYC, SIMD, random tridiagonal, compz = 2): 45.2 ms against 46.2
 * with the former packed-panel applier, syev with vectors 62.2 against 63.4 (same bits).
 *
 * On success the eigenvalues are sorted ascending and, with vectors, the columns of Z with them
 * (selection sort, sortpairs.ts). On failure (return > 0) d holds the
 * eigenvalues found so far, unsorted, and Z the matching (orthonormal) transformation.
 *
 * Storage: d (n doubles at `pD`): in the diagonal, out the eigenvalues. e (n−1 doubles at `pE`): in the
 * off-diagonal, destroyed. Z (n×n at `pZ`, ldz ≥ max(1, n); not referenced for compz = 0).
 * Workspace: `pw`, 16-byte aligned, `steqrScratch(n, compz)` doubles (0 for compz = 0): the rotation
 * buffer: 2 doubles per rotation (c and s) + 4 per record, BATCH·n rotations and n + 16 records.
 * Returns 0, or the number of unconverged off-diagonal elements.
 *
 * References: Golub & Van Loan, Matrix Computations, 4th ed., §8.3 (Algorithm 8.3.2, 8.3.3); Parlett,
 * The Symmetric Eigenvalue Problem (SIAM 1998), ch. 8; Bowdler, Martin, Reinsch & Wilkinson, "The QR
 * and QL algorithms for symmetric matrices", Numer. Math. 11, 1968 (tql2); LAPACK dsteqr.
 */
import { lapy2 } from '../../qr/larfg';
import { lartg, lartgC, lartgS } from '../../blas/lartg';
import { lae2, laev2, laev2Rt1, laev2Rt2, laev2Cs, laev2Sn } from './laev2';
import { lasr, rot1 } from '../../blas/lasr';
import { lasrt } from './lasrt';
import { sortPairs } from './sortpairs';
import { scalePow2 } from './pow2';
import { blockEnd, blockScale, BLOCK_DONE, unconverged } from './split';
import { UNIT_ROUNDOFF_SQ, SAFMIN } from '../../machine';
import { ld, st } from '../../util';
import { tuneI, T_STEQR_BATCH, T_STEQR_MAXIT } from '../../tuning';

/** Sweeps allowed per eigenvalue (total 30·n, unless T_STEQR_MAXIT sets a total), as LAPACK's MAXIT. */
export const STEQR_MAXIT: i32 = 30;

/**
 * Rotations buffered before lasr applies them, in units of n (BATCH·n rotations, 16 bytes each; the
 * tuning key T_STEQR_BATCH, tuning.ts, default 32; tests use 1 to flush often).
 * Each flush streams all of Z through the cache once (strips of LASR_MB rows). Measured at n = 512
 * (steqr alone, SIMD, AMD EPYC, ms, batch 8 / 16 / 32 / 64): 44.8 / 44.7 / 44.9 / 44.5 — flat, where
 * the former applier, which packed and unpacked Z per flush, gave 51.8 / 47.7 / 46.5 / 46.1. The batch
 * matters once Z no longer fits the cache (bdsqr measured 2.8× at n = 2048 from the same batching); 32
 * keeps the (c, s) buffer at 512·n bytes (256 KiB at n = 512), inside L2.
 */
function capacity(n: i32): i32 {
  return tuneI(T_STEQR_BATCH) * max(1, n);
}
/**
 * Records (sweeps) per batch. Sweeps have n/2 rotations on average (≈ 2·BATCH records fill the
 * rotation buffer); n + 16 leaves room for the many short ones at the end of each block, and a flush is
 * forced when they run out.
 */
function recCapacity(n: i32): i32 {
  return n + 16;
}

/**
 * Orders up to which the rotations are applied to Z as they are made instead of through the buffer
 * and lasr: at such n, Z is a few cache lines and the buffer's bookkeeping (records, a lasr call per
 * flush, its strip loop) cost more than the rotations (≈ 7 % of a lean 3×3 eigh on wasm in a profile;
 * eigh 3 / 4 took ≈ 4 % / 11 % less time with the rotations at once).
 * The rotations go through lasr's own rot1 (x ← c·x + s·y, y ← c·y − s·x), in the order lasr would
 * apply them, so the result does not change by a bit (test/kernels/eig/sym/syev.test.ts
 * compares the two through a block-diagonal T whose first block is solved directly).
 */
export const STEQR_DIRECT: i32 = 8;

/** Rotation (c, s) on columns j, j+1 of Z (bRows rows), at once: lasr's own rot1. */
function rotZ(j: i32, c: f64, s: f64): void {
  const ldZ = <usize>bLdz << 3;
  rot1(bRows, bZ + <usize>j * ldZ, ldZ, c, s);
}

/** Doubles of workspace `steqr` needs (0 without vectors). */
export function steqrScratch(n: i32, compz: i32): i32 {
  if (compz == 0 || n <= 1) return 0;
  return 2 * capacity(n) + 4 * recCapacity(n);
}

// ---- the rotation buffer (state of one steqr call)
let bC: usize = 0; // c's, packed end to end
let bS: usize = 0; // s's, alike
let bSeq: usize = 0; // lasr records (lo, hi, dir, off)
let bCap: i32 = 0;
let bRecCap: i32 = 0;
let bUsed: i32 = 0;
let bNseq: i32 = 0;
let bZ: usize = 0;
let bLdz: i32 = 0;
let bRows: i32 = 0;

function flush(): void {
  if (bNseq > 0) lasr(bRows, bNseq, bSeq, bC, bS, bZ, bLdz);
  bUsed = 0;
  bNseq = 0;
}

/**
 * Opens a record of the rotations at pairs lo … hi−1 (dir = 0: applied in increasing order, 1:
 * decreasing); returns the byte offset o such that pair j's c goes to bC + o + 8j, its s to bS + o + 8j.
 */
function push(lo: i32, hi: i32, dir: i32): usize {
  const nr = hi - lo;
  if (bUsed + nr > bCap || bNseq == bRecCap) flush();
  const rec = bSeq + (<usize>(bNseq << 2) << 3);
  const off = bUsed - lo;
  store<f64>(rec, <f64>lo);
  store<f64>(rec, <f64>hi, 8);
  store<f64>(rec, <f64>dir, 16);
  store<f64>(rec, <f64>off, 24);
  bUsed += nr;
  bNseq++;
  return <usize>off << 3;
}

export function steqr(compz: i32, n: i32, pD: usize, pE: usize, pZ: usize, ldz: i32, pw: usize): i32 {
  if (n <= 0) return 0;
  const wantz = compz > 0;
  const ldZ = <usize>ldz << 3;
  if (compz == 2) {
    for (let j = 0; j < n; j++) {
      const c = pZ + <usize>j * ldZ;
      for (let i = 0; i < n; i++) st(c, i, i == j ? 1 : 0);
    }
  }
  if (n == 1) return 0;
  if (wantz) {
    bCap = capacity(n);
    bRecCap = recCapacity(n);
    bC = pw;
    bS = pw + (<usize>bCap << 3);
    bSeq = bS + (<usize>bCap << 3);
    bUsed = 0;
    bNseq = 0;
    bZ = pZ;
    bLdz = ldz;
    bRows = n;
  }
  const direct = n <= STEQR_DIRECT; // rotations on Z at once (see STEQR_DIRECT)
  const maxitSet = tuneI(T_STEQR_MAXIT);
  const nmaxit = maxitSet > 0 ? maxitSet : STEQR_MAXIT * n;
  let jtot = 0;

  let l1 = 0;
  while (l1 < n) {
    // the unreduced block starting at l1 ends at the first negligible e
    const lsv = l1;
    const lendsv = blockEnd(n, l1, pD, pE);
    l1 = lendsv + 1;
    // scale the block into [SSFMIN, SSFMAX] by a power of two (nothing to do for 1×1 or zero blocks)
    const k = blockScale(lsv, lendsv, pD, pE);
    if (k == BLOCK_DONE) continue;

    let l = lsv;
    let lend = lendsv;
    if (Math.abs(ld(pD, lend)) < Math.abs(ld(pD, l))) {
      lend = lsv;
      l = lendsv;
    }

    if (lend > l) {
      // ---- QL: eigenvalues converge at the top (l), the bulge is chased upwards from m
      while (l <= lend) {
        let mm = l;
        for (; mm < lend; mm++) {
          const t = Math.abs(ld(pE, mm));
          if (t * t <= UNIT_ROUNDOFF_SQ * Math.abs(ld(pD, mm)) * Math.abs(ld(pD, mm + 1)) + SAFMIN) break;
        }
        if (mm < lend) st(pE, mm, 0);
        if (mm == l) {
          l++; // d[l] is an eigenvalue
          continue;
        }
        if (mm == l + 1) {
          // 2×2 block [d_l e_l; e_l d_{l+1}] in closed form
          if (wantz) {
            laev2(ld(pD, l), ld(pE, l), ld(pD, l + 1));
            if (direct) {
              rotZ(l, laev2Cs, laev2Sn);
            } else {
              const o = push(l, l + 1, 0) + (<usize>l << 3);
              store<f64>(bC + o, laev2Cs);
              store<f64>(bS + o, laev2Sn);
            }
          } else {
            lae2(ld(pD, l), ld(pE, l), ld(pD, l + 1));
          }
          st(pD, l, laev2Rt1);
          st(pD, l + 1, laev2Rt2);
          st(pE, l, 0);
          l += 2;
          continue;
        }
        if (jtot == nmaxit) break;
        jtot++;
        // Wilkinson shift from the top 2×2; g starts as d_m − μ
        const dl = ld(pD, l);
        const el = ld(pE, l);
        let g = (ld(pD, l + 1) - dl) / (2.0 * el);
        let r = lapy2(g, 1.0);
        g = ld(pD, mm) - dl + el / (g + (g >= 0 ? r : -r));
        let s: f64 = 1;
        let c: f64 = 1;
        let p: f64 = 0;
        const o: usize = wantz && !direct ? push(l, mm, 1) : 0;
        for (let i = mm - 1; i >= l; i--) {
          const ei = ld(pE, i);
          const f = s * ei;
          const b = c * ei;
          r = lartg(g, f);
          c = lartgC;
          s = lartgS;
          if (i != mm - 1) st(pE, i + 1, r);
          g = ld(pD, i + 1) - p;
          r = (ld(pD, i) - g) * s + 2.0 * c * b;
          p = s * r;
          st(pD, i + 1, g + p);
          g = c * r - b;
          if (wantz) {
            // Z·G for the pair (i, i+1): z_i ← c·z_i − s·z_{i+1}, z_{i+1} ← c·z_{i+1} + s·z_i
            if (direct) {
              rotZ(i, c, -s);
            } else {
              const oi = o + (<usize>i << 3);
              store<f64>(bC + oi, c);
              store<f64>(bS + oi, -s);
            }
          }
        }
        st(pD, l, ld(pD, l) - p);
        st(pE, l, g);
      }
    } else {
      // ---- QR: eigenvalues converge at the bottom (l), the bulge is chased downwards from m
      while (l >= lend) {
        let mm = l;
        for (; mm > lend; mm--) {
          const t = Math.abs(ld(pE, mm - 1));
          if (t * t <= UNIT_ROUNDOFF_SQ * Math.abs(ld(pD, mm)) * Math.abs(ld(pD, mm - 1)) + SAFMIN) break;
        }
        if (mm > lend) st(pE, mm - 1, 0);
        if (mm == l) {
          l--;
          continue;
        }
        if (mm == l - 1) {
          if (wantz) {
            laev2(ld(pD, l - 1), ld(pE, l - 1), ld(pD, l));
            if (direct) {
              rotZ(l - 1, laev2Cs, laev2Sn);
            } else {
              const o = push(l - 1, l, 0) + (<usize>(l - 1) << 3);
              store<f64>(bC + o, laev2Cs);
              store<f64>(bS + o, laev2Sn);
            }
          } else {
            lae2(ld(pD, l - 1), ld(pE, l - 1), ld(pD, l));
          }
          st(pD, l - 1, laev2Rt1);
          st(pD, l, laev2Rt2);
          st(pE, l - 1, 0);
          l -= 2;
          continue;
        }
        if (jtot == nmaxit) break;
        jtot++;
        const dl = ld(pD, l);
        const el = ld(pE, l - 1);
        let g = (ld(pD, l - 1) - dl) / (2.0 * el);
        let r = lapy2(g, 1.0);
        g = ld(pD, mm) - dl + el / (g + (g >= 0 ? r : -r));
        let s: f64 = 1;
        let c: f64 = 1;
        let p: f64 = 0;
        const o: usize = wantz && !direct ? push(mm, l, 0) : 0;
        for (let i = mm; i < l; i++) {
          const ei = ld(pE, i);
          const f = s * ei;
          const b = c * ei;
          r = lartg(g, f);
          c = lartgC;
          s = lartgS;
          if (i != mm) st(pE, i - 1, r);
          g = ld(pD, i) - p;
          r = (ld(pD, i + 1) - g) * s + 2.0 * c * b;
          p = s * r;
          st(pD, i, g + p);
          g = c * r - b;
          if (wantz) {
            // pair (i, i+1): z_i ← c·z_i + s·z_{i+1}, z_{i+1} ← c·z_{i+1} − s·z_i
            if (direct) {
              rotZ(i, c, s);
            } else {
              const oi = o + (<usize>i << 3);
              store<f64>(bC + oi, c);
              store<f64>(bS + oi, s);
            }
          }
        }
        st(pD, l, ld(pD, l) - p);
        st(pE, l - 1, g);
      }
    }
    if (k != 0) {
      scalePow2(lendsv - lsv + 1, pD + (<usize>lsv << 3), -k);
      scalePow2(lendsv - lsv, pE + (<usize>lsv << 3), -k);
    }
  }
  if (wantz) flush();

  const info = unconverged(n, pE);
  if (info > 0) return info;

  if (!wantz) {
    lasrt(n, pD);
    return 0;
  }
  sortPairs(n, pD, pZ, ldz);
  return 0;
}
