/**
 * Building matrices from pieces: Matrix.fromColumns / fromRows / columnVector / rowVector, hstack,
 * vstack, blockDiag — values against hand-written expectations and a plain row-major reference,
 * numpy's (scipy's for blockDiag) meaning of empty members, both sides of the 64-entry small-matrix
 * threshold (3×3 on the JS heap, 20×20 in linear memory under the wasm backend), mixed storage,
 * bad input (typed errors naming the function), inputs never modified, nothing leaked.
 */
import { describe, it, expect } from 'vitest';
import { Matrix, hstack, vstack, blockDiag, setBackend } from '../../../bindings/index.js';
import { setupLapackSuite, onBoth, onBackend, guarded, storedOn, BACKENDS } from '../../util/api.js';
import { dense, fromRows as denseRows, type Dense } from '../../util/dense.js';
import { expectError } from '../../util/errors.js';
import { expectBitwise } from '../../util/tolerance.js';

setupLapackSuite('construct/build');

/** m×n, entry (i, j) = 100·i + j + seed/8 with a sign pattern: distinct values, bit-exact copies visible. */
function grid(m: number, n: number, seed = 0): Dense {
  const D = dense(m, n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) D.a[i * n + j] = ((i + j) % 3 === 0 ? -1 : 1) * (100 * i + j + seed / 8);
  return D;
}

/** Row-major references. */
function refHstack(ds: Dense[]): Dense {
  const m = ds[0]!.m;
  const n = ds.reduce((s, d) => s + d.n, 0);
  const C = dense(m, n);
  let j0 = 0;
  for (const d of ds) {
    for (let i = 0; i < m; i++) for (let j = 0; j < d.n; j++) C.a[i * n + j0 + j] = d.a[i * d.n + j]!;
    j0 += d.n;
  }
  return C;
}
function refVstack(ds: Dense[]): Dense {
  const n = ds[0]!.n;
  return dense(ds.reduce((s, d) => s + d.m, 0), n, Float64Array.from(ds.flatMap((d) => Array.from(d.a))));
}
function refBlockDiag(ds: Dense[]): Dense {
  const m = ds.reduce((s, d) => s + d.m, 0);
  const n = ds.reduce((s, d) => s + d.n, 0);
  const C = dense(m, n);
  let i0 = 0;
  let j0 = 0;
  for (const d of ds) {
    for (let i = 0; i < d.m; i++) for (let j = 0; j < d.n; j++) C.a[(i0 + i) * n + j0 + j] = d.a[i * d.n + j]!;
    i0 += d.m;
    j0 += d.n;
  }
  return C;
}
const rowsOf = (D: Dense): number[][] => Array.from({ length: D.m }, (_, i) => Array.from(D.a.subarray(i * D.n, i * D.n + D.n)));

