/**
 * The functions built on the SVD — pinv, matrixRank, cond, norm(A, 2 | 'nuc'), nullSpace / orth /
 * subspaces, lowRank, pca — at the API level on both backends bit for bit, inputs guarded, no leaks
 * (setupLapackSuite), under the default blocking and one tiny odd one. Every check is a scaled ratio
 * (pass below THRESH = 30) or an exact property, against references that do not go through the
 * library's SVD: the known spectrum of A = U·diag(σ)·Vᵀ, double-double products, Gauss–Jordan inverses,
 * one-sided Jacobi, and this library's eigh (a tridiagonal QR route) for PCA.
 *
 *   pinv        Penrose conditions with X = A⁺, products in double-double (κ = ‖A‖₁‖X‖₁, p = max(m, n)):
 *               ‖AXA − A‖₁/(‖A‖₁·p·ε·κ), ‖XAX − X‖₁/(‖X‖₁·p·ε·κ), ‖AX − (AX)ᵀ‖₁/(p·ε·κ), ‖XA − (XA)ᵀ‖₁/(p·ε·κ),
 *               with the default cut and with rtol = 1e-8 (so κ of what is kept stays ≤ 1e8);
 *               the rtol cut (σ ≤ rtol·σ₀ dropped: X = V_r·Σ_r⁻¹·U_rᵀ of the known factors, trace(XA) = r);
 *               an invertible A gives A⁻¹; zero → zero; empty shapes; rtol < 0 → RangeError
 *   matrixRank  numpy's default tol σ₀·max(m, n)·ε (either side of it, on exact diagonals); known ranks
 *               (zero, identity, U·Σ·Vᵀ with exact zeros, integer X·Y products); the tol option (σ > tol)
 *   cond        2: σmax/σmin within 30·p·ε·κ relative of the known κ (exact for diagonals), ∞ for an
 *               exactly singular A, any shape; 1, ∞, 'fro': ‖A‖·‖A⁻¹‖ of a Gauss–Jordan inverse, ∞ when
 *               singular; bad p / non-square / empty → RangeError
 *   norm        2 = σ₀ and 'nuc' = Σσ (bit for bit the svdvals route; within 30·p·ε·Σσ of the known
 *               spectrum); ‖A‖₂ ≤ ‖A‖_F ≤ ‖A‖_* ; NaN → NaN and ±Inf → Inf without throwing; empty → 0
 *   subspaces   orthonormal bases (‖QᵀQ − I‖₁/(dim·ε)), A·N ≈ 0 and Aᵀ·L ≈ 0 (‖·‖₁/(‖A‖₁·p·ε)),
 *               dimensions r, n − r, r, m − r, C(A) ⊥ N(Aᵀ) and C(Aᵀ) ⊥ N(A), C·Cᵀ·A = A and A·R·Rᵀ = A;
 *               nullSpace / orth ≡ the matching members bit for bit; the rtol option
 *   lowRank     Eckart–Young: errorFro = ‖A − A_k‖_F and error2 = ‖A − A_k‖₂ = σ_k, both against the
 *               residual A − A_k formed here and measured independently (Dot2 norm, one-sided Jacobi) and
 *               against the known tail sqrt(Σ_{i≥k} σᵢ²); rank(A_k) = k; k = 0 and k ≥ min(m, n)
 *   pca         components orthonormal rows with the sign convention; explainedVariance = σ²/(m − 1) and
 *               the top eigenvalues of the covariance X_cᵀX_c/(m − 1) from eigh agree; components and
 *               eigenvectors agree up to sign within the gap bound; ratios sum ≤ 1, = 1 at k = min(m, n);
 *               scores = X_c·componentsᵀ; mean = column means; center: false is the SVD of X itself
 */
