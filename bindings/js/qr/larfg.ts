/**
 * larfg — generate an elementary reflector (Householder transformation)     (≈ 3n flops + 2 nrm2)
 *
 * JS mirror of assembly/qr/larfg.ts (read it for the derivation). Given α and x (n − 1 entries), finds
 * τ, β and v = [1; v₁] with H·[α; x] = [β; 0], H = I − τ·v·vᵀ:
 *
 *   β = −sign(α)·‖[α; x]‖₂,   τ = (β − α)/β,   v₁ = x/(α − β);     x = 0: τ = 0, β = α (H = I).
 *
 * Storage: α is `alpha[offAlpha]`, x is `x[offX + i·incx]` (incx > 0). On exit β replaces α and v₁
 * replaces x (v₀ = 1 is not stored). Returns τ; n ≤ 1 returns 0 and touches nothing.
 *
 * Range: scaled nrm2 and lapy2; if |β| < SAFMIN_OVER_UNIT_ROUNDOFF = 2^-969 (dlarfg's SAFMIN =
 * dlamch('S')/dlamch('E'), machine.ts), x, α and β are multiplied by 2^969 (exact) until |β| ≥ 2^-969,
 * at most 20 times, β is recomputed, and scaled back at the end.
 * Same operation order as the wasm kernel, so the results agree bit for bit.
 *
 * References: Golub & Van Loan, 4th ed., §5.1.2–5.1.3 (Algorithm 5.1.1); LAPACK dlarfg.
 */
import { nrm2 } from '../blas/nrm2.js';
import { scal } from '../blas/scal.js';
import { SAFMIN_OVER_UNIT_ROUNDOFF } from '../../core/machine.js';

const RSAFMN = 1.0 / SAFMIN_OVER_UNIT_ROUNDOFF; // 2^969, dlarfg's RSAFMN
const MAX_RESCALE = 20;

export function larfg(n: number, alpha: Float64Array, offAlpha: number, x: Float64Array, offX: number, incx: number): number {
  if (n <= 1) return 0;
  let xnorm = nrm2(n - 1, x, offX, incx);
  if (xnorm === 0) return 0;
  let a = alpha[offAlpha]!;
  let beta = signedNorm(a, xnorm);
  let knt = 0;
  if (Math.abs(beta) < SAFMIN_OVER_UNIT_ROUNDOFF) {
    // ‖[α; x]‖ is tiny: scale up by exact powers of two, then recompute β from the scaled data.
    do {
      knt++;
      scal(n - 1, RSAFMN, x, offX, incx);
      beta *= RSAFMN;
      a *= RSAFMN;
    } while (Math.abs(beta) < SAFMIN_OVER_UNIT_ROUNDOFF && knt < MAX_RESCALE);
    xnorm = nrm2(n - 1, x, offX, incx);
    beta = signedNorm(a, xnorm);
  }
  const tau = (beta - a) / beta;
  scal(n - 1, 1.0 / (a - beta), x, offX, incx);
  for (let j = 0; j < knt; j++) beta *= SAFMIN_OVER_UNIT_ROUNDOFF;
  alpha[offAlpha] = beta;
  return tau;
}

/** β = −sign(α)·sqrt(α² + xnorm²), with sign(±0) = +. */
function signedNorm(alpha: number, xnorm: number): number {
  const r = lapy2(alpha, xnorm);
  return alpha >= 0 ? -r : r;
}

/** sqrt(x² + y²) without overflow or destructive underflow (LAPACK dlapy2); NaN in, NaN out. */
export function lapy2(x: number, y: number): number {
  if (x !== x || y !== y) return x + y;
  const xa = Math.abs(x);
  const ya = Math.abs(y);
  const w = xa > ya ? xa : ya;
  const z = xa > ya ? ya : xa;
  if (z === 0 || w === Infinity) return w;
  const q = z / w;
  return w * Math.sqrt(1.0 + q * q);
}
