/**
 * jobs — the kernels the pool splits (pool.ts), how each is cut into chunks, and the chunk runner.
 *
 * The determinism contract: the result is bit for bit the same for every thread count (and equal to
 * the JS mirror's). Either only dimensions that take part in no sum are split, so every entry of the
 * result is computed by one thread exactly as the serial kernel computes it — the same operations in
 * the same order — or (brd) the kernel itself is restructured into fixed pieces whose number and
 * edges depend on the sizes alone, with their partial results combined in a fixed order, and its
 * serial path runs the same pieces: then the split only decides who computes which piece.
 *
 *   gemm   C ← α·op(A)·op(B) + β·C: blocks of C's columns (n ≥ m) or rows (m > n). A column of C
 *          depends on all of op(A) and one column of op(B); each chunk packs what it needs into its
 *          own workspace (its thread's slice of the caller's: `gemmScratch` is `lanes` serial
 *          workspaces in a threaded build) and runs the serial GEMM on its block. Within a block the
 *          micro-kernel tiles start at the block's edge, which does not matter: an entry's value
 *          (its k-sum in KC blocks, then α·sum + β·c) does not depend on the tile it sits in.
 *   trsm   op(A)·X = α·B (left): blocks of right-hand sides = columns of B; X·op(A) = α·B (right):
 *          blocks of B's rows. Each block is a serial trsm on its own workspace.
 *   lasr   rotations from the right mix columns, never rows: blocks of X's rows (each row sees the same
 *          sequence of rotations whatever the strip; see blas/lasr.ts).
 *   laswp  row interchanges act on each column alone and are exact: blocks of columns (getrf's swaps to
 *          the left and right of each panel).
 *   syrk   the nodes of syrk.ts's recursion tree, which own disjoint parts of C's triangle: the GEMM
 *          blocks of the first D levels (one whose work exceeds 1/T of the total cut into column pieces,
 *          as gemm's chunks) and, at depth D (or at a leaf above it), the whole subtree, run by the
 *          serial syrk. Chunks are numbered level by level, so they come roughly largest first (the
 *          claiming then balances like longest-processing-time-first scheduling); D = ⌈log₂ 4T⌉
 *          leaves ≥ 4T subtrees. One job per update: Cholesky's trailing update is one dispatch per
 *          block column, not one per GEMM of the recursion.
 *   brd    labrd's fused pass (yᵢ = τ·(Aᵀu + c) and w = A·r over the trailing block), a level-2
 *          operation and an exception to "no sum is split": the columns are cut into the fixed panels
 *          of svd/labrd.ts (BRD_PANELS, their width a function of the size only), each chunk computes
 *          its columns' dots (whole columns: exact) and its own partial sum of w, and labrd adds the
 *          partial sums in panel order after the job. The chunks are the same whatever the thread
 *          count, and the serial path runs the same panels, so the bits are too.
 *   symv   the other exception, in the same way: its sums run over every column, so it is computed in
 *          a fixed number of column panels for every order n ≥ SYMV_PANEL_MIN, whatever the thread
 *          count (eig/sym/symv.ts); each panel is a chunk writing its own partial vector, and the caller
 *          adds them in panel order afterwards. The bits depend on n only, not on who ran which panel.
 *
 * Every factorisation (getrf, potrf, geqrf/orgqr/ormqr via larfb, sytrd, gebrd, gehrd) goes
 * parallel through its GEMM, SYRK and TRSM calls; steqr and bdsqr through lasr; gebrd's panels also
 * through brd, sytrd's (latrd, sytd2) through symv.
 *
 * Chunks: up to 4 per thread (the claiming then balances a thread slowed by the machine's other load),
 * but none narrower than CHUNK_MIN rows/columns unless that leaves a thread without one: a column chunk
 * re-packs all of op(A) (m·k copies for 2·m·k·w flops, ≈ 12/w of the chunk's time at 25 GFLOP/s and a
 * copy per nanosecond: 5 % at w = 256, 10 % at 128). Rounded to the register tile; at least 2 chunks,
 * or the kernel runs serially.
 */
