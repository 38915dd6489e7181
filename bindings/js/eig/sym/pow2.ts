/**
 * Exact power-of-two scaling for the eigenvalue routines (steqr, sterf, syev).
 *
 * JS mirror of assembly/eig/sym/pow2.ts (read it for why powers of two). The exponent is read from the
 * bits (a DataView), never from Math.log2, so every backend picks the same k.
 *
 *   ilog2(x)            ⌊log₂|x|⌋ for finite x ≠ 0 (subnormals included); 1024 for ±Inf/NaN
 *   pow2(k)             2^k for −1074 ≤ k ≤ 1023, built from its bits
 *   scalePow2(n, x, off, k)   x[off:off+n] ← x·2^k; |k| > 1000 in two exact steps
 */
const view = new DataView(new ArrayBuffer(8));

function hiWord(x: number): number {
  view.setFloat64(0, x, true);
  return view.getUint32(4, true);
}

export function ilog2(x: number): number {
  const e = (hiWord(x) >>> 20) & 0x7ff;
  if (e === 0) return ((hiWord(x * 18446744073709551616.0) >>> 20) & 0x7ff) - 1023 - 64; // subnormal: x·2^64
  return e - 1023;
}

export function pow2(k: number): number {
  if (k >= -1022) {
    view.setUint32(0, 0, true);
    view.setUint32(4, (k + 1023) << 20, true);
  } else {
    const b = k + 1074; // 0 … 51
    view.setUint32(0, b < 32 ? 2 ** b : 0, true);
    view.setUint32(4, b < 32 ? 0 : 2 ** (b - 32), true);
  }
  return view.getFloat64(0, true);
}

export function scalePow2(n: number, x: Float64Array, off: number, k: number): void {
  if (k === 0) return;
  let s1 = 1;
  let s2 = pow2(k);
  if (k > 1000) {
    s1 = pow2(1000);
    s2 = pow2(k - 1000);
  } else if (k < -1000) {
    s1 = pow2(k + 1000);
    s2 = pow2(-1000);
  }
  for (let i = 0; i < n; i++) {
    let v = x[off + i]!;
    if (s1 !== 1) v *= s1;
    x[off + i] = v * s2;
  }
}
