/**
 * eigh(A, B, { type }) / eigvalsh(A, B, { type }) — the generalised symmetric-definite eigenproblem
 * (type 1: A·x = λ·B·x, 2: A·B·x = λ·x, 3: B·A·x = λ·x) on both backends bit for bit, under the default
 * blocking and tiny odd ones (GEMM 8×5×12 with every panel, sygst's included, of 3 columns), n ∈ {0, 1,
 * 2, 3, 17, 33, 65}, with scaled ratios in the manner of LAPACK's TESTING/EIG dsgt01 (pass below
 * THRESH = 30):
 *
 *   resid, type 1   ‖A·Z − B·Z·Λ‖₁ / ((‖A‖₁ + |λ|max·‖B‖₁)·‖Z‖₁·n·ε)
 *   resid, type 2   ‖A·B·Z − Z·Λ‖₁ / ((‖A‖₁·‖B‖₁ + |λ|max)·‖Z‖₁·n·ε)
 *   resid, type 3   ‖B·A·Z − Z·Λ‖₁ / ((‖A‖₁·‖B‖₁ + |λ|max)·‖Z‖₁·n·ε)
 *   orth, types 1/2 ‖Zᵀ·B·Z − I‖₁ / (‖B‖₁·‖Z‖₁²·n·ε)
 *   orth, type 3    ‖Z·Zᵀ − B‖₁ / (‖Z‖₁²·n·ε)
 *   λ               eigvalsh's values against eigh's: max|Δλ| / (|λ|max·n·ε·κ(B))  (type 1; types 2, 3
 *                   without κ(B))
 *
 * Why these forms. dsgt01 divides the type-1 residual by ‖A‖·‖Z‖·n·ulp only; each term of A·Z − B·Z·Λ is
 * a product of size up to ‖A‖‖Z‖ or |λ|·‖B‖‖Z‖, and the rounding of the computed residual itself (and
 * the backward error of the reduction, carried back through L) is of the size of the larger one, so the
 * denominator carries both (with an ill-conditioned B, |λ|max·‖B‖ ≫ ‖A‖). For types 2 and 3 the products
 * A·B·Z and B·A·Z are formed in the test, whose rounding is of size ‖A‖‖B‖‖Z‖·n·ε. B-orthonormality:
 * Z = L⁻ᵀ·Y with Y orthonormal (types 1, 2), so Zᵀ·B·Z − I = Yᵀ·(L⁻¹·B·L⁻ᵀ)·Y − I, whose error from the
 * back-substitution is of size ‖L‖²·‖Z‖²·n·ε = ‖B‖₂·‖Z‖₂²·n·ε. Type 3's vectors are normalised as
 * Zᵀ·B⁻¹·Z = I (LAPACK, scipy); for square Z that is Z·Zᵀ = B, checked without inverting B: Z = L·Y, so
 * Z·Zᵀ − B = L·(Y·Yᵀ − I)·Lᵀ + the trmm rounding, of size ‖L‖²·n·ε ≤ ‖Z‖²·n·ε.
 *
 * Matrix types. A: zero, identity, diagonal (±10^[−3, 3], repeated values), the spectra of the eigh suite
 * (uniform, clustered (1, ε, …), repeated ±1, geometric and arithmetic to ε, signed, rank deficient),
 * graded D·S·D, scaled near overflow (‖A‖₂ = 2^1000) and underflow (2^-1000). B: identity, diagonal,
 * random (κ = 10), κ = 1e7, κ = 1e14, graded, scaled near overflow (‖B‖₁ = 1e292) and underflow
 * (1e-292) — lapack-types.ts's SPD types. Each A meets a cycle of the unscaled B types and the random
 * B; the uniform A meets every B; the scaled A meet the identity and random B (a scaled A against a
 * scaled or ill-conditioned B would have eigenvalues past the range of doubles).
 *
 * Conventions and exact properties: values ascending; each vector signed so that its first entry of
 * largest modulus is positive; B = I gives the standard eigh's bits; B·4 gives λ/4 and Z/2 exactly
 * (type 1); only the lower triangles read (garbage or NaN above them changes no bit); the Matrix method
 * A.eigh(B, o) is the free function. Errors: A or B not square or of different orders → RangeError; B not
 * positive definite → LinAlgError 'not-positive-definite' naming B; NaN/±Inf → 'not-finite' naming the
 * matrix (checked after the failure with checkFinite off); a bad `type` → RangeError / TypeError. Inputs
 * are never modified (guarded) and no WASM block outlives a call, error paths included (the suite's
 * afterEach).
 */
