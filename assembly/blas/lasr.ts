/**
 * lasr — apply a batch of plane-rotation sequences to adjacent column pairs, from the right
 *                                                                (6·m flops per rotation, m rows)
 *
 *   X ← X·G₁·G₂ ⋯ G_R,   each G a rotation (c, s) "at position j", in the plane of columns x = X[:, j],
 *                         y = X[:, j+1]:
 *
 *   [x y] ← [x y]·[ c  −s ]       i.e.   x ← c·x + s·y,    y ← c·y − s·x
 *                 [ s   c ]
 *
 * (each product formed and rounded, then added — never fused — so every backend gives the same bits).
 * The one rotation applier of the library, for both QR algorithms that accumulate plane rotations:
 * steqr.ts (symmetric tridiagonal QL/QR: each sweep on an unreduced block of size k gives k−1 rotations
 * for the eigenvector matrix Z, ≈ 6n³ flops in all) and bdsqr.ts (bidiagonal SVD: each sweep gives one
 * sequence for U and one for V; V rather than Vᵀ is kept, so every rotation hits two contiguous
 * columns). In both the rotations cost 6·m flops each against O(1) for the sweep that makes them, so this
 * kernel is most of the time of eigh and svd with vectors.
 *
 * Batch format (shared by both callers): `nseq` records of 4 doubles at `pSeq` (small integers stored
 * as doubles so the JS mirror keeps them in its Float64Array workspace),
 *
 *   record q = pSeq[4q … 4q+3] = (lo, hi, dir, off):  rotations at positions j = lo … hi−1, with
 *              c = C[off + j], s = S[off + j]  (C at `pC`, S at `pS`), applied in increasing j
 *              (dir = 0, a bulge chased down) or decreasing j (dir = 1, chased up); lo = hi is empty.
 *
 * Records are applied in order. `off` lets a caller lay the (c, s) out as it likes: bdsqr gives each
 * sweep a column of n slots (off = q·n), steqr packs its many short sweeps end to end (off = the next
 * free slot − lo, which may be negative; off + j never is).
 *
 * Where the time goes, and the schedule. LAPACK (dlasr inside dsteqr/dbdsqr) applies each sequence to
 * the whole matrix as soon as it is made, one column pair at a time over all m rows: every sequence
 * streams X through memory once, and an n = 512 matrix (2 MiB) no longer stays in L2. Here, after
 * Van Zee, van de Geijn & Quintana-Ortí (ACM TOMS 40(3), 2014), the callers record many sequences first
 * and this kernel applies them together — legal because a rotation from the right mixes columns but
 * never rows, so each row sees its own sequence of operations, in the same order whatever the grouping:
 *
 *   for each strip of LASR_MB rows                       (the strip of X stays in L1/L2)
 *     for each record q, each rotation j in its order    (the same order as unbuffered)
 *       rotate the strip's two columns
 *
 * and, within a record, rotations j and j+1 are fused: columns j, j+1, j+2 are loaded once, the middle
 * one is updated twice in registers and stored once (3 loads and 3 stores per 2 rotations instead of 4
 * and 4). Measured on the benchmark machine (Zen 5, Node 20, SIMD build, 512×512, 16–64 full sweeps,
 * GFLOP/s):
 *
 *   one rotation at a time 17.8–18.6;  fused pairs 22.6–23.5;  three fused 23.2;
 *   the 2-sweep × 2-rotation "diamond" of Van Zee et al. 24.1;  wavefront order (rotation j of sweep q
 *   applied with the others of equal j + 2q) 18.4 (no better than the strip order).
 *
 * steqr used to have its own applier (assembly/eig/sym/lasr.ts until the two were merged: row panels
 * of 8 packed rows, the column shared by consecutive rotations carried in 4 f64x2 registers — 1 load
 * + 1 store per rotation — but Z packed and unpacked at every flush, and 32·n doubles of workspace).
 * Measured against it in one process (AMD EPYC, SIMD): 32 full sweeps on 256×256 and 512×512 run at
 * 21.8–23.3 GFLOP/s there, 23.4–24.6 here; steqr alone (n = 512, vectors) 46.2 → 45.2 ms, and it no
 * longer depends on the batch size (batch 8: 51.8 → 44.8 ms); syev with vectors n = 512 63.4 → 62.2 ms,
 * the same bits. Without SIMD the gap is wider (the panel applier's scalar path walked each row across
 * the whole sequence with a 64-byte stride): syev with vectors n = 512 294 → 137 ms on the scalar build,
 * 580 → 290 ms in the JS mirror; gesvd unchanged on all three (same kernel as before). So this design
 * was kept for both callers, with the per-record `off` from the other.
 *
 * The kernel is bound by the f64x2 multiplies (4 per rotation and row pair: ≈ 24 GFLOP/s at 2 per
 * cycle), not by memory, once a strip stays in cache; the pairs reach ≈ 95 % of that and the larger
 * fusions were not worth their extra cases. What the batching buys is cache reuse for large matrices
 * (n = 2048: 2.8× — see bdsqr.ts). LASR_MB = 64, 128 or 256 are within 2 % at n = 2048. Every element
 * sees the same sequence of operations whatever the strip, fusion or batch, so the result does not
 * depend on LASR_MB or on how the callers group their sequences (bit for bit).
 *
 * Storage: X (m rows at `pX`, ldx ≥ m) updated in place; only columns lo … hi of the records are read
 * or written. pSeq, C, S read only. Workspace: none. Returns nothing.
 *
 * References: LAPACK dlasr (side = 'R', pivot = 'V', direct = 'F'/'B'); Van Zee, van de Geijn &
 * Quintana-Ortí, "Restructuring the tridiagonal and bidiagonal QR algorithms for performance", ACM TOMS
 * 40(3), 2014; Golub & Van Loan, 4th ed., §5.1.8–5.1.9, §8.3.5, §8.6.3.
 */

