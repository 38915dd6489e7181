/**
 * sytrd3 — syev's step 2 with vectors (sytrd, then orgtr forming Q) for n = 3, written out
 *
 *   A = Q·T·Qᵀ,   T = tridiag(e, d, e),   Q = diag(1, H₀)
 *
 * JS mirror of assembly/eig/sym/sytrd3.ts (read it for what each line replays: sytd2's one reflector,
 * symv/dot/axpy/syr2 at order 2, orgtr → org2r's larf and scal). The same operations in the same order
 * as the general kernels under the block sizes syev checks (T_SYTRD_NB ≥ 3, T_ORGQR_NB ≥ 2), so the
 * same bits.
 *
 * Storage: A[i, j] = a[offA + i + j·lda], lower triangle read, Q written over it; d at d[offD…] (3),
 * e at e[offE…] (2).
 *
 * References: LAPACK dsytd2, dorgtr, dorg2r, dlarf; Golub & Van Loan, 4th ed., §8.3.1.
 */
import { larfg } from '../../qr/larfg.js';

export function sytrd3(a: Float64Array, offA: number, lda: number, d: Float64Array, offD: number, e: Float64Array, offE: number): void {
  const c1 = offA + lda; // column 1
  const c2 = c1 + lda; // column 2
  // sytd2, i = 0: the reflector from A[1:3, 0] (β over A₁₀, v₁ over A₂₀)
  const t = larfg(2, a, offA + 1, a, offA + 2, 1);
  const e0 = a[offA + 1]!;
  const v1 = a[offA + 2]!;
  let a11 = a[c1 + 1]!;
  let a21 = a[c1 + 2]!;
  let a22 = a[c2 + 2]!;
  if (t !== 0) {
    const v0 = 1;
    // symv(2, τ, A₂₂, v): column 0, then column 1
    let y0 = 0 + a11 * v0;
    let y1 = 0 + a21 * v0;
    y0 = y0 + (0 + a21 * v1);
    y1 = y1 + a22 * v1;
    y1 = y1 + 0;
    if (t !== 1) {
      y0 = t * y0;
      y1 = t * y1;
    }
    // α = −½·τ·(wᵀv); w += α·v
    const al = -0.5 * t * ((0 + y0 * v0) + (0 + y1 * v1));
    y0 = y0 + al * v0;
    y1 = y1 + al * v1;
    // syr2(2, −1, v, w, A₂₂)
    let ty = -1 * y0;
    let tx = -1 * v0;
    a11 = a11 + v0 * ty + y0 * tx;
    a21 = a21 + v1 * ty + y1 * tx;
    ty = -1 * y1;
    tx = -1 * v1;
    a22 = a22 + v1 * ty + y1 * tx;
  }
  d[offD] = a[offA]!;
  d[offD + 1] = a11;
  d[offD + 2] = a22;
  e[offE] = e0;
  e[offE + 1] = a21;
  // orgtr: Q = diag(1, Q₂), Q₂ = H₀ (org2r: column 1 by larf, column 0 by scal)
  let q01 = 0;
  let q11 = 1;
  if (t !== 0) {
    const w = 0 + 1.0 * (0 + q11 * v1) + q01;
    const tw = -t * w;
    q01 = q01 + tw;
    q11 = q11 + tw * v1;
  }
  a[offA] = 1;
  a[offA + 1] = 0;
  a[offA + 2] = 0;
  a[c1] = 0;
  a[c1 + 1] = 1.0 - t;
  a[c1 + 2] = -t * v1;
  a[c2] = 0;
  a[c2 + 1] = q01;
  a[c2 + 2] = q11;
}
