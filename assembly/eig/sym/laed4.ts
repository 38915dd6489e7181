/**
 * laed4 — the i-th root of the secular equation of a rank-one update   (O(k) flops per iteration)
 *
 *   D + ρ·z·zᵀ,  D = diag(d₀ < d₁ < … < d_{k−1}),  ρ > 0,  all zᵢ ≠ 0:
 *
 *   f(λ) = 1/ρ + Σⱼ zⱼ²/(dⱼ − λ) = 0
 *
 * f increases from −∞ to +∞ between consecutive poles, so there is exactly one root λᵢ in each
 * (dᵢ, dᵢ₊₁), and the last one in (d_{k−1}, d_{k−1} + ρ·zᵀz] (f ≥ 0 there because every |dⱼ − λ| ≥ ρ·zᵀz).
 *
 * What the caller needs is not λᵢ alone but every difference δⱼ = dⱼ − λᵢ to full relative accuracy
 * (the eigenvector is (zⱼ/δⱼ)ⱼ, normalised; laed3.ts). λᵢ itself cannot deliver them when it lies close
 * to a pole, so the iteration runs on τ = λ − o, where the origin o is the pole nearer to the root
 * (decided by the sign of f at the midpoint of the interval), and δⱼ = (dⱼ − o) − τ (LAPACK dlaed4's
 * device; Li, "Solving secular equations stably and efficiently", LAWN 89, 1994).
 *
 * The iteration (own design after the references): with ψ the sum over the poles left of the root and φ
 * over those right of it, f is modelled near the current τ by
 *
 *   g(η) = C + s/(δ_L − η) + S/(δ_R − η),   s = δ_L²·ψ',  S = δ_R²·φ',  C = f − δ_L·ψ' − δ_R·φ'
 *
 * (the two nearest poles kept exactly, the rest matched in value and derivative: the "middle way" of
 * Li / Gragg's fixed-weight scheme; for the last root there is no right pole and the model is
 * C + s/(δ_L − η)). g(η) = 0 is the quadratic C·η² − a·η + b = 0 with a = C·(δ_L + δ_R) + s + S and
 * b = δ_L·δ_R·f; its root between the two poles is the step. Every iterate is kept inside a bracket
 * [lo, hi] of the root (updated from the sign of f); a step that leaves it, or has the wrong sign, is
 * replaced by bisection of the bracket. So the iteration always converges; the model makes it
 * quadratic in practice (≈ 3–5 iterations per root on random problems).
 *
 * Stopping (dlaed4's test): |f(τ)| ≤ eps·e where e = 8·(φ − ψ) + 2/ρ + 3·|f| + |τ|·(ψ' + φ') bounds the
 * rounding error of the computed f, or the bracket shrank to a few ulps. MAXIT = 64 iterations (the
 * tuning key T_LAED4_MAXIT replaces it; tests set 1): a root not found by then returns 1.
 *
 * Storage: d, z (k doubles at `pD`, `pZ`); on exit δ (k doubles at `pDelta`): δⱼ = dⱼ − λᵢ, and λᵢ at
 * `pLam`. k ≥ 2, 0 ≤ i < k. Arithmetic: + − × ÷ and √ only (the JS mirror gives the same bits).
 * Returns 0, or 1 when the iteration cap was reached (δ and λ then hold the last iterate).
 *
 * References: Bunch, Nielsen & Sorensen, "Rank-one modification of the symmetric eigenproblem",
 * Numer. Math. 31 (1978); R.-C. Li, LAWN 89 (1994); Rutter, LAWN 69 (1994); Demmel, Applied Numerical
 * Linear Algebra, §5.3.3; LAPACK dlaed4 (its origin shift, error bound and stopping test).
 */
import { UNIT_ROUNDOFF } from '../../machine';
import { ld, st } from '../../util';
import { tuneI, T_LAED4_MAXIT } from '../../tuning';

