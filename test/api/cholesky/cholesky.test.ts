/**
 * Cholesky — cholesky, choFactor (+ .solve, .logdet), choSolve — on symmetric positive definite
 * matrices V·Λ·Vᵀ of known spectrum (lapack-types.ts: identity, diagonal, random, κ = 1e7 and 1e14, scaled to
 * ‖A‖ ≈ 1e292 and 1e-292, graded D·S·D), n ∈ {1, 2, 7, 16, 17, 33}, under the default and four tiny
 * odd blockings, both backends bit for bit, with LAPACK's ratios below THRESH = 30:
 *
 *   dpot01   ‖A − L·Lᵀ‖₁ / (n·‖A‖₁·ε)
 *   dpot02   ‖b − A·x‖₁ / (‖A‖₁·‖x‖₁·n·ε)   per column
 *   log det  |logdet − Σ log λᵢ| / ((n·κ + Σ|log λᵢ|)·n·ε)   (the data's rounding moves log det by
 *            ≲ tr(A⁻¹E) ≤ n·κ·‖E‖/‖A‖, the sum itself by n·ε·Σ|log λᵢ|)
 *
 * Exact properties: an integer L₀·L₀ᵀ factors to L₀ bit for bit, and with one diagonal entry lowered
 * it fails with `info` = the order of that leading minor, wherever the block boundaries fall; only the
 * lower triangle is read (garbage or NaN above it changes no bit); 4^k·A factors to 2^k·L exactly.
 */
