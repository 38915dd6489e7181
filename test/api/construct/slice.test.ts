/**
 * Cutting pieces out: A.slice (numpy's basic slicing: half-open, negative bounds, omitted bounds,
 * clamping, empty results), A.selectRows / A.selectColumns (integer-array indexing: repeats, negative
 * indices, out of range named), A.setSlice (a new matrix; A untouched; B must fit), reshape / A.reshape
 * (row-major, −1 inferred) and A.flatten — against a plain row-major reference, on both backends, on
 * both sides of the 64-entry small-matrix threshold (3×3 and 20×20), with bad input and disposed
 * matrices giving typed errors naming the function, inputs never modified, nothing leaked.
 */
import { describe, it, expect } from 'vitest';
import { Matrix, reshape, arange, setBackend } from '../../../bindings/index.js';
import { setupLapackSuite, onBoth, onBackend, guarded, BACKENDS } from '../../util/api.js';
import { columns, dense, rowsOf, type Dense } from '../../util/dense.js';
import { expectError } from '../../util/errors.js';
import { expectBitwise } from '../../util/tolerance.js';

setupLapackSuite('construct/slice');

/** m×n with distinct entries (and a −0 and a NaN, which copies must carry bit for bit). */
function grid(m: number, n: number): Dense {
  const D = dense(m, n, Float64Array.from({ length: m * n }, (_, k) => (k % 2 === 0 ? 1 : -1) * (k + 0.5)));
  if (m * n > 2) {
    D.a[1] = -0;
    D.a[m * n - 2] = NaN;
  }
  return D;
}

const range = (a: number, b: number): number[] => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
/** The reference: rows ri and columns ci of D. */
const pick = (D: Dense, ri: number[], ci: number[]): Dense => rowsOf(columns(D, ci), ri);

/** numpy's slice bounds for step 1 (Python's slice.indices), written independently of the library. */
function pyRange(n: number, start: number | undefined, stop: number | undefined): number[] {
  const norm = (v: number | undefined, d: number): number => (v === undefined ? d : v < 0 ? Math.max(v + n, 0) : Math.min(v, n));
  return range(norm(start, 0), norm(stop, n));
}

