/**
 * geqp3 — Householder QR with column pivoting: A·P = Q·R                 (≈ 4mnk − 2(m + n)k² + 4k³/3
 *                                                                          flops, k = min(m, n); level 2)
 *
 * JS mirror of assembly/qr/geqp3.ts (read it for the math). Businger–Golub pivoting on the largest
 * partial column norm (first index on ties), norms downdated as ν_j ← ν_j·sqrt(1 − (|A[i, j]|/ν_j)²) and
 * recomputed with nrm2 when (1 − (|A[i, j]|/ν_j)²)·(ν_j/vn2_j)² ≤ sqrt(eps), eps = UNIT_ROUNDOFF =
 * 2^-53 (Drmač–Bujanović, LAPACK dlaqp2, which takes dlamch('E')).
 *
 * Storage: A[i, j] = a[offA + i + j·lda]. On exit R in the upper trapezoid, vᵢ below the diagonal,
 * τᵢ = tau[offTau + i] (min(m, n) values), and jpvt[offJpvt + j] (an Int32Array, 0-based) is the
 * original index of column j of A·P. Workspace: w[offW…], `geqp3Scratch(m, n)` = 3n doubles.
 * Same operation order as the wasm kernel, so the results agree bit for bit.
 *
 * References: Businger & Golub, Numer. Math. 7, 1965; Golub & Van Loan, 4th ed., §5.4.2; Drmač &
 * Bujanović, ACM TOMS 35(2), 2008; LAPACK dgeqp3/dlaqp2.
 */
import { nrm2 } from '../blas/nrm2.js';
import { iamax } from '../blas/iamax.js';
import { larfg } from './larfg.js';
import { larf } from './larf.js';

const TOL3Z = 1.0536712127723509e-8; // sqrt(UNIT_ROUNDOFF) = sqrt(2^-53), dlaqp2's TOL3Z

export function geqp3Scratch(m: number, n: number): number {
  return n > 0 ? 3 * n : 0;
}

export function geqp3(
  m: number, n: number, a: Float64Array, offA: number, lda: number,
  jpvt: Int32Array, offJpvt: number, tau: Float64Array, offTau: number, w: Float64Array, offW: number,
): void {
  if (n <= 0) return;
  const vn1 = offW;
  const vn2 = offW + n;
  const oWork = vn2 + n;
  for (let j = 0; j < n; j++) {
    const nj = nrm2(m, a, offA + j * lda, 1);
    w[vn1 + j] = nj;
    w[vn2 + j] = nj;
    jpvt[offJpvt + j] = j;
  }
  const k = Math.min(m, n);
  for (let i = 0; i < k; i++) {
    // pivot: the first column of largest partial norm among i…n−1
    const pvt = i + iamax(n - i, w, vn1 + i, 1);
    if (pvt !== i) {
      const cp = offA + pvt * lda;
      const ci = offA + i * lda;
      for (let l = 0; l < m; l++) {
        const t = a[cp + l]!;
        a[cp + l] = a[ci + l]!;
        a[ci + l] = t;
      }
      const jp = jpvt[offJpvt + pvt]!;
      jpvt[offJpvt + pvt] = jpvt[offJpvt + i]!;
      jpvt[offJpvt + i] = jp;
      w[vn1 + pvt] = w[vn1 + i]!;
      w[vn2 + pvt] = w[vn2 + i]!;
    }
    // Hᵢ: A[i:m, i] → [β; 0], then A[i:m, i+1:n] ← Hᵢ·A[i:m, i+1:n]
    const aii = offA + i + i * lda;
    const t = larfg(m - i, a, aii, a, aii + 1, 1);
    tau[offTau + i] = t;
    if (i + 1 < n) larf(m - i, n - i - 1, a, aii, 1, t, a, aii + lda, lda, w, oWork);
    // downdate the partial norms of columns i+1…n−1 to rows i+1…m−1
    for (let j = i + 1; j < n; j++) {
      const nu = w[vn1 + j]!;
      if (nu === 0) continue;
      const aij = offA + i + j * lda;
      const r = Math.abs(a[aij]!) / nu;
      let temp = 1.0 - r * r;
      if (temp < 0) temp = 0;
      const q = nu / w[vn2 + j]!;
      const temp2 = temp * (q * q);
      if (temp2 <= TOL3Z) {
        // too much cancellation: recompute from the data
        const fresh = i + 1 < m ? nrm2(m - i - 1, a, aij + 1, 1) : 0.0;
        w[vn1 + j] = fresh;
        w[vn2 + j] = fresh;
      } else {
        w[vn1 + j] = nu * Math.sqrt(temp);
      }
    }
  }
}
