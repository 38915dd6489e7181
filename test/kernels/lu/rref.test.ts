/**
 * rref — Gauss–Jordan elimination with partial pivoting, in place, on the three engines (guard zones,
 * untouched padding rows, skewed buffers, bitwise agreement across engines):
 *
 *   reference   the same algorithm written here row by row (row-major, one multiply and one subtract per
 *               updated entry, the kernel's operation on each entry): equal bit for bit, rank and pivots
 *               equal — so the SIMD update (two rows per lane pair) and the split around the pivot row
 *               change no rounding
 *   structure   exactly: pivots ascending, A[i, pivots[i]] = 1, the rest of each pivot column 0, zeros
 *               left of each leading 1, the rows past the rank 0
 *   tolerance   tol = ∞ (or larger than every entry): rank 0 and A = 0; tol = 0 on an exactly rank-r
 *               integer product still finds at most min(m, n) pivots; empty shapes touch nothing
 * Sizes cover odd and even row counts (the SIMD tail on both sides of the pivot row), tall, wide,
 * a single row or column, and leading dimensions with padding.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines } from '../../util/engines.js';
import { runKernel, matW, extract } from '../../util/harness.js';
import { Rng, matrix, type MatrixKind } from '../../util/generate.js';
import { expectBitwise } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

/** The reference: Gauss–Jordan on a row-major copy, the kernel's operation on every entry. */
function gaussJordan(A: Float64Array, m: number, n: number, ld: number, tol: number): { R: Float64Array; piv: number[] } {
  const w = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) w[i * n + j] = A[i + j * ld]!;
  const piv: number[] = [];
  let r = 0;
  for (let j = 0; j < n && r < m; j++) {
    let p = r;
    for (let i = r + 1; i < m; i++) if (Math.abs(w[i * n + j]!) > Math.abs(w[p * n + j]!)) p = i;
    if (!(Math.abs(w[p * n + j]!) > tol)) {
      for (let i = r; i < m; i++) w[i * n + j] = 0;
      continue;
    }
    for (let c = j; c < n; c++) [w[p * n + c], w[r * n + c]] = [w[r * n + c]!, w[p * n + c]!];
    const d = w[r * n + j]!;
    for (let c = j + 1; c < n; c++) w[r * n + c] = w[r * n + c]! / d;
    for (let i = 0; i < m; i++) {
      if (i === r) continue;
      for (let c = j + 1; c < n; c++) w[i * n + c] = w[i * n + c]! - w[i * n + j]! * w[r * n + c]!;
      w[i * n + j] = 0;
    }
    w[r * n + j] = 1;
    piv.push(j);
    r++;
  }
  const R = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) R[i + j * m] = w[i * n + j]!;
  return { R, piv };
}

function structureViolation(R: Float64Array, m: number, n: number, piv: number[]): string | null {
  for (let i = 1; i < piv.length; i++) if (!(piv[i]! > piv[i - 1]!)) return `pivots not ascending at ${i}`;
  for (let i = 0; i < m; i++) {
    const p = i < piv.length ? piv[i]! : n;
    for (let j = 0; j < p; j++) if (R[i + j * m] !== 0) return `R[${i}, ${j}] before the leading 1 is not 0`;
    if (p < n) {
      if (R[i + p * m] !== 1) return `R[${i}, ${p}] is not 1`;
      for (let k = 0; k < m; k++) if (k !== i && R[k + p * m] !== 0) return `R[${k}, ${p}] in a pivot column is not 0`;
    }
  }
  return null;
}

/** An m×n integer matrix of rank ≤ r (X·Y, entries in [−3, 3]), column-major with leading dimension ld. */
function lowRankInts(rng: Rng, m: number, n: number, r: number, ld: number): Float64Array {
  const X = Float64Array.from({ length: m * r }, () => (rng.u32() % 7) - 3);
  const Y = Float64Array.from({ length: r * n }, () => (rng.u32() % 7) - 3);
  const A = new Float64Array(Math.max(1, ld * n)).fill(NaN);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < r; k++) s += X[i * r + k]! * Y[k * n + j]!;
    A[i + j * ld] = s;
  }
  return A;
}