/** Iterations allowed per root (unless T_LAED4_MAXIT sets a cap). */
export const LAED4_MAXIT: i32 = 64;

// the sums of one evaluation (module state of the current call; laed4 is not reentrant)
let psi: f64 = 0;
let dpsi: f64 = 0;
let phi: f64 = 0;
let dphi: f64 = 0;

/**
 * f(o + τ) − 1/ρ, with ψ, ψ', φ, φ' (left poles: j ≤ iL) into the module state. Each sum runs from its
 * far end towards the root's interval, two terms at a time in two accumulators (lanes 0 and 1: the
 * lower and the higher index of each pair; f64x2 in the SIMD build), an odd term last; the JS mirror
 * keeps the same two scalar accumulators, so the bits agree.
 */
function secular(k: i32, iL: i32, pD: usize, pZ: usize, o: f64, tau: f64): f64 {
  let p0: f64 = 0;
  let p1: f64 = 0;
  let q0: f64 = 0;
  let q1: f64 = 0;
  let f0: f64 = 0;
  let f1: f64 = 0;
  let g0: f64 = 0;
  let g1: f64 = 0;
  let i = 0; // ψ: pairs (i, i+1) upwards from 0 while i + 1 ≤ iL
  let j = k - 2; // φ: pairs (j, j+1) downwards from k − 2 while j > iL
  if (ASC_FEATURE_SIMD) {
    const vo = f64x2.splat(o);
    const vt = f64x2.splat(tau);
    let ps = f64x2.splat(0);
    let dps = f64x2.splat(0);
    for (; i + 1 <= iL; i += 2) {
      const a = <usize>i << 3;
      const z = v128.load(pZ + a);
      const t = f64x2.div(z, f64x2.sub(f64x2.sub(v128.load(pD + a), vo), vt));
      ps = f64x2.add(ps, f64x2.mul(z, t));
      dps = f64x2.add(dps, f64x2.mul(t, t));
    }
    let ph = f64x2.splat(0);
    let dph = f64x2.splat(0);
    for (; j > iL; j -= 2) {
      const a = <usize>j << 3;
      const z = v128.load(pZ + a);
      const t = f64x2.div(z, f64x2.sub(f64x2.sub(v128.load(pD + a), vo), vt));
      ph = f64x2.add(ph, f64x2.mul(z, t));
      dph = f64x2.add(dph, f64x2.mul(t, t));
    }
    p0 = f64x2.extract_lane(ps, 0);
    p1 = f64x2.extract_lane(ps, 1);
    q0 = f64x2.extract_lane(dps, 0);
    q1 = f64x2.extract_lane(dps, 1);
    f0 = f64x2.extract_lane(ph, 0);
    f1 = f64x2.extract_lane(ph, 1);
    g0 = f64x2.extract_lane(dph, 0);
    g1 = f64x2.extract_lane(dph, 1);
  } else {
    for (; i + 1 <= iL; i += 2) {
      const t0 = ld(pZ, i) / (ld(pD, i) - o - tau);
      const t1 = ld(pZ, i + 1) / (ld(pD, i + 1) - o - tau);
      p0 += ld(pZ, i) * t0;
      p1 += ld(pZ, i + 1) * t1;
      q0 += t0 * t0;
      q1 += t1 * t1;
    }
    for (; j > iL; j -= 2) {
      const t0 = ld(pZ, j) / (ld(pD, j) - o - tau);
      const t1 = ld(pZ, j + 1) / (ld(pD, j + 1) - o - tau);
      f0 += ld(pZ, j) * t0;
      f1 += ld(pZ, j + 1) * t1;
      g0 += t0 * t0;
      g1 += t1 * t1;
    }
  }
  psi = p0 + p1;
  dpsi = q0 + q1;
  if (i == iL) {
    const t = ld(pZ, i) / (ld(pD, i) - o - tau);
    psi += ld(pZ, i) * t;
    dpsi += t * t;
  }
  phi = f0 + f1;
  dphi = g0 + g1;
  if (j == iL) {
    const t = ld(pZ, j + 1) / (ld(pD, j + 1) - o - tau);
    phi += ld(pZ, j + 1) * t;
    dphi += t * t;
  }
  return psi + phi;
}

