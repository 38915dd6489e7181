/**
 * The GEMM micro-kernel: one MR×NR tile of C from packed micro-panels — 4×4 in the SIMD and scalar
 * builds, 6×3 with fused multiply-adds in the relaxed-SIMD build (below; blocking.ts picks the tile).
 *
 *   C[0:4, 0:4] ← α·(Ã·B̃) + β·C[0:4, 0:4]      (β = 0: C is not read)
 *
 * Ã is kc×4 k-major (4 rows of op(A) per step), B̃ is kc×4 k-major (4 columns of op(B) per step),
 * both from pack.ts. C is column-major with leading dimension ldc. The plain loop it equals:
 *
 *   for p in 0..kc: for j in 0..4: for i in 0..4: acc[i][j] += Ã[p][i] * B̃[p][j]
 *   C[i][j] = α·acc[i][j] + β·C[i][j]
 *
 * Registers (see blocking.ts): accumulators c{i}{j} hold rows 2i, 2i+1 of column j (8 × f64x2), plus
 * a0, a1 (rows 0–1, 2–3 of Ã), four broadcasts of B̃ and one product temporary: 15. The k loop is
 * deliberately not unrolled by hand — Binaryen would fold the copies into one expression tree and V8
 * would then keep every load live at once and spill (measured: 11.4 → 6.6 GFLOP/s); V8 unrolls it.
 * mul then add, not FMA, so the JS mirror (bindings/js/gemm/microkernel.ts) gives the same bits.
 *
 * The relaxed-SIMD build (ASC_FEATURE_RELAXED_SIMD: `--enable relaxed-simd`, build/wasm-linalg.relaxed.wasm)
 * uses `f64x2.relaxed_madd` instead (madd below), which the engine may fuse (one rounding) or not (two),
 * so it is not bit-identical to the mirror; its tile is 6×3 (microkernel6x3): 9 accumulators + 3 vectors
 * of Ã + 3 broadcasts of B̃ = 15 registers, which fits V8's 15 only because an FMA needs no product
 * temporary (the 3×6 FMA tile of shared/NOTES.md, transposed to our column-major C); per k step 6 loads
 * feed 9 FMAs instead of 8. On ARM and most Intel cores an FMA nearly doubles the 128-bit peak; on this
 * repo's Zen 5 (2 multiply + 2 add pipes) it cannot. Measured there (Node 22.23, raw gemm calls, the
 * binaries timed in alternation, median of 15 rounds; the 2-vCPU host was shared, load average 7–16,
 * so only ratios within one run mean anything), GFLOP/s at n = 256 / 512 / 1024:
 *
 *   run   SIMD 4×4 mul+add       relaxed 4×4 FMA        relaxed 6×3 FMA
 *   1     16.6 / 14.9 / 12.6     –                      18.5 / 20.5 / 14.5
 *   2     10.9 / 19.4 /  9.2     11.6 / 21.2 / 10.0     12.5 / 20.4 / 10.8
 *   3     15.1 / 11.5 /  8.2     12.5 / 12.4 / 10.3     12.9 / 11.5 / 10.0
 *   4      8.3 /  9.3 /  7.5      8.1 / 10.6 /  7.6      8.1 / 10.8 /  8.2
 *
 * relaxed 6×3 / SIMD = 0.86–1.38 (median 1.13) and 6×3 / 4×4 FMA = 0.93–1.08: no gain this noise can
 * resolve, as expected on Zen 5 (a quiet `npm run bench -- --build …` run settles it). 6×3 is kept for
 * the cores where FMA pays: more independent accumulators (9 vs 8) to hide the FMA latency and fewer
 * loads per flop — the shape that measured 14–17.7 GFLOP/s against 11–13.7 for 4×4 mul+add on an
 * earlier host of this machine kind (shared/NOTES.md). Going back to 4×4 FMA for relaxed is MR and NR
 * in blocking.ts (madd already serves the 4×4 kernel).
 */
import { MR, NR } from './blocking';

