/**
 * The bad-input battery: every export of bindings/index.ts (enumerated, so a new export without an
 * entry here fails the first test), on both backends, is fed bad arguments one at a time — wrong types
 * (a string, an object, a number, null, undefined where an argument is required), a disposed Matrix, a
 * ragged array, a non-numeric entry, a BigInt array or a DataView as a vector, a non-square or wrongly
 * sized operand, bad options (a non-object; NaN, negative or non-number tolerances), bad sizes and
 * indices (negative, fractional, NaN, ±Infinity, past the 2^28 limit), NaN entries where they are
 * checked, matrices that are singular or not positive definite — and each call must:
 *
 * - throw the expected type — TypeError, RangeError, ReferenceError (a disposed Matrix) or LinAlgError
 *   with the expected code — whose message starts with the name of the function called;
 * - leave every argument as it was (each Matrix, array and typed array is compared with a snapshot);
 * - leave the wasm heap's blocksInUse and bytesInUse unchanged.
 *
 * "May" inputs — null/undefined options and empty matrices — must either succeed (the result is then
 * disposed) or throw a typed error naming the function, with the same guarantees. Huge matrices (an
 * empty 2^28×0 input) are covered by shapes.test.ts; here the 2^28 limit is met through size arguments.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as api from '../../../bindings/index.js';
import { Matrix, LinAlgError, LUFactorization, CholeskyFactorization, memoryStats, setBackend } from '../../../bindings/index.js';
import { setupApi, onBackend, BACKENDS } from '../../util/api.js';
import { disposeAll } from './util.js';

beforeAll(setupApi);
afterAll(() => setBackend('wasm'));

type ErrorType = typeof TypeError | typeof RangeError | typeof ReferenceError | typeof LinAlgError;
/** What a bad input must produce: an error type (and LinAlgError code), or 'may' (success or a typed error). */
type Expect = ErrorType | [typeof LinAlgError, string] | 'may';
type Bad = [label: string, value: () => unknown, expect: Expect];

/** A matrix that has been disposed. */
function disposed(): Matrix {
  const M = Matrix.from([[1, 2], [3, 4]]);
  M.dispose();
  return M;
}

const NOT_A_MATRIX: Bad[] = [
  ['a string', () => 'abc', TypeError],
  ['an object', () => ({}), TypeError],
  ['a number', () => 3, TypeError],
  ['null', () => null, TypeError],
  ['undefined', () => undefined, TypeError],
  ['a Map', () => new Map(), TypeError],
  ['a disposed Matrix', disposed, ReferenceError],
  ['a ragged array', () => [[1, 2], [3]], RangeError],
  ['a non-numeric entry', () => [[1, 'a'], [2, 3]], TypeError],
  ['a null row', () => [[1, 2], null], TypeError],
  ['a BigInt row', () => [BigInt64Array.of(1n, 2n), BigInt64Array.of(3n, 4n)], TypeError],
];
const A_MATRIX: Bad[] = [...NOT_A_MATRIX, ['a flat array', () => [1, 2, 3], TypeError], ['an empty matrix', () => Matrix.zeros(0, 0), 'may'], ['a 0×3 matrix', () => [[], [], []].slice(0, 0), 'may']];
const SQUARE: Bad[] = [...A_MATRIX, ['a non-square matrix', () => Matrix.from([[1, 2, 3], [4, 5, 6]]), RangeError]];
const NAN: Bad = ['a NaN entry', () => [[1, NaN], [0, 1]], [LinAlgError, 'not-finite']];
const INF: Bad = ['an Inf entry', () => Matrix.from([[Infinity, 0], [0, 1]]), [LinAlgError, 'not-finite']];
const NOT_A_VECTOR: Bad[] = [
  ['a string', () => 'ab', TypeError],
  ['an object', () => ({ length: 2 }), TypeError],
  ['null', () => null, TypeError],
  ['undefined', () => undefined, TypeError],
  ['a non-numeric entry', () => [1, 'a'], TypeError],
  ['a BigInt64Array', () => new BigInt64Array(2), TypeError],
  ['a BigUint64Array', () => new BigUint64Array(2), TypeError],
  ['a DataView', () => new DataView(new ArrayBuffer(16)), TypeError],
];
/** For a 2-vector where the length matters. */
const VECTOR2: Bad[] = [...NOT_A_VECTOR, ['a wrong length', () => Int32Array.of(1, 2, 3), RangeError]];
/** A right-hand side (vector or matrix) for a 2×2 system. */
const RHS2: Bad[] = [
  ...NOT_A_VECTOR.filter(([l]) => l !== 'an object'),
  ['a number', () => 7, TypeError],
  ['a disposed Matrix', disposed, ReferenceError],
  ['a ragged array', () => [[1, 2], [3]], RangeError],
  ['a wrong length', () => [1, 2, 3], RangeError],
  ['a wrong row count', () => Matrix.from([[1], [2], [3]]), RangeError],
];
const SCALAR: Bad[] = [
  ['a string', () => '2', TypeError],
  ['null', () => null, TypeError],
  ['undefined', () => undefined, TypeError],
  ['an object', () => ({}), TypeError],
  ['a bigint', () => 2n, TypeError],
];
/** The second operand of a broadcasting operation (a matrix, a vector or a number) for a 2×2 first one. */
const OPERAND: Bad[] = [
  ...NOT_A_MATRIX.filter(([l]) => l !== 'a number'),
  ['a bigint', () => 2n, TypeError],
  ['a BigInt64Array', () => new BigInt64Array(2), TypeError],
  ['a DataView', () => new DataView(new ArrayBuffer(16)), TypeError],
  ['a wrong shape (3×2)', M32_, RangeError],
  ['a row of 3', () => [1, 2, 3], RangeError],
  ['an empty vector', () => [], RangeError],
];
const CLIP_BOUND: Bad[] = [['a string', () => '1', TypeError], ['an object', () => ({}), TypeError], ['a bigint', () => 1n, TypeError]];
const MAP_FN: Bad[] = [['a number', () => 3, TypeError], ['null', () => null, TypeError], ['a string result', () => () => 's', TypeError], ['an undefined result', () => () => undefined, TypeError]];
const AXIS: Bad[] = [
  ['null options', () => null, 'may'],
  ['numeric options', () => 5, TypeError],
  ['array options', () => [], TypeError],
  ['axis: 2', () => ({ axis: 2 }), RangeError],
  ['axis: -3', () => ({ axis: -3 }), RangeError],
  ['axis: 0.5', () => ({ axis: 0.5 }), RangeError],
  ['axis: NaN', () => ({ axis: NaN }), RangeError],
  ["axis: '0'", () => ({ axis: '0' }), TypeError],
];
const DDOF: Bad[] = [['ddof: -1', () => ({ ddof: -1 }), RangeError], ['ddof: NaN', () => ({ ddof: NaN }), RangeError], ['ddof: Infinity', () => ({ ddof: Infinity }), RangeError], ["ddof: '1'", () => ({ ddof: '1' }), TypeError]];
const ROWVAR: Bad[] = [["rowvar: 'yes'", () => ({ rowvar: 'yes' }), TypeError], ['rowvar: 1', () => ({ rowvar: 1 }), TypeError]];
function M32_(): Matrix {
  return Matrix.from([[1, 2], [3, 4], [5, 7]]);
}
const SIZE: Bad[] = [
  ['-1', () => -1, RangeError],
  ['1.5', () => 1.5, RangeError],
  ['NaN', () => NaN, RangeError],
  ['Infinity', () => Infinity, RangeError],
  ['-Infinity', () => -Infinity, RangeError],
  ['2^28 + 1', () => 2 ** 28 + 1, RangeError],
  ['2^31', () => 2 ** 31, RangeError],
  ["'3'", () => '3', TypeError],
  ['null', () => null, TypeError],
];
const INDEX: Bad[] = [
  ['-1', () => -1, RangeError],
  ['out of range', () => 99, RangeError],
  ['0.5', () => 0.5, RangeError],
  ['NaN', () => NaN, RangeError],
  ["'0'", () => '0', TypeError],
  ['undefined', () => undefined, TypeError],
];
const OPTIONS: Bad[] = [
  ['null options', () => null, 'may'],
  ['undefined options', () => undefined, 'may'],
  ['numeric options', () => 5, TypeError],
  ['string options', () => 'reduced', TypeError],
  ['array options', () => [], TypeError],
  ['boolean options', () => true, TypeError],
  ['function options', () => () => ({}), TypeError],
];
/** Options whose named fields are tolerances. */
function tolerances(...names: string[]): Bad[] {
  return [
    ...OPTIONS,
    ...names.flatMap((t): Bad[] => [
      [`${t}: NaN`, () => ({ [t]: NaN }), RangeError],
      [`${t}: -1`, () => ({ [t]: -1 }), RangeError],
      [`${t}: -Infinity`, () => ({ [t]: -Infinity }), RangeError],
      [`${t}: '1e-3'`, () => ({ [t]: '1e-3' }), TypeError],
      [`${t}: null`, () => ({ [t]: null }), TypeError],
    ]),
  ];
}
const THIS_DISPOSED: Bad[] = [['a disposed this', disposed, ReferenceError]];
/** A slice bound: an integer (clamped as numpy does), undefined or null (the full range). */
const BOUND: Bad[] = [
  ['0.5', () => 0.5, RangeError], ['NaN', () => NaN, RangeError], ['Infinity', () => Infinity, RangeError],
  ["'0'", () => '0', TypeError], ['a bigint', () => 1n, TypeError], ['an object', () => ({}), TypeError],
  ['99 (clamped)', () => 99, 'may'], ['-99 (clamped)', () => -99, 'may'], ['null (the full range)', () => null, 'may'],
];
/** Row or column indices into a 2×2 matrix. */
const INDICES: Bad[] = [
  ...NOT_A_VECTOR, ['a matrix', () => [[0]], TypeError], ['2 (out of range)', () => [0, 2], RangeError], ['-3 (out of range)', () => [-3], RangeError],
  ['0.5', () => [0.5], RangeError], ['NaN', () => Float64Array.of(NaN), RangeError], ['no indices', () => [], 'may'],
];
/** A block position in a 2×2 matrix (for a 2×1 block at column 1). */
const POSITION: Bad[] = [
  ['0.5', () => 0.5, RangeError], ['NaN', () => NaN, RangeError], ["'0'", () => '0', TypeError], ['undefined', () => undefined, TypeError],
  ['null', () => null, TypeError], ['2 (does not fit)', () => 2, RangeError], ['-3 (does not fit)', () => -3, RangeError],
];
/** A reshape dimension (of a 2×2 matrix, the other dimension being valid). */
const DIMENSION: Bad[] = [
  ['3 (does not divide 4 entries)', () => 3, RangeError], ['-2', () => -2, RangeError], ['1.5', () => 1.5, RangeError], ['NaN', () => NaN, RangeError],
  ['Infinity', () => Infinity, RangeError], ['2^28 + 1', () => 2 ** 28 + 1, RangeError], ["'1'", () => '1', TypeError], ['null', () => null, TypeError],
  ['undefined', () => undefined, TypeError],
];
/** A list of vectors (Matrix.fromColumns / fromRows). */
const VECTORS: Bad[] = [
  ['a string', () => 'ab', TypeError], ['null', () => null, TypeError], ['undefined', () => undefined, TypeError], ['a Matrix', () => Matrix.eye(2), TypeError],
  ['a flat array', () => [1, 2, 3], TypeError], ['a ragged list', () => [[1, 2], [3]], RangeError], ['a non-numeric entry', () => [[1, 'a']], TypeError],
  ['a BigInt vector', () => [new BigInt64Array(2)], TypeError], ['a DataView', () => [new DataView(new ArrayBuffer(8))], TypeError],
  ['a null vector', () => [[1], null], TypeError], ['an empty list', () => [], 'may'],
];
/** A list of matrices to stack (2 rows and 2 columns being the valid shape). */
const STACK: Bad[] = [
  ['a string', () => 'ab', TypeError], ['null', () => null, TypeError], ['undefined', () => undefined, TypeError], ['a Matrix', () => Matrix.eye(2), TypeError],
  ['a disposed member', () => [M22(), disposed()], ReferenceError], ['a ragged member', () => [[[1, 2], [3]]], RangeError],
  ['a non-numeric member', () => [[[1, 'a'], [2, 3]]], TypeError], ['a Map member', () => [new Map()], TypeError], ['a null member', () => [null], TypeError],
];
const THIS_LU_DISPOSED: Bad[] = [['a disposed factorisation', () => { const F = api.luFactor([[2, 1], [1, 3]]); F.dispose(); return F; }, ReferenceError]];
const THIS_CHO_DISPOSED: Bad[] = [['a disposed factorisation', () => { const F = api.choFactor([[2, 1], [1, 3]]); F.dispose(); return F; }, ReferenceError]];

