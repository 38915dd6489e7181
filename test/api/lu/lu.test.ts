/**
 * LU and what is built on it — lu, luFactor (+ .solve/.det/.slogdet/.inv), solve, det, slogdet, inv —
 * on LAPACK's matrix types (lapack-types.ts), n ∈ {1, 2, 7, 16, 17, 33}, under the default and four tiny odd
 * blockings, on both backends (bit for bit), with LAPACK's TESTING/LIN ratios below THRESH = 30:
 *
 *   dget01   ‖P·A − L·U‖₁ / (n·‖A‖₁·ε)
 *   dget02   ‖b − A·x‖₁ / (‖A‖₁·‖x‖₁·n·ε)   per column, for A·X = B and Aᵀ·X = B, B n×3 and a vector
 *   dget03   ‖I − A·A⁻¹‖₁ / (n·‖A‖₁·‖A⁻¹‖₁·ε)
 *
 * plus exact properties: det and slogdet are the product / log-sum of diag(U) in order with the sign
 * of the permutation; triangular and diagonal inputs factor without rounding; the first exactly zero
 * column is the reported zero pivot; scaling A by 2^±970 scales U, x and A⁻¹ exactly (no hidden
 * overflow or underflow); 0×0 and 1×1 as numpy. Every call gets Matrix copies of its inputs and the
 * inputs are checked bit-identical afterwards, thrown errors included.
 */
import { describe, it, expect } from 'vitest';
import { det, inv, lu, luFactor, slogdet, solve, Matrix, LinAlgError } from '../../../bindings/index.js';
import { onBackend, BACKENDS, SIZES, onBoth, guarded, setupLapackSuite } from '../../util/api.js';
import { column, dense, eye, mul, norm1, ratio, rowsOf, scaled, solveRatio, sub, tr, type Dense } from '../../util/dense.js';
import { lapackMatrices, lapackMatrix, randn, Rng, type TestMatrix } from '../../util/lapack-types.js';
import { EPS } from '../../util/tolerance.js';
import { THRESH, expectRatio } from '../../util/ratios.js';
import { expectLinAlgError, expectError } from '../../util/errors.js';
import { withTuning, TUNINGS } from '../../util/engines.js';

setupLapackSuite('api/lu');

function invRatio(A: Dense, Ai: Dense): number {
  const n = A.n;
  return ratio(norm1(sub(eye(n), mul(A, Ai))), n, norm1(A), norm1(Ai), EPS);
}

function luRatio(A: Dense, L: Dense, U: Dense, perm: Int32Array): number {
  return ratio(norm1(sub(rowsOf(A, perm), mul(L, U))), Math.max(1, A.n), norm1(A), EPS);
}

/** +1 or −1: the sign of a permutation (−1 per even-length cycle). */
function parity(perm: Int32Array): number {
  const seen = new Uint8Array(perm.length);
  let s = 1;
  for (let i = 0; i < perm.length; i++) {
    if (seen[i]) continue;
    let len = 0;
    for (let j = i; !seen[j]; j = perm[j]!) {
      seen[j] = 1;
      len++;
    }
    if (len % 2 === 0) s = -s;
  }
  return s;
}

function expectPermutation(label: string, p: Int32Array, n: number): void {
  expect([...p].sort((a, b) => a - b), `${label}: perm is a permutation`).toEqual(Array.from({ length: n }, (_, i) => i));
}

