/**
 * symv — y ← α·A·x, A symmetric, lower triangle stored                (BLAS dsymv, uplo = 'L'; 2n² flops)
 *
 * Only A[i, j] with i ≥ j is read. Column j of the lower triangle contributes to y twice:
 *
 *   y[j+1:n] += A[j+1:n, j]·x[j]          (the stored column: an axpy)
 *   y[j]     += A[j+1:n, j]ᵀ·x[j+1:n]     (the same numbers read as row j of the upper triangle: a dot)
 *   y[j]     += A[j, j]·x[j]
 *
 * so one pass over the stored triangle (n²/2 loads) does both halves: 4 flops per element loaded. This is
 * the level-2 half of the tridiagonal reduction (sytd2, latrd: one symv on the trailing matrix per
 * column, 2/3·n³ of sytrd's 4/3·n³ flops), where A is read from L2/L3: the memory traffic, not the flops,
 * sets the speed, so the kernel streams four columns at a time and reuses every load of y and x four
 * times:
 *
 *   for each group of 4 columns k..k+3:
 *     the 4×4 lower diagonal block, scalar (row r gets columns k..r left to right; the dots get the
 *       rows below each diagonal inside the block, top to bottom)
 *     rows i ≥ k+4, two at a time (one f64x2):   y[i] += A[i,k]·x[k] + … + A[i,k+3]·x[k+3]   (left to right)
 *                                                t_q  += A[i,k+q]·x[i]       (lane 0: rows k+4, k+6, …;
 *                                                                            lane 1: rows k+5, k+7, …)
 *     y[k+q] += t_q(block) + ((lane 0 + lane 1) + odd last row)
 *   the last n mod 4 columns one at a time, sequentially
 *   y ← α·y  (skipped for α = 1)
 *
 * The scalar build keeps the two lanes as two scalars in the same order (ASC_FEATURE_SIMD branch), as
 * does the JS mirror, so all three agree bit for bit.
 *
 * Panels (n ≥ SYMV_PANEL_MIN), so that threads can share the pass without changing a bit. Each y[i]
 * above sums over every column, so cutting the columns between threads would change its order, and
 * giving each thread its own rows makes it read the whole triangle. Instead the columns are cut into
 * P = SYMV_PANELS fixed panels of about equal work (a function of n only):
 *
 *   0        c₁       c₂         c₃            n       panel p = columns c_p … c_{p+1}−1 (symvPanelStart:
 *   [ p₀  |                                   ]          c_p a multiple of 4, about (1 − √(1 − p/P))·n)
 *   [ p₀  |  p₁  |                            ]        its own partial vector y⁽ᵖ⁾: the axpys into rows
 *   [ p₀  |  p₁  |  p₂   |                    ]          below and the dots into its columns' entries,
 *   [ p₀  |  p₁  |  p₂   |  p₃                ]          by the 4-column kernel above from column c_p
 *                                                      y = ((y⁽⁰⁾ + y⁽¹⁾) + y⁽²⁾) + y⁽³⁾ entrywise, then α·y
 *
 * The panels are independent: thread/jobs.ts runs them as the chunks of one job (K_SYMV) over the pool;
 * otherwise (one thread, the serial builds, the JS mirror) they run one after the other — the same
 * operations in the same order, so the bits do not depend on the number of threads. Each panel reads
 * its part of A once: two threads each stream half of the triangle. The extra work is (P−1)·n zeroing
 * and adds; on one thread the panels took 1.13× the single pass at n = 256, 1.03–1.04× at 320–512 and
 * 0.99× at 1024 (see SYMV_PANEL_MIN for the conditions). Below SYMV_PANEL_MIN the kernel is the single
 * pass above (bits as before).
 *
 * Storage: A at `pA` (n×n, lda ≥ max(1, n), lower triangle read), x at `px` and y at `py`, unit stride,
 * n doubles each; y is not read (β = 0) and must not overlap A or x. Workspace: `pw`, symvScratch(n)
 * doubles ((P−1)·n when n ≥ SYMV_PANEL_MIN, else 0: not read); it must not overlap A, x or y. Returns
 * nothing.
 *
 * Reference: Golub & Van Loan, 4th ed., §1.2.7 (symmetric storage) and §8.3.1 (its use in the
 * tridiagonalisation); reference BLAS dsymv. The panels are the fixed reduction tree that makes a
 * parallel sum reproducible (Demmel & Nguyen, "Parallel reproducible summation", IEEE TC 64(7), 2015:
 * here simply a summation order fixed by n alone).
 */
