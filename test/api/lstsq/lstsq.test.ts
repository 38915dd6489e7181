/**
 * Least squares — lstsq (ordinary, weighted, generalised) and projection — on LAPACK's matrix types,
 * under the default and four tiny odd blockings, both backends bit for bit.
 *
 * Full column rank (m ≥ n): the normal equations hold to working accuracy — the scaled residual of
 * LAPACK's dqrt17 family, which bounds the backward error of a QR-based solution whatever κ(A) is:
 *
 *   ‖Aᵀ(b − A·x)‖₁ / (‖A‖₁·(‖A‖₁·‖x‖₁ + ‖b‖₁)·max(m, n)·ε) < 30
 *
 * Rank deficient or wide: x is the MINIMUM-NORM solution — compared with the pseudo-inverse solution
 * x⁺ = V_r·Σ_r⁻¹·U_rᵀ·b built in the test from the known SVD (A = U·Σ·Vᵀ of rank r), with x ⟂ null(A)
 * checked directly; on exactly zero columns x is exactly 0; for wide full-row-rank A, x⁺ = Aᵀ(AAᵀ)⁻¹b
 * by a reference inverse. Forward-error tolerances are κ-scaled (Golub & Van Loan 4th ed. §5.3.7:
 * ‖δx‖/‖x‖ ≲ ε·(κ + κ²·‖r‖/(‖A‖‖x‖))).
 *
 * Weights: w = 4^k equals scaling the rows by 2^k bit for bit; integer weights equal duplicating rows;
 * all-ones weights and V = I change nothing. Covariance: V = diag(4^k) equals weights 4^−k bit for bit,
 * a general diagonal V equals weights 1/vᵢ, and a full SPD V matches x̂ = (AᵀV⁻¹A)⁻¹AᵀV⁻¹b evaluated
 * in the test. projection: P = Pᵀ = P², P·A = A, trace P = rank, P·b = A·x.
 */
import { describe, it, expect } from 'vitest';
import { LinAlgError, lstsq, projection } from '../../../bindings/index.js';
import { onBackend, BACKENDS, onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import {
  column, columns, cond1, dense, eye, inverse, mul, mulv, norm1, ratio, rowsOf, sub, tr, vnorm1, vnorm2, type Dense,
} from '../../util/dense.js';
import { geometric, integerSpd, lapackMatrix, randn, spdMatrix, svdMatrix, Rng, type TypeName } from '../../util/lapack-types.js';
import { EPS } from '../../util/tolerance.js';
import { THRESH, expectRatio } from '../../util/ratios.js';
import { expectLinAlgError, expectError } from '../../util/errors.js';
import { withTuning, TUNINGS } from '../../util/engines.js';

setupLapackSuite('api/lstsq');

const vsub = (a: ArrayLike<number>, b: ArrayLike<number>): Float64Array => Float64Array.from(a, (v, i) => v - b[i]!);

/** The scaled normal-equation residual of x for min ‖A·x − b‖. */
function normalRatio(A: Dense, x: ArrayLike<number>, b: ArrayLike<number>): number {
  const r = vsub(b, mulv(A, x));
  const atr = mulv(tr(A), r);
  const an = norm1(A);
  // ‖A‖·(‖A‖‖x‖ + ‖b‖) as ‖A‖·‖A‖·(‖x‖ + ‖b‖/‖A‖): no overflow for ‖A‖ ≈ 1e292.
  return ratio(vnorm1(atr), an, an, vnorm1(x) + ratio(vnorm1(b), an), Math.max(1, A.m, A.n), EPS);
}

function randVec(seed: number, m: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: m }, () => rng.normal());
}

const FULL_RANK_SHAPES: readonly (readonly [number, number])[] = [[1, 1], [2, 1], [7, 2], [16, 7], [17, 16], [33, 7], [33, 17], [33, 33]];
const FULL_RANK_TYPES: readonly TypeName[] = [
  'identity', 'diagonal', 'upper', 'lower', 'random', 'cond 1e7', 'cond 1e14', 'near overflow', 'near underflow', 'graded',
];

