/**
 * dqds — one differential quotient-difference step with shift τ on a qd array      (2 div + 5 flops per index)
 *
 * The qd array (q, e) of the active block [i0, n0] holds the factors of BᵀB − σ·I in product form
 * (q_i = d_i², e_i = e_i² at the start; σ the shifts accumulated so far). One dqds step computes the
 * qd array of the next LR transform, T − τ·I = L̂·Û from T = U·L (Fernando & Parlett 1994, §4):
 *
 *   d = q_{i0} − τ
 *   for i = i0 … n0 − 1:
 *     q̂_i = d + e_i
 *     ê_i = q_{i+1} · (e_i / q̂_i)
 *     d   = q_{i+1} · (d / q̂_i) − τ
 *   q̂_{n0} = d
 *
 * The only subtraction is the shift itself, which is what makes dqds relatively accurate. The two
 * quotients e_i/q̂_i and d/q̂_i are ≤ 1 while d ≥ 0, so nothing overflows; the second division is off
 * the critical path (the recurrence through d is add → div → mul → sub either way). The step succeeds
 * iff every d ≥ 0 (τ below the smallest eigenvalue of the current matrix); the caller checks the
 * returned minimum and, on failure (dmin < 0), discards the output arrays and retries a smaller τ.
 *
 * Storage: the qd array lives interleaved in `pz`, four doubles per index, [q, e, q, e]: the current
 * pair at slot pp (0 or 2), the result goes to slot 2 − pp. ê_{n0} is set to 0 (the block boundary).
 * Requires n0 − i0 ≥ 2 (blocks of one or two are solved directly by the caller).
 *
 * Returns dmin = min d over the step; the module globals hold the quantities the shift strategy needs
 * (LAPACK dlasq5's dmin1, dmin2, dn, dn1, dn2, emin): dn_k = d at index n0 − k, dmin1 / dmin2 = min d
 * over i0 … n0 − 1 / n0 − 2, emin = min ê (0 means the block has split).
 *
 * References: Fernando & Parlett, Numer. Math. 67 (1994); Parlett & Marques, LAA 309 (2000);
 * LAPACK dlasq5 / dlasq6.
 */

export let dqdsDmin1: f64 = 0;
export let dqdsDmin2: f64 = 0;
export let dqdsDn: f64 = 0;
export let dqdsDn1: f64 = 0;
export let dqdsDn2: f64 = 0;
export let dqdsEmin: f64 = 0;

export function dqds(pz: usize, i0: i32, n0: i32, pp: i32, tau: f64): f64 {
  const src = pz + (<usize>pp << 3);
  const dst = pz + (<usize>(2 - pp) << 3);
  let d = load<f64>(src + (<usize>(4 * i0) << 3)) - tau;
  let dmin = d;
  let dmin1 = d;
  let dmin2 = d;
  let dn1 = d;
  let dn2 = d;
  let emin: f64 = Infinity;
  for (let i = i0; i < n0; i++) {
    const o = <usize>(4 * i) << 3;
    const ei = load<f64>(src + o, 8);
    const qn = load<f64>(src + o, 32);
    const qh = d + ei;
    store<f64>(dst + o, qh);
    const eh = qn * (ei / qh);
    store<f64>(dst + o, eh, 8);
    d = qn * (d / qh) - tau;
    if (d < dmin) dmin = d;
    if (eh < emin) emin = eh;
    if (i == n0 - 3) {
      dn2 = d;
      dmin2 = dmin;
    } else if (i == n0 - 2) {
      dn1 = d;
      dmin1 = dmin;
    }
  }
  const o = <usize>(4 * n0) << 3;
  store<f64>(dst + o, d);
  store<f64>(dst + o, 0, 8);
  dqdsDmin1 = dmin1;
  dqdsDmin2 = dmin2;
  dqdsDn = d;
  dqdsDn1 = dn1;
  dqdsDn2 = dn2;
  dqdsEmin = emin;
  return dmin;
}