import { describe, it, expect, assert } from 'vitest';
import { eigh, eigvalsh, Matrix } from '../../../bindings/index.js';
import { onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { dense, eye, mul, norm1, sub, tr, type Dense } from '../../util/dense.js';
import { expectRatio } from '../../util/ratios.js';
import { expectError, expectLinAlgError } from '../../util/errors.js';
import { withTuning, TUNINGS } from '../../util/engines.js';
import { EPS, Rng, SPECTRA, argMaxAbs, notAscending, spectrum, withSpectrum, type SpectrumKind } from '../../util/eig-reference.js';
import { spdMatrix, type SpdName } from '../../util/lapack-types.js';
import { expectBitwise } from '../../util/tolerance.js';
import { pow2 } from '../../util/reference.js';

setupLapackSuite('api/eigh general'); // both backends; tuning reset and a leak check after every test

const SIZES = [0, 1, 2, 3, 17, 33, 65] as const;
const ITYPES = [1, 2, 3] as const;
type IType = (typeof ITYPES)[number];

// ---- matrix types ------------------------------------------------------------------------------------

const A_TYPES = ['zero', 'identity', 'diagonal', ...SPECTRA, 'graded', 'near overflow', 'near underflow'] as const;
type AType = (typeof A_TYPES)[number];
const B_PLAIN: readonly SpdName[] = ['identity', 'diagonal', 'random', 'cond 1e7', 'cond 1e14', 'graded'];
const B_ALL: readonly SpdName[] = [...B_PLAIN, 'near overflow', 'near underflow'];

/** A symmetric n×n (row-major = column-major) of the given type. */
function aMatrix(name: AType, n: number, seed: number): Dense {
  const rng = new Rng(seed);
  switch (name) {
    case 'zero':
      return dense(n, n);
    case 'identity':
      return eye(n);
    case 'diagonal': {
      const A = dense(n, n);
      for (let i = 0; i < n; i++) A.a[i * n + i] = i >= 2 && i % 3 === 2 ? A.a[(i - 2) * n + i - 2]! : (rng.u32() & 1 ? -1 : 1) * 10 ** (6 * rng.uniform() - 3);
      return A;
    }
    case 'graded': {
      const g = Float64Array.from({ length: n }, (_, i) => 10 ** ((-6 * i) / Math.max(1, n)));
      const A = dense(n, n);
      for (let j = 0; j < n; j++) for (let i = j; i < n; i++) A.a[i + j * n] = A.a[j + i * n] = rng.normal() * g[i]! * g[j]!;
      return A;
    }
    case 'near overflow':
    case 'near underflow': {
      const s = pow2(name === 'near overflow' ? 1000 : -1000);
      return dense(n, n, withSpectrum(rng, spectrum(rng, 'uniform', n)).map((v) => v * s));
    }
    default:
      return dense(n, n, withSpectrum(rng, spectrum(rng, name as SpectrumKind, n)));
  }
}

interface Pair {
  a: AType;
  b: SpdName;
  A: Dense;
  B: Dense;
  /** κ₂(B) as built (1 for identity; for diagonal/graded the spread of the construction). */
  kappa: number;
}

function kappaOf(b: SpdName, B: Dense): number {
  if (b === 'cond 1e7') return 1e7;
  if (b === 'cond 1e14') return 1e14;
  if (b === 'diagonal' || b === 'graded') {
    // an upper bound: the spread of the diagonal times the core's κ (10 for graded)
    let lo = Infinity;
    let hi = 0;
    for (let i = 0; i < B.m; i++) {
      lo = Math.min(lo, B.a[i * B.n + i]!);
      hi = Math.max(hi, B.a[i * B.n + i]!);
    }
    return B.m === 0 ? 1 : (hi / lo) * (b === 'graded' ? 10 : 1);
  }
  return b === 'identity' ? 1 : 10;
}

function pairs(n: number, seed: number): Pair[] {
  const out: Pair[] = [];
  const add = (a: AType, b: SpdName, s: number): void => {
    const B = spdMatrix(b, n, s).A;
    out.push({ a, b, A: aMatrix(a, n, s + 1), B, kappa: kappaOf(b, B) });
  };
  A_TYPES.forEach((a, i) => {
    if (a === 'near overflow' || a === 'near underflow') {
      add(a, 'identity', seed + 10 * i);
      add(a, 'random', seed + 10 * i + 1);
    } else {
      add(a, B_PLAIN[i % B_PLAIN.length]!, seed + 10 * i);
      if (a !== 'uniform') add(a, 'random', seed + 10 * i + 1);
    }
  });
  B_ALL.forEach((b, i) => add('uniform', b, seed + 500 + i));
  return out;
}

// ---- ratios ------------------------------------------------------------------------------------------

function colScaled(Z: Dense, lam: Float64Array): Dense {
  const R = dense(Z.m, Z.n, Z.a.slice());
  for (let i = 0; i < Z.m; i++) for (let j = 0; j < Z.n; j++) R.a[i * Z.n + j] = R.a[i * Z.n + j]! * lam[j]!;
  return R;
}

function ratio(num: number, den: number): number {
  return den === 0 ? (num === 0 ? 0 : Infinity) : num / den;
}

function ratios(t: IType, A: Dense, B: Dense, lam: Float64Array, Z: Dense): { resid: number; orth: number } {
  const n = A.m;
  if (n === 0) return { resid: 0, orth: 0 };
  const lmax = lam.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const nA = norm1(A);
  const nB = norm1(B);
  const nZ = norm1(Z);
  // The residual is linear in Z: form it for Ẑ = Z/2^k (exact), ‖Ẑ‖₁ ≈ 1, and as (B·Ẑ)·Λ, so that no
  // intermediate product leaves the range of doubles when B is scaled near overflow or underflow
  // (there Z ~ ‖B‖^∓½ and λ ~ ‖B‖^∓1, whose product would over- or underflow though B·Z·Λ does not).
  const s = nZ === 0 ? 1 : pow2(-Math.round(Math.log2(nZ)));
  const Zh = dense(n, n, Z.a.map((v) => v * s));
  const nZh = nZ * s;
  const resid = t === 1
    ? ratio(norm1(sub(mul(A, Zh), colScaled(mul(B, Zh), lam))), (nA + lmax * nB) * nZh * n * EPS)
    : ratio(norm1(sub(t === 2 ? mul(A, mul(B, Zh)) : mul(B, mul(A, Zh)), colScaled(Zh, lam))), (nA * nB + lmax) * nZh * n * EPS);
  const orth = t === 3
    ? ratio(norm1(sub(mul(Z, tr(Z)), B)), nZ * nZ * n * EPS)
    : ratio(norm1(sub(mul(tr(Z), mul(B, Z)), eye(n))), nB * nZ * nZ * n * EPS);
  return { resid, orth };
}

function expectConventions(label: string, values: Float64Array, Z: Dense): void {
  const ia = notAscending(values);
  if (ia >= 0) assert.fail(`${label}: eigenvalues not ascending at ${ia}: ${values[ia - 1]} > ${values[ia]}`);
  const n = Z.m;
  const Zc = tr(Z).a; // column-major
  for (let j = 0; j < n; j++) {
    const im = argMaxAbs(Zc, n, j);
    if (!(Zc[im + j * n]! > 0)) assert.fail(`${label}: eigenvector ${j}: its first largest-modulus entry Z[${im}, ${j}] = ${Zc[im + j * n]} is not positive`);
  }
}

/** eigh and eigvalsh of (A, B, type) on both backends (bit for bit), inputs guarded. */
function solve(label: string, A: Dense, B: Dense, type: IType): { values: Float64Array; Z: Dense; vals: Float64Array } {
  return onBoth(label, () => guarded(label, [A, B], [], ([MA, MB]) => {
    const e = eigh(MA!, MB!, { type });
    return { values: e.values, Z: e.vectors, vals: eigvalsh(MA!, MB!, { type }) };
  }));
}

function checkPair(p: Pair, t: IType, label: string): void {
  const n = p.A.m;
  const r = solve(label, p.A, p.B, t);
  expect(r.values.length, `${label}: values`).toBe(n);
  expect([r.Z.m, r.Z.n], `${label}: vectors shape`).toEqual([n, n]);
  expectConventions(label, r.values, r.Z);
  const q = ratios(t, p.A, p.B, r.values, r.Z);
  expectRatio(`resid type ${t} ${label}`, q.resid);
  expectRatio(`orth type ${t} ${label}`, q.orth);
  const lmax = r.values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  let dmax = 0;
  for (let i = 0; i < n; i++) dmax = Math.max(dmax, Math.abs(r.vals[i]! - r.values[i]!));
  expectRatio(`eigvalsh vs eigh type ${t} ${label}`, ratio(dmax, lmax * n * EPS * (t === 1 ? p.kappa : 1)));
}

describe.each([TUNINGS[0]!, TUNINGS[1]!])('eigh(A, B) / eigvalsh(A, B) on the matrix types — $name', (bc) => {
  it.each(SIZES)('n = %i: types 1–3, residual and B-orthonormality ratios, conventions; wasm ≡ js', (n) => {
    withTuning(bc.tuning, () => {
      for (const p of pairs(n, 1000 * n + 7)) for (const t of ITYPES) checkPair(p, t, `A ${p.a}, B ${p.b}, n=${n}, ${bc.name}`);
    });
  });
});

describe('eigh(A, B), n = 100 (sygst over three default blocks of 32 and a remainder)', () => {
  it('uniform A against random, κ = 1e7 and graded B, types 1–3', () => {
    for (const b of ['random', 'cond 1e7', 'graded'] as const) {
      const B = spdMatrix(b, 100, 31).A;
      const p: Pair = { a: 'uniform', b, A: aMatrix('uniform', 100, 32), B, kappa: kappaOf(b, B) };
      for (const t of ITYPES) checkPair(p, t, `A uniform, B ${b}, n=100`);
    }
  });
});

// ---- exact properties --------------------------------------------------------------------------------

describe('eigh(A, B): exact properties', () => {
  it('B = I gives the standard eigh bit for bit (every type: the reduction and back-transformation are exact)', () => {
    for (const n of [1, 4, 17, 40]) {
      const A = aMatrix('uniform', n, 5 + n);
      const std = onBoth(`standard n=${n}`, () => guarded('standard', [A], [], ([M]) => {
        const e = eigh(M!);
        return { values: e.values, Z: e.vectors };
      }));
      for (const t of ITYPES) {
        const g = onBoth(`B = I n=${n} type ${t}`, () => guarded('B = I', [A, eye(n)], [], ([M, I]) => {
          const e = eigh(M!, I!, { type: t });
          return { values: e.values, Z: e.vectors };
        }));
        expectBitwise(`B = I n=${n} type ${t}: values`, g.values, std.values);
        expectBitwise(`B = I n=${n} type ${t}: vectors`, g.Z.a, std.Z.a);
      }
    }
  });

  it('B·4 gives λ/4 and Z/2 exactly (type 1): the Cholesky factor doubles, every step scales by powers of two', () => {
    for (const n of [3, 17, 40]) {
      const A = aMatrix('geometric signed', n, 9 + n);
      const B = spdMatrix('random', n, 10 + n).A;
      const B4 = dense(n, n, B.a.map((v) => 4 * v));
      const r = solve(`B n=${n}`, A, B, 1);
      const r4 = solve(`4B n=${n}`, A, B4, 1);
      expectBitwise(`4B n=${n}: values`, r4.values, r.values.map((v) => v / 4));
      expectBitwise(`4B n=${n}: vectors`, r4.Z.a, r.Z.a.map((v) => v / 2));
    }
  });

  it('only the lower triangles of A and B are read: garbage, or NaN with checkFinite off, above them changes no bit', () => {
    const n = 17;
    const A = aMatrix('uniform', n, 3);
    const B = spdMatrix('random', n, 4).A;
    const fill = (M: Dense, v: (i: number, j: number) => number): Dense => {
      const R = dense(n, n, M.a.slice());
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) R.a[i * n + j] = v(i, j);
      return R;
    };
    for (const t of ITYPES) {
      const ref = solve(`clean type ${t}`, A, B, t);
      const g = solve(`garbage type ${t}`, fill(A, (i, j) => 1e300 * (i - j)), fill(B, (i, j) => -7 * (i + j)), t);
      expectBitwise(`garbage type ${t}: values`, g.values, ref.values);
      expectBitwise(`garbage type ${t}: vectors`, g.Z.a, ref.Z.a);
      const nan = onBoth(`NaN above type ${t}`, () => guarded('NaN above', [fill(A, () => NaN), fill(B, () => NaN)], [], ([MA, MB]) => {
        const e = eigh(MA!, MB!, { type: t, checkFinite: false });
        return { values: e.values, Z: e.vectors };
      }));
      expectBitwise(`NaN above type ${t}: values`, nan.values, ref.values);
      expectBitwise(`NaN above type ${t}: vectors`, nan.Z.a, ref.Z.a);
    }
  });

  it('a worked 2×2: A = diag(2, 3), B = diag(4, 1): λ = (0.5, 3), Z = diag(0.5, 1); type 2: λ = (3, 8); type 3 the same values with Z = diag(2, 1)', () => {
    const A = [[2, 0], [0, 3]];
    const B = [[4, 0], [0, 1]];
    const want = { 1: { values: [0.5, 3], Z: [[0.5, 0], [0, 1]] }, 2: { values: [3, 8], Z: [[0, 0.5], [1, 0]] }, 3: { values: [3, 8], Z: [[0, 2], [1, 0]] } };
    for (const t of ITYPES) {
      const r = eigh(A, B, { type: t });
      try {
        expect(Array.from(r.values), `type ${t}: values`).toEqual(want[t].values);
        expect(r.vectors.toArray(), `type ${t}: vectors`).toEqual(want[t].Z);
      } finally {
        r.dispose();
      }
    }
    expect(Array.from(eigvalsh(A, B, { type: 3 }))).toEqual([3, 8]);
  });
});

