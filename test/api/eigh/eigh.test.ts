/**
 * eigh / eigvalsh — the symmetric eigendecomposition A = Z·Λ·Zᵀ at the API level, on both backends
 * bit for bit, under the default blocking and tiny odd ones (GEMM 8×5×12 with tridiagonalisation
 * panels of 3; panels of 1, 2 and 5 on a subset), n ∈ {0, 1, 2, 3, 17, 33, 64, 65} and 100, with
 * LAPACK's TESTING/EIG ratios (dsyt21, pass below THRESH = 30) and the eigenvalues measured against
 * an independent reference:
 *
 *   resid   ‖A − Z·Λ·Zᵀ‖₁ / (n·‖A‖₁·ε)
 *   orth    ‖ZᵀZ − I‖₁ / (n·ε)
 *   λ       max|λ̂ᵢ − λᵢ| / (n·ε·‖A‖₂)     for eigh's and eigvalsh's values, λ the known spectrum of
 *                                         A = Q·diag(λ)·Qᵀ (Q a seeded random orthogonal matrix from
 *                                         a plain-JS Householder QR), Sturm bisection for Wilkinson
 *                                         matrices, cyclic Jacobi for graded ones
 *
 * Matrix types: zero, identity, diagonal (repeated values), clustered (1, ε, …, ε) with and without
 * signs, repeated (±1, …, ±1, ε), geometric and arithmetic spectra from 1 to ε (κ = 1/ε) with and
 * without signs, rank deficient, random spectrum, graded D·S·D, scaled near overflow (‖A‖₂ = 2^1023)
 * and underflow (‖A‖₂ = 2^-1000), Wilkinson W_n⁺ and glued Wilkinson (W21⁺ blocks joined by 1e-10).
 *
 * Conventions checked: eigenvalues ascending; eigenvectors orthonormal, each signed so that its first
 * entry of largest modulus is positive; only the lower triangle read (garbage above it, or NaN with
 * checkFinite: false, changes no bit); scaling A by 2^k scales Λ by 2^k and leaves Z unchanged bit for
 * bit (k from −300 to 1000, so the driver's internal scaling is exercised); zero, identity and diagonal
 * matrices are solved exactly. Errors: non-square → RangeError; NaN / ±Inf → LinAlgError 'not-finite'
 * (the check scans the whole matrix, upper triangle included); the iteration cap → LinAlgError
 * 'no-convergence', never a hang. Inputs are never modified; no WASM block outlives a call (the
 * suite's afterEach, error paths included).
 */
