/**
 * geev — eigenvalues and right eigenvectors of a general real matrix
 *
 * JS mirror of assembly/eig/gen/geev.ts (read it for the pipeline, the eigenvalue order and the vector
 * normalisation convention). A[i, j] = a[offA + i + j·lda], VR[i, j] = vr[offVr + i + j·ldvr];
 * wr, wi at offWr, offWi; workspace w[offW…], `geevScratch(n, jobv)` doubles. Same operation order.
 * Returns 0, or k > 0 unconverged (vectors not computed).
 *
 * References: Golub & Van Loan, 4th ed., §7.4–7.6; LAPACK dgeev.
 */
import { gebal } from './gebal.js';
import { gebak } from './gebak.js';
import { gehrd, gehrdScratch } from './gehrd.js';
import { orghr, orghrScratch } from './orghr.js';
import { hqr } from './hqr.js';
import { trevc } from './trevc.js';
import { gemm, gemmScratch } from '../../gemm/gemm.js';
import { nrm2 } from '../../blas/nrm2.js';
import { scal } from '../../blas/scal.js';
import { iamax } from '../../blas/iamax.js';
import { lapy2 } from '../../qr/larfg.js';
import { even } from '../../util.js';

/** Doubles of workspace `geev` needs. */
export function geevScratch(n: number, jobv: number): number {
  if (n <= 0) return 0;
  const head = even(n) + 2 + even(n);
  const tail = Math.max(gehrdScratch(n), Math.max(even(n), 4)); // gehrd, hqr
  if (!jobv) return head + tail;
  return head + 2 * n * n + Math.max(Math.max(orghrScratch(n), gemmScratch(n, n, n)), tail);
}

export function geev(
  jobv: number, balance: number, n: number, a: Float64Array, offA: number, lda: number,
  wr: Float64Array, offWr: number, wi: Float64Array, offWi: number, vr: Float64Array, offVr: number, ldvr: number,
  w: Float64Array, offW: number,
): number {
  if (n <= 0) return 0;
  const oScale = offW;
  const oBounds = oScale + even(n);
  const oTau = oBounds + 2;
  const oRest = oTau + even(n);
  gebal(balance, n, a, offA, lda, w, oScale, w, oBounds);
  const ilo = w[oBounds]! | 0;
  const ihi = w[oBounds + 1]! | 0;
  for (let i = 0; i < n; i++) {
    if (i >= ilo && i <= ihi) continue;
    wr[offWr + i] = a[offA + i + i * lda]!;
    wi[offWi + i] = 0;
  }
  if (!jobv) {
    gehrd(n, ilo, ihi, a, offA, lda, w, oTau, w, oRest);
    return hqr(0, 0, n, ilo, ihi, a, offA, lda, wr, offWr, wi, offWi, 0, n - 1, w, oRest, n, w, oRest);
  }
  const oZ = oRest;
  const oX = oZ + n * n;
  const oWk = oX + n * n;
  gehrd(n, ilo, ihi, a, offA, lda, w, oTau, w, oWk);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) w[oZ + i + j * n] = a[offA + i + j * lda]!;
  orghr(n, ilo, ihi, w, oZ, n, w, oTau, w, oWk);
  const info = hqr(1, 1, n, ilo, ihi, a, offA, lda, wr, offWr, wi, offWi, 0, n - 1, w, oZ, n, w, oWk);
  if (info > 0) return info;
  clearBelowSubdiagonal(n, a, offA, lda);
  trevc(n, a, offA, lda, w, oX, n, w, oWk);
  backTransform(n, w, oZ, oX, vr, offVr, ldvr, oWk);
  gebak(n, ilo, ihi, w, oScale, n, vr, offVr, ldvr);
  normalise(n, wi, offWi, vr, offVr, ldvr);
  return 0;
}

const BT_NB = 64;

/** VR ← Z·X, X upper quasi-triangular: one GEMM per BT_NB columns over Z[:, 0:j1+1] (see the wasm twin). */
function backTransform(
  n: number, w: Float64Array, oZ: number, oX: number, vr: Float64Array, offVr: number, ldvr: number, oWk: number,
): void {
  for (let j0 = 0; j0 < n; j0 += BT_NB) {
    const jb = Math.min(BT_NB, n - j0);
    const k = Math.min(n, j0 + jb + 1);
    gemm(0, 0, n, jb, k, 1.0, w, oZ, n, w, oX + j0 * n, n, 0, vr, offVr + j0 * ldvr, ldvr, w, oWk);
  }
}

/** A[i, j] ← 0 for i > j + 1. */
export function clearBelowSubdiagonal(n: number, a: Float64Array, offA: number, lda: number): void {
  for (let j = 0; j + 2 < n; j++) {
    const c = offA + j * lda;
    for (let i = j + 2; i < n; i++) a[c + i] = 0;
  }
}

function normalise(n: number, wi: Float64Array, offWi: number, v: Float64Array, offV: number, ldv: number): void {
  let j = 0;
  while (j < n) {
    const px = offV + j * ldv;
    if (wi[offWi + j] === 0 || j === n - 1) {
      const k = iamax(n, v, px, 1);
      const nrm = nrm2(n, v, px, 1);
      if (nrm > 0) scal(n, v[px + k]! < 0 ? -1.0 / nrm : 1.0 / nrm, v, px, 1);
      j++;
      continue;
    }
    const py = px + ldv;
    let k = 0;
    let best = -1;
    for (let i = 0; i < n; i++) {
      const a = lapy2(v[px + i]!, v[py + i]!);
      if (a > best) {
        best = a;
        k = i;
      }
    }
    if (best > 0) {
      const c = v[px + k]! / best;
      const s = v[py + k]! / best;
      for (let i = 0; i < n; i++) {
        const x = v[px + i]!;
        const y = v[py + i]!;
        v[px + i] = c * x + s * y;
        v[py + i] = c * y - s * x;
      }
      v[py + k] = 0;
      const nrm = lapy2(nrm2(n, v, px, 1), nrm2(n, v, py, 1));
      scal(n, 1.0 / nrm, v, px, 1);
      scal(n, 1.0 / nrm, v, py, 1);
    }
    j += 2;
  }
}