describe.each(TUNINGS)('lstsq on LAPACK matrix types — $name', (bc) => {
  it('full column rank: normal-equation ratio < 30 (vector and 3 right-hand sides), rank, residuals; wasm ≡ js', () => {
    withTuning(bc.tuning, () => {
      for (const [m, n] of FULL_RANK_SHAPES) {
        const b = randVec(m * 13 + n, m);
        const B = randn(new Rng(m + 5 * n), m, 3);
        for (const name of FULL_RANK_TYPES) {
          const T = lapackMatrix(name, m, n, 17 * m + n);
          const label = `${name} ${m}×${n}, ${bc.name}`;
          const r = onBoth(label, () => guarded(label, [T.A, B], [b], ([M, BM], [v]) => {
            const o = lstsq(M!, v!);
            const O = lstsq(M!, BM!);
            return { x: o.x, res: o.residuals, rank: o.rank, X: O.x, RES: O.residuals, RANK: O.rank };
          }));
          expectRatio(`lstsq ‖Aᵀr‖ ${label}`, normalRatio(T.A, r.x, b), `lstsq ‖Aᵀr‖ ${name}`);
          for (let c = 0; c < 3; c++) expectRatio(`lstsq ‖Aᵀr‖ column ${c} ${label}`, normalRatio(T.A, column(r.X, c), column(B, c)), `lstsq ‖Aᵀr‖ ${name}`);
          if (name !== 'cond 1e14') expect([r.rank, r.RANK], `${label}: rank`).toEqual([n, n]);
          if (r.rank === n && m > n) {
            const x2 = vnorm2(r.x);
            const rr = vnorm2(vsub(b, mulv(T.A, r.x))) ** 2;
            // ‖b − A·x‖² to working accuracy: its error is ≲ m·ε·(‖b‖ + ‖A‖‖x‖)².
            expectRatio(`lstsq residuals ${label}`, ratio(Math.abs(r.res[0]! - rr), (vnorm2(b) + norm1(T.A) * x2) ** 2, m, EPS), 'lstsq residuals');
            expect(r.RES.length).toBe(3);
          } else {
            expect([r.res.length, r.RES.length], `${label}: no residuals unless full rank and m > n (numpy)`).toEqual([0, 0]);
          }
        }
      }
    });
  });

  it('rank deficient and wide: x is the minimum-norm (pseudo-inverse) solution, x ⟂ null(A), rank = r', () => {
    withTuning(bc.tuning, () => {
      for (const [m, n, rk] of [[2, 5, 1], [5, 5, 4], [7, 7, 3], [16, 7, 4], [7, 16, 7], [17, 33, 17], [33, 17, 9], [33, 33, 16]] as const) {
        const kappa = 10;
        const sigma = geometric(rk, kappa);
        const { A, U, V } = svdMatrix(new Rng(m * 7 + n + rk), m, n, sigma);
        const b = randVec(m + n, m);
        // x⁺ = V_r·Σ⁻¹·U_rᵀ·b, the reference, from the construction.
        const c = Float64Array.from({ length: rk }, (_, p) => {
          let s = 0;
          for (let i = 0; i < m; i++) s += U.a[i * m + p]! * b[i]!;
          return s / sigma[p]!;
        });
        const xp = Float64Array.from({ length: n }, (_, j) => {
          let s = 0;
          for (let p = 0; p < rk; p++) s += V.a[j * n + p]! * c[p]!;
          return s;
        });
        const label = `${m}×${n} rank ${rk}, ${bc.name}`;
        const r = onBoth(label, () => guarded(label, [A], [b], ([M], [v]) => {
          const o = lstsq(M!, v!, { rcond: 1e-10 });
          return { x: o.x, rank: o.rank, res: o.residuals };
        }));
        expect(r.rank, `${label}: rank`).toBe(rk);
        if (rk < n) expect(r.res.length).toBe(0);
        const rp = vnorm2(vsub(b, mulv(A, xp)));
        const x2 = vnorm2(xp);
        const mn = Math.max(m, n);
        expectRatio(`lstsq min-norm ‖x − x⁺‖ ${label}`, ratio(vnorm2(vsub(r.x, xp)), x2 + (kappa * rp) / sigma[0]!, kappa, mn, EPS), 'lstsq ‖x − x⁺‖ (rank deficient / wide)');
        // x ⟂ null(A) = span of V's columns r…n−1, and so ‖x‖ ≤ ‖x + z‖ for any null vector z.
        let nullPart = 0;
        const rng = new Rng(rk);
        const z = new Float64Array(n);
        for (let p = rk; p < n; p++) {
          let s = 0;
          for (let j = 0; j < n; j++) s += V.a[j * n + p]! * r.x[j]!;
          nullPart += s * s;
          const g = rng.normal();
          for (let j = 0; j < n; j++) z[j] = z[j]! + g * V.a[j * n + p]!;
        }
        expectRatio(`lstsq x ⟂ null(A) ${label}`, ratio(Math.sqrt(nullPart), vnorm2(r.x), kappa, mn, EPS), 'lstsq x ⟂ null(A)');
        if (rk < n) {
          const zs = vnorm2(z);
          const xz = Float64Array.from(r.x, (v, j) => v + (z[j]! * vnorm2(r.x) * 1e-3) / zs);
          expect(vnorm2(xz) >= vnorm2(r.x), `${label}: ‖x + z‖ ≥ ‖x‖`).toBe(true);
        }
        expectRatio(`lstsq ‖Aᵀr‖ ${label}`, normalRatio(A, r.x, b), 'lstsq ‖Aᵀr‖ rank deficient');
      }
    });
  });

  it('exact rank deficiency at the default rcond: zero columns get exactly 0, the zero matrix x = 0; wide random: x = Aᵀ(AAᵀ)⁻¹b', () => {
    withTuning(bc.tuning, () => {
      for (const [m, n] of [[1, 1], [7, 7], [33, 17], [17, 33], [16, 16], [5, 9]] as const) {
        const b = randVec(m * n + 1, m);
        for (const name of ['zero columns', 'zero', 'identity'] as const) {
          const T = lapackMatrix(name, m, n, m + n);
          const label = `${name} ${m}×${n}, ${bc.name}`;
          const r = onBoth(label, () => guarded(label, [T.A], [b], ([M], [v]) => {
            const o = lstsq(M!, v!);
            return { x: o.x, rank: o.rank };
          }));
          expect(r.rank, `${label}: rank`).toBe(Math.min(m, n - T.zeroCols.length));
          for (const j of T.zeroCols) expect(Math.abs(r.x[j]!), `${label}: x[${j}] on a zero column`).toBe(0);
          expectRatio(`lstsq ‖Aᵀr‖ ${label}`, normalRatio(T.A, r.x, b), `lstsq ‖Aᵀr‖ ${name}`);
        }
        if (m < n) {
          const A = lapackMatrix('random', m, n, 3).A;
          const label = `wide random ${m}×${n}, ${bc.name}`;
          const x = onBoth(label, () => guarded(label, [A], [b], ([M], [v]) => ({ x: lstsq(M!, v!).x }))).x;
          const G = mul(A, tr(A));
          const xp = mulv(tr(A), mulv(inverse(G), b));
          expectRatio(`lstsq wide = Aᵀ(AAᵀ)⁻¹b ${label}`, ratio(vnorm1(vsub(x, xp)), vnorm1(xp), cond1(G), n, EPS), 'lstsq wide min-norm');
        }
      }
    });
  });
});

