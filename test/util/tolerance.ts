/**
 * Scaled error checks. Every numerical comparison in the suite goes through one of these:
 *
 *   expectBitwise  — equal bit for bit (Object.is per entry: NaN equals NaN, +0 differs from −0).
 *                    The one bit comparator of the suites: the engines against each other (runKernel,
 *                    harness.ts), the two backends (onBoth, api.ts), inputs left alone (guarded), and
 *                    kernels whose every entry is one or two roundings done in a fixed order (axpy,
 *                    scal, geadd, …) against the same formula evaluated here.
 *   expectScaled   — |got − ref| ≤ units·ε·bound entrywise, with `bound` the |·| quantity of the
 *                    error analysis (|A||B| for GEMM, Σ|xᵢ||yᵢ| for dot, |x| for a norm). On failure
 *                    the message prints the worst ratio |got − ref| / (units·ε·bound), which must be
 *                    ≤ 1, with the entry, both values and the allowance. Never a bare 1e-6.
 */
import { assert, expect } from 'vitest';

/** Machine epsilon 2^-52 (twice the unit roundoff u = 2^-53). */
export const EPS = 2 ** -52;

/** A hex dump of a double's bits, for messages. */
export function bits(x: number): string {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x);
  return '0x' + b.getBigUint64(0).toString(16).padStart(16, '0');
}

/** Asserts a and b are equal entry by entry, bit for bit (and of the same length). */
export function expectBitwise(label: string, got: ArrayLike<number>, want: ArrayLike<number>): void {
  if (got.length !== want.length) assert.fail(`${label}: length ${got.length} vs ${want.length}`);
  for (let i = 0; i < got.length; i++) {
    const g = got[i]!;
    const w = want[i]!;
    if (!Object.is(g, w)) {
      assert.fail(`${label}: entry ${i} differs: ${g} (${bits(g)}) vs ${w} (${bits(w)})`);
    }
  }
}

/** Largest |got − ref| / (units·ε·bound) (∞ when got is not finite but ref is; 0/0 counts as 0). */
export function scaledRatio(
  got: ArrayLike<number>, ref: ArrayLike<number>, bound: ArrayLike<number>, units: number,
): { ratio: number; at: number } {
  let ratio = 0;
  let at = -1;
  for (let i = 0; i < got.length; i++) {
    const g = got[i]!;
    const r = ref[i]!;
    const err = Math.abs(g - r);
    // Number.MIN_VALUE·units allows the absolute error of results that underflow to subnormals.
    const allowed = units * (EPS * bound[i]! + Number.MIN_VALUE);
    let q: number;
    if (Object.is(g, r)) q = 0;
    else if (!Number.isFinite(g) || !Number.isFinite(r)) q = Infinity;
    else q = err / allowed;
    if (!(q <= ratio)) {
      ratio = q;
      at = i;
    }
  }
  return { ratio, at };
}

/**
 * Asserts |got − ref| ≤ units·ε·bound entrywise and returns the worst ratio (≤ 1 on success).
 * `units` is the constant of the error bound, e.g. 2·(k + 2) for a length-k inner product.
 */
export function expectScaled(
  label: string, got: ArrayLike<number>, ref: ArrayLike<number>, bound: ArrayLike<number>, units: number,
): number {
  expect(got.length, `${label}: length`).toBe(ref.length);
  const { ratio, at } = scaledRatio(got, ref, bound, units);
  if (!(ratio <= 1)) {
    const g = got[at]!;
    const r = ref[at]!;
    assert.fail(
      `${label}: scaled error ratio ${ratio.toPrecision(4)} > 1 at entry ${at}: got ${g}, reference ${r}, ` +
        `|err| = ${Math.abs(g - r).toPrecision(4)}, allowed ${units}·ε·${bound[at]!.toPrecision(4)} = ` +
        `${(units * EPS * bound[at]!).toPrecision(4)}`,
    );
  }
  return ratio;
}

/** Scalar form of {@link expectScaled}. */
export function expectScaledScalar(label: string, got: number, ref: number, bound: number, units: number): number {
  return expectScaled(label, [got], [ref], [bound], units);
}
