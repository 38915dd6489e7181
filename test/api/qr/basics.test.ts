/**
 * qr in the modes reduced / complete / r, with and without column pivoting, on both backends (R bit for
 * bit between them), with LAPACK's dqrt01 ratios below THRESH = 30:
 *
 *   ‖A·P − Q·R‖₁ / (‖A‖₁·max(m, n)·ε)        ‖I − QᵀQ‖₁ / (m·ε)
 *
 *
 * Split from the former test/matrix/solvers.test.ts (one quick pass over every solver; the
 * helpers are test/util/rowmajor.ts); the LAPACK-type suite of the same function is beside it.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { qr, setBackend } from '../../../bindings/index.js';
import { setupApi, onBoth, BACKENDS } from '../../util/api.js';
import { Rng, rows } from '../../util/generate.js';
import { EPS } from '../../util/tolerance.js';
import { THRESH } from '../../util/ratios.js';
import { eye, flatRows, minus, mul, n1, tr } from '../../util/rowmajor.js';

beforeAll(setupApi);

describe('QR, least squares, projection', () => {
  it('qr modes reduced / complete / r, with and without pivoting: dqrt01 ratios < 30', () => {
    for (const [m, n] of [[1, 1], [5, 3], [3, 5], [17, 17], [40, 12], [12, 40]] as const) {
      const A = rows(new Rng(m + 7 * n), 'normal', m, n);
      const a = flatRows(A);
      const k = Math.min(m, n);
      for (const pivoting of [false, true]) {
        for (const mode of ['reduced', 'complete', 'r'] as const) {
          for (const b of BACKENDS) {
            setBackend(b);
            const res = qr(A, { mode, pivoting });
            const qc = mode === 'complete' ? m : k;
            expect(res.R.shape).toEqual([qc, n]);
            const R = res.R.toFloat64Array();
            for (let i = 0; i < qc; i++) for (let j = 0; j < Math.min(i, n); j++) expect(R[i * n + j], `R(${i},${j}) below the diagonal`).toBe(0);
            if (pivoting) {
              expect([...res.perm!].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, j) => j));
              for (let i = 1; i < k; i++) expect(Math.abs(R[i * n + i]!)).toBeLessThanOrEqual(Math.abs(R[(i - 1) * n + i - 1]!));
            } else expect(res.perm).toBeUndefined();
            if (mode === 'r') expect(res.Q).toBeUndefined();
            else {
              const Q = res.Q!.toFloat64Array();
              expect(res.Q!.shape).toEqual([m, qc]);
              const AP = pivoting ? Float64Array.from({ length: m * n }, (_, t) => a[Math.floor(t / n) * n + res.perm![t % n]!]!) : a;
              const r1 = n1(minus(AP, mul(Q, R, m, qc, n)), m, n) / (n1(a, m, n) * Math.max(m, n) * EPS);
              const r2 = n1(minus(eye(qc), mul(tr(Q, m, qc), Q, qc, m, qc)), qc, qc) / (m * EPS);
              expect(r1, `qr ${m}×${n} ${mode} piv=${pivoting} ${b}: ‖AP − QR‖`).toBeLessThan(THRESH);
              expect(r2, `qr ${m}×${n} ${mode} piv=${pivoting} ${b}: ‖I − QᵀQ‖`).toBeLessThan(THRESH);
              res.Q!.dispose();
            }
            res.R.dispose();
          }
          setBackend('wasm');
          onBoth(`qr R bits ${m}×${n} ${mode}`, () => qr(A, { mode: 'r', pivoting }).R);
        }
      }
    }
  });
});
