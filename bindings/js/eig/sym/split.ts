/**
 * The block bookkeeping that steqr and sterf share: the end of the next unreduced block, the exact
 * power-of-two scaling of a block, the count of off-diagonals left nonzero.
 *
 * JS mirror of assembly/eig/sym/split.ts (read it for the contracts).
 *
 *   blockEnd(n, l1, d, offD, e, offE)      end m of the block starting at l1 (zeroes e[l1−1] and a negligible e_m)
 *   blockScale(l, lend, d, offD, e, offE)  the k applied (2^k into [2^-405, 2^509]), or BLOCK_DONE (1×1 or zero block)
 *   unconverged(n, e, offE)                how many of e[0…n−2] are nonzero
 */
import { ilog2, scalePow2 } from './pow2.js';
import { UNIT_ROUNDOFF, UNIT_ROUNDOFF_SQ, SQRT_SAFMIN } from '../../../core/machine.js';

const SSFMAX = 1.6759759912428246e153; // 2^509 ≤ √SAFMAX/3 (dsteqr's SSFMAX, rounded down to a power of two)
const SSFMIN = SQRT_SAFMIN / UNIT_ROUNDOFF_SQ; // 2^-405 = √safmin/eps², dsteqr's SSFMIN

/** blockScale's answer for a block that needs no sweep, 1×1 or all zero (no k can be this). */
export const BLOCK_DONE = -2147483648;

export function blockEnd(n: number, l1: number, d: Float64Array, offD: number, e: Float64Array, offE: number): number {
  const D = offD;
  const E = offE;
  if (l1 > 0) e[E + l1 - 1] = 0;
  let m = l1;
  for (; m < n - 1; m++) {
    const t = Math.abs(e[E + m]!);
    if (t === 0) break;
    if (t <= Math.sqrt(Math.abs(d[D + m]!)) * Math.sqrt(Math.abs(d[D + m + 1]!)) * UNIT_ROUNDOFF) {
      e[E + m] = 0;
      break;
    }
  }
  return m;
}

export function blockScale(l: number, lend: number, d: Float64Array, offD: number, e: Float64Array, offE: number): number {
  const D = offD;
  const E = offE;
  if (lend === l) return BLOCK_DONE;
  let anorm = 0;
  for (let i = l; i <= lend; i++) {
    const a = Math.abs(d[D + i]!);
    if (a > anorm || a !== a) anorm = a;
    if (i < lend) {
      const b = Math.abs(e[E + i]!);
      if (b > anorm || b !== b) anorm = b;
    }
  }
  if (anorm === 0) return BLOCK_DONE;
  let k = 0;
  if (anorm > SSFMAX) k = 508 - ilog2(anorm);
  else if (anorm < SSFMIN) k = -405 - ilog2(anorm);
  if (k !== 0) {
    scalePow2(lend - l + 1, d, D + l, k);
    scalePow2(lend - l, e, E + l, k);
  }
  return k;
}

export function unconverged(n: number, e: Float64Array, offE: number): number {
  let info = 0;
  for (let i = 0; i < n - 1; i++) if (e[offE + i] !== 0) info++;
  return info;
}
