/**
 * gebal — balance a general matrix: permute to isolate eigenvalues, scale by powers of 2
 *
 * JS mirror of assembly/eig/gen/gebal.ts (read it for the math). A[i, j] = a[offA + i + j·lda];
 * scale[offScale…] (n); bounds[offBounds…] = (ilo, ihi). job: 0 none, 1 permute, 2 scale, 3 both.
 * Same operation order as the wasm kernel. Returns 0.
 *
 * References: Golub & Van Loan, 4th ed., §7.5.7; LAPACK dgebal.
 */
import { nrm2 } from '../../blas/nrm2.js';
import { iamax } from '../../blas/iamax.js';
import { SAFMIN_OVER_EPS } from '../../../core/machine.js';

const SFMIN1 = SAFMIN_OVER_EPS; // dgebal's dlamch('S')/dlamch('P') = 2^-970
const SFMAX1 = 1.0 / SFMIN1; // 2^970
const SFMIN2 = SFMIN1 * 2; // SFMIN1·SCLFAC = 2^-969
const SFMAX2 = 1.0 / SFMIN2; // 2^969
const FACTOR = 0.95;

function swapRC(n: number, a: Float64Array, offA: number, lda: number, i: number, m: number, k: number, l: number): void {
  if (i === m) return;
  const ci = offA + i * lda;
  const cm = offA + m * lda;
  for (let r = 0; r <= l; r++) {
    const t = a[ci + r]!;
    a[ci + r] = a[cm + r]!;
    a[cm + r] = t;
  }
  for (let c = k; c < n; c++) {
    const p = offA + c * lda;
    const t = a[p + i]!;
    a[p + i] = a[p + m]!;
    a[p + m] = t;
  }
}

export function gebal(
  job: number, n: number, a: Float64Array, offA: number, lda: number, scale: Float64Array, offScale: number,
  bounds: Float64Array, offBounds: number,
): number {
  let k = 0;
  let l = n - 1;
  if (n <= 0) {
    bounds[offBounds] = 0;
    bounds[offBounds + 1] = -1;
    return 0;
  }
  if (job & 1) {
    let found = true;
    while (found && l > 0) {
      found = false;
      for (let i = l; i >= 0; i--) {
        let zero = true;
        for (let j = 0; j <= l; j++) {
          if (j !== i && a[offA + i + j * lda] !== 0) {
            zero = false;
            break;
          }
        }
        if (zero) {
          scale[offScale + l] = i;
          swapRC(n, a, offA, lda, i, l, k, l);
          l--;
          found = true;
          break;
        }
      }
    }
    found = true;
    while (found && k < l) {
      found = false;
      for (let j = k; j <= l; j++) {
        let zero = true;
        const cj = offA + j * lda;
        for (let i = k; i <= l; i++) {
          if (i !== j && a[cj + i] !== 0) {
            zero = false;
            break;
          }
        }
        if (zero) {
          scale[offScale + k] = j;
          swapRC(n, a, offA, lda, j, k, k, l);
          k++;
          found = true;
          break;
        }
      }
    }
  }
  for (let i = k; i <= l; i++) scale[offScale + i] = 1;
  if (job & 2 && k < l) {
    let noconv = true;
    while (noconv) {
      noconv = false;
      for (let i = k; i <= l; i++) {
        const ci = offA + i * lda;
        const ri = offA + i;
        let c = nrm2(l - k + 1, a, ci + k, 1);
        let r = nrm2(l - k + 1, a, ri + k * lda, lda);
        let ca = Math.abs(a[ci + iamax(l + 1, a, ci, 1)]!);
        let ra = Math.abs(a[ri + (k + iamax(n - k, a, ri + k * lda, lda)) * lda]!);
        if (c === 0 || r === 0) continue;
        if (c !== c || r !== r) {
          // NaN: leave the rest unscaled, but report the window found so far (as the wasm kernel)
          bounds[offBounds] = k;
          bounds[offBounds + 1] = l;
          return 0;
        }
        let g = r * 0.5;
        let f = 1;
        const s = c + r;
        while (c < g && Math.max(f, Math.max(c, ca)) < SFMAX2 && Math.min(r, Math.min(g, ra)) > SFMIN2) {
          f *= 2; c *= 2; ca *= 2; r *= 0.5; g *= 0.5; ra *= 0.5;
        }
        g = c * 0.5;
        while (g >= r && Math.max(r, ra) < SFMAX2 && Math.min(Math.min(f, c), Math.min(g, ca)) > SFMIN2) {
          f *= 0.5; c *= 0.5; g *= 0.5; ca *= 0.5; r *= 2; ra *= 2;
        }
        if (c + r >= FACTOR * s) continue;
        const si = scale[offScale + i]!;
        if (f < 1 && si < 1 && f * si <= SFMIN1) continue;
        if (f > 1 && si > 1 && si >= SFMAX1 / f) continue;
        const gi = 1.0 / f;
        scale[offScale + i] = si * f;
        noconv = true;
        for (let j = k; j < n; j++) a[ri + j * lda] = a[ri + j * lda]! * gi;
        for (let j = 0; j <= l; j++) a[ci + j] = a[ci + j]! * f;
      }
    }
  }
  bounds[offBounds] = k;
  bounds[offBounds + 1] = l;
  return 0;
}
