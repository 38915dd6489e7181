/**
 * Seeded property tests (fast-check, seed 42): algebraic identities of the Matrix API on random
 * shapes (0…12, with shrinking towards small counterexamples) and LAPACK-style matrix kinds.
 * Identities that hold exactly in floating point are asserted bit for bit; the others within the
 * error bound of the computation, scaled by the |·| quantity of its analysis.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { Matrix, add, sub, matmul, transpose, gram, scale, setBackend, memoryStats } from '../../../bindings/index.js';
import { setupApi, BACKENDS } from '../../util/api.js';
import { Rng, MATRIX_KINDS, matrix } from '../../util/generate.js';
import { expectBitwise, expectScaled } from '../../util/tolerance.js';

beforeAll(setupApi);

const RUNS = { seed: 42, numRuns: 60 };

const dim = fc.integer({ min: 0, max: 12 });
const kind = fc.constantFrom(...MATRIX_KINDS);
const seed = fc.integer({ min: 1, max: 2 ** 31 - 1 });

/** A rows×cols Matrix of the kind, on the current backend (row-major fill of a column-major array). */
function mat(s: number, k: (typeof MATRIX_KINDS)[number], rows: number, cols: number): Matrix {
  const a = matrix(new Rng(s), k, rows, cols);
  const rm = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) rm[i * cols + j] = a[i + j * Math.max(1, rows)]!;
  return Matrix.fromArray(rm, rows, cols);
}

/** |X| entrywise (row-major). */
const absOf = (x: Float64Array): Float64Array => x.map(Math.abs);

/** |A||B| in row-major, as the bound of a product. */
function absProduct(A: Matrix, B: Matrix): Float64Array {
  const a = absOf(A.toFloat64Array());
  const b = absOf(B.toFloat64Array());
  const [m, k, n] = [A.rows, A.cols, B.cols];
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) out[i * n + j] = out[i * n + j]! + a[i * k + p]! * b[p * n + j]!;
  return out;
}

describe.each(BACKENDS)('properties on the %s backend', (backendName) => {
  beforeAll(() => setBackend(backendName));
  afterAll(() => setBackend('wasm'));

  it('(A + B) − B ≈ A within 2ε(|A| + |B|)', () => {
    fc.assert(
      fc.property(dim, dim, kind, seed, (m, n, k, s) => {
        using A = mat(s, k, m, n);
        using B = mat(s + 1, k, m, n);
        using S = add(A, B);
        using D = sub(S, B);
        const bound = absOf(A.toFloat64Array()).map((v, i) => v + Math.abs(B.toFloat64Array()[i]!));
        expectScaled('(A+B)−B', D.toFloat64Array(), A.toFloat64Array(), bound, 2);
      }),
      RUNS,
    );
  });

  it('A − A = 0 and (Aᵀ)ᵀ = A exactly; scaling by 2^±k and back is exact', () => {
    fc.assert(
      fc.property(dim, dim, kind, seed, fc.integer({ min: -40, max: 40 }), (m, n, k, s, e) => {
        using A = mat(s, k, m, n);
        using Z = sub(A, A);
        expect(Z.toFloat64Array().every((v) => v === 0)).toBe(true);
        using T = transpose(A);
        using TT = transpose(T);
        expectBitwise('(Aᵀ)ᵀ', TT.toFloat64Array(), A.toFloat64Array());
        using U = scale(A, 2 ** e);
        using V = scale(U, 2 ** -e);
        expectBitwise('scale 2^e then 2^-e', V.toFloat64Array(), A.toFloat64Array());
      }),
      RUNS,
    );
  });

  it('(AB)ᵀ ≈ BᵀAᵀ within 2·2(k+2)ε·|A||B|', () => {
    fc.assert(
      fc.property(dim, dim, dim, kind, seed, (m, k, n, kd, s) => {
        using A = mat(s, kd, m, k);
        using B = mat(s + 7, kd, k, n);
        using AB = matmul(A, B);
        using ABt = transpose(AB);
        using Bt = transpose(B);
        using At = transpose(A);
        using BtAt = matmul(Bt, At);
        using bound = Matrix.fromArray(absProduct(A, B), m, n);
        using boundT = transpose(bound);
        expectScaled('(AB)ᵀ vs BᵀAᵀ', BtAt.toFloat64Array(), ABt.toFloat64Array(), boundT.toFloat64Array(), 4 * (k + 2));
      }),
      RUNS,
    );
  });

  it('(AB)C ≈ A(BC) within 4(k + l + 4)ε·|A||B||C|', () => {
    fc.assert(
      fc.property(dim, dim, dim, dim, kind, seed, (m, k, l, n, kd, s) => {
        using A = mat(s, kd, m, k);
        using B = mat(s + 1, kd, k, l);
        using C = mat(s + 2, kd, l, n);
        using AB = matmul(A, B);
        using left = matmul(AB, C);
        using BC = matmul(B, C);
        using right = matmul(A, BC);
        using absAB = Matrix.fromArray(absProduct(A, B), m, l);
        const bound = absProduct(absAB, C);
        expectScaled('(AB)C vs A(BC)', left.toFloat64Array(), right.toFloat64Array(), bound, 4 * (k + l + 4));
      }),
      RUNS,
    );
  });

  it('gram(A) ≈ AᵀA within 2·2(m+2)ε·|A|ᵀ|A| and is exactly symmetric', () => {
    fc.assert(
      fc.property(dim, dim, kind, seed, fc.boolean(), (m, n, kd, s, rowsOpt) => {
        using A = mat(s, kd, m, n);
        using G = gram(A, { rows: rowsOpt });
        using At = transpose(A);
        using P = rowsOpt ? matmul(A, At) : matmul(At, A);
        const g = G.toFloat64Array();
        const size = G.rows;
        expect(G.cols).toBe(size);
        for (let i = 0; i < size; i++) for (let j = 0; j < i; j++) expect(g[i * size + j]).toBe(g[j * size + i]);
        const bound = rowsOpt ? absProduct(A, At) : absProduct(At, A);
        expectScaled('gram vs AᵀA', g, P.toFloat64Array(), bound, 4 * ((rowsOpt ? n : m) + 2));
      }),
      RUNS,
    );
  });

  it('operations leave their inputs unchanged and free every temporary', () => {
    fc.assert(
      fc.property(dim, dim, kind, seed, (m, n, kd, s) => {
        const before = memoryStats();
        const A = mat(s, kd, m, n);
        const snap = A.toFloat64Array();
        const T = transpose(A);
        const results = [T, add(A, A), gram(A), scale(A, 3), matmul(A, T), sub(A, A)];
        expectBitwise('A unchanged', A.toFloat64Array(), snap);
        for (const r of results) r.dispose();
        A.dispose();
        expect(memoryStats().blocksInUse).toBe(before.blocksInUse);
        expect(memoryStats().bytesInUse).toBe(before.bytesInUse);
      }),
      { seed: 42, numRuns: 20 },
    );
  });
});

