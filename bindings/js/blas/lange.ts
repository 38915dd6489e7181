/**
 * lange — a norm of an m×n column-major matrix A (LAPACK dlange). JS mirror of assembly/blas/lange.ts.
 *
 *   norm = 0  max |aᵢⱼ|;  1  ‖A‖₁ (largest column sum);  2  ‖A‖∞ (largest row sum, m doubles of
 *   workspace);  3  ‖A‖_F (power-of-two scaled: no overflow at 1e200, no underflow at 1e-200).
 * NaN anywhere gives NaN; an empty matrix gives 0.
 */
const BIG = 3.1217485503159922e144; // 2^480
const SMALL = 3.2033329522929615e-145; // 2^-480
const SCALE_DOWN = 2.4099198651028841e-181; // 2^-600
const SCALE_UP = 4.1495155688809929e180; // 2^600

function maxNaN(r: number, v: number): number {
  return v > r || v !== v ? v : r;
}

export function lange(
  norm: number, m: number, n: number, a: Float64Array, offA: number, lda: number, w: Float64Array, offW: number,
): number {
  if (m <= 0 || n <= 0) return 0;
  let r = 0;
  if (norm === 0 || norm === 3) {
    for (let j = 0; j < n; j++) {
      const c = offA + j * lda;
      for (let i = 0; i < m; i++) r = maxNaN(r, Math.abs(a[c + i]!));
    }
    if (norm === 0 || r !== r) return r;
    let s = 1;
    if (r > BIG) s = SCALE_DOWN;
    else if (r < SMALL) s = SCALE_UP;
    let t = 0;
    for (let j = 0; j < n; j++) {
      const c = offA + j * lda;
      for (let i = 0; i < m; i++) {
        const x = s * a[c + i]!;
        t += x * x;
      }
    }
    return Math.sqrt(t) / s;
  }
  if (norm === 1) {
    for (let j = 0; j < n; j++) {
      const c = offA + j * lda;
      let s = 0;
      for (let i = 0; i < m; i++) s += Math.abs(a[c + i]!);
      r = maxNaN(r, s);
    }
    return r;
  }
  for (let i = 0; i < m; i++) w[offW + i] = 0;
  for (let j = 0; j < n; j++) {
    const c = offA + j * lda;
    for (let i = 0; i < m; i++) w[offW + i] = w[offW + i]! + Math.abs(a[c + i]!);
  }
  for (let i = 0; i < m; i++) r = maxNaN(r, w[offW + i]!);
  return r;
}
