/**
 * gesvd — singular value decomposition A = U·Σ·Vᵀ of a general m×n matrix
 *
 *   A = U·diag(σ)·Vᵀ,   σ₀ ≥ σ₁ ≥ … ≥ σₖ₋₁ ≥ 0,   k = min(m, n),
 *
 *   job = 0   values only
 *   job = 1   thin:  U m×k and V n×k with orthonormal columns
 *   job = 2   full:  U m×m and V n×n orthogonal (the extra columns span the orthogonal complements)
 *
 * V is returned, not Vᵀ (column j of V is the right singular vector of σⱼ).
 *
 * Algorithm (Golub–Reinsch, Golub & Van Loan 4th ed. §8.6.3; LAPACK dgesvd):
 *
 *   0. scale: if max|aᵢⱼ| lies outside [SMLNUM, BIGNUM] = [2^-459, 2^459] (sqrt(safmin)/eps and its
 *      inverse, LAPACK's bounds; eps = EPS = 2^-52, dlamch('P') as in dgesvd, safmin = SAFMIN = 2^-1022,
 *      machine.ts), A is multiplied by a power of two s (exact) that brings it inside, and σ
 *      is divided by s at the end. Inside these bounds no intermediate quantity over- or underflows
 *      harmfully; a 1e292- or 1e-292-scaled matrix gets the same relative accuracy as an unscaled one.
 *   1. shape: m < n is handled by factoring Aᵀ = V·Σ·Uᵀ (an explicit transpose into workspace), so
 *      everything below sees m ≥ n and an upper bidiagonal B.
 *   2. tall (m ≥ ratio·n): QR first, A = Q·R (geqrf), and the SVD of the n×n R; then
 *      U = Q·[U_R; 0] by ormqr. The bidiagonalisation and bdsqr's rotations then work on n×n
 *      instead of m×n (Chan, "An improved algorithm for computing the SVD", ACM TOMS 8(1), 1982).
 *   3. bidiagonalise: Q_B·B·P_Bᵀ (gebrd, blocked, GEMM trailing updates).
 *   4. vectors: U ← Q_B (orgbr 'Q', m×k or m×m), V ← P_B (orgbr 'P', n×n).
 *   5. bdsqr: B = U_b·Σ·V_bᵀ by implicit QR sweeps, U ← U·U_b, V ← V·V_b (rotations recorded and
 *      applied in cache-blocked batches, blas/lasr.ts), σ made ≥ 0 and sorted decreasing.
 *   5'. values only (job = 0): dqds on B instead (lasq.ts, relatively accurate, no rotations; ≈ 2.5×
 *      faster than bdsqr without vectors: 4.1 vs 10.4 ms at n = 512), bdsqr on a saved copy of d if lasq
 *      hits its step cap. Job 0 at 512×512: 30.1 ms (was ≈ 36), numpy 25.0 (lasq 4.1, the rest gebrd).
 *   6. sign convention: each column v of V (all n columns when job = 2) is flipped so that its entry
 *      of largest magnitude (the first one on ties) is positive, and the matching column of U is
 *      flipped with it (U·Σ·Vᵀ unchanged). Singular vectors are unique only up to such a sign (and up
 *      to rotations within repeated σ), so this makes the output a deterministic function of A.
 *
 * Flops (leading terms, m ≥ n): values only ≈ 4mn² − 4n³/3 (2mn² + 2n³ with QR first); thin vectors
 * ≈ 14mn² + 8n³ for the direct path (Golub & Van Loan's count) — of which ≈ 5(m + n)·n² are bdsqr's
 * rotations (0.85·n² per side, measured), the part that makes LAPACK's dgesvd slow (see blas/lasr.ts).
 *
 * Crossover ratio = 1.75 (the tuning key T_GESVD_QR_RATIO, tuning.ts), measured (n = 256, SIMD build,
 * ms, direct | QR first; best of 4 interleaved rounds, a throwaway sweep script not kept in the
 * repository):
 *
 *   m/n           1.1          1.25         1.5          1.75          2            3
 *   values      6.8 | 8.2    7.7 | 8.8    8.8 | 9.4    10.4 | 10.4   11.6 | 10.7   17.4 | 13.4
 *   U, V       19.4 | 22.9  21.2 | 24.2  24.6 | 25.4   28.8 | 28.3   31.8 | 29.6   45.5 | 35.8
 *
 * (LAPACK's mnthr is 1.6; the QR-first path pays geqrf + ormqr and saves bidiagonalising and rotating
 * an m×n matrix, so both break even near m = 1.75·n here.)
 *
 * Storage: A (m×n, lda ≥ max(1, m)) at `pA` is overwritten (destroyed). σ at `pS` (k doubles).
 * job ≥ 1: U at `pU` (ldu ≥ max(1, m); m×k or m×m), V at `pV` (ldv ≥ max(1, n); n×k or n×n); job = 0
 * does not touch pU, pV. Workspace: `pw`, 16-byte aligned, `gesvdScratch(m, n, job)` doubles (depends
 * on the block sizes and GEMM blocking in force).
 *
 * Returns 0 on success; k if A contains NaN or ±Inf (σ, U and V are then filled with NaN); otherwise
 * the number of superdiagonals of B that failed to converge within bdsqr's iteration cap (> 0; σ then
 * holds B's current diagonal — unsorted, possibly negative — and A = U·B·Vᵀ still holds with U, V
 * orthogonal; the sign convention is not applied).
 *
 * Measurements (a throwaway timing script; bench/cases/spectral.ts now times svd; Node 20, SIMD build, one thread, on the benchmark machine
 * — an AMD Zen 5 with AVX-512 shared with other jobs, so times are the best of 7–15 runs; numpy 2.4 /
 * scipy on OpenBLAS 0.3.31 with OPENBLAS_NUM_THREADS=1; random Gaussian A; ms):
 *
 *   m×n        U,V (thin)   numpy gesdd   scipy gesvd   values   numpy
 *   256×256       16.1          10.0         103.0        6.0      3.5
 *   512×512      109.6          62.0        1271.7       33.6     24.2
 *   1024×256      39.7          25.6         170.0       14.9      9.3
 *   256×1024      40.7          30.4         165.6       15.3     11.4
 *
 * So 1.3–1.8× LAPACK's divide-and-conquer (dgesdd) and 4–12× faster than LAPACK's dgesvd with vectors,
 * 1.4–1.7× numpy for values only. Where the time goes at 512×512 with vectors: gebrd 25 ms (its GEMV
 * half 18, GEMM half 7), orgbr 2 × 10 ms (GEMM speed), bdsqr 65 ms — of which ≈ 60 are the rotations:
 * 0.85·n² rotations on each of U and V, 1.36 GFLOP at ≈ 21 GFLOP/s, within 10 % of the bound set by
 * the four f64x2 multiplies per rotation and row pair (blas/lasr.ts). Values only at 512: gebrd 25 ms, bdsqr
 * (values) 9 ms — LAPACK uses dqds (dlasq1) there, which would cut the second part by ≈ 4×.
 *
 * References: Golub & Reinsch, "Singular value decomposition and least squares solutions", Numer.
 * Math. 14, 1970; Golub & Van Loan, 4th ed., §8.6; Chan, ACM TOMS 8(1), 1982; LAPACK dgesvd.
 */
