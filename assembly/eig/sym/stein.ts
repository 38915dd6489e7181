/**
 * stein — eigenvectors of a symmetric tridiagonal matrix for given eigenvalues, by inverse iteration
 *                                  (≈ 20·bs flops per iteration and vector, + 8·bs per cluster member)
 *
 *   T = tridiag(e, d, e) (n×n),  W (m eigenvalues from stebz, ascending within each block),
 *   Z (n×m):  T·zⱼ ≈ wⱼ·zⱼ,  ‖zⱼ‖₂ = 1,  zⱼ zero outside the rows of its block iblock[j]
 *
 * For each eigenvalue w of block b (rows b1…bn, size bs; blocks from stebz's isplit):
 *
 *   1. shift: if w lies within 10·eps·|w| of the previous eigenvalue of the block, it is moved up to
 *      that distance (so that the factorisations of close eigenvalues differ: dstein's PERTOL);
 *   2. factor T_b − w·I = P·L·U by Gaussian elimination with partial pivoting (U has two
 *      superdiagonals; dlagtf/dgttrf), once per eigenvalue;
 *   3. iterate (at most 5, dstein's MAXITS, or the tuning key T_STEIN_MAXIT when ≥ 1):
 *        x ← x · bs·‖T_b‖₁·max(eps, |u_bs|)/‖x‖∞     (the scaling dstein gives the right-hand side)
 *        solve (T_b − w·I)·x_new = x, a pivot of U smaller than tol = eps·max|U| replaced by ±tol
 *          (dlagts with job = −1), the whole vector rescaled by 2^-500 whenever the next entry of the
 *          back substitution would exceed 2^500 times its pivot (so nothing overflows);
 *        reorthogonalise (modified Gram–Schmidt) against the vectors already computed for the same
 *          cluster: the eigenvalues of the block since the last gap > 10⁻³·‖T_b‖₁ (dstein's ORTOL) —
 *          two passes where dstein makes one (Parlett's "twice is enough"): the solve amplifies the
 *          cluster's other directions as much as the wanted one, and what one pass leaves of them
 *          (eps relative to the solution) is large next to what remains once they are removed; with
 *          one pass ‖ZᵀZ − I‖ reached ≈ 2000·n·eps on a 199-fold cluster, with two it stayed below 3·n·eps;
 *        converged when ‖x‖∞ ≥ √(0.1/bs) (the growth that says x is rich in the wanted eigenvector)
 *          and two more iterations have been made (dstein's EXTRA = 2);
 *   4. z ← x/‖x‖₂, signed so that its entry of largest modulus (the first on ties) is positive;
 *   5. a vector that never met the growth test within the cap is accepted all the same when its
 *      residual ‖(T_b − w·I)·z‖∞ ≤ bs·eps·‖T_b‖₁ (the growth test is sufficient, not necessary: the
 *      last members of a large cluster, e.g. 16 eigenvalues within 1e-16 of each other, grow little once
 *      reorthogonalised against the others), and counted as a failure otherwise.
 *
 * The start vector is pseudo-random, uniform in (−1, 1), from one xorshift32 stream (Marsaglia 2003)
 * seeded at each call (dstein uses dlarnv with a fixed seed the same way), integer arithmetic that the JS
 * mirror reproduces exactly. A block of size 1 gets the unit vector. The Gram–Schmidt sweep over a
 * cluster costs O(bs·k²) for a cluster of k eigenvalues (as dstein): fine for the clusters of a
 * selection, O(n³) only when asked for the vectors of a huge cluster.
 *
 * Storage: d (n at `pD`), e (n − 1 at `pE`), W (m at `pW`), iblock (m ints), isplit (ints, the last row
 * of each block, as stebz left them) are read only. Z (n×m at `pZ`, ldz ≥ max(1, n)): every entry
 * written. Workspace: `pw`, 16-byte aligned, `steinScratch(n)` doubles: the factorisation (5·n), the
 * iterate (n), and per block the last shift and the start of its current cluster (2·n).
 *
 * Returns 0, or the number of eigenvectors that met neither the convergence test within the cap nor the
 * residual test of step 5 (the last iterate is stored for them, normalised).
 *
 * References: LAPACK dstein, dlagtf, dlagts (inverse iteration, Jessup & Ipsen's reorthogonalisation
 * criterion); Golub & Van Loan, 4th ed., §8.2.2 and §8.4; Parlett, The Symmetric Eigenvalue Problem,
 * SIAM 1998, §4-3; I. Ipsen, Computing an eigenvector with inverse iteration, SIAM Review 39, 1997;
 * G. Marsaglia, Xorshift RNGs, J. Stat. Softw. 8(14), 2003.
 */
import { EPS } from '../../machine';
import { even } from '../../util';
import { tuneI, T_STEIN_MAXIT } from '../../tuning';
import { iamax } from '../../blas/iamax';

