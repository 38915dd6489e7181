/**
 * las2 — singular values of a 2×2 upper triangular matrix                  (≈ 20 flops + 2 sqrt)
 *
 *   B = [ f  g ]       σmax ≥ σmin ≥ 0 its singular values.
 *       [ 0  h ]
 *
 * The math. The rotations that diagonalise B have determinant 1, so
 *
 *   σmax·σmin = |f·h|,     σmax² + σmin² = ‖B‖_F² = f² + g² + h²,
 *
 * hence (σmax ± σmin)² = (|f| ± |h|)² + g². With F = max(|f|, |h|), H = min(|f|, |h|), G = |g|:
 *
 *   σmax + σmin = S = sqrt((F + H)² + G²),     σmax − σmin = D = sqrt((F − H)² + G²),
 *   σmax = (S + D)/2,                          σmin = F·H/σmax = 2·F·H/(S + D).
 *
 * Computing σmin as the product over σmax (never as the difference of two large numbers) keeps it
 * accurate to a few ulps *relative to itself*, however small it is — the property the shifts of the
 * bidiagonal QR need (Demmel & Kahan 1990). The terms are scaled by the largest of F and G so that
 * nothing overflows unless σmax itself does:
 *
 *   G < F:   with a = 1 + H/F, t = (F − H)/F, u = (G/F)²:
 *              c = 2 / (sqrt(a² + u) + sqrt(t² + u)),   σmin = H·c,   σmax = F/c
 *   G ≥ F:   with u = F/G:
 *              u = 0 (G ≫ F, F/G underflows):  σmin = (H·F)/G,  σmax = G
 *              else  c = 1 / (sqrt(1 + (a·u)²) + sqrt(1 + (t·u)²)),  σmin = 2·(H·c)·u,  σmax = G/(2c)
 *   H = 0:   σmin = 0, σmax = sqrt(F² + G²) (scaled).
 *
 * Outputs: σmin is returned; σmax is left in the module global `las2Max`. No memory is touched.
 *
 * References: Demmel & Kahan, "Accurate singular values of bidiagonal matrices", SIAM J. Sci. Stat.
 * Comput. 11(5), 1990, §4; LAPACK dlas2.
 */

/** Larger singular value from the last `las2` call. */
export let las2Max: f64 = 0;

export function las2(f: f64, g: f64, h: f64): f64 {
  const fa = Math.abs(f);
  const ga = Math.abs(g);
  const ha = Math.abs(h);
  const F = fa > ha ? fa : ha;
  const H = fa > ha ? ha : fa;
  if (H == 0) {
    if (F == 0) {
      las2Max = ga;
    } else {
      const big = F > ga ? F : ga;
      const sml = F > ga ? ga : F;
      const q = sml / big;
      las2Max = big * Math.sqrt(1.0 + q * q);
    }
    return 0;
  }
  const a = 1.0 + H / F;
  const t = (F - H) / F;
  if (ga < F) {
    const u = (ga / F) * (ga / F);
    const c = 2.0 / (Math.sqrt(a * a + u) + Math.sqrt(t * t + u));
    las2Max = F / c;
    return H * c;
  }
  const u = F / ga;
  if (u == 0) {
    // G so much larger than F that F/G underflows: σmax = G, σmin = F·H/G
    las2Max = ga;
    return (H * F) / ga;
  }
  const au = a * u;
  const tu = t * u;
  const c = 1.0 / (Math.sqrt(1.0 + au * au) + Math.sqrt(1.0 + tu * tu));
  las2Max = ga / (c + c);
  const smin = H * c * u;
  return smin + smin;
}