/** One way to call an export: the name its messages start with, valid arguments, and bad values per argument. */
interface Entry {
  fn: string;
  call: (...args: never[]) => unknown;
  /** Valid arguments (made fresh for each call, on the backend under test). */
  valid: (() => unknown)[];
  /** Bad values for argument i (replacing the valid one). */
  bad: Bad[][];
  /** Whole argument lists that are bad together: [label, args, expect]. */
  extra?: [string, (() => unknown)[], Expect][];
  /** The valid call writes into its first argument by design (Matrix.set). */
  mutates?: boolean;
}

const M22 = (): Matrix => Matrix.from([[4, 1], [1, 3]]); // SPD, nonsingular
const M32 = (): Matrix => Matrix.from([[1, 2], [3, 4], [5, 7]]);
const V2 = (): number[] => [1, 2];
const V3 = (): number[] => [1, 2, 3];
const opts = (): object => ({});
const f2 = (): ((x: Float64Array) => number) => (x) => x[0]! * x[1]!;
const none: Bad[] = [];

const Z22 = (): api.ComplexMatrix => new api.ComplexMatrix(M22(), Matrix.from([[0, 1], [-1, 0]]));
const THIS_Z_DISPOSED: Bad[] = [['a disposed ComplexMatrix', () => { const Z = Z22(); Z.dispose(); return Z; }, ReferenceError]];
/** What ComplexMatrix's constructor takes for re or im: a live Matrix (nested rows are not converted: it owns its parts). */
const COMPLEX_PART: Bad[] = [
  ['nested rows', () => [[1, 2], [3, 4]], TypeError],
  ['a string', () => 'abc', TypeError],
  ['null', () => null, TypeError],
  ['undefined', () => undefined, TypeError],
  ['a disposed Matrix', disposed, ReferenceError],
];

/** Entries for a function of one matrix and options. */
function unary(fn: string, call: (A: never, o: never) => unknown, opts_: Bad[], A: Bad[], finite: boolean, valid = M22): Entry {
  return { fn, call, valid: [valid, opts], bad: [finite ? [...A, NAN, INF] : A, opts_] };
}

// ---- generalised eigh (eigh(A, B, o), eigvalsh(A, B, o)) ----
/** The B of eigh(A, B, o) for a 2×2 A: with options after it, only a matrix is a B. */
const EIGH_B: Bad[] = [
  ...NOT_A_MATRIX.map(([l, v, e]): Bad => [l, v, l === 'null' || l === 'undefined' ? 'may' : e]),
  ['a flat array', () => [1, 2], TypeError],
  ['a non-square matrix', () => Matrix.from([[1, 2, 3], [4, 5, 6]]), RangeError],
  ['another order (3×3)', () => Matrix.eye(3), RangeError],
  ['an empty matrix', () => Matrix.zeros(0, 0), RangeError],
  ['not positive definite', () => [[1, 2], [2, 1]], [LinAlgError, 'not-positive-definite']],
  NAN,
  INF,
];
const EIGH_OPTIONS: Bad[] = [...OPTIONS, ['type: 4', () => ({ type: 4 }), RangeError], ['type: 1.5', () => ({ type: 1.5 }), RangeError], ["type: '1'", () => ({ type: '1' }), TypeError]];
function generalEigh(fn: string, call: (A: never, B: never, o: never) => unknown): Entry {
  return { fn, call, valid: [M22, M22, opts], bad: [[...SQUARE, NAN, INF], EIGH_B, EIGH_OPTIONS] };
}