import { describe, it, expect, assert } from 'vitest';
import { eigh, eigvalsh, Matrix, LinAlgError } from '../../../bindings/index.js';
import { onBackend, BACKENDS, onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { dense, type Dense } from '../../util/dense.js';
import { THRESH, expectRatio } from '../../util/ratios.js';
import { caught, expectLinAlgError, expectError } from '../../util/errors.js';
import { withTuning, TUNINGS, type TuningCase } from '../../util/engines.js';
import {
  EPS, Rng, argMaxAbs, eigRatios, notAscending, spectrum, valueRatio, wilkinson,
} from '../../util/eig-reference.js';
import { pow2 } from '../../util/reference.js';

import { TYPES, makeCase, colMajor, type Case } from './cases.js';

setupLapackSuite('api/eigh'); // both backends loaded; tuning reset and a leak check after every test

const SIZES = [0, 1, 2, 3, 17, 33, 64, 65] as const;

function expectConventions(label: string, values: Float64Array, Zc: Float64Array, n: number): void {
  const ia = notAscending(values);
  if (ia >= 0) assert.fail(`${label}: eigenvalues not ascending at ${ia}: ${values[ia - 1]} > ${values[ia]}`);
  for (let j = 0; j < n; j++) {
    const im = argMaxAbs(Zc, n, j);
    if (!(Zc[im + j * n]! > 0)) assert.fail(`${label}: eigenvector ${j}: its first largest-modulus entry Z[${im}, ${j}] = ${Zc[im + j * n]} is not positive`);
  }
}

/** eigh and eigvalsh on both backends (bit for bit), inputs guarded; returns the WASM results. */
function decompose(label: string, A: Float64Array, n: number): { values: Float64Array; Z: Dense; vals: Float64Array } {
  return onBoth(label, () => guarded(label, [dense(n, n, A)], [], ([M]) => {
    const e = eigh(M!);
    return { values: e.values, Z: e.vectors, vals: eigvalsh(M!) };
  }));
}

function checkCase(c: Case, n: number, label: string): void {
  const r = decompose(label, c.A, n);
  expect(r.values.length, `${label}: values`).toBe(n);
  expect([r.Z.m, r.Z.n], `${label}: vectors shape`).toEqual([n, n]);
  const Zc = colMajor(r.Z);
  expectConventions(label, r.values, Zc, n);
  const ia = notAscending(r.vals);
  if (ia >= 0) assert.fail(`${label}: eigvalsh not ascending at ${ia}`);
  const q = eigRatios(c.A, n, r.values, Zc);
  // (labels start with the ratio's name: expectRatio, test/util/ratios.ts, keeps the worst per name and type, SHOW_RATIOS=1)
  expectRatio(`resid ‖A − ZΛZᵀ‖₁/(n‖A‖₁ε) ${label}`, q.resid);
  expectRatio(`orth ‖ZᵀZ − I‖₁/(nε) ${label}`, q.orth);
  expectRatio(`eigh λ vs reference, max|Δλ|/(nε‖A‖₂) ${label}`, valueRatio(r.values, c.ref));
  expectRatio(`eigvalsh λ vs reference ${label}`, valueRatio(r.vals, c.ref));
  expectRatio(`eigvalsh λ vs eigh λ ${label}`, valueRatio(r.vals, r.values));
  // Exact cases: nothing to reduce, nothing to rotate.
  if (c.name === 'zero' || c.name === 'identity' || c.name === 'diagonal') {
    expect(Array.from(r.values), `${label}: exact eigenvalues`).toEqual(Array.from(c.ref));
    expect(Array.from(r.vals), `${label}: exact eigenvalues (eigvalsh)`).toEqual(Array.from(c.ref));
    // Z is a permutation matrix (I for zero and identity: a stable order)
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const z = Zc[i + j * n]!;
        if (c.name !== 'diagonal' ? z !== (i === j ? 1 : 0) : z !== 0 && z !== 1) assert.fail(`${label}: Z[${i}, ${j}] = ${z}`);
      }
      if (c.name === 'diagonal') {
        const i = argMaxAbs(Zc, n, j);
        expect(Zc[i + j * n], `${label}: column ${j} of the permutation`).toBe(1);
        expect(c.A[i * n + i], `${label}: λ${j} is A[${i}, ${i}]`).toBe(r.values[j]);
      }
    }
  }
}

const API_TUNINGS: readonly TuningCase[] = [TUNINGS[0]!, TUNINGS[1]!]; // default; mc 8 kc 5 nc 12 nb 3

describe.each(API_TUNINGS)('eigh / eigvalsh on the matrix types — $name', (bc) => {
  it.each(SIZES)('n = %i: dsyt21 ratios, eigenvalues vs the reference, conventions; wasm ≡ js', (n) => {
    withTuning(bc.tuning, () => {
      TYPES.forEach((name, t) => checkCase(makeCase(name, n, 1000 * n + t), n, `${name} n=${n}, ${bc.name}`));
    });
  });
});

describe.each([TUNINGS[2]!, TUNINGS[3]!, TUNINGS[4]!])('eigh / eigvalsh, panel widths 1, 2 and 5 — $name', (bc) => {
  it('a subset of types at n = 2, 3, 17, 33', () => {
    withTuning(bc.tuning, () => {
      for (const n of [2, 3, 17, 33]) {
        for (const name of ['uniform', 'geometric signed', 'clustered', 'repeated ±1', 'graded', 'near overflow', 'glued wilkinson'] as const) {
          checkCase(makeCase(name, n, 77 * n + name.length), n, `${name} n=${n}, ${bc.name}`);
        }
      }
    });
  });
});

