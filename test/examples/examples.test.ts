/**
 * The five examples of examples/ (PCA, ridge regression by Cholesky, a polynomial fit, many right-hand
 * sides, a Markov chain's stationary distribution) against the committed numpy results
 * (examples/expected/*.json, written by examples/numpy/run_all.py; no Python needed here).
 *
 * Each example is imported as a module (its top-level code runs once, its printing silenced) and its
 * exported results compared with numpy's under tolerances scaled by the problem: size·eps times a
 * condition number, or over an eigenvalue gap for eigenvectors. Examples import 'wasm-linalg', which
 * vitest's node project aliases to bindings/index.ts (test/vitest.config.ts); they run on the default
 * (wasm) backend. Also checked: the seeded data of examples/data.mjs is numpy's bit for bit, and each
 * example is at most 1.5× the line count of its numpy version (examples/count-lines.mjs).
 *
 * Node only (excluded from the chromium project): the examples are Node scripts.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { init, type Matrix } from '../../bindings/index.js';
import { EPS, expectBitwise } from '../util/tolerance.js';

const dir = new URL('../../examples/', import.meta.url);

type Nested = number[][];
type Vec = ArrayLike<number>;

function expected<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`expected/${name}.json`, dir), 'utf8')) as T;
}

/** A module of examples/ (plain JS, untyped: the path is a variable so tsc does not look for types). */
async function importExample<T>(file: string): Promise<T> {
  return (await import(/* @vite-ignore */ `../../examples/${file}`)) as T;
}

/** The example's exported results (its console.log output swallowed). */
async function load<T>(name: string): Promise<T> {
  const spy = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    return await importExample<T>(`${name}.mjs`);
  } finally {
    spy.mockRestore();
  }
}

function norm(v: Vec): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! ** 2;
  return Math.sqrt(s);
}

/** ‖a − b‖₂ / ‖b‖₂ of two vectors. */
function relErr(a: Vec, b: Vec): number {
  expect(a.length).toBe(b.length);
  const d = Array.from(b, (x, i) => a[i]! - x);
  return norm(d) / norm(b);
}

function columnOf(rows: Nested, j: number): number[] {
  return rows.map((r) => r[j]!);
}

/** Fails with the error, the tolerance and their ratio in the message (printed with SHOW_RATIOS=1). */
function within(what: string, err: number, tol: number): void {
  if (process.env.SHOW_RATIOS) console.info(`${what}: error ${err.toExponential(2)}, tolerance ${tol.toExponential(2)}, ratio ${(err / tol).toExponential(1)}`);
  expect(err, `${what}: error ${err.toExponential(2)} > tolerance ${tol.toExponential(2)} (ratio ${(err / tol).toFixed(2)})`).toBeLessThanOrEqual(tol);
}