import { lasrPar } from '../thread/jobs';

/** Rows per strip: 256 rows × 512 columns = 1 MiB, the L2 of the benchmark machine. */
export const LASR_MB: i32 = 256;

export function lasr(m: i32, nseq: i32, pSeq: usize, pC: usize, pS: usize, pX: usize, ldx: i32): void {
  if (ASC_FEATURE_THREADS && lasrPar(m, nseq, pSeq, pC, pS, pX, ldx)) return;
  lasrSerial(m, nseq, pSeq, pC, pS, pX, ldx);
}

/** lasr on the calling thread alone (threaded builds split X's rows into strips over the pool: thread/jobs.ts). */
export function lasrSerial(m: i32, nseq: i32, pSeq: usize, pC: usize, pS: usize, pX: usize, ldx: i32): void {
  if (m <= 0 || nseq <= 0) return;
  const ldX = <usize>ldx << 3;
  for (let r0 = 0; r0 < m; r0 += LASR_MB) {
    const rb = min(LASR_MB, m - r0);
    const base = pX + (<usize>r0 << 3);
    for (let q = 0; q < nseq; q++) {
      const d = pSeq + (<usize>(q << 2) << 3);
      const lo = <i32>load<f64>(d);
      const hi = <i32>load<f64>(d, 8);
      const dir = <i32>load<f64>(d, 16);
      const off = <i32>load<f64>(d, 24);
      if (hi <= lo) continue;
      // (c, s) of rotation j at cq + 8·(j − lo), sq + 8·(j − lo)
      const cq = pC + (<usize>(off + lo) << 3);
      const sq = pS + (<usize>(off + lo) << 3);
      if (dir == 0) {
        let j = lo;
        for (; j + 1 < hi; j += 2) {
          const o = <usize>(j - lo) << 3;
          // rotation j on (j, j+1), then rotation j+1 on (j+1, j+2)
          rot2(rb, base + <usize>j * ldX, ldX,
            load<f64>(cq + o), load<f64>(sq + o), load<f64>(cq + o, 8), load<f64>(sq + o, 8));
        }
        if (j < hi) {
          const o = <usize>(j - lo) << 3;
          rot1(rb, base + <usize>j * ldX, ldX, load<f64>(cq + o), load<f64>(sq + o));
        }
      } else {
        let j = hi - 1;
        for (; j - 1 >= lo; j -= 2) {
          const o = <usize>(j - 1 - lo) << 3;
          // rotation j on (j, j+1), then rotation j−1 on (j−1, j)
          rot2b(rb, base + <usize>(j - 1) * ldX, ldX,
            load<f64>(cq + o, 8), load<f64>(sq + o, 8), load<f64>(cq + o), load<f64>(sq + o));
        }
        if (j >= lo) {
          const o = <usize>(j - lo) << 3;
          rot1(rb, base + <usize>j * ldX, ldX, load<f64>(cq + o), load<f64>(sq + o));
        }
      }
    }
  }
}
/** One rotation (c, s) on columns x = px, y = px + ldX, rows 0…rb−1 (also steqr's, at small n). */
export function rot1(rb: i32, px: usize, ldX: usize, c: f64, s: f64): void {
  const py = px + ldX;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const vc = f64x2.splat(c);
    const vs = f64x2.splat(s);
    for (; i + 1 < rb; i += 2) {
      const o = <usize>i << 3;
      const x = v128.load(px + o);
      const y = v128.load(py + o);
      v128.store(px + o, f64x2.add(f64x2.mul(vc, x), f64x2.mul(vs, y)));
      v128.store(py + o, f64x2.sub(f64x2.mul(vc, y), f64x2.mul(vs, x)));
    }
  }
  for (; i < rb; i++) {
    const o = <usize>i << 3;
    const x = load<f64>(px + o);
    const y = load<f64>(py + o);
    store<f64>(px + o, c * x + s * y);
    store<f64>(py + o, c * y - s * x);
  }
}