describe('fromColumns, fromRows, columnVector, rowVector', () => {
  it('values: columns and rows of any numeric array, row-major at the API', () => {
    const C = onBoth('fromColumns 3×2', () => Matrix.fromColumns([[1, 2, 3], Float64Array.of(4, 5, 6)]));
    expectBitwise('fromColumns', C, [1, 4, 2, 5, 3, 6]);
    const R = onBoth('fromRows 2×3', () => Matrix.fromRows([Int32Array.of(1, -2, 3), [4.5, 5, 6]]));
    expectBitwise('fromRows', R, [1, -2, 3, 4.5, 5, 6]);
    expectBitwise('Float32Array column', onBoth('fromColumns f32', () => Matrix.fromColumns([Float32Array.of(0.1, 2)])), [Math.fround(0.1), 2]);
    expectBitwise('Uint8 row', onBoth('fromRows u8', () => Matrix.fromRows([Uint8Array.of(255, 0)])), [255, 0]);
    const c = onBoth('columnVector', () => Matrix.columnVector([1, -0, NaN]));
    expectBitwise('columnVector', c, [1, -0, NaN]);
    const r = onBoth('rowVector', () => Matrix.rowVector(Int16Array.of(7, 8)));
    expectBitwise('rowVector', r, [7, 8]);
    for (const b of BACKENDS) {
      onBackend(b, () => {
        using cv = Matrix.columnVector([1, 2, 3]);
        using rv = Matrix.rowVector([1, 2, 3]);
        expect([cv.shape, rv.shape]).toEqual([[3, 1], [1, 3]]);
      });
    }
  });

  it('both sides of the 64-entry threshold: 3×3 and 20×20 (and a 65-entry vector), stored where they must be', () => {
    for (const n of [3, 20]) {
      const D = grid(n, n, 1);
      const rows = rowsOf(D);
      const cols = rows.map((_, j) => rows.map((r) => r[j]!));
      expectBitwise(`fromRows ${n}×${n}`, onBoth(`fromRows ${n}`, () => Matrix.fromRows(rows.map((r) => Float64Array.from(r)))), D.a);
      expectBitwise(`fromColumns ${n}×${n}`, onBoth(`fromColumns ${n}`, () => Matrix.fromColumns(cols)), D.a);
    }
    const v = Float64Array.from({ length: 65 }, (_, i) => i - 32.5);
    expectBitwise('columnVector 65', onBoth('columnVector 65', () => Matrix.columnVector(v)), v);
    expectBitwise('rowVector 65', onBoth('rowVector 65', () => Matrix.rowVector(v)), v);
    for (const b of BACKENDS) {
      onBackend(b, () => {
        using M = Matrix.fromRows([v]);
        expect(M.backend).toBe(storedOn(b, M));
        expect(M.backend).toBe(b);
      });
    }
  });

  it('empty: an empty list is 0×0, empty vectors give n×0 / 0×1 / 1×0', () => {
    for (const b of BACKENDS) {
      onBackend(b, () => {
        using A = Matrix.fromColumns([]);
        using B = Matrix.fromRows([]);
        using C = Matrix.fromColumns([[], []]);
        using D = Matrix.fromRows([[], [], []]);
        using E = Matrix.columnVector([]);
        using F = Matrix.rowVector(new Float64Array(0));
        expect([A.shape, B.shape, C.shape, D.shape, E.shape, F.shape]).toEqual([[0, 0], [0, 0], [0, 2], [3, 0], [0, 1], [1, 0]]);
      });
    }
  });

  it('bad input: typed errors naming the function; the input vectors are not modified', () => {
    expectError(RangeError, 'ragged columns', () => Matrix.fromColumns([[1, 2], [3]]), /^Matrix\.fromColumns: cols is ragged: cols\[0\] has 2 entries but cols\[1\] has 1/);
    expectError(RangeError, 'ragged rows', () => Matrix.fromRows([[1, 2], Float64Array.of(3, 4, 5)]), /^Matrix\.fromRows: rows is ragged/);
    expectError(TypeError, 'a flat vector', () => Matrix.fromColumns([1, 2, 3] as never), /^Matrix\.fromColumns: cols\[0\] is a number.*Matrix\.columnVector/);
    expectError(TypeError, 'not an array', () => Matrix.fromRows('ab' as never), /^Matrix\.fromRows: rows must be an array of vectors/);
    expectError(TypeError, 'a Matrix', () => Matrix.fromRows(Matrix.eye(2) as never), /^Matrix\.fromRows: rows must be an array of vectors.*Matrix/);
    expectError(TypeError, 'a non-numeric entry', () => Matrix.fromColumns([[1, 'x']] as never), /^Matrix\.fromColumns: cols\[0\]\[1\] must be a number/);
    expectError(TypeError, 'a BigInt column', () => Matrix.fromColumns([new BigInt64Array(2)] as never), /^Matrix\.fromColumns: cols\[0\] is a BigInt64Array/);
    expectError(TypeError, 'a null row', () => Matrix.fromRows([[1], null] as never), /^Matrix\.fromRows: rows\[1\] must be a vector/);
    expectError(TypeError, 'columnVector of a matrix', () => Matrix.columnVector([[1], [2]] as never), /^Matrix\.columnVector: v must be a vector/);
    expectError(TypeError, 'rowVector of null', () => Matrix.rowVector(null as never), /^Matrix\.rowVector: v must be a vector.*null/);
    expectError(TypeError, 'rowVector of a DataView', () => Matrix.rowVector(new DataView(new ArrayBuffer(8)) as never), /^Matrix\.rowVector: v must be a vector/);
    const vs = [Float64Array.of(1, 2), Float64Array.of(3, 4)];
    guarded('fromColumns', [], vs, (_, [a, b]) => {
      using M = Matrix.fromColumns([a!, b!]);
      M.set(0, 0, 99); // the result is a copy: writing it leaves the inputs alone
    });
    guarded('columnVector', [], vs, (_, [a]) => {
      using M = Matrix.columnVector(a!);
      M.set(1, 0, 99);
    });
  });
});