/** Factorisation outputs of a square A on both backends; all checks on the (identical) result. */
function checkFactor(T: TestMatrix, label: string): { U: Dense; perm: Int32Array } {
  const { A } = T;
  const n = A.n;
  const r = onBoth(label, () =>
    guarded(label, [A], [], ([M]) => {
      const f = lu(M!);
      using F = luFactor(M!);
      const sl = slogdet(M!);
      const fsl = F.slogdet();
      return {
        L: f.L, U: f.U, perm: f.perm, info: F.info, fperm: F.perm, det: det(M!), fdet: F.det(),
        sign: sl.sign, logAbsDet: sl.logAbsDet, fsign: fsl.sign, flog: fsl.logAbsDet,
      };
    }),
  );
  expectPermutation(label, r.perm, n);
  expect(Array.from(r.fperm), `${label}: luFactor and lu pivot alike`).toEqual(Array.from(r.perm));
  for (let i = 0; i < n; i++) {
    expect(r.L.a[i * n + i], `${label}: L(${i},${i})`).toBe(1);
    for (let j = 0; j < n; j++) {
      if (j > i) expect(r.L.a[i * n + j], `${label}: L above the diagonal`).toBe(0);
      if (j < i) {
        expect(r.U.a[i * n + j], `${label}: U below the diagonal`).toBe(0);
        if (!(Math.abs(r.L.a[i * n + j]!) <= 1)) expect.unreachable(`${label}: |L(${i},${j})| > 1 under partial pivoting`);
      }
    }
  }
  expectRatio(`lu ‖PA − LU‖ ${T.name} n=${n} ${label}`, luRatio(A, r.L, r.U, r.perm));

  // info: the first exactly zero column is the first zero pivot.
  expect(r.info, `${label}: info`).toBe(T.zeroCols.length > 0 ? T.zeroCols[0]! + 1 : 0);

  // det and slogdet: diag(U) in order, the permutation's sign — the same bits as the library's loop.
  let prod = 1;
  let log = 0;
  let sign = parity(r.perm);
  let zero = false;
  for (let i = 0; i < n; i++) {
    const u = r.U.a[i * n + i]!;
    prod *= u;
    if (u === 0) zero = true;
    if (u < 0) sign = -sign;
    log += Math.log(Math.abs(u));
  }
  if (zero) {
    expect([r.det, r.sign, r.logAbsDet], `${label}: singular det / slogdet`).toEqual([0, 0, -Infinity]);
  } else {
    expect(r.sign, `${label}: slogdet sign`).toBe(sign);
    expect(Object.is(r.logAbsDet, log), `${label}: logAbsDet ${r.logAbsDet} vs Σ log|uᵢᵢ| ${log}`).toBe(true);
    const d = parity(r.perm) * prod;
    if (Number.isFinite(d) && d !== 0) expect(Object.is(r.det, d), `${label}: det ${r.det} vs ±Π uᵢᵢ ${d}`).toBe(true);
    else expect(Object.is(r.det, sign * Math.exp(log)), `${label}: det past the range`).toBe(true);
  }
  expect([r.fdet, r.fsign, r.flog], `${label}: LUFactorization det/slogdet`).toEqual([r.det, r.sign, r.logAbsDet]);

  // Types whose determinant is known independently of the library.
  if (T.name === 'identity') expect(r.det).toBe(1);
  if (T.name === 'upper' || T.name === 'diagonal') {
    // No row swaps and no rounding: U is A itself and det the product of A's diagonal in order.
    expect(Array.from(r.perm)).toEqual(Array.from({ length: n }, (_, i) => i));
    for (let t = 0; t < n * n; t++) if (!Object.is(r.U.a[t], A.a[t] === 0 ? 0 : A.a[t])) expect.unreachable(`${label}: U ≠ A at ${t}`);
    let p = 1;
    for (let i = 0; i < n; i++) p *= A.a[i * n + i]!;
    expect(r.det).toBe(p);
  }
  if (T.cond !== undefined && T.name.startsWith('cond')) {
    // |det U·Σ·Vᵀ| = Π σᵢ; the data's rounding moves log|det| by ≲ n·κ·(n·ε) (tr(A⁻¹E), ‖E‖ ≤ n·ε·‖A‖).
    let ls = 0;
    for (let i = 0; i < n; i++) ls += Math.log(T.cond ** (n === 1 ? 0 : -i / (n - 1)));
    expectRatio(`log|det| vs Σ log σ ${T.name} n=${n} ${label}`, ratio(Math.abs(r.logAbsDet - ls), n * n, T.cond, EPS));
  }
  if (T.name === 'near overflow' && n >= 2) {
    expect(Math.abs(r.det), `${label}: det overflows`).toBe(Infinity);
    expect(Number.isFinite(r.logAbsDet) && r.sign !== 0, `${label}: slogdet stays finite`).toBe(true);
  }
  if (T.name === 'near underflow' && n >= 2) {
    expect(Math.abs(r.det), `${label}: det underflows`).toBe(0);
    expect(Number.isFinite(r.logAbsDet) && r.sign !== 0, `${label}: slogdet stays finite, sign ±1`).toBe(true);
  }
  return { U: r.U, perm: r.perm };
}

