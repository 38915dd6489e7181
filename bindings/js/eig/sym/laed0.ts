/**
 * laed0 — all eigenpairs of an unreduced symmetric tridiagonal matrix by Cuppen's divide and conquer
 *
 * JS mirror of assembly/eig/sym/laed0.ts (read it for the tearing into pieces of at most SMLSIZ rows —
 * the tuning key T_STEDC_SMLSIZ, at least 2 —, steqr on the pieces, the level-by-level laed1 merges and
 * the final ordering). Storage: d[offD…] (n) in/out, e[offE…] destroyed, Z[i, j] = z[offZ + i + j·ldz]
 * out; workspace w[offW…], `laed0Scratch(n)` doubles. Same operations in the same order.
 * Returns 0 or a positive status (non-convergence).
 *
 * References: Cuppen, Numer. Math. 36 (1981); Gu & Eisenstat (1995); Rutter, LAWN 69; LAPACK dlaed0.
 */
import { laed1, laed1Scratch } from './laed1.js';
import { steqr, steqrScratch } from './steqr.js';
import { gemmScratch } from '../../gemm/gemm.js';
import { even } from '../../util.js';
import { tune, T_STEDC_SMLSIZ } from '../../tuning.js';

/** The largest piece solved by steqr (at least 2). */
export function smlsiz(): number {
  return Math.max(2, tune(T_STEDC_SMLSIZ));
}

/** Doubles of workspace `laed0` needs for order n. */
export function laed0Scratch(n: number): number {
  return 2 * even(n) + Math.max(laed1Scratch(n) + gemmScratch(n, n, n), steqrScratch(Math.min(n, smlsiz()), 2));
}

export function laed0(
  n: number, d: Float64Array, offD: number, e: Float64Array, offE: number, z: Float64Array, offZ: number, ldz: number,
  w: Float64Array, offW: number,
): number {
  const oSize = offW;
  const oPerm = oSize + even(n);
  const oWk = oPerm + even(n);
  const sml = smlsiz();
  let np = 1;
  w[oSize] = n;
  while (w[oSize + np - 1]! > sml) {
    for (let j = np - 1; j >= 0; j--) {
      const m = w[oSize + j]!;
      w[oSize + 2 * j + 1] = (m + 1) >> 1;
      w[oSize + 2 * j] = m >> 1;
    }
    np *= 2;
  }
  for (let j = 0; j < n; j++) z.fill(0, offZ + j * ldz, offZ + j * ldz + n);
  let lo = 0;
  for (let j = 0; j < np; j++) {
    const m = w[oSize + j]!;
    if (j > 0) {
      const a = Math.abs(e[offE + lo - 1]!);
      d[offD + lo - 1] = d[offD + lo - 1]! - a;
      d[offD + lo] = d[offD + lo]! - a;
    }
    lo += m;
  }
  lo = 0;
  for (let j = 0; j < np; j++) {
    const m = w[oSize + j]!;
    const info = steqr(2, m, d, offD + lo, e, offE + lo, z, offZ + lo * ldz + lo, ldz, w, oWk);
    if (info !== 0) return lo + info;
    for (let i = 0; i < m; i++) w[oPerm + lo + i] = i;
    lo += m;
  }
  while (np > 1) {
    lo = 0;
    for (let j = 0; j < np; j += 2) {
      const n1 = w[oSize + j]!;
      const n2 = w[oSize + j + 1]!;
      if (laed1(n1 + n2, n1, d, offD + lo, z, offZ + lo * ldz + lo, ldz, w, oPerm + lo, e[offE + lo + n1 - 1]!, oWk) !== 0) return n;
      w[oSize + (j >> 1)] = n1 + n2;
      lo += n1 + n2;
    }
    np >>= 1;
  }
  const oBuf = oWk;
  const oDb = oBuf + n * n;
  for (let j = 0; j < n; j++) {
    const s = w[oPerm + j]!;
    w.set(z.subarray(offZ + s * ldz, offZ + s * ldz + n), oBuf + j * n);
    w[oDb + j] = d[offD + s]!;
  }
  for (let j = 0; j < n; j++) {
    z.set(w.subarray(oBuf + j * n, oBuf + j * n + n), offZ + j * ldz);
    d[offD + j] = w[oDb + j]!;
  }
  return 0;
}
