/**
 * stebz — selected eigenvalues of a symmetric tridiagonal matrix by bisection on Sturm counts
 *                                                   (≈ (itn + 2)·5n flops per eigenvalue, itn ≈ 53)
 *
 *   T = tridiag(e, d, e) (n×n),   range = 0: all n eigenvalues
 *                                 range = 1: those in the half-open interval (vl, vu]
 *                                 range = 2: λ_il … λ_iu (0-based, inclusive, ascending)
 *
 * The count. For a shift x, the pivots of the LDLᵀ factorisation of T − x·I,
 *
 *   q₀ = d₀ − x,   qᵢ = (dᵢ − eᵢ₋₁²/qᵢ₋₁) − x,   |qᵢ| < pivmin → qᵢ = −pivmin,
 *
 * have as many non-positive members as T has eigenvalues ≤ x (Sylvester's law of inertia). Replacing a
 * tiny pivot by −pivmin (pivmin = safmin·max(1, max eᵢ²)) keeps the division finite and makes the count
 * monotone in x in IEEE arithmetic (Kahan 1966; Demmel, Dhillon & Ren 1995), so N(x) = #{λ ≤ x} as
 * computed is a non-decreasing step function and bisection on it cannot go wrong.
 *
 * Splitting (as dstebz): where eᵢ² ≤ ulp²·|dᵢ·dᵢ₊₁| + safmin the off-diagonal is negligible and set to
 * zero for the counts; T falls apart into blocks, block b ending at row isplit[b]. The count over the
 * whole matrix is then the sum of the blocks' counts (the recurrence restarts where e² = 0).
 *
 * Bisection. Every wanted index k gets its own interval (a, b] with N(a) ≤ k < N(b), halved until
 * b − a < max(atol, pivmin, 2·ulp·max(|a|, |b|)) with atol = ulp·‖T‖ (dstebz's defaults for
 * abstol ≤ 0, RELFAC = 2); λₖ = (a + b)/2. The start is the Gershgorin interval [gl, gu], widened by
 * 2.1·(n·ulp·‖T‖ + 2·pivmin) as dstebz does, or (vl, vu] clipped to it; successive k reuse the left end
 * of the previous interval (N there ≤ k − 1 < k) and the smallest point seen with N > k + 1 as the
 * right end. Unlike dstebz (which bisects each block on its own, after finding the global interval for an
 * index range with dlaebz), the bisection here is over the whole matrix, and the block of λₖ is found
 * after convergence from the per-block counts at a and b: the eigenvalues in (a, b] are N(b) − N(a), so
 * many per block, and λₖ is number k − N(a) among them. Ties between blocks (identical eigenvalues in
 * different blocks, e.g. the identity) are therefore assigned one block each, as the counts say.
 *
 * An eigenvalue whose block is 1×1 is returned as that diagonal entry, exactly (as dstebz does), so
 * diagonal matrices give their diagonal bit for bit.
 *
 * The number of eigenvalues in (vl, vu] is N(vu) − N(vl), their indices N(vl) … N(vu) − 1; an endpoint
 * outside the Gershgorin interval counts as 0 (left) or n (right) without evaluating the recurrence.
 *
 * Iteration cap: per eigenvalue, dstebz's ⌈log₂((‖T‖ + pivmin)/pivmin)⌉ + 2 steps (more than the ≈ 53 the
 * tolerance needs; from the binary exponents, no log), or the tuning key T_STEBZ_MAXIT when it is ≥ 1.
 * NaN or Inf in d or e fails at once (−1).
 *
 * Overflow: e² must not overflow, i.e. |e| ≲ 1e154; syevx scales T into [2^-484, 2^484] first.
 *
 * Storage: d (n doubles at `pD`), e (n − 1 at `pE`) are read only. On exit W (at `pW`, room for n)
 * holds the m eigenvalues found, ascending; iblock (m ints at `pIblock`) the block of each (0-based);
 * isplit (ints at `pIsplit`, room for n) the last row of each block, the last entry being n − 1.
 * Workspace: `pw`, `stebzScratch(n)` doubles (e², 16-byte aligned).
 *
 * The midpoints of neighbouring intervals can be out of order by less than the tolerance; W is sorted
 * at the end (insertion sort, O(m) on such input), iblock along.
 *
 * Returns m ≥ 0 (the number of eigenvalues found), or −1 when some eigenvalue did not converge within
 * the cap (W then holds what was found).
 *
 * References: LAPACK dstebz and dlaebz (Kahan's bisection); Demmel, Applied Numerical Linear Algebra,
 * §5.3.4; Golub & Van Loan, 4th ed., §8.4.2 (Sturm sequences); W. Kahan, Accurate eigenvalues of a
 * symmetric tridiagonal matrix, Stanford CS41, 1966; Demmel, Dhillon & Ren, ETNA 3, 1995 (correctness of
 * bisection in floating point).
 */