import { describe, it, expect, assert } from 'vitest';
import {
  svd, svdvals, pinv, matrixRank, cond, norm, nullSpace, orth, subspaces, lowRank, pca, eigh, Matrix,
} from '../../../bindings/index.js';
import { onBackend, BACKENDS, onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { nrm2Ref, scale2, unitExponent } from '../../util/reference.js';
import { expectBitwise } from '../../util/tolerance.js';
import { dense, eye, inverse, mul, norm1, ratio, sub, tr, type Dense } from '../../util/dense.js';
import { geometric, pcaSamples as samples, svdMatrix } from '../../util/lapack-types.js';
import { THRESH, expectRatio } from '../../util/ratios.js';
import { expectLinAlgError, expectError } from '../../util/errors.js';
import { withTuning, TUNINGS } from '../../util/engines.js';
import { EPS, jacobiSvals, mulDD, orthColsRatio, orthRowsRatio, signConventionHolds } from '../../util/svd-reference.js';
import { Rng, svdTestMatrix, type SvdType } from '../../util/svd-types.js';

setupLapackSuite('api/svd/spectral');

const BCS = [TUNINGS[0]!, TUNINGS[1]!]; // default, and GEMM 8×5×12 with panels of 3

const fro = (A: Dense): number => nrm2Ref(A.a);

/** f on a fresh Matrix copy of A (current backend), freed afterwards; A checked unchanged (guarded). */
function on<T>(label: string, A: Dense, f: (M: Matrix) => T): T {
  return guarded(label, [A], [], ([M]) => f(M!));
}
const scaledBy = (A: Dense, p: number): Dense => dense(A.m, A.n, A.a.map((v) => scale2(v, p)));

/** A (m×n) = U·diag(σ)·Vᵀ with U, V random orthogonal (returned whole, for exact references). */
function known(m: number, n: number, sigma: number[], seed: number): { A: Dense; U: Dense; V: Dense; sigma: Float64Array } {
  const s = Float64Array.from(sigma);
  return { ...svdMatrix(new Rng(seed), m, n, s), sigma: s };
}

/** A rank-r integer matrix X·Y (X m×r, Y r×n, entries in [−3, 3]): every entry exact. */
function integerLowRank(m: number, n: number, r: number, seed: number): Dense {
  const rng = new Rng(seed);
  const X = dense(m, r, Float64Array.from({ length: m * r }, () => (rng.u32() % 7) - 3));
  const Y = dense(r, n, Float64Array.from({ length: r * n }, () => (rng.u32() % 7) - 3));
  return mul(X, Y);
}

function diagonal(m: number, n: number, d: number[]): Dense {
  const A = dense(m, n);
  d.forEach((v, i) => (A.a[i * n + i] = v));
  return A;
}

// ---- pinv ----------------------------------------------------------------------------------------------

/**
 * The four Penrose ratios of X = A⁺, on 2^p·A and 2^-p·X (exact scalings; the ratios are scale-free),
 * each in units of p·ε·κ, κ = ‖A‖₁‖X‖₁: the rounding of X's own entries (ε·|X|) already moves A·X·A by
 * ε·κ·‖A‖, so no floating-point A⁺ does better (products here in double-double add nothing).
 */
function penrose(A: Dense, X: Dense): [number, number, number, number] {
  const p = unitExponent(A.a);
  const As = scaledBy(A, p);
  const Xs = scaledBy(X, -p);
  const P = Math.max(A.m, A.n);
  const kappa = Math.max(1, norm1(As) * norm1(Xs));
  const AX = mulDD(As, Xs);
  const XA = mulDD(Xs, As);
  return [
    ratio(norm1(mulDD(AX, As, As)), norm1(As), P, EPS, kappa),
    ratio(norm1(mulDD(XA, Xs, Xs)), norm1(Xs), P, EPS, kappa),
    ratio(norm1(sub(AX, tr(AX))), P, EPS, kappa),
    ratio(norm1(sub(XA, tr(XA))), P, EPS, kappa),
  ];
}

const PINV_TYPES: SvdType[] = [
  'zero', 'identity', 'diagonal', 'clustered', 'geometric', 'arithmetic', 'rank deficient', 'random', 'graded', 'near overflow', 'near underflow',
];

describe.each(BCS)('pinv — $name', (bc) => {
  it('Penrose conditions (AXA = A, XAX = X, AX and XA symmetric) as scaled ratios < 30; shape n×m', () => {
    withTuning(bc.tuning, () => {
      for (const [m, n] of [[1, 1], [1, 7], [7, 1], [37, 13], [13, 37], [33, 33]] as const) {
        for (const type of PINV_TYPES) {
          const T = svdTestMatrix(type, m, n, 41 * m + n);
          const label = `pinv ${type} ${m}×${n}, ${bc.name}`;
          // the default cut (σ ≤ max(m, n)·ε·σ₀ dropped) and a coarser one (κ of what is kept ≤ 1e8,
          // where the Penrose ratios are informative for the ill-conditioned types too)
          const r = onBoth(label, () => guarded(label, [T.A], [], ([M]) => ({ X: pinv(M!), X8: pinv(M!, { rtol: 1e-8 }) })));
          for (const [X, cut] of [[r.X, 'default rtol'], [r.X8, 'rtol 1e-8']] as const) {
            expect([X.m, X.n], label).toEqual([n, m]);
            const [r1, r2, r3, r4] = penrose(T.A, X);
            expectRatio(`${label}, ${cut}: ‖AXA − A‖₁/(‖A‖₁·p·ε·κ)`, r1, `pinv AXA ${type}`);
            expectRatio(`${label}, ${cut}: ‖XAX − X‖₁/(‖X‖₁·p·ε·κ)`, r2, `pinv XAX ${type}`);
            expectRatio(`${label}, ${cut}: ‖AX − (AX)ᵀ‖₁/(p·ε·κ)`, r3, `pinv AX sym ${type}`);
            expectRatio(`${label}, ${cut}: ‖XA − (XA)ᵀ‖₁/(p·ε·κ)`, r4, `pinv XA sym ${type}`);
            if (type === 'zero') expect(X.a.every((v) => v === 0), `${label}: pinv(0) = 0`).toBe(true);
          }
        }
      }
    });
  });
});

describe('pinv: the cut, inverses, edges', () => {
  it('rtol cut: σ ≤ rtol·σ₀ dropped — X = V_r·Σ_r⁻¹·U_rᵀ of the known factors, trace(X·A) = r', () => {
    const m = 12;
    const n = 7;
    const { A, U, V, sigma } = known(m, n, [1, 0.5, 1e-3, 1e-9, 1e-13], 5);
    for (const [rtol, r] of [[undefined, 5], [1e-6, 3], [1e-10, 4], [0.7, 1], [2, 0]] as const) {
      const label = `pinv rtol=${rtol}`;
      const { X } = onBoth(label, () => guarded(label, [A], [], ([M]) => ({ X: pinv(M!, rtol === undefined ? {} : { rtol }) })));
      // reference V_r·Σ_r⁻¹·U_rᵀ
      const Xref = dense(n, m);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) {
          let s = 0;
          for (let l = 0; l < r; l++) s += (V.a[i * n + l]! / sigma[l]!) * U.a[j * m + l]!;
          Xref.a[i * m + j] = s;
        }
      }
      const kappa = r === 0 ? 1 : sigma[0]! / sigma[r - 1]!;
      expectRatio(`${label}: ‖X − V_rΣ_r⁻¹U_rᵀ‖₁/(‖X_r‖₁·p·ε·κ_r)`, ratio(norm1(sub(X, Xref)), Math.max(norm1(Xref), 1), m, EPS, kappa), 'pinv cut vs known factors');
      const XA = mulDD(X, A);
      let trace = 0;
      for (let i = 0; i < n; i++) trace += XA.a[i * n + i]!;
      expectRatio(`${label}: |trace(XA) − r|/(p·ε·κ_r·max(r, 1))`, ratio(Math.abs(trace - r), m, EPS, kappa, Math.max(r, 1)), 'pinv trace(XA) = r');
    }
  });

  it('an invertible square A: pinv(A) = A⁻¹ (Gauss–Jordan) within 30·n·ε·κ₁; empty shapes; bad rtol', () => {
    for (const [n, c] of [[1, 1], [5, 1e2], [17, 1e6]] as const) {
      const { A } = known(n, n, Array.from(geometric(n, c)), n);
      const Ai = inverse(A);
      const kappa = norm1(A) * norm1(Ai);
      const { X } = onBoth(`pinv inv ${n}`, () => on('pinv inv', A, (M) => ({ X: pinv(M) })));
      expectRatio(`pinv = inv ${n}×${n} κ≈${c}: ‖X − A⁻¹‖₁/(‖A⁻¹‖₁·n·ε·κ₁)`, ratio(norm1(sub(X, Ai)), norm1(Ai), n, EPS, kappa), 'pinv vs inverse');
    }
    for (const [m, n] of [[0, 0], [0, 3], [3, 0]] as const) {
      const { X } = onBoth(`pinv ${m}×${n}`, () => guarded('empty', [dense(m, n)], [], ([M]) => ({ X: pinv(M!) })));
      expect([X.m, X.n]).toEqual([n, m]);
    }
    for (const be of BACKENDS) {
      onBackend(be, () => {
        expectError(RangeError, 'rtol < 0', () => pinv([[1, 2], [3, 4]], { rtol: -1 }), /rtol/);
        expectError(RangeError, 'rtol NaN', () => pinv([[1, 2], [3, 4]], { rtol: NaN }), /rtol/);
        expectLinAlgError('pinv NaN', () => pinv([[1, NaN], [3, 4]]), 'not-finite');
      });
    }
  });
});

