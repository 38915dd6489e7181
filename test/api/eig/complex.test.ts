/**
 * Complex eig results made usable: `vectors` is a ComplexMatrix (re, im — the fields of before —
 * plus get(i, j), column(j), toArray() of [re, im] pairs), and the result has value(k), vector(k),
 * toArray() and residual() = max_k ‖A·v_k − λ_k·v_k‖₂ / (‖A‖_F·‖v_k‖₂) in complex arithmetic.
 * Checked on rotations (eigenvalues e^{±iθ}) and random matrices with complex pairs, against an
 * independent complex computation in the test; on both backends bit for bit; and that nothing
 * leaks (setupLapackSuite) and tidy / dispose see the vectors through the ComplexMatrix.
 */
import { describe, it, expect } from 'vitest';
import { ComplexMatrix, Matrix, eig, tidy } from '../../../bindings/index.js';
import { onBoth, setupLapackSuite } from '../../util/api.js';
import { expectBitwise } from '../../util/tolerance.js';
import { expectError } from '../../util/errors.js';

setupLapackSuite('api/eig/complex');

const EPS = 2 ** -52;

function rotation(theta: number): number[][] {
  return [
    [Math.cos(theta), -Math.sin(theta)],
    [Math.sin(theta), Math.cos(theta)],
  ];
}

/** The residual computed independently: plain JS complex arithmetic on row-major data. */
function referenceResidual(A: number[][], values: [number, number][], V: [number, number][][]): number {
  const n = A.length;
  let normA = 0;
  for (const row of A) for (const x of row) normA += x * x;
  normA = Math.sqrt(normA);
  let worst = 0;
  for (let k = 0; k < n; k++) {
    const [lr, li] = values[k]!;
    let num = 0;
    let vn = 0;
    for (let i = 0; i < n; i++) {
      let sr = 0;
      let si = 0;
      for (let j = 0; j < n; j++) {
        sr += A[i]![j]! * V[j]![k]![0];
        si += A[i]![j]! * V[j]![k]![1];
      }
      const [vr, vi] = V[i]![k]!;
      const rr = sr - (lr * vr - li * vi);
      const ri = si - (lr * vi + li * vr);
      num += rr * rr + ri * ri;
      vn += vr * vr + vi * vi;
    }
    worst = Math.max(worst, Math.sqrt(num) / (normA * Math.sqrt(vn)));
  }
  return worst;
}

