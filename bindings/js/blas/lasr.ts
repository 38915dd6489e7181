/**
 * lasr — apply a batch of plane-rotation sequences to adjacent column pairs, from the right
 *                                                                (6·m flops per rotation, m rows)
 *
 * JS mirror of assembly/blas/lasr.ts (read it for the schedule and the measurements). X is column-major,
 * X[i, j] = x[offX + i + j·ldx]. A rotation (c, s) at position j acts on columns j, j+1 as
 *
 *   x ← c·x + s·y,    y ← c·y − s·x          (X ← X·[c −s; s c] in that plane)
 *
 * Batch format: `nseq` records of 4 numbers at seq[offSeq + 4q …] = (lo, hi, dir, off): rotations at
 * positions lo…hi−1, with (c, s) = (c[offC + off + j], s[offS + off + j]), applied in increasing j
 * (dir = 0) or decreasing j (dir = 1); records in order (steqr and bdsqr both use it). Same strips of
 * LASR_MB rows and the same fused pairs as the wasm kernel; every element goes through the same
 * operations in the same order, so the bits agree. Workspace: none.
 *
 * References: LAPACK dlasr (side = 'R', pivot = 'V'); Van Zee, van de Geijn & Quintana-Ortí, ACM TOMS
 * 40(3), 2014.
 */

/** Rows per strip (see the wasm kernel). */
export const LASR_MB = 256;

export function lasr(
  m: number, nseq: number, seq: Float64Array, offSeq: number,
  c: Float64Array, offC: number, s: Float64Array, offS: number,
  x: Float64Array, offX: number, ldx: number,
): void {
  if (m <= 0 || nseq <= 0) return;
  for (let r0 = 0; r0 < m; r0 += LASR_MB) {
    const rb = Math.min(LASR_MB, m - r0);
    const base = offX + r0;
    for (let q = 0; q < nseq; q++) {
      const d = offSeq + 4 * q;
      const lo = seq[d]! | 0;
      const hi = seq[d + 1]! | 0;
      const dir = seq[d + 2]! | 0;
      const off = seq[d + 3]! | 0;
      if (hi <= lo) continue;
      const cq = offC + off;
      const sq = offS + off;
      if (dir === 0) {
        let j = lo;
        for (; j + 1 < hi; j += 2) {
          // rotation j on (j, j+1), then rotation j+1 on (j+1, j+2)
          rot2(rb, x, base + j * ldx, ldx, c[cq + j]!, s[sq + j]!, c[cq + j + 1]!, s[sq + j + 1]!);
        }
        if (j < hi) rot1(rb, x, base + j * ldx, ldx, c[cq + j]!, s[sq + j]!);
      } else {
        let j = hi - 1;
        for (; j - 1 >= lo; j -= 2) {
          // rotation j on (j, j+1), then rotation j−1 on (j−1, j)
          rot2b(rb, x, base + (j - 1) * ldx, ldx, c[cq + j]!, s[sq + j]!, c[cq + j - 1]!, s[sq + j - 1]!);
        }
        if (j >= lo) rot1(rb, x, base + j * ldx, ldx, c[cq + j]!, s[sq + j]!);
      }
    }
  }
}

/** One rotation (c, s) on columns x[ox…], x[ox + ldx…], rows 0…rb−1. */
export function rot1(rb: number, x: Float64Array, ox: number, ldx: number, c: number, s: number): void {
  const oy = ox + ldx;
  for (let i = 0; i < rb; i++) {
    const a = x[ox + i]!;
    const b = x[oy + i]!;
    x[ox + i] = c * a + s * b;
    x[oy + i] = c * b - s * a;
  }
}

/** Forward pair: (c0, s0) on columns (0, 1), then (c1, s1) on columns (1, 2). */
function rot2(rb: number, x: Float64Array, ox: number, ldx: number, c0: number, s0: number, c1: number, s1: number): void {
  const oy = ox + ldx;
  const oz = oy + ldx;
  for (let i = 0; i < rb; i++) {
    const a = x[ox + i]!;
    const b = x[oy + i]!;
    const z = x[oz + i]!;
    x[ox + i] = c0 * a + s0 * b;
    const b1 = c0 * b - s0 * a;
    x[oy + i] = c1 * b1 + s1 * z;
    x[oz + i] = c1 * z - s1 * b1;
  }
}

/** Backward pair: (c1, s1) on columns (1, 2), then (c0, s0) on columns (0, 1). */
function rot2b(rb: number, x: Float64Array, ox: number, ldx: number, c1: number, s1: number, c0: number, s0: number): void {
  const oy = ox + ldx;
  const oz = oy + ldx;
  for (let i = 0; i < rb; i++) {
    const a = x[ox + i]!;
    const b = x[oy + i]!;
    const z = x[oz + i]!;
    const b1 = c1 * b + s1 * z;
    x[oz + i] = c1 * z - s1 * b;
    x[ox + i] = c0 * a + s0 * b1;
    x[oy + i] = c0 * b1 - s0 * a;
  }
}
