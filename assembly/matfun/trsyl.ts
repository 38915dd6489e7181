/**
 * trsyl — the quasi-triangular Sylvester equation A·X + X·B = C        (LAPACK dtrsyl, isgn = +1, no scale; m²n + mn² flops)
 *
 * A (m×m at pA) and B (n×n at pB) are upper quasi-triangular: real Schur forms, 1×1 and 2×2 diagonal
 * blocks, a 2×2 block starting at row i exactly when A[i+1, i] ≠ 0 (entries below the first
 * subdiagonal are not read). C (m×n at pC) is overwritten by X. Column-major, byte addresses, leading
 * dimensions in elements.
 *
 * Method (Bartels & Stewart 1972; Golub & Van Loan 4th ed. §7.6.3; the order of LAPACK dtrsyl's
 * "A·X + X·B" case): the blocks X_kl are found column block by column block of B (left to right, as
 * X·B couples X_kl only to the columns left of l) and, within one, row block by row block of A from the
 * bottom (A·X couples X_kl only to the rows below k):
 *
 *   C_kl ← C_kl − A[k, k_end:m]·X[k_end:m, l] − X[k, 0:l0]·B[0:l0, l]      (plain dot products)
 *   A_kk·X_kl + X_kl·B_ll = C_kl                                          (p·q ≤ 4 unknowns)
 *
 * The small system, (I_q ⊗ A_kk + B_llᵀ ⊗ I_p)·vec(X_kl) = vec(C_kl), is solved by Gaussian
 * elimination with complete pivoting (as LAPACK dlasy2). It is singular when an eigenvalue of A_kk is
 * minus one of B_ll; then a consistent system (the right-hand side zero where the eliminated matrix
 * is) gets zeros for the free unknowns, and an inconsistent one stops the solve: the return value is
 * l0 + 1 (1-based column of C where it failed; X is then incomplete). No perturbation of small pivots
 * (dlasy2 perturbs them to keep the solution bounded; here a near-singular system gives the large
 * solution it has, which is what the matrix square root built on this kernel needs).
 *
 * B may be a 1×1 zero (n = 1): then the kernel solves the quasi-triangular system A·x = c, which is
 * how the blocked quasi-triangular solve (qtrsm.ts) uses it.
 *
 * Workspace: trsylScratch() = 24 doubles at pw (the small system, its right-hand side and column
 * permutation). Returns 0, or l0 + 1 as above.
 */

// @ts-ignore: decorator
@inline const RHS: i32 = 16;
// @ts-ignore: decorator
@inline const PERM: i32 = 20;

/** Doubles of workspace `trsyl` needs. */
export function trsylScratch(): i32 {
  return 24;
}

export function trsyl(
  m: i32, n: i32, pA: usize, lda: i32, pB: usize, ldb: i32, pC: usize, ldc: i32, pw: usize,
): i32 {
  if (m <= 0 || n <= 0) return 0;
  const ldA = <usize>lda << 3;
  const ldB = <usize>ldb << 3;
  const ldC = <usize>ldc << 3;
  let l0 = 0;
  while (l0 < n) {
    const q = l0 + 1 < n && load<f64>(pB + <usize>l0 * ldB + (<usize>(l0 + 1) << 3)) != 0 ? 2 : 1;
    let kEnd = m;
    while (kEnd > 0) {
      let k0 = kEnd - 1;
      if (k0 > 0 && load<f64>(pA + <usize>(k0 - 1) * ldA + (<usize>k0 << 3)) != 0) k0--;
      const p = kEnd - k0;
      // Right-hand side of the small system, vec(C_kl) minus the known couplings.
      for (let j = 0; j < q; j++) {
        const cj = pC + <usize>(l0 + j) * ldC;
        const bj = pB + <usize>(l0 + j) * ldB;
        for (let i = 0; i < p; i++) {
          const r = k0 + i;
          let s = load<f64>(cj + (<usize>r << 3));
          for (let t = kEnd; t < m; t++) s -= load<f64>(pA + <usize>t * ldA + (<usize>r << 3)) * load<f64>(cj + (<usize>t << 3));
          for (let t = 0; t < l0; t++) s -= load<f64>(pC + <usize>t * ldC + (<usize>r << 3)) * load<f64>(bj + (<usize>t << 3));
          store<f64>(pw + (<usize>(RHS + i + p * j) << 3), s);
        }
      }
      // The matrix I_q ⊗ A_kk + B_llᵀ ⊗ I_p, column-major with leading dimension 4.
      const k = p * q;
      for (let c = 0; c < k; c++) {
        const ic = c % p;
        const jc = c / p;
        for (let r = 0; r < k; r++) {
          const ir = r % p;
          const jr = r / p;
          let v: f64 = 0;
          if (jr == jc) v += load<f64>(pA + <usize>(k0 + ic) * ldA + (<usize>(k0 + ir) << 3));
          if (ir == ic) v += load<f64>(pB + <usize>(l0 + jr) * ldB + (<usize>(l0 + jc) << 3));
          store<f64>(pw + (<usize>(r + 4 * c) << 3), v);
        }
      }
      if (small(k, pw) != 0) return l0 + 1;
      for (let j = 0; j < q; j++) {
        const cj = pC + <usize>(l0 + j) * ldC;
        for (let i = 0; i < p; i++) store<f64>(cj + (<usize>(k0 + i) << 3), load<f64>(pw + (<usize>(RHS + i + p * j) << 3)));
      }
      kEnd = k0;
    }
    l0 += q;
  }
  return 0;
}