import { lange } from '../blas/lange';
import { getrans } from '../blas/getrans';
import { geqrf, geqrfScratch } from '../qr/geqrf';
import { ormqr, ormqrScratch } from '../qr/ormqr';
import { gebrd, gebrdScratch } from './gebrd';
import { orgbr, orgbrScratch } from './orgbr';
import { bdsqr, bdsqrScratch } from './bdsqr';
import { lasq, lasqScratch } from './lasq';
import { EPS, SQRT_SAFMIN, OVERFLOW_THRESHOLD } from '../machine';
import { even } from '../util';
import { gesvd2 } from './gesvd2';
import { tune, T_GESVD_QR_RATIO } from '../tuning';

// @ts-ignore: decorator
@inline const SMLNUM: f64 = SQRT_SAFMIN / EPS; // 2^-459, dgesvd's SMLNUM = sqrt(dlamch('S'))/dlamch('P')
// @ts-ignore: decorator
@inline const BIGNUM: f64 = 1.0 / SMLNUM; // 2^459

/** Whether the tall (M ≥ N) problem takes the QR-first path (M ≥ ratio·N, after transposing a wide A). */
function qrFirst(M: i32, N: i32): bool {
  return N > 0 && <f64>M >= tune(T_GESVD_QR_RATIO) * <f64>N && M > N;
}

/** Doubles of workspace `gesvd` needs (with every block size and the GEMM blocking in force). */
export function gesvdScratch(m: i32, n: i32, job: i32): i32 {
  const k = min(m, n);
  if (k <= 0) return 0;
  const M = max(m, n);
  const N = k;
  let base = 4 * even(N);
  if (m < n) base += even(m * n);
  const ucols = job == 2 ? M : N;
  let w = 0;
  if (qrFirst(M, N)) {
    base += even(N * N);
    w = max(geqrfScratch(M, N), gebrdScratch(N, N));
    if (job == 0) w = max(w, even(N) + lasqScratch(N));
    if (job != 0) {
      w = max(w, orgbrScratch(1, N, N, N - 1));
      w = max(w, orgbrScratch(0, N, N, N));
      w = max(w, bdsqrScratch(N, N, N));
      w = max(w, ormqrScratch(M, ucols, N));
    }
  } else {
    w = gebrdScratch(M, N);
    if (job == 0) w = max(w, even(N) + lasqScratch(N));
    if (job != 0) {
      w = max(w, orgbrScratch(1, N, N, N - 1));
      w = max(w, orgbrScratch(0, M, ucols, N));
      w = max(w, bdsqrScratch(N, N, M));
    }
  }
  return base + w;
}