function checkSolves(T: TestMatrix, label: string): void {
  const { A } = T;
  const n = A.n;
  const B = randn(new Rng(n * 7 + 3), n, 3);
  const b = column(B, 0);
  if (T.zeroCols.length > 0) {
    // Exactly singular: LinAlgError 'singular' naming the first zero column (0-based), info 1-based.
    const j = T.zeroCols[0]!;
    const msg = new RegExp(`column ${j}\\b`);
    for (const be of BACKENDS) {
      onBackend(be, () => {
        expectLinAlgError(`${label} solve on ${be}`, () => guarded(label, [A, B], [b], ([M, BM]) => solve(M!, BM!)), 'singular', j + 1, msg);
        expectLinAlgError(`${label} solve vector`, () => guarded(label, [A], [b], ([M], [v]) => solve(M!, v!)), 'singular', j + 1, msg);
        expectLinAlgError(`${label} inv`, () => guarded(label, [A], [], ([M]) => inv(M!)), 'singular', j + 1, msg);
        expectLinAlgError(`${label} F.solve`, () => guarded(label, [A, B], [], ([M, BM]) => {
          using F = luFactor(M!);
          expect(F.singular).toBe(true);
          return F.solve(BM!, { transpose: true });
        }), 'singular', j + 1, msg);
      });
    }
    return;
  }
  const r = onBoth(label, () =>
    guarded(label, [A, B], [b], ([M, BM], [v]) => {
      using F = luFactor(M!);
      return {
        X: solve(M!, BM!), Xt: solve(M!, BM!, { transpose: true }), x: solve(M!, v!), xt: solve(M!, v!, { transpose: true }),
        FX: F.solve(BM!), FXt: F.solve(BM!, { transpose: true }), inv: inv(M!), Finv: F.inv(),
      };
    }),
  );
  const name = `${T.name} n=${n} ${label}`;
  expectRatio(`solve A·X = B ${name}`, solveRatio(A, r.X, B));
  expectRatio(`solve Aᵀ·X = B ${name}`, solveRatio(tr(A), r.Xt, B));
  expectRatio(`solve A·x = b ${name}`, solveRatio(A, dense(n, 1, r.x), dense(n, 1, b)));
  expectRatio(`solve Aᵀ·x = b ${name}`, solveRatio(tr(A), dense(n, 1, r.xt), dense(n, 1, b)));
  expectRatio(`inv ${name}`, invRatio(A, r.inv));
  // One factorisation, the same arithmetic: luFactor(A).solve / .inv give solve / inv bit for bit.
  expect(Array.from(r.FX.a)).toEqual(Array.from(r.X.a));
  expect(Array.from(r.FXt.a)).toEqual(Array.from(r.Xt.a));
  expect(Array.from(r.Finv.a)).toEqual(Array.from(r.inv.a));
}

describe.each(TUNINGS)('LU on LAPACK matrix types — $name', (bc) => {
  it('lu / luFactor / det / slogdet: dget01 < 30, pivots, info, det = ±Π diag(U); solve / inv: dget02, dget03 < 30', () => {
    withTuning(bc.tuning, () => {
      for (const n of SIZES) {
        for (const T of lapackMatrices(n, n, 1)) {
          const label = `${T.name} n=${n}, ${bc.name}`;
          checkFactor(T, label);
          checkSolves(T, label);
        }
      }
    });
  });

  it('rectangular lu: P·A = L·U, L m×k unit lower, U k×n upper', () => {
    withTuning(bc.tuning, () => {
      for (const [m, n] of [[1, 5], [5, 1], [7, 3], [3, 7], [17, 33], [33, 17], [33, 2]] as const) {
        for (const name of ['random', 'graded', 'zero columns', 'near overflow', 'near underflow', 'cond 1e14'] as const) {
          const T = lapackMatrix(name, m, n, m * 100 + n);
          const label = `${name} ${m}×${n}, ${bc.name}`;
          const r = onBoth(label, () => guarded(label, [T.A], [], ([M]) => {
            const f = lu(M!);
            return { L: f.L, U: f.U, perm: f.perm };
          }));
          const k = Math.min(m, n);
          expect([r.L.m, r.L.n, r.U.m, r.U.n], `${label}: shapes`).toEqual([m, k, k, n]);
          expectPermutation(label, r.perm, m);
          expectRatio(`lu ‖PA − LU‖ ${label}`, luRatio(T.A, r.L, r.U, r.perm), `lu ‖PA − LU‖ rectangular ${name}`);
        }
      }
    });
  });
});