/** Forward-error scale of a least-squares solution: (‖x‖ + ‖r‖/‖A‖)·κ₁(AᵀA)·m·n·ε (κ² ≤ n·κ₁(AᵀA)). */
function lsForward(A: Dense, x: ArrayLike<number>, b: ArrayLike<number>): number {
  const r = vsub(b, mulv(A, x));
  return (vnorm1(x) + ratio(vnorm1(r), norm1(A))) * cond1(mul(tr(A), A)) * Math.max(1, A.m) * Math.max(1, A.n) * EPS;
}

function rowScaled(A: Dense, s: ArrayLike<number>): Dense {
  return dense(A.m, A.n, A.a.map((v, t) => v * s[Math.floor(t / A.n)]!));
}

describe.each([TUNINGS[0]!, TUNINGS[1]!, TUNINGS[3]!])('weighted and generalised least squares — $name', (bc) => {
  it('weights: 4^k ≡ rows scaled by 2^k (bit for bit); ones ≡ none; integer weights ≡ duplicated rows', () => {
    withTuning(bc.tuning, () => {
      for (const [m, n] of [[7, 3], [17, 7], [33, 16]] as const) {
        const A = lapackMatrix('random', m, n, m).A;
        const b = randVec(m, m);
        const rng = new Rng(n);
        const k = Array.from({ length: m }, () => (rng.u32() % 7) - 3);
        const w4 = Float64Array.from(k, (e) => 4 ** e);
        const s2 = Float64Array.from(k, (e) => 2 ** e);
        const wi = Float64Array.from({ length: m }, (_, i) => (i < n ? 1 + (i % 3) : rng.u32() % 4)); // keep rank n
        const ones = new Float64Array(m).fill(1);
        const label = `${m}×${n}, ${bc.name}`;
        const r = onBoth(label, () => guarded(label, [A, rowScaled(A, s2)], [b, w4, ones, wi, Float64Array.from(b, (v, i) => v * s2[i]!)], ([M, MS], [v, W4, O, WI, vs]) => ({
          x4: lstsq(M!, v!, { weights: W4! }).x, xs: lstsq(MS!, vs!).x,
          x1: lstsq(M!, v!, { weights: O! }).x, x: lstsq(M!, v!).x,
          xi: lstsq(M!, v!, { weights: WI! }).x,
        })));
        expect(Array.from(r.x4), `${label}: weights 4^k vs rows·2^k`).toEqual(Array.from(r.xs));
        expect(Array.from(r.x1), `${label}: unit weights`).toEqual(Array.from(r.x));
        // Duplicate row i wi times (wi = 0 drops it).
        const rows: number[] = [];
        for (let i = 0; i < m; i++) for (let t = 0; t < wi[i]!; t++) rows.push(i);
        const Ad = rowsOf(A, rows);
        const bd = Float64Array.from(rows, (i) => b[i]!);
        const xd = onBoth(`${label} duplicated`, () => guarded(label, [Ad], [bd], ([M], [v]) => ({ x: lstsq(M!, v!).x }))).x;
        expectRatio(`weights ≡ duplicated rows ${label}`, ratio(vnorm1(vsub(r.xi, xd)), lsForward(Ad, xd, bd)), 'lstsq integer weights ≡ duplicated rows');
      }
    });
  });

  it('covariance: diag(4^k) ≡ weights 4^−k (bit for bit); I ≡ none; diag(v) ≈ weights 1/v; full V: x̂ = (AᵀV⁻¹A)⁻¹AᵀV⁻¹b', () => {
    withTuning(bc.tuning, () => {
      for (const [m, n] of [[7, 3], [17, 5], [33, 16]] as const) {
        const A = lapackMatrix('random', m, n, m + 1).A;
        const b = randVec(2 * m, m);
        const rng = new Rng(m);
        const k = Array.from({ length: m }, () => (rng.u32() % 7) - 3);
        const V4 = dense(m, m);
        const Vd = dense(m, m);
        const vd = Float64Array.from({ length: m }, () => 0.5 + 4 * rng.uniform());
        for (let i = 0; i < m; i++) {
          V4.a[i * m + i] = 4 ** k[i]!;
          Vd.a[i * m + i] = vd[i]!;
        }
        const S = spdMatrix('random', m, m + 7).A; // λ ∈ [1, 10]
        const label = `${m}×${n}, ${bc.name}`;
        const r = onBoth(label, () => guarded(label, [A, V4, Vd, S, eye(m)], [b, Float64Array.from(k, (e) => 4 ** -e), Float64Array.from(vd, (v) => 1 / v)], ([M, MV4, MVd, MS, I], [v, w4, wd]) => ({
          xv4: lstsq(M!, v!, { covariance: MV4! }).x, xw4: lstsq(M!, v!, { weights: w4! }).x,
          xI: lstsq(M!, v!, { covariance: I! }).x, x: lstsq(M!, v!).x,
          xvd: lstsq(M!, v!, { covariance: MVd! }).x, xwd: lstsq(M!, v!, { weights: wd! }).x,
          xs: lstsq(M!, v!, { covariance: MS! }).x,
        })));
        expect(Array.from(r.xv4), `${label}: covariance diag(4^k) vs weights 4^−k`).toEqual(Array.from(r.xw4));
        expect(Array.from(r.xI), `${label}: covariance I`).toEqual(Array.from(r.x));
        const sw = Float64Array.from(vd, (v) => 1 / Math.sqrt(v));
        expectRatio(`covariance diag(v) ≈ weights 1/v ${label}`, ratio(vnorm1(vsub(r.xvd, r.xwd)), lsForward(rowScaled(A, sw), r.xwd, Float64Array.from(b, (t, i) => t * sw[i]!))), 'lstsq covariance diag ≈ weights');
        // The explicit GLS formula, evaluated here with a reference inverse.
        const Vi = inverse(S);
        const AtVi = mul(tr(A), Vi);
        const N = mul(AtVi, A);
        const xref = mulv(inverse(N), mulv(AtVi, b));
        // Both sides are accurate to ≲ m·ε·κ(N)·κ(V)·(1 + ‖b_w‖/(‖A_w‖·‖x‖)), ‖A_w‖² ≥ ‖N‖₁/n, ‖b_w‖² = bᵀV⁻¹b.
        const bw = Math.sqrt(Math.abs(b.reduce((s, t, i) => s + t * mulv(Vi, b)[i]!, 0)));
        const aw = Math.sqrt(norm1(N) / n);
        const scale = cond1(N) * cond1(S) * m * EPS * (1 + bw / (aw * vnorm2(xref)));
        expectRatio(`GLS vs explicit formula ${label}`, ratio(vnorm2(vsub(r.xs, xref)), vnorm2(xref), scale), 'lstsq GLS vs (AᵀV⁻¹A)⁻¹AᵀV⁻¹b');
        // And the GLS normal equations Aᵀ·V⁻¹·(b − A·x̂) = 0 at the same scale.
        const rv = mulv(AtVi, vsub(b, mulv(A, r.xs)));
        expectRatio(`GLS normal equations ${label}`, ratio(vnorm2(rv), norm1(AtVi), vnorm1(b) + norm1(A) * vnorm1(r.xs), m, EPS, cond1(S)), 'lstsq GLS normal equations');
      }
    });
  });

  it('projection: P = Pᵀ = P², P·A = A, trace P = rank, P·b = A·lstsq(A, b).x; zero, full-row-rank and empty cases', () => {
    withTuning(bc.tuning, () => {
      const cases: { label: string; A: Dense; rank: number; rcond?: number }[] = [];
      for (const [m, n] of [[7, 3], [17, 16], [33, 7]] as const) {
        for (const name of ['random', 'cond 1e7', 'graded', 'near overflow', 'near underflow'] as const) {
          cases.push({ label: `${name} ${m}×${n}`, A: lapackMatrix(name, m, n, m * n).A, rank: n });
        }
        const z = lapackMatrix('zero columns', m, n, m);
        cases.push({ label: `zero columns ${m}×${n}`, A: z.A, rank: n - z.zeroCols.length });
      }
      for (const [m, n, rk] of [[7, 7, 3], [17, 33, 9], [33, 17, 16]] as const) {
        cases.push({ label: `rank ${rk} ${m}×${n}`, A: svdMatrix(new Rng(rk), m, n, geometric(rk, 10)).A, rank: rk, rcond: 1e-10 });
      }
      cases.push({ label: 'wide 7×16', A: lapackMatrix('random', 7, 16, 1).A, rank: 7 });
      for (const c of cases) {
        const { A } = c;
        const m = A.m;
        const b = randVec(m + 3, m);
        const label = `${c.label}, ${bc.name}`;
        const opt = c.rcond === undefined ? {} : { rcond: c.rcond };
        const r = onBoth(label, () => guarded(label, [A], [b], ([M], [v]) => ({ P: projection(M!, opt), x: lstsq(M!, v!, opt).x })));
        const P = r.P;
        let trace = 0;
        for (let i = 0; i < m; i++) trace += P.a[i * m + i]!;
        expectRatio(`projection P = Pᵀ ${label}`, ratio(norm1(sub(P, tr(P))), m, EPS), 'projection ‖P − Pᵀ‖');
        expectRatio(`projection P = P² ${label}`, ratio(norm1(sub(P, mul(P, P))), m, EPS), 'projection ‖P − P²‖');
        expectRatio(`projection P·A = A ${label}`, ratio(norm1(sub(mul(P, A), A)), m, norm1(A), EPS), 'projection ‖PA − A‖');
        expectRatio(`projection trace = rank ${label}`, ratio(Math.abs(trace - c.rank), m, Math.max(1, c.rank), EPS), 'projection trace');
        const pb = mulv(P, b);
        const ax = mulv(A, r.x);
        // A·x carries the backward error of x: ε·‖A‖·‖x‖, which for ill-conditioned A exceeds ε·‖b‖.
        expectRatio(`projection P·b = A·x ${label}`, ratio(vnorm1(vsub(pb, ax)), vnorm1(b) + norm1(A) * vnorm1(r.x), m, EPS), 'projection P·b = A·x');
        if (c.label.startsWith('wide')) expectRatio(`projection of full row rank = I ${label}`, ratio(norm1(sub(P, eye(m))), m, EPS), 'projection wide = I');
      }
      const Z = onBoth('zero', () => guarded('zero', [dense(5, 3)], [], ([M]) => ({ P: projection(M!) }))).P;
      expect(Array.from(Z.a)).toEqual(new Array(25).fill(0));
    });
  });
});

