/**
 * lasr — apply a batch of plane-rotation sequences to the columns of a matrix, from the right
 *                                                                  (6 flops per rotation per row)
 *
 *   Z ← Z·G₁·G₂ ⋯ G_R,   each G a rotation in the plane of two adjacent columns (j, j+1):
 *
 *     z_j   ← c·z_j   + s·z_{j+1}
 *     z_{j+1} ← c·z_{j+1} − s·z_j
 *
 * This is where the eigenvector work of the QL/QR algorithm goes (steqr.ts: every sweep on an unreduced
 * block of size k produces a sequence of k−1 rotations on consecutive column pairs, and with vectors
 * they cost 6·n·(k−1) flops against O(k) for the sweep itself; ≈ 6n³ flops in all for 2 sweeps per
 * eigenvalue). LAPACK dlasr applies one sequence, one column pair at a time over all n rows: each pair
 * streams two columns of Z through the cache, and an n = 512 matrix (2 MiB) does not stay in L2, so the
 * rotations run at memory speed. Here steqr instead collects the rotations of many sweeps (a batch) and
 * this routine applies them all, row panel by row panel — legal because a rotation from the right mixes
 * columns but never rows, so each row of Z sees its own sequence of operations, in the same order
 * whatever the grouping (which is also why the result is bit-identical for any batch size):
 *
 *   for each block of PB = 32 rows of Z:
 *     pack Z[r0:r0+32, cmin:cmax+1] into four panels of RB = 8 rows, each contiguous (8 doubles per
 *       column; rows past m are zero)
 *     for each panel, for each sequence in the batch, for each rotation in it:   (a panel of 8 rows ×
 *       512 columns is 32 KiB: it stays in L1 through the whole batch)
 *       the 8 rows as 4 f64x2 registers; the column shared by consecutive rotations is carried in
 *       registers, so a rotation costs one load and one store of 8 doubles, 2 splats and 12 SIMD mul/add
 *     unpack
 *
 * Packing avoids the other trap: 8 consecutive rows of a column-major Z with ld = 512 lie 4 KiB apart,
 * all in the same L1 set. Packing 32 rows at a time reads 256 contiguous bytes per column, which the
 * hardware prefetcher follows; with 8 rows (64 bytes) a flush cost ≈ 2× as much. This is the "wavefront"
 * idea of Van Zee, van de Geijn & Quintana-Ortí (ACM TOMS 40(3), 2014) in its simplest form: the
 * dependences between consecutive sequences are satisfied row panel by row panel.
 *
 * Speed (SIMD build, Zen 5 at ≈ 4.2 GHz): ≈ 22 GFLOP/s inside a panel, which is ≈ 90 % of the bound set
 * by the 4 multiplies per element pair (2 f64x2 multiplies per cycle). Panels of 4 rows (2 registers)
 * reach ≈ 13, 12 rows (6 registers) ≈ 17 (register spills).
 *
 * Batch format: `nseq` records of 4 doubles at `pSeq`: [j0, nr, dir, off]. Record q is nr rotations;
 * its t-th rotation (t = 0 … nr−1) acts on the column pair (j, j+1), j = j0 + dir·t (dir = +1: forward,
 * dir = −1: backward), with c = cs[2·(off+t)], s = cs[2·(off+t)+1] at `pCS`. Records are applied in order.
 * Z: m rows at `pZ`, ldz ≥ m; only the columns named by the records are read or written.
 * Workspace: `pw`, 16-byte aligned, lasrScratch(ncols) = 32·ncols doubles, ncols = the number of columns
 * of Z. Returns nothing.
 *
 * References: LAPACK dlasr (side = 'R', pivot = 'V'); Van Zee, van de Geijn & Quintana-Ortí, "Restructuring
 * the tridiagonal and bidiagonal QR algorithms for performance", ACM TOMS 40(3), 2014; Golub & Van Loan,
 * 4th ed., §8.3.5 (the rotations of the symmetric QR step).
 */

// @ts-ignore: decorator
@inline const RB: i32 = 8; // rows per panel: one 64-byte line per column, 4 f64x2 registers
// @ts-ignore: decorator
@inline const PB: i32 = 32; // rows packed per pass over Z: 4 panels, 256 contiguous bytes per column