export function microkernel(kc: i32, pa: usize, pb: usize, alpha: f64, beta: f64, pc: usize, ldc: i32): void {
  if (ASC_FEATURE_RELAXED_SIMD && MR == 6 && NR == 3) {
    microkernel6x3(kc, pa, pb, alpha, beta, pc, ldc);
  } else if (ASC_FEATURE_SIMD && MR == 4 && NR == 4) {
    let c00 = f64x2.splat(0), c10 = f64x2.splat(0);
    let c01 = f64x2.splat(0), c11 = f64x2.splat(0);
    let c02 = f64x2.splat(0), c12 = f64x2.splat(0);
    let c03 = f64x2.splat(0), c13 = f64x2.splat(0);
    for (let p = 0; p < kc; p++) {
      const a0 = v128.load(pa);
      const a1 = v128.load(pa, 16);
      let b = v128.load64_splat(pb);
      c00 = madd(a0, b, c00);
      c10 = madd(a1, b, c10);
      b = v128.load64_splat(pb, 8);
      c01 = madd(a0, b, c01);
      c11 = madd(a1, b, c11);
      b = v128.load64_splat(pb, 16);
      c02 = madd(a0, b, c02);
      c12 = madd(a1, b, c12);
      b = v128.load64_splat(pb, 24);
      c03 = madd(a0, b, c03);
      c13 = madd(a1, b, c13);
      pa += MR << 3;
      pb += NR << 3;
    }
    storeTile(pc, <usize>ldc << 3, alpha, beta, c00, c10, c01, c11, c02, c12, c03, c13);
  } else {
    microkernelScalar(kc, pa, pb, alpha, beta, pc, ldc);
  }
}

/**
 * C[0:4, 0:4] ← α·acc (β = 0: C not read) or α·acc + β·C, the 4×4 tile's accumulators c{row pair}{column}
 * (the micro-kernel's store; also gemmSmall's, small.ts, so both paths give an entry the same operations).
 */
// @ts-ignore: decorator
@inline export function storeTile(
  pc: usize, ldC: usize, alpha: f64, beta: f64,
  c00: v128, c10: v128, c01: v128, c11: v128, c02: v128, c12: v128, c03: v128, c13: v128,
): void {
  const va = f64x2.splat(alpha);
  if (beta == 0) {
    v128.store(pc, f64x2.mul(va, c00));
    v128.store(pc, f64x2.mul(va, c10), 16);
    pc += ldC;
    v128.store(pc, f64x2.mul(va, c01));
    v128.store(pc, f64x2.mul(va, c11), 16);
    pc += ldC;
    v128.store(pc, f64x2.mul(va, c02));
    v128.store(pc, f64x2.mul(va, c12), 16);
    pc += ldC;
    v128.store(pc, f64x2.mul(va, c03));
    v128.store(pc, f64x2.mul(va, c13), 16);
  } else {
    const vb = f64x2.splat(beta);
    v128.store(pc, f64x2.add(f64x2.mul(va, c00), f64x2.mul(vb, v128.load(pc))));
    v128.store(pc, f64x2.add(f64x2.mul(va, c10), f64x2.mul(vb, v128.load(pc, 16))), 16);
    pc += ldC;
    v128.store(pc, f64x2.add(f64x2.mul(va, c01), f64x2.mul(vb, v128.load(pc))));
    v128.store(pc, f64x2.add(f64x2.mul(va, c11), f64x2.mul(vb, v128.load(pc, 16))), 16);
    pc += ldC;
    v128.store(pc, f64x2.add(f64x2.mul(va, c02), f64x2.mul(vb, v128.load(pc))));
    v128.store(pc, f64x2.add(f64x2.mul(va, c12), f64x2.mul(vb, v128.load(pc, 16))), 16);
    pc += ldC;
    v128.store(pc, f64x2.add(f64x2.mul(va, c03), f64x2.mul(vb, v128.load(pc))));
    v128.store(pc, f64x2.add(f64x2.mul(va, c13), f64x2.mul(vb, v128.load(pc, 16))), 16);
  }
}

/**
 * Relaxed-SIMD build: the 6×3 tile with fused multiply-adds. Accumulators c{i}{j} hold rows 2i, 2i+1
 * of column j (9 × f64x2), plus a0, a1, a2 (rows 0–1, 2–3, 4–5 of Ã) and three broadcasts of B̃: 15,
 * with no product temporary (the FMA needs none). Per k step: 6 loads for 9 FMAs (the 4×4 tile: 6
 * loads for 8 multiply-adds).
 */
function microkernel6x3(kc: i32, pa: usize, pb: usize, alpha: f64, beta: f64, pc: usize, ldc: i32): void {
  let c00 = f64x2.splat(0), c10 = f64x2.splat(0), c20 = f64x2.splat(0);
  let c01 = f64x2.splat(0), c11 = f64x2.splat(0), c21 = f64x2.splat(0);
  let c02 = f64x2.splat(0), c12 = f64x2.splat(0), c22 = f64x2.splat(0);
  for (let p = 0; p < kc; p++) {
    const a0 = v128.load(pa);
    const a1 = v128.load(pa, 16);
    const a2 = v128.load(pa, 32);
    let b = v128.load64_splat(pb);
    c00 = madd(a0, b, c00);
    c10 = madd(a1, b, c10);
    c20 = madd(a2, b, c20);
    b = v128.load64_splat(pb, 8);
    c01 = madd(a0, b, c01);
    c11 = madd(a1, b, c11);
    c21 = madd(a2, b, c21);
    b = v128.load64_splat(pb, 16);
    c02 = madd(a0, b, c02);
    c12 = madd(a1, b, c12);
    c22 = madd(a2, b, c22);
    pa += MR << 3;
    pb += NR << 3;
  }
  const ld = <usize>ldc << 3;
  storeCol3(pc, alpha, beta, c00, c10, c20);
  storeCol3(pc + ld, alpha, beta, c01, c11, c21);
  storeCol3(pc + 2 * ld, alpha, beta, c02, c12, c22);
}

