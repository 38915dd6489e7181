/**
 * Typed errors.
 *
 * - Bad arguments (wrong shapes, sizes, types) raise the built-in `RangeError` / `TypeError` with a
 *   message that names the shapes involved. They are raised before any work is done, so no input
 *   and no output is touched.
 * - Numerical failures that later decompositions detect (a singular matrix, a matrix that is not
 *   positive definite, an iteration that did not converge) raise {@link LinAlgError}, whose `code`
 *   says which failure it is.
 */

/**
 * The numerical failure a {@link LinAlgError} reports: a singular matrix (an exactly zero pivot), a
 * matrix that is not positive definite, an iteration that did not converge, or NaN/Inf in an input.
 *
 * @example
 * ```ts
 * const code: LinAlgErrorCode = 'singular';
 * ```
 */
export type LinAlgErrorCode =
  | 'singular'
  | 'not-positive-definite'
  | 'no-convergence'
  | 'not-finite'
  // Matrix functions (expm/sqrtm/logm: issue 13): the principal sqrtm/logm of A is not real (an
  // eigenvalue on the closed negative real axis); expm's result overflows.
  | 'no-real-result'
  | 'overflow';

/**
 * A numerical failure of a linear-algebra routine (the analogue of numpy's `LinAlgError`). Bad
 * arguments are TypeErrors and RangeErrors instead.
 *
 * @example
 * ```ts
 * try {
 *   inv([[1, 2], [2, 4]]);
 * } catch (e) {
 *   if (e instanceof LinAlgError && e.code === 'singular') console.log(e.message);
 * }
 * ```
 */
export class LinAlgError extends Error {
  /** Machine-readable reason. */
  readonly code: LinAlgErrorCode;
  /** Routine-specific detail, e.g. the 1-based column of a zero pivot (LAPACK's INFO). */
  readonly info: number | undefined;

  constructor(code: LinAlgErrorCode, message: string, info?: number) {
    super(message);
    this.name = 'LinAlgError';
    this.code = code;
    this.info = info;
  }
}

/** `"3×4"` — how shapes are written in messages. */
export function shapeStr(rows: number, cols: number): string {
  return `${rows}×${cols}`;
}
