/**
 * gemul — C ← A ∘ B, the element-wise (Hadamard) product of m×n column-major matrices   (mn flops)
 *
 * A at `pA` (lda), B at `pB` (ldb), C at `pC` (ldc); C may alias A or B exactly.
 */
export function gemul(m: i32, n: i32, pA: usize, lda: i32, pB: usize, ldb: i32, pC: usize, ldc: i32): void {
  if (m <= 0 || n <= 0) return;
  for (let j = 0; j < n; j++) {
    const a = pA + ((<usize>j * <usize>lda) << 3);
    const b = pB + ((<usize>j * <usize>ldb) << 3);
    const c = pC + ((<usize>j * <usize>ldc) << 3);
    let i = 0;
    if (ASC_FEATURE_SIMD) {
      for (; i + 1 < m; i += 2) {
        const o = <usize>i << 3;
        v128.store(c + o, f64x2.mul(v128.load(a + o), v128.load(b + o)));
      }
    }
    for (; i < m; i++) {
      const o = <usize>i << 3;
      store<f64>(c + o, load<f64>(a + o) * load<f64>(b + o));
    }
  }
}
