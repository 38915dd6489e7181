/**
 * eigh / eigvalsh with `subsetByIndex` / `subsetByValue` — selected eigenpairs (bisection + inverse
 * iteration + the back-transformation of the selected vectors), on both backends bit for bit, under the
 * default blocking and a tiny odd one (GEMM 8×5×12, tridiagonalisation panels of 3), with LAPACK's
 * dsyt22 ratios for m selected pairs (pass below THRESH = 30):
 *
 *   resid   ‖A·Z − Z·Λ‖₁ / (n·‖A‖₁·ε)
 *   orth    ‖ZᵀZ − I‖₁ / (n·ε)
 *   λ       max|λ̂ᵢ − λ_{lo+i}| / (n·ε·‖A‖₂)   against the matrix type's reference spectrum and against
 *                                            the full eigh's values (bisection is not bitwise QL)
 *
 * on the matrix types of eigh.test.ts (cases.ts: zero, identity, diagonal with repeated values,
 * clustered and repeated spectra — stein's reorthogonalisation —, geometric/arithmetic to κ = 1/ε,
 * rank deficient, graded, scaled near overflow and underflow, Wilkinson, glued Wilkinson), n = 0, 1, 2,
 * 3, 17, 33, 65; index ranges at both ends, in the middle, a single index and the whole range (which runs
 * the full solver); value ranges with endpoints in gaps of the spectrum, and exactly at eigenvalues of
 * diagonal matrices (half-open (vl, vu]: an eigenvalue equal to vl is out, one equal to vu in);
 * eigvalsh's selection ≡ eigh's values bit for bit; zero, identity and diagonal matrices exact.
 * Against scipy.linalg.eigh(subset_by_index / subset_by_value) (test/scipy/eigh_subset.json): values
 * within 30·n·ε·‖A‖, vectors up to sign. Empty selections give 0 values and n×0 vectors. Errors: both
 * options, a malformed pair, indices out of range or lo > hi, NaN bounds or vl ≥ vu → TypeError /
 * RangeError naming the option; NaN in A → 'not-finite' (also with checkFinite: false, after the
 * bisection fails on it); the bisection's cap (stebzMaxIter 1) → 'no-convergence'.
 * Inputs are never modified; nothing leaks (the suite's afterEach).
 */
import { describe, it, expect, assert } from 'vitest';
import { eigh, eigvalsh, LinAlgError } from '../../../bindings/index.js';
import { onBoth, onBackend, BACKENDS, guarded, setupLapackSuite } from '../../util/api.js';
import { dense, type Dense } from '../../util/dense.js';
import { expectRatio } from '../../util/ratios.js';
import { caught, expectError, expectLinAlgError } from '../../util/errors.js';
import { withTuning, TUNINGS, type TuningCase } from '../../util/engines.js';
import { argMaxAbs, notAscending, selectedRatios, selectedValueRatio } from '../../util/eig-reference.js';
import { TYPES, makeCase, type Case } from './cases.js';
import { loadCases, rows, vec } from '../../util/scipy.js';
import scipyRef from '../../scipy/eigh_subset.json' with { type: 'json' };

setupLapackSuite('api/eigh-subset');

type Sel = { subsetByIndex: [number, number] } | { subsetByValue: [number, number] };

/** Column-major n×k copy of a row-major Dense. */
function colMajor(Z: Dense): Float64Array {
  const out = new Float64Array(Z.m * Z.n);
  for (let i = 0; i < Z.m; i++) for (let j = 0; j < Z.n; j++) out[i + j * Z.m] = Z.a[i * Z.n + j]!;
  return out;
}

/** eigh and eigvalsh with the selection, on both backends (bit for bit), inputs guarded; plus the full eigh's values. */
function selected(label: string, A: Float64Array, n: number, sel: Sel): { values: Float64Array; Z: Dense; vals: Float64Array; full: Float64Array } {
  return onBoth(label, () => guarded(label, [dense(n, n, A)], [], ([M]) => {
    const e = eigh(M!, sel);
    return { values: e.values, Z: e.vectors, vals: eigvalsh(M!, sel), full: eigvalsh(M!) };
  }));
}

/** The index range [lo, hi) the reference spectrum puts in (vl, vu]. */
function countIn(ref: Float64Array, vl: number, vu: number): [number, number] {
  let lo = 0;
  while (lo < ref.length && ref[lo]! <= vl) lo++;
  let hi = lo;
  while (hi < ref.length && ref[hi]! <= vu) hi++;
  return [lo, hi];
}

