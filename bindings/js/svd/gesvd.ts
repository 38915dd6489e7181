/**
 * gesvd — singular value decomposition A = U·Σ·Vᵀ of a general m×n matrix
 *
 * JS mirror of assembly/svd/gesvd.ts (read it for the algorithm, the crossover measurements and the
 * sign convention). job = 0 values only, 1 thin (U m×k, V n×k), 2 full (U m×m, V n×n); k = min(m, n);
 * V is returned, not Vᵀ. Power-of-two scaling into [2^-459, 2^459]; m < n factors Aᵀ (transposed into
 * workspace); QR first when the tall side is ≥ ratio times the short side; gebrd, orgbr,
 * bdsqr; each column of V gets its largest-magnitude entry positive (U's column flipped with it).
 *
 * Storage: A[i, j] = a[offA + i + j·lda] is destroyed; σ at s[offS…] (k); U at u[offU…] (ldu ≥ m),
 * V at v[offV…] (ldv ≥ n), not touched when job = 0. Workspace w[offW…], `gesvdScratch(m, n, job)`
 * doubles, same layout as the wasm kernel. Returns 0; k for NaN/Inf input (outputs NaN); or bdsqr's
 * count of unconverged superdiagonals. The ratio is the tuning key T_GESVD_QR_RATIO, read from this
 * module's own tuning table (../tuning.js). Same operation order as the wasm kernel, so the bits agree.
 *
 * References: Golub & Reinsch, Numer. Math. 14, 1970; Golub & Van Loan, 4th ed., §8.6; Chan, ACM
 * TOMS 8(1), 1982; LAPACK dgesvd.
 */
import { lange } from '../blas/lange.js';
import { getrans } from '../blas/getrans.js';
import { geqrf, geqrfScratch } from '../qr/geqrf.js';
import { ormqr, ormqrScratch } from '../qr/ormqr.js';
import { gebrd, gebrdScratch } from './gebrd.js';
import { orgbr, orgbrScratch } from './orgbr.js';
import { bdsqr, bdsqrScratch } from './bdsqr.js';
import { lasq, lasqScratch } from './lasq.js';
import { EPS, SQRT_SAFMIN, OVERFLOW_THRESHOLD } from '../../core/machine.js';
import { even } from '../util.js';
import { gesvd2 } from './gesvd2.js';
import { tune, T_GESVD_QR_RATIO } from '../tuning.js';

const SMLNUM = SQRT_SAFMIN / EPS; // 2^-459, dgesvd's SMLNUM = sqrt(dlamch('S'))/dlamch('P')
const BIGNUM = 1.0 / SMLNUM; // 2^459

/** Whether the tall (M ≥ N) problem takes the QR-first path (M ≥ ratio·N, after transposing a wide A). */
function qrFirst(M: number, N: number): boolean {
  return N > 0 && M >= tune(T_GESVD_QR_RATIO) * N && M > N;
}

/** Doubles of workspace `gesvd` needs (with every block size and the GEMM blocking in force). */
export function gesvdScratch(m: number, n: number, job: number): number {
  const k = Math.min(m, n);
  if (k <= 0) return 0;
  const M = Math.max(m, n);
  const N = k;
  let base = 4 * even(N);
  if (m < n) base += even(m * n);
  const ucols = job === 2 ? M : N;
  let w = 0;
  if (qrFirst(M, N)) {
    base += even(N * N);
    w = Math.max(geqrfScratch(M, N), gebrdScratch(N, N));
    if (job === 0) w = Math.max(w, even(N) + lasqScratch(N));
    if (job !== 0) {
      w = Math.max(w, orgbrScratch(1, N, N, N - 1));
      w = Math.max(w, orgbrScratch(0, N, N, N));
      w = Math.max(w, bdsqrScratch(N, N, N));
      w = Math.max(w, ormqrScratch(M, ucols, N));
    }
  } else {
    w = gebrdScratch(M, N);
    if (job === 0) w = Math.max(w, even(N) + lasqScratch(N));
    if (job !== 0) {
      w = Math.max(w, orgbrScratch(1, N, N, N - 1));
      w = Math.max(w, orgbrScratch(0, M, ucols, N));
      w = Math.max(w, bdsqrScratch(N, N, M));
    }
  }
  return base + w;
}