/** One column of the 6×3 tile: C[0:6, j] ← α·x + β·C[0:6, j] (β = 0: C not read). */
// @ts-ignore: decorator
@inline function storeCol3(pc: usize, alpha: f64, beta: f64, x0: v128, x1: v128, x2: v128): void {
  const va = f64x2.splat(alpha);
  if (beta == 0) {
    v128.store(pc, f64x2.mul(va, x0));
    v128.store(pc, f64x2.mul(va, x1), 16);
    v128.store(pc, f64x2.mul(va, x2), 32);
  } else {
    const vb = f64x2.splat(beta);
    v128.store(pc, f64x2.add(f64x2.mul(va, x0), f64x2.mul(vb, v128.load(pc))));
    v128.store(pc, f64x2.add(f64x2.mul(va, x1), f64x2.mul(vb, v128.load(pc, 16))), 16);
    v128.store(pc, f64x2.add(f64x2.mul(va, x2), f64x2.mul(vb, v128.load(pc, 32))), 32);
  }
}

/**
 * c + a·b: one fused multiply-add in the relaxed-SIMD build (`f64x2.relaxed_madd`; the engine may
 * still round twice — JavaScriptCore does), a multiply then an add otherwise (the JS mirror's bits).
 */
// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(c, f64x2.mul(a, b));
}

/** Scalar build: the same tile with 16 scalar accumulators (mirrors the JS backend's kernel). */
function microkernelScalar(kc: i32, pa: usize, pb: usize, alpha: f64, beta: f64, pc: usize, ldc: i32): void {
  let c00: f64 = 0, c10: f64 = 0, c20: f64 = 0, c30: f64 = 0;
  let c01: f64 = 0, c11: f64 = 0, c21: f64 = 0, c31: f64 = 0;
  let c02: f64 = 0, c12: f64 = 0, c22: f64 = 0, c32: f64 = 0;
  let c03: f64 = 0, c13: f64 = 0, c23: f64 = 0, c33: f64 = 0;
  for (let p = 0; p < kc; p++) {
    const a0 = load<f64>(pa), a1 = load<f64>(pa, 8), a2 = load<f64>(pa, 16), a3 = load<f64>(pa, 24);
    let b = load<f64>(pb);
    c00 += a0 * b; c10 += a1 * b; c20 += a2 * b; c30 += a3 * b;
    b = load<f64>(pb, 8);
    c01 += a0 * b; c11 += a1 * b; c21 += a2 * b; c31 += a3 * b;
    b = load<f64>(pb, 16);
    c02 += a0 * b; c12 += a1 * b; c22 += a2 * b; c32 += a3 * b;
    b = load<f64>(pb, 24);
    c03 += a0 * b; c13 += a1 * b; c23 += a2 * b; c33 += a3 * b;
    pa += MR << 3;
    pb += NR << 3;
  }
  const ld = <usize>ldc << 3;
  storeCol(pc, alpha, beta, c00, c10, c20, c30);
  storeCol(pc + ld, alpha, beta, c01, c11, c21, c31);
  storeCol(pc + 2 * ld, alpha, beta, c02, c12, c22, c32);
  storeCol(pc + 3 * ld, alpha, beta, c03, c13, c23, c33);
}

// @ts-ignore: decorator
@inline function storeCol(pc: usize, alpha: f64, beta: f64, x0: f64, x1: f64, x2: f64, x3: f64): void {
  if (beta == 0) {
    store<f64>(pc, alpha * x0);
    store<f64>(pc, alpha * x1, 8);
    store<f64>(pc, alpha * x2, 16);
    store<f64>(pc, alpha * x3, 24);
  } else {
    store<f64>(pc, alpha * x0 + beta * load<f64>(pc));
    store<f64>(pc, alpha * x1 + beta * load<f64>(pc, 8), 8);
    store<f64>(pc, alpha * x2 + beta * load<f64>(pc, 16), 16);
    store<f64>(pc, alpha * x3 + beta * load<f64>(pc, 24), 24);
  }
}
