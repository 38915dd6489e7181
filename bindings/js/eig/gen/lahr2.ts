/**
 * lahr2 — reduce the first nb columns of a general matrix below its k-th subdiagonal, and return the
 *         block reflector (V, T) and Y = A·V·T for the deferred update of the rest
 *                                                      (≈ 2(n−k)²·nb level-2 flops + 2k(n−k)·nb GEMM)
 *
 * JS mirror of assembly/eig/gen/lahr2.ts (read it for the math and the picture). Per column j: the
 * right update b ← b − Y·V[j−1, :]ᵀ, the left update b ← b − V·(Tᵀ·(Vᵀ·b)), larfg, Y[k:n, j] and
 * T[0:j, j]; at the end Y[0:k, :] = (A[0:k, 1:n−k+1]·V̂)·T through gemm.
 *
 * Storage: A[i, j] = a[offA + i + j·lda] (n×(n−k+1), 1 ≤ k, k + nb ≤ n); τ at tau[offTau…] (nb); T at
 * t[offT…] (ldt ≥ nb, strict lower triangle set to 0); Y at y[offY…] (ldy ≥ n). Workspace w[offW…],
 * `lahr2Scratch(n, k, nb)` doubles, V̂ in its first (n−k)·nb on exit. Same operation order as the wasm
 * kernel, so the results agree bit for bit.
 *
 * References: Quintana-Ortí & van de Geijn, ACM TOMS 32(2), 2006; LAPACK dlahr2.
 */
import { larfg } from '../../qr/larfg.js';
import { gemv } from '../../blas/gemv.js';
import { scal } from '../../blas/scal.js';
import { gemm, gemmScratch } from '../../gemm/gemm.js';
import { explicitV } from '../../qr/larfb.js';
import { even } from '../../util.js';

/** Doubles of workspace `lahr2` needs, with the GEMM blocking in force. */
export function lahr2Scratch(n: number, k: number, nb: number): number {
  if (nb <= 0 || n <= 0) return 0;
  return even(n * nb) + even(nb) + Math.max(gemmScratch(k, nb, n - k), gemmScratch(k, nb, nb));
}

export function lahr2(
  n: number, k: number, nb: number, a: Float64Array, offA: number, lda: number, tau: Float64Array, offTau: number,
  t: Float64Array, offT: number, ldt: number, y: Float64Array, offY: number, ldy: number, w: Float64Array, offW: number,
): void {
  if (nb <= 0 || n <= 1) return;
  const m = n - k;
  const oAk = offA + k; // V[r, c] = a[oAk + r + c·lda]
  const oYk = offY + k;
  const oVf = offW;
  const oWk = oVf + m * nb;
  const oz = offW + even(n * nb);
  const oG = oz + even(nb);
  let ei = 0;

  for (let j = 0; j < nb; j++) {
    const ob = oAk + j * lda; // b = A[k:n, j]
    const tj = offT + j * ldt;
    if (j > 0) {
      // 1. b ← b − Y[k:n, 0:j]·V[j−1, 0:j]ᵀ
      gemv(0, m, j, -1, y, oYk, ldy, a, oAk + j - 1, lda, 1, a, ob, 1);
      // 2. z ← V₁ᵀ·b[0:j] + V₂ᵀ·b[j:m]
      for (let c = 0; c < j; c++) {
        const vc = oAk + c * lda;
        let s = a[ob + c]!;
        for (let r = c + 1; r < j; r++) s += a[vc + r]! * a[ob + r]!;
        w[oz + c] = s;
      }
      gemv(1, m - j, j, 1, a, oAk + j, lda, a, ob + j, 1, 1, w, oz, 1);
      //    z ← Tᵀ·z
      for (let c = j - 1; c >= 0; c--) {
        const tc = offT + c * ldt;
        let s = t[tc]! * w[oz]!;
        for (let l = 1; l <= c; l++) s += t[tc + l]! * w[oz + l]!;
        w[oz + c] = s;
      }
      //    b[j:m] ← b[j:m] − V₂·z
      gemv(0, m - j, j, -1, a, oAk + j, lda, w, oz, 1, 1, a, ob + j, 1);
      //    b[0:j] ← b[0:j] − V₁·z
      for (let r = 0; r < j; r++) {
        let s = w[oz + r]!;
        for (let c = 0; c < r; c++) s += a[oAk + c * lda + r]! * w[oz + c]!;
        a[ob + r] = a[ob + r]! - s;
      }
      a[oAk + j - 1 + (j - 1) * lda] = ei;
    }
    // 3. reflector
    const ov = ob + j;
    const len = m - j;
    const tj0 = larfg(len, a, ov, a, ov + (len > 1 ? 1 : 0), 1);
    tau[offTau + j] = tj0;
    ei = a[ov]!;
    a[ov] = 1;
    // 4. Y[k:n, j], T[0:j, j]
    const yj = oYk + j * ldy;
    gemv(0, m, len, 1, a, oAk + (j + 1) * lda, lda, a, ov, 1, 0, y, yj, 1);
    gemv(1, len, j, 1, a, oAk + j, lda, a, ov, 1, 0, t, tj, 1);
    gemv(0, m, j, -1, y, oYk, ldy, t, tj, 1, 1, y, yj, 1);
    scal(m, tj0, y, yj, 1);
    // 5. T[0:j, j] ← T[0:j, 0:j]·(−τⱼ·T[0:j, j])
    scal(j, -tj0, t, tj, 1);
    for (let r = 0; r < j; r++) {
      const tr = offT + r;
      let s = t[tr + r * ldt]! * t[tj + r]!;
      for (let l = r + 1; l < j; l++) s += t[tr + l * ldt]! * t[tj + l]!;
      t[tj + r] = s;
    }
    t[tj + j] = tj0;
    for (let r = j + 1; r < nb; r++) t[tj + r] = 0;
  }
  a[oAk + nb - 1 + (nb - 1) * lda] = ei;

  // V̂ ← V explicit
  explicitV(m, nb, a, oAk, lda, w, oVf);
  if (k > 0) {
    // Y[0:k, :] ← (A[0:k, 1:m+1]·V̂)·T
    gemm(0, 0, k, nb, m, 1.0, a, offA + lda, lda, w, oVf, m, 0, w, oWk, k, w, oG);
    gemm(0, 0, k, nb, nb, 1.0, w, oWk, k, t, offT, ldt, 0, y, offY, ldy, w, oG);
  }
}