export function gesvd(
  job: i32, m: i32, n: i32, pA: usize, lda: i32, pS: usize,
  pU: usize, ldu: i32, pV: usize, ldv: i32, pw: usize,
): i32 {
  const k = min(m, n);
  const vec = job != 0;
  const full = job == 2;
  if (k <= 0) {
    // nothing to factor; a full U or V is the identity of its (possibly nonzero) order
    if (full) {
      identity(m, m, pU, ldu);
      identity(n, n, pV, ldv);
    }
    return 0;
  }
  const ucols = full ? m : k;
  const vcols = full ? n : k;
  const anrm = lange(0, m, n, pA, lda, 0);
  if (!(anrm <= OVERFLOW_THRESHOLD)) {
    // NaN or ±Inf somewhere: no meaningful factorisation
    for (let i = 0; i < k; i++) store<f64>(pS + (<usize>i << 3), NaN);
    if (vec) {
      fill(m, ucols, pU, ldu, NaN);
      fill(n, vcols, pV, ldv, NaN);
    }
    return k;
  }
  // power-of-two scaling into [SMLNUM, BIGNUM]
  let s: f64 = 1;
  if (anrm > 0 && anrm < SMLNUM) {
    while (anrm * s < SMLNUM) s *= 2;
  } else if (anrm > BIGNUM) {
    while (anrm * s > BIGNUM) s *= 0.5;
  }
  if (s != 1) {
    const ldA = <usize>lda << 3;
    for (let j = 0; j < n; j++) {
      const c = pA + <usize>j * ldA;
      for (let i = 0; i < m; i++) store<f64>(c + (<usize>i << 3), s * load<f64>(c + (<usize>i << 3)));
    }
  }

  let info: i32;
  const pBase = pw + (<usize>(4 * even(k)) << 3);
  if (m == 2 && n == 2 && vec) {
    info = gesvd2(pA, lda, pS, pU, ldu, pV, ldv, pBase); // the general steps in closed form, the same bits
  } else if (m >= n) {
    info = tall(job, m, n, pA, lda, pS, pU, ldu, pV, ldv, pw, pBase);
  } else {
    // Aᵀ = V·Σ·Uᵀ: factor the n×m transpose with the roles of U and V exchanged
    const pT = pBase;
    getrans(m, n, pA, lda, pT, n);
    info = tall(job, n, m, pT, n, pS, pV, ldv, pU, ldu, pw, pT + (<usize>even(m * n) << 3));
  }

  if (s != 1) {
    const r = 1.0 / s;
    for (let i = 0; i < k; i++) store<f64>(pS + (<usize>i << 3), r * load<f64>(pS + (<usize>i << 3)));
  }
  if (vec && info == 0) signConvention(m, n, k, vcols, pU, ldu, pV, ldv);
  return info;
}

/**
 * The m ≥ n problem. σ at pS doubles as bdsqr's d. Workspace: e, τq, τp, τ (k each, even) at pw, then
 * [R (n×n) on the QR path] and the routines' scratch from pRest.
 */
function tall(
  job: i32, M: i32, N: i32, pA: usize, lda: i32, pS: usize,
  pU: usize, ldu: i32, pV: usize, ldv: i32, pw: usize, pRest: usize,
): i32 {
  const vec = job != 0;
  const ucols = job == 2 ? M : N;
  const step = <usize>even(N) << 3;
  const pe = pw;
  const pTauq = pe + step;
  const pTaup = pTauq + step;
  const pTau = pTaup + step;
  let info: i32 = 0;
  if (qrFirst(M, N)) {
    // A = Q·R; the SVD of R
    const pR = pRest;
    const pW = pR + (<usize>even(N * N) << 3);
    geqrf(M, N, pA, lda, pTau, pW);
    const ldA = <usize>lda << 3;
    const ldR = <usize>N << 3;
    for (let j = 0; j < N; j++) {
      const src = pA + <usize>j * ldA;
      const dst = pR + <usize>j * ldR;
      for (let i = 0; i <= j; i++) store<f64>(dst + (<usize>i << 3), load<f64>(src + (<usize>i << 3)));
      for (let i = j + 1; i < N; i++) store<f64>(dst + (<usize>i << 3), 0);
    }
    gebrd(N, N, pR, N, pS, pe, pTauq, pTaup, pW);
    if (!vec) return values(N, pS, pe, pW);
    orgbr(1, N, N, N - 1, pR, N, pTaup, pV, ldv, pW);
    orgbr(0, N, N, N, pR, N, pTauq, pU, ldu, pW);
    info = bdsqr(N, N, N, pS, pe, pV, ldv, pU, ldu, pW);
    // U ← Q·[U_R 0; 0 I]
    const ldU = <usize>ldu << 3;
    for (let j = 0; j < ucols; j++) {
      const c = pU + <usize>j * ldU;
      const i0 = j < N ? N : 0;
      for (let i = i0; i < M; i++) store<f64>(c + (<usize>i << 3), i == j ? 1.0 : 0.0);
    }
    ormqr(0, M, ucols, N, pA, lda, pTau, pU, ldu, pW);
    return info;
  }
  gebrd(M, N, pA, lda, pS, pe, pTauq, pTaup, pRest);
  if (!vec) return values(N, pS, pe, pRest);
  orgbr(1, N, N, N - 1, pA, lda, pTaup, pV, ldv, pRest);
  orgbr(0, M, ucols, N, pA, lda, pTauq, pU, ldu, pRest);
  return bdsqr(N, N, M, pS, pe, pV, ldv, pU, ldu, pRest);
}