function check(label: string, A: Float64Array, m: number, n: number, ld: number, tol: number, skew = 0): number {
  const piv = new Int32Array(Math.max(1, Math.min(m, n))).fill(-1);
  const res = runKernel(label, 'rref', (c) => [m, n, c.out(A, matW(m, n, ld), skew), ld, tol, c.ints(piv, (i) => i < Math.min(m, n))]);
  const want = gaussJordan(A, m, n, ld, tol);
  const R = extract(res.bufs[0]!, m, n, ld);
  expect(res.ret, `${label}: rank`).toBe(want.piv.length);
  expect(Array.from(res.ints[1]!.subarray(0, want.piv.length)), `${label}: pivots`).toEqual(want.piv);
  expectBitwise(`${label}: R vs the row-by-row reference`, R, want.R);
  expect(structureViolation(R, m, n, want.piv), label).toBeNull();
  return want.piv.length;
}

describe('rref kernel', () => {
  const shapes = [[1, 1], [1, 5], [5, 1], [2, 2], [3, 7], [7, 3], [8, 8], [9, 9], [16, 11], [11, 16], [17, 17]] as const;

  it('random and structured matrices: the reference bits, exact structure, full rank where expected', () => {
    let seed = 1;
    for (const [m, n] of shapes) {
      for (const kind of ['normal', 'uniform', 'integer', 'graded', 'sparse', 'zero', 'cancel'] as MatrixKind[]) {
        const ld = m + (seed % 3);
        const A = matrix(new Rng(seed++), kind, m, n, ld);
        const r = check(`rref ${kind} ${m}×${n} ld=${ld}`, A, m, n, ld, 1e-12, seed % 2);
        if (kind === 'normal') expect(r).toBe(Math.min(m, n));
        if (kind === 'zero') expect(r).toBe(0);
      }
    }
  });

  it('rank-deficient integer products: rank r with the default-size tolerance', () => {
    let seed = 100;
    for (const [m, n] of shapes) {
      for (const r of [1, 2, 4]) {
        if (r > Math.min(m, n)) continue;
        const ld = m + 1;
        const A = lowRankInts(new Rng(seed++), m, n, r, ld);
        let amax = 0;
        for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) amax = Math.max(amax, Math.abs(A[i + j * ld]!));
        const got = check(`rref rank ≤ ${r} ${m}×${n}`, A, m, n, ld, Math.max(m, n) * n * 2 ** -52 * amax);
        expect(got).toBeLessThanOrEqual(r);
      }
    }
  });

  it('tol = ∞ zeroes everything (rank 0); tol = 0 keeps every nonzero candidate; empty shapes touch nothing', () => {
    const A = matrix(new Rng(7), 'normal', 5, 4, 6);
    expect(check('tol ∞', A, 5, 4, 6, Infinity)).toBe(0);
    expect(check('tol 0', A, 5, 4, 6, 0)).toBe(4);
    const tiny = Float64Array.of(1e-300, 0, 0, 1); // 2×2, a subnormal-range pivot above tol 0
    expect(check('tiny pivot, tol 0', tiny, 2, 2, 2, 0)).toBe(2);
    expect(check('tiny pivot, tol 1e-200', tiny, 2, 2, 2, 1e-200)).toBe(1);
    for (const [m, n] of [[0, 3], [3, 0], [0, 0]] as const) {
      const B = Float64Array.of(5, 6, 7);
      const res = runKernel(`rref ${m}×${n}`, 'rref', (c) => [m, n, c.out(B, () => false), 3, 0, c.ints(Int32Array.of(-1))]);
      expect(res.ret).toBe(0);
    }
  });
});