describe('LU at n = 64, 128: the factorisation works on a padded copy (column stride n + 8)', () => {
  it('dget01, dget02, dget03 < 30 on every matrix type; wasm ≡ js', () => {
    for (const n of [64, 128]) {
      for (const T of lapackMatrices(n, n, 7)) {
        const label = `${T.name} n=${n}, default blocking`;
        checkFactor(T, label);
        checkSolves(T, label);
      }
    }
  });
});

describe('LU: exact scaling by 2^±970 (no hidden overflow or underflow)', () => {
  it('U, x and A⁻¹ of 2^k·A are 2^k·U, 2^−k·x, 2^−k·A⁻¹ bit for bit; slogdet gains n·k·log 2', () => {
    for (const bc of [TUNINGS[0]!, TUNINGS[1]!]) {
      withTuning(bc.tuning, () => {
        for (const n of [2, 17, 33]) {
          const R = randn(new Rng(40 + n), n, n);
          const b = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
          for (const target of [1e292, 1e-292]) {
            const k = Math.round(Math.log2(target / norm1(R)));
            const S = scaled(R, 2 ** k); // exact: a power of two
            const label = `n=${n} 2^${k}, ${bc.name}`;
            const run = (D: Dense): { U: Dense; perm: Int32Array; x: Float64Array; inv: Dense; log: number; det: number } =>
              onBoth(label, () => guarded(label, [D], [b], ([M], [v]) => {
                const f = lu(M!);
                f.L.dispose();
                return { U: f.U, perm: f.perm, x: solve(M!, v!), inv: inv(M!), log: slogdet(M!).logAbsDet, det: det(M!) };
              }));
            const r0 = run(R);
            const r1 = run(S);
            expect(Array.from(r1.perm), `${label}: same pivots`).toEqual(Array.from(r0.perm));
            expect(Array.from(r1.U.a), `${label}: U scales exactly`).toEqual(Array.from(r0.U.a, (v) => v * 2 ** k));
            expect(Array.from(r1.x), `${label}: x scales exactly`).toEqual(Array.from(r0.x, (v) => v * 2 ** -k));
            expect(Array.from(r1.inv.a), `${label}: A⁻¹ scales exactly`).toEqual(Array.from(r0.inv.a, (v) => v * 2 ** -k));
            const want = r0.log + n * k * Math.LN2;
            expectRatio(`slogdet of 2^k·A ${label}`, ratio(Math.abs(r1.log - want), n, Math.abs(want), EPS));
            // det itself leaves the range (overflows to ±∞ or underflows to ±0) where slogdet does not.
            if (n >= 2) expect(Math.abs(r1.det), `${label}: det of 2^k·A`).toBe(k > 0 ? Infinity : 0);
          }
        }
      });
    }
  });
});

