/**
 * Exact power-of-two scaling for the eigenvalue routines (steqr, sterf, syev).
 *
 * LAPACK scales a matrix into a safe range with dlascl (a multiplication by cto/cfrom, rounded). Here
 * the factor is always 2^k, chosen from the binary exponent of the norm, so the scaling and its undoing
 * are exact (barring underflow into subnormals) and every backend picks the same k from integer bit
 * arithmetic — no log2, whose last bit may differ between engines.
 *
 *   ilog2(x)            ⌊log₂|x|⌋ for finite x ≠ 0 (subnormals included); 1024 for ±Inf/NaN
 *   pow2(k)             2^k for −1074 ≤ k ≤ 1023, built from its bits
 *   scalePow2(n, p, k)  p[0:n] ← p[0:n]·2^k (unit stride); |k| > 1000 is done in two exact steps
 *                       ordered so the intermediate neither overflows nor rounds before the last step
 */

export function ilog2(x: f64): i32 {
  let b = reinterpret<u64>(x);
  let e = <i32>((b >> 52) & 0x7ff);
  if (e == 0) {
    // subnormal: x·2^64 is normal
    b = reinterpret<u64>(x * 18446744073709551616.0);
    return <i32>((b >> 52) & 0x7ff) - 1023 - 64;
  }
  return e - 1023;
}

export function pow2(k: i32): f64 {
  if (k >= -1022) return reinterpret<f64>(<u64>(k + 1023) << 52);
  return reinterpret<f64>(<u64>1 << <u64>(k + 1074));
}

export function scalePow2(n: i32, p: usize, k: i32): void {
  if (k == 0) return;
  let s1: f64 = 1;
  let s2 = pow2(k);
  if (k > 1000) {
    // up: both steps grow, only the last one can round (it cannot: the result is normal)
    s1 = pow2(1000);
    s2 = pow2(k - 1000);
  } else if (k < -1000) {
    // down: the first step is exact (result ≥ 2^-74 for any finite input that was scaled up), the
    // second rounds once
    s1 = pow2(k + 1000);
    s2 = pow2(-1000);
  }
  for (let i = 0; i < n; i++) {
    const o = p + (<usize>i << 3);
    let x = load<f64>(o);
    if (s1 != 1) x *= s1;
    store<f64>(o, x * s2);
  }
}
