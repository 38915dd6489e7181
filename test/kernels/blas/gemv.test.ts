/**
 * gemv — y ← α·op(A)·x + β·y on every engine: bit for bit across engines, within
 * 2·(len + 2)·ε·(|α||op(A)||x| + |β||y|) of the Dot2 reference, exact on integers. Shapes cover
 * 0, 1, the 4-column unrolling (n mod 4) and the two SIMD lanes (m mod 2); strides 1 and 2 with NaN
 * in the gaps; padded lda. β = 0 does not read y; α = 0 does not read A or x (BLAS).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { setupEngines } from '../../util/engines.js';
import { runKernel, vecW, extractVec } from '../../util/harness.js';
import { Rng, matrix, vector, MATRIX_KINDS } from '../../util/generate.js';
import { gemvRef } from '../../util/reference.js';
import { expectScaled, expectBitwise } from '../../util/tolerance.js';

beforeAll(async () => {
  await setupEngines();
});

const SIZES = [0, 1, 2, 3, 4, 5, 7, 8, 9, 17];

describe('gemv', () => {
  for (const trans of [0, 1]) {
    it(`op = ${trans ? 'Aᵀ' : 'A'}: shapes, strides, α, β, kinds`, () => {
      let seed = trans * 10000 + 1;
      for (const m of SIZES) {
        for (const n of SIZES) {
          for (const [incx, incy] of [[1, 1], [2, 1], [1, 2]] as const) {
            const [alpha, beta] = ([[1, 0], [-2, 1], [0.5, -0.25], [1.5, 0]] as const)[seed % 4]!;
            const kind = MATRIX_KINDS[seed % MATRIX_KINDS.length]!;
            const rng = new Rng(seed++);
            const lda = Math.max(1, m) + (seed % 3);
            const [lenx, leny] = trans ? [m, n] : [n, m];
            const A = matrix(rng, kind, m, n, lda);
            const x = vector(rng, kind, lenx, incx);
            const y = beta === 0 ? new Float64Array(Math.max(1, (leny - 1) * incy + 1)).fill(NaN) : vector(rng, 'uniform', leny, incy);
            const label = `gemv ${trans ? 'T' : 'N'} ${m}×${n} incx=${incx} incy=${incy} α=${alpha} β=${beta} ${kind}`;
            const skew = seed % 2;
            const r = runKernel(label, 'gemv', (c) => [
              trans, m, n, alpha, c.in(A, skew), lda, c.in(x, 1 - skew), incx, beta, c.out(y, vecW(leny, incy), skew), incy,
            ]);
            const got = extractVec(r.bufs[2]!, leny, incy);
            const ref = gemvRef(!!trans, m, n, alpha, { data: A, off: 0, ld: lda }, x, 0, incx, beta, y, 0, incy);
            if (kind === 'integer' && beta === 0) expectBitwise(`${label} exact`, got, ref.value);
            expectScaled(label, got, ref.value, ref.bound, 2 * (lenx + 2));
          }
        }
      }
    });
  }

  it('α = 0 reads neither A nor x: y ← β·y', () => {
    for (const trans of [0, 1]) {
      for (const beta of [0, 1, 3]) {
        const A = new Float64Array(12).fill(NaN);
        const x = new Float64Array(4).fill(NaN);
        const y = Float64Array.of(1, 2, 3, 4);
        const r = runKernel(`gemv α=0 β=${beta}`, 'gemv', (c) => [trans, 4, 3, 0, c.in(A), 4, c.in(x), 1, beta, c.out(y, vecW(4, 1)), 1]);
        const leny = trans ? 3 : 4;
        expect(Array.from(r.bufs[2]!.subarray(0, leny))).toEqual(Array.from(y.subarray(0, leny), (v) => beta * v));
      }
    }
  });

  it('NaN in x or A propagates to exactly the entries it touches', () => {
    const m = 5;
    const n = 6;
    const A = matrix(new Rng(4), 'uniform', m, n);
    A[2 + 3 * m] = NaN; // A(2, 3)
    const x = new Float64Array(n).fill(1);
    const r = runKernel('gemv NaN', 'gemv', (c) => [0, m, n, 1, c.in(A), m, c.in(x), 1, 0, c.out(new Float64Array(m), vecW(m, 1)), 1]);
    expect(Array.from(r.bufs[2]!, (v) => Number.isNaN(v))).toEqual([false, false, true, false, false]);
    const t = runKernel('gemvT NaN', 'gemv', (c) => [1, m, n, 1, c.in(A), m, c.in(new Float64Array(m).fill(1)), 1, 0, c.out(new Float64Array(n), vecW(n, 1)), 1]);
    expect(Array.from(t.bufs[2]!, (v) => Number.isNaN(v))).toEqual([false, false, false, true, false, false]);
    x[1] = Infinity;
    const inf = runKernel('gemv Inf', 'gemv', (c) => [0, m, n, 1, c.in(A.map((v) => (Number.isNaN(v) ? 0 : Math.abs(v) + 1))), m, c.in(x), 1, 0, c.out(new Float64Array(m), vecW(m, 1)), 1]);
    expect(Array.from(inf.bufs[2]!)).toEqual(new Array(m).fill(Infinity));
  });
});
