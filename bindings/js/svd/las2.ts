/**
 * las2 — singular values of a 2×2 upper triangular matrix [f g; 0 h]       (≈ 20 flops + 2 sqrt)
 *
 * JS mirror of assembly/svd/las2.ts (read it for the derivation): σmax + σmin = sqrt((F + H)² + G²),
 * σmax − σmin = sqrt((F − H)² + G²) with F = max(|f|, |h|), H = min(|f|, |h|), G = |g|, and σmin is
 * formed as F·H/σmax, accurate relative to itself (Demmel & Kahan 1990; LAPACK dlas2).
 *
 * Outputs: σmin is returned; σmax is left in the live export `las2Max`. Same operations as the wasm
 * kernel, so the bits agree.
 */

/** Larger singular value from the last `las2` call. */
export let las2Max = 0;

export function las2(f: number, g: number, h: number): number {
  const fa = Math.abs(f);
  const ga = Math.abs(g);
  const ha = Math.abs(h);
  const F = fa > ha ? fa : ha;
  const H = fa > ha ? ha : fa;
  if (H === 0) {
    if (F === 0) {
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
  if (u === 0) {
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
