/**
 * gemvt — y ← α·Aᵀ·x, four columns per pass                              (2mn flops)
 *
 * The transposed matrix–vector product latrd needs twice per column (Wᵀ·v and Vᵀ·v, A tall and thin:
 * m up to n rows, at most nb columns). blas/gemv.ts computes it as one dot per column; a single dot
 * has one chain of dependent adds per lane, so it runs at the latency of f64x2.add, not at the speed
 * of the loads. Here four columns are accumulated side by side (four independent chains, and each
 * load of x used four times).
 *
 * Each yⱼ is evaluated in exactly the order of blas/dot.ts — lane 0 sums rows 0, 2, 4, …, lane 1 rows
 * 1, 3, 5, …, then (lane 0 + lane 1) + the odd last row — and stored as 0 + α·dot, so the result equals
 * gemv(1, m, n, α, A, lda, x, 1, 0, y, 1) bit for bit (a drop-in for the transposed path of
 * blas/gemv.ts, where it belongs once the BLAS owner takes it).
 *
 * Storage: A (m×n at `pA`, lda ≥ max(1, m)), x (m doubles at `px`), y (n doubles at `py`), unit
 * strides; y is not read. No workspace. Returns nothing.
 *
 * Reference: reference BLAS dgemv (trans = 'T'); Golub & Van Loan, 4th ed., §1.1.7 (dot-product form).
 */
import { dot } from '../../blas/dot';

export function gemvt(m: i32, n: i32, alpha: f64, pA: usize, lda: i32, px: usize, py: usize): void {
  if (n <= 0) return;
  const ldA = <usize>lda << 3;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    const c0 = pA + <usize>j * ldA;
    const c1 = c0 + ldA;
    const c2 = c1 + ldA;
    const c3 = c2 + ldA;
    let i = 0;
    let s00: f64 = 0, s01: f64 = 0, s10: f64 = 0, s11: f64 = 0;
    let s20: f64 = 0, s21: f64 = 0, s30: f64 = 0, s31: f64 = 0;
    if (ASC_FEATURE_SIMD) {
      let T0 = f64x2.splat(0);
      let T1 = f64x2.splat(0);
      let T2 = f64x2.splat(0);
      let T3 = f64x2.splat(0);
      for (; i + 1 < m; i += 2) {
        const r = <usize>i << 3;
        const xv = v128.load(px + r);
        T0 = f64x2.add(T0, f64x2.mul(v128.load(c0 + r), xv));
        T1 = f64x2.add(T1, f64x2.mul(v128.load(c1 + r), xv));
        T2 = f64x2.add(T2, f64x2.mul(v128.load(c2 + r), xv));
        T3 = f64x2.add(T3, f64x2.mul(v128.load(c3 + r), xv));
      }
      s00 = f64x2.extract_lane(T0, 0); s01 = f64x2.extract_lane(T0, 1);
      s10 = f64x2.extract_lane(T1, 0); s11 = f64x2.extract_lane(T1, 1);
      s20 = f64x2.extract_lane(T2, 0); s21 = f64x2.extract_lane(T2, 1);
      s30 = f64x2.extract_lane(T3, 0); s31 = f64x2.extract_lane(T3, 1);
    } else {
      for (; i + 1 < m; i += 2) {
        const r = <usize>i << 3;
        const xa = load<f64>(px + r);
        const xb = load<f64>(px + r, 8);
        s00 += load<f64>(c0 + r) * xa; s01 += load<f64>(c0 + r, 8) * xb;
        s10 += load<f64>(c1 + r) * xa; s11 += load<f64>(c1 + r, 8) * xb;
        s20 += load<f64>(c2 + r) * xa; s21 += load<f64>(c2 + r, 8) * xb;
        s30 += load<f64>(c3 + r) * xa; s31 += load<f64>(c3 + r, 8) * xb;
      }
    }
    let u0 = s00 + s01;
    let u1 = s10 + s11;
    let u2 = s20 + s21;
    let u3 = s30 + s31;
    if (i < m) {
      const r = <usize>i << 3;
      const xi = load<f64>(px + r);
      u0 += load<f64>(c0 + r) * xi;
      u1 += load<f64>(c1 + r) * xi;
      u2 += load<f64>(c2 + r) * xi;
      u3 += load<f64>(c3 + r) * xi;
    }
    const o = py + (<usize>j << 3);
    store<f64>(o, 0 + alpha * u0);
    store<f64>(o, 0 + alpha * u1, 8);
    store<f64>(o, 0 + alpha * u2, 16);
    store<f64>(o, 0 + alpha * u3, 24);
  }
  for (; j < n; j++) store<f64>(py + (<usize>j << 3), 0 + alpha * dot(m, pA + <usize>j * ldA, 1, px, 1));
}