import { EPS, SAFMIN } from '../../machine';
import { even } from '../../util';
import { ilog2 } from './pow2';
import { tuneI, T_STEBZ_MAXIT } from '../../tuning';

// @ts-ignore: decorator
@inline const FUDGE: f64 = 2.1;

/** Doubles of workspace `stebz` needs. */
export function stebzScratch(n: i32): i32 {
  return even(max(n, 1));
}

/** N(x): the number of eigenvalues ≤ x (the non-positive pivots of T − x·I). */
function count(n: i32, pD: usize, pE2: usize, pivmin: f64, x: f64): i32 {
  let c = 0;
  let q = load<f64>(pD) - x;
  if (Math.abs(q) < pivmin) q = -pivmin;
  if (q <= 0) c++;
  for (let i = 1; i < n; i++) {
    q = load<f64>(pD + (<usize>i << 3)) - load<f64>(pE2 + (<usize>(i - 1) << 3)) / q - x;
    if (Math.abs(q) < pivmin) q = -pivmin;
    if (q <= 0) c++;
  }
  return c;
}

/**
 * The block of the eigenvalue number r (0-based) among those in (a, b]: walks the blocks, counting each
 * one's eigenvalues in (a, b] from its pivots at a and at b (the same recurrence as `count`).
 */
function blockOf(n: i32, pD: usize, pE2: usize, pIsplit: usize, pivmin: f64, a: f64, b: f64, r: i32): i32 {
  let blk = 0;
  let last = -1;
  let qa: f64 = 0;
  let qb: f64 = 0;
  let ca = 0;
  let cb = 0;
  let end = load<i32>(pIsplit);
  for (let i = 0; i < n; i++) {
    const di = load<f64>(pD + (<usize>i << 3));
    if (i == 0) {
      qa = di - a;
      qb = di - b;
    } else {
      const e2 = load<f64>(pE2 + (<usize>(i - 1) << 3));
      qa = di - e2 / qa - a;
      qb = di - e2 / qb - b;
    }
    if (Math.abs(qa) < pivmin) qa = -pivmin;
    if (Math.abs(qb) < pivmin) qb = -pivmin;
    if (qa <= 0) ca++;
    if (qb <= 0) cb++;
    if (i == end) {
      const c = cb - ca;
      if (c > 0) {
        if (r < c) return blk;
        r -= c;
        last = blk;
      }
      blk++;
      ca = 0;
      cb = 0;
      if (i < n - 1) end = load<i32>(pIsplit + (<usize>blk << 2));
    }
  }
  // counts that do not add up (cannot happen with a monotone count): the last block that had any
  return last >= 0 ? last : 0;
}