import { lanes, worthSplitting, worthSplittingLasr, runJob, pi, setPi, pf, setPf, K_GEMM, K_TRSM, K_LASR, K_SYRK, K_SYMV, K_BRD, K_LASWP, MAX_CHUNKS } from './pool';
import { laswpSerial } from '../lu/laswp';
import { fusedPanel } from '../svd/labrd';
import { symvPanel, SYMV_PANELS } from '../eig/sym/symv';
import { syrkSerial, syrkScratch1, syrkLeaf } from '../gemm/syrk';
import { gemmSerial, gemmScratch1 } from '../gemm/gemm';
import { MR, NR } from '../gemm/blocking';
import { trsmSerial, trsmScratch1 } from '../trsm/trsm';
import { lasrSerial } from '../blas/lasr';
import { even } from '../util';

// @ts-ignore: decorator
@inline const CHUNK_MIN: i32 = 256;
// @ts-ignore: decorator
@inline const PER_THREAD: i32 = 4;

/** The chunk size for splitting `dim` over T threads in multiples of `unit`, or 0 when it cannot be split. */
function chunkOf(dim: i32, T: i32, unit: i32): i32 {
  let c = max(up((dim + PER_THREAD * T - 1) / (PER_THREAD * T), unit), min(up(CHUNK_MIN, unit), up((dim + T - 1) / T, unit)));
  c = max(c, up((dim + MAX_CHUNKS - 1) / MAX_CHUNKS, unit));
  return (dim + c - 1) / c >= 2 ? c : 0;
}

/** x rounded up to a multiple of unit. */
// @ts-ignore: decorator
@inline function up(x: i32, unit: i32): i32 {
  return ((x + unit - 1) / unit) * unit;
}

/** Bytes → i32 slot (addresses < 4 GiB) and back. */
// @ts-ignore: decorator
@inline function ptr(i: i32): usize {
  return <usize><u32>pi(i);
}

/** gemm's parallel path: true when it ran the product (split over the pool), false to run it serially. */
export function gemmPar(
  transA: i32, transB: i32, m: i32, n: i32, k: i32, alpha: f64,
  pA: usize, lda: i32, pB: usize, ldb: i32,
  beta: f64, pC: usize, ldc: i32, pw: usize,
): bool {
  if (m <= 0 || n <= 0 || k <= 0 || alpha == 0) return false;
  if (!worthSplitting(<f64>m * <f64>n * <f64>k)) return false;
  const byCols = n >= m;
  const chunk = chunkOf(byCols ? n : m, lanes(), byCols ? NR : MR);
  if (chunk == 0) return false;
  const dim = byCols ? n : m;
  setPi(0, transA); setPi(1, transB); setPi(2, m); setPi(3, n); setPi(4, k);
  setPi(5, <i32>pA); setPi(6, lda); setPi(7, <i32>pB); setPi(8, ldb); setPi(9, <i32>pC); setPi(10, ldc);
  setPi(11, <i32>pw); setPi(12, even(gemmScratch1(m, n, k)) << 3); setPi(13, byCols ? 1 : 0); setPi(14, chunk);
  setPf(0, alpha); setPf(1, beta);
  runJob(K_GEMM, (dim + chunk - 1) / chunk, <f64>m * <f64>n * <f64>k * <f64>chunk / <f64>dim);
  return true;
}

function gemmChunk(idx: i32, tid: i32): void {
  const transA = pi(0), transB = pi(1), m = pi(2), n = pi(3), k = pi(4);
  const lda = pi(6), ldb = pi(8), ldc = pi(10), chunk = pi(14);
  const lo = idx * chunk;
  let pA = ptr(5), pB = ptr(7), pC = ptr(9);
  const pw = ptr(11) + <usize>tid * <usize>pi(12);
  if (pi(13)) {
    const w = min(chunk, n - lo);
    pB += transB ? <usize>lo << 3 : <usize>lo * (<usize>ldb << 3);
    pC += <usize>lo * (<usize>ldc << 3);
    gemmSerial(transA, transB, m, w, k, pf(0), pA, lda, pB, ldb, pf(1), pC, ldc, pw);
  } else {
    const h = min(chunk, m - lo);
    pA += transA ? <usize>lo * (<usize>lda << 3) : <usize>lo << 3;
    pC += <usize>lo << 3;
    gemmSerial(transA, transB, h, n, k, pf(0), pA, lda, pB, ldb, pf(1), pC, ldc, pw);
  }
}

