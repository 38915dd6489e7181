/**
 * lasr — apply a batch of plane-rotation sequences to the columns of a matrix, from the right
 *                                                                  (6 flops per rotation per row)
 *
 *   Z ← Z·G₁·G₂ ⋯ G_R,   G in the plane (j, j+1):  z_j ← c·z_j + s·z_{j+1},  z_{j+1} ← c·z_{j+1} − s·z_j
 *
 * JS mirror of assembly/eig/sym/lasr.ts (read it for why the batch is applied row panel by row panel).
 * Same structure: blocks of 32 rows packed into panels of 8 rows (rows past m are zero), every sequence
 * applied to each panel with the shared column carried, then unpacked. Every element of Z sees the
 * same operations in the same order as in the wasm kernel, so the results agree bit for bit.
 *
 * Batch format: `nseq` records of 4 numbers at seq[offSeq…]: [j0, nr, dir, off]; rotation t of a record
 * acts on the pair (j0 + dir·t, j0 + dir·t + 1) with c = cs[offCS + 2(off+t)], s = cs[offCS + 2(off+t) + 1].
 * Z[i, j] = z[offZ + i + j·ldz] (m rows). Workspace: w[offW…], lasrScratch(ncols) doubles.
 *
 * References: LAPACK dlasr (side = 'R', pivot = 'V'); Van Zee, van de Geijn & Quintana-Ortí, ACM TOMS
 * 40(3), 2014.
 */
const RB = 8; // rows per panel
const PB = 32; // rows packed per pass over Z

/** Doubles of workspace for a Z with `ncols` columns. */
export function lasrScratch(ncols: number): number {
  return PB * Math.max(1, ncols);
}

export function lasr(
  m: number, nseq: number, seq: Float64Array, offSeq: number, cs: Float64Array, offCS: number,
  z: Float64Array, offZ: number, ldz: number, w: Float64Array, offW: number,
): void {
  if (m <= 0 || nseq <= 0) return;
  let cmin = 2147483647;
  let cmax = -1;
  for (let q = 0; q < nseq; q++) {
    const rec = offSeq + 4 * q;
    const j0 = seq[rec]!;
    const nr = seq[rec + 1]!;
    const dir = seq[rec + 2]!;
    if (nr <= 0) continue;
    const lo = dir > 0 ? j0 : j0 - nr + 1;
    const hi = dir > 0 ? j0 + nr : j0 + 1;
    if (lo < cmin) cmin = lo;
    if (hi > cmax) cmax = hi;
  }
  if (cmax < 0) return;
  const ncol = cmax - cmin + 1;
  const panel = ncol * RB; // one packed 8-row panel
  for (let r0 = 0; r0 < m; r0 += PB) {
    const rows = Math.min(PB, m - r0);
    const np = ((rows + RB - 1) / RB) | 0;
    // pack
    for (let j = 0; j < ncol; j++) {
      const src = offZ + (cmin + j) * ldz + r0;
      for (let q = 0; q < np; q++) {
        const dst = offW + q * panel + j * RB;
        const rb = Math.min(RB, rows - q * RB);
        for (let i = 0; i < RB; i++) w[dst + i] = i < rb ? z[src + q * RB + i]! : 0;
      }
    }
    for (let q = 0; q < np; q++) {
      const base = offW + q * panel - cmin * RB; // column j at base + 8·j
      for (let k = 0; k < nseq; k++) {
        const rec = offSeq + 4 * k;
        const j0 = seq[rec]!;
        const nr = seq[rec + 1]!;
        const dir = seq[rec + 2]!;
        const off = seq[rec + 3]!;
        if (nr <= 0) continue;
        const c0 = offCS + 2 * off;
        if (dir > 0) forward(nr, cs, c0, w, base + j0 * RB);
        else backward(nr, cs, c0, w, base + (j0 + 1) * RB);
      }
    }
    // unpack
    for (let j = 0; j < ncol; j++) {
      const dst = offZ + (cmin + j) * ldz + r0;
      for (let q = 0; q < np; q++) {
        const src = offW + q * panel + j * RB;
        const rb = Math.min(RB, rows - q * RB);
        for (let i = 0; i < rb; i++) z[dst + q * RB + i] = w[src + i]!;
      }
    }
  }
}

/** Forward sequence on a packed panel; p = column j (the carried column is z_j). */
function forward(nr: number, cs: Float64Array, k0: number, w: Float64Array, p: number): void {
  for (let i = 0; i < RB; i++) {
    let q = p + i;
    let k = k0;
    let x = w[q]!;
    for (let t = 0; t < nr; t++) {
      const c = cs[k]!;
      const s = cs[k + 1]!;
      const y = w[q + RB]!;
      w[q] = c * x + s * y;
      x = c * y - s * x;
      k += 2;
      q += RB;
    }
    w[q] = x;
  }
}

/** Backward sequence on a packed panel; p = column j+1 (the carried column is z_{j+1}). */
function backward(nr: number, cs: Float64Array, k0: number, w: Float64Array, p: number): void {
  for (let i = 0; i < RB; i++) {
    let q = p + i;
    let k = k0;
    let x = w[q]!;
    for (let t = 0; t < nr; t++) {
      const c = cs[k]!;
      const s = cs[k + 1]!;
      const y = w[q - RB]!;
      w[q] = c * x - s * y;
      x = c * y + s * x;
      k += 2;
      q -= RB;
    }
    w[q] = x;
  }
}
