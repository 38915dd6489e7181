/**
 * gebrd — blocked Golub–Kahan bidiagonalisation: A = Q·B·Pᵀ  (m ≥ n)          (4mn² − 4n³/3 flops)
 *
 * Same result layout as gebd2 (read it for the math and the storage of d, e, uᵢ, vᵢ, τq, τp); the
 * reflectors are made nb pairs at a time by labrd, which returns X, Y and an explicit copy of the vᵢ
 * (V) so that the trailing matrix takes the nb steps as two GEMMs:
 *
 *              i     i+nb
 *   [ B00 |         0       ]
 *   [-----+--------+--------]  i       1. labrd on A[i:m, i:n] (nb steps): d, e, τq, τp for i…i+nb−1,
 *   [  0  |  A11   |  A12   ]             uₖ in columns, vₖ in rows (and in V), X ((m−i)×nb),
 *   [  0  |  A21   |  A22   ]  i+nb       Y ((n−i)×nb), V ((n−i)×nb)
 *                                      2. A22 −= U₂·Y₂ᵀ      (U₂ = A[i+nb:m, i:i+nb], Y₂ = Y[nb:, :])
 *                                      3. A22 −= X₂·V₂ᵀ      (X₂ = X[nb:, :], V₂ = V[nb:, :])
 *
 * then i += nb; the last n − i ≤ nb columns (and any width when nb ≥ n) go through gebd2. Half of the
 * flops are in the GEMMs of steps 2–3; the other half are the products of every step with the whole
 * trailing matrix inside labrd — the part that cannot be blocked in a one-sided bidiagonalisation and
 * that bounds its speed (labrd does them in one fused pass per step).
 *
 * m < n is not handled (returns −1, nothing touched): gesvd bidiagonalises Aᵀ instead.
 *
 * Storage: as gebd2. Workspace: `pw`, 16-byte aligned, `gebrdScratch(m, n)` doubles: X (m×nb), Y
 * (n×nb), V (n×nb), each rounded to an even count, then the largest of gebd2's max(m, n), the GEMM
 * scratch and labrd's (the partial sums of its split fused pass). Returns 0 (−1 if m < n).
 *
 * Block size NB = 32 (the tuning key T_GEBRD_NB, tuning.ts; tests use 1, 2, 3, 5), measured
 * (gesvd values only, n×n, SIMD build, ms, best of 4 interleaved rounds; nb = 8 / 16 / 24 / 32 / 48 / 64):
 *
 *   n =  256:    5.9 /   (8.2) /   6.0 /   6.0 /   6.8 /   6.9
 *   n =  512:   34.9 /  33.8 /  34.1 /  34.8 /  36.3 /  37.7
 *   n = 1024:  228.7 / 220.6 / 218.8 / 217.9 / 223.1 / 230.3
 *
 * Flat between 16 and 32: a larger nb moves flops from labrd's GEMVs into the GEMMs but adds
 * ≈ 8·n²·nb flops of skinny panel products (the Y·t, V·t terms) at GEMV speed. At n = 512 labrd takes
 * 18 ms (≈ 179 MFLOP in the fused pass at ≈ 15 GFLOP/s plus the panel products) and the GEMMs 7 ms.
 *
 * References: Dongarra, Sorensen & Hammarling, J. Comput. Appl. Math. 27, 1989; Golub & Van Loan,
 * 4th ed., §5.4.8; LAPACK dgebrd.
 */
import { gebd2 } from './gebd2';
import { labrd, labrdScratch } from './labrd';
import { gemm, gemmScratch } from '../gemm/gemm';
import { even } from '../util';
import { tuneI, T_GEBRD_NB } from '../tuning';

/** Doubles of workspace `gebrd` needs for an m×n matrix (m ≥ n), with the block size and GEMM blocking in force. */
export function gebrdScratch(m: i32, n: i32): i32 {
  if (m <= 0 || n <= 0) return 0;
  const nb = min(tuneI(T_GEBRD_NB), n);
  const g = gemmScratch(m - nb, n - nb, nb);
  return even(m * nb) + 2 * even(n * nb) + max(max(max(m, n), g), labrdScratch(m, n));
}

export function gebrd(
  m: i32, n: i32, pA: usize, lda: i32, pd: usize, pe: usize, pTauq: usize, pTaup: usize, pw: usize,
): i32 {
  if (m < n) return -1;
  if (n <= 0) return 0;
  const nb = min(tuneI(T_GEBRD_NB), n);
  const ldA = <usize>lda << 3;
  const ldx = m;
  const ldy = n;
  const pX = pw;
  const pY = pX + (<usize>even(m * nb) << 3);
  const pV = pY + (<usize>even(n * nb) << 3);
  const pW = pV + (<usize>even(n * nb) << 3);
  const ldv = n;
  let i = 0;
  while (n - i > nb) {
    const oi = <usize>i << 3;
    const aii = pA + oi + <usize>i * ldA;
    labrd(m - i, n - i, nb, aii, lda, pd + oi, pe + oi, pTauq + oi, pTaup + oi, pX, ldx, pY, ldy, pV, ldv, pW);
    const a22 = aii + (<usize>nb << 3) + <usize>nb * ldA;
    // A22 −= U₂·Y₂ᵀ
    gemm(0, 1, m - i - nb, n - i - nb, nb, -1.0, aii + (<usize>nb << 3), lda, pY + (<usize>nb << 3), ldy, 1.0, a22, lda, pW);
    // A22 −= X₂·V₂ᵀ
    gemm(0, 1, m - i - nb, n - i - nb, nb, -1.0, pX + (<usize>nb << 3), ldx, pV + (<usize>nb << 3), ldv, 1.0, a22, lda, pW);
    i += nb;
  }
  const oi = <usize>i << 3;
  gebd2(m - i, n - i, pA + oi + <usize>i * ldA, lda, pd + oi, pe + oi, pTauq + oi, pTaup + oi, pW);
  return 0;
}