/**
 * Solves the k×k system (k ≤ 4) at pw (column-major, ld 4) for the right-hand side at pw[RHS…],
 * overwritten by the solution, by Gaussian elimination with complete pivoting. 0, or 1 when the
 * system is singular and inconsistent.
 */
function small(k: i32, pw: usize): i32 {
  for (let j = 0; j < k; j++) store<f64>(pw + (<usize>(PERM + j) << 3), <f64>j);
  let rank = k;
  for (let s = 0; s < k; s++) {
    let ip = s;
    let jp = s;
    let big: f64 = -1;
    for (let j = s; j < k; j++) {
      for (let i = s; i < k; i++) {
        const v = Math.abs(load<f64>(pw + (<usize>(i + 4 * j) << 3)));
        if (v > big) {
          big = v;
          ip = i;
          jp = j;
        }
      }
    }
    if (ip != s) {
      for (let j = 0; j < k; j++) swap(pw, ip + 4 * j, s + 4 * j);
      swap(pw, RHS + ip, RHS + s);
    }
    if (jp != s) {
      for (let i = 0; i < k; i++) swap(pw, i + 4 * jp, i + 4 * s);
      swap(pw, PERM + jp, PERM + s);
    }
    const piv = load<f64>(pw + (<usize>(s + 4 * s) << 3));
    if (piv == 0) {
      for (let i = s; i < k; i++) if (load<f64>(pw + (<usize>(RHS + i) << 3)) != 0) return 1;
      rank = s;
      break;
    }
    for (let i = s + 1; i < k; i++) {
      const l = load<f64>(pw + (<usize>(i + 4 * s) << 3)) / piv;
      store<f64>(pw + (<usize>(RHS + i) << 3), load<f64>(pw + (<usize>(RHS + i) << 3)) - l * load<f64>(pw + (<usize>(RHS + s) << 3)));
      for (let j = s + 1; j < k; j++) {
        store<f64>(pw + (<usize>(i + 4 * j) << 3), load<f64>(pw + (<usize>(i + 4 * j) << 3)) - l * load<f64>(pw + (<usize>(s + 4 * j) << 3)));
      }
    }
  }
  for (let i = rank; i < k; i++) store<f64>(pw + (<usize>(RHS + i) << 3), 0);
  for (let i = rank - 1; i >= 0; i--) {
    let x = load<f64>(pw + (<usize>(RHS + i) << 3));
    for (let j = i + 1; j < k; j++) x -= load<f64>(pw + (<usize>(i + 4 * j) << 3)) * load<f64>(pw + (<usize>(RHS + j) << 3));
    store<f64>(pw + (<usize>(RHS + i) << 3), x / load<f64>(pw + (<usize>(i + 4 * i) << 3)));
  }
  // Undo the column permutation: unknown PERM[j] is solution entry j (column 0 of the matrix as scratch).
  for (let j = 0; j < k; j++) {
    store<f64>(pw + (<usize>(<i32>load<f64>(pw + (<usize>(PERM + j) << 3))) << 3), load<f64>(pw + (<usize>(RHS + j) << 3)));
  }
  for (let j = 0; j < k; j++) store<f64>(pw + (<usize>(RHS + j) << 3), load<f64>(pw + (<usize>j << 3)));
  return 0;
}

// @ts-ignore: decorator
@inline function swap(pw: usize, a: i32, b: i32): void {
  const pa = pw + (<usize>a << 3);
  const pb = pw + (<usize>b << 3);
  const t = load<f64>(pa);
  store<f64>(pa, load<f64>(pb));
  store<f64>(pb, t);
}
