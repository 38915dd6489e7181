/**
 * gemm — C ← α·op(A)·op(B) + β·C                         (BLAS dgemm; 2mnk flops)
 *
 * JS mirror of assembly/gemm/gemm.ts. op(A) is m×k, op(B) is k×n, C is m×n; all column-major with
 * X[i, j] = x[offX + i + j·ldx]. op(X) = X (trans = 0) or Xᵀ (trans = 1), so A is m×k (lda ≥ m) or
 * k×m (lda ≥ k), B is k×n (ldb ≥ k) or n×k (ldb ≥ n), ldc ≥ m. β = 0 means C is not read (BLAS
 * convention); α = 0 or k = 0 means A and B are not read.
 *
 * Workspace: w[offW…], `gemmScratch(m, n, k)` doubles (packed A block, packed B block and one MR×NR
 * edge tile). Nothing is allocated here.
 *
 * The five loops of Goto & van de Geijn (ACM TOMS 34(3), 2008) in BLIS order:
 *
 *   for jc in 0..n step NC                      B̃ ← pack op(B)[pc:pc+kc, jc:jc+nc]
 *     for pc in 0..k step KC                    β' = β on the first pc block, then 1
 *       for ic in 0..m step MC                  Ã ← pack op(A)[ic:ic+mc, pc:pc+kc]
 *         for jr in 0..nc step NR
 *           for ir in 0..mc step MR             C tile ← α·Ã_ir·B̃_jr + β'·tile
 *
 * Tiles cut by the edge of C are computed into the edge tile and only their live part is merged.
 * Same blocking and operation order as the wasm kernels, so the results agree bit for bit.
 */
import { MR, NR } from './blocking.js';
import { tune, T_GEMM_MC, T_GEMM_KC, T_GEMM_NC } from '../tuning.js';
import { packA, packB } from './pack.js';
import { microkernel } from './microkernel.js';

function roundUp(x: number, r: number): number {
  return (((x + r - 1) / r) | 0) * r;
}

/** Doubles of workspace `gemm` needs for these sizes with the blocking in force. */
export function gemmScratch(m: number, n: number, k: number): number {
  if (m <= 0 || n <= 0 || k <= 0) return MR * NR;
  const mc = roundUp(Math.min(m, tune(T_GEMM_MC)), MR);
  const kc = Math.min(k, tune(T_GEMM_KC));
  const nc = roundUp(Math.min(n, tune(T_GEMM_NC)), NR);
  return mc * kc + kc * nc + MR * NR;
}

