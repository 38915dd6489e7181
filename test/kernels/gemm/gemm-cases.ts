/**
 * The GEMM check shared by the gemm and syrk suites: one call of the `gemm` kernel on every engine
 * (test/util/harness.ts), compared against the Dot2 reference with the bound
 *
 *   |C − C_ref|ᵢⱼ ≤ 2·(k + 2)·ε·(|α|·|op(A)||op(B)| + |β|·|C|)ᵢⱼ
 *
 * (Higham's γₖ plus one rounding each for α·, β· and +; the factor 2 covers the extra partial sums
 * a KC split adds — with kc = 1 every term is its own block). Integer data must come out exact.
 */
import { Rng, matrix, MATRIX_KINDS, type MatrixKind } from '../../util/generate.js';
import { runKernel, matW, extract } from '../../util/harness.js';
import { gemmRef } from '../../util/reference.js';
import { expectScaled, expectBitwise } from '../../util/tolerance.js';
import * as jsk from '../../../bindings/js/index.js';
import type { Engine } from '../../util/engines.js';

export interface GemmCase {
  ta: 0 | 1;
  tb: 0 | 1;
  m: number;
  n: number;
  k: number;
  alpha: number;
  beta: number;
  kind: MatrixKind;
  /** Extra rows of padding in each leading dimension (NaN-filled). */
  pad: number;
  /** Element offset of A, B, C from 16-byte alignment (0 or 1). */
  skew: number;
  seed: number;
}

export const ALPHA_BETA: readonly [number, number][] = [
  [1, 0],
  [-1, 1],
  [0.5, -2],
  [1.5, 0.25],
  [-3, 0],
  [2, 1],
];

/** A spread of cases over the given shapes: kinds, α/β, padding and skew cycle with the case index. */
export function gemmCases(shapes: readonly [number, number, number][], trans: readonly [0 | 1, 0 | 1][], seed: number): GemmCase[] {
  const out: GemmCase[] = [];
  let idx = 0;
  for (const [ta, tb] of trans) {
    for (const [m, n, k] of shapes) {
      const [alpha, beta] = ALPHA_BETA[idx % ALPHA_BETA.length]!;
      out.push({
        ta, tb, m, n, k, alpha, beta,
        kind: MATRIX_KINDS[idx % MATRIX_KINDS.length]!,
        pad: idx % 3 === 0 ? 0 : 3,
        skew: (idx >> 1) % 2,
        seed: seed + idx,
      });
      idx++;
    }
  }
  return out;
}

export function caseName(c: GemmCase): string {
  return `gemm ${c.ta ? 'T' : 'N'}${c.tb ? 'T' : 'N'} m=${c.m} n=${c.n} k=${c.k} α=${c.alpha} β=${c.beta} ${c.kind} pad=${c.pad} skew=${c.skew}`;
}

/**
 * Runs one case on every engine (or on `on.engines`, with workspace sized by `on.gemmScratch`: the
 * relaxed build's 6×3 tile needs its own) and checks it against the reference; returns the worst
 * error ratio.
 */
export function checkGemm(c: GemmCase, on?: { engines: readonly Engine[]; gemmScratch: (m: number, n: number, k: number) => number }): number {
  const rng = new Rng(c.seed);
  const { ta, tb, m, n, k, alpha, beta } = c;
  const [ar, ac] = ta ? [k, m] : [m, k];
  const [br, bc] = tb ? [n, k] : [k, n];
  const lda = Math.max(1, ar) + c.pad;
  const ldb = Math.max(1, br) + c.pad;
  const ldc = Math.max(1, m) + c.pad;
  const A = matrix(rng, c.kind, ar, ac, lda);
  const B = matrix(rng, c.kind, br, bc, ldb);
  // β = 0: C is not read, so it starts as NaN everywhere and no NaN may survive.
  const C = beta === 0 ? new Float64Array(Math.max(1, ldc * n)).fill(NaN) : matrix(rng, 'uniform', m, n, ldc);
  const label = caseName(c);
  const r = runKernel(label, 'gemm', (call) => [
    ta, tb, m, n, k, alpha,
    call.in(A, c.skew), lda, call.in(B, c.skew), ldb,
    beta, call.out(C, matW(m, n, ldc), c.skew), ldc,
    call.work((on?.gemmScratch ?? jsk.gemmScratch)(m, n, k)),
  ], on?.engines);
  const got = extract(r.bufs[2]!, m, n, ldc);
  const ref = gemmRef(!!ta, !!tb, m, n, k, alpha, { data: A, off: 0, ld: lda }, { data: B, off: 0, ld: ldb }, beta, { data: C, off: 0, ld: ldc });
  if (c.kind === 'integer' && Number.isInteger(alpha) && beta === 0) expectBitwise(`${label} (exact)`, got, ref.value);
  return expectScaled(label, got, ref.value, ref.bound, 2 * (k + 2));
}
