/**
 * qtrsm — B ← T⁻¹·B with T upper quasi-triangular                    (blocked; m²n flops, in GEMM)
 *
 * JS mirror of assembly/matfun/qtrsm.ts (method, references, blocking by T_TRSM_NB and return value
 * there). T[i, j] = t[offT + i + j·ldt], B likewise; workspace qtrsmScratch(m, n) doubles at
 * w[offW…]. Same operations in the same order, so results agree bit for bit.
 */
import { gemm, gemmScratch } from '../gemm/gemm.js';
import { trsyl, trsylScratch } from './trsyl.js';
import { tune, T_TRSM_NB } from '../tuning.js';
import { even } from '../util.js';

/** Doubles of workspace `qtrsm` needs for T m×m, B m×n with the blocking in force. */
export function qtrsmScratch(m: number, n: number): number {
  const nb = Math.max(tune(T_TRSM_NB), 1) + 1;
  return 2 + even(trsylScratch()) + gemmScratch(nb, n, m);
}

export function qtrsm(
  m: number, n: number, t: Float64Array, offT: number, ldt: number, b: Float64Array, offB: number, ldb: number,
  w: Float64Array, offW: number,
): number {
  if (m <= 0 || n <= 0) return 0;
  const nb = Math.max(tune(T_TRSM_NB), 1);
  const oZero = offW;
  const oSyl = offW + 2;
  const oG = oSyl + even(trsylScratch());
  w[oZero] = 0;
  let i1 = m;
  while (i1 > 0) {
    let i0 = Math.max(i1 - nb, 0);
    if (i0 > 0 && t[offT + (i0 - 1) * ldt + i0] !== 0) i0--;
    if (i1 < m) {
      gemm(0, 0, i1 - i0, n, m - i1, -1, t, offT + i1 * ldt + i0, ldt, b, offB + i1, ldb, 1, b, offB + i0, ldb, w, oG);
    }
    const oTii = offT + i0 * ldt + i0;
    for (let c = 0; c < n; c++) {
      if (trsyl(i1 - i0, 1, t, oTii, ldt, w, oZero, 1, b, offB + c * ldb + i0, ldb, w, oSyl) !== 0) return c + 1;
    }
    i1 = i0;
  }
  return 0;
}
