/**
 * larfg — generate an elementary reflector (Householder transformation)     (≈ 3n flops + 2 nrm2)
 *
 * Given α and x (n − 1 entries), finds τ, β and v = [1; v₁] such that
 *
 *   H·[α; x] = [β; 0],     H = I − τ·v·vᵀ,   Hᵀ = H,   HᵀH = I,
 *
 * with β = −sign(α)·‖[α; x]‖₂ (the sign chosen so that α − β never cancels) and
 *
 *   τ = (β − α)/β ∈ [1, 2],    v₁ = x/(α − β).
 *
 * If x = 0, H = I: τ = 0 and β = α (even for α < 0, so H is always either I or a true reflector;
 * this is LAPACK's convention, which keeps R's diagonal as it is for an already triangular input).
 *
 * Storage: on entry α at `pAlpha`, x at `px` with stride `incx` (> 0, n − 1 entries). On exit β is
 * at `pAlpha` and v₁ overwrites x (v₀ = 1 is not stored). Returns τ. n ≤ 1 returns τ = 0 and
 * touches nothing.
 *
 * Range: ‖[α; x]‖ comes from nrm2 (blas/nrm2.ts, scaled: no overflow for entries near 1e300) and
 * lapy2 below. If |β| < SAFMIN_OVER_UNIT_ROUNDOFF = 2^-969 (dlarfg's SAFMIN = dlamch('S')/dlamch('E'),
 * machine.ts), β and the reciprocal 1/(α − β) would lose accuracy or overflow, so x, α and β are
 * multiplied by RSAFMN = 2^969 (exact, a power of two) until |β| ≥ 2^-969 — at most 20 times, so a NaN
 * or a zero that slipped through cannot loop — β is recomputed, and at the end β is scaled back by the
 * same powers of two. τ and v are scale invariant and need no undoing.
 *
 * NaN in α or x gives NaN in τ, β and v (nrm2 and lapy2 propagate it); no loop depends on it.
 *
 * References: Golub & Van Loan, Matrix Computations, 4th ed., §5.1.2–5.1.3 (Algorithm 5.1.1,
 * house); LAPACK dlarfg (the β sign convention and the 1/SAFMIN rescaling loop).
 */
import { nrm2 } from '../blas/nrm2';
import { scal } from '../blas/scal';
import { SAFMIN_OVER_UNIT_ROUNDOFF } from '../machine';

// @ts-ignore: decorator
@inline const RSAFMN: f64 = 1.0 / SAFMIN_OVER_UNIT_ROUNDOFF; // 2^969, dlarfg's RSAFMN
// @ts-ignore: decorator
@inline const MAX_RESCALE: i32 = 20;

export function larfg(n: i32, pAlpha: usize, px: usize, incx: i32): f64 {
  if (n <= 1) return 0;
  let xnorm = nrm2(n - 1, px, incx);
  if (xnorm == 0) return 0;
  let alpha = load<f64>(pAlpha);
  let beta = signedNorm(alpha, xnorm);
  let knt = 0;
  if (Math.abs(beta) < SAFMIN_OVER_UNIT_ROUNDOFF) {
    // ‖[α; x]‖ is tiny: scale up by exact powers of two, then recompute β from the scaled data.
    do {
      knt++;
      scal(n - 1, RSAFMN, px, incx);
      beta *= RSAFMN;
      alpha *= RSAFMN;
    } while (Math.abs(beta) < SAFMIN_OVER_UNIT_ROUNDOFF && knt < MAX_RESCALE);
    xnorm = nrm2(n - 1, px, incx);
    beta = signedNorm(alpha, xnorm);
  }
  const tau = (beta - alpha) / beta;
  scal(n - 1, 1.0 / (alpha - beta), px, incx);
  for (let j = 0; j < knt; j++) beta *= SAFMIN_OVER_UNIT_ROUNDOFF;
  store<f64>(pAlpha, beta);
  return tau;
}

/** β = −sign(α)·sqrt(α² + xnorm²), with sign(±0) = + (so α = −0 gives β < 0 like α = +0). */
// @ts-ignore: decorator
@inline function signedNorm(alpha: f64, xnorm: f64): f64 {
  const r = lapy2(alpha, xnorm);
  return alpha >= 0 ? -r : r;
}

/**
 * sqrt(x² + y²) without overflow or destructive underflow (LAPACK dlapy2): w·sqrt(1 + (z/w)²) with
 * w = max(|x|, |y|), z = min(|x|, |y|). NaN in either argument gives NaN.
 */
export function lapy2(x: f64, y: f64): f64 {
  if (x != x || y != y) return x + y;
  const xa = Math.abs(x);
  const ya = Math.abs(y);
  const w = xa > ya ? xa : ya;
  const z = xa > ya ? ya : xa;
  if (z == 0 || w == Infinity) return w;
  const q = z / w;
  return w * Math.sqrt(1.0 + q * q);
}