import { axpy } from '../../blas/axpy';
import { symvPar } from '../../thread/jobs';

/** Panels of the panelled symv (see the header): 4, so that 2, 3 and 4 threads all get work. */
// @ts-ignore: decorator
@inline export const SYMV_PANELS: i32 = 4;
/**
 * Smallest order run in panels (and so split over the pool). Measured (symv alone, per-call times, SIMD
 * threaded build, Node 20, AMD EPYC family 25, 2 vCPUs shared with another engineer's benchmarks, so
 * only the fastest calls show what two free cores do): 2 threads ÷ 1, fastest call, 1.37× at n = 256,
 * 1.5× and 1.8× at 384 (two runs), 1.8× at 1024 (one run of three); the median call gained nothing and
 * lost up to 2× under that load (a worker descheduled holding a panel stalls the caller). One thread,
 * panels ÷ single pass: 1.13× at 256, 1.03–1.04× at 320–512, 0.99× at 1024. A job costs a few µs (the
 * 256 case takes 11 µs on one thread), so much smaller orders cannot gain.
 */
// @ts-ignore: decorator
@inline export const SYMV_PANEL_MIN: i32 = 256;

export function symv(n: i32, alpha: f64, pA: usize, lda: i32, px: usize, py: usize, pw: usize): void {
  if (n <= 0) return;
  if (n < SYMV_PANEL_MIN) {
    for (let i = 0; i < n; i++) store<f64>(py + (<usize>i << 3), 0);
    symvCols(n, 0, n, pA, lda, px, py);
  } else {
    // the panels: over the pool (thread/jobs.ts) or one after the other, the same operations either way
    if (!(ASC_FEATURE_THREADS && symvPar(n, pA, lda, px, py, pw))) {
      for (let p = 0; p < SYMV_PANELS; p++) symvPanel(p, n, pA, lda, px, py, pw);
    }
    // y = ((p₀ + p₁) + p₂) + p₃, panel q adding to rows c_q … n−1 (it is zero above): axpy with α = 1
    // adds exactly (1·x = x)
    for (let q = 1; q < SYMV_PANELS; q++) {
      const c = symvPanelStart(n, q);
      const r = <usize>c << 3;
      axpy(n - c, 1.0, pw + <usize>(q - 1) * (<usize>n << 3) + r, 1, py + r, 1);
    }
  }
  if (alpha != 1) {
    for (let i = 0; i < n; i++) {
      const r = <usize>i << 3;
      store<f64>(py + r, alpha * load<f64>(py + r));
    }
  }
}

/** Doubles of workspace `symv` needs for order n: (P − 1)·n partial vectors when it runs in panels, else 0. */
export function symvScratch(n: i32): i32 {
  return n >= SYMV_PANEL_MIN ? (SYMV_PANELS - 1) * n : 0;
}

/**
 * First column of panel p (0 ≤ p ≤ P; panel P starts at n): c_p = 4·⌊x/4⌋, x the smallest c with
 * P·(n − c)² ≤ (P − p)·n², so that panels 0 … p−1 hold about p/P of the triangle. Exact integer tests
 * in f64 (n² · P < 2⁵³), so the cut does not depend on how `sqrt` rounds.
 */