describe('slice', () => {
  it('hand-computed: numpy semantics of negative, omitted and clamped bounds, empty results', () => {
    // A = arange(12).reshape(3, 4)
    for (const b of BACKENDS) {
      onBackend(b, () => {
        using A = Matrix.fromArray(arange(12), 3, 4);
        const cases: [string, Matrix, number[][] | [number, number]][] = [
          ['A[1:3, 1:3]', A.slice(1, 3, 1, 3), [[5, 6], [9, 10]]],
          ['A[:, -2:]', A.slice(undefined, undefined, -2), [[2, 3], [6, 7], [10, 11]]],
          ['A[-1:]', A.slice(-1), [[8, 9, 10, 11]]],
          ['A[:, :1]', A.slice(null, null, null, 1), [[0], [4], [8]]],
          ['A[:]', A.slice(), [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]],
          ['A[-5:2]', A.slice(-5, 2), [[0, 1, 2, 3], [4, 5, 6, 7]]],
          ['A[-100:-2]', A.slice(-100, -2), [[0, 1, 2, 3]]],
          ['A[1:100, 2:1e9]', A.slice(1, 100, 2, 1e9), [[6, 7], [10, 11]]],
          ['A[2:1] is 0×4', A.slice(2, 1), [0, 4]],
          ['A[1:100, 3:1] is 2×0', A.slice(1, 100, 3, 1), [2, 0]],
          ['A[3:] is 0×4', A.slice(3), [0, 4]],
          ['A[:, 4:] is 3×0', A.slice(0, 3, 4), [3, 0]],
          ['A[-1:-1] is 0×4', A.slice(-1, -1), [0, 4]],
        ];
        for (const [label, R, want] of cases) {
          if (want.length === 2 && typeof want[0] === 'number') expect(R.shape, label).toEqual(want);
          else expect(R.toArray(), label).toEqual(want);
          R.dispose();
        }
        expect(A.toArray()[0], 'A untouched').toEqual([0, 1, 2, 3]);
      });
    }
  });

  it('3×3 and 20×20 over many bounds: the reference, bit for bit, on both backends', () => {
    for (const n of [3, 20]) {
      const D = grid(n, n);
      const bounds = [undefined, 0, 1, -1, -n, n, n + 5, -(n + 5), Math.floor(n / 2)];
      for (const r0 of bounds) {
        for (const r1 of [undefined, -1, n, 2]) {
          for (const [c0, c1] of [[undefined, undefined], [1, -1], [-2, undefined], [n, 0]] as const) {
            const label = `${n}×${n} [${r0}:${r1}, ${c0}:${c1}]`;
            const want = pick(D, pyRange(n, r0, r1), pyRange(n, c0, c1));
            const got = onBoth(label, () => guarded(label, [D], [], ([A]) => A!.slice(r0, r1, c0, c1)));
            expectBitwise(label, got, want.a);
          }
        }
      }
    }
  });

  it('a slice of an empty matrix, and of a matrix on the other backend', () => {
    for (const b of BACKENDS) {
      onBackend(b, () => {
        using E = Matrix.zeros(0, 5);
        using S = E.slice(0, 1, 1, 3);
        expect(S.shape).toEqual([0, 2]);
        using F = Matrix.zeros(4, 0);
        using T = F.slice(1, 3);
        expect(T.shape).toEqual([2, 0]);
      });
    }
    const D = grid(20, 20);
    const W = onBackend('wasm', () => Matrix.fromArray(D.a, 20, 20));
    expectBitwise('wasm-stored matrix sliced under either backend', onBoth('mixed', () => W.slice(2, 19, 3, 20)), pick(D, range(2, 19), range(3, 20)).a);
    W.dispose();
  });

  it('bad bounds: non-integers are RangeErrors, non-numbers TypeErrors, a disposed matrix a ReferenceError', () => {
    using A = Matrix.eye(3);
    expectError(RangeError, '1.5', () => A.slice(1.5), /^Matrix\.slice: rowStart must be an integer, got 1\.5/);
    expectError(RangeError, 'NaN', () => A.slice(0, NaN), /^Matrix\.slice: rowEnd must be an integer, got NaN/);
    expectError(RangeError, 'Infinity', () => A.slice(0, 3, 0, Infinity), /^Matrix\.slice: colEnd must be an integer/);
    expectError(TypeError, "'1'", () => A.slice(0, 3, '1' as never), /^Matrix\.slice: colStart must be an integer \(or undefined\), got string/);
    expectError(TypeError, 'a bigint', () => A.slice(1n as never), /^Matrix\.slice: rowStart must be an integer/);
    const dead = Matrix.eye(2);
    dead.dispose();
    expectError(ReferenceError, 'disposed', () => dead.slice(0, 1), /^Matrix\.slice: the matrix was disposed/);
    expectError(ReferenceError, 'disposed, even when the bounds are bad', () => dead.slice('x' as never), /^Matrix\.slice: the matrix was disposed/);
  });
});

