/**
 * Matrix.toString and the Node inspection hook — numpy-style text (bindings/core/format.ts): a header
 * `Matrix m×n (backend)`, then aligned entries in one common format, `…` where rows or columns are
 * cut. Snapshot-free: the tests assert the structure (line count, equal widths, where `…` is) and
 * the key substrings, and parse the printed numbers back against the entries they stand for.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { Matrix } from '../../../bindings/index.js';
import { setupApi, onBackend, BACKENDS } from '../../util/api.js';
import { expectError } from '../../util/errors.js';

beforeAll(setupApi);

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** The entry lines of a printed matrix (without the header), with the brackets and the row comma removed. */
function body(text: string): string[][] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/^\[?\[|^ \[|^ /, '').replace(/\]?\],?$|,$/, ''))
    .map((line) => line.split(', '));
}

describe('toString: small matrices, numpy repr style', () => {
  it('a 2×2 with a negative entry: the exact text', () => {
    const A = Matrix.from([[1, 2.5], [-3, 4]]);
    expect(A.toString()).toBe('Matrix 2×2 (js)\n[[ 1. ,  2.5],\n [-3. ,  4. ]]');
  });

  it('integers print as `1.`, like numpy; a single entry; -0 keeps its sign', () => {
    expect(Matrix.eye(2).toString()).toBe('Matrix 2×2 (js)\n[[1., 0.],\n [0., 1.]]');
    expect(Matrix.from([[7]]).toString()).toBe('Matrix 1×1 (js)\n[[7.]]');
    expect(Matrix.from([[-0, 1]]).toString()).toBe('Matrix 1×2 (js)\n[[-0.,  1.]]');
  });

  it('every entry gets the same width, so the columns line up (negative entries included)', () => {
    const A = Matrix.from([[1, -22.25, 3], [-400.5, 5, 0.125], [7, 8, -9]]);
    const lines = A.toString().split('\n').slice(1);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    const cells = body(A.toString()).flat();
    expect(new Set(cells.map((c) => c.length)).size).toBe(1);
    // The decimal points line up: the same offset in every cell.
    expect(new Set(cells.map((c) => c.indexOf('.'))).size).toBe(1);
    expect(cells.map(Number)).toEqual(Array.from(A.toFloat64Array()));
  });

  it('at most `precision` digits after the point, trailing zeros dropped', () => {
    const A = Matrix.from([[1 / 3, 0.1 + 0.2]]);
    expect(A.toString()).toBe('Matrix 1×2 (js)\n[[0.333333, 0.3     ]]');
    expect(A.toString({ precision: 2 })).toBe('Matrix 1×2 (js)\n[[0.33, 0.3 ]]');
    expect(A.toString({ precision: 0 })).toBe('Matrix 1×2 (js)\n[[0., 0.]]');
    expect(Matrix.from([[Math.PI]]).toString({ precision: 15 })).toContain('3.141592653589793');
  });

  it('NaN and ±Infinity as JavaScript spells them, padded to the common width', () => {
    const A = Matrix.from([[NaN, 1.5], [-Infinity, Infinity]]);
    const text = A.toString();
    expect(text).toBe('Matrix 2×2 (js)\n[[      NaN,       1.5],\n [-Infinity,  Infinity]]');
    expect(Matrix.from([[NaN, NaN]]).toString()).toBe('Matrix 1×2 (js)\n[[NaN, NaN]]');
  });

  it('huge and tiny values switch to scientific notation (numpy’s rule), exponents aligned', () => {
    const huge = Matrix.from([[1e300, -2.5e300], [3e8, 1]]).toString();
    expect(huge).toContain('1.0e+300');
    expect(huge).toContain('-2.5e+300');
    expect(huge).toContain('3.0e+008'); // exponents padded to the same number of digits
    const tiny = Matrix.from([[1e-300, 5e-324], [2.5e-5, 0]]).toString();
    expect(tiny).toContain('1.000000e-300'); // mantissas padded with zeros, as numpy
    expect(tiny).toContain('4.940656e-324'); // the smallest subnormal
    expect(tiny).toContain('0.000000e+000');
    for (const t of [huge, tiny]) {
      const cells = body(t).flat();
      expect(new Set(cells.map((c) => c.length)).size).toBe(1);
      expect(new Set(cells.map((c) => c.indexOf('e'))).size).toBe(1);
    }
    // numpy's triggers: max ≥ 1e8, min non-zero < 1e-4, or max/min > 1e3.
    expect(Matrix.from([[1e8]]).toString()).toContain('1.e+08');
    expect(Matrix.from([[9.5e7]]).toString()).toContain('95000000.');
    expect(Matrix.from([[1e-4, 1e-1]]).toString()).toContain('0.0001');
    expect(Matrix.from([[9e-5, 1e-1]]).toString()).toContain('9.e-05');
    expect(Matrix.from([[1, 1000]]).toString()).toContain('1000.');
    expect(Matrix.from([[1, 1001]]).toString()).toContain('e+03');
    // Non-finite entries do not force scientific notation.
    expect(Matrix.from([[1, Infinity, NaN]]).toString()).toBe('Matrix 1×3 (js)\n[[      1., Infinity,      NaN]]');
  });

  it('printed numbers read back as the entries (within the printed precision)', () => {
    const A = Matrix.randn(6, 5, { seed: 4 });
    const cells = body(A.toString({ precision: 10 })).flat().map(Number);
    const a = A.toFloat64Array();
    cells.forEach((x, k) => expect(Math.abs(x - a[k]!)).toBeLessThanOrEqual(0.5e-10 * (1 + 1e-9)));
    A.dispose();
  });
});