/** trsm's parallel path (blocks of right-hand sides): true when it ran the solve. */
export function trsmPar(
  side: i32, uplo: i32, trans: i32, diag: i32, m: i32, n: i32, alpha: f64,
  pA: usize, lda: i32, pB: usize, ldb: i32, pw: usize,
): bool {
  if (m <= 0 || n <= 0) return false;
  const order = side == 0 ? m : n;
  const rhs = side == 0 ? n : m;
  if (!worthSplitting(0.5 * <f64>order * <f64>order * <f64>rhs)) return false;
  const chunk = chunkOf(rhs, lanes(), side == 0 ? NR : MR);
  if (chunk == 0) return false;
  setPi(0, side); setPi(1, uplo); setPi(2, trans); setPi(3, diag); setPi(4, m); setPi(5, n);
  setPi(6, <i32>pA); setPi(7, lda); setPi(8, <i32>pB); setPi(9, ldb); setPi(10, <i32>pw);
  setPi(11, even(trsmScratch1(m, n)) << 3); setPi(12, chunk);
  setPf(0, alpha);
  runJob(K_TRSM, (rhs + chunk - 1) / chunk, 0.5 * <f64>order * <f64>order * <f64>chunk);
  return true;
}

function trsmChunk(idx: i32, tid: i32): void {
  const side = pi(0), m = pi(4), n = pi(5), ldb = pi(9), chunk = pi(12);
  const lo = idx * chunk;
  const pw = ptr(10) + <usize>tid * <usize>pi(11);
  if (side == 0) {
    trsmSerial(0, pi(1), pi(2), pi(3), m, min(chunk, n - lo), pf(0), ptr(6), pi(7), ptr(8) + <usize>lo * (<usize>ldb << 3), ldb, pw);
  } else {
    trsmSerial(1, pi(1), pi(2), pi(3), min(chunk, m - lo), n, pf(0), ptr(6), pi(7), ptr(8) + (<usize>lo << 3), ldb, pw);
  }
}

/** lasr's parallel path (strips of rows): true when it applied the rotations. */
export function lasrPar(m: i32, nseq: i32, pSeq: usize, pC: usize, pS: usize, pX: usize, ldx: i32): bool {
  if (m <= 0 || nseq <= 0 || lanes() <= 1) return false;
  let rots: f64 = 0;
  for (let q = 0; q < nseq; q++) {
    const d = pSeq + (<usize>(q << 2) << 3);
    rots += max(0, load<f64>(d, 8) - load<f64>(d));
  }
  if (!worthSplittingLasr(3 * rots * <f64>m)) return false;
  const chunk = chunkOf(m, lanes(), 8);
  if (chunk == 0) return false;
  setPi(0, m); setPi(1, nseq); setPi(2, <i32>pSeq); setPi(3, <i32>pC); setPi(4, <i32>pS); setPi(5, <i32>pX);
  setPi(6, ldx); setPi(7, chunk);
  runJob(K_LASR, (m + chunk - 1) / chunk, 3 * rots * <f64>chunk);
  return true;
}

function lasrChunk(idx: i32): void {
  const m = pi(0), chunk = pi(7);
  const lo = idx * chunk;
  lasrSerial(min(chunk, m - lo), pi(1), ptr(2), ptr(3), ptr(4), ptr(5) + (<usize>lo << 3), pi(6));
}

/**
 * laswp's parallel path (blocks of columns): true when it applied the interchanges. A swap (two loads,
 * two stores) is counted as one multiply-add of work.
 */
export function laswpPar(n: i32, pA: usize, lda: i32, k1: i32, k2: i32, pIpiv: usize, reverse: i32): bool {
  if (n <= 0 || k2 <= k1) return false;
  if (!worthSplitting(<f64>n * <f64>(k2 - k1))) return false;
  const chunk = chunkOf(n, lanes(), 1);
  if (chunk == 0) return false;
  setPi(0, n); setPi(1, <i32>pA); setPi(2, lda); setPi(3, k1); setPi(4, k2); setPi(5, <i32>pIpiv); setPi(6, reverse);
  setPi(7, chunk);
  runJob(K_LASWP, (n + chunk - 1) / chunk, <f64>chunk * <f64>(k2 - k1));
  return true;
}