const battery: Record<string, Entry[] | string> = {
  init: [{ fn: 'init', call: (o) => api.init(o), valid: [() => ({})], bad: [[...OPTIONS, ['backend: gpu', () => ({ backend: 'gpu' }), TypeError], ['wasm: 5', () => ({ wasm: 5 }), TypeError], ['simd: yes', () => ({ simd: 'yes' }), TypeError], ['fma: 1', () => ({ fma: 1 }), TypeError], ['threads: 0', () => ({ threads: 0 }), TypeError], ['threads: 1.5', () => ({ threads: 1.5 }), TypeError]]] }],
  simdSupported: 'takes no arguments',
  relaxedSimdSupported: 'takes no arguments',
  getBackend: 'takes no arguments',
  memoryStats: 'takes no arguments',
  getTuning: 'takes no arguments',
  // threads (issue 12); init's `threads` option is tested in test/core/threads/pool.test.ts.
  shutdown: 'takes no arguments',
  threadsInfo: 'takes no arguments',
  MAX_AUTO_THREADS: 'a constant',
  setTuning: [{ fn: 'setTuning', call: (t) => api.setTuning(t), valid: [() => null], bad: [[['a number', () => 3, TypeError], ['a string', () => 'fast', TypeError], ['an unknown key', () => ({ blockSize: 8 }), TypeError], ['a string value', () => ({ getrfNB: 'x' }), TypeError], ['NaN', () => ({ getrfNB: NaN }), RangeError], ['Infinity', () => ({ gemmKC: Infinity }), RangeError]]] }],
  tidy: [{ fn: 'tidy', call: (f) => api.tidy(f), valid: [() => () => 1], bad: [[['a number', () => 5, TypeError], ['null', () => null, TypeError], ['undefined', () => undefined, TypeError], ['an async function', () => async () => 1, TypeError]]] }],
  keep: [{ fn: 'keep', call: (M) => void api.keep(M), valid: [M22], bad: [[['a number', () => 3, TypeError], ['null', () => null, TypeError], ['a plain object', () => ({}), TypeError]]] }],
  setBackend: [{ fn: 'setBackend', call: (b) => api.setBackend(b), valid: [() => 'wasm'], bad: [[['gpu', () => 'gpu', TypeError], ['null', () => null, TypeError], ['undefined', () => undefined, TypeError], ['a number', () => 1, TypeError]]] }],
  LinAlgError: 'an error class the library throws; users do not construct it from data',
  Matrix: [
    { fn: 'Matrix.from', call: (d) => Matrix.from(d), valid: [() => [[1, 2], [3, 4]]], bad: [[...NOT_A_MATRIX.filter(([l]) => l !== 'a disposed Matrix'), ['a Matrix', M22, TypeError], ['a flat array', V3, TypeError], ['a DataView row', () => [new DataView(new ArrayBuffer(8))], TypeError]]] },
    { fn: 'Matrix.fromArray', call: (d, r, c) => Matrix.fromArray(d, r, c), valid: [() => [1, 2, 3, 4, 5, 6], () => 2, () => 3], bad: [[['a string', () => 'abcdef', TypeError], ['null', () => null, TypeError], ['a non-numeric entry', () => [1, 2, 3, 'x', 5, 6], TypeError], ['a BigInt64Array', () => new BigInt64Array(6), TypeError], ['too few values', () => [1, 2], RangeError]], SIZE, SIZE] },
    { fn: 'Matrix.zeros', call: (r, c) => Matrix.zeros(r, c), valid: [() => 2, () => 3], bad: [SIZE, SIZE], extra: [['2^28 × 2', [() => 2 ** 28, () => 2], RangeError], ['2^28 × 0', [() => 2 ** 28, () => 0], 'may']] },
    { fn: 'Matrix.ones', call: (r, c) => Matrix.ones(r, c), valid: [() => 2, () => 3], bad: [SIZE, SIZE] },
    { fn: 'Matrix.full', call: (r, c, v) => Matrix.full(r, c, v), valid: [() => 2, () => 3, () => 7], bad: [SIZE, SIZE, SCALAR] },
    { fn: 'Matrix.eye', call: (r, c) => Matrix.eye(r, c), valid: [() => 3, () => 2], bad: [SIZE, SIZE.filter(([l]) => l !== 'null')] },
    { fn: 'Matrix.diagonal', call: (v) => Matrix.diagonal(v), valid: [V3], bad: [[...NOT_A_VECTOR, ['a matrix', () => [[1, 2], [3, 4]], TypeError]]] },
    { fn: 'Matrix.random', call: (r, c, o) => Matrix.random(r, c, o), valid: [() => 2, () => 3, () => ({ seed: 1 })], bad: [SIZE, SIZE, [...OPTIONS, ['seed: x', () => ({ seed: 'x' }), TypeError], ['seed: 1.5', () => ({ seed: 1.5 }), RangeError], ['seed: NaN', () => ({ seed: NaN }), RangeError]]] },
    { fn: 'Matrix.randn', call: (r, c, o) => Matrix.randn(r, c, o), valid: [() => 2, () => 3, () => ({ seed: 1 })], bad: [SIZE, SIZE, OPTIONS] },
    { fn: 'Matrix.fromColumns', call: (c) => Matrix.fromColumns(c), valid: [() => [[1, 2], Int32Array.of(3, 4)]], bad: [VECTORS] },
    { fn: 'Matrix.fromRows', call: (r) => Matrix.fromRows(r), valid: [() => [[1, 2], Float32Array.of(3, 4)]], bad: [VECTORS] },
    { fn: 'Matrix.columnVector', call: (v) => Matrix.columnVector(v), valid: [V3], bad: [[...NOT_A_VECTOR, ['a matrix', () => [[1, 2]], TypeError], ['empty', () => [], 'may']]] },
    { fn: 'Matrix.rowVector', call: (v) => Matrix.rowVector(v), valid: [V3], bad: [[...NOT_A_VECTOR, ['a matrix', () => [[1, 2]], TypeError], ['empty', () => [], 'may']]] },
    { fn: 'Matrix.slice', call: (M, a, b, c, d) => (M as Matrix).slice(a, b, c, d), valid: [M22, () => 0, () => -1, () => undefined, () => 5], bad: [THIS_DISPOSED, BOUND, BOUND, BOUND, BOUND] },
    { fn: 'Matrix.selectRows', call: (M, i) => (M as Matrix).selectRows(i), valid: [M22, () => [1, -2, 1]], bad: [THIS_DISPOSED, INDICES] },
    { fn: 'Matrix.selectColumns', call: (M, i) => (M as Matrix).selectColumns(i), valid: [M22, () => Int32Array.of(-1)], bad: [THIS_DISPOSED, INDICES] },
    {
      fn: 'Matrix.setSlice', call: (M, r, c, B) => (M as Matrix).setSlice(r, c, B), valid: [M22, () => 0, () => 1, () => [[5], [6]]],
      bad: [THIS_DISPOSED, POSITION, POSITION, [...NOT_A_MATRIX, ['too big', () => Matrix.zeros(3, 1), RangeError], ['a vector (one row)', () => [7], 'may'], ['empty', () => Matrix.zeros(0, 0), 'may']]],
    },
    { fn: 'reshape', call: (M, r, c) => (M as Matrix).reshape(r, c), valid: [M22, () => 1, () => -1], bad: [THIS_DISPOSED, DIMENSION, DIMENSION] },
    { fn: 'Matrix.flatten', call: (M) => (M as Matrix).flatten(), valid: [M22], bad: [THIS_DISPOSED] },
    { fn: 'Matrix.get', call: (M, i, j) => (M as Matrix).get(i, j), valid: [M22, () => 0, () => 1], bad: [THIS_DISPOSED, INDEX, INDEX] },
    { fn: 'Matrix.set', call: (M, i, j, v) => void (M as Matrix).set(i, j, v), valid: [M22, () => 0, () => 1, () => 5], bad: [THIS_DISPOSED, INDEX, INDEX, SCALAR], mutates: true },
    { fn: 'Matrix.row', call: (M, i) => (M as Matrix).row(i), valid: [M22, () => 1], bad: [THIS_DISPOSED, INDEX] },
    { fn: 'Matrix.column', call: (M, j) => (M as Matrix).column(j), valid: [M22, () => 1], bad: [THIS_DISPOSED, INDEX] },
    { fn: 'Matrix.toArray', call: (M) => (M as Matrix).toArray(), valid: [M22], bad: [THIS_DISPOSED] },
    { fn: 'Matrix.toFloat64Array', call: (M) => (M as Matrix).toFloat64Array(), valid: [M22], bad: [THIS_DISPOSED] },
    { fn: 'Matrix.backend', call: (M) => (M as Matrix).backend, valid: [M22], bad: [THIS_DISPOSED] },
    { fn: 'clone', call: (M) => (M as Matrix).clone(), valid: [M22], bad: [THIS_DISPOSED] },
    { fn: 'transpose', call: (M) => (M as Matrix).transpose(), valid: [M22], bad: [THIS_DISPOSED] },
    { fn: 'trace', call: (M) => (M as Matrix).trace(), valid: [M22], bad: [THIS_DISPOSED] },
    { fn: 'diag', call: (M) => (M as Matrix).diag(), valid: [M22], bad: [THIS_DISPOSED] },
    { fn: 'add', call: (M, B) => (M as Matrix).add(B), valid: [M22, M22], bad: [THIS_DISPOSED, OPERAND] },
    { fn: 'sub', call: (M, B) => (M as Matrix).sub(B), valid: [M22, M22], bad: [THIS_DISPOSED, OPERAND] },
    { fn: 'hadamard', call: (M, B) => (M as Matrix).hadamard(B), valid: [M22, M22], bad: [THIS_DISPOSED, OPERAND] },
    { fn: 'mul', call: (M, B) => (M as Matrix).mul(B), valid: [M22, M22], bad: [THIS_DISPOSED, OPERAND] },
    { fn: 'div', call: (M, B) => (M as Matrix).div(B), valid: [M22, M22], bad: [THIS_DISPOSED, OPERAND] },
    { fn: 'pow', call: (M, B) => (M as Matrix).pow(B), valid: [M22, () => 2], bad: [THIS_DISPOSED, OPERAND] },
    { fn: 'addScalar', call: (M, x) => (M as Matrix).addScalar(x), valid: [M22, () => 2], bad: [THIS_DISPOSED, SCALAR] },
    { fn: 'subScalar', call: (M, x) => (M as Matrix).subScalar(x), valid: [M22, () => 2], bad: [THIS_DISPOSED, SCALAR] },
    ...(['abs', 'sqrt', 'exp', 'log', 'isSquare'] as const).map((fn): Entry => ({ fn, call: (M) => (M as Matrix)[fn](), valid: [M22], bad: [THIS_DISPOSED] })),
    { fn: 'clip', call: (M, lo, hi) => (M as Matrix).clip(lo, hi), valid: [M22, () => 0, () => 1], bad: [THIS_DISPOSED, CLIP_BOUND, CLIP_BOUND], extra: [['both bounds null', [M22, () => null, () => null], TypeError]] },
    { fn: 'map', call: (M, f) => (M as Matrix).map(f), valid: [M22, () => (v: number) => v], bad: [THIS_DISPOSED, MAP_FN] },
    ...(['sum', 'mean', 'min', 'max', 'argmin', 'argmax', 'center'] as const).map((fn): Entry => ({ fn, call: (M, o) => (M as Matrix)[fn](o), valid: [M22, opts], bad: [THIS_DISPOSED, AXIS] })),
    ...(['variance', 'std'] as const).map((fn): Entry => ({ fn, call: (M, o) => (M as Matrix)[fn](o), valid: [M22, opts], bad: [THIS_DISPOSED, [...AXIS, ...DDOF]] })),
    { fn: 'isSymmetric', call: (M, o) => (M as Matrix).isSymmetric(o), valid: [M22, opts], bad: [THIS_DISPOSED, tolerances('tol')] },
    { fn: 'equals', call: (M, B) => (M as Matrix).equals(B), valid: [M22, M22], bad: [THIS_DISPOSED, NOT_A_MATRIX] },
    { fn: 'matmul', call: (M, B) => (M as Matrix).matmul(B), valid: [M22, M22], bad: [THIS_DISPOSED, [...NOT_A_MATRIX, ['a wrong inner dimension', M32, RangeError]]] },
    { fn: 'matvec', call: (M, x) => (M as Matrix).matvec(x), valid: [M22, V2], bad: [THIS_DISPOSED, VECTOR2] },
    { fn: 'dot', call: (M, x) => (M as Matrix).dot(x), valid: [M22, V2], bad: [THIS_DISPOSED, [...NOT_A_VECTOR.filter(([l]) => l !== 'undefined' && l !== 'null' && l !== 'a string' && l !== 'an object' && l !== 'a DataView'), ['a wrong length', V3, RangeError], ['a disposed Matrix', disposed, ReferenceError], ['null', () => null, TypeError]]] },
    { fn: 'scale', call: (M, a) => (M as Matrix).scale(a), valid: [M22, () => 2], bad: [THIS_DISPOSED, SCALAR] },
    { fn: 'norm', call: (M, o) => (M as Matrix).norm(o), valid: [M22, () => 'fro'], bad: [THIS_DISPOSED, [['3', () => 3, RangeError], ["'x'", () => 'x', RangeError], ['null (the default)', () => null, 'may']]] },
    { fn: 'gram', call: (M, o) => (M as Matrix).gram(o), valid: [M22, opts], bad: [THIS_DISPOSED, OPTIONS] },
    // Printing and JSON (a disposed matrix prints as disposed: no error to expect from toString).
    { fn: 'Matrix.toString', call: (M, o) => (M as Matrix).toString(o), valid: [M22, opts], bad: [none, [...OPTIONS, ['precision: 21', () => ({ precision: 21 }), RangeError], ["precision: '2'", () => ({ precision: '2' }), TypeError], ['maxRows: 0', () => ({ maxRows: 0 }), RangeError], ['maxCols: 1.5', () => ({ maxCols: 1.5 }), RangeError]]] },
    { fn: 'Matrix.toJSON', call: (M) => (M as Matrix).toJSON(), valid: [M22], bad: [THIS_DISPOSED] },
    { fn: 'Matrix.fromJSON', call: (j) => Matrix.fromJSON(j), valid: [() => ({ rows: 1, cols: 2, data: [1, 'NaN'] })], bad: [[['a number', () => 3, TypeError], ['null', () => null, TypeError], ['text that is not JSON', () => '{', TypeError], ['rows: -1', () => ({ rows: -1, cols: 0, data: [] }), RangeError], ['too few entries', () => ({ rows: 2, cols: 2, data: [1] }), RangeError], ['a null entry', () => ({ rows: 1, cols: 1, data: [null] }), TypeError]]] },
    // The decomposition methods: the free functions' names and checks.
    { fn: 'solve', call: (M, b, o) => (M as Matrix).solve(b, o), valid: [M22, V2, opts], bad: [THIS_DISPOSED, RHS2, OPTIONS] },
    ...(['inv', 'det', 'slogdet', 'cholesky', 'lu', 'qr', 'svd', 'eig'] as const).map((fn): Entry => ({ fn, call: (M, o) => (M as Matrix)[fn](o), valid: [M22, opts], bad: [THIS_DISPOSED, OPTIONS] })),
    // eigh: an array in second place is B (the generalised problem), so its options go third here
    { fn: 'eigh', call: (M, o) => (M as Matrix).eigh(undefined, o as never), valid: [M22, opts], bad: [THIS_DISPOSED, OPTIONS] },
    { fn: 'eigh', call: (M, B, o) => (M as Matrix).eigh(B as never, o as never), valid: [M22, M22, opts], bad: [THIS_DISPOSED, EIGH_B, EIGH_OPTIONS] },
    { fn: 'pinv', call: (M, o) => (M as Matrix).pinv(o), valid: [M22, opts], bad: [THIS_DISPOSED, tolerances('rtol')] },
    { fn: 'matrixRank', call: (M, o) => (M as Matrix).rank(o), valid: [M22, opts], bad: [THIS_DISPOSED, tolerances('tol')] },
    { fn: 'cond', call: (M, p, o) => (M as Matrix).cond(p, o), valid: [M22, () => 2, opts], bad: [THIS_DISPOSED, [['3', () => 3, RangeError], ["'nuc'", () => 'nuc', RangeError]], OPTIONS] },
    { fn: 'lstsq', call: (M, b, o) => (M as Matrix).lstsq(b, o), valid: [M32, V3, opts], bad: [THIS_DISPOSED, [...NOT_A_VECTOR, ['a wrong length', V2, RangeError]], tolerances('rcond')] },
    { fn: 'solveTriangular', call: (M, b, o) => (M as Matrix).solveTriangular(b, o), valid: [M22, V2, opts], bad: [THIS_DISPOSED, RHS2, OPTIONS] },
    // issue 13: hessenberg, rq, polar, pinvh
    { fn: 'hessenberg', call: (M, o) => (M as Matrix).hessenberg(o), valid: [M22, opts], bad: [THIS_DISPOSED, OPTIONS] },
    { fn: 'rq', call: (M, o) => (M as Matrix).rq(o), valid: [M22, opts], bad: [THIS_DISPOSED, [...OPTIONS, ['mode: reduced', () => ({ mode: 'reduced' }), RangeError]]] },
    { fn: 'polar', call: (M, o) => (M as Matrix).polar(o), valid: [M22, opts], bad: [THIS_DISPOSED, [...OPTIONS, ["side: 'up'", () => ({ side: 'up' }), RangeError]]] },
    { fn: 'pinvh', call: (M, o) => (M as Matrix).pinvh(o), valid: [M22, opts], bad: [THIS_DISPOSED, tolerances('atol', 'rtol')] },
  ],
  hstack: [{ fn: 'hstack', call: (l) => api.hstack(l), valid: [() => [M22(), [[1], [2]]]], bad: [[...STACK, ['an empty list', () => [], RangeError], ['heights differ', () => [M22(), M32()], RangeError], ['a vector member', () => [M22(), [1, 2]], TypeError], ['empty members', () => [Matrix.zeros(2, 0), M22()], 'may']]] }],
  vstack: [{ fn: 'vstack', call: (l) => api.vstack(l), valid: [() => [M22(), [1, 2]]], bad: [[...STACK, ['an empty list', () => [], RangeError], ['widths differ', () => [M22(), [[1, 2, 3]]], RangeError], ['a BigInt row', () => [new BigInt64Array(2)], TypeError], ['empty members', () => [Matrix.zeros(0, 2), M22()], 'may']]] }],
  blockDiag: [{ fn: 'blockDiag', call: (l) => api.blockDiag(l), valid: [() => [M22(), M32(), [7]]], bad: [[...STACK, ['an empty list (scipy: 1×0)', () => [], 'may'], ['empty members', () => [Matrix.zeros(2, 0), []], 'may']]] }],
  vander: [{ fn: 'vander', call: (x, o) => api.vander(x, o), valid: [V3, () => ({ n: 2, increasing: true })], bad: [[...NOT_A_VECTOR, ['a matrix', () => [[1, 2]], TypeError]], [...OPTIONS, ['n: -1', () => ({ n: -1 }), RangeError], ['n: 1.5', () => ({ n: 1.5 }), RangeError], ["n: '2'", () => ({ n: '2' }), TypeError], ['n: 2^29', () => ({ n: 2 ** 29 }), RangeError], ['increasing: 1', () => ({ increasing: 1 }), TypeError]]] }],
  linspace: [{ fn: 'linspace', call: (a, b, n, o) => api.linspace(a, b, n, o), valid: [() => 0, () => 1, () => 5, () => ({ endpoint: false })], bad: [SCALAR, SCALAR, SIZE, [...OPTIONS, ['endpoint: 1', () => ({ endpoint: 1 }), TypeError]]] }],
  arange: [{
    fn: 'arange', call: (a, b, c) => api.arange(a, b, c), valid: [() => 0, () => 3, () => 0.5],
    bad: [SCALAR, [...SCALAR.filter(([l]) => l !== 'undefined'), ['NaN', () => NaN, RangeError], ['Infinity', () => Infinity, RangeError]], [...SCALAR.filter(([l]) => l !== 'undefined'), ['0', () => 0, RangeError], ['NaN', () => NaN, RangeError], ['1e-12 (too many values)', () => 1e-12, RangeError], ['-1 (no values)', () => -1, 'may']]],
  }],
  reshape: [{ fn: 'reshape', call: (A, r, c) => api.reshape(A, r, c), valid: [M22, () => 4, () => 1], bad: [[...NOT_A_MATRIX, ['a vector of 4', () => [1, 2, 3, 4], 'may'], ['a vector of 3', V3, RangeError], ['a DataView', () => new DataView(new ArrayBuffer(32)), TypeError]], DIMENSION.filter(([l]) => !l.startsWith('3')), DIMENSION.filter(([l]) => !l.startsWith('3'))] }],
  add: [{ fn: 'add', call: (A, B) => api.add(A, B), valid: [M22, M22], bad: [A_MATRIX, OPERAND] }],
  sub: [{ fn: 'sub', call: (A, B) => api.sub(A, B), valid: [M22, M22], bad: [A_MATRIX, OPERAND] }],
  hadamard: [{ fn: 'hadamard', call: (A, B) => api.hadamard(A, B), valid: [M22, M22], bad: [A_MATRIX, OPERAND] }],
  mul: [{ fn: 'mul', call: (A, B) => api.mul(A, B), valid: [M22, M22], bad: [A_MATRIX, OPERAND] }],
  div: [{ fn: 'div', call: (A, B) => api.div(A, B), valid: [M22, V2], bad: [A_MATRIX, OPERAND] }],
  pow: [{ fn: 'pow', call: (A, B) => api.pow(A, B), valid: [M22, () => 0.5], bad: [A_MATRIX, OPERAND] }],
  addScalar: [{ fn: 'addScalar', call: (A, x) => api.addScalar(A, x), valid: [M22, () => 1], bad: [A_MATRIX, SCALAR] }],
  subScalar: [{ fn: 'subScalar', call: (A, x) => api.subScalar(A, x), valid: [M22, () => 1], bad: [A_MATRIX, SCALAR] }],
  abs: [{ fn: 'abs', call: (A) => api.abs(A), valid: [M22], bad: [A_MATRIX] }],
  sqrt: [{ fn: 'sqrt', call: (A) => api.sqrt(A), valid: [M22], bad: [A_MATRIX] }],
  exp: [{ fn: 'exp', call: (A) => api.exp(A), valid: [M22], bad: [A_MATRIX] }],
  log: [{ fn: 'log', call: (A) => api.log(A), valid: [M22], bad: [A_MATRIX] }],
  clip: [{ fn: 'clip', call: (A, lo, hi) => api.clip(A, lo, hi), valid: [M22, () => 0, () => null], bad: [A_MATRIX, CLIP_BOUND, CLIP_BOUND], extra: [['both bounds undefined', [M22, () => undefined, () => undefined], TypeError]] }],
  map: [{ fn: 'map', call: (A, f) => api.map(A, f), valid: [M22, () => (v: number, i: number, j: number) => v + i - j], bad: [A_MATRIX, MAP_FN] }],
  sum: [{ fn: 'sum', call: (A, o) => api.sum(A, o), valid: [M22, () => ({ axis: 0 })], bad: [A_MATRIX, AXIS] }],
  mean: [{ fn: 'mean', call: (A, o) => api.mean(A, o), valid: [M22, opts], bad: [A_MATRIX.filter(([, , e]) => e !== 'may'), AXIS], extra: [['an empty matrix', [() => Matrix.zeros(0, 2), opts], RangeError]] }],
  variance: [{ fn: 'variance', call: (A, o) => api.variance(A, o), valid: [M22, () => ({ ddof: 1 })], bad: [A_MATRIX.filter(([, , e]) => e !== 'may'), [...AXIS, ...DDOF]], extra: [['ddof ≥ N', [M22, () => ({ axis: 0, ddof: 2 })], RangeError]] }],
  std: [{ fn: 'std', call: (A, o) => api.std(A, o), valid: [M22, () => ({ axis: 1 })], bad: [A_MATRIX.filter(([, , e]) => e !== 'may'), [...AXIS, ...DDOF]] }],
  min: [{ fn: 'min', call: (A, o) => api.min(A, o), valid: [M22, opts], bad: [A_MATRIX.filter(([, , e]) => e !== 'may'), AXIS], extra: [['an empty matrix', [() => Matrix.zeros(0, 0), opts], RangeError]] }],
  max: [{ fn: 'max', call: (A, o) => api.max(A, o), valid: [M22, opts], bad: [A_MATRIX.filter(([, , e]) => e !== 'may'), AXIS] }],
  argmin: [{ fn: 'argmin', call: (A, o) => api.argmin(A, o), valid: [M22, opts], bad: [A_MATRIX.filter(([, , e]) => e !== 'may'), AXIS] }],
  argmax: [{ fn: 'argmax', call: (A, o) => api.argmax(A, o), valid: [M22, () => ({ axis: 1 })], bad: [A_MATRIX.filter(([, , e]) => e !== 'may'), AXIS] }],
  center: [{ fn: 'center', call: (A, o) => api.center(A, o), valid: [M22, opts], bad: [A_MATRIX, AXIS] }],
  cov: [{ fn: 'cov', call: (A, o) => api.cov(A, o), valid: [M32, opts], bad: [A_MATRIX.filter(([l]) => l !== 'an empty matrix'), [...OPTIONS, ...ROWVAR, ...DDOF]], extra: [['one observation', [() => [[1], [2]], opts], RangeError]] }],
  corrcoef: [{ fn: 'corrcoef', call: (A, o) => api.corrcoef(A, o), valid: [M32, () => ({ rowvar: false })], bad: [A_MATRIX.filter(([l]) => l !== 'an empty matrix'), [...OPTIONS, ...ROWVAR]] }],
  isSquare: [{ fn: 'isSquare', call: (A) => api.isSquare(A), valid: [M32], bad: [A_MATRIX] }],
  isSymmetric: [{ fn: 'isSymmetric', call: (A, o) => api.isSymmetric(A, o), valid: [M22, () => ({ tol: 1e-12 })], bad: [A_MATRIX, tolerances('tol')] }],
  equals: [{ fn: 'equals', call: (A, B) => api.equals(A, B), valid: [M22, M32], bad: [A_MATRIX, NOT_A_MATRIX] }],
  allclose: [{ fn: 'allclose', call: (A, B, o) => api.allclose(A, B, o), valid: [M22, M22, opts], bad: [A_MATRIX, OPERAND, tolerances('rtol', 'atol')] }],
  // A flat array is a vector operand (numpy's 1-D meaning): one of the wrong length is a RangeError.
  matmul: [{ fn: 'matmul', call: (A, B) => api.matmul(A as never, B as never), valid: [M22, M22], bad: [[...A_MATRIX.filter(([l]) => l !== 'a flat array'), ['a flat array of the wrong length', () => [1, 2, 3], RangeError]], [...NOT_A_MATRIX, ['a wrong inner dimension', M32, RangeError]]] }],
  matvec: [{ fn: 'matvec', call: (A, x) => api.matvec(A, x), valid: [M22, V2], bad: [A_MATRIX, VECTOR2] }],
  outer: [{ fn: 'outer', call: (x, y) => api.outer(x, y), valid: [V2, V3], bad: [NOT_A_VECTOR, NOT_A_VECTOR] }],
  scale: [{ fn: 'scale', call: (A, a) => api.scale(A, a), valid: [M22, () => 2], bad: [A_MATRIX, SCALAR] }],
  transpose: [{ fn: 'transpose', call: (A) => api.transpose(A), valid: [M22], bad: [A_MATRIX] }],
  clone: [{ fn: 'clone', call: (A) => api.clone(A), valid: [M22], bad: [A_MATRIX] }],
  trace: [{ fn: 'trace', call: (A) => api.trace(A), valid: [M22], bad: [A_MATRIX] }],
  gram: [{ fn: 'gram', call: (A, o) => api.gram(A, o), valid: [M22, opts], bad: [A_MATRIX, OPTIONS] }],
  dot: [
    { fn: 'dot', call: (x, y) => api.dot(x, y), valid: [V2, V2], bad: [[...NOT_A_VECTOR.filter(([l]) => l !== 'a non-numeric entry'), ['a disposed Matrix', disposed, ReferenceError]], [...VECTOR2, ['a matrix', () => [[1, 2]], TypeError]]] },
    { fn: 'dot', call: (A, x) => api.dot(A, x), valid: [M22, V2], bad: [NOT_A_MATRIX.filter(([l]) => l !== 'a ragged array'), [...NOT_A_VECTOR.filter(([l]) => l !== 'an object' && l !== 'a string' && l !== 'a DataView' && l !== 'null' && l !== 'undefined'), ['a wrong length', V3, RangeError]]] },
  ],
  diag: [
    { fn: 'diag', call: (x) => api.diag(x), valid: [V3], bad: [[...NOT_A_VECTOR.filter(([l]) => l !== 'a non-numeric entry'), ['a disposed Matrix', disposed, ReferenceError], ['a ragged array', () => [[1, 2], [3]], RangeError], ['a non-numeric vector entry', () => [1, 'a'], TypeError]]] },
  ],
  norm: [
    { fn: 'norm', call: (x, o) => api.norm(x, o), valid: [V3, () => 2], bad: [[...NOT_A_VECTOR, ['a disposed Matrix', disposed, ReferenceError], ['a ragged array', () => [[1, 2], [3]], RangeError]], [['3', () => 3, RangeError], ["'fro'", () => 'fro', RangeError], ['null (the default)', () => null, 'may']]] },
    { fn: 'norm', call: (A, o) => api.norm(A, o), valid: [M22, () => 'nuc'], bad: [A_MATRIX.filter(([l]) => l !== 'a flat array' && l !== 'a non-numeric entry'), [['3', () => 3, RangeError], ["'x'", () => 'x', RangeError], ['-1', () => -1, RangeError]]] },
    { fn: 'norm', call: (A, ord, o) => api.norm(A, ord, o), valid: [M32, () => 2, () => ({ axis: 0 })], bad: [A_MATRIX.filter(([l]) => l !== 'a non-numeric entry'), [["'fro'", () => 'fro', RangeError], ["'nuc'", () => 'nuc', RangeError], ['3', () => 3, RangeError]], AXIS.filter(([l]) => !l.includes('options'))] },
  ],
  lu: [unary('lu', (A, o) => api.lu(A, o), OPTIONS, A_MATRIX, true, M32)],
  luFactor: [unary('luFactor', (A, o) => api.luFactor(A, o), OPTIONS, SQUARE, true)],
  solve: [{ fn: 'solve', call: (A, b, o) => api.solve(A, b, o), valid: [M22, V2, opts], bad: [[...SQUARE, NAN, ['a singular matrix', () => [[1, 2], [2, 4]], [LinAlgError, 'singular']]], [...RHS2, ['a NaN entry', () => [1, NaN], [LinAlgError, 'not-finite']]], [...OPTIONS, ['assumeA: unknown', () => ({ assumeA: 'sym' }), TypeError], ['assumeA: a number', () => ({ assumeA: 1 }), TypeError]]] }],
  det: [unary('det', (A, o) => api.det(A, o), OPTIONS, SQUARE, true)],
  slogdet: [unary('slogdet', (A, o) => api.slogdet(A, o), OPTIONS, SQUARE, true)],
  inv: [{ ...unary('inv', (A, o) => api.inv(A, o), OPTIONS, SQUARE, true), extra: [['a singular matrix', [() => [[1, 2], [2, 4]], opts], [LinAlgError, 'singular']]] }],
  LUFactorization: [
    { fn: 'solve', call: (F, b, o) => (F as LUFactorization).solve(b, o), valid: [() => api.luFactor([[2, 1], [1, 3]]), V2, opts], bad: [THIS_LU_DISPOSED, RHS2, OPTIONS] },
    { fn: 'det', call: (F) => (F as LUFactorization).det(), valid: [() => api.luFactor([[2, 1], [1, 3]])], bad: [THIS_LU_DISPOSED] },
    { fn: 'slogdet', call: (F) => (F as LUFactorization).slogdet(), valid: [() => api.luFactor([[2, 1], [1, 3]])], bad: [THIS_LU_DISPOSED] },
    { fn: 'inv', call: (F) => (F as LUFactorization).inv(), valid: [() => api.luFactor([[2, 1], [1, 3]])], bad: [THIS_LU_DISPOSED] },
  ],
  cholesky: [{ ...unary('cholesky', (A, o) => api.cholesky(A, o), OPTIONS, SQUARE, true), extra: [['not positive definite', [() => [[1, 2], [2, 1]], opts], [LinAlgError, 'not-positive-definite']]] }],
  ldl: [unary('ldl', (A, o) => api.ldl(A, o), OPTIONS, SQUARE, true)],
  choFactor: [unary('choFactor', (A, o) => api.choFactor(A, o), OPTIONS, SQUARE, true)],
  choSolve: [{ fn: 'choSolve', call: (A, b, o) => api.choSolve(A, b, o), valid: [M22, V2, opts], bad: [[...SQUARE, NAN, ['not positive definite', () => [[1, 2], [2, 1]], [LinAlgError, 'not-positive-definite']]], RHS2, OPTIONS] }],
  CholeskyFactorization: [
    { fn: 'solve', call: (F, b, o) => (F as CholeskyFactorization).solve(b, o), valid: [() => api.choFactor([[2, 1], [1, 3]]), V2, opts], bad: [THIS_CHO_DISPOSED, RHS2, OPTIONS] },
    { fn: 'logdet', call: (F) => (F as CholeskyFactorization).logdet(), valid: [() => api.choFactor([[2, 1], [1, 3]])], bad: [THIS_CHO_DISPOSED] },
  ],
  solveTriangular: [{ fn: 'solveTriangular', call: (T, b, o) => api.solveTriangular(T, b, o), valid: [M22, V2, opts], bad: [[...SQUARE, NAN, ['a zero on the diagonal', () => [[0, 1], [0, 1]], [LinAlgError, 'singular']]], RHS2, OPTIONS] }],
  qr: [unary('qr', (A, o) => api.qr(A, o), [...OPTIONS, ['mode: full', () => ({ mode: 'full' }), RangeError]], A_MATRIX, true, M32)],
  lstsq: [{
    fn: 'lstsq', call: (A, b, o) => api.lstsq(A, b, o), valid: [M32, V3, opts],
    bad: [[...A_MATRIX, NAN], [...NOT_A_VECTOR, ['a number', () => 7, TypeError], ['a disposed Matrix', disposed, ReferenceError], ['a wrong length', V2, RangeError], ['a NaN entry', () => [1, NaN, 3], [LinAlgError, 'not-finite']]], [
      ...tolerances('rcond'),
      ['weights: a string', () => ({ weights: 'abc' }), TypeError], ['weights: -1', () => ({ weights: [1, -1, 1] }), RangeError], ['weights: NaN', () => ({ weights: [1, NaN, 1] }), RangeError],
      ['weights: a wrong length', () => ({ weights: [1, 1] }), RangeError], ['weights: BigInt', () => ({ weights: new BigInt64Array(3) }), TypeError],
      ['covariance: a string', () => ({ covariance: 'V' }), TypeError], ['covariance: a disposed Matrix', () => ({ covariance: disposed() }), ReferenceError],
      ['covariance: a wrong shape', () => ({ covariance: [[1, 0], [0, 1]] }), RangeError], ['covariance: NaN', () => ({ covariance: [[1, 0, 0], [NaN, 1, 0], [0, 0, 1]] }), [LinAlgError, 'not-finite']],
      ['covariance: not positive definite', () => ({ covariance: [[1, 0, 0], [0, -1, 0], [0, 0, 1]] }), [LinAlgError, 'not-positive-definite']],
      ['both weights and covariance', () => ({ weights: [1, 1, 1], covariance: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] }), RangeError],
    ]],
  }],
  projection: [unary('projection', (A, o) => api.projection(A, o), tolerances('rcond'), A_MATRIX, true, M32)],
  numericGradient: [{ fn: 'numericGradient', call: (f, x, o) => api.numericGradient(f, x, o), valid: [f2, V2, opts], bad: [[['a string', () => 'f', TypeError], ['null', () => null, TypeError], ['an object', () => ({}), TypeError], ['a non-number result', () => () => 'x', TypeError]], NOT_A_VECTOR, [...tolerances('eps'), ['eps: 0', () => ({ eps: 0 }), RangeError], ['eps: Infinity', () => ({ eps: Infinity }), RangeError]]] }],
  eigh: [unary('eigh', (A, o) => api.eigh(A, undefined, o), OPTIONS, SQUARE, true), generalEigh('eigh', (A, B, o) => api.eigh(A, B, o))],
  eigvalsh: [unary('eigvalsh', (A, o) => api.eigvalsh(A, undefined, o), OPTIONS, SQUARE, true), generalEigh('eigvalsh', (A, B, o) => api.eigvalsh(A, B, o))],
  svd: [unary('svd', (A, o) => api.svd(A, o), OPTIONS, A_MATRIX, true, M32)],
  svdvals: [unary('svdvals', (A, o) => api.svdvals(A, o), OPTIONS, A_MATRIX, true, M32)],
  eig: [
    unary('eig', (A, o) => api.eig(A, o), OPTIONS, SQUARE, true),
    // The helpers of the result.
    { fn: 'eig.value', call: (r, k) => (r as api.EigResult).value(k), valid: [() => api.eig(M22()), () => 1], bad: [none, INDEX] },
    { fn: 'eig.vector', call: (r, k) => (r as api.EigResult).vector(k), valid: [() => api.eig(M22()), () => 1], bad: [none, INDEX] },
    { fn: 'eig.residual', call: (r, A) => (r as api.EigResult).residual(A), valid: [() => api.eig(M22()), M22], bad: [none, [...NOT_A_MATRIX.filter(([l]) => l !== 'undefined'), ['undefined (the default)', () => undefined, 'may'], ['a wrong shape', M32, RangeError]]] },
  ],
  ComplexMatrix: [
    // It owns its parts (disposing it disposes them): the call returns copies, so the arguments stay the caller's to check and free.
    { fn: 'ComplexMatrix', call: (re, im) => { const Z = new api.ComplexMatrix(re, im); return [Z.re.clone(), Z.im.clone()]; }, valid: [M22, M22], bad: [COMPLEX_PART, [...COMPLEX_PART, ['a wrong shape', M32, RangeError]]] },
    { fn: 'ComplexMatrix.get', call: (Z, i, j) => (Z as api.ComplexMatrix).get(i, j), valid: [Z22, () => 0, () => 1], bad: [THIS_Z_DISPOSED, INDEX, INDEX] },
    { fn: 'ComplexMatrix.column', call: (Z, j) => (Z as api.ComplexMatrix).column(j), valid: [Z22, () => 1], bad: [THIS_Z_DISPOSED, INDEX] },
    { fn: 'ComplexMatrix.toArray', call: (Z) => (Z as api.ComplexMatrix).toArray(), valid: [Z22], bad: [THIS_Z_DISPOSED] },
  ],
  eigvals: [unary('eigvals', (A, o) => api.eigvals(A, o), OPTIONS, SQUARE, true)],
  schur: [unary('schur', (A, o) => api.schur(A, o), OPTIONS, SQUARE, true)],
  pinv: [unary('pinv', (A, o) => api.pinv(A, o), tolerances('rtol'), A_MATRIX, true, M32)],
  matrixRank: [unary('matrixRank', (A, o) => api.matrixRank(A, o), tolerances('tol'), A_MATRIX, true, M32)],
  cond: [
    { fn: 'cond', call: (A, p, o) => api.cond(A, p, o), valid: [M22, () => 2, opts], bad: [[...A_MATRIX.filter(([, , e]) => e !== 'may'), NAN, INF, ['an empty matrix', () => Matrix.zeros(0, 0), RangeError]], [['3', () => 3, RangeError], ["'nuc'", () => 'nuc', RangeError], ['null', () => null, RangeError]], OPTIONS] },
    { fn: 'cond', call: (A, p, o) => api.cond(A, p, o), valid: [M22, () => 1, opts], bad: [[...SQUARE, NAN, INF], none, OPTIONS] },
  ],
  nullSpace: [unary('nullSpace', (A, o) => api.nullSpace(A, o), tolerances('rtol'), A_MATRIX, true, M32)],
  orth: [unary('orth', (A, o) => api.orth(A, o), tolerances('rtol'), A_MATRIX, true, M32)],
  subspaces: [unary('subspaces', (A, o) => api.subspaces(A, o), tolerances('rtol'), A_MATRIX, true, M32)],
  lowRank: [{ fn: 'lowRank', call: (A, k, o) => api.lowRank(A, k, o), valid: [M32, () => 1, opts], bad: [[...A_MATRIX, NAN, INF], [['-1', () => -1, RangeError], ['1.5', () => 1.5, RangeError], ['NaN', () => NaN, RangeError], ['Infinity', () => Infinity, RangeError], ["'1'", () => '1', TypeError], ['null', () => null, TypeError], ['undefined', () => undefined, TypeError]], OPTIONS] }],
  pca: [unary('pca', (A, o) => api.pca(A, o), [...OPTIONS, ['k: -1', () => ({ k: -1 }), RangeError], ['k: 3 > min(m, n)', () => ({ k: 3 }), RangeError], ['k: 1.5', () => ({ k: 1.5 }), RangeError], ['k: 2^40', () => ({ k: 2 ** 40 }), RangeError], ["k: '1'", () => ({ k: '1' }), TypeError], ['k: null', () => ({ k: null }), TypeError]], A_MATRIX, true, M32)],
  // issue 13: hessenberg, rq, polar, orthogonalProcrustes, subspaceAngles, pinvh
  hessenberg: [unary('hessenberg', (A, o) => api.hessenberg(A, o), OPTIONS, SQUARE, true)],
  rq: [unary('rq', (A, o) => api.rq(A, o), [...OPTIONS, ['mode: reduced', () => ({ mode: 'reduced' }), RangeError]], A_MATRIX, true, M32)],
  polar: [unary('polar', (A, o) => api.polar(A, o), [...OPTIONS, ["side: 'up'", () => ({ side: 'up' }), RangeError]], A_MATRIX, true, M32)],
  orthogonalProcrustes: [{
    fn: 'orthogonalProcrustes', call: (A, B, o) => api.orthogonalProcrustes(A, B, o), valid: [M22, M22, opts],
    bad: [[...A_MATRIX, NAN, INF, ['a wrong shape', M32, RangeError]], [...A_MATRIX, NAN, INF, ['a wrong shape', M32, RangeError]], OPTIONS],
  }],
  subspaceAngles: [{
    fn: 'subspaceAngles', call: (A, B, o) => api.subspaceAngles(A, B, o), valid: [M22, M22, opts],
    bad: [[...A_MATRIX, NAN, INF, ['a wrong row count', M32, RangeError]], [...A_MATRIX, NAN, INF, ['a wrong row count', M32, RangeError]], OPTIONS],
  }],
  pinvh: [unary('pinvh', (A, o) => api.pinvh(A, o), tolerances('atol', 'rtol'), SQUARE, true)],
  // issue 13 — rref, matrix products, randomized SVD
  rref: [unary('rref', (A, o) => api.rref(A, o), tolerances('tol'), A_MATRIX, true, M32)],
  specialSolutions: [unary('specialSolutions', (A, o) => api.specialSolutions(A, o), tolerances('tol'), A_MATRIX, true, M32)],
  matrixPower: [
    { fn: 'matrixPower', call: (A, k) => api.matrixPower(A, k), valid: [M22, () => 3], bad: [SQUARE, [['1.5', () => 1.5, RangeError], ['NaN', () => NaN, RangeError], ['Infinity', () => Infinity, RangeError], ['2^53', () => 2 ** 53, RangeError], ["'2'", () => '2', TypeError], ['null', () => null, TypeError], ['undefined', () => undefined, TypeError]]] },
    { fn: 'matrixPower', call: (A, k) => api.matrixPower(A, k), valid: [M22, () => -2], bad: [[...SQUARE, NAN, INF, ['a singular matrix', () => Matrix.from([[1, 2], [2, 4]]), [LinAlgError, 'singular']]], none] },
  ],
  multiDot: [{ fn: 'multiDot', call: (l) => api.multiDot(l), valid: [() => [M22(), M32().transpose(), M32()]], bad: [[
    ['a string', () => 'AB', TypeError], ['null', () => null, TypeError], ['a Matrix', M22, TypeError], ['an empty list', () => [], RangeError], ['one operand', () => [M22()], RangeError],
    ['a vector in the middle', () => [M22(), [1, 2], M22()], TypeError], ['a disposed member', () => [M22(), disposed()], ReferenceError], ['a ragged member', () => [M22(), [[1, 2], [3]]], RangeError],
    ['a non-numeric member', () => [M22(), [[1, 'a'], [2, 3]]], TypeError], ['a null member', () => [M22(), null], TypeError], ['a BigInt64Array member', () => [new BigInt64Array(2), M22()], TypeError],
    ['mismatched shapes', () => [M22(), M32()], RangeError], ['empty operands', () => [Matrix.zeros(0, 2), Matrix.zeros(2, 0)], 'may'],
  ]] }],
  kron: [{ fn: 'kron', call: (A, B) => api.kron(A, B), valid: [M22, M32], bad: [
    [...NOT_A_MATRIX, ['a BigInt64Array', () => new BigInt64Array(2), TypeError], ['a DataView', () => new DataView(new ArrayBuffer(16)), TypeError], ['an empty matrix', () => Matrix.zeros(0, 0), 'may']],
    [...NOT_A_MATRIX, ['a BigInt64Array', () => new BigInt64Array(2), TypeError], ['a DataView', () => new DataView(new ArrayBuffer(16)), TypeError], ['an empty matrix', () => Matrix.zeros(0, 3), 'may']],
  ] }],
  cross: [{ fn: 'cross', call: (x, y) => api.cross(x, y), valid: [V3, V3], bad: [[...NOT_A_VECTOR, ['a wrong length', V2, RangeError]], [...NOT_A_VECTOR, ['a wrong length', V2, RangeError]]] }],
  randomizedSvd: [{ fn: 'randomizedSvd', call: (A, k, o) => api.randomizedSvd(A, k, o), valid: [M32, () => 1, opts], bad: [
    [...A_MATRIX, NAN, INF],
    [['0', () => 0, RangeError], ['-1', () => -1, RangeError], ['3 > min(m, n)', () => 3, RangeError], ['1.5', () => 1.5, RangeError], ['NaN', () => NaN, RangeError], ['Infinity', () => Infinity, RangeError], ["'1'", () => '1', TypeError], ['null', () => null, TypeError], ['undefined', () => undefined, TypeError]],
    [...OPTIONS, ['oversample: -1', () => ({ oversample: -1 }), RangeError], ["oversample: '1'", () => ({ oversample: '1' }), TypeError], ['powerIterations: 0.5', () => ({ powerIterations: 0.5 }), RangeError], ['powerIterations: null', () => ({ powerIterations: null }), TypeError], ['seed: 0.5', () => ({ seed: 0.5 }), RangeError], ["seed: 'a'", () => ({ seed: 'a' }), TypeError]],
  ] }],
  // Matrix functions (issue 13)
  expm: [{ ...unary('expm', (A, o) => api.expm(A, o), OPTIONS, SQUARE, true), extra: [['an overflowing result', [() => [[1000]], opts], [LinAlgError, 'overflow']]] }],
  sqrtm: [{ ...unary('sqrtm', (A, o) => api.sqrtm(A, o), OPTIONS, SQUARE, true), extra: [['a negative eigenvalue', [() => [[-1, 0], [0, 1]], opts], [LinAlgError, 'no-real-result']], ['no square root', [() => [[0, 1], [0, 0]], opts], [LinAlgError, 'singular']]] }],
  logm: [{ ...unary('logm', (A, o) => api.logm(A, o), OPTIONS, SQUARE, true), extra: [['a negative eigenvalue', [() => [[-1, 0], [0, 1]], opts], [LinAlgError, 'no-real-result']], ['a singular matrix', [() => [[0, 1], [0, 1]], opts], [LinAlgError, 'singular']]] }],
};