describe('hstack, vstack', () => {
  it('values: Matrix and nested members, hand-computed', () => {
    const h = onBoth('hstack', () => {
      using A = Matrix.from([[1, 2], [3, 4]]);
      return hstack([A, [[5], [6]], Matrix.zeros(2, 0)]);
    });
    expectBitwise('hstack', h, [1, 2, 5, 3, 4, 6]);
    const v = onBoth('vstack', () => {
      using A = Matrix.from([[1, 2], [3, 4]]);
      return vstack([A, [[5, 6]], [7, 8], Int8Array.of(-9, 10), Matrix.zeros(0, 2)]);
    });
    expectBitwise('vstack with vectors as rows', v, [1, 2, 3, 4, 5, 6, 7, 8, -9, 10]);
    for (const b of BACKENDS) {
      onBackend(b, () => {
        using H = hstack([[[1], [2]], [[3, 4], [5, 6]]]);
        expect(H.toArray()).toEqual([[1, 3, 4], [2, 5, 6]]);
        using V = vstack([[1, 2, 3]]);
        expect(V.shape).toEqual([1, 3]);
        using S = hstack([Matrix.eye(2)]); // one member: a copy
        expect(S.toArray()).toEqual([[1, 0], [0, 1]]);
      });
    }
  });

  it('3×3 and 20×20 members (JS heap and linear memory), mixed storage: the plain reference, bit for bit', () => {
    for (const n of [3, 20]) {
      const ds = [grid(n, n, 1), grid(n, 2, 2), grid(n, n + 1, 3)];
      const want = refHstack(ds);
      expectBitwise(`hstack ${n}`, onBoth(`hstack ${n}`, () => guarded(`hstack ${n}`, ds, [], (Ms) => hstack(Ms))), want.a);
      const dv = [grid(n, n, 1), grid(2, n, 2), grid(n + 1, n, 3)];
      expectBitwise(`vstack ${n}`, onBoth(`vstack ${n}`, () => guarded(`vstack ${n}`, dv, [], (Ms) => vstack(Ms))), refVstack(dv).a);
      // Members stored on either backend, and nested arrays, under either selected backend.
      const [w, j] = [onBackend('wasm', () => Matrix.fromArray(ds[0]!.a, n, n)), onBackend('js', () => Matrix.fromArray(ds[1]!.a, n, 2))];
      expectBitwise(`hstack mixed ${n}`, onBoth(`hstack mixed ${n}`, () => hstack([w, j, rowsOf(ds[2]!)])), want.a);
      w.dispose();
      j.dispose();
    }
  });

  it("numpy's empty members: n×0 / 0×n add nothing but must still match; [] in vstack is a 1×0 row", () => {
    for (const b of BACKENDS) {
      onBackend(b, () => {
        using A = hstack([Matrix.zeros(3, 0), Matrix.zeros(3, 0)]);
        expect(A.shape).toEqual([3, 0]);
        using B = hstack([Matrix.zeros(0, 2), Matrix.zeros(0, 5)]);
        expect(B.shape).toEqual([0, 7]);
        using C = vstack([Matrix.zeros(2, 0), []]); // numpy: vstack([zeros((2, 0)), []]) is 3×0
        expect(C.shape).toEqual([3, 0]);
        using D = vstack([Matrix.zeros(0, 3), Matrix.zeros(0, 3)]);
        expect(D.shape).toEqual([0, 3]);
        using E = hstack([[]]); // [] as a matrix: 0×0
        expect(E.shape).toEqual([0, 0]);
        expectError(RangeError, 'hstack 3×0 with 2×3', () => hstack([Matrix.zeros(3, 0), Matrix.zeros(2, 3)]), /^hstack: .*matrices\[0\] is 3×0 but matrices\[1\] is 2×3/);
        expectError(RangeError, 'vstack 0×2 with 2×3', () => vstack([Matrix.zeros(0, 2), Matrix.zeros(2, 3)]), /^vstack: .*0×2.*2×3/);
      });
    }
  });

  it('bad input: typed errors naming the function, shapes in the message; inputs untouched', () => {
    const A = grid(2, 3);
    guarded('hstack errors', [A, grid(3, 3)], [], ([M, N]) => {
      expectError(RangeError, 'hstack []', () => hstack([]), /^hstack: needs at least one matrix/);
      expectError(RangeError, 'vstack []', () => vstack([]), /^vstack: needs at least one matrix/);
      expectError(RangeError, 'heights differ', () => hstack([M!, N!]), /^hstack: every matrix needs the same number of rows: matrices\[0\] is 2×3 but matrices\[1\] is 3×3/);
      expectError(RangeError, 'widths differ', () => vstack([M!, [1, 2]]), /^vstack: every matrix needs the same number of columns: matrices\[0\] is 2×3 but matrices\[1\] is 1×2/);
      expectError(TypeError, 'a vector in hstack', () => hstack([M!, [1, 2] as never]), /^hstack: matrices\[1\] is a vector.*Matrix\.columnVector/);
      expectError(TypeError, 'a typed array in hstack', () => hstack([Float64Array.of(1, 2) as never]), /^hstack: matrices\[0\] is a vector/);
      expectError(RangeError, 'ragged', () => hstack([[[1, 2], [3]]]), /^hstack: matrices\[0\] is ragged/);
      expectError(TypeError, 'non-numeric', () => vstack([[[1, 'a']] as never]), /^vstack: matrices\[0\]\[0\]\[1\] must be a number/);
      expectError(TypeError, 'non-numeric vector row', () => vstack([[1, 'a'] as never]), /^vstack: matrices\[0\]\[1\] must be a number/);
      expectError(TypeError, 'BigInt row', () => vstack([new BigInt64Array(2) as never]), /^vstack: matrices\[0\] is a BigInt64Array/);
      expectError(TypeError, 'a string member', () => vstack(['ab' as never]), /^vstack: matrices\[0\] must be a Matrix or an array of rows.*string/);
      expectError(TypeError, 'not a list', () => hstack(M as never), /^hstack: matrices must be an array of matrices, got Matrix/);
      expectError(TypeError, 'null', () => vstack(null as never), /^vstack: matrices must be an array.*null/);
      const dead = Matrix.eye(2);
      dead.dispose();
      expectError(ReferenceError, 'disposed', () => hstack([M!, dead]), /^hstack: matrices\[1\] is a disposed Matrix/);
      expectError(ReferenceError, 'disposed', () => vstack([dead]), /^vstack: matrices\[0\] is a disposed Matrix/);
    });
  });
});