function check(c: Case, n: number, sel: Sel, lo: number, hi: number, label: string): void {
  const r = selected(label, c.A, n, sel);
  const k = hi - lo;
  expect(r.values.length, `${label}: number of values`).toBe(k);
  expect([r.Z.m, r.Z.n], `${label}: vectors shape`).toEqual([n, k]);
  // (a selection of every eigenvalue runs the full solvers, where sterf's values need not be steqr's bit for bit)
  if (k < n) expect(Array.from(r.vals), `${label}: eigvalsh ≡ eigh values`).toEqual(Array.from(r.values));
  else expectRatio(`eigvalsh λ vs eigh λ ${label}`, selectedValueRatio(r.vals, r.values, 0));
  const ia = notAscending(r.values);
  if (ia >= 0) assert.fail(`${label}: not ascending at ${ia}`);
  const Zc = colMajor(r.Z);
  for (let j = 0; j < k; j++) {
    const im = argMaxAbs(Zc, n, j);
    if (!(Zc[im + j * n]! > 0)) assert.fail(`${label}: column ${j}: largest entry Z[${im}, ${j}] = ${Zc[im + j * n]} not positive`);
  }
  const q = selectedRatios(c.A, n, r.values, Zc);
  expectRatio(`resid ‖AZ − ZΛ‖₁/(n‖A‖₁ε) ${label}`, q.resid);
  expectRatio(`orth ‖ZᵀZ − I‖₁/(nε) ${label}`, q.orth);
  expectRatio(`λ vs reference, max|Δλ|/(nε‖A‖₂) ${label}`, selectedValueRatio(r.values, c.ref, lo));
  expectRatio(`λ vs full eigh ${label}`, selectedValueRatio(r.values, r.full, lo));
  if (c.name === 'zero' || c.name === 'identity' || c.name === 'diagonal') {
    expect(Array.from(r.values), `${label}: exact eigenvalues`).toEqual(Array.from(c.ref.slice(lo, hi)));
  }
}

const API_TUNINGS: readonly TuningCase[] = [TUNINGS[0]!, TUNINGS[1]!]; // default; mc 8 kc 5 nc 12 nb 3
const SIZES = [0, 1, 2, 3, 17, 33, 65] as const;

describe.each(API_TUNINGS)('selected eigenpairs on the matrix types — $name', (bc) => {
  it.each(SIZES)('n = %i: index ranges (ends, middle, one, all) and value ranges in gaps; dsyt22 ratios; wasm ≡ js', (n) => {
    withTuning(bc.tuning, () => {
      TYPES.forEach((name, t) => {
        const c = makeCase(name, n, 1000 * n + t);
        if (n === 0) {
          check(c, 0, { subsetByValue: [-1, 1] }, 0, 0, `${name} n=0 value`);
          check(c, 0, { subsetByIndex: [0, 0] }, 0, 0, `${name} n=0 index`);
          return;
        }
        const k = Math.min(n, 5);
        const ranges: [number, number][] = [[0, 0], [n - 1, n - 1], [n - k, n - 1], [0, k - 1], [n >> 2, (3 * n) >> 2], [0, n - 1]];
        for (const [lo, hi] of ranges) check(c, n, { subsetByIndex: [lo, hi] }, lo, hi + 1, `${name} index [${lo}, ${hi}] n=${n}, ${bc.name}`);
        // value ranges: ends in the middle of gaps wider than 1e-6·‖A‖ (where the count is unambiguous)
        const ref = c.ref;
        const span = Math.max(Math.abs(ref[0]!), Math.abs(ref[n - 1]!));
        const cut = (i: number): number | null => {
          if (i === 0) return -Infinity;
          if (i === n) return Infinity;
          return ref[i]! - ref[i - 1]! > 1e-6 * span ? 0.5 * (ref[i - 1]! + ref[i]!) : null;
        };
        for (const [i0, i1] of [[0, n], [n - k, n], [0, 1], [n >> 1, n], [n >> 2, (3 * n) >> 2]] as const) {
          const vl = cut(i0);
          const vu = cut(i1);
          if (vl === null || vu === null || !(vl < vu)) continue;
          const [lo, hi] = countIn(ref, vl, vu);
          check(c, n, { subsetByValue: [vl, vu] }, lo, hi, `${name} value (${vl.toPrecision(3)}, ${vu.toPrecision(3)}] n=${n}, ${bc.name}`);
        }
      });
    });
  });
});