import { describe, it, expect } from 'vitest';
import { cholesky, choFactor, choSolve, LinAlgError } from '../../../bindings/index.js';
import { onBackend, BACKENDS, SIZES, onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { column, dense, mul, norm1, ratio, scaled, solveRatio, sub, tr, type Dense } from '../../util/dense.js';
import { integerSpd, randn, spdMatrices, spdMatrix, Rng } from '../../util/lapack-types.js';
import { EPS } from '../../util/tolerance.js';
import { THRESH, expectRatio } from '../../util/ratios.js';
import { expectLinAlgError, expectError } from '../../util/errors.js';
import { withTuning, TUNINGS } from '../../util/engines.js';

setupLapackSuite('api/cholesky');

function cholRatio(A: Dense, L: Dense): number {
  return ratio(norm1(sub(A, mul(L, tr(L)))), Math.max(1, A.n), norm1(A), EPS);
}

/** The symmetric matrix whose lower triangle A has. */
function lowerSymmetric(A: Dense): Dense {
  const n = A.n;
  const S = dense(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) S.a[i * n + j] = S.a[j * n + i] = A.a[i * n + j]!;
  return S;
}

function expectLowerFactor(label: string, L: Dense): void {
  const n = L.n;
  for (let i = 0; i < n; i++) {
    if (!(L.a[i * n + i]! > 0)) expect.unreachable(`${label}: L(${i},${i}) = ${L.a[i * n + i]} is not positive`);
    for (let j = i + 1; j < n; j++) if (!Object.is(L.a[i * n + j], 0)) expect.unreachable(`${label}: L(${i},${j}) = ${L.a[i * n + j]} above the diagonal`);
  }
}

describe.each(TUNINGS)('Cholesky on SPD matrix types — $name', (bc) => {
  it('cholesky / choFactor / choSolve: dpot01, dpot02 < 30; logdet against the spectrum; wasm ≡ js', () => {
    withTuning(bc.tuning, () => {
      for (const n of SIZES) {
        const B = randn(new Rng(n + 11), n, 3);
        const b = column(B, 0);
        for (const S of spdMatrices(n, 2)) {
          const label = `${S.name} n=${n}, ${bc.name}`;
          const r = onBoth(label, () => guarded(label, [S.A, B], [b], ([M, BM], [v]) => {
            using F = choFactor(M!);
            return { L: cholesky(M!), FL: F.L.clone(), X: F.solve(BM!), x: F.solve(v!), Xc: choSolve(M!, BM!), logdet: F.logdet() };
          }));
          expectLowerFactor(label, r.L);
          expect(Array.from(r.FL.a), `${label}: choFactor's L is cholesky's`).toEqual(Array.from(r.L.a));
          expect(Array.from(r.Xc.a), `${label}: choSolve is choFactor().solve`).toEqual(Array.from(r.X.a));
          const name = `${S.name} n=${n} ${label}`;
          expectRatio(`cholesky ‖A − LLᵀ‖ ${name}`, cholRatio(S.A, r.L));
          expectRatio(`choFactor.solve A·X = B ${name}`, solveRatio(S.A, r.X, B));
          expectRatio(`choFactor.solve A·x = b ${name}`, solveRatio(S.A, dense(n, 1, r.x), dense(n, 1, b)));
          expectRatio(`logdet ${name}`, ratio(Math.abs(r.logdet - S.logdet), n * S.kappa + S.logScale, n, EPS));
          if (S.name === 'identity') expect(Array.from(r.L.a)).toEqual(Array.from(S.A.a));
          if (S.name === 'diagonal') for (let i = 0; i < n; i++) expect(r.L.a[i * n + i]).toBe(Math.sqrt(S.A.a[i * n + i]!));
        }
      }
    });
  });

  it('integer L₀·L₀ᵀ factors to L₀ exactly; lowering one pivot gives not-positive-definite with info = that order', () => {
    withTuning(bc.tuning, () => {
      for (const n of [7, 17]) {
        const { A, L0 } = integerSpd(new Rng(n), n);
        const L = onBoth(`L₀L₀ᵀ n=${n}`, () => guarded('L0', [A], [], ([M]) => ({ L: cholesky(M!) }))).L;
        expect(Array.from(L.a), `integer SPD n=${n}, ${bc.name}: L = L₀ bit for bit`).toEqual(Array.from(L0.a));
        for (const k of new Set([1, 2, 3, 5, 6, 8, 9, n - 1, n].filter((k) => k <= n))) {
          for (const below of [0, 1]) {
            // Pivot k − 1 of the elimination becomes exactly −below (0 or −1): minors 1 … k − 1 stay positive.
            const Ak = dense(n, n, A.a.slice());
            Ak.a[(k - 1) * n + k - 1] = Ak.a[(k - 1) * n + k - 1]! - L0.a[(k - 1) * n + k - 1]! ** 2 - below;
            const label = `n=${n} minor ${k} pivot ${-below}, ${bc.name}`;
            for (const be of BACKENDS) {
              onBackend(be, () => {
                const msg = new RegExp(`order ${k}\\b`);
                expectLinAlgError(`${label} cholesky ${be}`, () => guarded(label, [Ak], [], ([M]) => cholesky(M!)), 'not-positive-definite', k, msg);
                expectLinAlgError(`${label} choFactor ${be}`, () => guarded(label, [Ak], [], ([M]) => choFactor(M!)), 'not-positive-definite', k, msg);
                expectLinAlgError(`${label} choSolve ${be}`, () => guarded(label, [Ak], [new Float64Array(n)], ([M], [v]) => choSolve(M!, v!)), 'not-positive-definite', k);
              });
            }
          }
        }
      }
    });
  });

  it('reads only the lower triangle: garbage, a non-symmetric upper, or NaN above the diagonal (checkFinite off) change no bit', () => {
    withTuning(bc.tuning, () => {
      for (const n of [2, 7, 17]) {
        for (const S of [spdMatrix('random', n, 5), spdMatrix('cond 1e7', n, 6), spdMatrix('near overflow', n, 7)]) {
          const rng = new Rng(n * 3);
          const G = dense(n, n, S.A.a.slice());
          const N = dense(n, n, S.A.a.slice());
          for (let i = 0; i < n; i++) {
            for (let j = i + 1; j < n; j++) {
              G.a[i * n + j] = 1e5 * rng.normal() * norm1(S.A); // not symmetric, not positive definite
              N.a[i * n + j] = NaN;
            }
          }
          const b = Float64Array.from({ length: n }, (_, i) => 1 - i);
          const label = `${S.name} n=${n}, ${bc.name}`;
          const r = onBoth(label, () => guarded(label, [S.A, G, N], [b], ([M, MG, MN], [v]) => {
            using F = choFactor(MG!);
            return {
              L: cholesky(M!), LG: cholesky(MG!), LN: cholesky(MN!, { checkFinite: false }),
              x: choSolve(M!, v!), xG: F.solve(v!), xN: choSolve(MN!, v!, { checkFinite: false }),
            };
          }));
          expect(Array.from(r.LG.a), `${label}: garbage above the diagonal`).toEqual(Array.from(r.L.a));
          expect(Array.from(r.LN.a), `${label}: NaN above the diagonal`).toEqual(Array.from(r.L.a));
          expect(Array.from(r.xG), `${label}: solve, garbage above`).toEqual(Array.from(r.x));
          expect(Array.from(r.xN), `${label}: solve, NaN above`).toEqual(Array.from(r.x));
          // The factor is that of the lower-triangle symmetric matrix (ratio against it, not against G).
          expectRatio(`cholesky of a non-symmetric input ${S.name} n=${n}`, cholRatio(lowerSymmetric(G), r.LG));
          // With the default check the whole input is scanned (as scipy's check_finite): NaN anywhere is rejected.
          onBackend('wasm', () => expectLinAlgError(label, () => guarded(label, [N], [], ([MN]) => cholesky(MN!)), 'not-finite'));
        }
      }
    });
  });
});

describe('Cholesky at n = 64, 128: the factorisation works on a padded copy (column stride n + 8)', () => {
  it('dpot01, dpot02 < 30 on every SPD type; wasm ≡ js; L carries the padded stride', () => {
    for (const n of [64, 128]) {
      const B = randn(new Rng(n + 5), n, 3);
      for (const S of spdMatrices(n, 4)) {
        const label = `${S.name} n=${n}, default blocking`;
        const r = onBoth(label, () => guarded(label, [S.A, B], [], ([M, BM]) => {
          using F = choFactor(M!);
          return { L: cholesky(M!), X: F.solve(BM!) };
        }));
        expectLowerFactor(label, r.L);
        expectRatio(`cholesky ‖A − LLᵀ‖ ${label}`, cholRatio(S.A, r.L));
        expectRatio(`choFactor.solve A·X = B ${label}`, solveRatio(S.A, r.X, B));
      }
    }
    for (const b of BACKENDS) {
      onBackend(b, () => {
        const n = 64;
        const S = spdMatrices(n, 4)[0]!;
        const rows: number[][] = [];
        for (let i = 0; i < n; i++) rows.push(Array.from(S.A.a.subarray(i * n, (i + 1) * n)));
        using L = cholesky(rows);
        expect((L as unknown as { _ld: number })._ld, `${b}: L's column stride`).toBe(n + 8);
      });
    }
  });
});

describe('Cholesky: exact scaling, empty and 1×1', () => {
  it('4^k·A factors to 2^k·L bit for bit (k = ±485: ‖A‖ near 1e±292), logdet gains 2nk·log 2', () => {
    for (const bc of [TUNINGS[0]!, TUNINGS[3]!]) {
      withTuning(bc.tuning, () => {
        for (const n of [2, 17, 33]) {
          const S = spdMatrix('random', n, 8);
          for (const k of [485, -485]) {
            const label = `n=${n} 4^${k}, ${bc.name}`;
            const run = (D: Dense): { L: Dense; x: Float64Array; logdet: number } => onBoth(label, () => guarded(label, [D], [Float64Array.from({ length: n }, (_, i) => i + 1)], ([M], [v]) => {
              using F = choFactor(M!);
              return { L: F.L.clone(), x: F.solve(v!), logdet: F.logdet() };
            }));
            const r0 = run(S.A);
            const r1 = run(scaled(S.A, 4 ** k));
            expect(Array.from(r1.L.a), `${label}: L scales by 2^k`).toEqual(Array.from(r0.L.a, (v) => v * 2 ** k));
            expect(Array.from(r1.x), `${label}: x scales by 4^−k`).toEqual(Array.from(r0.x, (v) => v * 4 ** -k));
            const want = r0.logdet + 2 * n * k * Math.LN2;
            expectRatio(`logdet of 4^k·A ${label}`, ratio(Math.abs(r1.logdet - want), n, Math.abs(want), EPS));
          }
        }
      });
    }
  });

  it('0×0: cholesky 0×0, logdet 0, empty solves; 1×1: √a, and a ≤ 0 fails at order 1', () => {
    const r = onBoth('0×0', () => guarded('0×0', [dense(0, 0), dense(0, 2)], [new Float64Array(0)], ([Z, B], [b]) => {
      using F = choFactor(Z!);
      return { L: cholesky(Z!), logdet: F.logdet(), x: F.solve(b!), X: choSolve(Z!, B!) };
    }));
    expect([r.L.m, r.L.n, r.logdet, r.x.length, r.X.m, r.X.n]).toEqual([0, 0, 0, 0, 0, 2]);
    for (const a of [4, 2, 1e-300, 1e300]) {
      const o = onBoth(`1×1 ${a}`, () => guarded('1×1', [dense(1, 1, Float64Array.of(a))], [], ([M]) => {
        using F = choFactor(M!);
        return { L: cholesky(M!), logdet: F.logdet(), x: F.solve([a]) };
      }));
      expect(o.L.a[0]).toBe(Math.sqrt(a));
      expect(o.logdet).toBe(2 * Math.log(Math.sqrt(a)));
      expectRatio(`1×1 solve ${a}`, ratio(Math.abs(o.x[0]! - 1), 2, EPS));
    }
    for (const a of [0, -1, -0]) expectLinAlgError(`[[${a}]]`, () => cholesky([[a]]), 'not-positive-definite', 1, /order 1\b/);
  });
});

describe('Cholesky: bad input', () => {
  it('non-square: RangeError naming the shape; right-hand side rows: RangeError', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        for (const [m, n] of [[2, 3], [3, 2], [0, 2]] as const) {
          guarded('non-square', [randn(new Rng(1), m, n)], [], ([M]) => {
            const shape = new RegExp(`${m}×${n}`);
            expectError(RangeError, 'cholesky', () => cholesky(M!), shape);
            expectError(RangeError, 'choFactor', () => choFactor(M!), shape);
            expectError(RangeError, 'choSolve', () => choSolve(M!, new Float64Array(m)), shape);
          });
        }
        const S = spdMatrix('random', 3, 1);
        guarded('rhs', [S.A, dense(2, 1)], [], ([M, B]) => {
          using F = choFactor(M!);
          expectError(RangeError, 'F.solve', () => F.solve(B!), /2×1.*3 rows/);
          expectError(RangeError, 'choSolve', () => choSolve(M!, [1, 2]), /2 entries.*3 rows/);
        });
      });
    }
  });

  it('NaN / ±Inf: not-finite by default (A, b, B); checkFinite: false skips the check without hanging', () => {
    const n = 7;
    const S = spdMatrix('random', n, 3);
    for (const be of BACKENDS) {
      onBackend(be, () => {
        for (const bad of [NaN, Infinity, -Infinity]) {
          const Abad = dense(n, n, S.A.a.slice());
          Abad.a[4 * n + 2] = bad; // lower triangle
          const bbad = Float64Array.from({ length: n }, (_, i) => (i === 3 ? bad : i));
          const Bbad = dense(n, 2, Float64Array.from({ length: 2 * n }, (_, t) => (t === 5 ? bad : 1)));
          const label = `${be} ${bad}`;
          guarded(label, [Abad, S.A, Bbad], [bbad], ([Mb, M, BMb], [vb]) => {
            expectLinAlgError(`${label} cholesky`, () => cholesky(Mb!), 'not-finite', undefined, /checkFinite/);
            expectLinAlgError(`${label} choFactor`, () => choFactor(Mb!), 'not-finite');
            expectLinAlgError(`${label} choSolve A`, () => choSolve(Mb!, [1, 2, 3, 4, 5, 6, 7]), 'not-finite');
            expectLinAlgError(`${label} choSolve b`, () => choSolve(M!, vb!), 'not-finite');
            using F = choFactor(M!);
            expectLinAlgError(`${label} F.solve B`, () => F.solve(BMb!), 'not-finite');
            const x = F.solve(vb!, { checkFinite: false });
            expect(x.some((t) => !Number.isFinite(t)), `${label}: a bad b reaches x`).toBe(true);
            // Unchecked bad A: either a factor with non-finite entries or a not-finite error (potrf stops at
            // the NaN like at a non-positive pivot; the failure is then blamed on the NaN, not on definiteness).
            try {
              const L = cholesky(Mb!, { checkFinite: false });
              expect(L.toFloat64Array().some((t) => !Number.isFinite(t)), `${label}: L`).toBe(true);
              L.dispose();
            } catch (e) {
              expect(e instanceof LinAlgError && e.code === 'not-finite', `${label}: ${String(e)}`).toBe(true);
            }
          });
        }
      });
    }
  });
});

describe('Cholesky ratios can fail', () => {
  it('a relative change of 1e−10 in one entry of L pushes dpot01 past THRESH', () => {
    const S = spdMatrix('random', 17, 4);
    const L = onBoth('L', () => guarded('L', [S.A], [], ([M]) => ({ L: cholesky(M!) }))).L;
    expect(cholRatio(S.A, L)).toBeLessThan(THRESH);
    L.a[9 * 17 + 4] = L.a[9 * 17 + 4]! * (1 + 1e-10);
    expect(cholRatio(S.A, L)).toBeGreaterThan(THRESH);
  });
});