/** Doubles of workspace for a Z with `ncols` columns. */
export function lasrScratch(ncols: i32): i32 {
  return PB * max(1, ncols);
}

export function lasr(m: i32, nseq: i32, pSeq: usize, pCS: usize, pZ: usize, ldz: i32, pw: usize): void {
  if (m <= 0 || nseq <= 0) return;
  // columns touched by the batch
  let cmin = i32.MAX_VALUE;
  let cmax = -1;
  for (let q = 0; q < nseq; q++) {
    const rec = pSeq + (<usize>(q << 2) << 3);
    const j0 = <i32>load<f64>(rec);
    const nr = <i32>load<f64>(rec, 8);
    const dir = <i32>load<f64>(rec, 16);
    if (nr <= 0) continue;
    const lo = dir > 0 ? j0 : j0 - nr + 1;
    const hi = dir > 0 ? j0 + nr : j0 + 1;
    if (lo < cmin) cmin = lo;
    if (hi > cmax) cmax = hi;
  }
  if (cmax < 0) return;
  const ncol = cmax - cmin + 1;
  const ldZ = <usize>ldz << 3;
  const panelBytes = <usize>ncol << 6; // one packed 8-row panel
  for (let r0 = 0; r0 < m; r0 += PB) {
    const rows = min(PB, m - r0);
    const np = (rows + RB - 1) / RB;
    // pack Z[r0:r0+rows, cmin:cmax+1] into np panels of 8 rows (rows past m are zero)
    for (let j = 0; j < ncol; j++) {
      const src = pZ + <usize>(cmin + j) * ldZ + (<usize>r0 << 3);
      for (let q = 0; q < np; q++) {
        const dst = pw + <usize>q * panelBytes + (<usize>j << 6);
        const s = src + (<usize>(q * RB) << 3);
        const rb = min(RB, rows - q * RB);
        if (ASC_FEATURE_SIMD) {
          if (rb == RB) {
            v128.store(dst, v128.load(s));
            v128.store(dst, v128.load(s, 16), 16);
            v128.store(dst, v128.load(s, 32), 32);
            v128.store(dst, v128.load(s, 48), 48);
            continue;
          }
        }
        for (let i = 0; i < RB; i++) store<f64>(dst + (<usize>i << 3), i < rb ? load<f64>(s + (<usize>i << 3)) : 0);
      }
    }
    for (let q = 0; q < np; q++) {
      const base = pw + <usize>q * panelBytes - (<usize>cmin << 6); // column j at base + 64·j
      for (let k = 0; k < nseq; k++) {
        const rec = pSeq + (<usize>(k << 2) << 3);
        const j0 = <i32>load<f64>(rec);
        const nr = <i32>load<f64>(rec, 8);
        const dir = <i32>load<f64>(rec, 16);
        const off = <i32>load<f64>(rec, 24);
        if (nr <= 0) continue;
        const cs = pCS + (<usize>off << 4);
        if (dir > 0) forward(nr, cs, base + (<usize>j0 << 6));
        else backward(nr, cs, base + (<usize>(j0 + 1) << 6));
      }
    }
    // unpack
    for (let j = 0; j < ncol; j++) {
      const dst = pZ + <usize>(cmin + j) * ldZ + (<usize>r0 << 3);
      for (let q = 0; q < np; q++) {
        const src = pw + <usize>q * panelBytes + (<usize>j << 6);
        const d = dst + (<usize>(q * RB) << 3);
        const rb = min(RB, rows - q * RB);
        if (ASC_FEATURE_SIMD) {
          if (rb == RB) {
            v128.store(d, v128.load(src));
            v128.store(d, v128.load(src, 16), 16);
            v128.store(d, v128.load(src, 32), 32);
            v128.store(d, v128.load(src, 48), 48);
            continue;
          }
        }
        for (let i = 0; i < rb; i++) store<f64>(d + (<usize>i << 3), load<f64>(src + (<usize>i << 3)));
      }
    }
  }
}

/**
 * Forward sequence on a packed panel: pairs (j, j+1), (j+1, j+2), …; `p` = column j. The carried
 * column is z_j (already rotated by the previous pair).
 */
