import { describe, expect, it } from 'vitest';
import data from '../scipy/selftest.json' with { type: 'json' };
import { loadCases, mat, num, vec } from './scipy.js';
import { setupApiSuite } from './api.js';

setupApiSuite('scipy reference decoding');

describe('scipy reference decoding', () => {
  it('decodes matrices, vectors and special values losslessly', () => {
    const [c] = loadCases(data);
    const A = mat(c!.inputs.A);
    try {
      const a = A.toArray();
      expect(a[0]![0]).toBe(1);
      expect(Object.is(a[0]![1], -0)).toBe(true);
      expect(a[1]![0]).toBeNaN();
      expect(a[1]![1]).toBe(Infinity);
    } finally {
      A.dispose();
    }
    expect(Array.from(vec(c!.inputs.v))).toEqual([0.1, -Infinity]);
    const E = mat(c!.outputs.empty);
    try {
      expect([E.rows, E.cols]).toEqual([0, 3]);
    } finally {
      E.dispose();
    }
    expect(num(c!.outputs.third as number)).toBe(1 / 3);
  });
});