describe('blockDiag', () => {
  it('values, hand-computed; vectors are rows, as in scipy', () => {
    const D = onBoth('blockDiag', () => blockDiag([[[1, 2], [3, 4]], Matrix.from([[5]])]));
    expectBitwise('blockDiag', D, [1, 2, 0, 3, 4, 0, 0, 0, 5]);
    const V = onBoth('blockDiag vectors', () => blockDiag([[1, 2], Float64Array.of(3)]));
    expectBitwise('blockDiag of rows', V, [1, 2, 0, 0, 0, 3]); // scipy: block_diag([1, 2], [3]) = [[1, 2, 0], [0, 0, 3]]
  });

  it("scipy's empty blocks: an m×0 block adds zero rows, a 0×n block zero columns; [] is 1×0; no blocks is 1×0", () => {
    expectBitwise('2×0 block', onBoth('blockDiag 2×0', () => blockDiag([Matrix.zeros(2, 0), [[1]]])), [0, 0, 1]);
    expectBitwise('0×2 block', onBoth('blockDiag 0×2', () => blockDiag([[[1]], Matrix.zeros(0, 2)])), [1, 0, 0]);
    for (const b of BACKENDS) {
      onBackend(b, () => {
        using A = blockDiag([Matrix.zeros(2, 0), [[1]]]);
        expect(A.toArray()).toEqual([[0], [0], [1]]);
        using B = blockDiag([]);
        expect(B.shape).toEqual([1, 0]);
        using C = blockDiag([[]]);
        expect(C.shape).toEqual([1, 0]);
        using E = blockDiag([[[]]]);
        expect(E.shape).toEqual([1, 0]);
        using F = blockDiag([Matrix.zeros(0, 0), Matrix.zeros(0, 0)]);
        expect(F.shape).toEqual([0, 0]);
      });
    }
  });

  it('3×3 and 20×20 blocks, mixed storage: the plain reference, bit for bit (zeros included)', () => {
    for (const n of [3, 20]) {
      const ds = [grid(n, n, 1), grid(2, 5, 2), grid(n, 1, 3)];
      expectBitwise(`blockDiag ${n}`, onBoth(`blockDiag ${n}`, () => guarded(`blockDiag ${n}`, ds, [], (Ms) => blockDiag(Ms))), refBlockDiag(ds).a);
      const j = onBackend('js', () => Matrix.fromArray(ds[0]!.a, n, n));
      expectBitwise(`blockDiag mixed ${n}`, onBoth(`blockDiag mixed ${n}`, () => blockDiag([j, rowsOf(ds[1]!), rowsOf(ds[2]!)])), refBlockDiag(ds).a);
      j.dispose();
    }
  });

  it('bad input: typed errors naming the function', () => {
    expectError(TypeError, 'not a list', () => blockDiag(5 as never), /^blockDiag: matrices must be an array/);
    expectError(RangeError, 'ragged', () => blockDiag([[[1], [2, 3]]]), /^blockDiag: matrices\[0\] is ragged/);
    expectError(TypeError, 'a string', () => blockDiag([[[1]], 'x' as never]), /^blockDiag: matrices\[1\] must be a Matrix/);
    const dead = Matrix.eye(2);
    dead.dispose();
    expectError(ReferenceError, 'disposed', () => blockDiag([dead]), /^blockDiag: matrices\[0\] is a disposed Matrix/);
    setBackend('wasm');
  });
});

