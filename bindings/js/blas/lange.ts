/**
 * lange — a norm of an m×n column-major matrix A (LAPACK dlange)             (≈ mn flops)
 *
 *   norm = 0  max |aᵢⱼ|                       (not a matrix norm; used for scaling decisions)
 *   norm = 1  ‖A‖₁ = maxⱼ Σᵢ |aᵢⱼ|           (largest column sum)
 *   norm = 2  ‖A‖∞ = maxᵢ Σⱼ |aᵢⱼ|           (largest row sum; needs m doubles of workspace at w[offW…])
 *   norm = 3  ‖A‖_F = sqrt(Σ aᵢⱼ²)           (scaled as in nrm2.ts: no overflow at 1e200, no
 *                                            underflow at 1e-200)
 *
 * JS mirror of assembly/blas/lange.ts; A[i, j] = a[offA + i + j·lda]. NaN anywhere gives NaN (as
 * LAPACK 3.x's disnan checks do); an empty matrix gives 0. Same summation order as the wasm kernel.
 */
const BIG = 3.1217485503159922e144; // 2^480
const SMALL = 3.2033329522929615e-145; // 2^-480
const SCALE_DOWN = 2.4099198651028841e-181; // 2^-600
const SCALE_UP = 4.1495155688809929e180; // 2^600

export function lange(norm: number, m: number, n: number, a: Float64Array, offA: number, lda: number, w: Float64Array, offW: number): number {
  if (m <= 0 || n <= 0) return 0;
  let r = 0;
  // `if (v > r || v !== v) r = v` is the AS kernel's maxNaN: NaN, once seen, sticks.
  if (norm === 0 || norm === 3) {
    for (let j = 0; j < n; j++) {
      const c = offA + j * lda;
      const end = c + m;
      for (let i = c; i < end; i++) {
        const v = Math.abs(a[i]!);
        if (v > r || v !== v) r = v;
      }
    }
    if (norm === 0 || r !== r) return r;
    let s = 1;
    if (r > BIG) s = SCALE_DOWN;
    else if (r < SMALL) s = SCALE_UP;
    let t = 0;
    for (let j = 0; j < n; j++) {
      const c = offA + j * lda;
      const end = c + m;
      for (let i = c; i < end; i++) {
        const v = s * a[i]!;
        t += v * v;
      }
    }
    return Math.sqrt(t) / s;
  }
  if (norm === 1) {
    for (let j = 0; j < n; j++) {
      const c = offA + j * lda;
      const end = c + m;
      let s = 0;
      for (let i = c; i < end; i++) s += Math.abs(a[i]!);
      if (s > r || s !== s) r = s;
    }
    return r;
  }
  if (norm !== 2) return NaN; // unknown norm code: touch nothing
  // norm == 2: row sums accumulated column by column (unit stride in A).
  const wEnd = offW + m;
  for (let i = offW; i < wEnd; i++) w[i] = 0;
  for (let j = 0; j < n; j++) {
    const d = offA + j * lda - offW;
    for (let i = offW; i < wEnd; i++) w[i] = w[i]! + Math.abs(a[i + d]!);
  }
  for (let i = offW; i < wEnd; i++) {
    const v = w[i]!;
    if (v > r || v !== v) r = v;
  }
  return r;
}