function forward(nr: i32, cs: usize, p: usize): void {
  if (ASC_FEATURE_SIMD) {
    let x0 = v128.load(p);
    let x1 = v128.load(p, 16);
    let x2 = v128.load(p, 32);
    let x3 = v128.load(p, 48);
    for (let t = 0; t < nr; t++) {
      const c = v128.load64_splat(cs);
      const s = v128.load64_splat(cs, 8);
      const y0 = v128.load(p, 64);
      const y1 = v128.load(p, 80);
      const y2 = v128.load(p, 96);
      const y3 = v128.load(p, 112);
      v128.store(p, f64x2.add(f64x2.mul(c, x0), f64x2.mul(s, y0)));
      v128.store(p, f64x2.add(f64x2.mul(c, x1), f64x2.mul(s, y1)), 16);
      v128.store(p, f64x2.add(f64x2.mul(c, x2), f64x2.mul(s, y2)), 32);
      v128.store(p, f64x2.add(f64x2.mul(c, x3), f64x2.mul(s, y3)), 48);
      x0 = f64x2.sub(f64x2.mul(c, y0), f64x2.mul(s, x0));
      x1 = f64x2.sub(f64x2.mul(c, y1), f64x2.mul(s, x1));
      x2 = f64x2.sub(f64x2.mul(c, y2), f64x2.mul(s, x2));
      x3 = f64x2.sub(f64x2.mul(c, y3), f64x2.mul(s, x3));
      cs += 16;
      p += 64;
    }
    v128.store(p, x0);
    v128.store(p, x1, 16);
    v128.store(p, x2, 32);
    v128.store(p, x3, 48);
  } else {
    for (let i = 0; i < RB; i++) {
      let q = p + (<usize>i << 3);
      let k = cs;
      let x = load<f64>(q);
      for (let t = 0; t < nr; t++) {
        const c = load<f64>(k);
        const s = load<f64>(k, 8);
        const y = load<f64>(q, 64);
        store<f64>(q, c * x + s * y);
        x = c * y - s * x;
        k += 16;
        q += 64;
      }
      store<f64>(q, x);
    }
  }
}

/**
 * Backward sequence on a packed panel: pairs (j, j+1), (j−1, j), …; `p` = column j+1. The carried
 * column is z_{j+1}.
 */
function backward(nr: i32, cs: usize, p: usize): void {
  if (ASC_FEATURE_SIMD) {
    let x0 = v128.load(p);
    let x1 = v128.load(p, 16);
    let x2 = v128.load(p, 32);
    let x3 = v128.load(p, 48);
    for (let t = 0; t < nr; t++) {
      const c = v128.load64_splat(cs);
      const s = v128.load64_splat(cs, 8);
      const q = p - 64;
      const y0 = v128.load(q);
      const y1 = v128.load(q, 16);
      const y2 = v128.load(q, 32);
      const y3 = v128.load(q, 48);
      v128.store(p, f64x2.sub(f64x2.mul(c, x0), f64x2.mul(s, y0)));
      v128.store(p, f64x2.sub(f64x2.mul(c, x1), f64x2.mul(s, y1)), 16);
      v128.store(p, f64x2.sub(f64x2.mul(c, x2), f64x2.mul(s, y2)), 32);
      v128.store(p, f64x2.sub(f64x2.mul(c, x3), f64x2.mul(s, y3)), 48);
      x0 = f64x2.add(f64x2.mul(c, y0), f64x2.mul(s, x0));
      x1 = f64x2.add(f64x2.mul(c, y1), f64x2.mul(s, x1));
      x2 = f64x2.add(f64x2.mul(c, y2), f64x2.mul(s, x2));
      x3 = f64x2.add(f64x2.mul(c, y3), f64x2.mul(s, x3));
      cs += 16;
      p = q;
    }
    v128.store(p, x0);
    v128.store(p, x1, 16);
    v128.store(p, x2, 32);
    v128.store(p, x3, 48);
  } else {
    for (let i = 0; i < RB; i++) {
      let q = p + (<usize>i << 3);
      let k = cs;
      let x = load<f64>(q);
      for (let t = 0; t < nr; t++) {
        const c = load<f64>(k);
        const s = load<f64>(k, 8);
        const y = load<f64>(q - 64);
        store<f64>(q, c * x - s * y);
        x = c * y + s * x;
        k += 16;
        q -= 64;
      }
      store<f64>(q, x);
    }
  }
}