// ---- matrixRank -------------------------------------------------------------------------------------------

describe('matrixRank', () => {
  it('known ranks: zero, identity, diagonal, U·Σ·Vᵀ with exact zeros, integer X·Y products, full-rank random', () => {
    for (const bc of BCS) {
      withTuning(bc.tuning, () => {
        for (const [m, n] of [[0, 3], [3, 0], [1, 1], [1, 7], [7, 1], [37, 13], [13, 37], [33, 33]] as const) {
          const k = Math.min(m, n);
          const cases: [string, Dense, number][] = [
            ['zero', dense(m, n), 0],
            ['identity', eye(m, n), k],
            ['diagonal', svdTestMatrix('diagonal', m, n, 3).A, k],
            ['rank deficient', svdTestMatrix('rank deficient', m, n, 4).A, Math.ceil(k / 2)],
            ['random', svdTestMatrix('random', m, n, 5).A, k],
          ];
          for (const r of [1, 2, 5]) if (r < k) cases.push([`integer rank ${r}`, integerLowRank(m, n, r, r * m + n), r]);
          for (const [name, A, r] of cases) {
            const label = `matrixRank ${name} ${m}×${n}, ${bc.name}`;
            const got = onBoth(label, () => guarded(label, [A], [], ([M]) => ({ r: matrixRank(M!) }))).r;
            expect(got, label).toBe(r);
          }
        }
      });
    }
  });

  it("numpy's default tol σ₀·max(m, n)·ε, on exact diagonals either side of it; the tol option counts σ > tol", () => {
    const p = 5;
    const t = p * EPS;
    for (const [d, r] of [[[1, 10 * t, 0.5], 3], [[1, 0.5 * t, 0.5], 2], [[2, 2 * 0.9 * t, 2 * 1.1 * t], 2], [[0, 0, 0], 0]] as const) {
      const A = diagonal(5, 3, [...d]);
      expect(onBoth(`rank diag ${d}`, () => on('rank diag', A, (M) => ({ r: matrixRank(M) }))).r, `diag(${d})`).toBe(r);
    }
    const A = diagonal(4, 4, [1, 1e-3, 1e-6, 1e-9]);
    for (const [tol, r] of [[1e-3, 1], [1e-4, 2], [1e-7, 3], [0, 4], [1, 0]] as const) {
      expect(onBoth(`rank tol ${tol}`, () => on('rank tol', A, (M) => ({ r: matrixRank(M, { tol }) }))).r, `tol ${tol}`).toBe(r);
    }
    for (const be of BACKENDS) onBackend(be, () => expectLinAlgError('rank Inf', () => matrixRank([[1, Infinity]]), 'not-finite'));
  });
});