describe('eigh / eigvalsh, n = 100 (three default panels of 32 and a remainder)', () => {
  it('uniform, repeated ±1, geometric signed, glued Wilkinson', () => {
    for (const name of ['uniform', 'repeated ±1', 'geometric signed', 'glued wilkinson'] as const) {
      checkCase(makeCase(name, 100, 100 + name.length), 100, `${name} n=100, default blocking`);
    }
  });
});

// ---- conventions and exact properties ----------------------------------------------------------------

describe('eigh / eigvalsh conventions', () => {
  it('[[2, 1], [1, 2]]: λ = (1, 3) ascending, unit vectors (1, −1)/√2 and (1, 1)/√2 with the largest entry (first on ties) positive', () => {
    const r = onBoth('2×2', () => {
      const e = eigh([[2, 1], [1, 2]]);
      return { values: e.values, Z: e.vectors, vals: eigvalsh([[2, 1], [1, 2]]) };
    });
    const h = Math.SQRT1_2;
    expect(Math.abs(r.values[0]! - 1)).toBeLessThanOrEqual(4 * EPS);
    expect(Math.abs(r.values[1]! - 3)).toBeLessThanOrEqual(4 * 3 * EPS);
    const want = [h, h, -h, h]; // row-major [[z00, z01], [z10, z11]]
    for (let i = 0; i < 4; i++) expect(Math.abs(r.Z.a[i]! - want[i]!), `Z entry ${i}: ${r.Z.a[i]}`).toBeLessThanOrEqual(4 * EPS);
    // −A: λ = (−3, −1) with vectors (1, 1)/√2 and (1, −1)/√2 — the convention fixes the signs again
    const m = onBoth('−A', () => {
      const e = eigh([[-2, -1], [-1, -2]]);
      return { values: e.values, Z: e.vectors };
    });
    expect(Math.abs(m.values[0]! + 3)).toBeLessThanOrEqual(4 * 3 * EPS);
    const wantM = [h, h, h, -h];
    for (let i = 0; i < 4; i++) expect(Math.abs(m.Z.a[i]! - wantM[i]!), `−A: Z entry ${i}: ${m.Z.a[i]}`).toBeLessThanOrEqual(4 * EPS);
  });

  it('shapes 0×0 and 1×1: empty results; λ = a and Z = [1] (also for a < 0)', () => {
    const e0 = onBoth('0×0', () => {
      using M = Matrix.zeros(0, 0);
      const e = eigh(M);
      return { values: e.values, Z: e.vectors, vals: eigvalsh([]) };
    });
    expect(e0.values.length).toBe(0);
    expect(e0.vals.length).toBe(0);
    expect([e0.Z.m, e0.Z.n]).toEqual([0, 0]);
    for (const a of [-3.5, 0, 7e300, -1e-310]) {
      const e1 = onBoth(`1×1 ${a}`, () => {
        const e = eigh([[a]]);
        return { values: e.values, Z: e.vectors, vals: eigvalsh([[a]]) };
      });
      expect(Array.from(e1.values)).toEqual([a]);
      expect(Array.from(e1.vals)).toEqual([a]);
      expect(Array.from(e1.Z.a)).toEqual([1]);
    }
  });

  it('scaling by 2^k (k = −300, ±40, 300, 483, 1000) scales λ by 2^k and leaves Z unchanged, bit for bit', () => {
    // k = 1000 goes through the driver's own scaling (max|A| > 2^484 is brought down by a power of two).
    // Scaling down to max|A| ≲ 2^-483 is not bit-exact: there the squares of small entries reach the
    // subnormal range, where the absolute thresholds of the QL sweep (safmin) and of lartg apply; the
    // accuracy there is what the 'near underflow' type checks.
    for (const n of [3, 17, 33]) {
      for (const name of ['uniform', 'geometric signed', 'clustered', 'rank deficient', 'graded', 'wilkinson'] as const) {
        const c = makeCase(name, n, 31 * n);
        const label = `${name} n=${n}`;
        const base = decompose(label, c.A, n);
        for (const e of [-300, -40, 40, 300, 483, 1000]) {
          const s = pow2(e);
          const r = decompose(`${label} · 2^${e}`, c.A.map((v) => v * s), n);
          expect(Array.from(r.values), `${label}: λ(2^${e}·A) = 2^${e}·λ(A)`).toEqual(Array.from(base.values, (v) => v * s));
          expect(Array.from(r.vals), `${label}: eigvalsh(2^${e}·A) = 2^${e}·eigvalsh(A)`).toEqual(Array.from(base.vals, (v) => v * s));
          expect(Array.from(r.Z.a), `${label}: Z(2^${e}·A) = Z(A)`).toEqual(Array.from(base.Z.a));
        }
      }
    }
  });

  it('nested arrays, and matrices stored on the other backend, give the same bits', () => {
    const n = 17;
    const c = makeCase('uniform', n, 5);
    const rows = Array.from({ length: n }, (_, i) => Array.from(c.A.subarray(i * n, i * n + n)));
    const a = decompose('Matrix', c.A, n);
    const b = onBoth('nested', () => {
      const e = eigh(rows);
      return { values: e.values, Z: e.vectors, vals: eigvalsh(rows) };
    });
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
    expect(Array.from(b.vals)).toEqual(Array.from(a.vals));
    expect(Array.from(b.Z.a)).toEqual(Array.from(a.Z.a));
    for (const [made, used] of [['js', 'wasm'], ['wasm', 'js']] as const) {
      const M = onBackend(made, () => Matrix.fromArray(c.A, n, n));
      try {
        const r = onBackend(used, () => {
          const e = eigh(M);
          const out = { values: e.values, Z: e.vectors.toFloat64Array(), vals: eigvalsh(M), on: e.vectors.backend };
          e.vectors.dispose();
          return out;
        });
        expect(r.on, `made on ${made}, used on ${used}: result storage`).toBe(used);
        expect(Array.from(r.values), `made on ${made}, used on ${used}`).toEqual(Array.from(a.values));
        expect(Array.from(r.vals)).toEqual(Array.from(a.vals));
        expect(Array.from(r.Z)).toEqual(Array.from(a.Z.a));
        expect(Array.from(M.toFloat64Array()), `made on ${made}, used on ${used}: input intact`).toEqual(Array.from(c.A));
      } finally {
        M.dispose();
      }
    }
  });

  it('reads only the lower triangle: garbage above it, or NaN with checkFinite: false, changes no bit', () => {
    for (const n of [2, 7, 17, 33]) {
      for (const name of ['uniform', 'near overflow', 'near underflow', 'wilkinson'] as const) {
        const c = makeCase(name, n, 17 * n + name.length);
        const label = `${name} n=${n}`;
        const G = c.A.slice();
        const N = c.A.slice();
        const rng = new Rng(n);
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            G[i * n + j] = 1e5 * rng.normal(); // not symmetric, far larger than A
            N[i * n + j] = NaN;
          }
        }
        const ref = decompose(label, c.A, n);
        const g = decompose(`${label} garbage above`, G, n);
        const nan = onBoth(`${label} NaN above`, () => guarded(label, [dense(n, n, N)], [], ([M]) => {
          const e = eigh(M!, { checkFinite: false });
          return { values: e.values, Z: e.vectors, vals: eigvalsh(M!, { checkFinite: false }) };
        }));
        for (const [what, r] of [['garbage', g], ['NaN', nan]] as const) {
          expect(Array.from(r.values), `${label}: ${what} above the diagonal, λ`).toEqual(Array.from(ref.values));
          expect(Array.from(r.vals), `${label}: ${what} above the diagonal, eigvalsh`).toEqual(Array.from(ref.vals));
          expect(Array.from(r.Z.a), `${label}: ${what} above the diagonal, Z`).toEqual(Array.from(ref.Z.a));
        }
      }
    }
  });
});

