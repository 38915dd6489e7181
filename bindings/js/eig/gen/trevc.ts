/**
 * trevc — right eigenvectors of an upper quasi-triangular T by back-substitution
 *
 * JS mirror of assembly/eig/gen/trevc.ts (read it for the math, the complex-pair layout and the
 * scaling). T[i, j] = t[offT + i + j·ldt], X[i, j] = x[offX + i + j·ldx]; workspace w[offW…], n doubles.
 * Same operation order as the wasm kernel. Returns 0.
 *
 * References: Golub & Van Loan, 4th ed., §7.6.4; LAPACK dtrevc.
 */
import { axpy } from '../../blas/axpy.js';
import { scal } from '../../blas/scal.js';
import { laln2, laln2Out } from './laln2.js';
import { ULP, SAFMIN_OVER_EPS } from '../../../core/machine.js';

const SMLNUM = SAFMIN_OVER_EPS; // 2^-970: dtrevc's UNFL·(n/ULP) without the factor n
const BIGNUM = 1.0 / SMLNUM; // 2^970 (dtrevc: (1 − ULP)/SMLNUM)

export function trevc(
  n: number, t: Float64Array, offT: number, ldt: number, x: Float64Array, offX: number, ldx: number,
  w: Float64Array, offW: number,
): number {
  if (n <= 0) return 0;
  const T = (i: number, j: number): number => offT + i + j * ldt;
  const o = laln2Out;
  w[offW] = 0;
  for (let j = 1; j < n; j++) {
    let s = 0;
    for (let i = 0; i < j; i++) s += Math.abs(t[T(i, j)]!);
    w[offW + j] = s;
  }
  let ki = n - 1;
  while (ki >= 0) {
    const pair = ki > 0 && t[T(ki, ki - 1)] !== 0;
    const wr = t[T(ki, ki)]!;
    if (!pair) {
      const smin = Math.max(ULP * Math.abs(wr), SMLNUM);
      const px = offX + ki * ldx;
      for (let k = 0; k < ki; k++) x[px + k] = -t[T(k, ki)]!;
      x[px + ki] = 1;
      for (let k = ki + 1; k < n; k++) x[px + k] = 0;
      let j = ki - 1;
      while (j >= 0) {
        const two = j > 0 && t[T(j, j - 1)] !== 0;
        const j0 = two ? j - 1 : j;
        laln2(two ? 2 : 1, smin, t, T(j0, j0), ldt, wr, 0, x[px + j0]!, 0, two ? x[px + j]! : 0, 0);
        let x1 = o.x1r;
        let x2 = o.x2r;
        let scale = o.scale;
        const xn = o.xnorm;
        if (xn > 1) {
          const beta = two ? Math.max(w[offW + j0]!, w[offW + j]!) : w[offW + j]!;
          if (beta > BIGNUM / xn) {
            x1 /= xn;
            x2 /= xn;
            scale /= xn;
          }
        }
        if (scale !== 1) scal(ki + 1, scale, x, px, 1);
        x[px + j0] = x1;
        if (two) x[px + j] = x2;
        axpy(j0, -x1, t, T(0, j0), 1, x, px, 1);
        if (two) axpy(j0, -x2, t, T(0, j), 1, x, px, 1);
        j = j0 - 1;
      }
      ki--;
    } else {
      const b = t[T(ki - 1, ki)]!;
      const c = t[T(ki, ki - 1)]!;
      const wi = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
      const smin = Math.max(ULP * (Math.abs(wr) + wi), SMLNUM);
      const pr = offX + (ki - 1) * ldx;
      const pi = pr + ldx;
      let xr: number, xi: number;
      if (Math.abs(b) >= Math.abs(c)) {
        xr = 1;
        xi = wi / b;
      } else {
        xr = -wi / c;
        xi = 1;
      }
      x[pr + ki - 1] = xr;
      x[pr + ki] = 0;
      x[pi + ki - 1] = 0;
      x[pi + ki] = xi;
      for (let k = 0; k < ki - 1; k++) {
        x[pr + k] = -xr * t[T(k, ki - 1)]!;
        x[pi + k] = -xi * t[T(k, ki)]!;
      }
      for (let k = ki + 1; k < n; k++) {
        x[pr + k] = 0;
        x[pi + k] = 0;
      }
      let j = ki - 2;
      while (j >= 0) {
        const two = j > 0 && t[T(j, j - 1)] !== 0;
        const j0 = two ? j - 1 : j;
        laln2(two ? 2 : 1, smin, t, T(j0, j0), ldt, wr, wi, x[pr + j0]!, x[pi + j0]!,
          two ? x[pr + j]! : 0, two ? x[pi + j]! : 0);
        let x1r = o.x1r;
        let x1i = o.x1i;
        let x2r = o.x2r;
        let x2i = o.x2i;
        let scale = o.scale;
        const xn = o.xnorm;
        if (xn > 1) {
          const beta = two ? Math.max(w[offW + j0]!, w[offW + j]!) : w[offW + j]!;
          if (beta > BIGNUM / xn) {
            const s = 1.0 / xn;
            x1r *= s; x1i *= s; x2r *= s; x2i *= s;
            scale *= s;
          }
        }
        if (scale !== 1) {
          scal(ki + 1, scale, x, pr, 1);
          scal(ki + 1, scale, x, pi, 1);
        }
        x[pr + j0] = x1r;
        x[pi + j0] = x1i;
        if (two) {
          x[pr + j] = x2r;
          x[pi + j] = x2i;
        }
        axpy(j0, -x1r, t, T(0, j0), 1, x, pr, 1);
        axpy(j0, -x1i, t, T(0, j0), 1, x, pi, 1);
        if (two) {
          axpy(j0, -x2r, t, T(0, j), 1, x, pr, 1);
          axpy(j0, -x2i, t, T(0, j), 1, x, pi, 1);
        }
        j = j0 - 1;
      }
      ki -= 2;
    }
  }
  return 0;
}
