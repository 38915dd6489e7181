/**
 * trevc — right eigenvectors of an upper quasi-triangular T by back-substitution     (≈ n³/3 flops for all)
 *
 * For each eigenvalue λ of T (real Schur form, standardised 2×2 blocks as hqr leaves it) computes x with
 * T·x = λ·x, x zero below λ's diagonal block. Column k of X is the eigenvector of a real T[k, k]; for a
 * complex pair at (k−1, k) with λ = wr + i·wi, wi > 0, columns k−1 and k hold the real and imaginary
 * parts of the vector for λ (the one for λ̄ is its conjugate). X is upper quasi-triangular, so the
 * eigenvectors of A = Z·T·Zᵀ are Z·X (one GEMM in geev).
 *
 * Real λ = T[k, k]: with x[k] = 1, the leading k rows solve the upper quasi-triangular system
 *
 *   (T[0:k, 0:k] − λ·I)·x[0:k] = −T[0:k, k]
 *
 * by column-oriented back-substitution: for each diagonal block (1×1, or 2×2 at (j−1, j)) from the
 * bottom up, solve it (laln2) and subtract its columns times the solution from the rows above (axpy).
 * Complex λ: the 2×2 block's own eigenvector starts the recursion — with b = T[k−1, k], c = T[k, k−1],
 * x[k−1:k+1] = (1, i·wi/b) if |b| ≥ |c|, else (i·wi/c, 1) times i — and the same back-substitution
 * runs in complex arithmetic (real and imaginary parts in the two columns).
 *
 * Conditioning and scaling (as LAPACK dtrevc): a diagonal pivot smaller than smin = max(ε·|λ|, SMLNUM)
 * (ε = ULP = 2^-52, dlamch('P') as in dtrevc; SMLNUM = SAFMIN/ULP = 2^-970, machine.ts) is replaced by
 * smin, so repeated or nearly repeated eigenvalues give a finite vector. Every block solve may scale
 * the whole partial vector down (laln2's s), and before an axpy the partial vector is scaled by 1/‖x_j‖
 * when ‖x_j‖·‖T[0:j, j]‖₁ could overflow. The vectors are not normalised (geev does that after the
 * back-transformation).
 *
 * Storage: T n×n at `pT` (ldt), read only (the upper triangle and the first subdiagonal); X n×n at `pX`
 * (ldx ≥ max(1, n)), written entirely.
 *
 * Workspace: `pw`, n doubles (the 1-norms of the strictly upper columns of T). Returns 0.
 *
 * References: Golub & Van Loan, 4th ed., §7.6.4 (eigenvectors by back-substitution); LAPACK dtrevc
 * (side = 'R', howmny = 'A').
 */
import { axpy } from '../../blas/axpy';
import { scal } from '../../blas/scal';
import { laln2, laln2X1r, laln2X1i, laln2X2r, laln2X2i, laln2Scale, laln2Xnorm } from './laln2';
import { ULP, SAFMIN_OVER_EPS } from '../../machine';
import { at } from '../../util';

// @ts-ignore: decorator
@inline const SMLNUM: f64 = SAFMIN_OVER_EPS; // 2^-970: dtrevc's UNFL·(n/ULP) without the factor n
// @ts-ignore: decorator
@inline const BIGNUM: f64 = 1.0 / SMLNUM; // 2^970 (dtrevc: (1 − ULP)/SMLNUM)