describe('selected eigenpairs: semantics', () => {
  const D = [3, 1, 2, 2, 4, -1, 2];
  const A = new Float64Array(49);
  D.forEach((v, i) => (A[i * 7 + i] = v));
  const c: Case = { name: 'diagonal', A, ref: Float64Array.from(D).sort() };

  it('value ranges with endpoints exactly at eigenvalues: (vl, vu] — vl excluded, vu included, repeated values whole', () => {
    for (const [vl, vu] of [[1, 2], [2, 3], [-1, 4], [-2, -1], [2, 2.5], [0.5, 2], [-Infinity, 2], [2, Infinity]] as const) {
      const [lo, hi] = countIn(c.ref, vl, vu);
      check(c, 7, { subsetByValue: [vl, vu] }, lo, hi, `diagonal (${vl}, ${vu}]`);
    }
  });

  it('empty selections: no eigenvalue in (vl, vu] → 0 values and n×0 vectors; n = 0 → 0×0', () => {
    const r = selected('empty', A, 7, { subsetByValue: [5, 9] });
    expect(r.values.length).toBe(0);
    expect([r.Z.m, r.Z.n]).toEqual([7, 0]);
    const z = selected('n=0', new Float64Array(0), 0, { subsetByIndex: [3, 1] }); // scipy: no check on an empty matrix… but the pair is still validated for form
    expect([z.values.length, z.Z.m, z.Z.n]).toEqual([0, 0, 0]);
  });

  it('the lower triangle only: garbage above the diagonal changes no bit', () => {
    const n = 17;
    const c2 = makeCase('uniform', n, 4242);
    const G = c2.A.slice();
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) G[i * n + j] = 1e300 * (i - j);
    for (const sel of [{ subsetByIndex: [12, 16] }, { subsetByValue: [-0.5, 0.5] }] as Sel[]) {
      const a = selected('clean', c2.A, n, sel);
      const b = selected('garbage above', G, n, sel);
      expect(Array.from(b.values)).toEqual(Array.from(a.values));
      expect(Array.from(b.Z.a)).toEqual(Array.from(a.Z.a));
    }
  });

  it('large clusters selected all but one (inverse iteration reorthogonalised twice): n − 1 pairs of (1, ε, …, ε), (±1, ε·±1, …) and (±1, …, ±1, ε) at n = 65 and 128', () => {
    for (const n of [65, 128]) {
      for (const name of ['clustered', 'clustered signed', 'repeated ±1'] as const) {
        const cc = makeCase(name, n, 31 * n + name.length);
        check(cc, n, { subsetByIndex: [0, n - 2] }, 0, n - 1, `${name} [0, n − 2] n=${n}`);
        check(cc, n, { subsetByIndex: [1, n - 1] }, 1, n, `${name} [1, n − 1] n=${n}`);
      }
    }
  });

  it('top 10 of a 120×120 covariance (the PCA use case) and a panel-sized n = 64', () => {
    for (const n of [64, 120]) {
      const X = makeCase('uniform', n, 77).A;
      const C = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let p = 0; p < n; p++) s += X[i * n + p]! * X[j * n + p]!;
        C[i * n + j] = C[j * n + i] = s;
      }
      const cc: Case = { name: 'uniform', A: C, ref: new Float64Array(0) };
      const r = selected(`covariance n=${n}`, C, n, { subsetByIndex: [n - 10, n - 1] });
      cc.ref = r.full;
      check(cc, n, { subsetByIndex: [n - 10, n - 1] }, n - 10, n, `covariance top 10 n=${n}`);
    }
  });
});

describe('selected eigenpairs against scipy.linalg.eigh (test/scipy/eigh_subset.json)', () => {
  it.each(loadCases(scipyRef).map((k) => [k.name, k] as const))('%s', (_name, k) => {
    const Arows = rows(k.inputs['A']);
    const n = Arows.length;
    const sel: Sel = 'subset_by_index' in k.inputs
      ? { subsetByIndex: k.inputs['subset_by_index'] as [number, number] }
      : { subsetByValue: Array.from(vec(k.inputs['subset_by_value'])) as [number, number] };
    const w = vec(k.outputs['w']);
    const Zref = rows(k.outputs['Z']);
    const A = Float64Array.from(Arows.flat());
    const r = selected(k.name, A, n, sel);
    expect(r.values.length, 'count').toBe(w.length);
    const norm = Math.max(...Array.from(r.full, Math.abs), Number.MIN_VALUE);
    for (let i = 0; i < w.length; i++) {
      expect(Math.abs(r.values[i]! - w[i]!) / (n * 2.220446049250313e-16 * norm), `${k.name}: λ${i} vs scipy`).toBeLessThan(30);
    }
    expect(Array.from(vec(k.outputs['wv']))).toEqual(Array.from(w)); // (scipy's own eigvals_only agrees)
    // vectors up to sign, where the eigenvalue is separated from the others by more than 1e-6·‖A‖
    for (let j = 0; j < w.length; j++) {
      const gap = Math.min(...Array.from(r.full).map((v) => Math.abs(v - r.values[j]!)).filter((d) => d > 1e-12 * norm), norm);
      if (!(gap > 1e-6 * norm)) continue;
      let dot = 0;
      for (let i = 0; i < n; i++) dot += r.Z.a[i * r.Z.n + j]! * Zref[i]![j]!;
      const s = Math.sign(dot);
      let diff = 0;
      for (let i = 0; i < n; i++) diff = Math.max(diff, Math.abs(r.Z.a[i * r.Z.n + j]! - s * Zref[i]![j]!));
      expect(diff * gap / norm, `${k.name}: vector ${j} vs scipy (up to sign), scaled by the gap`).toBeLessThan(30 * n * 2.220446049250313e-16);
    }
  });
});

