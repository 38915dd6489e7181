/**
 * gemm — C ← α·op(A)·op(B) + β·C                         (BLAS dgemm; 2mnk flops)
 *
 * op(A) is m×k, op(B) is k×n, C is m×n; all column-major. op(X) = X (trans = 0) or Xᵀ (trans = 1),
 * so A is m×k (lda ≥ m) or k×m (lda ≥ k), B is k×n (ldb ≥ k) or n×k (ldb ≥ n), ldc ≥ m.
 * β = 0 means C is not read (BLAS convention); α = 0 or k = 0 means A and B are not read.
 *
 * Workspace: `pw`, 16-byte aligned, `gemmScratch(m, n, k)` doubles (packed A block, packed B block and
 * one MR×NR edge tile; in a threaded build one such set per thread). Nothing is allocated here.
 *
 * Threaded builds: a product large enough is split over the pool by blocks of C's columns or rows
 * (thread/jobs.ts), each block computed by this serial code exactly as here — the same bits for every
 * thread count.
 *
 * The five loops of Goto & van de Geijn (ACM TOMS 34(3), 2008) in BLIS order:
 *
 *   for jc in 0..n step NC                      B̃ ← pack op(B)[pc:pc+kc, jc:jc+nc]   (L3)
 *     for pc in 0..k step KC                    β' = β on the first pc block, then 1
 *       for ic in 0..m step MC                  Ã ← pack op(A)[ic:ic+mc, pc:pc+kc]   (L2)
 *         for jr in 0..nc step NR
 *           for ir in 0..mc step MR             C[ic+ir, jc+jr] tile ← α·Ã_ir·B̃_jr + β'·tile   (registers)
 *
 * Tiles cut by the edge of C are computed into the edge tile and only their live part is merged.
 */
import { MR, NR } from './blocking';
import { tuneI, T_GEMM_MC, T_GEMM_KC, T_GEMM_NC } from '../tuning';
import { packA, packB } from './pack';
import { microkernel } from './microkernel';
import { gemmSmall } from './small';
import { perThread } from '../thread/pool';
import { gemmPar } from '../thread/jobs';

function roundUp(x: i32, r: i32): i32 {
  return ((x + r - 1) / r) * r;
}

/**
 * Doubles of workspace `gemm` needs for these sizes with the blocking in force: one thread's
 * (`gemmScratch1`) times the threads it may split over (threaded builds; thread/jobs.ts).
 */
export function gemmScratch(m: i32, n: i32, k: i32): i32 {
  return perThread(gemmScratch1(m, n, k));
}

/** Doubles of workspace one thread's serial `gemm` needs for these sizes. */
export function gemmScratch1(m: i32, n: i32, k: i32): i32 {
  if (m <= 0 || n <= 0 || k <= 0) return MR * NR;
  const mc = roundUp(min(m, tuneI(T_GEMM_MC)), MR);
  const kc = min(k, tuneI(T_GEMM_KC));
  const nc = roundUp(min(n, tuneI(T_GEMM_NC)), NR);
  return mc * kc + kc * nc + MR * NR;
}

export function gemm(
  transA: i32, transB: i32, m: i32, n: i32, k: i32, alpha: f64,
  pA: usize, lda: i32, pB: usize, ldb: i32,
  beta: f64, pC: usize, ldc: i32, pw: usize,
): void {
  if (ASC_FEATURE_THREADS && gemmPar(transA, transB, m, n, k, alpha, pA, lda, pB, ldb, beta, pC, ldc, pw)) return;
  gemmSerial(transA, transB, m, n, k, alpha, pA, lda, pB, ldb, beta, pC, ldc, pw);
}

/** gemm on the calling thread alone (workspace: `gemmScratch1(m, n, k)` doubles). */
export function gemmSerial(
  transA: i32, transB: i32, m: i32, n: i32, k: i32, alpha: f64,
  pA: usize, lda: i32, pB: usize, ldb: i32,
  beta: f64, pC: usize, ldc: i32, pw: usize,
): void {
  if (m <= 0 || n <= 0) return;
  const ldC = <usize>ldc << 3;
  if (k <= 0 || alpha == 0) {
    scaleC(m, n, beta, pC, ldC);
    return;
  }
  if (gemmSmall(transA, transB, m, n, k, alpha, pA, lda, pB, ldb, beta, pC, ldc)) return; // small operands: no packing (small.ts)
  const MC = tuneI(T_GEMM_MC);
  const KC = tuneI(T_GEMM_KC);
  const NC = tuneI(T_GEMM_NC);
  const mcMax = roundUp(min(m, MC), MR);
  const kcMax = min(k, KC);
  const pAw = pw;
  const pBw = pAw + ((<usize>mcMax * <usize>kcMax) << 3);
  const pT = pBw + ((<usize>kcMax * <usize>roundUp(min(n, NC), NR)) << 3);
  const ldA = <usize>lda << 3;
  const ldB = <usize>ldb << 3;

  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      const b = pc == 0 ? beta : 1.0;
      // op(B)[pc, jc] is B[pc + jc·ldb] (no transpose) or B[jc + pc·ldb] (transpose).
      const srcB = transB ? pB + (<usize>jc << 3) + <usize>pc * ldB : pB + (<usize>pc << 3) + <usize>jc * ldB;
      packB(transB, kc, nc, srcB, ldb, pBw);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        const srcA = transA ? pA + (<usize>pc << 3) + <usize>ic * ldA : pA + (<usize>ic << 3) + <usize>pc * ldA;
        packA(transA, mc, kc, srcA, lda, pAw);
        macroKernel(mc, nc, kc, pAw, pBw, alpha, b, pC + (<usize>ic << 3) + <usize>jc * ldC, ldc, pT);
      }
    }
  }
}

/** All MR×NR tiles of one mc×nc block of C against the packed Ã (mc×kc) and B̃ (kc×nc). */
function macroKernel(mc: i32, nc: i32, kc: i32, pa: usize, pb: usize, alpha: f64, beta: f64, pC: usize, ldc: i32, pT: usize): void {
  const ldC = <usize>ldc << 3;
  const panelA = <usize>(kc * MR) << 3;
  const panelB = <usize>(kc * NR) << 3;
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = min(NR, nc - jr);
    const b = pb + <usize>(jr / NR) * panelB;
    for (let ir = 0; ir < mc; ir += MR) {
      const mr = min(MR, mc - ir);
      const a = pa + <usize>(ir / MR) * panelA;
      const c = pC + (<usize>ir << 3) + <usize>jr * ldC;
      if (mr == MR && nr == NR) {
        microkernel(kc, a, b, alpha, beta, c, ldc);
      } else {
        microkernel(kc, a, b, alpha, 0, pT, MR);
        for (let j = 0; j < nr; j++) {
          const cj = c + <usize>j * ldC;
          const tj = pT + (<usize>(j * MR) << 3);
          for (let i = 0; i < mr; i++) {
            const o = <usize>i << 3;
            const t = load<f64>(tj + o);
            store<f64>(cj + o, beta == 0 ? t : t + beta * load<f64>(cj + o));
          }
        }
      }
    }
  }
}

/** C ← β·C, with β = 0 writing zeros (C not read). */
function scaleC(m: i32, n: i32, beta: f64, pC: usize, ldC: usize): void {
  if (beta == 1) return;
  for (let j = 0; j < n; j++) {
    const c = pC + <usize>j * ldC;
    for (let i = 0; i < m; i++) {
      const o = <usize>i << 3;
      store<f64>(c + o, beta == 0 ? 0 : beta * load<f64>(c + o));
    }
  }
}
