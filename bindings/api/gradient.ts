/**
 * numericGradient — the gradient of a scalar function by central differences, for checking derived
 * gradients ("gradient checking").
 *
 *   ∂f/∂xᵢ ≈ (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / (2hᵢ)
 *
 * The truncation error is O(h²)·|f'''| and the rounding error O(eps·|f|/h); the two balance at
 * h ≈ eps^(1/3) (≈ 6e-6), scaled by max(1, |xᵢ|) so the step is relative for large coordinates
 * (Nocedal & Wright, "Numerical Optimization" 2nd ed. §8.1). Each step is also rounded so that
 * x ± h is exactly representable (h = (x + h) − x), which removes one rounding error.
 * Costs 2n evaluations of f. `x` is never modified.
 */
import { EPS } from '../core/machine.js';
import { optionsOf, tolerance, toVector, type VectorLike } from '../core/validate.js';

/**
 * Options of {@link numericGradient}.
 *
 * @example
 * ```ts
 * numericGradient(f, x, { eps: 1e-4 });
 * ```
 */
export interface NumericGradientOptions {
  /** Relative step (default eps^(1/3) ≈ 6.06e-6); the step for xᵢ is eps·max(1, |xᵢ|). */
  eps?: number;
}

/**
 * The gradient of a scalar function f at x by central differences, for checking a derived gradient.
 * Costs 2n evaluations of f; the step is eps·max(1, |xᵢ|), rounded so x ± h is exact. `x` is never
 * modified, and f gets a fresh copy each time.
 *
 * @example
 * ```ts
 * const f = (x: Float64Array) => x[0]! ** 2 + 3 * x[1]!;
 * numericGradient(f, [1, 2]); // ≈ Float64Array [2, 3]
 * ```
 */
export function numericGradient(
  f: (x: Float64Array) => number,
  x: VectorLike,
  options?: NumericGradientOptions | null,
): Float64Array {
  if (typeof f !== 'function') throw new TypeError('numericGradient: f must be a function of a Float64Array');
  const o = optionsOf('numericGradient', options);
  const rel = tolerance('numericGradient', 'eps', o.eps, { positive: true, finite: true }) ?? Math.cbrt(EPS);
  const x0 = toVector('numericGradient', 'x', x);
  const g = new Float64Array(x0.length);
  const xp = x0.slice();
  for (let i = 0; i < x0.length; i++) {
    const xi = x0[i]!;
    const h0 = rel * Math.max(1, Math.abs(xi));
    const h = xi + h0 - xi; // exactly representable step
    xp[i] = xi + h;
    const fp = f(xp.slice());
    xp[i] = xi - h;
    const fm = f(xp.slice());
    xp[i] = xi;
    if (typeof fp !== 'number' || typeof fm !== 'number') {
      throw new TypeError('numericGradient: f must return a number');
    }
    g[i] = (fp - fm) / (2 * h);
  }
  return g;
}
