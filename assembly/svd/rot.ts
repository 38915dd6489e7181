/**
 * rot — apply recorded sequences of plane rotations to adjacent column pairs       (6·m flops per rotation)
 *
 * X is m×· column-major at `pX` (ldx ≥ m). A rotation (c, s) "at position j" acts on the column pair
 * x = X[:, j], y = X[:, j+1] as
 *
 *   [x y] ← [x y]·[ c  −s ]       i.e.   x ← c·x + s·y,    y ← c·y − s·x
 *                 [ s   c ]
 *
 * (each product formed and rounded, then added — never fused — so every backend gives the same bits).
 * This is X ← X·R with R the identity except in rows/columns j, j+1: the update bdsqr makes to U and V
 * when the bidiagonal B becomes Lᵀ·B·R (U ← U·L, V ← V·R; bdsqr.ts). Keeping V rather than Vᵀ makes
 * every rotation hit two contiguous columns, so the inner loop is unit-stride f64x2.
 *
 * The rotations come as `nseq` sweeps, applied in order. Sweep q is described by three doubles at
 * pSeq[3q…3q+2] = (lo, hi, dir) (small integers stored as doubles so the JS mirror keeps them in its
 * Float64Array workspace): its rotations sit at positions j = lo … hi−1, with (c, s) at
 * pC[q·ldg + j], pS[q·ldg + j], and are applied in increasing j (dir = 0, a bulge chased down) or
 * decreasing j (dir = 1, chased up). lo = hi is an empty sweep.
 *
 * Where the time goes, and the schedule. A QR sweep over an active block of k columns costs 6·m·k
 * flops here against O(k) for the bidiagonal itself, so for n = 512 this kernel is most of an SVD with
 * vectors (≈ 12n³ flops over the run, Golub & Van Loan 4th ed. §8.6.3). LAPACK's dbdsqr applies each
 * sweep to the whole matrix as soon as it is made (dlasr), so every sweep streams U and V through
 * memory once, and applies Vᵀ's rotations to rows (stride ldvt). Here, after Van Zee, van de Geijn &
 * Quintana-Ortí (ACM TOMS 40(3), 2014), bdsqr records several sweeps first and this kernel applies
 * them together:
 *
 *   for each strip of ROT_MB rows                       (the strip of X stays in L1/L2)
 *     for each sweep q, each rotation j in its order     (the same order as unbuffered)
 *       rotate the strip's two columns
 *
 * and, within a sweep, rotations j and j+1 are fused: columns j, j+1, j+2 are loaded once, the middle
 * one is updated twice in registers and stored once (3 loads and 3 stores per 2 rotations instead of 4
 * and 4). Measured on the benchmark machine (Node 20, SIMD build, 512×512, 16–64 full sweeps, GFLOP/s):
 *
 *   one rotation at a time 17.8–18.6;  fused pairs 22.6–23.5;  three fused 23.2;
 *   the 2-sweep × 2-rotation "diamond" of Van Zee et al. 24.1;  wavefront order (rotation j of sweep q
 *   applied with the others of equal j + 2q) 18.4 (no better than the strip order).
 *
 * The kernel is bound by the f64x2 multiplies (4 per rotation and row pair: ≈ 24 GFLOP/s at 2 per
 * cycle), not by memory, once a strip stays in cache; the pairs reach ≈ 95 % of that and the larger
 * fusions were not worth their extra cases. What the batching buys is cache reuse for large matrices
 * (n = 2048: 2.8× — see bdsqr.ts). ROT_MB = 64, 128 or 256 are within 2 % at n = 2048. Every element
 * sees the same sequence of operations whatever the strip or fusion, so the result does not depend on
 * ROT_MB.
 *
 * Storage: X updated in place (columns lo…hi of every sweep); C, S, pSeq read only. Workspace: none.
 * Returns nothing.
 *
 * References: Van Zee, van de Geijn & Quintana-Ortí, "Restructuring the tridiagonal and bidiagonal QR
 * algorithms for performance", ACM TOMS 40(3), 2014; Golub & Van Loan, 4th ed., §5.1.8–5.1.9; LAPACK
 * dlasr (side = 'R', pivot = 'V').
 */

/** Rows per strip: 256 rows × 512 columns = 1 MiB, the L2 of the benchmark machine. */
export const ROT_MB: i32 = 256;

export function rot(m: i32, nseq: i32, pSeq: usize, pC: usize, pS: usize, ldg: i32, pX: usize, ldx: i32): void {
  if (m <= 0 || nseq <= 0) return;
  const ldX = <usize>ldx << 3;
  const ldG = <usize>ldg << 3;
  for (let r0 = 0; r0 < m; r0 += ROT_MB) {
    const rb = min(ROT_MB, m - r0);
    const base = pX + (<usize>r0 << 3);
    for (let q = 0; q < nseq; q++) {
      const d = pSeq + <usize>(q * 3) * 8;
      const lo = <i32>load<f64>(d);
      const hi = <i32>load<f64>(d, 8);
      const dir = <i32>load<f64>(d, 16);
      const cq = pC + <usize>q * ldG;
      const sq = pS + <usize>q * ldG;
      if (dir == 0) {
        let j = lo;
        for (; j + 1 < hi; j += 2) {
          const o = <usize>j << 3;
          // rotation j on (j, j+1), then rotation j+1 on (j+1, j+2)
          rot2(rb, base + <usize>j * ldX, ldX,
            load<f64>(cq + o), load<f64>(sq + o), load<f64>(cq + o, 8), load<f64>(sq + o, 8));
        }
        if (j < hi) rot1(rb, base + <usize>j * ldX, ldX, load<f64>(cq + (<usize>j << 3)), load<f64>(sq + (<usize>j << 3)));
      } else {
        let j = hi - 1;
        for (; j - 1 >= lo; j -= 2) {
          const o = <usize>(j - 1) << 3;
          // rotation j on (j, j+1), then rotation j−1 on (j−1, j)
          rot2b(rb, base + <usize>(j - 1) * ldX, ldX,
            load<f64>(cq + o, 8), load<f64>(sq + o, 8), load<f64>(cq + o), load<f64>(sq + o));
        }
        if (j >= lo) rot1(rb, base + <usize>j * ldX, ldX, load<f64>(cq + (<usize>j << 3)), load<f64>(sq + (<usize>j << 3)));
      }
    }
  }
}

/** One rotation (c, s) on columns x = px, y = px + ldX, rows 0…rb−1. */
function rot1(rb: i32, px: usize, ldX: usize, c: f64, s: f64): void {
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