export function gesvd(
  job: number, m: number, n: number, a: Float64Array, offA: number, lda: number, s: Float64Array, offS: number,
  u: Float64Array, offU: number, ldu: number, v: Float64Array, offV: number, ldv: number,
  w: Float64Array, offW: number,
): number {
  const k = Math.min(m, n);
  const vec = job !== 0;
  const full = job === 2;
  if (k <= 0) {
    // nothing to factor; a full U or V is the identity of its (possibly nonzero) order
    if (full) {
      identity(m, m, u, offU, ldu);
      identity(n, n, v, offV, ldv);
    }
    return 0;
  }
  const ucols = full ? m : k;
  const vcols = full ? n : k;
  const anrm = lange(0, m, n, a, offA, lda, w, offW);
  if (!(anrm <= OVERFLOW_THRESHOLD)) {
    // NaN or ±Inf somewhere: no meaningful factorisation
    for (let i = 0; i < k; i++) s[offS + i] = NaN;
    if (vec) {
      fill(m, ucols, u, offU, ldu, NaN);
      fill(n, vcols, v, offV, ldv, NaN);
    }
    return k;
  }
  // power-of-two scaling into [SMLNUM, BIGNUM]
  let sc = 1;
  if (anrm > 0 && anrm < SMLNUM) {
    while (anrm * sc < SMLNUM) sc *= 2;
  } else if (anrm > BIGNUM) {
    while (anrm * sc > BIGNUM) sc *= 0.5;
  }
  if (sc !== 1) {
    for (let j = 0; j < n; j++) {
      const c = offA + j * lda;
      for (let i = 0; i < m; i++) a[c + i] = sc * a[c + i]!;
    }
  }

  let info: number;
  const oBase = offW + 4 * even(k);
  if (m === 2 && n === 2 && vec) {
    info = gesvd2(a, offA, lda, s, offS, u, offU, ldu, v, offV, ldv, w, oBase); // the general steps in closed form, the same bits
  } else if (m >= n) {
    info = tall(job, m, n, a, offA, lda, s, offS, u, offU, ldu, v, offV, ldv, w, offW, oBase);
  } else {
    // Aᵀ = V·Σ·Uᵀ: factor the n×m transpose with the roles of U and V exchanged
    const oT = oBase;
    getrans(m, n, a, offA, lda, w, oT, n);
    info = tall(job, n, m, w, oT, n, s, offS, v, offV, ldv, u, offU, ldu, w, offW, oT + even(m * n));
  }

  if (sc !== 1) {
    const r = 1.0 / sc;
    for (let i = 0; i < k; i++) s[offS + i] = r * s[offS + i]!;
  }
  if (vec && info === 0) signConvention(m, n, k, vcols, u, offU, ldu, v, offV, ldv);
  return info;
}

/**
 * The m ≥ n problem. σ doubles as bdsqr's d. Workspace: e, τq, τp, τ (k each, even) at offW, then
 * [R (n×n) on the QR path] and the routines' scratch from oRest.
 */