describe('rotations: eigenvalues e^{±iθ}', () => {
  it.each([Math.PI / 2, 0.3, 2.5])('θ = %f: value, vector, toArray, residual', (theta) => {
    const A = rotation(theta);
    const r = eig(A);
    try {
      expect(r.value(0).re).toBeCloseTo(Math.cos(theta), 14);
      expect(r.value(0).im).toBeCloseTo(Math.sin(theta), 14); // the positive imaginary part first
      expect(r.value(1).im).toBeCloseTo(-Math.sin(theta), 14);
      for (let k = 0; k < 2; k++) {
        expect(r.value(k)).toEqual({ re: r.real[k], im: r.imag[k] });
        const v = r.vector(k);
        expectBitwise(`vector ${k} re`, v.re, r.vectors.re.column(k));
        expectBitwise(`vector ${k} im`, v.im, r.vectors.im.column(k));
        // unit 2-norm
        expect(Math.hypot(...v.re, ...v.im)).toBeCloseTo(1, 14);
      }
      // The pair's vectors are conjugates.
      expectBitwise('conjugate re', r.vector(1).re, r.vector(0).re);
      expectBitwise('conjugate im', r.vector(1).im, r.vector(0).im.map((x) => -x));
      const t = r.toArray();
      expect(t.values).toEqual([[r.real[0], r.imag[0]], [r.real[1], r.imag[1]]]);
      expect(t.vectors).toEqual(r.vectors.toArray());
      expect(t.vectors[1]![0]).toEqual([r.vectors.re.get(1, 0), r.vectors.im.get(1, 0)]);
      const res = r.residual();
      expect(res).toBeLessThanOrEqual(30 * 2 * EPS);
      expect(Math.abs(res - referenceResidual(A, t.values, t.vectors))).toBeLessThanOrEqual(4 * EPS);
    } finally {
      r.dispose();
    }
  });

  it('θ = π/2: the documented example', () => {
    const r = eig([[0, -1], [1, 0]]);
    expect(r.value(0)).toEqual({ re: 0, im: 1 });
    expect(r.value(1)).toEqual({ re: 0, im: -1 });
    const v = r.vector(0);
    expect(v.re[0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(v.im[1]).toBeCloseTo(-Math.SQRT1_2, 15);
    expect([v.re[1], v.im[0]]).toEqual([0, 0]);
    expect(r.residual()).toBe(0);
  });
});

describe('random matrices with complex pairs', () => {
  it.each([6, 12, 30])('n = %i: residual of order n·eps, equal to an independent complex computation', (n) => {
    const A = Matrix.randn(n, n, { seed: 100 + n });
    const r = eig(A);
    try {
      let pairs = 0;
      for (let k = 0; k < n; k++) if (r.imag[k]! > 0) pairs++;
      expect(pairs).toBeGreaterThan(0); // the test is about complex pairs
      const t = r.toArray();
      expect(t.values).toHaveLength(n);
      expect(t.vectors).toHaveLength(n);
      const res = r.residual();
      expect(res / (n * EPS)).toBeLessThanOrEqual(30);
      const ref = referenceResidual(A.toArray(), t.values, t.vectors);
      // Both are computed values of a quantity of order eps, so they agree to its rounding, not to
      // relative precision: each is within (n + 2)·eps·(‖A‖‖v‖ + |λ|‖v‖)/(‖A‖_F‖v‖) ≤ 2(n + 2)·eps of
      // the exact residual of the computed pairs (the relaxed build's fused A·v rounds otherwise).
      expect(Math.abs(res - ref)).toBeLessThanOrEqual(4 * (n + 2) * EPS);
      // Each pair: value(k) and vector(k) agree with the split arrays.
      for (let k = 0; k < n; k++) {
        expect(r.value(k)).toEqual({ re: r.real[k], im: r.imag[k] });
        expect(r.vectors.get(0, k)).toEqual({ re: r.vectors.re.get(0, k), im: r.vectors.im.get(0, k) });
      }
      // A perturbed A: the residual sees it.
      const B = A.clone();
      B.set(0, 0, B.get(0, 0) + 1e-6);
      expect(r.residual(B)).toBeGreaterThan(1e-9);
      B.dispose();
    } finally {
      r.dispose();
      A.dispose();
    }
  });

  it('the residual is the same bits on both backends', () => {
    const out = onBoth('residual', () => {
      const A = Matrix.randn(20, 20, { seed: 7 });
      const r = eig(A);
      try {
        return r.residual();
      } finally {
        r.dispose();
        A.dispose();
      }
    });
    expect(out[0]! / (20 * EPS)).toBeLessThanOrEqual(30);
  });
});

describe('residual: which A, and errors', () => {
  it('defaults to the argument of eig (a nested array too), or takes another A', () => {
    const rows = Matrix.randn(5, 5, { seed: 1 }).toArray();
    const r = eig(rows);
    const s = eig(Matrix.from(rows));
    expect(r.residual()).toBe(s.residual());
    expect(r.residual(rows)).toBe(r.residual());
  });

  it('wrong shape → RangeError; a disposed A → ReferenceError; bad indices → RangeError', () => {
    const A = Matrix.randn(9, 9, { seed: 2 });
    const r = eig(A);
    try {
      expectError(RangeError, 'shape', () => r.residual([[1, 2], [3, 4]]), /^eig\.residual: A is 2×2 but there are 9 eigenpairs \(needs 9×9\)$/);
      expectError(RangeError, 'value', () => r.value(9), /^eig\.value: k = 9 is out of range \[0, 9\)/);
      expectError(RangeError, 'vector', () => r.vector(-1), /^eig\.vector: k = -1 is out of range/);
      expectError(TypeError, 'vector type', () => r.vector('0' as never), /^eig\.vector: k must be a number/);
      A.dispose();
      expectError(ReferenceError, 'disposed', () => r.residual(), /^eig\.residual: A is a disposed Matrix/);
    } finally {
      r.dispose();
    }
  });

  it('0×0: no values, residual 0', () => {
    const r = eig(Matrix.zeros(0, 0));
    expect(r.toArray()).toEqual({ values: [], vectors: [] });
    expect(r.residual()).toBe(0);
    expectError(RangeError, 'value', () => r.value(0), /^eig\.value: k = 0 is out of range \[0, 0\)/);
    expect(r.vectors.shape).toEqual([0, 0]);
  });

  it('a zero matrix: eigenvalues 0, the unscaled residual (0)', () => {
    const r = eig(Matrix.zeros(3, 3));
    expect(r.residual()).toBe(0);
  });
});

describe('backwards compatibility and lifetime', () => {
  it('the result keeps its enumerable fields; vectors.re / vectors.im are matrices', () => {
    const A = Matrix.randn(9, 9, { seed: 3 });
    const r = eig(A);
    A.dispose();
    expect(Object.keys(r)).toEqual(['real', 'imag', 'vectors']);
    expect(r.vectors.re).toBeInstanceOf(Matrix);
    expect(r.vectors.im).toBeInstanceOf(Matrix);
    expect(r.vectors).toBeInstanceOf(ComplexMatrix);
    expect(Object.keys(r.vectors)).toEqual(['re', 'im']);
    const { re, im } = r.vectors;
    r.dispose(); // frees both parts
    expect(re.disposed && im.disposed).toBe(true);
    expect(r.vectors.disposed).toBe(true);
  });

  it('tidy keeps the vectors of a returned result (it looks inside the ComplexMatrix)', () => {
    const r = tidy(() => eig(Matrix.randn(9, 9, { seed: 4 })));
    expect(r.vectors.re.disposed).toBe(false);
    expect(r.vectors.im.disposed).toBe(false);
    const V = tidy(() => eig(Matrix.randn(9, 9, { seed: 4 })).vectors);
    expect(V.disposed).toBe(false);
    V.dispose();
    r.dispose();
  });
});

describe('ComplexMatrix', () => {
  it('get, column, toArray, shape; the constructor checks its parts', () => {
    const Z = new ComplexMatrix(Matrix.from([[1, 2], [3, 4]]), Matrix.from([[5, 6], [7, 8]]));
    expect(Z.shape).toEqual([2, 2]);
    expect(Z.rows).toBe(2);
    expect(Z.cols).toBe(2);
    expect(Z.get(1, 0)).toEqual({ re: 3, im: 7 });
    const c = Z.column(1);
    expect(Array.from(c.re)).toEqual([2, 4]);
    expect(Array.from(c.im)).toEqual([6, 8]);
    expect(Z.toArray()).toEqual([[[1, 5], [2, 6]], [[3, 7], [4, 8]]]);
    expectError(RangeError, 'get', () => Z.get(2, 0), /^ComplexMatrix\.get: i = 2 is out of range \[0, 2\)/);
    expectError(RangeError, 'column', () => Z.column(2), /^ComplexMatrix\.column: j = 2 is out of range/);
    expectError(RangeError, 'shapes', () => new ComplexMatrix(Matrix.zeros(2, 2), Matrix.zeros(2, 3)), /^ComplexMatrix: re is 2×2 but im is 2×3$/);
    expectError(TypeError, 'types', () => new ComplexMatrix([[1]] as never, Matrix.zeros(1, 1)), /^ComplexMatrix: re and im must be Matrix objects$/);
    Z.dispose();
    expect(Z.disposed).toBe(true);
    expectError(ReferenceError, 'disposed', () => Z.toArray(), /^ComplexMatrix\.toArray: re is a disposed Matrix/);
    Z.dispose(); // twice is fine
  });
});