export function stebz(
  range: i32, n: i32, vl: f64, vu: f64, il: i32, iu: i32, pD: usize, pE: usize, pW: usize, pIblock: usize,
  pIsplit: usize, pw: usize,
): i32 {
  if (n <= 0) return 0;
  const pE2 = pw;
  // split, e², pivmin
  let pivmin: f64 = 1;
  let nblk = 0;
  for (let i = 0; i < n - 1; i++) {
    const ei = load<f64>(pE + (<usize>i << 3));
    const t = ei * ei;
    const dd = Math.abs(load<f64>(pD + (<usize>i << 3)) * load<f64>(pD + (<usize>(i + 1) << 3)));
    if (dd * (EPS * EPS) + SAFMIN > t) {
      store<f64>(pE2 + (<usize>i << 3), 0);
      store<i32>(pIsplit + (<usize>nblk << 2), i);
      nblk++;
    } else {
      store<f64>(pE2 + (<usize>i << 3), t);
      if (t > pivmin) pivmin = t;
    }
  }
  store<i32>(pIsplit + (<usize>nblk << 2), n - 1);
  nblk++;
  pivmin *= SAFMIN;
  // Gershgorin interval
  let gl = load<f64>(pD);
  let gu = gl;
  for (let i = 0; i < n; i++) {
    let r: f64 = 0;
    if (i > 0) r += Math.abs(load<f64>(pE + (<usize>(i - 1) << 3)));
    if (i < n - 1) r += Math.abs(load<f64>(pE + (<usize>i << 3)));
    const di = load<f64>(pD + (<usize>i << 3));
    if (!(Math.abs(di) + r <= 1.7976931348623157e308)) return -1; // NaN or Inf in T
    if (di - r < gl) gl = di - r;
    if (di + r > gu) gu = di + r;
  }
  const tnorm = max(Math.abs(gl), Math.abs(gu));
  gl = gl - FUDGE * tnorm * EPS * <f64>n - FUDGE * 2 * pivmin;
  gu = gu + FUDGE * tnorm * EPS * <f64>n + FUDGE * 2 * pivmin;
  const atol = EPS * tnorm;
  const rtol = 2 * EPS;
  let itmax = ilog2(tnorm + pivmin) - ilog2(pivmin) + 3;
  const set = tuneI(T_STEBZ_MAXIT);
  if (set >= 1) itmax = set;
  // the indices wanted and the starting interval
  let lo = 0;
  let hi = n; // exclusive
  let a0 = gl;
  let b0 = gu;
  if (range == 2) {
    lo = il;
    hi = iu + 1;
  } else if (range == 1) {
    if (vl > gl) {
      a0 = vl;
      lo = vl >= gu ? n : count(n, pD, pE2, pivmin, vl);
    }
    if (vu < gu) {
      b0 = vu;
      hi = vu <= gl ? 0 : count(n, pD, pE2, pivmin, vu);
    }
    if (hi < lo) hi = lo;
  }
  let failed = 0;
  let a = a0;
  let ub = b0; // the right end to start from for index k (N(ub) > k)
  for (let k = lo; k < hi; k++) {
    let b = ub;
    if (b <= a) b = b0; // (only with a non-monotone count)
    ub = b0;
    let it = 0;
    for (;;) {
      const tol = max(atol, max(pivmin, rtol * max(Math.abs(a), Math.abs(b))));
      if (b - a < tol) break;
      if (it >= itmax) {
        failed++;
        break;
      }
      const mid = 0.5 * (a + b);
      if (mid <= a || mid >= b) break;
      const c = count(n, pD, pE2, pivmin, mid);
      if (c > k) {
        b = mid;
        if (c > k + 1 && mid < ub) ub = mid;
      } else {
        a = mid;
      }
      it++;
    }
    const j = k - lo;
    store<f64>(pW + (<usize>j << 3), 0.5 * (a + b));
    let blk = 0;
    if (nblk > 1) {
      const na = a > gl ? count(n, pD, pE2, pivmin, a) : 0;
      blk = blockOf(n, pD, pE2, pIsplit, pivmin, a, b, k - na);
    }
    store<i32>(pIblock + (<usize>j << 2), blk);
    // a 1×1 block's eigenvalue is its diagonal entry, exactly (as dstebz)
    const b1 = blk == 0 ? 0 : load<i32>(pIsplit + (<usize>(blk - 1) << 2)) + 1;
    if (b1 == load<i32>(pIsplit + (<usize>blk << 2))) store<f64>(pW + (<usize>j << 3), load<f64>(pD + (<usize>b1 << 3)));
  }
  // the midpoints of intervals that overlap may come out of order by less than the tolerance: sort
  // (insertion, stable; nearly sorted input costs O(m)), the blocks along
  const m = hi - lo;
  for (let j = 1; j < m; j++) {
    const x = load<f64>(pW + (<usize>j << 3));
    const bj = load<i32>(pIblock + (<usize>j << 2));
    let i = j - 1;
    while (i >= 0 && load<f64>(pW + (<usize>i << 3)) > x) {
      store<f64>(pW + (<usize>(i + 1) << 3), load<f64>(pW + (<usize>i << 3)));
      store<i32>(pIblock + (<usize>(i + 1) << 2), load<i32>(pIblock + (<usize>i << 2)));
      i--;
    }
    store<f64>(pW + (<usize>(i + 1) << 3), x);
    store<i32>(pIblock + (<usize>(i + 1) << 2), bj);
  }
  return failed > 0 ? -1 : m;
}
