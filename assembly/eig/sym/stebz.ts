/**
 * stebz — selected eigenvalues of a symmetric tridiagonal matrix by bisection on Sturm counts
 *                                                   (≈ (itn + 2)·5·bs flops per eigenvalue, itn ≈ 53)
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
 * zero; T falls apart into blocks, block b ending at row isplit[b]. Over the whole matrix the count is
 * the sum of the blocks' counts (the recurrence restarts where e² = 0, with the same arithmetic).
 *
 * The steps (dstebz's):
 *
 *   1. the target interval (wl, wu]: (vl, vu] for range 1; the Gershgorin interval [gl, gu] for range 0;
 *      for range 2 two bisections over the whole matrix, for λ_il (wl = the left end of its final
 *      interval) and for λ_iu (wu = the right end), so (wl, wu] holds the eigenvalues N(wl) … N(wu) − 1,
 *      il … iu among them (more where eigenvalues tie with λ_il or λ_iu);
 *   2. per block: the block's eigenvalues in (wl, wu] — block-local indices N_b(wl) … N_b(wu) − 1 —
 *      each by bisection of its own interval (a, b] with N_b(a) ≤ j < N_b(b), started from the block's
 *      Gershgorin interval clipped to (wl, wu] (the previous eigenvalue's left end reused), halved until
 *      b − a < max(atol, pivmin, 2·ulp·max(|a|, |b|)), atol = ulp·‖T_b‖ (dstebz's defaults for
 *      abstol ≤ 0, RELFAC = 2); λ = (a + b)/2. A 1×1 block's eigenvalue is its diagonal entry, exactly
 *      (so a diagonal matrix gives its diagonal bit for bit); whether it lies in (wl, wu] is decided by
 *      the same count, so the total found is N(wu) − N(wl) exactly;
 *   3. sort ascending (the blocks' eigenvalues interleave; insertion sort, iblock along);
 *   4. range 2: drop the il − N(wl) smallest and the N(wu) − iu − 1 largest (ties at the ends).
 *
 * Gershgorin intervals are widened by 2.1·(bs·ulp·‖T_b‖ + 2·pivmin) as dstebz does.
 *
 * Iteration cap: per eigenvalue, ⌊log₂(‖T‖ + pivmin)⌋ − ⌊log₂ pivmin⌋ + 8 steps — dstebz's bound plus what
 * the widened start interval (up to 2·‖T‖·(1 + 2.1·n·ulp) + 8.4·pivmin) and the floors add, so that the
 * interval always reaches width pivmin (a zero block included); far more than the ≈ 53 the tolerance
 * needs in general; from the binary exponents, no log — or the tuning key T_STEBZ_MAXIT when ≥ 1.
 * NaN or Inf in d or e fails at once (−1).
 *
 * Overflow: e² must not overflow, i.e. |e| ≲ 1e154; syevx scales T into [2^-484, 2^484] first.
 *
 * Storage: d (n doubles at `pD`), e (n − 1 at `pE`) are read only. On exit W (at `pW`, room for n)
 * holds the m eigenvalues found, ascending; iblock (room for n ints at `pIblock`) the block of each
 * (0-based); isplit (ints at `pIsplit`, room for n) the last row of each block, the last entry n − 1.
 * Workspace: `pw`, `stebzScratch(n)` doubles (e², and two for an interval; 16-byte aligned).
 *
 * Returns m ≥ 0 (the number of eigenvalues found), or −1 when some eigenvalue did not converge within
 * the cap (W then holds what was found), T holds NaN/Inf, or an index range could not be filled.
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
// @ts-ignore: decorator
@inline const BIG: f64 = 1.7976931348623157e308;

/** Doubles of workspace `stebz` needs. */
export function stebzScratch(n: i32): i32 {
  return even(max(n, 1)) + 2;
}

/** N(x) over k ≥ 1 rows: d at pD, e² at pE2 (e²[i−1] couples rows i−1 and i). */
function count(k: i32, pD: usize, pE2: usize, pivmin: f64, x: f64): i32 {
  let c = 0;
  let q = load<f64>(pD) - x;
  if (Math.abs(q) < pivmin) q = -pivmin;
  if (q <= 0) c++;
  for (let i = 1; i < k; i++) {
    q = load<f64>(pD + (<usize>i << 3)) - load<f64>(pE2 + (<usize>(i - 1) << 3)) / q - x;
    if (Math.abs(q) < pivmin) q = -pivmin;
    if (q <= 0) c++;
  }
  return c;
}

/**
 * Bisection for eigenvalue j (0-based) of the k rows at pD/pE2 from (a, b] with N(a) ≤ j < N(b): the
 * final interval into pAB[0:2]; returns 1 when the cap stopped it, else 0.
 */
function bisect(k: i32, pD: usize, pE2: usize, pivmin: f64, j: i32, a: f64, b: f64, atol: f64, itmax: i32, pAB: usize): i32 {
  let failed = 0;
  let it = 0;
  for (;;) {
    const tol = max(atol, max(pivmin, 2 * EPS * max(Math.abs(a), Math.abs(b))));
    if (b - a < tol) break;
    if (it >= itmax) {
      failed = 1;
      break;
    }
    const mid = 0.5 * (a + b);
    if (mid <= a || mid >= b) break;
    if (count(k, pD, pE2, pivmin, mid) > j) b = mid;
    else a = mid;
    it++;
  }
  store<f64>(pAB, a);
  store<f64>(pAB, b, 8);
  return failed;
}