describe('selected eigenpairs: errors', () => {
  const S = [[2, 1, 0], [1, 2, 1], [0, 1, 2]];
  it('both options → TypeError; malformed pairs → TypeError; bad indices and bounds → RangeError naming the option', () => {
    for (const fn of [eigh, eigvalsh] as const) {
      const f = fn.name;
      expectError(TypeError, f, () => fn(S, { subsetByIndex: [0, 1], subsetByValue: [0, 1] }), /subsetByIndex and subsetByValue/);
      expectError(TypeError, f, () => fn(S, { subsetByIndex: [0] }), /subsetByIndex must be a pair/);
      expectError(TypeError, f, () => fn(S, { subsetByIndex: 2 as unknown as number[] }), /subsetByIndex must be a pair/);
      expectError(TypeError, f, () => fn(S, { subsetByValue: [0, '1'] as unknown as number[] }), /subsetByValue must hold two numbers/);
      expectError(RangeError, f, () => fn(S, { subsetByIndex: [2, 1] }), /subsetByIndex = \[2, 1\].*3×3/);
      expectError(RangeError, f, () => fn(S, { subsetByIndex: [0, 3] }), /subsetByIndex = \[0, 3\]/);
      expectError(RangeError, f, () => fn(S, { subsetByIndex: [-1, 1] }), /subsetByIndex/);
      expectError(RangeError, f, () => fn(S, { subsetByIndex: [0.5, 1] }), /subsetByIndex must hold two integers/);
      expectError(RangeError, f, () => fn(S, { subsetByIndex: [NaN, 1] }), /subsetByIndex must hold two integers/);
      expectError(RangeError, f, () => fn(S, { subsetByValue: [NaN, 1] }), /subsetByValue = \[NaN, 1\]/);
      expectError(RangeError, f, () => fn(S, { subsetByValue: [1, 1] }), /subsetByValue.*vl < vu/);
      expectError(RangeError, f, () => fn(S, { subsetByValue: [2, 1] }), /subsetByValue/);
      expectError(RangeError, f, () => fn([[1, 2]], { subsetByIndex: [0, 0] }), /square/);
    }
  });

  it('NaN in A → not-finite; with checkFinite: false the failed bisection reports it', () => {
    const N = [[1, NaN], [NaN, 1]];
    for (const be of ['eigh', 'eigvalsh'] as const) {
      const fn = be === 'eigh' ? eigh : eigvalsh;
      expectLinAlgError(be, () => fn(N, { subsetByIndex: [0, 0] }), 'not-finite');
      expectLinAlgError(be, () => fn(N, { subsetByIndex: [0, 0], checkFinite: false }), 'not-finite');
      expectLinAlgError(be, () => fn(N, { subsetByValue: [0, 2], checkFinite: false }), 'not-finite');
    }
  });

  it('iteration cap (stebzMaxIter 1) → LinAlgError no-convergence naming the bisection; inputs intact, nothing leaked', () => {
    const c = makeCase('uniform', 33, 5);
    withTuning({ stebzMaxIter: 1 }, () => {
      for (const be of BACKENDS) {
        onBackend(be, () => guarded('stebz cap', [dense(33, 33, c.A)], [], ([M]) => {
          expectLinAlgError(`${be} eigh`, () => eigh(M!, { subsetByIndex: [3, 9] }), 'no-convergence', undefined, /bisection/);
          expectLinAlgError(`${be} eigvalsh`, () => eigvalsh(M!, { subsetByValue: [-0.5, 0.5] }), 'no-convergence');
        }));
      }
    });
    // steinMaxIter 1: a vector that stops early is kept when its residual is small, else the call
    // fails with 'no-convergence' naming inverse iteration — never a wrong vector
    withTuning({ steinMaxIter: 1 }, () => {
      let failures = 0;
      for (let seed = 6; seed < 12; seed++) {
        const c2 = makeCase('uniform', 33, seed);
        const e = caught(() => check(c2, 33, { subsetByIndex: [3, 9] }, 3, 10, `steinMaxIter 1 seed ${seed}`));
        if (e === undefined) continue;
        if (!(e instanceof LinAlgError) || e.code !== 'no-convergence' || !/inverse iteration/.test(e.message)) throw e;
        failures++;
      }
      expect(failures, 'some capped calls fail (the failure path is reached)').toBeGreaterThan(0);
    });
  });
});