function laswpChunk(idx: i32): void {
  const n = pi(0), chunk = pi(7);
  const lo = idx * chunk;
  laswpSerial(min(chunk, n - lo), ptr(1) + <usize>lo * (<usize>pi(2) << 3), pi(2), pi(3), pi(4), ptr(5), pi(6));
}

/** syrk's parallel path (the nodes of its recursion tree): true when it ran the update. */
export function syrkPar(
  uplo: i32, trans: i32, n: i32, k: i32, alpha: f64,
  pA: usize, lda: i32, beta: f64, pC: usize, ldc: i32, pw: usize,
): bool {
  if (n <= syrkLeaf() || k <= 0 || alpha == 0) return false;
  const total = 0.5 * <f64>n * <f64>n * <f64>k;
  if (!worthSplitting(total)) return false;
  const T = lanes();
  let D = 0;
  while ((1 << D) < 4 * T && D < 8) D++;
  setPi(0, uplo); setPi(1, trans); setPi(2, n); setPi(3, k); setPi(4, <i32>pA); setPi(5, lda);
  setPi(6, <i32>pC); setPi(7, ldc); setPi(8, <i32>pw); setPi(9, even(syrkScratch1(n, k)) << 3);
  setPi(10, D); setPi(11, T);
  setPf(0, alpha); setPf(1, beta); setPf(2, total);
  const nch = syrkWalk(-1, 0);
  if (nch < 2) return false;
  runJob(K_SYRK, nch, total / <f64>T);
  return true;
}

/**
 * Walks syrk's recursion tree level by level to depth D, numbering its chunks: counts them (idx < 0,
 * returns the count) or runs chunk idx on thread tid. A node is (lo, size): C[lo:lo+size, lo:lo+size].
 */
function syrkWalk(idx: i32, tid: i32): i32 {
  const uplo = pi(0), n = pi(2), k = pi(3), D = pi(10), T = pi(11);
  const leafN = syrkLeaf();
  const total = pf(2);
  let t = 0;
  for (let d = 0; d <= D; d++) {
    for (let p = 0; p < (1 << d); p++) {
      // Descend from the root along the bits of p (most significant first); skip nodes under a leaf.
      let lo = 0, size = n, live = true;
      for (let l = d - 1; l >= 0; l--) {
        if (size <= leafN) { live = false; break; }
        const h = size >> 1;
        if ((p >> l) & 1) { lo += h; size -= h; } else size = h;
      }
      if (!live) continue;
      if (size <= leafN || d == D) {
        if (t == idx) syrkChunk(lo, size, 0, 0, tid);
        t++;
        continue;
      }
      const n1 = size >> 1;
      const n2 = size - n1;
      // The GEMM block: C21 (n2×n1, lower) or C12 (n1×n2, upper), split by its columns.
      const cols = uplo ? n2 : n1;
      const pieces = max(1, min(<i32>Math.round(<f64>n1 * <f64>n2 * <f64>k * <f64>T / total), cols / NR));
      const w = up((cols + pieces - 1) / pieces, NR);
      for (let c0 = 0; c0 < cols; c0 += w) {
        if (t == idx) syrkChunk(lo, size, c0, min(w, cols - c0), tid);
        t++;
      }
    }
  }
  return t;
}

