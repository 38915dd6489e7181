/**
 * syevx — selected eigenvalues (and, with syevxVectors, eigenvectors) of a real symmetric matrix
 *
 * JS mirror of assembly/eig/sym/syevx.ts (read it for the steps, the cost and the accuracy): syevx
 * scales, tridiagonalises (sytrd), bisects (stebz) and returns m with the eigenvalues in W;
 * syevxVectors runs inverse iteration (stein), back-transforms the m vectors (ormtr) and applies the
 * sign convention. range 0 all, 1 (vl, vu], 2 indices il…iu (0-based).
 *
 * Storage: A[i, j] = a[offA + i + j·lda] (lower triangle read, overwritten by the reflectors), W at
 * w[offW…] (room for n), the ints at iw[offIw…] (2n), Z[i, j] = z[offZ + i + j·ldz] (n×m). Workspace:
 * wk[offWk…], `syevxScratch(n, jobz)` doubles, carried unchanged from syevx to syevxVectors. Same
 * operation order as the wasm kernels, so the results agree bit for bit.
 *
 * References: LAPACK dsyevx; Golub & Van Loan, 4th ed., §8.3–8.4.
 */
import { sytrd, sytrdScratch } from './sytrd.js';
import { stebz, stebzScratch } from './stebz.js';
import { stein, steinScratch } from './stein.js';
import { ormtr, ormtrScratch } from './ormtr.js';
import { pow2, scalePow2 } from './pow2.js';
import { scaleLower, signColumns } from './drive.js';
import { even } from '../../util.js';

/** Doubles of workspace `syevx` (and, with jobz = 1, `syevxVectors`) needs. */
export function syevxScratch(n: number, jobz: number): number {
  if (n <= 0) return 0;
  let r = Math.max(sytrdScratch(n), stebzScratch(n));
  if (jobz) r = Math.max(r, Math.max(steinScratch(n), ormtrScratch(n, n)));
  return 4 * even(n) + r;
}

export function syevx(
  range: number, n: number, a: Float64Array, offA: number, lda: number, vl: number, vu: number, il: number,
  iu: number, w: Float64Array, offW: number, iw: Int32Array, offIw: number, wk: Float64Array, offWk: number,
): number {
  if (n <= 0) return 0;
  const nn = even(n);
  const oD = offWk;
  const oE = oD + nn;
  const oTau = oE + nn;
  const oWs = oTau + nn;
  const oR = oWs + nn;
  const k = scaleLower(n, a, offA, lda);
  const s = pow2(k);
  sytrd(n, a, offA, lda, wk, oD, wk, oE, wk, oTau, wk, oR);
  const m = stebz(range, n, vl * s, vu * s, il, iu, wk, oD, wk, oE, wk, oWs, iw, offIw, iw, offIw + n, wk, oR);
  const mm = m >= 0 ? m : 0;
  for (let j = 0; j < mm; j++) w[offW + j] = wk[oWs + j]!;
  if (k !== 0) scalePow2(mm, w, offW, -k);
  return m;
}

export function syevxVectors(
  n: number, m: number, a: Float64Array, offA: number, lda: number, z: Float64Array, offZ: number, ldz: number,
  iw: Int32Array, offIw: number, wk: Float64Array, offWk: number,
): number {
  if (n <= 0 || m <= 0) return 0;
  const nn = even(n); // syevx's layout: d, e, τ, scaled λ, then scratch
  const info = stein(n, wk, offWk, wk, offWk + nn, m, wk, offWk + 3 * nn, iw, offIw, iw, offIw + n, z, offZ, ldz, wk, offWk + 4 * nn);
  ormtr(n, m, a, offA, lda, wk, offWk + 2 * nn, z, offZ, ldz, wk, offWk + 4 * nn);
  signColumns(n, m, z, offZ, ldz);
  return info;
}