// ---- errors -------------------------------------------------------------------------------------------

describe('eigh / eigvalsh errors', () => {
  it('non-square → RangeError naming the shape; not a matrix → TypeError', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        for (const [m, n] of [[2, 3], [3, 2], [0, 3], [3, 0]] as const) {
          guarded(`${m}×${n}`, [dense(m, n, Float64Array.from({ length: m * n }, (_, i) => i))], [], ([M]) => {
            expectError(RangeError, `eigh ${m}×${n}`, () => eigh(M!), new RegExp(`square.*${m}×${n}`));
            expectError(RangeError, `eigvalsh ${m}×${n}`, () => eigvalsh(M!), new RegExp(`square.*${m}×${n}`));
          });
        }
        expectError(RangeError, 'nested 2×3', () => eigh([[1, 2, 3], [4, 5, 6]]), /square/);
        expect(caught(() => eigh(42 as never))).toBeInstanceOf(TypeError);
        expect(caught(() => eigvalsh('A' as never))).toBeInstanceOf(TypeError);
      });
    }
  });

  it('NaN / ±Inf anywhere (upper triangle included) → LinAlgError not-finite; with checkFinite: false, in the lower triangle → not-finite (after the iteration fails) or NaN, never a hang', () => {
    const n = 17;
    const c = makeCase('uniform', n, 3);
    for (const be of BACKENDS) {
      onBackend(be, () => {
        for (const bad of [NaN, Infinity, -Infinity]) {
          for (const [i, j] of [[5, 3], [3, 5], [4, 4], [16, 0]] as const) {
            const B = c.A.slice();
            B[i * n + j] = bad;
            const label = `${be}: A[${i}, ${j}] = ${bad}`;
            guarded(label, [dense(n, n, B)], [], ([M]) => {
              const msg = Number.isNaN(bad) ? /NaN.*checkFinite/ : /Inf.*checkFinite/;
              expectLinAlgError(`${label} eigh`, () => eigh(M!), 'not-finite', undefined, msg);
              expectLinAlgError(`${label} eigvalsh`, () => eigvalsh(M!), 'not-finite', undefined, msg);
              if (i < j) return; // the upper triangle is not read: covered by the lower-triangle test
              const t0 = performance.now();
              const eighValues = (X: Matrix): Float64Array => {
                const e = eigh(X, { checkFinite: false });
                e.vectors.dispose();
                return e.values;
              };
              for (const f of [eighValues, (X: Matrix) => eigvalsh(X, { checkFinite: false })]) {
                const e = caught(() => {
                  const v = f(M!);
                  if (!v.some((x) => Number.isNaN(x))) assert.fail(`${label}: checkFinite false returned finite eigenvalues ${Array.from(v.slice(0, 3))}…`);
                });
                if (e !== undefined && !(e instanceof LinAlgError && e.code === 'not-finite')) throw e;
              }
              expect(performance.now() - t0, `${label}: time`).toBeLessThan(2000);
            });
          }
        }
      });
    }
  });

  it('iteration cap (steqrMaxIter / sterfMaxIter 1) → LinAlgError no-convergence with the count of unconverged off-diagonals; inputs intact, nothing leaked, defaults restored', () => {
    const n = 33;
    const c = makeCase('uniform', n, 9);
    const rows = Array.from({ length: n }, (_, i) => Array.from(c.A.subarray(i * n, i * n + n)));
    for (const be of BACKENDS) {
      onBackend(be, () => {
        withTuning({ steqrMaxIter: 1, sterfMaxIter: 1 }, () => {
          const t0 = performance.now();
          guarded(`${be} cap`, [dense(n, n, c.A)], [], ([M]) => {
            for (const [fn, f] of [['eigh', () => eigh(M!)], ['eigvalsh', () => eigvalsh(M!)], ['eigh (nested)', () => eigh(rows)]] as const) {
              const e = expectLinAlgError(`${be} ${fn}`, f, 'no-convergence', undefined, /did not converge: status \d+ \(QL\/QR iteration: the off-diagonal/);
              expect(e.info, `${be} ${fn}: info`).toBeGreaterThan(0);
              expect(e.info!).toBeLessThan(n);
              expect(e.message).toContain(fn.split(' ')[0]!);
            }
          });
          // 0×0, 1×1 and 2×2 (solved in closed form) need no sweep
          for (const m of [0, 1, 2]) {
            const M = Matrix.fromArray(makeCase('uniform', m, m).A, m, m);
            eigh(M).vectors.dispose();
            M.dispose();
          }
          expect(performance.now() - t0).toBeLessThan(2000);
        });
        // the default budget again
        guarded(`${be} restored`, [dense(n, n, c.A)], [], ([M]) => {
          const e = eigh(M!);
          expectRatio(`λ after the cap n=${n} (${be})`, valueRatio(e.values, c.ref));
          e.vectors.dispose();
        });
      });
    }
  });

  it('divide and conquer: the secular-equation cap (laed4MaxIter 1, syevDcMin 3) → LinAlgError no-convergence for eigh and eigh(A, B); eigvalsh unaffected; defaults restored', () => {
    const n = 33;
    const c = makeCase('uniform', n, 9);
    const B = new Float64Array(n * n);
    for (let i = 0; i < n; i++) B[i + i * n] = 2 + i / n;
    for (const be of BACKENDS) {
      onBackend(be, () => {
        withTuning({ laed4MaxIter: 1, syevDcMin: 3, stedcSmlsiz: 4 }, () => {
          guarded(`${be} D&C cap`, [dense(n, n, c.A), dense(n, n, B)], [], ([M, Bm]) => {
            for (const [fn, f] of [['eigh', () => eigh(M!)], ['eigh (A, B)', () => eigh(M!, Bm!)]] as const) {
              const e = expectLinAlgError(`${be} ${fn}`, f, 'no-convergence', undefined, /did not converge: status \d+ .*divide and conquer/);
              expect(e.info, `${be} ${fn}: info`).toBeGreaterThan(0);
            }
            expectRatio(`eigvalsh under the D&C cap n=${n} (${be})`, valueRatio(eigvalsh(M!), c.ref));
          });
        });
        const r = withTuning({ syevDcMin: 3, stedcSmlsiz: 4 }, () => decompose(`D&C n=${n}`, c.A, n));
        expectRatio(`λ through D&C n=${n} (${be})`, valueRatio(r.values, c.ref));
        const q = eigRatios(c.A, n, r.values, colMajor(r.Z));
        expectRatio(`D&C resid n=${n} (${be})`, q.resid);
        expectRatio(`D&C orth n=${n} (${be})`, q.orth);
      });
    }
  });
});