// ---- cond ---------------------------------------------------------------------------------------------------

describe('cond', () => {
  it('p = 2: σmax/σmin within 30·p·ε·κ relative of the known κ, any shape; exact for identity and diagonals', () => {
    for (const bc of BCS) {
      withTuning(bc.tuning, () => {
        for (const [m, n] of [[1, 1], [1, 7], [7, 1], [37, 13], [13, 37], [33, 33]] as const) {
          const k = Math.min(m, n);
          for (const c of [1e3, 1e7, 1e12]) {
            const { A, sigma } = known(m, n, Array.from(geometric(k, c)), m * 3 + n);
            const label = `cond 2 κ=${c} ${m}×${n}, ${bc.name}`;
            const got = onBoth(label, () => guarded(label, [A], [], ([M]) => ({ c: cond(M!) }))).c;
            const kappa = sigma[0]! / sigma[k - 1]!;
            expectRatio(`${label}: |κ̂ − κ|/(κ·p·ε·κ)`, ratio(Math.abs(got - kappa), kappa, Math.max(m, n), EPS, kappa), 'cond 2 vs known');
          }
          const D = svdTestMatrix('diagonal', m, n, 9);
          const gotD = onBoth('cond diag', () => on('cond diag', D.A, (M) => ({ c: cond(M) }))).c;
          expect(gotD, `cond diagonal ${m}×${n}`).toBe(D.sigma[0]! / D.sigma[k - 1]!);
          expect(onBoth('cond eye', () => on('cond eye', eye(m, n), (M) => ({ c: cond(M) }))).c, `cond I ${m}×${n}`).toBe(1);
        }
      });
    }
  });

  it('singular: ∞ for exact zeros (zero matrix, a zero on a diagonal) with every p; huge for a numerically singular A', () => {
    const Z = dense(4, 4);
    const D0 = diagonal(4, 4, [3, 0, 1, 2]);
    for (const p of [2, 1, Infinity, 'fro'] as const) {
      for (const [name, A] of [['zero', Z], ['diag with 0', D0]] as const) {
        expect(onBoth(`cond ${name} p=${p}`, () => guarded('c', [A], [], ([M]) => ({ c: cond(M!, p) }))).c, `cond ${name} p=${String(p)}`).toBe(Infinity);
      }
    }
    expect(onBoth('cond 3×5 zero', () => on('cond zero', dense(3, 5), (M) => ({ c: cond(M) }))).c).toBe(Infinity);
    const R = integerLowRank(9, 9, 4, 1);
    const c = onBoth('cond rank 4', () => on('cond rank 4', R, (M) => ({ c: cond(M) }))).c;
    expect(c, 'cond of a rank-4 9×9').toBeGreaterThan(1 / (THRESH * 9 * EPS));
  });

  it("p = 1, ∞, 'fro': ‖A‖·‖A⁻¹‖ of a Gauss–Jordan inverse within 30·n·ε·κ₁ relative", () => {
    for (const n of [1, 5, 17]) {
      for (const c of [1e2, 1e8]) {
        const { A } = known(n, n, Array.from(geometric(n, c)), 7 * n);
        const Ai = inverse(A);
        const kappa1 = norm1(A) * norm1(Ai);
        const refs: [1 | typeof Infinity | 'fro', number][] = [
          [1, norm1(A) * norm1(Ai)],
          [Infinity, norm1(tr(A)) * norm1(tr(Ai))],
          ['fro', fro(A) * fro(Ai)],
        ];
        for (const [p, want] of refs) {
          const got = onBoth(`cond p=${p} ${n}`, () => guarded('c', [A], [], ([M]) => ({ c: cond(M!, p) }))).c;
          expectRatio(`cond p=${String(p)} n=${n} κ≈${c}: |ĉ − c|/(c·n·ε·κ₁)`, ratio(Math.abs(got - want), want, n, EPS, kappa1), `cond ${String(p)} vs inverse`);
        }
      }
    }
  });

  it('bad arguments: RangeError for an unknown p, a non-square A with p ≠ 2, an empty A; NaN → not-finite', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        expectError(RangeError, 'p = 3', () => cond([[1, 0], [0, 1]], 3 as never), /unsupported p/);
        expectError(RangeError, 'p = 1 on 2×3', () => cond([[1, 0, 0], [0, 1, 0]], 1), /square/);
        on('cond empty', dense(0, 3), (M) => expectError(RangeError, 'empty', () => cond(M), /empty/));
        expectLinAlgError('cond NaN', () => cond([[1, NaN], [0, 1]]), 'not-finite');
        expect(cond([[1, 0, 0], [0, 2, 0]]), 'p = 2 on 2×3').toBe(2);
      });
    }
  });
});

