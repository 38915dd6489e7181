/**
 * stedc — all eigenvalues and eigenvectors of a symmetric tridiagonal matrix by divide and conquer
 *
 *   T = tridiag(e, d, e) = Z·Λ·Zᵀ,  λ ascending,  Z set (as steqr's compz = 2)
 *
 * JS mirror of assembly/eig/sym/stedc.ts (read it for the steps: steqr up to SMLSIZ, splitting at
 * negligible eᵢ, power-of-two scaling of each block into [1, 2), laed0 on the large blocks, the final
 * sort). Storage: d[offD…] (n) in/out, e[offE…] (n−1) destroyed, Z[i, j] = z[offZ + i + j·ldz] out.
 * Workspace: w[offW…], `stedcScratch(n)` doubles. Same operations in the same order, so the same bits.
 * Returns 0, or a positive status when an iteration did not converge.
 *
 * References: Cuppen, Numer. Math. 36 (1981); Gu & Eisenstat, SIAM J. Matrix Anal. Appl. 16(1) (1995);
 * Rutter, LAWN 69; Demmel, Applied Numerical Linear Algebra, §5.3.3; LAPACK dstedc.
 */
import { laed0, laed0Scratch, smlsiz } from './laed0.js';
import { steqr, steqrScratch } from './steqr.js';
import { ilog2, scalePow2 } from './pow2.js';
import { sortPairs } from './sortpairs.js';
import { UNIT_ROUNDOFF } from '../../../core/machine.js';

/** Doubles of workspace `stedc` needs for order n. */
export function stedcScratch(n: number): number {
  if (n <= 1) return 0;
  if (n <= smlsiz()) return steqrScratch(n, 2);
  return laed0Scratch(n);
}

export function stedc(
  n: number, d: Float64Array, offD: number, e: Float64Array, offE: number, z: Float64Array, offZ: number, ldz: number,
  w: Float64Array, offW: number,
): number {
  if (n <= 0) return 0;
  const sml = smlsiz();
  if (n <= sml) return steqr(2, n, d, offD, e, offE, z, offZ, ldz, w, offW);
  for (let j = 0; j < n; j++) z.fill(0, offZ + j * ldz, offZ + j * ldz + n);
  let start = 0;
  let blocks = 0;
  while (start < n) {
    let fin = start;
    while (fin < n - 1) {
      const tiny = UNIT_ROUNDOFF * Math.sqrt(Math.abs(d[offD + fin]!)) * Math.sqrt(Math.abs(d[offD + fin + 1]!));
      if (Math.abs(e[offE + fin]!) <= tiny) break;
      fin++;
    }
    const m = fin - start + 1;
    const oZb = offZ + start * ldz + start;
    let info = 0;
    if (m === 1) {
      z[oZb] = 1;
    } else if (m <= sml) {
      info = steqr(2, m, d, offD + start, e, offE + start, z, oZb, ldz, w, offW);
    } else {
      let anrm = 0;
      for (let i = start; i <= fin; i++) {
        anrm = Math.max(anrm, Math.abs(d[offD + i]!));
        if (i < fin) anrm = Math.max(anrm, Math.abs(e[offE + i]!));
      }
      const k = -ilog2(anrm);
      scalePow2(m, d, offD + start, k);
      scalePow2(m - 1, e, offE + start, k);
      info = laed0(m, d, offD + start, e, offE + start, z, oZb, ldz, w, offW);
      scalePow2(m, d, offD + start, -k);
    }
    if (info !== 0) return start + info;
    blocks++;
    start = fin + 1;
  }
  if (blocks > 1) sortPairs(n, d, offD, z, offZ, ldz);
  return 0;
}