/** Forward pair: (c0, s0) on columns (0, 1), then (c1, s1) on columns (1, 2); columns at px + k·ldX. */
function rot2(rb: i32, px: usize, ldX: usize, c0: f64, s0: f64, c1: f64, s1: f64): void {
  const py = px + ldX;
  const pz = py + ldX;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const vc0 = f64x2.splat(c0);
    const vs0 = f64x2.splat(s0);
    const vc1 = f64x2.splat(c1);
    const vs1 = f64x2.splat(s1);
    for (; i + 1 < rb; i += 2) {
      const o = <usize>i << 3;
      const x = v128.load(px + o);
      const y = v128.load(py + o);
      const z = v128.load(pz + o);
      v128.store(px + o, f64x2.add(f64x2.mul(vc0, x), f64x2.mul(vs0, y)));
      const y1 = f64x2.sub(f64x2.mul(vc0, y), f64x2.mul(vs0, x));
      v128.store(py + o, f64x2.add(f64x2.mul(vc1, y1), f64x2.mul(vs1, z)));
      v128.store(pz + o, f64x2.sub(f64x2.mul(vc1, z), f64x2.mul(vs1, y1)));
    }
  }
  for (; i < rb; i++) {
    const o = <usize>i << 3;
    const x = load<f64>(px + o);
    const y = load<f64>(py + o);
    const z = load<f64>(pz + o);
    store<f64>(px + o, c0 * x + s0 * y);
    const y1 = c0 * y - s0 * x;
    store<f64>(py + o, c1 * y1 + s1 * z);
    store<f64>(pz + o, c1 * z - s1 * y1);
  }
}

/** Backward pair: (c1, s1) on columns (1, 2), then (c0, s0) on columns (0, 1); columns at px + k·ldX. */
function rot2b(rb: i32, px: usize, ldX: usize, c1: f64, s1: f64, c0: f64, s0: f64): void {
  const py = px + ldX;
  const pz = py + ldX;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const vc0 = f64x2.splat(c0);
    const vs0 = f64x2.splat(s0);
    const vc1 = f64x2.splat(c1);
    const vs1 = f64x2.splat(s1);
    for (; i + 1 < rb; i += 2) {
      const o = <usize>i << 3;
      const x = v128.load(px + o);
      const y = v128.load(py + o);
      const z = v128.load(pz + o);
      const y1 = f64x2.add(f64x2.mul(vc1, y), f64x2.mul(vs1, z));
      v128.store(pz + o, f64x2.sub(f64x2.mul(vc1, z), f64x2.mul(vs1, y)));
      v128.store(px + o, f64x2.add(f64x2.mul(vc0, x), f64x2.mul(vs0, y1)));
      v128.store(py + o, f64x2.sub(f64x2.mul(vc0, y1), f64x2.mul(vs0, x)));
    }
  }
  for (; i < rb; i++) {
    const o = <usize>i << 3;
    const x = load<f64>(px + o);
    const y = load<f64>(py + o);
    const z = load<f64>(pz + o);
    const y1 = c1 * y + s1 * z;
    store<f64>(pz + o, c1 * z - s1 * y);
    store<f64>(px + o, c0 * x + s0 * y1);
    store<f64>(py + o, c0 * y1 - s0 * x);
  }
}
