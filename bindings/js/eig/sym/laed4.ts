/**
 * laed4 — the i-th root of the secular equation 1/ρ + Σⱼ zⱼ²/(dⱼ − λ) = 0 of D + ρ·z·zᵀ, with every
 *         δⱼ = dⱼ − λᵢ to high relative accuracy
 *
 * JS mirror of assembly/eig/sym/laed4.ts (read it for the origin shift, the two-pole model, the
 * bracket, the stopping test and the cap MAXIT = 64 / T_LAED4_MAXIT). Same operations in the same
 * order (+ − × ÷ and √), so the same bits.
 *
 * Storage: d, z at d[offD…], z[offZ…] (k each, d ascending); on exit δ at delta[offDelta…] (k) and λᵢ
 * at lam[offLam]. Returns 0, or 1 when the cap was reached.
 *
 * References: Bunch, Nielsen & Sorensen, Numer. Math. 31 (1978); R.-C. Li, LAWN 89 (1994); Rutter,
 * LAWN 69; Demmel, Applied Numerical Linear Algebra, §5.3.3; LAPACK dlaed4.
 */
import { UNIT_ROUNDOFF } from '../../../core/machine.js';
import { tune, T_LAED4_MAXIT } from '../../tuning.js';

/** Iterations allowed per root (unless T_LAED4_MAXIT sets a cap). */
export const LAED4_MAXIT = 64;

let psi = 0;
let dpsi = 0;
let phi = 0;
let dphi = 0;

/** f(o + τ) − 1/ρ with ψ, ψ', φ, φ' into the module state: two accumulators per sum (the wasm lanes). */
function secular(k: number, iL: number, d: Float64Array, offD: number, z: Float64Array, offZ: number, o: number, tau: number): number {
  let p0 = 0;
  let p1 = 0;
  let q0 = 0;
  let q1 = 0;
  let f0 = 0;
  let f1 = 0;
  let g0 = 0;
  let g1 = 0;
  let i = 0;
  let j = k - 2;
  for (; i + 1 <= iL; i += 2) {
    const t0 = z[offZ + i]! / (d[offD + i]! - o - tau);
    const t1 = z[offZ + i + 1]! / (d[offD + i + 1]! - o - tau);
    p0 += z[offZ + i]! * t0;
    p1 += z[offZ + i + 1]! * t1;
    q0 += t0 * t0;
    q1 += t1 * t1;
  }
  for (; j > iL; j -= 2) {
    const t0 = z[offZ + j]! / (d[offD + j]! - o - tau);
    const t1 = z[offZ + j + 1]! / (d[offD + j + 1]! - o - tau);
    f0 += z[offZ + j]! * t0;
    f1 += z[offZ + j + 1]! * t1;
    g0 += t0 * t0;
    g1 += t1 * t1;
  }
  psi = p0 + p1;
  dpsi = q0 + q1;
  if (i === iL) {
    const t = z[offZ + i]! / (d[offD + i]! - o - tau);
    psi += z[offZ + i]! * t;
    dpsi += t * t;
  }
  phi = f0 + f1;
  dphi = g0 + g1;
  if (j === iL) {
    const t = z[offZ + j + 1]! / (d[offD + j + 1]! - o - tau);
    phi += z[offZ + j + 1]! * t;
    dphi += t * t;
  }
  return psi + phi;
}

export function laed4(
  k: number, i: number, d: Float64Array, offD: number, z: Float64Array, offZ: number,
  delta: Float64Array, offDelta: number, rho: number, lam: Float64Array, offLam: number,
): number {
  const rhoinv = 1.0 / rho;
  const last = i === k - 1;
  let o: number;
  let lo: number;
  let hi: number;
  let tau: number;
  let fPre = NaN;
  if (last) {
    let zz = 0;
    for (let j = 0; j < k; j++) zz += z[offZ + j]! * z[offZ + j]!;
    o = d[offD + k - 1]!;
    lo = 0;
    hi = rho * zz;
    tau = 0.5 * hi;
  } else {
    const gap = d[offD + i + 1]! - d[offD + i]!;
    const mid = 0.5 * gap;
    fPre = rhoinv + secular(k, i, d, offD, z, offZ, d[offD + i]!, mid);
    if (fPre >= 0) {
      o = d[offD + i]!;
      lo = 0;
      hi = mid;
      tau = mid;
    } else {
      o = d[offD + i + 1]!;
      lo = mid - gap;
      hi = 0;
      tau = lo;
    }
  }
  const iL = last ? k - 1 : i;
  const maxitSet = tune(T_LAED4_MAXIT);
  const maxit = maxitSet > 0 ? maxitSet : LAED4_MAXIT;
  let info = 1;
  for (let it = 0; it < maxit; it++) {
    const f = it === 0 && !last ? fPre : rhoinv + secular(k, iL, d, offD, z, offZ, o, tau);
    const err = 8.0 * (phi - psi) + 2.0 * rhoinv + 3.0 * Math.abs(f) + Math.abs(tau) * (dpsi + dphi);
    if (Math.abs(f) <= UNIT_ROUNDOFF * err) {
      info = 0;
      break;
    }
    if (f < 0) lo = tau;
    else hi = tau;
    if (hi - lo <= 4.0 * UNIT_ROUNDOFF * Math.max(Math.abs(lo), Math.abs(hi))) {
      info = 0;
      break;
    }
    const dL = d[offD + iL]! - o - tau;
    let eta: number;
    if (last) {
      const c = f - dL * dpsi;
      eta = c > 0 ? dL + (dL * dL * dpsi) / c : NaN;
    } else {
      const dR = d[offD + iL + 1]! - o - tau;
      const c = f - dL * dpsi - dR * dphi;
      const a = c * (dL + dR) + dL * dL * dpsi + dR * dR * dphi;
      const b = dL * dR * f;
      if (c === 0) {
        eta = b / a;
      } else {
        const sq = Math.sqrt(Math.abs(a * a - 4.0 * b * c));
        const q = a >= 0 ? a + sq : a - sq;
        eta = (2.0 * b) / q;
        if (!(eta > dL && eta < dR)) eta = q / (2.0 * c);
      }
      if (f * eta >= 0) eta = -f / (dpsi + dphi);
    }
    let t = tau + eta;
    if (!(t > lo && t < hi)) t = 0.5 * (lo + hi);
    if (t === tau) {
      info = 0;
      break;
    }
    tau = t;
  }
  for (let j = 0; j < k; j++) delta[offDelta + j] = d[offD + j]! - o - tau;
  lam[offLam] = o + tau;
  return info;
}