describe('LU: empty and 1×1, as numpy', () => {
  it('0×0: det 1, slogdet (1, 0), inv 0×0, solve gives empty results; lu of 0×n and m×0', () => {
    const r = onBoth('0×0', () => guarded('0×0', [dense(0, 0), dense(0, 2)], [new Float64Array(0)], ([Z, B], [b]) => {
      using F = luFactor(Z!);
      const f = lu(Z!);
      const s = slogdet(Z!);
      return {
        det: det(Z!), sign: s.sign, log: s.logAbsDet, inv: inv(Z!), x: solve(Z!, b!), X: solve(Z!, B!), info: F.info,
        fdet: F.det(), L: f.L, U: f.U, perm: f.perm,
      };
    }));
    expect([r.det, r.sign, r.log, r.fdet, r.info]).toEqual([1, 1, 0, 1, 0]);
    expect([r.inv.m, r.inv.n, r.x.length, r.X.m, r.X.n, r.L.m, r.L.n, r.U.m, r.U.n, r.perm.length]).toEqual([0, 0, 0, 0, 2, 0, 0, 0, 0, 0]);
    for (const [m, n] of [[3, 0], [0, 3]] as const) {
      const e = onBoth(`lu ${m}×${n}`, () => guarded('lu', [dense(m, n)], [], ([Z]) => {
        const f = lu(Z!);
        return { L: f.L, U: f.U, perm: f.perm };
      }));
      expect([e.L.m, e.L.n, e.U.m, e.U.n]).toEqual([m, 0, 0, n]);
      expect(Array.from(e.perm)).toEqual(Array.from({ length: m }, (_, i) => i));
      using Z = Matrix.zeros(m, n);
      expectError(RangeError, `det ${m}×${n}`, () => det(Z), new RegExp(`${m}×${n}`));
    }
  });

  it('1×1: det is the entry, inv its reciprocal, lu trivial; [[0]] is singular at column 0', () => {
    for (const v of [3, -2.5, 1e-300, 7e300]) {
      const r = onBoth(`1×1 ${v}`, () => guarded('1×1', [dense(1, 1, Float64Array.of(v))], [Float64Array.of(1)], ([M], [b]) => {
        const f = lu(M!);
        const s = slogdet(M!);
        return { det: det(M!), sign: s.sign, log: s.logAbsDet, inv: inv(M!), x: solve(M!, b!), L: f.L, U: f.U };
      }));
      expect([r.det, r.sign, r.log, r.L.a[0], r.U.a[0]]).toEqual([v, Math.sign(v), Math.log(Math.abs(v)), 1, v]);
      // 1/v correctly rounded or within one rounding of it (x = 1/v by one division).
      expectRatio(`inv 1×1 ${v}`, ratio(Math.abs(r.inv.a[0]! - 1 / v), Math.abs(1 / v), EPS));
      expect(r.x[0]).toBe(r.inv.a[0]);
    }
    expectLinAlgError('inv [[0]]', () => inv([[0]]), 'singular', 1, /column 0\b/);
    expect(det([[0]])).toBe(0);
    expect(slogdet([[0]])).toEqual({ sign: 0, logAbsDet: -Infinity });
  });
});