export function symvPanelStart(n: i32, p: i32): i32 {
  if (p <= 0) return 0;
  if (p >= SYMV_PANELS) return n;
  const N = <f64>n;
  const rhs = <f64>(SYMV_PANELS - p) * N * N;
  let c = <i32>Math.floor(N - N * Math.sqrt(<f64>(SYMV_PANELS - p) / <f64>SYMV_PANELS));
  c = max(0, min(n, c));
  while (c > 0 && <f64>SYMV_PANELS * (N - <f64>(c - 1)) * (N - <f64>(c - 1)) <= rhs) c--;
  while (<f64>SYMV_PANELS * (N - <f64>c) * (N - <f64>c) > rhs) c++;
  return c & ~3;
}

/**
 * Panel p of the panelled symv: columns c_p … c_{p+1}−1 of the lower triangle into its own partial
 * vector — y itself for p = 0 (rows 0 … n−1 zeroed first), else rows c_p … n−1 of pw + (p−1)·n
 * (zeroed first; the rows above are not touched). Thread/jobs.ts runs one panel per chunk.
 */
export function symvPanel(p: i32, n: i32, pA: usize, lda: i32, px: usize, py: usize, pw: usize): void {
  const k0 = symvPanelStart(n, p);
  const dst = p == 0 ? py : pw + <usize>(p - 1) * (<usize>n << 3);
  for (let i = k0; i < n; i++) store<f64>(dst + (<usize>i << 3), 0);
  symvCols(n, k0, symvPanelStart(n, p + 1), pA, lda, px, dst);
}

/**
 * y[k0:n] += (columns k0 … k1−1 of the lower triangle of A, both halves)·x: the 4-column kernel from
 * column k0 (groups k0, k0+4, …; the last (k1 − k0) mod 4 columns one at a time). Rows above k0 are
 * neither read nor written.
 */