describe('lstsq and projection: empty shapes as numpy', () => {
  it('m×0, 0×n, 0×0: shapes, rank 0, residuals ‖b‖² only when m > n = rank', () => {
    for (const [m, n] of [[3, 0], [0, 3], [0, 0]] as const) {
      const b = Float64Array.from({ length: m }, (_, i) => i + 1);
      const label = `${m}×${n}`;
      const r = onBoth(label, () => guarded(label, [dense(m, n), dense(m, 2, Float64Array.from({ length: 2 * m }, (_, t) => t))], [b], ([M, BM], [v]) => {
        const o = lstsq(M!, v!);
        const O = lstsq(M!, BM!);
        return { x: o.x, rank: o.rank, res: o.residuals, X: O.x, RES: O.residuals, P: projection(M!) };
      }));
      expect(Array.from(r.x), label).toEqual(new Array(n).fill(0));
      expect(r.rank).toBe(0);
      expect([r.X.m, r.X.n, r.P.m, r.P.n]).toEqual([n, 2, m, m]);
      expect(Array.from(r.P.a)).toEqual(new Array(m * m).fill(0));
      if (m > n) {
        // ‖b‖² of each column ([1, 2, 3]; [0, 2, 4] and [1, 3, 5]), to rounding (the library squares nrm2).
        const want = [14, 0 + 4 + 16, 1 + 9 + 25];
        const got = [r.res[0]!, r.RES[0]!, r.RES[1]!];
        expect([r.res.length, r.RES.length]).toEqual([1, 2]);
        for (let c = 0; c < 3; c++) expectRatio(`residuals of ${label} #${c}`, ratio(Math.abs(got[c]! - want[c]!), want[c]!, m, EPS), 'lstsq residuals, n = 0');
      } else expect([r.res.length, r.RES.length]).toEqual([0, 0]);
    }
  });
});

