/**
 * gebal — balance a general matrix: permute to isolate eigenvalues, scale rows/columns by powers of 2
 *                                                                  (O(n²) per sweep, a few sweeps)
 *
 * Finds a permutation P and a diagonal D = diag(d₀ … d_{n−1}), every dᵢ a power of two, such that
 *
 *   A' = D⁻¹·Pᵀ·A·P·D   is   [ T₁  X   Y  ]  rows 0 … ilo−1          T₁, T₂ upper triangular:
 *                            [ 0   B   Z  ]  rows ilo … ihi          their diagonals are eigenvalues
 *                            [ 0   0   T₂ ]  rows ihi+1 … n−1        of A and need no further work
 *
 * and the rows and columns of B have (nearly) equal 2-norms. A' is similar to A; balancing reduces
 * ‖A'‖ for badly scaled inputs, and the QR algorithm's backward error is relative to ‖A'‖, so the
 * computed eigenvalues of a matrix like D·A·D⁻¹ (D = diag(10^k)) become as accurate as those of A.
 * Powers of two make the scaling exact: no rounding is introduced.
 *
 *   Permutation: a row i of the active block that is zero off the diagonal (columns ilo … ihi) means
 *   A[i, i] is an eigenvalue; swap i with ihi (row and column) and shrink ihi. Likewise a column that is
 *   zero off the diagonal (rows ilo … ihi) is swapped to ilo and ilo grows. Repeat until none is found.
 *   Scaling (Parlett & Reinsch 1969; LAPACK ≥ 3.5's version with 2-norms): for each i in ilo … ihi,
 *   with c = ‖B[:, i]‖₂ and r = ‖B[i, :]‖₂, find f = 2^k making c·f ≈ r/f; apply it only if it reduces
 *   c + r by at least 5 % (FACTOR = 0.95) and keeps the entries of row/column i clear of over/underflow;
 *   sweep until no scaling is applied.
 *
 * `job`: 0 = neither (ilo = 0, ihi = n − 1, scale = 1), 1 = permute only, 2 = scale only, 3 = both.
 *
 * Storage: A n×n at `pA` (lda ≥ max(1, n)), overwritten by A'. `pScale` (n doubles): for i in
 * ilo … ihi, scale[i] = dᵢ; for i < ilo or i > ihi, scale[i] = the index swapped with i (as a double),
 * recorded in the order used by gebak to undo it. `pBounds` (2 doubles): ilo, ihi (0-based, as doubles).
 *
 * Workspace: none. Returns 0.
 *
 * References: Golub & Van Loan, Matrix Computations, 4th ed., §7.5.7 (balancing); Parlett & Reinsch,
 * Numer. Math. 13, 1969; LAPACK dgebal; James, Langou & Lowery, "On matrix balancing and eigenvector
 * computation", 2014 (the 2-norm variant).
 */
import { nrm2 } from '../../blas/nrm2';
import { iamax } from '../../blas/iamax';
import { SAFMIN_OVER_EPS } from '../../machine';

// @ts-ignore: decorator
@inline const SFMIN1: f64 = SAFMIN_OVER_EPS; // dgebal's dlamch('S')/dlamch('P') = 2^-1022 / 2^-52 = 2^-970
// @ts-ignore: decorator
@inline const SFMAX1: f64 = 1.0 / SFMIN1; // 2^970
// @ts-ignore: decorator
@inline const SFMIN2: f64 = SFMIN1 * 2; // SFMIN1·SCLFAC = 2^-969
// @ts-ignore: decorator
@inline const SFMAX2: f64 = 1.0 / SFMIN2; // 2^969
// @ts-ignore: decorator
@inline const FACTOR: f64 = 0.95;

/** Swap row and column i with row and column m within the current window (ilo = k, ihi = l). */
function swapRC(n: i32, pA: usize, ldA: usize, i: i32, m: i32, k: i32, l: i32): void {
  if (i == m) return;
  const ci = pA + <usize>i * ldA;
  const cm = pA + <usize>m * ldA;
  for (let r = 0; r <= l; r++) {
    const o = <usize>r << 3;
    const t = load<f64>(ci + o);
    store<f64>(ci + o, load<f64>(cm + o));
    store<f64>(cm + o, t);
  }
  for (let c = k; c < n; c++) {
    const p = pA + <usize>c * ldA;
    const t = load<f64>(p + (<usize>i << 3));
    store<f64>(p + (<usize>i << 3), load<f64>(p + (<usize>m << 3)));
    store<f64>(p + (<usize>m << 3), t);
  }
}

