/**
 * gemmSmall — C ← α·A·op(B) + β·C for operands small enough to need no packing        (2mnk flops)
 *
 * The blocked gemm (gemm.ts) copies A and B into packed panels before its micro-kernel runs; when the
 * whole product is one block (k ≤ KC, so one pass over k) and the operands are small (m, n, k ≤ 64:
 * A and B together ≤ 64 KiB, resident in cache), the copies are pure overhead — a tenth of a 64×64
 * product. Here the 4×4 register tile reads A and B where they are: A's column p gives rows i…i+3 as
 * two v128 loads, op(B)'s row p gives the four broadcasts (B[p, j…j+3] a column stride apart, or Bᵀ's
 * four consecutive entries).
 *
 * The bits are the blocked path's: every entry of C is acc = Σₚ a·b accumulated from 0 in p order with
 * one multiply and one add per term (the micro-kernel's madd without FMA), then α·acc, then + β·c when
 * β ≠ 0 — the same operations whatever the tile, so edge rows and columns (m or n not a multiple of 4)
 * take a scalar loop with those operations.
 *
 * Taken only in the SIMD build without relaxed SIMD (the 4×4 tile; the relaxed build's 6×3 FMA tile
 * and the scalar build keep the blocked path), for A not transposed, k ≤ the KC in force, and
 * m, n, k ≤ 64; returns false otherwise (the caller runs the blocked path).
 *
 * References: Goto & van de Geijn, ACM TOMS 34(3), 2008 (when packing pays); Van Zee & van de Geijn,
 * BLIS, ACM TOMS 41(3), 2015.
 */
import { MR, NR } from './blocking';
import { tuneI, T_GEMM_KC } from '../tuning';
import { storeTile } from './microkernel';

const MAX: i32 = 64;

export function gemmSmall(
  transA: i32, transB: i32, m: i32, n: i32, k: i32, alpha: f64,
  pA: usize, lda: i32, pB: usize, ldb: i32,
  beta: f64, pC: usize, ldc: i32,
): bool {
  if (!ASC_FEATURE_SIMD || ASC_FEATURE_RELAXED_SIMD || MR != 4 || NR != 4) return false;
  if (transA != 0 || m > MAX || n > MAX || k > MAX || k > tuneI(T_GEMM_KC)) return false;
  const ldA = <usize>lda << 3;
  const ldB = <usize>ldb << 3;
  const ldC = <usize>ldc << 3;
  // op(B)[p, j] at pB + p·sp + j·sj
  const sp: usize = transB ? ldB : 8;
  const sj: usize = transB ? 8 : ldB;
  const m4 = m & ~3;
  const n4 = n & ~3;
  for (let j = 0; j < n4; j += 4) {
    const pb0 = pB + <usize>j * sj;
    for (let i = 0; i < m4; i += 4) tile(k, pA + (<usize>i << 3), ldA, pb0, sp, sj, alpha, beta, pC + (<usize>i << 3) + <usize>j * ldC, ldC);
  }
  // edges: rows m4… of every column, then columns n4… of rows 0…m4−1
  for (let j = 0; j < n; j++) {
    const i0 = j < n4 ? m4 : 0;
    for (let i = i0; i < m; i++) {
      let acc: f64 = 0;
      let pa = pA + (<usize>i << 3);
      let pb = pB + <usize>j * sj;
      for (let p = 0; p < k; p++, pa += ldA, pb += sp) acc = acc + load<f64>(pa) * load<f64>(pb);
      const pc = pC + (<usize>i << 3) + <usize>j * ldC;
      const t = alpha * acc;
      store<f64>(pc, beta == 0 ? t : t + beta * load<f64>(pc));
    }
  }
  return true;
}

/** One 4×4 tile of C: the micro-kernel's accumulation and store, reading A and op(B) in place. */
// @ts-ignore: decorator
@inline function tile(k: i32, pa: usize, ldA: usize, pb: usize, sp: usize, sj: usize, alpha: f64, beta: f64, pc: usize, ldC: usize): void {
  let c00 = f64x2.splat(0), c10 = f64x2.splat(0);
  let c01 = f64x2.splat(0), c11 = f64x2.splat(0);
  let c02 = f64x2.splat(0), c12 = f64x2.splat(0);
  let c03 = f64x2.splat(0), c13 = f64x2.splat(0);
  const pb1 = pb + sj;
  const pb2 = pb1 + sj;
  const pb3 = pb2 + sj;
  for (let p: usize = 0, o: usize = 0; p < <usize>k; p++, pa += ldA, o += sp) {
    const a0 = v128.load(pa);
    const a1 = v128.load(pa, 16);
    let b = v128.load64_splat(pb + o);
    c00 = f64x2.add(c00, f64x2.mul(a0, b));
    c10 = f64x2.add(c10, f64x2.mul(a1, b));
    b = v128.load64_splat(pb1 + o);
    c01 = f64x2.add(c01, f64x2.mul(a0, b));
    c11 = f64x2.add(c11, f64x2.mul(a1, b));
    b = v128.load64_splat(pb2 + o);
    c02 = f64x2.add(c02, f64x2.mul(a0, b));
    c12 = f64x2.add(c12, f64x2.mul(a1, b));
    b = v128.load64_splat(pb3 + o);
    c03 = f64x2.add(c03, f64x2.mul(a0, b));
    c13 = f64x2.add(c13, f64x2.mul(a1, b));
  }
  storeTile(pc, ldC, alpha, beta, c00, c10, c01, c11, c02, c12, c03, c13);
}