describe('examples/ against numpy (examples/expected)', () => {
  beforeAll(async () => {
    await init(); // for data.mjs called directly (each example calls init() itself)
  });

  it('data.mjs gives the same doubles as numpy/data.py (bit for bit)', async () => {
    const data = await importExample<Record<'rand' | 'randn', (rows: number, cols: number, seed: number) => Matrix>>('data.mjs');
    const { arrays } = expected<{ arrays: { kind: 'rand' | 'randn'; rows: number; cols: number; seed: number; head: number[]; last: number; sum: number }[] }>('data');
    for (const a of arrays) {
      const M = data[a.kind](a.rows, a.cols, a.seed);
      const v = M.toFloat64Array();
      M.dispose();
      // Multiples of 2^-32 below 8 in magnitude: this sum is exact, as numpy's (pairwise) one.
      let sum = 0;
      for (const x of v) sum += x;
      expectBitwise(`${a.kind}(${a.rows}, ${a.cols}, ${a.seed}): head, last, sum`, [...v.subarray(0, 4), v[v.length - 1]!, sum], [...a.head, a.last, a.sum]);
    }
  });

  it('pca: components up to sign, explained-variance ratios and scores', async () => {
    const ex = await load<{ components: Matrix; ratio: Float64Array; scores: Matrix }>('pca');
    const np = expected<{ components: Nested; ratio: number[]; scores_head: Nested; eigenvalues: number[]; X_head_fro: number }>('pca');
    const lam = np.eigenvalues;
    const m = 1000; // the covariance sums 1000 products per entry: its error is ≲ m·eps·λ₁
    const C = ex.components.toArray();
    const S = ex.scores.slice(0, 20).toArray();
    expect(ex.components.shape).toEqual([50, 5]);
    expect(ex.scores.shape).toEqual([1000, 5]);
    for (let k = 0; k < 5; k++) {
      const gap = Math.min(lam[k]! - lam[k + 1]!, k > 0 ? lam[k - 1]! - lam[k]! : Infinity);
      const tol = 10 * m * EPS * (lam[0]! / gap);
      const want = columnOf(np.components, k);
      let got = columnOf(C, k);
      const sign = got.reduce((t, x, i) => t + x * want[i]!, 0) < 0 ? -1 : 1;
      got = got.map((x) => sign * x);
      within(`component ${k}`, relErr(got, want), tol);
      within(`ratio ${k}`, Math.abs(ex.ratio[k]! - np.ratio[k]!) / np.ratio[k]!, 10 * m * EPS * (lam[0]! / lam[k]!));
      const gotScores = columnOf(S, k).map((x) => sign * x);
      within(`scores ${k}`, norm(gotScores.map((x, i) => x - np.scores_head[i]![k]!)) / np.X_head_fro, tol);
    }
  });

  it('ridge: w against numpy, to n·κ·eps', async () => {
    const ex = await load<{ w: Matrix }>('ridge');
    const np = expected<{ w: Nested; cond: number }>('ridge');
    within('w', relErr(ex.w.column(0), columnOf(np.w, 0)), 10 * 200 * np.cond * EPS);
  });

  it('polyfit: coefficients against np.polyfit, to the least-squares bound m·eps·(κ + κ²·tan θ)', async () => {
    const ex = await load<{ coef: Float64Array }>('polyfit');
    const np = expected<{ coef: number[]; cond: number; sin_theta: number }>('polyfit');
    const tan = np.sin_theta / Math.sqrt(1 - np.sin_theta ** 2);
    within('coef', relErr(ex.coef, np.coef), 10 * 50 * EPS * (np.cond + np.cond ** 2 * tan));
  });

  it('many_rhs: the solutions against numpy, to n·κ·eps', async () => {
    const ex = await load<{ X: Matrix }>('many_rhs');
    const np = expected<{ columns: number[]; X_columns: Nested; X_fro: number; cond: number }>('many_rhs');
    expect(ex.X.shape).toEqual([100, 500]);
    const tol = 10 * 100 * np.cond * EPS;
    np.columns.forEach((j, c) => within(`column ${j}`, relErr(ex.X.column(j), np.X_columns[c]!), tol));
    within('‖X‖_F', Math.abs(ex.X.norm() - np.X_fro) / np.X_fro, tol);
  });

  it('markov: the stationary distribution against numpy, over the eigenvalue separation', async () => {
    const ex = await load<{ pi: Float64Array }>('markov');
    const np = expected<{ pi: number[]; eigenvalues_re: number[]; eigenvalues_im: number[] }>('markov');
    const n = np.pi.length;
    const k = np.eigenvalues_re.indexOf(Math.max(...np.eigenvalues_re));
    let sep = Infinity;
    for (let j = 0; j < n; j++) if (j !== k) sep = Math.min(sep, Math.hypot(np.eigenvalues_re[j]! - np.eigenvalues_re[k]!, np.eigenvalues_im[j]!));
    within('pi', relErr(ex.pi, np.pi), (10 * n * EPS) / sep);
    within('Σπ − 1', Math.abs(ex.pi.reduce((a, b) => a + b) - 1), 10 * n * EPS);
  });

  it('each example is at most 1.5× the line count of its numpy version', async () => {
    const { counts, MAX_RATIO } = await importExample<{
      counts: () => { name: string; numpy: number; js: number; ratio: number }[];
      MAX_RATIO: number;
    }>('count-lines.mjs');
    const rows = counts();
    expect(rows.map((r) => r.name)).toEqual(['pca', 'ridge', 'polyfit', 'many_rhs', 'markov']);
    for (const r of rows) expect(r.ratio, `${r.name}: ${r.js} lines against numpy's ${r.numpy}`).toBeLessThanOrEqual(MAX_RATIO);
  });
});