/** A deep snapshot of an argument: the numbers of every Matrix / array / typed array in it. */
function snapshot(x: unknown): unknown {
  if (x instanceof Matrix) return x.disposed ? 'disposed' : Array.from(x.toFloat64Array());
  if (x instanceof LUFactorization) return snapshot(x.lu);
  if (x instanceof CholeskyFactorization) return snapshot(x.L);
  if (x instanceof DataView) return Array.from(new Uint8Array(x.buffer));
  if (ArrayBuffer.isView(x)) return Array.from(x as unknown as ArrayLike<number | bigint>, (v) => String(v));
  if (Array.isArray(x)) return x.map(snapshot);
  if (x !== null && typeof x === 'object' && !(x instanceof Map)) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, snapshot(v)]));
  if (typeof x === 'number' || typeof x === 'bigint') return Object.is(x, -0) ? '-0' : `${typeof x} ${String(x)}`;
  return typeof x === 'function' ? 'function' : x;
}

/** Frees what an argument list made (matrices and factorisations). */
function release(args: unknown[]): void {
  for (const a of args) {
    if (a instanceof Matrix || a instanceof LUFactorization || a instanceof CholeskyFactorization) a.dispose();
    else if (a !== null && typeof a === 'object' && !ArrayBuffer.isView(a)) for (const v of Object.values(a)) if (v instanceof Matrix) v.dispose();
  }
}

