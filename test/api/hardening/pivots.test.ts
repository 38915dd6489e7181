/**
 * LUFactorization's pivots cannot be corrupted from outside: `ipiv` and `perm` are getters returning
 * copies of private state, so writing into what they return (or assigning to them) changes nothing the
 * solves use. Regression: with a public `ipiv` array, `F.ipiv[0] = 1e6` made `F.solve(b)` swap row 0
 * with a row a million entries away — reading and writing linear memory outside the right-hand side,
 * i.e. other matrices — and `-1` wrote before it.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { Matrix, luFactor, solve, memoryStats } from '../../../bindings/index.js';
import { setupApi, onBackend, BACKENDS } from '../../util/api.js';
import { expectBitwise } from '../../util/tolerance.js';

beforeAll(setupApi);

describe.each(BACKENDS)('LUFactorization pivots on the %s backend', (b) => {
  it('writing into ipiv / perm, or assigning them, leaves solve, det and inv exact and other matrices untouched', () => {
    onBackend(b, () => {
      // Neighbours on both sides of the factorisation in linear memory.
      using before = Matrix.randn(40, 40, { seed: 1 });
      const A = [[0, 2, 1], [3, 1, 4], [1, 5, 9]]; // needs row interchanges
      using F = luFactor(A);
      using after = Matrix.randn(40, 40, { seed: 2 });
      const snap = [before.toFloat64Array(), after.toFloat64Array()];
      const rhs = [1, 2, 3];
      const want = solve(A, rhs);
      const wantT = F.solve(rhs, { transpose: true });
      using Binv = F.inv();
      const wantInv = Binv.toFloat64Array();
      const wantDet = F.det();
      const ipiv0 = Array.from(F.ipiv);
      const perm0 = Array.from(F.perm);
      expect(ipiv0.some((p, i) => p !== i), 'the example pivots').toBe(true);
      const mem = memoryStats();

      for (const v of [-1, 1e6, 3, -2147483648]) {
        F.ipiv[0] = v;
        F.ipiv.fill(v);
        F.perm[0] = v;
        F.perm.fill(v);
        expect(() => {
          (F as unknown as { ipiv: Int32Array }).ipiv = Int32Array.of(v, v, v);
        }, 'ipiv has no setter').toThrow(TypeError);
        expect(() => {
          (F as unknown as { perm: Int32Array }).perm = Int32Array.of(v, v, v);
        }, 'perm has no setter').toThrow(TypeError);

        expectBitwise(`solve after ipiv ← ${v}`, F.solve(rhs), want);
        expectBitwise(`solve(transpose) after ipiv ← ${v}`, F.solve(rhs, { transpose: true }), wantT);
        using X = F.inv();
        expectBitwise(`inv after ipiv ← ${v}`, X.toFloat64Array(), wantInv);
        expect(F.det(), `det after ipiv ← ${v}`).toBe(wantDet);
        expect(Array.from(F.ipiv)).toEqual(ipiv0);
        expect(Array.from(F.perm)).toEqual(perm0);
      }
      expectBitwise('matrix allocated before F', before.toFloat64Array(), snap[0]!);
      expectBitwise('matrix allocated after F', after.toFloat64Array(), snap[1]!);
      expect(memoryStats().blocksInUse).toBe(mem.blocksInUse);
    });
  });
});