function tall(
  job: number, M: number, N: number, a: Float64Array, offA: number, lda: number, s: Float64Array, offS: number,
  u: Float64Array, offU: number, ldu: number, v: Float64Array, offV: number, ldv: number,
  w: Float64Array, offW: number, oRest: number,
): number {
  const vec = job !== 0;
  const ucols = job === 2 ? M : N;
  const step = even(N);
  const oE = offW;
  const oTauq = oE + step;
  const oTaup = oTauq + step;
  const oTau = oTaup + step;
  let info = 0;
  if (qrFirst(M, N)) {
    // A = Q·R; the SVD of R
    const oR = oRest;
    const oW = oR + even(N * N);
    geqrf(M, N, a, offA, lda, w, oTau, w, oW);
    for (let j = 0; j < N; j++) {
      const src = offA + j * lda;
      const dst = oR + j * N;
      for (let i = 0; i <= j; i++) w[dst + i] = a[src + i]!;
      for (let i = j + 1; i < N; i++) w[dst + i] = 0;
    }
    gebrd(N, N, w, oR, N, s, offS, w, oE, w, oTauq, w, oTaup, w, oW);
    if (!vec) return values(N, s, offS, w, oE, oW);
    orgbr(1, N, N, N - 1, w, oR, N, w, oTaup, v, offV, ldv, w, oW);
    orgbr(0, N, N, N, w, oR, N, w, oTauq, u, offU, ldu, w, oW);
    info = bdsqr(N, N, N, s, offS, w, oE, v, offV, ldv, u, offU, ldu, w, oW);
    // U ← Q·[U_R 0; 0 I]
    for (let j = 0; j < ucols; j++) {
      const c = offU + j * ldu;
      const i0 = j < N ? N : 0;
      for (let i = i0; i < M; i++) u[c + i] = i === j ? 1.0 : 0.0;
    }
    ormqr(0, M, ucols, N, a, offA, lda, w, oTau, u, offU, ldu, w, oW);
    return info;
  }
  gebrd(M, N, a, offA, lda, s, offS, w, oE, w, oTauq, w, oTaup, w, oRest);
  if (!vec) return values(N, s, offS, w, oE, oRest);
  orgbr(1, N, N, N - 1, a, offA, lda, w, oTaup, v, offV, ldv, w, oRest);
  orgbr(0, M, ucols, N, a, offA, lda, w, oTauq, u, offU, ldu, w, oRest);
  return bdsqr(N, N, M, s, offS, w, oE, v, offV, ldv, u, offU, ldu, w, oRest);
}

/**
 * σ of the bidiagonal (d at s, e at w[oE…]) without vectors: dqds (lasq), with bdsqr's zero-shift QR
 * as the fallback should lasq hit its iteration cap (lasq does not modify e; d is restored from a
 * copy at oW). Workspace: even(N) + lasqScratch(N) doubles.
 */
/** True when some nonzero |dᵢ| or |eᵢ| is below 2^-480 times the largest. */
function wideRange(N: number, d: Float64Array, offD: number, e: Float64Array, offE: number): boolean {
  let big = 0;
  let small = Infinity;
  for (let i = 0; i < N; i++) {
    const x = Math.abs(d[offD + i]!);
    if (x > big) big = x;
    if (x !== 0 && x < small) small = x;
    if (i + 1 < N) {
      const y = Math.abs(e[offE + i]!);
      if (y > big) big = y;
      if (y !== 0 && y < small) small = y;
    }
  }
  return small < big * 3.2033329522929615e-145; // 2^-480
}

function values(N: number, s: Float64Array, offS: number, w: Float64Array, oE: number, oW: number): number {
  const oL = oW + even(N);
  for (let i = 0; i < N; i++) w[oW + i] = s[offS + i]!;
  // dqds squares the entries: a range wider than 2^480 goes to bdsqr (see the wasm file).
  if (!wideRange(N, s, offS, w, oE) && lasq(N, s, offS, w, oE, w, oL) === 0) return 0;
  for (let i = 0; i < N; i++) s[offS + i] = w[oW + i]!;
  return bdsqr(N, 0, 0, s, offS, w, oE, w, 0, 1, w, 0, 1, w, oL);
}

/**
 * Column j of V (j < vcols) gets its largest-magnitude entry (first on ties) positive; column j of U
 * (j < k) is flipped with it.
 */
function signConvention(
  m: number, n: number, k: number, vcols: number,
  u: Float64Array, offU: number, ldu: number, v: Float64Array, offV: number, ldv: number,
): void {
  for (let j = 0; j < vcols; j++) {
    const vj = offV + j * ldv;
    let big = -1;
    let val = 0;
    for (let i = 0; i < n; i++) {
      const x = v[vj + i]!;
      if (Math.abs(x) > big) {
        big = Math.abs(x);
        val = x;
      }
    }
    if (val < 0) {
      for (let i = 0; i < n; i++) v[vj + i] = -v[vj + i]!;
      if (j < k) {
        const uj = offU + j * ldu;
        for (let i = 0; i < m; i++) u[uj + i] = -u[uj + i]!;
      }
    }
  }
}

function identity(m: number, n: number, x: Float64Array, off: number, ld: number): void {
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) x[off + i + j * ld] = i === j ? 1.0 : 0.0;
}

function fill(m: number, n: number, x: Float64Array, off: number, ld: number, val: number): void {
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) x[off + i + j * ld] = val;
}
