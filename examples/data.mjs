// Seeded test data for the examples: the same doubles as examples/numpy/data.py, bit for bit, so the
// JavaScript and the numpy versions compute on the same data (numpy's and wasm-linalg's own random
// generators differ). Not part of the library; not counted in the line counts (as numpy's
// `rng.standard_normal` is not).
//
// xorshift32 (Marsaglia 2003) gives k/2^32 in (0, 1); randn sums 12 of them minus 6 (Irwin–Hall: mean
// 0, variance 1, close to normal). Every value is a multiple of 2^-32 below 2^4, so the sums are exact
// in float64 and the order of summation cannot change a bit.
import { Matrix } from 'wasm-linalg';

function uniform(count, seed) {
  let s = Math.imul(seed, 0x9e3779b9) >>> 0 || 1;
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = s / 4294967296;
  }
  return out;
}

/** A rows×cols Matrix of uniform numbers in (0, 1), filled row by row. */
export function rand(rows, cols, seed) {
  return Matrix.fromArray(uniform(rows * cols, seed), rows, cols);
}

/** A rows×cols Matrix of (approximately) standard normal numbers, filled row by row. */
export function randn(rows, cols, seed) {
  const u = uniform(12 * rows * cols, seed);
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < out.length; i++) {
    let t = 0;
    for (let k = 0; k < 12; k++) t += u[12 * i + k];
    out[i] = t - 6;
  }
  return Matrix.fromArray(out, rows, cols);
}