// ---- norm 2 and nuclear -----------------------------------------------------------------------------------

describe("norm(A, 2) and norm(A, 'nuc')", () => {
  it('2 = σ₀ and nuc = Σσ: bit for bit the svdvals route, within 30·p·ε·Σσ of the known spectrum; norm inequalities', () => {
    for (const [m, n] of [[1, 1], [1, 7], [7, 1], [37, 13], [13, 37], [33, 33]] as const) {
      for (const type of ['geometric', 'arithmetic', 'rank deficient', 'near overflow', 'near underflow', 'identity', 'diagonal'] as SvdType[]) {
        const T = svdTestMatrix(type, m, n, 13 * m + n);
        const label = `norm ${type} ${m}×${n}`;
        const r = onBoth(label, () => guarded(label, [T.A], [], ([M]) => ({
          two: norm(M!, 2), nuc: norm(M!, 'nuc'), f: norm(M!, 'fro'), s: svdvals(M!),
        })));
        expect(r.two, `${label}: norm 2 = svdvals[0]`).toBe(r.s[0]!);
        let sum = 0;
        for (let i = r.s.length - 1; i >= 0; i--) sum += r.s[i]!;
        expect(r.nuc, `${label}: nuc = Σ svdvals (smallest first)`).toBe(sum);
        const total = T.sigma.reduce((a, b) => a + b, 0);
        const P = Math.max(m, n);
        expectRatio(`${label}: |‖A‖₂ − σ₀|/(p·ε·σ₀)`, ratio(Math.abs(r.two - T.sigma[0]!), P, EPS, T.sigma[0]!), 'norm 2 vs known');
        expectRatio(`${label}: |‖A‖_* − Σσ|/(p·ε·Σσ)`, ratio(Math.abs(r.nuc - total), P, EPS, total), 'norm nuc vs known');
        const slack = 1 + THRESH * P * EPS;
        expect(r.two <= r.f * slack && r.f <= r.nuc * slack, `${label}: ‖A‖₂ ≤ ‖A‖_F ≤ ‖A‖_*`).toBe(true);
        const rank = Math.min(m, n);
        expect(r.nuc <= Math.sqrt(rank) * r.f * slack, `${label}: ‖A‖_* ≤ √k·‖A‖_F`).toBe(true);
      }
    }
  });

  it('NaN → NaN and ±Inf → Inf without throwing (IEEE, like the other norms); empty → 0', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        for (const ord of [2, 'nuc'] as const) {
          expect(norm([[1, NaN], [2, 3]], ord), `${be} ${ord} NaN`).toBeNaN();
          expect(norm([[1, -Infinity], [2, 3]], ord), `${be} ${ord} -Inf`).toBe(Infinity);
          expect(norm([[NaN, Infinity], [2, 3]], ord), `${be} ${ord} NaN and Inf`).toBeNaN();
          expect(on('0×3', dense(0, 3), (M) => norm(M, ord)), `${be} ${ord} 0×3`).toBe(0);
          expect(on('4×0', dense(4, 0), (M) => norm(M, ord)), `${be} ${ord} 4×0`).toBe(0);
        }
      });
    }
  });
});

// ---- the four fundamental subspaces ----------------------------------------------------------------------

/** ‖A·B‖₁ / (‖A‖₁·p·ε) for A·B that should vanish (B orthonormal columns), on 2^k·A. */
function annihilates(A: Dense, B: Dense): number {
  if (B.n === 0 || A.m === 0) return 0;
  const As = scaledBy(A, unitExponent(A.a));
  return ratio(norm1(mul(As, B)), norm1(As), Math.max(A.m, A.n), EPS);
}

/** ‖A − Q·(Qᵀ·A)‖₁ / (‖A‖₁·p·ε): Q's columns span the columns of A. */
function spans(A: Dense, Q: Dense): number {
  if (A.m === 0 || A.n === 0) return 0;
  const As = scaledBy(A, unitExponent(A.a));
  return ratio(norm1(sub(As, mul(Q, mul(tr(Q), As)))), norm1(As), Math.max(A.m, A.n), EPS);
}

