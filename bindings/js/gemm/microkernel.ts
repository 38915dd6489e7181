/**
 * The GEMM micro-kernel: one MR×NR = 4×4 tile of C from packed micro-panels.
 *
 *   C[0:4, 0:4] ← α·(Ã·B̃) + β·C[0:4, 0:4]      (β = 0: C is not read)
 *
 * JS mirror of assembly/gemm/microkernel.ts (its scalar form, which equals the f64x2 form lane by lane).
 * Ã is kc×4 k-major at a[offA…] (4 rows of op(A) per step), B̃ is kc×4 k-major at b[offB…] (4 columns
 * of op(B) per step), both from pack.ts. C[i, j] = c[offC + i + j·ldc]. The plain loop it equals:
 *
 *   for p in 0..kc: for j in 0..4: for i in 0..4: acc[i][j] += Ã[p][i] * B̃[p][j]
 *   C[i][j] = α·acc[i][j] + β·C[i][j]
 *
 * 16 scalar accumulators, mul then add (no FMA), so the bits equal both wasm builds.
 */
export function microkernel(
  kc: number, a: Float64Array, offA: number, b: Float64Array, offB: number,
  alpha: number, beta: number, c: Float64Array, offC: number, ldc: number,
): void {
  let c00 = 0, c10 = 0, c20 = 0, c30 = 0;
  let c01 = 0, c11 = 0, c21 = 0, c31 = 0;
  let c02 = 0, c12 = 0, c22 = 0, c32 = 0;
  let c03 = 0, c13 = 0, c23 = 0, c33 = 0;
  let pa = offA;
  let pb = offB;
  const end = offA + 4 * kc;
  while (pa < end) {
    const a0 = a[pa]!, a1 = a[pa + 1]!, a2 = a[pa + 2]!, a3 = a[pa + 3]!;
    let bj = b[pb]!;
    c00 += a0 * bj; c10 += a1 * bj; c20 += a2 * bj; c30 += a3 * bj;
    bj = b[pb + 1]!;
    c01 += a0 * bj; c11 += a1 * bj; c21 += a2 * bj; c31 += a3 * bj;
    bj = b[pb + 2]!;
    c02 += a0 * bj; c12 += a1 * bj; c22 += a2 * bj; c32 += a3 * bj;
    bj = b[pb + 3]!;
    c03 += a0 * bj; c13 += a1 * bj; c23 += a2 * bj; c33 += a3 * bj;
    pa += 4;
    pb += 4;
  }
  const o0 = offC;
  const o1 = o0 + ldc;
  const o2 = o1 + ldc;
  const o3 = o2 + ldc;
  if (beta === 0) {
    c[o0] = alpha * c00; c[o0 + 1] = alpha * c10; c[o0 + 2] = alpha * c20; c[o0 + 3] = alpha * c30;
    c[o1] = alpha * c01; c[o1 + 1] = alpha * c11; c[o1 + 2] = alpha * c21; c[o1 + 3] = alpha * c31;
    c[o2] = alpha * c02; c[o2 + 1] = alpha * c12; c[o2 + 2] = alpha * c22; c[o2 + 3] = alpha * c32;
    c[o3] = alpha * c03; c[o3 + 1] = alpha * c13; c[o3 + 2] = alpha * c23; c[o3 + 3] = alpha * c33;
  } else {
    c[o0] = alpha * c00 + beta * c[o0]!;
    c[o0 + 1] = alpha * c10 + beta * c[o0 + 1]!;
    c[o0 + 2] = alpha * c20 + beta * c[o0 + 2]!;
    c[o0 + 3] = alpha * c30 + beta * c[o0 + 3]!;
    c[o1] = alpha * c01 + beta * c[o1]!;
    c[o1 + 1] = alpha * c11 + beta * c[o1 + 1]!;
    c[o1 + 2] = alpha * c21 + beta * c[o1 + 2]!;
    c[o1 + 3] = alpha * c31 + beta * c[o1 + 3]!;
    c[o2] = alpha * c02 + beta * c[o2]!;
    c[o2 + 1] = alpha * c12 + beta * c[o2 + 1]!;
    c[o2 + 2] = alpha * c22 + beta * c[o2 + 2]!;
    c[o2 + 3] = alpha * c32 + beta * c[o2 + 3]!;
    c[o3] = alpha * c03 + beta * c[o3]!;
    c[o3 + 1] = alpha * c13 + beta * c[o3 + 1]!;
    c[o3 + 2] = alpha * c23 + beta * c[o3 + 2]!;
    c[o3 + 3] = alpha * c33 + beta * c[o3 + 3]!;
  }
}