// @ts-ignore: decorator
@inline const BIG: f64 = 3.273390607896142e150; // 2^500
// @ts-ignore: decorator
@inline const SMALL: f64 = 3.054936363499605e-151; // 2^-500
// @ts-ignore: decorator
@inline const EXTRA: i32 = 2;
// @ts-ignore: decorator
@inline const SEED: u32 = 0x9e3779b9;

/** Doubles of workspace `stein` needs. */
export function steinScratch(n: i32): i32 {
  return 8 * even(max(n, 1));
}

// @ts-ignore: decorator
@inline function ldi(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}

// @ts-ignore: decorator
@inline function sti(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}

/** x[0:k] ← uniform (−1, 1) from the xorshift32 stream at `seed`; returns the new state. */
function draw(k: i32, px: usize, seed: u32): u32 {
  for (let i = 0; i < k; i++) {
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    sti(px, i, <f64>seed * 4.656612873077393e-10 - 1); // seed·2^-31 − 1
  }
  return seed;
}

export function stein(
  n: i32, pD: usize, pE: usize, m: i32, pW: usize, pIblock: usize, pIsplit: usize, pZ: usize, ldz: i32, pw: usize,
): i32 {
  if (n <= 0 || m <= 0) return 0;
  const ldZ = <usize>ldz << 3;
  const nn = <usize>even(n) << 3;
  const pU0 = pw; // diagonal of U
  const pU1 = pU0 + nn; // first superdiagonal
  const pU2 = pU1 + nn; // second superdiagonal (fill from pivoting)
  const pL = pU2 + nn; // multipliers
  const pP = pL + nn; // 1 where rows k, k+1 were swapped
  const pX = pP + nn; // the iterate
  const pXjm = pX + nn; // per block: the last shift
  const pGp = pXjm + nn; // per block: first eigenvalue of its current cluster, −1 before the first
  let maxits = 5;
  const set = tuneI(T_STEIN_MAXIT);
  if (set >= 1) maxits = set;
  // the blocks' state
  let nblk = 0;
  for (;;) {
    sti(pGp, nblk, -1);
    if (load<i32>(pIsplit + (<usize>nblk << 2)) >= n - 1) break;
    nblk++;
  }
  let seed: u32 = SEED;
  let info = 0;
  for (let j = 0; j < m; j++) {
    const b = load<i32>(pIblock + (<usize>j << 2));
    const b1 = b == 0 ? 0 : load<i32>(pIsplit + (<usize>(b - 1) << 2)) + 1;
    const bn = load<i32>(pIsplit + (<usize>b << 2));
    const bs = bn - b1 + 1;
    const zj = pZ + <usize>j * ldZ;
    for (let i = 0; i < n; i++) sti(zj, i, 0);
    if (bs == 1) {
      sti(zj, b1, 1);
      continue;
    }
    const pd = pD + (<usize>b1 << 3);
    const pe = pE + (<usize>b1 << 3);
    // ‖T_b‖₁ and the thresholds
    let onenrm = Math.abs(ldi(pd, 0)) + Math.abs(ldi(pe, 0));
    onenrm = max(onenrm, Math.abs(ldi(pd, bs - 1)) + Math.abs(ldi(pe, bs - 2)));
    for (let i = 1; i < bs - 1; i++) {
      onenrm = max(onenrm, Math.abs(ldi(pd, i)) + Math.abs(ldi(pe, i - 1)) + Math.abs(ldi(pe, i)));
    }
    const ortol = 1e-3 * onenrm;
    const dtpcrt = Math.sqrt(0.1 / <f64>bs);
    // 1. the shift, and the cluster
    let xj = ldi(pW, j);
    let gp = <i32>ldi(pGp, b);
    if (gp < 0) {
      gp = j;
    } else {
      const xjm = ldi(pXjm, b);
      const pertol = 10 * Math.abs(EPS * xj);
      if (xj - xjm < pertol) xj = xjm + pertol;
      if (Math.abs(xj - xjm) > ortol) gp = j;
    }
    sti(pGp, b, <f64>gp);
    sti(pXjm, b, xj);
    // 2. T_b − xj·I = P·L·U
    for (let k = 0; k < bs; k++) sti(pU0, k, ldi(pd, k) - xj);
    for (let k = 0; k < bs - 1; k++) sti(pU1, k, ldi(pe, k));
    for (let k = 0; k < bs - 1; k++) {
      const sub = ldi(pe, k);
      const piv = ldi(pU0, k);
      if (Math.abs(piv) >= Math.abs(sub)) {
        const mult = piv == 0 ? 0 : sub / piv;
        sti(pP, k, 0);
        sti(pL, k, mult);
        sti(pU0, k + 1, ldi(pU0, k + 1) - mult * ldi(pU1, k));
        sti(pU2, k, 0);
      } else {
        const mult = piv / sub;
        sti(pP, k, 1);
        sti(pL, k, mult);
        const t = ldi(pU0, k + 1);
        sti(pU0, k, sub);
        sti(pU0, k + 1, ldi(pU1, k) - mult * t);
        sti(pU1, k, t);
        if (k < bs - 2) {
          const f = ldi(pU1, k + 1);
          sti(pU2, k, f);
          sti(pU1, k + 1, -mult * f);
        } else {
          sti(pU2, k, 0);
        }
      }
    }
    sti(pU2, bs - 1, 0);
    sti(pU1, bs - 1, 0);
    let umax: f64 = 0;
    for (let k = 0; k < bs; k++) {
      umax = max(umax, max(Math.abs(ldi(pU0, k)), max(Math.abs(ldi(pU1, k)), Math.abs(ldi(pU2, k)))));
    }
    let tol = EPS * umax;
    if (tol == 0) tol = EPS;
    const unn = Math.abs(ldi(pU0, bs - 1));
    seed = draw(bs, pX, seed); // start vector
    // 3. iterate
    let its = 0;
    let nrmchk = 0;
    let conv = false;
    for (;;) {
      if (its >= maxits) break;
      its++;
      const xm = Math.abs(ldi(pX, iamax(bs, pX, 1)));
      if (xm == 0) {
        seed = draw(bs, pX, seed); // (the cluster's vectors took all of x away) a fresh start
        continue;
      }
      const scl = <f64>bs * onenrm * max(EPS, unn) / xm;
      for (let i = 0; i < bs; i++) sti(pX, i, ldi(pX, i) * scl);
      // P·L: forward
      for (let k = 0; k < bs - 1; k++) {
        if (ldi(pP, k) != 0) {
          const t = ldi(pX, k);
          sti(pX, k, ldi(pX, k + 1));
          sti(pX, k + 1, t);
        }
        sti(pX, k + 1, ldi(pX, k + 1) - ldi(pL, k) * ldi(pX, k));
      }
      // U: backward, small pivots perturbed, rescaled against overflow
      for (let k = bs - 1; k >= 0; k--) {
        let t = ldi(pX, k);
        if (k + 1 < bs) t -= ldi(pU1, k) * ldi(pX, k + 1);
        if (k + 2 < bs) t -= ldi(pU2, k) * ldi(pX, k + 2);
        let u = ldi(pU0, k);
        if (Math.abs(u) < tol) u = u >= 0 ? tol : -tol;
        while (Math.abs(t) > Math.abs(u) * BIG && Math.abs(t) < Infinity) {
          for (let i = 0; i < bs; i++) sti(pX, i, ldi(pX, i) * SMALL);
          t *= SMALL;
        }
        sti(pX, k, t / u);
      }
      // reorthogonalise against the cluster, twice ("twice is enough": the solve re-amplifies the
      // directions of the cluster's other vectors by up to 1/eps, one pass leaves eps of that)
      for (let pass = 0; pass < 2; pass++) {
        for (let i = gp; i < j; i++) {
          if (load<i32>(pIblock + (<usize>i << 2)) != b) continue;
          const zi = pZ + <usize>i * ldZ + (<usize>b1 << 3);
          let dot: f64 = 0;
          for (let r = 0; r < bs; r++) dot += ldi(pX, r) * ldi(zi, r);
          for (let r = 0; r < bs; r++) sti(pX, r, ldi(pX, r) - dot * ldi(zi, r));
        }
      }
      const nrm = Math.abs(ldi(pX, iamax(bs, pX, 1)));
      if (nrm < dtpcrt) continue;
      nrmchk++;
      if (nrmchk >= EXTRA + 1) {
        conv = true;
        break;
      }
    }
    // 4. normalise (scaled 2-norm), sign
    const jmax = iamax(bs, pX, 1);
    const xmax = Math.abs(ldi(pX, jmax));
    let ssq: f64 = 0;
    for (let i = 0; i < bs; i++) {
      const t = ldi(pX, i) / xmax;
      ssq += t * t;
    }
    let scl = 1 / (xmax * Math.sqrt(ssq));
    if (ldi(pX, jmax) < 0) scl = -scl;
    const zb = zj + (<usize>b1 << 3);
    for (let i = 0; i < bs; i++) sti(zb, i, ldi(pX, i) * scl);
    // 5. no growth: accepted if the residual says it is an eigenvector all the same
    if (!conv) {
      const lam = ldi(pW, j);
      let res: f64 = 0;
      for (let i = 0; i < bs; i++) {
        let t = (ldi(pd, i) - lam) * ldi(zb, i);
        if (i > 0) t += ldi(pe, i - 1) * ldi(zb, i - 1);
        if (i < bs - 1) t += ldi(pe, i) * ldi(zb, i + 1);
        res = max(res, Math.abs(t));
      }
      if (!(res <= <f64>bs * EPS * onenrm)) info++;
    }
  }
  return info;
}