/** Runs one call; returns a failure description, or null when it behaved. */
async function probe(e: Entry, args: unknown[], expect_: Expect, label: string, mutates = false): Promise<string | null> {
  const before = args.map(snapshot);
  const mem = memoryStats();
  let error: unknown = null;
  let result: unknown;
  try {
    result = (e.call as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) result = await result;
  } catch (err) {
    error = err;
  }
  let failure: string | null = null;
  if (error === null) {
    disposeAll(result);
    if (expect_ !== 'may') failure = `${label}: returned instead of throwing`;
  } else {
    const msg = error instanceof Error ? error.message : String(error);
    const [type, code] = Array.isArray(expect_) ? expect_ : [expect_, undefined];
    const typed = [TypeError, RangeError, ReferenceError, LinAlgError].some((t) => error instanceof t);
    if (type === 'may') {
      if (!typed) failure = `${label}: threw an untyped ${String(error)}`;
    } else if (!(error instanceof type) || (type === TypeError && error instanceof LinAlgError)) {
      failure = `${label}: expected ${type.name}${code ? ` '${code}'` : ''}, got ${String(error)}`;
    } else if (code !== undefined && (error as LinAlgError).code !== code) {
      failure = `${label}: expected code '${code}', got '${(error as LinAlgError).code}' (${msg})`;
    }
    if (failure === null && !(msg.startsWith(`${e.fn}:`) || msg.startsWith(`${e.fn} `))) failure = `${label}: message does not start with "${e.fn}:": ${msg}`;
  }
  const after = args.map(snapshot);
  if (failure === null && !mutates && JSON.stringify(after) !== JSON.stringify(before)) failure = `${label}: an argument changed`;
  const m2 = memoryStats();
  if (failure === null && (m2.blocksInUse !== mem.blocksInUse || m2.bytesInUse !== mem.bytesInUse)) {
    failure = `${label}: heap changed by ${m2.blocksInUse - mem.blocksInUse} block(s), ${m2.bytesInUse - mem.bytesInUse} bytes`;
  }
  return failure;
}