describe('LU: bad input', () => {
  it('non-square A: RangeError naming the shape, before any work; wrong right-hand side rows: RangeError naming both', () => {
    for (const be of BACKENDS) {
      onBackend(be, () => {
        for (const [m, n] of [[2, 3], [3, 2], [0, 1]] as const) {
          const A = randn(new Rng(m + n), m, n);
          const shape = new RegExp(`${m}×${n}`);
          guarded('non-square', [A], [], ([M]) => {
            expectError(RangeError, 'solve', () => solve(M!, new Float64Array(m)), shape);
            expectError(RangeError, 'det', () => det(M!), shape);
            expectError(RangeError, 'slogdet', () => slogdet(M!), shape);
            expectError(RangeError, 'inv', () => inv(M!), shape);
            expectError(RangeError, 'luFactor', () => luFactor(M!), shape);
          });
        }
        const A = lapackMatrix('random', 3, 3, 5).A;
        guarded('rhs rows', [A, dense(2, 2)], [], ([M, B]) => {
          expectError(RangeError, 'solve b', () => solve(M!, [1, 2]), /3×3.*2 rows|2.*3/);
          expectError(RangeError, 'solve B', () => solve(M!, B!), /3×3.*B is 2×2/);
          using F = luFactor(M!);
          expectError(RangeError, 'F.solve B', () => F.solve(B!), /2×2.*3 rows/);
          expectError(RangeError, 'F.solve b', () => F.solve([1, 2, 3, 4]), /4 entries.*3 rows/);
        });
      });
    }
  });

  it('NaN / ±Inf: LinAlgError not-finite by default (A, b or B); { checkFinite: false } lets them through; inputs untouched', () => {
    const n = 7;
    for (const be of BACKENDS) {
      onBackend(be, () => {
        for (const bad of [NaN, Infinity, -Infinity]) {
          const A = lapackMatrix('random', n, n, 9).A;
          const Abad = dense(n, n, A.a.slice());
          Abad.a[3 * n + 5] = bad;
          const b = Float64Array.from({ length: n }, (_, i) => i + 1);
          const bbad = b.slice();
          bbad[4] = bad;
          const B = randn(new Rng(2), n, 2);
          const Bbad = dense(n, 2, B.a.slice());
          Bbad.a[5] = bad;
          const label = `${be} ${bad}`;
          guarded(label, [Abad, A, Bbad], [b, bbad], ([Mb, M, BMb], [v, vb]) => {
            for (const [name, f] of [
              ['lu', () => lu(Mb!)], ['luFactor', () => luFactor(Mb!)], ['solve', () => solve(Mb!, v!)], ['det', () => det(Mb!)],
              ['slogdet', () => slogdet(Mb!)], ['inv', () => inv(Mb!)], ['solve b', () => solve(M!, vb!)], ['solve B', () => solve(M!, BMb!)],
            ] as const) {
              expectLinAlgError(`${label} ${name}`, f, 'not-finite', undefined, /checkFinite/);
            }
            using F = luFactor(M!);
            expectLinAlgError(`${label} F.solve b`, () => F.solve(vb!), 'not-finite');
            expectLinAlgError(`${label} F.solve B`, () => F.solve(BMb!, { transpose: true }), 'not-finite');
            // checkFinite: false — no check, no hang; the non-finite value reaches the result.
            const off = { checkFinite: false };
            const x = solve(M!, vb!, off);
            expect(x.some((t) => !Number.isFinite(t)), `${label}: solve with a bad b gives non-finite x`).toBe(true);
            const d = det(Mb!, off);
            expect(Number.isFinite(d), `${label}: det`).toBe(false);
            const f = lu(Mb!, off);
            expect(f.U.toFloat64Array().some((t) => !Number.isFinite(t))).toBe(true);
            f.L.dispose();
            f.U.dispose();
            const e = (() => {
              try {
                inv(Mb!, off).dispose();
                return null;
              } catch (err) {
                return err;
              }
            })();
            // Unchecked, the factors hold the NaN/Inf, so inv reports 'not-finite' rather than a finite
            // inverse (or 'singular' for a pivot that came out 0 after Inf − Inf).
            if (e !== null) expect(e instanceof LinAlgError && e.code === 'not-finite', `${label}: inv ${String(e)}`).toBe(true);
          });
        }
      });
    }
  });
});

describe('LU ratios can fail (the checks are not vacuous)', () => {
  it('x·(1 + 1e−10) or a perturbed U pushes the ratios far past THRESH', () => {
    const T = lapackMatrix('random', 17, 17, 3);
    const B = randn(new Rng(1), 17, 3);
    const X = onBoth('x', () => guarded('x', [T.A, B], [], ([M, BM]) => ({ X: solve(M!, BM!) }))).X;
    expect(solveRatio(T.A, X, B)).toBeLessThan(THRESH);
    expect(solveRatio(T.A, scaled(X, 1 + 1e-10), B)).toBeGreaterThan(10 * THRESH);
    using M = Matrix.fromArray(T.A.a, 17, 17);
    const f = lu(M);
    const L = dense(17, 17, f.L.toFloat64Array());
    const U = dense(17, 17, f.U.toFloat64Array());
    f.L.dispose();
    f.U.dispose();
    expect(luRatio(T.A, L, U, f.perm)).toBeLessThan(THRESH);
    U.a[5 * 17 + 9] = U.a[5 * 17 + 9]! * (1 + 1e-12);
    expect(luRatio(T.A, L, U, f.perm)).toBeGreaterThan(THRESH);
  });
});