describe('toString: large matrices show the corners', () => {
  it.each(BACKENDS)('100×80 on the %s backend: 5 + … + 5 rows and columns by default', (b) => {
    onBackend(b, () => {
      const A = Matrix.random(100, 80, { seed: 1 });
      const text = A.toString();
      const lines = text.split('\n');
      expect(lines[0]).toBe(`Matrix 100×80 (${b})`);
      expect(lines).toHaveLength(1 + 11);
      expect(lines[6]).toBe(' …,');
      const rows = body(text);
      const shownRows = [0, 1, 2, 3, 4, null, 95, 96, 97, 98, 99];
      const shownCols = [0, 1, 2, 3, 4, null, 75, 76, 77, 78, 79];
      rows.forEach((cells, r) => {
        const i = shownRows[r]!;
        if (i === null) return;
        expect(cells).toHaveLength(11);
        cells.forEach((c, k) => {
          const j = shownCols[k]!;
          if (j === null) expect(c).toBe('…');
          else expect(Math.abs(Number(c) - A.get(i, j))).toBeLessThanOrEqual(0.5e-6 * (1 + 1e-9));
        });
      });
      A.dispose();
    });
  });

  it('the two backends print the same entries', () => {
    const texts = BACKENDS.map((b) =>
      onBackend(b, () => {
        const A = Matrix.randn(30, 30, { seed: 2 });
        const t = A.toString();
        A.dispose();
        return t.split('\n').slice(1).join('\n');
      }),
    );
    expect(texts[0]).toBe(texts[1]);
  });

  it('up to 10×10 in full; maxRows / maxCols change the cut (Infinity: no cut)', () => {
    const A = Matrix.random(10, 10, { seed: 3 });
    expect(A.toString()).not.toContain('…');
    const B = Matrix.random(11, 3, { seed: 3 });
    expect(B.toString().split('\n')).toHaveLength(1 + 11); // 5 + … + 5
    expect(B.toString({ maxRows: Infinity }).split('\n')).toHaveLength(1 + 11);
    expect(B.toString({ maxRows: Infinity })).not.toContain('…');
    const C = Matrix.random(12, 12, { seed: 3 });
    const t = C.toString({ maxRows: 3, maxCols: 2 });
    const lines = t.split('\n');
    expect(lines).toHaveLength(1 + 4); // 2 + … + 1
    expect(lines[3]).toBe(' …,');
    for (const cells of body(t)) if (cells[0] !== '…') expect(cells).toHaveLength(3);
    const one = C.toString({ maxRows: 1, maxCols: 1 }).split('\n');
    expect(one).toHaveLength(3);
    expect(one[1]).toMatch(/^\[\[0\.\d+, …\],$/);
    expect(one[2]).toBe(' …]');
    [A, B, C].forEach((M) => M.dispose());
  });

  it('the cut is decided on the entries shown: huge entries outside them do not change the format', () => {
    const A = Matrix.ones(20, 20);
    A.set(10, 10, 1e300); // in the cut middle
    expect(A.toString()).not.toContain('e+');
    A.set(0, 0, 1e300);
    expect(A.toString()).toContain('e+300');
    A.dispose();
  });
});

describe('toString: empty and disposed matrices, options', () => {
  it('empty shapes print their shape and []', () => {
    for (const [m, n] of [[0, 0], [0, 3], [3, 0]] as const) {
      expect(Matrix.zeros(m, n).toString()).toBe(`Matrix ${m}×${n} (js)\n[]`);
    }
  });

  it('a disposed matrix prints as disposed instead of throwing', () => {
    const A = Matrix.random(20, 20, { seed: 1 });
    A.dispose();
    expect(A.toString()).toBe('Matrix 20×20 (disposed)');
    expect(String(A)).toBe('Matrix 20×20 (disposed)');
    expect(`${A}`).toContain('disposed');
  });

  it('bad options: TypeError / RangeError naming Matrix.toString', () => {
    const A = Matrix.eye(2);
    expectError(TypeError, 'options', () => A.toString(3 as never), /^Matrix\.toString: options must be an object/);
    expectError(TypeError, 'precision', () => A.toString({ precision: '3' as never }), /^Matrix\.toString: precision must be a number/);
    expectError(RangeError, 'precision 21', () => A.toString({ precision: 21 }), /^Matrix\.toString: precision/);
    expectError(RangeError, 'precision -1', () => A.toString({ precision: -1 }), /^Matrix\.toString: precision/);
    expectError(RangeError, 'precision 1.5', () => A.toString({ precision: 1.5 }), /^Matrix\.toString: precision/);
    expectError(RangeError, 'maxRows 0', () => A.toString({ maxRows: 0 }), /^Matrix\.toString: maxRows must be a positive integer or Infinity, got 0/);
    expectError(RangeError, 'maxCols NaN', () => A.toString({ maxCols: NaN }), /^Matrix\.toString: maxCols/);
    expectError(TypeError, 'maxCols null', () => A.toString({ maxCols: null as never }), /^Matrix\.toString: maxCols must be a number/);
    expect(A.toString(null)).toBe(A.toString());
  });
});

describe('the Node inspection hook (console.log)', () => {
  it('is found under Symbol.for("nodejs.util.inspect.custom") and prints toString()', () => {
    const A = Matrix.from([[1, 2], [3, 4]]);
    const hook = (A as unknown as Record<symbol, (depth: number, options: object) => string>)[INSPECT]!;
    expect(typeof hook).toBe('function');
    expect(hook.call(A, 2, {})).toBe(A.toString());
  });

  it('past the depth: a one-line summary, stylized when the caller offers it', () => {
    const A = Matrix.from([[1, 2], [3, 4]]);
    const hook = (A as unknown as Record<symbol, (depth: number, options: object) => string>)[INSPECT]!;
    expect(hook.call(A, -1, {})).toBe('[Matrix 2×2]');
    expect(hook.call(A, -1, { stylize: (s: string, style: string) => `<${style}>${s}` })).toBe('<special>[Matrix 2×2]');
    A.dispose();
    expect(hook.call(A, 0, {})).toBe('Matrix 2×2 (disposed)');
    expect(hook.call(A, -1, {})).toBe('[Matrix 2×2, disposed]');
  });
});
