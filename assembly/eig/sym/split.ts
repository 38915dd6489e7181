/**
 * The block bookkeeping that steqr and sterf share (read steqr.ts for the math): where the next
 * unreduced block of T = tridiag(e, d, e) ends, the exact power-of-two scaling of a block into the safe
 * range, and the count of off-diagonals left nonzero at the end.
 *
 *   blockEnd(n, l1, pD, pE)      sets e[l1−1] = 0 (l1 > 0: the previous block's end), then returns the end
 *                                m of the block that starts at l1: the first m ≥ l1 with e_m = 0 or
 *                                |e_m| ≤ eps·√|d_m|·√|d_{m+1}| (that e_m is set to 0); n − 1 if none
 *   blockScale(l, lend, pD, pE)  k such that 2^k brings max(|d[l…lend]|, |e[l…lend−1]|) into
 *                                [2^-405, 2^509] (0 if it lies inside), applied to both; BLOCK_DONE (nothing
 *                                scaled) when the block needs no sweep: 1×1 (lend = l) or all zero.
 *                                NaN is the maximum once met.
 *   unconverged(n, pE)           how many of e[0…n−2] are nonzero
 *
 * eps is the unit roundoff UNIT_ROUNDOFF = 2^-53 (machine.ts): dsteqr and dsterf take dlamch('E'), so
 * the splitting test and the bounds [√SAFMIN/eps², √SAFMAX/3] are theirs.
 */
import { ilog2, scalePow2 } from './pow2';
import { UNIT_ROUNDOFF, UNIT_ROUNDOFF_SQ, SQRT_SAFMIN } from '../../machine';
import { ld, st } from '../../util';

// @ts-ignore: decorator
@inline const SSFMAX: f64 = 1.6759759912428246e153; // 2^509 ≤ √SAFMAX/3 (dsteqr's SSFMAX, rounded down to a power of two)
// @ts-ignore: decorator
@inline const SSFMIN: f64 = SQRT_SAFMIN / UNIT_ROUNDOFF_SQ; // 2^-405 = √safmin/eps², dsteqr's SSFMIN

/** blockScale's answer for a block that needs no sweep, 1×1 or all zero (no k can be this). */
export const BLOCK_DONE: i32 = i32.MIN_VALUE;

export function blockEnd(n: i32, l1: i32, pD: usize, pE: usize): i32 {
  if (l1 > 0) st(pE, l1 - 1, 0);
  let m = l1;
  for (; m < n - 1; m++) {
    const t = Math.abs(ld(pE, m));
    if (t == 0) break;
    if (t <= Math.sqrt(Math.abs(ld(pD, m))) * Math.sqrt(Math.abs(ld(pD, m + 1))) * UNIT_ROUNDOFF) {
      st(pE, m, 0);
      break;
    }
  }
  return m;
}

export function blockScale(l: i32, lend: i32, pD: usize, pE: usize): i32 {
  if (lend == l) return BLOCK_DONE;
  let anorm: f64 = 0;
  for (let i = l; i <= lend; i++) {
    const a = Math.abs(ld(pD, i));
    if (a > anorm || a != a) anorm = a;
    if (i < lend) {
      const b = Math.abs(ld(pE, i));
      if (b > anorm || b != b) anorm = b;
    }
  }
  if (anorm == 0) return BLOCK_DONE;
  let k = 0;
  if (anorm > SSFMAX) k = 508 - ilog2(anorm);
  else if (anorm < SSFMIN) k = -405 - ilog2(anorm);
  if (k != 0) {
    scalePow2(lend - l + 1, pD + (<usize>l << 3), k);
    scalePow2(lend - l, pE + (<usize>l << 3), k);
  }
  return k;
}

export function unconverged(n: i32, pE: usize): i32 {
  let info = 0;
  for (let i = 0; i < n - 1; i++) if (ld(pE, i) != 0) info++;
  return info;
}
