/**
 * sygs2 (unblocked) and sygst (blocked) — the reduction of A·x = λ·B·x (itype 1), A·B·x = λ·x (2) and
 * B·A·x = λ·x (3) to a standard symmetric problem, B = L·Lᵀ given by its Cholesky factor: on every
 * engine, bit for bit across engines; only the lower triangle of A is written (the harness fails on any
 * write above the diagonal) and only the lower triangles of A and L are read (NaN elsewhere).
 *
 * The result C is checked against its definition, as LAPACK's TESTING/EIG checks the reduction inside
 * dsygv (dsgt01 checks the whole driver; the reduction alone has this residual form):
 *
 *   itype 1 (C = L⁻¹·A·L⁻ᵀ):   ‖L·C·Lᵀ − A‖₁ / ((‖L‖₁²·‖C‖₁ + ‖A‖₁)·n·ε) ≤ 30
 *   itype 2/3 (C = Lᵀ·A·L):   ‖C − Lᵀ·A·L‖₁ / (‖L‖₁²·‖A‖₁·n·ε) ≤ 30
 *
 * (each entry of C is a short sequence of inner products with L and L⁻¹, whose errors are bounded by
 * these norms times n·ε; for itype 1 the form multiplied back avoids inverting L in the test). Blocks
 * 2, 3 and 5 with tiny GEMM blockings push small matrices through the blocked code (and its trsm, trmm,
 * syr2k and symmetric products at block edges); a block ≥ n is sygs2, bit for bit.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines, withTuning, scratch, type GemmTuning } from '../../../util/engines.js';
import { runKernel, triW } from '../../../util/harness.js';
import { Rng, matrix } from '../../../util/generate.js';
import { expectBitwise, EPS } from '../../../util/tolerance.js';
import { THRESH } from '../../../util/ratios.js';
import { norm1 } from '../../../util/reference.js';

beforeAll(async () => {
  await setupEngines();
});

/** Column-major n×n product of full matrices (ld n). */
function mm(A: Float64Array, B: Float64Array, n: number, tA = false, tB = false): Float64Array {
  const C = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let p = 0; p < n; p++) s += (tA ? A[p + i * n]! : A[i + p * n]!) * (tB ? B[j + p * n]! : B[p + j * n]!);
      C[i + j * n] = s;
    }
  }
  return C;
}

interface Problem {
  n: number;
  ld: number;
  A: Float64Array; // symmetric, full (ld n)
  L: Float64Array; // lower, full with zeros above (ld n)
  aStored: Float64Array; // lower triangle, NaN above and in padding (ld)
  lStored: Float64Array;
}

function problem(n: number, seed: number): Problem {
  const rng = new Rng(seed);
  const ld = Math.max(1, n) + (seed % 3);
  const G = matrix(rng, 'normal', n, n);
  const A = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = j; i < n; i++) A[i + j * n] = A[j + i * n] = G[i + j * n]!;
  // L: a well-conditioned lower triangle with diagonal in [1, 2) (κ(L) small), like potrf's output
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = j; i < n; i++) L[i + j * n] = i === j ? 1 + rng.uniform() : (2 * rng.uniform() - 1) / Math.max(1, n);
  const aStored = new Float64Array(Math.max(1, ld * n)).fill(NaN);
  const lStored = new Float64Array(Math.max(1, ld * n)).fill(NaN);
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) {
      aStored[i + j * ld] = A[i + j * n]!;
      lStored[i + j * ld] = L[i + j * n]!;
    }
  }
  return { n, ld, A, L, aStored, lStored };
}

function reduce(kernel: 'sygs2' | 'sygst', itype: number, p: Problem): Float64Array {
  const { n, ld } = p;
  const r = runKernel(`${kernel} itype=${itype} n=${n}`, kernel, (c) => {
    const args = [itype, n, c.out(p.aStored, triW(n, ld, 0)), ld, c.in(p.lStored, 1)];
    args.push(ld);
    if (kernel === 'sygst') args.push(c.work(scratch('sygstScratch', n)));
    return args;
  });
  const C = new Float64Array(n * n); // full symmetric from the lower triangle
  for (let j = 0; j < n; j++) for (let i = j; i < n; i++) C[i + j * n] = C[j + i * n] = r.bufs[0]![i + j * ld]!;
  return C;
}

function check(kernel: 'sygs2' | 'sygst', itype: number, n: number, seed: number): Float64Array {
  const p = problem(n, seed);
  const C = reduce(kernel, itype, p);
  if (n === 0) return C;
  const nl = norm1(p.L, n, n);
  let ratio: number;
  if (itype === 1) {
    const R = mm(mm(p.L, C, n), p.L, n, false, true);
    for (let i = 0; i < n * n; i++) R[i] = R[i]! - p.A[i]!;
    ratio = norm1(R, n, n) / ((nl * nl * norm1(C, n, n) + norm1(p.A, n, n)) * n * EPS);
  } else {
    const R = mm(mm(p.L, p.A, n, true), p.L, n);
    for (let i = 0; i < n * n; i++) R[i] = C[i]! - R[i]!;
    ratio = norm1(R, n, n) / (nl * nl * norm1(p.A, n, n) * n * EPS);
  }
  expect(ratio, `${kernel} itype=${itype} n=${n} seed=${seed}: residual ratio`).toBeLessThanOrEqual(THRESH);
  return C;
}

const NS = [0, 1, 2, 3, 4, 5, 7, 8, 11, 16, 17];

describe('sygs2 (unblocked)', () => {
  it('itype 1, 2, 3 over sizes', () => {
    for (const itype of [1, 2, 3]) for (const n of NS) check('sygs2', itype, n, 10 * n + itype);
  });
});

const BLOCKS: [number, GemmTuning][] = [[2, {}], [3, { gemmMC: 4, gemmKC: 1, gemmNC: 4 }], [5, { gemmMC: 8, gemmKC: 5, gemmNC: 12 }], [32, {}]];

describe.each(BLOCKS)('sygst (blocked), block %s, GEMM blocking %o', (nb, gb) => {
  it('itype 1, 2, 3 over sizes (small odd blocks: every block edge, trsm/trmm blocks of 3)', () => {
    withTuning({ ...gb, potrfNB: nb, trsmNB: 3 }, () => {
      const ns = nb === 32 ? [...NS, 33, 40, 70] : NS;
      for (const itype of [1, 2, 3]) for (const n of ns) check('sygst', itype, n, 1000 + 10 * n + itype);
    });
  });
});

describe('sygst block-size limits', () => {
  it('block ≤ 1 or ≥ n equals sygs2 bit for bit', () => {
    for (const itype of [1, 2, 3]) {
      for (const n of [5, 9]) {
        const p = problem(n, 77 + n);
        const ref = reduce('sygs2', itype, p);
        for (const nb of [1, n, n + 4]) expectBitwise(`sygst itype=${itype} n=${n} nb=${nb}`, withTuning({ potrfNB: nb }, () => reduce('sygst', itype, p)), ref);
      }
    }
  });
});