describe('nullSpace / orth / subspaces', () => {
  it('orthonormal bases of dimensions r, n − r, r, m − r; A·N ≈ 0, Aᵀ·L ≈ 0; C(A) ⊥ N(Aᵀ), C(Aᵀ) ⊥ N(A); they span', () => {
    for (const bc of BCS) {
      withTuning(bc.tuning, () => {
        for (const [m, n] of [[0, 3], [3, 0], [1, 1], [1, 7], [7, 1], [37, 13], [13, 37], [33, 33]] as const) {
          const k = Math.min(m, n);
          const cases: [string, Dense, number][] = [
            ['zero', dense(m, n), 0],
            ['identity', eye(m, n), k],
            ['rank deficient', svdTestMatrix('rank deficient', m, n, 21).A, Math.ceil(k / 2)],
            ['random', svdTestMatrix('random', m, n, 22).A, k],
            ['near underflow', svdTestMatrix('near underflow', m, n, 23).A, k],
          ];
          for (const r of [1, 3]) if (r < k) cases.push([`integer rank ${r}`, integerLowRank(m, n, r, 5 * r + m), r]);
          for (const [name, A, r] of cases) {
            const label = `subspaces ${name} ${m}×${n}, ${bc.name}`;
            const s = onBoth(label, () => guarded(label, [A], [], ([M]) => {
              const f = subspaces(M!);
              const { rank, columnSpace, nullSpace: ns, rowSpace, leftNullSpace } = f;
              return { rank, columnSpace, nullSpace: ns, rowSpace, leftNullSpace, N: nullSpace(M!), O: orth(M!) };
            }));
            expect(s.rank, `${label}: rank`).toBe(r);
            expect([s.columnSpace.m, s.columnSpace.n, s.nullSpace.m, s.nullSpace.n, s.rowSpace.m, s.rowSpace.n, s.leftNullSpace.m, s.leftNullSpace.n], `${label}: dimensions`)
              .toEqual([m, r, n, n - r, n, r, m, m - r]);
            expectBitwise(`${label}: nullSpace() = subspaces().nullSpace`, s.N.a, s.nullSpace.a);
            expectBitwise(`${label}: orth() = subspaces().columnSpace`, s.O.a, s.columnSpace.a);
            for (const [B, what] of [[s.columnSpace, 'C(A)'], [s.nullSpace, 'N(A)'], [s.rowSpace, 'C(Aᵀ)'], [s.leftNullSpace, 'N(Aᵀ)']] as const) {
              expectRatio(`${label}: ${what} orthonormal, ‖BᵀB − I‖₁/(dim·ε)`, orthColsRatio(B), 'subspaces orthonormal');
            }
            expectRatio(`${label}: ‖A·N‖₁/(‖A‖₁·p·ε)`, annihilates(A, s.nullSpace), 'subspaces A·N');
            expectRatio(`${label}: ‖Aᵀ·L‖₁/(‖A‖₁·p·ε)`, annihilates(tr(A), s.leftNullSpace), 'subspaces Aᵀ·L');
            expectRatio(`${label}: ‖Cᵀ·L‖₁/(m·ε)`, ratio(norm1(mul(tr(s.columnSpace), s.leftNullSpace)), Math.max(1, m), EPS), 'subspaces C ⊥ L');
            expectRatio(`${label}: ‖Rᵀ·N‖₁/(n·ε)`, ratio(norm1(mul(tr(s.rowSpace), s.nullSpace)), Math.max(1, n), EPS), 'subspaces R ⊥ N');
            expectRatio(`${label}: ‖A − CCᵀA‖₁/(‖A‖₁·p·ε)`, spans(A, s.columnSpace), 'subspaces C spans');
            expectRatio(`${label}: ‖Aᵀ − RRᵀAᵀ‖₁/(‖A‖₁·p·ε)`, spans(tr(A), s.rowSpace), 'subspaces R spans');
          }
        }
      });
    }
  });

  it('rtol: σ ≤ rtol·σ₀ counts as zero; ‖A·N‖₂ is then the largest dropped σ (one-sided Jacobi of A·N)', () => {
    const { A, sigma } = known(20, 9, [1, 1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12, 1e-14, 1e-16], 3);
    for (const [rtol, r] of [[1e-3, 2], [1e-7, 4], [1e-11, 6]] as const) {
      const label = `subspaces rtol=${rtol}`;
      const s = onBoth(label, () => guarded(label, [A], [], ([M]) => ({ ...subspaces(M!, { rtol }), N: nullSpace(M!, { rtol }), O: orth(M!, { rtol }) })));
      expect([s.rank, s.N.n, s.O.n], label).toEqual([r, 9 - r, r]);
      const an = jacobiSvals(mul(A, s.N))[0]!;
      expectRatio(`${label}: |‖A·N‖₂ − σ_r|/(p·ε·σ₀)`, ratio(Math.abs(an - sigma[r]!), 20, EPS, sigma[0]!), 'subspaces rtol ‖AN‖₂');
    }
  });
});

// ---- lowRank ---------------------------------------------------------------------------------------------

