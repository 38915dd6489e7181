/**
 * lange — matrix norms (LAPACK dlange): 0 max|aᵢⱼ|, 1 ‖A‖₁ (largest column sum), 2 ‖A‖∞ (largest
 * row sum, m doubles of workspace), 3 ‖A‖_F. Max-abs, column and row sums are computed here in the
 * kernel's own order and must match bit for bit; the Frobenius norm is checked against the scaled
 * reference with (mn + 2)·ε·‖A‖_F. NaN padding must not be read. NaN anywhere → NaN; empty → 0.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines } from '../../util/engines.js';
import { runKernel } from '../../util/harness.js';
import { Rng, matrix, MATRIX_KINDS } from '../../util/generate.js';
import { froRef, pow2 } from '../../util/reference.js';
import { expectScaledScalar } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

const MAXABS = 0;
const ONE = 1;
const INF = 2;
const FRO = 3;

function langeAll(norm: number, m: number, n: number, A: Float64Array, lda: number, skew = 0): number {
  return runKernel(`lange norm=${norm} ${m}×${n} lda=${lda}`, 'lange', (c) => [norm, m, n, c.in(A, skew), lda, c.work(Math.max(1, m))]).ret!;
}

function naive(norm: number, m: number, n: number, A: Float64Array, lda: number): number {
  let r = 0;
  if (norm === MAXABS) {
    for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) r = Math.max(r, Math.abs(A[i + j * lda]!));
  } else if (norm === ONE) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += Math.abs(A[i + j * lda]!);
      r = Math.max(r, s);
    }
  } else {
    const w = new Float64Array(m);
    for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) w[i] = w[i]! + Math.abs(A[i + j * lda]!);
    for (let i = 0; i < m; i++) r = Math.max(r, w[i]!);
  }
  return r;
}

function fromRows(rows: number[][], pad = 0): { A: Float64Array; m: number; n: number; lda: number } {
  const m = rows.length;
  const n = rows[0]?.length ?? 0;
  const lda = Math.max(1, m) + pad;
  const A = new Float64Array(Math.max(1, lda * n)).fill(NaN);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) A[i + j * lda] = rows[i]![j]!;
  return { A, m, n, lda };
}

describe('lange', () => {
  it('max-abs, one and infinity norms equal the sums taken in the same order; Frobenius within (mn+2)·ε', () => {
    let seed = 1;
    for (const [m, n] of [[1, 1], [1, 7], [7, 1], [2, 3], [5, 5], [16, 9], [33, 17]] as const) {
      for (const kind of MATRIX_KINDS) {
        for (const scale of [1, 1e200, 1e-200]) {
          const rng = new Rng(seed++);
          const lda = m + (seed % 3);
          const A = matrix(rng, kind, m, n, lda).map((v) => v * scale);
          for (const norm of [MAXABS, ONE, INF]) {
            expect(langeAll(norm, m, n, A, lda, seed % 2), `lange ${norm} ${kind} ${m}×${n} ×${scale}`).toBe(naive(norm, m, n, A, lda));
          }
          const fro = froRef(m, n, { data: A, off: 0, ld: lda });
          expectScaledScalar(`lange fro ${kind} ${m}×${n} ×${scale}`, langeAll(FRO, m, n, A, lda, seed % 2), fro, fro, m * n + 2);
        }
      }
    }
  });

  it('Frobenius norm without overflow or underflow: exact 3-4-5 at 2^±600 and 2^±1000', () => {
    for (const e of [600, -600, 1000, -1000]) {
      const s = pow2(e);
      const { A, m, n, lda } = fromRows([[3 * s, 0], [0, -4 * s]], 2);
      expect(langeAll(FRO, m, n, A, lda), `2^${e}`).toBe(5 * s);
    }
    const { A, m, n, lda } = fromRows([[1e200, 1e200], [1e200, 1e200]]);
    expectScaledScalar('fro 1e200', langeAll(FRO, m, n, A, lda), 2e200, 2e200, 6);
    const t = fromRows([[1e-200, 1e-200], [1e-200, 1e-200]]);
    expectScaledScalar('fro 1e-200', langeAll(FRO, t.m, t.n, t.A, t.lda), 2e-200, 2e-200, 6);
  });

  it('empty matrices give 0 for every norm (nothing read)', () => {
    const nan = new Float64Array(4).fill(NaN);
    for (const norm of [MAXABS, ONE, INF, FRO]) {
      expect(langeAll(norm, 0, 3, nan, 1)).toBe(0);
      expect(langeAll(norm, 3, 0, nan, 3)).toBe(0);
      expect(langeAll(norm, 0, 0, nan, 1)).toBe(0);
    }
  });

  it('NaN anywhere gives NaN for every norm, wherever it sits; Inf gives Inf', () => {
    const shapes: number[][][] = [
      [[NaN, 1], [2, 3]],
      [[1, 2], [3, NaN]],
      [[100, 1], [2, NaN]], // NaN after a larger value
      [[1, 2, 3], [4, 5, NaN], [7, 8, 9]],
    ];
    for (const rows of shapes) {
      const { A, m, n, lda } = fromRows(rows, 1);
      for (const norm of [MAXABS, ONE, INF, FRO]) expect(langeAll(norm, m, n, A, lda), `norm ${norm} of ${JSON.stringify(rows)}`).toBeNaN();
    }
    const { A, m, n, lda } = fromRows([[1, -Infinity], [Infinity, 2]], 1);
    for (const norm of [MAXABS, ONE, INF, FRO]) expect(langeAll(norm, m, n, A, lda), `norm ${norm} with ±Inf`).toBe(Infinity);
    const mix = fromRows([[NaN, Infinity], [Infinity, 1]]);
    for (const norm of [MAXABS, ONE, INF, FRO]) expect(langeAll(norm, mix.m, mix.n, mix.A, mix.lda), `norm ${norm} Inf and NaN`).toBeNaN();
  });

  it('max-abs on columns of 8 or more (the SIMD pass): the largest entry, NaN or Inf wherever each sits (every lane, block and tail)', () => {
    const rng = new Rng(77);
    for (const m of [8, 9, 15, 16, 17, 64]) {
      for (const n of [1, 3]) {
        for (let at = 0; at < m; at++) {
          const lda = m + 1;
          const base = new Float64Array(lda * n).fill(NaN);
          for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) base[i + j * lda] = rng.normal();
          const col = (at * 7) % n;
          for (const [label, v, want] of [['max', -1e3, 1e3], ['-0 only', -0, -1], ['NaN', NaN, NaN], ['Inf', -Infinity, Infinity]] as const) {
            const A = base.slice();
            if (label === '-0 only') for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) A[i + j * lda] = -0;
            A[at + col * lda] = v;
            const got = langeAll(MAXABS, m, n, A, lda);
            const expected = want === -1 ? 0 : want;
            expect(Object.is(got, expected), `${label} at (${at}, ${col}) of ${m}×${n}: ${got}`).toBe(true);
          }
        }
      }
    }
  });

  it('a known matrix: ‖·‖₁ = 6, ‖·‖∞ = 7, max = 4, ‖·‖_F = √30', () => {
    const { A, m, n, lda } = fromRows([[1, -2], [-3, 4]], 3);
    expect(langeAll(ONE, m, n, A, lda)).toBe(6);
    expect(langeAll(INF, m, n, A, lda)).toBe(7);
    expect(langeAll(MAXABS, m, n, A, lda)).toBe(4);
    expect(langeAll(FRO, m, n, A, lda)).toBe(Math.sqrt(30));
  });
});
