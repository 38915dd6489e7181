/**
 * sytrs2 — solve A·X = B with the Bunch–Kaufman factors of sytrf through TRSM (lower)
 *                                                      (LAPACK dsytrs2 with dsyconv, uplo = 'L'; 2n²·nrhs flops)
 *
 * The same solve as sytrs.ts, level 3: the factors (at `pA`, pivots at `pIpiv`, as sytrf stores them)
 * are first converted in place to the form P·A·Pᵀ = L·D·Lᵀ with one permutation P and L unit lower
 * triangular (LAPACK dsyconv: each interchange applied to the columns before its block, and the
 * off-diagonals of the 2×2 blocks moved out to workspace E), then
 *
 *   B ← P·B;   B ← L⁻¹·B (trsm);   B ← D⁻¹·B (blocks, as sytrs.ts);   B ← L⁻ᵀ·B (trsm);   B ← Pᵀ·B
 *
 * and the conversion is undone, so A and its pivots are left exactly as they came (the bits of A
 * change during the call only). The triangular solves run in the blocked TRSM (trsm/trsm.ts): for many
 * right-hand sides nearly all the flops are in the GEMM.
 *
 * Storage: B n×nrhs at `pB` (ldb ≥ n) overwritten by X. Workspace: `sytrs2Scratch(n, nrhs)` doubles at
 * `pw` (16-byte aligned): E (n) then trsm's. The factor must be nonsingular (sytrf returned 0).
 * Reference: LAPACK dsytrs2, dsyconv; Golub & Van Loan 4th ed. §4.4.4.
 */
import { swap } from '../blas/swap';
import { trsm, trsmScratch } from '../trsm/trsm';

/** Doubles of workspace `sytrs2` needs for this size with the blocking in force. */
export function sytrs2Scratch(n: i32, nrhs: i32): i32 {
  return n + (n & 1) + trsmScratch(n, nrhs);
}

export function sytrs2(n: i32, nrhs: i32, pA: usize, lda: i32, pIpiv: usize, pB: usize, ldb: i32, pw: usize): void {
  if (n <= 0 || nrhs <= 0) return;
  const ldA = <usize>lda << 3;
  const pE = pw;
  const pT = pw + (<usize>(n + (n & 1)) << 3);
  const ldB = <usize>ldb << 3;
  // Convert: interchanges onto the earlier columns, first block first; 2×2 off-diagonals to E.
  for (let k = 0; k < n; k++) {
    const p = load<i32>(pIpiv + (<usize>k << 2));
    const r = p < 0 ? k + 1 : k; // the row interchanged
    const q = p < 0 ? ~p : p;
    if (q != r) swap(k, pA + (<usize>r << 3), lda, pA + (<usize>q << 3), lda);
    if (p < 0) {
      const o = pA + <usize>k * ldA + (<usize>(k + 1) << 3);
      store<f64>(pE + (<usize>k << 3), load<f64>(o));
      store<f64>(o, 0);
      k++;
    }
  }
  for (let c = 0; c < nrhs; c++) permute(n, pIpiv, pB + <usize>c * ldB, false); //  B ← P·B
  trsm(0, 0, 0, 1, n, nrhs, 1, pA, lda, pB, ldb, pT); //                               L⁻¹
  for (let c = 0; c < nrhs; c++) { //                                                 D⁻¹, column by column
    const pb = pB + <usize>c * ldB;
    for (let k = 0; k < n; k++) {
      const rk = <usize>k << 3;
      const d = load<f64>(pA + <usize>k * ldA + rk);
      if (load<i32>(pIpiv + (<usize>k << 2)) >= 0) {
        store<f64>(pb + rk, load<f64>(pb + rk) / d);
      } else {
        const akm1k = load<f64>(pE + rk);
        const akm1 = d / akm1k;
        const ak = load<f64>(pA + <usize>(k + 1) * ldA + rk + 8) / akm1k;
        const denom = akm1 * ak - 1;
        const bkm1 = load<f64>(pb + rk) / akm1k;
        const bk = load<f64>(pb + rk + 8) / akm1k;
        store<f64>(pb + rk, (ak * bkm1 - bk) / denom);
        store<f64>(pb + rk + 8, (akm1 * bk - bkm1) / denom);
        k++;
      }
    }
  }
  trsm(0, 0, 1, 1, n, nrhs, 1, pA, lda, pB, ldb, pT); //                               L⁻ᵀ
  for (let c = 0; c < nrhs; c++) permute(n, pIpiv, pB + <usize>c * ldB, true); //   B ← Pᵀ·B
  // Undo, last block first: the off-diagonals back from E, the interchanges off the earlier columns.
  for (let k = n - 1; k >= 0; k--) {
    const p = load<i32>(pIpiv + (<usize>k << 2));
    const c0 = p < 0 ? k - 1 : k; // the block's first column
    const q = p < 0 ? ~p : p;
    if (p < 0) store<f64>(pA + <usize>c0 * ldA + (<usize>k << 3), load<f64>(pE + (<usize>c0 << 3)));
    if (q != k) swap(c0, pA + (<usize>k << 3), lda, pA + (<usize>q << 3), lda);
    k = c0;
  }
}

/** The interchanges of the pivots on one column x: first block first (P·x), or last first (Pᵀ·x). */
function permute(n: i32, pIpiv: usize, px: usize, back: bool): void {
  for (let t = 0; t < n; t++) {
    const k = back ? n - 1 - t : t;
    const p = load<i32>(pIpiv + (<usize>k << 2));
    // A 2×2 block (~q at both its rows) interchanges its second row: k + 1 when met at its first
    // row going forward, k when met at its second row going back.
    const r = p >= 0 ? k : back ? k : k + 1;
    const q = p >= 0 ? p : ~p;
    if (p < 0) t++;
    if (q != r) {
      const a = px + (<usize>r << 3);
      const b = px + (<usize>q << 3);
      const v = load<f64>(a);
      store<f64>(a, load<f64>(b));
      store<f64>(b, v);
    }
  }
}