export function trevc(n: i32, pT: usize, ldt: i32, pX: usize, ldx: i32, pw: usize): i32 {
  if (n <= 0) return 0;
  const ldT = <usize>ldt << 3;
  const ldX = <usize>ldx << 3;
  // column norms of the strictly upper part
  store<f64>(pw, 0);
  for (let j = 1; j < n; j++) {
    let s: f64 = 0;
    for (let i = 0; i < j; i++) s += Math.abs(load<f64>(at(pT, ldT, i, j)));
    store<f64>(pw + (<usize>j << 3), s);
  }
  let ki = n - 1;
  while (ki >= 0) {
    const pair = ki > 0 && load<f64>(at(pT, ldT, ki, ki - 1)) != 0;
    const wr = load<f64>(at(pT, ldT, ki, ki));
    if (!pair) {
      const smin = max(ULP * Math.abs(wr), SMLNUM);
      const px = pX + <usize>ki * ldX;
      for (let k = 0; k < ki; k++) store<f64>(px + (<usize>k << 3), -load<f64>(at(pT, ldT, k, ki)));
      store<f64>(px + (<usize>ki << 3), 1);
      for (let k = ki + 1; k < n; k++) store<f64>(px + (<usize>k << 3), 0);
      let j = ki - 1;
      while (j >= 0) {
        const two = j > 0 && load<f64>(at(pT, ldT, j, j - 1)) != 0;
        const j0 = two ? j - 1 : j;
        laln2(two ? 2 : 1, smin, at(pT, ldT, j0, j0), ldt, wr, 0,
          load<f64>(px + (<usize>j0 << 3)), 0, two ? load<f64>(px + (<usize>j << 3)) : 0, 0);
        let x1 = laln2X1r;
        let x2 = laln2X2r;
        let scale = laln2Scale;
        const xn = laln2Xnorm;
        if (xn > 1) {
          const beta = two ? max(load<f64>(pw + (<usize>j0 << 3)), load<f64>(pw + (<usize>j << 3))) : load<f64>(pw + (<usize>j << 3));
          if (beta > BIGNUM / xn) {
            x1 /= xn;
            x2 /= xn;
            scale /= xn;
          }
        }
        if (scale != 1) scal(ki + 1, scale, px, 1);
        store<f64>(px + (<usize>j0 << 3), x1);
        if (two) store<f64>(px + (<usize>j << 3), x2);
        axpy(j0, -x1, at(pT, ldT, 0, j0), 1, px, 1);
        if (two) axpy(j0, -x2, at(pT, ldT, 0, j), 1, px, 1);
        j = j0 - 1;
      }
      ki--;
    } else {
      const b = load<f64>(at(pT, ldT, ki - 1, ki));
      const c = load<f64>(at(pT, ldT, ki, ki - 1));
      const wi = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
      const smin = max(ULP * (Math.abs(wr) + wi), SMLNUM);
      const pr = pX + <usize>(ki - 1) * ldX; // real parts
      const pi = pr + ldX; // imaginary parts
      let xr: f64, xi: f64;
      if (Math.abs(b) >= Math.abs(c)) {
        xr = 1;
        xi = wi / b;
      } else {
        xr = -wi / c;
        xi = 1;
      }
      store<f64>(pr + (<usize>(ki - 1) << 3), xr);
      store<f64>(pr + (<usize>ki << 3), 0);
      store<f64>(pi + (<usize>(ki - 1) << 3), 0);
      store<f64>(pi + (<usize>ki << 3), xi);
      for (let k = 0; k < ki - 1; k++) {
        store<f64>(pr + (<usize>k << 3), -xr * load<f64>(at(pT, ldT, k, ki - 1)));
        store<f64>(pi + (<usize>k << 3), -xi * load<f64>(at(pT, ldT, k, ki)));
      }
      for (let k = ki + 1; k < n; k++) {
        store<f64>(pr + (<usize>k << 3), 0);
        store<f64>(pi + (<usize>k << 3), 0);
      }
      let j = ki - 2;
      while (j >= 0) {
        const two = j > 0 && load<f64>(at(pT, ldT, j, j - 1)) != 0;
        const j0 = two ? j - 1 : j;
        laln2(two ? 2 : 1, smin, at(pT, ldT, j0, j0), ldt, wr, wi,
          load<f64>(pr + (<usize>j0 << 3)), load<f64>(pi + (<usize>j0 << 3)),
          two ? load<f64>(pr + (<usize>j << 3)) : 0, two ? load<f64>(pi + (<usize>j << 3)) : 0);
        let x1r = laln2X1r;
        let x1i = laln2X1i;
        let x2r = laln2X2r;
        let x2i = laln2X2i;
        let scale = laln2Scale;
        const xn = laln2Xnorm;
        if (xn > 1) {
          const beta = two ? max(load<f64>(pw + (<usize>j0 << 3)), load<f64>(pw + (<usize>j << 3))) : load<f64>(pw + (<usize>j << 3));
          if (beta > BIGNUM / xn) {
            const t = 1.0 / xn;
            x1r *= t; x1i *= t; x2r *= t; x2i *= t;
            scale *= t;
          }
        }
        if (scale != 1) {
          scal(ki + 1, scale, pr, 1);
          scal(ki + 1, scale, pi, 1);
        }
        store<f64>(pr + (<usize>j0 << 3), x1r);
        store<f64>(pi + (<usize>j0 << 3), x1i);
        if (two) {
          store<f64>(pr + (<usize>j << 3), x2r);
          store<f64>(pi + (<usize>j << 3), x2i);
        }
        axpy(j0, -x1r, at(pT, ldT, 0, j0), 1, pr, 1);
        axpy(j0, -x1i, at(pT, ldT, 0, j0), 1, pi, 1);
        if (two) {
          axpy(j0, -x2r, at(pT, ldT, 0, j), 1, pr, 1);
          axpy(j0, -x2i, at(pT, ldT, 0, j), 1, pi, 1);
        }
        j = j0 - 1;
      }
      ki -= 2;
    }
  }
  return 0;
}