/**
 * σ of the bidiagonal (d at pS, e at pe) without vectors: dqds (lasq), with bdsqr's zero-shift QR as
 * the fallback should lasq hit its iteration cap (lasq does not modify e; d is restored from a copy
 * at pw). Workspace: even(N) + lasqScratch(N) doubles.
 */
function values(N: i32, pS: usize, pe: usize, pw: usize): i32 {
  const pL = pw + (<usize>even(N) << 3);
  for (let i = 0; i < N; i++) store<f64>(pw + (<usize>i << 3), load<f64>(pS + (<usize>i << 3)));
  // dqds squares the entries: a range wider than 2^480 risks underflow of the small values' qd
  // quantities (lasq.ts), so such bidiagonals go to bdsqr, which is accurate at any range.
  if (!wideRange(N, pS, pe) && lasq(N, pS, pe, pL) == 0) return 0;
  for (let i = 0; i < N; i++) store<f64>(pS + (<usize>i << 3), load<f64>(pw + (<usize>i << 3)));
  return bdsqr(N, 0, 0, pS, pe, 0, 1, 0, 1, pL);
}

/** True when some nonzero |dᵢ| or |eᵢ| is below 2^-480 times the largest. */
function wideRange(N: i32, pd: usize, pe: usize): bool {
  let big: f64 = 0;
  let small: f64 = Infinity;
  for (let i = 0; i < N; i++) {
    const d = Math.abs(load<f64>(pd + (<usize>i << 3)));
    if (d > big) big = d;
    if (d != 0 && d < small) small = d;
    if (i + 1 < N) {
      const e = Math.abs(load<f64>(pe + (<usize>i << 3)));
      if (e > big) big = e;
      if (e != 0 && e < small) small = e;
    }
  }
  return small < big * 3.2033329522929615e-145; // 2^-480
}

/**
 * Column j of V (j < vcols) gets its largest-magnitude entry (first on ties) positive; column j of U
 * (j < k) is flipped with it.
 */
function signConvention(m: i32, n: i32, k: i32, vcols: i32, pU: usize, ldu: i32, pV: usize, ldv: i32): void {
  const ldU = <usize>ldu << 3;
  const ldV = <usize>ldv << 3;
  for (let j = 0; j < vcols; j++) {
    const v = pV + <usize>j * ldV;
    let big: f64 = -1;
    let val: f64 = 0;
    for (let i = 0; i < n; i++) {
      const x = load<f64>(v + (<usize>i << 3));
      if (Math.abs(x) > big) {
        big = Math.abs(x);
        val = x;
      }
    }
    if (val < 0) {
      for (let i = 0; i < n; i++) store<f64>(v + (<usize>i << 3), -load<f64>(v + (<usize>i << 3)));
      if (j < k) {
        const u = pU + <usize>j * ldU;
        for (let i = 0; i < m; i++) store<f64>(u + (<usize>i << 3), -load<f64>(u + (<usize>i << 3)));
      }
    }
  }
}

function identity(m: i32, n: i32, p: usize, ld: i32): void {
  const ldB = <usize>ld << 3;
  for (let j = 0; j < n; j++) {
    const c = p + <usize>j * ldB;
    for (let i = 0; i < m; i++) store<f64>(c + (<usize>i << 3), i == j ? 1.0 : 0.0);
  }
}

function fill(m: i32, n: i32, p: usize, ld: i32, v: f64): void {
  const ldB = <usize>ld << 3;
  for (let j = 0; j < n; j++) {
    const c = p + <usize>j * ldB;
    for (let i = 0; i < m; i++) store<f64>(c + (<usize>i << 3), v);
  }
}