// ---- the ratios can fail -----------------------------------------------------------------------------

describe('the eigh ratios can fail', () => {
  it('a relative change of 1e−10 in one entry of Z, or 100·n·ε·‖A‖ in one λ, pushes the ratios past THRESH', () => {
    const n = 17;
    const c = makeCase('uniform', n, 11);
    const r = decompose('perturb', c.A, n);
    const Zc = colMajor(r.Z);
    const ok = eigRatios(c.A, n, r.values, Zc);
    expect(ok.resid).toBeLessThan(THRESH);
    expect(ok.orth).toBeLessThan(THRESH);
    expect(valueRatio(r.values, c.ref)).toBeLessThan(THRESH);
    // the largest entry of the vector of the largest eigenvalue (λ = 1)
    const j = n - 1;
    const i = argMaxAbs(Zc, n, j);
    const Zp = Zc.slice();
    Zp[i + j * n] = Zp[i + j * n]! * (1 + 1e-10);
    const bad = eigRatios(c.A, n, r.values, Zp);
    expect(bad.resid).toBeGreaterThan(THRESH);
    expect(bad.orth).toBeGreaterThan(THRESH);
    const lp = r.values.slice();
    lp[5] = lp[5]! + 100 * n * EPS;
    expect(valueRatio(lp, c.ref)).toBeGreaterThan(THRESH);
    expect(eigRatios(c.A, n, lp, Zc).resid).toBeGreaterThan(THRESH);
  });
});
