/**
 * The lean path for small square problems (bindings/api/small.ts) against the general path, bit for
 * bit: det, solve (vector), inv, cholesky, eigh, svd and matmul of n×n matrices with n = 1…8 (n² ≤ 64,
 * the small-matrix storage), on both backends, over matrix types that exercise its arithmetic —
 * pivot ties, signed zeros, exact zeros in the update, graded and ill-conditioned matrices, entries
 * near overflow and underflow — and over the cases it hands back to the general path (NaN/Inf,
 * singular, not positive definite, a determinant past the range), whose answers and errors must be
 * exactly the general path's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Matrix, cholesky, det, eigh, inv, matmul, memoryStats, solve, svd, tidy } from '../../../bindings/index.js';
import { setSmallPath } from '../../../bindings/api/small.js';
import { BACKENDS, onBackend, setupApi } from '../../util/api.js';
import { caught } from '../../util/errors.js';
import { expectBitwise } from '../../util/tolerance.js';
import { Rng } from '../../util/generate.js';
import { DISPOSE_KEY } from '../../util/engines.js';
import { backendNamed } from '../../../bindings/core/backend.js';

beforeAll(setupApi);

type Rows = number[][];

function build(n: number, f: (i: number, j: number) => number): Rows {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => f(i, j)));
}

/** The matrix types (row-major nested arrays) at order n. */
function types(n: number, seed: number): [string, Rows][] {
  const r = new Rng(seed);
  const rand = build(n, () => r.normal());
  const out: [string, Rows][] = [
    ['random', rand],
    ['identity', build(n, (i, j) => (i === j ? 1 : 0))],
    ['pivot ties', build(n, (i, j) => (j === 0 ? (i % 2 === 0 ? 1 : -1) : r.normal()))],
    ['signed zeros', build(n, (i, j) => (i === j ? 1 + i : (i + j) % 3 === 0 ? -0 : 0.5 * r.normal()))],
    ['integers', build(n, (i, j) => Math.round(5 * r.normal()))],
    ['graded', build(n, (i, j) => r.normal() * 10 ** (-3 * (i + j)))],
    ['ill-conditioned', build(n, (i, j) => 1 / (i + j + 1))], // Hilbert
    ['big', build(n, () => 1e150 * r.normal())],
    ['tiny', build(n, () => 1e-160 * r.normal())],
    ['near overflow (1e292)', build(n, () => 1e292 * r.normal())],
    ['near underflow (1e-292)', build(n, () => 1e-292 * r.normal())],
    ['zero', build(n, () => 0)],
    ['lower triangular', build(n, (i, j) => (j <= i ? r.normal() : 0))],
    ['upper with zero update', build(n, (i, j) => (j >= i ? (i === 0 && j > 0 ? 0 : r.normal()) : 0))],
  ];
  return out;
}

function sym(A: Rows): Rows {
  const n = A.length;
  return build(n, (i, j) => 0.5 * (A[i]![j]! + A[j]![i]!));
}

function spd(A: Rows): Rows {
  const n = A.length;
  // AᵀA + n·I, with the scale of A kept (so big/tiny stay big/tiny)
  let s = 0;
  for (const row of A) for (const x of row) s = Math.max(s, Math.abs(x));
  return build(n, (i, j) => {
    let t = 0;
    for (let k = 0; k < n; k++) t += (A[k]![i]! / (s || 1)) * (A[k]![j]! / (s || 1));
    return (t + (i === j ? n : 0)) * (s || 1);
  });
}

type Flat = { kind: 'value'; bits: Float64Array[] } | { kind: 'error'; type: string; message: string; code?: string };

/** A call's outcome as plain data: its numbers (matrices row-major), or its error. */
function outcome(f: () => unknown): Flat {
  let r: unknown;
  try {
    r = f();
  } catch (e) {
    return { kind: 'error', type: (e as Error).constructor.name, message: (e as Error).message, code: (e as { code?: string }).code };
  }
  const bits: Float64Array[] = [];
  const take = (v: unknown): void => {
    if (v instanceof Matrix) {
      bits.push(v.toFloat64Array());
      v.dispose();
    } else if (v instanceof Float64Array) bits.push(v.slice());
    else if (typeof v === 'number') bits.push(Float64Array.of(v));
    else if (v !== null && typeof v === 'object') for (const k of Object.keys(v).sort()) take((v as Record<string, unknown>)[k]);
  };
  take(r);
  return { kind: 'value', bits };
}