export function gebal(job: i32, n: i32, pA: usize, lda: i32, pScale: usize, pBounds: usize): i32 {
  const ldA = <usize>lda << 3;
  let k = 0;
  let l = n - 1;
  if (n <= 0) {
    store<f64>(pBounds, 0);
    store<f64>(pBounds, -1, 8);
    return 0;
  }
  if (job & 1) {
    // rows isolating an eigenvalue → bottom
    let found = true;
    while (found && l > 0) {
      found = false;
      for (let i = l; i >= 0; i--) {
        let zero = true;
        for (let j = 0; j <= l; j++) {
          if (j != i && load<f64>(pA + (<usize>i << 3) + <usize>j * ldA) != 0) {
            zero = false;
            break;
          }
        }
        if (zero) {
          store<f64>(pScale + (<usize>l << 3), <f64>i);
          swapRC(n, pA, ldA, i, l, k, l);
          l--;
          found = true;
          break;
        }
      }
    }
    // columns isolating an eigenvalue → top
    found = true;
    while (found && k < l) {
      found = false;
      for (let j = k; j <= l; j++) {
        let zero = true;
        const cj = pA + <usize>j * ldA;
        for (let i = k; i <= l; i++) {
          if (i != j && load<f64>(cj + (<usize>i << 3)) != 0) {
            zero = false;
            break;
          }
        }
        if (zero) {
          store<f64>(pScale + (<usize>k << 3), <f64>j);
          swapRC(n, pA, ldA, j, k, k, l);
          k++;
          found = true;
          break;
        }
      }
    }
  }
  for (let i = k; i <= l; i++) store<f64>(pScale + (<usize>i << 3), 1);
  if ((job & 2) && k < l) {
    let noconv = true;
    while (noconv) {
      noconv = false;
      for (let i = k; i <= l; i++) {
        const ci = pA + <usize>i * ldA;
        const ri = pA + (<usize>i << 3);
        let c = nrm2(l - k + 1, ci + (<usize>k << 3), 1);
        let r = nrm2(l - k + 1, ri + <usize>k * ldA, lda);
        let ca = Math.abs(load<f64>(ci + (<usize>iamax(l + 1, ci, 1) << 3)));
        let ra = Math.abs(load<f64>(ri + <usize>(k + iamax(n - k, ri + <usize>k * ldA, lda)) * ldA));
        if (c == 0 || r == 0) continue;
        if (c != c || r != r) {
          // NaN: leave the rest unscaled (the caller sees NaN anyway), but report the window found so far
          store<f64>(pBounds, <f64>k);
          store<f64>(pBounds, <f64>l, 8);
          return 0;
        }
        let g = r * 0.5;
        let f: f64 = 1;
        const s = c + r;
        while (c < g && max(f, max(c, ca)) < SFMAX2 && min(r, min(g, ra)) > SFMIN2) {
          f *= 2; c *= 2; ca *= 2; r *= 0.5; g *= 0.5; ra *= 0.5;
        }
        g = c * 0.5;
        while (g >= r && max(r, ra) < SFMAX2 && min(min(f, c), min(g, ca)) > SFMIN2) {
          f *= 0.5; c *= 0.5; g *= 0.5; ca *= 0.5; r *= 2; ra *= 2;
        }
        if (c + r >= FACTOR * s) continue;
        const si = load<f64>(pScale + (<usize>i << 3));
        if (f < 1 && si < 1 && f * si <= SFMIN1) continue;
        if (f > 1 && si > 1 && si >= SFMAX1 / f) continue;
        const gi = 1.0 / f; // exact: f is a power of two
        store<f64>(pScale + (<usize>i << 3), si * f);
        noconv = true;
        for (let j = k; j < n; j++) {
          const p = ri + <usize>j * ldA;
          store<f64>(p, load<f64>(p) * gi);
        }
        for (let j = 0; j <= l; j++) {
          const p = ci + (<usize>j << 3);
          store<f64>(p, load<f64>(p) * f);
        }
      }
    }
  }
  store<f64>(pBounds, <f64>k);
  store<f64>(pBounds, <f64>l, 8);
  return 0;
}