describe('selectRows, selectColumns', () => {
  it('hand-computed: order, repeats, negative indices, empty selections', () => {
    for (const b of BACKENDS) {
      onBackend(b, () => {
        using A = Matrix.fromArray(arange(12), 3, 4);
        using R = A.selectRows([0, -1, -1]);
        expect(R.toArray()).toEqual([[0, 1, 2, 3], [8, 9, 10, 11], [8, 9, 10, 11]]);
        using C = A.selectColumns(Int32Array.of(3, 0, -4));
        expect(C.toArray()).toEqual([[3, 0, 0], [7, 4, 4], [11, 8, 8]]);
        using E = A.selectRows([]);
        expect(E.shape).toEqual([0, 4]);
        using F = A.selectColumns(new Uint8Array(0));
        expect(F.shape).toEqual([3, 0]);
        using Z = Matrix.zeros(0, 3);
        using G = Z.selectColumns([2, -3]);
        expect(G.shape).toEqual([0, 2]);
        using Y = Matrix.zeros(3, 0);
        using H = Y.selectRows([1, 1, 1, 1]);
        expect(H.shape).toEqual([4, 0]);
        using P = A.selectRows(Float64Array.of(2, 1, 0)); // integer-valued floats are indices too
        expect(P.toArray()[0]).toEqual([8, 9, 10, 11]);
      });
    }
  });

  it('3×3 and 20×20: the reference, bit for bit, on both backends (results grow past 64 entries too)', () => {
    for (const n of [3, 20]) {
      const D = grid(n, n);
      const idx = [n - 1, 0, -1, Math.floor(n / 2), 0, -n, 1];
      const pos = idx.map((i) => (i < 0 ? i + n : i));
      const all = range(0, n);
      expectBitwise(`selectRows ${n}`, onBoth(`selectRows ${n}`, () => guarded(`selectRows ${n}`, [D], [Float64Array.from(idx)], ([A], [v]) => A!.selectRows(v!))), pick(D, pos, all).a);
      expectBitwise(`selectColumns ${n}`, onBoth(`selectColumns ${n}`, () => guarded(`selectColumns ${n}`, [D], [], ([A]) => A!.selectColumns(idx))), pick(D, all, pos).a);
      // 3×3 → 12 selected rows of 3 = 36 entries; 9 → 3×12 …; and 20 rows from a 3×3: 60; 30: 90 (> 64).
      const many = Array.from({ length: 30 }, (_, k) => (k * 7) % n);
      expectBitwise(`selectRows many ${n}`, onBoth(`selectRows many ${n}`, () => guarded(`many ${n}`, [D], [], ([A]) => A!.selectRows(many))), pick(D, many, all).a);
    }
  });

  it('bad indices: out of range named (value and position), non-integers, non-vectors; disposed', () => {
    using A = Matrix.fromArray(arange(12), 3, 4);
    expectError(RangeError, 'row 3', () => A.selectRows([0, 3]), /^Matrix\.selectRows: index 3 \(indices\[1\]\) is out of range for the 3 rows of a 3×4 matrix \(valid: -3 … 2\)/);
    expectError(RangeError, 'row -4', () => A.selectRows([-4]), /^Matrix\.selectRows: index -4 \(indices\[0\]\) is out of range/);
    expectError(RangeError, 'column 4', () => A.selectColumns([4]), /^Matrix\.selectColumns: index 4 \(indices\[0\]\) is out of range for the 4 columns of a 3×4 matrix/);
    expectError(RangeError, 'column -5', () => A.selectColumns(Int8Array.of(0, -5)), /^Matrix\.selectColumns: index -5 \(indices\[1\]\)/);
    expectError(RangeError, 'any index of an empty dimension', () => Matrix.zeros(0, 2).selectRows([0]), /^Matrix\.selectRows: index 0 .*0 rows of a 0×2 matrix/);
    expectError(RangeError, '0.5', () => A.selectRows([0.5]), /^Matrix\.selectRows: indices\[0\] = 0\.5 is not an integer/);
    expectError(RangeError, 'NaN', () => A.selectColumns([1, NaN]), /^Matrix\.selectColumns: indices\[1\] = NaN is not an integer/);
    expectError(TypeError, 'a string entry', () => A.selectRows([0, '1'] as never), /^Matrix\.selectRows: indices\[1\] must be a number/);
    expectError(TypeError, 'a number', () => A.selectRows(1 as never), /^Matrix\.selectRows: indices must be a vector.*number/);
    expectError(TypeError, 'nested', () => A.selectColumns([[0]] as never), /^Matrix\.selectColumns: indices must be a vector/);
    expectError(TypeError, 'BigInt', () => A.selectColumns(BigInt64Array.of(0n) as never), /^Matrix\.selectColumns: indices is a BigInt64Array/);
    expectError(TypeError, 'booleans (no masks)', () => A.selectRows([true, false, true] as never), /^Matrix\.selectRows: indices must be a vector/);
    const dead = Matrix.eye(2);
    dead.dispose();
    expectError(ReferenceError, 'disposed', () => dead.selectRows([0]), /^Matrix\.selectRows: the matrix was disposed/);
    expectError(ReferenceError, 'disposed', () => dead.selectColumns([0]), /^Matrix\.selectColumns: the matrix was disposed/);
  });
});