// ---- the API surface ---------------------------------------------------------------------------------

describe('eigh(A, B): arguments, shapes and errors', () => {
  it('the Matrix method A.eigh(B, o) is the free function; nested arrays are accepted; null B is the standard problem', () => {
    const A = aMatrix('uniform', 9, 1);
    const B = spdMatrix('random', 9, 2).A;
    for (const t of ITYPES) {
      const f = onBoth(`free type ${t}`, () => guarded('free', [A, B], [], ([MA, MB]) => {
        const e = eigh(MA!, MB!, { type: t });
        return { values: e.values, Z: e.vectors };
      }));
      const m = onBoth(`method type ${t}`, () => guarded('method', [A, B], [], ([MA, MB]) => {
        const e = MA!.eigh(MB!, { type: t });
        return { values: e.values, Z: e.vectors };
      }));
      const rowsOf = (D: Dense): number[][] => Array.from({ length: D.m }, (_, i) => Array.from(D.a.subarray(i * D.n, (i + 1) * D.n)));
      const nested = eigh(rowsOf(A), rowsOf(B), { type: t });
      try {
        expectBitwise(`method type ${t}`, m.values, f.values);
        expectBitwise(`method vectors type ${t}`, m.Z.a, f.Z.a);
        expect(Array.from(nested.values)).toEqual(Array.from(f.values));
      } finally {
        nested.dispose();
      }
    }
    const s = onBoth('standard', () => guarded('standard', [A], [], ([MA]) => eigvalsh(MA!)));
    const sNull = onBoth('null B', () => guarded('null B', [A], [], ([MA]) => eigvalsh(MA!, null, { checkFinite: true })));
    expectBitwise('eigvalsh(A, null, o) = eigvalsh(A)', sNull, s);
    const std = onBoth('undefined B', () => guarded('undefined B', [A], [], ([MA]) => eigh(MA!, undefined, { type: 2 }).vectors));
    const plainStd = onBoth('no B', () => guarded('no B', [A], [], ([MA]) => eigh(MA!).vectors));
    expectBitwise('eigh(A, undefined, o) = eigh(A)', std, plainStd);
  });

  it('empty: A and B 0×0 give no values and a 0×0 matrix of vectors (scipy)', () => {
    for (const t of ITYPES) {
      const r = onBoth(`empty type ${t}`, () => {
        const e = eigh(Matrix.zeros(0, 0), Matrix.zeros(0, 0), { type: t });
        return { values: e.values, Z: e.vectors };
      });
      expect(r.values.length).toBe(0);
      expect([r.Z.m, r.Z.n]).toEqual([0, 0]);
      expect(eigvalsh([], [], { type: t }).length).toBe(0);
    }
  });

  it('shapes: A or B not square, or of different orders → RangeError naming the shapes', () => {
    const B3 = spdMatrix('random', 3, 1).A;
    const A3 = aMatrix('uniform', 3, 2);
    guarded('shapes', [A3, B3, dense(3, 2), dense(2, 2), dense(1, 1), dense(2, 3)], [], ([A, B, B32, B22, B11, A23]) => {
      for (const fn of [eigh, eigvalsh] as const) {
        expectError(RangeError, 'B 3×2', () => fn(A!, B32!), /B must be square of A's order \(A is 3×3\), got 3×2/);
        expectError(RangeError, 'B 2×2', () => fn(A!, B22!), /got 2×2/);
        expectError(RangeError, 'A 2×3', () => fn(A23!, B!), /A must be square, got 2×3/);
        expectError(RangeError, 'A 0×0, B 1×1', () => fn(Matrix.zeros(0, 0), B11!), /B must be square of A's order \(A is 0×0\), got 1×1/);
      }
    });
  });

  it('B not positive definite → LinAlgError "not-positive-definite" naming B, with the order of the failing minor', () => {
    const A = aMatrix('uniform', 5, 3);
    const indefinite = dense(5, 5, withSpectrum(new Rng(4), Float64Array.of(1, 2, -1, 3, 4)));
    const Bsing = spdMatrix('random', 5, 5).A;
    const B2 = dense(5, 5, Bsing.a.slice());
    B2.a[1 * 5 + 1] = -1; // the leading minor of order 2 becomes negative
    for (const fn of [eigh, eigvalsh] as const) {
      for (const t of ITYPES) {
        guarded('not PD', [A, indefinite, dense(5, 5), B2], [], ([MA, MI, MZ, MB2]) => {
          expectLinAlgError(`indefinite B type ${t}`, () => fn(MA!, MI!, { type: t }), 'not-positive-definite', undefined, /^eig(h|valsh): B is not positive definite/);
          expectLinAlgError(`zero B type ${t}`, () => fn(MA!, MZ!, { type: t }), 'not-positive-definite', 1);
          expectLinAlgError(`B with a negative minor type ${t}`, () => fn(MA!, MB2!, { type: t }), 'not-positive-definite', 2);
        });
      }
    }
  });

  it('NaN / ±Inf in A or B → LinAlgError "not-finite" naming the matrix; with checkFinite off, never a finite answer', () => {
    const n = 6;
    const A = aMatrix('uniform', n, 3);
    const B = spdMatrix('random', n, 4).A;
    const withAt = (M: Dense, i: number, j: number, v: number): Dense => {
      const R = dense(n, n, M.a.slice());
      R.a[i * n + j] = v;
      R.a[j * n + i] = v;
      return R;
    };
    for (const fn of [eigh, eigvalsh] as const) {
      guarded('not finite', [withAt(A, 3, 1, NaN), withAt(B, 4, 2, Infinity), A, B, withAt(B, 2, 2, NaN)], [], ([An, Bi, MA, MB, Bn]) => {
        expectLinAlgError('NaN in A', () => fn(An!, MB!), 'not-finite', undefined, /A contains NaN/);
        expectLinAlgError('Inf in B', () => fn(MA!, Bi!), 'not-finite', undefined, /B contains Inf/);
        expectLinAlgError('NaN in B unchecked', () => fn(MA!, Bn!, { checkFinite: false }), 'not-finite', undefined, /lower triangle of B/);
        // NaN in A, unchecked: NaN in the result or 'not-finite', never a finite answer
        let out: Float64Array | undefined;
        try {
          const r = fn(An!, MB!, { checkFinite: false });
          if (r instanceof Float64Array) out = r;
          else {
            out = r.values;
            r.dispose();
          }
        } catch (e) {
          expect((e as { code?: string }).code).toBe('not-finite');
        }
        if (out !== undefined) expect(out.some((v) => Number.isNaN(v)), 'NaN in A shows in the values').toBe(true);
      });
    }
  });

  it('type: 1, 2 or 3 — other numbers are a RangeError, non-numbers a TypeError; options must be an object, and nothing follows options in second place', () => {
    guarded('type', [aMatrix('uniform', 3, 1), spdMatrix('random', 3, 2).A], [], ([A, B]) => {
      for (const fn of [eigh, eigvalsh] as const) {
        for (const bad of [0, 4, 1.5, NaN, -1]) expectError(RangeError, `type ${bad}`, () => fn(A!, B!, { type: bad as 1 }), /type must be 1, 2 or 3/);
        expectError(TypeError, "type '1'", () => fn(A!, B!, { type: '1' as unknown as 1 }), /type must be 1, 2 or 3, got/);
        expectError(RangeError, 'type 7 without B', () => fn(A!, { type: 7 as 1 }), /type must be 1, 2 or 3/);
        expectError(TypeError, 'options a number', () => fn(A!, B!, 3 as unknown as { type: 1 }), /options must be an object/);
        expectError(TypeError, 'B a string', () => fn(A!, 'B' as unknown as Matrix), /options must be an object/);
        expectError(TypeError, 'options, then more', () => fn(A!, { type: 2 } as unknown as Matrix, { checkFinite: false }), /B must be a Matrix or an array of rows/);
      }
    });
  });

  it('a disposed B is a ReferenceError naming it', () => {
    const B = Matrix.eye(3);
    B.dispose();
    expectError(ReferenceError, 'disposed B', () => eigh([[1, 0, 0], [0, 1, 0], [0, 0, 1]], B), /eigh: B is a disposed Matrix/);
  });
});