/** The cap for a block of norm tnorm. */
function capOf(tnorm: f64, pivmin: f64): i32 {
  const set = tuneI(T_STEBZ_MAXIT);
  return set >= 1 ? set : ilog2(tnorm + pivmin) - ilog2(pivmin) + 8;
}

export function stebz(
  range: i32, n: i32, vl: f64, vu: f64, il: i32, iu: i32, pD: usize, pE: usize, pW: usize, pIblock: usize,
  pIsplit: usize, pw: usize,
): i32 {
  if (n <= 0) return 0;
  const pE2 = pw;
  const pAB = pw + (<usize>even(n) << 3);
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
  // the Gershgorin interval of T
  let gl = load<f64>(pD);
  let gu = gl;
  for (let i = 0; i < n; i++) {
    let r: f64 = 0;
    if (i > 0) r += Math.abs(load<f64>(pE + (<usize>(i - 1) << 3)));
    if (i < n - 1) r += Math.abs(load<f64>(pE + (<usize>i << 3)));
    const di = load<f64>(pD + (<usize>i << 3));
    if (!(Math.abs(di) + r <= BIG)) return -1; // NaN or Inf in T
    if (di - r < gl) gl = di - r;
    if (di + r > gu) gu = di + r;
  }
  let tnorm = max(Math.abs(gl), Math.abs(gu));
  gl = gl - FUDGE * tnorm * EPS * <f64>n - FUDGE * 2 * pivmin;
  gu = gu + FUDGE * tnorm * EPS * <f64>n + FUDGE * 2 * pivmin;
  // 1. the target interval
  let wl = gl;
  let wu = gu;
  let nwl = 0;
  if (range == 1) {
    wl = vl;
    wu = vu;
    if (!(wl < wu)) return 0;
  } else if (range == 2) {
    const atol = EPS * max(Math.abs(gl), Math.abs(gu));
    const itmax = capOf(tnorm, pivmin);
    if (bisect(n, pD, pE2, pivmin, il, gl, gu, atol, itmax, pAB)) return -1;
    wl = load<f64>(pAB);
    if (bisect(n, pD, pE2, pivmin, iu, gl, gu, atol, itmax, pAB)) return -1;
    wu = load<f64>(pAB, 8);
    nwl = count(n, pD, pE2, pivmin, wl);
  }
  // 2. per block
  let m = 0;
  let failed = 0;
  let b1 = 0;
  for (let blk = 0; blk < nblk; blk++) {
    const bn = load<i32>(pIsplit + (<usize>blk << 2));
    const bs = bn - b1 + 1;
    const pd = pD + (<usize>b1 << 3);
    const pe2 = pE2 + (<usize>b1 << 3);
    if (bs == 1) {
      if (count(1, pd, pe2, pivmin, wu) - count(1, pd, pe2, pivmin, wl) > 0) {
        store<f64>(pW + (<usize>m << 3), load<f64>(pd));
        store<i32>(pIblock + (<usize>m << 2), blk);
        m++;
      }
    } else {
      let bl = load<f64>(pd);
      let bu = bl;
      for (let i = b1; i <= bn; i++) {
        let r: f64 = 0;
        if (i > b1) r += Math.abs(load<f64>(pE + (<usize>(i - 1) << 3)));
        if (i < bn) r += Math.abs(load<f64>(pE + (<usize>i << 3)));
        const di = load<f64>(pD + (<usize>i << 3));
        if (di - r < bl) bl = di - r;
        if (di + r > bu) bu = di + r;
      }
      tnorm = max(Math.abs(bl), Math.abs(bu));
      bl = bl - FUDGE * tnorm * EPS * <f64>bs - FUDGE * 2 * pivmin;
      bu = bu + FUDGE * tnorm * EPS * <f64>bs + FUDGE * 2 * pivmin;
      const atol = EPS * max(Math.abs(bl), Math.abs(bu));
      const itmax = capOf(tnorm, pivmin);
      let a = bl;
      let b = bu;
      let jlo = 0;
      let jhi = bs;
      if (wl > bl) {
        a = wl;
        jlo = wl >= bu ? bs : count(bs, pd, pe2, pivmin, wl);
      }
      if (wu < bu) {
        b = wu;
        jhi = wu <= bl ? 0 : count(bs, pd, pe2, pivmin, wu);
      }
      for (let j = jlo; j < jhi; j++) {
        failed |= bisect(bs, pd, pe2, pivmin, j, a, b, atol, itmax, pAB);
        a = load<f64>(pAB);
        store<f64>(pW + (<usize>m << 3), 0.5 * (a + load<f64>(pAB, 8)));
        store<i32>(pIblock + (<usize>m << 2), blk);
        m++;
      }
    }
    b1 = bn + 1;
  }
  // 3. ascending, the blocks along
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
  // 4. an index range: what ties at its ends brought in beyond it
  if (range == 2) {
    const drop = max(0, il - nwl);
    const want = iu - il + 1;
    if (m - drop < want) return -1;
    for (let j = 0; j < want; j++) {
      store<f64>(pW + (<usize>j << 3), load<f64>(pW + (<usize>(j + drop) << 3)));
      store<i32>(pIblock + (<usize>j << 2), load<i32>(pIblock + (<usize>(j + drop) << 2)));
    }
    m = want;
  }
  return failed ? -1 : m;
}
