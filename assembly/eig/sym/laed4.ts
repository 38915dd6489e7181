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

/** f(o + τ) − 1/ρ, with ψ, ψ', φ, φ' (left poles: j ≤ iL) into the module state. */
function secular(k: i32, iL: i32, pD: usize, pZ: usize, o: f64, tau: f64): f64 {
  psi = 0;
  dpsi = 0;
  phi = 0;
  dphi = 0;
  for (let j = 0; j <= iL; j++) {
    const t = ld(pZ, j) / (ld(pD, j) - o - tau);
    psi += ld(pZ, j) * t;
    dpsi += t * t;
  }
  for (let j = k - 1; j > iL; j--) {
    const t = ld(pZ, j) / (ld(pD, j) - o - tau);
    phi += ld(pZ, j) * t;
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
    if (rhoinv + secular(k, i, pD, pZ, ld(pD, i), mid) >= 0) {
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
    const f = rhoinv + secular(k, iL, pD, pZ, o, tau);
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