function symvCols(n: i32, k0: i32, k1: i32, pA: usize, lda: i32, px: usize, py: usize): void {
  const ldA = <usize>lda << 3;
  let k = k0;
  for (; k + 3 < k1; k += 4) {
    const o = <usize>k << 3;
    const c0 = pA + <usize>k * ldA; // column k (row 0)
    const c1 = c0 + ldA;
    const c2 = c1 + ldA;
    const c3 = c2 + ldA;
    const x0 = load<f64>(px + o);
    const x1 = load<f64>(px + o, 8);
    const x2 = load<f64>(px + o, 16);
    const x3 = load<f64>(px + o, 24);
    // 4×4 lower diagonal block: rows k..k+3
    const a10 = load<f64>(c0 + o, 8);
    const a20 = load<f64>(c0 + o, 16);
    const a30 = load<f64>(c0 + o, 24);
    const a21 = load<f64>(c1 + o, 16);
    const a31 = load<f64>(c1 + o, 24);
    const a32 = load<f64>(c2 + o, 24);
    store<f64>(py + o, load<f64>(py + o) + load<f64>(c0 + o) * x0);
    store<f64>(py + o, load<f64>(py + o, 8) + a10 * x0 + load<f64>(c1 + o, 8) * x1, 8);
    store<f64>(py + o, load<f64>(py + o, 16) + a20 * x0 + a21 * x1 + load<f64>(c2 + o, 16) * x2, 16);
    store<f64>(py + o, load<f64>(py + o, 24) + a30 * x0 + a31 * x1 + a32 * x2 + load<f64>(c3 + o, 24) * x3, 24);
    const t0 = a10 * x1 + a20 * x2 + a30 * x3;
    const t1 = a21 * x2 + a31 * x3;
    const t2 = a32 * x3;
    // rows k+4 … n−1
    let i = k + 4;
    let s00: f64 = 0, s01: f64 = 0, s10: f64 = 0, s11: f64 = 0;
    let s20: f64 = 0, s21: f64 = 0, s30: f64 = 0, s31: f64 = 0;
    if (ASC_FEATURE_SIMD) {
      const X0 = f64x2.splat(x0);
      const X1 = f64x2.splat(x1);
      const X2 = f64x2.splat(x2);
      const X3 = f64x2.splat(x3);
      let T0 = f64x2.splat(0);
      let T1 = f64x2.splat(0);
      let T2 = f64x2.splat(0);
      let T3 = f64x2.splat(0);
      for (; i + 1 < n; i += 2) {
        const r = <usize>i << 3;
        const a0 = v128.load(c0 + r);
        const a1 = v128.load(c1 + r);
        const a2 = v128.load(c2 + r);
        const a3 = v128.load(c3 + r);
        const xv = v128.load(px + r);
        let y = v128.load(py + r);
        y = f64x2.add(y, f64x2.mul(a0, X0));
        y = f64x2.add(y, f64x2.mul(a1, X1));
        y = f64x2.add(y, f64x2.mul(a2, X2));
        y = f64x2.add(y, f64x2.mul(a3, X3));
        v128.store(py + r, y);
        T0 = f64x2.add(T0, f64x2.mul(a0, xv));
        T1 = f64x2.add(T1, f64x2.mul(a1, xv));
        T2 = f64x2.add(T2, f64x2.mul(a2, xv));
        T3 = f64x2.add(T3, f64x2.mul(a3, xv));
      }
      s00 = f64x2.extract_lane(T0, 0); s01 = f64x2.extract_lane(T0, 1);
      s10 = f64x2.extract_lane(T1, 0); s11 = f64x2.extract_lane(T1, 1);
      s20 = f64x2.extract_lane(T2, 0); s21 = f64x2.extract_lane(T2, 1);
      s30 = f64x2.extract_lane(T3, 0); s31 = f64x2.extract_lane(T3, 1);
    } else {
      for (; i + 1 < n; i += 2) {
        const r = <usize>i << 3;
        const a0 = load<f64>(c0 + r), b0 = load<f64>(c0 + r, 8);
        const a1 = load<f64>(c1 + r), b1 = load<f64>(c1 + r, 8);
        const a2 = load<f64>(c2 + r), b2 = load<f64>(c2 + r, 8);
        const a3 = load<f64>(c3 + r), b3 = load<f64>(c3 + r, 8);
        const xa = load<f64>(px + r), xb = load<f64>(px + r, 8);
        store<f64>(py + r, load<f64>(py + r) + a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3);
        store<f64>(py + r, load<f64>(py + r, 8) + b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3, 8);
        s00 += a0 * xa; s01 += b0 * xb;
        s10 += a1 * xa; s11 += b1 * xb;
        s20 += a2 * xa; s21 += b2 * xb;
        s30 += a3 * xa; s31 += b3 * xb;
      }
    }
    let u0 = s00 + s01;
    let u1 = s10 + s11;
    let u2 = s20 + s21;
    let u3 = s30 + s31;
    if (i < n) {
      // odd last row
      const r = <usize>i << 3;
      const a0 = load<f64>(c0 + r), a1 = load<f64>(c1 + r), a2 = load<f64>(c2 + r), a3 = load<f64>(c3 + r);
      const xi = load<f64>(px + r);
      store<f64>(py + r, load<f64>(py + r) + a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3);
      u0 += a0 * xi;
      u1 += a1 * xi;
      u2 += a2 * xi;
      u3 += a3 * xi;
    }
    store<f64>(py + o, load<f64>(py + o) + (t0 + u0));
    store<f64>(py + o, load<f64>(py + o, 8) + (t1 + u1), 8);
    store<f64>(py + o, load<f64>(py + o, 16) + (t2 + u2), 16);
    store<f64>(py + o, load<f64>(py + o, 24) + u3, 24);
  }
  // the last (k1 − k0) mod 4 columns
  for (; k < k1; k++) {
    const ck = pA + <usize>k * ldA;
    const o = <usize>k << 3;
    const xk = load<f64>(px + o);
    store<f64>(py + o, load<f64>(py + o) + load<f64>(ck + o) * xk);
    let t: f64 = 0;
    for (let i = k + 1; i < n; i++) {
      const r = <usize>i << 3;
      const a = load<f64>(ck + r);
      store<f64>(py + r, load<f64>(py + r) + a * xk);
      t += a * load<f64>(px + r);
    }
    store<f64>(py + o, load<f64>(py + o) + t);
  }
}
