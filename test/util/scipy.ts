/**
 * Decoding of the committed scipy reference files (test/scipy/README.md): matrices as row-major
 * `{rows, cols, data}`, vectors as arrays, NaN/±Infinity as strings. Import the JSON statically
 * (`import data from '../../scipy/expm.json' with { type: 'json' }`) so vite serves it in the browser projects too.
 */
import { Matrix } from '../../bindings/index.js';

export type RefNumber = number | 'NaN' | 'Infinity' | '-Infinity';
export interface RefMatrix { rows: number; cols: number; data: RefNumber[] }
export interface RefComplex { complex: true; re: RefValue; im: RefValue }
export type RefValue = RefNumber | RefNumber[] | RefMatrix | RefComplex;
export interface RefCase { name: string; inputs: Record<string, unknown>; outputs: Record<string, unknown>; meta?: Record<string, unknown> }
export interface RefFile { generator: string; scipy: string; numpy: string; cases: RefCase[] }

export function num(x: RefNumber): number {
  return typeof x === 'number' ? x : x === 'NaN' ? NaN : x === 'Infinity' ? Infinity : -Infinity;
}

export function isRefMatrix(v: unknown): v is RefMatrix {
  return typeof v === 'object' && v !== null && 'rows' in v && 'cols' in v && 'data' in v;
}

/** A reference vector as a Float64Array. */
export function vec(v: unknown): Float64Array {
  if (!Array.isArray(v)) throw new TypeError('scipy reference: expected a vector');
  return Float64Array.from(v as RefNumber[], num);
}

/** A reference matrix as row arrays. */
export function rows(v: unknown): number[][] {
  if (!isRefMatrix(v)) throw new TypeError('scipy reference: expected a matrix');
  const out: number[][] = [];
  for (let i = 0; i < v.rows; i++) out.push(v.data.slice(i * v.cols, (i + 1) * v.cols).map(num));
  return out;
}

/** A reference matrix as a new Matrix (the caller disposes it). */
export function mat(v: unknown): Matrix {
  if (!isRefMatrix(v)) throw new TypeError('scipy reference: expected a matrix');
  return Matrix.fromArray(Float64Array.from(v.data, num), v.rows, v.cols);
}

/** The cases of a reference file, checked for the expected shape. */
export function loadCases(file: unknown): RefCase[] {
  const f = file as RefFile;
  if (!f || !Array.isArray(f.cases)) throw new TypeError('scipy reference: not a reference file');
  return f.cases;
}