describe('lstsq: bad input', () => {
  it('shapes, weights, rcond, covariance: RangeError naming them; not-finite; not positive definite covariance (info); inputs untouched', () => {
    const m = 7;
    const n = 3;
    const A = lapackMatrix('random', m, n, 4).A;
    const b = randVec(1, m);
    const { A: V, L0 } = integerSpd(new Rng(2), m);
    const Vbad = dense(m, m, V.a.slice());
    Vbad.a[4 * m + 4] = Vbad.a[4 * m + 4]! - L0.a[4 * m + 4]! ** 2 - 1; // leading minor 5 fails
    for (const be of BACKENDS) {
      onBackend(be, () => {
        guarded(`${be} bad`, [A, V, Vbad, dense(m - 1, m - 1), dense(5, 2)], [b], ([M, MV, MVb, Vs, B5], [v]) => {
          expectError(RangeError, 'b length', () => lstsq(M!, [1, 2]), /2 entries.*7 rows/);
          expectError(RangeError, 'B rows', () => lstsq(M!, B5!), /5×2.*7 rows/);
          expectError(RangeError, 'weights length', () => lstsq(M!, v!, { weights: [1, 2] }), /2 weights for 7 equations \(A is 7×3\)/);
          for (const w of [-1, NaN, Infinity]) {
            const ws = new Array(m).fill(1);
            ws[3] = w;
            expectError(RangeError, `weight ${w}`, () => lstsq(M!, v!, { weights: ws }), new RegExp(`weights\\[3\\] = ${w}`));
          }
          expectError(RangeError, 'both', () => lstsq(M!, v!, { weights: new Array(m).fill(1), covariance: MV! }), /either weights or covariance/);
          expectError(RangeError, 'rcond', () => lstsq(M!, v!, { rcond: -1 }), /rcond/);
          expectError(RangeError, 'covariance shape', () => lstsq(M!, v!, { covariance: Vs! }), /7×7.*6×6/);
          expectLinAlgError('covariance not PD', () => lstsq(M!, v!, { covariance: MVb! }), 'not-positive-definite', 5, /covariance.*5/);
        });
        for (const bad of [NaN, Infinity, -Infinity]) {
          const Ab = dense(m, n, A.a.slice());
          Ab.a[4] = bad;
          const bb = b.slice();
          bb[2] = bad;
          const Vb = dense(m, m, V.a.slice());
          Vb.a[3 * m + 1] = bad;
          guarded(`${be} ${bad}`, [Ab, A, Vb], [bb, b], ([MAb, M, MVb], [vb, v]) => {
            expectLinAlgError('A', () => lstsq(MAb!, v!), 'not-finite', undefined, /checkFinite/);
            expectLinAlgError('b', () => lstsq(M!, vb!), 'not-finite');
            expectLinAlgError('covariance', () => lstsq(M!, v!, { covariance: MVb! }), 'not-finite');
            expectLinAlgError('projection', () => projection(MAb!), 'not-finite');
            // Unchecked: no hang; the bad value reaches the result, or — where the rank cut-off would
            // drop it — the call throws 'not-finite' (test/api/hardening/nonfinite.test.ts covers every entry).
            const unchecked = (f: () => void): void => {
              try {
                f();
              } catch (e) {
                expect(e instanceof LinAlgError && e.code === 'not-finite', String(e)).toBe(true);
              }
            };
            unchecked(() => {
              const x = lstsq(MAb!, v!, { checkFinite: false }).x;
              expect(x.some((t) => !Number.isFinite(t)), `${bad} in A reaches x`).toBe(true);
            });
            const xb = lstsq(M!, vb!, { checkFinite: false }).x;
            expect(xb.some((t) => !Number.isFinite(t)), `${bad} in b reaches x`).toBe(true);
            unchecked(() => {
              using P = projection(MAb!, { checkFinite: false });
              expect(P.toFloat64Array().some((t) => !Number.isFinite(t)), `${bad} in A reaches P`).toBe(true);
            });
          });
        }
      });
    }
  });
});

