/**
 * Issue 13's hessenberg, rq, polar, orthogonalProcrustes, subspaceAngles, pinvh and lstsq's `s` against
 * the committed outputs of scipy 1.17 / numpy 2.4 (test/scipy/gen_misc.py → misc.json), on both
 * backends. scipy runs OpenBLAS/LAPACK, so the comparison is scaled, never bitwise:
 *
 *   ‖X − X_scipy‖_F / (‖X_scipy‖_F·n·ε·κ) < 30   for every factor X (n the largest dimension),
 *
 * with κ the conditioning of that factor on these inputs (1 for Householder factors of random
 * matrices, whose signs follow the same larfg convention as LAPACK's, so no sign fixing is needed;
 * σ₁/σ_k for polar's U and Procrustes' R, whose sensitivity is 1/(σᵢ + σⱼ); κ(A) for lstsq's x and
 * pinvh); angles absolutely to 30·m·ε; ranks exactly.
 */
import { describe, it, expect } from 'vitest';
import data from '../../scipy/misc.json' with { type: 'json' };
import { hessenberg, rq, polar, orthogonalProcrustes, subspaceAngles, pinvh, lstsq, svdvals, Matrix } from '../../../bindings/index.js';
import { onBoth, setupLapackSuite } from '../../util/api.js';
import { loadCases, mat, vec, rows, type RefCase, type RefNumber } from '../../util/scipy.js';
import { EPS } from '../../util/tolerance.js';
import { expectRatio } from '../../util/ratios.js';

setupLapackSuite('api/scipy misc');

const cases = loadCases(data);

function fro(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s);
}

function flatRef(v: unknown): Float64Array {
  return Array.isArray(v) ? vec(v) : Float64Array.from(rows(v).flat());
}

/** ‖got − ref‖_F / (‖ref‖_F·n·ε·κ), asserted below THRESH. */
function close(label: string, got: ArrayLike<number>, refv: unknown, n: number, kappa = 1): void {
  const ref = flatRef(refv);
  expect(got.length, `${label}: size`).toBe(ref.length);
  const d = new Float64Array(ref.length);
  for (let i = 0; i < ref.length; i++) d[i] = got[i]! - ref[i]!;
  const r = fro(ref);
  expectRatio(label, r === 0 ? fro(d) / EPS : fro(d) / (r * Math.max(1, n) * EPS * kappa), `scipy ${label.split(' ')[0]}`);
}

function withInput<T>(c: RefCase, key: string, f: (A: Matrix) => T): T {
  const A = mat(c.inputs[key]);
  try {
    return f(A);
  } finally {
    A.dispose();
  }
}

function cond2(c: RefCase, key: string): number {
  const s = onBoth('σ', () => withInput(c, key, (A) => svdvals(A)));
  return s[0]! / s[s.length - 1]!;
}

const of = (fn: string) => cases.filter((c) => c.meta?.fn === fn);

describe('scipy references (misc.json)', () => {
  it.each(of('hessenberg').map((c) => [c.name, c] as const))('%s: H and Q', (_, c) => {
    const r = onBoth(c.name, () => withInput(c, 'A', (A) => { const { H, Q } = hessenberg(A, { calcQ: true }); return { H, Q }; }));
    close(`hessenberg H ${c.name}`, r.H.a, c.outputs.H, r.H.n);
    close(`hessenberg Q ${c.name}`, r.Q.a, c.outputs.Q, r.Q.n);
  });
  it.each(of('rq').map((c) => [c.name, c] as const))('%s: R and Q in every mode', (_, c) => {
    const r = onBoth(c.name, () => withInput(c, 'A', (A) => {
      const f = rq(A);
      const e = rq(A, { mode: 'economic' });
      return { R: f.R, Q: f.Q!, Re: e.R, Qe: e.Q!, Rr: rq(A, { mode: 'r' }).R };
    }));
    const n = Math.max(r.R.m, r.R.n);
    for (const k of ['R', 'Q', 'Re', 'Qe', 'Rr'] as const) close(`rq ${k} ${c.name}`, r[k].a, c.outputs[k], n);
  });
  it.each(of('polar').map((c) => [c.name, c] as const))('%s: U and P, both sides', (_, c) => {
    const kappa = cond2(c, 'A');
    for (const side of ['right', 'left'] as const) {
      const r = onBoth(c.name, () => withInput(c, 'A', (A) => { const { U, P } = polar(A, { side }); return { U, P }; }));
      const n = Math.max(r.U.m, r.U.n);
      close(`polar U ${side} ${c.name}`, r.U.a, c.outputs[`U_${side}`], n, kappa);
      close(`polar P ${side} ${c.name}`, r.P.a, c.outputs[`P_${side}`], n, kappa);
    }
  });
  it.each(of('orthogonalProcrustes').map((c) => [c.name, c] as const))('%s: R and scale', (_, c) => {
    const r = onBoth(c.name, () => withInput(c, 'A', (A) => withInput(c, 'B', (B) => { const o = orthogonalProcrustes(A, B); return { R: o.R, scale: o.scale }; })));
    const n = Math.max(r.R.n, (c.inputs.A as { rows: number }).rows);
    close(`procrustes R ${c.name}`, r.R.a, c.outputs.R, n, cond2(c, 'A') ** 2);
    close(`procrustes scale ${c.name}`, [r.scale], [c.outputs.scale as RefNumber], n);
  });
  it.each(of('subspaceAngles').map((c) => [c.name, c] as const))('%s: angles', (_, c) => {
    const got = onBoth(c.name, () => withInput(c, 'A', (A) => withInput(c, 'B', (B) => subspaceAngles(A, B))));
    const want = vec(c.outputs.theta);
    const m = (c.inputs.A as { rows: number }).rows;
    expect(got.length).toBe(want.length);
    for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!), `${c.name} θ${i}`).toBeLessThanOrEqual(30 * m * EPS);
  });
  it.each(of('pinvh').map((c) => [c.name, c] as const))('%s', (_, c) => {
    const X = onBoth(c.name, () => withInput(c, 'A', (A) => pinvh(A)));
    const s = onBoth('σ', () => withInput(c, 'A', (A) => svdvals(A)));
    const kept = Array.from(s).filter((v) => v > s.length * EPS * s[0]!);
    close(`pinvh X ${c.name}`, X, c.outputs.X, s.length, s[0]! / kept[kept.length - 1]!);
  });
  it.each(of('lstsq').map((c) => [c.name, c] as const))('%s: x, residuals, rank, s (numpy)', (_, c) => {
    const r = onBoth(c.name, () => withInput(c, 'A', (A) => { const o = lstsq(A, vec(c.inputs.b)); return { x: o.x, residuals: o.residuals, rank: o.rank, s: o.s }; }));
    expect(r.rank).toBe(c.outputs.rank);
    expect(r.residuals.length).toBe((c.outputs.residuals as unknown[]).length);
    const s = vec(c.outputs.s);
    const n = Math.max(...[(c.inputs.A as { rows: number; cols: number }).rows, (c.inputs.A as { cols: number }).cols]);
    // σ's beyond the rank are rounding noise of size ε·σ₀ in both: compare all against σ₀
    for (let i = 0; i < s.length; i++) expectRatio(`lstsq s${i} ${c.name}`, Math.abs(r.s[i]! - s[i]!) / (s[0]! * n * EPS), 'scipy lstsq s');
    const kept = Array.from(s).slice(0, r.rank);
    close(`lstsq x ${c.name}`, r.x, c.outputs.x, n, kept[0]! / kept[kept.length - 1]!);
  });
});