describe('lowRank (Eckart–Young)', () => {
  it('errorFro = ‖A − A_k‖_F = √(Σ_{i≥k} σᵢ²) and error2 = ‖A − A_k‖₂ = σ_k, from the residual formed here; rank(A_k) = k', () => {
    for (const bc of BCS) {
      withTuning(bc.tuning, () => {
        for (const [m, n] of [[1, 7], [7, 1], [37, 13], [13, 37], [33, 33]] as const) {
          const kk = Math.min(m, n);
          for (const type of ['geometric', 'arithmetic', 'rank deficient', 'random', 'near overflow'] as SvdType[]) {
            const T = svdTestMatrix(type, m, n, 7 * m + 3 * n);
            const sigRef = T.sigma; // the known spectrum, or one-sided Jacobi for 'random'
            const P = Math.max(m, n);
            const aF = fro(T.A);
            for (const k of [0, 1, 3, Math.ceil(kk / 2), kk, kk + 2]) {
              const label = `lowRank ${type} ${m}×${n} k=${k}, ${bc.name}`;
              const r = onBoth(label, () => guarded(label, [T.A], [], ([M]) => {
                const f = lowRank(M!, k);
                return { approx: f.approx, errorFro: f.errorFro, error2: f.error2, s: f.s, rank: matrixRank(f.approx) };
              }));
              const R = sub(T.A, r.approx);
              const rF = nrm2Ref(R.a);
              const r2 = jacobiSvals(R)[0] ?? 0;
              const tail = nrm2Ref(sigRef.subarray(Math.min(k, kk)));
              const sk = k < kk ? sigRef[k]! : 0;
              expectRatio(`${label}: |errorFro − ‖A − A_k‖_F|/(p·ε·‖A‖_F)`, ratio(Math.abs(r.errorFro - rF), P, EPS, aF), 'lowRank errorFro vs residual');
              expectRatio(`${label}: |error2 − ‖A − A_k‖₂|/(p·ε·‖A‖_F)`, ratio(Math.abs(r.error2 - r2), P, EPS, aF), 'lowRank error2 vs residual');
              expectRatio(`${label}: |errorFro − √Σσᵢ²|/(p·ε·‖A‖_F)`, ratio(Math.abs(r.errorFro - tail), P, EPS, aF), 'lowRank errorFro vs known');
              expectRatio(`${label}: |error2 − σ_k|/(p·ε·‖A‖_F)`, ratio(Math.abs(r.error2 - sk), P, EPS, aF), 'lowRank error2 vs known');
              expect(r.error2, `${label}: error2 = s[k]`).toBe(r.s[k] ?? 0);
              // numerical rank of A from the reference σ (σᵢ > σ₀·p·ε), asserted only away from the threshold
              const tol = sigRef[0]! * P * EPS;
              const numRank = sigRef.filter((v) => v > tol).length;
              if (sigRef.every((v) => v === 0 || v > 10 * tol || v < tol / 10)) expect(r.rank, `${label}: rank(A_k)`).toBe(Math.min(k, numRank));
              if (k >= kk) expectRatio(`${label}: ‖A − A_k‖_F/(p·ε·‖A‖_F) at k ≥ min(m,n)`, ratio(rF, P, EPS, aF), 'lowRank exact at full k');
              if (k === 0) expect(r.approx.a.every((v) => v === 0), `${label}: A_0 = 0`).toBe(true);
            }
          }
        }
      });
    }
  });

  it('k must be an integer ≥ 0 (RangeError); empty shapes', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        for (const k of [-1, 1.5, NaN]) expectError(RangeError, `k=${k}`, () => lowRank([[1, 2]], k), /k must be/);
        on('lowRank 0×3', dense(0, 3), (M) => {
          const f = lowRank(M, 2);
          expect([f.approx.rows, f.approx.cols, f.errorFro, f.error2, f.s.length]).toEqual([0, 3, 0, 0, 0]);
          f.approx.dispose();
        });
      });
    }
  });
});

// ---- pca ---------------------------------------------------------------------------------------------------

function centred(X: Dense): { Xc: Dense; mean: Float64Array } {
  const mean = new Float64Array(X.n);
  for (let j = 0; j < X.n; j++) {
    let t = 0;
    for (let i = 0; i < X.m; i++) t += X.a[i * X.n + j]!;
    mean[j] = t / X.m;
  }
  return { Xc: dense(X.m, X.n, X.a.map((v, t) => v - mean[t % X.n]!)), mean };
}