export function gemm(
  transA: number, transB: number, m: number, n: number, k: number, alpha: number,
  a: Float64Array, offA: number, lda: number, b: Float64Array, offB: number, ldb: number,
  beta: number, c: Float64Array, offC: number, ldc: number, w: Float64Array, offW: number,
): void {
  if (m <= 0 || n <= 0) return;
  if (k <= 0 || alpha === 0) {
    scaleC(m, n, beta, c, offC, ldc);
    return;
  }
  if (m * n * k <= TINY && k <= tune(T_GEMM_KC)) {
    tiny(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
    return;
  }
  const mcB = tune(T_GEMM_MC);
  const kcB = tune(T_GEMM_KC);
  const ncB = tune(T_GEMM_NC);
  const mcMax = roundUp(Math.min(m, mcB), MR);
  const kcMax = Math.min(k, kcB);
  const offAw = offW;
  const offBw = offAw + mcMax * kcMax;
  const offT = offBw + kcMax * roundUp(Math.min(n, ncB), NR);

  for (let jc = 0; jc < n; jc += ncB) {
    const nc = Math.min(ncB, n - jc);
    for (let pc = 0; pc < k; pc += kcB) {
      const kc = Math.min(kcB, k - pc);
      const bt = pc === 0 ? beta : 1.0;
      // op(B)[pc, jc] is B[pc + jc·ldb] (no transpose) or B[jc + pc·ldb] (transpose).
      const srcB = transB ? offB + jc + pc * ldb : offB + pc + jc * ldb;
      packB(transB, kc, nc, b, srcB, ldb, w, offBw);
      for (let ic = 0; ic < m; ic += mcB) {
        const mc = Math.min(mcB, m - ic);
        const srcA = transA ? offA + pc + ic * lda : offA + ic + pc * lda;
        packA(transA, mc, kc, a, srcA, lda, w, offAw);
        macroKernel(mc, nc, kc, w, offAw, offBw, alpha, bt, c, offC + ic + jc * ldc, ldc, offT);
      }
    }
  }
}

/**
 * All MR×NR tiles of one mc×nc block of C against the packed Ã (mc×kc at w[pa…]) and B̃ (kc×nc at
 * w[pb…]); the edge tile is w[pT…].
 */
function macroKernel(
  mc: number, nc: number, kc: number, w: Float64Array, pa: number, pb: number,
  alpha: number, beta: number, c: Float64Array, offC: number, ldc: number, pT: number,
): void {
  const panelA = kc * MR;
  const panelB = kc * NR;
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = Math.min(NR, nc - jr);
    const ob = pb + (jr / NR) * panelB;
    for (let ir = 0; ir < mc; ir += MR) {
      const mr = Math.min(MR, mc - ir);
      const oa = pa + (ir / MR) * panelA;
      const oc = offC + ir + jr * ldc;
      if (mr === MR && nr === NR) {
        microkernel(kc, w, oa, w, ob, alpha, beta, c, oc, ldc);
      } else {
        microkernel(kc, w, oa, w, ob, alpha, 0, w, pT, MR);
        for (let j = 0; j < nr; j++) {
          const cj = oc + j * ldc;
          const tj = pT + j * MR;
          for (let i = 0; i < mr; i++) {
            const t = w[tj + i]!;
            c[cj + i] = beta === 0 ? t : t + beta * c[cj + i]!;
          }
        }
      }
    }
  }
}

/**
 * Products of at most this many multiply-adds skip the packing (JS only: for a 4×4 product, sizing
 * and packing cost more than the arithmetic, and the JS mirrors are what small matrices run on).
 */
const TINY = 256;

/**
 * The direct form of gemm for tiny sizes, with the packed path's exact arithmetic: one k-block
 * (k ≤ KC), each C[i, j] accumulated from 0 over p in order with a multiply then an add, as the
 * micro-kernel's lane (i, j) does, then α·acc, plus β·C[i, j] when β ≠ 0 — so the bits are those of
 * the packed path (and of the wasm kernels), which test/kernels/gemm checks at these sizes.
 */
function tiny(
  transA: number, transB: number, m: number, n: number, k: number, alpha: number,
  a: Float64Array, offA: number, lda: number, b: Float64Array, offB: number, ldb: number,
  beta: number, c: Float64Array, offC: number, ldc: number,
): void {
  // op(A)[i, p] = a[offA + i·sai + p·sap], op(B)[p, j] = b[offB + p·sbp + j·sbj].
  const sai = transA ? lda : 1;
  const sap = transA ? 1 : lda;
  const sbp = transB ? ldb : 1;
  const sbj = transB ? 1 : ldb;
  for (let j = 0; j < n; j++) {
    const bj = offB + j * sbj;
    const cj = offC + j * ldc;
    for (let i = 0; i < m; i++) {
      const ai = offA + i * sai;
      let acc = 0;
      for (let p = 0; p < k; p++) acc += a[ai + p * sap]! * b[bj + p * sbp]!;
      c[cj + i] = beta === 0 ? alpha * acc : alpha * acc + beta * c[cj + i]!;
    }
  }
}

/** C ← β·C, with β = 0 writing zeros (C not read). */
function scaleC(m: number, n: number, beta: number, c: Float64Array, offC: number, ldc: number): void {
  if (beta === 1) return;
  for (let j = 0; j < n; j++) {
    const cj = offC + j * ldc;
    for (let i = 0; i < m; i++) c[cj + i] = beta === 0 ? 0 : beta * c[cj + i]!;
  }
}
