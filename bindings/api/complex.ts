/**
 * ComplexMatrix: a complex matrix held as two real matrices, re + i·im — how `eig` returns its
 * eigenvectors — with the accessors that make it usable without complex numbers in the language:
 * entry (i, j) and column j as `{ re, im }`, and nested rows of `[re, im]` pairs.
 */
import { shapeStr } from '../core/errors.js';
import { checkIndex } from '../core/validate.js';
import { live } from './convert.js';
import { Matrix } from './matrix.js';

/**
 * A complex number as its real and imaginary parts.
 *
 * @example
 * ```ts
 * const lambda: Complex = eig([[0, -1], [1, 0]]).value(0); // { re: 0, im: 1 }
 * ```
 */
export interface Complex {
  /** Real part. */
  re: number;
  /** Imaginary part. */
  im: number;
}

/**
 * A complex vector as its real and imaginary parts (two arrays of the same length).
 *
 * @example
 * ```ts
 * const v: ComplexVector = eig([[0, -1], [1, 0]]).vector(0); // v.re, v.im: Float64Arrays of 2
 * ```
 */
export interface ComplexVector {
  /** Real parts. */
  re: Float64Array;
  /** Imaginary parts. */
  im: Float64Array;
}

/**
 * A complex matrix re + i·im, owning its two real parts (dispose() frees both). `re` and `im` are
 * ordinary matrices, usable with every function of the library.
 *
 * @example
 * const { vectors } = eig(Matrix.from([[0, -1], [1, 0]]));
 * vectors.get(0, 0);  // { re: 0.7071…, im: 0 }
 * vectors.column(1);  // { re: Float64Array, im: Float64Array }
 * vectors.toArray();  // [[[re, im], [re, im]], [[re, im], [re, im]]]
 */
export class ComplexMatrix implements Disposable {
  /** The real part. */
  readonly re: Matrix;
  /** The imaginary part (same shape). */
  readonly im: Matrix;

  /**
   * Takes ownership of `re` and `im` (not copied; live matrices of the same shape, else a
   * ReferenceError / RangeError).
   *
   * @example
   * const Z = new ComplexMatrix(Matrix.eye(2), Matrix.zeros(2, 2));
   */
  constructor(re: Matrix, im: Matrix) {
    if (!(re instanceof Matrix) || !(im instanceof Matrix)) throw new TypeError('ComplexMatrix: re and im must be Matrix objects');
    live('ComplexMatrix', 're', re);
    live('ComplexMatrix', 'im', im);
    if (re.rows !== im.rows || re.cols !== im.cols) {
      throw new RangeError(`ComplexMatrix: re is ${shapeStr(re.rows, re.cols)} but im is ${shapeStr(im.rows, im.cols)}`);
    }
    this.re = re;
    this.im = im;
  }

  /** Number of rows. */
  get rows(): number {
    return this.re.rows;
  }

  /** Number of columns. */
  get cols(): number {
    return this.re.cols;
  }

  /** [rows, cols]. */
  get shape(): [number, number] {
    return [this.re.rows, this.re.cols];
  }

  /**
   * Entry (i, j) as `{ re, im }`, 0-based.
   *
   * @example
   * Z.get(0, 1); // { re: …, im: … }
   */
  get(i: number, j: number): Complex {
    checkIndex('ComplexMatrix.get', 'i', i, this.rows);
    checkIndex('ComplexMatrix.get', 'j', j, this.cols);
    return { re: live('ComplexMatrix.get', 're', this.re).get(i, j), im: live('ComplexMatrix.get', 'im', this.im).get(i, j) };
  }

  /**
   * A copy of column j as `{ re, im }` (for `eig`'s vectors: the eigenvector of eigenvalue j).
   *
   * @example
   * const { re, im } = Z.column(0);
   */
  column(j: number): ComplexVector {
    checkIndex('ComplexMatrix.column', 'j', j, this.cols);
    return { re: live('ComplexMatrix.column', 're', this.re).column(j), im: live('ComplexMatrix.column', 'im', this.im).column(j) };
  }

  /**
   * Nested rows of `[re, im]` pairs: entry (i, j) is `toArray()[i][j]`.
   *
   * @example
   * new ComplexMatrix(Matrix.eye(1), Matrix.ones(1, 1)).toArray(); // [[[1, 1]]]
   */
  toArray(): [number, number][][] {
    const re = live('ComplexMatrix.toArray', 're', this.re).toArray();
    const im = live('ComplexMatrix.toArray', 'im', this.im).toArray();
    return re.map((row, i) => row.map((x, j): [number, number] => [x, im[i]![j]!]));
  }

  /** True once either part is disposed. */
  get disposed(): boolean {
    return this.re.disposed || this.im.disposed;
  }

  /**
   * Frees both parts. Safe to call twice.
   *
   * @example
   * Z.dispose();
   */
  dispose(): void {
    this.re.dispose();
    this.im.dispose();
  }

  /**
   * Frees both parts (for `using`).
   *
   * @example
   * ```ts
   * {
   *   using Z = eig(A).vectors;
   *   console.log(Z.get(0, 0));
   * } // Z.re and Z.im are freed here
   * ```
   */
  [Symbol.dispose](): void {
    this.dispose();
  }
}