describe('pca', () => {
  it('components orthonormal and signed; variance σ²/(m − 1) = top eigenvalues of the covariance (eigh); scores = X_c·Cᵀ; ratios', () => {
    for (const bc of BCS) {
      withTuning(bc.tuning, () => {
        for (const [m, n] of [[40, 9], [9, 40], [33, 33], [2, 5], [12, 1]] as const) {
          const X = samples(m, n, m * n);
          const { Xc, mean } = centred(X);
          const kmax = Math.min(m, n);
          const P = Math.max(m, n);
          // the covariance and its eigen-decomposition: an independent route (tridiagonal QR, no SVD)
          const C = mulDD(tr(Xc), Xc);
          const cov = dense(n, n, C.a.map((v) => v / Math.max(1, m - 1)));
          for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) cov.a[j * n + i] = cov.a[i * n + j]!;
          const eig = onBoth('eigh cov', () => on('eigh cov', cov, (M) => {
            const e = eigh(M);
            return { values: e.values, vectors: e.vectors };
          }));
          const lmax = Math.max(...Array.from(eig.values, Math.abs));
          const xcNorm = norm1(Xc);
          for (const k of [1, Math.ceil(kmax / 2), kmax]) {
            const label = `pca ${m}×${n} k=${k}, ${bc.name}`;
            const r = onBoth(label, () => guarded(label, [X], [], ([M]) => ({ ...pca(M!, { k }) })));
            expect([r.components.m, r.components.n, r.scores.m, r.scores.n, r.explainedVariance.length], `${label}: shapes`).toEqual([k, n, m, k, k]);
            expectRatio(`${label}: components orthonormal, ‖CCᵀ − I‖₁/(n·ε)`, orthRowsRatio(r.components), 'pca components orthonormal');
            const row = signConventionHolds(r.components);
            if (row >= 0) assert.fail(`${label}: component ${row} breaks the sign convention`);
            // mean and centring
            let dm = 0;
            for (let j = 0; j < n; j++) dm = Math.max(dm, Math.abs(r.mean[j]! - mean[j]!) / (m * EPS * Math.max(...X.a.filter((_, t) => t % n === j).map(Math.abs))));
            expectRatio(`${label}: |mean − column means|/(m·ε·max|x|)`, dm, 'pca mean');
            // variance σ²/(m − 1) against the eigenvalues of the covariance
            let dv = 0;
            for (let i = 0; i < k; i++) {
              expect(r.explainedVariance[i], `${label}: variance ${i} = σ²/(m − 1)`).toBe(r.singularValues[i]! ** 2 / Math.max(1, m - 1));
              dv = Math.max(dv, Math.abs(r.explainedVariance[i]! - eig.values[n - 1 - i]!));
            }
            expectRatio(`${label}: max|var − λ(cov)|/(p·ε·λmax)`, ratio(dv, P, EPS, lmax), 'pca variance vs eigh');
            // components vs eigenvectors: sin∠ ≤ c·p·ε·λmax / gap
            for (let i = 0; i < k && i < m - 1; i++) {
              const lam = eig.values[n - 1 - i]!;
              const gap = Math.min(i > 0 ? eig.values[n - i]! - lam : Infinity, i + 1 < n ? lam - eig.values[n - 2 - i]! : Infinity);
              // ‖cᵢ − ±zᵢ‖₂ = 2·sin(∠/2) (not √(1 − cos²), which cannot see an angle below √ε)
              let c = 0;
              for (let j = 0; j < n; j++) c += r.components.a[i * n + j]! * eig.vectors.a[j * n + (n - 1 - i)]!;
              const sg = c < 0 ? -1 : 1;
              const sin = nrm2Ref(Array.from({ length: n }, (_, j) => r.components.a[i * n + j]! - sg * eig.vectors.a[j * n + (n - 1 - i)]!));
              expectRatio(`${label}: component ${i} vs eigenvector, sin∠/(p·ε·λmax/gap)`, ratio(sin, P, EPS, lmax / gap), 'pca components vs eigh');
            }
            // scores = X_c·componentsᵀ
            expectRatio(`${label}: ‖scores − X_c·Cᵀ‖₁/(‖X_c‖₁·p·ε)`, ratio(norm1(sub(r.scores, mulDD(Xc, tr(r.components)))), xcNorm, P, EPS), 'pca scores');
            // ratios
            let sum = 0;
            for (let i = 0; i < k; i++) sum += r.explainedVarianceRatio[i]!;
            expect(sum, `${label}: Σ ratios ≤ 1`).toBeLessThanOrEqual(1 + k * EPS);
            if (k === kmax) expect(Math.abs(sum - 1), `${label}: Σ ratios = 1 at k = min(m, n)`).toBeLessThanOrEqual(THRESH * k * EPS);
          }
        }
      });
    }
  });

  it('center: false is the SVD of X itself, bit for bit (components = leading rows of Vt, scores = U·Σ, mean 0)', () => {
    const X = samples(25, 6, 1);
    const r = onBoth('pca raw', () => guarded('pca raw', [X], [], ([M]) => {
      const p = pca(M!, { center: false, k: 4 });
      const f = svd(M!);
      return { ...p, U: f.U!, s: f.s, Vt: f.Vt! };
    }));
    expectBitwise('singular values', r.singularValues, r.s);
    expectBitwise('components', r.components.a, r.Vt.a.subarray(0, 4 * 6));
    expect(Array.from(r.mean)).toEqual([0, 0, 0, 0, 0, 0]);
    const US = Float64Array.from({ length: 25 * 4 }, (_, t) => r.U.a[Math.floor(t / 4) * 6 + (t % 4)]! * r.s[t % 4]!);
    expectBitwise('scores = U·Σ', r.scores.a, US);
  });

  it('bad k → RangeError; one sample (m = 1: variance divides by 1); NaN → not-finite', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        on('pca bad k', samples(6, 3, 2), (X) => {
          for (const k of [-1, 4, 1.5]) expectError(RangeError, `pca k=${k}`, () => pca(X, { k }), /k must be an integer/);
        });
        const one = pca([[1, 2, 3]]);
        expect(Array.from(one.explainedVariance), 'm = 1, centred: zero variance').toEqual([0]);
        expect(Array.from(one.explainedVarianceRatio)).toEqual([0]);
        one.components.dispose();
        one.scores.dispose();
        expectLinAlgError('pca NaN', () => pca([[1, NaN], [2, 3]]), 'not-finite');
      });
    }
  });
});