describe('a result too large for one matrix is refused before anything is allocated', () => {
  it('hstack / vstack / blockDiag of empty members past 2^28', () => {
    using Z = Matrix.zeros(0, 2 ** 28);
    using Y = Matrix.zeros(2 ** 28, 0);
    expectError(RangeError, 'hstack 0×2^29', () => hstack([Z, Z]), /^hstack: the result would be 0×536870912, past the limits/);
    expectError(RangeError, 'vstack 2^29×0', () => vstack([Y, Y]), /^vstack: the result would be/);
    expectError(RangeError, 'blockDiag 2^28×2^28', () => blockDiag([Y, Z]), /^blockDiag: the result would be 268435456×268435456/);
  });
});

// A guard that the reference helpers agree with a hand-computed case (they are the oracle above).
it('the references: hand-computed', () => {
  const A = denseRows([[1, 2], [3, 4]]);
  const B = denseRows([[5], [6]]);
  expect(Array.from(refHstack([A, B]).a)).toEqual([1, 2, 5, 3, 4, 6]);
  expect(Array.from(refBlockDiag([A, B]).a)).toEqual([1, 2, 0, 3, 4, 0, 0, 0, 5, 0, 0, 6]);
  expect(Array.from(refVstack([A, denseRows([[7, 8]])]).a)).toEqual([1, 2, 3, 4, 7, 8]);
});