describe('setSlice', () => {
  it('a new matrix with B written at the offset; A untouched (hand-computed)', () => {
    for (const b of BACKENDS) {
      onBackend(b, () => {
        using A = Matrix.zeros(3, 4);
        using C = A.setSlice(1, 2, [[1, 2], [3, 4]]);
        expect(C.toArray()).toEqual([[0, 0, 0, 0], [0, 0, 1, 2], [0, 0, 3, 4]]);
        expect(A.toArray()).toEqual([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
        using N = A.setSlice(-1, -3, [7, 8, 9]); // a vector is one row (numpy broadcasting of A[-1, -3:] = v)
        expect(N.toArray()[2]).toEqual([0, 7, 8, 9]);
        using I = A.setSlice(0, 0, Matrix.eye(3, 4));
        expect(I.toArray()).toEqual([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]]);
        using E = A.setSlice(3, 4, Matrix.zeros(0, 0)); // an empty block fits at the far corner
        expect(E.toArray()).toEqual(A.toArray());
        using S = A.setSlice(0, 0, A); // B may be A itself
        expect(S.toArray()).toEqual(A.toArray());
      });
    }
  });

  it('3×3 and 20×20, mixed storage: the reference, bit for bit; neither A nor B modified', () => {
    for (const n of [3, 20]) {
      const D = grid(n, n);
      const Bd = dense(2, n - 1, Float64Array.from({ length: 2 * (n - 1) }, (_, k) => 1000 + k));
      const want = dense(n, n, D.a.slice());
      for (let i = 0; i < 2; i++) for (let j = 0; j < n - 1; j++) want.a[(n - 2 + i) * n + 1 + j] = Bd.a[i * (n - 1) + j]!;
      expectBitwise(`setSlice ${n}`, onBoth(`setSlice ${n}`, () => guarded(`setSlice ${n}`, [D, Bd], [], ([A, B]) => A!.setSlice(-2, 1, B!))), want.a);
      const Bj = onBackend('js', () => Matrix.fromArray(Bd.a, 2, n - 1));
      expectBitwise(`setSlice ${n} mixed`, onBoth(`setSlice ${n} mixed`, () => guarded(`mixed ${n}`, [D], [], ([A]) => A!.setSlice(n - 2, 1, Bj))), want.a);
      Bj.dispose();
    }
  });

  it('B must fit: RangeError with both shapes and the position; bad positions and B typed errors', () => {
    using A = Matrix.zeros(3, 4);
    expectError(RangeError, 'too tall', () => A.setSlice(2, 0, [[1], [2]]), /^Matrix\.setSlice: a 2×1 block at \(2, 0\) does not fit in a 3×4 matrix/);
    expectError(RangeError, 'too wide', () => A.setSlice(0, -1, [1, 2]), /^Matrix\.setSlice: a 1×2 block at \(0, -1\) does not fit in a 3×4 matrix/);
    expectError(RangeError, 'before the start', () => A.setSlice(-4, 0, [[1]]), /^Matrix\.setSlice: a 1×1 block at \(-4, 0\) does not fit/);
    expectError(RangeError, 'past the end, even empty', () => A.setSlice(4, 0, Matrix.zeros(0, 0)), /^Matrix\.setSlice: a 0×0 block at \(4, 0\)/);
    expectError(RangeError, 'bigger than A', () => A.setSlice(0, 0, Matrix.zeros(4, 4)), /4×4 block .* 3×4 matrix/);
    expectError(RangeError, 'non-integer', () => A.setSlice(0.5, 0, [[1]]), /^Matrix\.setSlice: rowStart must be an integer, got 0\.5/);
    expectError(TypeError, 'missing', () => A.setSlice(0, undefined as never, [[1]]), /^Matrix\.setSlice: colStart must be an integer, got undefined/);
    expectError(TypeError, 'B a number', () => A.setSlice(0, 0, 5 as never), /^Matrix\.setSlice: B must be a Matrix or an array of rows/);
    expectError(RangeError, 'B ragged', () => A.setSlice(0, 0, [[1, 2], [3]]), /^Matrix\.setSlice: B is ragged/);
    const dead = Matrix.eye(2);
    dead.dispose();
    expectError(ReferenceError, 'B disposed', () => A.setSlice(0, 0, dead), /^Matrix\.setSlice: B is a disposed Matrix/);
    expectError(ReferenceError, 'A disposed', () => dead.setSlice(0, 0, A), /^Matrix\.setSlice: the matrix was disposed/);
  });
});

describe('reshape, flatten', () => {
  it('row-major (numpy order C), hand-computed; -1 inferred; the free function takes matrices, nested rows and vectors', () => {
    for (const b of BACKENDS) {
      onBackend(b, () => {
        using A = Matrix.from([[1, 2, 3], [4, 5, 6]]);
        using B = A.reshape(3, 2);
        expect(B.toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
        using C = A.reshape(-1, 1);
        expect(C.toArray()).toEqual([[1], [2], [3], [4], [5], [6]]);
        using D = A.reshape(1, -1);
        expect(D.toArray()).toEqual([[1, 2, 3, 4, 5, 6]]);
        using E = reshape([[1, 2, 3], [4, 5, 6]], 3, -1);
        expect(E.toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
        using F = reshape(arange(6), 2, 3);
        expect(F.toArray()).toEqual([[0, 1, 2], [3, 4, 5]]);
        using G = reshape([Int32Array.of(1, 2), Int32Array.of(3, 4)] as never, 4, 1); // typed-array rows (accepted, outside MatrixLike's type)
        expect(G.toArray()).toEqual([[1], [2], [3], [4]]);
        expect(Array.from(A.flatten())).toEqual([1, 2, 3, 4, 5, 6]);
        expect(A.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
      });
    }
  });

  it('3×3 and 20×20 (and 400 → 16×25, 8×50): the row-major entries unchanged, bit for bit, on both backends', () => {
    for (const [m, n, shapes] of [[3, 3, [[9, 1], [1, 9], [-1, 3]]], [20, 20, [[16, 25], [8, -1], [400, 1], [-1, 400], [4, 100]]]] as const) {
      const D = grid(m, n);
      for (const [r, c] of shapes) {
        const label = `${m}×${n} → ${r}×${c}`;
        expectBitwise(label, onBoth(label, () => guarded(label, [D], [], ([A]) => A!.reshape(r, c))), D.a);
        expectBitwise(`${label} (vector)`, onBoth(`${label} vector`, () => reshape(D.a, r, c)), D.a);
        expectBitwise(`${label} (nested)`, onBoth(`${label} nested`, () => reshape(Array.from({ length: m }, (_, i) => Array.from(D.a.subarray(i * n, i * n + n))), r, c)), D.a);
      }
      expectBitwise(`${m}×${n} flatten`, onBoth(`flatten ${m}`, () => guarded('flatten', [D], [], ([A]) => A!.flatten())), D.a);
    }
  });

  it('empty shapes: 0 entries reshape to any shape with 0 entries; -1 with the other dimension given', () => {
    for (const b of BACKENDS) {
      onBackend(b, () => {
        using Z = Matrix.zeros(0, 3);
        using A = Z.reshape(3, 0);
        using B = Z.reshape(-1, 3);
        using C = Z.reshape(-1, 5); // numpy: zeros((0, 3)).reshape(-1, 5) is 0×5
        using D = reshape([], 0, 7);
        expect([A.shape, B.shape, C.shape, D.shape]).toEqual([[3, 0], [0, 3], [0, 5], [0, 7]]);
        expect(Z.flatten().length).toBe(0);
      });
    }
  });

  it('bad shapes: RangeError naming both shapes; -1 twice, -1 with 0, other negatives; typed errors for the rest', () => {
    using A = Matrix.from([[1, 2, 3], [4, 5, 6]]);
    expectError(RangeError, '5×3', () => A.reshape(5, 3), /^reshape: cannot reshape a 2×3 matrix \(6 entries\) into 5×3 \(15 entries\)/);
    expectError(RangeError, '?×4', () => A.reshape(-1, 4), /^reshape: cannot reshape a 2×3 matrix \(6 entries\) into \?×4/);
    expectError(RangeError, '-1, -1', () => A.reshape(-1, -1), /^reshape: only one dimension can be -1/);
    expectError(RangeError, '-1 with 0 (numpy cannot infer it)', () => Matrix.zeros(0, 3).reshape(-1, 0), /^reshape: cannot reshape a 0×3 matrix \(0 entries\) into \?×0/);
    expectError(RangeError, '-2', () => A.reshape(-2, 3), /^reshape: rows must be an integer in \[0, 2\^28\] or -1/);
    expectError(RangeError, '1.5', () => A.reshape(4, 1.5), /^reshape: cols must be an integer/);
    expectError(RangeError, '2^29', () => Matrix.zeros(0, 0).reshape(2 ** 29, 0), /^reshape: rows must be an integer in \[0, 2\^28\]/);
    expectError(TypeError, "'2'", () => A.reshape('2' as never, 3), /^reshape: rows must be an integer, got string/);
    expectError(TypeError, 'undefined', () => A.reshape(6, undefined as never), /^reshape: cols must be an integer, got undefined/);
    expectError(RangeError, 'a vector of 5', () => reshape([1, 2, 3, 4, 5], 2, -1), /^reshape: cannot reshape a vector of 5 entries into 2×\?/);
    expectError(RangeError, 'ragged', () => reshape([[1, 2], [3]], 3, 1), /^reshape: A is ragged/);
    expectError(TypeError, 'a string', () => reshape('abcd' as never, 2, 2), /^reshape: A must be a Matrix, an array of rows \(number\[\]\[\]\) or a vector, got string/);
    expectError(TypeError, 'a BigInt vector', () => reshape(new BigInt64Array(4) as never, 2, 2), /^reshape: A is a BigInt64Array/);
    const dead = Matrix.eye(2);
    dead.dispose();
    expectError(ReferenceError, 'disposed', () => dead.reshape(4, 1), /^reshape: A is a disposed Matrix/);
    expectError(ReferenceError, 'disposed', () => reshape(dead, 4, 1), /^reshape: A is a disposed Matrix/);
    expectError(ReferenceError, 'flatten disposed', () => dead.flatten(), /^Matrix\.flatten: the matrix was disposed/);
    setBackend('wasm');
  });
});