export function laed4(k: i32, i: i32, pD: usize, pZ: usize, pDelta: usize, rho: f64, pLam: usize): i32 {
  const rhoinv = 1.0 / rho;
  const last = i == k - 1;
  let o: f64;
  let lo: f64;
  let hi: f64;
  let tau: f64;
  let fPre: f64 = NaN; // f at the midpoint, kept as the first iterate's value (interval case)
  if (last) {
    let zz: f64 = 0;
    for (let j = 0; j < k; j++) zz += ld(pZ, j) * ld(pZ, j);
    o = ld(pD, k - 1);
    lo = 0;
    hi = rho * zz;
    tau = 0.5 * hi;
  } else {
    const gap = ld(pD, i + 1) - ld(pD, i);
    const mid = 0.5 * gap;
    fPre = rhoinv + secular(k, i, pD, pZ, ld(pD, i), mid);
    if (fPre >= 0) {
      o = ld(pD, i); // the root is in (dᵢ, dᵢ + gap/2]
      lo = 0;
      hi = mid;
      tau = mid;
    } else {
      o = ld(pD, i + 1); // in (dᵢ + gap/2, dᵢ₊₁)
      lo = mid - gap;
      hi = 0;
      tau = lo;
    }
  }
  const iL = last ? k - 1 : i;
  const maxitSet = tuneI(T_LAED4_MAXIT);
  const maxit = maxitSet > 0 ? maxitSet : LAED4_MAXIT;
  let info = 1;
  for (let it = 0; it < maxit; it++) {
    // (the first iterate is the midpoint, already evaluated: from dᵢ, which differs from the value
    // from dᵢ₊₁ by rounding only)
    const f = it == 0 && !last ? fPre : rhoinv + secular(k, iL, pD, pZ, o, tau);
    const err = 8.0 * (phi - psi) + 2.0 * rhoinv + 3.0 * Math.abs(f) + Math.abs(tau) * (dpsi + dphi);
    if (Math.abs(f) <= UNIT_ROUNDOFF * err) {
      info = 0;
      break;
    }
    if (f < 0) lo = tau;
    else hi = tau;
    if (hi - lo <= 4.0 * UNIT_ROUNDOFF * max(Math.abs(lo), Math.abs(hi))) {
      info = 0; // the bracket is a few ulps wide
      break;
    }
    // the step η from the model through the nearest poles
    const dL = ld(pD, iL) - o - tau;
    let eta: f64;
    if (last) {
      const c = f - dL * dpsi;
      eta = c > 0 ? dL + (dL * dL * dpsi) / c : NaN;
    } else {
      const dR = ld(pD, iL + 1) - o - tau;
      const c = f - dL * dpsi - dR * dphi;
      const a = c * (dL + dR) + dL * dL * dpsi + dR * dR * dphi;
      const b = dL * dR * f;
      if (c == 0) {
        eta = b / a;
      } else {
        const sq = Math.sqrt(Math.abs(a * a - 4.0 * b * c));
        const q = a >= 0 ? a + sq : a - sq;
        eta = (2.0 * b) / q; // the root of smaller modulus; the other one is q/(2c)
        if (!(eta > dL && eta < dR)) eta = q / (2.0 * c);
      }
      if (f * eta >= 0) eta = -f / (dpsi + dphi); // wrong direction: Newton
    }
    let t = tau + eta;
    if (!(t > lo && t < hi)) t = 0.5 * (lo + hi);
    if (t == tau) {
      info = 0;
      break;
    }
    tau = t;
  }
  for (let j = 0; j < k; j++) st(pDelta, j, ld(pD, j) - o - tau);
  store<f64>(pLam, o + tau);
  return info;
}