let size = 0;

describe('the bad-input battery', () => {
  it('every export of bindings/index.ts has an entry (a new export must be added here)', () => {
    const exported = Object.keys(api).sort();
    expect(exported.filter((n) => !(n in battery))).toEqual([]);
    expect(Object.keys(battery).filter((n) => !exported.includes(n))).toEqual([]);
  });

  it.each(BACKENDS)('every entry, every bad argument, on the %s backend: typed error naming the function, nothing changed, nothing leaked', async (be) => {
    const failures: string[] = [];
    for (const [name, entries] of Object.entries(battery)) {
      if (typeof entries === 'string') continue;
      for (const e of entries) {
        const cases: [string, number, Bad][] = e.bad.flatMap((bads, i) => bads.map((b): [string, number, Bad] => [b[0], i, b]));
        for (const [label, i, [, value, exp]] of cases) {
          setBackend(be);
          const args = e.valid.map((v, j) => (j === i ? value() : v()));
          const f = await probe(e, args, exp, `${be} ${name} → ${e.fn} arg ${i} = ${label}`);
          release(args);
          if (f !== null) failures.push(f);
          size++;
        }
        for (const [label, mk, exp] of e.extra ?? []) {
          setBackend(be);
          const args = mk.map((v) => v());
          const f = await probe(e, args, exp, `${be} ${name} → ${e.fn} ${label}`);
          release(args);
          if (f !== null) failures.push(f);
          size++;
        }
        // The valid call itself succeeds (so the entry tests what it means to).
        setBackend(be);
        const args = e.valid.map((v) => v());
        const ok = await probe(e, args, 'may', `${be} ${name} → ${e.fn} valid`, e.mutates === true);
        let threw: unknown = null;
        try {
          const r = (e.call as (...a: unknown[]) => unknown)(...args);
          disposeAll(r instanceof Promise ? await r : r);
        } catch (err) {
          threw = err;
        }
        release(args);
        if (ok !== null) failures.push(ok);
        if (threw !== null) failures.push(`${be} ${name} → ${e.fn}: the valid call threw ${String(threw)}`);
      }
    }
    setBackend('wasm');
    onBackend('wasm', () => undefined);
    expect(failures).toEqual([]);
  });

  afterAll(() => {
    console.log(`battery: ${Object.keys(battery).length} exports, ${size} (call, bad input) probes over both backends`);
  });
});