function lean<T>(on: boolean, f: () => T): T {
  const old = setSmallPath(on);
  try {
    return f();
  } finally {
    setSmallPath(old);
  }
}

/** Runs f with the lean path on and off on both backends and asserts the same outcome, bit for bit. */
function same(label: string, f: () => unknown): void {
  for (const be of BACKENDS) {
    const a = onBackend(be, () => lean(true, () => outcome(f)));
    const b = onBackend(be, () => lean(false, () => outcome(f)));
    expect(a.kind, `${label} (${be}): lean and general path both return or both throw`).toBe(b.kind);
    if (a.kind === 'error' && b.kind === 'error') {
      expect([a.type, a.code, a.message], `${label} (${be}): the same error`).toEqual([b.type, b.code, b.message]);
    } else if (a.kind === 'value' && b.kind === 'value') {
      expect(a.bits.length, `${label} (${be})`).toBe(b.bits.length);
      a.bits.forEach((x, i) => expectBitwise(`${label} (${be}) part ${i}`, x, b.bits[i]!));
    }
  }
}

describe('lean path for small square matrices ≡ the general path, bit for bit', () => {
  for (let n = 1; n <= 8; n++) {
    it(`n = ${n}: det, solve, inv, cholesky, eigh, svd, matmul over the matrix types`, () => {
      const b = Array.from({ length: n }, (_, i) => Math.sin(i + 1));
      for (const [name, rows] of types(n, 100 + n)) {
        const label = `${name} ${n}×${n}`;
        const A = Matrix.from(rows);
        const S = Matrix.from(sym(rows));
        const P = Matrix.from(spd(rows));
        try {
          same(`det ${label}`, () => det(A));
          same(`solve ${label}`, () => solve(A, b));
          same(`solve Float64Array ${label}`, () => solve(A, Float64Array.from(b)));
          same(`inv ${label}`, () => inv(A));
          same(`cholesky ${label}`, () => cholesky(P));
          same(`cholesky of a non-SPD ${label}`, () => cholesky(A));
          same(`eigh ${label}`, () => eigh(S));
          same(`svd ${label}`, () => svd(A));
          same(`matmul ${label}`, () => matmul(A, S));
          same(`A.matmul ${label}`, () => A.matmul(A));
        } finally {
          A.dispose();
          S.dispose();
          P.dispose();
        }
      }
    });
  }

  it('hands NaN, Inf, singular and out-of-range cases to the general path: its answers and errors', () => {
    const cases: [string, Rows][] = [
      ['NaN', [[1, NaN], [3, 4]]],
      ['Inf', [[Infinity, 2], [3, 4]]],
      ['singular', [[1, 2], [2, 4]]],
      ['zero', [[0, 0], [0, 0]]],
      ['zero first column', [[0, 1], [0, 2]]],
      ['det overflows', [[1e300, 1], [1, 1e300]]],
      ['det underflows', [[1e-300, 0], [0, 1e-300]]],
      ['3×3 singular', [[1, 2, 3], [4, 5, 6], [7, 8, 9]]],
      ['3×3 det overflows', [[1e200, 0, 0], [0, 1e200, 0], [0, 0, 1]]],
      ['3×3 NaN', [[1, 2, 3], [2, NaN, 1], [3, 1, 1]]],
      ['4×4 Inf', [[1, 2, 3, 4], [2, 1, 1, 1], [3, 1, -Infinity, 1], [4, 1, 1, 1]]],
      ['not SPD', [[1, 2], [2, 1]]],
      ['1×1 zero', [[0]]],
      ['1×1 negative', [[-4]]],
    ];
    for (const [name, rows] of cases) {
      const A = Matrix.from(rows);
      const n = rows.length;
      try {
        for (const [op, f] of [
          ['det', () => det(A)],
          ['solve', () => solve(A, new Array(n).fill(1))],
          ['inv', () => inv(A)],
          ['cholesky', () => cholesky(A)],
          ['eigh', () => eigh(A)],
          ['svd', () => svd(A)],
        ] as const) {
          same(`${op} ${name}`, f);
        }
        // A non-finite right-hand side, and one of the wrong length or type.
        same(`solve NaN b ${name}`, () => solve(A, new Array(n).fill(NaN)));
        same(`solve short b ${name}`, () => solve(A, new Array(n + 1).fill(1)));
        same(`solve string b ${name}`, () => solve(A, new Array(n).fill('1') as unknown as number[]));
      } finally {
        A.dispose();
      }
    }
  });

  it('leaves its inputs alone and takes no disposed, view or options call', () => {
    const A = Matrix.from([[4, 1], [1, 3]]);
    const before = A.toFloat64Array();
    const b = Float64Array.of(1, 2);
    for (const f of [() => det(A), () => solve(A, b), () => inv(A), () => cholesky(A), () => eigh(A), () => svd(A), () => matmul(A, A)]) {
      const r = f() as unknown;
      if (r !== null && typeof r === 'object' && 'dispose' in r) (r as { dispose(): void }).dispose();
    }
    expectBitwise('A untouched', A.toFloat64Array(), before);
    expectBitwise('b untouched', b, Float64Array.of(1, 2));
    // Options go the general way (and are honoured there).
    expect(det(A, { checkFinite: false })).toBe(det(A));
    A.dispose();
    for (const f of [() => det(A), () => solve(A, b), () => inv(A), () => cholesky(A), () => eigh(A), () => svd(A), () => matmul(A, A)]) {
      expect(caught(f), 'a disposed matrix is a ReferenceError, as on the general path').toBeInstanceOf(ReferenceError);
    }
  });

  it('eigh and svd results: the fields only as keys, dispose() and [Symbol.dispose]() free the matrices, idempotent, whole through tidy', () => {
    const A = Matrix.from([[4, 1], [1, 3]]);
    const e = eigh(A);
    const s = svd(A);
    expect(Object.keys(e)).toEqual(['values', 'vectors']);
    expect(Object.keys(s)).toEqual(['U', 's', 'Vt']);
    e.dispose();
    e.dispose();
    expect(e.vectors.disposed).toBe(true);
    s[DISPOSE_KEY]();
    s.dispose();
    expect(s.U!.disposed && s.Vt!.disposed).toBe(true);
    const t = tidy(() => svd(A.scale(2)));
    expect(t.U!.disposed || t.Vt!.disposed).toBe(false);
    t.dispose();
    A.dispose();
  });

  it('eigh and svd at n ≥ 3 on the wasm backend (wasm kernels on the scratch region, or on a block of their own when it is refused) ≡ the js backend, and fall back to the JS mirrors when linear memory runs out', () => {
    const be = backendNamed('wasm')! as unknown as { f64(n: number): unknown; scratch(n: number): unknown };
    for (const [n, A] of [3, 4, 5, 8].flatMap((n) => types(n, 700 + n).map(([, rows]) => [n, rows] as const))) {
      const S = sym(A);
      const want = onBackend('js', () => [outcome(() => eigh(Matrix.from(S))), outcome(() => svd(Matrix.from(A)))]);
      const got = onBackend('wasm', () => [outcome(() => eigh(Matrix.from(S))), outcome(() => svd(Matrix.from(A)))]);
      const own = be.f64;
      const ownScratch = be.scratch;
      let scratchAsked = 0;
      be.scratch = () => {
        scratchAsked++;
        return null;
      };
      let blocks: Flat[];
      let starved: Flat[];
      const stats = memoryStats();
      try {
        blocks = onBackend('wasm', () => [outcome(() => eigh(Matrix.from(S))), outcome(() => svd(Matrix.from(A)))]);
        be.f64 = () => {
          throw new RangeError('out of memory (injected)');
        };
        starved = onBackend('wasm', () => [outcome(() => eigh(Matrix.from(S))), outcome(() => svd(Matrix.from(A)))]);
      } finally {
        be.f64 = own;
        be.scratch = ownScratch;
      }
      expect(scratchAsked, 'the lean path asks for the scratch region first').toBe(4);
      expect(memoryStats().blocksInUse, 'no block left behind').toBe(stats.blocksInUse);
      for (let q = 0; q < 2; q++) {
        expect(got[q]!.kind, `n=${n} ${q}`).toBe('value');
        const w = want[q] as { bits: Float64Array[] };
        for (const [label, r] of [['wasm', got[q]!], ['wasm, own block', blocks[q]!], ['wasm, no memory', starved[q]!]] as const) {
          const g = r as { bits: Float64Array[] };
          expect(g.bits.length).toBe(w.bits.length);
          g.bits.forEach((x, i) => expectBitwise(`n=${n} ${q ? 'svd' : 'eigh'} ${label} part ${i}`, x, w.bits[i]!));
        }
      }
    }
  });
});