/** One chunk of the syrk job: the subtree at node (lo, size) (w = 0) or columns c0… c0+w−1 of its GEMM block. */
function syrkChunk(lo: i32, size: i32, c0: i32, w: i32, tid: i32): void {
  const uplo = pi(0), trans = pi(1), k = pi(3), lda = pi(5), ldc = pi(7);
  const ldA = <usize>lda << 3;
  const ldC = <usize>ldc << 3;
  const pw = ptr(8) + <usize>tid * <usize>pi(9);
  // Row r of op(A) starts at A + r (trans = 0) or A + r·lda (trans = 1).
  const pA = ptr(4);
  const pAlo = trans ? pA + <usize>lo * ldA : pA + (<usize>lo << 3);
  const pClo = ptr(6) + (<usize>lo << 3) + <usize>lo * ldC;
  if (w == 0) {
    syrkSerial(uplo, trans, size, k, pf(0), pAlo, lda, pf(1), pClo, ldc, pw);
    return;
  }
  const n1 = size >> 1;
  const n2 = size - n1;
  const pA2 = trans ? pAlo + <usize>n1 * ldA : pAlo + (<usize>n1 << 3);
  if (uplo == 0) {
    // C21[:, c0:c0+w] ← α·op(A)[n1:]·op(A)[c0:c0+w]ᵀ + β·C21[:, c0:c0+w]
    const pB = trans ? pAlo + <usize>c0 * ldA : pAlo + (<usize>c0 << 3);
    gemmSerial(trans, trans ^ 1, n2, w, k, pf(0), pA2, lda, pB, lda, pf(1), pClo + (<usize>n1 << 3) + <usize>c0 * ldC, ldc, pw);
  } else {
    // C12[:, c0:c0+w] ← α·op(A)[:n1]·op(A)[n1+c0:n1+c0+w]ᵀ + β·C12[:, c0:c0+w]
    const pB = trans ? pA2 + <usize>c0 * ldA : pA2 + (<usize>c0 << 3);
    gemmSerial(trans, trans ^ 1, n1, w, k, pf(0), pAlo, lda, pB, lda, pf(1), pClo + <usize>(n1 + c0) * ldC, ldc, pw);
  }
}

/**
 * labrd's split fused pass (svd/labrd.ts, fusedPanels): its np panels as the chunks of one job; true
 * when it ran them, false to run them in order on this thread. Work: 2·mm·nn multiply-adds.
 */
export function brdPar(
  mm: i32, nn: i32, pC: usize, ldC: usize, pu: usize, tq: f64, py: usize, pr: usize, pw: usize, pP: usize, ldP: usize, np: i32,
): bool {
  if (np < 2 || !worthSplitting(2 * <f64>mm * <f64>nn)) return false;
  setPi(0, mm); setPi(1, nn); setPi(2, <i32>pC); setPi(3, <i32>ldC); setPi(4, <i32>pu); setPi(5, <i32>py);
  setPi(6, <i32>pr); setPi(7, <i32>pw); setPi(8, <i32>pP); setPi(9, <i32>ldP);
  setPf(0, tq);
  runJob(K_BRD, np, 2 * <f64>mm * <f64>nn / <f64>np);
  return true;
}

/** symv's parallel path (its panels, n ≥ SYMV_PANEL_MIN): true when it ran them (the caller adds them up). */
export function symvPar(n: i32, pA: usize, lda: i32, px: usize, py: usize, pw: usize): bool {
  const work = 0.5 * <f64>n * <f64>n;
  if (!worthSplitting(work)) return false;
  setPi(0, n); setPi(1, <i32>pA); setPi(2, lda); setPi(3, <i32>px); setPi(4, <i32>py); setPi(5, <i32>pw);
  runJob(K_SYMV, SYMV_PANELS, work / <f64>SYMV_PANELS);
  return true;
}

/** Runs chunk `idx` of the current job on thread `tid` (0 = the caller). */
export function runChunk(kind: i32, idx: i32, tid: i32): void {
  if (kind == K_GEMM) gemmChunk(idx, tid);
  else if (kind == K_TRSM) trsmChunk(idx, tid);
  else if (kind == K_LASR) lasrChunk(idx);
  else if (kind == K_SYRK) syrkWalk(idx, tid);
  else if (kind == K_BRD) fusedPanel(idx, pi(0), pi(1), ptr(2), <usize><u32>pi(3), ptr(4), pf(0), ptr(5), ptr(6), ptr(7), ptr(8), <usize><u32>pi(9));
  else if (kind == K_LASWP) laswpChunk(idx);
  else if (kind == K_SYMV) symvPanel(idx, pi(0), ptr(1), pi(2), ptr(3), ptr(4), ptr(5));
}