describe('regression: ±Inf in A with { checkFinite: false } reaches the result', () => {
  // The rank test |R[i,i]| > rcond·|R[0,0]| used to be false for every i when |R[0,0]| = ∞ (pivoted QR
  // puts the Inf column first), so lstsq reported rank 0 and x = 0, and projection returned P = 0 —
  // finite results from non-finite data. A non-finite R[0,0] now counts as full rank.
  const A = [[1, 2, 3], [4, Infinity, 6], [7, 8, 10], [1, 1, 1]];
  it('lstsq: x is not silently finite (rank > 0 or non-finite entries) when A holds Inf', () => {
    const r = lstsq(A, [1, 2, 3, 4], { checkFinite: false });
    expect(r.rank).toBe(3);
    expect(r.x.some((t) => !Number.isFinite(t))).toBe(true);
  });
  it('projection: P is not the zero matrix when A holds Inf', () => {
    using P = projection(A, { checkFinite: false });
    expect(P.toFloat64Array().some((t) => t !== 0)).toBe(true);
  });
});

describe('lstsq checks can fail', () => {
  it('x·(1 + 1e−10) fails the normal-equation ratio; a null-space component fails the min-norm check', () => {
    const T = lapackMatrix('random', 33, 7, 5);
    const b = randVec(9, 33);
    const x = onBoth('x', () => guarded('x', [T.A], [b], ([M], [v]) => ({ x: lstsq(M!, v!).x }))).x;
    expect(normalRatio(T.A, x, b)).toBeLessThan(THRESH);
    expect(normalRatio(T.A, x.map((v) => v * (1 + 1e-10)), b)).toBeGreaterThan(THRESH);
    const { A, V } = svdMatrix(new Rng(1), 7, 16, geometric(7, 10));
    const bw = randVec(3, 7);
    const xw = onBoth('wide', () => guarded('wide', [A], [bw], ([M], [v]) => ({ x: lstsq(M!, v!).x }))).x;
    const G = mul(A, tr(A));
    const xp = mulv(tr(A), mulv(inverse(G), bw));
    const r0 = ratio(vnorm1(vsub(xw, xp)), vnorm1(xp), cond1(G), 16, EPS);
    expect(r0).toBeLessThan(THRESH);
    // Add 1e-10·‖x‖ along a null vector: A·x is unchanged to rounding, but x is no longer the minimum-norm one.
    const zc = column(columns(V, [12]), 0);
    const xz = Float64Array.from(xw, (v, j) => v + 1e-10 * vnorm2(xw) * zc[j]!);
    expect(normalRatio(A, xz, bw)).toBeLessThan(THRESH);
    expect(ratio(vnorm1(vsub(xz, xp)), vnorm1(xp), cond1(G), 16, EPS)).toBeGreaterThan(THRESH);
  });
});
