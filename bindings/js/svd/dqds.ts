/**
 * dqds — one differential qd step with shift τ on the qd array of the block [i0, n0]   (2 div + 5 flops per index)
 *
 * JS mirror of assembly/svd/dqds.ts (read it for the math): q̂_i = d + e_i, ê_i = q_{i+1}·(e_i/q̂_i),
 * d ← q_{i+1}·(d/q̂_i) − τ, q̂_{n0} = d. The qd array is interleaved in `z` from `offZ`, four doubles
 * per index [q, e, q, e]; reads the pair at slot pp (0 or 2), writes slot 2 − pp. Returns dmin; the
 * live exports below hold dmin1, dmin2, dn, dn1, dn2, emin. Same operations as the wasm kernel, so
 * the bits agree.
 *
 * References: Fernando & Parlett, Numer. Math. 67 (1994); LAPACK dlasq5 / dlasq6.
 */

export let dqdsDmin1 = 0;
export let dqdsDmin2 = 0;
export let dqdsDn = 0;
export let dqdsDn1 = 0;
export let dqdsDn2 = 0;
export let dqdsEmin = 0;

export function dqds(z: Float64Array, offZ: number, i0: number, n0: number, pp: number, tau: number): number {
  const src = offZ + pp;
  const dst = offZ + 2 - pp;
  let d = z[src + 4 * i0]! - tau;
  let dmin = d;
  let dmin1 = d;
  let dmin2 = d;
  let dn1 = d;
  let dn2 = d;
  let emin = Infinity;
  for (let i = i0; i < n0; i++) {
    const o = 4 * i;
    const ei = z[src + o + 1]!;
    const qn = z[src + o + 4]!;
    const qh = d + ei;
    z[dst + o] = qh;
    const eh = qn * (ei / qh);
    z[dst + o + 1] = eh;
    d = qn * (d / qh) - tau;
    if (d < dmin) dmin = d;
    if (eh < emin) emin = eh;
    if (i === n0 - 3) {
      dn2 = d;
      dmin2 = dmin;
    } else if (i === n0 - 2) {
      dn1 = d;
      dmin1 = dmin;
    }
  }
  const o = 4 * n0;
  z[dst + o] = d;
  z[dst + o + 1] = 0;
  dqdsDmin1 = dmin1;
  dqdsDmin2 = dmin2;
  dqdsDn = d;
  dqdsDn1 = dn1;
  dqdsDn2 = dn2;
  dqdsEmin = emin;
  return dmin;
}
